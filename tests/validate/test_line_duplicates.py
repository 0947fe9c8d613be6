"""The quick duplicate-key test of JSON Lines lines (a line written exactly as orjson
writes its value has none) agrees with the exact scan, whatever the line looks like."""

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from dipos.validator.check.lines import check_lines
from dipos.validator.check.pipeline import FilePart
from dipos.validator.read.textscan import scan

KEYS = st.sampled_from(["a", "b", "x_c", "é", 'q"', "\\", ":"])
SCALARS = st.one_of(st.integers(-5, 5), st.sampled_from(["", ":", '":', "a\\", " :"]))


@st.composite
def objects(draw: st.DrawFn, depth: int = 2) -> str:
    """A JSON object as text, maybe with repeated keys and spaces around colons."""
    members = []
    for key in draw(st.lists(KEYS, max_size=4)):
        if depth and draw(st.booleans()):
            value = draw(objects(depth - 1))
        else:
            value = orjson.dumps(draw(SCALARS)).decode()
        colon = draw(st.sampled_from([":", " :", ": ", "\t:"]))
        members.append(orjson.dumps(key).decode() + colon + value)
    return "{" + ",".join(members) + "}"


@settings(max_examples=300, deadline=None)
@given(objects(), st.booleans())
def test_duplicate_keys_of_a_line_match_the_exact_scan(text: str, newline: bool) -> None:
    raw = text.encode() + (b"\n" if newline else b"")
    part = FilePart()
    part.index.start_file("data.jsonl")
    check_lines([raw], "data.jsonl", part)
    found = [f.path for f in part.findings if f.rule == "syntax-duplicate-key"]
    assert found == [path for path, _ in scan(text).duplicates]


def test_compact_line_with_a_duplicate_is_reported() -> None:
    part = FilePart()
    part.index.start_file("data.jsonl")
    check_lines([b'{"type":"actor","id":"a","id":"b"}\n'], "data.jsonl", part)
    assert [f.path for f in part.findings if f.rule == "syntax-duplicate-key"] == [("id",)]

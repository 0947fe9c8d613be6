"""Large JSON dataset files are read as a stream of records, with the same findings.

Streaming starts at ``jsonstream.STREAM_BYTES``; the tests lower it to 0 so that every
fixture goes both ways, and shrink the read window so that records cross its edge.
"""

import json
import tracemalloc
from pathlib import Path
from typing import Any

import orjson
import pytest

from dipos.validator import validate
from dipos.validator.engine import streamed
from dipos.validator.read import jsonstream

from .conftest import VALID

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
JSON_CASES = sorted(FIXTURES.rglob("*.json"))
LISTS = frozenset({"actors", "territories", "sources", "proposals", "positions"})


@pytest.fixture
def stream_everything(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Stream every JSON file, through a small window; record whether each streamed."""
    monkeypatch.setattr(jsonstream, "STREAM_BYTES", 0)
    monkeypatch.setattr(jsonstream, "READ_CHARS", 97)
    outcomes: list[bool] = []
    check = streamed.check_streamed

    def counted(*args: Any, **kwargs: Any) -> Any:
        part = check(*args, **kwargs)
        outcomes.append(part is not None)
        return part

    monkeypatch.setattr(streamed, "check_streamed", counted)
    return outcomes


def _key(report: Any) -> tuple[int, list[str]]:
    return report.records, sorted(map(repr, report.findings))


@pytest.mark.parametrize(
    "case", [*JSON_CASES, EXAMPLES], ids=lambda p: str(p.relative_to(p.parents[1]))
)
def test_same_findings_streamed_or_whole(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _key(validate(case))
    monkeypatch.setattr(jsonstream, "STREAM_BYTES", 0)
    monkeypatch.setattr(jsonstream, "READ_CHARS", 97)
    assert _key(validate(case)) == whole


def test_datasets_are_streamed(stream_everything: list[bool]) -> None:
    report = validate(VALID / "dataset.json", reference=False)
    assert report.ok
    assert stream_everything == [True]


def test_streamed_with_workers(stream_everything: list[bool], tmp_path: Path) -> None:
    data = orjson.loads((VALID / "dataset.json").read_bytes())
    data["actors"].append(dict(data["actors"][0]))  # a duplicate id, read back and located
    data["positions"][0]["holders"] = ["actor-nowhere"]
    path = tmp_path / "d.json"
    path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    one = validate(path)
    assert {f.rule for f in one.findings} >= {"id-duplicate", "ref-unresolved"}
    assert all(f.line is not None and f.column is not None for f in one.findings)
    assert _key(validate(path, jobs=2)) == _key(one)
    assert all(stream_everything)


def _pieces(text: str) -> list[jsonstream.Piece]:
    import io

    stream = jsonstream.DatasetStream(io.BytesIO(text.encode()), LISTS)
    return list(stream.pieces())


def test_pieces_of_a_dataset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonstream, "READ_CHARS", 5)
    text = (
        '{"type": "dataset", "title": "T", "actors": [{"id": "a"}, {"id": "b", "n": 12345}],\n'
        ' "positions": [], "notes": [1, 2]}'
    )
    pieces = _pieces(text)
    assert [(p.key, p.index, p.value) for p in pieces] == [
        ("type", None, "dataset"),
        ("title", None, "T"),
        ("actors", 0, {"id": "a"}),
        ("actors", 1, {"id": "b", "n": 12345}),
        ("notes", None, [1, 2]),
    ]
    for piece in pieces:
        assert text[piece.start : piece.start + len(piece.text)] == piece.text
        assert json.loads(piece.text) == piece.value


@pytest.mark.parametrize(
    "text",
    [
        '{"title": "T", "type": "dataset"}',  # `type` is not first
        '{"type": "actor", "id": "a"}',  # not a dataset
        '{"type": "dataset", "actors": [], "actors": []}',  # a key twice
        '{"type": "dataset", "actors": [{"id": "a"} {"id": "b"}]}',  # a comma missing
        '{"type": "dataset", "actors": [{"id": "a"}]} []',  # text after the root
        '{"type": "dataset", "actors": [{"id": "a"}',  # cut short
        '["type", "dataset"]',  # not an object
        "",
    ],
)
def test_not_streamable(text: str) -> None:
    with pytest.raises(jsonstream.NotStreamable):
        _pieces(text)


def test_memory_stays_below_the_file_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = orjson.loads((VALID / "dataset.json").read_bytes())
    position = data["positions"][0]
    data["positions"] = [{**position, "id": f"pos-{i}"} for i in range(3000)]
    path = tmp_path / "big.json"
    path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    size = path.stat().st_size

    def peak() -> int:
        tracemalloc.start()
        try:
            assert validate(path).ok
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    whole = peak()
    monkeypatch.setattr(jsonstream, "STREAM_BYTES", 0)
    monkeypatch.setattr(jsonstream, "READ_CHARS", 1 << 16)
    stream = peak()
    assert whole > 3 * size  # read whole: the parsed records take several times the file
    assert stream < size  # streamed: a window and one record at a time

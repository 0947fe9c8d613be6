"""Regression tests for the defect classes of issue 13: one answer for every input.

1. bad characters (control characters in YAML, lone surrogates anywhere) are findings;
2. one number and string domain for every reader (NaN, Infinity, huge numbers);
3. bounded work for "did you mean" and a YAML file parsed once, by libyaml when present;
4. inputs that are not regular files get a clear exit 2; scans stay in their roots;
5. running out of memory is exit 2 with advice (``--max-memory``);
6. output cannot be forged (one line per finding, no workflow command);
7. UTF-32 is named as such.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml

import dipos
from dipos.cli import main
from dipos.limits import TOPIC_MAX_LENGTH
from dipos.validator.read import jsonstream, yamlload
from dipos.validator.read.domain import normalise
from dipos.validator.read.syntax import read_json
from dipos.validator.read.yamlload import read_yaml
from dipos.validator.report import FORMATS
from dipos.version import SCHEMA_VERSION

ACTOR = {"type": "actor", "id": "a", "name": "A", "kind": "state"}
HEADER = '{"type": "dataset", "dipos_version": "' + SCHEMA_VERSION + '", '


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "internal error" not in err
    return code, out, err


# --- 1. bad characters --------------------------------------------------------------


@pytest.mark.parametrize("character", ["\x7f", "\x01", "\ufffe", "\x85\x1b"])
def test_yaml_control_character_is_a_finding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, character: str
) -> None:
    path = tmp_path / "actor.yaml"
    path.write_text(f'type: actor\nid: a\nname: "A{character}B"\nkind: state\n', encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 1
    assert f"{path}:3:" in out
    assert "[syntax-yaml]" in out
    assert "is not allowed in a YAML file" in out


@pytest.mark.parametrize(
    "field", ["id", "kind", "name", "part_of", "note", "x_free"], ids=lambda f: f
)
def test_lone_surrogate_is_an_encoding_finding_everywhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, field: str
) -> None:
    record = {**ACTOR, field: "x\ud800y"}
    # Python objects.
    report = dipos.validate(record)
    assert [(f.rule, f.json_path) for f in report.findings] == [("syntax-encoding", f"$.{field}")]
    # JSON, JSON Lines, YAML (an escape in a double-quoted string).
    escaped = json.dumps(record)  # ensure_ascii: the surrogate is written \ud800
    for name, text in [
        ("r.json", escaped),
        ("r.jsonl", escaped + "\n"),
        ("r.yaml", escaped),  # JSON is YAML
    ]:
        path = tmp_path / name
        path.write_text(text)
        code, out, _ = run(capsys, str(path))
        assert code == 1, (name, out)
        assert "[syntax-encoding]" in out, (name, out)
        assert "lone surrogate" in out


def test_lone_surrogate_in_a_list_of_objects_only_stops_that_item() -> None:
    report = dipos.validate([ACTOR, {**ACTOR, "id": "b", "part_of": "\udfff"}, ACTOR])
    assert [(f.rule, f.json_path) for f in report.findings] == [
        ("syntax-encoding", "$[1].part_of"),
        ("id-duplicate", "$[2].id"),
    ]


# --- 2. one domain of values -----------------------------------------------------------

DOMAIN_CASES = {
    "nan": ("NaN", float("nan"), "!!float .nan"),  # plain .nan is text (JSON-like YAML)
    "minus-infinity": ("-Infinity", float("-inf"), "!!float -.inf"),
    "400-digit-integer": ("1" + "0" * 400, 10**400, "1" + "0" * 400),
    "1e400": ("1e400", None, "1e400"),
}


@pytest.mark.parametrize("case", sorted(DOMAIN_CASES))
def test_numbers_outside_the_domain_are_rejected_by_every_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    json_text, python_value, yaml_text = DOMAIN_CASES[case]
    dataset = (
        HEADER + '"actors": [{"type": "actor", "id": "a", "name": "A", "kind": "state", '
        '"x_n": ' + json_text + "}]}"
    )
    path = tmp_path / "d.json"
    path.write_text(dataset)
    whole = dipos.validate(path)
    assert not whole.ok
    assert {f.rule for f in whole.findings} == {"syntax-json"}
    # Streamed with a tiny window: the same answer (the stream gives the file up).
    monkeypatch.setattr(jsonstream, "STREAM_BYTES", 0)
    monkeypatch.setattr(jsonstream, "READ_CHARS", 7)
    assert dipos.validate(path).to_dict() == whole.to_dict()
    # YAML.
    yaml_path = tmp_path / "a.yaml"
    yaml_path.write_text(f"type: actor\nid: a\nname: A\nkind: state\nx_n: {yaml_text}\n")
    found = dipos.validate(yaml_path).findings
    assert [(f.rule, f.json_path, f.line) for f in found] == [("syntax-yaml", "$.x_n", 5)]
    # Python objects.
    if python_value is not None:
        found = dipos.validate({**ACTOR, "x_n": python_value}).findings
        assert [(f.rule, f.json_path) for f in found] == [("syntax-json", "$.x_n")]


def test_integers_beyond_64_bits_read_as_doubles_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2**64 is read as the double 1.8446744073709552e+19 by orjson; every reader agrees,
    so the messages that quote it are the same."""
    big = 2**64
    record = {**ACTOR, "name": big}
    message = "expected text (a string), found a number 1.8446744073709552e+19"
    assert dipos.validate(record).findings[0].message == message
    path = tmp_path / "d.json"
    path.write_text(HEADER + '"actors": [' + json.dumps(record) + "]}")
    assert dipos.validate(path).findings[0].message == message
    monkeypatch.setattr(jsonstream, "STREAM_BYTES", 0)
    assert dipos.validate(path).findings[0].message == message
    yaml_path = tmp_path / "a.yaml"
    yaml_path.write_text(f"type: actor\nid: a\nname: {big}\nkind: state\n")
    assert dipos.validate(yaml_path).findings[0].message == message
    assert record["name"] == big  # the caller's object is left as it was


def test_a_duplicate_id_is_the_later_record_whatever_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the differential test: read whole, the lists were taken in a fixed order
    (sources before proposals), read as a stream in the file's order."""
    path = tmp_path / "d.json"
    path.write_text(
        HEADER + '"id": "x", "proposals": [{"type": "proposal", "id": "x", "title": "T", '
        '"kind": "peace_plan"}], "sources": [{"type": "source", "id": "x", "title": "T", '
        '"kind": "news_report"}]}'
    )
    expected = [("id-duplicate", "$.proposals[0].id"), ("id-duplicate", "$.sources[0].id")]
    whole = [(f.rule, f.json_path) for f in dipos.validate(path).findings]
    assert whole == expected
    monkeypatch.setattr(jsonstream, "STREAM_BYTES", 0)
    assert [(f.rule, f.json_path) for f in dipos.validate(path).findings] == expected


def test_normalise_copies_only_the_paths_changed() -> None:
    shared = {"kept": [1, 2]}
    value = {"a": shared, "b": [2**70]}
    normal, violation = normalise(value)
    assert violation is None
    assert normal == {"a": {"kept": [1, 2]}, "b": [float(2**70)]}
    assert normal["a"] is shared
    assert value["b"] == [2**70]


def test_objects_nested_too_deeply_or_not_json(capsys: pytest.CaptureFixture[str]) -> None:
    deep: Any = []
    for _ in range(1_100):
        deep = [deep]
    found = dipos.validate({**ACTOR, "x_deep": deep}).findings
    assert [f.rule for f in found] == ["syntax-json"]
    assert "nested too deeply" in found[0].message
    for bad in ({1, 2}, b"bytes", object()):
        found = dipos.validate({**ACTOR, "x_bad": bad}).findings
        assert [(f.rule, f.json_path) for f in found] == [("syntax-json", "$.x_bad")]
    found = dipos.validate({**ACTOR, "x_keys": {1: "a"}}).findings
    assert "a key is not a string" in found[0].message


# --- 3. bounded work ---------------------------------------------------------------------


def test_many_misspelt_references_stay_fast(tmp_path: Path) -> None:
    """A million unresolved references must stay linear; here 3,000 distinct misspellings
    among 3,000 ids (the reported case took 23 s for 1,000). Not a timing test of speed:
    a bound far above the expected second catches a return to quadratic work."""
    actors = [{**ACTOR, "id": f"actor-country-{i:05d}"} for i in range(3_000)]
    positions = [
        {
            "type": "position",
            "id": f"pos-{i}",
            "holders": [f"actor-countyr-{i:05d}"],
            "move": "demand",
            "topics": ["ceasefire"],
            "summary": "s",
            "evidence": [{"source": "src", "quote": "q", "quote_kind": "direct"}],
        }
        for i in range(3_000)
    ]
    source = {"type": "source", "id": "src", "kind": "news_article", "title": "t"}
    path = tmp_path / "d.jsonl"
    path.write_bytes(b"\n".join(orjson.dumps(r) for r in [*actors, source, *positions]))
    started = time.perf_counter()
    report = dipos.validate(path)
    elapsed = time.perf_counter() - started
    unresolved = [f for f in report.findings if f.rule == "ref-unresolved"]
    assert len(unresolved) == 3_000
    assert 'did you mean "actor-country-00007"?' in unresolved[7].message
    assert elapsed < 60


def test_name_index_finds_what_difflib_finds() -> None:
    from dipos.validator.check.suggest import Budget, NameIndex, closest

    names = [f"actor-{n}" for n in ("russia", "ukraine", "usa", "eu", "china", "turkey")]
    index = NameIndex(names)
    for word in ("actor-rusia", "actor-ukriane", "actr-usa", "actor-turkye", "nothing-alike"):
        assert index.closest(word, Budget()) == closest(word, names)
    assert index.closest("actor-rusia", Budget(0)) is None  # no work left: no suggestion


def test_yaml_uses_libyaml_and_parses_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if yaml.__with_libyaml__:
        assert yamlload.Loader.__name__ == "DiposCYamlLoader"
    path = tmp_path / "a.yaml"
    # A finding of the record, and one across records (read back and placed).
    path.write_text("type: actor\nid: a\nname: A\nkind: stat\npart_of: b\n")
    parses = 0
    loader = yamlload.Loader

    class Counting(loader):  # type: ignore[misc,valid-type]
        def get_single_node(self) -> Any:
            nonlocal parses
            parses += 1
            return super().get_single_node()

    monkeypatch.setattr(yamlload, "Loader", Counting)
    found = [(f.rule, f.line, f.column) for f in dipos.validate(path).findings]
    assert found == [("codelist-unknown", 4, 7), ("ref-unresolved", 5, 10)]
    assert parses == 1
    assert yamlload.read_yaml.cache_info().currsize == 0  # forgotten after the run


def test_both_yaml_loaders_give_the_same_values() -> None:
    text = "a: [1, 2.5, yes, no, true, ~, '2025-01-01', 2025-01-01, -0, 0o17, 1_000]\nb: {c: d}\n"
    python = yamlload.DiposYamlLoader(text)
    try:
        expected = python.get_data()
    finally:
        python.dispose()
    units, findings = read_yaml(text.encode(), "f")
    assert findings == []
    assert units[0].value == expected


# --- 4. inputs that are not regular files ---------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fifo = tmp_path / "data.json"
    os.mkfifo(fifo)
    code, _, err = run(capsys, str(fifo))  # would block forever if it were opened
    assert code == 2
    assert "is a named pipe (FIFO), not a regular file" in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_symlink_to_a_device_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    code, _, err = run(capsys, str(link))
    assert code == 2
    assert "is a character device, not a regular file" in err
    # Found in a scan, it is skipped rather than read.
    (tmp_path / "ok.json").write_text(json.dumps(ACTOR))
    code, out, _ = run(capsys, str(tmp_path))
    assert code == 0
    assert "in 1 file" in out


def test_symlink_loop_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    code, _, err = run(capsys, str(loop))
    assert code == 2
    assert "loop of symbolic links" in err


def test_scan_never_leaves_its_root(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "outside.json").write_text("{broken")
    root = tmp_path / "data"
    (root / "sub").mkdir(parents=True)
    (root / "ok.json").write_text(json.dumps(ACTOR))
    (root / "sub" / "up").symlink_to(tmp_path)  # a parent of the root
    (root / "sub" / "file.json").symlink_to(tmp_path / "outside.json")
    (root / "sub" / "inside.json").symlink_to(root / "ok.json")  # the same file, once
    code, out, _ = run(capsys, str(root))
    assert code == 0, out
    assert "in 1 file" in out


def test_closed_stdin_is_exit_2() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from dipos.cli import main; sys.exit(main())",
            "validate",
            "-",
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1  # empty standard input: the file is empty
    closed = subprocess.run(
        f"{sys.executable} -m dipos validate - <&-",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert closed.returncode == 2, closed.stderr
    assert "standard input is closed" in closed.stderr
    assert "Traceback" not in closed.stderr


@pytest.mark.parametrize("output", ["text", "json", "sarif", "github"])
def test_file_name_that_is_not_utf8(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, output: str
) -> None:
    name = os.fsdecode(b"bad-\xff-name.json")
    (tmp_path / name).write_text('{"type": "actor"}')
    code, out, _ = run(capsys, str(tmp_path), "--format", output)
    assert code == 1
    if output == "sarif":
        document = json.loads(out)
        result = document["runs"][0]["results"][0]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.endswith("/bad-%5Cxff-name.json")
        return
    if output == "json":
        out = json.loads(out)["findings"][0]["file"]
    assert "bad-\\xff-name.json" in out


# --- 5. out of memory ------------------------------------------------------------------


def test_out_of_memory_is_exit_2_with_advice(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dipos.validator.engine import files

    def no_memory(*_: Any, **__: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(files, "read_json", no_memory)
    path = tmp_path / "a.json"
    path.write_text(json.dumps([ACTOR]))
    code, _, err = main(["validate", str(path)]), *capsys.readouterr()
    assert code == 2
    assert "ran out of memory" in err
    assert "JSON Lines" in err


def test_orjson_memory_error_is_not_a_syntax_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    import dipos.validator.read.syntax as syntax

    class FakeOrjson:
        JSONDecodeError = orjson.JSONDecodeError

        @staticmethod
        def loads(_: Any) -> Any:
            raise orjson.JSONDecodeError("Not enough memory", "x", 0)

    monkeypatch.setattr(syntax, "orjson", FakeOrjson)
    with pytest.raises(MemoryError):
        read_json(b"[1]", "f")


def test_max_memory_refuses_before_starting(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps([ACTOR] * 20_000))  # about 1.2 MB, read whole
    code, _, err = main(["validate", "--max-memory", "5M", str(path)]), *capsys.readouterr()
    assert code == 2
    assert "is read whole, which needs about" in err
    assert "--max-memory" in err
    resource = pytest.importorskip("resource")
    before = resource.getrlimit(resource.RLIMIT_DATA)
    jsonl = tmp_path / "big.jsonl"
    jsonl.write_text("\n".join(json.dumps({**ACTOR, "id": f"a{i}"}) for i in range(20_000)))
    code = main(["validate", "--max-memory", "64G", str(jsonl)])  # streamed: no estimate
    capsys.readouterr()
    assert code == 0
    assert main(["validate", "--max-memory", "lots", str(jsonl)]) == 2
    assert resource.getrlimit(resource.RLIMIT_DATA) == before  # restored after the run


# --- 6. output that cannot be forged -------------------------------------------------

FORGED = "x\n::error file=forged.json,line=1::forged\u2028also\u2029more\x85\x1b[31m"


@pytest.mark.parametrize("output", sorted(FORMATS))
def test_values_quoted_by_findings_stay_on_their_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, output: str
) -> None:
    data = {
        **ACTOR,
        "kind": FORGED,
        "part_of": FORGED,
        FORGED: 1,
    }
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data))
    code, out, _ = run(capsys, str(path), "--format", output)
    assert code == 1
    if output in ("json", "sarif"):
        # One document: JSON escapes line breaks and control characters itself; the
        # messages (what people read) are escaped as in every format.
        document = json.loads(out)
        found = document["findings"] if output == "json" else document["runs"][0]["results"]
        messages = [f["message"] if output == "json" else f["message"]["text"] for f in found]
        assert len(messages) >= 3
        assert not any(c in m for m in messages for c in ("\n", "\u2028", "\x85", "\x1b"))
        return
    lines = out.splitlines()
    assert not any(line.startswith("::error file=forged") for line in lines)
    for character in ("\u2028", "\u2029", "\x85", "\x1b", "\r"):
        assert character not in out
    findings = [line for line in lines if "[" in line]
    assert len(findings) >= 3
    if output == "github":
        annotations = [line for line in lines if not line.startswith("invalid: ")]
        assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in annotations)


def test_file_name_that_looks_like_a_workflow_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("::error file=x::forged.json").write_text('{"type": "actor"}')
    code, out, _ = run(capsys, ".")
    assert code == 1
    assert not any(line.startswith("::") for line in out.splitlines())


# --- 7. smaller ----------------------------------------------------------------------------


def test_a_topic_has_a_length_limit() -> None:
    position = {
        "type": "position",
        "id": "p",
        "holders": ["a"],
        "move": "demand",
        "topics": ["x" * 10_000_000],
        "summary": "s",
        "evidence": [{"source": "s", "quote": "q", "quote_kind": "direct"}],
    }
    found = [(f.rule, f.json_path, f.message) for f in dipos.validate(position).findings]
    assert ("schema-constraint", "$.topics[0]", "the text is too long (10,000,000 characters; "
            f"at most {TOPIC_MAX_LENGTH})") in found  # fmt: skip
    assert not any(rule == "topic-unknown" for rule, _, _ in found)


@pytest.mark.parametrize(
    ("encoding", "bom", "name"),
    [
        ("utf-32-le", True, "UTF-32 (little-endian)"),
        ("utf-32-be", True, "UTF-32 (big-endian)"),
        ("utf-16-le", True, "UTF-16 (little-endian)"),
        ("utf-16-be", True, "UTF-16 (big-endian)"),
        ("utf-32-le", False, "UTF-32 (little-endian)"),
        ("utf-16-le", False, "UTF-16 (little-endian)"),
    ],
)
def test_wide_encodings_are_named(encoding: str, bom: bool, name: str) -> None:
    text = json.dumps(ACTOR)
    data = ("\ufeff" + text if bom else text).encode(encoding)
    (_, findings) = read_json(data, "f")
    assert [(f.rule, f.message) for f in findings] == [
        ("syntax-encoding", f"the file is {name}, not UTF-8: save it as UTF-8")
    ]

"""``dipos report``: the folder it writes, from valid and invalid data, and the CLI."""

import json
import re
from pathlib import Path

import pytest
import yaml

from dipos.cli import main
from dipos.report import InputError, OutputError, build_report
from dipos.report.page import embed_json
from dipos.report.write import MARKER

from ._support import report_data, write_invalid_dataset

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = REPO_ROOT / "examples"


def _example_position_ids() -> list[str]:
    """The ids of the example positions, read here without the report's reader."""
    ids: list[str] = []
    for path in EXAMPLES.rglob("*"):
        if path.suffix == ".jsonl":
            docs = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        elif path.suffix == ".json":
            docs = [json.loads(path.read_text())]
        elif path.suffix in (".yaml", ".yml"):
            docs = [yaml.safe_load(path.read_text())]
        else:
            continue
        for doc in docs:
            records = doc.get("positions", []) if doc.get("type") == "dataset" else [doc]
            ids += [r["id"] for r in records if r.get("type") == "position"]
    return ids


@pytest.fixture(scope="module")
def examples_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("report") / "out"
    outcome = build_report([EXAMPLES], target)
    assert outcome.validation.ok
    return outcome.index


def test_the_folder_holds_the_page_its_assets_and_the_licence(examples_report: Path) -> None:
    folder = examples_report.parent
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert names == [
        MARKER,
        "assets/NOTICE",
        "assets/report.css",
        "assets/report.js",
        "assets/vendor/LICENSE-dagre.txt",
        "assets/vendor/dagre.min.js",
        "index.html",
    ]
    assert "@dagrejs/dagre 3.1.3" in (folder / "assets" / "NOTICE").read_text()


def test_nothing_is_loaded_from_the_network(examples_report: Path) -> None:
    folder = examples_report.parent
    html = examples_report.read_text()
    loaded = re.findall(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]+)"', html)
    assert loaded, "the page loads its assets"
    assert all(not re.match(r"[a-z]+:|//", url) for url in loaded), loaded
    for name in ("report.js", "report.css", "vendor/dagre.min.js"):
        text = (folder / "assets" / name).read_text()
        assert "sourceMappingURL" not in text
        assert not re.search(
            r"""(?:import|fetch|XMLHttpRequest|@import)\s*\(?\s*["']https?:""", text
        )
        assert "fonts.googleapis" not in text


def test_every_example_position_is_in_the_data_with_its_status(examples_report: Path) -> None:
    data = report_data(examples_report)
    assert data["meta"]["ok"] is True
    assert sorted(p["id"] for p in data["positions"]) == sorted(_example_position_ids())
    assert {p["_"]["status"] for p in data["positions"]} == {"valid"}
    dated = [p for p in data["positions"] if p["_"]["date"]]
    assert all(isinstance(p["_"]["date"]["text"], str) for p in dated)
    assert data["threads"]["actor-russia"]


def test_an_invalid_dataset_still_gets_a_report_with_the_records_marked(tmp_path: Path) -> None:
    source = write_invalid_dataset(tmp_path)
    outcome = build_report(source, tmp_path / "report")
    assert not outcome.validation.ok
    data = report_data(outcome.index)
    status = {p["id"]: p["_"]["status"] for p in data["positions"]}
    assert status["pos-ok"] == "valid"
    assert status["pos-bad"] == "invalid"
    assert status["pos-future"] == "invalid"
    assert "pos-broken-line" not in status  # an unparseable line gives no record
    future = next(p for p in data["positions"] if p["id"] == "pos-future")
    assert future["future_field"] == {"note": "kept"}  # unknown fields are kept for the card
    assert data["meta"]["counts"]["error"] >= 3
    bad = next(p for p in data["positions"] if p["id"] == "pos-bad")
    assert all(data["findings"][n]["record"] == "pos-bad" for n in bad["_"]["findings"])


def test_data_cannot_close_the_script_element_it_is_embedded_in(tmp_path: Path) -> None:
    outcome = build_report(write_invalid_dataset(tmp_path), tmp_path / "report")
    html = outcome.index.read_text()
    blob = html[html.index('id="dipos-data">') : html.index("</script>", html.index("dipos-data"))]
    assert "</script>" not in blob
    assert "<!--" not in blob
    assert report_data(outcome.index)["positions"][0]["summary"].endswith("</script><!-- (pos-ok).")
    assert embed_json({"a": "</x><!--"}) == '{"a":"\\u003c/x>\\u003c!--"}'


def test_a_report_folder_is_replaced_whole_and_another_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out"
    build_report(EXAMPLES / "illustrative", target)
    (target / "stale.txt").write_text("from an older report")
    build_report(EXAMPLES / "illustrative", target)
    assert not (target / "stale.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left

    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("mine")
    with pytest.raises(OutputError, match="holds other files"):
        build_report(EXAMPLES / "illustrative", precious)
    assert (precious / "thesis.txt").read_text() == "mine"


def test_a_path_that_holds_no_data_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no dipos files"):
        build_report(tmp_path, tmp_path / "out")


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLES / "illustrative"), "-o", str(tmp_path / "ok")]) == 0
    assert "written to" in capsys.readouterr().out
    broken = write_invalid_dataset(tmp_path)
    assert main(["report", str(broken), "-o", str(tmp_path / "bad")]) == 1
    assert (tmp_path / "bad" / "index.html").is_file()
    assert "errors" in capsys.readouterr().out
    assert main(["report", str(tmp_path / "missing"), "-o", str(tmp_path / "x")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["report", str(EXAMPLES)]) == 2  # -o is required
    (tmp_path / "file").write_text("x")
    assert main(["report", str(EXAMPLES / "illustrative"), "-o", str(tmp_path / "file")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_the_title_can_be_given(tmp_path: Path) -> None:
    outcome = build_report(EXAMPLES / "illustrative", tmp_path / "r", title="Talks <2031>")
    assert "<title>Talks &lt;2031&gt;</title>" in outcome.index.read_text()


def test_broken_files_of_every_kind_give_a_report_not_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
        f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(9)
    )
    (data / "bomb.yaml").write_text(bomb)
    (data / "bom.json").write_bytes(b"\xef\xbb\xbf" + b'{"type": "actor", "id": "a", "name": "A"}')
    (data / "list.json").write_text("[1, 2, 3]")
    (data / "bad.json").write_text("{not json")
    (data / "binary.jsonl").write_bytes(b"\xff\xfe\x00garbage\n")
    (data / "tabs.yaml").write_text("a:\n\t- b\n")
    outcome = build_report(data, tmp_path / "r")
    assert not outcome.validation.ok
    report = report_data(outcome.index)
    assert [a["id"] for a in report["actors"]] == ["a"]
    assert report["meta"]["counts"]["error"] > 0

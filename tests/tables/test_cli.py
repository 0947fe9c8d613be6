"""``dipos export`` and ``dipos convert``: every format written, read back by its own
tool, invalid data refused, missing extras reported, outputs never half-written."""

import json
import sys
from pathlib import Path

import pytest

from dipos.cli import main
from dipos.export import EXPORTERS, Exporter
from dipos.tables import records_to_tables, tables_to_records, to_arrow
from dipos.tables.xlsxio import read_xlsx, write_xlsx

from ._support import REPO, records_of

EXAMPLES = REPO / "examples"
INVALID = REPO / "tests" / "fixtures" / "validate" / "invalid" / "codelist-unknown.json"
ONE_DATASET = REPO / "tests" / "fixtures" / "validate" / "valid" / "dataset.json"


def example_records() -> list[dict[str, object]]:
    return records_of(
        *sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".json", ".jsonl", ".yaml"))
    )


def test_every_table_format_is_registered() -> None:
    assert {"csv", "xlsx", "parquet", "datapackage"} <= set(EXPORTERS)
    assert all(isinstance(e, Exporter) and e.name == n for n, e in EXPORTERS.items())


def test_export_parquet_reads_back_with_pyarrow(tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "parquet"
    assert main(["export", str(EXAMPLES), "--to", "parquet", "-o", str(out)]) == 0
    expected = to_arrow(example_records())
    assert sorted(p.stem for p in out.glob("*.parquet")) == sorted(expected)
    for name, table in expected.items():
        assert parquet.read_table(out / f"{name}.parquet").equals(table), name


def test_export_csv_and_convert_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "csv"
    assert main(["export", str(EXAMPLES), "--to", "csv", "-o", str(out)]) == 0
    assert main(["convert", str(out), "-o", str(tmp_path / "back.jsonl")]) == 0
    lines = (tmp_path / "back.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == example_records()
    assert "wrote" in capsys.readouterr().out


def test_export_xlsx_and_convert_back_to_one_dataset(tmp_path: Path) -> None:
    out = tmp_path / "data.xlsx"
    assert main(["export", str(ONE_DATASET), "--to", "xlsx", "-o", str(out)]) == 0
    assert main(["convert", str(out), "-o", str(tmp_path / "back.json")]) == 0
    back = json.loads((tmp_path / "back.json").read_text(encoding="utf-8"))
    assert back == json.loads(ONE_DATASET.read_text(encoding="utf-8"))


def test_convert_dipos_data_to_a_workbook(tmp_path: Path) -> None:
    out = tmp_path / "examples.xlsx"
    assert main(["convert", str(EXAMPLES), "-o", str(out)]) == 0
    tables, problems = read_xlsx(out)
    assert problems == []
    assert tables_to_records(tables) == (example_records(), [])


def test_datapackage_passes_frictionless_and_converts_back(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    out = tmp_path / "package"
    assert main(["export", str(EXAMPLES), "--to", "datapackage", "-o", str(out)]) == 0
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    evidence = resources["position_evidence"]["schema"]
    assert evidence["primaryKey"] == ["position_id", "evidence_index"]
    assert evidence["foreignKeys"] == [
        {"fields": ["position_id"], "reference": {"resource": "positions", "fields": ["id"]}}
    ]
    moves = next(f for f in resources["positions"]["schema"]["fields"] if f["name"] == "move")
    assert "demand" in moves["constraints"]["enum"]
    assert main(["convert", str(out), "-o", str(tmp_path / "back.jsonl")]) == 0
    lines = (tmp_path / "back.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == example_records()


@pytest.mark.parametrize("format_", ["csv", "xlsx", "parquet", "datapackage"])
def test_invalid_data_is_refused_with_the_findings(
    format_: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["export", str(INVALID), "--to", format_, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "codelist-unknown" in err
    assert "nothing written" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("format_", "module", "extra"),
    [("parquet", "pyarrow", "tables"), ("xlsx", "openpyxl", "xlsx")],
)
def test_a_missing_extra_is_named(
    format_: str,
    module: str,
    extra: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # None in sys.modules makes `import module` fail, as when it is not installed.
    monkeypatch.setitem(sys.modules, module, None)
    if module == "pyarrow":
        monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "out"
    assert main(["export", str(EXAMPLES), "--to", format_, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f'pip install "dipos[{extra}]"' in err
    assert "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(
    "missing",
    ["data.xlsx", "tables", "package/datapackage.json", "authoring.yaml", "data.json"],
)
def test_convert_of_a_missing_input_could_not_run(
    tmp_path: Path, missing: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing input is exit 2 ("could not run"), whatever kind its name suggests; a
    missing workbook was exit 1 ("the data is invalid") before."""
    out = tmp_path / "out.json"
    assert main(["convert", str(tmp_path / missing), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"dipos convert: error: no such file or directory: {tmp_path / missing}" in err
    assert not out.exists()


def test_convert_names_the_missing_xlsx_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_xlsx(records_to_tables(example_records()), tmp_path / "data.xlsx")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    assert main(["convert", str(tmp_path / "data.xlsx"), "-o", str(tmp_path / "d.json")]) == 2
    assert main(["convert", str(EXAMPLES), "-o", str(tmp_path / "e.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.count('pip install "dipos[xlsx]"') == 2
    assert "Traceback" not in err


def test_an_output_folder_holding_other_things_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("precious", encoding="utf-8")
    assert main(["export", str(EXAMPLES), "--to", "csv", "-o", str(out)]) == 2
    assert "holds other things" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["thesis.docx"]


def test_an_earlier_export_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert main(["export", str(EXAMPLES), "--to", "csv", "-o", str(out)]) == 0
    (out / "stale.csv").write_text("old", encoding="utf-8")
    assert main(["export", str(ONE_DATASET), "--to", "csv", "-o", str(out)]) == 0
    assert not (out / "stale.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv"]


def test_a_failing_writer_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(records: object, path: Path) -> None:
        path.mkdir()
        (path / "positions.csv").write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(EXPORTERS, "csv", Exporter("csv", "broken", "folder", broken))
    out = tmp_path / "csv"
    assert main(["export", str(EXAMPLES), "--to", "csv", "-o", str(out)]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_convert_reports_problems_at_the_cell_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = records_to_tables(example_records())
    quantities = tables["position_quantities"]
    quantities.rows[0][quantities.columns.index("value")] = "twelve"
    write_xlsx(tables, tmp_path / "data.xlsx")
    out = tmp_path / "data.json"
    assert main(["convert", str(tmp_path / "data.xlsx"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    letter = "ABCDEFGHIJ"[quantities.columns.index("value")]
    # Read by the workbook reader (dipos.workbook.read): a finding at its sheet and cell.
    assert f"position_quantities!{letter}2: error [workbook-table]: expected a number" in err
    assert not out.exists()


def test_convert_refuses_an_unknown_output_and_invalid_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(EXAMPLES), "-o", str(tmp_path / "x.csv")]) == 2
    assert main(["convert", str(INVALID), "-o", str(tmp_path / "x.xlsx")]) == 1
    assert "codelist-unknown" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_data_the_tables_cannot_hold_is_refused_with_the_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The conversion fails on the wrong shape before the validation has finished: the
    # validator's findings are what the user sees.
    record = {
        "type": "position",
        "id": "pos-1",
        "holders": ["actor-a"],
        "move": "demand",
        "topics": "ceasefire",
        "summary": "S",
        "evidence": [{"source": "s", "quote": "q", "quote_kind": "direct"}],
    }
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", str(data), "--to", "csv", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "[schema-" in err
    assert "nothing written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.jsonl"]

"""dipos template: the workbook's sheets, comments and drop-downs; and the round trip
template -> fill in -> convert -> valid dataset."""

import json
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dipos.cli import main
from dipos.tables.layout import layout
from dipos.tables.xlsxio import sheet_name
from dipos.validator import validate
from dipos.workbook.read import read_workbook
from dipos.workbook.template import template_columns, write_template


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.xlsx"
    assert main(["template", "-o", str(path)]) == 0
    return path


def _sheet(workbook: openpyxl.Workbook, name: str) -> Worksheet:
    sheet = workbook[name]
    assert isinstance(sheet, Worksheet)
    return sheet


def test_sheets_headers_and_comments(template: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    names = workbook.sheetnames
    assert names[:3] == ["Read me", "Defaults", "codelists"]
    assert names[3:] == [sheet_name(t) for t in layout().tables]
    assert _sheet(workbook, "codelists").sheet_state == "hidden"
    positions = _sheet(workbook, "positions")
    header = [str(c.value) for c in positions[1]]
    assert header == template_columns(layout().tables["positions"])
    assert header[0] == "id"
    assert {"speaker", "move", "summary", "stated_on/value", "extensions"} <= set(header)
    assert not [h for h in header if h.endswith("_extra") or h == "_empty"]
    move = positions.cell(row=1, column=header.index("move") + 1)
    assert move.comment is not None
    assert "codelist `move`" in move.comment.text
    evidence = [c.value for c in _sheet(workbook, "position_evidence")[1]]
    assert evidence[:2] == ["position_id", "evidence_index"]  # reported_via refers to it
    assert [c.value for c in _sheet(workbook, "position_holders")[1]] == ["position_id", "value"]


def test_drop_downs(template: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    positions = _sheet(workbook, "positions")
    header = [c.value for c in positions[1]]
    by_range = {str(v.sqref): v for v in positions.data_validations.dataValidation}
    move_letter = get_column_letter(header.index("move") + 1)
    move = by_range[f"{move_letter}2:{move_letter}1048576"]
    assert move.type == "list"
    assert move.showErrorMessage
    codes_sheet = _sheet(workbook, "codelists")
    column = move.formula1.split("$")[1]
    codes = [c.value for c in codes_sheet[column][1:] if c.value]
    assert codes[:3] == ["demand", "appeal", "goal"]
    topics = _sheet(workbook, "position_topics").data_validations.dataValidation
    assert len(topics) == 1
    assert not topics[0].showErrorMessage  # open codelist: a suggestion
    assert "Read me" in workbook.sheetnames


def test_filled_template_converts_to_a_valid_dataset(template: Path, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    _sheet(workbook, "actors").append(["actor-northland", "Northland", "state"])
    sources = _sheet(workbook, "sources")
    header = [c.value for c in sources[1]]
    row: list[object] = [None] * len(header)
    row[header.index("id")] = "src-1"
    row[header.index("kind")] = "official_statement"
    row[header.index("title")] = "Statement"
    sources.append(row)
    positions = _sheet(workbook, "positions")
    header = [c.value for c in positions[1]]
    row = [None] * len(header)
    row[header.index("id")] = "pos-1"
    row[header.index("move")] = "demand"
    row[header.index("summary")] = "Northland demands a ceasefire."
    positions.append(row)
    _sheet(workbook, "position_topics").append(["pos-1", "ceasefire"])
    evidence = _sheet(workbook, "position_evidence")
    header = [c.value for c in evidence[1]]
    row = [None] * len(header)
    row[header.index("position_id")] = "pos-1"
    row[header.index("quote")] = "We demand a ceasefire."
    row[header.index("quote_kind")] = "direct"
    evidence.append(row)
    defaults = _sheet(workbook, "Defaults")
    defaults.append(["position_holders", "value", "actor-northland"])
    defaults.append(["position_evidence", "source", "src-1"])
    defaults.append(["positions", "stated_on/value", "2031-03-06"])
    defaults.append(["positions", "stated_on/basis", "stated"])
    filled = tmp_path / "filled.xlsx"
    workbook.save(filled)
    data = read_workbook(filled)
    assert not data.findings
    assert data.dataset is not None
    (position,) = data.dataset["positions"]
    assert position["holders"] == ["actor-northland"]
    assert position["stated_on"] == {"value": "2031-03-06", "basis": "stated"}
    assert position["evidence"][0]["source"] == "src-1"
    report = validate(data.dataset)
    assert report.passes(strict=True), [(f.rule, f.json_path) for f in report.findings]
    assert validate(filled).passes(strict=True)
    converted = tmp_path / "dataset.json"
    assert main(["convert", str(filled), "-o", str(converted)]) == 0
    assert validate(converted).passes(strict=True)
    assert json.loads(converted.read_text(encoding="utf-8")) == data.dataset


def test_with_reference_fills_shared_actors_and_territories(tmp_path: Path) -> None:
    path = tmp_path / "ref.xlsx"
    assert main(["template", "-o", str(path), "--with-reference"]) == 0
    data = read_workbook(path)
    assert data.dataset is not None
    assert len(data.dataset["actors"]) > 3
    assert len(data.dataset["territories"]) > 3
    assert validate(path).ok


def test_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"mine")
    assert main(["template", "-o", str(path)]) == 2
    assert path.read_bytes() == b"mine"
    assert "--force" in capsys.readouterr().err
    assert main(["template", "-o", str(path), "--force"]) == 0
    assert path.read_bytes() != b"mine"
    assert main(["template", "-o", str(tmp_path / "t.csv")]) == 2
    assert main(["template", "-o", str(tmp_path / "missing" / "t.xlsx")]) == 2
    assert list(tmp_path.iterdir()) == [path]


def test_write_template_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: object, filename: str) -> None:
        Path(filename).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken)
    with pytest.raises(OSError):
        write_template(tmp_path / "t.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_without_openpyxl_the_commands_say_which_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    workbook = Path(__file__).resolve().parents[1] / "fixtures" / "workbook" / "valid"
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    assert main(["template", "-o", str(tmp_path / "t.xlsx")]) == 2
    assert 'pip install "dipos[xlsx]"' in capsys.readouterr().err
    assert main(["validate", str(next(workbook.glob("*.xlsx")))]) == 2
    assert 'pip install "dipos[xlsx]"' in capsys.readouterr().err

"""The positions every reader gives with its values (``dipos.validator.read.positions``):
one way to place a finding, whatever the input."""

from dataclasses import replace
from pathlib import Path

import pytest

from dipos.validator.findings import Finding, finding
from dipos.validator.read.positions import NO_POSITIONS, TextPositions, Together, place
from dipos.validator.read.syntax import line_positions, read_json, read_line
from dipos.validator.read.yamlload import read_yaml

TEXT = '{"type": "actor",\n  "id": "a",\n  "names": ["x",\n    "y"]}'


def _at(*path: str | int) -> Finding:
    return finding("schema-type", "m", "f", None, None, path)


def test_a_whole_text_places_each_path_at_its_value() -> None:
    places = TextPositions(TEXT).places([(), ("id",), ("names", 1)])
    assert places == {(): (1, 1), ("id",): (2, 9), ("names", 1): (4, 5)}


def test_a_missing_property_is_placed_at_the_object_that_lacks_it() -> None:
    places = TextPositions(TEXT).places([("names", 7), ("name",)])
    assert places == {("names", 7): (3, 12), ("name",): (1, 1)}


@pytest.mark.parametrize(
    ("origin", "expected"),
    [((1, 1), (2, 9)), ((10, 1), (11, 9)), ((10, 5), (11, 9))],
)
def test_a_text_that_starts_inside_a_file_is_placed_from_its_origin(
    origin: tuple[int, int], expected: tuple[int, int]
) -> None:
    assert TextPositions(TEXT, origin).places([("id",)])[("id",)] == expected


def test_the_first_line_of_a_text_is_shifted_by_the_origins_column() -> None:
    assert TextPositions('{"id": "a"}', (3, 20)).at_offset(7) == (3, 27)


def test_a_piece_answers_only_for_the_paths_inside_it() -> None:
    piece = TextPositions('{"id": "p"}', (5, 3), ("positions", 2))
    assert piece.places([("positions", 2, "id"), ("positions", 1, "id"), ("title",)]) == {
        ("positions", 2, "id"): (5, 10)
    }


def test_pieces_together_place_the_rest_at_the_given_place() -> None:
    title = TextPositions('"T"', (2, 12), ("title",))
    record = TextPositions('{"id": "p"}', (4, 5), ("positions", 0))
    together = Together([title, record], (1, 1))
    assert together.places([("title",), ("positions", 0, "id"), ("actors",), ()]) == {
        ("title",): (2, 12),
        ("positions", 0, "id"): (4, 12),
        ("actors",): (1, 1),
        (): (1, 1),
    }


def test_place_fills_in_only_what_is_missing() -> None:
    already = finding("syntax-json", "m", "f", 9, 9, ("id",))
    placed = place([_at("id"), already], TextPositions(TEXT))
    assert [(f.line, f.column) for f in placed] == [(2, 9), (9, 9)]


def test_python_objects_have_no_places() -> None:
    assert place([_at("id")], NO_POSITIONS)[0].line is None


def test_every_reader_gives_the_same_places_for_the_same_text() -> None:
    """A JSON file, the same JSON as a JSON Lines line, and YAML written alike."""
    one_line = TEXT.replace("\n", "")
    [whole], _ = read_json(TEXT.encode(), "f")
    _, line, _ = read_line(one_line.encode() + b"\n", "f", 7, first=False)
    [yaml_unit], _ = read_yaml(TEXT.encode(), "f")  # JSON is YAML
    assert line is not None
    paths = [("id",), ("names", 1), ("names", 5)]
    assert whole.positions.places(paths) == {
        ("id",): (2, 9),
        ("names", 1): (4, 5),
        ("names", 5): (3, 12),
    }
    assert yaml_unit.positions.places(paths) == whole.positions.places(paths)
    assert line.positions.places(paths) == {
        ("id",): (7, 26),
        ("names", 1): (7, 50),
        ("names", 5): (7, 41),
    }


def test_a_byte_order_mark_on_a_first_line_is_not_a_column() -> None:
    raw = b'\xef\xbb\xbf{"id": "a"}\n'
    assert line_positions(raw, 1, first=True).places([("id",)]) == {("id",): (1, 8)}


# --- reading a file again (dipos.validator.read.reread) ---------------------------------------

_DATASET = (
    '{"type": "dataset",\n "title": "T",\n "actors": [\n'
    '  {"type": "actor", "id": "a"},\n  {"type": "actor", "id": "b"}\n ]}\n'
)
_LISTS = frozenset({"actors"})


def test_a_streamed_dataset_is_read_back_as_its_header_and_the_records_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dipos.validator.read import jsonstream
    from dipos.validator.read.inputs import InputFile
    from dipos.validator.read.reread import place_in_file, read_back

    monkeypatch.setattr(jsonstream, "STREAM_BYTES", 0)
    path = tmp_path / "d.json"
    path.write_text(_DATASET, encoding="utf-8")
    file = InputFile(path.name, "json", path)
    header, record = read_back(file, lines=(), bases={("actors", 1)}, list_keys=_LISTS)
    assert header.value == {"type": "dataset", "title": "T"}
    assert (record.base, record.value["id"]) == (("actors", 1), "b")
    found = [_at("actors", 1, "id"), _at("title"), _at("actors")]
    placed = place_in_file(file, [replace(f, file=file.name) for f in found], list_keys=_LISTS)
    assert [(f.json_path, f.line, f.column) for f in placed] == [
        ("$.actors[1].id", 5, 27),
        ("$.title", 2, 11),
        ("$.actors", 1, 1),  # not a piece of its own: the dataset's opening brace
    ]


def test_json_lines_are_read_back_by_number(tmp_path: Path) -> None:
    from dipos.validator.read.inputs import InputFile
    from dipos.validator.read.reread import read_back

    path = tmp_path / "r.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a"}\n{"id": "b"}\n{"id": "c"}\n')
    file = InputFile(path.name, "jsonl", path)
    units = list(read_back(file, lines={1, 3}, bases=(), list_keys=_LISTS))
    assert [(u.line, u.value["id"]) for u in units] == [(1, "a"), (3, "c")]
    assert units[0].positions.places([("id",)]) == {("id",): (1, 8)}  # the BOM is no column

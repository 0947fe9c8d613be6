"""The JSON-LD and Turtle exporters: valid RDF, a faithful round trip, no network."""

import json
import sys
from collections import Counter
from pathlib import Path

import pytest
import rdflib

import dipos
from dipos.cli import main
from dipos.linked import MissingExtraError
from dipos.linked.context import current_context
from dipos.linked.export import (
    DEFAULT_BASE,
    compact,
    document_loader,
    expand,
    jsonld_document,
    to_graph,
    write_jsonld,
    write_turtle,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
BASE = "https://example.org/dataset/"
WD = rdflib.Namespace("http://www.wikidata.org/entity/")
SCHEMA = rdflib.Namespace("https://schema.org/")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")


@pytest.fixture(scope="module")
def examples() -> dipos.LoadedDataset:
    return dipos.load(REPO_ROOT / "examples")


def test_expanding_and_compacting_again_gives_the_same_data(
    examples: dipos.LoadedDataset,
) -> None:
    document = jsonld_document(examples, base=BASE)
    again = compact(expand(document), document["@context"])
    assert again.pop("@context") == document.pop("@context")
    assert again == document


# rdflib's JSON-LD parser uses a class rdflib itself deprecates (not our doing).
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_the_jsonld_file_parses_with_rdflib_into_the_turtle_graph(
    examples: dipos.LoadedDataset, tmp_path: Path
) -> None:
    write_jsonld(examples, tmp_path / "out.jsonld", base=BASE)
    write_turtle(examples, tmp_path / "out.ttl", base=BASE)
    turtle = rdflib.Graph().parse(tmp_path / "out.ttl", format="turtle")
    document = json.loads((tmp_path / "out.jsonld").read_text(encoding="utf-8"))
    # rdflib would fetch the context from the web: give it the context itself.
    document["@context"][0] = current_context()["@context"]
    from_jsonld = rdflib.Graph().parse(data=json.dumps(document), format="json-ld")
    assert len(turtle) > 1000
    # Two JSON-LD processors agree (pyld made the Turtle). A full isomorphism test is
    # slow with this many blank nodes: compare what does not depend on their labels.
    assert len(turtle) == len(from_jsonld)
    assert _ground(turtle) == _ground(from_jsonld)
    assert _shapes(turtle) == _shapes(from_jsonld)


def _ground(graph: rdflib.Graph) -> set[tuple[object, object, object]]:
    return {
        (s, p, o)
        for s, p, o in graph
        if not isinstance(s, rdflib.BNode) and not isinstance(o, rdflib.BNode)
    }


def _shapes(graph: rdflib.Graph) -> Counter[tuple[object, object]]:
    """Each predicate with its object (a blank node counted as one), however labelled."""
    return Counter((p, "_:" if isinstance(o, rdflib.BNode) else o) for _, p, o in graph)


def test_actors_and_territories_are_the_same_as_their_wikidata_items(
    examples: dipos.LoadedDataset,
) -> None:
    graph = to_graph(examples, base=BASE)
    assert (rdflib.URIRef(BASE + "actor-russia"), SCHEMA.sameAs, WD.Q159) in graph
    assert (rdflib.URIRef(BASE + "terr-donetsk-oblast"), SCHEMA.sameAs, WD.Q2012050) in graph


def test_evidence_is_a_web_annotation_selector(examples: dipos.LoadedDataset) -> None:
    graph = to_graph(examples, base=BASE)
    positioned = set(graph.subjects(rdflib.RDF.type, OA.TextPositionSelector))
    quoted = set(graph.subjects(rdflib.RDF.type, OA.TextQuoteSelector))
    assert positioned
    assert positioned <= quoted
    for selector in positioned:
        assert graph.value(selector, OA.exact) is not None
        assert graph.value(selector, OA.start) is not None
        assert isinstance(graph.value(selector, OA.hasSource), rdflib.URIRef)


def _sparql(page: str) -> str:
    text = (REPO_ROOT / "docs" / page).read_text(encoding="utf-8")
    return text.split("```sparql\n", 1)[1].split("```", 1)[0]


def test_the_sparql_query_of_the_docs_finds_the_positions_about_a_territory(
    examples: dipos.LoadedDataset,
) -> None:
    graph = to_graph(examples, base=BASE)
    rows = list(graph.query(_sparql("linked-data.md")))
    found = {str(row[0]).removeprefix(BASE) for row in rows}
    expected = {
        position.id
        for position in examples.positions
        if any(t.wikidata == "Q2012050" for _, t in examples.territories_of(position))
    }
    assert expected
    assert found == expected


def test_the_default_base_makes_iris_of_the_ids(examples: dipos.LoadedDataset) -> None:
    graph = to_graph(examples)
    assert (rdflib.URIRef(DEFAULT_BASE + "actor-russia"), SCHEMA.sameAs, WD.Q159) in graph


def test_nothing_is_fetched_from_the_network() -> None:
    from pyld import jsonld

    with pytest.raises(jsonld.JsonLdError):
        document_loader("https://example.org/other-context.jsonld")
    remote = {"@context": "https://example.org/other-context.jsonld", "name": "x"}
    with pytest.raises(jsonld.JsonLdError):
        expand(remote)


def test_a_missing_library_names_the_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, examples: dipos.LoadedDataset, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "rdflib", None)
    with pytest.raises(MissingExtraError, match=r"dipos\[linked-data\]"):
        write_turtle(examples, tmp_path / "out.ttl")
    assert not (tmp_path / "out.ttl").exists()
    monkeypatch.setitem(sys.modules, "pyld", None)
    monkeypatch.setitem(sys.modules, "pyld.jsonld", None)
    with pytest.raises(MissingExtraError, match=r"dipos\[linked-data\]"):
        write_jsonld(examples, tmp_path / "out.jsonld")


def test_dipos_export_writes_jsonld_and_turtle(tmp_path: Path) -> None:
    examples = str(REPO_ROOT / "examples")
    assert main(["export", examples, "--to", "ttl", "-o", str(tmp_path / "x.ttl")]) == 0
    assert main(["export", examples, "--to", "jsonld", "-o", str(tmp_path / "x.jsonld")]) == 0
    assert rdflib.Graph().parse(tmp_path / "x.ttl", format="turtle")
    assert json.loads((tmp_path / "x.jsonld").read_text(encoding="utf-8"))["type"] == "dataset"


def test_records_and_plain_json_export_too(tmp_path: Path) -> None:
    records = [
        {"type": "actor", "id": "actor-x", "name": "X", "kind": "state", "wikidata": "Q1"},
    ]
    graph = to_graph(records, base=BASE)
    assert (rdflib.URIRef(BASE + "actor-x"), SCHEMA.name, rdflib.Literal("X")) in graph
    dataset = {"type": "dataset", "dipos_version": "0.1", "actors": records}
    from_dataset = to_graph(dataset, base=BASE)
    assert (rdflib.URIRef(BASE + "actor-x"), SCHEMA.sameAs, WD.Q1) in from_dataset


def test_a_command_without_the_extra_exits_2_and_names_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyld", None)
    monkeypatch.setitem(sys.modules, "pyld.jsonld", None)
    out = tmp_path / "out.ttl"
    assert main(["export", str(REPO_ROOT / "examples"), "--to", "ttl", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert 'pip install "dipos[linked-data]"' in err
    assert "Traceback" not in err
    assert not out.exists()

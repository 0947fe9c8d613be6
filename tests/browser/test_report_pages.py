"""The report in a real browser, offline, at a phone's and a laptop's width: every view is
drawn with the expected number of marks, nothing sticks out of the page, no console error,
no request leaves the machine. Screenshots of each view go to build/screenshots/."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dipos.report import build_report
from dipos.report.page import embedded_data

from ._browser import VIEWPORTS, BrowserSession, PageCheck

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parents[2]
VIEWS = ("matrix", "evolution", "graph", "timeline", "positions", "findings")
READY = "html[data-dipos-report=ready]"


@pytest.fixture(scope="module")
def examples_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_report([REPO_ROOT / "examples"], tmp_path_factory.mktemp("ex") / "r").index


@pytest.fixture(scope="module")
def generated_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report of 5,000 generated positions (the benchmark's generator and templates)."""
    folder = tmp_path_factory.mktemp("gen")
    data = folder / "positions.jsonl"
    subprocess.run(
        [sys.executable, "benchmarks/generate.py", "--positions", "5000", "--out", str(data)],
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
    )
    return build_report(data, folder / "r").index


def report_data(index: Path) -> dict[str, Any]:
    data: dict[str, Any] = embedded_data(index.read_text(encoding="utf-8"))
    return data


def matrix_cells(data: dict[str, Any]) -> int:
    """How many (holder, topic) pairs have a position: the matrix's filled cells."""
    pairs = {
        (h, t)
        for p in data["positions"]
        for h in p.get("holders") or []
        for t in p.get("topics") or []
        if isinstance(h, str) and isinstance(t, str)
    }
    return len(pairs)


def graph_nodes(data: dict[str, Any]) -> int:
    """How many positions and proposals take part in a link, a response, a reaffirmation
    or a relation between proposals."""
    ids = {r["id"] for kind in ("positions", "proposals", "actors") for r in data[kind]}
    nodes: set[str] = set()
    for proposal in data["proposals"]:
        for relation in proposal.get("relations") or []:
            if relation.get("target") in ids:
                nodes.update((proposal["id"], relation["target"]))
    for p in data["positions"]:
        targets = [link.get("target") for link in p.get("links") or []]
        targets += [r.get("target") for r in p.get("responds_to") or []]
        targets += list(p.get("reaffirms") or [])
        for target in targets:
            if target in ids:
                nodes.update((p["id"], target))
    return len(nodes)


def check_report(browser: BrowserSession, index: Path, width: int, name: str) -> None:
    data = report_data(index)
    with browser.page(index, width=width) as page:
        browser.wait_ready(page, READY)
        page.assert_no_overflow()
        page.assert_controls_named()
        for view in VIEWS:
            page.screenshot(f"report-{name}-{view}-{width}", f"#view-{view}")
        _check_views(page, data)
        page.evaluate("() => window.diposReport.timeline.showAllLanes()")
        _check_timeline(page, data)
        page.assert_no_overflow()
        _check_dialog(page)


def _check_views(page: PageCheck, data: dict[str, Any]) -> None:
    assert page.count("table.dr-matrix .dr-cell") == matrix_cells(data)
    assert page.count("#dr-evolution .dr-step") > 0
    assert page.count("#dr-positions .dr-card") == min(50, len(data["positions"]))
    svg_nodes = page.evaluate(
        "() => Number(document.querySelector('.dr-graph-svg').getAttribute('data-nodes'))"
    )
    assert svg_nodes > 0
    assert page.count(".dr-graph-svg .dr-node") == svg_nodes
    assert page.count(".dr-graph-svg .dr-edge path") > 0


def _check_timeline(page: PageCheck, data: dict[str, Any]) -> None:
    marks = page.evaluate(
        "() => [...document.querySelectorAll('.dr-timeline-svg .dr-mark')]"
        ".reduce((s, m) => s + Number(m.getAttribute('data-n')), 0)"
    )
    assert marks == data["meta"]["dated_entries"] > 0  # every dated position, once per holder
    assert page.count(".dr-timeline-svg .dr-mark path.dr-shape") == page.count(
        ".dr-timeline-svg .dr-mark"
    )


def _check_dialog(page: PageCheck) -> None:
    """A matrix cell opens its history with the keyboard; a link there opens a card."""
    page.page.locator("table.dr-matrix .dr-cell").first.focus()
    page.page.keyboard.press("Enter")
    assert page.evaluate("() => document.getElementById('dr-dialog').open")
    page.page.locator("#dr-dialog .dr-poslink").first.click()
    assert page.count("#dr-dialog .dr-card") == 1
    page.assert_no_overflow()
    page.page.keyboard.press("Escape")
    assert not page.evaluate("() => document.getElementById('dr-dialog').open")


@pytest.mark.parametrize("width", VIEWPORTS)
def test_report_of_the_examples(browser: BrowserSession, examples_index: Path, width: int) -> None:
    check_report(browser, examples_index, width, "examples")


def test_every_linked_example_position_is_in_the_graph_when_all_groups_are_open(
    browser: BrowserSession, examples_index: Path
) -> None:
    data = report_data(examples_index)
    with browser.page(examples_index, width=1400) as page:
        browser.wait_ready(page, READY)
        page.evaluate("() => window.diposReport.graph.openAll()")
        assert page.count(".dr-graph-svg .dr-node:not(.dr-node-group)") == graph_nodes(data)
        page.screenshot("report-examples-graph-open-1400", "#view-graph")


@pytest.mark.parametrize("width", VIEWPORTS)
def test_report_of_5000_generated_positions(
    browser: BrowserSession, generated_index: Path, width: int
) -> None:
    check_report(browser, generated_index, width, "generated-5000")


def test_the_date_filter_narrows_every_view_and_a_group_opens_with_the_keyboard(
    browser: BrowserSession, examples_index: Path
) -> None:
    data = report_data(examples_index)
    in_2031 = [p for p in data["positions"] if p["_"]["date"] and p["_"]["date"]["value"] >= "2031"]
    with browser.page(examples_index, width=1400) as page:
        browser.wait_ready(page, READY)
        # A closed group of the graph opens from the keyboard.
        group = page.page.locator(".dr-graph-svg .dr-node-group").first
        name = group.get_attribute("data-group")
        group.focus()
        page.page.keyboard.press("Enter")
        assert page.page.locator(f'.dr-graph-svg .dr-cluster-head[data-group="{name}"]').count()
        every = page.count("table.dr-matrix .dr-cell")
        page.page.fill("#dr-from", "2031-01-01")
        page.page.dispatch_event("#dr-from", "change")  # fill() alone may not send it
        page.page.wait_for_function("() => window.diposReport.drawn()")
        assert page.count("table.dr-matrix .dr-cell") < every
        assert page.count("#dr-positions .dr-card") == len(in_2031)
        entries = page.evaluate(
            "() => Number(document.querySelector('.dr-timeline-svg').getAttribute('data-entries'))"
        )
        assert entries == sum(len(p["holders"]) for p in in_2031)
        page.assert_no_overflow()


def test_a_card_shows_roles_recognition_and_fields_it_does_not_know(
    browser: BrowserSession, tmp_path: Path
) -> None:
    """The fields of dipos 0.2 (roles, recognition, reciprocal, duration, quantities)
    have their own rows; a property the report has no view for is still shown, under its
    own name."""
    records: list[dict[str, Any]] = [
        {"type": "actor", "id": "actor-a", "name": "Aland", "kind": "state"},
        {"type": "actor", "id": "actor-b", "name": "Bland", "kind": "state"},
        {"type": "actor", "id": "actor-c", "name": "Cland", "kind": "state"},
        {"type": "source", "id": "src", "kind": "news_report", "url": "https://example.org/a"},
        {
            "type": "position",
            "id": "pos-roles",
            "holders": ["actor-a"],
            "move": "demand",
            "topics": ["territorial_recognition"],
            "summary": "Aland demands that Bland be recognised, guaranteed by Cland.",
            "roles": [
                {"actor": "actor-c", "role": "guarantor", "capacity": "co-chair"},
                {"actor": "actor-b", "role": "subject"},
            ],
            "recognition": {"status": "de_jure", "independent": True, "by": ["actor-c"]},
            "reciprocal": True,
            "duration": {"amount": 30, "unit": "day"},
            "quantities": [
                {"value": 1200000, "unit": "USD", "measure": "money", "comparison": "at_least"},
                {"value": 2.75, "unit": "km", "measure": "distance", "item": "withdrawal"},
            ],
            "someday_field": {"kept": "yes"},
            "stated_on": {"value": "2025-05-08", "basis": "stated"},
            "evidence": [{"source": "src", "quote": "q", "quote_kind": "direct"}],
        },
    ]
    data = tmp_path / "new-fields.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    index = build_report(data, tmp_path / "r").index
    with browser.page(index, width=390) as page:
        browser.wait_ready(page, READY)
        page.evaluate("() => window.diposReport.openPosition('pos-roles')")
        text = page.page.locator("#dr-dialog .dr-card").inner_text()
        assert "Cland — guarantor (co-chair)" in text
        assert "Bland — subject" in text
        assert "de jure as independent by Cland" in text
        assert "binds the parties mutually" in text
        assert "30 days" in text
        assert "at least 1,200,000 USD [money]" in text  # thousands separated
        assert "2.75 km of withdrawal [distance]" in text  # a fraction as written
        assert "someday_field" in text
        assert page.page.locator("#dr-dialog a[href='https://example.org/a']").count() == 1
        page.assert_no_overflow()
        page.screenshot("report-card-new-fields-390", "#dr-dialog")

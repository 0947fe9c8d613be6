"""The codelists page: one section per codelist, from ``schema/codelists/*.csv``; in it one
heading per code (so that search finds the code here first, and a link can point at it)
with its definition and its mappings as a definition list, readable on a phone."""

from typing import Final

from . import markdown as md
from .codelist_data import CodelistTable, Usage

# Mapping columns, with the names readers know them by.
_MAPPING_COLUMNS: Final = (
    ("cameo", "CAMEO"),
    ("plover_event", "PLOVER event"),
    ("plover_mode", "PLOVER mode"),
    ("pax", "PA-X"),
)

INTRO: Final = """\
---
search:
  boost: 2
---

# Codelists

Coded properties take their values from these lists. This page is generated
from the committed CSV files in
[`schema/codelists/`](../{schema_path}/codelists/move.csv), which
you can also download and read with any spreadsheet or CSV tool.

- A **closed** list is enforced by the schema: any other code is an error.
- An **open** list (`topic`) is not: a code not in the list is accepted with a
  warning, and a project's own codes take a namespace prefix
  (`myproject:water_rights`) and are not warned about.
- A **deprecated** code is still valid but is reported with a warning; its
  entry says what to use instead.

The `move` and `topic` lists give the nearest [CAMEO](https://parusanalytics.com/eventdata/cameo.dir/CAMEO.Manual.1.1b3.pdf)
and [PLOVER](https://github.com/openeventdata/PLOVER) equivalents of each code,
so that dipos data can be compared with event data coded in those schemes.
These mappings are approximate where the note says so. The `topic` list also
gives the nearest category of the
[PA-X Peace Agreements Database](https://www.peaceagreements.org/) codebook
(version 8, University of Edinburgh) as "top-level category > category", or
`none` where PA-X codes no such provision.
"""


def _title(name: str, titles: dict[str, str]) -> str:
    return titles.get(name) or name.replace("_", " ").capitalize()


def _usage_line(usages: list[Usage], closed: bool, schema_page: str) -> str:
    if not usages:
        return ""
    links = ", ".join(
        f"[{u.definition}.`{u.property}`]"
        f"({schema_page}#{md.property_anchor(u.definition, u.property)})"
        for u in usages
    )
    kind = "Closed list" if closed else "Open list"
    return f"**{kind}**, used by {links}.\n"


def render_code(table: CodelistTable, row: dict[str, str]) -> str:
    """One code: a heading (anchor ``<list>-<code>``) with its title, its definition, and its
    mappings to other schemes as a definition list."""
    code = row["code"]
    title = md.text(row.get("title", ""))
    heading = f"### {md.code(code)}" + (f" · {title}" if title else "")
    lines = [f"{heading} {{#{md.anchor(f'{table.name}-{code}')}}}\n"]
    if row.get("deprecated"):
        lines.append(f"**Deprecated:** {md.text(row['deprecated'])}\n")
    definition = md.text(row.get("definition", ""))
    if definition:
        lines.append(definition + "\n")
    terms = [(label, row.get(column, "")) for column, label in _MAPPING_COLUMNS]
    terms.append(("Mapping note", row.get("mapping_note", "")))
    shown = [(label, value) for label, value in terms if value]
    if shown:
        lines.append("\n".join(f"{label}\n:   {md.text(value)}\n" for label, value in shown))
    return '<div class="dipos-codelist" markdown>\n\n' + "\n".join(lines) + "\n</div>\n"


def render_codelist(
    table: CodelistTable,
    title: str,
    usages: list[Usage],
    closed: bool,
    schema_page: str = "schema.md",
) -> str:
    """One codelist: its heading (anchor = the list's name), then each of its codes."""
    return (
        f"## {md.text(title)} (`{table.name}`) {{#{md.anchor(table.name)}}}\n\n"
        + _usage_line(usages, closed, schema_page)
        + f"\n{len(table.rows)} codes. "
        f"[Download `{table.name}.csv`](../{{schema_path}}/codelists/{table.name}.csv)\n\n"
        + "\n".join(render_code(table, row) for row in table.rows)
    )


def is_closed(name: str, usage: dict[str, list[Usage]], declared: dict[str, bool]) -> bool:
    """Whether a list is closed: as the package declares it, or else as the schema uses it."""
    if name in declared:
        return declared[name]
    return any(u.closed for u in usage.get(name, []))


def render(
    tables: list[CodelistTable],
    usage: dict[str, list[Usage]],
    titles: dict[str, str],
    schema_path: str,
    declared_closed: dict[str, bool] | None = None,
) -> str:
    """The Markdown of the codelists page. ``declared_closed`` says which lists the
    package declares closed, for lists the schema uses through a constant rather than
    an ``enum`` (``date_basis``)."""
    declared = declared_closed or {}
    ordered = sorted(
        tables,
        key=lambda t: (list(titles).index(t.name) if t.name in titles else len(titles), t.name),
    )
    summary = md.table(
        ["Codelist", "Codes", "Kind"],
        (
            [
                f"[{md.text(_title(t.name, titles))}](#{md.anchor(t.name)})",
                str(len(t.rows)),
                "closed" if is_closed(t.name, usage, declared) else "open",
            ]
            for t in ordered
        ),
    )
    sections = [
        render_codelist(
            t, _title(t.name, titles), usage.get(t.name, []), is_closed(t.name, usage, declared)
        ).replace("{schema_path}", schema_path)
        for t in ordered
    ]
    return INTRO.format(schema_path=schema_path) + "\n" + summary + "\n" + "\n".join(sections)

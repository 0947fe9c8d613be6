"""What rendering an example page needs: the page, the merged index of every example
record, the page each position is shown on, and the codes of the codelists."""

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Final

from . import markdown as md
from .records import ExampleFile, RecordIndex

CODELISTS_PAGE: Final = "../reference/codelists.md"


@dataclass(frozen=True, slots=True)
class ExamplePage:
    """A page about one example file that holds positions."""

    path: str
    title: str
    group: str
    file: ExampleFile

    @property
    def positions(self) -> list[dict[str, Any]]:
        """The file's positions, in file order."""
        return [r for r in self.file.records if r.get("type") == "position"]

    @property
    def nav_title(self) -> str:
        """A title short enough for the navigation."""
        return md.shorten(self.title, 60)


def relative_link(from_page: str, to_page: str, fragment: str = "") -> str:
    """A Markdown link target from one generated page to another (both docs-relative)."""
    source = PurePosixPath(from_page).parent
    target = PurePosixPath(to_page)
    up = len(source.parts)
    common = 0
    while common < min(up, len(target.parts) - 1) and source.parts[common] == target.parts[common]:
        common += 1
    parts = [".."] * (up - common) + list(target.parts[common:])
    link = "/".join(parts)
    return f"{link}#{fragment}" if fragment else link


def text_of(record: dict[str, Any], key: str) -> str:
    """A property of a record as text ("" when absent)."""
    value = record.get(key)
    return "" if value is None else str(value)


class PageContext:
    """What rendering a page needs to know beyond the page's own file."""

    def __init__(
        self,
        page: ExamplePage,
        index: RecordIndex,
        pages: dict[str, str],
        codes: dict[str, frozenset[str]],
    ) -> None:
        self.page = page
        self.index = index
        self.page_of = pages
        self.codes = codes
        self.number = {str(p.get("id")): f"P{i}" for i, p in enumerate(page.positions, start=1)}

    def code_link(self, codelist: str, code: str) -> str:
        """A code, linked to its entry on the codelists page when the codelist has it."""
        if code in self.codes.get(codelist, frozenset()):
            return f"[{md.code(code)}]({CODELISTS_PAGE}#{md.anchor(f'{codelist}-{code}')})"
        return md.code(code)

    def position_ref(self, position_id: str) -> str:
        """A link to a position: its number on this page, or its id on its own page. A
        proposal (which has no page) is named, with its id."""
        if position_id in self.number:
            return f"[{self.number[position_id]}](#{md.anchor(position_id)})"
        page = self.page_of.get(position_id)
        if page:
            target = relative_link(self.page.path, page, md.anchor(position_id))
            return f"[{md.code(position_id)}]({target})"
        record = self.index.by_id.get(position_id)
        if record is not None and record.get("type") == "proposal":
            name = md.text(self.index.name_of(position_id))
            return f"proposal *{name}* ({md.code(position_id)})"
        return md.code(position_id)

    def names(self, ids: Any) -> str:
        """The display names of a list of record ids, comma-separated."""
        if not isinstance(ids, list):
            return ""
        return ", ".join(md.text(self.index.name_of(str(i))) for i in ids)


def territory_scopes(position: dict[str, Any]) -> list[tuple[str, str]]:
    """The position's territories as (territory id, extent)."""
    scopes = position.get("territories")
    if not isinstance(scopes, list):
        return []
    return [
        (str(s.get("territory", "")), str(s.get("extent", "")))
        for s in scopes
        if isinstance(s, dict)
    ]

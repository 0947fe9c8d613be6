"""Expand an authoring document (YAML or JSON) into an explicit dipos dataset.

An authoring document is a dataset written with less typing::

    type: dataset                  # may be left out
    dipos_version: "0.2"           # may be left out: the version of this dipos
    defaults:                      # per record list: values every record lacks
      positions:
        holders: [actor-russia]
        stated_on: {value: "2025-05-17", basis: stated}
        evidence: {source: src-tass-2025-05-17, quote_kind: direct}
    positions:
      - move: demand               # type: position, and an id, are filled in
        topics: [ceasefire]
        summary: ...
        evidence: [{quote: "..."}]
      - defaults:                  # a group: its own defaults, for its records only
          holders: [actor-united-states]
          proposal_points: [{proposal: prop-plan}]
        positions:
          - ...

:func:`expand` writes every default into the records (see
:mod:`dipos.authoring.defaults` for the rule), fills ``type`` from the list a record
is in, and gives a record whose ``id`` is empty a generated one
(:mod:`dipos.authoring.ids`). A document without any of this shorthand comes out
unchanged, so ``dipos convert`` can be run on any dataset.
"""

from dataclasses import dataclass, field
from typing import Any, Final

from ..validator.paths import Path, to_json_path
from ..version import SCHEMA_VERSION
from .defaults import apply_defaults, combine
from .ids import fill_id
from .shape import shape_of

RECORD_LISTS: Final = {
    "actors": "actor",
    "territories": "territory",
    "sources": "source",
    "proposals": "proposal",
    "positions": "position",
}
"""The dataset's record lists and the record type each holds."""

DEFAULTS_KEY: Final = "defaults"


@dataclass(frozen=True, slots=True)
class AuthoringProblem:
    """Shorthand that cannot be expanded: where (a path in the document) and why."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{to_json_path(self.path)}: {self.message}"


@dataclass(slots=True)
class Expanded:
    """The explicit dataset, the problems found, and how many ids were generated."""

    dataset: dict[str, Any]
    problems: list[AuthoringProblem] = field(default_factory=list)
    generated_ids: int = 0
    origins: dict[Path, Path] = field(default_factory=dict)
    """Where each record of the dataset was written in the document (they differ when
    records sit in groups): dataset path -> document path."""


def expand(document: Any) -> Expanded:
    """The explicit dataset an authoring document stands for."""
    if not isinstance(document, dict):
        problem = AuthoringProblem((), "an authoring document is a mapping (a dataset)")
        return Expanded({}, [problem])
    out = Expanded({})
    defaults = _list_defaults(document.get(DEFAULTS_KEY), (DEFAULTS_KEY,), out)
    dataset: dict[str, Any] = {
        "type": document.get("type", "dataset"),
        "dipos_version": document.get("dipos_version", SCHEMA_VERSION),
    }
    for key, value in document.items():
        if key in (DEFAULTS_KEY, "type", "dipos_version"):
            continue
        if key in RECORD_LISTS and isinstance(value, list):
            records: list[Any] = []
            _expand_list(value, key, defaults.get(key, {}), (key,), records, out)
            dataset[key] = records
        else:
            dataset[key] = value
    out.dataset = dataset
    return out


def _list_defaults(value: Any, path: Path, out: Expanded) -> dict[str, dict[str, Any]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        out.problems.append(
            AuthoringProblem(path, "`defaults` is a mapping from a record list to its defaults")
        )
        return {}
    found: dict[str, dict[str, Any]] = {}
    for key, item in value.items():
        if key not in RECORD_LISTS:
            names = ", ".join(RECORD_LISTS)
            out.problems.append(
                AuthoringProblem((*path, key), f"defaults are given per record list ({names})")
            )
        elif not isinstance(item, dict):
            out.problems.append(
                AuthoringProblem((*path, key), "the defaults of a list are a mapping")
            )
        else:
            found[key] = item
    return found


def _is_group(item: Any, list_name: str) -> bool:
    return isinstance(item, dict) and "type" not in item and DEFAULTS_KEY in item


def _expand_list(
    items: list[Any],
    list_name: str,
    defaults: dict[str, Any],
    path: Path,
    records: list[Any],
    out: Expanded,
) -> None:
    record_type = RECORD_LISTS[list_name]
    for index, item in enumerate(items):
        at = (*path, index)
        if _is_group(item, list_name):
            group_defaults = item[DEFAULTS_KEY]
            members = item.get(list_name)
            extra = sorted(set(item) - {DEFAULTS_KEY, list_name})
            if not isinstance(group_defaults, dict):
                out.problems.append(
                    AuthoringProblem((*at, DEFAULTS_KEY), "a group's defaults are a mapping")
                )
                continue
            if not isinstance(members, list) or extra:
                out.problems.append(
                    AuthoringProblem(
                        at,
                        f"a group has `defaults` and a list `{list_name}` of records, nothing "
                        "else" + (f" (found {', '.join(map(str, extra))})" if extra else ""),
                    )
                )
                continue
            inner = combine(defaults, group_defaults)
            _expand_list(members, list_name, inner, (*at, list_name), records, out)
            continue
        if not isinstance(item, dict):
            records.append(item)  # not a record: the validator reports it, at its place
            out.origins[(list_name, len(records) - 1)] = at
            continue
        record = apply_defaults(item, defaults, shape_of(record_type)) if defaults else dict(item)
        if "type" not in record:
            record = {"type": record_type, **record}
        filled = fill_id(record, record_type)
        if filled is not record:
            out.generated_ids += 1
        records.append(filled)
        out.origins[(list_name, len(records) - 1)] = at

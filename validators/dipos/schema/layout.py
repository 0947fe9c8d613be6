"""The record layout, derived from the models: where each record type holds references,
codes and dates.

The validator needs to know, for each record type, which fields name other records (and
of which types), which hold codes of a codelist, and which hold dates. The models say it
once: a reference field carries a :class:`~dipos.model.types.RefersTo` marker in its
``Annotated`` metadata, a coded field is named in its codelist's ``used_by``, a date is a
string with the EDTF or calendar-day pattern, and the date that places a record in time
carries a :class:`~dipos.model.dates.PlacesInTime` marker. :func:`build_layout` walks the models and
writes it down; ``dipos schema --write`` ships the result as ``layout.json`` next to the
packaged schema, and ``dipos schema --check`` checks it, so that the validator reads the
tables without loading pydantic, and no table is written out by hand.

A field pattern is a path in which ``"*"`` stands for every item of a list. A model that
contains itself (a quantity's ``applies_to``) is walked one level deep: the schema checks
every level; the tables serve the rules that read the first.
"""

import json
import types
import typing
from typing import Any, Final, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ..codelists import SPECS
from ..model import Actor, Dataset, Position, Proposal, Source, Territory
from ..model.dates import PlacesInTime
from ..model.types import RefersTo
from ..patterns import CALENDAR_DATE_PATTERN, EDTF_PATTERN

LAYOUT_FILE: Final = "layout.json"

RECORD_MODELS: Final[tuple[type[BaseModel], ...]] = (
    Actor,
    Territory,
    Source,
    Proposal,
    Position,
    Dataset,
)

Pattern = tuple[str, ...]


def _record_type(model: type[BaseModel]) -> str:
    annotation = model.model_fields["type"].annotation
    (value,) = get_args(annotation)
    return str(value)


class _Walker:
    """Collects the tables for one record type."""

    def __init__(self, record_type: str, coded_names: frozenset[str]) -> None:
        self.record_type = record_type
        self.coded_names = coded_names
        self.references: list[tuple[Pattern, tuple[str, ...]]] = []
        self.coded: list[tuple[str, Pattern]] = []
        self.edtf: list[Pattern] = []
        self.calendar: list[Pattern] = []
        self.record_date: list[Pattern] = []

    def model(self, model: type[BaseModel], path: Pattern, seen: tuple[type, ...]) -> None:
        if model in seen:
            return
        for name, field in model.model_fields.items():
            if path == () and name == "type":
                continue
            if _record_list(field.annotation) is not None:
                continue  # a dataset's records are checked one by one, each by its type
            key = field.alias or name
            self.annotation(
                field.annotation,
                list(field.metadata),
                (*path, key),
                (*seen, model),
                f"{model.__name__}.{key}",
            )

    def annotation(
        self,
        annotation: Any,
        metadata: list[Any],
        path: Pattern,
        seen: tuple[type, ...],
        field_name: str,
    ) -> None:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            inner, *extra = get_args(annotation)
            if any(isinstance(item, PlacesInTime) for item in extra):
                _add(self.record_date, path)
            self.annotation(inner, [*metadata, *extra], path, seen, field_name)
        elif origin in (Union, types.UnionType):
            for member in get_args(annotation):
                if member is not type(None):
                    self.annotation(member, metadata, path, seen, field_name)
        elif origin is list:
            (item,) = get_args(annotation)
            self.annotation(item, [], (*path, "*"), seen, field_name)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            self.model(annotation, path, seen)
        elif origin is dict or annotation is dict:
            return  # extensions: free keys, nothing the rules read
        else:
            self.leaf(annotation, metadata, path, field_name)

    def leaf(self, annotation: Any, metadata: list[Any], path: Pattern, field_name: str) -> None:
        for item in metadata:
            if isinstance(item, RefersTo):
                _add(self.references, (path, tuple(item.record_types)))
            pattern = getattr(item, "pattern", None)
            if pattern == EDTF_PATTERN:
                _add(self.edtf, path)
            elif pattern == CALENDAR_DATE_PATTERN:
                _add(self.calendar, path)
        if field_name in self.coded_names and (
            get_origin(annotation) is Literal or annotation is str
        ):
            _add(self.coded, (field_name, path))


def _add(items: list[Any], item: Any) -> None:
    if item not in items:
        items.append(item)


def _record_list(annotation: Any) -> str | None:
    """The record type of a list of records (a dataset's ``actors``...), else ``None``."""
    for member in (annotation, *get_args(annotation)):
        if get_origin(member) is list:
            (item,) = get_args(member)
            if isinstance(item, type) and item in RECORD_MODELS:
                return _record_type(item)
    return None


def build_layout() -> dict[str, Any]:
    """The layout tables, as JSON data (see the module's docstring)."""
    # The date `basis` is checked by the schema's union of stated and inferred dates.
    coded_names = frozenset(
        used for spec in SPECS for used in spec.used_by if not used.endswith("Date.basis")
    )
    references: dict[str, list[Any]] = {}
    coded: dict[str, list[Any]] = {}
    edtf: dict[str, list[Any]] = {}
    calendar: dict[str, list[Any]] = {}
    record_lists: dict[str, str] = {}
    record_dates: dict[str, str] = {}
    for model in RECORD_MODELS:
        record_type = _record_type(model)
        walker = _Walker(record_type, coded_names)
        walker.model(model, (), ())
        references[record_type] = [[list(p), list(allowed)] for p, allowed in walker.references]
        for name, pattern in walker.coded:
            coded.setdefault(name, []).append([record_type, list(pattern)])
        if walker.edtf:
            edtf[record_type] = [list(p) for p in walker.edtf]
        if walker.calendar:
            calendar[record_type] = [list(p) for p in walker.calendar]
        if walker.record_date:
            (date_path,) = walker.record_date  # one per record type, a property of its own
            (record_dates[record_type],) = date_path
    for name, field in Dataset.model_fields.items():
        listed = _record_list(field.annotation)
        if listed is not None:
            record_lists[field.alias or name] = listed
    return {
        "$comment": (
            "Generated from the models by `dipos schema --write`; do not edit. Where each "
            "record type holds references, codes and dates (see dipos.schema.layout)."
        ),
        "record_lists": record_lists,
        "record_types": [_record_type(m) for m in RECORD_MODELS],
        "references": references,
        "coded_fields": dict(sorted(coded.items())),
        "edtf_fields": edtf,
        "calendar_fields": calendar,
        "record_dates": record_dates,
    }


def render_layout(layout: dict[str, Any]) -> str:
    """The text of ``layout.json``: two-space indents, newline at the end."""
    return json.dumps(layout, indent=2, ensure_ascii=False) + "\n"

"""Default values, entered once and written into every record that lacks them.

The rule, the same for an authoring YAML file and a workbook's ``Defaults`` sheet:

* a property the record gives keeps the record's value;
* a property the record leaves out takes the default's value (a copy);
* when both are objects, they are merged property by property by the same rule
  (a default ``stated_on: {basis: stated}`` completes a record's
  ``stated_on: {value: "2025-05-17"}``);
* when the record's value is a list of objects and the default is one object,
  the default completes each item of the list (``evidence: {source: src-1,
  quote_kind: direct}`` gives every piece of evidence its source and kind); such a
  default does not create a list for a record that has none;
* a record property set to ``null`` takes no default and is left out (``null``
  is never a value in dipos data, so this cannot be confused with one).

The result is the explicit exchange form: no record refers to a default.
"""

import copy
from typing import Any

from .shape import Shape


def apply_defaults(
    record: dict[str, Any], defaults: dict[str, Any], shape: Shape | None = None
) -> dict[str, Any]:
    """The record completed by ``defaults`` (a new dict; neither argument is changed).

    ``shape`` (:func:`dipos.authoring.shape.shape_of`) says which properties are lists;
    without it, a one-object default for a property the record leaves out is copied as is.
    Properties keep the record's order; those that come only from the defaults follow,
    in the defaults' order.
    """
    merged: dict[str, Any] = {}
    for key, value in record.items():
        if value is None:
            continue  # null: leave the property out, whatever the default
        if key in defaults:
            merged[key] = _merge(value, defaults[key], _child(shape, key))
        else:
            merged[key] = value
    for key, value in defaults.items():
        if key in record or value is None:
            continue
        if isinstance(value, dict) and shape is not None and shape.get(key, (False, None))[0]:
            continue  # an item default, and no items to complete
        merged[key] = copy.deepcopy(value)
    return merged


def _child(shape: Shape | None, key: str) -> Shape | None:
    if shape is None or key not in shape:
        return None
    return shape[key][1]


def _merge(value: Any, default: Any, shape: Shape | None) -> Any:
    if isinstance(value, dict) and isinstance(default, dict):
        return apply_defaults(value, default, shape)
    if isinstance(value, list) and isinstance(default, dict):
        return [
            apply_defaults(item, default, shape) if isinstance(item, dict) else item
            for item in value
        ]
    return value


def combine(outer: dict[str, Any], inner: dict[str, Any]) -> dict[str, Any]:
    """Defaults of a group inside defaults of its list: the inner ones win, by the same
    rule as a record's own values."""
    return apply_defaults(inner, outer)

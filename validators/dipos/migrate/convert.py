"""The conversion of one dipos 0.1 value (a dataset or a record) to dipos 0.2.

What changes between the versions, and so what this module does:

* a dataset's ``dipos_version`` ``"0.1"`` becomes ``"0.2"``;
* ``x_`` extension properties move into the record's ``extensions`` object: a record's
  own ``x_foo`` becomes ``extensions["x_foo"]``, and an ``x_foo`` nested in the record at
  JSON Pointer ``/evidence/0`` becomes ``extensions["evidence/0/x_foo"]``, so that nothing
  is lost and its place can be read back;
* a proposal's ``signatories``, a list of actor ids, becomes a list of objects:
  ``["actor-x"]`` becomes ``[{"actor": "actor-x"}]``.

Everything else is kept as it is, in the same order (a deadline's ``within.after`` stays
as written). Converting a 0.2 value changes nothing.
"""

from typing import Any, Final

FROM_VERSION: Final = "0.1"
TO_VERSION: Final = "0.2"

EXTENSION_PREFIX: Final = "x_"
"""How dipos 0.1 named a project's own properties."""

_RECORD_LISTS: Final = ("actors", "territories", "sources", "proposals", "positions")

Path = tuple[str | int, ...]


class MigrationProblem(ValueError):  # noqa: N818 - reads as a finding, as ImpossibleDate
    """A value that cannot be converted safely; ``path`` locates the problem."""

    def __init__(self, message: str, path: Path = ()) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


def _pointer(path: Path) -> str:
    """The JSON Pointer of ``path`` inside a record, without its leading ``/``."""
    return "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in path)


def migrate_value(value: Any) -> tuple[Any, list[str]]:
    """The 0.2 form of a parsed 0.1 value, and what was changed (one line each).

    A dataset, a single record, or anything else (left as it is). Raises
    :class:`MigrationProblem` for a dataset of another version than 0.1 or 0.2, and for
    an extension that would overwrite an ``extensions`` entry already present.
    """
    changes: list[str] = []
    if not isinstance(value, dict):
        return value, changes
    if value.get("type") == "dataset":
        return _dataset(value, changes), changes
    return _record(value, (), changes), changes


def _dataset(value: dict[str, Any], changes: list[str]) -> dict[str, Any]:
    version = value.get("dipos_version")
    if "dipos_version" in value and version not in (FROM_VERSION, TO_VERSION):
        shown = f'"{version}"' if isinstance(version, str) else f"{version!r} (not a string)"
        raise MigrationProblem(
            f"the dataset declares dipos_version {shown}: `dipos migrate` converts "
            f'"{FROM_VERSION}" to "{TO_VERSION}" only; correct the version by hand first',
            ("dipos_version",),
        )
    result: dict[str, Any] = _record(value, (), changes, skip=frozenset(_RECORD_LISTS))
    if version == FROM_VERSION:
        result["dipos_version"] = TO_VERSION
        changes.append(f"dipos_version: {FROM_VERSION} -> {TO_VERSION}")
    for name in _RECORD_LISTS:
        records = result.get(name)
        if isinstance(records, list):
            result[name] = [_record(record, (name, i), changes) for i, record in enumerate(records)]
    return result


def _record(value: Any, where: Path, changes: list[str], skip: frozenset[str] = frozenset()) -> Any:
    """One record: its extensions gathered into ``extensions``, its signatories as objects.
    ``where`` is the record's place in the file (for the change notes)."""
    if not isinstance(value, dict):
        return value
    moved: dict[str, Any] = {}
    result = _strip(value, (), moved, skip)
    if result.get("type") == "proposal" and isinstance(result.get("signatories"), list):
        signatories = result["signatories"]
        if any(isinstance(item, str) for item in signatories):
            result["signatories"] = [
                {"actor": item} if isinstance(item, str) else item for item in signatories
            ]
            changes.append(f"{_where(where)}signatories: ids -> objects with `actor`")
    if moved:
        existing = result.get("extensions")
        if existing is not None and not isinstance(existing, dict):
            raise MigrationProblem(
                "the record has `x_` properties and an `extensions` that is not an object: "
                "merge them by hand",
                (*where, "extensions"),
            )
        merged = dict(existing or {})
        for key, extension in moved.items():
            if key in merged and merged[key] != extension:
                raise MigrationProblem(
                    f"`extensions` already holds {key!r} with another value: rename one of "
                    "them by hand",
                    (*where, "extensions"),
                )
            merged[key] = extension
        result.pop("extensions", None)
        result["extensions"] = merged
        changes.append(f"{_where(where)}moved to extensions: " + ", ".join(sorted(moved, key=str)))
    return result


def _where(where: Path) -> str:
    return f"/{_pointer(where)}: " if where else ""


def _strip(value: Any, path: Path, moved: dict[str, Any], skip: frozenset[str]) -> Any:
    """A copy of ``value`` without its ``x_`` properties at any depth; each one removed is
    put in ``moved`` under its key, prefixed with its place in the record."""
    if isinstance(value, list):
        return [_strip(item, (*path, i), moved, frozenset()) for i, item in enumerate(value)]
    if not isinstance(value, dict):
        return value
    result: dict[str, Any] = {}
    for key, item in value.items():
        if key in skip or (not path and key == "extensions"):
            # Record lists are converted record by record; `extensions` is 0.2 already.
            result[key] = item
        elif isinstance(key, str) and key.startswith(EXTENSION_PREFIX):
            moved[_pointer((*path, key)) if path else key] = item
        else:
            result[key] = _strip(item, (*path, key), moved, frozenset())
    return result

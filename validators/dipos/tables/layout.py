"""The table layout, derived from the packaged JSON Schema (no code per field).

One walk over the schema gives every table, its key columns and its value columns:

* one **main table** per record type (``positions``, ``actors``...), keyed by ``id``;
  the dataset's own properties go to ``datasets`` (its record lists are the other
  main tables);
* a nested single object becomes ``/``-path columns of the row that holds it
  (``stated_on/value``); a union of objects (a stated or an inferred date) gives
  the columns of all its alternatives;
* a list, of objects or of plain values, becomes a **child table** named after the
  table that holds it and the list's path (``position_evidence``,
  ``position_evidence_reported_via``), keyed by the parent's keys (``position_id``,
  ``evidence_index``...) plus the item's index in the list (from 0); a list of
  plain values has one value column, ``value``;
* anything that has no fixed shape (an ``extensions`` object, a value of any JSON
  type, a structure that contains itself) is one column holding JSON text.

Bookkeeping columns keep the conversion lossless where a table cannot show a thing by
itself: ``_empty`` names the lists and objects written empty (``[]``, ``{}``) in the
row's item; ``<path>/_extra`` would hold, as JSON, the properties an object allows
beyond its declared ones (no object of schema 0.2 allows any: extensions live in each
record's ``extensions`` object, a JSON column).
"""

from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final, Literal

from ..schema import record_schema

Kind = Literal["string", "number", "integer", "boolean", "json"]
"""How a column's values are typed."""

EMPTY_COLUMN: Final = "_empty"
"""The column naming the lists and objects of a row's item that are present but empty."""

EXTRA_SUFFIX: Final = "_extra"
"""Last segment of the column that holds an object's undeclared properties, as JSON."""

VALUE_COLUMN: Final = "value"
"""The value column of the table of a list of plain values."""

INDEX_SUFFIX: Final = "_index"
"""Last part of the name of a child table's index column (``evidence_index``)."""

PATH_SEPARATOR: Final = "/"
"""Joins the property names of a nested object's column (``stated_on/value``)."""

PLURALS: Final = {"territory": "territories"}
"""Plural table names that are not the record type plus ``s``."""


@dataclass(slots=True)
class Column:
    """A value column of a table."""

    name: str
    """The column's name: the property path below the table's item, joined by ``/``."""
    path: tuple[str, ...]
    """The property path below the table's item (``("stated_on", "value")``)."""
    kind: Kind
    enum: tuple[str, ...] | None = None
    """The allowed codes, when the schema lists them (a closed codelist)."""
    description: str = ""


@dataclass(slots=True)
class Node:
    """How an object of the schema is laid out in a row: its columns and its lists.

    ``properties`` maps each declared property name to what it becomes: a
    :class:`Column`, a nested :class:`Node` (a single object), or a child
    :class:`TableSpec` (a list)."""

    path: tuple[str, ...]
    properties: dict[str, "Column | Node | TableSpec"] = field(default_factory=dict)
    extra: Column | None = None
    """The JSON column of undeclared properties, when the object allows them."""
    may_be_empty: bool = False
    """Whether the object may be written empty (it has no required property)."""


@dataclass(slots=True)
class TableSpec:
    """One table: its name, key columns, value columns and child tables."""

    name: str
    record_type: str | None
    """The record type of a main table; ``None`` for a child table."""
    parent: "TableSpec | None"
    path: tuple[str, ...]
    """The list's property path below the parent table's item (empty for a main table)."""
    keys: tuple[str, ...]
    """The key columns: ``("id",)`` for a main table; the parent's keys (its ``id`` as
    ``<type>_id``) and this table's index column for a child table."""
    scalar: Column | None = None
    """For a list of plain values: its value column (``value``)."""
    item: Node | None = None
    """For a list of objects or a main table: the layout of the item."""
    columns: list[Column] = field(default_factory=list)
    """The value columns, in order (the keys not included)."""
    children: list["TableSpec"] = field(default_factory=list)
    description: str = ""
    has_empty: bool = False
    """Whether the table has the ``_empty`` column (its items may hold empty lists or
    objects)."""

    @property
    def index_column(self) -> str | None:
        """This child table's own index column (``None`` for a main table)."""
        return self.keys[-1] if self.parent is not None else None

    @property
    def column_names(self) -> list[str]:
        """Every column, keys first, as written in a file."""
        names = [*self.keys, *(c.name for c in self.columns)]
        if self.has_empty:
            names.append(EMPTY_COLUMN)
        return names

    def walk(self) -> "list[TableSpec]":
        """This table and all tables below it, parents first."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


@dataclass(slots=True)
class Layout:
    """Every table, main tables first in the dataset's order, then by parent."""

    main: dict[str, TableSpec]
    """The main table of each record type, by type (``position``)."""
    tables: dict[str, TableSpec]
    """Every table by name, main tables and their children, parents first."""

    def table_of(self, record_type: str) -> TableSpec:
        return self.main[record_type]


def table_name(record_type: str) -> str:
    """The main table of a record type: its plural (``positions``, ``territories``)."""
    return PLURALS.get(record_type, record_type + "s")


class _Builder:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = schema["$defs"]

    def resolve(self, node: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
        """A schema with its ``$ref`` followed, and the name of the definition."""
        ref = node.get("$ref")
        if ref is None:
            return node, None
        name = ref.rsplit("/", 1)[-1]
        merged = {**self.defs[name], **{k: v for k, v in node.items() if k != "$ref"}}
        return merged, name

    def alternatives(self, node: dict[str, Any], seen: tuple[str, ...]) -> list[Any] | None:
        """The object alternatives of a ``oneOf``/``anyOf`` of objects (``None`` when it is
        not one, or when an alternative is not an object, or contains itself)."""
        options = node.get("oneOf") or node.get("anyOf")
        if not options or "properties" in node:
            return None
        found = []
        for option in options:
            resolved, name = self.resolve(option)
            if name is not None and name in seen:
                return None
            if resolved.get("type") != "object" or "properties" not in resolved:
                return None
            found.append((resolved, name))
        return found

    def scalar_kind(self, node: dict[str, Any]) -> tuple[Kind, tuple[str, ...] | None] | None:
        """The kind of a plain value and its codes, or ``None`` when it is not plain."""
        if "const" in node and isinstance(node["const"], str):
            return "string", (node["const"],)
        if "enum" in node and all(isinstance(v, str) for v in node["enum"]):
            return "string", tuple(node["enum"])
        options = node.get("oneOf") or node.get("anyOf")
        if options and "type" not in node:
            kinds = [self.scalar_kind(self.resolve(o)[0]) for o in options]
            if all(k is not None and k[0] == "string" and k[1] is not None for k in kinds):
                codes: list[str] = []
                for k in kinds:
                    assert k is not None
                    assert k[1] is not None
                    codes.extend(c for c in k[1] if c not in codes)
                return "string", tuple(codes)
            return None
        kind = node.get("type")
        if kind in ("string", "number", "integer", "boolean"):
            return kind, None
        return None

    def object_node(
        self,
        path: tuple[str, ...],
        schemas: list[dict[str, Any]],
        table: TableSpec,
        base: tuple[str, ...],
        seen: tuple[str, ...],
        skip: frozenset[str] = frozenset(),
    ) -> Node:
        """Lay out an object (``schemas``: its alternatives) in ``table``'s rows at
        ``base + path``... ``base`` is the path below the table's item."""
        node = Node(path=base)
        required: set[str] | None = None
        properties: dict[str, list[dict[str, Any]]] = {}
        allows_extra = False
        for schema in schemas:
            req = set(schema.get("required", ()))
            required = req if required is None else required & req
            for name, sub in schema.get("properties", {}).items():
                properties.setdefault(name, []).append(sub)
            if schema.get("additionalProperties", True) is not False or schema.get(
                "patternProperties"
            ):
                allows_extra = True
        node.may_be_empty = not required
        for name, subs in properties.items():
            if name in skip:
                continue
            node.properties[name] = self.member((*base, name), subs, table, seen)
        if allows_extra:
            node.extra = self.add_column(
                table,
                base,
                EXTRA_SUFFIX,
                "json",
                None,
                "Properties beyond the declared ones (extensions), as a JSON object.",
            )
            node.extra.path = base
        if node.may_be_empty and base:
            table.has_empty = True
        return node

    def add_column(
        self,
        table: TableSpec,
        path: tuple[str, ...],
        last: str | None,
        kind: Kind,
        enum: tuple[str, ...] | None,
        description: str,
    ) -> Column:
        full = path if last is None else (*path, last)
        column = Column(PATH_SEPARATOR.join(full), path, kind, enum, description)
        if column.name in table.keys or any(c.name == column.name for c in table.columns):
            raise ValueError(f"column {column.name!r} appears twice in table {table.name!r}")
        table.columns.append(column)
        return column

    def member(
        self,
        path: tuple[str, ...],
        subs: list[dict[str, Any]],
        table: TableSpec,
        seen: tuple[str, ...],
    ) -> "Column | Node | TableSpec":
        """What the property at ``path`` (below ``table``'s item) becomes."""
        resolved = [self.resolve(s) for s in subs]
        schema, ref = resolved[0]
        description = str(subs[0].get("description") or schema.get("description") or "")
        if len(resolved) > 1:
            # The same property in several alternatives of a union: one column when it
            # is the same kind of plain value in all of them (codes merged).
            kinds = [self.scalar_kind(s) for s, _ in resolved]
            first = kinds[0]
            if first is not None and all(k is not None and k[0] == first[0] for k in kinds):
                codes: list[str] | None = []
                for k in kinds:
                    assert k is not None
                    if k[1] is None or codes is None:
                        codes = None
                    else:
                        codes.extend(c for c in k[1] if c not in codes)
                enum = tuple(codes) if codes is not None else None
                return self.add_column(table, path, None, first[0], enum, description)
        if len(resolved) == 1:
            plain = self.scalar_kind(schema)
            if plain is not None:
                return self.add_column(table, path, None, plain[0], plain[1], description)
            if schema.get("type") == "object" and "properties" in schema and ref not in seen:
                next_seen = seen + ((ref,) if ref else ())
                return self.object_node(path, [schema], table, path, next_seen)
            options = self.alternatives(schema, seen)
            if options is not None:
                names = tuple(n for _, n in options if n)
                return self.object_node(path, [o for o, _ in options], table, path, seen + names)
            if schema.get("type") == "array" and "items" in schema:
                spec = self.list_table(path, schema, table, seen, description)
                if spec is not None:
                    return spec
        # No fixed shape (or the same name with several shapes): JSON text.
        return self.add_column(table, path, None, "json", None, description)

    def list_table(
        self,
        path: tuple[str, ...],
        schema: dict[str, Any],
        parent: TableSpec,
        seen: tuple[str, ...],
        description: str,
    ) -> TableSpec | None:
        items, ref = self.resolve(schema["items"])
        relative = "_".join(path)
        parent_base = parent.name if parent.parent is not None else parent.record_type
        assert parent_base is not None
        keys = ((f"{parent.record_type}_id",) if parent.parent is None else parent.keys) + (
            relative + INDEX_SUFFIX,
        )
        spec = TableSpec(
            name=f"{parent_base}_{relative}",
            record_type=None,
            parent=parent,
            path=path,
            keys=keys,
            description=description,
        )
        plain = self.scalar_kind(items)
        if plain is not None:
            about = description or str(items.get("description") or "")
            spec.scalar = self.add_column(spec, (), VALUE_COLUMN, plain[0], plain[1], about)
            spec.scalar.path = ()
        elif items.get("type") == "object" and "properties" in items and ref not in seen:
            next_seen = seen + ((ref,) if ref else ())
            spec.item = self.object_node((), [items], spec, (), next_seen)
        else:
            options = self.alternatives(items, seen)
            if options is None:
                return None
            names = tuple(n for _, n in options if n)
            spec.item = self.object_node((), [o for o, _ in options], spec, (), seen + names)
        if schema.get("minItems", 0) < 1:
            parent.has_empty = True
        parent.children.append(spec)
        return spec

    def main_table(
        self, record_type: str, schema: dict[str, Any], skip: frozenset[str]
    ) -> TableSpec:
        keys: tuple[str, ...] = ("id",)
        spec = TableSpec(
            name=table_name(record_type),
            record_type=record_type,
            parent=None,
            path=(),
            keys=keys,
            description=str(schema.get("description", "")),
        )
        if "id" not in schema.get("required", ()):
            # The dataset's id is optional: its table keeps the column, without a key.
            spec.keys = ()
            skip = skip - {"id"}
        spec.item = self.object_node((), [schema], spec, (), (), skip | {"type"})
        if not spec.keys and spec.children:
            raise ValueError(f"{record_type} records have lists but no required id to key them")
        return spec


@cache
def layout() -> Layout:
    """The layout of every table, from the packaged JSON Schema."""
    schema = record_schema()
    builder = _Builder(schema)
    main: dict[str, TableSpec] = {}
    record_defs: dict[str, dict[str, Any]] = {}
    for option in schema["oneOf"]:
        resolved, _ = builder.resolve(option)
        record_defs[resolved["properties"]["type"]["const"]] = resolved
    # A dataset's record lists are the other main tables, not children of `datasets`.
    record_refs = {f"#/$defs/{name}" for name in builder.defs}
    ordered = [t for t in record_defs if t == "dataset"] + [
        t for t in record_defs if t != "dataset"
    ]
    for record_type in ordered:
        definition = record_defs[record_type]
        skip = frozenset(
            name
            for name, sub in definition.get("properties", {}).items()
            if record_type == "dataset"
            and sub.get("type") == "array"
            and sub.get("items", {}).get("$ref") in record_refs
            and builder.resolve(sub["items"])[0].get("properties", {}).get("type", {}).get("const")
            in record_defs
        )
        main[record_type] = builder.main_table(record_type, definition, skip | {"id"})
    tables: dict[str, TableSpec] = {}
    for spec in main.values():
        for table in spec.walk():
            if table.name in tables:
                raise ValueError(f"two tables are named {table.name!r}")
            tables[table.name] = table
    return Layout(main=main, tables=tables)


def dataset_record_lists() -> dict[str, str]:
    """The record lists of a dataset (``positions``) and the record type each holds."""
    schema = record_schema()
    defs = schema["$defs"]
    dataset = next(
        d
        for d in defs.values()
        if d.get("properties", {}).get("type", {}).get("const") == "dataset"
    )
    found: dict[str, str] = {}
    for name, sub in dataset["properties"].items():
        ref = sub.get("items", {}).get("$ref") if sub.get("type") == "array" else None
        if ref:
            target = defs[ref.rsplit("/", 1)[-1]]
            const = target.get("properties", {}).get("type", {}).get("const")
            if const and const != "dataset":
                found[name] = const
    return found

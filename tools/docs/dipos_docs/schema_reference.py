"""The schema reference page: every definition of the committed schema, every property
with its type, whether it is required, its description, allowed values,
constraints and an example."""

import json
from typing import Any, Final

from . import markdown as md
from .codelist_data import CodelistTable, match_codelist
from .schema_examples import Harvest
from .schema_model import SchemaDefinitions, ref_name, referenced

CODELISTS_PAGE: Final = "codelists.md"
_EXAMPLE_CHARS: Final = 120
_DATE_UNION: Final = frozenset({"StatedDate", "InferredDate"})


def _link(name: str) -> str:
    return f"[{name}](#{md.heading_anchor(name)})"


def type_markdown(schema: dict[str, Any]) -> str:
    """The type of a property in words, with links to the definitions it uses:
    "array of [Evidence](#evidence)", "date ([stated](#stateddate) or ...)"."""
    name = ref_name(schema)
    if name:
        return _link(name)
    branches = schema.get("oneOf") or schema.get("anyOf")
    if isinstance(branches, list):
        names = [ref_name(b) for b in branches if isinstance(b, dict)]
        if set(names) == _DATE_UNION:
            return "date ([stated](#stateddate) or [inferred](#inferreddate))"
        return " or ".join(type_markdown(b) for b in branches if isinstance(b, dict))
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items")
        return "array of " + (type_markdown(items) if isinstance(items, dict) else "anything")
    if isinstance(kind, list):
        return " or ".join(str(k) for k in kind)
    if kind is None:
        return "any value"
    words = str(kind)
    if isinstance(schema.get("format"), str):
        words += f" ({schema['format']})"
    return words


def constraints(schema: dict[str, Any]) -> list[str]:
    """The constraints of a property, in words (Markdown)."""
    found = []
    if "const" in schema:
        found.append(f"always {md.code(json.dumps(schema['const'], ensure_ascii=False))}")
    if isinstance(schema.get("pattern"), str):
        found.append(f"pattern {md.code(schema['pattern'])}")
    if schema.get("minLength") == 1:
        found.append("not empty")
    if schema.get("minItems") == 1:
        found.append("at least one item")
    for keyword, words in (
        ("minLength", "at least {} characters"),
        ("maxLength", "at most {} characters"),
        ("minItems", "at least {} items"),
        ("maxItems", "at most {} items"),
        ("minimum", "at least {}"),
        ("maximum", "at most {}"),
        ("exclusiveMinimum", "more than {}"),
        ("exclusiveMaximum", "less than {}"),
    ):
        if keyword in schema and not (
            keyword in ("minLength", "minItems") and schema[keyword] == 1
        ):
            found.append(words.format(schema[keyword]))
    if schema.get("uniqueItems"):
        found.append("no repeated items")
    items = schema.get("items")
    if schema.get("type") == "array" and isinstance(items, dict) and not ref_name(items):
        found.extend(f"each item: {c}" for c in constraints(items))
    return found


def allowed_values(schema: dict[str, Any], codelists: list[CodelistTable]) -> str:
    """The values a property may take, with a link to their codelist."""
    values = schema.get("items") if schema.get("type") == "array" else schema
    if not isinstance(values, dict):
        return ""
    matched = match_codelist(schema, codelists)
    enum = values.get("enum")
    link = f"[`{matched[0]}`]({CODELISTS_PAGE}#{md.anchor(matched[0])})" if matched else ""
    if isinstance(enum, list):
        codes = ", ".join(
            f"[`{code}`]({CODELISTS_PAGE}#{md.anchor(f'{matched[0]}-{code}')})"
            if matched
            else md.code(str(code))
            for code in enum
        )
        return f"one of {codes} (closed codelist {link})" if link else f"one of {codes}"
    if link:
        return f"a code of the open codelist {link}; other codes with a `namespace:` prefix"
    return ""


def _shorten_json(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(md.shorten(value, _EXAMPLE_CHARS), ensure_ascii=False)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        shown = json.dumps(value, ensure_ascii=False)
        if len(shown) <= _EXAMPLE_CHARS:
            return shown
        return json.dumps(value[:1], ensure_ascii=False)[:-1] + ", …]"
    return md.shorten(json.dumps(value, ensure_ascii=False), _EXAMPLE_CHARS)


def example_of(definition: str, prop: str, schema: dict[str, Any], harvest: Harvest) -> str | None:
    """An example value for a property: the schema's own ``examples``, or else the first
    value the example files give it. Objects are left to their own definition's example."""
    own = schema.get("examples")
    if own is None and schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        item_examples = schema["items"].get("examples")
        own = [item_examples[:2]] if isinstance(item_examples, list) else None
    if isinstance(own, list) and own:
        return ", ".join(md.code(_shorten_json(v)) for v in own[:3])
    if ref_name(schema) or schema.get("oneOf") or schema.get("anyOf"):
        return None
    value = harvest.values.get((definition, prop))
    if value is None or (isinstance(value, list) and value and isinstance(value[0], dict)):
        return None
    return md.code(_shorten_json(value))


def _used_in(defs: SchemaDefinitions, name: str) -> list[str]:
    found = []
    for other, schema in defs.definitions.items():
        for prop, prop_schema in schema.get("properties", {}).items():
            if name in _refs(prop_schema):
                found.append(f"{_link(other)}.`{prop}`")
    return found


def _refs(schema: Any) -> set[str]:
    return set(referenced(schema))


def _cross_property_rules(schema: dict[str, Any]) -> list[str]:
    rules = []
    for keyword, words in (("anyOf", "at least one of"), ("oneOf", "exactly one of")):
        branches = schema.get(keyword)
        if isinstance(branches, list) and all(
            isinstance(b, dict) and set(b) == {"required"} for b in branches
        ):
            names = [", ".join(f"`{p}`" for p in b["required"]) for b in branches]
            rules.append(f"Give {words}: {' / '.join(names)}.")
    # "Not all absent" (`not: {properties: {a: false, b: false}}`), the form the models
    # use for "at least one of" because ajv's strict mode refuses the `anyOf` above.
    absent = schema.get("not")
    if isinstance(absent, dict) and set(absent) == {"properties"}:
        props = absent["properties"]
        if props and all(value is False for value in props.values()):
            rules.append(f"Give at least one of: {' / '.join(f'`{p}`' for p in props)}.")
    return rules


def _ref_description(schema: dict[str, Any]) -> str:
    """For a property that is only a ``$ref`` (a sibling description would make code
    generators copy the type, as for ``extensions``): a pointer to the definition."""
    name = ref_name(schema)
    return f"See {_link(name)}." if name else ""


def property_rows(
    name: str, schema: dict[str, Any], codelists: list[CodelistTable], harvest: Harvest
) -> list[list[str]]:
    """Each property of a definition as [name, type, required, description, details], the
    details one Markdown line each (values, constraints, example)."""
    required = set(schema.get("required", []))
    rows = []
    for prop, prop_schema in schema.get("properties", {}).items():
        details = []
        values = allowed_values(prop_schema, codelists)
        if values:
            details.append(f"**Values:** {values}")
        found = constraints(prop_schema)
        if found:
            details.append("**Constraints:** " + "; ".join(found))
        example = example_of(name, prop, prop_schema, harvest)
        if example:
            details.append(f"**Example:** {example}")
        rows.append(
            [
                f'<span id="{md.property_anchor(name, prop)}"></span>`{prop}`',
                type_markdown(prop_schema),
                "**required**" if prop in required else "optional",
                str(prop_schema.get("description", "") or _ref_description(prop_schema)).strip(),
                "\n".join(details),
            ]
        )
    return rows


def property_block(row: list[str]) -> str:
    """One property as a block that reads at any width (a seven-column table did not fit
    a phone): its name, type and whether it is required on one line, then its description,
    then its allowed values, constraints and example, one per line."""
    head, kind, required, description, details = row
    lines = ['<div class="dipos-property" markdown>\n', f"{head} · {kind} · {required}"]
    lines.append("{: .dipos-property-head }\n")
    if description:
        lines.append(description + "\n")
    for detail in details.splitlines():
        lines.append(detail + "\n{: .dipos-property-detail }\n")
    lines.append("</div>\n")
    return "\n".join(lines)


def _example_block(name: str, harvest: Harvest) -> str:
    best = harvest.best_object(name)
    if best is None:
        return ""
    file, obj = best
    body = md.json_block(obj)
    indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
    title = f"Example from examples/{file}"
    return f'??? example "{title}"\n\n{indented}\n'


INTRO: Final = """\
# Schema reference

This page is generated from the committed JSON Schema files
([`dataset.schema.json`](../{schema_path}/dataset.schema.json) and
[`record.schema.json`](../{schema_path}/record.schema.json)) each time the
site is built. The example values come from the schema itself or, where it has
none, from the [example files](../examples/index.md).

A file holds a [Dataset](#dataset) (the records in its lists), a single record,
or, in JSON Lines, one record per line. Every record has a `type` and an `id`
unique across the whole dataset; records refer to each other by `id`, across
files.

## Rules for every object {{#every-object}}

Three rules hold for every object below:

- **No unknown properties.** A property not listed for an object is an error,
  nearly always a typo (`speakr`). To add your own data, put it in the record's
  **`extensions`** object ([Extensions](#extensions)), under keys of your choice,
  best with a namespace (`"extensions": {{"acme:reviewed": true}}`): the one
  place where free keys are allowed, ignored by dipos tools. (dipos 0.1 used
  `x_` properties instead; `dipos migrate` moves them.)
- **No `null`.** When a value is not known, leave the property out; writing
  `null` is an error.
- **Strict types.** `"5"` is not a number and `1` is not `true`.
"""


def render(
    defs: SchemaDefinitions,
    codelists: list[CodelistTable],
    harvest: Harvest,
    schema_path: str,
) -> str:
    """The Markdown of the schema reference page."""
    parts = [INTRO.format(schema_path=schema_path)]
    parts.append("## Record types\n")
    parts.append(
        md.table(
            ["Record", "`type`", "What it is"],
            (
                [
                    _link(name),
                    md.code(str(defs.definitions[name]["properties"]["type"]["const"])),
                    md.cell(_first_sentence(defs.definitions[name].get("description", ""))),
                ]
                for name in defs.record_types
            ),
        )
    )
    parts.append(
        "\nThe objects records contain: "
        + ", ".join(_link(n) for n in defs.definitions if not defs.is_record(n))
        + ".\n"
    )
    for name, schema in defs.definitions.items():
        parts.append(_definition_section(defs, name, schema, codelists, harvest))
    return "\n".join(parts)


def _first_sentence(text: str) -> str:
    first = text.split("\n\n", 1)[0]
    return first.split(". ", 1)[0].rstrip(".") + "."


def _definition_section(
    defs: SchemaDefinitions,
    name: str,
    schema: dict[str, Any],
    codelists: list[CodelistTable],
    harvest: Harvest,
) -> str:
    kind = "record" if defs.is_record(name) else "object"
    lines = [f"## {name} {{#{md.heading_anchor(name)}}}\n"]
    if defs.is_record(name):
        const = schema["properties"]["type"]["const"]
        lines.append(f'*A record: `"type": "{const}"`.*\n')
    used = _used_in(defs, name)
    if used:
        lines.append(f"*Used in:* {', '.join(used)}.\n")
    description = str(schema.get("description", ""))
    if description:
        lines.append(description + "\n")
    lines.extend(rule + "\n" for rule in _cross_property_rules(schema))
    for row in property_rows(name, schema, codelists, harvest):
        lines.append(property_block(row))
    if schema.get("additionalProperties") is False:
        lines.append(
            f"No other properties (this {kind} is [closed](#every-object); a project's own "
            "additions go in a record's `extensions`).\n"
        )
    block = _example_block(name, harvest)
    if block:
        lines.append(block)
    return "\n".join(lines)

"""The catalogue of validation rules: every problem ``dipos validate`` can report.

Each rule has a stable id (kebab-case; ids never change meaning and are never
reused), a severity, a title, a description of what triggers it, how to fix it,
and a small failing example. The documentation site generates its rules page
from `RULES`; each finding links to its rule's section (`RuleInfo.docs_url`).

Severities: ``error`` makes the data invalid (exit 1); ``warning`` is reported
but passes, unless ``--strict``; ``info`` is a remark that never fails a run.

The rules come in three layers, checked in this order:

* **syntax** (``syntax-*``): the file cannot be read as JSON, JSON Lines or YAML;
* **structure** (``schema-*`` and a few more specific ids such as
  ``wikidata-malformed``): a record does not match the dipos JSON Schema;
* **rules** across records: references, ids, dates, codelists, quotes.

A workbook (``.xlsx``) or a folder of CSV tables is first read into records; the
problems of reading it (``workbook-*``: a formula, a merged cell, a date typed as a
spreadsheet date...) are reported at their sheet and cell, and so are the findings of
the three layers on the records read from it.
"""

from dataclasses import dataclass
from typing import Final, Literal

from ..limits import QUOTE_MAX_LENGTH

Severity = Literal["error", "warning", "info"]
Layer = Literal["syntax", "structure", "rules", "workbook"]

DOCS_BASE_URL: Final = "https://dipos.github.io/dipos/"


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """One rule of the catalogue."""

    id: str
    """Stable kebab-case id, used in ``--select``/``--ignore`` and in every finding."""
    severity: Severity
    """``error``, ``warning`` or ``info``."""
    title: str
    """A short title."""
    description: str
    """What triggers the rule, for a contributor (Markdown)."""
    fix: str
    """How to fix it."""
    failing_example: str
    """A small complete document (text) that triggers the rule."""
    layer: Layer = "rules"
    """Which layer checks it: ``syntax``, ``structure`` or ``rules``."""
    example_format: Literal["json", "jsonl", "yaml", "xlsx"] = "json"
    """How ``failing_example`` is read: as a ``.json``, ``.jsonl`` or ``.yaml`` file; for
    ``xlsx`` (the workbook rules) it describes the cells of a workbook in words."""
    example_encoding: str = "utf-8"
    """The encoding in which ``failing_example`` is written to a file to trigger the rule."""
    example_source_text: str = ""
    """For the quote rules: the source text the example is checked against (its file
    stem is the source id, ``src-1``)."""

    @property
    def docs_url(self) -> str:
        """The rule's section on the documentation site."""
        return f"{DOCS_BASE_URL}rules/#{self.id}"


def _position(extra: str = "", evidence: str = "") -> str:
    """A failing example: a dataset with one actor, one source and one position."""
    ev = (
        evidence or '{"source": "src-1", "quote": "We demand a ceasefire.", "quote_kind": "direct"}'
    )
    return (
        '{"type": "dataset", "dipos_version": "0.2",\n'
        ' "actors": [{"type": "actor", "id": "actor-northland", "name": "Northland",'
        ' "kind": "state"}],\n'
        ' "sources": [{"type": "source", "id": "src-1", "title": "Statement",'
        ' "kind": "official_statement"}],\n'
        ' "positions": [{"type": "position", "id": "pos-1", "holders": ["actor-northland"],\n'
        '   "move": "demand", "topics": ["ceasefire"], "summary": "Northland demands a '
        'ceasefire.",\n'
        f"   {extra}"
        f'"evidence": [{ev}]}}]}}\n'
    )


_ACTOR = '{"type": "actor", "id": "actor-northland", "name": "Northland", "kind": "state"'
_TERRITORY = '{"type": "territory", "id": "terr-1", "name": "North Province", "kind": "city"'

RULES: tuple[RuleInfo, ...] = (
    # --- syntax -------------------------------------------------------------------------
    RuleInfo(
        id="syntax-json",
        severity="error",
        title="Malformed JSON",
        description=(
            "The file is not valid JSON: a missing comma or bracket, a trailing comma, "
            "single quotes, a comment, `NaN`, or nesting deeper than 1,000 levels. The "
            "finding gives the line and column where reading stopped."
        ),
        fix=(
            "Open the file at the line and column given and correct the JSON there; an "
            "editor with JSON support or `python -m json.tool FILE` shows the same place."
        ),
        failing_example='{"type": "actor", "id": "actor-northland",\n',
        layer="syntax",
    ),
    RuleInfo(
        id="syntax-jsonl",
        severity="error",
        title="Malformed line in a JSON Lines file",
        description=(
            "A line of a `.jsonl` file is not one complete JSON object. Each line must hold "
            "exactly one record; the other lines are still checked."
        ),
        fix=(
            "Correct the line given. A record must not be split over several lines: write "
            "it on one line (`jq -c`)."
        ),
        failing_example=(
            '{"type": "dataset", "dipos_version": "0.2"}\n'
            '{"type": "actor", "id": "actor-northland",\n'
        ),
        layer="syntax",
        example_format="jsonl",
    ),
    RuleInfo(
        id="syntax-yaml",
        severity="error",
        title="Malformed or unsafe YAML",
        description=(
            "The file is not valid YAML, or uses what dipos does not accept in YAML: tags "
            "that make non-JSON values (`!!binary`, `!!set`, Python objects), keys that are "
            "not strings, or aliases that would expand to a huge document (an 'alias bomb'). "
            "Dates such as `2025-06-14` are read as text, as the schema expects."
        ),
        fix="Correct the YAML at the line and column given; write plain JSON-like YAML.",
        failing_example="type: actor\nid: [actor-northland\n",
        layer="syntax",
        example_format="yaml",
    ),
    RuleInfo(
        id="syntax-encoding",
        severity="error",
        title="Not UTF-8 text",
        description=(
            "The file is not UTF-8 text: it is binary, or was saved in another encoding "
            "(Latin-1, Windows-1252, UTF-16). The example below is written in Latin-1."
        ),
        fix="Save the file as UTF-8 (without byte-order mark).",
        failing_example=(
            '{"type": "actor", "id": "actor-zurich", "name": "Zürich", "kind": "other"}\n'
        ),
        layer="syntax",
        example_encoding="latin-1",
    ),
    RuleInfo(
        id="syntax-empty",
        severity="error",
        title="Empty file",
        description="The file is empty, or holds only white space.",
        fix="Remove the file, or write a dataset or record into it.",
        failing_example="",
        layer="syntax",
    ),
    RuleInfo(
        id="syntax-bom",
        severity="warning",
        title="Byte-order mark",
        description=(
            "The file starts with a UTF-8 byte-order mark (BOM). JSON forbids it (RFC 8259) "
            "and some tools fail on it; dipos reads the file anyway."
        ),
        fix="Save the file as UTF-8 without BOM.",
        failing_example='\ufeff{"type": "dataset", "dipos_version": "0.2"}\n',
        layer="syntax",
    ),
    RuleInfo(
        id="syntax-duplicate-key",
        severity="error",
        title="Duplicate key",
        description=(
            "An object has the same key twice. JSON readers silently keep one of the two "
            "values, so part of the data would be lost without notice."
        ),
        fix="Keep one of the two keys, merging their values if both are needed.",
        failing_example=(
            '{"type": "actor", "id": "actor-northland", "name": "Northland", "kind": "state",\n'
            ' "name": "Northland Republic"}\n'
        ),
        layer="syntax",
    ),
    # --- structure ----------------------------------------------------------------------
    RuleInfo(
        id="schema-record-type",
        severity="error",
        title="Unknown or missing record type",
        description=(
            "A record has no `type`, or a `type` that is not one of `actor`, `territory`, "
            "`source`, `proposal`, `position`, `dataset`; or a record in a dataset list "
            "(e.g. `positions`) has another type than the list holds."
        ),
        fix="Set `type` to the kind of record, and put the record in the matching list.",
        failing_example='{"type": "person", "id": "actor-northland", "name": "Northland"}\n',
        layer="structure",
    ),
    RuleInfo(
        id="schema-required",
        severity="error",
        title="Missing required property",
        description="A property the record type requires is missing.",
        fix="Add the property; the message names it and the record type that needs it.",
        failing_example='{"type": "actor", "id": "actor-northland", "kind": "state"}\n',
        layer="structure",
    ),
    RuleInfo(
        id="schema-additional-property",
        severity="error",
        title="Unknown property",
        description=(
            "A property that the record type does not define, usually a typo (`speakr`). "
            "A project's own additions are allowed when their names start with `x_`."
        ),
        fix=(
            "Correct the spelling (the message suggests the nearest property), or rename it "
            "with the `x_` prefix to keep it as an extension."
        ),
        failing_example=_ACTOR + ', "nmae": "Northland"}\n',
        layer="structure",
    ),
    RuleInfo(
        id="schema-null",
        severity="error",
        title="Null value",
        description="A property is `null`. dipos never uses `null`: an unknown value is left out.",
        fix="Remove the property.",
        failing_example=_ACTOR + ', "wikidata": null}\n',
        layer="structure",
    ),
    RuleInfo(
        id="schema-type",
        severity="error",
        title="Wrong JSON type",
        description=(
            'A value has the wrong JSON type: a string where a number is expected (`"5"` '
            "for `5`), a single value where a list is expected, a number where text is "
            "expected."
        ),
        fix="Write the value with the type given in the message.",
        failing_example=_ACTOR + ', "alternative_names": "Northland Republic"}\n',
        layer="structure",
    ),
    RuleInfo(
        id="schema-const",
        severity="error",
        title="Wrong fixed value",
        description=(
            "A property that has one allowed value has another, e.g. `dipos_version` must "
            "be `0.1` for this version of the schema."
        ),
        fix="Write the value given in the message.",
        failing_example='{"type": "dataset", "dipos_version": "1.0"}\n',
        layer="structure",
    ),
    RuleInfo(
        id="codelist-unknown",
        severity="error",
        title="Code not in a closed codelist",
        description=(
            "A coded property (`move`, `kind`, `extent`, `relation`...) has a value that "
            "is not in its closed codelist. The message suggests the nearest code."
        ),
        fix=(
            "Use a code from the codelist named in the message (see the codelists page); "
            "closed lists cannot be extended by a dataset."
        ),
        failing_example=_position().replace('"move": "demand"', '"move": "demands"'),
        layer="structure",
    ),
    RuleInfo(
        id="schema-pattern",
        severity="error",
        title="Badly formed text",
        description=(
            "A text value does not have the required form: a language tag (`en`), a SHA-256 "
            "digest, a URL starting with `http://` or `https://`, a topic code, a point "
            "number."
        ),
        fix="Write the value in the form the message describes.",
        failing_example=(
            '{"type": "source", "id": "src-1", "title": "Statement", "kind": "official_statement",'
            ' "language": "English"}\n'
        ),
        layer="structure",
    ),
    RuleInfo(
        id="id-malformed",
        severity="error",
        title="Badly formed id",
        description=(
            "An `id` or a reference to one has characters ids cannot have. Ids use letters, "
            "digits and `. _ : / -`, start with a letter or digit, and have at most 200 "
            "characters."
        ),
        fix="Rename the id (and every reference to it): `actor-northland`, not `Actor Northland`.",
        failing_example=(
            '{"type": "actor", "id": "Actor Northland", "name": "Northland", "kind": "state"}\n'
        ),
        layer="structure",
    ),
    RuleInfo(
        id="wikidata-malformed",
        severity="error",
        title="Badly formed Wikidata id",
        description=(
            "A `wikidata` value is not a Wikidata item id: `Q` followed by digits, with no "
            "leading zero (`Q212`). A URL, a lower-case `q`, or a property id (`P31`) is "
            "not accepted."
        ),
        fix="Write the item id alone, as Wikidata shows it: `Q212`. Leave it out if unsure.",
        failing_example=_ACTOR + ', "wikidata": "q212"}\n',
        layer="structure",
    ),
    RuleInfo(
        id="iso3166-malformed",
        severity="error",
        title="Badly formed ISO 3166 code",
        description=(
            "An ISO 3166 code is not written as ISO writes it: a territory's `iso3166` is "
            "an upper-case alpha-2 country code (`UA`) or subdivision code (`UA-14`); an "
            "actor's `iso3166_1_alpha3` is an upper-case alpha-3 code (`UKR`)."
        ),
        fix="Write the code in upper case, with a hyphen before the subdivision part.",
        failing_example=_TERRITORY + ', "iso3166": "ua-14"}\n',
        layer="structure",
    ),
    RuleInfo(
        id="date-malformed",
        severity="error",
        title="Badly formed date",
        description=(
            "A date is not written in the dipos EDTF subset (`2025`, `2025-06`, `2025-06-14`, "
            "with `?`, `~` or `%` at the end, or an interval `2025-03-01/2025-03-21`, "
            "`../2022-02`), or a calendar day is not `YYYY-MM-DD`."
        ),
        fix="Write the date as `YYYY-MM-DD` at the precision you know (`2025-06`, `2025`).",
        failing_example=(
            '{"type": "source", "id": "src-1", "title": "Statement", "kind": "official_statement",'
            ' "published_on": {"value": "14/06/2025", "basis": "stated"}}\n'
        ),
        layer="structure",
    ),
    RuleInfo(
        id="schema-min-items",
        severity="error",
        title="Empty list",
        description="A list that must have at least one item is empty (`holders`, `topics`).",
        fix="Add the item(s), or leave the property out when it is optional.",
        failing_example=_position().replace('"topics": ["ceasefire"]', '"topics": []'),
        layer="structure",
    ),
    RuleInfo(
        id="evidence-missing",
        severity="error",
        title="Position without evidence",
        description=(
            "A position has no `evidence`, or an empty list. Every position needs at least "
            "one source and a verbatim quote from it."
        ),
        fix=(
            "Add an evidence item: the source's id, the quote, and whether it is direct or "
            "a paraphrase."
        ),
        failing_example=(
            '{"type": "dataset", "dipos_version": "0.2",\n'
            f' "actors": [{_ACTOR}}}],\n'
            ' "positions": [{"type": "position", "id": "pos-1", "holders": ["actor-northland"],\n'
            '   "move": "demand", "topics": ["ceasefire"],\n'
            '   "summary": "Northland demands a ceasefire."}]}\n'
        ),
        layer="structure",
    ),
    RuleInfo(
        id="schema-constraint",
        severity="error",
        title="Value out of bounds",
        description=(
            "A value breaks a limit of the schema: empty text, text that is too long (a quote "
            f"over {QUOTE_MAX_LENGTH:,} characters), a negative number or offset."
        ),
        fix="Bring the value within the limit given in the message.",
        failing_example='{"type": "actor", "id": "actor-northland", "name": "", "kind": "state"}\n',
        layer="structure",
    ),
    RuleInfo(
        id="deadline-empty",
        severity="error",
        title="Deadline without a date",
        description="A deadline has neither a `date` nor a relative time (`within`).",
        fix="Give `date`, `within` or both; or remove the deadline.",
        failing_example=_position('"deadlines": [{"description": "soon"}],\n   '),
        layer="structure",
    ),
    # --- rules across records -----------------------------------------------------------
    RuleInfo(
        id="id-duplicate",
        severity="error",
        title="Duplicate id",
        description=(
            "Two records have the same `id`. Ids must be unique across the whole dataset: all "
            "files and all record types."
        ),
        fix="Rename one of the records and update the references to it.",
        failing_example=(
            '{"type": "dataset", "dipos_version": "0.2", "actors": [\n'
            f" {_ACTOR}}},\n {_ACTOR}}}]}}\n"
        ),
    ),
    RuleInfo(
        id="ref-unresolved",
        severity="error",
        title="Reference does not resolve",
        description=(
            "A reference (`holders`, `speaker`, `evidence.source`, `links.target`...) names "
            "an id that no record in the files checked has. Remember to check all files of a "
            "dataset together: `dipos validate my-dataset/`."
        ),
        fix=(
            "Correct the id (the message suggests the nearest existing one), add the missing "
            "record, or include the file that holds it in the check."
        ),
        failing_example=_position().replace(
            '"holders": ["actor-northland"]', '"holders": ["actor-nortland"]'
        ),
    ),
    RuleInfo(
        id="ref-wrong-type",
        severity="error",
        title="Reference to the wrong type of record",
        description=(
            "A reference names a record of another type than expected: a `holders` entry "
            "that is a territory, an `evidence.source` that is an actor."
        ),
        fix="Point the reference to a record of the type given in the message.",
        failing_example=_position().replace(
            '"holders": ["actor-northland"]', '"holders": ["src-1"]'
        ),
    ),
    RuleInfo(
        id="iso3166-unknown",
        severity="error",
        title="ISO 3166 code does not exist",
        description=(
            "A well-formed ISO 3166-1 or ISO 3166-2 code that is not in the standard "
            "(checked against the `pycountry` database): `UA-99`, `XXK`."
        ),
        fix=(
            "Look the code up (ISO Online Browsing Platform, or the ISO 3166-2 lists on "
            "Wikipedia); "
            "leave it out if there is none."
        ),
        failing_example=_TERRITORY + ', "iso3166": "UA-99"}\n',
    ),
    RuleInfo(
        id="date-impossible",
        severity="error",
        title="Date that does not exist",
        description=(
            "A date has a day its month does not have: `2025-02-30`, `2023-02-29`, `2025-04-31`."
        ),
        fix=(
            "Correct the day, or write the date at month precision (`2025-02`) if the day "
            "is unknown."
        ),
        failing_example=_position('"stated_on": {"value": "2025-02-30", "basis": "stated"},\n   '),
    ),
    RuleInfo(
        id="date-interval-reversed",
        severity="error",
        title="Interval ends before it starts",
        description=(
            "A date interval `start/end` whose end is before its start: `2025-03-21/2025-03-01`."
        ),
        fix="Swap the two ends.",
        failing_example=_position(
            '"stated_on": {"value": "2025-03-21/2025-03-01", "basis": "stated"},\n   '
        ),
    ),
    RuleInfo(
        id="date-after-source",
        severity="error",
        title="Position stated after its source was published",
        description=(
            "A position's `stated_on` is after the `published_on` of a source given as its "
            "evidence: a source cannot report what was said after it was published. Dates "
            "marked uncertain or approximate (`?`, `~`, `%`) are not compared."
        ),
        fix="Check both dates: one of them is wrong, or the evidence points to the wrong source.",
        failing_example=_position(
            '"stated_on": {"value": "2025-06-20", "basis": "stated"},\n   '
        ).replace(
            '"kind": "official_statement"}',
            '"kind": "official_statement", "published_on": {"value": "2025-06-14", "basis": '
            '"stated"}}',
        ),
    ),
    RuleInfo(
        id="link-to-later-position",
        severity="error",
        title="Reaffirms or answers a later position",
        description=(
            "A position `reaffirms` or `responds_to` a position (or proposal) that was stated "
            "(or presented) after it. A reaffirmation restates an earlier position; an answer "
            "comes after what it answers. Uncertain or approximate dates are not compared."
        ),
        fix=(
            "Check the dates of both positions, or reverse the link (the later one "
            "reaffirms the earlier)."
        ),
        failing_example=(
            '{"type": "dataset", "dipos_version": "0.2",\n'
            f' "actors": [{_ACTOR}}}],\n'
            ' "sources": [{"type": "source", "id": "src-1", "title": "Statement", "kind": '
            '"other"}],\n'
            ' "positions": [\n'
            '  {"type": "position", "id": "pos-early", "holders": ["actor-northland"], '
            '"move": "demand",'
            ' "topics": ["ceasefire"], "summary": "Restates the demand.", "reaffirms": '
            '["pos-late"],'
            ' "stated_on": {"value": "2024-01-10", "basis": "stated"},'
            ' "evidence": [{"source": "src-1", "quote": "We repeat it.", "quote_kind": '
            '"direct"}]},\n'
            '  {"type": "position", "id": "pos-late", "holders": ["actor-northland"], '
            '"move": "demand",'
            ' "topics": ["ceasefire"], "summary": "Demands a ceasefire.",'
            ' "stated_on": {"value": "2025-01-10", "basis": "stated"},'
            ' "evidence": [{"source": "src-1", "quote": "A ceasefire now.", "quote_kind": '
            '"direct"}]}]}\n'
        ),
    ),
    RuleInfo(
        id="precondition-cycle",
        severity="error",
        title="Preconditions form a cycle",
        description=(
            "Positions are each other's preconditions (A needs B first, B needs A first), "
            "directly or through a chain. Such a cycle cannot be fulfilled and is almost "
            "always a link recorded in the wrong direction: `links` on a position point to "
            "*its* preconditions."
        ),
        fix=(
            "Check the direction of each `precondition` link in the cycle given, and "
            "reverse the wrong one."
        ),
        failing_example=(
            '{"type": "dataset", "dipos_version": "0.2",\n'
            f' "actors": [{_ACTOR}}}],\n'
            ' "sources": [{"type": "source", "id": "src-1", "title": "Statement", "kind": '
            '"other"}],\n'
            ' "positions": [\n'
            '  {"type": "position", "id": "pos-a", "holders": ["actor-northland"], "move": "offer",'
            ' "topics": ["ceasefire"], "summary": "Ceasefire after withdrawal.",'
            ' "links": [{"relation": "precondition", "target": "pos-b"}],'
            ' "evidence": [{"source": "src-1", "quote": "First withdraw.", "quote_kind": '
            '"direct"}]},\n'
            '  {"type": "position", "id": "pos-b", "holders": ["actor-northland"], "move": '
            '"demand",'
            ' "topics": ["troop_withdrawal"], "summary": "Withdrawal after ceasefire.",'
            ' "links": [{"relation": "precondition", "target": "pos-a"}],'
            ' "evidence": [{"source": "src-1", "quote": "First a ceasefire.", "quote_kind": '
            '"direct"}]}]}\n'
        ),
    ),
    RuleInfo(
        id="link-self",
        severity="error",
        title="Position linked to itself",
        description="A position's `links`, `reaffirms` or `responds_to` names the position itself.",
        fix="Point the link to the other position meant, or remove it.",
        failing_example=_position('"reaffirms": ["pos-1"],\n   '),
    ),
    RuleInfo(
        id="topic-unknown",
        severity="warning",
        title="Topic not in the topic codelist",
        description=(
            "A topic is not in the open `topic` codelist. It is accepted, but other datasets "
            "will not recognise it. A project's own topics take a namespace prefix "
            "(`myproject:water_rights`) and are not warned about."
        ),
        fix=(
            "Use the nearest code of the list (the message suggests one), prefix your own "
            "code with a namespace, or propose the code for the list."
        ),
        failing_example=_position().replace('"topics": ["ceasefire"]', '"topics": ["cease_fire"]'),
    ),
    RuleInfo(
        id="codelist-deprecated",
        severity="warning",
        title="Deprecated code",
        description=(
            "A code that its codelist marks as deprecated (column `deprecated`, which says "
            "what to use instead). The example assumes `ceasefire` were deprecated."
        ),
        fix="Replace the code with the one the codelist recommends.",
        failing_example=_position(),
    ),
    RuleInfo(
        id="proposal-point-unknown",
        severity="warning",
        title="Point not listed in the proposal",
        description=(
            "A position refers to a point number of a proposal (`proposal_points` or "
            "`responds_to`) that the proposal's `points` do not list, although the proposal "
            "lists its points."
        ),
        fix="Check the point number, or add the point to the proposal.",
        failing_example=(
            '{"type": "dataset", "dipos_version": "0.2",\n'
            f' "actors": [{_ACTOR}}}],\n'
            ' "sources": [{"type": "source", "id": "src-1", "title": "Statement", "kind": '
            '"other"}],\n'
            ' "proposals": [{"type": "proposal", "id": "plan-1", "title": "Plan", "kind": '
            '"peace_plan",'
            ' "points": [{"number": "1"}, {"number": "2"}]}],\n'
            ' "positions": [{"type": "position", "id": "pos-1", "holders": ["actor-northland"],'
            ' "move": "rejection", "topics": ["ceasefire"], "summary": "Rejects point 7.",'
            ' "responds_to": [{"target": "plan-1", "points": ["7"], "response": "rejects"}],'
            ' "evidence": [{"source": "src-1", "quote": "Point 7 is unacceptable.", '
            '"quote_kind": "direct"}]}]}\n'
        ),
    ),
    RuleInfo(
        id="quote-not-found",
        severity="error",
        title="Quote not found in the source text",
        description=(
            "With `--sources DIR`, an evidence quote does not occur verbatim in the text of its "
            "source. The text is matched to the source by file name (`<source id>.txt` or "
            "`.md`) or by its SHA-256 (`text_sha256`)."
        ),
        fix=(
            "Copy the quote again from the source text, character for character (quotation "
            "marks, apostrophes, spaces and spellings included). The message says when only "
            "white space or quotation marks differ."
        ),
        failing_example=_position(),
        example_source_text="The ministry said: \u201cWe demand an immediate ceasefire.\u201d\n",
    ),
    RuleInfo(
        id="quote-selector-mismatch",
        severity="error",
        title="Quote offsets or context do not match",
        description=(
            "With `--sources DIR`, an evidence item's `start`/`end` offsets (in Unicode code "
            "points) do not delimit the quote in the source text, or its `prefix`/`suffix` "
            "are not the text just before/after it."
        ),
        fix=(
            "Recompute `start`, `end`, `prefix` and `suffix` from the text with a script, "
            "never by hand."
        ),
        failing_example=_position(
            evidence=(
                '{"source": "src-1", "quote": "We demand a ceasefire.", "quote_kind": "direct",'
                ' "start": 0, "end": 22}'
            )
        ),
        example_source_text="The ministry said: We demand a ceasefire.\n",
    ),
    RuleInfo(
        id="source-text-mismatch",
        severity="warning",
        title="Source text differs from its digest",
        description=(
            "With `--sources DIR`, the text file named after a source has a SHA-256 other than "
            "the source's `text_sha256`: the quotes were checked against another version of "
            "the text."
        ),
        fix=(
            "Update `text_sha256` (and re-check the quotes) or use the text the digest was "
            "made from."
        ),
        failing_example=_position().replace(
            '"kind": "official_statement"}',
            '"kind": "official_statement", "text_sha256": "' + "0" * 64 + '"}',
        ),
        example_source_text="We demand a ceasefire.\n",
    ),
    RuleInfo(
        id="source-text-missing",
        severity="info",
        title="No text for a source",
        description=(
            "With `--sources DIR`, no text file matches a source that positions quote, so "
            "their quotes could not be checked."
        ),
        fix="Add `<source id>.txt` to the directory, or set the source's `text_sha256`.",
        failing_example=_position(),
    ),
    # --- workbooks and CSV tables --------------------------------------------------------
    RuleInfo(
        id="workbook-unreadable",
        severity="error",
        title="Not a readable workbook",
        description=(
            "The file cannot be read as an XLSX workbook: it is another format saved with "
            "the `.xlsx` extension (`.xls`, `.ods`, CSV), damaged, or protected by a password."
        ),
        fix=(
            "Open it in your spreadsheet program and save it as *Excel Workbook (.xlsx)*, "
            "without a password; or export each sheet as CSV into one folder."
        ),
        failing_example="data.xlsx: a plain text file renamed to .xlsx",
        layer="workbook",
        example_format="xlsx",
    ),
    RuleInfo(
        id="workbook-sheet-unknown",
        severity="warning",
        title="Sheet not read",
        description=(
            "A sheet's name is not one of the dipos tables (nor `Read me`, `Defaults` or "
            "`codelists`), so nothing in it is read: whatever it holds is not in the data."
        ),
        fix=(
            "Rename the sheet to the table it holds (see the template's sheet names); keep "
            "notes in the `Read me` sheet or a file beside the workbook, or delete the sheet."
        ),
        failing_example="data.xlsx: a sheet named `Notes` beside `Positions`",
        layer="workbook",
        example_format="xlsx",
    ),
    RuleInfo(
        id="workbook-sheet-hidden",
        severity="warning",
        title="Hidden sheet is read",
        description=(
            "A dipos table is hidden in the workbook. It is read all the same, which may "
            "surprise whoever hid it (the template's `codelists` sheet is hidden on purpose "
            "and is never read as data)."
        ),
        fix=(
            "Unhide the sheet (right-click a sheet tab, *Unhide*) and check its rows, or delete it."
        ),
        failing_example="data.xlsx: the sheet `Actors` is hidden",
        layer="workbook",
        example_format="xlsx",
    ),
    RuleInfo(
        id="workbook-column-missing",
        severity="error",
        title="Required column missing",
        description=(
            "A table has no column for a property that every record of its type needs "
            "(a `Positions` sheet without `move`). The finding points at the header row."
        ),
        fix=(
            "Add the column, with its name exactly as in the template, in the header row "
            "(row 1), and fill it on every row."
        ),
        failing_example="data.xlsx: sheet `Positions`, row 1 has no `move` column",
        layer="workbook",
        example_format="xlsx",
    ),
    RuleInfo(
        id="workbook-column-unknown",
        severity="error",
        title="Unknown column",
        description=(
            "A header in row 1 is not a column of this table (often a typo, `speakr`): its "
            "values would be lost. A column with values and no header is reported the same way."
        ),
        fix=(
            "Correct the header to the name in the template (the finding suggests the "
            "nearest one), or delete the column. Extensions go in the `extensions` columns."
        ),
        failing_example="data.xlsx: sheet `Positions`, header `speakr` in D1",
        layer="workbook",
        example_format="xlsx",
    ),
    RuleInfo(
        id="workbook-table",
        severity="error",
        title="Cell, row or table that cannot be read into records",
        description=(
            "A value cannot be read as its column's type (text in a number column, "
            "`yes` in a true/false column), a key cell is empty or repeated, or a row of a "
            "list's table names a record that no row of its main sheet has. The message "
            "says which; the rest of the workbook is read."
        ),
        fix=(
            "Correct the cell as the message says. A row of a list's table "
            "(`position_evidence`) names its record in its first column "
            "(`position_id`), exactly as that record's `id`."
        ),
        failing_example="data.xlsx: sheet `position_quantities`, `value` is `about 600` in C2",
        layer="workbook",
        example_format="xlsx",
    ),
    RuleInfo(
        id="workbook-merged-cells",
        severity="error",
        title="Merged cells",
        description=(
            "Cells are merged. A merged range keeps its value only in its top-left cell; "
            "the other cells read as empty, so the rows below lose the value they seem to have."
        ),
        fix=(
            "Unmerge the range (*Merge & Center* off) and type the value in every cell of it, "
            "or put it once in the `Defaults` sheet."
        ),
        failing_example="data.xlsx: sheet `Positions`, B2:B4 merged",
        layer="workbook",
        example_format="xlsx",
    ),
    RuleInfo(
        id="workbook-formula",
        severity="error",
        title="Formula or error value in a cell",
        description=(
            'A cell holds a formula (`=A2&"-1"`) or an error value (`#REF!`, `#N/A`). '
            "dipos reads what is typed, not what a formula computes: a value that depends on "
            "other cells can change without anyone noticing, and another program may not "
            "compute it at all."
        ),
        fix=(
            "Replace the formula by its value: copy the cells, then *Paste special > "
            "Values only*. Correct an error value by hand."
        ),
        failing_example='data.xlsx: sheet `Positions`, A2 is `=CONCAT("pos-",B2)`',
        layer="workbook",
        example_format="xlsx",
    ),
    RuleInfo(
        id="workbook-date-cell",
        severity="error",
        title="Date typed as a spreadsheet date",
        description=(
            "A cell holds a spreadsheet date, not text. dipos dates are text in the EDTF "
            "subset (`2025-05-17`, `2025-05`, `2025`), and the spreadsheet may have changed "
            "what was typed: `2025-05` becomes the 1st of May, and the precision is lost. "
            "The finding shows the date read, so that you can check it."
        ),
        fix=(
            "Format the column as *Text* (Format cells > Text) and type the date again as "
            "`YYYY-MM-DD` (or `YYYY-MM`, `YYYY`); or start it with an apostrophe, `'2025-05-17`."
        ),
        failing_example="data.xlsx: sheet `Positions`, stated_on in J2 is a date cell",
        layer="workbook",
        example_format="xlsx",
    ),
    RuleInfo(
        id="workbook-number-cell",
        severity="warning",
        title="Number where text is expected",
        description=(
            "A cell of a text column (an id, a point number, a name) holds a number. It is "
            "read as the number's digits, but the spreadsheet may already have changed what "
            "was typed: `1.10` becomes `1.1`, `007` becomes `7`, a long number is rounded."
        ),
        fix=(
            "Format the column as *Text* and type the value again (or start it with an "
            "apostrophe, `'1.10`); then check the value the finding shows."
        ),
        failing_example="data.xlsx: sheet `Proposal points`, number 1.1 in B2",
        layer="workbook",
        example_format="xlsx",
    ),
    RuleInfo(
        id="workbook-blank-row",
        severity="info",
        title="Blank rows skipped",
        description=(
            "Rows between the header and the last row of a table are empty. They are skipped; "
            "the finding only says where, in case a row was cleared by mistake."
        ),
        fix="Delete the empty rows, or ignore this remark (`--ignore workbook-blank-row`).",
        failing_example="data.xlsx: sheet `Actors`, row 3 empty between rows 2 and 4",
        layer="workbook",
        example_format="xlsx",
    ),
)

_BY_ID: Final = {rule.id: rule for rule in RULES}


def get(rule_id: str) -> RuleInfo:
    """The rule with this id; ``KeyError`` if there is none."""
    return _BY_ID[rule_id]


def rule_ids() -> tuple[str, ...]:
    """Every rule id, in catalogue order."""
    return tuple(_BY_ID)

"""Evidence quotes checked against source texts (``--sources DIR``).

Texts are ``*.txt`` and ``*.md`` files in the directory (searched recursively),
read as UTF-8 with universal newlines. A text belongs to a source when its file
name without extension is the source's id, or when the SHA-256 of its bytes is
the source's ``text_sha256``. Offsets (``start``, ``end``) count Unicode code
points in that text. Messages never print the source text, only the quote and
a few characters around a near match.
"""

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ...findings import Finding, finding
from ...index.records import Quote, RecordEntry

TEXT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True, slots=True)
class SourceText:
    """A source text file: its path, text and SHA-256 of its bytes."""

    path: Path
    text: str
    sha256: str


class SourceTexts:
    """The texts of a ``--sources`` directory, by file stem and by digest."""

    def __init__(self, texts: Iterable[SourceText]) -> None:
        self.by_stem: dict[str, SourceText] = {}
        self.by_sha: dict[str, SourceText] = {}
        for text in texts:
            self.by_stem.setdefault(text.path.stem, text)
            self.by_sha.setdefault(text.sha256, text)

    @classmethod
    def from_directory(cls, directory: Path) -> "SourceTexts":
        """Read every text file of a directory. ``OSError``/``ValueError`` when unreadable."""
        return cls.from_directories([directory])

    @classmethod
    def from_directories(cls, directories: Iterable[Path]) -> "SourceTexts":
        """Read every text file of the directories (the first of a name or digest wins)."""
        texts = []
        for directory in directories:
            texts.extend(cls._read(directory))
        return cls(texts)

    @staticmethod
    def _read(directory: Path) -> list[SourceText]:
        if not directory.is_dir():
            raise FileNotFoundError(f"--sources: not a directory: {directory}")
        texts = []
        for path in sorted(directory.rglob("*")):
            if path.suffix.lower() not in TEXT_SUFFIXES or not path.is_file():
                continue
            data = path.read_bytes()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as error:
                raise ValueError(f"--sources: {path} is not UTF-8 text") from error
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            texts.append(SourceText(path, text, hashlib.sha256(data).hexdigest()))
        return texts

    def for_source(self, entry: RecordEntry) -> tuple[SourceText | None, bool]:
        """The text of a source, and whether it was found by name but its digest differs."""
        return self.for_source_id(entry.id, entry.text_sha256)

    def for_source_id(
        self, source_id: str, text_sha256: str | None
    ) -> tuple[SourceText | None, bool]:
        """The text of the source with this id and ``text_sha256`` (see :meth:`for_source`)."""
        if text_sha256 and text_sha256 in self.by_sha:
            return self.by_sha[text_sha256], False
        text = self.by_stem.get(source_id)
        if text is None:
            return None, False
        return text, bool(text_sha256) and text_sha256 != text.sha256


_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def _loose(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def _why_not_found(quote: str, text: str) -> str:
    if _loose(quote) in _loose(text):
        return (
            "it is there once white space, quotation marks, apostrophes or dashes are "
            "normalised: copy those characters exactly as the source has them"
        )
    if quote.casefold() in text.casefold():
        return "it is there with different upper/lower case"
    return "no part of the text matches it verbatim; copy it again from the source"


def _excerpt(quote: str, limit: int = 80) -> str:
    short = quote if len(quote) <= limit else quote[: limit - 1] + "…"
    return json.dumps(short, ensure_ascii=False)


def check_quotes(
    entries: Iterable[RecordEntry], sources: dict[str, RecordEntry], texts: SourceTexts
) -> Iterator[Finding]:
    """Quote findings for every position, and the source-text findings."""
    resolved: dict[str, tuple[SourceText | None, bool]] = {}
    reported: set[str] = set()
    for entry in entries:
        for quote in entry.quotes:
            source = sources.get(quote.source)
            if source is None:
                continue  # reported by ref-unresolved / ref-wrong-type
            if source.id not in resolved:
                resolved[source.id] = texts.for_source(source)
            text, digest_differs = resolved[source.id]
            if source.id not in reported:
                reported.add(source.id)
                if text is None:
                    yield finding(
                        "source-text-missing",
                        f'no text for the source "{source.id}" in the --sources directory '
                        f'(expected "{source.id}.txt" or a file with its text_sha256); its '
                        "quotes were not checked",
                        source.file,
                        source.line,
                        None,
                        source.path,
                        source.id,
                    )
                elif digest_differs:
                    yield finding(
                        "source-text-mismatch",
                        f"{text.path.name} does not have the SHA-256 in `text_sha256` "
                        f"(it has {text.sha256[:12]}…): the quotes are checked against "
                        "another version of the text",
                        source.file,
                        source.line,
                        None,
                        (*source.path, "text_sha256"),
                        source.id,
                    )
            if text is not None:
                yield from _check_one(entry, quote, text)


def _check_one(entry: RecordEntry, quote: Quote, source: SourceText) -> Iterator[Finding]:
    text = source.text

    def make(rule: str, message: str, key: str) -> Finding:
        return finding(
            rule, message, entry.file, entry.line, None, (*entry.path, *quote.path, key), entry.id
        )

    if quote.quote not in text:
        yield make(
            "quote-not-found",
            f"the quote {_excerpt(quote.quote)} is not in the text of "
            f'"{quote.source}" ({source.path.name}): {_why_not_found(quote.quote, text)}',
            "quote",
        )
        return
    if quote.start is not None or quote.end is not None:
        start = quote.start if quote.start is not None else (quote.end or 0) - len(quote.quote)
        end = quote.end if quote.end is not None else start + len(quote.quote)
        if text[start:end] != quote.quote:
            actual = text.find(quote.quote)
            others = [m.start() for m in re.finditer(re.escape(quote.quote), text)]
            where = (
                f"the quote is at start {actual}, end {actual + len(quote.quote)}"
                if len(others) == 1
                else f"the quote occurs at starts {', '.join(map(str, others[:5]))}"
            )
            given = ", ".join(
                f"`{k}` {v}"
                for k, v in (("start", quote.start), ("end", quote.end))
                if v is not None
            )
            yield make(
                "quote-selector-mismatch",
                f"{given} do not delimit the quote in "
                f"{source.path.name}: {where} (offsets count Unicode code points)",
                "start" if quote.start is not None else "end",
            )
            return
        positions = [start]
    else:
        positions = [m.start() for m in re.finditer(re.escape(quote.quote), text)]
    if quote.prefix is not None and not any(
        text[max(0, p - len(quote.prefix)) : p] == quote.prefix for p in positions
    ):
        yield make(
            "quote-selector-mismatch",
            f"`prefix` is not the text just before the quote in {source.path.name}",
            "prefix",
        )
    if quote.suffix is not None and not any(
        text[p + len(quote.quote) : p + len(quote.quote) + len(quote.suffix)] == quote.suffix
        for p in positions
    ):
        yield make(
            "quote-selector-mismatch",
            f"`suffix` is not the text just after the quote in {source.path.name}",
            "suffix",
        )

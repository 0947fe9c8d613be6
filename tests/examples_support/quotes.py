"""Checking a piece of evidence against its source text: the quote rule of the validator."""

import hashlib
from pathlib import Path
from typing import Any


def read_text(path: Path) -> str:
    """A source text as the offsets count it: UTF-8, universal newlines."""
    with path.open(encoding="utf-8") as handle:
        return handle.read()


def sha256_of(path: Path) -> str:
    """SHA-256 of the file's bytes, as recorded in a source's `text_sha256`."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def evidence_problems(text: str, evidence: dict[str, Any]) -> list[str]:
    """What is wrong with `evidence` as a pointer into `text` (empty when nothing is)."""
    quote: str = evidence["quote"]
    problems: list[str] = []
    if quote not in text:
        return [f"quote not found verbatim: {quote!r}"]
    start = evidence.get("start")
    end = evidence.get("end")
    if start is None or end is None:
        if text.count(quote) > 1:
            problems.append(f"quote occurs {text.count(quote)} times but has no offsets")
    else:
        if end != start + len(quote):
            problems.append(f"end {end} is not start {start} + quote length {len(quote)}")
        if text[start:end] != quote:
            problems.append(f"text at {start}:{end} is {text[start:end]!r}, not the quote")
    if start is not None:
        prefix = evidence.get("prefix")
        if prefix is not None and text[max(0, start - len(prefix)) : start] != prefix:
            problems.append(f"prefix {prefix!r} does not precede the quote at {start}")
    if end is not None:
        suffix = evidence.get("suffix")
        if suffix is not None and text[end : end + len(suffix)] != suffix:
            problems.append(f"suffix {suffix!r} does not follow the quote at {end}")
    return problems

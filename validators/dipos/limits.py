"""Limits of the dipos format that are stated in more than one place.

Each number is defined here once: the models put it into the JSON Schema, the validator
names it in its messages, and the documentation states it (a test checks the coding
guide). This module imports nothing, so the validator reads it without pydantic.
"""

from typing import Final

QUOTE_MAX_LENGTH: Final = 500
"""The longest evidence quote, in characters (Unicode code points). Enough for the clause
or provision that carries a position, even in a treaty; a quote is evidence, not a copy
of the source."""

TOPIC_MAX_LENGTH: Final = 100
"""The longest topic code, namespace included (the codelist's codes are under 40
characters): a longer one is an error, not an unknown topic."""

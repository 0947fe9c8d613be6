"""Reading python-jsonschema's errors the same way wherever a test compares them: every
error, nested ones included, and where each points in the document.

Shared by the schema tests (``schema/``, against today's schema) and the migration tests
(``migrate/``, against the archived 0.1 schema), which compare (keyword, path) pairs.
"""

from collections.abc import Iterator

from jsonschema.exceptions import ValidationError


def walk_errors(errors: list[ValidationError]) -> Iterator[ValidationError]:
    """Every error, and every error nested in the ``context`` of oneOf/anyOf errors."""
    for error in errors:
        yield error
        yield from walk_errors(list(error.context or ()))


def json_pointer(error: ValidationError) -> str:
    """The instance path of an error, as a JSON Pointer (``""`` is the document)."""
    return "".join(
        "/" + str(part).replace("~", "~0").replace("/", "~1") for part in error.absolute_path
    )

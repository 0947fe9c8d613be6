"""A limit stated in several places is one number: the schema, the validator and the
coding guide give the same quote length."""

import json
import re

from dipos.limits import QUOTE_MAX_LENGTH
from dipos.validator.catalogue import get

from ._support import REPO_ROOT


def test_schema_validator_and_coding_guide_give_the_same_quote_limit() -> None:
    schema = json.loads((REPO_ROOT / "schema" / "record.schema.json").read_text("utf-8"))
    assert schema["$defs"]["Evidence"]["properties"]["quote"]["maxLength"] == QUOTE_MAX_LENGTH
    assert f"{QUOTE_MAX_LENGTH:,} characters" in get("schema-constraint").description
    guide = (REPO_ROOT / "docs" / "coding-guide.md").read_text("utf-8")
    stated = re.findall(r"at most\s+([0-9,]+)\s+characters", guide)
    assert stated, "the coding guide states no quote length"
    assert {int(n.replace(",", "")) for n in stated} == {QUOTE_MAX_LENGTH}

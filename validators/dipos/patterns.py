"""The regular expressions of the dipos identifiers, codes and dates.

Every pattern is written in the subset of regular-expression syntax that means
the same in ECMA-262 (ajv), Rust (jsonschema-rs, pydantic) and Python
(python-jsonschema): anchored with ``^`` and ``$``, ASCII classes such as
``[0-9]`` rather than ``\\d``, no look-around.

This module imports nothing: the models put the patterns into the schema
(``dipos.model.types``), and the validator recognises them in the schema's
errors without loading pydantic.
"""

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$"
QID_PATTERN = r"^Q[1-9][0-9]*$"
ISO3166_1_ALPHA3_PATTERN = r"^[A-Z]{3}$"
ISO3166_PATTERN = r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
URL_PATTERN = r"^https?://[^\x00-\x20\x7f]+$"
TOPIC_PATTERN = r"^([a-z][a-z0-9]*(-[a-z0-9]+)*:)?[a-z][a-z0-9_]*$"
CALENDAR_DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

_EDTF_DAY = r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
TIME_OF_DAY = r"T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])?"
"""A time of day after a day (``T14:00:00``, ``T14:00:00Z``, ``T00:00:00+03:00``): hours,
minutes and seconds, then an optional zone (``Z`` for UTC or an offset ``±hh:mm``), as in
EDTF level 0 and the ISO 8601 extended format. A date with a time is not qualified."""
_EDTF_DATE = (
    rf"([0-9]{{4}}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[?~%]?|{_EDTF_DAY}{TIME_OF_DAY})"
)
EDTF_PATTERN = rf"^({_EDTF_DATE}|{_EDTF_DATE}/{_EDTF_DATE}|\.\./{_EDTF_DATE}|{_EDTF_DATE}/\.\.)$"

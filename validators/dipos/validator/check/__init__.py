"""The checking layer: one pipeline (:mod:`.pipeline`) that every way of reading ends in.

* :mod:`.pipeline`: a value (dataset or record) to findings and index rows;
* :mod:`.lines`: JSON Lines lines, with the fast path (:mod:`.fastpath`) for valid records;
* :mod:`.structure`: each record against the JSON Schema, with findings a person can act on;
* :mod:`.rules`: the one-record rules, the rules across records, quotes against texts;
* :mod:`.suggest`: "did you mean" suggestions with bounded work.

It imports the index and reading layers, never the engine.
"""

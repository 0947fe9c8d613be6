"""The reading layer: bytes (a file, a stream, a byte range, standard input) or Python
objects in, JSON values of one domain (:mod:`.domain`) and syntax findings out.

* :mod:`.inputs`: which files to check (regular files only; scans stay in their roots);
* :mod:`.syntax`: encodings, JSON and JSON Lines lines (orjson);
* :mod:`.yamlload`: YAML (libyaml when present), read as JSON-like data;
* :mod:`.jsonstream`: a large JSON dataset as a stream of records;
* :mod:`.textscan`: positions of paths in a JSON text, duplicate keys;
* :mod:`.ranges`: a JSON Lines file cut into ranges of lines, for worker processes;
* :mod:`.domain`: what a value may be, whatever reader gave it.

Nothing here knows the record layout or the rules: it imports only the base modules
(:mod:`dipos.validator.findings`, :mod:`~dipos.validator.paths`...).
"""

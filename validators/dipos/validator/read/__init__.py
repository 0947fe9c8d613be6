"""The reading layer: bytes (a file, a stream, a byte range, standard input) or Python
objects in; out, JSON values of one domain (:mod:`.domain`), each with its positions
(:mod:`.positions`: where its parts stand in the file), and syntax findings.

* :mod:`.inputs`: which files to check (regular files only; scans stay in their roots);
* :mod:`.syntax`: encodings, JSON and JSON Lines lines (orjson);
* :mod:`.yamlload`: YAML (libyaml when present), read as JSON-like data;
* :mod:`.jsonstream`: a large JSON dataset as a stream of records;
* :mod:`.positions`: the places of values, one answer for every reader, and
  :func:`~.positions.place`, which places findings by them;
* :mod:`.reread`: records read back and findings placed after the fact, by reading a
  file again the way it was read;
* :mod:`.textscan`: offsets of paths in a JSON text, duplicate keys;
* :mod:`.ranges`: a JSON Lines file cut into ranges of lines, for worker processes;
* :mod:`.domain`: what a value may be, whatever reader gave it.

Nothing here knows the record layout or the rules: it imports only the base modules
(:mod:`dipos.validator.findings`, :mod:`~dipos.validator.paths`...).
"""

"""Keep a file's own layout where a rewrite did not change its content.

A serializer (``json.dumps``, ruamel.yaml) lays a document out its own way: it may
fold a long YAML string at another column, or put a JSON array on other lines,
than its author did. To rewrite only what changed, three versions are compared
line by line: the file as written (*original*), the serializer's output for the
data as read (*base*) and for the data changed (*new*). Where the base and the new
output agree, the original's lines are kept; where they differ, the new lines are
used, widened to the smallest stretch that lines up with the original. The caller
checks that the result reads back as the new data (and else writes the new output).
"""

from difflib import SequenceMatcher

LONG_FILE_LINES = 20_000
"""Files longer than this are compared with difflib's heuristic for popular lines."""


def _key(line: str) -> str:
    return line.rstrip("\r\n")


def merge_lines(original: str, base: str, new: str) -> str:
    """The original text with the changes from ``base`` to ``new`` applied."""
    if base == new:
        return original
    merged = _merge(original, base, new)
    if original and not original.endswith(("\n", "\r")) and merged.endswith("\n"):
        merged = merged.rstrip("\r\n")
    return merged


def _merge(original: str, base: str, new: str) -> str:
    o_lines = original.splitlines(keepends=True)
    b_lines = base.splitlines(keepends=True)
    n_lines = new.splitlines(keepends=True)
    newline = "\r\n" if o_lines and o_lines[0].endswith("\r\n") else "\n"
    n_lines = [_key(line) + newline if line.endswith("\n") else line for line in n_lines]
    b_keys = [_key(line) for line in b_lines]
    o_keys = [_key(line) for line in o_lines]
    if b_keys == o_keys:  # the file is laid out as the serializer does: nothing to keep
        return "".join(n_lines)
    # Very long files: let difflib skip the lines that occur everywhere ("}," ...), which
    # keeps it fast; the hunks may then be wider than needed, never wrong.
    junk = len(b_lines) > LONG_FILE_LINES

    # What each base line becomes in the new output, and what is inserted before it.
    replaced: list[list[str]] = [
        [_key(line) + newline if line.endswith("\n") else line] for line in b_lines
    ]
    inserted: list[list[str]] = [[] for _ in range(len(b_lines) + 1)]
    changed = [False] * len(b_lines)
    changes = SequenceMatcher(None, b_keys, [_key(line) for line in n_lines], autojunk=junk)
    for tag, i1, i2, j1, j2 in changes.get_opcodes():
        if tag == "equal":
            continue
        if i1 == i2:
            inserted[i1].extend(n_lines[j1:j2])
            continue
        for i in range(i1, i2):
            replaced[i] = []
            changed[i] = True
        replaced[i1] = n_lines[j1:j2]

    out: list[str] = []
    emitted: set[int] = set()

    def insert_before(i: int) -> None:
        if i not in emitted:
            emitted.add(i)
            out.extend(inserted[i])

    layout = SequenceMatcher(None, b_keys, o_keys, autojunk=junk)
    for tag, i1, i2, j1, j2 in layout.get_opcodes():
        insert_before(i1)
        touched = any(changed[i1:i2]) or any(inserted[i] for i in range(i1 + 1, i2))
        if not touched:
            out.extend(o_lines[j1:j2])
            continue
        if tag == "insert":  # only in the original (cannot be touched): keep it
            out.extend(o_lines[j1:j2])
            continue
        for i in range(i1, i2):
            insert_before(i)
            if tag == "equal" and not changed[i]:
                out.append(o_lines[j1 + i - i1])  # the same line, with its own ending
            else:
                out.extend(replaced[i])
    insert_before(len(b_lines))
    return "".join(out)

"""The command-line reference page, from the ``dipos`` argument parser itself
(``dipos.cli.build_parser()``), so that it lists exactly the options the
installed command accepts."""

import argparse
from collections.abc import Iterator
from typing import Final

from . import markdown as md

_WIDTH: Final = 88  # a fixed width keeps the usage lines the same on every machine


def _fixed_width(prog: str) -> argparse.HelpFormatter:
    return argparse.HelpFormatter(prog, width=_WIDTH)


def _usage(parser: argparse.ArgumentParser) -> str:
    original = parser.formatter_class
    parser.formatter_class = _fixed_width
    try:
        return parser.format_usage().strip()
    finally:
        parser.formatter_class = original


def subcommands(
    parser: argparse.ArgumentParser,
) -> Iterator[tuple[str, argparse.ArgumentParser, str]]:
    """Each subcommand's parser, with its name and one-line help, depth first."""
    for action in parser._actions:  # argparse has no public way to list subparsers
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, sub in action.choices.items():
                yield name, sub, helps.get(name, "")
                yield from subcommands(sub)


def _help_text(action: argparse.Action, parser: argparse.ArgumentParser) -> str:
    text = action.help or ""
    if text == argparse.SUPPRESS:
        return ""
    try:
        return text % {**vars(action), "prog": parser.prog}
    except (KeyError, TypeError, ValueError):
        return text


def _argument(action: argparse.Action) -> str:
    if action.option_strings:
        names = ", ".join(md.code(o) for o in action.option_strings)
        if action.nargs != 0 and not isinstance(action, argparse._VersionAction):
            metavar = action.metavar or action.dest.upper()
            names += f" {md.code(str(metavar))}"
        return names
    return md.code(str(action.metavar or action.dest))


def argument_rows(parser: argparse.ArgumentParser) -> list[list[str]]:
    """One row per argument or option: name, description, allowed values and default."""
    rows = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
            continue
        if action.help == argparse.SUPPRESS:
            continue
        notes = []
        if action.choices:
            notes.append("one of " + ", ".join(md.code(str(c)) for c in action.choices))
        default = action.default
        if default not in (None, False, argparse.SUPPRESS, []) and action.nargs != 0:
            notes.append(f"default {md.code(str(default))}")
        if action.required and action.option_strings:
            notes.append("required")
        rows.append([_argument(action), md.text(_help_text(action, parser)), "; ".join(notes)])
    return rows


def _exclusive_groups(parser: argparse.ArgumentParser) -> list[str]:
    lines = []
    for group in parser._mutually_exclusive_groups:
        names = " / ".join(md.code(a.option_strings[0]) for a in group._group_actions)
        lines.append(f"{'Exactly' if group.required else 'At most'} one of {names}.")
    return lines


def _section(title: str, parser: argparse.ArgumentParser, level: int) -> str:
    hashes = "#" * level
    anchor = md.anchor(title.replace(" ", "-"))
    parts = [f"{hashes} `{title}` {{#{anchor}}}\n", md.fence(_usage(parser), "text")]
    if parser.description:
        parts.append(md.text(parser.description) + "\n")
    parts.extend(line + "\n" for line in _exclusive_groups(parser))
    rows = argument_rows(parser)
    if rows:
        parts.append(md.table(["Argument", "What it does", "Values"], rows))
    if parser.epilog:
        parts.append(md.fence(parser.epilog, "text"))
    return "\n".join(parts)


INTRO: Final = """\
# Command line

The `dipos` command is installed with the Python package (`pip install -e .`
in a clone of the repository). This page is generated
from the command's own argument parser: it lists exactly what `dipos --help`
and `dipos COMMAND --help` print.

**Exit codes**, for every command: `0` success; `1` the data or files checked
are invalid (or out of date); `2` the command could not run (bad usage, a path
that cannot be read).
"""


def render(parser: argparse.ArgumentParser) -> str:
    """The Markdown of the command-line reference page."""
    subs = list(subcommands(parser))
    summary = md.table(
        ["Command", "What it does"],
        (
            [f"[`{parser.prog} {n}`](#{md.anchor(f'{parser.prog}-{n}')})", md.text(h)]
            for n, _, h in subs
        ),
    )
    sections = [_section(parser.prog, parser, 2)]
    sections.extend(_section(sub.prog, sub, 2) for _, sub, _ in subs)
    return INTRO + "\n" + summary + "\n" + "\n".join(sections)

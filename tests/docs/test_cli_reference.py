"""The command-line reference is generated from the argument parser."""

import argparse

from dipos.cli import build_parser
from dipos_docs import cli_reference


def _toy_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tool", description="A tool.")
    subs = parser.add_subparsers(dest="command")
    check = subs.add_parser("check", help="check things", description="Check | things.")
    check.add_argument("paths", nargs="+", metavar="PATH", help="files to check")
    check.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    group = check.add_mutually_exclusive_group(required=True)
    group.add_argument("--a", action="store_true", help="mode a")
    group.add_argument("--b", action="store_true", help="mode b")
    check.add_argument("--hidden", help=argparse.SUPPRESS)
    return parser


def test_every_subcommand_and_option_is_listed() -> None:
    page = cli_reference.render(_toy_parser())
    assert "## `tool check` {#tool-check}" in page
    assert "[`tool check`](#tool-check)" in page
    assert "| `PATH` | files to check |  |" in page
    assert "| `--format` `FORMAT` | output format | one of `text`, `json`; default `text` |" in page
    assert "Exactly one of `--a` / `--b`." in page
    assert "Check &#124; things." in page
    assert "--hidden" not in page.split("```text")[-1].split("```")[-1]


def test_the_real_parser() -> None:
    parser = build_parser()
    page = cli_reference.render(parser)
    for name, sub, _ in cli_reference.subcommands(parser):
        assert f"## `dipos {name}`" in page
        for action in sub._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help") and action.help != argparse.SUPPRESS:
                    assert f"`{option}`" in page

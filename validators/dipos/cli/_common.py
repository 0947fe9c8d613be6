"""What the ``dipos`` subcommands share: the exit codes, the one way a command says it
could not run, the internal-error report, and the argument types.

Kept in one place so that every command keeps the same promise: 0 success, 1 the data is
invalid, 2 the command could not run, and never a traceback unless ``--debug`` (or
``DIPOS_DEBUG``) asks for one. This module imports only the standard library: it is
loaded by ``dipos --version`` and by the pre-commit hook's every start.
"""

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Mapping

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_ERROR = 2

DEBUG_ENV = "DIPOS_DEBUG"

ISSUES_URL = "https://github.com/dipos/dipos/issues"

Describe = Callable[[Exception], str]
"""The message of an expected error (one that means the command could not run)."""


def fail(command: str, message: str) -> int:
    """Say on standard error why ``dipos COMMAND`` could not run; return exit code 2."""
    print(f"dipos {command}: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def internal_error(command: str, args: argparse.Namespace, error: Exception) -> int:
    """Report an error no command expects as one line asking for a bug report, with the
    traceback only when ``--debug`` or ``DIPOS_DEBUG`` asks for it; exit code 2."""
    if getattr(args, "debug", False) or os.environ.get(DEBUG_ENV):
        traceback.print_exc()
    return fail(
        command,
        f"internal error, please report it at {ISSUES_URL} "
        f"with the input if you can ({type(error).__name__}: {error})",
    )


def run_guarded(
    command: str,
    body: Callable[[argparse.Namespace], int],
    args: argparse.Namespace,
    expected: Mapping[type[Exception], Describe] | None = None,
) -> int:
    """Run a command's body and return its exit code; never raise, never print a
    traceback (unless asked).

    An error of a type in ``expected`` (checked in order) means the command could not
    run: its message, exit 2. Any other error is an internal error (exit 2). An
    interruption, or a reader of standard output that went away (``| head``), is raised
    on for :func:`dipos.cli.main` to turn into an exit code, with standard output
    silenced so that the interpreter's last flush does not fail again.
    """
    try:
        return body(args)
    except KeyboardInterrupt:
        _silence_stdout()
        raise
    except Exception as error:
        for kind, describe in (expected or {}).items():
            if isinstance(error, kind):
                return fail(command, describe(error))
        if isinstance(error, BrokenPipeError):
            _silence_stdout()
            raise
        return internal_error(command, args, error)


def _silence_stdout() -> None:
    """Point the standard output's file descriptor at the null device."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # replaced (tests) or already closed
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def add_debug_option(parser: argparse.ArgumentParser) -> None:
    """The ``--debug`` option of the commands that report internal errors."""
    parser.add_argument(
        "--debug",
        action="store_true",
        help=f"show a traceback on internal errors (or set {DEBUG_ENV}=1)",
    )


def whole_number(minimum: int, too_small: str | None = None) -> Callable[[str], int]:
    """An argparse ``type``: a whole number of at least ``minimum``; ``too_small`` is
    the message for a smaller one (default: "must be at least MINIMUM")."""
    message = too_small or f"must be at least {minimum}"

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(message)
        return value

    return parse


JOBS = whole_number(0, "must be 0 (one per processor) or more")
"""The type of ``--jobs``: a number of worker processes, 0 meaning one per processor."""

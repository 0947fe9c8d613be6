"""Validating in a separate process while the export is written.

An export reads the data twice: once to validate it, once to convert it. Both passes
take about as long, so the validation runs in a process of its own while the
conversion writes into a temporary path; the output is renamed into place only when
the validation has found the data valid (:mod:`dipos.cli.export_cmd`). The process is
*spawned* (never forked): the exporting process may already run library threads
(pyarrow), and forking a threaded process can deadlock.
"""

import multiprocessing
import traceback
from multiprocessing.connection import Connection
from typing import Any

from ..validator.findings import ValidationReport
from ..validator.read.inputs import InputFile


class ValidationError(Exception):
    """The validation could not run (the message says why)."""


def _validate(files: list[InputFile], jobs: int, sender: Connection) -> None:
    try:
        from ..validator.engine import run

        sender.send(("report", run(files, jobs=jobs)))
    except OSError as error:
        name = getattr(error, "filename", "") or ""
        sender.send(("error", f"cannot read {name}: {error.strerror or error}"))
    except BaseException as error:
        sender.send(("error", f"{type(error).__name__}: {error}\n{traceback.format_exc()}"))
    finally:
        sender.close()


class BackgroundValidation:
    """``dipos validate``'s checks of some files, run in another process."""

    def __init__(self, files: list[InputFile], jobs: int = 1) -> None:
        context = multiprocessing.get_context("spawn")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process: Any = context.Process(
            target=_validate, args=(files, jobs, sender), name="dipos-validate"
        )
        self._process.start()
        sender.close()

    def report(self) -> ValidationReport:
        """Wait for the report; raise :class:`ValidationError` if it could not be made."""
        try:
            kind, value = self._receiver.recv()
        except EOFError:
            raise ValidationError("the validating process ended without a report") from None
        finally:
            self._process.join()
        if kind != "report":
            raise ValidationError(str(value))
        assert isinstance(value, ValidationReport)
        return value

    def cancel(self) -> None:
        """Stop the validation if it still runs (when the export stops early)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receiver.close()

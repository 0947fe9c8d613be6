"""The report's script parses (with node, when it is installed: CI has it), and the
vendored library is the one the NOTICE names."""

import shutil
import subprocess
from importlib import resources

import pytest

ASSETS = resources.files("dipos.report").joinpath("assets")


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_report_script_is_valid_javascript() -> None:
    script = ASSETS.joinpath("report.js")
    result = subprocess.run(
        ["node", "--check", str(script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_vendored_library_is_named_with_its_licence() -> None:
    notice = ASSETS.joinpath("NOTICE").read_text()
    assert "@dagrejs/dagre 3.1.3" in notice
    assert "MIT" in notice
    licence = ASSETS.joinpath("vendor", "LICENSE-dagre.txt").read_text()
    assert "Permission is hereby granted" in licence
    assert (
        ASSETS.joinpath("vendor", "dagre.min.js").read_text().startswith('"use strict";var dagre=')
    )

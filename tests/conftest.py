"""Every temporary project is isolated from configuration in the directories above it.

The tool looks for pyproject.toml / setup.cfg / tox.ini / .flake8 from a file's directory
upwards, and so does flake8. A configuration file left in /tmp (or in pytest's base temporary
directory's parents) would change what every test sees; a neutral one at the base temporary
directory stops the search there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# An empty table stops this tool's search and its requires-python lookup; an empty [flake8]
# section stops flake8's.
NEUTRAL_PYPROJECT = "[tool.flake8-httpstatus]\n"
NEUTRAL_SETUP_CFG = "[flake8]\n"


def isolate(directory: Path) -> None:
    """Make `directory` the top of any project below it."""
    (directory / "pyproject.toml").write_text(NEUTRAL_PYPROJECT, encoding="utf-8")
    (directory / "setup.cfg").write_text(NEUTRAL_SETUP_CFG, encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def _isolated_base_temp(tmp_path_factory: pytest.TempPathFactory) -> None:
    isolate(tmp_path_factory.getbasetemp())


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def updating(variable: str) -> bool:
    """Whether golden data may be rewritten: only with `variable=1`, and never in CI, where a
    rewrite would make the comparison pass whatever the code does."""
    value = os.environ.get(variable)
    if value is None or value == "":
        return False
    if in_ci():
        pytest.fail(f"{variable} is set in CI: golden data is never rewritten there")
    if value != "1":
        pytest.fail(f"{variable}={value!r}: set {variable}=1 to rewrite golden data")
    return True

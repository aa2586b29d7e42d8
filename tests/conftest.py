"""Every temporary project is isolated from configuration in the directories above it.

The tool looks for pyproject.toml / setup.cfg / tox.ini / .flake8 from a file's directory
upwards, and so does flake8. A configuration file left in /tmp (or in pytest's base temporary
directory's parents) would change what every test sees; a neutral one at the base temporary
directory stops the search there, and what cannot be stopped that way makes the run refuse.
"""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

# An empty [flake8] section in tox.ini stops both this tool's search for configuration and
# flake8's; tox.ini is not a project marker, so the project index does not take the base
# temporary directory for a project root.
NEUTRAL_TOX_INI = "[flake8]\n"
# What a parent directory could hold that the tool reads but the neutral file does not stop:
# the target Python comes from the nearest pyproject.toml (requires-python) or .python-version.
UNSTOPPABLE = ("pyproject.toml", ".python-version", "setup.cfg", "setup.py", ".git")


def isolate(directory: Path) -> None:
    """Make `directory` the top of any project below it, as far as configuration goes, and
    refuse to run where a parent directory would still leak into the tests."""
    (directory / "tox.ini").write_text(NEUTRAL_TOX_INI, encoding="utf-8")
    for parent in directory.parents:
        for name in UNSTOPPABLE:
            if (parent / name).exists():
                pytest.exit(f"{parent / name} would apply to every temporary project; remove it")


# Fixture files are code under analysis, never tests: the project fixture's conftest.py files
# hold fixtures for the linter to read, not for this suite.
collect_ignore = ["fixtures"]


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


# -- the language server through a real client (pytest-lsp), for every test module that needs one


@pytest.fixture
def lsp_files() -> dict[str, str]:
    """Files written into the test's temporary directory before the server starts, by name;
    a test module overrides this fixture to give the server its configuration."""
    return {}


@pytest.fixture
def lsp_capabilities() -> types.ClientCapabilities:
    """What the client says it supports; a test module overrides it for one capability."""
    return types.ClientCapabilities()


@pytest.fixture
def lsp_registrations() -> list[types.Registration]:
    """What the server registers with the client (client/registerCapability), accepted as an
    editor accepts it."""
    return []


def _server(name: str, command: list[str], doc: str) -> Any:
    """A fixture named `name`: the server `command` in a subprocess, through a real client, in a
    session initialized with the temporary directory as its workspace root and ended after the
    test unless the test ended it."""

    async def session(
        lsp_client: LanguageClient,
        tmp_path: Path,
        lsp_files: dict[str, str],
        lsp_capabilities: types.ClientCapabilities,
        lsp_registrations: list[types.Registration],
    ) -> AsyncIterator[None]:
        @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)  # type: ignore[untyped-decorator]
        def register(params: types.RegistrationParams) -> None:
            lsp_registrations.extend(params.registrations)

        for file_name, text in lsp_files.items():
            (tmp_path / file_name).write_text(text, encoding="utf-8")
        await lsp_client.initialize_session(
            types.InitializeParams(capabilities=lsp_capabilities, root_uri=tmp_path.as_uri())
        )
        yield
        if lsp_client._server is None or lsp_client._server.returncode is None:  # still runs
            await lsp_client.shutdown_session()

    session.__doc__ = doc
    config = ClientServerConfig(server_command=command)
    return pytest_lsp.fixture(config=config, name=name)(session)


client = _server(
    "client",
    [sys.executable, "-m", "flake8_httpstatus", "lsp"],
    "`flake8-httpstatus lsp` in a subprocess.",
)
gated_client = _server(
    "gated_client",
    [sys.executable, str(Path(__file__).with_name("lsp_gated_server.py"))],
    "The server of tests/lsp_gated_server.py: a document's checks after its first start once"
    ' the test writes the document\'s name plus ".go".',
)

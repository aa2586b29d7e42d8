"""Constant names follow the versions the analysed project declares, not the linter's environment.

Each project under tests/fixtures/projects/ declares its framework one way (a pin, a range, an
include, a lock file of each format, a FastAPI pin implying Starlette, nothing at all, a malformed
file). Its app.py carries the expected findings beside the code and app.fixed.py the expected fix.
Every project is copied to a temporary directory (no configuration above it) and checked and fixed
by the real command in two interpreters: this venv, which has the newest Starlette, and the same
packages with Starlette and FastAPI taken out. The results must be the same, and the expected ones.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from flake8_httpstatus.config import settings
from flake8_httpstatus.config.settings import Settings, Versions, python_target
from flake8_httpstatus.config.versions import (
    declared_versions,
    intersect,
    join,
    parse_specifier,
    project_root,
)
from flake8_httpstatus.knowledge.registry import VersionRange, check_name, constant_for
from flake8_httpstatus.knowledge.registry._dependencies import FASTAPI_STARLETTE
from tests.expectations import read_fixture

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = Path(__file__).parent / "fixtures" / "projects"
NAMES = sorted(path.name for path in PROJECTS.iterdir() if path.is_dir())
# The warning each malformed project must print, and nothing else on stderr.
WARNINGS = {
    "malformed_lock": "uv.lock: invalid TOML in the [[package]] table of starlette",
    "malformed_requirement": "requirements.txt:1: cannot read requirement 'fastapi = = 0.115'",
}


# -- specifiers and ranges -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("==0.115.12", "0.115.12"),
        (">=0.100,<0.116", ">=0.100,<0.116"),
        ("~=0.115.2", ">=0.115.2,<0.116"),
        ("~=1.4", ">=1.4,<2"),
        ("==0.46.*", ">=0.46,<0.47"),
        ("<=0.12.0", "<=0.12.0"),
        (">0.40,!=0.45", ">=0.40"),
        ("*", "any version"),
        ("", "any version"),
        # Poetry
        ("^0.115.0", ">=0.115.0,<0.116"),
        ("^1.2", ">=1.2,<2"),
        ("^0.0.3", ">=0.0.3,<0.0.4"),
        ("~1.2.3", ">=1.2.3,<1.3"),
        ("0.46.2", "0.46.2"),
        (">= 0.48, < 1.0", ">=0.48,<1.0"),
        (">=0.48 <1.0", ">=0.48,<1.0"),
        ("^0.40 || ^0.48", ">=0.40,<0.49"),
    ],
)
def test_parse_specifier(text: str, expected: str) -> None:
    parsed = parse_specifier(text)
    assert parsed is not None
    assert parsed.specifier() == expected


@pytest.mark.parametrize("text", ["nonsense", "= = 0.115", ">=", "==abc"])
def test_unreadable_specifier(text: str) -> None:
    assert parse_specifier(text) is None


def test_intersect_and_join() -> None:
    low = VersionRange((0, 40), (0, 47))
    high = VersionRange((0, 48))
    assert intersect(low, high) is None
    assert intersect(low, VersionRange.exactly((0, 47))) is None
    both = intersect(low, VersionRange((0, 46)))
    assert both is not None
    assert both.specifier() == ">=0.46,<0.47"
    assert join(low, high).specifier() == ">=0.40"
    assert join(low, VersionRange(None, (0, 30))).specifier() == "<0.47"
    both_locks = join(
        VersionRange.exactly((0, 47, 1), "from uv.lock"),
        VersionRange.exactly((0, 47, 1), "from poetry.lock"),
    )
    assert both_locks.describe("starlette") == "starlette 0.47.1 from uv.lock, poetry.lock"


# -- FastAPI implies Starlette ---------------------------------------------------------------------
def _implied_starlette(fastapi: str) -> str:
    from flake8_httpstatus.config.versions import _implied

    allowed = parse_specifier(fastapi)
    assert allowed is not None
    found = _implied(allowed, FASTAPI_STARLETTE)
    assert found is not None
    return found.specifier()


def test_fastapi_rows_are_in_order() -> None:
    starts = [start for start, _ in FASTAPI_STARLETTE]
    assert starts == sorted(starts)
    assert all(parse_specifier(specifier) is not None for _, specifier in FASTAPI_STARLETTE)


@pytest.mark.parametrize(
    ("fastapi", "starlette"),
    [
        # Netflix/dispatch's pin: Starlette 0.46 at most, which lacks the RFC 9110 names.
        ("==0.115.12", ">=0.40.0,<0.47.0"),
        ("==0.116.1", ">=0.40.0,<0.48.0"),
        # The first FastAPI that allows Starlette 0.48.
        ("==0.116.2", ">=0.40.0,<0.49.0"),
        ("==0.141.1", ">=0.46.0"),
        ("==0.165.0", ">=1.6.0"),
        (">=0.164", ">=1.6.0"),
        (">=0.100,<0.116", ">=0.27.0,<0.47.0"),
        # No lowest FastAPI: the lowest Starlette is unknown too.
        ("*", "any version"),
        # FastAPI 0.1 to 0.1.18 put no upper bound on Starlette, so their metadata allows any.
        ("<0.116", "any version"),
        (">=0.100,<=0.116.1", ">=0.27.0,<0.48.0"),
    ],
)
def test_fastapi_implies_starlette(fastapi: str, starlette: str) -> None:
    assert _implied_starlette(fastapi) == starlette


def test_installed_fastapi_agrees_with_the_table() -> None:
    """The installed FastAPI's own metadata says what the table says for its version."""
    import importlib.metadata

    version = importlib.metadata.version("fastapi")
    required = [
        requirement
        for requirement in importlib.metadata.requires("fastapi") or []
        if requirement.split(">")[0].split("<")[0].split("=")[0].strip() == "starlette"
    ]
    assert len(required) == 1
    declared = parse_specifier(required[0].removeprefix("starlette").split(";")[0])
    assert declared is not None
    assert _implied_starlette(f"=={version}") == declared.specifier()


# -- deciding with the whole range -----------------------------------------------------------------
def _range(text: str) -> dict[str, VersionRange]:
    parsed = parse_specifier(text)
    assert parsed is not None
    return {"starlette": parsed}


def test_deprecated_only_when_the_replacement_exists_in_every_allowed_version() -> None:
    name = "HTTP_422_UNPROCESSABLE_ENTITY"
    assert check_name("starlette", name, _range(">=0.48")) is not None
    assert check_name("starlette", name, _range(">=0.40.0,<0.47.0")) is None
    assert check_name("starlette", name, _range(">=0.40")) is None
    assert check_name("starlette", name, {}) is None


def test_suggestions_exist_in_every_allowed_version() -> None:
    def name(versions: dict[str, VersionRange]) -> str | None:
        constant = constant_for(422, "fastapi", versions)
        return constant.name if constant is not None else None

    assert name(_range(">=0.48")) == "HTTP_422_UNPROCESSABLE_CONTENT"
    assert name(_range("==1.10.0")) == "HTTP_422_UNPROCESSABLE_CONTENT"
    assert name(_range(">=0.40")) == "HTTP_422_UNPROCESSABLE_ENTITY"
    assert name(_range("<0.47")) == "HTTP_422_UNPROCESSABLE_ENTITY"
    # Unknown: any supported version, so no name that older versions lack.
    assert name({}) == "HTTP_422_UNPROCESSABLE_ENTITY"


def test_a_new_name_is_missing_only_where_the_lowest_version_is_known() -> None:
    name = "HTTP_422_UNPROCESSABLE_CONTENT"
    missing = check_name("starlette", name, _range(">=0.40"))
    assert missing is not None
    assert missing.problem == "missing"
    assert check_name("starlette", name, _range("<0.47")) is not None
    assert check_name("starlette", name, _range("<0.49")) is None
    assert check_name("starlette", name, {}) is None


# -- reading the project ---------------------------------------------------------------------------
EXPECTED_RANGES = {
    "declares_nothing": None,
    # A package built for distribution: its declared range holds, not its lock file's pin.
    "distributed_lock": "starlette >=0.46 from pyproject.toml",
    "docker_requirements": "starlette >=0.46,<0.47 from docker/main/requirements-wheels.txt",
    "fastapi_new": "starlette >=1.6.0 via fastapi>=0.164 in pyproject.toml",
    "fastapi_pin": "starlette >=0.40.0,<0.47.0 via fastapi==0.115.12 in requirements.txt",
    "malformed_lock": "starlette >=0.40.0,<0.47.0 via fastapi==0.115.12 in requirements.txt",
    "malformed_requirement": "starlette 0.46.2 from requirements.txt",
    "pdm_lock": "starlette 0.47.3 from pdm.lock",
    "pipfile_lock": "starlette 0.45.3 from Pipfile.lock",
    "poetry_lock": "starlette 0.48.0 from poetry.lock",
    "poetry_new_starlette": "starlette >=0.48.0,<0.49 from pyproject.toml",
    "pyproject_range": "starlette >=0.48,<2 from pyproject.toml",
    "requirements_include": "starlette >=0.40.0,<0.47.0 via fastapi==0.115.12 in constraints.txt",
    "requirements_pin": "starlette 0.46.2 from requirements.txt",
    "uv_lock": "starlette 0.46.2 from uv.lock",
    # backend/ is a member of a uv workspace: the lock is the workspace's.
    "uv_workspace": "starlette 0.48.0 from ../uv.lock",
}


def test_every_project_has_an_expected_range() -> None:
    assert sorted(EXPECTED_RANGES) == NAMES


def app_of(project: Path) -> Path:
    """The project's checked file: app.py, at its top or in a workspace member."""
    return min(project.rglob("app.py"), key=lambda path: len(path.parts))


@pytest.fixture
def copy_project(tmp_path: Path):
    def copy(name: str) -> Path:
        destination = tmp_path / name
        shutil.copytree(PROJECTS / name, destination)
        return destination

    return copy


@pytest.mark.parametrize("name", NAMES)
def test_declared_range(name: str, copy_project, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(name)
    root = project_root(app_of(project).parent)
    declared = declared_versions(root) if root is not None else {}
    found = declared.get("starlette")
    assert (found.describe("starlette") if found else None) == EXPECTED_RANGES[name]
    warnings = capsys.readouterr().err.splitlines()
    if name in WARNINGS:
        assert len(warnings) == 1
        assert WARNINGS[name] in warnings[0]
        assert str(project) in warnings[0]
    else:
        assert warnings == []


@pytest.mark.parametrize(
    ("files", "warning", "expected"),
    [
        ({"pyproject.toml": "[project\ndependencies = 1"}, "pyproject.toml: invalid TOML", None),
        (
            {"Pipfile.lock": "{not json", "requirements.txt": "starlette==0.46.2"},
            "Pipfile.lock: invalid JSON",
            "starlette 0.46.2 from requirements.txt",
        ),
        (
            {"poetry.lock": "[metadata]\nlock-version = '2.1'\n"},
            "poetry.lock: no [[package]]",
            None,
        ),
        (
            {"requirements.txt": "-r missing.txt\nstarlette>=0.48"},
            "missing.txt: cannot read (FileNotFoundError)",
            "starlette >=0.48 from requirements.txt",
        ),
        # An include cycle is read once; a URL, a path and options are not requirements.
        (
            {
                "requirements.txt": "-r requirements-dev.txt\n-e .\n./vendored\n"
                "git+https://github.com/encode/starlette@master#egg=starlette\n"
                "--index-url https://example.org/simple\nstarlette==0.47.3 --hash=sha256:00\n",
                "requirements-dev.txt": "-r requirements.txt\n",
            },
            None,
            "starlette 0.47.3 from requirements.txt",
        ),
        # A package a lock installs from a VCS URL has no version there: as if not locked.
        (
            {
                "Pipfile.lock": '{"default": {"starlette": {"git": "https://github.com/encode/starlette"}}}',
                "requirements.txt": "starlette>=0.48",
            },
            None,
            "starlette >=0.48 from requirements.txt",
        ),
        # Starlette declared beside FastAPI: both hold; the message credits what bounds it.
        (
            {"requirements.txt": "fastapi>=0.115.2,<1.0\nstarlette>=1.0.1,<2.0\n"},
            None,
            "starlette >=1.0.1,<2.0 from requirements.txt",
        ),
        (
            {"requirements.txt": "fastapi==0.115.12\nstarlette>=0.45\n"},
            None,
            "starlette >=0.45,<0.47.0 from requirements.txt; via fastapi==0.115.12 in requirements.txt",
        ),
        (
            {"setup.cfg": "[options]\ninstall_requires =\n    starlette>=0.40,<0.47\n"},
            None,
            "starlette >=0.40,<0.47 from setup.cfg",
        ),
        (
            {
                "pyproject.toml": '[dependency-groups]\ndev = ["starlette~=0.48.0", {include-group = "x"}]'
            },
            None,
            "starlette >=0.48.0,<0.49 from pyproject.toml",
        ),
        # The image's requirements, where the project keeps its only pins.
        (
            {
                "pyproject.toml": '[project]\nname = "app"\n',
                "docker/main/requirements-wheels.txt": "starlette==0.47.*\n",
            },
            None,
            "starlette >=0.47,<0.48 from docker/main/requirements-wheels.txt",
        ),
        # A constraints file no requirements file includes still bounds what is installed.
        (
            {"requirements.txt": "fastapi\n", "constraints.txt": "starlette==0.46.2\n"},
            None,
            "starlette 0.46.2 from constraints.txt",
        ),
        # An example's requirements are not the project's.
        (
            {
                "requirements.txt": "starlette>=0.48\n",
                "examples/demo/requirements.txt": "starlette==0.30.0\n",
            },
            None,
            "starlette >=0.48 from requirements.txt",
        ),
    ],
)
def test_bad_or_odd_declarations(
    files: dict[str, str],
    warning: str | None,
    expected: str | None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = declared_versions(tmp_path).get("starlette")
    assert (found.describe("starlette") if found else None) == expected
    err = capsys.readouterr().err.splitlines()
    if warning is None:
        assert err == []
    else:
        assert len(err) == 1
        assert warning in err[0]
        assert err[0].endswith("; ignoring it")


def test_the_installed_version_counts_only_in_the_projects_own_environment(
    copy_project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project("declares_nothing")
    app = str(project / "app.py")
    assert "starlette" not in Versions((3, 10), {}, app)
    settings.own_environment.cache_clear()
    # As when the running interpreter is a venv inside the project.
    monkeypatch.setattr(sys, "prefix", str(project / ".venv"))
    try:
        own = Versions((3, 10), {}, app)
        assert own["starlette"].source == "installed in the project's environment"
        # A declaration wins over what is installed.
        pinned = Versions((3, 10), {}, str(copy_project("requirements_pin") / "app.py"))
        assert pinned["starlette"].describe("starlette") == "starlette 0.46.2 from requirements.txt"
    finally:
        settings.own_environment.cache_clear()


def test_the_option_wins(copy_project) -> None:
    project = copy_project("uv_lock")
    versions = Versions((3, 10), {"starlette": (0, 48)}, str(project / "app.py"))
    assert versions["starlette"].describe("starlette") == (
        "starlette 0.48 from httpstatus-library-versions"
    )


# -- the real command, with and without Starlette installed ----------------------------------------
def _without_starlette(directory: Path) -> Path:
    """This venv's site-packages as symlinks, minus Starlette and FastAPI and their metadata."""
    site = Path(sysconfig.get_paths()["purelib"])
    directory.mkdir()
    for entry in site.iterdir():
        lowered = entry.name.lower()
        if lowered.startswith(("starlette", "fastapi", "__editable__")) or lowered.endswith(".pth"):
            continue
        (directory / entry.name).symlink_to(entry)
    return directory


@pytest.fixture(scope="session")
def environments(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[list[str], dict[str, str]]]:
    farm = _without_starlette(tmp_path_factory.mktemp("env") / "site-packages")
    bare_env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{farm}", "PYTHONNOUSERSITE": "1"}
    environments = {
        "newest starlette": ([sys.executable], dict(os.environ)),
        # -S: no site-packages but the filtered copy on PYTHONPATH.
        "no starlette": ([sys.executable, "-S"], bare_env),
    }
    probe = (
        "import importlib.util, importlib.metadata as m, sys\n"
        "spec = importlib.util.find_spec('starlette')\n"
        "try:\n    version = m.version('starlette')\nexcept m.PackageNotFoundError:\n    version = None\n"
        "print(spec is not None, version)\n"
    )
    seen = {
        label: subprocess.run(
            [*command, "-c", probe], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        for label, (command, env) in environments.items()
    }
    assert seen["newest starlette"][0] == "True"
    assert seen["no starlette"] == ["False", "None"]
    return environments


def _run(
    command: list[str], env: dict[str, str], cwd: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*command, "-m", "flake8_httpstatus", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("environment", ["newest starlette", "no starlette"])
@pytest.mark.parametrize("name", NAMES)
def test_same_findings_and_fixes_in_every_environment(
    name: str, environment: str, environments, copy_project
) -> None:
    command, env = environments[environment]
    app = app_of(copy_project(name))
    expected, _ = read_fixture(app)
    checked = _run(command, env, app.parent, "check", "--format", "json", "app.py")
    assert checked.returncode in {0, 1}, checked.stderr
    findings = json.loads(checked.stdout)
    got = sorted((f["line"], f["code"], f["column"] - 1) for f in findings)
    assert got == sorted((e.line, e.code, e.col) for e in expected), checked.stdout
    messages = {(f["line"], f["code"], f["column"] - 1): f["message"] for f in findings}
    for item in expected:
        assert item.text is not None
        assert item.text in messages[(item.line, item.code, item.col)]
    warnings = checked.stderr.splitlines()
    if name in WARNINGS:
        assert len(warnings) == 1
        assert WARNINGS[name] in warnings[0]
        assert warnings[0].startswith("flake8-httpstatus: warning: ")
    else:
        assert warnings == []
    fixed = _run(command, env, app.parent, "fix", "app.py")
    assert fixed.returncode in {0, 1}, fixed.stderr
    assert "Traceback" not in fixed.stderr
    golden = app.with_name("app.fixed.py").read_text(encoding="utf-8")
    assert app.read_text(encoding="utf-8") == golden


@pytest.mark.slow
@pytest.mark.parametrize("environment", ["newest starlette", "no starlette"])
def test_flake8_reads_the_projects_versions(environment: str, environments, copy_project) -> None:
    command, env = environments[environment]
    project = copy_project("fastapi_pin")
    result = subprocess.run(
        [*command, "-m", "flake8", "--isolated", "--select", "HS", "app.py"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stderr == ""
    assert "HS101 magic status code 422: use status.HTTP_422_UNPROCESSABLE_ENTITY" in result.stdout
    assert "via fastapi==0.115.12 in requirements.txt" in result.stdout


# -- explain a name ------------------------------------------------------------------------------
def test_explain_a_name_shows_the_versions_and_the_projects_verdict(copy_project) -> None:
    def explain(project: Path, name: str) -> str:
        result = _run([sys.executable], dict(os.environ), project, "explain", name)
        assert result.returncode == 0, result.stderr
        return result.stdout

    pinned = explain(copy_project("fastapi_pin"), "status.HTTP_422_UNPROCESSABLE_CONTENT")
    assert "starlette.status.HTTP_422_UNPROCESSABLE_CONTENT: starlette >= 0.48" in pinned
    assert (
        "other name: HTTP_422_UNPROCESSABLE_ENTITY (starlette all versions, deprecated since 0.48)"
        in pinned
    )
    assert (
        "This project, FastAPI: starlette >=0.40.0,<0.47.0 via fastapi==0.115.12 in "
        "requirements.txt: missing in some allowed version: use HTTP_422_UNPROCESSABLE_ENTITY"
    ) in pinned
    new = explain(copy_project("pyproject_range"), "HTTP_422_UNPROCESSABLE_ENTITY")
    assert (
        "This project, Starlette: starlette >=0.48,<2 from pyproject.toml: deprecated in some "
        "allowed version: use HTTP_422_UNPROCESSABLE_CONTENT"
    ) in new
    unknown = explain(copy_project("declares_nothing"), "HTTP_422_UNPROCESSABLE_CONTENT")
    assert "not reported while the project declares no version" in unknown
    bad = _run([sys.executable], dict(os.environ), PROJECTS, "explain", "HTTP_999_NOPE")
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1


# -- Python itself -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"pyproject.toml": '[project]\nrequires-python = ">=3.11"\n'},
            ((3, 11), "from requires-python"),
        ),
        (
            {"pyproject.toml": "[project]\nname = 'app'\n", ".python-version": "3.12.4\n"},
            ((3, 12), "from .python-version"),
        ),
        (
            {"pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.10"\n'},
            ((3, 10), "from Poetry's python"),
        ),
        ({}, ((3, 9), "the default")),
    ],
)
def test_python_target_and_where_it_came_from(
    files: dict[str, str], expected: tuple[tuple[int, ...], str], tmp_path: Path
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert python_target(str(tmp_path / "app.py"), Settings()) == expected
    assert python_target(str(tmp_path / "app.py"), Settings(target_python=(3, 13))) == (
        (3, 13),
        "from httpstatus-target-python",
    )


def test_a_changed_declaration_is_read_again(tmp_path: Path) -> None:
    """The language server runs for hours: an edited or new lock file counts at once."""
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("starlette==0.46.2\n", encoding="utf-8")
    first = declared_versions(tmp_path)
    assert declared_versions(tmp_path) is first  # read once while nothing changes
    requirements.write_text("starlette==0.48.0\n", encoding="utf-8")
    stamp = requirements.stat().st_mtime_ns + 1_000_000_000
    os.utime(requirements, ns=(stamp, stamp))
    assert declared_versions(tmp_path)["starlette"].describe("starlette") == (
        "starlette 0.48.0 from requirements.txt"
    )
    (tmp_path / "uv.lock").write_text(
        '[[package]]\nname = "starlette"\nversion = "0.49.1"\n', encoding="utf-8"
    )
    os.utime(tmp_path, ns=(stamp + 1, stamp + 1))
    assert declared_versions(tmp_path)["starlette"].describe("starlette") == (
        "starlette 0.49.1 from uv.lock"
    )


def test_forget_configuration_reads_the_projects_files_again(tmp_path: Path) -> None:
    """The language server forgets what it read from a project's files when one changes: its
    root, declared versions, name (and so whether this is its environment) and target Python,
    even where the modification times stay the same (a coarse file system clock)."""
    package = tmp_path / "app"
    package.mkdir()
    app = str(package / "app.py")
    pyproject, requirements = tmp_path / "pyproject.toml", tmp_path / "requirements.txt"
    pyproject.write_text('[project]\nname = "app"\nrequires-python = ">=3.9"\n', encoding="utf-8")
    requirements.write_text("starlette==0.46.2\n", encoding="utf-8")
    assert python_target(app, Settings()) == ((3, 9), "from requires-python")
    assert project_root(package) == tmp_path
    assert settings.own_environment(tmp_path) is False
    assert Versions((3, 9), {}, app)["starlette"].describe("starlette") == (
        "starlette 0.46.2 from requirements.txt"
    )
    stamps = {path: path.stat().st_mtime_ns for path in (tmp_path, package, *tmp_path.iterdir())}
    # This distribution is installed here: the project becomes the environment's own.
    pyproject.write_text(
        '[project]\nname = "flake8-httpstatus"\nrequires-python = ">=3.13"\n', encoding="utf-8"
    )
    requirements.write_text("starlette==0.48.0\n", encoding="utf-8")
    (package / "requirements.txt").write_text("httpx==0.28.1\n", encoding="utf-8")
    for path, stamp in stamps.items():
        os.utime(path, ns=(stamp, stamp))
    assert python_target(app, Settings()) == ((3, 9), "from requires-python")  # not read again
    assert project_root(package) == tmp_path
    assert Versions((3, 9), {}, app)["starlette"].describe("starlette") == (
        "starlette 0.46.2 from requirements.txt"
    )
    settings.forget_configuration()
    assert python_target(app, Settings()) == ((3, 13), "from requires-python")
    assert project_root(package) == package
    assert settings.own_environment(tmp_path) is True
    assert declared_versions(tmp_path)["starlette"].describe("starlette") == (
        "starlette 0.48.0 from requirements.txt"
    )


def test_the_config_key_wins_and_a_bad_value_is_one_line(copy_project) -> None:
    project = copy_project("uv_lock")
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(
        text + '\n[tool.flake8-httpstatus]\nlibrary-versions = "starlette=0.48"\n', encoding="utf-8"
    )
    result = _run([sys.executable], dict(os.environ), project, "check", "app.py")
    assert (
        "HTTP_422_UNPROCESSABLE_ENTITY is deprecated since Starlette 0.48 (starlette 0.48 from httpstatus-library-versions)"
        in result.stdout
    )
    pyproject.write_text(
        text + '\n[tool.flake8-httpstatus]\nlibrary-versions = "starlette=new"\n', encoding="utf-8"
    )
    bad = _run([sys.executable], dict(os.environ), project, "check", "app.py")
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.count("\n") == 1
    assert "httpstatus-library-versions" in bad.stderr
    assert "Traceback" not in bad.stderr


@pytest.mark.slow
def test_a_venv_inside_the_project_is_its_own_environment(copy_project) -> None:
    """A real venv inside a project that declares nothing: the installed Starlette counts."""
    project = copy_project("declares_nothing")
    venv = project / ".venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120
    )
    site = next(venv.glob("lib/python*/site-packages"))
    # This venv's packages (the newest Starlette among them) and the tool's source.
    (site / "outer.pth").write_text(
        f"{sysconfig.get_paths()['purelib']}\n{ROOT}\n", encoding="utf-8"
    )
    python = venv / "bin" / "python"
    inside = _run([str(python)], dict(os.environ), project, "check", "app.py")
    assert "use status.HTTP_422_UNPROCESSABLE_CONTENT (starlette" in inside.stdout, inside.stderr
    assert "installed in the project's environment)" in inside.stdout
    # The same interpreter on a copy outside the project: any supported version.
    outside = project.parent / "elsewhere"
    shutil.copytree(PROJECTS / "declares_nothing", outside)
    result = _run([str(python)], dict(os.environ), outside, "check", "app.py")
    # Every version is allowed: Starlette's 422 name is deprecated in some, so the stdlib's.
    assert "use HTTPStatus.UNPROCESSABLE_ENTITY (HTTP_422_UNPROCESSABLE_ENTITY is" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        ["-m", "flake8", "--isolated", "--select", "HS", "--jobs", "2", "."],
        ["-m", "flake8_httpstatus", "check", "--jobs", "2", "."],
    ],
    ids=["flake8", "check"],
)
def test_a_bad_lock_file_warns_once_whatever_the_workers(command: list[str], copy_project) -> None:
    project = copy_project("malformed_lock")
    for number in range(12):
        shutil.copy(project / "app.py", project / f"app{number}.py")
    result = subprocess.run(
        [sys.executable, *command],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.stderr.splitlines() == [
        f"flake8-httpstatus: warning: {project / 'uv.lock'}: invalid TOML in the [[package]] "
        "table of starlette; ignoring it"
    ]
    # Two findings in each of the 13 copies of app.py (app.fixed.py has none).
    assert result.stdout.count("via fastapi==0.115.12 in requirements.txt") == 26

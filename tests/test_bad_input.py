"""Bad input and hostile file systems: every failure is one line on stderr naming the file,
exit code 2, no traceback, and no file is lost, half written or left behind."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from flake8_httpstatus.fixes import fixer
from flake8_httpstatus.frontends.cli import main
from tests.conftest import isolate

APP = "from flask import abort\n\nabort(404)\n"
FIXED = "from http import HTTPStatus\n\nfrom flask import abort\n\nabort(HTTPStatus.NOT_FOUND)\n"
ROOT = os.geteuid() == 0
NOBODY = 65534


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_error(err: str, name: str, message: str = "") -> str:
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("flake8-httpstatus: error:")]
    assert len(errors) == 1, err
    assert name in errors[0]
    assert message in errors[0]
    return errors[0]


def no_temporary_files(directory: Path) -> bool:
    return not [path for path in directory.iterdir() if path.name.endswith(".tmp")]


# -- files that cannot be decoded or parsed -------------------------------------------------

BAD_FILES = [
    ("undecodable.py", b"\xff\xfe\x00abort(404)\n", "cannot decode"),
    ("cookie.py", b"# coding: ascii\nx = '\xc3\xa9'\n", "cannot decode as ascii"),
    ("nul.py", b"from flask import abort\nabort(404)\0\n", "NUL byte"),
    ("syntax.py", b"from flask import abort\nabort(404\n", "cannot parse"),
    ("py2.py", b'print "x"\n', "cannot parse (line 1)"),
    ("parens.py", b"(" * 5000 + b"1" + b")" * 5000 + b"\n", "cannot parse"),
    ("minus.py", b"-" * 100_000 + b"1\n", "cannot parse"),
]


# What the parser rejects (the others cannot be read, decoded or parsed without exhausting it).
SYNTAX_ERRORS = {"syntax.py", "py2.py", "parens.py"}


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
@pytest.mark.parametrize("command", ["check", "fix"])
def test_bad_file_is_a_one_line_error(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    name: str,
    content: bytes,
    message: str,
) -> None:
    (project / name).write_bytes(content)
    code, out, err = run(capsys, command, name)
    if command == "check" and name in SYNTAX_ERRORS:
        # Reported as ruff reports it: a finding (exit 1), in every format.
        assert (code, err) == (1, "")
        assert out.startswith(f"{name}:")
        assert ": invalid-syntax: " in out
    else:
        assert code == 2
        assert out == ""
        assert_one_error(err, name, message)
    assert (project / name).read_bytes() == content
    assert sorted(p.name for p in project.iterdir()) == [name]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_bad_file_on_stdin(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: bytes,
    message: str,
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(content)))
    code, out, err = run(capsys, "fix", "-")
    assert code == 2
    assert out == ""
    assert_one_error(err, "-: ", message)


def test_deeply_nested_but_parseable(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Deep enough to be hard, within the parser's limit: checked, or a one-line error.
    (project / "deep.py").write_text(
        "from flask import abort\nx = " + "[" * 190 + "abort(404)" + "]" * 190 + "\n"
        "y = " + " + ".join(["1"] * 20_000) + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "check", "deep.py")
    assert "Traceback" not in err
    if code == 2:
        assert_one_error(err, "deep.py")
    else:
        assert code == 1
        assert "HS101" in out


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("syntax.py", b"from flask import abort\nabort(404\n", "E999"),
        ("py2.py", b'print "x"\n', "E999"),
        ("parens.py", b"(" * 5000 + b"1" + b")" * 5000 + b"\n", "E999"),
        ("undecodable.py", b"\xff\xfe\x00abort(404)\n", "E9"),
        pytest.param(
            "minus.py",
            b"-" * 100_000 + b"1\n",
            "E999",
            marks=pytest.mark.xfail(
                strict=True,
                reason="flake8 itself (processor.build_ast) dies with MemoryError before any "
                "plugin runs: an upstream flake8 limitation, not this plugin's",
            ),
        ),
    ],
)
def test_bad_file_under_flake8(tmp_path: Path, name: str, content: bytes, code: str) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "flake8", "-j", "1", "--select", "HS,E9", name, "app.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    assert done.returncode == 1
    assert f"\n{name}:" in "\n" + done.stdout
    assert code in done.stdout
    assert "app.py:3:7: HS101" in done.stdout


# -- big files ------------------------------------------------------------------------------


def test_200000_line_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "from flask import abort\n" + "x = 1\n" * 199_998 + "abort(404)\n"
    (project / "big.py").write_text(body, encoding="utf-8")
    code, out, err = run(capsys, "check", "big.py")
    assert (code, err) == (1, "")
    assert out == (
        "big.py:200000:7: HS101 magic status code 404: use HTTPStatus.NOT_FOUND\n"
        "Found 1 finding (1 fixable with fix).\n"
    )


def test_200000_line_file_fix(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "from flask import abort\n" + "x = 1\n" * 199_998 + "abort(404)\n"
    (project / "big.py").write_text(body, encoding="utf-8")
    code, _, err = run(capsys, "fix", "big.py")
    assert code == 1
    assert "Fixed 1 in big.py" in err
    text = (project / "big.py").read_text(encoding="utf-8")
    assert text.startswith("from http import HTTPStatus\n\nfrom flask import abort\n")
    assert text.count("x = 1\n") == 199_998
    assert text.endswith("abort(HTTPStatus.NOT_FOUND)\n")


# -- the file system ------------------------------------------------------------------------


def test_symlink_loop_inside_the_tree(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "app.py").write_text(APP, encoding="utf-8")
    (project / "a.py").symlink_to("b.py")
    (project / "b.py").symlink_to("a.py")
    code, out, err = run(capsys, "fix", ".")
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert errors == [
        "flake8-httpstatus: error: a.py: cannot read: Too many levels of symbolic links",
        "flake8-httpstatus: error: b.py: cannot read: Too many levels of symbolic links",
    ]
    assert (project / "app.py").read_text(encoding="utf-8") == FIXED
    assert os.readlink(project / "a.py") == "b.py"


def test_directory_symlink_to_its_parent(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pkg").mkdir()
    (project / "pkg" / "app.py").write_text(APP, encoding="utf-8")
    (project / "pkg" / "parent").symlink_to("..", target_is_directory=True)
    (project / "pkg" / "self").symlink_to(".", target_is_directory=True)
    code, out, err = run(capsys, "check", ".")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "pkg/app.py:3:7: HS101 magic status code 404: use HTTPStatus.NOT_FOUND",
        "Found 1 finding (1 fixable with fix).",
    ]


def test_unreadable_directory_simulated(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root reads any directory, so the refusal is simulated where os.walk lists it.
    (project / "secret").mkdir()
    (project / "secret" / "hidden.py").write_text(APP, encoding="utf-8")
    (project / "app.py").write_text(APP, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if os.path.basename(path) == "secret":
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run(capsys, "check", ".")
    assert code == 2
    assert out.startswith("app.py:3:7: HS101")
    assert_one_error(err, "secret", "cannot read directory: Permission denied")


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A directory another user can use: as root, the permission tests run as `nobody`."""
    top = Path(tempfile.mkdtemp(prefix="hs-perm-", dir="/tmp"))
    top.chmod(0o755)
    isolate(top)  # outside pytest's base temporary directory: isolated here
    directory = top / "project"
    directory.mkdir()
    directory.chmod(0o755)
    yield directory
    for path in [directory, *directory.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(top)


def _run_unprivileged(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """As root, run as `nobody` (setpriv), so that permissions are really enforced."""
    prefix: list[str] = []
    if ROOT:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        probe = subprocess.run(
            [*prefix, sys.executable, "-c", "import flake8_httpstatus"],
            cwd=directory,
            capture_output=True,
            check=False,
        )
        if probe.returncode != 0:
            pytest.skip("the unprivileged user cannot import the installed package here")
        for path in [directory, *directory.rglob("*")]:
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "flake8_httpstatus", *args],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.slow
def test_unreadable_directory(shared_dir: Path) -> None:
    (shared_dir / "secret").mkdir()
    (shared_dir / "secret" / "hidden.py").write_text(APP, encoding="utf-8")
    (shared_dir / "app.py").write_text(APP, encoding="utf-8")
    _run_unprivileged(shared_dir, "--version")  # chown first
    (shared_dir / "secret").chmod(0o000)
    done = _run_unprivileged(shared_dir, "check", ".")
    assert done.returncode == 2
    assert done.stdout.startswith("app.py:3:7: HS101")
    assert_one_error(done.stderr, "secret", "cannot read directory: Permission denied")


@pytest.mark.slow
def test_read_only_directory(shared_dir: Path) -> None:
    (shared_dir / "locked").mkdir()
    (shared_dir / "locked" / "app.py").write_text(APP, encoding="utf-8")
    _run_unprivileged(shared_dir, "--version")  # chown first
    (shared_dir / "locked").chmod(0o555)
    done = _run_unprivileged(shared_dir, "fix", ".")
    assert done.returncode == 2
    assert_one_error(done.stderr, "locked/app.py", "cannot write: Permission denied")
    assert (shared_dir / "locked" / "app.py").read_text(encoding="utf-8") == APP
    assert no_temporary_files(shared_dir / "locked")


@pytest.mark.slow
def test_failed_write_does_not_claim_a_fix(shared_dir: Path) -> None:
    (shared_dir / "locked").mkdir()
    (shared_dir / "locked" / "app.py").write_text(APP, encoding="utf-8")
    _run_unprivileged(shared_dir, "--version")  # chown first
    (shared_dir / "locked").chmod(0o555)
    done = _run_unprivileged(shared_dir, "fix", ".")
    assert "Fixed" not in done.stderr


@pytest.mark.slow
def test_read_only_file_is_not_written(shared_dir: Path) -> None:
    (shared_dir / "app.py").write_text(APP, encoding="utf-8")
    (shared_dir / "app.py").chmod(0o444)
    done = _run_unprivileged(shared_dir, "fix", ".")
    assert (shared_dir / "app.py").read_text(encoding="utf-8") == APP
    assert done.returncode == 2
    assert_one_error(done.stderr, "app.py", "cannot write")


# -- the file changes under the fixer -------------------------------------------------------


def _meddle(monkeypatch: pytest.MonkeyPatch, action: Callable[[], None]) -> None:
    """Run `action` after the file was read and fixed in memory, before it is written."""
    real = fixer.fix_text

    def fix_text(*args: object, **kwargs: object) -> fixer.FixResult:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        action()
        return result

    monkeypatch.setattr(fixer, "fix_text", fix_text)


@pytest.mark.parametrize(
    ("meddling", "message"),
    [
        ("delete", "cannot write: No such file or directory"),
        ("change", "changed on disk while being fixed; not written"),
        ("replace-with-directory", "cannot write"),
    ],
)
def test_file_changes_between_read_and_write(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    meddling: str,
    message: str,
) -> None:
    app = project / "app.py"
    app.write_text(APP, encoding="utf-8")

    def action() -> None:
        if meddling == "delete":
            app.unlink()
        elif meddling == "change":
            app.write_text(APP + "# edited\n", encoding="utf-8")
        else:
            app.unlink()
            app.mkdir()

    _meddle(monkeypatch, action)
    code, _, err = run(capsys, "fix", "app.py")
    assert code == 2
    assert_one_error(err, "app.py", message)
    if meddling == "delete":
        assert not app.exists()
    elif meddling == "change":
        assert app.read_text(encoding="utf-8") == APP + "# edited\n"
    else:
        assert app.is_dir()
    assert no_temporary_files(project)


@pytest.mark.parametrize("failing", ["fsync", "replace", "chmod"])
def test_full_disk(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    failing: str,
) -> None:
    (project / "app.py").write_text(APP, encoding="utf-8")
    (project / "other.py").write_text(APP, encoding="utf-8")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, full)  # the names sources.py calls
    code, _, err = run(capsys, "fix", "app.py", "other.py")
    monkeypatch.undo()
    assert code == 2
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert errors == [
        f"flake8-httpstatus: error: {name}: cannot write: No space left on device"
        for name in ("app.py", "other.py")
    ]
    assert (project / "app.py").read_text(encoding="utf-8") == APP
    assert (project / "other.py").read_text(encoding="utf-8") == APP
    assert sorted(p.name for p in project.iterdir()) == ["app.py", "other.py"]


def test_no_room_for_the_temporary_file(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "app.py").write_text(APP, encoding="utf-8")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", full)
    code, _, err = run(capsys, "fix", "app.py")
    monkeypatch.undo()
    assert code == 2
    assert_one_error(err, "app.py", "cannot write: No space left on device")
    assert (project / "app.py").read_text(encoding="utf-8") == APP


# -- configuration not covered by tests/test_cli_lint.py --------------------------------------


@pytest.mark.parametrize(
    ("filename", "content", "names"),
    [
        ("pyproject.toml", '[tool.flake8-httpstatus]\nallow-codes = ["x"]\n', "allow-codes"),
        ("pyproject.toml", '[tool.flake8-httpstatus]\nselect = ["XYZ"]\n', "XYZ"),
        ("pyproject.toml", b"\xff\xfe[tool.flake8-httpstatus]\n", None),
        ("setup.cfg", "[flake8]\nhttpstatus-style = bogus\n", "httpstatus-style"),
        ("setup.cfg", "[flake8\nhttpstatus-style = drf\n", "setup.cfg"),
        ("tox.ini", "[flake8]\nhttpstatus-style = bogus\n", "httpstatus-style"),
        ("tox.ini", "[flake8]\nhttpstatus-style = drf\nhttpstatus-style = x\n", "tox.ini"),
        (".flake8", "[flake8]\nhttpstatus-style = bogus\n", "httpstatus-style"),
        (".flake8", "[flake8]\nhttpstatus-allow-codes = 4o4\n", "httpstatus-allow-codes"),
        (".flake8", "[flake8]\nhttpstatus-target-python = 3.x\n", "httpstatus-target-python"),
        (".flake8", b"[flake8]\nhttpstatus-style = \xff\n", None),
    ],
)
def test_bad_configuration(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    filename: str,
    content: str | bytes,
    names: str | None,
) -> None:
    (project / "app.py").write_text(APP, encoding="utf-8")
    if isinstance(content, bytes):
        (project / filename).write_bytes(content)
    else:
        (project / filename).write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "check", "app.py")
    assert "Traceback" not in err
    if names is None:  # an unreadable file: ignored, or a one-line error
        assert code in (1, 2)
        if code == 2:
            assert len(err.strip().splitlines()) == 1
            assert filename in err
        return
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert names in err

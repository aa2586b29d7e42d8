"""`flake8-httpstatus check` and `fix`: flags, formats, configuration, exit codes, errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flake8_httpstatus.core import sources
from flake8_httpstatus.frontends.cli import main

APP = textwrap.dedent(
    """\
    from django.http import HttpResponse


    def view(request):  # café
        return HttpResponse(status=404)
    """
)
FIXED = APP.replace(
    "from django.http import HttpResponse\n",
    "from http import HTTPStatus\n\nfrom django.http import HttpResponse\n",
).replace("status=404", "status=HTTPStatus.NOT_FOUND")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_reports_and_exits_1(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "app.py")
    assert code == 1
    assert out == (
        "app.py:5:32: HS101 magic status code 404: use HTTPStatus.NOT_FOUND\n"
        "Found 1 finding (1 fixable with fix).\n"
    )


def test_check_clean_exits_0(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "app.py").write_text("x = 1\n", encoding="utf-8")
    assert run(capsys, "check", ".") == (0, "", "")


def test_columns_are_characters(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "app.py").write_text(
        "from flask import abort\n\nabort(404) if 'é😀' else abort(404)\n", encoding="utf-8"
    )
    _, out, _ = run(capsys, "check", "app.py")
    # 1-based characters: the second 404 is the 31st character, its 35th byte.
    assert [line.split(":")[2] for line in out.splitlines()[:-1]] == ["7", "31"]


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        ((), True),
        (("--select", "HS2"), False),
        (("--ignore", "HS101"), False),
        (("--ignore", "HS1", "--select", "HS101"), True),
    ],
)
def test_select_and_ignore(project: Path, capsys: pytest.CaptureFixture[str], args, shown) -> None:
    _, out, _ = run(capsys, "check", *args, "app.py")
    assert ("HS101" in out) is shown


def test_default_off_rule_needs_selecting(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "app.py").write_text(APP.replace("404", "200"), encoding="utf-8")
    assert "HS406" not in run(capsys, "check", "app.py")[1]
    assert "HS406" in run(capsys, "check", "--select", "HS406", "app.py")[1]


def test_bad_select_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--select", "XYZ1", "app.py")
    assert code == 2
    assert err.count("\n") == 1
    assert "XYZ1" in err


@pytest.mark.parametrize(
    ("comment", "shown"),
    [
        ("  # noqa", False),
        ("  # noqa: HS101", False),
        ("  # noqa:HS1", False),
        ("  # noqa: E501,HS101", False),
        ("  # noqa: E501 HS101", False),
        # Each of these would hide HS101 if read as a bare noqa: they must not.
        ("  # noqa: E501", True),
        ("  # noqa: HS201", True),
        ("  # noqa: HS102", True),
        ("  # noqa: hs101", True),  # flake8 compares codes case-sensitively
        ("  #noqa", True),  # flake8 needs "# noqa"
    ],
)
def test_noqa(project: Path, capsys: pytest.CaptureFixture[str], comment: str, shown: bool) -> None:
    (project / "app.py").write_text(
        APP.replace("status=404)", "status=404)" + comment), encoding="utf-8"
    )
    assert ("HS101" in run(capsys, "check", "app.py")[1]) is shown


@pytest.mark.parametrize(
    ("comment", "fixed"), [("  # noqa: HS101", False), ("  # noqa: HS201", True)]
)
def test_fix_reads_noqa_as_check_does(
    project: Path, capsys: pytest.CaptureFixture[str], comment: str, fixed: bool
) -> None:
    (project / "app.py").write_text(
        APP.replace("status=404)", "status=404)" + comment), encoding="utf-8"
    )
    run(capsys, "fix", "app.py")
    assert ("HTTPStatus.NOT_FOUND" in (project / "app.py").read_text(encoding="utf-8")) is fixed


def test_json_format(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--format", "json", "app.py")
    (item,) = json.loads(out)
    assert item["code"] == "HS101"
    assert item["line"] == 5
    assert item["column"] == 32
    assert item["fix"] == {
        "applicability": "safe",
        "message": "Replace with `HTTPStatus.NOT_FOUND`",
        "edits": [
            {
                "content": "HTTPStatus.NOT_FOUND",
                "location": {"row": 5, "column": 32},
                "end_location": {"row": 5, "column": 35},
            }
        ],
        "import": "from http import HTTPStatus",
    }


def test_sarif_format(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--format", "sarif", "app.py")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "HS101"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 5, "startColumn": 32, "endLine": 5, "endColumn": 35}
    rules = {rule["id"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert "HS101" in rules
    assert "HS501" in rules


def test_github_format(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--format", "github", "app.py")
    assert out.startswith("::notice file=app.py,line=5,col=32,endLine=5,endColumn=35,title=HS101::")


def test_jobs_give_the_same_findings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for index in range(6):
        (project / f"mod{index}.py").write_text(APP, encoding="utf-8")
    one = run(capsys, "check", "--jobs", "1", ".")
    two = run(capsys, "check", "--jobs", "2", ".")
    assert one == two
    assert one[1].count("HS101") == 7


def test_directories_skip_the_usual_excludes(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in (
        ".venv/lib/x.py",
        "build/x.py",
        "node_modules/x.py",
        "pkg/keep.py",
        "pkg/generated/skip.py",
    ):
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(APP, encoding="utf-8")
    _, out, _ = run(capsys, "check", "--exclude", "*/generated/*", ".")
    files = sorted({line.split(":")[0] for line in out.splitlines()[:-1]})
    assert files == ["app.py", "pkg/keep.py"]


def test_stdin(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(APP.encode())))
    code, out, _ = run(capsys, "check", "-")
    assert code == 1
    assert out.startswith("-:5:32: HS101")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(APP.encode())))
    code, out, _ = run(capsys, "fix", "-")
    assert code == 1
    assert out == FIXED


def test_fix_writes_and_is_idempotent(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "fix", ".")
    assert code == 1
    assert "Fixed 1 in" in err
    assert (project / "app.py").read_text(encoding="utf-8") == FIXED
    assert run(capsys, "fix", ".")[0] == 0


def test_fix_diff_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "fix", "--diff", "app.py")
    assert code == 1
    assert "-    return HttpResponse(status=404)" in out
    assert "+    return HttpResponse(status=HTTPStatus.NOT_FOUND)" in out
    assert (project / "app.py").read_text(encoding="utf-8") == APP


@pytest.mark.parametrize("flag", ["--diff", "--check"])
def test_fix_diff_and_check_write_no_cache(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, flag: str
) -> None:
    """In a project (whose index is cached), previewing writes no file, the cache's neither."""
    monkeypatch.delenv("FLAKE8_HTTPSTATUS_CACHE_DIR", raising=False)
    (project / "pyproject.toml").write_text("[project]\nname = 'app'\n", encoding="utf-8")
    before = sorted(project.rglob("*"))
    assert run(capsys, "fix", flag, ".")[0] == 1
    assert sorted(project.rglob("*")) == before
    checked = subprocess.run([sys.executable, "-m", "flake8_httpstatus", "check", "."], check=False)
    assert checked.returncode == 1
    assert (project / ".httpstatus_cache").is_dir()  # the cache is written by the other commands


@pytest.mark.parametrize(
    ("config", "length"),
    [
        ("pyproject.toml", "[tool.ruff]\nline-length = 60\n"),
        ("pyproject.toml", "[tool.black]\nline-length = 60\n"),
        (".flake8", "[flake8]\nmax-line-length = 60\n"),
    ],
)
@pytest.mark.parametrize("flag", ["--diff", None])
def test_fix_names_the_lines_it_made_too_long(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    config: str,
    length: str,
    flag: str | None,
) -> None:
    (project / config).write_text(length, encoding="utf-8")
    (project / "app.py").write_text(
        "from django.http import HttpResponse\n\n\ndef view(request):\n"
        "    return HttpResponse('the body of it', status=404)  # short before\n",
        encoding="utf-8",
    )
    _, _, err = run(capsys, "fix", *([flag] if flag else []), "app.py")
    assert "app.py: line(s) 7 longer than 60 characters after the fix: run your formatter" in err


def test_fix_check_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "fix", "--check", "app.py")
    assert code == 1
    assert out == ""
    assert "Would fix 1" in err
    assert (project / "app.py").read_text(encoding="utf-8") == APP


def test_check_fix_reports_what_remains(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "app.py").write_text(
        APP + "\n\ndef odd(request):\n    return HttpResponse(status=299)\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "check", "--fix", "app.py")
    assert code == 1
    assert "HS201" in out
    assert "HS101" not in out
    assert "Fixed 1" in err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.py", b"def f(:\n", "cannot parse"),
        ("latin.py", b"x = '\xe9'\n", "cannot decode"),
        ("nul.py", b"x = 1\0\n", "NUL"),
        ("cookie.py", b"# -*- coding: klingon -*-\nx = 1\n", "cannot decode"),
    ],
)
def test_bad_files_are_one_line_errors(
    project: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str
) -> None:
    (project / name).write_bytes(content)
    code, _out, err = run(capsys, "fix", ".")
    assert code == 2
    (line,) = err.strip().splitlines()[-1:]
    assert name in line
    assert message in line
    assert "Traceback" not in err
    assert (project / name).read_bytes() == content
    assert (project / "app.py").read_text(encoding="utf-8") == FIXED  # the others were fixed


def test_missing_path(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "nope.py")
    assert code == 2
    assert "nope.py: no such file or directory" in err


def test_changed_on_disk_is_refused(project: Path) -> None:
    source = sources.read(str(project / "app.py"))
    (project / "app.py").write_text(APP + "# edited\n", encoding="utf-8")
    with pytest.raises(sources.SourceError, match="changed on disk"):
        sources.write(source, FIXED)
    assert (project / "app.py").read_text(encoding="utf-8") == APP + "# edited\n"


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("pyproject.toml", '[tool.flake8-httpstatus]\nstyle = "drf"\n'),
        ("pyproject.toml", '[tool.flake8-httpstatus]\nhttpstatus-style = "drf"\n'),
        ("setup.cfg", "[flake8]\nhttpstatus-style = drf\n"),
        ("tox.ini", "[flake8]\nhttpstatus-style = drf\n"),
        (".flake8", "[flake8]\nhttpstatus-style = drf\n"),
    ],
)
def test_configuration_files(
    project: Path, capsys: pytest.CaptureFixture[str], filename: str, content: str
) -> None:
    (project / filename).write_text(content, encoding="utf-8")
    assert "use status.HTTP_404_NOT_FOUND" in run(capsys, "check", "app.py")[1]


def test_command_line_wins(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "setup.cfg").write_text("[flake8]\nhttpstatus-style = drf\n", encoding="utf-8")
    out = run(capsys, "check", "--httpstatus-style", "stdlib", "app.py")[1]
    assert "use HTTPStatus.NOT_FOUND" in out


def test_list_values_in_pyproject(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.flake8-httpstatus]\nallow-codes = [404]\nignore = ["HS2"]\n', encoding="utf-8"
    )
    assert run(capsys, "check", "app.py") == (0, "", "")


@pytest.mark.parametrize(
    ("filename", "content", "names"),
    [
        ("pyproject.toml", '[tool.flake8-httpstatus]\nstyle = "bogus"\n', "httpstatus-style"),
        ("pyproject.toml", '[tool.flake8-httpstatus]\nstyel = "drf"\n', "styel"),
        ("pyproject.toml", "[tool.flake8-httpstatus\n", "invalid TOML"),
        ("setup.cfg", "[flake8]\nhttpstatus-allow-codes = 4o4\n", "httpstatus-allow-codes"),
        ("tox.ini", "[flake8]\nhttpstatus-target-python = two\n", "httpstatus-target-python"),
        (".flake8", "[flake8]\nhttpstatus-extra-sinks = nope\n", "httpstatus-extra-sinks"),
    ],
)
def test_bad_configuration_is_a_one_line_error(
    project: Path, capsys: pytest.CaptureFixture[str], filename: str, content: str, names: str
) -> None:
    (project / filename).write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "check", "app.py")
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert names in err
    assert "Traceback" not in err


@pytest.mark.parametrize("tool", ["git apply", "patch -p1"])
def test_diff_applies_with_git_apply_and_patch(
    project: Path, capsys: pytest.CaptureFixture[str], tool: str
) -> None:
    """`fix --diff`, applied by the real tools, gives what `fix` writes: in a subdirectory, with
    CRLF line ends, and with a last line that has no line break."""
    (project / "pkg").mkdir()
    (project / "pkg" / "views.py").write_bytes(APP.replace("\n", "\r\n").encode())
    (project / "last.py").write_text(APP.rstrip("\n"), encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    code, diff, _ = run(capsys, "fix", "--diff", ".")
    assert code == 1
    assert "--- a/pkg/views.py\n+++ b/pkg/views.py\n" in diff
    assert "\\ No newline at end of file" in diff
    originals = {path: path.read_bytes() for path in project.rglob("*.py")}
    assert run(capsys, "fix", ".")[0] == 1
    fixed = {path: path.read_bytes() for path in originals}
    for path, data in originals.items():
        path.write_bytes(data)
    (project / "fix.diff").write_bytes(diff.encode())
    command = {
        "git apply": ["git", "apply", "--verbose", "fix.diff"],
        "patch -p1": ["patch", "-p1", "--binary", "-i", "fix.diff"],
    }[tool]
    done = subprocess.run(
        command,
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert {path: path.read_bytes() for path in originals} == fixed


NON_ASCII = "from flask import abort\n\nname = 'é😀'; abort(404)\n"


def _columns() -> tuple[int, int]:
    """The 404's start in characters and in UTF-16 units (0-based), computed independently:
    'é' is one of each, '😀' one character but two UTF-16 units (and four UTF-8 bytes)."""
    line = NON_ASCII.splitlines()[2]
    start = line.index("404")
    return start, len(line[:start].encode("utf-16-le")) // 2


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_non_ascii_start_and_end_columns(
    project: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    (project / "app.py").write_text(NON_ASCII, encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", fmt, "app.py")
    chars, units = _columns()
    assert units == chars + 1
    if fmt == "json":
        (item,) = json.loads(out)
        assert (item["line"], item["column"], item["end_line"], item["end_column"]) == (
            3,
            chars + 1,
            3,
            chars + 4,
        )
    elif fmt == "sarif":
        (result,) = json.loads(out)["runs"][0]["results"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region == {
            "startLine": 3,
            "startColumn": units + 1,
            "endLine": 3,
            "endColumn": units + 4,
        }
    else:
        assert f"line=3,col={chars + 1},endLine=3,endColumn={chars + 4}," in out

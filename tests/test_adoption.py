"""Adopting the rules on an existing project: per-file-ignores, `check --add-noqa`,
`--statistics`, `--exit-zero`, `--show-source` and the summary line."""

from __future__ import annotations

import json
import os
import tempfile
import textwrap
from pathlib import Path

import pytest

from flake8_httpstatus.frontends.cli import main
from flake8_httpstatus.frontends.runner import job_for

APP = textwrap.dedent(
    """\
    from flask import abort


    def view():
    \tabort(404)
    \tabort(299)
    """
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """app.py and tests/test_app.py with the same findings (HS101 and HS201 each)."""
    root = tmp_path / "project"
    (root / "tests").mkdir(parents=True)
    # A configuration file at the root stops the search for one in the directories above.
    (root / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (root / "app.py").write_text(APP, encoding="utf-8")
    (root / "tests" / "test_app.py").write_text(APP, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def reported(out: str) -> list[tuple[str, str]]:
    """(path, code) for each finding line of text output."""
    found = []
    for line in out.splitlines():
        parts = line.split(":")
        if len(parts) >= 4 and parts[1].isdigit():
            found.append((Path(parts[0]).as_posix(), parts[3].split()[0]))
    return sorted(found)


PYPROJECT = textwrap.dedent(
    """\
    [tool.flake8-httpstatus.per-file-ignores]
    "tests/*" = ["HS1"]
    "app.py" = "HS201"
    """
)
SETUP_CFG = textwrap.dedent(
    """\
    [flake8]
    per-file-ignores =
        tests/*: HS1
        app.py:HS201
    """
)


@pytest.mark.parametrize(
    ("name", "text"), [("pyproject.toml", PYPROJECT), ("setup.cfg", SETUP_CFG)]
)
def test_per_file_ignores(
    project: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    if name != "pyproject.toml":
        (project / "pyproject.toml").unlink()
    (project / name).write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, "check", ".")
    assert reported(out) == [("app.py", "HS101"), ("tests/test_app.py", "HS201")]
    # Paths are relative to the configuration file, not to where the command runs.
    os.chdir(project / "tests")
    _, out, _ = run(capsys, "check", ".", "../app.py")
    assert reported(out) == [("../app.py", "HS101"), ("test_app.py", "HS201")]


def test_longest_matching_pattern_wins_as_in_flake8(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Only the longest pattern that matches applies (its codes are not added to a shorter one's).
    (project / "setup.cfg").write_text(
        "[flake8]\nper-file-ignores =\n    *.py: HS2\n    tests/*: HS101\n", encoding="utf-8"
    )
    (project / "pyproject.toml").unlink()
    _, out, _ = run(capsys, "check", ".")
    assert reported(out) == [("app.py", "HS101"), ("tests/test_app.py", "HS201")]


def test_per_file_ignores_on_the_command_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "check", "--per-file-ignores", "tests/*:HS", ".")
    assert reported(out) == [("app.py", "HS101"), ("app.py", "HS201")]


def test_explicit_select_is_still_overridden_by_a_longer_per_file_ignore(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "check", "--select", "HS", "--per-file-ignores", "app.py:HS10", ".")
    assert ("app.py", "HS101") not in reported(out)
    assert ("tests/test_app.py", "HS101") in reported(out)


def test_fix_honours_per_file_ignores(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    run(capsys, "fix", ".")
    assert (project / "tests" / "test_app.py").read_text(encoding="utf-8") == APP
    assert "HTTPStatus.NOT_FOUND" in (project / "app.py").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[tool.flake8-httpstatus]\nper-file-ignores = ["tests/*"]\n', "must be a table"),
        ('[tool.flake8-httpstatus.per-file-ignores]\n"tests/*" = ["hs-1"]\n', "'hs-1'"),
        ('[tool.flake8-httpstatus.per-file-ignores]\n"tests/*" = [1]\n', "list of codes"),
    ],
)
def test_bad_per_file_ignores_is_one_line(
    project: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "check", ".")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert message in err


def test_bad_flake8_per_file_ignores_is_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").unlink()
    (project / "tox.ini").write_text("[flake8]\nper-file-ignores = HS101\n", encoding="utf-8")
    code, _, err = run(capsys, "check", ".")
    assert code == 2
    assert err.count("\n") == 1
    assert "per-file-ignores" in err


def test_selection_for_matches_names_and_paths(project: Path) -> None:
    (project / "setup.cfg").write_text(
        "[flake8]\nper_file_ignores = test_*.py:HS1 ./app.py:HS2\n", encoding="utf-8"
    )
    (project / "pyproject.toml").unlink()
    job, _ = job_for(project)
    assert "HS101" not in job.selection_for(str(project / "tests" / "test_app.py"))
    assert "HS101" in job.selection_for(str(project / "app.py"))
    assert "HS201" not in job.selection_for(str(project / "app.py"))
    assert "HS201" in job.selection_for(str(project / "tests" / "app.py"))


# -- --add-noqa ----------------------------------------------------------------------------------

NOQA_SOURCE = textwrap.dedent(
    '''\
    from flask import abort, make_response


    def view():
        abort(404)  # noqa: E501
        abort(299)
        return make_response("""
    text""", 404)
    '''
)
NOQA_EXPECTED = textwrap.dedent(
    '''\
    from flask import abort, make_response


    def view():
        abort(404)  # noqa: E501, HS101
        abort(299)  # noqa: HS201
        return make_response("""
    text""", 404)  # noqa: HS101
    '''
)


def test_add_noqa(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "app.py").write_text(NOQA_SOURCE, encoding="utf-8")
    before = run(capsys, "check", "--select", "HS", "app.py")[1]
    assert len(reported(before)) == 3
    code, out, err = run(capsys, "check", "--add-noqa", "app.py")
    assert (code, out, err) == (0, "", "Added 3 noqa directives.\n")
    assert (project / "app.py").read_text(encoding="utf-8") == NOQA_EXPECTED
    assert run(capsys, "check", "app.py") == (0, "", "")
    # Idempotent.
    assert run(capsys, "check", "--add-noqa", "app.py") == (0, "", "Added 0 noqa directives.\n")
    assert (project / "app.py").read_text(encoding="utf-8") == NOQA_EXPECTED


def test_add_noqa_respects_selection_and_per_file_ignores(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "check", "--add-noqa", "--per-file-ignores", "tests/*:HS1", "--ignore", "HS2", "."
    )
    assert (code, err) == (0, "Added 1 noqa directive.\n")
    assert (project / "tests" / "test_app.py").read_text(encoding="utf-8") == APP
    assert "abort(404)  # noqa: HS101\n\tabort(299)\n" in (project / "app.py").read_text(
        encoding="utf-8"
    )


def test_add_noqa_writes_through_a_temporary_file_beside_the_target(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    real = tempfile.mkstemp

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        handle, name = real(*args, **kwargs)  # type: ignore[call-overload]
        made.append(name)
        return handle, name

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    run(capsys, "check", "--add-noqa", "tests/test_app.py")
    # (Other temporary files, such as the project index's cache, are not this write's.)
    (temporary,) = [name for name in made if Path(name).name.startswith(".test_app.py.")]
    # Beside the target, so the rename is atomic (same file system) and nothing is left over.
    assert Path(temporary).parent == project / "tests"
    assert not Path(temporary).exists()
    assert [p.name for p in (project / "tests").iterdir() if p.name.endswith(".tmp")] == []
    assert "# noqa: HS101" in (project / "tests" / "test_app.py").read_text(encoding="utf-8")


def test_add_noqa_refuses_stdin_and_fix(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--add-noqa", "-")
    assert code == 2
    assert "standard input" in err
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--add-noqa", "--fix", "app.py"])
    assert exit_.value.code == 2


# -- text output: statistics, source, summary, exit code -----------------------------------------


def test_statistics_and_summary(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--statistics", ".")
    assert code == 1
    # As ruff prints it: the table instead of the findings.
    assert out.splitlines() == [
        "2\tHS101\t[*] magic-status-in-call",
        "2\tHS201\t[ ] unknown-status-code",
        "Found 4 findings (2 fixable with fix).",
    ]
    code, out, _ = run(capsys, "check", "--statistics", "--format", "json", ".")
    assert code == 1
    assert [(row["code"], row["count"]) for row in json.loads(out)] == [
        ("HS101", 2),
        ("HS201", 2),
    ]


def test_summary_without_fixable(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--select", "HS2", "app.py")
    assert out.splitlines()[-1] == "Found 1 finding."


def test_exit_zero(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--exit-zero", ".")
    assert code == 0
    assert len(reported(out)) == 4
    # A file that does not parse is a finding too (as in ruff); one that cannot be read fails.
    (project / "broken.py").write_text("def (:\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--exit-zero", ".")
    assert code == 0
    assert "broken.py:1:5: invalid-syntax: invalid syntax" in out
    (project / "latin.py").write_bytes(b"x = '\xe9'\n")
    assert run(capsys, "check", "--exit-zero", ".")[0] == 2


def test_show_source(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "app.py").write_text(
        "from flask import abort\n\ndef view():\n\tx = 'é'; abort(404)\n", encoding="utf-8"
    )
    _, out, _ = run(capsys, "check", "--show-source", "app.py")
    assert out == (
        "app.py:4:17: HS101 magic status code 404: use HTTPStatus.NOT_FOUND\n"
        "\tx = 'é'; abort(404)\n"
        "\t" + " " * 15 + "^^^\n"
        "Found 1 finding (1 fixable with fix).\n"
    )


def test_statistics_and_source_need_text(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--format", "sarif", "--statistics", ".")
    assert (code, out) == (2, "")
    assert "--format text or json" in err
    code, out, err = run(capsys, "check", "--format", "json", "--show-source", ".")
    assert (code, out) == (2, "")
    assert "--format text" in err


def test_longest_pattern_not_the_last_in_order(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "test_app.py" sorts after the absolute "…/tests/*" but is shorter: the path pattern wins.
    _, out, _ = run(
        capsys, "check", "--per-file-ignores", "test_app.py:HS2 tests/*:HS1", "tests/test_app.py"
    )
    assert reported(out) == [("tests/test_app.py", "HS201")]


def test_per_file_ignores_for_stdin(project: Path) -> None:
    job, _ = job_for(project, {"per-file-ignores": "stdin:HS1"})
    assert "HS101" not in job.selection_for("-")
    assert "HS101" not in job.selection_for(None)
    assert "HS101" in job.selection_for(str(project / "app.py"))


@pytest.mark.parametrize("select", ["HS1 HS2", "HS1,HS2", " HS1 , hs2 "])
def test_code_lists(project: Path, capsys: pytest.CaptureFixture[str], select: str) -> None:
    _, out, _ = run(capsys, "check", "--select", select, "app.py")
    assert reported(out) == [("app.py", "HS101"), ("app.py", "HS201")]


def test_exclude_list(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "other.py").write_text(APP, encoding="utf-8")
    _, out, _ = run(capsys, "check", "--exclude", "tests/*,other.py", ".")
    assert {path for path, _ in reported(out)} == {"app.py"}


def test_bad_value_names_its_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.flake8-httpstatus]\nstyle = "bogus"\n', encoding="utf-8"
    )
    _, _, err = run(capsys, "check", ".")
    assert f"httpstatus-style (in {project / 'pyproject.toml'}): 'bogus'" in err
    _, _, err = run(capsys, "check", "--httpstatus-style", "nope", ".")
    assert "httpstatus-style: 'nope'" in err


def test_jobs_give_the_same_findings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = reported(run(capsys, "check", ".")[1])
    assert reported(run(capsys, "check", "--jobs", "2", ".")[1]) == one
    assert len(one) == 4

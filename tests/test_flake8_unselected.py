"""flake8 runs every installed plugin whatever it selects: the plugin yields only the codes
flake8 reports (a result it drops still costs flake8 a second tokenization of the file, to look
for its noqa comment), and with none of them selected it does no work at all."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from flake8.checker import FileChecker
from flake8.main import cli

VIEWS = """\
from django.http import HttpResponse


def view(request):
    return HttpResponse("x", status=404)


def gone(request):
    return HttpResponse("x", status=299)
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (root / "views.py").write_text(textwrap.dedent(VIEWS), encoding="utf-8")
    monkeypatch.delenv("FLAKE8_HTTPSTATUS_CACHE_DIR", raising=False)  # the project's own
    return root


def results(project: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> list[str]:
    """The codes every plugin handed flake8, selected or not, in a run from the project."""
    codes: list[str] = []
    report = FileChecker.report

    def recording(
        self: FileChecker, error_code: str | None, line_number: int, column: int, text: str
    ) -> str:
        reported: str = report(self, error_code, line_number, column, text)
        codes.append(reported)
        return reported

    monkeypatch.setattr(FileChecker, "report", recording)
    monkeypatch.chdir(project)
    cli.main(["--isolated", "--jobs=1", "--exit-zero", "--quiet", *args, "."])
    return codes


def test_with_no_code_of_its_selected_the_plugin_does_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert results(project, monkeypatch, "--select=E,W,F") == []
    assert not (project / ".httpstatus_cache").exists()  # the project was not even indexed


def test_only_the_selected_codes_are_handed_to_flake8(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert results(project, monkeypatch, "--select=HS") == ["HS101", "HS201"]
    assert results(project, monkeypatch, "--select=E,HS2") == ["HS201"]
    assert results(project, monkeypatch, "--extend-ignore=HS1") == ["HS201"]
    assert (project / ".httpstatus_cache").is_dir()


def test_with_no_code_of_its_selected_no_project_module_is_imported(project: Path) -> None:
    """flake8 imports every installed plugin in every run: when it reports none of the
    plugin's codes, the project index, the results cache and the candidates' test (and the
    engine) stay unimported."""
    script = (
        "import sys\n"
        "from flake8.main import cli\n"
        "cli.main(['--isolated', '--jobs=1', '--exit-zero', '--quiet', '--select=E,W,F', '.'])\n"
        "print(*sorted(m for m in sys.modules if m.startswith('flake8_httpstatus.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=project, capture_output=True, text=True, check=True
    )
    loaded = set(done.stdout.split())
    assert "flake8_httpstatus.frontends.plugin" in loaded
    assert not loaded & {
        "flake8_httpstatus.project.index",
        "flake8_httpstatus.project.results",
        "flake8_httpstatus.rules.candidates",
        "flake8_httpstatus.analysis.engine",
    }

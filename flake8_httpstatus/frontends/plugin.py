"""The flake8 front end: a thin adapter over the engine.

Only `ast`, the options and the rules' records (with the tables they name) are imported with
it, since flake8 imports every installed plugin in every run; the project index and the results
cache when a run reports one of its codes, the engine when a file is walked, the fixer never.
"""

from __future__ import annotations

import argparse
import ast
import gc
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from flake8_httpstatus import __version__
from flake8_httpstatus.config.options import OPTIONS, settings_from
from flake8_httpstatus.config.settings import Settings, forget_configuration
from flake8_httpstatus.config.versions import read_ahead
from flake8_httpstatus.rules import DEFAULT_OFF, RULES, WHOLE_PROJECT

if TYPE_CHECKING:
    from flake8_httpstatus.core.findings import Finding


def _reported(options: argparse.Namespace) -> frozenset[str] | None:
    """The codes flake8 reports with these options (before per-file-ignores, which only ignore
    more); None for options made by hand, without flake8's selection."""
    from flake8.style_guide import Decision, DecisionEngine

    try:
        decide = DecisionEngine(options).decision_for
        return frozenset(code for code in RULES if decide(code) is Decision.Selected)
    except AttributeError:
        return None


def _argparse_type(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """Turn a parser's ValueError into argparse's one-line 'invalid value' error."""

    def convert(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    convert.__name__ = parse.__name__
    return convert


class Plugin:
    name = "flake8-httpstatus"
    version = __version__

    settings: ClassVar[Settings] = Settings()
    # The rules over the whole project flake8 selects (HS501, HS502): evaluated once per run.
    whole_project: ClassVar[tuple[str, ...]] = ()
    # What flake8 reports (parse_options). A finding of another code is dropped by flake8, but
    # only after it has tokenized the whole file again to look for the finding's noqa comment
    # (the file's first result does that): it is never yielded. With none, a run does no work.
    reported: ClassVar[frozenset[str]] = frozenset(RULES)
    # Whether the collector was told to leave what is loaded so far alone (once per process).
    frozen: ClassVar[bool] = False

    def __init__(self, tree: ast.AST, filename: str, lines: list[str]) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines

    @classmethod
    def add_options(cls, manager: Any) -> None:
        for option in OPTIONS:
            manager.add_option(
                f"--{option.name}",
                type=_argparse_type(option.parse),
                default=option.parse(option.default),
                parse_from_config=True,
                help=option.help,
            )
        manager.extend_default_ignore(DEFAULT_OFF)

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        values = {
            option.field: getattr(options, option.name.replace("-", "_")) for option in OPTIONS
        }
        # flake8's exclusions hold for the project index too (a FIFO excluded is never opened).
        values["exclude"] = (
            *(getattr(options, "exclude", None) or ()),
            *(getattr(options, "extend_exclude", None) or ()),
        )
        cls.settings = settings_from(values)
        reported = _reported(options)
        cls.reported = frozenset(RULES) if reported is None else reported
        # The rules over the whole project only when flake8's selection names them.
        cls.whole_project = tuple(code for code in WHOLE_PROJECT if code in (reported or ()))
        # Once per run. A long-lived flake8 (VS Code's Flake8 extension runs it in its server
        # process) keeps this module's state between runs: read again what changed on disk since
        # (the project's roots, versions, target Python and modules). A fresh process has
        # nothing yet, and a run that reports none of the codes reads none of it.
        forget_configuration()
        if cls.reported:
            from flake8_httpstatus.project import results
            from flake8_httpstatus.project.index import forget_roots, refresh

            forget_roots()
            refresh()
            results.forget()
        if cls.whole_project:
            from flake8_httpstatus.routes.whole import forget

            forget()
        # Before flake8 forks its workers: each inherits the project's versions, warnings and
        # index instead of reading and solving its own.
        filenames = (getattr(options, "filenames", None) or ()) if cls.reported else ()
        for path in filenames:
            from flake8_httpstatus.project.index import preload

            read_ahead(str(path))
            preload(str(path), cls.settings)
            if cls.whole_project:
                cls._project_findings(str(path))
        if not cls.frozen:
            # The tables built at import and the project's index live as long as the run: the
            # collector's full passes need not go over them again (nor touch their pages in the
            # forked workers). Once: a long-lived flake8 must not pin each run's garbage.
            gc.freeze()
            cls.frozen = True

    @classmethod
    def _project_findings(cls, path: str) -> list[Finding]:
        from flake8_httpstatus.routes.whole import findings_in

        name = os.path.join(path, "__init__.py") if os.path.isdir(path) else path
        return findings_in(name, cls.whole_project)

    def run(self) -> Iterator[tuple[int, int, str, type[Plugin]]]:
        if not self.reported:
            return
        if self.whole_project:
            for finding in self._project_findings(self.filename):
                yield finding.line, finding.col, finding.message, type(self)
        from flake8_httpstatus.project import results
        from flake8_httpstatus.project.index import project_for
        from flake8_httpstatus.rules.candidates import candidates_for

        text = "".join(self.lines)
        project = project_for(self.filename, self.settings)
        # A file the candidates' test rejects holds no finding: its walk is skipped.
        if not candidates_for(self.settings).admits(text, project):
            return
        # From the results cache when the file and its project are unchanged since a run.
        found = results.findings(
            self.tree, self.settings, self.filename, project, text, fixes=False
        )
        for finding in found:
            if finding.code in self.reported:
                yield finding.line, finding.col, finding.message, type(self)

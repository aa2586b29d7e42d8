"""Every rule, and the entry point that runs them all over one tree.

The records (codes, messages, defaults) are read by every run, when flake8 registers its
options; the engine and the checks are imported by the first file walked (`_callbacks`), so a
run that walks none never loads them.
"""

from __future__ import annotations

import ast
import functools
from typing import TYPE_CHECKING

from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.rules import codes, documentation, magic_numbers, misuse, protocol
from flake8_httpstatus.rules._rule import FixSafety, Rule, Severity

if TYPE_CHECKING:
    from flake8_httpstatus.analysis.context import Rules
    from flake8_httpstatus.analysis.inference import ModuleFacts, Project

__all__ = [
    "DEFAULT_OFF",
    "RULES",
    "WHOLE_PROJECT",
    "FixSafety",
    "Rule",
    "Severity",
    "check",
    "check_module",
]

RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        *magic_numbers.RULES,
        *codes.RULES,
        *protocol.RULES,
        *misuse.RULES,
        *documentation.RULES,
    )
}
DEFAULT_OFF = tuple(code for code, rule in RULES.items() if not rule.default_enabled)
# The rules the front ends evaluate over the whole project, when selected (Rule.whole_project).
WHOLE_PROJECT = tuple(code for code, rule in RULES.items() if rule.whole_project)


@functools.cache
def _callbacks() -> Rules:
    from flake8_httpstatus.analysis.context import Rules
    from flake8_httpstatus.rules.checks import codes, documentation, magic_numbers, misuse, protocol

    return Rules(
        sites=(magic_numbers.check_site, codes.check_site, protocol.check_site, misuse.check_site),
        constants=(codes.check_constant,),
        imports=(codes.check_import,),
        calls=(misuse.check_call,),
        returns=(protocol.check_return,),
        functions=(protocol.check_function,),
        module=(documentation.check_module,),
        # A literal these flag is the bug itself: HS1xx names no constant for it and `fix`
        # leaves it.
        status_is_wrong=frozenset({"HS303", "HS401", "HS402", "HS403", "HS405"}),
    )


def check(
    tree: ast.AST,
    settings: Settings,
    filename: str | None = None,
    project: Project | None = None,
    source: str | None = None,
) -> list[Finding]:
    """All findings for one parsed file, sorted by position; `project` adds what the
    project's other modules pass on as a status; `source`, the text parsed, saves work."""
    from flake8_httpstatus.analysis.engine import Engine

    return Engine(settings, filename, _callbacks(), project).run(tree, source)


def check_module(
    tree: ast.AST,
    settings: Settings,
    filename: str | None = None,
    project: Project | None = None,
    source: str | None = None,
) -> tuple[list[Finding], ModuleFacts]:
    """`check`, and what the module passes on as a status: the facts the project index reads
    from the same walk (project.facts_of), for the language server's open documents."""
    from flake8_httpstatus.analysis.engine import Engine

    engine = Engine(settings, filename, _callbacks(), project)
    return engine.run(tree, source), engine.collector.facts

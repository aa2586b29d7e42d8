"""The record every rule is: its code, severity, messages, fix safety and doc. Findings are made
through it, and every front end (text, JSON, SARIF, GitHub, the language server, `explain` and
docs/rules/) reads the rule's identity from it, never from the code's digits."""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from flake8_httpstatus.core.findings import Finding, Fix, RawFinding, span


class Severity(Enum):
    """How bad a finding is, one per rule; each front end spells it its own way."""

    ERROR = "error"  # the response breaks HTTP or the framework fails or does something else
    WARNING = "warning"  # works today, but misleads clients or breaks on another version
    INFO = "info"  # readability and API documentation

    @property
    def sarif(self) -> str:
        return "note" if self is Severity.INFO else self.value

    @property
    def github(self) -> str:
        return "notice" if self is Severity.INFO else self.value


class FixSafety(Enum):
    """What applying the rule's fix may change: nothing (safe), behaviour (unsafe, applied only
    with `--unsafe-fixes`), either, as each finding's fix says (mixed: safe where shown to keep
    behaviour), or the rule has no fix."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    MIXED = "mixed"
    NONE = "none"


# The message variant used when a finding's `suggest`ed code has no constant in the file's style.
NO_CONSTANT = "no_constant"
# The variant used when another rule says the status itself is wrong there (`{other}` its code).
STATUS_DOUBTED = "status_doubted"


@dataclass(frozen=True, eq=False)
class Rule:
    code: str
    name: str
    summary: str
    doc: str
    severity: Severity
    # Message templates by variant ("" is the usual one), without the code: `finding` adds it.
    # `{constant}` is filled by the engine with the constant it suggests; `{holder}` (in the
    # NO_CONSTANT variant) with the module that has no constant for the code.
    messages: Mapping[str, str] = field(default_factory=dict)
    fix_safety: FixSafety = FixSafety.NONE
    default_enabled: bool = True
    # Evaluated over the whole project by the front ends (routes/unsent.py), not per file by
    # the engine: only when selected, so that its cost is nothing otherwise.
    whole_project: bool = False
    # For `explain CODE`: why this rule may report that status code, or None when it never does.
    concerns: Callable[[int], str | None] | None = None

    @property
    def url(self) -> str:
        """Where the rule's page is published (docs/rules/ in the repository)."""
        return f"https://github.com/flake8-httpstatus/flake8-httpstatus/blob/main/docs/rules/{self.code}.md"

    @property
    def fixable(self) -> bool:
        return self.fix_safety is not FixSafety.NONE

    def finding(
        self,
        node: ast.AST,
        variant: str = "",
        *,
        suggest: int | None = None,
        spelling: str = "",
        kept: str = "",
        fix: Fix | None = None,
        **fields: object,
    ) -> RawFinding:
        """A finding of this rule at `node`, its message the `variant` template with `fields`."""
        fallback = self.messages.get(NO_CONSTANT, "") if suggest is not None else ""
        doubted = self.messages.get(STATUS_DOUBTED, "") if suggest is not None else ""
        return RawFinding(
            self.code,
            node,
            self.messages[variant],
            fallback=fallback,
            fields=fields,
            suggest=suggest,
            fix=fix,
            spelling=spelling,
            kept=kept,
            doubted=doubted,
        )

    def finding_at(
        self, node: ast.AST, variant: str = "", fix: Fix | None = None, **fields: object
    ) -> Finding:
        """A finding at `node` made outside the engine's walk of one file (a rule over the whole
        project, HS502), its message complete."""
        start, end = span(node)
        message = f"{self.code} {self.messages[variant].format_map(fields)}"
        return Finding(self.code, message, *start, *end, fix)

    def page(self) -> str:
        """The rule's documentation page, as Markdown."""
        state = "on by default" if self.default_enabled else "off by default"
        if self.whole_project:
            state += ", reads the whole project"
        fix = {
            FixSafety.SAFE: "safe fix",
            FixSafety.UNSAFE: "unsafe fix (applied with `--unsafe-fixes`)",
            FixSafety.MIXED: "safe fix where it keeps behaviour, else unsafe (see Fix safety)",
            FixSafety.NONE: "no automatic fix",
        }[self.fix_safety]
        return (
            f"# {self.code}: {self.name}\n\n{self.summary}\n\n"
            f"*severity: {self.severity.value}, {state}, {fix}*\n\n{self.doc.strip()}\n"
        )

"""The record every rule is described by; its `doc` serves `explain` and docs/rules/."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    doc: str
    default_enabled: bool = True
    fixable: bool = False

    @property
    def url(self) -> str:
        """Where the rule's page is published (docs/rules/ in the repository)."""
        return f"https://github.com/flake8-httpstatus/flake8-httpstatus/blob/main/docs/rules/{self.code}.md"

    def page(self) -> str:
        """The rule's documentation page, as Markdown."""
        state = "on by default" if self.default_enabled else "off by default"
        fix = "has a safe fix" if self.fixable else "no automatic fix"
        return f"# {self.code}: {self.name}\n\n{self.summary}\n\n*{state}, {fix}*\n\n{self.doc.strip()}\n"

"""What an editor shows while its document does not parse: the last check's findings moved with
the lines edited since (dropped where their own lines changed, and without their fixes, whose
edits are for the old text), and the parse error itself."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.core import sources
from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.core.positions import split_lines
from flake8_httpstatus.frontends.carried import carried
from flake8_httpstatus.frontends.syntax import syntax_finding


def moved(
    findings: Sequence[Finding], before: Sequence[str], after: Sequence[str]
) -> list[Finding]:
    """`findings` of the lines `before`, at their lines in `after`; those on changed lines go."""
    return [dataclasses.replace(f, fix=None) for f in carried(findings, before, after, None)]


def parse_failure(text: str, filename: str | None, settings: Settings) -> Finding | None:
    """The finding for a text the parser rejects; None when it parses, or fails otherwise
    (too deeply nested: nothing to point at)."""
    try:
        sources.parse(sources.Source(filename or "-", b"", text, "utf-8", False))
    except sources.ParseError as error:
        return syntax_finding(error, split_lines(text), filename, settings)
    except sources.SourceError:
        return None
    return None


def while_unparsed(
    findings: Sequence[Finding],
    before: Sequence[str],
    text: str,
    filename: str | None,
    settings: Settings,
) -> list[Finding]:
    """What to show for `text`, which does not parse, after `findings` of the lines `before`."""
    shown = moved(findings, before, split_lines(text))
    failure = parse_failure(text, filename, settings)
    if failure is not None:
        shown.append(failure)
    return sorted(shown, key=lambda finding: (finding.line, finding.col))

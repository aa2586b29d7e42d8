"""GitLab Code Quality: the JSON list GitLab reads from a `codequality` report artifact, with the
fields it uses (description, check_name, fingerprint, severity, location), as ruff writes it."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flake8_httpstatus.frontends.located import Located, body, char_column, severity
from flake8_httpstatus.rules import Severity

# GitLab's severities: info, minor, major, critical, blocker.
_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _path(path: str) -> str:
    """Relative to the repository, as GitLab links it: to $CI_PROJECT_DIR in CI, else to the
    current directory."""
    if path == "-":
        return path
    base = os.environ.get("CI_PROJECT_DIR") or os.getcwd()
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def gitlab(findings: Sequence[Located]) -> str:
    """The report. A fingerprint names a finding across pipelines, so it leaves out the line
    (code above may move it) and counts the same finding repeated in one file instead."""
    seen: dict[tuple[str, str, str], int] = {}
    issues: list[dict[str, Any]] = []
    for path, lines, finding in findings:
        shown = _path(path)
        key = (shown, finding.code, finding.message)
        seen[key] = seen.get(key, 0) + 1
        fingerprint = hashlib.sha256("\0".join((*key, str(seen[key]))).encode()).hexdigest()
        issues.append(
            {
                "check_name": finding.code,
                "description": f"{finding.code}: {body(finding)}",
                "severity": _SEVERITY[severity(finding.code)],
                "fingerprint": fingerprint[:16],
                "location": {
                    "path": shown,
                    "positions": {
                        "begin": {"line": finding.line, "column": char_column(lines, finding)},
                        "end": {
                            "line": finding.end_line,
                            "column": char_column(lines, finding, end=True),
                        },
                    },
                },
            }
        )
    return json.dumps(issues, indent=2)

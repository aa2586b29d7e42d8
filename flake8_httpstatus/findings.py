"""What the engine reports: a finding with its exact span and, where fixable, its fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportSpec:
    """An import a fix needs: `from module import name [as asname]`, or `import module`."""

    module: str
    name: str | None = None
    asname: str | None = None

    def statement(self) -> str:
        if self.name is None:
            return f"import {self.module}"
        alias = f" as {self.asname}" if self.asname else ""
        return f"from {self.module} import {self.name}{alias}"


@dataclass(frozen=True)
class Fix:
    """Replace the finding's span with `replacement`, adding `needs` to the imports if set."""

    replacement: str
    needs: ImportSpec | None = None


@dataclass(frozen=True)
class Finding:
    """One problem. Lines are 1-based; columns are 0-based UTF-8 byte offsets, as in `ast`."""

    code: str
    message: str
    line: int
    col: int
    end_line: int
    end_col: int
    fix: Fix | None = None

"""A coverage-guided fuzz target for the engine and the fixer (atheris, libFuzzer).

Run locally (not in CI, which fuzzes with hypothesmith in tests/test_fuzz.py):

    pip install atheris
    python fuzz/engine_atheris.py -max_total_time=300 /tmp/hs-corpus tests/fixtures/checks

(the first directory collects the corpus; the fixtures seed it).

Inputs that Python cannot parse are skipped; any exception from the engine, or a fix that
does not parse or is not a fixed point, is a crash that atheris saves as a reproducer.
"""

from __future__ import annotations

import ast
import sys

import atheris

with atheris.instrument_imports():
    from flake8_httpstatus.config.settings import Settings
    from flake8_httpstatus.fixes.fixer import fix_text
    from flake8_httpstatus.rules import check

SETTINGS = Settings()


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(8192)
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return
    findings = check(tree, SETTINGS)
    fixed = fix_text(text, findings).text
    if fixed != text:
        again = fix_text(fixed, check(ast.parse(fixed), SETTINGS)).text
        assert again == fixed, "the fix is not a fixed point"


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

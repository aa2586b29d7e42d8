"""The language server with every check of a document after its first held until a file named
as the document plus ".go" exists beside it, so a test can ask while a check runs however fast
the machine is (`python tests/lsp_gated_server.py`). Only the check's start is held; all else
is the real server."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from flake8_httpstatus.frontends import lsp

_check = lsp.check_snapshot


def held(taken: lsp.Snapshot) -> lsp.Checked:
    if taken.previous is not None and taken.filename is not None:
        gate = Path(taken.filename + ".go")
        while not gate.exists():
            time.sleep(0.01)
    return _check(taken)


if __name__ == "__main__":
    lsp.check_snapshot = held
    sys.exit(lsp.start())

"""The language server's latency, measured with a real client over stdio.

- diagnostics: from a `didChange` of a 5,000-line file to its `publishDiagnostics`
  (the 50 ms debounce included). Target: within 100 ms. Measured for the file outside any
  project and inside one (a pyproject.toml beside it: the project index takes each change),
  with the server process's own CPU time per change (from /proc, on Linux), which a busy
  machine does not inflate as much as the wall time.
- hover: a hover request's round trip on that file. Target: within 20 ms.
- fix all: the round trip of a code action request that offers "Fix all HTTP status findings"
  (one edit per finding), on that file. Target: within 150 ms.

Usage: python benchmarks/bench_lsp.py [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

BLOCK = """

def view_{n}(request, pk):
    if pk is None:
        return HttpResponse(status=404)
    response = HttpResponse("é😀 ok")
    response["X-Id"] = str(pk)
    return JsonResponse({{"pk": pk, "page": {n}}}, status=HTTPStatus.OK)
"""


def document(lines: int) -> str:
    header = "from http import HTTPStatus\n\nfrom django.http import HttpResponse, JsonResponse\n"
    blocks, n = [header], 0
    while sum(block.count("\n") for block in blocks) < lines:
        blocks.append(BLOCK.format(n=n))
        n += 1
    return "".join(blocks)


async def run(rounds: int) -> None:
    client = LanguageClient("bench", "1")
    published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator]
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    await client.start_io(sys.executable, "-m", "flake8_httpstatus", "lsp")
    with tempfile.TemporaryDirectory() as tmp:
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(), root_uri=Path(tmp).as_uri()
            )
        )
        client.initialized(types.InitializedParams())
        assert client._server is not None
        pid = client._server.pid
        project = Path(tmp) / "project"
        project.mkdir()
        (project / "pyproject.toml").write_text("[project]\nname = 'bench'\n", encoding="utf-8")
        rows = []
        for path in (Path(tmp) / "big.py", project / "big.py"):
            text = document(5000)
            path.write_text(text, encoding="utf-8")
            uri = path.as_uri()
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(
                    types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)
                )
            )
            first = await published.get()
            changes, cpu = [], []
            for version in range(2, rounds + 2):
                text = text.replace("status=404", "status=410" if version % 2 else "status=404", 1)
                start, used = time.perf_counter(), cpu_seconds(pid)
                client.text_document_did_change(
                    types.DidChangeTextDocumentParams(
                        text_document=types.VersionedTextDocumentIdentifier(
                            uri=uri, version=version
                        ),
                        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
                    )
                )
                await published.get()
                changes.append(time.perf_counter() - start)
                cpu.append(cpu_seconds(pid) - used)
            rows.append((path.parent == project, changes, cpu))
        line = next(i for i, text_line in enumerate(text.splitlines()) if "status=404" in text_line)
        column = text.splitlines()[line].index("404") + 1
        hovers = []
        for _ in range(rounds * 2):
            start = time.perf_counter()
            await client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    position=types.Position(line=line, character=column),
                )
            )
            hovers.append(time.perf_counter() - start)
        fix_alls = []
        edits = 0
        for _ in range(rounds):
            start = time.perf_counter()
            actions = await client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    range=types.Range(types.Position(line, column), types.Position(line, column)),
                    context=types.CodeActionContext(diagnostics=[]),
                )
            )
            fix_alls.append(time.perf_counter() - start)
            (fix_all,) = [
                action
                for action in actions or []
                if isinstance(action, types.CodeAction) and action.title.startswith("Fix all")
            ]
            assert fix_all.edit is not None
            assert fix_all.edit.changes is not None
            edits = len(fix_all.edit.changes[uri])
        await client.shutdown_async(None)
        client.exit(None)
    await client.stop()  # type: ignore[no-untyped-call]
    lines = text.count("\n")
    print(f"document: {lines} lines, {len(first.diagnostics)} diagnostics")
    for in_project, wall, cpu in rows:
        print(
            f"change -> diagnostics{' (in a project)' if in_project else ''}: "
            f"median {statistics.median(wall) * 1000:.0f} ms, max {max(wall) * 1000:.0f} ms "
            f"over {len(wall)} changes (target <= 100 ms); the server's CPU time: "
            f"median {statistics.median(cpu) * 1000:.0f} ms"
        )
    print(
        f"hover: median {statistics.median(hovers) * 1000:.1f} ms, "
        f"max {max(hovers) * 1000:.1f} ms over {len(hovers)} requests (target <= 20 ms)"
    )
    print(
        f"fix all ({edits} edits): median {statistics.median(fix_alls) * 1000:.0f} ms, "
        f"max {max(fix_alls) * 1000:.0f} ms over {len(fix_alls)} requests (target <= 150 ms); "
        f"{statistics.median(fix_alls) / statistics.median(rows[0][1]):.2f}x a diagnostics round"
    )
    print(f"fix all, the server's part in-process: median {fix_all_in_process(text):.0f} ms")


def cpu_seconds(pid: int) -> float:
    """The CPU time a process has run (Linux's /proc/PID/schedstat, in ns); 0 elsewhere."""
    try:
        with open(f"/proc/{pid}/schedstat", encoding="ascii") as stat:
            return int(stat.read().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def fix_all_in_process(text: str) -> float:
    """The server's own work for "Fix all": the findings' edits as LSP text edits."""
    from flake8_httpstatus.frontends.lsp import _fix_action, findings_for
    from flake8_httpstatus.frontends.runner import job_for

    findings = findings_for(text, job_for(None)[0], None) or []
    fixable = [f for f in findings if f.fix is not None and f.fix.safe]
    times = []
    for _ in range(10):
        start = time.perf_counter()
        _fix_action("file:///big.py", "Fix all", text, fixable, [], False)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    asyncio.run(run(parser.parse_args().rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The language server's latency, measured with a real client over stdio.

- diagnostics: from a `didChange` of a 5,000-line file to its `publishDiagnostics`
  (the 50 ms debounce included). Target: within 100 ms.
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
        text = document(5000)
        uri = (Path(tmp) / "big.py").as_uri()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)
            )
        )
        first = await published.get()
        changes = []
        for version in range(2, rounds + 2):
            text = text.replace("status=404", "status=410" if version % 2 else "status=404", 1)
            start = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
                )
            )
            await published.get()
            changes.append(time.perf_counter() - start)
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
    print(
        f"change -> diagnostics: median {statistics.median(changes) * 1000:.0f} ms, "
        f"max {max(changes) * 1000:.0f} ms over {len(changes)} changes (target <= 100 ms)"
    )
    print(
        f"hover: median {statistics.median(hovers) * 1000:.1f} ms, "
        f"max {max(hovers) * 1000:.1f} ms over {len(hovers)} requests (target <= 20 ms)"
    )
    print(
        f"fix all ({edits} edits): median {statistics.median(fix_alls) * 1000:.0f} ms, "
        f"max {max(fix_alls) * 1000:.0f} ms over {len(fix_alls)} requests (target <= 150 ms); "
        f"{statistics.median(fix_alls) / statistics.median(changes):.2f}x a diagnostics round"
    )
    print(f"fix all, the server's part in-process: median {fix_all_in_process(text):.0f} ms")


def fix_all_in_process(text: str) -> float:
    """The server's own work for "Fix all": the findings' edits as LSP text edits."""
    from flake8_httpstatus.lsp import _fix_action, findings_for
    from flake8_httpstatus.runner import job_for

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

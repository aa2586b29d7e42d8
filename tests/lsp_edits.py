"""Applying a language server's text edits to a document, as a client does."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    """LSP's rule: every range refers to the document before any edit."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(position: types.Position) -> int:
        line = lines[position.line] if position.line < len(lines) else ""
        units = line.encode("utf-16-le")[: position.character * 2].decode("utf-16-le")
        return starts[min(position.line, len(starts) - 1)] + len(units)

    spans = sorted(
        ((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True
    )
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text

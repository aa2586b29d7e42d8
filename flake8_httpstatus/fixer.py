"""Apply the engine's fixes with LibCST: replace each finding's span with its replacement and add
the import it needs. Nothing is detected here; LibCST is imported only when a file has a fix."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flake8_httpstatus.findings import Finding
from flake8_httpstatus.positions import byte_to_char

if TYPE_CHECKING:
    import libcst as cst


_LINE_BREAK = re.compile(r"\r\n|\r|\n")

Span = tuple[int, int, int, int]


@dataclass(frozen=True)
class FixResult:
    text: str
    applied: tuple[Finding, ...]


def _char_span(lines: list[str], finding: Finding) -> Span:
    """The finding's span in LibCST's units: 1-based lines, code point columns."""
    start = byte_to_char(lines[finding.line - 1], finding.col)
    end = byte_to_char(lines[finding.end_line - 1], finding.end_col)
    return finding.line, start, finding.end_line, end


def fix_text(text: str, findings: Sequence[Finding]) -> FixResult:
    """`text` with every fixable finding applied; unchanged (and unparsed) when there is none."""
    fixable = [finding for finding in findings if finding.fix is not None]
    if not fixable:
        return FixResult(text, ())
    import libcst as cst
    from libcst.codemod import CodemodContext
    from libcst.codemod.visitors import AddImportsVisitor
    from libcst.metadata import MetadataWrapper

    lines = _LINE_BREAK.split(text)
    wanted: dict[Span, Finding] = {}
    for finding in fixable:
        wanted.setdefault(_char_span(lines, finding), finding)
    wrapper = MetadataWrapper(cst.parse_module(text))
    replacer, applied_list = _replacer(wanted)
    module = wrapper.visit(replacer)
    applied = tuple(applied_list)
    context = CodemodContext()
    needed = False
    for finding in applied:
        needs = finding.fix.needs if finding.fix is not None else None
        if needs is not None:
            needed = True
            if needs.name is None:
                AddImportsVisitor.add_needed_import(context, needs.module)
            else:
                AddImportsVisitor.add_needed_import(context, needs.module, needs.name, needs.asname)
    if needed:
        module = AddImportsVisitor(context).transform_module(module)
    return FixResult(module.code, applied)


def _replacer(wanted: dict[Span, Finding]) -> tuple[cst.CSTTransformer, list[Finding]]:
    """A LibCST transformer that swaps each wanted span for its replacement, and the list of
    findings it applies; made here so that importing this module does not import LibCST."""
    import libcst as cst
    from libcst.metadata import PositionProvider

    class Replacer(cst.CSTTransformer):
        METADATA_DEPENDENCIES = (PositionProvider,)

        def on_leave(  # type: ignore[override]
            self, original_node: cst.CSTNode, updated_node: cst.CSTNode
        ) -> cst.CSTNode:
            if not isinstance(original_node, cst.BaseExpression):
                return updated_node
            position = self.get_metadata(PositionProvider, original_node, None)
            if position is None:
                return updated_node
            key = (
                position.start.line,
                position.start.column,
                position.end.line,
                position.end.column,
            )
            finding = wanted.pop(key, None)
            if finding is None or finding.fix is None:
                return updated_node
            applied.append(finding)
            return _replacement(finding.fix.replacement, updated_node)

    applied: list[Finding] = []
    return Replacer(), applied


def _replacement(text: str, old: cst.CSTNode) -> cst.CSTNode:
    import libcst as cst

    new = cst.parse_expression(text)
    lpar = getattr(old, "lpar", ())
    rpar = getattr(old, "rpar", ())
    if lpar or rpar:
        # Keep the parentheses the literal had: `(404)` becomes `(HTTPStatus.NOT_FOUND)`.
        new = new.with_changes(lpar=lpar, rpar=rpar)
    return new

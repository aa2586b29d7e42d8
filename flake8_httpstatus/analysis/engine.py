"""The detection engine: one pass over a stdlib `ast` tree, yielding findings.

The walk visits nodes in source order, resolving names through the file's imports as they are
met. The recognizers (analysis/recognizers/, one module per syntactic family) recognise every
place that holds a status (framework calls from `frameworks`, view return tuples, status
attributes, comparisons, status mappings) as a `Site`, and the engine hands it to the rules.
Rules return raw findings; the constant a message suggests is chosen once the walk is over,
when the file's whole import style is known.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from typing import Any

from flake8_httpstatus.analysis import inference, traversal
from flake8_httpstatus.analysis.context import FileContext, ReturnedUse, Rules, Scope
from flake8_httpstatus.analysis.naming import ConstantNamer, runtime_imports
from flake8_httpstatus.analysis.recognizers import (
    assignments,
    calls,
    classes,
    comparisons,
    loops,
    returns,
    scopes,
)
from flake8_httpstatus.analysis.sites import Site
from flake8_httpstatus.config.settings import Settings, Versions, python_target
from flake8_httpstatus.core.findings import Finding, Fix, RawFinding


class Engine:
    """Runs the rules over one tree. Create one per file.

    The one context object every recognizer receives: the file's context (`ctx`), the rules,
    the project, the collector of what the file passes on, and what the walk has seen so far
    of calls (assigned, raised, returned), tables and `add_callback` callbacks."""

    def __init__(
        self,
        settings: Settings,
        filename: str | None,
        rules: Rules,
        project: inference.Project | None = None,
        module: tuple[str, bool] | None = None,
    ) -> None:
        """`module`: the dotted name the project knows the file by, and whether it is a
        package's `__init__` (by default, what `project` says)."""
        self._arguments = (settings, filename, rules, project, module)
        self.filename = filename
        python, python_source = python_target(filename, settings)
        versions = Versions(python, settings.library_versions, filename, python_source)
        self.ctx = FileContext(settings, versions)
        self.rules = rules
        # What the project's own code passes on as a status (see inference.py).
        self.project = project
        if module is None:
            module = project.module_of(filename) if project else ("", False)
        self.collector = inference.Collector(*module)
        self.raw: list[RawFinding] = []
        self.extra_calls = {sink.qualified_name: sink.sink() for sink in settings.extra_sinks}
        self.call_last_names = (
            calls.CALL_LAST_NAMES | {name.rpartition(".")[2] for name in self.extra_calls}
            if self.extra_calls
            else calls.CALL_LAST_NAMES
        )
        # Calls whose result is assigned to a name, and calls that are raised.
        self.assigned: dict[int, str] = {}
        self.raised: set[int] = set()
        self.returned: set[int] = set()
        # The rows of tables looped over, once reported.
        self.tabled: set[int] = set()
        # `responses.add_callback` callbacks: the names passed, and every function's returned
        # 3-tuples (its name, the tuple, the scopes), tied together after the walk.
        self.callbacks: set[str] = set()
        self.callback_returns: list[tuple[str, ast.Tuple, tuple[Scope, ...]]] = []
        # Comparisons with names bound to what the project's callables return.
        self.returned_uses: list[ReturnedUse] = []

    def run(self, tree: ast.AST, source: str | None = None) -> list[Finding]:
        """The findings in `tree`; `source`, the text it was parsed from, if the caller has it
        (it spares the walk of the scopes where no name a fix would write is in it)."""
        self.ctx.tree = tree
        try:
            _WALKER.recursive(self, tree)
        except RecursionError:
            # Nested deeper than recursion allows: start over, on a walk that does not recurse.
            self.__init__(*self._arguments)  # type: ignore[misc]
            self.ctx.tree = tree
            _WALKER.iterative(self, tree)
        calls.callback_sites(self)
        loops.inferred_sites(self)
        for module_rule in self.rules.module:
            self.report(module_rule(self.ctx))
        if not self.raw:
            return []  # most files: no constant to name, so no imports to read
        ctx = self.ctx
        namer = ConstantNamer(
            ctx.settings.style,
            runtime_imports(getattr(tree, "body", ())),
            ctx.packages,
            ctx.style_uses,
            ctx.versions,
            tree,
            source,
        )
        wrong = {id(r.node): r.code for r in self.raw if r.code in self.rules.status_is_wrong}
        findings = [_render(raw, namer, wrong.get(id(raw.node))) for raw in self.raw]
        findings.sort(key=lambda finding: (finding.line, finding.col, finding.code))
        return findings

    def report(self, findings: Iterable[RawFinding]) -> None:
        self.raw.extend(findings)

    def site(self, site: Site) -> None:
        for rule in self.rules.sites:
            self.report(rule(self.ctx, site))


# Each node type's recognizer; the walk calls it as `handler(engine, node)`.
_HANDLERS: dict[type, Callable[[Engine, Any], None]] = {
    ast.Raise: calls.raise_,
    ast.Import: scopes.import_,
    ast.ImportFrom: scopes.import_from,
    ast.Call: calls.call,
    ast.Compare: comparisons.compare,
    ast.Assign: assignments.assign,
    ast.AnnAssign: assignments.ann_assign,
    ast.AugAssign: scopes.aug_assign,
    ast.Return: returns.return_,
    ast.Yield: returns.yield_,
    ast.Match: comparisons.match,
    ast.Attribute: classes.attribute,
    ast.For: loops.for_,
    ast.AsyncFor: loops.for_,
    ast.With: scopes.with_,
    ast.AsyncWith: scopes.with_,
    ast.NamedExpr: scopes.named_expr,
    ast.ExceptHandler: scopes.except_handler,
    ast.Dict: classes.dict_,
    ast.BinOp: classes.bin_op,
}


_WALKER = traversal.Walker(_HANDLERS, scopes.enter, scopes.exit)


def _render(raw: RawFinding, namer: ConstantNamer, wrong: str | None) -> Finding:
    node = raw.node
    template, fields, fix = raw.message, dict(raw.fields), raw.fix
    suggestion = None
    if wrong is not None and raw.doubted:
        template, fields["other"], fix = raw.doubted, wrong, None
    elif raw.suggest is not None:
        suggestion = namer.suggest(raw.suggest, node, raw.spelling, raw.kept)
        if suggestion is None:
            template, fields["holder"] = raw.fallback, namer.holder
        else:
            fields["constant"] = suggestion.text
            if suggestion.fixable:
                fix = Fix.replace(node, suggestion.text, suggestion.needs, suggestion.safe)
    message = f"{raw.code} {template.format_map(fields)}"
    if suggestion is not None and suggestion.note:
        message += f" ({suggestion.note})"
    return Finding(
        raw.code,
        message,
        node.lineno,  # type: ignore[attr-defined]
        node.col_offset,  # type: ignore[attr-defined]
        getattr(node, "end_lineno", None) or node.lineno,  # type: ignore[attr-defined]
        getattr(node, "end_col_offset", None) or node.col_offset,  # type: ignore[attr-defined]
        fix,
    )

"""The `flake8-httpstatus` command: the registry and the rule docs, served."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from flake8_httpstatus import __version__
from flake8_httpstatus.explain import code_to_json, explain_code, explain_rule, list_codes
from flake8_httpstatus.registry import all_codes, search
from flake8_httpstatus.rules import RULES

_CLASSES = ("1xx", "2xx", "3xx", "4xx", "5xx")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="flake8-httpstatus",
        description="Lint HTTP status codes in Python web-framework code.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    explain = commands.add_parser("explain", help="explain a status code (404) or a rule (HS101)")
    explain.add_argument("subject", help="a status code such as 404, or a rule code such as HS101")

    codes = commands.add_parser("codes", help="list status codes, grouped by class")
    codes.add_argument("--class", dest="status_class", choices=_CLASSES, help="only this class")
    codes.add_argument(
        "--search", metavar="TEXT", help="match code, phrase, description, use cases"
    )
    codes.add_argument(
        "--all", action="store_true", help="the whole registry, not only the reference's codes"
    )
    codes.add_argument("--json", action="store_true", help="print a JSON list")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "explain":
        return _explain(args.subject)
    return _codes(args)


def _explain(subject: str) -> int:
    text = subject.strip().upper()
    if text in RULES:
        print(explain_rule(RULES[text]))
        return 0
    if text.isdigit():
        print(explain_code(int(text)))
        return 0
    rules = ", ".join(RULES)
    print(
        f"flake8-httpstatus: error: {subject!r} is neither a status code nor a rule ({rules})",
        file=sys.stderr,
    )
    return 2


def _codes(args: argparse.Namespace) -> int:
    universe = all_codes() if args.all else tuple(entry for entry in all_codes() if entry.in_seed)
    shown = search(args.search, universe) if args.search else list(universe)
    if args.status_class:
        shown = [entry for entry in shown if entry.status_class == args.status_class]
    if args.json:
        print(json.dumps([code_to_json(entry) for entry in shown], indent=2, ensure_ascii=False))
    else:
        print(list_codes(shown, len(universe)))
    return 0

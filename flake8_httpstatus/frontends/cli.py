"""The `flake8-httpstatus` command: `check` and `fix` without flake8, and the registry and
the rule docs, served by `explain` and `codes`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from flake8_httpstatus import __version__
from flake8_httpstatus.config.files import PER_FILE_IGNORES, RUNNER_KEYS, ConfigError
from flake8_httpstatus.config.options import OPTIONS
from flake8_httpstatus.config.settings import Settings, Versions, python_target
from flake8_httpstatus.frontends.explain import (
    code_to_json,
    explain_code,
    explain_name,
    explain_rule,
    list_codes,
    unknown_code,
)
from flake8_httpstatus.frontends.route_report import FORMATS as ROUTE_FORMATS
from flake8_httpstatus.frontends.runner import (
    FileResult,
    Job,
    discover,
    excluded_by_name,
    job_for,
    process,
    run,
)
from flake8_httpstatus.knowledge.registry import all_codes, lookup, search
from flake8_httpstatus.rules import RULES

_CLASSES = ("1xx", "2xx", "3xx", "4xx", "5xx")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def _status_class(text: str) -> str:
    """`4xx`, `4XX` or `4` as `4xx`."""
    value = text.strip().lower()
    value = f"{value}xx" if len(value) == 1 else value
    if value not in _CLASSES:
        raise argparse.ArgumentTypeError(f"{text!r} is not a status class (1xx to 5xx, or 1 to 5)")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="flake8-httpstatus",
        description="Lint HTTP status codes in Python web-framework code.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    explain = commands.add_parser(
        "explain", help="explain a status code (404), a rule (HS101) or a constant's name"
    )
    explain.add_argument(
        "subject",
        help="a status code such as 404, a rule code such as HS101, or a constant such as "
        "HTTP_422_UNPROCESSABLE_ENTITY (which versions have it, and this project's)",
    )

    codes = commands.add_parser("codes", help="list status codes, grouped by class")
    codes.add_argument(
        "--class",
        dest="status_class",
        type=_status_class,
        metavar="{1xx,2xx,3xx,4xx,5xx}",
        help="only this class (4xx, 4XX or 4)",
    )
    codes.add_argument(
        "--search", metavar="TEXT", help="match code, phrase, description, use cases"
    )
    codes.add_argument(
        "--all", action="store_true", help="the whole registry, not only the reference's codes"
    )
    codes.add_argument("--json", action="store_true", help="print a JSON list")

    check = commands.add_parser("check", help="report findings, without flake8")
    _common(check)
    check.add_argument(
        "--format",
        choices=("text", "json", "sarif", "github", "gitlab", "junit"),
        default="text",
        help="text (default), json, sarif (2.1.0), github (Actions annotations), gitlab (Code "
        "Quality) or junit (XML)",
    )
    writes = check.add_mutually_exclusive_group()
    writes.add_argument("--fix", action="store_true", help="apply the fixes, as `fix` does")
    writes.add_argument(
        "--add-noqa",
        action="store_true",
        help="append `# noqa: HSxxx` to each line with a finding (joining an existing noqa)",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="count findings per code instead of listing them, as ruff does (text or json)",
    )
    check.add_argument(
        "--show-source",
        action="store_true",
        help="show each finding's line, with carets under it (text output)",
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings"
    )
    _unsafe(check)

    fix = commands.add_parser("fix", help="replace magic numbers and bad constants in place")
    _common(fix)
    fix.add_argument("--diff", action="store_true", help="print a unified diff, write nothing")
    fix.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when something would change"
    )
    _unsafe(fix)
    commands.add_parser("lsp", help="start the language server on stdio (extra [lsp])")
    routes = commands.add_parser(
        "routes", help="list the project's routes: statuses sent, documented and tested"
    )
    routes.add_argument("path", nargs="?", default=".", metavar="PATH", help="the project")
    routes.add_argument("--format", choices=ROUTE_FORMATS, default="text")
    routes.add_argument(
        "--openapi",
        metavar="FILE",
        help="an OpenAPI document (JSON) whose operations' statuses count as documented",
    )
    return parser


def _unsafe(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="also apply the fixes that change what the code does (each rule's page says which)",
    )


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or directories; - reads standard input"
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="the file that standard input stands for (ruff's option): its per-file-ignores, "
        "exclusion, project and versions apply; nothing is written to it",
    )
    parser.add_argument(
        "--force-exclude",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="skip a named file when a directory on its path is excluded, too (ruff's option; "
        "without it, as in flake8, a named file is skipped when its name or path matches)",
    )
    parser.add_argument("--select", metavar="CODES", help="rule codes or prefixes to report")
    parser.add_argument("--ignore", metavar="CODES", help="rule codes or prefixes to leave out")
    parser.add_argument(
        "--exclude", metavar="PATTERNS", help="comma-separated glob patterns of paths to skip"
    )
    parser.add_argument(
        "--per-file-ignores",
        metavar="MAPPING",
        help="codes to ignore per file, in flake8's syntax: 'tests/*:HS104 migrations/*:HS'",
    )
    for option in OPTIONS:
        parser.add_argument(f"--{option.name}", dest=option.name, metavar="VALUE", help=option.help)
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="processes to use (default 1; 0 for one per CPU)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (`codes | head`): stop quietly, as other command-line tools do,
        # and keep the interpreter's final flush from reporting the closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "explain":
        return _explain(args.subject)
    if args.command == "codes":
        return _codes(args)
    if args.command == "lsp":
        return _lsp()
    if args.command == "routes":
        return _routes(args.path, args.format, args.openapi)
    if args.command == "check" and args.format != "text" and args.show_source:
        print("flake8-httpstatus: error: --show-source is for --format text", file=sys.stderr)
        return 2
    if args.command == "check" and args.format not in ("text", "json") and args.statistics:
        print(
            "flake8-httpstatus: error: --statistics is for --format text or json", file=sys.stderr
        )
        return 2
    if not args.paths and not args.stdin_filename:
        print(
            "flake8-httpstatus: error: give a PATH, or - (or --stdin-filename) for standard input",
            file=sys.stderr,
        )
        return 2
    if args.command == "check" and args.add_noqa and _reads_stdin(args):
        print(
            "flake8-httpstatus: error: --add-noqa writes files; it cannot read standard input",
            file=sys.stderr,
        )
        return 2
    try:
        job, excludes = _job(args)
    except ConfigError as error:
        print(f"flake8-httpstatus: error: {error}", file=sys.stderr)
        return 2
    return _lint(args, job, excludes)


def _job(args: argparse.Namespace) -> tuple[Job, tuple[str, ...]]:
    """Settings from the configuration file, then the command line, which wins."""
    overrides = {
        option.name.removeprefix("httpstatus-"): getattr(args, option.name)
        for option in OPTIONS
        if getattr(args, option.name) is not None
    }
    overrides.update({key: getattr(args, key) for key in RUNNER_KEYS if getattr(args, key)})
    if args.per_file_ignores:
        overrides[PER_FILE_IGNORES] = args.per_file_ignores
    mode = "check"
    if args.command == "fix":
        mode = "diff" if args.diff or args.check else "fix"
    elif args.fix:
        mode = "fix"
    elif args.add_noqa:
        mode = "noqa"
    return job_for(Path.cwd(), overrides, mode, args.unsafe_fixes)


def _reads_stdin(args: argparse.Namespace) -> bool:
    return bool(args.paths == ["-"] or (not args.paths and args.stdin_filename))


def _lint(args: argparse.Namespace, job: Job, excludes: tuple[str, ...]) -> int:
    errors: list[str] = []
    results: list[FileResult] = []
    stdin = _reads_stdin(args)
    if stdin:
        raw = sys.stdin.buffer.read()
        name = args.stdin_filename or "-"
        if name == "-" or not excluded_by_name(name, excludes, args.force_exclude):
            results.append(process(name, job, raw))
        elif args.command == "fix" and not (args.diff or args.check):
            sys.stdout.buffer.write(raw)  # an editor replaces its text with what it reads
    else:
        files = list(discover(args.paths, excludes, errors, args.force_exclude))
        jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
        results = run(files, job, jobs)
    errors += [result.error for result in results if result.error]
    fixed = sum(result.fixed for result in results)
    if args.command == "fix":
        for result in results:
            if stdin and result.text is not None and not args.check:
                sys.stdout.write(result.text if not args.diff else result.diff)
            elif args.diff and result.diff:
                sys.stdout.write(result.diff)
            elif result.fixed and not args.check:
                print(f"Fixed {result.fixed} in {result.path}", file=sys.stderr)
            elif result.fixed:
                print(f"Would fix {result.fixed} in {result.path}", file=sys.stderr)
            if result.long_lines:
                lines = ", ".join(str(line) for line in result.long_lines)
                print(
                    f"{result.path}: line(s) {lines} longer than {result.line_length} "
                    "characters after the fix: run your formatter",
                    file=sys.stderr,
                )
    elif job.mode == "noqa":
        added = sum(result.noqa_added for result in results)
        print(f"Added {added} noqa {'directive' if added == 1 else 'directives'}.", file=sys.stderr)
    else:
        from flake8_httpstatus.frontends.report import (
            render,
            statistics,
            statistics_json,
            summary,
        )

        if args.statistics and args.format == "json":
            output = statistics_json(results, job.unsafe_fixes)
        elif args.statistics:
            output = statistics(results, job.unsafe_fixes)
        else:
            output = render(results, args.format, show_source=args.show_source)
        if output:
            print(output)
        if args.format == "text" and output:
            print(summary(results, job.unsafe_fixes))
        if fixed:
            print(f"Fixed {fixed} finding(s).", file=sys.stderr)
    for error in errors:
        print(f"flake8-httpstatus: error: {error}", file=sys.stderr)
    if errors:
        return 2
    if args.command == "fix":
        return 1 if fixed else 0
    if job.mode == "noqa" or args.exit_zero:
        return 0
    return 1 if any(result.findings for result in results) else 0


def _routes(path: str, output: str, openapi: str | None) -> int:
    from flake8_httpstatus.frontends.route_report import render
    from flake8_httpstatus.routes.openapi import OpenAPIError, read
    from flake8_httpstatus.routes.table import route_map

    root = Path(path)
    if not root.is_dir():
        print(f"flake8-httpstatus: error: {path}: not a directory", file=sys.stderr)
        return 2
    document = None
    if openapi is not None:
        try:
            document = read(Path(openapi), _shown(Path(openapi), root))
        except OpenAPIError as unread:
            print(f"flake8-httpstatus: error: {unread}", file=sys.stderr)
            return 2
    found = route_map(root, document)
    print(render(found, output))
    for error in found.errors:
        print(f"flake8-httpstatus: error: {error}", file=sys.stderr)
    return 0


def _shown(path: Path, root: Path) -> str:
    """A file as the route map shows it: relative to the project when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _lsp() -> int:
    try:
        from flake8_httpstatus.frontends.lsp import start
    except ImportError:
        print(
            "flake8-httpstatus: error: the language server needs the lsp extra (pygls): "
            "pip install 'pygls>=2,<3'",
            file=sys.stderr,
        )
        return 2
    return start()


def _explain(subject: str) -> int:
    text = subject.strip().upper()
    if text in RULES:
        print(explain_rule(RULES[text]))
        return 0
    if text.isdigit():
        code = int(text)
        if lookup(code) is None:
            print(f"flake8-httpstatus: error: {unknown_code(code)}", file=sys.stderr)
            return 2
        print(explain_code(code))
        return 0
    named = _explain_name(subject)
    if named is not None:
        print(named)
        return 0
    rules = ", ".join(RULES)
    print(
        f"flake8-httpstatus: error: {subject!r} is neither a status code, a rule ({rules}) "
        "nor a status constant's name",
        file=sys.stderr,
    )
    return 2


def _explain_name(subject: str) -> str | None:
    """A constant's versions, judged for the project in the current directory."""
    try:
        settings = job_for(Path.cwd())[0].settings
    except ConfigError:
        settings = Settings()
    # The project's versions as a file in the current directory would see them.
    here = str(Path.cwd() / "__explain__.py")
    python, python_source = python_target(here, settings)
    versions = Versions(python, settings.library_versions, here, python_source)
    return explain_name(subject, versions)


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

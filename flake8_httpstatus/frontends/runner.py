"""The standalone checker and fixer: files in, findings and fixed files out, errors as one line
each. Used by `flake8-httpstatus check` and `fix`; flake8 and the language server have their own
front ends over the same engine."""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import difflib
import fnmatch
import functools
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from flake8_httpstatus.config.files import (
    PER_FILE_IGNORES,
    ConfigError,
    PerFileIgnores,
    find_config,
    parse_per_file_ignores,
)
from flake8_httpstatus.config.noqa import NoqaLines, apply_line_edits, noqa_edits, unsuppressed
from flake8_httpstatus.config.options import OPTIONS, settings_from
from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.config.versions import read_ahead
from flake8_httpstatus.core import sources
from flake8_httpstatus.core.filesystem import is_special
from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.core.positions import split_lines
from flake8_httpstatus.frontends.syntax import syntax_finding
from flake8_httpstatus.project import results
from flake8_httpstatus.project.index import SKIPPED_DIRS, find_root, project_for
from flake8_httpstatus.rules import DEFAULT_OFF, RULES, WHOLE_PROJECT, check
from flake8_httpstatus.rules.candidates import candidates_for

# What the walk skips: the directories the project index never reads, and packaging metadata.
DEFAULT_EXCLUDES = (*sorted(SKIPPED_DIRS), "*.egg-info")


@dataclass(frozen=True)
class Selection:
    """Which rules to report, decided as flake8's DecisionEngine decides (style_guide.py).

    `select` and `ignore` are flake8's options: prefixes, the longer one winning where both
    match. An explicit `ignore` replaces flake8's default ignore list, and with it the rules
    that are off by default (HS406, HS501), as `flake8 --ignore` does; `extend_ignore` (where
    per-file-ignores go) adds to it."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()

    def __contains__(self, code: str) -> bool:
        explicit_select = tuple(sorted(self.select, reverse=True))
        # Without --select, flake8 selects the plugin's prefix implicitly.
        implicit_select = explicit_select or ("HS",)
        explicit_ignore = tuple(sorted((*self.ignore, *self.extend_ignore), reverse=True))
        default_ignore = () if self.ignore else DEFAULT_OFF
        implicit_ignore = tuple(sorted((*default_ignore, *explicit_ignore), reverse=True))
        if explicit_select and code.startswith(explicit_select):
            selected = _EXPLICIT
        elif code.startswith(implicit_select):
            selected = _IMPLICIT
        else:
            selected = _NOT
        if explicit_ignore and code.startswith(explicit_ignore):
            ignored = _EXPLICIT
        elif implicit_ignore and code.startswith(implicit_ignore):
            ignored = _IMPLICIT
        else:
            ignored = _NOT
        if ignored == _NOT:
            return selected != _NOT
        if selected == _NOT:
            return False
        if selected != ignored:
            return selected == _EXPLICIT
        # In both lists, equally explicitly: the longer prefix wins, a tie ignores.
        select = next(prefix for prefix in implicit_select if code.startswith(prefix))
        ignore = next(prefix for prefix in implicit_ignore if code.startswith(prefix))
        return len(select) > len(ignore)


_EXPLICIT, _IMPLICIT, _NOT = "explicit", "implicit", "not"


@dataclass(frozen=True)
class Job:
    settings: Settings
    selection: Selection
    mode: str = "check"  # "check", "fix", "diff" (fix without writing), "noqa" (--add-noqa)
    unsafe_fixes: bool = False  # apply the fixes that change what the code does, too
    per_file_ignores: PerFileIgnores = ()

    def selection_for(self, path: str | None) -> Selection:
        """The selection with the file's per-file-ignores added to the ignored codes: of
        flake8's, the longest pattern that matches the file; of ruff's, every one that does
        (config.files.PerFileIgnore)."""
        if not self.per_file_ignores:
            return self.selection
        name = path if path not in (None, "-") else "stdin"
        assert name is not None
        matching = [entry for entry in self.per_file_ignores if entry.matches(name)]
        if not matching:
            return self.selection
        codes = [code for entry in matching if entry.root is not None for code in entry.codes]
        flake8 = [entry for entry in matching if entry.root is None]
        if flake8:
            codes += max(flake8, key=lambda entry: len(entry.pattern)).codes
        selection = self.selection
        return Selection(selection.select, selection.ignore, (*selection.extend_ignore, *codes))


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    fixed: int = 0
    noqa_added: int = 0
    diff: str = ""
    text: str | None = None  # the fixed text, for stdin
    # Lines the fix made longer than the project's line length (the formatter's to wrap).
    long_lines: list[int] = field(default_factory=list)
    line_length: int = 0
    lines: list[str] = field(default_factory=list)  # the source as checked, for columns


def _codes(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(item.strip().upper() for item in text.replace(" ", ",").split(",") if item.strip())


def job_for(
    directory: Path | None,
    overrides: dict[str, str] | None = None,
    mode: str = "check",
    unsafe_fixes: bool = False,
) -> tuple[Job, tuple[str, ...]]:
    """The job the configuration found from `directory` upwards describes (none if None),
    with `overrides` (option key without the prefix, or select/ignore/exclude) on top, and
    the exclude patterns. Raises ConfigError naming the option for a bad value."""
    config = find_config(directory) if directory is not None else None
    found = config.values if config is not None else {}
    raw = {**found, **(overrides or {})}
    values = {}
    for option in OPTIONS:
        key = option.name.removeprefix("httpstatus-")
        try:
            values[option.field] = option.parse(raw.get(key, option.default))
        except ValueError as error:
            from_config = key in found and key not in (overrides or {})
            source = config.source if config is not None and from_config else None
            where = f" (in {source})" if source else ""
            raise ConfigError(f"{option.name}{where}: {error}") from None
    selection = Selection(_codes(raw.get("select")), _codes(raw.get("ignore")))
    for code in (*selection.select, *selection.ignore):
        if not any(rule.startswith(code) for rule in RULES):
            raise ConfigError(f"select/ignore: {code!r} matches no rule")
    excludes = tuple(p.strip() for p in (raw.get("exclude") or "").split(",") if p.strip())
    per_file = config.per_file_ignores if config is not None else ()
    if overrides and overrides.get(PER_FILE_IGNORES):
        per_file = parse_per_file_ignores(overrides[PER_FILE_IGNORES], os.getcwd())
    values["exclude"] = excludes  # the index skips them too
    settings = settings_from(values)
    if mode == "diff":  # a preview writes nothing, the index's cache neither
        settings = dataclasses.replace(settings, write_cache=False)
    return Job(settings, selection, mode, unsafe_fixes, per_file), excludes


def visible(findings: Iterable[Finding], text: str, selection: Selection) -> list[Finding]:
    """The selected findings that no `# noqa` comment hides, as flake8 would show them."""
    return unsuppressed((f for f in findings if f.code in selection), NoqaLines(text))


def process(path: str, job: Job, raw: bytes | None = None) -> FileResult:
    """Check (and fix) one file. `raw` is its text when something else holds it: standard input
    (`path` is "-", or the name --stdin-filename gives) or a host such as the LibCST codemod;
    it is checked as the file it names is, with that file's project, and never written.
    Otherwise the file is read."""
    result = FileResult(path)
    # Standard input stands for the file it names (--stdin-filename), or for no file ("-").
    filename = None if path == "-" else path
    try:
        source = sources.decode(path, raw) if raw is not None else sources.read(path)
        lines = split_lines(source.text)
        result.lines = lines
        try:
            tree = sources.parse(source)
        except sources.ParseError as error:
            if job.mode != "check":
                raise  # nothing can be written to it: an error
            result.findings = [syntax_finding(error, lines, filename, job.settings)]
            return result
        findings = visible(
            _checked(tree, job, filename, path, source.text, walk=True),
            source.text,
            job.selection_for(path),
        )
        if job.mode == "check":
            result.findings = findings
            return result
        if job.mode == "noqa":
            edits, added = noqa_edits(NoqaLines(source.text), findings)
            if edits:
                sources.write(source, apply_line_edits(source.text, edits), _project_of(path))
            result.noqa_added = added
            return result
        text, fixed, left = _fix(path, source.text, tree, findings, job, filename)
        result.text, result.findings = text, left
        if text == source.text:
            return result
        from flake8_httpstatus.fixes.import_settings import lengthened, line_length_for

        result.line_length = line_length_for(path)
        result.long_lines = lengthened(source.text, text, result.line_length)
        if job.mode == "diff":
            result.diff = unified_diff(path, source.text, text)
        elif raw is None:
            sources.write(source, text, _project_of(path))  # before anything claims a fix
        result.fixed = fixed
    except sources.SourceError as error:
        result.error = str(error)
        result.findings = []
    except RecursionError:
        result.error = f"{path}: too deeply nested to check"
        result.findings = []
    return result


def _checked(
    tree: ast.Module, job: Job, filename: str | None, path: str, text: str, walk: bool = False
) -> list[Finding]:
    """The engine's findings in one file, and those of the rules over the whole project that
    the file's selection holds (none is computed otherwise). `walk`: with the file's project,
    and without the engine's walk where the text cannot hold a finding; else (a fixed text
    checked again) without the project, every time."""
    project = project_for(filename, job.settings) if walk else None
    if walk and not candidates_for(job.settings).admits(text, project):
        found: list[Finding] = []
    elif walk:  # from the results cache when the file and its project are unchanged
        found = results.findings(tree, job.settings, filename, project, text)
    else:
        found = check(tree, job.settings, filename, project, text)
    whole = whole_project(filename, job.selection_for(path), text=None if walk else text)
    if not whole:
        return found
    return sorted([*found, *whole], key=lambda finding: (finding.line, finding.col, finding.code))


def whole_project(
    filename: str | None, selection: Selection, recheck: bool = False, text: str | None = None
) -> list[Finding]:
    """The findings in the file of the rules over the whole project that are selected (HS501's
    statuses sent through other modules, HS502): the project's route table is read once per
    process (`recheck`: again when a file changed, for a long-lived server); `text` is the
    file's fixed text, not yet written."""
    codes = _whole_project_codes(selection)
    if not codes:
        return []
    from flake8_httpstatus.routes.whole import findings_in

    return findings_in(filename, codes, recheck, text)


@functools.lru_cache(maxsize=64)
def _whole_project_codes(selection: Selection) -> tuple[str, ...]:
    """Decided once per selection: asked for every file checked."""
    return tuple(code for code in WHOLE_PROJECT if code in selection)


def _project_of(path: str) -> Path:
    """Where a fixed file's symbolic link may lead: its directory's project (not its target's),
    else the working directory."""
    return find_root(os.path.dirname(os.path.abspath(path))) or Path.cwd()


def _fix(
    path: str,
    text: str,
    tree: ast.Module,
    findings: list[Finding],
    job: Job,
    filename: str | None,
) -> tuple[str, int, list[Finding]]:
    """The fixed text, how many findings were fixed, and those left. When a fix did more than
    replace its finding's span (HS404's `status=` turns a trap into a status position, which
    HS101 then names), the result is checked again and fixed again, three rounds at most."""
    from flake8_httpstatus.fixes.fixer import fix_text, in_place
    from flake8_httpstatus.fixes.import_settings import style_for

    count = 0
    for _ in range(3):
        if not any(finding.fix for finding in findings):
            break
        style = style_for(path)
        fixed = fix_text(text, findings, tree=tree, style=style, unsafe=job.unsafe_fixes)
        if fixed.text == text:
            break
        count += len(fixed.applied)
        text = fixed.text
        applied = {id(finding) for finding in fixed.applied}
        findings = [finding for finding in findings if id(finding) not in applied]
        if all(in_place(finding) for finding in fixed.applied):
            break
        tree = ast.parse(text)
        findings = visible(_checked(tree, job, filename, path, text), text, job.selection_for(path))
    return text, count, findings


def unified_diff(path: str, before: str, after: str) -> str:
    """A diff that `git apply` and `patch -p1` take: `a/` and `b/` prefixes on a relative
    path, and git's marker for a last line without a line break."""
    name = Path(path)
    if name.is_absolute():
        with contextlib.suppress(ValueError):
            name = name.relative_to(Path.cwd())
    shown = name.as_posix()
    lines = difflib.unified_diff(
        split_lines(before, keepends=True),
        split_lines(after, keepends=True),
        fromfile=f"a/{shown}",
        tofile=f"b/{shown}",
    )
    return "".join(
        line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        for line in lines
    )


def _excluded(path: Path, patterns: Sequence[str]) -> bool:
    text = path.as_posix()
    absolute = os.path.abspath(path)  # flake8's patterns from a config file are absolute
    return any(
        fnmatch.fnmatch(path.name, pattern)
        or fnmatch.fnmatch(text, pattern)
        or fnmatch.fnmatch(absolute, pattern)
        for pattern in patterns
    )


def excluded_by_name(given: str, excludes: Sequence[str], force: bool = False) -> bool:
    """Whether a file named on the command line (or by --stdin-filename) is excluded. As flake8
    decides: when its name or its path matches a pattern. With `force` (ruff's --force-exclude),
    also when a directory on its path below the current one does, as the walk would skip it."""
    patterns = (*DEFAULT_EXCLUDES, *excludes)
    path = Path(given)
    if _excluded(path, patterns):
        return True
    if not force:
        return False
    if path.is_absolute():
        with contextlib.suppress(ValueError):
            path = path.relative_to(Path.cwd())
    return any(_excluded(parent, patterns) for parent in path.parents if parent.name)


def discover(
    paths: Sequence[str], excludes: Sequence[str], errors: list[str], force_exclude: bool = False
) -> Iterator[str]:
    """The Python files under `paths`, in a stable order, skipping the usual directories; a
    file named in `paths` is skipped as `excluded_by_name` says."""
    patterns = (*DEFAULT_EXCLUDES, *excludes)
    for given in paths:
        path = Path(given)
        if path.is_dir():

            def report(error: OSError) -> None:
                errors.append(f"{error.filename}: cannot read directory: {error.strerror}")

            for root, dirs, files in os.walk(path, onerror=report):
                dirs[:] = sorted(d for d in dirs if not _excluded(Path(root, d), patterns))
                for name in sorted(files):
                    file = Path(root, name)
                    if (
                        name.endswith((".py", ".pyi"))
                        and not _excluded(file, patterns)
                        and not is_special(file)  # a FIFO or a device named x.py
                    ):
                        yield str(file)
        elif excluded_by_name(given, excludes, force_exclude):
            continue
        elif path.exists() or path.is_symlink():
            yield given
        else:
            errors.append(f"{given}: no such file or directory")


def run(files: Sequence[str], job: Job, jobs: int = 1) -> list[FileResult]:
    whole = sys.modules.get("flake8_httpstatus.routes.whole")
    if whole is not None:  # a run before in this process: what it fixed is read again
        whole.forget()
    if jobs > 1 and len(files) > 1:
        for path in files:
            project_for(
                path, job.settings
            )  # indexed once here; the workers read the cache it writes
        for directory in dict.fromkeys(os.path.dirname(path) or "." for path in files):
            read_ahead(directory)  # the declared versions too: a bad lock file warns once
        for path in files:
            whole_project(path, job.selection_for(path))  # the workers inherit the route table
        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            return list(pool.map(process, files, [job] * len(files), chunksize=8))
    return [process(path, job) for path in files]

"""`fix` as a LibCST codemod: `python -m libcst.tool codemod httpstatus.FixStatusCodes PATH`.

The fixed text is the runner's, byte for byte (the same engine, project index, versions and
import placement); LibCST only carries it: it finds, reads and writes the files, runs them in
parallel, formats what changed if a formatter is configured, and reports."""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

import libcst as cst
from libcst.codemod import CodemodCommand, CodemodContext, SkipFile

from flake8_httpstatus.config.files import ConfigError
from flake8_httpstatus.core.sources import SourceError
from flake8_httpstatus.frontends.runner import Job, excluded_by_name, job_for, process


class FixStatusCodes(CodemodCommand):
    DESCRIPTION = (
        "Replace magic HTTP status numbers and bad status constants, "
        "as `flake8-httpstatus fix` does (flake8-httpstatus)."
    )

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument(
            "--select", metavar="CODES", type=_codes, help="rule codes or prefixes to fix"
        )
        arg_parser.add_argument(
            "--ignore", metavar="CODES", type=_codes, help="rule codes or prefixes to leave out"
        )
        arg_parser.add_argument(
            "--unsafe-fixes",
            action="store_true",
            help="also apply the fixes that change what the code does (each rule's page says which)",
        )
        # A broken configuration is one line here, before any file, not a failure per file.
        try:
            job_for(Path.cwd())
        except ConfigError as error:
            arg_parser.error(str(error))

    def __init__(
        self,
        context: CodemodContext,
        select: str | None = None,
        ignore: str | None = None,
        unsafe_fixes: bool = False,
    ) -> None:
        super().__init__(context)
        # LibCST makes one command per file: the configuration is read once per process.
        self.job, self.excludes = _job(Path.cwd(), select, ignore, unsafe_fixes)

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        path = self.context.filename
        if path is not None and excluded_by_name(_walked(path), self.excludes, force=True):
            raise SkipFile("excluded (the default excludes and the configured ones)")
        # Without a file (standard input, a test), as `fix -`: no file name, no project.
        result = process(path or "-", self.job, tree.bytes)
        if result.error is not None:
            raise SourceError(result.error)
        for finding in result.findings:
            if finding.fix is not None and not finding.fix.safe and not self.job.unsafe_fixes:
                self.warn(
                    f"line {finding.line}: {finding.code} left: its fix changes what the code "
                    "does (--unsafe-fixes applies it)"
                )
        if result.fixed and result.text is not None:
            return cst.parse_module(result.text, config=tree.config_for_parsing)
        if path is None:
            return tree  # LibCST's standard input takes a skip for a failure and prints nothing
        raise SkipFile("nothing to fix")


@functools.cache
def _job(
    directory: Path, select: str | None, ignore: str | None, unsafe_fixes: bool
) -> tuple[Job, tuple[str, ...]]:
    overrides = {key: value for key, value in (("select", select), ("ignore", ignore)) if value}
    return job_for(directory, overrides, "fix", unsafe_fixes)


def _walked(path: str) -> str:
    """The path as `fix .` walks to it: LibCST gives it absolute, and the directories above the
    working directory are none of the walk's business."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return Path(path).name


def _codes(text: str) -> str:
    """Codes checked as `fix` checks them: each must start at least one rule's code."""
    try:
        job_for(None, {"select": text})
    except ConfigError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text

"""The options every front end shares: one table of names, parsers and help texts.

flake8 registers them as `--httpstatus-*` (config key `httpstatus-*` in `[flake8]`); the
standalone CLI reads the same keys.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flake8_httpstatus.config.settings import (
    STYLES,
    Settings,
    parse_cache_dir,
    parse_codes,
    parse_extra_sinks,
    parse_library_versions,
    parse_nonstandard,
    parse_style,
    parse_target_python,
)


@dataclass(frozen=True)
class Option:
    name: str  # the config key, e.g. "httpstatus-style"
    field: str  # the Settings field it sets
    parse: Callable[[str], Any]
    default: str
    help: str


OPTIONS = (
    Option(
        "httpstatus-style",
        "style",
        parse_style,
        "auto",
        f"constants to suggest: {', '.join(STYLES)} (default: auto, the file's own style)",
    ),
    Option(
        "httpstatus-target-python",
        "target_python",
        parse_target_python,
        "",
        "lowest Python the code runs on, e.g. 3.9 (default: from requires-python in the "
        "nearest pyproject.toml, else its .python-version, else 3.9)",
    ),
    Option(
        "httpstatus-library-versions",
        "library_versions",
        parse_library_versions,
        "",
        "versions to check constant names against, e.g. starlette=0.47 "
        "(default: what the project declares in lock files, pyproject.toml and requirements)",
    ),
    Option(
        "httpstatus-allow-codes",
        "allow_codes",
        parse_codes,
        "",
        "comma-separated codes whose literals are fine, e.g. 200,404",
    ),
    Option(
        "httpstatus-allow-nonstandard",
        "allow_nonstandard",
        parse_nonstandard,
        "",
        "non-standard codes to accept (HS202), e.g. 499,520, or 'all'",
    ),
    Option(
        "httpstatus-extra-sinks",
        "extra_sinks",
        parse_extra_sinks,
        "",
        "your own callables that take a status: module:callable:param@position, "
        "e.g. myapp.http:error_response:status@1",
    ),
    Option(
        "httpstatus-cache-dir",
        "cache_dir",
        parse_cache_dir,
        "",
        "where the project index's facts and the results are cached (relative: to the project "
        "root; default: .httpstatus_cache), or 'off' for no cache; FLAKE8_HTTPSTATUS_CACHE_DIR "
        "wins if set",
    ),
)


def settings_from(values: Mapping[str, Any]) -> Settings:
    """Settings from already-parsed option values keyed by Settings field."""
    return Settings(**values)

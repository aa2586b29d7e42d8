"""The registry against its sources: the seed reference word for word, the IANA registry, and
every constant name against the real module it names (on each Python installed here)."""

from __future__ import annotations

import glob
import json
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

from flake8_httpstatus.registry import (
    MODULES,
    Requirement,
    Standing,
    all_codes,
    check_name,
    constant_for,
    lookup,
    search,
)

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "http-status-codes-reference.txt"
_HEAD = re.compile(r"^(\d{3})(.+)(\dxx)$")

IANA = {
    100,
    101,
    102,
    103,
    104,
    200,
    201,
    202,
    203,
    204,
    205,
    206,
    207,
    208,
    226,
    300,
    301,
    302,
    303,
    304,
    305,
    306,
    307,
    308,
    400,
    401,
    402,
    403,
    404,
    405,
    406,
    407,
    408,
    409,
    410,
    411,
    412,
    413,
    414,
    415,
    416,
    417,
    418,
    421,
    422,
    423,
    424,
    425,
    426,
    428,
    429,
    431,
    451,
    500,
    501,
    502,
    503,
    504,
    505,
    506,
    507,
    508,
    510,
    511,
}
NONSTANDARD = {
    419,
    420,
    444,
    449,
    450,
    494,
    495,
    496,
    497,
    498,
    499,
    509,
    520,
    521,
    522,
    523,
    524,
    525,
    526,
    527,
    529,
    530,
    598,
    599,
}


def seed_entries() -> dict[int, tuple[str, str, str]]:
    """code -> (phrase, description, the use-case line as the seed writes it)."""
    if not SEED.exists():
        pytest.skip(f"the seed reference is not at {SEED}")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    entries = {}
    for index, line in enumerate(lines):
        match = _HEAD.match(line)
        if match is None:
            continue
        following = list(lines[index + 1 : index + 5])
        content = [text for text in following if text.strip()]
        description = content[0]
        after = lines[lines.index(description, index) + 1 :]
        cases = ""
        if (
            len(after) > 1
            and not after[0].strip()
            and after[1].strip()
            and not _HEAD.match(after[1])
            and not re.match(r"^\dxx - ", after[1])
        ):
            cases = after[1]
        entries[int(match.group(1))] = (match.group(2), description, cases)
    return entries


def test_seed_codes_word_for_word() -> None:
    entries = seed_entries()
    assert len(entries) == 57
    for code, (phrase, description, cases) in entries.items():
        entry = lookup(code)
        assert entry is not None, code
        assert entry.in_seed
        assert entry.phrase == phrase
        assert entry.description == description
        assert "".join(entry.use_cases) == cases, code
    assert sum(entry.in_seed for entry in all_codes()) == 57


def test_use_cases_are_split_into_phrases() -> None:
    assert lookup(429).use_cases == ("Rate limiting", "DDoS protection", "API quotas")  # type: ignore[union-attr]
    assert lookup(400).use_cases == (  # type: ignore[union-attr]
        "Malformed JSON",
        "Invalid query parameters",
        "Missing required fields",
    )


def test_codes_unique_sorted_and_complete() -> None:
    codes = [entry.code for entry in all_codes()]
    assert codes == sorted(set(codes))
    assert set(codes) >= IANA | NONSTANDARD
    assert 0 not in codes
    assert 509 in codes


@pytest.mark.parametrize(
    ("code", "standing"),
    [
        (305, Standing.DEPRECATED),
        (306, Standing.UNUSED),
        (418, Standing.UNUSED),
        (102, Standing.DEPRECATED),
        (510, Standing.DEPRECATED),
        (104, Standing.TEMPORARY),
        (402, Standing.STANDARD),
        (404, Standing.STANDARD),
        (499, Standing.NONSTANDARD),
    ],
)
def test_standing(code: int, standing: Standing) -> None:
    assert lookup(code).standing is standing  # type: ignore[union-attr]


def test_every_iana_code_has_a_reference_and_nonstandard_an_origin() -> None:
    for entry in all_codes():
        assert entry.reference
        if entry.code in IANA - {104}:
            assert entry.reference.startswith("RFC"), entry.code
        if entry.standing is Standing.NONSTANDARD:
            assert entry.code not in IANA


def test_content_rule() -> None:
    for entry in all_codes():
        forbidden = 100 <= entry.code < 200 or entry.code in {204, 205, 304}
        assert entry.content_allowed is not forbidden, entry.code


@pytest.mark.parametrize(
    ("code", "header"),
    [(401, "WWW-Authenticate"), (405, "Allow"), (407, "Proxy-Authenticate"), (426, "Upgrade")],
)
def test_must_headers(code: int, header: str) -> None:
    rules = {rule.header: rule.level for rule in lookup(code).headers}  # type: ignore[union-attr]
    assert rules[header] is Requirement.MUST


def test_location_is_should_on_redirects_and_absent_on_201() -> None:
    for code in (301, 302, 307, 308):
        rules = {r.header: r.level for r in lookup(code).headers}  # type: ignore[union-attr]
        assert rules["Location"] is Requirement.SHOULD
    assert lookup(201).headers == ()  # type: ignore[union-attr]


def test_search() -> None:
    assert 429 in [entry.code for entry in search("rate")]
    assert [entry.code for entry in search("404")] == [404]
    assert 413 in [entry.code for entry in search("FILE UPLOAD")]


# -- constants against the real modules --------------------------------------------------------
def _constants(style: str) -> dict[str, tuple[int, object]]:
    return {
        constant.name: (entry.code, constant)
        for entry in all_codes()
        for constant in entry.constants
        if constant.style == style
    }


def test_stdlib_names_match_this_python() -> None:
    import http
    import sys

    version = sys.version_info[:2]
    expected = {name: member.value for name, member in http.HTTPStatus.__members__.items()}
    ours = {
        name: code
        for name, (code, constant) in _constants("stdlib").items()
        if constant.since is None or version >= constant.since  # type: ignore[attr-defined]
    }
    assert ours == expected


def _interpreters() -> list[str]:
    found = {}
    for minor in range(8, 15):
        candidates = [shutil.which(f"python3.{minor}")]
        candidates += sorted(
            glob.glob(str(Path.home() / f".pyenv/versions/3.{minor}.*/bin/python3"))
        )
        for candidate in candidates:
            if (
                candidate
                and subprocess.run(
                    [candidate, "-c", "pass"], capture_output=True, check=False
                ).returncode
                == 0
            ):
                found[minor] = candidate
                break
    return [found[minor] for minor in sorted(found)]


@pytest.mark.parametrize("python", _interpreters())
def test_stdlib_names_match_every_installed_python(python: str) -> None:
    script = (
        "import http, json, sys; print(json.dumps([sys.version_info[:2], "
        "{n: m.value for n, m in http.HTTPStatus.__members__.items()}]))"
    )
    version, members = json.loads(
        subprocess.run([python, "-c", script], capture_output=True, text=True, check=True).stdout
    )
    ours = {
        name: code
        for name, (code, constant) in _constants("stdlib").items()
        if constant.since is None or tuple(version) >= constant.since  # type: ignore[attr-defined]
    }
    assert ours == members


def _module_value(style: str, name: str) -> object:
    import importlib

    module = MODULES[style]
    holder: object = importlib.import_module(module.module)
    if module.owner is not None:
        holder = getattr(holder, module.owner)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return getattr(holder, name)


@pytest.mark.parametrize(
    "style", ["drf", "starlette", "fastapi", "litestar", "falcon", "httpx", "requests"]
)
def test_names_exist_in_the_installed_package(style: str) -> None:
    from flake8_httpstatus.settings import installed_version

    package = {"drf": "rest_framework"}.get(style, style)
    pytest.importorskip(package)
    version = installed_version(MODULES[style].version_of)
    for name, (code, constant) in _constants(style).items():
        since = constant.since  # type: ignore[attr-defined]
        if since is not None and version is not None and version < since:
            continue
        value = _module_value(style, name)
        if MODULES[style].value_type == "str":
            assert str(value).startswith(f"{code} "), (name, value)
        else:
            assert value == code, (name, value)


@pytest.mark.parametrize(
    ("style", "package", "pattern"),
    [
        ("drf", "rest_framework.status", r"HTTP_\d{3}_\w+$"),
        ("starlette", "starlette.status", r"HTTP_\d{3}_\w+$"),
        ("litestar", "litestar.status_codes", r"HTTP_\d{3}_\w+$"),
    ],
)
def test_every_constant_of_the_package_is_known(style: str, package: str, pattern: str) -> None:
    import importlib

    module = pytest.importorskip(package.partition(".")[0]) and importlib.import_module(package)
    names = {name for name in dir(module) if re.match(pattern, name)}
    names |= set(getattr(module, "__deprecated__", {}))
    assert names <= set(_constants(style))


def test_starlette_deprecated_names_warn() -> None:
    status = pytest.importorskip("starlette.status")
    deprecated = [
        name
        for name, (_, constant) in _constants("starlette").items()
        if constant.deprecated_since is not None  # type: ignore[attr-defined]
    ]
    assert len(deprecated) == 4
    for name in deprecated:
        with pytest.warns(Warning, match=name):
            getattr(status, name)


def test_httpx_members_are_known() -> None:
    httpx = pytest.importorskip("httpx")
    assert set(httpx.codes.__members__) <= set(_constants("httpx"))


def test_version_aware_choices() -> None:
    assert constant_for(422, "stdlib", {"python": (3, 12)}).name == "UNPROCESSABLE_ENTITY"  # type: ignore[union-attr]
    assert constant_for(422, "stdlib", {"python": (3, 13)}).name == "UNPROCESSABLE_CONTENT"  # type: ignore[union-attr]
    assert constant_for(422, "starlette", {"starlette": (0, 47)}).name == (  # type: ignore[union-attr]
        "HTTP_422_UNPROCESSABLE_ENTITY"
    )
    assert constant_for(422, "starlette", {"starlette": (1, 10)}).name == (  # type: ignore[union-attr]
        "HTTP_422_UNPROCESSABLE_CONTENT"
    )
    assert constant_for(418, "starlette", {"starlette": (0, 13)}) is None
    assert constant_for(509, "stdlib", {}) is None
    assert constant_for(509, "drf", {}).name == "HTTP_509_BANDWIDTH_LIMIT_EXCEEDED"  # type: ignore[union-attr]
    assert constant_for(103, "stdlib", {"python": (3, 8)}) is None


def test_check_name() -> None:
    assert check_name("stdlib", "NOT_FOUND", {"python": (3, 9)}) is None
    assert check_name("stdlib", "is_success", {"python": (3, 12)}) is None
    missing = check_name("stdlib", "UNPROCESSABLE_CONTENT", {"python": (3, 9)})
    assert missing is not None
    assert missing.problem == "missing"
    assert missing.replacement.name == "UNPROCESSABLE_ENTITY"  # type: ignore[union-attr]
    deprecated = check_name("starlette", "HTTP_422_UNPROCESSABLE_ENTITY", {"starlette": (1, 10)})
    assert deprecated is not None
    assert deprecated.problem == "deprecated"
    assert check_name("starlette", "HTTP_422_UNPROCESSABLE_ENTITY", {"starlette": (0, 47)}) is None
    unknown = check_name("stdlib", "NOT_FOUN", {})
    assert unknown is not None
    assert unknown.problem == "unknown"
    assert unknown.guess == "NOT_FOUND"
    assert check_name("drf", "is_redirection", {}) is not None
    assert check_name("drf", "is_redirect", {}) is None

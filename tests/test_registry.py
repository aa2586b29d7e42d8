"""The registry against its sources: the seed reference word for word, the IANA registry, and
every constant name against the real module it names (and http.HTTPStatus on every Python here)."""

from __future__ import annotations

import glob
import importlib
import importlib.metadata
import json
import keyword
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

from flake8_httpstatus.knowledge.registry import (
    MODULES,
    Constant,
    Requirement,
    Standing,
    StatusCode,
    all_codes,
    check_name,
    code_of,
    constant_for,
    lookup,
    search,
)

# A copy of ../shared/seed/, kept in the repository so the check runs for everyone.
SEED = Path(__file__).resolve().parent / "fixtures" / "seed" / "http-status-codes-reference.txt"
_HEAD = re.compile(r"^(\d{3})(.+)([1-5]xx)$")
_SECTION = re.compile(r"^[1-5]xx - ")

# The IANA HTTP Status Code Registry (frameworks.md §3.6, "Last Updated 2025-09-15"): code -> reference.
IANA: dict[int, str] = {
    100: "RFC 9110 §15.2.1",
    101: "RFC 9110 §15.2.2",
    102: "RFC 2518",
    103: "RFC 8297",
    104: "draft-ietf-httpbis-resumable-upload-05",
    200: "RFC 9110 §15.3.1",
    201: "RFC 9110 §15.3.2",
    202: "RFC 9110 §15.3.3",
    203: "RFC 9110 §15.3.4",
    204: "RFC 9110 §15.3.5",
    205: "RFC 9110 §15.3.6",
    206: "RFC 9110 §15.3.7",
    207: "RFC 4918",
    208: "RFC 5842",
    226: "RFC 3229",
    300: "RFC 9110 §15.4.1",
    301: "RFC 9110 §15.4.2",
    302: "RFC 9110 §15.4.3",
    303: "RFC 9110 §15.4.4",
    304: "RFC 9110 §15.4.5",
    305: "RFC 9110 §15.4.6",
    306: "RFC 9110 §15.4.7",
    307: "RFC 9110 §15.4.8",
    308: "RFC 9110 §15.4.9",
    400: "RFC 9110 §15.5.1",
    401: "RFC 9110 §15.5.2",
    402: "RFC 9110 §15.5.3",
    403: "RFC 9110 §15.5.4",
    404: "RFC 9110 §15.5.5",
    405: "RFC 9110 §15.5.6",
    406: "RFC 9110 §15.5.7",
    407: "RFC 9110 §15.5.8",
    408: "RFC 9110 §15.5.9",
    409: "RFC 9110 §15.5.10",
    410: "RFC 9110 §15.5.11",
    411: "RFC 9110 §15.5.12",
    412: "RFC 9110 §15.5.13",
    413: "RFC 9110 §15.5.14",
    414: "RFC 9110 §15.5.15",
    415: "RFC 9110 §15.5.16",
    416: "RFC 9110 §15.5.17",
    417: "RFC 9110 §15.5.18",
    418: "RFC 9110 §15.5.19",
    421: "RFC 9110 §15.5.20",
    422: "RFC 9110 §15.5.21",
    423: "RFC 4918",
    424: "RFC 4918",
    425: "RFC 8470",
    426: "RFC 9110 §15.5.22",
    428: "RFC 6585",
    429: "RFC 6585",
    431: "RFC 6585",
    451: "RFC 7725",
    500: "RFC 9110 §15.6.1",
    501: "RFC 9110 §15.6.2",
    502: "RFC 9110 §15.6.3",
    503: "RFC 9110 §15.6.4",
    504: "RFC 9110 §15.6.5",
    505: "RFC 9110 §15.6.6",
    506: "RFC 2295",
    507: "RFC 4918",
    508: "RFC 5842",
    510: "RFC 2774",
    511: "RFC 6585",
}
# Standings other than STANDARD among the IANA codes (frameworks.md §3.5).
IANA_STANDING = {
    102: Standing.DEPRECATED,
    104: Standing.TEMPORARY,
    305: Standing.DEPRECATED,
    306: Standing.UNUSED,
    402: Standing.RESERVED,
    418: Standing.UNUSED,
    510: Standing.DEPRECATED,
}
# The common non-standard codes (frameworks.md §3.7, without 0, 701-799 and Pyramid's 520
# placeholder), plus htmx's 286 found in real code.
NONSTANDARD = {
    122,
    218,
    286,
    419,
    420,
    430,
    440,
    444,
    449,
    450,
    460,
    463,
    464,
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
    561,
    598,
    599,
}
# The seed's use-case lines split by hand (the seed runs them together on one line).
USE_CASES = {
    200: ("GET requests returning data", "PUT/PATCH successful updates"),
    201: ("POST requests creating new resources", "User registration"),
    202: ("Async operations", "Batch processing requests"),
    204: ("DELETE requests", "PUT without response body"),
    206: ("Video streaming", "Large file downloads"),
    301: ("URL migrations", "Domain changes", "SEO redirects"),
    302: ("Temporary redirects", "A/B testing"),
    304: ("Browser caching", "CDN caching"),
    400: ("Malformed JSON", "Invalid query parameters", "Missing required fields"),
    401: ("Missing authentication", "Invalid/expired tokens"),
    403: ("Insufficient permissions", "IP blocked", "Resource access denied"),
    404: ("Invalid URLs", "Deleted resources", "Typos in URLs"),
    405: ("GET on POST-only endpoint", "DELETE when not allowed"),
    408: ("Slow client connections", "Network issues"),
    409: ("Version conflicts", "Duplicate entries", "Concurrent modifications"),
    410: ("Intentionally removed resources", "Deprecated APIs"),
    413: ("File upload too large", "Request body exceeds limit"),
    415: ("Wrong Content-Type header", "Unsupported file format"),
    422: ("Validation errors", "Invalid field values"),
    429: ("Rate limiting", "DDoS protection", "API quotas"),
    500: ("Unhandled exceptions", "Server bugs", "Configuration errors"),
    502: ("Proxy errors", "Upstream server down"),
    503: ("Server maintenance", "Overloaded server", "Temporary outage"),
    504: ("Slow upstream server", "Network timeout"),
}
# Every header rule of the registry (frameworks.md §3.4); every other code has none.
HEADERS = {
    101: {("Upgrade", Requirement.MUST)},
    206: {("Content-Range", Requirement.MUST)},
    301: {("Location", Requirement.SHOULD)},
    302: {("Location", Requirement.SHOULD)},
    307: {("Location", Requirement.SHOULD)},
    308: {("Location", Requirement.SHOULD)},
    401: {("WWW-Authenticate", Requirement.MUST)},
    405: {("Allow", Requirement.MUST)},
    407: {("Proxy-Authenticate", Requirement.MUST)},
    416: {("Content-Range", Requirement.SHOULD)},
    426: {("Upgrade", Requirement.MUST)},
    429: {("Retry-After", Requirement.MAY)},
    503: {("Retry-After", Requirement.MAY)},
}


def entry_for(code: int) -> StatusCode:
    entry = lookup(code)
    assert entry is not None, f"{code} is not in the registry"
    return entry


# -- the seed ------------------------------------------------------------------------------------
def seed_entries() -> dict[int, tuple[str, str, str]]:
    """code -> (phrase, description, the use-case line as the seed writes it, or "")."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    entries = {}
    for index, line in enumerate(lines):
        match = _HEAD.match(line)
        if match is None:
            continue
        rest = lines[index + 1 :]
        at = next(i for i, text in enumerate(rest) if text.strip())
        description = rest[at]
        after = rest[at + 1 :]
        cases = ""
        if (
            len(after) > 1
            and not after[0].strip()
            and after[1].strip()
            and not _HEAD.match(after[1])
            and not _SECTION.match(after[1])
        ):
            cases = after[1]
        entries[int(match.group(1))] = (match.group(2), description, cases)
    shown = re.search(r"Showing (\d+) of (\d+) status codes", SEED.read_text(encoding="utf-8"))
    assert shown is not None
    assert len(entries) == int(shown.group(1)) == int(shown.group(2))
    return entries


def test_seed_codes_word_for_word() -> None:
    entries = seed_entries()
    assert len(entries) == 57
    for code, (phrase, description, cases) in entries.items():
        entry = entry_for(code)
        assert entry.in_seed, code
        assert entry.phrase == phrase, code
        assert entry.description == description, code
        assert "".join(entry.use_cases) == cases, code
        assert entry.use_cases == USE_CASES.get(code, ()), code
    assert {entry.code for entry in all_codes() if entry.in_seed} == set(entries)


def test_exactly_57_codes_come_from_the_seed() -> None:
    assert sum(entry.in_seed for entry in all_codes()) == 57
    for entry in all_codes():
        if not entry.in_seed:
            assert entry.use_cases == (), entry.code
            assert entry.description.endswith("."), entry.code


# -- the IANA registry and the non-standard codes --------------------------------------------------
def test_codes_unique_sorted_and_complete() -> None:
    codes = [entry.code for entry in all_codes()]
    assert codes == sorted(set(codes))
    assert set(codes) == set(IANA) | NONSTANDARD
    assert 0 not in codes
    assert not [code for code in codes if code >= 600]


def test_iana_codes_standing_and_reference() -> None:
    for code, reference in IANA.items():
        entry = entry_for(code)
        assert entry.standing is IANA_STANDING.get(code, Standing.STANDARD), code
        assert entry.reference == reference, code
        if not entry.in_seed:
            assert entry.description, code


def test_nonstandard_codes() -> None:
    for code in NONSTANDARD:
        entry = entry_for(code)
        assert entry.standing is Standing.NONSTANDARD, code
        assert entry.reference, code
        assert not entry.reference.startswith("RFC"), code
        assert not entry.in_seed, code


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (102, ["4918"]),
        (103, ["Checkpoint"]),
        (104, ["2026-11-13"]),
        (402, ["reserves", "future use"]),
        (420, ["Spring"]),
        (451, ["Exchange ActiveSync"]),
        (498, ["nginx"]),
        (599, ["Tornado"]),
    ],
)
def test_notes(code: int, words: list[str]) -> None:
    entry = entry_for(code)
    for word in words:
        assert word in entry.note, (code, word)


def test_498_and_510_references() -> None:
    assert "Esri" in entry_for(498).reference
    assert "draft-ietf-httpbis-resumable-upload" in entry_for(104).reference
    assert entry_for(402).standing is Standing.RESERVED


def test_content_rule() -> None:
    for entry in all_codes():
        forbidden = 100 <= entry.code < 200 or entry.code in {204, 205, 304}
        assert entry.content_allowed is not forbidden, entry.code


def test_header_rules() -> None:
    for entry in all_codes():
        rules = {(rule.header, rule.level) for rule in entry.headers}
        assert rules == HEADERS.get(entry.code, set()), entry.code
        assert len(rules) == len(entry.headers), entry.code
        for rule in entry.headers:
            assert rule.reference.startswith("RFC"), (entry.code, rule)


@pytest.mark.parametrize(
    ("code", "header"),
    [(401, "WWW-Authenticate"), (405, "Allow"), (407, "Proxy-Authenticate"), (426, "Upgrade")],
)
def test_must_headers(code: int, header: str) -> None:
    rules = {rule.header: rule.level for rule in entry_for(code).headers}
    assert rules[header] is Requirement.MUST


def test_no_location_rule_on_201() -> None:
    assert "Location" not in {rule.header for rule in entry_for(201).headers}


def test_search() -> None:
    assert 429 in [entry.code for entry in search("rate")]
    assert 404 in [entry.code for entry in search("404")]
    assert [entry.code for entry in search("404")] == [404]
    assert 413 in [entry.code for entry in search("FILE UPLOAD")]
    assert search("no such words anywhere") == []


# -- the constants modules --------------------------------------------------------------------------
def test_modules() -> None:
    expected = {
        "stdlib": ("http", "HTTPStatus", "python", "int"),
        "drf": ("rest_framework.status", None, "djangorestframework", "int"),
        "starlette": ("starlette.status", None, "starlette", "int"),
        "fastapi": ("fastapi", "status", "starlette", "int"),
        "litestar": ("litestar.status_codes", None, "litestar", "int"),
        "robyn": ("robyn.status_codes", None, "robyn", "int"),
        "falcon": ("falcon", None, "falcon", "str"),
        "httpx": ("httpx", "codes", "httpx", "int"),
        "requests": ("requests", "codes", "requests", "int"),
    }
    assert set(MODULES) == set(expected)
    for style, (module, owner, version_of, value_type) in expected.items():
        found = MODULES[style]
        assert found.style == style
        assert (found.module, found.owner, found.version_of, found.value_type) == (
            module,
            owner,
            version_of,
            value_type,
        )
    styles = {constant.style for entry in all_codes() for constant in entry.constants}
    assert styles == set(expected)


def _constants(style: str) -> dict[str, tuple[int, Constant]]:
    found: dict[str, tuple[int, Constant]] = {}
    for entry in all_codes():
        for constant in entry.constants:
            if constant.style == style:
                assert constant.name not in found, (style, constant.name)
                found[constant.name] = (entry.code, constant)
    return found


def test_constant_names_are_unique_and_not_other_names() -> None:
    for style, module in MODULES.items():
        names = _constants(style)
        assert not set(names) & module.other_names, style
        for name in names:
            assert name.isidentifier(), (style, name)
            assert not keyword.iskeyword(name), (style, name)
        assert not [name for name in names if name.startswith("WS_")], style


def test_every_code_has_one_canonical_name_per_style() -> None:
    for entry in all_codes():
        for style in MODULES:
            names = [constant for constant in entry.constants if constant.style == style]
            if names:
                canonical = [constant for constant in names if not constant.alias]
                assert canonical, (entry.code, style)


def _exists(constant: Constant, version: tuple[int, ...] | None) -> bool:
    return version is None or constant.since is None or version >= constant.since


def _installed(distribution: str) -> tuple[int, ...] | None:
    try:
        text = importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", text)
    assert match is not None, text
    return tuple(int(part) for part in match.groups() if part is not None)


_PACKAGES = {
    "drf": "rest_framework.status",
    "starlette": "starlette.status",
    "fastapi": "fastapi",
    "litestar": "litestar.status_codes",
    "robyn": "robyn.status_codes",
    "falcon": "falcon",
    "httpx": "httpx",
    "requests": "requests",
}


def _holder(style: str) -> Any:
    """The object whose attributes are the style's constants, or skip when not installed."""
    module = MODULES[style]
    holder: Any = pytest.importorskip(module.module)
    if module.owner is not None:
        holder = getattr(holder, module.owner)
    return holder


def _value(holder: Any, name: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return getattr(holder, name)


def _matches(style: str, value: Any, code: int) -> bool:
    if MODULES[style].value_type == "str":
        return isinstance(value, str) and value.startswith(f"{code} ")
    return isinstance(value, int) and value == code


@pytest.mark.parametrize("style", list(_PACKAGES))
def test_registry_names_resolve_on_the_installed_package(style: str) -> None:
    holder = _holder(style)
    version = _installed(MODULES[style].version_of)
    checked = 0
    for name, (code, constant) in _constants(style).items():
        if _exists(constant, version):
            assert _matches(style, _value(holder, name), code), (style, name, code)
            checked += 1
        else:
            # Too new for the installed version: then it must really be missing there.
            assert not hasattr(holder, name) or not _matches(style, _value(holder, name), code), (
                style,
                name,
            )
    assert checked >= 60


@pytest.mark.parametrize("style", ["starlette", "fastapi"])
def test_deprecated_names_warn_and_the_others_do_not(style: str) -> None:
    holder = _holder(style)
    version = _installed(MODULES[style].version_of)
    deprecated = {
        name
        for name, (_, constant) in _constants(style).items()
        if constant.deprecated_since is not None
    }
    assert deprecated == {
        "HTTP_413_REQUEST_ENTITY_TOO_LARGE",
        "HTTP_414_REQUEST_URI_TOO_LONG",
        "HTTP_416_REQUESTED_RANGE_NOT_SATISFIABLE",
        "HTTP_422_UNPROCESSABLE_ENTITY",
    }
    for name, (_, constant) in _constants(style).items():
        if not _exists(constant, version):
            continue
        if constant.deprecated_since is not None and (
            version is None or version >= constant.deprecated_since
        ):
            with pytest.warns(Warning, match=name):
                getattr(holder, name)
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                getattr(holder, name)


def _public(style: str, holder: Any) -> set[str]:
    """What a user sees: dir() (Starlette's module __dir__ hides its imports), plus for httpx
    the lower-case aliases that dir() of the enum leaves out and requests' LookupDict entries."""
    names = {name for name in dir(holder) if not name.startswith("_")}
    if style in {"httpx", "requests"}:
        names |= {name for name in vars(holder) if not name.startswith("_")}
    return names


def _real_constants(style: str, holder: Any) -> dict[str, int]:
    """The status constants the installed module really has: name -> code."""
    if style in {"drf", "starlette", "fastapi", "litestar", "robyn"}:
        names = {name for name in dir(holder) if re.fullmatch(r"HTTP_\d{3}_\w+", name)}
        names |= set(getattr(holder, "__deprecated__", ()))
        return {name: _value(holder, name) for name in names}
    if style == "falcon":
        found = {}
        for name in dir(holder):
            value = getattr(holder, name)
            if name.startswith("HTTP_") and isinstance(value, str):
                match = re.match(r"(\d{3}) ", value)
                if match and not 700 <= int(match.group(1)) < 800:  # the joke 7xx codes
                    found[name] = int(match.group(1))
        return found
    if style == "httpx":
        return {name: int(member) for name, member in holder.__members__.items()}
    if style == "requests":
        return {
            name: value
            for name, value in vars(holder).items()
            if name.isidentifier() and not keyword.iskeyword(name) and isinstance(value, int)
        }
    raise AssertionError(style)


@pytest.mark.parametrize("style", list(_PACKAGES))
def test_every_constant_of_the_installed_package_is_known(style: str) -> None:
    holder = _holder(style)
    real = _real_constants(style, holder)
    ours = {name: code for name, (code, _) in _constants(style).items()}
    assert len(real) >= 60
    missing = {name: code for name, code in real.items() if ours.get(name) != code}
    assert not missing, missing


@pytest.mark.parametrize("style", ["stdlib", *_PACKAGES])
def test_every_public_name_is_a_constant_or_an_other_name(style: str) -> None:
    """Otherwise check_name would call a real name a misspelling."""
    holder = _holder(style)
    public = _public(style, holder)
    if style == "falcon":  # only HTTP* names are ever checked in the big falcon namespace
        public = {name for name in public if name.startswith("HTTP")}
    if style == "requests":
        public = {name for name in public if name.isidentifier() and not keyword.iskeyword(name)}
    known = set(_constants(style)) | MODULES[style].other_names
    assert public - known == set()
    for name in public:
        assert check_name(style, name, {}) is None or name in _constants(style), (style, name)


def test_robyn_status_codes_are_drf_names_without_509() -> None:
    status_codes = pytest.importorskip("robyn.status_codes")
    assert status_codes.HTTP_404_NOT_FOUND == 404
    assert set(_constants("robyn")) == set(_constants("drf")) - {
        "HTTP_509_BANDWIDTH_LIMIT_EXCEEDED"
    }
    assert set(_constants("robyn")) == set(status_codes.__all__)
    assert check_name("robyn", "HTTP_404_NOT_FOUND", {}) is None
    assert check_name("robyn", "HTTP_404_NOT_FOUN", {}) is not None


def test_httpx_lower_case_aliases_are_other_names() -> None:
    httpx = pytest.importorskip("httpx")
    assert httpx.codes.not_found == 404
    assert "not_found" in MODULES["httpx"].other_names
    assert check_name("httpx", "not_found", {}) is None


def test_requests_canonical_names() -> None:
    status_codes = pytest.importorskip("requests.status_codes")
    codes = status_codes.codes
    titles: dict[int, tuple[str, ...]] = getattr(status_codes, "_codes", {})
    if not titles:
        pytest.skip("requests.status_codes._codes is gone")
    for code, names in titles.items():
        # requests also sets each name in upper case; codes.continue is a syntax error, so 100's
        # only usable name is CONTINUE.
        usable = [
            name
            for name in [*names, *(name.upper() for name in names)]
            if name.isidentifier() and not keyword.iskeyword(name) and getattr(codes, name) == code
        ]
        canonical = [
            name
            for name, (number, constant) in _constants("requests").items()
            if number == code and not constant.alias
        ]
        assert canonical == usable[:1], (code, canonical, usable)
    assert code_of("requests", "precondition") == 428
    assert code_of("requests", "uri_too_long") == 414
    assert code_of("requests", "request_uri_too_long") == 122
    assert constant_for(100, "requests", {}).name == "CONTINUE"  # type: ignore[union-attr]


# -- http.HTTPStatus on every Python -------------------------------------------------------------
def test_stdlib_names_match_this_python() -> None:
    import http

    version = sys.version_info[:2]
    expected = {name: member.value for name, member in http.HTTPStatus.__members__.items()}
    ours = {
        name: code
        for name, (code, constant) in _constants("stdlib").items()
        if _exists(constant, version)
    }
    assert ours == expected


def _interpreter(minor: int) -> str | None:
    candidates = [shutil.which(f"python3.{minor}")]
    candidates += sorted(glob.glob(str(Path.home() / f".pyenv/versions/3.{minor}.*/bin/python3")))
    for candidate in candidates:
        if candidate is None:
            continue
        # A pyenv shim for a version that is installed but not selected exits non-zero.
        probe = subprocess.run([candidate, "-c", "pass"], capture_output=True, check=False)
        if probe.returncode == 0:
            return candidate
    return None


_MEMBERS = (
    "import http, json, sys; print(json.dumps([list(sys.version_info[:2]), "
    "sorted(http.HTTPStatus.__members__), "
    "{n: m.value for n, m in http.HTTPStatus.__members__.items()}]))"
)


@pytest.mark.slow
@pytest.mark.parametrize("minor", range(9, 15))
def test_stdlib_names_match_every_installed_python(minor: int) -> None:
    python = _interpreter(minor)
    if python is None:
        pytest.skip(f"no python3.{minor} interpreter here")
    output = subprocess.run(
        [python, "-I", "-c", _MEMBERS], capture_output=True, text=True, check=True
    ).stdout
    version, members, values = json.loads(output)
    assert version == [3, minor]
    ours = {
        name: code
        for name, (code, constant) in _constants("stdlib").items()
        if _exists(constant, tuple(version))
    }
    assert sorted(ours) == members
    assert ours == values


@pytest.mark.parametrize(
    ("name", "since"),
    [
        ("EARLY_HINTS", (3, 9)),
        ("IM_A_TEAPOT", (3, 9)),
        ("TOO_EARLY", (3, 9)),
        ("CONTENT_TOO_LARGE", (3, 13)),
        ("URI_TOO_LONG", (3, 13)),
        ("RANGE_NOT_SATISFIABLE", (3, 13)),
        ("UNPROCESSABLE_CONTENT", (3, 13)),
        ("REQUEST_ENTITY_TOO_LARGE", None),
        ("UNPROCESSABLE_ENTITY", None),
        ("NOT_FOUND", None),
    ],
)
def test_stdlib_since(name: str, since: tuple[int, ...] | None) -> None:
    _, constant = _constants("stdlib")[name]
    assert constant.since == since
    assert constant.deprecated_since is None
    old = {
        "REQUEST_ENTITY_TOO_LARGE",
        "REQUEST_URI_TOO_LONG",
        "REQUESTED_RANGE_NOT_SATISFIABLE",
        "UNPROCESSABLE_ENTITY",
    }
    assert constant.alias is (name in old)


# -- version-aware choices ------------------------------------------------------------------------
def _name(code: int, style: str, versions: dict[str, tuple[int, ...]]) -> str | None:
    constant = constant_for(code, style, versions)
    return constant.name if constant is not None else None


def test_constant_for() -> None:
    assert _name(422, "stdlib", {"python": (3, 12)}) == "UNPROCESSABLE_ENTITY"
    assert _name(422, "stdlib", {"python": (3, 13)}) == "UNPROCESSABLE_CONTENT"
    assert _name(422, "starlette", {"starlette": (0, 47)}) == "HTTP_422_UNPROCESSABLE_ENTITY"
    assert _name(422, "starlette", {"starlette": (1, 10)}) == "HTTP_422_UNPROCESSABLE_CONTENT"
    assert _name(422, "fastapi", {"starlette": (0, 48)}) == "HTTP_422_UNPROCESSABLE_CONTENT"
    assert _name(422, "drf", {}) == "HTTP_422_UNPROCESSABLE_ENTITY"
    assert _name(418, "starlette", {"starlette": (0, 13)}) is None
    assert _name(418, "starlette", {"starlette": (0, 14)}) == "HTTP_418_IM_A_TEAPOT"
    assert _name(509, "stdlib", {}) is None
    assert _name(509, "drf", {}) == "HTTP_509_BANDWIDTH_LIMIT_EXCEEDED"
    assert _name(103, "stdlib", {"python": (3, 8)}) is None
    assert _name(103, "falcon", {"falcon": (3, 1)}) is None
    assert _name(103, "falcon", {"falcon": (4, 4)}) == "HTTP_103"
    assert _name(404, "falcon", {}) == "HTTP_404"
    assert _name(404, "httpx", {}) == "NOT_FOUND"
    assert _name(412, "requests", {}) == "precondition_failed"
    assert _name(413, "requests", {"requests": (2, 31)}) == "request_entity_too_large"
    assert _name(306, "starlette", {}) == "HTTP_306_RESERVED"
    assert _name(306, "stdlib", {}) is None
    assert _name(299, "stdlib", {}) is None


def test_check_name() -> None:
    assert check_name("stdlib", "NOT_FOUND", {"python": (3, 9)}) is None
    assert check_name("stdlib", "is_success", {"python": (3, 12)}) is None
    missing = check_name("stdlib", "UNPROCESSABLE_CONTENT", {"python": (3, 9)})
    assert missing is not None
    assert (missing.problem, missing.code) == ("missing", 422)
    assert missing.replacement is not None
    assert missing.replacement.name == "UNPROCESSABLE_ENTITY"
    assert check_name("stdlib", "UNPROCESSABLE_ENTITY", {"python": (3, 13)}) is None
    deprecated = check_name("starlette", "HTTP_422_UNPROCESSABLE_ENTITY", {"starlette": (1, 10)})
    assert deprecated is not None
    assert deprecated.problem == "deprecated"
    assert deprecated.replacement is not None
    assert deprecated.replacement.name == "HTTP_422_UNPROCESSABLE_CONTENT"
    assert check_name("starlette", "HTTP_422_UNPROCESSABLE_ENTITY", {"starlette": (0, 47)}) is None
    too_new = check_name("starlette", "HTTP_422_UNPROCESSABLE_CONTENT", {"starlette": (0, 47)})
    assert too_new is not None
    assert too_new.problem == "missing"
    unknown = check_name("stdlib", "NOT_FOUN", {})
    assert unknown is not None
    assert unknown.problem == "unknown"
    assert (unknown.guess, unknown.code) == ("NOT_FOUND", 404)
    assert check_name("drf", "is_redirection", {}) is not None
    assert check_name("drf", "is_redirect", {}) is None
    assert check_name("starlette", "WS_1008_POLICY_VIOLATION", {}) is None
    assert check_name("falcon", "HTTPNotFound", {}) is None
    assert check_name("falcon", "HTTP_701", {}) is None
    assert check_name("requests", "get", {}) is None
    assert check_name("httpx", "get_reason_phrase", {}) is None
    falcon_too_new = check_name("falcon", "HTTP_TOO_EARLY", {"falcon": (3, 1)})
    assert falcon_too_new is not None
    assert falcon_too_new.problem == "missing"


# -- version data of the other styles --------------------------------------------------------------
_STARLETTE_SINCE = {
    "HTTP_425_TOO_EARLY": (0, 13),
    "HTTP_418_IM_A_TEAPOT": (0, 14),
    "HTTP_102_PROCESSING": (0, 15),
    "HTTP_103_EARLY_HINTS": (0, 15),
    "HTTP_208_ALREADY_REPORTED": (0, 15),
    "HTTP_226_IM_USED": (0, 15),
    "HTTP_308_PERMANENT_REDIRECT": (0, 15),
    "HTTP_421_MISDIRECTED_REQUEST": (0, 15),
    "HTTP_426_UPGRADE_REQUIRED": (0, 15),
    "HTTP_506_VARIANT_ALSO_NEGOTIATES": (0, 15),
    "HTTP_508_LOOP_DETECTED": (0, 15),
    "HTTP_510_NOT_EXTENDED": (0, 15),
    "HTTP_413_CONTENT_TOO_LARGE": (0, 48),
    "HTTP_414_URI_TOO_LONG": (0, 48),
    "HTTP_416_RANGE_NOT_SATISFIABLE": (0, 48),
    "HTTP_422_UNPROCESSABLE_CONTENT": (0, 48),
}


def test_starlette_versions_and_fastapi_mirrors_them() -> None:
    starlette = _constants("starlette")
    assert "HTTP_306_RESERVED" in starlette
    assert len(starlette) == 67  # 63 current names + 4 deprecated ones (Starlette 1.10)
    for name, (_, constant) in starlette.items():
        assert constant.since == _STARLETTE_SINCE.get(name), name
        assert not constant.alias, name
        if constant.deprecated_since is not None:
            assert constant.deprecated_since == (0, 48), name
    fastapi = {
        name: (code, constant.since, constant.deprecated_since, constant.alias)
        for name, (code, constant) in _constants("fastapi").items()
    }
    assert fastapi == {
        name: (code, constant.since, constant.deprecated_since, constant.alias)
        for name, (code, constant) in starlette.items()
    }


def test_drf_litestar_httpx_names() -> None:
    drf = _constants("drf")
    assert "HTTP_509_BANDWIDTH_LIMIT_EXCEEDED" in drf
    assert "HTTP_306_RESERVED" in drf
    assert "HTTP_422_UNPROCESSABLE_CONTENT" not in drf
    assert "HTTP_306_RESERVED" in _constants("litestar")
    assert "HTTP_422_UNPROCESSABLE_CONTENT" not in _constants("litestar")
    assert "UNPROCESSABLE_CONTENT" not in _constants("httpx")
    for style in ("drf", "litestar", "httpx"):
        for name, (_, constant) in _constants(style).items():
            assert constant.since is None, (style, name)
            assert constant.deprecated_since is None, (style, name)


def test_falcon_versions_and_aliases() -> None:
    falcon = _constants("falcon")
    new_in_4 = {name for name, (_, constant) in falcon.items() if constant.since == (4, 0)}
    assert new_in_4 == {
        "HTTP_103",
        "HTTP_EARLY_HINTS",
        "HTTP_421",
        "HTTP_MISDIRECTED_REQUEST",
        "HTTP_425",
        "HTTP_TOO_EARLY",
        "HTTP_506",
        "HTTP_VARIANT_ALSO_NEGOTIATES",
        "HTTP_510",
        "HTTP_NOT_EXTENDED",
        "HTTP_CONTENT_TOO_LARGE",
    }
    for name, (code, constant) in falcon.items():
        numeric = name == f"HTTP_{code}"
        assert constant.alias is not numeric, name
    assert not [name for name, (code, _) in falcon.items() if code >= 600]


def test_requests_versions() -> None:
    new_in_2_32 = {
        name for name, (_, constant) in _constants("requests").items() if constant.since is not None
    }
    assert new_in_2_32 == {
        "content_too_large",
        "CONTENT_TOO_LARGE",
        "uri_too_long",
        "URI_TOO_LONG",
        "unprocessable_content",
        "UNPROCESSABLE_CONTENT",
        "too_early",
        "TOO_EARLY",
    }
    for name in new_in_2_32:
        assert _constants("requests")[name][1].since == (2, 32)

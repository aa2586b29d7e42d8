"""Option parsing: the target Python from requires-python, and allow-nonstandard."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_httpstatus.config.settings import (
    Settings,
    _satisfies,
    lowest_python,
    parse_extra_sinks,
    parse_library_versions,
    parse_nonstandard,
    parse_style,
    parse_target_python,
    parse_version,
    python_target,
    requires_python_of,
)


@pytest.mark.parametrize(
    ("specifier", "lowest"),
    [
        (">=3.13", (3, 13)),
        (">=3.8,<4", (3, 8)),
        (">=3.9, <3.13", (3, 9)),
        ("~=3.10", (3, 10)),
        ("~=3.9.2", (3, 9)),  # >=3.9.2, ==3.9.*
        ("==3.11.*", (3, 11)),
        ("==3.12", (3, 12)),
        ("===3.10", (3, 10)),
        (">= 3.11", (3, 11)),
        (" >=3.10 , !=3.10.* ", (3, 11)),
        ("!=3.9.*,>=3.9", (3, 10)),
        (">=3.9.1", (3, 9)),  # 3.9.1 is a 3.9
        (">3.9", (3, 9)),  # so is 3.9.1 > 3.9, by PEP 440
        (">3.9.*", (3, 9)),  # not a valid clause: ignored
        (">=3.10.0rc1", (3, 10)),
        (">=3.12.0b1", (3, 12)),
        ("<=3.7", (3, 0)),
        (">=3", (3, 0)),
        (">2.7", (3, 0)),
        ("<3.0", None),
        ("<3.9,>=3.10", None),
    ],
)
def test_lowest_python(specifier: str, lowest: tuple[int, int] | None) -> None:
    assert lowest_python(specifier) == lowest


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('[project]\nrequires-python = ">=3.11"\n', ">=3.11"),
        ("[project]\nrequires-python = '>=3.11'\n", ">=3.11"),
        ('[project]\nname = "x"\n', None),
        # Another table's key of the same name is not the project's.
        ('[tool.other]\nrequires-python = ">=3.12"\n[project]\nname = "x"\n', None),
        ('[project]\nrequires-python = ">=3.11"\n[tool.x]\nrequires-python = ">=3.12"\n', ">=3.11"),
        ("[project\nrequires-python = '>=3.11'\n", None),  # not TOML
        ("[project]\nrequires-python = 311\n", None),
    ],
)
def test_requires_python_of(text: str, found: str | None) -> None:
    assert requires_python_of(text) == found


def test_target_python_from_the_nearest_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\nrequires-python = ">=3.12"\n', encoding="utf-8"
    )
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    app = tmp_path / "pkg" / "sub" / "app.py"
    assert python_target(str(app), Settings())[0] == (3, 12)
    assert python_target(str(app), Settings(target_python=(3, 10)))[0] == (3, 10)
    assert python_target("-", Settings())[0] == (3, 9)


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        ("all", None),
        ("ALL", None),
        (" all ", None),
        ("", frozenset()),
        ("none", frozenset()),
        ("499", frozenset({499})),
        ("499, 520 599", frozenset({499, 520, 599})),
    ],
)
def test_parse_nonstandard(text: str, allowed: frozenset[int] | None) -> None:
    assert parse_nonstandard(text) == allowed


def test_allow_nonstandard_all_allows_any_code() -> None:
    settings = Settings(allow_nonstandard=parse_nonstandard("all"))
    assert settings.allows_nonstandard(499)
    assert settings.allows_nonstandard(520)
    assert not Settings(allow_nonstandard=parse_nonstandard("499")).allows_nonstandard(520)


def test_bad_nonstandard_value() -> None:
    with pytest.raises(ValueError, match="'x' is not a status code"):
        parse_nonstandard("499,x")


@pytest.mark.parametrize(
    ("version", "clause", "satisfied"),
    [
        ((3, 9, 0), ">=3.9", True),
        ((3, 8, 9), ">=3.9", False),
        ((3, 9, 0), ">3.9", False),
        ((3, 9, 1), ">3.9", True),
        ((3, 9, 0), "<=3.9", True),
        ((3, 9, 1), "<=3.9", False),
        ((3, 9, 0), "<3.9", False),
        ((3, 8, 9), "<3.9", True),
        ((3, 9, 1), "==3.9.1", True),
        ((3, 9, 0), "==3.9.1", False),
        ((3, 9, 5), "==3.9.*", True),
        ((3, 10, 0), "==3.9.*", False),
        ((3, 9, 5), "==3.9", True),  # two parts: any 3.9
        ((3, 9, 0), "!=3.9.0", False),
        ((3, 9, 1), "!=3.9.0", True),
        ((3, 9, 1), "!=3.9.*", False),
        ((3, 10, 0), "!=3.9.*", True),
        ((3, 9, 2), "~=3.9.2", True),
        ((3, 9, 1), "~=3.9.2", False),
        ((3, 10, 0), "~=3.9.2", False),
        ((3, 11, 0), "~=3.9", True),
        ((4, 0, 0), "~=3.9", False),
        ((3, 9, 0), "3.9", True),  # no operator: ==
        ((3, 9, 0), "garbage", True),  # unreadable clauses constrain nothing
    ],
)
def test_satisfies(version: tuple[int, ...], clause: str, satisfied: bool) -> None:
    assert _satisfies(version, clause) is satisfied


def test_error_messages_name_the_value() -> None:
    with pytest.raises(ValueError, match=r"^'x\.y' is not a version like 3\.9 or 0\.48\.0$"):
        parse_version("x.y")
    with pytest.raises(ValueError, match=r"^'bogus' is not one of auto, stdlib, drf, "):
        parse_style("bogus")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("3.11", (3, 11)),
        ("3.9.1", (3, 9)),
        (" 3.10 ", (3, 10)),
        ("py311", (3, 11)),  # as ruff and black write it
        ("py39", (3, 9)),
        ("PY3.12", (3, 12)),
        ("", None),
    ],
)
def test_parse_target_python(text: str, target: tuple[int, int] | None) -> None:
    assert parse_target_python(text) == target


@pytest.mark.parametrize("text", ["2.7", "4.0", "3", "py2", "three"])
def test_bad_target_python(text: str) -> None:
    with pytest.raises(ValueError, match=r"is not a Python 3 version like 3\.9|is not a version"):
        parse_target_python(text)


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        ("true", None),
        ("Yes", None),
        ("1", None),
        ("false", frozenset()),
        ("NO", frozenset()),
        ("0", frozenset()),
    ],
)
def test_nonstandard_words(text: str, allowed: frozenset[int] | None) -> None:
    assert parse_nonstandard(text) == allowed


def test_parse_library_versions() -> None:
    assert parse_library_versions("starlette==0.47, Django=4.2.1") == {
        "starlette": (0, 47),
        "django": (4, 2, 1),
    }
    with pytest.raises(
        ValueError, match=r"^'bogus=1' is not NAME=VERSION with NAME one of starlette, "
    ):
        parse_library_versions("bogus=1")
    with pytest.raises(ValueError, match="is not NAME=VERSION"):
        parse_library_versions("starlette")


def test_parse_extra_sinks() -> None:
    keyword, position = parse_extra_sinks("myapp.http:error_response:status@1 myapp.http:err:@2")
    assert (keyword.qualified_name, keyword.param.keyword, keyword.param.position) == (
        "myapp.http.error_response",
        "status",
        1,
    )
    assert (position.qualified_name, position.param.keyword, position.param.position) == (
        "myapp.http.err",
        None,
        2,
    )
    with pytest.raises(
        ValueError, match=r"^'myapp.http:err:' is not module:callable:param@position"
    ):
        parse_extra_sinks("myapp.http:err:")

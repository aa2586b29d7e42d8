"""The reference CLI: `explain` and `codes`, their output and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from flake8_httpstatus.frontends.cli import main
from flake8_httpstatus.knowledge.registry import all_codes


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_explain_code_shows_everything(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "404")
    assert code == 0
    for text in (
        "404 Not Found",
        "4xx - Client Errors",
        "The server can not find the requested resource. The URL is not recognized.",
        "Invalid URLs",
        "Typos in URLs",
        "standard",
        "RFC 9110 §15.5.5",
        "http.HTTPStatus.NOT_FOUND",
        "rest_framework.status.HTTP_404_NOT_FOUND",
        "from fastapi import status; status.HTTP_404_NOT_FOUND",
        "litestar.status_codes.HTTP_404_NOT_FOUND",
    ):
        assert text in out, text


def test_explain_code_with_header_and_body_rules(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "explain", "405")
    assert "Allow: MUST" in out
    _, out, _ = run(capsys, "explain", "204")
    assert "not allowed (no body)" in out


def test_explain_renamed_constant_shows_versions(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "explain", "422")
    assert "http.HTTPStatus.UNPROCESSABLE_CONTENT (since Python 3.13)" in out
    assert "deprecated since Starlette 0.48" in out


def test_explain_nonstandard(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "explain", "499")
    assert "non-standard" in out
    assert "nginx" in out


@pytest.mark.parametrize(
    ("subject", "words"),
    [
        ("299", ["299 is not an assigned status code", "200"]),
        ("600", ["600 is not a valid status code"]),
        ("999", ["999 is not a valid status code"]),
        ("HS999", ["'HS999' is neither"]),
    ],
)
def test_explain_unknown_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], subject: str, words: list[str]
) -> None:
    code, out, err = run(capsys, "explain", subject)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    for word in words:
        assert word in err


@pytest.mark.parametrize(
    ("subject", "concerned", "unconcerned"),
    [
        ("204", ["HS301", "HS302", "HS401"], ["HS304", "HS402", "HS501"]),
        ("401", ["HS304", "HS501", "WWW-Authenticate"], ["HS301", "HS401", "HS402"]),
        ("405", ["HS304", "Allow"], ["HS301"]),
        ("302", ["HS304", "Location", "HS401"], ["HS402"]),
        ("304", ["HS301", "HS402"], ["HS304"]),
        ("402", ["HS405"], ["HS203"]),
        ("418", ["HS203"], ["HS202"]),
        ("499", ["HS202", "HS405"], ["HS203"]),
        ("103", ["HS303"], ["HS203"]),
        ("101", ["HS301"], ["HS303"]),
    ],
)
def test_explain_code_shows_the_rules_that_concern_it(
    capsys: pytest.CaptureFixture[str], subject: str, concerned: list[str], unconcerned: list[str]
) -> None:
    _, out, _ = run(capsys, "explain", subject)
    rules = out.split("\nRules:\n")[1].split("\n\n")[0]
    assert "HS101" in rules
    for text in concerned:
        assert text in rules, text
    for text in unconcerned:
        assert text not in rules, text


def test_reserved_402(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "explain", "402")
    assert "Standing:    reserved" in out
    _, out, _ = run(capsys, "codes", "--json", "--search", "Payment Required")
    assert json.loads(out)[0]["standing"] == "reserved"


def test_explain_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "HS101")
    assert code == 0
    assert out.startswith("# HS101: magic-status-in-call")
    assert "## Example" in out


def test_explain_garbage_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", "nope")
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "nope" in err


def test_codes_lists_the_reference_grouped_by_class(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "codes")
    assert code == 0
    assert "Showing 57 of 57 status codes" in out
    headings = [line for line in out.splitlines() if line[:1].isdigit() and " - " in line]
    assert headings == [
        "1xx - Informational",
        "2xx - Success",
        "3xx - Redirection",
        "4xx - Client Errors",
        "5xx - Server Errors",
    ]


@pytest.mark.parametrize("spelling", ["1xx", "1XX", "1", " 1xx "])
def test_codes_class_filter(capsys: pytest.CaptureFixture[str], spelling: str) -> None:
    _, out, _ = run(capsys, "codes", "--class", spelling)
    assert "Showing 4 of 57 status codes" in out
    assert "200 OK" not in out


def test_codes_search_matches_use_cases(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "codes", "--search", "rate limiting")
    assert "429 Too Many Requests" in out
    assert "Showing 1 of 57" in out


def test_codes_all(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "codes", "--all")
    assert f"Showing {len(all_codes())} of {len(all_codes())}" in out
    assert "499 Client Closed Request" in out


def test_codes_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "codes", "--json", "--search", "404")
    data = json.loads(out)
    assert [item["code"] for item in data] == [404]
    item = data[0]
    assert item["phrase"] == "Not Found"
    assert item["use_cases"] == ["Invalid URLs", "Deleted resources", "Typos in URLs"]
    assert item["standing"] == "standard"
    assert item["description"].startswith("The server can not find")


def test_codes_bad_class_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    for bad in ("6xx", "6", "4x", ""):
        with pytest.raises(SystemExit) as raised:
            main(["codes", "--class", bad])
        assert raised.value.code == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert len(err.strip().splitlines()) == 1


def test_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "flake8_httpstatus", "explain", "201"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("201 Created")


def test_a_closed_pipe_ends_quietly() -> None:
    """`flake8-httpstatus codes | head -1`: the reader has gone, so the writes fail; no traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "flake8_httpstatus", "codes", "--all"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert done.stderr == ""

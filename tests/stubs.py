"""Recording stubs: run a program against stand-ins for the frameworks it imports, which record
what they are given (repr and str of each value, as a program's output would show them), so that
a program and its fixed text can be compared without configuring a real framework."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

Record = list[tuple[str, str, str]]


def _recorder(record: Record, name: str, default: int | None = None) -> Any:
    class Recorded(Exception):
        """Records the values it is given; keeps its status as an int, as the frameworks
        stubbed here do (tests/test_frameworks.py checks that they do)."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            for key, value in [*enumerate(args), *kwargs.items()]:
                record.append((f"{name}:{key}", repr(value), f"{value} %s" % (value,)))
            status = kwargs.get("status", kwargs.get("code", args[0] if args else default))
            self.status_code = int(status) if isinstance(status, int) else status

    Recorded.__name__ = name
    return Recorded


@contextmanager
def stubs(record: Record) -> Iterator[None]:
    """`django.http.HttpResponse`, `flask.abort` and `rest_framework.response.Response` as
    recorders, for as long as the context lasts."""
    modules = {
        "django": {},
        "django.http": {"HttpResponse": "HttpResponse"},  # status 200 unless given
        "flask": {"abort": "abort", "Response": "Response"},
        "rest_framework": {},
        "rest_framework.response": {"Response": "Response"},
        "rest_framework.status": {},
    }
    saved = {name: sys.modules.get(name) for name in modules}
    try:
        for name, members in modules.items():
            module = types.ModuleType(name)
            for member, label in members.items():
                default = 200 if label == "HttpResponse" else None
                setattr(module, member, _recorder(record, label, default))
            sys.modules[name] = module
        sys.modules["rest_framework.status"].__dict__.update(
            {f"HTTP_{code}_{name}": code for code, name in _DRF_NAMES}
        )
        sys.modules["rest_framework"].status = sys.modules["rest_framework.status"]  # type: ignore[attr-defined]
        yield
    finally:
        for name, original in saved.items():
            if original is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = original


_DRF_NAMES = ((200, "OK"), (201, "CREATED"), (204, "NO_CONTENT"), (404, "NOT_FOUND"))


def run(text: str) -> Record:
    """What `text` gives the stubs when run as a module (exceptions it raises included)."""
    record: Record = []
    with stubs(record):
        try:
            exec(compile(text, "<program>", "exec"), {"__name__": "program"})
        except Exception as error:  # the program's own failure is part of its output
            record.append(("raised", type(error).__name__, str(error)))
    return record


def output(text: str) -> str:
    """What `text` prints when run as a module against the stubs, its exception included."""
    import contextlib
    import io

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        failure = run(text)
    raised = [f"raised {kind}: {message}" for where, kind, message in failure if where == "raised"]
    return printed.getvalue() + "".join(line + "\n" for line in raised)


if __name__ == "__main__":  # on another Python: the programs (a JSON list) in, outputs out
    import json

    print(json.dumps([output(program) for program in json.load(sys.stdin)]))

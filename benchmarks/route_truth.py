"""The route map held against an application's own test run.

`route_observer.py` records, for every request the application's tests make through the
framework's test client, the route the framework matched and the status it sent. This joins
those observations with `flake8-httpstatus routes ROOT --format json` and prints, per
application:

- routes: in the table, exercised by the run (a table route with an observed request of one of
  its methods), and observed routes the table lacks;
- observed (route, method, status) triples on table routes, and how many of them the table
  lists in `sends` ∪ `implicit` (the recall of "sends"), and in `sends` alone;
- "tested": how many statuses the table says a route's tests assert were observed on it, and
  how many observed (route, status) pairs the table lists as tested;
- the misses: observed triples whose status the table lacks, with a test that made each.

Paths are compared the way the table writes them: Django's `<int:pk>` and regex groups,
Flask's `<int:id>`, Starlette's `{id:int}` all become `{...}`, and placeholders are compared
by place, not by name; a nested router's pattern is completed from the requested path. A request no route matched (an unmatched 404) is matched against the
table's paths; when none fits it is counted apart. HEAD is compared as GET (every framework
here answers HEAD with the GET view).

Usage: python -m benchmarks.route_truth ROOT OBSERVATIONS.jsonl [--table TABLE.json]
       [--misses N] [--json]

Without `--table` the table is built from ROOT here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flake8_httpstatus.frontends.route_report import to_json
from flake8_httpstatus.routes.django import regex_path
from flake8_httpstatus.routes.table import normalise, route_map

_PLACEHOLDER = re.compile(r"{[^{}]*}")
_REGEX_SIGNS = re.compile(r"[\^$\\]|\(\?P<")


def path_key(path: str) -> str:
    """A normalised path with its placeholders unnamed: `/items/{}`."""
    return _PLACEHOLDER.sub("{}", normalise(path))


def observed_path(framework: str, pattern: str) -> str:
    """The path a framework's matched pattern stands for, written as the table writes it."""
    if framework == "django":
        if _REGEX_SIGNS.search(pattern):
            pattern = regex_path(pattern.replace("$", "").replace("^", ""))
        pattern = "/" + pattern
    return normalise(pattern)


def _template(key: str) -> re.Pattern[str]:
    parts = (re.escape(part) for part in key.split("{}"))
    return re.compile("[^/]+".join(parts) + r"\Z")


@dataclass(frozen=True)
class Observation:
    test: str
    caller: str
    method: str
    path: str
    key: str | None  # the matched route's path key; None when nothing matched
    status: int
    pattern: str | None = None  # the matched route's path with its placeholders' names


@dataclass
class TableRoute:
    index: int
    methods: frozenset[str]
    path: str
    handler: str
    sends: frozenset[int]
    implicit: frozenset[int]
    tested: frozenset[int]

    def answers(self, method: str) -> bool:
        return "*" in self.methods or method in self.methods

    @property
    def label(self) -> str:
        return f"{'|'.join(sorted(self.methods))} {self.path}"


@dataclass
class Truth:
    routes: list[TableRoute]
    observations: list[Observation]
    by_key: dict[str, list[TableRoute]] = field(init=False)

    def __post_init__(self) -> None:
        self.by_key = defaultdict(list)
        for route in self.routes:
            self.by_key[path_key(route.path)].append(route)

    def key_of(self, observation: Observation) -> str | None:
        """The observation's route key. A pattern the table lacks may be a nested router's own
        (FastAPI from 0.1xx keeps included routers nested and puts the innermost route in the
        scope): the requested path matched to a table path ending with it. An unmatched
        request's path is matched to the table's paths."""
        if observation.key in self.by_key:
            return observation.key
        fits = [key for key in self.by_key if _template(key).match(observation.path)]
        if observation.key is not None:
            local = observation.key
            fits = [key for key in fits if key.endswith(local)]
            # The most literal key wins, as a router tries literal segments first.
            return min(fits, key=lambda key: key.count("{}"), default=local)
        return min(fits, key=lambda key: key.count("{}"), default=None)

    def route_of(self, observation: Observation, key: str) -> TableRoute | None:
        """The table route answering the method; of routes whose paths differ only by their
        converters (Django's `ping/<uuid:code>/<int:n>` and `ping/<slug:key>/<slug:slug>`), the
        one whose placeholders are named as the matched pattern's."""
        method = "GET" if observation.method == "HEAD" else observation.method
        answering = [route for route in self.by_key.get(key, []) if route.answers(method)]
        named = [route for route in answering if route.path == observation.pattern]
        return next(iter(named or answering), None)


def load_table(document: dict[str, Any]) -> list[TableRoute]:
    return [
        TableRoute(
            index,
            frozenset(route["methods"]),
            route["path"],
            route["handler"],
            frozenset(entry["status"] for entry in route["sends"]),
            frozenset(entry["status"] for entry in route["implicit"]),
            frozenset(entry["status"] for entry in route["tested"]),
        )
        for index, route in enumerate(document["routes"])
    ]


def load_observations(path: Path) -> list[Observation]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        route = row["route"]
        pattern = None if route is None else observed_path(row["framework"], route)
        found.append(
            Observation(
                row["test"] or "",
                row["caller"] or "",
                row["method"],
                row["path"],
                None if pattern is None else path_key(pattern),
                row["status"],
                pattern,
            )
        )
    return found


def measure(truth: Truth, misses: int) -> dict[str, Any]:
    exercised: set[int] = set()
    triples: dict[tuple[int, str, int], Observation] = {}
    lacking: Counter[str] = Counter()
    method_lacking: Counter[str] = Counter()
    unmatched: Counter[int] = Counter()
    for observation in truth.observations:
        key = truth.key_of(observation)
        if key is None:
            unmatched[observation.status] += 1
            continue
        if key not in truth.by_key:
            lacking[f"{key} ({observation.path})"] += 1
            continue
        route = truth.route_of(observation, key)
        if route is None:
            method_lacking[f"{observation.method} {key} -> {observation.status}"] += 1
            continue
        exercised.add(route.index)
        method = "GET" if observation.method == "HEAD" else observation.method
        triples.setdefault((route.index, method, observation.status), observation)

    in_sends = [t for t in triples if t[2] in truth.routes[t[0]].sends]
    in_table = [
        t for t in triples if t[2] in truth.routes[t[0]].sends | truth.routes[t[0]].implicit
    ]
    observed_pairs = {(index, status) for index, _, status in triples}
    claimed = [(r.index, status) for r in truth.routes for status in r.tested]
    confirmed = [pair for pair in claimed if pair in observed_pairs]
    claimed_routes = {index for index, _ in claimed}
    checked = [pair for pair in claimed if pair[0] in exercised]
    observed_tested = [pair for pair in observed_pairs if pair[1] in truth.routes[pair[0]].tested]
    missed = sorted(
        (t for t in triples if t not in set(in_table)),
        key=lambda t: (truth.routes[t[0]].path, t[1], t[2]),
    )
    return {
        "routes": len(truth.routes),
        "exercised": len(exercised),
        "requests": len(truth.observations),
        "unmatched_requests": dict(sorted(unmatched.items())),
        "routes_lacking": dict(lacking.most_common()),
        "methods_lacking": dict(method_lacking.most_common()),
        "triples": len(triples),
        "in_sends": len(in_sends),
        "in_sends_or_implicit": len(in_table),
        "tested_claims": len(claimed),
        "tested_claims_on_exercised_routes": len(checked),
        "tested_claims_observed": len(confirmed),
        "routes_with_tested_claims": len(claimed_routes),
        "observed_pairs": len(observed_pairs),
        "observed_pairs_tested": len(observed_tested),
        "statuses_missed": dict(sorted(Counter(t[2] for t in missed).items())),
        "misses": [
            {
                "route": truth.routes[t[0]].label,
                "handler": truth.routes[t[0]].handler,
                "method": t[1],
                "status": t[2],
                "test": triples[t].test,
                "caller": triples[t].caller,
            }
            for t in missed[:misses]
        ],
    }


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


def report(figures: dict[str, Any]) -> str:
    lines = [
        f"routes in the table: {figures['routes']}, exercised by the run: "
        f"{figures['exercised']} ({figures['requests']} requests)",
        f"observed (route, method, status) triples: {figures['triples']}",
        f"  in sends or implicit: {_percent(figures['in_sends_or_implicit'], figures['triples'])}",
        f"  in sends: {_percent(figures['in_sends'], figures['triples'])}",
        f"tested claims observed: {_percent(figures['tested_claims_observed'], figures['tested_claims'])}"
        f" (on exercised routes: {figures['tested_claims_on_exercised_routes']})",
        "observed (route, status) pairs the table lists as tested: "
        + _percent(figures["observed_pairs_tested"], figures["observed_pairs"]),
        f"requests no route matched, by status: {figures['unmatched_requests']}",
        f"observed routes the table lacks: {len(figures['routes_lacking'])}",
        *(f"  {count:4} {key}" for key, count in figures["routes_lacking"].items()),
        f"observed methods the table lacks: {len(figures['methods_lacking'])}",
        *(f"  {count:4} {key}" for key, count in figures["methods_lacking"].items()),
        f"statuses missed (by status): {figures['statuses_missed']}",
        *(
            f"  {miss['status']} {miss['method']} {miss['route']}  {miss['handler']}  "
            f"{miss['test']}  {miss['caller']}"
            for miss in figures["misses"]
        ),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("observations", type=Path)
    parser.add_argument("--table", type=Path, help="a `routes --format json` output")
    parser.add_argument("--misses", type=int, default=1000, help="misses listed (default 1000)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.table is not None:
        document = json.loads(args.table.read_text(encoding="utf-8"))
    else:
        document = json.loads(to_json(route_map(args.root)))
    truth = Truth(load_table(document), load_observations(args.observations))
    figures = measure(truth, args.misses)
    print(json.dumps(figures, indent=2) if args.json else report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())

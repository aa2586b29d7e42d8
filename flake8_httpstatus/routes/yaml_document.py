"""An OpenAPI document written in YAML, read with PyYAML's safe loader (the one `yaml.safe_load`
uses: plain data, never Python objects) from the optional extra `yaml`.

YAML's aliases let a small file stand for a huge tree ("billion laughs"): the loader shares
an aliased node rather than copying it, but whatever walks the data would visit it once per
reference. The tree the aliases expand to is measured on the composed nodes, each node once,
before any data is built; past `_MAX_NODES`, or on an alias to itself, the document is refused."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yaml import Node


def line_of(text: str, newlines: list[int], at: int) -> int:
    """The line of a place in `text`; `newlines`: the places of its newlines, filled on the
    first call (so each document's text is scanned once, not once per key)."""
    if not newlines:
        # A text without a newline is one line: its end stands in, so the list is filled.
        newlines += [found.start() for found in re.finditer("\n", text)] or [len(text)]
    return bisect.bisect_left(newlines, at) + 1


class Unread(Exception):
    """A YAML document that cannot be read: the message is one line."""


# The nodes a document may expand to through its aliases: far above a real API's (GitHub's
# REST description, one of the largest, has about 400,000), far below what exhausts memory.
_MAX_NODES = 2_000_000


class KeyPlaces:
    """Where the document's keys are written: the lines the map shows. A key is looked for
    under the key written at a place, then in the whole document, the shallowest first, so
    a key an alias brings in (`<<: *missing`) is shown at its anchor."""

    def __init__(self, text: str, root: Node) -> None:
        import yaml

        self.text = text
        self.root = root
        # The value of each key, by the place the key is written.
        self.values: dict[int, Node] = {}
        self._found: dict[int, dict[str, int]] = {}
        self._newlines: list[int] = []
        for node in _nodes(root):
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode):
                        self.values.setdefault(key.start_mark.index, value)

    def find(self, key: str, start: int) -> int:
        for origin in (self.values.get(start, self.root), self.root):
            if id(origin) not in self._found:
                self._found[id(origin)] = _first_keys(origin)
            if key in self._found[id(origin)]:
                return self._found[id(origin)][key]
        return start

    def line(self, at: int) -> int:
        return line_of(self.text, self._newlines, at)


def load(text: str, shown: str) -> tuple[Any, KeyPlaces]:
    """The document's data and where its keys are; Unread if it cannot be read: PyYAML
    missing, not YAML, or aliases expanding too far."""
    try:
        import yaml
    except ImportError:
        raise Unread(
            f"{shown}: reading YAML needs PyYAML: pip install 'flake8-httpstatus[yaml]'"
        ) from None
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise Unread(f"{shown}: empty: not an OpenAPI document")
        _measure(node, shown)
        # Building the data merges each `<<: *anchor`'s keys into its mapping node.
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise Unread(f"{shown}: not YAML{where}") from None
    except yaml.YAMLError:
        raise Unread(f"{shown}: not YAML") from None
    except RecursionError:
        raise Unread(f"{shown}: not read (nested too deep)") from None
    finally:
        loader.dispose()
    return data, KeyPlaces(text, node)


def _measure(root: Node, shown: str) -> None:
    """The size of the tree the aliases expand to, each node visited once (iteratively,
    without recursion); Unread past `_MAX_NODES` or on an alias to itself."""
    size: dict[int, int] = {}  # expanded size of each node measured
    open_nodes: set[int] = set()  # on the current path: an alias back to one is a cycle
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in children)
            if size[key] > _MAX_NODES:
                raise Unread(f"{shown}: not read (its aliases expand to over {_MAX_NODES:,} nodes)")
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise Unread(f"{shown}: not read (an alias refers to itself)")
        open_nodes.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in open_nodes:
                raise Unread(f"{shown}: not read (an alias refers to itself)")
            if id(child) not in size:
                stack.append((child, False))


def _nodes(root: Node) -> list[Node]:
    """Every node under `root` once, breadth first."""
    seen = {id(root)}
    queue = [root]
    for node in queue:
        for child in _children(node):
            if id(child) not in seen:
                seen.add(id(child))
                queue.append(child)
    return queue


def _first_keys(origin: Node) -> dict[str, int]:
    """Each scalar key under `origin` at the place of its shallowest occurrence."""
    import yaml

    found: dict[str, int] = {}
    for node in _nodes(origin):
        if isinstance(node, yaml.MappingNode):
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode):
                    found.setdefault(key.value, key.start_mark.index)
    return found


def _children(node: Node) -> list[Node]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []

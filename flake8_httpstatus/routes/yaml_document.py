"""An OpenAPI document written in YAML, read with PyYAML's safe loader (the one `yaml.safe_load`
uses: plain data, never Python objects) from the optional extra `yaml`.

YAML's aliases let a small file stand for a huge tree ("billion laughs"): the loader shares
an aliased node rather than copying it, but whatever walks the data would visit it once per
reference. The tree the aliases expand to is measured on the composed nodes, each node once,
before any data is built; past `_MAX_NODES`, or on an alias to itself, the document is refused."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yaml import Node


class Unread(Exception):
    """A YAML document that cannot be read: the message is one line."""


# The nodes a document may expand to through its aliases: far above a real API's (GitHub's
# REST description, one of the largest, has about 400,000), far below what exhausts memory.
_MAX_NODES = 2_000_000


class KeyPlaces:
    """Where each mapping key is written, in the text's order: the lines the map shows."""

    def __init__(self, text: str, places: dict[str, list[int]]) -> None:
        self.text = text
        self.places = places

    def find(self, key: str, start: int) -> int:
        """The first place of `key` from `start` on; else its last before (a key an alias
        brings in is written at its anchor); else `start`."""
        found = self.places.get(key, [])
        index = bisect.bisect_left(found, start)
        if index < len(found):
            return found[index]
        return found[-1] if found else start

    def line(self, at: int) -> int:
        return self.text.count("\n", 0, at) + 1


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
        places = _measure(node, shown)
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
    return data, KeyPlaces(text, places)


def _measure(root: Node, shown: str) -> dict[str, list[int]]:
    """Each node visited once (iteratively, without recursion): the size of the tree the
    aliases expand to, and where each scalar key is written."""
    import yaml

    places: dict[str, list[int]] = {}
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
        if isinstance(node, yaml.MappingNode):
            for item, _ in node.value:
                if isinstance(item, yaml.ScalarNode):
                    places.setdefault(item.value, []).append(item.start_mark.index)
        for child in children:
            if id(child) in open_nodes:
                raise Unread(f"{shown}: not read (an alias refers to itself)")
            if id(child) not in size:
                stack.append((child, False))
    for found in places.values():
        found.sort()
    return places


def _children(node: Node) -> list[Node]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []

"""JUnit XML, as ruff writes it: a test suite per file, a failed test case per finding; one
passing case when there is nothing, since CI viewers show an empty report as missing."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from flake8_httpstatus.frontends.located import Located, body, char_column, severity

_NAME = "flake8-httpstatus"


def _counted(element: ET.Element, tests: int, failures: int) -> ET.Element:
    for key, value in (("tests", tests), ("skipped", 0), ("failures", failures), ("errors", 0)):
        element.set(key, str(value))
    return element


def _suite(root: ET.Element, name: str, tests: int, failures: int) -> ET.Element:
    suite = _counted(ET.SubElement(root, "testsuite", name=name), tests, failures)
    suite.set("package", _NAME)
    return suite


def junit(findings: Sequence[Located]) -> str:
    root = _counted(ET.Element("testsuites", name=_NAME), max(len(findings), 1), len(findings))
    by_file: dict[str, list[Located]] = {}
    for item in findings:
        by_file.setdefault(item[0], []).append(item)
    for path, items in by_file.items():
        suite = _suite(root, path, len(items), len(items))
        for _, lines, finding in items:
            column = char_column(lines, finding)
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{_NAME}.{finding.code}",
                classname=path.removesuffix(".pyi").removesuffix(".py"),
                line=str(finding.line),
                column=str(column),
            )
            properties = ET.SubElement(case, "properties")
            level = severity(finding.code).value
            ET.SubElement(properties, "property", name="severity", value=level)
            failure = ET.SubElement(case, "failure", message=body(finding))
            failure.text = f"line {finding.line}, col {column}, {body(finding)}"
    if not findings:
        passed = _suite(root, _NAME, 1, 0)
        ET.SubElement(passed, "testcase", name="No errors found", classname=_NAME)
    ET.indent(root, space="    ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")

"""make check: lint, format, types and the layer contracts, each a test case in a JUnit report,
so make test counts what the checks found (one case per tool, one per import-linter contract).

usage: check.py REPORT   (run in flaskBackend/; every check runs even after one fails)
"""

import re
import subprocess
import sys
from xml.etree import ElementTree

CHECKS = {
    "ruff check": [".venv/bin/ruff", "check", "."],
    "ruff format": [".venv/bin/ruff", "format", "--check", "."],
    "mypy": [".venv/bin/mypy"],
}


def run(command: list[str]) -> tuple[bool, str]:
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    print(done.stdout + done.stderr, end="")
    return done.returncode == 0, done.stdout + done.stderr


results = {name: run(command) for name, command in CHECKS.items()}
layers_ok, layers = run([".venv/bin/lint-imports", "--no-cache"])
contracts = re.findall(r"^(.+?) (KEPT|BROKEN)", layers, flags=re.MULTILINE)
for name, verdict in contracts:
    results[f"import-linter: {name}"] = (verdict == "KEPT", layers)
if not contracts:  # the linter could not even start: one failed case says so
    results["import-linter"] = (layers_ok, layers)

suite = ElementTree.Element("testsuite", name="check", tests=str(len(results)))
for name, (passed, output) in results.items():
    case = ElementTree.SubElement(suite, "testcase", classname="check", name=name)
    if not passed:
        ElementTree.SubElement(case, "failure", message=f"{name} failed").text = output[-5000:]
ElementTree.ElementTree(suite).write(sys.argv[1], encoding="unicode")
sys.exit(0 if all(passed for passed, _ in results.values()) else 1)

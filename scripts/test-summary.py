"""The last lines of make test: the JUnit reports of every runner summed into one line.

usage: test-summary.py REPORTS_DIR [FAILED_STEP ...]
A report is named after its step (backend.xml: pytest, contract.xml: schemathesis, one test per
operation, ui.xml: Vitest, e2e.xml: Playwright); STEP.seconds beside it holds the step's time. A step that failed without a failing test (a lint
error, a crash before its report was written) counts as one failed test, so it cannot hide.
"""

import sys
from pathlib import Path
from xml.etree import ElementTree

reports, failed_steps = Path(sys.argv[1]), sys.argv[2:]
totals = {"passed": 0, "failed": 0, "skipped": 0}
for report in sorted(reports.glob("*.xml")):
    counts = dict.fromkeys(totals, 0)
    for case in ElementTree.parse(report).iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            counts["failed"] += 1
        elif case.find("skipped") is not None:
            counts["skipped"] += 1
        else:
            counts["passed"] += 1
    took = reports / f"{report.stem}.seconds"
    seconds = f" in {took.read_text().strip()} s" if took.exists() else ""
    print(f"  {report.stem}: " + ", ".join(f"{n} {kind}" for kind, n in counts.items() if n) + seconds)
    if report.stem in failed_steps and counts["failed"] == 0:
        counts["failed"] = 1
    totals = {kind: totals[kind] + counts[kind] for kind in totals}
for step in failed_steps:
    print(f"  {step}: FAILED (its output is above)")
    if not (reports / f"{step}.xml").exists():
        totals["failed"] += 1
line = f"tests: {totals['passed']} passed, {totals['failed']} failed"
print(line + (f", {totals['skipped']} skipped" if totals["skipped"] else ""))
sys.exit(1 if failed_steps or totals["failed"] else 0)

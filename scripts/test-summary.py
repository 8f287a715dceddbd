"""The last lines of make test: each step's count and time, and the JUnit reports of every runner
summed into one line.

usage: test-summary.py REPORTS_DIR [FAILED_STEP ...]
A report is named after its step (backend.xml: pytest, contract.xml: schemathesis, one test per
operation, ui.xml: Vitest, e2e.xml: Playwright); STEP.seconds and STEP.cpu beside it hold the
step's time and the CPU its processes used. A
step that failed without a failing test (a lint error, a crash before its report was written)
counts as one failed test, so it cannot hide.
"""

import sys
from pathlib import Path
from xml.etree import ElementTree

reports, failed_steps = Path(sys.argv[1]), sys.argv[2:]
totals = {"passed": 0, "failed": 0, "skipped": 0}
steps = sorted({path.stem for path in [*reports.glob("*.xml"), *reports.glob("*.seconds")]})
for step in steps:
    counts = dict.fromkeys(totals, 0)
    report = reports / f"{step}.xml"
    for case in ElementTree.parse(report).iter("testcase") if report.exists() else []:
        if case.find("failure") is not None or case.find("error") is not None:
            counts["failed"] += 1
        elif case.find("skipped") is not None:
            counts["skipped"] += 1
        else:
            counts["passed"] += 1
    if step in failed_steps and counts["failed"] == 0:
        counts["failed"] = 1
    took = ""
    if (reports / f"{step}.seconds").exists():  # the CPU: user + system seconds, as bash's time
        # `time`'s line (user+sys) is the file's last.
        times = (reports / f"{step}.cpu").read_text().split()[-1]
        cpu = sum(float(part) for part in times.split("+"))
        took = f"{(reports / f'{step}.seconds').read_text().strip()} s (CPU {cpu:.0f} s)"
    found = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n) or "no test report"
    verdict = "  FAILED (its output is above)" if step in failed_steps else ""
    print(f"  {step:<11}{took:>16}  {found}{verdict}")
    totals = {kind: totals[kind] + counts[kind] for kind in totals}
line = f"tests: {totals['passed']} passed, {totals['failed']} failed"
print(line + (f", {totals['skipped']} skipped" if totals["skipped"] else ""))
sys.exit(1 if failed_steps or totals["failed"] else 0)

"""The end-to-end tests' time limit ends a process whose main thread holds the GIL in native code
(the way xllamacpp hung CI), and stays silent once its block is over. Each case runs in a child
Python; a catastrophic regular expression stands in for the native hang (`re` never releases the GIL).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

TESTS = Path(__file__).parent

HOLDS_THE_GIL = 're.fullmatch(r"(a|aa)+", "a" * 64 + "b")'


def _child(body: str, report: Path) -> subprocess.CompletedProcess[str]:
    program = "\n".join(
        [
            "import re, sys, threading, time",
            f"sys.path.insert(0, {str(TESTS)!r})",
            "from native_watchdog import native_watchdog",
            body,
        ]
    )
    return subprocess.run(
        [sys.executable, "-c", program, str(report)], capture_output=True, text=True, timeout=120
    )


def test_a_hang_holding_the_gil_ends_the_process_with_its_stack(tmp_path: Path) -> None:
    report = tmp_path / "hang.txt"
    started = time.monotonic()
    child = _child(f"with native_watchdog(1.0, sys.argv[1]):\n    {HOLDS_THE_GIL}", report)
    assert time.monotonic() - started < 60
    assert child.returncode == 1
    stacks = report.read_text(encoding="utf-8")
    assert "Timeout (0:00:01)" in stacks and "File " in stacks


def test_a_block_that_ends_in_time_is_never_stopped(tmp_path: Path) -> None:
    report = tmp_path / "hang.txt"
    child = _child(
        "with native_watchdog(1.0, sys.argv[1]):\n    pass\ntime.sleep(2.5)\nprint('done')", report
    )
    assert child.returncode == 0 and child.stdout.strip() == "done"
    assert report.read_text(encoding="utf-8") == ""

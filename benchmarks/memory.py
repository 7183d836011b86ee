"""Peak memory of this process, for the benchmarks.

``getrusage().ru_maxrss`` survives ``exec`` on Linux, so a child started to measure alone would
report its parent's peak; ``VmHWM`` in /proc belongs to the process image and starts afresh.
"""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_mb() -> float:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_fresh(module: str, *args: str) -> str:
    """Run ``python -m module args`` in a new process and return what it printed, so the
    measured work's memory is its own and not the data generator's."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", module, *args], check=True,
                          capture_output=True, text=True).stdout

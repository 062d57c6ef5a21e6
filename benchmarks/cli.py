"""Command-line latency: each command in a fresh process, as a script or a shell calls it.

First one run with an empty data folder (the library cache and the search index are built),
then --runs timed runs of each command with them in place. Prints the median and minimum wall
time (what a user waits) and the median CPU time (user + system, less disturbed by other work
on a shared machine) beside the target. Targets on the reference (2-core) machine:

    reader docs --json          ≤ 0.15 s
    reader search 汇款          ≤ 0.35 s
    reader related gcm obj20    ≤ 0.35 s

    .venv/bin/python benchmarks/cli.py [--runs 10] [--reader PATH]

`--reader` times another installation's `reader` (e.g. a pipx one); the default is the one
beside this interpreter. The figures vary with the machine's load: quote the median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS = [  # (arguments, target seconds)
    (["docs", "--json"], 0.15),
    (["search", "汇款"], 0.35),
    (["related", "gcm", "obj20"], 0.35),
]


def run_once(reader: list[str], args: list[str], data_dir: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one fresh process."""
    env = {**os.environ, "COMPACT_READER_DATA_DIR": str(data_dir)}
    env.pop("COMPACT_READER_CACHE_DIR", None)
    # An installed package is byte-compiled; let the first run here compile the checkout's too.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    process = subprocess.Popen([*reader, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed: {process.stderr.read().decode(errors='replace')}")
    process.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--reader", help="the reader command to time (default: beside this Python)")
    options = parser.parse_args()
    beside = Path(sys.executable).with_name("reader")
    reader = (
        [options.reader]
        if options.reader
        else [str(beside)]
        if beside.exists()
        else [sys.executable, "-m", "reader"]
    )
    with tempfile.TemporaryDirectory(prefix="reader-cli-bench-") as tmp:
        data_dir = Path(tmp)
        print(f"{'command':<28} {'first run':>10}   {'median':>7} {'min':>7} {'cpu':>7}   target")
        for args, target in COMMANDS:
            first, _ = run_once(reader, args, data_dir)  # the docs run builds the cache, search the index
            runs = [run_once(reader, args, data_dir) for _ in range(options.runs)]
            walls, cpus = [w for w, _ in runs], [c for _, c in runs]
            median = statistics.median(walls)
            verdict = "meets" if median <= target else "misses"
            print(
                f"reader {' '.join(args):<21} {first:9.3f}s   {median:6.3f}s {min(walls):6.3f}s "
                f"{statistics.median(cpus):6.3f}s   ≤ {target:.2f} s ({verdict})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

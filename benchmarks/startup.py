"""Start-up figures for the reader window: process start → window shown → index ready.

Runs `reader gui --timing` in a fresh process (offscreen unless --display is given),
first with an empty data folder (the search index must be built), then several
times with the index already built, and prints the times and the peak memory
(maximum resident set size) of each run, and how long the process takes to end once
the window closes. Targets on the reference machine: window shown ≤ 1.5 s with the
index built, process gone ≤ 0.5 s after the window closes, peak memory ≤ 400 MB.
With --annotations N the data folder first gets N highlights (half with notes and tags,
as benchmarks/annotations.py makes them), as a delegate's years of reading leave it.

    .venv/bin/python benchmarks/startup.py [--runs 3] [--display] [--annotations 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SHOWN_S = 1.5
TARGET_MEMORY_MB = 400
TARGET_EXIT_S = 0.5


def run_once(data_dir: Path, display: bool) -> dict[str, float]:
    env = dict(os.environ)
    env.pop("COMPACT_READER_CACHE_DIR", None)
    if not display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    command = [
        sys.executable,
        "-m",
        "reader",
        "--data-dir",
        str(data_dir),
        "gui",
        "--",
        "--timing",
        "--new-instance",
    ]
    start = time.time()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    events: dict[str, float] = {}
    for line in process.stderr:
        if line.startswith("{"):
            event = json.loads(line)
            events[event["event"]] = event["t"] - start
    _, status, usage = os.wait4(process.pid, 0)
    gone = time.time() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0 or "index-ready" not in events:
        raise SystemExit(f"the window did not start properly (exit {process.returncode})")
    return {
        "shown": events["window-shown"],
        "ready": events["index-ready"],
        "memory_mb": usage.ru_maxrss / 1024,
        "exit": gone - events.get("closing", gone),
    }


def seed_annotations(data_dir: Path, count: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from annotations import sample_annotations

    from reader.core.annotations import Store
    from reader.core.corpus import load_corpus
    from reader.paths import AppPaths

    store = Store.open(AppPaths(data=data_dir, cache=data_dir / "cache").annotations_file)
    store.put_many(sample_annotations(load_corpus(), count))
    store.close()  # written whole, as the command line writes it


def report(label: str, runs: list[dict[str, float]]) -> None:
    shown = statistics.median(r["shown"] for r in runs)
    ready = statistics.median(r["ready"] for r in runs)
    memory = max(r["memory_mb"] for r in runs)
    gone = statistics.median(r["exit"] for r in runs)
    print(
        f"{label:<28} window shown {shown:5.2f} s   index ready {ready:5.2f} s   "
        f"exit after close {gone:5.2f} s   peak memory {memory:4.0f} MB   "
        f"({len(runs)} run{'s' * (len(runs) > 1)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs with the index built (default 3)")
    parser.add_argument("--display", action="store_true", help="use the real display")
    parser.add_argument("--annotations", type=int, default=0, help="highlights in the data folder (0)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as folder:
        data_dir = Path(folder) / "data"
        if args.annotations:
            seed_annotations(data_dir, args.annotations)
        cold = run_once(data_dir, args.display)
        warm = [run_once(data_dir, args.display) for _ in range(args.runs)]
    if args.annotations:
        print(f"with {args.annotations:,} highlights in the data folder")
    report("first start (builds index)", [cold])
    report("later starts (index built)", warm)
    shown = statistics.median(r["shown"] for r in warm)
    memory = max(r["memory_mb"] for r in [cold, *warm])
    gone = statistics.median(r["exit"] for r in [cold, *warm])
    print(
        f"targets: window shown ≤ {TARGET_SHOWN_S} s with the index built: "
        f"{'met' if shown <= TARGET_SHOWN_S else 'MISSED'}; exit after close ≤ {TARGET_EXIT_S} s: "
        f"{'met' if gone <= TARGET_EXIT_S else 'MISSED'}; peak memory ≤ {TARGET_MEMORY_MB} MB: "
        f"{'met' if memory <= TARGET_MEMORY_MB else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

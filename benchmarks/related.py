"""Speed of the objectives' related links, on the corpus and on N copies of it.

For each scale it prints: the one-off cost of counting every block's words
(`TopicalIndex`), the cost of scoring one objective on it (what computing an
objective's related links costs once the words are counted), and the warm cost of
`reader related gcm objN` (the objective's related links with their snippets, from
objectives already built — as the command has them from the corpus cache). For the
bundled corpus it also prints `build_objectives` in full and the real command's wall
time in a fresh process. Targets (2-core machine): `reader related` ≤ 50 ms warm per
objective on the corpus, ≤ 0.5 s at ×50.

    python benchmarks/related.py [--scales 1,50] [--repeat 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.cli.objective_text import related_hits  # noqa: E402
from reader.core.objectives import COMPACT_ID, build_objectives  # noqa: E402
from reader.core.related import TopicalIndex  # noqa: E402

WARM_TARGET_MS = {1: 50.0, 50: 500.0}


def scaled(scale: int):
    """The ×N corpus of benchmarks/search.py (documents copied under new ids)."""
    spec = importlib.util.spec_from_file_location("search_benchmark", ROOT / "benchmarks" / "search.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module.scaled(scale)


def median_ms(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def measure(scale: int, repeat: int) -> dict[str, float]:
    corpus, objectives = scaled(scale)
    start = time.perf_counter()
    index = TopicalIndex(corpus, COMPACT_ID)
    row = {"blocks": sum(len(d.blocks) for d in corpus), "index_s": time.perf_counter() - start}
    per_objective = [median_ms(lambda o=o: index.scores(o), repeat) for o in objectives]
    row["score_ms"] = statistics.mean(per_objective)
    row["score_max_ms"] = max(per_objective)
    # Related links as build_objectives computes them, here on the scaled corpus (the
    # ×N objectives of search.py copy the explicit links but not the related ones).
    with_related = [
        replace(o, related=tuple(build_related(index, o, corpus)), topic_terms=tuple(index.query_terms(o)))
        for o in objectives
    ]
    warm = [median_ms(lambda o=o: related_hits(o, corpus, 10), repeat) for o in with_related]
    row["warm_ms"] = statistics.mean(warm)
    row["warm_max_ms"] = max(warm)
    if scale == 1:
        row["build_objectives_s"] = median_ms(lambda: build_objectives(corpus), repeat) / 1000
        row["cli_s"] = cli_wall_time(repeat)
    return row


def build_related(index: TopicalIndex, objective, corpus):
    from reader.core.model import ObjectiveLink

    scores = index.scores(objective)
    best = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:10]
    return [
        ObjectiveLink(
            index.passages[i].doc,
            index.passages[i].anchor,
            "related",
            corpus.get(index.passages[i].doc).block(index.passages[i].anchor).citation,
            scores[i],
        )
        for i in best
    ]


def cli_wall_time(repeat: int) -> float:
    """`reader related gcm obj20 --json` in a fresh process (median), own data folder."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "COMPACT_READER_DATA_DIR": tmp}
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "reader", "related", "gcm", "obj20", "--json"],
                env=env,
                capture_output=True,
                check=True,
                cwd=ROOT,
            )
            times.append(time.perf_counter() - start)
        return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,50", help="corpus copies to measure (1,50)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (3)")
    args = parser.parse_args()
    for scale in (int(s) for s in args.scales.split(",")):
        row = measure(scale, args.repeat)
        target = WARM_TARGET_MS.get(scale)
        print(f"\n×{scale} ({row['blocks']} blocks)")
        print(f"  count every block's words (once)        {row['index_s']:8.2f} s")
        print(
            f"  score one objective (mean / max)         {row['score_ms']:8.1f} / "
            f"{row['score_max_ms']:.1f} ms"
        )
        print(
            f"  reader related gcm objN, warm (mean/max) {row['warm_ms']:8.2f} / "
            f"{row['warm_max_ms']:.2f} ms" + (f"   target ≤ {target:g} ms" if target else "")
        )
        if "build_objectives_s" in row:
            print(f"  build_objectives (all 23, in full)      {row['build_objectives_s']:8.2f} s")
            print(f"  `reader related gcm obj20` fresh process {row['cli_s']:8.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

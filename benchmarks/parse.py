"""Time to parse the whole bundled corpus, and peak memory. Run: python benchmarks/parse.py"""

from __future__ import annotations

import statistics
import time
import tracemalloc

from reader.core.corpus import load_corpus
from reader.core.objectives import build_objectives

TARGET_SECONDS = 0.3


def main(rounds: int = 10) -> None:
    load_corpus()  # warm the import and file caches, as a running app would have
    timings, objective_timings = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        corpus = load_corpus()
        timings.append(time.perf_counter() - start)
        start = time.perf_counter()
        build_objectives(corpus)
        objective_timings.append(time.perf_counter() - start)
    tracemalloc.start()
    corpus = load_corpus()
    build_objectives(corpus)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    blocks = sum(len(d.blocks) for d in corpus)
    print(f"documents: {len(corpus)}, blocks: {blocks}")
    print(
        f"parse corpus: median {statistics.median(timings) * 1000:.1f} ms, "
        f"max {max(timings) * 1000:.1f} ms over {rounds} rounds (target < {TARGET_SECONDS * 1000:.0f} ms)"
    )
    print(f"objective tree + links: median {statistics.median(objective_timings) * 1000:.1f} ms")
    print(f"peak traced memory (parse + objectives): {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()

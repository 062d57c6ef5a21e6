"""Save latency and load time of an annotations file with 10,000 and 50,000 annotations.

Run: .venv/bin/python benchmarks/annotations.py [--counts 10000,50000]
(targets: save after one change <= 50 ms, load <= 0.5 s, at 50,000)

"save (journal)" is one change saved as the window saves it: appended to the journal beside
the file and fsynced (core/annotations/journal.py). "save (whole file)" is the same change
written as the command line writes it, and as a fold writes the journal into the file
(encode, temporary file, fsync, rename, backups, and the decoded copy in the cache folder).
"load" reads the file and applies a journal of a few hundred changes, as the window and the
command line do: with the cache folder, whose copy of the decoded file (loadcache.py) is read
instead of decoding the file while it matches its hash. "load without the cache" decodes the
file, as the first start after an upgrade does, or one after a program that keeps no copy
changed the file. The first save after loading encodes every entry and is
reported on its own, as is a save that must first merge another instance's file. The
machine is shared: figures are medians (and minima) of repeated runs, and noisy.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.core.annotations import Annotation, Store, make_target, new_annotation, reanchor
from reader.core.corpus import Corpus, load_corpus
from reader.core.export import prepare_export, render
from reader.core.objectives import build_objectives

COUNTS = (10_000, 50_000)
SAVE_TARGET, LOAD_TARGET = 0.050, 0.5
JOURNALLED = 300  # changes left in the journal when the load is timed


def sample_annotations(corpus: Corpus, count: int, seed: int = 1) -> list[Annotation]:
    """Highlights of up to 120 characters anywhere in the corpus, half with notes and tags."""
    rng = random.Random(seed)
    blocks = [(doc, b) for doc in corpus for b in doc.blocks if len(b.text) > 10]
    out = []
    for _ in range(count):
        doc, block = rng.choice(blocks)
        start = rng.randrange(len(block.text) - 5)
        end = rng.randint(start + 1, min(len(block.text), start + 120))
        note = "笔记 " * rng.randint(0, 30)
        tags = rng.sample(["数据", "底线", "核实", "返回", "人权"], rng.randint(0, 2))
        out.append(
            new_annotation(
                make_target(doc, block.anchor, start, None, end),
                color=rng.choice(["yellow", "red", "blue"]),
                note=note,
                tags=tags,
            )
        )
    return out


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def summary(name: str, times: list[float], target: float) -> str:
    median = statistics.median(times)
    verdict = "OK" if median <= target else "OVER"
    return (
        f"{name}: median {ms(median)}, min {ms(min(times))}, max {ms(max(times))} over "
        f"{len(times)} (target <= {ms(target)}) {verdict}"
    )


def measure_saves(store: Store, rounds: int = 40) -> list[float]:
    rng = random.Random(2)
    times = []
    for i in range(rounds):
        store.update(rng.choice(store.annotations).edited(note=f"修改 {i}"))
        times.append(timed(store.flush))
    return times


def measure_loads(
    path: Path, count: int, rounds: int = 5, cache: Path | None = None
) -> tuple[list[float], Store]:
    times, store = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        store = Store.open(path, journal=True, cache_dir=cache)
        times.append(time.perf_counter() - start)
    assert store is not None and len(store.annotations) == count
    assert store.load_report.from_cache == (cache is not None)
    return times, store


def edit_and_save(store: Store, index: int) -> float:
    store.update(store.annotations[index].edited(note=f"edit {index}"))
    return timed(store.flush)


def measure(corpus: Corpus, count: int, rounds: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="annotations-bench-"))
    path, cache = folder / "annotations.json", folder / "cache"
    store = Store.open(path, min_interval=0, cache_dir=cache)
    store.put_many(sample_annotations(corpus, count))
    first = timed(store.flush)
    whole = measure_saves(store, rounds=rounds)
    journal = Store.open(path, min_interval=0, journal=True, cache_dir=cache)
    journalled = measure_saves(journal, rounds=JOURNALLED)
    loads, loaded = measure_loads(path, count, rounds=max(1, rounds // 2), cache=cache)
    uncached, _ = measure_loads(path, count, rounds=max(1, rounds // 4))
    folding = timed(loaded.fold)
    first_after_load = edit_and_save(loaded, 0)
    edit_and_save(Store.open(path, journal=True, cache_dir=cache), 1)  # another instance saves meanwhile
    merged = edit_and_save(loaded, 2)
    placing = timed(lambda: reanchor(loaded.annotations, corpus))
    objectives = build_objectives(corpus)
    exporting = timed(
        lambda: render("md", prepare_export(loaded.annotations, corpus, objectives, loaded.palette))
    )

    print(f"\nannotations: {count}, file: {path.stat().st_size / 2**20:.1f} MiB ({folder})")
    print(summary("save after one change (journal, as the window saves)", journalled, SAVE_TARGET))
    print(summary("save after one change (whole file, CLI and folds)", whole, SAVE_TARGET))
    print(summary(f"load (file + journal of {JOURNALLED} changes)", loads, LOAD_TARGET))
    print(summary("load without the cache (decodes the file)", uncached, LOAD_TARGET))
    print(
        f"decoded copy in the cache folder: {sum(f.stat().st_size for f in cache.iterdir()) / 2**20:.1f} MiB"
    )
    print(f"fold of the journal into the file (background): {ms(folding)}")
    print(
        f"first save of a new store (encodes all): {ms(first)}; first save after a load: "
        f"{ms(first_after_load)}; a save that first merges another instance's journal: "
        f"{ms(merged)}"
    )
    print(f"re-anchor all (text unchanged): {ms(placing)}; Markdown export of all: {ms(exporting)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--counts", default=",".join(map(str, COUNTS)), help="how many annotations (10000,50000)"
    )
    parser.add_argument(
        "--rounds", type=int, default=10, help="whole-file saves (10), loads (5; without the cache 2)"
    )
    args = parser.parse_args()
    corpus = load_corpus()
    for count in (int(c) for c in args.counts.split(",")):
        measure(corpus, count, args.rounds)


if __name__ == "__main__":
    main()

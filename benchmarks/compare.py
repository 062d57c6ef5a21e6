"""Time to compare two bundled-size drafts.

Run: .venv/bin/python benchmarks/compare.py   (target: <= 0.5 s per comparison)

Cases: the Compact (368 blocks) against a heavy revision of itself (one block in four edited,
deletions, insertions, moves, a split and a merge), and against the New York Declaration (two
unrelated texts: almost nothing pairs, the most work for the likeness search). The word
segmenter's dictionary load (rjieba, else jieba; once per process, shared with search) is
reported on its own; the segmentation caches are cleared before every run, so each run segments
from scratch.
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import replace

from reader.core.compare import compare_documents
from reader.core.compare.textdiff import _chinese_words
from reader.core.corpus import load_corpus
from reader.core.model import Document
from reader.core.search import text

TARGET = 0.5
RUNS = 7


def heavy_revision(doc: Document, seed: int = 7) -> Document:
    rng = random.Random(seed)
    blocks = list(doc.blocks)
    for i in range(0, len(blocks), 4):
        text = blocks[i].text
        at = rng.randrange(len(text) + 1)
        blocks[i] = replace(blocks[i], text=text[:at] + "以及各国有关当局" + text[at + 3 :])
    for i in sorted(rng.sample(range(len(blocks)), 10), reverse=True):
        del blocks[i]
    for k in range(10):
        inserted = replace(blocks[k], anchor=f"new{k}", text=f"新增段落{k}：" * 9)
        blocks.insert(rng.randrange(len(blocks)), inserted)
    moved = blocks.pop(50)
    blocks.insert(250, moved)
    half = len(blocks[120].text) // 2
    blocks[120:121] = [
        replace(blocks[120], text=blocks[120].text[:half]),
        replace(blocks[120], anchor="cut", text=blocks[120].text[half:]),
    ]
    blocks[200:202] = [replace(blocks[200], text=blocks[200].text + blocks[201].text)]
    return Document(info=replace(doc.info, id="rev"), blocks=tuple(blocks))


def main() -> None:
    start = time.perf_counter()
    text.segment_run("移民")
    print(f"word segmenter's dictionary load (once per process): {time.perf_counter() - start:.2f} s")
    corpus = load_corpus()
    gcm = corpus.get("gcm")
    cases = {
        "gcm vs heavy revision": (gcm, heavy_revision(gcm)),
        "gcm vs nyd (unrelated)": (gcm, corpus.get("nyd")),
        "gcm vs itself": (gcm, gcm),
    }
    for name, (old, new) in cases.items():
        times = []
        for _ in range(RUNS):
            _chinese_words.cache_clear()
            text._segment_run.cache_clear()
            start = time.perf_counter()
            result = compare_documents(old, new)
            times.append(time.perf_counter() - start)
        verdict = "ok" if statistics.median(times) <= TARGET else "SLOW"
        counts = ", ".join(f"{n} {s}" for s, n in result.summary().items() if n)
        print(
            f"{name:<26} median {statistics.median(times):.3f} s, max {max(times):.3f} s "
            f"(target <= {TARGET} s) {verdict}   [{counts}]"
        )


if __name__ == "__main__":
    main()

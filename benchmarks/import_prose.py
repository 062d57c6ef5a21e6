"""Parsing plain prose is linear: 2k, 5k and 20k unnumbered paragraphs.

Run: python benchmarks/import_prose.py. Prints the time per size next to the target
(20k paragraphs ≤ 2 s) and the ratio 20k / 2k, which stays near 10 when parsing is linear.
Figures on a shared machine are noisy: the median of a few rounds is printed.
"""

from __future__ import annotations

import statistics
import time

from reader.core.corpus import parse_document
from reader.core.model import DocumentInfo

TARGET_SECONDS = 2.0
SIZES = (2_000, 5_000, 20_000)


def prose(paragraphs: int) -> str:
    return "\n\n".join(
        f"这是第{i}段没有编号的普通文字，讲述移民问题的各个方面。这一段继续说明情况"
        f"（例如 page {i} of the report）。"
        for i in range(paragraphs)
    )


def time_parse(text: str, rounds: int) -> tuple[float, float]:
    info = DocumentInfo(
        id="user-prose",
        title="prose",
        short_title="prose",
        kind="imported",
        date="",
        language="zh-Hans",
        symbol="",
        source="",
        bundled=False,
    )
    timings, cpu_times = [], []
    for _ in range(rounds):
        start, cpu = time.perf_counter(), time.process_time()
        parse_document(info, text)
        timings.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu)
    return statistics.median(timings), statistics.median(cpu_times)


def main() -> None:
    figures = {}
    for size in SIZES:
        wall, cpu = time_parse(prose(size), rounds=3 if size < 20_000 else 2)
        figures[size] = cpu
        print(f"{size:>6} unnumbered paragraphs: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(
        f"20k paragraphs: {figures[20_000]:.2f} s CPU (target ≤ {TARGET_SECONDS:.0f} s); "
        f"ratio 20k/2k = {figures[20_000] / figures[2_000]:.1f} (linear ≈ 10)"
    )


if __name__ == "__main__":
    main()

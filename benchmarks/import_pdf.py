"""Importing a 20-page UN-style PDF: time (library load included) and peak memory.

Run: python benchmarks/import_pdf.py. Makes the PDF once (python-docx + LibreOffice, as the
test fixtures are made; cached in the system temp folder), then imports it into a fresh data
folder several times and prints the median next to the target (≤ 3 s, ≤ 300 MB). The
machine is shared: figures are noisy, the median of a few rounds is what to read.
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "fixtures"))

import un_document  # noqa: E402

from reader.core.corpus import load_corpus  # noqa: E402
from reader.core.importers.library import import_files  # noqa: E402
from reader.paths import AppPaths  # noqa: E402

TARGET_SECONDS = 3.0
TARGET_MB = 300
CACHE = Path(tempfile.gettempdir()) / "compact-reader-bench-20-pages"


def twenty_page_pdf() -> Path:
    pdf = CACHE / "long.pdf"
    if not pdf.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        docx = CACHE / "long.docx"
        un_document.build_docx(docx, un_document.long_paragraphs(7))
        un_document.build_pdf(docx)
    return pdf


def import_once(pdf: Path) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as data:
        paths = AppPaths(Path(data), Path(data) / "cache")
        start, cpu = time.perf_counter(), time.process_time()
        outcome = import_files([pdf], paths)[0]
        corpus = load_corpus(paths=paths)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert outcome.status == "imported" and outcome.info.id in corpus, outcome.reason
        return elapsed, cpu, outcome.converted.repairs.pages


def main(rounds: int = 5) -> None:
    pdf = twenty_page_pdf()
    timings, cpu_times, pages = [], [], 0
    for _ in range(rounds):
        elapsed, cpu, pages = import_once(pdf)
        timings.append(elapsed)
        cpu_times.append(cpu)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"import of a {pages}-page PDF + library load: median {statistics.median(timings):.2f} s wall, "
        f"{statistics.median(cpu_times):.2f} s CPU, min {min(timings):.2f} s wall over {rounds} rounds "
        f"(target ≤ {TARGET_SECONDS:.0f} s; on a busy shared machine read the CPU figure)"
    )
    print(f"peak resident memory of the process: {peak_mb:.0f} MB (target ≤ {TARGET_MB} MB)")


if __name__ == "__main__":
    main()

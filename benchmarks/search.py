"""Search speed, side by side: Compact Reader's index vs a plain substring scan vs
SQLite FTS5 (trigram tokenizer), on the corpus and on a synthetic corpus of N
copies of it (documents under new ids).

For each scale it prints: index build time (fresh process), cold start (fresh
process → first result), and p50/p95 query latency with highlights over a set of
delegate queries. Targets on the project's 2-core machine: build ≤ 3 s for the
corpus, `reader search` fresh ≤ 1.5 s, p95 ≤ 20 ms (corpus) and ≤ 60 ms (×50).
Everything happens in a temporary folder.

    python benchmarks/search.py [--scales 1,50] [--repeat 3]

The baselines get the query's words (phrases as one word, operators and filters
dropped) and must match all of them; they rank (FTS5: bm25) or not (scan), count,
and produce highlights for 20 hits, as ours does.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    "汇款成本", "移民拘留替代办法", "儿童 最佳利益", "气候变化 流离失所", '"不驱回"',
    "人口贩运 受害者", "仇外心理", "家庭团聚", "技能 相互承认", "领事保护", "失踪移民",
    "社会保障", "分类数据", "公平招聘", "边境管理", "侨民", "合法身份", "疫苗", "基本服务",
    "移民", "难民", "儿", "匯款", "COVID-19", "A/RES/73/195", "2030", '"正常移民途径"',
    "汇款 OR 侨汇", "移民 -难民", "obj:13 拘留", "kind:footnote 大会", "妇女 女童 暴力",
]
LIMIT = 20


# --- the corpora -----------------------------------------------------------------------
def scaled(scale: int):
    """The corpus and its objectives, with `scale` copies of every document."""
    from reader.core.corpus import Corpus, load_corpus
    from reader.core.model import Document
    from reader.core.objectives import build_objectives

    base = load_corpus()
    objectives = build_objectives(base)
    if scale == 1:
        return base, objectives

    def copy_id(doc_id: str, k: int) -> str:
        return doc_id if k == 0 else f"{doc_id}-x{k}"

    docs = [Document(info=replace(d.info, id=copy_id(d.id, k)), blocks=d.blocks)
            for k in range(scale) for d in base]
    # Links copied with the documents (rather than recomputed: build_objectives on
    # 50 copies takes seconds and is not what is measured here).
    objectives = [replace(o, links=tuple(replace(link, doc=copy_id(link.doc, k))
                                         for k in range(scale) for link in o.links))
                  for o in objectives]
    return Corpus(docs), objectives


def paths_in(folder: Path):
    from reader.paths import AppPaths

    return AppPaths(data=folder / "data", cache=folder / "cache")


# --- child processes (fresh interpreters) --------------------------------------------
def child(mode: str, scale: int, folder: Path, query: str) -> None:
    from reader.core.search import SearchService

    corpus, objectives = scaled(scale)
    service = SearchService(corpus, objectives, paths_in(folder))
    if mode == "build":
        start = time.perf_counter()
        service.ensure_index()
        print(json.dumps({"build": time.perf_counter() - start}))
    else:
        print(json.dumps({"total": service.search(query, limit=LIMIT).total}))


def run_child(mode: str, scale: int, folder: Path, query: str = "") -> tuple[float, dict]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(scale), str(folder),
                          query], capture_output=True, text=True, check=True, cwd=ROOT)
    return time.perf_counter() - start, json.loads(out.stdout.splitlines()[-1])


def cli_cold_start(folder: Path, query: str, runs: int = 3) -> float:
    """Wall time of `reader search QUERY --json` in a fresh process (median of runs)."""
    env = {**os.environ, "COMPACT_READER_DATA_DIR": str(folder / "data"),
           "COMPACT_READER_CACHE_DIR": str(folder / "cache")}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reader", "search", query, "--json"], env=env,
                       capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# --- latency -----------------------------------------------------------------------------
def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def timed(fn, queries: list[str], repeat: int) -> list[float]:
    """Per query, the median of `repeat` runs, in milliseconds."""
    per_query = []
    for query in queries:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn(query)
            runs.append((time.perf_counter() - start) * 1000)
        per_query.append(statistics.median(runs))
    return per_query


def plain_words(query: str) -> list[str]:
    """What the baselines search for: quoted phrases and bare words, no operators."""
    from reader.core.search.text import fold

    words = []
    for quoted, bare in re.findall(r'"([^"]+)"|(\S+)', query):
        word = quoted or bare
        if not quoted and (word in ("OR", "AND", "NOT") or word.startswith("-") or ":" in word):
            continue
        words.append(fold(word))
    return words


class Scan:
    """The plain substring scan: folded texts in memory, every word must occur."""

    def __init__(self, corpus) -> None:
        from reader.core.search.text import fold

        self.texts = [fold(b.text) for d in corpus for b in d.blocks]

    def search(self, query: str) -> int:
        words = plain_words(query)
        hits = [t for t in self.texts if all(w in t for w in words)]
        for text in hits[:LIMIT]:  # highlights, as ours gives
            for word in words:
                start = text.find(word)
                while start >= 0:
                    start = text.find(word, start + 1)
        return len(hits)


class Fts:
    """SQLite FTS5 with the trigram tokenizer on the same folded blocks. Words under
    three characters cannot use a trigram index: they are matched with instr()."""

    def __init__(self, corpus, folder: Path) -> None:
        from reader.core.search.text import fold

        start = time.perf_counter()
        self.db = sqlite3.connect(str(folder / "fts.sqlite"))
        self.db.execute("CREATE VIRTUAL TABLE blocks USING fts5(key UNINDEXED, text, "
                        "tokenize='trigram')")
        self.db.executemany("INSERT INTO blocks VALUES (?, ?)",
                            ((f"{d.id}/{b.anchor}", fold(b.text)) for d in corpus for b in d.blocks))
        self.db.commit()
        self.build = time.perf_counter() - start

    def search(self, query: str) -> int:
        words = plain_words(query)
        long = [w for w in words if len(w) >= 3]
        short = [w for w in words if len(w) < 3]
        where, args = [], []
        if long:
            where.append("blocks MATCH ?")
            args.append(" AND ".join('"' + w.replace('"', '""') + '"' for w in long))
        for word in short:
            where.append("instr(text, ?) > 0")
            args.append(word)
        clause = " AND ".join(where) or "1"
        order = "ORDER BY bm25(blocks)" if long else ""
        total = self.db.execute(f"SELECT count(*) FROM blocks WHERE {clause}", args).fetchone()[0]
        self.db.execute(f"SELECT key, highlight(blocks, 1, '[', ']') FROM blocks WHERE {clause} "
                        f"{order} LIMIT {LIMIT}", args).fetchall()
        return total


# --- one scale -------------------------------------------------------------------------
def measure(scale: int, repeat: int, jieba_cache: Path | None) -> dict[str, object]:
    from reader.core.search import SearchService

    folder = Path(tempfile.mkdtemp(prefix=f"search-bench-{scale}-"))
    try:
        paths = paths_in(folder)
        paths.cache.mkdir(parents=True)
        row: dict[str, object] = {"scale": scale}
        if jieba_cache is None:  # the very first build also makes jieba's cache
            row["first_build"] = run_child("build", scale, folder)[1]["build"]
            shutil.rmtree(paths.index_dir)
        else:
            shutil.copy(jieba_cache, paths.jieba_cache)
        row["build"] = run_child("build", scale, folder)[1]["build"]
        row["cold"] = statistics.median(run_child("search", scale, folder, "汇款成本")[0]
                                        for _ in range(3))
        if scale == 1:
            row["cli_cold"] = cli_cold_start(folder, "汇款成本")
        corpus, objectives = scaled(scale)
        row["blocks"] = sum(len(d.blocks) for d in corpus)
        service = SearchService(corpus, objectives, paths)
        service.ensure_index()
        service.search("预热")  # open the index and fold the texts once, as a running app has
        row["ours"] = percentiles(timed(lambda q: service.search(q, limit=LIMIT), QUERIES,
                                        repeat))
        scan = Scan(corpus)
        row["scan"] = percentiles(timed(scan.search, QUERIES, repeat))
        fts = Fts(corpus, folder)
        row["fts_build"] = fts.build
        row["fts"] = percentiles(timed(fts.search, QUERIES, repeat))
        row["jieba_cache"] = str(paths.jieba_cache)
        if jieba_cache is None and paths.jieba_cache.exists():
            keep = Path(tempfile.mkdtemp(prefix="search-bench-jieba-")) / "jieba.cache"
            shutil.copy(paths.jieba_cache, keep)
            row["jieba_cache"] = str(keep)
        return row
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def report(rows: list[dict[str, object]]) -> None:
    print(f"\n{'':34}" + "".join(f"{'×' + str(r['scale']) + ' (' + str(r['blocks']) + ' blocks)':>26}"
                                   for r in rows))

    def line(label: str, cell) -> None:
        print(f"{label:34}" + "".join(f"{cell(r):>26}" for r in rows))

    line("first build (jieba makes its cache)",
         lambda r: f"{r['first_build']:.2f} s" if "first_build" in r else "-")
    line("index build, fresh process", lambda r: f"{r['build']:.2f} s")
    line("FTS5 trigram build (in process)", lambda r: f"{r['fts_build']:.2f} s")
    line("cold start: process → 1st result", lambda r: f"{r['cold']:.2f} s")
    line("  `reader search` (real CLI)", lambda r: f"{r['cli_cold']:.2f} s" if "cli_cold" in r else "-")
    for name, key in (("ours (ranked, highlights)", "ours"), ("plain substring scan", "scan"),
                      ("SQLite FTS5 trigram", "fts")):
        line(f"{name} p50 / p95", lambda r, k=key: f"{r[k][0]:.2f} / {r[k][1]:.2f} ms")
    print(f"\n{len(QUERIES)} queries, each timed as the median of its runs; "
          "p50/p95 are over the queries.")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]), sys.argv[5])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,50", help="corpus copies to measure (1,50)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query (3)")
    args = parser.parse_args()
    rows, jieba_cache = [], None
    try:
        for scale in (int(s) for s in args.scales.split(",")):
            print(f"measuring ×{scale} …", file=sys.stderr, flush=True)
            row = measure(scale, args.repeat, jieba_cache)
            jieba_cache = jieba_cache or Path(str(row["jieba_cache"]))  # kept by the first
            rows.append(row)
    finally:
        if jieba_cache is not None:
            shutil.rmtree(jieba_cache.parent, ignore_errors=True)
    report(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Ranking quality of `reader search` on judged delegate queries.

Prints nDCG@10 (graded gains 2^g − 1) and recall@10 for every query in
relevance_judgments.toml, and their means. The index is built in a temporary
folder; nothing of the user's is touched.

Then the objectives' related links: topical recall@10 of each objective's related
links (what `reader related gcm objN` prints) over the passages judged in
objective_judgments.toml (capped at 10 passages), for all judged passages and for
those judged central (grade 2). Target: ≥ 0.85.

    python benchmarks/relevance.py [--verbose] [--judgments FILE] [--objective-judgments FILE]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.corpus import load_corpus  # noqa: E402
from reader.core.objectives import build_objectives  # noqa: E402
from reader.core.search import SearchService  # noqa: E402
from reader.paths import AppPaths  # noqa: E402

K = 10
TOPICAL_TARGET = 0.85


def dcg(gains: list[int]) -> float:
    return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(gains))


def evaluate(ranked: list[str], judged: dict[str, int]) -> tuple[float, float, float]:
    """nDCG@K, recall@K (of all judged passages) and recall@K capped at K passages."""
    gains = [judged.get(key, 0) for key in ranked[:K]]
    ideal = dcg(sorted(judged.values(), reverse=True)[:K])
    found = sum(1 for key in ranked[:K] if key in judged)
    return (dcg(gains) / ideal if ideal else 0.0, found / len(judged), found / min(K, len(judged)))


def load_judgments(path: Path, corpus) -> list[tuple[str, dict[str, int]]]:
    queries = []
    for entry in tomllib.loads(path.read_text(encoding="utf-8"))["query"]:
        for key in entry["relevant"]:
            doc, _, anchor = key.partition("/")
            if doc not in corpus or not corpus.get(doc).has(anchor):
                print(f"warning: {entry['text']!r}: no passage {key}", file=sys.stderr)
        queries.append((entry["text"], dict(entry["relevant"])))
    return queries


def topical_recall(path: Path, corpus, objectives, verbose: bool) -> None:
    """Recall@10 of every judged objective's related links."""
    by_number = {o.number: o for o in objectives}
    rows = []
    print(f"\n{'objective':<12}{'R@10':>7}{'R@10 (2)':>10}{'judged':>8}")
    for entry in tomllib.loads(path.read_text(encoding="utf-8"))["objective"]:
        judged = dict(entry["relevant"])
        for key in judged:
            doc, _, anchor = key.partition("/")
            if doc not in corpus or not corpus.get(doc).has(anchor):
                print(f"warning: objective {entry['number']}: no passage {key}", file=sys.stderr)
        ranked = [f"{link.doc}/{link.anchor}" for link in by_number[entry["number"]].related[:K]]
        central = {k for k, g in judged.items() if g == 2}
        recall = sum(k in judged for k in ranked) / min(K, len(judged))
        recall_central = sum(k in central for k in ranked) / min(K, len(central)) if central else 1.0
        rows.append((recall, recall_central))
        print(f"{entry['number']:<12}{recall:7.2f}{recall_central:10.2f}{len(judged):8d}")
        if verbose:
            print("   strays:", [k for k in ranked if k not in judged])
            print("   missed:", [k for k in judged if k not in ranked])
    n = len(rows)
    print(
        f"{'mean (' + str(n) + ')':<12}{sum(r[0] for r in rows) / n:7.2f}"
        f"{sum(r[1] for r in rows) / n:10.2f}{sum(1 for _ in rows):8d}"
        f"   target ≥ {TOPICAL_TARGET:.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judgments", type=Path, default=ROOT / "benchmarks" / "relevance_judgments.toml")
    parser.add_argument(
        "--objective-judgments", type=Path, default=ROOT / "benchmarks" / "objective_judgments.toml"
    )
    parser.add_argument("--verbose", action="store_true", help="show misses and strays")
    args = parser.parse_args()
    corpus = load_corpus()
    objectives = build_objectives(corpus)
    topical_recall(args.objective_judgments, corpus, objectives, args.verbose)
    queries = load_judgments(args.judgments, corpus)
    with tempfile.TemporaryDirectory() as tmp:
        service = SearchService(corpus, objectives, AppPaths(Path(tmp), Path(tmp) / "cache"))
        service.ensure_index()
        rows = []
        print(f"{'query':<22}{'nDCG@10':>9}{'R@10':>7}{'R@10cap':>9}{'hits':>6}")
        for text, judged in queries:
            results = service.search(text, limit=K)
            ranked = [f"{h.doc}/{h.anchor}" for h in results.hits]
            ndcg, recall, capped = evaluate(ranked, judged)
            rows.append((ndcg, recall, capped))
            print(f"{text:<22}{ndcg:9.3f}{recall:7.2f}{capped:9.2f}{results.total:6d}")
            if args.verbose:
                print("   strays:", [k for k in ranked if k not in judged])
                print("   missed:", [k for k, g in judged.items() if k not in ranked and g == 2])
        n = len(rows)
        print(
            f"{'mean (' + str(n) + ' queries)':<22}{sum(r[0] for r in rows) / n:9.3f}"
            f"{sum(r[1] for r in rows) / n:7.2f}{sum(r[2] for r in rows) / n:9.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

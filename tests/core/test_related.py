"""Related (topical) links of the objectives, and the topical order of explicit links."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.cli import main
from reader.core.corpus import import_document, load_corpus, remove_imported
from reader.core.model import BlockKind
from reader.core.objectives import RELATED_LIMIT, build_objectives
from reader.core.passages import link_counts, objective_passages, related_counts, shown_links
from reader.core.related import passage_snippet, terms_of
from reader.paths import resolve_paths

ROOT = Path(__file__).resolve().parents[2]
REMITTANCES = "汇款"


def run_json(capsys, *args: str):
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_round_table_lists_the_paragraph_on_the_objective_first(objectives, corpus):
    imrf = [link.anchor for link in shown_links(objectives[19], corpus) if link.doc == "imrf"]
    assert REMITTANCES in corpus.get("imrf").block(imrf[0]).text
    assert imrf.index("42") < imrf.index("37") and imrf.index("43") < imrf.index("37")
    # consular help (objective 14) is what the same round table's ¶37 is about
    first_for_14 = next(link for link in shown_links(objectives[13], corpus) if link.doc == "imrf")
    assert "领事" in corpus.get("imrf").block(first_for_14.anchor).text


def test_explicit_links_are_ranked_per_document(objectives, corpus):
    order = [doc.id for doc in corpus]
    for objective in objectives:
        docs = [link.doc for link in objective.links]
        assert docs == sorted(docs, key=order.index)  # grouped by document
        for doc in set(docs):
            scores = [link.score for link in objective.links if link.doc == doc]
            assert scores == sorted(scores, reverse=True)


def test_related_links_are_passages_of_other_documents_not_already_linked(objectives, corpus):
    explicit = {(link.doc, link.anchor) for o in objectives for link in o.links}
    for objective in objectives:
        assert len(objective.related) == RELATED_LIMIT
        scores = [link.score for link in objective.related]
        assert scores == sorted(scores, reverse=True) and scores[-1] > 0
        for link in objective.related:
            block = corpus.get(link.doc).block(link.anchor)
            assert link.kind == "related" and link.doc != "gcm"
            assert block.kind not in (BlockKind.FOOTNOTE, BlockKind.HEADING)
            assert (link.doc, link.anchor) not in explicit
            assert link.citation == block.citation


def test_the_reports_remittance_section_is_related_to_objective_20(objectives, corpus):
    related = [(link.doc, link.anchor) for link in objectives[19].related]
    section = [("sgr", str(n)) for n in range(37, 41)]
    assert set(section) <= set(related)
    for doc, anchor in related[:4]:
        assert REMITTANCES in corpus.get(doc).block(anchor).text


def test_navigation_steps_through_explicit_then_related_passages_per_document(objectives, corpus):
    passages = objective_passages(objectives[19], corpus)
    docs = [p.doc for p in passages]
    assert docs == sorted(docs, key=[d.id for d in corpus].index)
    for doc in set(docs):
        kinds = [p.related for p in passages if p.doc == doc]
        assert kinds == sorted(kinds)  # explicit (False) before related (True)
    sgr = [p for p in passages if p.doc == "sgr"]
    assert sgr and all(p.related for p in sgr)


def test_results_are_the_same_in_another_process(objectives, corpus):
    """Nothing depends on hash order or on earlier runs: a fresh interpreter with another
    hash seed computes the same links and scores."""
    script = (
        "import json; from reader.core.corpus import load_corpus; "
        "from reader.core.objectives import build_objectives; "
        "print(json.dumps([[(x.doc, x.anchor, x.kind, x.score) for x in o.links + o.related]"
        " for o in build_objectives(load_corpus())]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    ).stdout
    here = [[[x.doc, x.anchor, x.kind, x.score] for x in o.links + o.related] for o in objectives]
    assert json.loads(out) == here
    again = build_objectives(corpus)
    assert [o.related for o in again] == [o.related for o in objectives]


def test_an_imported_document_is_scored_and_its_removal_forgets_it(tmp_path, objectives):
    paths = resolve_paths()
    source = tmp_path / "remittances.md"
    source.write_text(
        "# 汇款说明\n\n一. 汇款\n\n1. 降低汇款成本，发展汇款市场和汇款渠道，"
        "促进金融普惠与数字汇款服务，使汇款更加快捷、安全和便宜。\n\n"
        "二. 会务\n\n2. 会议的日期和地点另行通知。\n",
        encoding="utf-8",
    )
    info = import_document(source, paths)
    rebuilt = build_objectives(load_corpus(paths=paths))
    related = [(link.doc, link.anchor) for link in rebuilt[19].related]
    assert (info.id, "1") in related[:5]
    assert (info.id, "2") not in related
    remove_imported(info.id, paths)
    again = build_objectives(load_corpus(paths=paths))
    assert all(link.doc != info.id for o in again for link in o.related)
    assert [o.related for o in again] == [o.related for o in objectives]


def test_json_lists_links_per_document_with_kind_and_score(capsys, objectives, corpus):
    rows = run_json(capsys, "objectives")
    row = rows[19]
    kinds = {link["kind"] for link in row["links"]}
    assert {"roundtable", "related"} <= kinds
    assert all(isinstance(link["score"], float) for link in row["links"])
    imrf = [link for link in row["links"] if link["doc"] == "imrf" and link["kind"] != "related"]
    assert REMITTANCES in corpus.get("imrf").block(imrf[0]["anchor"]).text
    assert row["counts"]["imrf"]["explicit"] == link_counts(objectives[19], corpus)["imrf"]
    assert row["counts"]["sgr"]["related"] == related_counts(objectives[19], corpus)["sgr"]
    related = run_json(capsys, "related", "gcm", "obj20")
    assert [(h["doc"], h["anchor"]) for h in related["hits"]] == [
        (link["doc"], link["anchor"]) for link in row["related"]
    ]


def test_human_listing_is_chinese_and_counts_as_the_window(capsys, objectives, corpus):
    assert main(["objectives"]) == 0
    out = capsys.readouterr().out
    explicit = link_counts(objectives[19], corpus)["imrf"]  # without the round-table heading
    related = related_counts(objectives[19], corpus).get("imrf", 0)
    assert "目标 20：促使汇款更加快捷" in out
    assert f"进展宣言 {explicit} + {related}" in out.split("目标 20：")[1].splitlines()[1]
    assert main(["objectives", "--lang", "en"]) == 0
    assert "Objective 20:" in capsys.readouterr().out


def test_the_windows_language_choice_is_followed(capsys):
    settings = resolve_paths().data / "settings.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[General]\nlanguage=en\n", encoding="utf-8")
    assert main(["objectives"]) == 0
    assert "Objective 1:" in capsys.readouterr().out
    settings.write_bytes(b"\xff\xfe[broken")  # unreadable settings: Chinese, no traceback
    assert main(["objectives"]) == 0
    assert "目标 1：" in capsys.readouterr().out


def test_words_and_snippets():
    assert terms_of("汇款成本 COVID-19 的") == ["汇款", "款成", "成本", "covid"]
    snippet, spans = passage_snippet("甲" * 50 + "降低汇款成本" + "乙" * 50, ["汇款"], width=20)
    assert len(snippet) <= 22 and snippet.startswith("…") and snippet.endswith("…")
    assert [snippet[s:e] for s, e in spans] == ["汇款"]

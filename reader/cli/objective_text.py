"""What `reader objectives` and `reader related gcm objN` print about objectives' links.

The human listing speaks the interface's language (`--lang`, else the window's
saved choice, else Chinese), and counts links exactly as the objective tree does:
explicit + related per document.
"""

from __future__ import annotations

import configparser
from typing import Any

from ..core.corpus import Corpus
from ..core.i18n import DEFAULT_LANGUAGE, language_of
from ..core.model import Objective
from ..core.objectives import COMPACT_ID
from ..core.passages import link_counts, related_counts
from ..core.related import highlight_spans, passage_snippet
from ..paths import AppPaths

SETTINGS_FILE = "settings.ini"  # the window's (QSettings, INI format), in the data folder

_TEXT = {
    "zh": {
        "legend": "每个文件的段落数：明确链接 + 相关段落（按主题找到）",
        "objective": "目标 {number}：{title}",
        "summary": "  {actions} 项行动；{counts}",
        "none": "其他文件无段落",
        "separator": "，",
    },
    "en": {
        "legend": "Passages per document: explicit links + related passages (found by topic)",
        "objective": "Objective {number}: {title}",
        "summary": "  {actions} actions; {counts}",
        "none": "no passages in other documents",
        "separator": ", ",
    },
}


def interface_language(paths: AppPaths) -> str:
    """ "zh" or "en": the language the window was last set to; Chinese when unknown."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(paths.data / SETTINGS_FILE, encoding="utf-8")
        return language_of(parser.get("General", "language", fallback=DEFAULT_LANGUAGE))
    except (configparser.Error, OSError, UnicodeDecodeError):
        return DEFAULT_LANGUAGE


def objective_lines(objectives: list[Objective], corpus: Corpus, language: str) -> list[str]:
    text = _TEXT[language_of(language)]
    names = {doc.id: doc.info.short_title or doc.id for doc in corpus}
    lines = [text["legend"]]
    for objective in objectives:
        explicit, related = link_counts(objective, corpus), related_counts(objective, corpus)
        counts = text["separator"].join(
            f"{names[doc.id]} {explicit.get(doc.id, 0)} + {related.get(doc.id, 0)}"
            for doc in corpus
            if doc.id in explicit or doc.id in related
        )
        lines.append(text["objective"].format(number=objective.number, title=objective.title))
        lines.append(text["summary"].format(actions=len(objective.actions), counts=counts or text["none"]))
    return lines


def objective_of_anchor(objectives: list[Objective], doc_id: str, anchor: str) -> Objective | None:
    """The objective whose heading in the Compact this is (gcm obj20, gcm/obj20), if any."""
    if doc_id != COMPACT_ID:
        return None
    anchor = anchor.removeprefix(COMPACT_ID + "/")
    return next((o for o in objectives if o.anchor == anchor), None)


def related_hits(
    objective: Objective, corpus: Corpus, limit: int
) -> list[tuple[dict[str, Any], tuple[tuple[int, int], ...]]]:
    """The objective's related links in the JSON shape of `reader related`'s search hits,
    each with the spans of the objective's words in its snippet (for a terminal)."""
    hits = []
    for link in objective.related[: max(0, limit)]:
        if link.doc not in corpus or not corpus.get(link.doc).has(link.anchor):
            continue
        block = corpus.get(link.doc).block(link.anchor)
        snippet, spans = passage_snippet(block.text, objective.topic_terms, width=80)
        hit = {
            "doc": link.doc,
            "anchor": link.anchor,
            "kind": block.kind.value,
            "citation": link.citation,
            "text": block.text,
            "snippet": snippet,
            "highlights": [list(s) for s in highlight_spans(block.text, objective.topic_terms)],
            "score": link.score,
        }
        hits.append((hit, spans))
    return hits

"""Which passages correspond across documents (objective selection, linked scrolling)."""

from __future__ import annotations

from reader.core.passages import ObjectiveMap


def test_objective_map_knows_the_compact_sections(corpus, objectives):
    mapping = ObjectiveMap(corpus, objectives)
    assert mapping.objectives_at("gcm", "29.c") == [13]
    assert mapping.objectives_at("gcm", "17") == [1]
    assert mapping.objectives_at("gcm", "15.a") == []
    assert mapping.corresponding(13, "gcm") == "obj13"
    # the round table's best paragraph on detention, not merely its first paragraph
    best = mapping.corresponding(13, "imrf")
    assert best in {str(n) for n in range(30, 37)} and "拘留" in corpus.get("imrf").block(best).text

"""Lossless exchange: a JSON-LD export (or a whole annotations.json) imported into an empty
data folder gives back the same highlights, bookmarks, colour meanings and creators."""

from __future__ import annotations

import json

import pytest

from reader.core.annotations import Store, make_target, new_annotation, new_bookmark, plan_import
from reader.core.annotations.exchange import bookmark_from_jsonld, bookmark_to_jsonld
from reader.core.export import ExportLabels, prepare_export, to_jsonld
from reader.core.userconfig import ConfigError, config_file, set_value, user_name


def _clock_store(path, creator: str) -> Store:
    store = Store.open(path, min_interval=0)
    store.creator = creator
    return store


@pytest.fixture
def mine(tmp_path, corpus) -> Store:
    """A user's store: highlights (one over two paragraphs), bookmarks, two renamed colours."""
    store = _clock_store(tmp_path / "me" / "annotations.json", "王芳")
    gcm, imrf = corpus.get("gcm"), corpus.get("imrf")
    store.add(
        new_annotation(make_target(gcm, "17.a", 0, None, 20), note="第一行\n第二行", tags=["数据", "a;b"])
    )
    store.add(new_annotation(make_target(gcm, "17.b", 3, "17.c", 12), color="red"))
    store.add(new_annotation(make_target(imrf, "48", 0, None, 12), color="blue", creator="Colleague Ana"))
    store.add(new_bookmark("gcm", "17", "数据承诺", "谈判/目标1"))
    store.add(new_bookmark("imrf", "48", "圆桌四"))
    store.rename_color("blue", "核实 / to verify")
    store.rename_color("purple", "问代表团")
    store.flush()
    return store


def export_jsonld(store: Store, corpus, objectives, **options) -> str:
    data = prepare_export(
        store.annotations,
        corpus,
        objectives,
        store.palette,
        creator=store.creator,
        bookmarks=store.bookmarks,
        labels=ExportLabels.for_language("zh"),
        **options,
    )
    return to_jsonld(data)


def import_into_empty(tmp_path, payload, corpus, name="colleague") -> tuple[Store, object]:
    theirs = _clock_store(tmp_path / name / "annotations.json", "李雷")
    plan = plan_import(payload, theirs.state, corpus)
    theirs.apply_import(plan)
    theirs.flush()
    return Store.open(theirs.path), plan.report


def same_content(a: Store, b: Store) -> None:
    assert {x.id: x for x in a.annotations} == {x.id: x for x in b.annotations}
    assert {x.id: x for x in a.bookmarks} == {x.id: x for x in b.bookmarks}
    assert list(a.palette) == list(b.palette)


def test_json_ld_round_trip_keeps_annotations_bookmarks_colours_and_creators(
    tmp_path, mine, corpus, objectives
):
    payload = export_jsonld(mine, corpus, objectives)
    theirs, report = import_into_empty(tmp_path, payload, corpus)
    same_content(mine, theirs)
    assert {a.creator for a in theirs.annotations} == {"王芳", "Colleague Ana"}
    assert {b.folder for b in theirs.bookmarks} == {"谈判/目标1", ""}
    assert theirs.palette.get("purple").name == "问代表团"
    assert report.bookmarks and set(report.colors) == {"blue", "purple"}
    assert dict(report.creators) == {"王芳": 4, "Colleague Ana": 1}  # 2 highlights + 2 bookmarks
    assert "来自 王芳 (4)、Colleague Ana (1)" in report.summary("zh")
    again, second = import_into_empty(tmp_path, payload, corpus, name="colleague")
    assert not second.changed  # the same file twice changes nothing the second time
    same_content(mine, again)


def test_every_exported_annotation_has_a_creator_and_the_generator(mine, corpus, objectives):
    collection = json.loads(export_jsonld(mine, corpus, objectives))
    items = collection["first"]["items"]
    assert {i["motivation"] for i in items} == {"highlighting", "bookmarking"}
    for item in items:
        assert item["creator"]["type"] == "Person" and item["creator"]["name"]
        assert item["generator"] == {"type": "Software", "name": "Compact Reader"}
    assert collection["palette"][3] == {
        "color": "blue",
        "name": "核实 / to verify",
        "modified": mine.palette.get("blue").modified,
        "hex": "#90caf9",
    }
    bookmark = next(
        i for i in items if i["motivation"] == "bookmarking" and i["body"][0]["value"] == "数据承诺"
    )
    assert bookmark["target"]["selector"]["value"] == "17" and bookmark["body"][1]["value"] == "谈判/目标1"


def test_an_annotation_made_before_names_is_exported_under_the_exporters_name(tmp_path, corpus, objectives):
    store = _clock_store(tmp_path / "old" / "annotations.json", "")
    store.add(new_annotation(make_target(corpus.get("gcm"), "17.a", 0, None, 5)))
    assert store.annotations[0].creator == ""
    store.creator = "王芳"
    items = json.loads(export_jsonld(store, corpus, objectives))["first"]["items"]
    assert items[0]["creator"] == {"type": "Person", "name": "王芳"}


def test_a_whole_annotations_file_can_be_imported(tmp_path, mine, corpus):
    theirs, report = import_into_empty(tmp_path, mine.path.read_bytes(), corpus)
    same_content(mine, theirs)
    assert len(report.added) == 3 and len(report.bookmarks) == 2


def test_a_bookmark_survives_its_own_w3c_form():
    bookmark = new_bookmark("nyd", "annex2/8", "附录二", "草案/第二轮", creator="Ana").edited(
        created="2024-03-01T09:00:00.000Z", modified="2024-03-02T09:00:00.000Z"
    )
    assert bookmark_from_jsonld(bookmark_to_jsonld(bookmark)) == bookmark


def test_the_users_name_is_set_once_and_defaults_to_the_account(tmp_path):
    path = config_file(tmp_path)
    assert user_name(path)  # the account's full name or login
    set_value(path, "name", "  王  芳 ")
    assert user_name(path) == "王 芳"
    set_value(path, "name", "")
    assert user_name(path) != "王 芳"
    with pytest.raises(ConfigError):
        set_value(path, "colour", "x")
    path.write_text("{damaged", encoding="utf-8")
    assert user_name(path)  # a damaged file never stops the reader

"""Importing a user's document, and the machine-readable command line."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.core.corpus import CorpusError, import_document, load_corpus
from reader.paths import resolve_paths

SAMPLE = "# 我的笔记\n\n一. 背景\n\n1. 第一段提到《全球契约》目标 13。*\n\n* 一条脚注。\n"


def run_json(capsys, *args: str):
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_import_detects_encoding_and_lists_the_document(tmp_path, encoding, capsys):
    source = tmp_path / "notes.md"
    source.write_bytes(SAMPLE.encode(encoding))
    assert main(["import", str(source), "--title", "会议笔记"]) == 0
    assert "imported notes.md" in capsys.readouterr().out
    docs = run_json(capsys, "docs")
    mine = [d for d in docs if not d["bundled"]]
    assert mine and mine[0]["source"].endswith(".txt") and "documents" in mine[0]["source"]
    assert [(d["title"], d["kind"]) for d in mine] == [("会议笔记", "imported")]
    dump = run_json(capsys, "dump", mine[0]["id"])
    para = next(b for b in dump["blocks"] if b["kind"] == "paragraph")
    assert para["label"] == "1" and para["text"] == "第一段提到《全球契约》目标 13。"
    assert para["notes"] == [
        {"mark": "*", "offset": len(para["text"]), "target": "fnstar", "text": "一条脚注。"}
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"abc \xff\xfe\xff\xff def", "neither UTF-8 nor GB18030"),
    ],
)
def test_bad_imports_are_refused_and_change_nothing(tmp_path, content, message, capsys):
    paths = resolve_paths()
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    with pytest.raises(CorpusError, match=message):
        import_document(source, paths)
    assert main(["import", str(source)]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not paths.imported_dir.exists() or not any(paths.imported_dir.iterdir())


def test_import_refuses_other_file_types(tmp_path):
    source = tmp_path / "photo.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(CorpusError, match=r"only .txt, .md, .pdf and .docx"):
        import_document(source, resolve_paths())


def test_imported_document_lives_in_the_data_dir_and_gets_a_unique_id(tmp_path):
    paths = resolve_paths(tmp_path / "elsewhere")
    source = tmp_path / "gcm.txt"
    source.write_text("第一段。\n", encoding="utf-8")
    first = import_document(source, paths)
    second = import_document(source, paths)
    assert first.id != second.id and first.id.startswith("user-")
    assert str(paths.imported_dir) in first.source
    ids = [d.id for d in load_corpus(paths=paths)]
    assert ids[:5] == ["imrf", "gcm", "sgr", "nyd", "escap"] and {first.id, second.id} <= set(ids)


def test_a_broken_import_is_reported_and_the_rest_loads():
    paths = resolve_paths()
    paths.imported_dir.mkdir(parents=True)
    (paths.imported_dir / "x.toml").write_text(
        'id = "user-x"\nfile = "x.txt"\ntitle = "X"\n', encoding="utf-8"
    )
    (paths.imported_dir / "x.txt").write_bytes(b"\x00\x01\x02")
    corpus = load_corpus(paths=paths)
    assert len(corpus) == 5
    assert any("binary" in p for p in corpus.problems)


def test_docs_json(capsys):
    docs = run_json(capsys, "docs")
    assert [d["id"] for d in docs] == ["imrf", "gcm", "sgr", "nyd", "escap"]
    keys = {"id", "title", "short_title", "kind", "date", "symbol", "source", "blocks", "iri"}
    assert all(keys <= set(d) for d in docs)
    by_id = {d["id"]: d for d in docs}
    assert by_id["gcm"]["kind"] == "compact" and by_id["imrf"]["symbol"] == "A/RES/76/266"
    assert by_id["nyd"]["iri"] == "reader://nyd"
    assert by_id["gcm"]["source"] == "corpus/gcm-outcome-document-2018.txt" and by_id["gcm"]["bundled"]


def test_dump_json_shape(capsys):
    dump = run_json(capsys, "dump", "gcm")
    assert (dump["id"], dump["title"]) == ("gcm", "安全、有序和正常移民全球契约")
    blocks = {b["anchor"]: b for b in dump["blocks"]}
    para = blocks["17"]
    assert (para["kind"], para["label"]) == ("paragraph", "17")
    assert blocks["17.a"]["kind"] == "item" and blocks["17.a"]["label"] == "a"
    assert blocks["17.a"]["citation"] == "《全球契约》(A/RES/73/195)第17段(a)"
    assert blocks["fn1"]["kind"] == "footnote"
    note = blocks["2"]["notes"][0]
    assert note["mark"] == "1" and note["text"].startswith("《消除一切形式种族歧视国际公约》")
    assert blocks["2"]["text"][note["offset"] - 1] == "、"
    assert {b["kind"] for b in dump["blocks"]} == {"heading", "paragraph", "item", "footnote"}


def test_objectives_json_shape(capsys):
    objectives = run_json(capsys, "objectives")
    assert len(objectives) == 23
    o = objectives[0]
    assert set(o) >= {"number", "title", "anchor", "commitment", "actions", "links"}
    assert o["commitment"]["anchor"] == "17" and o["actions"][0] == {
        "letter": "a",
        "anchor": "17.a",
        "text": o["actions"][0]["text"],
    }
    assert {"doc", "anchor", "kind", "citation"} <= set(o["links"][0])


@pytest.mark.parametrize("command", ["docs", "dump", "objectives", "import", "gui"])
def test_every_subcommand_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: reader" in capsys.readouterr().out


def test_bad_arguments_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["dump"])
    assert exit_info.value.code == 2
    assert main(["dump", "no-such-doc", "--json"]) == 2
    assert "unknown document" in capsys.readouterr().err


def test_data_dir_option_moves_user_data(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("内容。\n", encoding="utf-8")
    target = tmp_path / "moved"
    assert main(["--data-dir", str(target), "import", str(source)]) == 0
    assert any((target / "documents").glob("*.txt"))
    capsys.readouterr()
    assert all(d["bundled"] for d in run_json(capsys, "docs"))

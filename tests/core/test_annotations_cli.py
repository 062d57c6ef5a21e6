"""`reader annotations …`, `reader bookmarks …`, `reader export`, all under --data-dir."""

from __future__ import annotations

import io
import json

import docx
import pytest

from reader.cli import main
from reader.core.annotations.fileformat import decode


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *args: str):
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def filled(capsys, tmp_path) -> dict[str, str]:
    """Two highlights and a bookmark, added through the command line."""
    ids = {}
    commands = {
        "a": [
            "gcm",
            "17.a",
            "--start",
            "0",
            "--end",
            "20",
            "--note",
            "同意<b>",
            "--tag",
            "数据",
            "--tag",
            "统计",
        ],
        "b": [
            "nyd",
            "annex2/8.u",
            "--start",
            "2",
            "--end-anchor",
            "annex2/8.v",
            "--end",
            "4",
            "--color",
            "red",
        ],
    }
    for key, args in commands.items():
        code, out, err = run(capsys, "annotations", "add", *args)
        assert code == 0, err
        ids[key] = out.strip()
    code, out, _ = run(capsys, "bookmarks", "add", "gcm", "17", "--name", "数据承诺", "--folder", "谈判")
    ids["bookmark"] = out.strip()
    return ids


def test_added_annotations_are_listed_in_document_order(capsys, filled):
    rows = run_json(capsys, "annotations", "list")
    assert [r["id"] for r in rows] == [filled["a"], filled["b"]]
    first, second = rows
    assert (first["doc"], first["anchor"], first["start"], first["end"]) == ("gcm", "17.a", 0, 20)
    assert first["tags"] == ["数据", "统计"] and first["note"] == "同意<b>" and first["status"] == "anchored"
    assert first["objectives"] == [1] and first["link"] == "reader://gcm/17.a"
    assert first["citation"] == "《全球契约》(A/RES/73/195)第17段(a)"
    assert first["meaning"] == "agreed language"
    assert (second["anchor"], second["end_anchor"], second["color"]) == ("annex2/8.u", "annex2/8.v", "red")
    assert "\n" in second["exact"]
    code, out, _ = run(capsys, "annotations", "list")
    assert code == 0 and "gcm/17.a" in out and "#数据" in out


def test_bookmarks_are_added_and_listed(capsys, filled):
    (row,) = run_json(capsys, "bookmarks", "list")
    assert (row["id"], row["name"], row["folder"]) == (filled["bookmark"], "数据承诺", "谈判")
    assert row["found"]
    assert row["citation"] == "《全球契约》(A/RES/73/195)第17段" and row["link"] == "reader://gcm/17"


def test_everything_lives_in_the_data_folder_given(capsys, tmp_path):
    folder = tmp_path / "elsewhere"
    code, out, _ = run(
        capsys, "--data-dir", str(folder), "annotations", "add", "gcm", "17", "--start", "0", "--end", "5"
    )
    assert code == 0
    assert out.strip() in decode((folder / "annotations.json").read_bytes()).state.annotations
    assert run_json(capsys, "annotations", "list") == []  # the default (test) folder is untouched


@pytest.mark.parametrize(
    "args",
    [
        ["annotations", "add", "nope", "17", "--start", "0", "--end", "5"],
        ["annotations", "add", "gcm", "no-such-anchor", "--start", "0", "--end", "5"],
        ["annotations", "add", "gcm", "17", "--start", "0", "--end", "100000"],
        ["bookmarks", "add", "gcm", "no-such-anchor", "--name", "x"],
        ["export", "--format", "md", "--doc", "nope"],
        ["export", "--format", "md", "--objective", "24"],
    ],
)
def test_bad_input_is_a_usage_error(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2 and err.startswith("reader: ") and out == ""


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "jsonld", "docx"])
def test_export_writes_every_format_to_a_file(capsys, tmp_path, filled, fmt):
    target = tmp_path / f"out.{fmt}"
    code, _, err = run(capsys, "export", "--format", fmt, "-o", str(target))
    assert code == 0 and "已将 2 条摘录写入" in err
    payload = target.read_bytes()
    if fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(payload)).paragraphs)
    else:
        text = payload.decode("utf-8-sig")
    assert "《全球契约》(A/RES/73/195，2018年12月10日)第17段(a)" in text and "reader://nyd/annex2/8.u" in text


def test_export_filters_and_groups(capsys, filled):
    code, out, _ = run(capsys, "export", "--format", "csv", "--tag", "数据")
    assert code == 0 and filled["a"] in out and filled["b"] not in out
    _, out, _ = run(capsys, "export", "--format", "csv", "--color", "red", "--doc", "nyd")
    assert filled["b"] in out and filled["a"] not in out
    _, out, _ = run(capsys, "export", "--format", "md", "--objective", "1", "--group-by", "objective")
    assert "## 目标1：" in out and "纽约宣言" not in out
    _, out, _ = run(capsys, "export", "--format", "md", "--text", "没有这个词")
    assert "摘录：0" in out and "筛选条件：文字 “没有这个词”" in out
    _, out, _ = run(capsys, "--lang", "en", "export", "--format", "md", "--text", "没有这个词")
    assert "Excerpts: 0" in out and "Filters: Text “没有这个词”" in out


def test_import_reports_and_is_idempotent(capsys, tmp_path, filled):
    exported = tmp_path / "mine.jsonld"
    run(capsys, "export", "--format", "jsonld", "-o", str(exported))
    other = tmp_path / "colleague"
    code, out, _ = run(capsys, "--data-dir", str(other), "annotations", "import", str(exported), "--dry-run")
    assert code == 0 and out.startswith("将导入：新增 2 条") and not (other / "annotations.json").exists()
    _, out, _ = run(capsys, "--lang", "en", "--data-dir", str(other), "annotations", "import", str(exported))
    assert out.startswith("imported: 2 added, 0 updated, 0 unchanged")
    before = (other / "annotations.json").read_bytes()
    _, out, _ = run(capsys, "--lang", "en", "--data-dir", str(other), "annotations", "import", str(exported))
    assert out.startswith("imported: 0 added, 0 updated, 2 unchanged")
    assert (other / "annotations.json").read_bytes() == before


def test_import_of_something_else_fails_cleanly(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": "world"}', encoding="utf-8")
    code, _, err = run(capsys, "annotations", "import", str(bad))
    assert code == 1 and "not W3C Web Annotation" in err
    code, _, err = run(capsys, "annotations", "import", str(tmp_path / "missing.json"))
    assert code == 1 and "cannot read" in err


def test_a_damaged_file_is_reported_as_a_warning(capsys, filled, isolated_data):
    isolated_data.annotations_file.write_bytes(b'{"version": 2, "annotations": [')
    code, out, err = run(capsys, "annotations", "list", "--json")
    assert code == 0 and "warning:" in err and "corrupt-" in err
    assert len(json.loads(out)) == 2  # from the backup


def test_docs_json_gives_each_document_its_iri(capsys):
    docs = run_json(capsys, "docs")
    assert {d["id"]: d["iri"] for d in docs}["gcm"] == "reader://gcm"

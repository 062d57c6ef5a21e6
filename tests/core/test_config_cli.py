"""`reader config` and `reader colors`, and `--lang` before or after a subcommand."""

from __future__ import annotations

import json

import pytest

from reader.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_colour_meanings_can_be_listed_and_renamed(capsys):
    code, out, _ = run(capsys, "colors", "set", "blue", "核实")
    assert code == 0 and out.strip() == "blue: 核实"
    _, out, _ = run(capsys, "colors", "list", "--json")
    rows = {row["color"]: row for row in json.loads(out)}
    assert rows["blue"]["meaning"] == "核实" and not rows["blue"]["default"] and rows["blue"]["modified"]
    assert rows["green"]["meaning"] == "关键承诺" and rows["green"]["name"] == "绿色"
    _, out, _ = run(capsys, "colors", "list", "--lang", "en")
    assert "agreed language" in out and "核实" in out
    run(capsys, "colors", "set", "blue", "")
    _, out, _ = run(capsys, "--lang", "en", "colors", "list", "--json")
    assert {row["color"]: row for row in json.loads(out)}["blue"]["meaning"] == "to check"
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "colors", "set", "orange", "x")
    assert exit_.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_the_name_set_once_is_the_author_of_new_annotations_and_exports(capsys):
    assert run(capsys, "config", "set", "name", "王芳")[0] == 0
    _, out, _ = run(capsys, "config", "get", "name")
    assert out.strip() == "王芳"
    run(capsys, "annotations", "add", "gcm", "17.a", "--start", "0", "--end", "10")
    _, out, _ = run(capsys, "annotations", "list", "--json")
    assert json.loads(out)[0]["creator"] == "王芳"
    _, out, _ = run(capsys, "export", "--format", "md", "--lang", "en")
    assert "Exported by: 王芳" in out and "**Author:** 王芳" in out
    _, out, _ = run(capsys, "export", "--format", "md")
    assert "导出人：王芳" in out and "**作者：** 王芳" in out


def test_export_can_be_limited_to_one_author(capsys):
    run(capsys, "config", "set", "name", "王芳")
    run(capsys, "annotations", "add", "gcm", "17.a", "--start", "0", "--end", "10")
    run(capsys, "config", "set", "name", "Ana")
    run(capsys, "annotations", "add", "gcm", "17.b", "--start", "0", "--end", "10")
    _, out, _ = run(capsys, "export", "--format", "csv", "--author", "Ana")
    assert "reader://gcm/17.b" in out and "reader://gcm/17.a" not in out
    _, out, _ = run(capsys, "export", "--format", "md", "--author", "王芳")
    assert "筛选条件：作者 王芳" in out and "reader://gcm/17.a" in out

"""The command line under hostile input: one line and an exit code, never a traceback."""

from __future__ import annotations

import pytest

from reader.cli import main


@pytest.mark.parametrize(
    "argv",
    [
        ["annotations", "add", "gcm", "17.a", "--start", "0", "--end", "2", "--note", "\udcff"],
        ["annotations", "add", "gcm", "17.a", "--start", "0", "--end", "2", "--tag", "\udcff"],
        ["bookmarks", "add", "gcm", "17.a", "--name", "\udcffname"],
        ["bookmarks", "add", "gcm", "17.a", "--name", "ok", "--folder", "\udcff"],
    ],
)
def test_text_that_is_not_valid_unicode_is_refused_with_a_message(capsys, argv):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: ") and "not valid Unicode" in err and err.count("\n") == 1
    assert main(["annotations", "list", "--json"]) == 0 and capsys.readouterr().out.strip() == "[]"


@pytest.mark.parametrize("argv", [["index"], ["search", "移民"], ["related", "gcm", "17"]])
def test_a_data_folder_that_is_a_file_is_one_line_and_exit_1(tmp_path, capsys, argv):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert main(["--data-dir", str(blocker), *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith("reader: ") and "Not a directory" in err and "Traceback" not in err


def test_an_unknown_document_with_odd_characters_is_printed_escaped(capsys):
    assert main(["dump", "\udcff"]) == 2
    assert "\\udcff" in capsys.readouterr().err

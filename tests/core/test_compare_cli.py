"""`reader compare`: an imported revision of the Compact against the bundled text."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from reader.cli import main
from reader.paths import PROJECT_ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def revision(capsys, tmp_path) -> str:
    """A Rev.1 of the Compact imported by the user: words added to paragraph 9, paragraph 5
    deleted (so 6–16 are renumbered), and a sentence with markup-like text added to 10."""
    text = (PROJECT_ROOT / "corpus" / "gcm-outcome-document-2018.txt").read_text(encoding="utf-8")
    text = text.replace("共同认识、共同责任和一致目标", "共同认识、共同但有区别的责任和一致目标")
    text = text.replace("误导性宣传。", "误导性宣传。<script>alert(1)</script>&amp;")
    text = re.sub(r"(?m)^5\. 我们确认会员国.*\n", "", text)
    source = tmp_path / "gcm-rev1.txt"
    source.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "import", str(source), "--title", "全球契约 Rev.1")
    assert code == 0, err
    return out.split(" as ")[1].split(":")[0]


def test_json_report(capsys, revision):
    code, out, err = run(capsys, "compare", "gcm", revision, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["old"], data["new"]) == ("gcm", revision)
    statuses = {
        (p["status"], p["old"]["anchor"] if p["old"] else None)
        for p in data["pairs"]
        if p["status"] != "same"
    }
    assert statuses == {("deleted", "5"), ("changed", "9"), ("changed", "10")}
    nine = next(p for p in data["pairs"] if p["old"] and p["old"]["anchor"] == "9")
    assert nine["changes"] == [
        {
            "op": "insert",
            "old_text": "",
            "new_text": "但有区别的",
            "old_range": nine["changes"][0]["old_range"],
            "new_range": nine["changes"][0]["new_range"],
        }
    ]
    assert data["summary"]["deleted"] == 1 and data["summary"]["changed"] == 2


def test_text_report_and_bad_input(capsys, revision):
    code, out, _ = run(capsys, "compare", "gcm", revision)
    assert code == 0 and "{+但有区别的+}" in out and "deleted" in out
    code, _, err = run(capsys, "compare", "gcm", "no-such-doc")
    assert code == 2 and "unknown document" in err
    code, _, err = run(capsys, "compare", "gcm", revision, "--dry-run")
    assert code == 2 and "--carry-annotations" in err


def test_carry_annotations(capsys, revision):
    for anchor, start, end in (("9", 40, 60), ("5", 0, 10), ("11", 0, 15)):
        assert (
            run(
                capsys,
                "annotations",
                "add",
                "gcm",
                anchor,
                "--start",
                str(start),
                "--end",
                str(end),
                "--note",
                f"note {anchor}",
            )[0]
            == 0
        )
    code, out, _ = run(capsys, "compare", "gcm", revision, "--carry-annotations", "--dry-run", "--json")
    assert code == 0
    rows = json.loads(out)["carried"]
    assert [r["status"] for r in rows] == ["orphaned", "changed", "unchanged"]
    assert set(rows[0]) == {"id", "note", "old_anchor", "new_anchor", "status"}
    listed = json.loads(run(capsys, "annotations", "list", "--json")[1])
    assert len(listed) == 3  # the dry run changed nothing
    assert run(capsys, "compare", "gcm", revision, "--carry-annotations")[0] == 0
    listed = json.loads(run(capsys, "annotations", "list", "--json")[1])
    assert len(listed) == 6
    assert {r["status"] for r in listed if r["doc"] == revision} == {"anchored", "orphan"}
    run(capsys, "compare", "gcm", revision, "--carry-annotations")
    assert len(json.loads(run(capsys, "annotations", "list", "--json")[1])) == 6


def test_docx_redline_has_tracked_changes(capsys, revision, tmp_path):
    target = tmp_path / "redline.docx"
    code, _, err = run(capsys, "compare", "gcm", revision, "--format", "docx", "-o", str(target))
    assert code == 0, err
    document = docx.Document(io.BytesIO(target.read_bytes()))
    body = document.element.body
    inserted = ["".join(t.text for t in ins.iter(f"{W}t")) for ins in body.iter(f"{W}ins")]
    deleted = ["".join(t.text for t in d.iter(f"{W}delText")) for d in body.iter(f"{W}del")]
    assert "但有区别的" in inserted and "<script>alert(1)</script>&amp;" in inserted
    assert any(text.startswith("我们确认会员国") for text in deleted)
    for change in [*body.iter(f"{W}ins"), *body.iter(f"{W}del")]:
        assert change.get(f"{W}author") == "Compact Reader" and change.get(f"{W}date")
    styles = zipfile.ZipFile(target).read("word/styles.xml").decode()
    assert 'w:eastAsia="zh-CN"' in styles and 'w:eastAsia="SimSun"' in styles
    assert "A/RES/73/195" in "\n".join(p.text for p in document.paragraphs[:4])
    # "accept all" gives the new draft: the inserted and unchanged text, without the deleted
    accepted = "".join(t.text for t in body.iter(f"{W}t"))
    assert "共同但有区别的责任" in accepted and "我们确认会员国" not in accepted


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_lists_the_tracked_changes(capsys, revision, tmp_path):
    target = tmp_path / "redline.docx"
    assert run(capsys, "compare", "gcm", revision, "-o", str(target))[0] == 0
    out = tmp_path / "out"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(out),
            str(target),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    content = zipfile.ZipFile(out / "redline.odt").read("content.xml").decode()
    regions = re.findall(r"<text:changed-region", content)
    assert len(regions) >= 3
    assert "<text:insertion>" in content and "<text:deletion>" in content
    assert "Compact Reader" in content


def test_html_redline_escapes_and_summarises(capsys, revision, tmp_path):
    target = tmp_path / "redline.html"
    assert run(capsys, "compare", "gcm", revision, "--ignore-width", "-o", str(target))[0] == 0
    page = target.read_text(encoding="utf-8")
    assert "<ins>但有区别的</ins>" in page
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;" in page
    assert re.search(r"<tr><td>deleted</td><td>1</td></tr>", page)
    assert "<del>我们确认会员国" in page and "A/RES/73/195" in page


def test_redline_needs_a_known_format(capsys, revision, tmp_path):
    code, _, err = run(capsys, "compare", "gcm", revision, "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "--format" in err
    assert not Path(tmp_path / "x.pdf").exists()

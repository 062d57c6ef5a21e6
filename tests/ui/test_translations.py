"""Every interface string is in the Linguist sources, and Chinese translates all of them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader.ui.i18n import I18N_DIR

ROOT = I18N_DIR.parent.parent
SOURCES = sorted(str(p.relative_to(ROOT)) for p in [*ROOT.glob("reader/ui/**/*.py"), ROOT / "reader/app.py"])


def untranslated(ts: Path) -> list[str]:
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if translation.get("type") == "unfinished" or not all(forms):
            missing.append(message.find("source").text)
    return missing


def test_the_chinese_translation_is_complete_and_up_to_date(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    ts = tmp_path / "reader_zh_CN.ts"
    shutil.copy(I18N_DIR / "reader_zh_CN.ts", ts)
    subprocess.run([str(lupdate), *SOURCES, "-ts", str(ts), "-silent"], cwd=ROOT, check=True)
    assert untranslated(ts) == [], "run pyside6-lupdate and translate the new strings"


def test_english_has_its_plural_forms():
    plurals = [
        m for m in ET.parse(I18N_DIR / "reader_en.ts").getroot().iter("message") if m.get("numerus") == "yes"
    ]
    assert plurals and all(len(m.find("translation").findall("numerusform")) == 2 for m in plurals)

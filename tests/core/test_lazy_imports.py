"""Commands load only what they use: `reader docs` never pays for whoosh, python-docx or Qt
(benchmarks/cli.py times it); and every name the lazy packages promise does resolve."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

from reader.paths import PROJECT_ROOT

HEAVY = ("whoosh", "docx", "lxml", "jieba", "opencc", "PySide6")
PROBE = """
import contextlib, io, json, sys
from reader.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "loaded": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def _loaded_by(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0, done.stderr
    return set(result["loaded"])


def test_listing_documents_loads_no_search_export_or_qt_module():
    assert not _loaded_by("docs", "--json") & set(HEAVY)


def test_a_text_export_loads_no_docx_and_no_search_engine(tmp_path):
    loaded = _loaded_by("export", "--format", "md", "-o", str(tmp_path / "x.md"))
    assert (tmp_path / "x.md").exists()
    assert not loaded & {"whoosh", "docx", "lxml", "jieba", "PySide6"}


@pytest.mark.parametrize("package", ["reader.core.search", "reader.core.annotations", "reader.core.export"])
def test_every_name_a_lazy_package_lists_resolves(package):
    module = importlib.import_module(package)
    for name in module.__all__:
        assert getattr(module, name) is not None, name
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018

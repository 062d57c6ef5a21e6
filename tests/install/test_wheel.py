"""The built package runs on its own: sdist → wheel → a fresh venv outside the checkout.

Costs about a minute (build ~6 s, install ~20 s from the pip cache, index + screenshot ~25 s;
the first run on a machine also downloads the dependencies). Deselect with `-m "not slow"`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.paths import PROJECT_ROOT

pytestmark = pytest.mark.slow

BUNDLED = {"gcm", "imrf", "sgr", "nyd", "escap"}


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout: int = 300) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str], Path]:
    """(the venv's bin folder, a clean environment, a folder outside the checkout)."""
    work = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(PYTHONNOUSERSITE="1", QT_QPA_PLATFORM="offscreen", COMPACT_READER_DATA_DIR=str(work / "data"))
    # The build runs from the sdist, so a file the sdist step (reader/_build.py) leaves out fails here too.
    _run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(work / "dist"), str(PROJECT_ROOT)],
        cwd=work,
        env=env,
    )
    wheels = list((work / "dist").glob("compact_reader-*.whl"))
    assert len(wheels) == 1
    _run([sys.executable, "-m", "venv", "--without-pip", str(work / "venv")], cwd=work, env=env)
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(work / "venv" / "bin" / "python"),
            "install",
            "--disable-pip-version-check",
            "-q",
            str(wheels[0]),
        ],
        cwd=work,
        env=env,
        timeout=900,
    )
    return work / "venv" / "bin", env, work


def test_the_wheel_carries_the_corpus_resources_and_compiled_translations(installed):
    bin_dir, env, work = installed
    out = _run(
        [
            str(bin_dir / "python"),
            "-c",
            "import reader.paths as p; print(p.__file__); print(p.CORPUS_DIR); print(p.RESOURCES_DIR)",
        ],
        cwd=work,
        env=env,
    )
    module, corpus_dir, resources_dir = (Path(line) for line in out.splitlines())
    venv = bin_dir.parent
    assert venv in module.parents and PROJECT_ROOT not in module.parents
    assert venv in corpus_dir.parents and (corpus_dir / "manifest.toml").is_file()
    for needed in ("i18n/reader_zh_CN.qm", "i18n/reader_en.qm", "icons/app.svg", "styles/light.qss"):
        assert (resources_dir / needed).stat().st_size > 0, needed


def test_the_installed_command_lists_searches_and_reports_its_version(installed):
    bin_dir, env, work = installed
    assert _run([str(bin_dir / "reader"), "--version"], cwd=work, env=env).split() == ["reader", __version__]
    docs = json.loads(_run([str(bin_dir / "reader"), "docs", "--json"], cwd=work, env=env))
    assert {d["id"] for d in docs} >= BUNDLED
    assert all(d["source"].startswith("corpus/") for d in docs if d["bundled"])
    hits = json.loads(_run([str(bin_dir / "reader"), "search", "汇款", "--json"], cwd=work, env=env))
    assert hits["total"] > 0 and any(h["doc"] == "gcm" for h in hits["hits"])


def test_the_installed_window_takes_a_screenshot(installed):
    bin_dir, env, work = installed
    shot = work / "x.png"
    _run([str(bin_dir / "reader"), "gui", "--screenshot", str(shot), "--size", "800x600"], cwd=work, env=env)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000

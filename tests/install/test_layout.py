"""The repository's top level is fixed by the team: the build step lives in reader/_build.py (named in
pyproject.toml), not in a top-level setup.py or MANIFEST.in; test_wheel.py checks that it works."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from reader.paths import PROJECT_ROOT

ALLOWED_TOP_LEVEL = {
    "reader",
    "resources",
    "corpus",
    "tests",
    "benchmarks",
    ".ci",
    "pyproject.toml",
    "README.md",
}


def _tracked_files() -> list[str]:
    if shutil.which("git") is None or not (PROJECT_ROOT / ".git").exists():
        pytest.skip("not a git checkout (e.g. an unpacked sdist)")
    done = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT_ROOT, capture_output=True, check=True)
    return [name for name in done.stdout.decode().split("\0") if name]


def test_the_top_level_holds_only_the_agreed_folders_and_files():
    top = {name.split("/")[0] for name in _tracked_files()}
    unexpected = {name for name in top - ALLOWED_TOP_LEVEL if not name.startswith(".")}
    assert not unexpected, f"not part of the agreed top-level layout: {sorted(unexpected)}"

"""Build step: the bundled corpus, icons, styles and compiled translations ship inside the wheel.

Build-time only: pyproject.toml names these classes under `[tool.setuptools.cmdclass]`, and
setuptools loads this file by its path, so it needs neither an installed `reader` nor a
top-level setup.py (the repository's top-level layout is fixed). The wheel leaves this module
out (it imports setuptools, which the installed program does not need); the sdist keeps it.

The repository keeps `corpus/` and `resources/` at its top level; a built package carries them
as `reader/_data/corpus` and `reader/_data/resources`, where `reader.paths` looks first. The Qt
translations are compiled here from their `.ts` sources (the `.qm` files are build products, not
committed). An editable install needs none of this: it reads the checkout's folders directly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parents[1]  # the checkout, or the unpacked sdist
THIS_MODULE = ("reader", "_build")
# (source folder, glob, destination under reader/_data); screenshots are for the README only.
DATA_FILES = [
    ("corpus", "manifest.toml", "corpus"),
    ("corpus", "*.txt", "corpus"),
    ("resources/icons", "*.svg", "resources/icons"),
    ("resources/styles", "*.qss", "resources/styles"),
]
TRANSLATIONS = ROOT / "resources" / "i18n"
TRANSLATION_SOURCES = ("resources/i18n", "*.ts")


def lrelease_command() -> list[str]:
    """Qt's translation compiler: PySide6's copy (a build requirement), else one on PATH."""
    try:
        import PySide6
    except ImportError:
        PySide6 = None
    if PySide6 is not None:
        folder = Path(PySide6.__file__).parent
        for candidate in (folder / "lrelease", folder / "lrelease.exe", folder / "Qt/libexec/lrelease"):
            if candidate.is_file():
                return [str(candidate)]
    for name in ("pyside6-lrelease", "lrelease-qt6", "lrelease"):
        found = shutil.which(name) or shutil.which(name, path=os.path.dirname(sys.executable))
        if found:
            return [found]
    raise RuntimeError(
        "cannot compile the translations: Qt's lrelease was not found "
        "(install PySide6-Essentials in the build environment)"
    )


def _matching(source: str, pattern: str) -> list[Path]:
    """The files of one data group; none at all means a broken checkout, not an empty group."""
    files = sorted((ROOT / source).glob(pattern))
    if not files:
        raise RuntimeError(f"no {source}/{pattern} to package")
    return files


def sdist_extra_files() -> list[str]:
    """What the sdist carries besides the package's modules, relative to the root: the data
    the wheel build copies, the translation sources it compiles, and this module."""
    groups = [(source, pattern) for source, pattern, _ in DATA_FILES] + [TRANSLATION_SOURCES]
    files = [path for source, pattern in groups for path in _matching(source, pattern)]
    return [path.relative_to(ROOT).as_posix() for path in files] + ["reader/_build.py"]


class BuildPyWithData(build_py):
    """`build_py`, then the data folders and compiled translations into reader/_data."""

    def find_package_modules(self, package: str, package_dir: str) -> list[tuple[str, str, str]]:
        # Also what the sdist's file list is made from: SdistWithData adds this module back.
        modules = super().find_package_modules(package, package_dir)
        return [module for module in modules if module[:2] != THIS_MODULE]

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "reader" / "_data"
        shutil.rmtree(target, ignore_errors=True)
        for source, pattern, destination in DATA_FILES:
            (target / destination).mkdir(parents=True, exist_ok=True)
            for path in _matching(source, pattern):
                shutil.copy2(path, target / destination / path.name)
        self._compile_translations(target / "resources" / "i18n")

    def _compile_translations(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        command = lrelease_command()
        for ts in sorted(TRANSLATIONS.glob("*.ts")):
            qm = folder / f"{ts.stem}.qm"
            subprocess.run([*command, "-silent", str(ts), "-qm", str(qm)], check=True)
            if not qm.is_file():
                raise RuntimeError(f"lrelease did not write {qm}")


class SdistWithData(sdist):
    """`sdist` that also carries corpus/, resources/ and this module (no MANIFEST.in needed),
    so that a wheel built from the sdist is the same as one built from the checkout."""

    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        extra = [name for name in sdist_extra_files() if name not in files]
        super().make_release_tree(base_dir, [*files, *extra])

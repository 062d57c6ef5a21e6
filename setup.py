"""Build step: the bundled corpus, icons, styles and compiled translations ship inside the wheel.

The repository keeps `corpus/` and `resources/` at its top level (the layout is fixed); a built
package carries them as `reader/_data/corpus` and `reader/_data/resources`, where
`reader.paths` looks first. The Qt translations are compiled here from their `.ts` sources
(the `.qm` files are build products, not committed). An editable install needs none of this:
it reads the checkout's folders directly.

Everything else is in pyproject.toml.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# (source folder, glob, destination under reader/_data); screenshots are for the README only.
DATA_FILES = [
    ("corpus", "manifest.toml", "corpus"),
    ("corpus", "*.txt", "corpus"),
    ("resources/icons", "*.svg", "resources/icons"),
    ("resources/styles", "*.qss", "resources/styles"),
]
TRANSLATIONS = ROOT / "resources" / "i18n"


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
    raise RuntimeError("cannot compile the translations: Qt's lrelease was not found "
                       "(install PySide6-Essentials in the build environment)")


class BuildPyWithData(build_py):
    """`build_py`, then the data folders and compiled translations into reader/_data."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "reader" / "_data"
        shutil.rmtree(target, ignore_errors=True)
        for source, pattern, destination in DATA_FILES:
            files = sorted((ROOT / source).glob(pattern))
            if not files:
                raise RuntimeError(f"no {source}/{pattern} to package")
            (target / destination).mkdir(parents=True, exist_ok=True)
            for path in files:
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


setup(cmdclass={"build_py": BuildPyWithData})

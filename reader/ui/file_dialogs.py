"""Where file dialogs start: the user's documents folder, never the program's folder.

(Their buttons and labels, "Look in:" and the like, come from Qt's own qtbase translations,
which `reader.ui.i18n.Translations` installs with ours.)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> Path:
    """The user's documents folder (Documents, 文档 …), else the home folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(folder) if folder else Path.home()
    return path if path.is_dir() else Path.home()

"""Your name, asked once: written as the author (W3C `creator`) of what you highlight and
bookmark, and of your exports. Kept in config.json (reader.core.userconfig), which the
command line shares (`reader config set name …`)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from ...core.annotations import Store
from ...core.atomic import WriteError
from ...core.userconfig import ConfigError, config_file, set_value, user_name


class AuthorTexts(QObject):
    def title(self) -> str:
        return self.tr("Your name")

    def prompt(self) -> str:
        return self.tr(
            "Your name, shown as the author of your highlights, notes, bookmarks and exports\n"
            "(leave it empty to use your account's name):"
        )

    def failed(self) -> str:
        return self.tr("Your name could not be saved: %1")


def ask_author_name(parent: QWidget | None, store: Store) -> str | None:
    """Ask for the name and keep it (None when cancelled)."""
    texts = AuthorTexts()
    path = config_file(store.path.parent)
    name, ok = QInputDialog.getText(
        parent, texts.title(), texts.prompt(), QLineEdit.EchoMode.Normal, user_name(path)
    )
    if not ok:
        return None
    return save_author_name(parent, store, name)


def save_author_name(parent: QWidget | None, store: Store, name: str) -> str | None:
    path = config_file(store.path.parent)
    try:
        set_value(path, "name", name)
    except (ConfigError, WriteError, OSError) as exc:
        QMessageBox.warning(parent, AuthorTexts().title(), AuthorTexts().failed().replace("%1", str(exc)))
        return None
    store.creator = user_name(path)
    return store.creator

"""Core notices (`reader.core.notices.Notice`) in the interface language.

The core says things in English with a stable `code` and named `values`; this is the one
table from code to translated text. A message without a code, or with one not known here,
is shown as it is (in English).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject


def notice_text(message: str) -> str:
    return Notices().text(message)


class Notices(QObject):
    """The translations (a QObject for `tr`, whose plurals Linguist's tools understand)."""

    def text(self, message: str) -> str:
        code = getattr(message, "code", "")
        values: dict[str, Any] = getattr(message, "values", None) or {}
        if code == "store-backup-loaded":  # four sentences: missing or unusable, with or without a date
            code += "/missing" if values.get("missing") else "/unusable"
            code += "/saved" if values.get("saved") else ""
        entry = self._texts(values).get(code)
        if entry is None:
            return str(message)
        text, keys = entry
        for number, key in enumerate(keys, start=1):
            text = text.replace(f"%{number}", _value(values.get(key, "")))
        return text

    def _texts(self, values: dict[str, Any]) -> dict[str, tuple[str, tuple[str, ...]]]:
        count = values.get("count", 0)
        count = count if isinstance(count, int) else 0
        return {
            # --- the search index ---------------------------------------------------------------
            "index-missing": (self.tr("The search index did not exist yet; built it"), ()),
            "index-interrupted": (
                self.tr("The search index was left half-written by an interrupted process; rebuilt it"),
                (),
            ),
            "index-old": (
                self.tr("The search index was made by another version of Compact Reader; rebuilt it"),
                (),
            ),
            "index-corrupt": (self.tr("The search index was corrupt; rebuilt it"), ()),
            "index-updated": (
                self.tr("Search index updated: %1 documents added, %2 changed, %3 removed"),
                ("added", "changed", "removed"),
            ),
            "index-rebuilt": (
                self.tr("Search index rebuilt: %1 passages in %2 documents"),
                ("passages", "documents"),
            ),
            # --- the annotations file -----------------------------------------------------------
            "store-unreadable-entries": (
                self.tr(
                    "%n entries of %1 could not be read by this version; "
                    "they are kept unchanged in the file.",
                    "",
                    count,
                ),
                ("file",),
            ),
            "store-read-failed": (self.tr("Could not read %1: %2."), ("path", "reason")),
            "store-set-aside": (
                self.tr("%1 cannot be read: %2. It was not changed: it is kept as %3."),
                ("file", "reason", "kept"),
            ),
            "store-newer": (
                self.tr(
                    "%1 was written by a newer version of Compact Reader (file format "
                    "%2; this version reads up to %3). It was not changed: it is kept "
                    "as %4; open it with the newer version."
                ),
                ("file", "version", "supported", "kept"),
            ),
            "store-backup-loaded/missing": (
                self.tr("%1 was missing; loaded the newest good backup, %2."),
                ("file", "backup"),
            ),
            "store-backup-loaded/missing/saved": (
                self.tr("%1 was missing; loaded the newest good backup, %2 (saved %3)."),
                ("file", "backup", "saved"),
            ),
            "store-backup-loaded/unusable": (
                self.tr("%1 could not be used; loaded the newest good backup, %2."),
                ("file", "backup"),
            ),
            "store-backup-loaded/unusable/saved": (
                self.tr("%1 could not be used; loaded the newest good backup, %2 (saved %3)."),
                ("file", "backup", "saved"),
            ),
            "store-nothing-readable": (
                self.tr(
                    "No readable annotations file or backup was found, so "
                    "the annotations start empty. Nothing was deleted."
                ),
                (),
            ),
            "store-migrated": (
                self.tr("%1 was upgraded from file format %2 to %3; the original is kept as %4."),
                ("file", "old", "new", "kept"),
            ),
            "store-backup-failed": (self.tr("Could not update the backup of %1: %2."), ("file", "reason")),
            "store-busy": (
                self.tr(
                    "%1 is in use by another Compact Reader that did not finish saving "
                    "within %2 s; try again."
                ),
                ("file", "seconds"),
            ),
            "store-folder-failed": (self.tr("Cannot open %1 for the annotations: %2."), ("folder", "reason")),
        }


def _value(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)

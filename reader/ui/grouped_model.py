"""The two-level item model shared by the result lists: groups, and the items in each.

Search results (grouped by document) and annotations (grouped by document, orphans
last) have the same shape; subclasses say how many groups and items there are and
what each shows. One column; a group's index carries internal id 0, an item's the
row of its group plus one.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
GROUP = 0


def is_group(index: Index) -> bool:
    """A group row (rather than an item in a group)."""
    return index.isValid() and index.internalId() == GROUP


class GroupedItemModel(QAbstractItemModel):
    def group_count(self) -> int:
        raise NotImplementedError

    def item_count(self, group: int) -> int:
        raise NotImplementedError

    @staticmethod
    def group_row(index: Index) -> int:
        """The group an item index belongs to."""
        return index.internalId() - 1

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == GROUP:
            return QModelIndex()
        return self.createIndex(self.group_row(index), 0, GROUP)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return self.group_count()
        if is_group(parent) and parent.column() == 0:
            return self.item_count(parent.row())
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return 1

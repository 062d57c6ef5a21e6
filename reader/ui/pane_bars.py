"""The strips above a document view: its header, linked-passage navigator and find bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyledItemDelegate,
    QToolButton,
    QWidget,
)

from ..core.passages import Passage, PassageSet
from .escaping import plain_tip
from .icons import bind


def tool_button(parent: QWidget, icon_name: str, name: str) -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName(name)
    bind(button, icon_name)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


def plain_popup(combo: QComboBox) -> None:
    """Draw the drop-down list with the standard item delegate, which follows the style
    sheet's `::item` rules (the combo box's own delegate painted the current item as an
    empty field)."""
    combo.setItemDelegate(QStyledItemDelegate(combo))


class PaneHeader(QFrame):
    """Document chooser plus swap and close buttons."""

    documentChosen = Signal(str)
    swapRequested = Signal()
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paneHeader")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        layout.setSpacing(2)
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("documentChooser")
        self.chooser.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(8)
        plain_popup(self.chooser)
        self.chooser.activated.connect(self._chosen)
        self.swap = tool_button(self, "swap", "swapPane")
        self.close_button = tool_button(self, "close", "closePane")
        self.swap.clicked.connect(self.swapRequested)
        self.close_button.clicked.connect(self.closeRequested)
        layout.addWidget(self.chooser, 1)
        layout.addWidget(self.swap)
        layout.addWidget(self.close_button)
        self.retranslate()

    def set_documents(self, items: list[tuple[str, str, str]], current: str) -> None:
        """items: (doc id, label, tooltip)."""
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for doc_id, label, tooltip in items:
            self.chooser.addItem(label, doc_id)
            self.chooser.setItemData(
                self.chooser.count() - 1, plain_tip(tooltip), Qt.ItemDataRole.ToolTipRole
            )
        self.set_current(current)
        self.chooser.blockSignals(False)

    def set_current(self, doc_id: str) -> None:
        index = self.chooser.findData(doc_id)
        self.chooser.blockSignals(True)
        self.chooser.setCurrentIndex(index)
        self.chooser.blockSignals(False)

    def _chosen(self, index: int) -> None:
        doc_id = self.chooser.itemData(index)
        if doc_id:
            self.documentChosen.emit(doc_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.chooser.setAccessibleName(self.tr("Document shown in this pane"))
        self.chooser.setToolTip(self.tr("Choose the document shown in this pane"))
        self.swap.setToolTip(self.tr("Swap with the next pane"))
        self.swap.setAccessibleName(self.tr("Swap panes"))
        self.close_button.setToolTip(self.tr("Close this pane"))
        self.close_button.setAccessibleName(self.tr("Close pane"))


class PassageBar(QFrame):
    """Linked passages of the selected objective: previous, list, next, count."""

    passageChosen = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 4, 3)
        layout.setSpacing(4)
        self.title = QLabel(self)
        self.title.setObjectName("passageTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.previous = tool_button(self, "previous", "previousPassage")
        self.next = tool_button(self, "next", "nextPassage")
        self.list = QComboBox(self)
        self.list.setObjectName("passageList")
        self.list.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.list.setMinimumContentsLength(10)
        plain_popup(self.list)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.count = QLabel(self)
        self.count.setObjectName("passageCount")
        self.close_button = tool_button(self, "close", "closePassages")
        for widget in (self.title, self.previous, self.list, self.next, self.count, self.close_button):
            layout.addWidget(widget)
        layout.setStretch(2, 1)
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        self.list.activated.connect(self.passageChosen)
        self.close_button.clicked.connect(self.closed)
        self._set: PassageSet | None = None
        self.retranslate()
        self.hide()

    def show_set(self, passages: PassageSet, index: int) -> None:
        self._set = passages
        self.title.setText(passages.title)
        self.list.blockSignals(True)
        self.list.clear()
        for passage in passages.passages:
            self.list.addItem(self._label(passage))
            self.list.setItemData(
                self.list.count() - 1, plain_tip(passage.citation), Qt.ItemDataRole.ToolTipRole
            )
        self.list.blockSignals(False)
        self.set_index(index)
        self.setVisible(bool(passages.passages))

    def _label(self, passage: Passage) -> str:
        label = passage.citation or f"{passage.doc} {passage.anchor}"
        return self.tr("%1 (related)").replace("%1", label) if passage.related else label

    def set_index(self, index: int) -> None:
        total = self.list.count()
        self.list.blockSignals(True)
        self.list.setCurrentIndex(index)
        self.list.blockSignals(False)
        self.count.setText(self.tr("%1 of %2").replace("%1", str(index + 1)).replace("%2", str(total)))
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < total - 1)

    def _step(self, delta: int) -> None:
        index = self.list.currentIndex() + delta
        if 0 <= index < self.list.count():
            self.passageChosen.emit(index)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.previous.setToolTip(self.tr("Previous linked passage"))
        self.previous.setAccessibleName(self.tr("Previous linked passage"))
        self.next.setToolTip(self.tr("Next linked passage"))
        self.next.setAccessibleName(self.tr("Next linked passage"))
        self.list.setAccessibleName(self.tr("Linked passages"))
        self.close_button.setToolTip(self.tr("Hide linked passages"))
        self.close_button.setAccessibleName(self.tr("Hide linked passages"))
        if self._set is not None and self.list.count():
            self.set_index(self.list.currentIndex())


class FindBar(QFrame):
    """Ctrl+F within one pane."""

    findRequested = Signal(str, bool)  # text, backwards
    textEdited = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 4, 3)
        layout.setSpacing(4)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setClearButtonEnabled(True)
        self.previous = tool_button(self, "previous", "findPrevious")
        self.next = tool_button(self, "next", "findNext")
        self.status = QLabel(self)
        self.close_button = tool_button(self, "close", "closeFind")
        for widget in (self.edit, self.previous, self.next, self.status, self.close_button):
            layout.addWidget(widget)
        layout.setStretch(0, 1)
        self.edit.textChanged.connect(self.textEdited)
        self.edit.returnPressed.connect(lambda: self.findRequested.emit(self.edit.text(), False))
        self.previous.clicked.connect(lambda: self.findRequested.emit(self.edit.text(), True))
        self.next.clicked.connect(lambda: self.findRequested.emit(self.edit.text(), False))
        self.close_button.clicked.connect(self.closed)
        self.edit.installEventFilter(self)
        self.retranslate()
        self.hide()

    def eventFilter(self, watched, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.closed.emit()
                return True
            if (
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.findRequested.emit(self.edit.text(), True)
                return True
        return super().eventFilter(watched, event)

    def set_status(self, matches: int, text: str) -> None:
        if not text:
            self.status.clear()
        elif matches:
            self.status.setText(self.tr("%n match(es)", "", matches))
        else:
            self.status.setText(self.tr("No matches"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Find in this document"))
        self.edit.setAccessibleName(self.tr("Find in this document"))
        self.previous.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.previous.setAccessibleName(self.tr("Previous match"))
        self.next.setToolTip(self.tr("Next match (Enter)"))
        self.next.setAccessibleName(self.tr("Next match"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close find bar"))

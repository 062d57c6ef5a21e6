"""The window's actions: names, icons, shortcuts and (translatable) texts in one table."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .icons import bind


@dataclass(frozen=True)
class ActionSpec:
    name: str
    icon: str = ""
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    checkable: bool = False


SPECS = (
    ActionSpec("back", "back", ("Alt+Left",)),
    ActionSpec("forward", "forward", ("Alt+Right",)),
    ActionSpec("addPane", "add-pane", ("Ctrl+T",)),
    ActionSpec("closePane", "close", ("Ctrl+W",)),
    ActionSpec("swapPanes", "swap", ("Ctrl+Shift+S",)),
    ActionSpec("nextPane", "", ("F6",)),
    ActionSpec("linkedScrolling", "link", ("Ctrl+L",), checkable=True),
    ActionSpec("zoomIn", "zoom-in", ("Ctrl++", "Ctrl+=")),
    ActionSpec("zoomOut", "zoom-out", ("Ctrl+-",)),
    ActionSpec("zoomReset", "", ("Ctrl+0",)),
    ActionSpec("chooseFont", "font", ()),
    ActionSpec("readingWidth", "", ()),
    ActionSpec("gotoParagraph", "goto", ("Ctrl+G",)),
    ActionSpec("findInPane", "find", ("Ctrl+F",)),
    ActionSpec("search", "search", ("Ctrl+Shift+F",)),
    ActionSpec("nextHit", "", ("F3",)),
    ActionSpec("previousHit", "", ("Shift+F3",)),
    ActionSpec("nextPassage", "next", ("Ctrl+.",)),
    ActionSpec("previousPassage", "previous", ("Ctrl+,",)),
    ActionSpec("copyWithCitation", "copy", ("Ctrl+Shift+C",)),
    ActionSpec("fullScreen", "fullscreen", ("F11",), checkable=True),
    ActionSpec("importDocument", "import", ("Ctrl+O",)),
    ActionSpec("undo", "undo", ("Ctrl+Z",)),
    ActionSpec("redo", "redo", ("Ctrl+Shift+Z", "Ctrl+Y")),
    # Ctrl+1 … Ctrl+6 show the docks; the colours are Alt+1 … Alt+5 (texts: Annotator).
    ActionSpec("highlightYellow", "", ("Alt+1",)),
    ActionSpec("highlightRed", "", ("Alt+2",)),
    ActionSpec("highlightGreen", "", ("Alt+3",)),
    ActionSpec("highlightBlue", "", ("Alt+4",)),
    ActionSpec("highlightPurple", "", ("Alt+5",)),
    ActionSpec("addNote", "note", ("Ctrl+Shift+N",)),
    ActionSpec("addBookmark", "bookmark", ("Ctrl+D",)),
    ActionSpec("nameColors", "", ()),
    ActionSpec("authorName", "", ()),
    ActionSpec("exportAnnotations", "export", ("Ctrl+E",)),
    ActionSpec("importAnnotations", "", ("Ctrl+Shift+I",)),
    ActionSpec("caretBrowsing", "", ("F7",), checkable=True),
    ActionSpec("fullWidthPunctuation", "", (), checkable=True),
    ActionSpec("keyboardShortcuts", "", ("F1",)),
    ActionSpec("quit", "", ("Ctrl+Q",)),
    ActionSpec("about", "", ()),
)


class ActionTexts(QObject):
    """Menu texts and tips of every action, in the current language."""

    def texts(self) -> dict[str, tuple[str, str]]:
        return {
            "back": (self.tr("&Back"), self.tr("Go back to the previous place")),
            "forward": (self.tr("&Forward"), self.tr("Go forward again")),
            "addPane": (self.tr("&Add pane"), self.tr("Open another document pane beside the others")),
            "closePane": (self.tr("&Close pane"), self.tr("Close the current pane")),
            "swapPanes": (self.tr("&Swap panes"), self.tr("Swap the current pane with the next one")),
            "nextPane": (self.tr("Next pa&ne"), self.tr("Move the keyboard focus to the next pane")),
            "linkedScrolling": (
                self.tr("&Linked scrolling"),
                self.tr("Keep the other panes on the passage that corresponds"),
            ),
            "zoomIn": (self.tr("Zoom &in"), self.tr("Larger text")),
            "zoomOut": (self.tr("Zoom &out"), self.tr("Smaller text")),
            "zoomReset": (self.tr("&Normal size"), self.tr("Reset the text size")),
            "readingWidth": (
                self.tr("&Reading width…"),
                self.tr("Maximum line length, page margins and line spacing"),
            ),
            "chooseFont": (self.tr("&Font…"), self.tr("Choose the reading font")),
            "gotoParagraph": (self.tr("&Go to paragraph…"), self.tr("Jump to a paragraph, e.g. 17(a)")),
            "findInPane": (self.tr("&Find in document…"), self.tr("Find text in the current pane")),
            "search": (self.tr("&Search all documents…"), self.tr("Search every document")),
            "nextHit": (self.tr("Next search &result"), self.tr("Open the next search result")),
            "previousHit": (self.tr("Previous search r&esult"), self.tr("Open the previous search result")),
            "nextPassage": (self.tr("Next &linked passage"), self.tr("Show the next linked passage")),
            "previousPassage": (
                self.tr("Previous linked &passage"),
                self.tr("Show the previous linked passage"),
            ),
            "copyWithCitation": (
                self.tr("Copy with &citation"),
                self.tr("Copy the selection with its citation"),
            ),
            "fullScreen": (self.tr("F&ull-screen reading"), self.tr("Hide everything but the documents")),
            "importDocument": (
                self.tr("&Import document…"),
                self.tr("Add a .txt or .md document to the library"),
            ),
            "undo": (
                self.tr("&Undo"),
                self.tr("Undo the last change to your highlights, notes or bookmarks"),
            ),
            "redo": (self.tr("&Redo"), self.tr("Redo what was undone")),
            "addNote": (
                self.tr("Highlight with &note…"),
                self.tr("Highlight the selection and write a note and tags"),
            ),
            "addBookmark": (self.tr("Add &bookmark…"), self.tr("Bookmark the paragraph you are reading")),
            "nameColors": (self.tr("Colour &meanings…"), self.tr("Name what each highlight colour means")),
            "authorName": (
                self.tr("Your &name…"),
                self.tr("The name shown as the author of your annotations and exports"),
            ),
            "exportAnnotations": (
                self.tr("&Export annotations…"),
                self.tr("Save highlighted excerpts with their citations"),
            ),
            "importAnnotations": (
                self.tr("Import a&nnotations…"),
                self.tr("Merge a colleague's annotations (W3C JSON-LD)"),
            ),
            "caretBrowsing": (
                self.tr("&Caret browsing"),
                self.tr("Move a text cursor with the keys to select text (Shift+arrows)"),
            ),
            "fullWidthPunctuation": (
                self.tr("Full-&width punctuation"),
                self.tr("Show ，；：（） in Chinese text (the text itself is not changed)"),
            ),
            "keyboardShortcuts": (self.tr("&Keyboard shortcuts"), self.tr("Every shortcut of the window")),
            "quit": (self.tr("&Quit"), self.tr("Close Compact Reader")),
            "about": (self.tr("&About Compact Reader"), self.tr("Version and sources")),
        }


def action_texts() -> dict[str, tuple[str, str]]:
    """name → (menu text, tooltip/status tip)."""
    return ActionTexts().texts()


def create_actions(parent: QWidget) -> dict[str, QAction]:
    actions = {}
    for spec in SPECS:
        action = QAction(parent)
        action.setObjectName(f"action_{spec.name}")
        if spec.icon:
            bind(action, spec.icon)
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setCheckable(spec.checkable)
        parent.addAction(action)
        actions[spec.name] = action
    return actions


def plain_label(text: str) -> str:
    """A menu text without its mnemonic or ellipsis, for toolbar buttons: "添加窗格(&A)" → "添加窗格"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").rstrip("…").strip()


def retranslate_actions(actions: dict[str, QAction]) -> None:
    for name, (text, tip) in action_texts().items():
        action = actions[name]
        action.setText(text)
        action.setIconText(plain_label(text))
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.setStatusTip(tip)

"""Comparing two drafts of a text: pairing their blocks, the words that changed, carrying
annotations from the old draft to the new one, and a redline export. Qt-free."""

from .comparison import Comparison, Pair, Status, compare_documents
from .textdiff import TextChange, diff_texts, width_key

__all__ = ["Comparison", "Pair", "Status", "TextChange", "compare_documents", "diff_texts", "width_key"]

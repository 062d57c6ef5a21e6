"""The export's choices, apart from the exporters: the command line lists them without
importing any of them."""

from __future__ import annotations

GROUP_BY = ("document", "objective", "heading")
SORT_BY = ("document", "date")

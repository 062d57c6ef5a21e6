"""The palette's colours, apart from the rest of the model: the command line lists them
without loading the annotation model."""

from __future__ import annotations

# Five fixed colours; the user names what each means. The hex values are ours, never read
# from a file, so nothing a file says can reach a style attribute of an export.
COLORS: dict[str, str] = {
    "yellow": "#ffe066",
    "red": "#ff8a80",
    "green": "#a5d6a7",
    "blue": "#90caf9",
    "purple": "#ce93d8",
}

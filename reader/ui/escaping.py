"""Showing document and user text in Qt widgets without it ever being read as HTML.

Qt guesses whether a tooltip or an AutoText label is rich text (`Qt.mightBeRichText`),
so a note such as "<b>red line</b>" or a footnote with angle brackets would be
interpreted. `plain_tip` makes the tooltip explicitly rich text whose content is
escaped, so it always shows exactly the characters it was given.
"""

from __future__ import annotations

import html


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` literally (line breaks kept)."""
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"

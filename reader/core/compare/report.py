"""A comparison as plain text: one line per pair that is not the same, words marked."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Block
from .comparison import Comparison, Pair, Status
from .textdiff import TextChange

CONTEXT = 10  # characters of unchanged text shown around a change
MAX_SHOWN = 120  # characters of an inserted or deleted block shown


def block_label(block: Block | None) -> str:
    """How a block is named in a report: its anchor (17.a), which unlike its label ("a")
    says where it is."""
    if block is None:
        return "—"
    return block.anchor


def marked_changes(text: str, changes: Sequence[TextChange], context: int = CONTEXT) -> str:
    """The new text around each change, with [-deleted-]{+inserted+} marks (wdiff style);
    a width-only change is marked [~old→new~]."""
    parts: list[str] = []
    previous_end: int | None = None
    for change in changes:
        start, end = change.new_range
        lead_from = max(0, start - context)
        if previous_end is None:
            parts.append(("…" if lead_from > 0 else "") + text[lead_from:start])
        elif lead_from > previous_end + context:
            parts.append(text[previous_end : previous_end + context] + " … " + text[lead_from:start])
        else:
            parts.append(text[previous_end:start])
        parts.append(_mark(change))
        previous_end = end
    if previous_end is not None:
        tail = text[previous_end : previous_end + context]
        parts.append(tail + ("…" if previous_end + context < len(text) else ""))
    return "".join(parts)


def _mark(change: TextChange) -> str:
    if change.width_only:
        return f"[~{change.old_text}→{change.new_text}~]"
    deleted = f"[-{change.old_text}-]" if change.old_text else ""
    inserted = f"{{+{change.new_text}+}}" if change.new_text else ""
    return deleted + inserted


def _short(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def pair_line(pair: Pair) -> str:
    old, new = block_label(pair.old), block_label(pair.new)
    head = f"{pair.status.value:<9}{old:>10} → {new:<10}"
    if pair.status is Status.INSERTED and pair.new is not None:
        return f"{head} {{+{_short(pair.new.text or pair.new.marker)}+}}"
    if pair.status is Status.DELETED and pair.old is not None:
        return f"{head} [-{_short(pair.old.text or pair.old.marker)}-]"
    if pair.changes and pair.new is not None:
        return f"{head} {marked_changes(pair.new.text, pair.changes)}"
    return head.rstrip()


def text_report(comparison: Comparison) -> str:
    summary = comparison.summary()
    counts = ", ".join(f"{n} {status}" for status, n in summary.items() if n)
    lines = [f"{comparison.old.id} → {comparison.new.id}: {counts or 'no blocks'}"]
    lines += [pair_line(p) for p in comparison.differences()]
    if len(lines) == 1:
        lines.append("the two drafts are the same")
    return "\n".join(lines) + "\n"

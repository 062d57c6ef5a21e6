"""Messages from the core to the user, in English, with a stable code per kind.

A `Notice` is a plain string (the command line prints it as is) that also carries
`code` and `values`, so the window can show its own translation instead.
"""

from __future__ import annotations

from typing import Any


class Notice(str):
    code: str
    values: dict[str, Any]

    def __new__(cls, code: str, text: str, **values: Any) -> Notice:
        notice = super().__new__(cls, text.format(**values))
        notice.code = code
        notice.values = values
        return notice

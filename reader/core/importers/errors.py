"""The one error every importer raises: a message fit for the user, and a short reason code."""

from __future__ import annotations

from ..corpus import CorpusError


class ImportFailure(CorpusError):
    """A file could not be imported; nothing was written. `reason` is a stable code for scripts
    (e.g. "encrypted", "no-text-layer", "corrupt", "too-large", "not-a-file", "unsupported")."""

    def __init__(self, message: str, reason: str = "failed") -> None:
        super().__init__(message)
        self.reason = reason

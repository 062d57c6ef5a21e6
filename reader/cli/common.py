"""What every subcommand shares: folders, the loaded corpus, JSON output, errors."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..core.corpus import Corpus, CorpusError
from ..core.i18n import DEFAULT_LANGUAGE, language_of
from ..core.library_cache import Library, load_library
from ..core.model import Document, Objective
from ..paths import AppPaths, resolve_paths


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit code 1 (2 for usage errors)."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass
class Context:
    paths: AppPaths
    _cache: dict[str, Any] = field(default_factory=dict)
    lang: str = DEFAULT_LANGUAGE  # of exports and reports: "zh" (default) or "en" (`reader --lang en`)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Context:
        lang = getattr(args, "global_lang", None)
        return cls(
            resolve_paths(getattr(args, "data_dir", None)),
            lang=language_of(lang) if lang else DEFAULT_LANGUAGE,
        )

    @cached_property
    def library(self) -> Library:
        """The corpus and its objectives, from the cache when nothing changed (see library_cache)."""
        try:
            library = load_library(self.paths)
        except CorpusError as exc:
            raise CommandError(str(exc)) from exc
        for problem in library.corpus.problems:
            print(f"reader: warning: {problem}", file=sys.stderr)
        return library

    @cached_property
    def corpus(self) -> Corpus:
        return self.library.corpus

    @cached_property
    def objectives(self) -> list[Objective]:
        return self.library.objectives

    def document(self, doc_id: str) -> Document:
        try:
            return self.corpus.get(doc_id)
        except KeyError:
            known = ", ".join(d.id for d in self.corpus)
            raise CommandError(f"unknown document {doc_id!r} (known: {known})", 2) from None


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """`--lang` after a subcommand too (`reader export --lang en …`), same as before it."""
    parser.add_argument(
        "--lang",
        dest="global_lang",
        choices=("zh", "en"),
        default=argparse.SUPPRESS,
        help="language of what this writes: zh (default) or en",
    )


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def print_json_line(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
    sys.stdout.flush()

"""SearchService: the one object the UI and the command line use for searching."""

from __future__ import annotations

import logging
import math
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from ...paths import AppPaths
from ..corpus import Corpus
from ..model import Objective
from ..notices import Notice
from ..objectives import COMPACT_ID, build_objectives
from .engine import Engine, IndexView, Unit, table_hit
from .index import REBUILD_MESSAGES, IndexStore, SearchError, block_key
from .query import And, Filter, ParsedQuery, parse_query
from .results import Hit, SearchResults
from .table import BlockTable
from .text import fold, is_cjk

log = logging.getLogger(__name__)

RELATED_TERMS = 30  # how many of the source's most telling words "more like this" uses
COMMON_SHARE = 10  # words in more than 1/COMMON_SHARE of the blocks are left out of it...
MIN_COMMON = 200  # ...once the library has enough blocks for that to mean something


class SearchService:
    """Search and related passages over a corpus, backed by an on-disk whoosh index.

    Construction is cheap (no jieba, no index). `ensure_index` does the slow work
    (it may take seconds: call it from a worker thread); `search` and `related`
    call it themselves when needed. All methods are thread-safe (one at a time).
    """

    def __init__(
        self, corpus: Corpus, objectives: list[Objective], paths: AppPaths, table: BlockTable | None = None
    ) -> None:
        """`table`: the corpus's BlockTable when the caller has it (library_cache keeps one)."""
        self.corpus = corpus
        self.objectives = objectives
        self.paths = paths
        self._store = IndexStore(paths.index_dir, paths.jieba_cache)
        self._lock = threading.RLock()
        self._table: BlockTable | None = table
        self._view: IndexView | None = None

    # --- the index -------------------------------------------------------------------
    def ensure_index(self, progress: Callable[[int, int], None] | None = None) -> list[str]:
        """Build, update or rebuild the index as needed; return what was done, for the user.

        Raises IndexBusyError when another process holds the index for longer than
        a few seconds.
        """
        with self._lock:
            messages = self._sync(progress)
            if messages or self._view is None:
                self._reopen()
            return messages

    def rebuild_index(self, progress: Callable[[int, int], None] | None = None) -> list[str]:
        """Rebuild from scratch, whatever state the index is in."""
        with self._lock:
            with self._store.locked():
                self._close_view()
                self._store.build(self.corpus, self.objectives, progress, self._prepare_table)
            self._reopen()
            return [
                Notice(
                    "index-rebuilt",
                    "search index rebuilt: {passages} passages in {documents} documents",
                    passages=len(self._table),
                    documents=len(self.corpus),
                )
            ]

    def update_documents(self, corpus: Corpus) -> None:
        """Take a new corpus (after an import or removal); re-index only what changed."""
        with self._lock:
            self.corpus = corpus
            self.objectives = build_objectives(corpus)
            self._table = None
            self._close_view()
            self.ensure_index()

    def _sync(self, progress: Callable[[int, int], None] | None, force: bool = False) -> list[str]:
        if not force and self._store.inspect(self.corpus).state == "current":
            return []
        with self._store.locked():
            inspection = self._store.inspect(self.corpus)  # another process may have done it
            state = "corrupt" if force else inspection.state
            if state == "current":
                return []
            if state == "outdated":
                try:
                    return [self._store.update(self.corpus, self.objectives, inspection, progress)]
                except Exception:
                    log.exception("incremental index update failed; rebuilding")
                    state = "corrupt"
            self._close_view()
            self._store.build(self.corpus, self.objectives, progress, self._prepare_table)
            return [REBUILD_MESSAGES[state]]

    def _prepare_table(self, folded: list[list[str]]) -> None:
        """The corpus's BlockTable, made during a build from the texts it folded."""
        if self._table is None:
            flat = [text for texts in folded for text in texts]
            self._table = BlockTable.build(self.corpus, self.objectives, flat)

    def _reopen(self) -> None:
        self._close_view()
        if self._table is None:
            self._table = BlockTable.build(self.corpus, self.objectives)
        self._view = IndexView(self._store.open(), self._table)

    def _close_view(self) -> None:
        if self._view is not None:
            self._view.close()
            self._view = None

    def _with_index(self, action: Callable[[], object]) -> tuple[object, list[str]]:
        """Run `action` on the open index; if the index fails under it, reopen (another
        process may have replaced it), then rebuild, and try again."""
        messages = [] if self._view is not None else self._sync(None)
        if self._view is None:
            self._reopen()
        for attempt in range(3):
            try:
                return action(), messages
            except (SearchError, TypeError, AttributeError, NameError, AssertionError):
                raise  # not damage: retrying or rebuilding cannot help
            except Exception as exc:  # whoosh raises many kinds on a damaged index
                log.warning("search index failed (%s: %s); recovering", type(exc).__name__, exc)
                if attempt == 2:
                    raise SearchError(f"the search index cannot be read: {exc}") from exc
                self._close_view()
                messages += self._sync(None, force=attempt == 1)
                self._reopen()
        raise AssertionError("unreachable")

    # --- searching -------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        doc: str | None = None,
        objective: int | None = None,
        kind: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchResults:
        """Ranked blocks for `query` (see query.py for the language). Never raises for a
        malformed query: what was wrong is in `warnings`."""
        parsed = _with_filters(parse_query(query), doc, objective, kind)
        limit, offset = max(0, int(limit)), max(0, int(offset))
        with self._lock:
            results, messages = self._with_index(
                lambda: Engine(self._table, self._view).run(parsed, None, limit, offset)
            )
        assert isinstance(results, SearchResults)
        return replace(results, messages=tuple(messages)) if messages else results

    def related(self, doc_id: str, anchor: str, limit: int = 10) -> list[Hit]:
        """Blocks of other documents most like this block ("more like this", BM25).

        For an objective's heading in the Compact (e.g. gcm/obj13) the source is the
        whole objective: title, commitment and actions.
        """
        with self._lock:
            hits, _ = self._with_index(lambda: self._related(doc_id, anchor, max(0, limit)))
        assert isinstance(hits, list)
        return hits

    def _related(self, doc_id: str, anchor: str, limit: int) -> list[Hit]:
        source = self._source_text(doc_id, anchor)
        terms = self._key_terms(source)
        if not terms or limit == 0:
            return []
        view = self._view
        # BM25F over the words, as whoosh ranks an OR of boosted terms; the source's
        # own document and index entries that are no passage are left out.
        excluded = view.docnums_of(doc_id)
        best = view.word_scores.top(terms, limit, excluded, lambda d: view.position_of(d) >= 0)
        units = [Unit(word, 1.0, True, not is_cjk(word[0])) for word, _ in terms]
        return [table_hit(self._table, view.position_of(d), units, score) for d, score in best]

    def _source_text(self, doc_id: str, anchor: str) -> str:
        if doc_id == COMPACT_ID:
            for objective in self.objectives:
                if anchor in (objective.anchor, f"{COMPACT_ID}/{objective.anchor}"):
                    return "\n".join(
                        [objective.title, objective.commitment, *(a.text for a in objective.actions)]
                    )
        if block_key(doc_id, anchor) not in self._table.positions:
            raise SearchError(f"no passage {doc_id}/{anchor}")
        return self._table.blocks[self._table.positions[block_key(doc_id, anchor)]].text

    def _key_terms(self, text: str) -> list[tuple[str, float]]:
        """The source's most telling index words, weighted tf·idf (normalised to 1)."""
        view = self._view
        counts = Counter(w for w in view.lexicon.words(fold(text)) if len(w) > 1 and not w.isdigit())
        n = len(self._table)
        weighted = []
        for word, tf in counts.items():
            df = view.word_df(word)
            # A word in more than a tenth of the library says little about what a passage
            # is like, and its postings are the longest whoosh would walk (most of the
            # time of "related" in a large library): left out.
            if df and df * COMMON_SHARE <= max(n, COMMON_SHARE * MIN_COMMON):
                weighted.append((word, (1 + math.log(tf)) * math.log(1 + n / df)))
        weighted.sort(key=lambda item: -item[1])
        top = weighted[:RELATED_TERMS]
        best = top[0][1] if top else 1.0
        return [(word, weight / best) for word, weight in top]


def _with_filters(
    parsed: ParsedQuery, doc: str | None, objective: int | None, kind: str | None
) -> ParsedQuery:
    """Fold the keyword filters into the query, so they behave as doc:/obj:/kind: do."""
    filters = [
        Filter(name, str(value))
        for name, value in (("doc", doc), ("obj", objective), ("kind", kind))
        if value not in (None, "")
    ]
    if not filters:
        return parsed
    if parsed.root is None:
        warnings = [w for w in parsed.warnings if w != "empty query"]
        root = filters[0] if len(filters) == 1 else And(tuple(filters))
        return ParsedQuery(parsed.text, root, warnings)
    return ParsedQuery(parsed.text, And((parsed.root, *filters)), list(parsed.warnings))

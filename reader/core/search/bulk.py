"""A whoosh segment written in bulk: the files whoosh's own writer makes, for less work.

whoosh's `add_document` sends every posting through a sorting pool as a tuple,
and its commit walks them one by one, reading each document's length back from
disk and checking each posting's types: ~15 µs a posting, most of a build's
time. `BulkWriter` keeps each term's postings in two lists as documents arrive
(they come in document order, so nothing needs sorting but the terms), and at
commit hands whoosh's own postings writer whole blocks, so the segment holds
exactly what `add_document` + `commit` would have written
(tests/core/test_search_bulk.py compares them file by file).

It supports the field types the index's schema uses (ID, Frequency, STORED), and
writes only the new segment: commit with `merge=False` when the index has others.
"""

from __future__ import annotations

import struct
from array import array
from collections import Counter, defaultdict, deque
from itertools import repeat
from typing import Any

from whoosh import formats
from whoosh.util.numeric import byte_to_length, length_to_byte

_WEIGHTS = "f"  # whoosh's typecode for a block's weights
_IDS = "I"  # and of its document numbers


class BulkWriter:
    """Collects documents for a whoosh SegmentWriter and writes its segment at commit."""

    def __init__(self, writer: Any) -> None:
        for name, field in writer.schema.items():
            if field.indexed and type(field.format) not in (formats.Existence, formats.Frequency):
                raise TypeError(f"BulkWriter cannot index field {name} ({type(field.format).__name__})")
            if field.column_type or field.vector or field.separate_spelling():
                raise TypeError(f"BulkWriter cannot write columns, vectors or spellings ({name})")
        self.writer = writer
        self.schema = writer.schema
        # field → (term → document numbers, term → frequencies), in document order
        self._postings: dict[str, tuple[defaultdict[str, list[int]], defaultdict[str, list[int]]]] = {}
        self._lengths: dict[str, dict[int, int]] = {}  # scorable field → docnum → length
        writer._flush_segment = self._flush_segment  # commit() writes our postings

    def add_document(self, **fields: Any) -> None:
        """As `writer.add_document`; an indexed field's value is its one term (ID) or its
        list of words (Frequency)."""
        writer = self.writer
        docnum = writer.docnum
        perdoc = writer.perdocwriter
        perdoc.start_doc(docnum)
        for name in sorted(fields):
            value = fields[name]
            if value is None:
                continue
            field = self.schema[name]
            length = 0
            if field.indexed:
                length = self._index(name, field, value, docnum)
            perdoc.add_field(name, field, value if field.stored else None, length)
        perdoc.finish_doc()
        writer._added = True
        writer.docnum += 1

    def update_document(self, **fields: Any) -> None:
        """As whoosh's: committed documents with the same unique terms are deleted, then
        this one is added."""
        writer = self.writer
        unique = writer._unique_fields(fields)
        if unique and writer.segments:
            with writer.searcher() as searcher:
                for docnum in searcher._find_unique([(name, fields[name]) for name in unique]):
                    writer.delete_document(docnum)
        self.add_document(**fields)

    def _index(self, name: str, field: Any, value: Any, docnum: int) -> int:
        numbers_of, counts_of = self._postings.setdefault(name, (defaultdict(list), defaultdict(list)))
        if type(field.format) is formats.Frequency and isinstance(value, list | tuple):
            words = Counter(value)
        else:
            words = Counter(field.process_text(value, mode="index"))
        # The appends run in C (map over bound methods): a build adds millions of postings.
        deque(map(list.append, map(numbers_of.__getitem__, words), repeat(docnum)), maxlen=0)
        deque(map(list.append, map(counts_of.__getitem__, words), words.values()), maxlen=0)
        if not field.scorable:
            return 0
        length = sum(words.values())
        if length:
            # whoosh keeps a length as one byte; its commit reads that back
            self._lengths.setdefault(name, {})[docnum] = byte_to_length(length_to_byte(length))
        return length

    def _flush_segment(self) -> None:
        writer = self.writer
        if writer.pool.fieldnames:  # a merge policy sent old segments' postings to the pool
            raise RuntimeError("BulkWriter cannot merge segments: commit with merge=False")
        writer.perdocwriter.close()
        fieldwriter = writer.fieldwriter
        for name in sorted(self._postings):
            field = self.schema[name]
            fieldwriter.start_field(name, field)
            lengths = self._lengths.get(name, {})
            numbers_of, counts_of = self._postings[name]
            encoded = sorted((word.encode("utf-8"), word) for word in numbers_of)
            for btext, word in encoded:
                fieldwriter.start_term(btext)
                _write_term(fieldwriter._postwriter, field.format, numbers_of[word], counts_of[word], lengths)
                fieldwriter.finish_term()
            fieldwriter.finish_field()
        fieldwriter.close()


def _write_term(
    postwriter: Any, format_: Any, docnums: list[int], counts: list[int], lengths: dict[int, int]
) -> None:
    """One term's postings, in the codec's blocks (what its add_posting would buffer)."""
    frequency = type(format_) is formats.Frequency
    boost = format_.field_boost
    limit = postwriter._blocklimit
    for start in range(0, len(docnums), limit):
        ids = docnums[start : start + limit]
        if frequency:
            block_counts = counts[start : start + limit]
            weights = array(_WEIGHTS, [count * boost for count in block_counts])
            postwriter._values = [struct.pack(f"!{len(block_counts)}I", *block_counts)]  # pack_uint's
        else:
            weights = array(_WEIGHTS, [boost]) * len(ids)
            postwriter._values = []
        postwriter._ids = array(_IDS, ids)
        postwriter._weights = weights
        postwriter._maxweight = max(0, max(weights))
        if lengths:
            found = [lengths[d] for d in ids if d in lengths]
            postwriter._minlength = min(found, default=None)
            postwriter._maxlength = max(found, default=0)
        if start + limit < len(docnums):
            postwriter._write_block()

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
import zlib
from array import array
from collections import Counter, defaultdict, deque
from itertools import islice, repeat
from operator import sub
from pickle import dumps
from typing import Any

from whoosh import formats
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3TermInfo
from whoosh.filedb.filetables import OrderedHashWriter, _lengths
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

_WEIGHTS = "f"  # whoosh's typecode for a block's weights
_BLOCKS_MAGIC = WHOOSH3_HEADER_MAGIC  # before a term's first block
_TERM_INFO = W3TermInfo._struct  # a term's statistics, before its postings' extent
_RECORD_LENGTHS = _lengths  # a terms-table record's key and value lengths
_WRITE_SIZE = 16 << 20  # bytes buffered before a write


class BulkWriter:
    """Collects documents for a whoosh SegmentWriter and writes its segment at commit."""

    def __init__(self, writer: Any) -> None:
        for name, field in writer.schema.items():
            if field.indexed and type(field.format) not in (formats.Existence, formats.Frequency):
                raise TypeError(f"BulkWriter cannot index field {name} ({type(field.format).__name__})")
            if field.column_type or field.vector or field.separate_spelling():
                raise TypeError(f"BulkWriter cannot write columns, vectors or spellings ({name})")
        codec = writer.codec
        # _FieldTerms writes W3's files itself; an inlining limit above 1 would put short
        # postings lists in the terms table instead (which whoosh 2.7 itself cannot do).
        if type(codec) is not W3Codec or codec._inlinelimit > 1:
            raise TypeError(f"BulkWriter writes only whoosh's W3 codec without inlining ({codec!r})")
        if type(writer.fieldwriter._tindex) is not OrderedHashWriter:
            raise TypeError("BulkWriter writes only whoosh's ordered hash terms table")
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
            fieldwriter.start_field(name, field)  # whoosh numbers the field
            numbers_of, counts_of = self._postings[name]
            terms = _FieldTerms(fieldwriter, field.format, self._lengths.get(name, {}))
            for btext, word in sorted((word.encode("utf-8"), word) for word in numbers_of):
                terms.add(btext, numbers_of[word], counts_of[word])
            terms.finish()
            fieldwriter.finish_field()
        fieldwriter.close()  # whoosh writes the terms file's hash tables and index


class _FieldTerms:
    """One field's terms, written as whoosh's W3 postings writer and terms table would
    write them (whoosh3.py: W3PostingsWriter._write_block, W3TermInfo.to_bytes,
    HashWriter.add), but a term at a time rather than a posting at a time, and the bytes
    joined and written in large pieces. `finish` leaves the terms table's writer as its
    own `add` would have, so whoosh's `close` writes the same trailer."""

    def __init__(self, fieldwriter: Any, format_: Any, lengths: dict[int, int]) -> None:
        postwriter = fieldwriter._postwriter
        self._limit = postwriter._blocklimit
        self._compression = postwriter._compression
        self._frequency = type(format_) is formats.Frequency
        self._boost = format_.field_boost
        self._lengths = lengths
        self._postfile = fieldwriter._postfile
        self._tindex = fieldwriter._tindex
        self._prefix = pack_ushort(fieldwriter._fieldid)
        self._post_offset = self._postfile.tell()
        self._term_offset = self._tindex.dbfile.tell()
        self._post_chunks: list[bytes] = []
        self._term_chunks: list[bytes] = []
        self._buffered = 0
        self._positions: list[int] = []  # each term record's offset in the terms file
        self._lastkey = self._tindex.lastkey

    def add(self, btext: bytes, docnums: list[int], counts: list[int]) -> None:
        """A term's postings (documents in increasing order) and its row in the terms table."""
        key = self._prefix + btext
        if key <= self._lastkey:
            raise ValueError(f"Keys must increase: {self._lastkey!r}..{key!r}")
        self._lastkey = key
        postings, info = self._postings(docnums, counts)
        self._post_chunks.append(postings)
        value = info + pack_long(self._post_offset) + pack_int(len(postings))
        self._post_offset += len(postings)
        record = _RECORD_LENGTHS.pack(len(key), len(value)) + key + value
        self._term_chunks.append(record)
        position = self._term_offset
        self._positions.append(position)
        hashed = self._tindex.hashfn(key)
        self._tindex.buckets[hashed & 255].append((hashed, position))
        self._term_offset += len(record)
        self._buffered += len(postings) + len(record)
        if self._buffered > _WRITE_SIZE:  # a large library's postings need not all wait in memory
            self._write()

    def finish(self) -> None:
        """Write what is buffered and hand the terms table its positions and last key."""
        self._write()
        index = self._tindex.index
        try:  # whoosh's array as it is, when every position fits its type (fromlist is all or nothing)
            if not isinstance(index.array, array):
                raise OverflowError
            index.array.fromlist(self._positions)
        except OverflowError:
            index.extend(self._positions)  # GrowableArray widens its type as whoosh's add would
        self._tindex.lastkey = self._lastkey
        self._positions = []

    def _write(self) -> None:
        self._postfile.write(b"".join(self._post_chunks))
        self._tindex.dbfile.write(b"".join(self._term_chunks))
        self._post_chunks, self._term_chunks, self._buffered = [], [], 0
        if self._postfile.tell() != self._post_offset or self._tindex.dbfile.tell() != self._term_offset:
            raise RuntimeError("BulkWriter lost its place in the segment's files")

    def _postings(self, docnums: list[int], counts: list[int]) -> tuple[bytes, bytes]:
        """The term's bytes in the postings file (its blocks) and its W3TermInfo fields."""
        limit, compression, boost, lengths = self._limit, self._compression, self._boost, self._lengths
        pieces = [_BLOCKS_MAGIC]
        total_weight = 0
        term_maxweight = 0
        term_minlength = None
        term_maxlength = 0
        last = len(docnums) - 1
        for start in range(0, len(docnums), limit):
            ids = docnums[start : start + limit]
            if self._frequency:
                block_counts = counts[start : start + limit]
                weights = array(_WEIGHTS, block_counts if boost == 1 else [c * boost for c in block_counts])
                values = struct.pack(f"!{len(block_counts)}I", *block_counts)  # pack_uint's
            else:
                weights = array(_WEIGHTS, [boost]) * len(ids)
                values = None
            maxweight = max(0, max(weights))
            if lengths:  # whoosh's add_posting skips a posting without a length
                found = list(filter(None, map(lengths.get, ids)))
                minlength = min(found, default=None)
                maxlength = max(found, default=0)
            else:
                minlength, maxlength = None, 0
            # W3PostingsWriter._mini_ids / _mini_weights / _mini_values
            deltas = (ids[0], *map(sub, islice(ids, 1, None), ids))
            if weights.count(weights[0]) == len(weights):
                mini_weights = None if weights[0] == 1.0 else weights[0]
            else:
                mini_weights = tuple(weights)
            data = dumps((deltas, mini_weights, values), 2)
            if compression:
                data = zlib.compress(data, compression)
            info = dumps(
                (
                    len(ids),
                    ids[-1],
                    maxweight,
                    compression,
                    length_to_byte(minlength),
                    length_to_byte(maxlength),
                ),
                2,
            )
            block_length = len(info) + len(data)
            pieces += (pack_int(-block_length if start + limit > last else block_length), info, data)
            # W3TermInfo.add_block
            total_weight += sum(weights)
            term_maxweight = max(term_maxweight, maxweight)
            if term_minlength is None:
                term_minlength = minlength
            elif minlength is not None:
                term_minlength = min(term_minlength, minlength)
            term_maxlength = max(term_maxlength, maxlength)
        info = _TERM_INFO.pack(
            0,  # not inlined
            total_weight,
            len(docnums),
            0 if term_minlength is None else length_to_byte(term_minlength),
            length_to_byte(term_maxlength),
            term_maxweight,
            docnums[0],
            docnums[-1],
        )
        return b"".join(pieces), info

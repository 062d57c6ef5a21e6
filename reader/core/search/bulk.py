"""A whoosh segment written in bulk: the files whoosh's own writer makes, for less work.

whoosh's `add_document` sends every posting through a sorting pool as a tuple,
and its commit walks them one by one, reading each document's length back from
disk and checking each posting's types: ~15 µs a posting, most of a build's
time. `BulkWriter` keeps each term's postings in two lists as documents arrive
(they come in document order, so nothing needs sorting but the terms), and at
commit writes the postings and terms files itself, as columns: every posting's
delta, every block's pickle and compressed bytes (the same `pickle.dumps` and
`zlib.compress` calls whoosh makes), every term's statistics and terms-table
record, each step a C loop (map, zip, slices) rather than whoosh's Python calls
per posting and per term. whoosh's own code still writes what is not per term
(the stored fields, the lengths, the terms table's hash tables and index), so
the segment holds exactly what `add_document` + `commit` would have written
(tests/core/test_search_bulk.py compares them file by file).

It supports the field types the index's schema uses (ID, Frequency, STORED, no
boosts) and whoosh's W3 codec, and writes only the new segment: commit with
`merge=False` when the index has others.
"""

from __future__ import annotations

import struct
import sys
import zlib
from array import array
from bisect import bisect_right
from collections import Counter, defaultdict, deque
from functools import reduce
from itertools import accumulate, chain, repeat
from operator import add, itemgetter, mul, sub
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
_EXACT_WEIGHTS = 1 << 24  # counts from here on lose precision as float32
_POSTINGS_PER_WRITE = 1 << 18  # encoded and written at a time: bounds the memory


class BulkWriter:
    """Collects documents for a whoosh SegmentWriter and writes its segment at commit."""

    def __init__(self, writer: Any) -> None:
        for name, field in writer.schema.items():
            if field.indexed and type(field.format) not in (formats.Existence, formats.Frequency):
                raise TypeError(f"BulkWriter cannot index field {name} ({type(field.format).__name__})")
            if field.indexed and field.format.field_boost != 1:  # a weight is its count
                raise TypeError(f"BulkWriter cannot index field {name} with a boost")
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
            words = sorted(numbers_of)  # code point order is UTF-8's byte order
            terms = _FieldTerms(fieldwriter, field.format, self._lengths.get(name, {}))
            terms.write(
                list(map(str.encode, words)),
                list(map(numbers_of.__getitem__, words)),
                list(map(counts_of.__getitem__, words)),
            )
            fieldwriter.finish_field()
        fieldwriter.close()  # whoosh writes the terms file's hash tables and index


class _FieldTerms:
    """One field's terms, written as whoosh's W3 postings writer and terms table would
    write them (whoosh3.py: W3PostingsWriter._write_block, W3TermInfo.add_block and
    to_bytes; filetables.py: HashWriter.add), a column at a time: each step runs over
    all the terms' postings or blocks in C (map, zip, slices of one flat list), where
    whoosh makes a dozen Python calls a posting. The terms table's writer is left as
    its own `add` would leave it, so whoosh's `close` writes the same trailer."""

    def __init__(self, fieldwriter: Any, format_: Any, lengths: dict[int, int]) -> None:
        postwriter = fieldwriter._postwriter
        self._limit = postwriter._blocklimit
        self._compression = postwriter._compression
        self._frequency = type(format_) is formats.Frequency
        # Each document's length as the blocks record it: a byte (length_to_byte keeps
        # the order, so the shortest length's byte is the smallest byte), by docnum.
        self._length_bytes = [0] * (max(lengths, default=-1) + 1)
        to_byte = {length: length_to_byte(length) for length in set(lengths.values())}
        deque(
            map(self._length_bytes.__setitem__, lengths, map(to_byte.__getitem__, lengths.values())), maxlen=0
        )
        self._postfile = fieldwriter._postfile
        self._tindex = fieldwriter._tindex
        self._prefix = pack_ushort(fieldwriter._fieldid)

    def write(self, btexts: list[bytes], docnums: list[list[int]], counts: list[list[int]]) -> None:
        """The terms (in increasing order) with their documents (in increasing order) and
        counts, a bounded number of postings at a time."""
        ends = list(accumulate(map(len, docnums)))
        start = 0
        while start < len(btexts):
            # at least one term, then as many as fit
            end = max(start + 1, bisect_right(ends, ends[start] + _POSTINGS_PER_WRITE, lo=start))
            self._write(btexts[start:end], docnums[start:end], counts[start:end])
            start = end

    def _write(self, btexts: list[bytes], docnums: list[list[int]], counts: list[list[int]]) -> None:
        tindex = self._tindex
        keys = list(map(self._prefix.__add__, btexts))
        if keys[0] <= tindex.lastkey:  # the rest are sorted
            raise ValueError(f"Keys must increase: {tindex.lastkey!r}..{keys[0]!r}")
        postings, infos = self._encode(docnums, counts)
        # W3TermInfo.to_bytes: the statistics, then where the postings are
        sizes = list(map(len, postings))
        offsets = list(accumulate(sizes, initial=self._postfile.tell()))
        post_end = offsets.pop()
        values = list(map(b"".join, zip(infos, map(pack_long, offsets), map(pack_int, sizes), strict=True)))
        # HashWriter.add: a record per term, and its hash and position in a bucket
        heads = map(_RECORD_LENGTHS.pack, map(len, keys), map(len, values))
        records = list(map(b"".join, zip(heads, keys, values, strict=True)))
        positions = list(accumulate(map(len, records), initial=tindex.dbfile.tell()))
        term_end = positions.pop()
        buckets = tindex.buckets
        for hashed, position in zip(map(tindex.hashfn, keys), positions, strict=True):
            buckets[hashed & 255].append((hashed, position))
        _extend_index(tindex.index, positions)
        tindex.lastkey = keys[-1]
        self._postfile.write(b"".join(postings))
        tindex.dbfile.write(b"".join(records))
        if self._postfile.tell() != post_end or tindex.dbfile.tell() != term_end:
            raise RuntimeError("BulkWriter lost its place in the segment's files")

    def _encode(self, docnums: list[list[int]], counts: list[list[int]]) -> tuple[list[bytes], list[bytes]]:
        """Each term's bytes in the postings file (its blocks) and its W3TermInfo statistics."""
        starts, ends, spans = _block_bounds(list(map(len, docnums)), self._limit)
        slices = list(map(slice, starts, ends))
        ids = list(chain.from_iterable(docnums))
        # W3PostingsWriter._mini_ids: each id less the one before it in its block
        previous = [0, *ids]
        previous.pop()
        deque(map(previous.__setitem__, starts, repeat(0)), maxlen=0)
        deltas = list(map(sub, ids, previous))
        # A weight is its count (whoosh's float32 of it: exact below 2**24); Existence
        # has a count of 1 and no values, Frequency its counts as big-endian uint32.
        if self._frequency:
            flat_counts = list(chain.from_iterable(counts))
            values: Any = map(
                _uints(flat_counts).__getitem__,
                map(slice, map(mul, starts, repeat(4)), map(mul, ends, repeat(4))),
            )
        else:
            flat_counts = [1] * len(ids)
            values = repeat(None, len(starts))
        block_counts = list(map(flat_counts.__getitem__, slices))
        least = list(map(min, block_counts))
        most = list(map(max, block_counts))
        if most and max(most) >= _EXACT_WEIGHTS:
            raise ValueError("a word is counted too many times in one block of text to index")
        maxweights = list(map(float, most))
        if self._length_bytes:  # every document with a posting here has a length
            lengths = _gather(self._length_bytes, ids)
            min_lengths = list(map(min, map(lengths.__getitem__, slices)))
            max_lengths = list(map(max, map(lengths.__getitem__, slices)))
        else:
            min_lengths = max_lengths = [0] * len(starts)
        # W3PostingsWriter._write_block: pickled (and compressed) ids, weights and values
        pickled = zip(
            map(tuple, map(deltas.__getitem__, slices)),
            map(_mini_weights, block_counts, least, most),
            values,
            strict=True,
        )
        data = map(dumps, pickled, repeat(2))
        if self._compression:
            data = map(zlib.compress, data, repeat(self._compression))
        data = list(data)
        lasts = map(ids.__getitem__, map(sub, ends, repeat(1)))
        fields = zip(
            map(sub, ends, starts),
            lasts,
            maxweights,
            repeat(self._compression),
            min_lengths,
            max_lengths,
            strict=False,
        )
        block_infos = list(map(dumps, fields, repeat(2)))
        block_sizes = list(map(add, map(len, block_infos), map(len, data)))
        for _, end in spans:  # a term's last block is marked by a negative size
            block_sizes[end - 1] = -block_sizes[end - 1]
        blocks = list(map(b"".join, zip(map(pack_int, block_sizes), block_infos, data, strict=True)))
        term_blocks = list(map(slice, *zip(*spans, strict=True)))
        postings = list(map(_BLOCKS_MAGIC.__add__, map(b"".join, map(blocks.__getitem__, term_blocks))))
        # W3TermInfo.add_block over each term's blocks: a one-block term's are its block's
        firsts = [first for first, _ in spans]
        sums = list(map(sum, block_counts))  # whoosh's float sum of these integers, exactly
        term_weights = list(map(sums.__getitem__, firsts))
        term_maxweights = list(map(maxweights.__getitem__, firsts))
        term_min_lengths = list(map(min_lengths.__getitem__, firsts))
        term_max_lengths = list(map(max_lengths.__getitem__, firsts))
        for term, (first, end) in enumerate(spans):
            if end - first > 1:
                term_weights[term] = reduce(add, sums[first:end], 0)  # whoosh's +=, in order
                term_maxweights[term] = max(maxweights[first:end])
                term_min_lengths[term] = min(min_lengths[first:end])
                term_max_lengths[term] = max(max_lengths[first:end])
        infos = map(
            _TERM_INFO.pack,
            repeat(0),  # not inlined
            term_weights,
            map(len, docnums),
            term_min_lengths,
            term_max_lengths,
            term_maxweights,
            map(itemgetter(0), docnums),
            map(itemgetter(-1), docnums),
        )
        return postings, list(infos)


def _block_bounds(sizes: list[int], limit: int) -> tuple[list[int], list[int], list[tuple[int, int]]]:
    """Where each block starts and ends in the terms' postings laid end to end (a term's
    postings cut every `limit`), and each term's first and past-last block."""
    starts: list[int] = []
    ends: list[int] = []
    spans = []
    offset = 0
    for size in sizes:
        first = len(starts)
        end = offset + size
        if size <= limit:
            starts.append(offset)
            ends.append(end)
        else:
            block_starts = range(offset, end, limit)
            starts.extend(block_starts)
            ends.extend(block_starts[1:])
            ends.append(end)
        spans.append((first, len(starts)))
        offset = end
    return starts, ends, spans


def _mini_weights(counts: list[int], least: int, most: int) -> Any:
    """W3PostingsWriter._mini_weights: None when all are 1, the one value when all are equal."""
    if least != most:
        return tuple(array(_WEIGHTS, counts))
    return None if least == 1 else float(least)


def _gather(table: list[int], indexes: list[int]) -> tuple[int, ...]:
    """table[i] for each i (itemgetter's loop in C, twice map's speed)."""
    if len(indexes) < 2:  # itemgetter of one index returns the item, not a tuple
        return tuple(map(table.__getitem__, indexes))
    return itemgetter(*indexes)(table)


def _uints(numbers: list[int]) -> bytes:
    """The numbers as big-endian uint32 (whoosh's pack_uint), end to end."""
    packed = array("I", numbers)
    if packed.itemsize != 4:
        return struct.pack(f"!{len(numbers)}I", *numbers)
    if sys.byteorder == "little":
        packed.byteswap()
    return packed.tobytes()


def _extend_index(index: Any, positions: list[int]) -> None:
    """Append positions to OrderedHashWriter's GrowableArray, as its append would."""
    if isinstance(index.array, array):
        try:
            index.array.fromlist(positions)  # all or nothing
            return
        except OverflowError:
            pass
    index.extend(positions)  # widens its type where whoosh's would

"""Where a CSV's quoted values open and close, its quotes taken as the CSV reader takes them.

A quote opens a quoted value only where a value starts (the file's start, after a delimiter
or a line break); in a quoted value a doubled quote is one quote of the value and a single one
closes it; anywhere else a quote is a character of the value (``5" screen``). Text after a
closing quote (``"Ann" x``) is no CSV: readers join it to the value (``Ann x``), so it is found
here and set aside. The record count (``count``), the CSV reader (``csvfile``) and the people
files of ``c360 identity dedupe`` all follow quotes with ``toggles``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

QUOTE, NEWLINE, RETURN = ord('"'), ord("\n"), ord("\r")
BLOCK_BYTES = 1 << 24  # bytes looked at a time


def value_starts(delimiter: str) -> np.ndarray:
    """The bytes after which a value starts: the delimiter (its last byte) and line breaks."""
    starts = np.zeros(256, bool)
    starts[[delimiter.encode("utf-8")[-1], NEWLINE, RETURN]] = True
    return starts


def toggles(
    chars: np.ndarray, inside: bool, before: int, starts: np.ndarray
) -> tuple[np.ndarray, bool]:
    """The quotes of a block of a CSV's bytes that open or close a quoted value, in order, and
    whether a quoted value is open after the block (``inside``: open before it; ``before``: the
    byte before it). They alternate, the first closing one when ``inside``, so a position is in
    a quoted value when an odd number of them (even, when ``inside``) lie before it.

    Quotes alternate opening and closing (a doubled one in a value counts twice) unless one
    stands inside a value not in quotes: then the block's quotes are followed one by one.
    """
    quoted = np.flatnonzero(chars == QUOTE)
    opening = quoted[int(inside) :: 2]  # by alternation
    previous = chars[opening - 1]
    if opening.size and opening[0] == 0:
        previous[0] = before
    if not (~starts[previous] & (previous != QUOTE)).any():
        return quoted, bool((len(quoted) + inside) % 2)
    found: list[int] = []
    before_each = chars[quoted - 1]
    if quoted.size and quoted[0] == 0:
        before_each[0] = before
    at, follows = quoted.tolist(), starts[before_each].tolist()
    i = 0
    while i < len(at):
        if inside and i + 1 < len(at) and at[i + 1] == at[i] + 1:  # "" in a quoted value
            i += 2
            continue
        if inside or follows[i]:  # a quote closing a value, or one opening a value
            found.append(at[i])
            inside = not inside
        i += 1
    return np.array(found, np.int64), inside


def within(toggled: np.ndarray, positions: np.ndarray, inside: bool) -> np.ndarray:
    """Whether each of ``positions`` of a block lies in a quoted value (``toggles``)."""
    return (np.searchsorted(toggled, positions) + inside) % 2 == 1


def text_after_quotes(
    chars: np.ndarray, toggled: np.ndarray, inside: bool, starts: np.ndarray
) -> np.ndarray:
    """The positions of a block's closing quotes followed by text rather than by a delimiter,
    a line break or the block's end (a quote after one is half of a doubled quote)."""
    closing = toggled[int(not inside) :: 2]
    closing = closing[closing + 1 < len(chars)]
    following = chars[closing + 1]
    return closing[~starts[following] & (following != QUOTE)]


def blocks(chars: np.ndarray, start: int = 0, size: int = BLOCK_BYTES) -> Iterator[tuple[int, int]]:
    """(start, end) of the blocks of ``chars`` from ``start``, none ending between two quotes
    (a doubled quote is read whole) or between a carriage return and a line feed."""
    at = start
    while at < len(chars):
        end = min(at + size, len(chars))
        while end < len(chars) and chars[end - 1] in (QUOTE, RETURN):
            end += 1
        yield at, end
        at = end


def follow_file(
    path: Path, delimiter: str, start: int = 0, size: int = BLOCK_BYTES
) -> tuple[bool, int | None]:
    """Whether a CSV file ends inside a quoted value, and the position of its first closing
    quote followed by text (none: ``None``), read from byte ``start`` (after a byte order
    mark, say), where a value starts."""
    chars = np.memmap(path, np.uint8, mode="r") if path.stat().st_size else np.zeros(0, np.uint8)
    starts = value_starts(delimiter)
    inside, before, stray = False, NEWLINE, None
    for at, end in blocks(chars, start, size):
        block = np.asarray(chars[at:end])
        toggled, after = toggles(block, inside, before, starts)
        if stray is None and (found := text_after_quotes(block, toggled, inside, starts)).size:
            stray = at + int(found[0])  # a block ends before a quote only at the file's end
        inside, before = after, int(block[-1])
    return inside, stray


def records_with_text_after_quotes(
    path: Path, delimiter: str, start: int = 0, size: int = BLOCK_BYTES
) -> dict[int, tuple[int, int]]:
    """The records of a CSV from byte ``start`` (its header, record 0) holding text after a
    closing quote, by number as the CSV reader numbers them (empty lines not counted): where
    each starts and ends in the file. The file is followed ``size`` bytes at a time, and again
    (``RecordTexts``) to number the records only when it holds such text."""
    chars = _mapped(path)
    starts = value_starts(delimiter)
    found: list[int] = []
    inside, before = False, NEWLINE
    for at, end in blocks(chars, start, size):
        block = np.asarray(chars[at:end])
        toggled, after = toggles(block, inside, before, starts)
        found += (text_after_quotes(block, toggled, inside, starts) + at).tolist()
        inside, before = after, int(block[-1])
    return RecordTexts(path, delimiter, start, size).holding(found) if found else {}


def _mapped(path: Path) -> np.ndarray:
    """A file's bytes, mapped rather than read (none for an empty file, which cannot be)."""
    return np.memmap(path, np.uint8, mode="r") if path.stat().st_size else np.zeros(0, np.uint8)


class RecordTexts:
    """The bytes of a CSV's records by number as the CSV reader numbers them (from byte
    ``start``, the header record 0, empty lines not counted), as written: quotes and line
    breaks in quotes kept, the line break after the record left out. The file is followed
    forward a block at a time, only when a record is asked for, as far as the last one asked;
    the records of the last block looked at are kept, for the next call."""

    def __init__(self, path: Path, delimiter: str, start: int = 0, size: int = BLOCK_BYTES):
        self.path, self._start, self._size = path, start, size
        self._starts = value_starts(delimiter)
        self._chars: np.ndarray | None = None
        self._restart()

    def _restart(self) -> None:
        self._at = self._begin = self._start  # the next block; the record not ended yet
        self._number, self._inside, self._before = -1, False, NEWLINE
        self._kept: tuple[np.ndarray, np.ndarray, np.ndarray] = (np.zeros(0, np.int64),) * 3

    def find(self, numbers: list[int]) -> dict[int, bytes]:
        """The bytes of each of the records ``numbers`` that the file holds."""
        if not numbers:
            return {}
        if self._chars is None:
            self._chars = _mapped(self.path)
        kept, lowest = self._kept[0], min(numbers)
        if lowest <= self._number and not (kept.size and lowest >= kept[0]):
            self._restart()  # a record before those kept: the file is followed again
        found = self._look_up(numbers)
        while len(found) < len(set(numbers)) and self._at < len(self._chars):
            self._next_block()
            found |= self._look_up(numbers)
        return found

    def holding(self, positions: list[int]) -> dict[int, tuple[int, int]]:
        """(start, end) in the file of the records holding each of ``positions`` (a quote's,
        say: a byte that is no line break), by number; the file is followed from its start."""
        self._chars = _mapped(self.path) if self._chars is None else self._chars
        self._restart()
        pending, records = np.unique(np.array(positions, np.int64)), {}
        while pending.size and self._at < len(self._chars):
            self._next_block()
            numbers, begins, stops = self._kept
            if not numbers.size:
                continue
            ended = pending[pending < stops[-1]]  # in a record ended by now
            at = np.searchsorted(stops, ended, side="right")
            for i in np.unique(at[begins[at] <= ended]).tolist():
                begin, stop = int(begins[i]), int(stops[i])
                if stop == len(self._chars) > begin and self._chars[stop - 1] == RETURN:
                    stop -= 1  # a record the file ends in, inside quotes: its last \r left out
                records[int(numbers[i])] = (begin, stop)
            pending = pending[len(ended) :]
        return records

    def _look_up(self, numbers: list[int]) -> dict[int, bytes]:
        kept, begins, stops = self._kept
        at = np.searchsorted(kept, numbers)
        hit = [(n, int(i)) for n, i in zip(numbers, at.tolist(), strict=True)
               if i < len(kept) and kept[i] == n]  # fmt: skip
        assert self._chars is not None
        return {n: bytes(self._chars[begins[i] : stops[i]]) for n, i in hit}

    def _next_block(self) -> None:
        chars = self._chars
        assert chars is not None
        at, end = next(blocks(chars, self._at, self._size))
        block = np.asarray(chars[at:end])
        toggled, inside = toggles(block, self._inside, self._before, self._starts)
        returns = np.flatnonzero(block == RETURN)
        following = block[np.minimum(returns + 1, len(block) - 1)]
        lone = returns[(returns + 1 == len(block)) | (following != NEWLINE)]
        breaks = np.union1d(np.flatnonzero(block == NEWLINE), lone)
        ends = breaks[~within(toggled, breaks, self._inside)] + at
        begins = np.r_[self._begin, ends[:-1] + 1].astype(np.int64)[: len(ends)]
        stops = ends - ((ends > begins) & (chars[np.maximum(ends - 1, 0)] == RETURN))
        if ends.size:
            self._begin = int(ends[-1]) + 1
        if end == len(chars):  # the last record ends with the file, not with a line break
            begins = np.r_[begins, self._begin].astype(np.int64)
            ends, stops = np.r_[ends, end].astype(np.int64), np.r_[stops, end].astype(np.int64)
        length = ends - begins
        filled = (length > 1) | ((length == 1) & (chars[np.maximum(ends - 1, 0)] != RETURN))
        numbers = self._number + np.cumsum(filled)
        self._kept = (numbers[filled], begins[filled], stops[filled])
        self._number = int(numbers[-1]) if numbers.size else self._number
        self._at, self._inside, self._before = end, inside, int(block[-1])

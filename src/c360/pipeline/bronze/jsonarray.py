"""A JSON array file the JSON reader refuses, split into its elements: whole ones are kept,
each broken stretch becomes one record with its text and a reason.

A well-formed file is read in one call (``jsonfile.json_array``); only a syntax error or bytes
that are not UTF-8 (kept as surrogate escapes) lead here. Elements are read one by one. One
that does not parse, or is followed by neither ``,`` nor ``]``, starts a broken stretch, which
ends where a whole element follows: after a ``,`` outside the stretch's strings and brackets,
or at a line starting as the stretch's first line did, with a ``{`` (an object per line, or
``json.dumps(indent=2)``); the ``,`` between is no text of the stretch. A quote lost pairs the
quotes after it wrongly up to the line's end (a one-line array's end): on that line the
stretch ends at the first ``{`` after a ``,`` or a ``}`` from which whole elements run to the
array's end or to a broken one, not to a ``]`` closing an array inside an element (a string
holding ``},{`` inside a whole element is read whole). Broken elements side by side are one
stretch: nothing confirms where the second starts. With no end found, the stretch runs to the
array's end. Two whole objects with no comma between land both, as do elements around commas
too many (an empty element holds nothing). A file ending inside an element, or after a whole
one without the closing ``]``, was cut short, and text after the ``]`` is one record more. A
file where no element starts (``[`` alone, or no array) is not split: the caller says it is
not valid JSON.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from json import JSONDecodeError
from typing import Any

from c360.pipeline.bronze.blocks import NOT_UTF8

CUT_SHORT = "the file ends inside this record: cut short?"
NOT_CLOSED = "the file ends before the array's closing ']': cut short?"
AFTER_CLOSE = "text after the array's closing ']'"
_SPACE = " \t\n\r"
_SKIP = re.compile(r"[ \t\n\r]*")
_GAP = re.compile(r"[ \t\n\r,]*")  # between elements: commas too many hold nothing
# What a broken stretch is followed through: a string (to its closing quote or, broken, to
# its line's end: JSON text has no line break in a string), a bracket, a comma, a line break.
_TOKEN = re.compile(r'"(?:[^"\\\n\r]|\\.)*("?)|[][{},\n\r]')
# What may follow a string: anything else (or no closing quote) says a quote was lost before.
_AFTER_STRING = re.compile(r"[ \t]*(?:[]:,}\n\r]|\Z)")
# Where an element may start again on a line with a quote lost: a "{" after a "," or a "}";
# a line break ends the search.
_RESUME = re.compile(r"[,}][ \t\n\r]*\{|[\n\r]")
_UNDECODED = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as surrogateescape keeps it

Scan = Callable[[str, int], tuple[Any, int]]  # one JSON value from a position, and its end


@dataclass(frozen=True)
class Broken:
    """A stretch of an array that is no whole element: its text as written and why."""

    text: str
    reason: str


def split_array(text: str, scan: Scan) -> list[Any] | None:
    """The elements of the array ``text`` holds, each a value or ``Broken``; ``None`` when no
    element starts."""
    start = _skip(text, 0)
    last = len(text.rstrip(_SPACE)) - 1
    close = last if last > start and text[last] == "]" else None
    end = len(text) if close is None else close
    at = _GAP.match(text, start + 1).end()  # type: ignore[union-attr]  # it matches ""
    if not text.startswith("[", start) or at >= end:
        return None
    items: list[Any] = []
    read: dict[int, tuple[Any, int]] = {}  # elements already read while looking past a break
    stop = at
    while at < end:
        whole = read.pop(at, None) or _whole(text, at, scan)
        if whole is None:
            begin = at
            stop, at = _stretch_end(text, at, end, scan, read)
            items.append(_broken(text[begin:stop].rstrip(_SPACE), stop == len(text), scan))
            continue
        value, stop = whole
        items.append(_broken(text[at:stop], False, scan) if _undecoded(text, at, stop) else value)
        after = _skip(text, stop)
        if after < end and text[after] == "]":  # the array closes before the file's last ]
            rest = text[after + 1 :].strip(_SPACE)
            return [*items, Broken(_shown(rest), AFTER_CLOSE)] if rest else items
        at = _GAP.match(text, stop).end()  # type: ignore[union-attr]
    if close is None and not (isinstance(items[-1], Broken) and stop == len(text)):
        items.append(Broken(_shown(text[stop:].strip(_SPACE)), NOT_CLOSED))
    return items


def _skip(text: str, at: int) -> int:
    """The first position from ``at`` that is not JSON white space."""
    return _SKIP.match(text, at).end()  # type: ignore[union-attr]  # it matches ""


def _whole(text: str, at: int, scan: Scan) -> tuple[Any, int] | None:
    """(value, end) of a whole element at ``at``: one JSON value followed by ``,``, ``]``, the
    file's end or, for an object or an array, the next object (a comma left out)."""
    try:
        value, stop = scan(text, at)
    except (StopIteration, ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return None
    after = _skip(text, stop)
    if after == len(text) or text[after] in ",]":
        return value, stop
    return (value, stop) if text[after] == "{" and isinstance(value, dict | list) else None


def _stretch_end(
    text: str, at: int, end: int, scan: Scan, read: dict[int, tuple[Any, int]]
) -> tuple[int, int]:
    """Where the broken stretch from ``at`` ends, and where the element after it starts."""
    indent = ""  # how the stretch's first line starts, found at the first line break
    depth = 0
    searched = at  # where the search after a lost quote stopped
    for token in _TOKEN.finditer(text, at, end):
        kind = token[0][0]
        if kind == '"':
            if token.start() >= searched and _quote_lost(text, token):
                found, searched = _resume(text, token.start(), end, scan, read)
                if found is not None:
                    return found
        elif kind in "{[":
            depth += 1
        elif kind in "}]":
            depth = max(depth - 1, 0)  # a bracket closing none is text of the stretch
        elif kind == ",":
            following = _skip(text, token.end())
            if not depth and following < end and _whole(text, following, scan):
                return token.start(), following
        elif kind in "\n\r":
            indent = indent or _indent(text, at)
            following = token.end() + len(indent) - 1
            if text.startswith(indent, token.end()) and _whole(text, following, scan):
                stop = len(text[at : token.start()].rstrip(_SPACE)) + at  # its comma separates
                return stop - (text[stop - 1] == ","), following
    return end, end


def _indent(text: str, at: int) -> str:
    """The white space starting the line of ``at``, then ``{``."""
    line = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
    return text[line : _SKIP.match(text, line, at).end()].strip("\r\n") + "{"  # type: ignore[union-attr]


def _quote_lost(text: str, string: re.Match[str]) -> bool:
    """Whether a string token has no closing quote or is followed by what follows no string."""
    return not string[1] or _AFTER_STRING.match(text, string.end()) is None


def _resume(
    text: str, at: int, end: int, scan: Scan, read: dict[int, tuple[Any, int]]
) -> tuple[tuple[int, int] | None, int]:
    """(end of the stretch, start of the next element) at the first ``{`` from ``at`` to the
    line's end after a ``,`` or a ``}`` that whole elements follow, and where the search
    stopped."""
    past = at  # elements read from a start that failed: a start inside them fails as well
    for match in _RESUME.finditer(text, at, end):
        if match[0][0] in "\n\r":
            return None, match.start()
        following = match.end() - 1
        if following < past:
            continue
        elements, past = _elements(text, following, end, scan)
        if elements:
            read.update(elements)
            return (match.start() + (match[0][0] == "}"), following), past
    return None, end


def _elements(text: str, at: int, end: int, scan: Scan) -> tuple[dict[int, tuple[Any, int]], int]:
    """The whole elements from ``at`` by start (none unless they run to the array's end or
    to a broken element rather than to a ``]`` closing an array inside one), and where the
    reading stopped."""
    elements: dict[int, tuple[Any, int]] = {}
    while at < end:
        whole = _whole(text, at, scan)
        if whole is None:
            return elements, at
        elements[at] = whole
        after = _skip(text, whole[1])
        if after < end and text[after] == "]":
            return {}, after
        at = _GAP.match(text, whole[1]).end()  # type: ignore[union-attr]  # it matches ""
    return elements, at


def _broken(piece: str, cut: bool, scan: Scan) -> Broken:
    """A broken stretch's text as written (a byte that is not UTF-8 as ``\\xNN``) and why."""
    if _undecoded(piece, 0, len(piece)):
        return Broken(_shown(piece), NOT_UTF8)
    if cut:
        return Broken(piece, CUT_SHORT)
    try:
        _, stop = scan(piece, 0)
    except StopIteration as exc:
        return Broken(piece, f"not JSON: Expecting value at character {exc.value + 1}")
    except JSONDecodeError as exc:
        where = exc.msg.removesuffix(" at")  # "Invalid control character at"
        return Broken(piece, f"not JSON: {where} at character {exc.pos + 1}")
    except RecursionError:
        return Broken(piece, "not JSON: nested too deeply")
    except ValueError:
        return Broken(piece, "not JSON: a number too long")
    return Broken(piece, f"not JSON: Extra data at character {_skip(piece, stop) + 1}")


def _undecoded(text: str, start: int, stop: int) -> bool:
    return _UNDECODED.search(text, start, stop) is not None


def _shown(text: str) -> str:
    """``text`` with each byte that is not UTF-8 shown as ``\\xNN`` (``\\xe9``)."""
    if not _undecoded(text, 0, len(text)):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")

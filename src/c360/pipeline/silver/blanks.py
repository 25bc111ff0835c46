"""White space as every engine's regex reads it alike, for the parsers of ``parse`` and
``amounts``.

The end of the text is ``\\z`` in every regex the engines run, never ``$``: Java's ``$``
(Spark) also matches before a line terminator that ends the text (\\n, \\r\\n, \\r, U+0085,
U+2028, U+2029), RE2's (DuckDB) only at the very end, so "46\\u2028" would be a number on one
engine and invalid on the other. ``\\z`` is the very end on both (Python's ``re`` spells it
``\\Z`` before 3.14).
"""

from __future__ import annotations

# The line separators Java's ``$`` knows are white space, as \n and \r are.
LINE_SEPARATORS = "\u0085\u2028\u2029"
# White space, written out: ``\s`` also matches a vertical tab on Spark (Java) but not on
# DuckDB (RE2), so "web\x0b" would be a channel on one engine and invalid on the other.
SPACE = f"[\\t\\n\\x0b\\f\\r {LINE_SEPARATORS}]"
# Spaces that regex ``\s`` does not match on every engine: the no-break spaces spreadsheets and
# web forms paste ("France\u00a0"), the narrow one French number formats use, and a byte order
# mark left at the start of a file's first value.
WIDE_SPACES = "\u00a0\u2007\u202f\ufeff"
# What ``parse.trim`` takes off a value's ends: white space, NUL and the wide spaces.
BLANK = f"[\\t\\n\\x0b\\f\\r \\x00{LINE_SEPARATORS}{WIDE_SPACES}]"

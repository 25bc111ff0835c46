"""White space, and letters in either case, as every engine's regex reads them alike, for the
parsers of ``parse``, ``amounts`` and ``currency``.

The end of the text is ``\\z`` in every regex the engines run, never ``$``: Java's ``$``
(Spark) also matches before a line terminator that ends the text (\\n, \\r\\n, \\r, U+0085,
U+2028, U+2029), RE2's (DuckDB) only at the very end, so "46\\u2028" would be a number on one
engine and invalid on the other. ``\\z`` is the very end on both (Python's ``re`` spells it
``\\Z`` before 3.14).
"""

from __future__ import annotations

import re

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


def either_case(pattern: str) -> str:
    r"""``pattern`` with each ASCII letter outside a class as a class of its two cases; classes
    and escapes stay as written.

    Not ``(?i)``: RE2 (DuckDB) then also reads ſ (U+017F) as s and the Kelvin sign (U+212A) as
    k ("12 UſD" would be dollars, "ſcanner" a scanner), Java (Spark) does not. The classes cost
    what ``(?i)`` did, 0.7 s of CPU for 2M user agents; lowering the ASCII capitals first
    (``translate``) took 4 to 5 s.

    >>> either_case(r"scan([^0-9A-Za-z_]|\z)|defen[cCsS]e|USD")
    '[sS][cC][aA][nN]([^0-9A-Za-z_]|\\z)|[dD][eE][fF][eE][nN][cCsS][eE]|[uU][sS][dD]'
    """
    return re.sub(
        r"\\.|\[[^\]]*\]|[A-Za-z]",
        lambda m: m[0] if len(m[0]) > 1 else f"[{m[0].lower()}{m[0].upper()}]",
        pattern,
    )

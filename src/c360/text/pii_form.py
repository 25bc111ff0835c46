"""The form of a text the PII finders search, and the way back to the text's own offsets.

Notes are typed on every keyboard: accents decomposed into a letter and a combining mark (NFD,
as macOS and some webmails write them), no-break and thin spaces inside phone numbers and after
titles, en dashes and non-breaking hyphens between digit groups, full-width digits, brackets
and "@". The finders are written for composed letters, ASCII spaces and dashes; `search_form`
hands them that form and `SearchForm.span` maps what they find back to the text given.

>>> form = search_form("Tel\\u00a006\\u202f12 34 56 78, Mme Le\\u0301a")
>>> form.text
'Tel 06 12 34 56 78, Mme Léa'
>>> form.span(24, 27)
(24, 28)
"""

import re
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

# One character for one character, so offsets survive: typographic spaces become a space,
# dashes and hyphens between digits a hyphen-minus, full-width ASCII its ASCII letter. The em
# dash stays: it separates phrases, not digit groups.
_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_DASHES = "\u2010\u2011\u2012\u2013\u2212\ufe63"
_ASCII_FORMS = str.maketrans(
    {
        **dict.fromkeys(map(ord, _SPACES), " "),
        **dict.fromkeys(map(ord, _DASHES), "-"),
        **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},  # full-width ASCII
    }
)
# Most notes hold none of them: looking for one is ten times cheaper than translating.
_UNUSUAL = re.compile("[" + re.escape("".join(map(chr, _ASCII_FORMS))) + "]")


def _as_ascii_forms(text: str) -> str:
    return text.translate(_ASCII_FORMS) if _UNUSUAL.search(text) else text


@cache
def _clusters() -> re.Pattern[str]:
    """A character and the combining marks after it: what NFC may compose into fewer.

    Built on first use, from the Unicode database Python ships, only for a text not in NFC.
    """
    marks = []
    for code in range(0x300, sys.maxunicode + 1):
        c = chr(code)
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Mc", "Me"):
            marks.append(c)
    # Hangul vowel and final jamo compose with the syllable before them.
    jamo = "\u1161-\u11ff"
    return re.compile(f"(?s).[{re.escape(''.join(marks))}{jamo}]+")


@dataclass(frozen=True)
class SearchForm:
    """`text` to search; each of `pieces` is `(start, end, original start, original end)` of a
    cluster NFC composed, sorted, so an offset into `text` maps back by one binary search."""

    text: str
    pieces: tuple[tuple[int, int, int, int], ...] = ()

    def span(self, start: int, end: int) -> tuple[int, int]:
        """`text[start:end]` as offsets into the original text, whole clusters included."""
        if not self.pieces:
            return start, end
        return self._offset(start, opening=True), self._offset(end, opening=False)

    def _offset(self, at: int, opening: bool) -> int:
        # The last cluster a span starting (or ending) at `at` may share a character with.
        i = bisect_right(self.pieces, at if opening else at - 1, key=lambda p: p[0]) - 1
        if i < 0:
            return at
        _, end, original_start, original_end = self.pieces[i]
        if at < end or (at == end and not opening):
            return original_start if opening else original_end
        return original_end + at - end


def search_form(text: str) -> SearchForm:
    """`text` composed (NFC) and with typographic spaces, dashes and full-width forms as ASCII."""
    if unicodedata.is_normalized("NFC", text):
        return SearchForm(_as_ascii_forms(text))
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    cursor = length = 0
    for m in _clusters().finditer(text):
        parts.append(text[cursor : m.start()])
        length += m.start() - cursor
        composed = unicodedata.normalize("NFC", m.group())
        parts.append(composed)
        pieces.append((length, length + len(composed), m.start(), m.end()))
        length += len(composed)
        cursor = m.end()
    parts.append(text[cursor:])
    # Characters NFC replaces on their own (U+212B ANGSTROM SIGN → Å) keep their length.
    composed_text = unicodedata.normalize("NFC", "".join(parts))
    if len(composed_text) != length + len(text) - cursor:
        composed_text = "".join(parts)
    return SearchForm(_as_ascii_forms(composed_text), tuple(pieces))

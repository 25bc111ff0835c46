"""Word lists matched against text: accent-free tokens, prefix entries, phrases, compound parts.

An entry is written as text: ``happy`` matches that word, ``satisf*`` any word starting with
``satisf``, ``*problem`` any word ending with it (German compounds: ``druckerproblem``), and
``let down`` two words in a row. Several entries go in one string, separated by commas.

>>> lex = Lexicon({"not happy": -1, "happ*": 1, "*problem": -2})
>>> words = tokens("Happier now, not happy; Druckerproblem")
>>> [(m.start, m.end, m.value) for m in lex.matches(words)]
[(0, 1, 1), (3, 5, -1), (6, 7, -2)]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

V = TypeVar("V")

BOUNDARIES = frozenset(".!?;:,\n()")
"""Tokens that end a clause (and with it the reach of a negation)."""

_TOKEN = re.compile(r"[a-z0-9]+|[.!?;:,\n()]")
_NT = re.compile(r"n['’]t\b")
# An e-mail is a whole word: tried only where a word starts, or a long word without "@" (a
# pasted base64 blob) is scanned again from each of its characters, in quadratic time.
_ADDRESS = re.compile(r"(?<!\S)\S+@\S+|https?://\S+|www\.\S+|\[[A-Z_]+\]")
_TITLED = re.compile(r"\b(?:Herrn?|Frau|Hr|Fr|Dr|Mrs?|Ms|Mme|Mlle|Sra?)\.? +[A-ZÀ-ÖØ-Þ][\w'’-]*")
_NAME = re.compile(r"(?<=[\w,;'’)] )[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ][\w'’-]*")
_MIN_PREFIX = 3
_MEMO_SIZE = 200_000
"""Distinct words whose candidate entries a lexicon remembers (notes reuse few words)."""
LINE_CACHE = 4_096
"""Distinct lines (and sentences) whose scores sentiment, topics, language detection and
summaries remember: notes repeat many ("Call back on Thursday."); on the generated notes this
many catch nearly every repeat.

No token, entry, address or sentence spans a line break, so a text's tokens are its lines'
joined by a line-break token, and what is found in a line does not depend on the lines around
it."""


def normalize(text: str) -> str:
    """Lower-case and strip accents: typed notes often drop them ('tres decu', 'llego tarde')."""
    text = _NT.sub(" not", text.lower()).replace("ß", "ss").replace("œ", "oe")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def tokens(text: str, *, names: bool = True) -> list[str]:
    """Words and clause punctuation of ``text``, normalised; addresses and redaction
    placeholders ("[PERSON]") dropped.

    With ``names=False``, capitalised words inside a sentence are dropped too: in French,
    English or Spanish they are names ("Claire", "Grace", "Nordhaus Doormat Premium"), not
    feelings. German capitalises every noun, so it keeps them, but a name after a title
    ("Herr Sauer", "Mme Roche") goes in every language.
    """
    return list(_tokens(text, names))


@lru_cache(maxsize=64)
def _tokens(text: str, names: bool) -> tuple[str, ...]:
    text = _TITLED.sub(" ", _ADDRESS.sub(" ", text))
    if not names:
        text = _NAME.sub(" ", text)
    return tuple(_TOKEN.findall(normalize(text)))


def entries(text: str) -> list[str]:
    """Split a comma-separated list of entries (an entry may run over a line break)."""
    return [" ".join(part.split()) for part in text.split(",") if part.strip()]


@dataclass(frozen=True)
class Match(Generic[V]):
    """Entry found in a token list: tokens ``start`` to ``end`` (exclusive)."""

    start: int
    end: int
    value: V


def entry_words(entry: str) -> tuple[str, ...]:
    """Tokens of an entry, cut like text ("s'est" -> "s", "est"), keeping its ``*`` marks."""
    words: list[str] = []
    for part in normalize(entry).split():
        found = _TOKEN.findall(part.strip("*"))
        if not found:
            raise ValueError(f"entry without words: {entry!r}")
        if part.startswith("*"):
            found[0] = "*" + found[0]
        if part.endswith("*"):
            found[-1] += "*"
        words.extend(found)
    return tuple(words)


def _word_matches(pattern: str, token: str) -> bool:
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    if pattern.startswith("*"):
        return token.endswith(pattern[1:])
    return token == pattern


class Lexicon(Generic[V]):
    """Entries with a value each, found in token lists (longest entry first, no overlaps)."""

    def __init__(self, values: Mapping[str, V]) -> None:
        self._exact: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        self._prefix: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        suffixes: dict[str, V] = {}
        seen: set[tuple[str, ...]] = set()
        for entry, value in values.items():
            words = entry_words(entry)
            if words in seen:
                raise ValueError(f"entry listed twice (accents and case aside): {entry!r}")
            seen.add(words)
            first = words[0]
            if first.startswith("*") and len(words) == 1:
                suffixes[first[1:]] = value
            elif first.endswith("*"):
                if len(first) - 1 < _MIN_PREFIX:
                    raise ValueError(f"prefix too short: {entry!r}")
                self._prefix.setdefault(first[:-1], []).append((words, value))
            else:
                self._exact.setdefault(first, []).append((words, value))
        for candidates in (*self._exact.values(), *self._prefix.values()):
            candidates.sort(key=lambda c: -len(c[0]))
        self._prefix_lengths = sorted({len(p) for p in self._prefix}, reverse=True)
        self._suffixes = suffixes
        self._memo: dict[str, tuple[tuple[tuple[str, ...], V], ...]] = {}
        self._suffix_re = (
            re.compile("(" + "|".join(sorted(map(re.escape, suffixes), key=len)[::-1]) + ")$")
            if suffixes
            else None
        )

    def _candidates(self, token: str) -> tuple[tuple[tuple[str, ...], V], ...]:
        """Entries that may start at ``token``: exact, then longest prefix first, then suffix."""
        known = self._memo.get(token)
        if known is not None:
            return known
        found = list(self._exact.get(token, ()))
        for length in self._prefix_lengths:  # "lieferzeit*" before "liefer*"
            if length <= len(token):
                found.extend(self._prefix.get(token[:length], ()))
        if self._suffix_re is not None and (suffix := self._suffix_re.search(token)):
            found.append(((token,), self._suffixes[suffix.group(1)]))
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[token] = result = tuple(found)
        return result

    def match_at(self, words: list[str], i: int) -> Match[V] | None:
        """The longest entry starting at ``words[i]``, if any."""
        # Tried at every word by sentiment and topics: a remembered word skips `_candidates`.
        candidates = self._memo.get(words[i])
        if candidates is None:
            candidates = self._candidates(words[i])
        best: Match[V] | None = None
        for pattern, value in candidates:
            end = i + len(pattern)
            if best is not None and end <= best.end:
                continue
            if len(pattern) == 1 or (
                end <= len(words)
                and all(
                    _word_matches(p, w)
                    for p, w in zip(pattern[1:], words[i + 1 : end], strict=True)
                )
            ):
                best = Match(i, end, value)
        return best

    def openers(self, words: list[str]) -> list[bool]:
        """For each word, whether an entry may start at it: where not, `match_at` is None."""
        memo = self._memo
        return [bool(memo[w]) if w in memo else bool(self._candidates(w)) for w in words]

    def matches(self, words: list[str]) -> list[Match[V]]:
        """Every entry in ``words``, left to right, longest first, not overlapping."""
        found: list[Match[V]] = []
        opens = self.openers(words)
        i = 0
        while i < len(words):
            if not opens[i]:
                i += 1
                continue
            match = self.match_at(words, i)
            if match is None:
                i += 1
            else:
                found.append(match)
                i = match.end
        return found

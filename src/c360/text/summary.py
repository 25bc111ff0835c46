"""Extractive summaries: the one or two most telling sentences of a note or e-mail, in order.

Sentences are split on end punctuation and line breaks, but not after abbreviations ("approx.",
"z.B.", "p. ex.", "Sr.") or initials. Each sentence scores for its informative words (those the
text repeats count more), its position (first, then last), the entities it names, and any
negation or commitment ("won't pay", "signed", "will call back"); contact lines, greetings and
calls to action score low. Deterministic: ties go to the earlier sentence.

>>> summarise("Hello Anna,\\nThe order #12 arrived broken. She will not pay 120 €.\\nThanks.", "en")
'The order #12 arrived broken. She will not pay 120 €.'
"""

from __future__ import annotations

import math
import re
import sys
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from c360.text.entities import Entity, extract_entities, fold
from c360.text.lexicon import LINE_CACHE


def _folded_words(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in text.split())


ABBREVIATIONS = _folded_words(
    "approx env etc cf vs eg ie e.g i.e mr mrs ms dr st no nr tel tél mme mlle m p ex p.ex "
    "z.b zb d.h u.a usw bzw ca evtl ggf inkl zzgl max min sr sra srta dña dna aprox pág núm "
    "art ref réf dept n° nº"
)  # without the final dot
_STOPWORDS = _folded_words(
    # en
    "the a an and or but of to in on at for with w/ by from as is are was were be been it its "
    "this that these those he she they we you i his her their our your not no yes will would "
    "can could should has have had do does did so if then than there here about after before "
    "just very also all any some more most next last one two per via "
    # fr
    "le la les un une des du de d l et ou mais pour par avec sans sur dans en au aux ce cet cette "
    "ces il elle ils elles on nous vous je qui que quoi est sont été être a ont avait pas ne plus "
    "très tout tous se sa son ses leur leurs notre votre "
    # de
    "der die das den dem des ein eine einen einem einer und oder aber für mit ohne auf in im an "
    "am zu zum zur von vom bei ist sind war waren sein hat haben wird werden nicht kein keine "
    "sehr auch noch schon sich sie er es wir ihr ihre unser "
    # es
    "el los las unos unas y o pero para por con sin sobre en del al lo le les se su sus es son "
    "fue ser ha han muy también ya que como nos nuestro nuestra"
)  # fmt: skip
# Both on folded text (lower case, no accents).
_NEGATION = re.compile(
    r"\b(?:not|no|never|\w*n['’]t|ne|n['’]|pas|jamais|aucun\w*|nicht|kein\w*|nie|niemals|nunca"
    r"|ni|ningun\w*|nada)\b"
)
_COMMITMENT = re.compile(
    r"\b(?:will|agreed|signed|confirmed|promised|schedul\w*|follow[- ]up|call(?:ing)? back"
    r"|callback|deadline|va|vais|allons|doit|signe\w*|confirme\w*|accord|rappel\w*|prevu\w*"
    r"|relanc\w*|wird|werden|zugesagt|unterschr\w*|bestatigt|vereinbart|ruckruf|firma\w*|firmo"
    r"|confirmad\w*|acordad\w*|acuerdo|llamar|enviar\w*|prometi\w*)\b"
)
# From the first mark of a run only: tried again from each mark, a long run of them ("!!!…")
# not followed by a space would be scanned once per mark, in quadratic time.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]+[\"'»”)\]]*\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]|\{\{[^}]*\}\}")


def summarise(
    text: str,
    language: str | None,
    max_sentences: int = 2,
    *,
    entities: Sequence[Entity] | None = None,
) -> str:
    """The ``max_sentences`` best sentences of ``text``, in their original order.

    ``entities`` (those of ``text``, when the caller has them) saves finding them again.
    """
    spans: list[tuple[int, int]] = []
    parts: list[_Features] = []
    offset = 0
    for line in text.split("\n"):  # as `sentences` does, each sentence's features found too
        for a, b, features in _line_parts(line):
            spans.append((offset + a, offset + b))
            parts.append(features)
        offset += len(line) + 1
    if len(spans) <= max_sentences:
        return _join([text[a:b] for a, b in spans])
    if entities is None:
        entities = extract_entities(text, language)
    ordered = sorted(entities, key=lambda e: e.start)
    starts = [e.start for e in ordered]
    frequency = Counter(chain.from_iterable(part.distinct for part in parts))
    count, none = len(spans), set[str]()  # most texts name no entity: no search per sentence
    scores = [
        _score(part, frequency, _kinds_within(ordered, starts, a, b) if starts else none)
        + _position(i, count)
        for i, ((a, b), part) in enumerate(zip(spans, parts, strict=True))
    ]
    ranked = sorted(range(len(spans)), key=lambda i: (-scores[i], i))[:max_sentences]
    return _join([text[spans[i][0] : spans[i][1]] for i in sorted(ranked)])


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence: split at end punctuation or a line break, but not after
    an abbreviation or an initial, nor before a lower-case word.

    >>> t = "Approx. 20 units, z.B. Kabel. Ca. p. ex. M. Dupont. Fine"
    >>> [t[a:b] for a, b in sentences(t)]
    ['Approx. 20 units, z.B. Kabel.', 'Ca. p. ex. M. Dupont.', 'Fine']
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):  # a line break always ends a sentence
        spans.extend((offset + a, offset + b) for a, b in _line_sentences(line))
        offset += len(line) + 1
    return spans


@lru_cache(maxsize=LINE_CACHE)  # notes repeat many lines
def _line_sentences(line: str) -> tuple[tuple[int, int], ...]:
    """``sentences`` of one line, which holds no line break."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        if not _ends_sentence(line, start, m):
            continue
        _add(line, start, m.start() + len(m[0].rstrip()), spans)
        start = m.end()
    _add(line, start, len(line), spans)
    return tuple(spans)


@lru_cache(maxsize=LINE_CACHE)
def _line_parts(line: str) -> tuple[tuple[int, int, _Features], ...]:
    """`_line_sentences` of ``line``, each with its `_features`: one look-up per line."""
    return tuple((a, b, _features(line[a:b])) for a, b in _line_sentences(line))


def _ends_sentence(text: str, start: int, m: re.Match[str]) -> bool:
    following = text[m.end() : m.end() + 1]
    if following and following.islower():
        return False
    if m[0][0] != ".":
        return True
    token = fold(_last_word(text, start, m.start())).lstrip("([\"'")
    return not (len(token) == 1 and token.isalpha()) and token not in ABBREVIATIONS


def _last_word(text: str, start: int, end: int) -> str:
    """The last word of ``text[start:end]``, read backwards from ``end``: slicing from ``start``
    copied the whole sentence so far at each mark, quadratic in a long one that does not end
    ("approx. 12, ca. 15, …").

    >>> _last_word("See p. ex. ", 0, 9)
    'ex'
    """
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    first = stop
    while first > start and not text[first - 1].isspace():
        first -= 1
    return text[first:stop]


def _kinds_within(ordered: Sequence[Entity], starts: Sequence[int], a: int, b: int) -> set[str]:
    """Kinds of the entities starting in ``a:b``, found by bisection in ``ordered`` (sorted by
    ``starts``): a scan of every entity for each sentence was quadratic in a long text."""
    return {e.kind for e in ordered[bisect_left(starts, a) : bisect_left(starts, b)]}


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    if chunk.strip():
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + len(chunk.rstrip())))


class _Features(NamedTuple):
    """What scores a sentence, the text around it aside."""

    distinct: tuple[str, ...]  # its informative words, folded, each once
    placeholders: int  # redacted spans and template fields in it
    capitalised: bool  # a capitalised word after the first (a name, a product)
    negation: bool
    commitment: bool
    short: bool  # fewer than four words
    dangling: bool  # ends with a comma, or is all capitals


@lru_cache(maxsize=LINE_CACHE)  # notes repeat many sentences ("Call back on Thursday.")
def _features(sentence: str) -> _Features:
    bare, placeholders = _PLACEHOLDER.subn(" ", sentence)
    folded = fold(bare)
    words = _WORD.findall(folded)
    return _Features(
        distinct=tuple(dict.fromkeys(map(sys.intern, _content(words)))),  # smaller than a set
        placeholders=placeholders,
        capitalised=any(w[:1].isupper() for w in sentence.split()[1:] if not w.isupper()),
        negation=bool(_NEGATION.search(folded)),
        commitment=bool(_COMMITMENT.search(folded)),
        short=len(words) < 4,
        dangling=sentence.rstrip().endswith(",") or sentence.isupper(),
    )


def _content(words: list[str]) -> list[str]:
    return [w for w in words if len(w) > 2 and w not in _STOPWORDS]


def _position(index: int, count: int) -> float:
    """Openings set the scene and endings the next step."""
    return 0.3 if index == 0 else 0.15 if index == count - 1 else 0.0


def _score(sentence: _Features, frequency: Counter[str], named: set[str]) -> float:
    distinct, placeholders = sentence.distinct, sentence.placeholders
    repeats = sum(map(frequency.__getitem__, distinct)) - len(distinct)  # each word once less
    informative = min(len(distinct), 8) / 8 + repeats / 4
    score = informative + 0.5 * len(named) + 0.3 * sentence.capitalised - 0.25 * placeholders
    score += 0.7 * sentence.negation + 0.7 * sentence.commitment
    if sentence.short or (placeholders and len(distinct) <= 2 * placeholders):
        score -= 1.5  # a contact line, a greeting, a sign-off, a call to action
    if sentence.dangling:
        score -= 1.5
    return score / math.sqrt(1 + len(distinct) / 20)  # no winning by length alone


def _join(parts: list[str]) -> str:
    """Sentences on one line, each ending with punctuation."""
    done = [p if p[-1] in ".!?…:;" else p + "." for p in (" ".join(s.split()) for s in parts)]
    return " ".join(done)

"""Language of a note: frequent words, word endings and telling letters, scored per language.

Each word a text shares with a language's list of frequent words is a vote for that language
(split between the languages that share it); an unknown word with a telling ending ("-ung",
"-ción") is half a vote, and letters such as ß, ñ or ç add a little. A text whose best
language is not one of ours (Italian, Dutch, Portuguese …), or where too few of its lower-case
words vote (gibberish, numbers), is "other"; capitalised words (names, products) may vote but
are not counted against it.

>>> detect("Client pas content, colis arrivé en retard.")
'fr'
>>> detect("Il cliente non è soddisfatto della consegna.")
'other'
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from c360.text.lexicon import normalize
from c360.text.lexicon_language import CHARS, SUFFIXES, WORDS

LANGUAGES = ("fr", "en", "de", "es")

_WORD = re.compile(r"[a-z]+")
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_A-ZÀ-ÖØ-Þ][^\W\d_]*")
# As in `lexicon`: e-mails, links and placeholders ("[PHONE]"); an e-mail only from a word's
# start, as scanning a long word from each of its characters takes quadratic time.
_ADDRESS = re.compile(r"(?<!\S)\S+@\S+|https?://\S+|www\.\S+|\[[A-Z_]+\]")
_LETTERS = re.compile("[" + "".join(CHARS) + "]")
_SUFFIX_VOTE = 0.5
_LETTER_VOTE = 0.3
_MAX_LETTER_VOTES = 2.0
_MIN_SHARE = 0.15
"""Share of a text's words that must vote for its language; below that it is "other"."""


def _word_votes() -> dict[str, tuple[tuple[str, float], ...]]:
    owners: dict[str, list[str]] = defaultdict(list)
    for language, words in WORDS.items():
        for word in set(words.split()):
            owners[word].append(language)
    return {word: tuple((lang, 1 / len(langs)) for lang in langs) for word, langs in owners.items()}


_VOTES = _word_votes()
_ENDINGS = {end: lang for lang, ends in SUFFIXES.items() for end in ends.split()}
_ENDING_LENGTHS = sorted({len(end) for end in _ENDINGS}, reverse=True)


@lru_cache(maxsize=65536)  # called for every word no list holds; words repeat
def _ending(word: str) -> str | None:
    for length in _ENDING_LENGTHS:
        if len(word) > length + 2 and (found := _ENDINGS.get(word[-length:])):
            return found
    return None


def scores(text: str) -> tuple[dict[str, float], int]:
    """Votes per language (ours and the look-alikes), and how many words of ``text`` are not
    capitalised."""
    text = _ADDRESS.sub(" ", text)
    words = _WORD.findall(normalize(text))
    votes: dict[str, float] = defaultdict(float)
    for word in words:
        known = _VOTES.get(word)
        if known:
            for language, vote in known:
                votes[language] += vote
        elif ending := _ending(word):
            votes[ending] += _SUFFIX_VOTE
    letters: dict[str, float] = defaultdict(float)
    for char in _LETTERS.findall(text.lower()):
        letters[CHARS[char]] += _LETTER_VOTE
    for language, vote in letters.items():
        votes[language] += min(vote, _MAX_LETTER_VOTES)
    return dict(votes), len(_LOWER_WORD.findall(text))


def detect(text: str) -> str:
    """One of ``LANGUAGES``, or "other" (another language, gibberish, no words at all)."""
    votes, words = scores(text)
    if not votes:
        return "other"
    best = max(votes, key=votes.__getitem__)
    if best not in LANGUAGES or votes[best] < _MIN_SHARE * words:
        return "other"
    return best

"""Language of a note: frequent words, word endings and telling letters, scored per language.

Each word a text shares with a language's list of frequent words is a vote for that language
(split between the languages that share it, a tie going to a note language); an unknown word
with a telling ending ("-ung", "-ción", "-iert") is half a vote, and letters such as ß, ñ or ç
add a little, as does French spacing before a colon. A text whose best language is not one of
ours (Italian, Dutch, Portuguese …), or where too few of its lower-case words vote (gibberish,
numbers), is "other"; capitalised words (names, products) may vote but are not counted against
it.

>>> detect("Client pas content, colis arrivé en retard.")
'fr'
>>> detect("Il cliente non è soddisfatto della consegna.")
'other'
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from c360.text.lexicon import LINE_CACHE, normalize
from c360.text.lexicon_language import CHARS, SUFFIXES, WORDS

LANGUAGES = ("fr", "en", "de", "es")

_WORD = re.compile(r"[a-z]+")
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_A-ZÀ-ÖØ-Þ][^\W\d_]*")
# As in `lexicon`: e-mails, links and placeholders ("[PHONE]"); an e-mail only from a word's
# start, as scanning a long word from each of its characters takes quadratic time.
_ADDRESS = re.compile(r"(?<!\S)\S+@\S+|https?://\S+|www\.\S+|\[[A-Z_]+\]")
_LETTERS = re.compile("[" + "".join(CHARS) + "]")
# Spellings only German writes: "E-Mail" (English and French write "email", "e-mail"). Read
# before the text is lower-cased, as a word of German; its "e" no Spanish "e".
_GERMAN_SPELLING = re.compile(r"\bE-Mail\b")
# French typography puts a space before ":", ";", "!" and "?" ("Contact secondaire : …"): a hint
# as a telling letter is.
_FRENCH_SPACING = re.compile("[ \u00a0\u202f](?<=[^\\W_].)[:;!?](?!\\S)")
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
    lines = [_line_scores(line) for line in text.split("\n")]
    # Added one by one in the order of a single pass over the text: a tie goes to the language
    # voted first. The German spellings of "e-mail" first, then the words; the telling letters,
    # then the French spaces before punctuation.
    votes: dict[str, float] = defaultdict(float)
    for _ in range(sum(spellings for spellings, *_ in lines)):
        votes["de"] += 1.0
    for _, word_votes, _, _, _ in lines:
        for language, vote in word_votes:
            votes[language] += vote
    letters: dict[str, float] = defaultdict(float)
    for _, _, telling, _, _ in lines:
        for language in telling:
            letters[language] += _LETTER_VOTE
    for _ in range(sum(spaced for _, _, _, spaced, _ in lines)):
        letters["fr"] += _LETTER_VOTE
    for language, vote in letters.items():
        votes[language] += min(vote, _MAX_LETTER_VOTES)
    return dict(votes), sum(lower for *_, lower in lines)


@lru_cache(maxsize=LINE_CACHE)
def _line_scores(
    line: str,
) -> tuple[int, tuple[tuple[str, float], ...], tuple[str, ...], int, int]:
    """How often ``line`` spells e-mail the German way, the votes of its words, the language of
    each telling letter, its French spaces before punctuation, and how many words are not
    capitalised; once per distinct line (nothing counted spans a line break)."""
    line = _ADDRESS.sub(" ", line)
    votes: list[tuple[str, float]] = []
    spellings = 0
    if "E-Mail" in line:
        spellings = len(_GERMAN_SPELLING.findall(line))
        line = _GERMAN_SPELLING.sub("email", line)
    for word in _WORD.findall(normalize(line)):
        known = _VOTES.get(word)
        if known:
            votes.extend(known)
        elif ending := _ending(word):
            votes.append((ending, _SUFFIX_VOTE))
    telling = tuple(CHARS[char] for char in _LETTERS.findall(line.lower()))
    spaced = len(_FRENCH_SPACING.findall(line))
    return spellings, tuple(votes), telling, spaced, len(_LOWER_WORD.findall(line))


def detect(text: str) -> str:
    """One of ``LANGUAGES``, or "other" (another language, gibberish, no words at all)."""
    votes, words = scores(text)
    if not votes:
        return "other"
    # A tie goes to a note language: "de" is French, Spanish, Portuguese and Dutch alike, and a
    # note is likelier written in one of ours.
    best = max(votes, key=lambda language: (votes[language], language in LANGUAGES))
    if best not in LANGUAGES or votes[best] < _MIN_SHARE * words:
        return "other"
    return best

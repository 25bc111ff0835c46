"""Sentiment of a CRM note from hand-written cue lists, with negation, intensifiers and "but".

No multilingual sentiment model installs offline (docs: DESIGN.md), so each language has a
list of weighted cues (``lexicon_<lang>``): feelings and verdicts weigh most ("furious",
"ravi", "enttäuscht", "encantado"), facts that usually come with trouble or success weigh
little ("late", "résolu"). A negator flips the cues in the next few words of its clause
("pas satisfait", "no estoy contento"); "nicht" and "pas" also flip the cue just before them
("funktioniert nicht", "marche pas"). Intensifiers and diminishers scale the next cue; after a
"but" the rest of the sentence counts more. The sum decides. Names are not feelings: outside
German, capitalised words inside a sentence ("Claire", "Joy") are skipped, as are addresses.

>>> sentiment("Client pas satisfait du tout, colis en retard.", "fr")
'negative'
>>> sentiment("Renewal signed, customer very happy with the service.", "en")
'positive'
>>> sentiment("Rückruf am Montag, Angebot folgt.", "de")
'neutral'
"""

from __future__ import annotations

from functools import lru_cache

from c360.text.lexicon import BOUNDARIES, LINE_CACHE, tokens
from c360.text.lexicon_cues import (
    CONTRAST,
    CUE_LANGUAGES,
    NEGATE,
    NEGATE_AROUND,
    SCALE,
    SCALE_AROUND,
    Cues,
    cues,
)

SENTIMENTS = ("positive", "neutral", "negative")

THRESHOLD = 0.9
"""Score from which a note is positive (or, negated, negative)."""
NEGATION_REACH = 3
"""Words after a negator that it still flips."""
NEGATED_WEIGHT = -0.75
"""A negated cue counts this much of its weight, reversed: "not happy" is less than "unhappy"."""
_SENTENCE_ENDS = frozenset(".!?;\n")


def polarity(text: str, language: str) -> float:
    """Sum of the weighted cues of ``text``: above zero positive, below negative.

    A language without cue lists is scored with all of them.
    """
    languages = (language,) if language in CUE_LANGUAGES else CUE_LANGUAGES
    lines = text.split("\n")
    total = 0.0
    for lang in languages:
        score = 0.0
        for line in lines:
            for addend in _line_addends(line, lang):
                score += addend  # one by one, in text order, as a single pass would add them
        total += score
    return total


@lru_cache(maxsize=LINE_CACHE)
def _line_addends(line: str, language: str) -> tuple[float, ...]:
    """What each cue of ``line`` adds to the score, in order.

    A line break ends every negation, scaling and "but", so a line scores the same alone as in
    its text: scored once per distinct line, as notes repeat many ("Call back on Thursday.").
    """
    lexicons = cues(language)
    return tuple(_addends(tokens(line, names=lexicons.capitalised_nouns), lexicons))


def sentiment(text: str, language: str) -> str:
    """One of ``SENTIMENTS``: the sign of ``polarity`` once it passes ``THRESHOLD``."""
    score = polarity(text, language)
    if score >= THRESHOLD:
        return "positive"
    if score <= -THRESHOLD:
        return "negative"
    return "neutral"


def _addends(words: list[str], lexicons: Cues) -> list[float]:
    """What each cue of ``words`` adds to the score, in order: its weight, or the change a
    negator or scaler after it makes to it."""
    added: list[float] = []
    reach = 0  # words left that a negator still flips
    scale = 1.0  # intensifier or diminisher waiting for the next cue
    emphasis = 1.0  # after "but", until the sentence ends
    last: tuple[int, float, bool] | None = None  # end, contribution, negated
    # Most words open no cue and no modifier: known up front, they skip both look-ups.
    cue_opens = lexicons.sentiment.openers(words)
    modifier_opens = lexicons.modifiers.openers(words)
    i = 0
    while i < len(words):
        word = words[i]
        if word in BOUNDARIES:
            reach, scale, last = 0, 1.0, None
            if word in _SENTENCE_ENDS:
                emphasis = 1.0
            i += 1
            continue
        cue = lexicons.sentiment.match_at(words, i) if cue_opens[i] else None
        if cue is not None:
            value = cue.value * scale * emphasis
            negated = reach > 0 and not _negative_phrase(words, cue.start, lexicons)
            if negated:
                value *= NEGATED_WEIGHT
            added.append(value)
            last = (cue.end, value, negated)
            scale = 1.0
            i = cue.end
            continue
        modifier = lexicons.modifiers.match_at(words, i) if modifier_opens[i] else None
        if modifier is None:
            reach = max(reach - 1, 0)
            i += 1
            continue
        kind, factor = modifier.value
        if kind == NEGATE_AROUND and last is not None and not last[2] and i - last[0] <= 2:
            added.append(last[1] * (NEGATED_WEIGHT - 1))  # flip the cue just before
            last = (last[0], last[1] * NEGATED_WEIGHT, True)
        elif kind in (NEGATE, NEGATE_AROUND):
            reach = NEGATION_REACH
        elif kind == SCALE_AROUND and last is not None and i == last[0]:
            added.append(last[1] * (factor - 1))  # scale the cue just before
            last = (last[0], last[1] * factor, last[2])
        elif kind in (SCALE, SCALE_AROUND):
            scale = factor
        elif kind == CONTRAST:
            emphasis = factor
        i = modifier.end
    return added


def _negative_phrase(words: list[str], start: int, lexicons: Cues) -> bool:
    """Whether the cue at ``start`` opens with its own negator ("not fixed", "pas écouté")."""
    modifier = lexicons.modifiers.match_at(words, start)
    return modifier is not None and modifier.value[0] in (NEGATE, NEGATE_AROUND)

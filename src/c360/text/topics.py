"""Topic of a CRM note: strong and weak keyword cues per topic and language; the most votes win.

Each language lists, per topic, strong cues (words that name the topic: "invoice", "Kündigung",
"réclamation") and weak ones (words it often comes with: "amount", "Konkurrenz"). A note gets
one vote per strong cue and less per weak one; ties go to the topic listed first in ``TOPICS``
(the more specific before the more general), and a note with no cue at all is a
"product_inquiry", the most common kind of note.

>>> topic("Colis arrivé abîmé, le transporteur a perdu le bon de livraison.", "fr")
'delivery_issue'
>>> topic("Wants to cancel, says a competitor is cheaper.", "en")
'cancellation_risk'
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from c360.text.lexicon import LINE_CACHE, tokens
from c360.text.lexicon_cues import CUE_LANGUAGES, cues

TOPICS: tuple[str, ...] = (
    "cancellation_risk",
    "complaint",
    "renewal",
    "onboarding",
    "feature_request",
    "delivery_issue",
    "billing_question",
    "support_issue",
    "pricing_negotiation",
    "product_inquiry",
)
"""Seed 000's note topics, in the order that breaks ties."""

DEFAULT_TOPIC = "product_inquiry"


def topic_votes(text: str, language: str) -> dict[str, float]:
    """Votes per topic; a language without cue lists is scored with all of them."""
    languages = (language,) if language in CUE_LANGUAGES else CUE_LANGUAGES
    lines = text.split("\n")
    votes: dict[str, float] = defaultdict(float)
    for lang in languages:
        for line in lines:
            for name, weight in _line_votes(line, lang):
                votes[name] += weight
    return dict(votes)


@lru_cache(maxsize=LINE_CACHE)
def _line_votes(line: str, language: str) -> tuple[tuple[str, float], ...]:
    """The votes of each cue of ``line``, in order (no cue spans a line break: see
    ``LINE_CACHE``); once per distinct line."""
    lexicons = cues(language)
    words = tokens(line, names=lexicons.capitalised_nouns)
    return tuple(vote for match in lexicons.topics.matches(words) for vote in match.value)


def topic(text: str, language: str) -> str:
    """One of ``TOPICS``."""
    votes = topic_votes(text, language)
    if not votes:
        return DEFAULT_TOPIC
    best = max(votes.values())
    return next(name for name in TOPICS if votes.get(name, 0.0) > best - 1e-9)

"""One language's cue lists (``lexicon_<lang>`` modules) compiled once into lexicons.

A cue module defines NEGATORS, POST_NEGATORS (negate the cue just before them: "marche pas",
"funktioniert nicht"), INTENSIFIERS, POST_INTENSIFIERS (also scale the cue just before:
"pas content du tout"), DIMINISHERS, CONTRAST ("but": what follows counts more),
SENTIMENT (weight -> entries) and TOPICS (topic -> strong entries, weak entries), and may set
CAPITALISED_NOUNS (German: a capital inside a sentence does not mark a name).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import import_module

from c360.text.lexicon import Lexicon, entries, entry_words

CUE_LANGUAGES = ("fr", "en", "de", "es")

NEGATE = "negate"
NEGATE_AROUND = "negate_around"
SCALE = "scale"
SCALE_AROUND = "scale_around"
CONTRAST = "contrast"

INTENSIFIER_FACTOR = 1.5
DIMINISHER_FACTOR = 0.5
STRONG_TOPIC_CUE = 1.0
WEAK_TOPIC_CUE = 0.4

TopicVotes = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Cues:
    """Compiled lexicons of one language."""

    sentiment: Lexicon[float]
    modifiers: Lexicon[tuple[str, float]]
    topics: Lexicon[TopicVotes]
    topic_names: tuple[str, ...]
    capitalised_nouns: bool


def _unique(pairs: Sequence[tuple[str, object]], what: str) -> None:
    seen: set[str] = set()
    for entry, _ in pairs:
        if entry in seen:
            raise ValueError(f"{what}: {entry!r} listed twice")
        seen.add(entry)


@cache
def cues(language: str) -> Cues:
    """The compiled cues of ``language`` (one of ``CUE_LANGUAGES``)."""
    if language not in CUE_LANGUAGES:
        raise ValueError(f"no cue lists for language {language!r}")
    module = import_module(f"c360.text.lexicon_{language}")

    weights = [(e, w) for w, text in module.SENTIMENT.items() for e in entries(text)]
    _unique(weights, f"{language} sentiment")

    post = set(entries(module.POST_NEGATORS))
    modifiers: dict[str, tuple[str, float]] = {}
    for entry in entries(module.NEGATORS) + sorted(post):
        modifiers[entry] = (NEGATE_AROUND if entry in post else NEGATE, 0.0)
    for text, kind, factor in (
        (module.INTENSIFIERS, SCALE, INTENSIFIER_FACTOR),
        (module.POST_INTENSIFIERS, SCALE_AROUND, INTENSIFIER_FACTOR),
        (module.DIMINISHERS, SCALE, DIMINISHER_FACTOR),
        (module.CONTRAST, CONTRAST, INTENSIFIER_FACTOR),
    ):
        for entry in entries(text):
            if entry in modifiers:
                raise ValueError(f"{language} modifiers: {entry!r} listed twice")
            modifiers[entry] = (kind, factor)

    votes: dict[str, list[tuple[str, float]]] = {}  # one entry may vote for several topics
    spelling: dict[tuple[str, ...], str] = {}
    for topic, (strong, weak) in module.TOPICS.items():
        for text, weight in ((strong, STRONG_TOPIC_CUE), (weak, WEAK_TOPIC_CUE)):
            for entry in entries(text):
                entry = spelling.setdefault(entry_words(entry), entry)
                if any(t == topic for t, _ in votes.get(entry, ())):
                    raise ValueError(f"{language} topic {topic}: {entry!r} listed twice")
                votes.setdefault(entry, []).append((topic, weight))

    return Cues(
        sentiment=Lexicon(dict(weights)),
        modifiers=Lexicon(modifiers),
        topics=Lexicon({entry: tuple(v) for entry, v in votes.items()}),
        topic_names=tuple(module.TOPICS),
        capitalised_nouns=getattr(module, "CAPITALISED_NOUNS", False),
    )

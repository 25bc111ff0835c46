"""Scores computed line by line (and remembered per distinct line) equal those of one pass over
the whole text: nothing sentiment, topics, language detection or sentence splitting finds spans a
line break, and the floats are added in the same order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.text import language, summary
from c360.text.lexicon import tokens
from c360.text.lexicon_cues import CUE_LANGUAGES
from c360.text.sentiment import _line_addends, polarity
from c360.text.topics import _line_votes, topic_votes

# Cue words, negators, intensifiers, "but", titles, names, addresses, placeholders, case
# oddities (final sigma, dotted İ, "n't"), abbreviations and every kind of line end.
PIECES = st.sampled_from(
    [
        " ", " ", "\n", "\n\n", "\r\n", ".", ". ", "!", "?", ",", ";", "(", ")", "—", "\t",
        "not ", "n't ", "pas ", "nicht ", "no ", "very ", "très ", "sehr ", "muy ", "but ",
        "mais ", "aber ", "pero ", "happy", "satisfait", "zufrieden", "contento", "furious",
        "déçu", "enttäuscht", "late", "invoice", "facture", "Rechnung", "factura", "cancel",
        "résilier", "kündigen", "Druckerproblem", "let down", "Claire ", "Mme Roche ",
        "Herr Sauer ", "a@b.fr ", "[PERSON]", "[EMAIL] ", "www.x.de ", "approx. ", "z.B. ",
        "Ca. ", "p. ex. ", "M. ", "ΣΑΣ ", "İstanbul ", "ß", "ñ", "ç", "Über ", "12 ",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES | st.text(max_size=3), max_size=40).map("".join)


def _added(addends: tuple[float, ...]) -> float:
    score = 0.0
    for addend in addends:
        score += addend
    return score


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_polarity_line_by_line_is_that_of_the_whole_text(text: str) -> None:
    for lang in CUE_LANGUAGES:
        # `_line_addends` of the whole text: one pass, as before lines were scored apart.
        assert polarity(text, lang) == _added(_line_addends(text, lang))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_topic_votes_line_by_line_are_those_of_the_whole_text(text: str) -> None:
    for lang in CUE_LANGUAGES:
        whole: dict[str, float] = {}
        for name, weight in _line_votes(text, lang):
            whole[name] = whole.get(name, 0.0) + weight
        assert topic_votes(text, lang) == whole


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_language_scores_line_by_line_are_those_of_the_whole_text(text: str) -> None:
    # `_line_scores` of the whole text: one pass, as before lines were scored apart.
    spellings, words_votes, letters, spaced, lower = language._line_scores(text)
    word_votes = (("de", 1.0),) * spellings + words_votes
    telling = letters + ("fr",) * spaced
    votes: dict[str, float] = {}
    for lang, vote in word_votes:
        votes[lang] = votes.get(lang, 0.0) + vote
    letters: dict[str, float] = {}
    for lang in telling:
        letters[lang] = letters.get(lang, 0.0) + language._LETTER_VOTE
    for lang, vote in letters.items():
        votes[lang] = votes.get(lang, 0.0) + min(vote, language._MAX_LETTER_VOTES)
    found, words = language.scores(text)
    assert (list(found.items()), words) == (list(votes.items()), lower)


def _sentences_of_the_whole_text(text: str) -> list[tuple[int, int]]:
    """`summary.sentences` as one scan of the whole text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in summary._BOUNDARY.finditer(text):
        if "\n" not in m[0] and not summary._ends_sentence(text, start, m):
            continue
        summary._add(text, start, m.start() + len(m[0].rstrip()), spans)
        start = m.end()
    summary._add(text, start, len(text), spans)
    return spans


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentences_line_by_line_are_those_of_the_whole_text(text: str) -> None:
    assert summary.sentences(text) == _sentences_of_the_whole_text(text)


@pytest.mark.parametrize(
    "text",
    ["Not happy.\nVery happy!", "Ms Claire Roche n't\n\nok", "mail a@b.fr\r\nZufrieden, aber"],
)
def test_the_tokens_of_a_text_are_those_of_its_lines(text: str) -> None:
    for names in (True, False):
        by_line = [tokens(line, names=names) for line in text.split("\n")]
        joined = [t for i, words in enumerate(by_line) for t in (["\n"] if i else []) + words]
        assert tokens(text, names=names) == joined


def test_a_line_gives_its_addends_and_votes_in_order() -> None:
    assert _line_addends("Very happy.", "en") == (2.25,)
    assert _line_addends("Not happy, but fine.", "en") == (-1.125, 1.5)
    assert _line_addends("Le colis est arrivé en retard, pas content.", "fr") == (-0.4, -1.125)
    assert _line_votes("Invoice wrong, wants to cancel.", "en") == (
        ("billing_question", 1.0),
        ("cancellation_risk", 1.0),
    )
    votes = (("fr", 0.5), ("es", 0.5), ("fr", 0.5), ("es", 0.5), ("fr", 1.0))
    assert language._line_scores("Très bien, merci [EMAIL] a@b.fr") == (0, votes, ("fr",), 0, 2)
    spellings, _, letters, spaced, _ = language._line_scores("Meine E-Mail ? Über")
    assert (spellings, letters, spaced) == (1, ("de",), 1)
    assert summary._line_sentences("Approx. 20 units. Fine!  Ok") == ((0, 17), (18, 23), (25, 27))


def test_a_line_is_scored_once() -> None:
    _line_addends.cache_clear()
    polarity("Very happy.\nLate again.\nVery happy.", "en")
    assert _line_addends.cache_info().misses == 2


def test_sentence_features_are_read_once_per_sentence() -> None:
    summary._features.cache_clear()
    text = "Call back on Thursday.\nCall back on Thursday.\nPrice agreed. Call back on Thursday."
    summary.summarise(text, "en")
    assert summary._features.cache_info().misses == 2
    assert summary._features("Price not agreed, call back,") == summary._Features(
        distinct=("price", "agreed", "call", "back"),
        placeholders=0,
        capitalised=False,
        negation=True,
        commitment=True,
        short=False,
        dangling=True,
    )

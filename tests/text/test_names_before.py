"""What stands before (and right after) a capitalised word: titles, initials, cues, searched once
per distinct text before a word."""

from __future__ import annotations

import pytest

from c360.text import names_before as context
from c360.text import names_cues as cues
from c360.text.names_doc import Doc


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("call with ", (True, 0)),
        ("call with von der ", (True, 8)),
        ("gespräch mit von ", (True, 4)),
        ("anruf ", (True, 0)),  # a line opener
        ("the ", (False, 0)),
        ("", (False, 0)),
    ],
)
def test_cue_lead(before: str, expected: tuple[bool, int]) -> None:
    assert context.cue_lead(before) == expected


def test_the_searches_before_a_word() -> None:
    title = context.title_before("Rendez-vous avec Mme de ")
    assert title is not None and (title.group("title"), title.group("lead")) == ("Mme", "de ")
    assert context.title_before("Rendez-vous avec ") is None
    initials = context.initials_before("Call with J.-P. ")
    assert initials is not None and initials.group() == "J.-P. "
    assert context.initials_before("U.S. ") is None
    assert context.cue_before("spoke to ") and not context.cue_before("the ")
    assert context.greeting_before("hola ") and not context.greeting_before("hola amigo ")
    assert context.office_of_before("appel avec le bureau de ")
    assert not context.office_of_before("appel avec ")


def test_a_search_runs_once_per_distinct_text() -> None:
    context.cue_lead.cache_clear()
    for _ in range(3):
        context.cue_lead("spoke to ")
    assert context.cue_lead.cache_info().misses == 1


@pytest.mark.parametrize(
    ("text", "k", "expected"),
    [
        ("Call with Zorglub tomorrow.", 1, (True, 0)),
        ("Zorglub a rappelé ce matin.", 0, (True, 0)),  # a contact verb after the word
        ("Hola Lorena, gracias.", 1, (True, 0)),  # a greeting, the phrase ends
        ("Hola Lorena gracias.", 1, (False, 0)),
        ("Appel avec le bureau de Lyon.", 1, (False, 0)),
        ("Call with Łukasz Żółkiewski.", 2, (False, 0)),  # the cue was the first word's
        ("Gespräch mit von der Heide.", 1, (True, 8)),
    ],
)
def test_cued(text: str, k: int, expected: tuple[bool, int]) -> None:
    doc = Doc(text, None)
    assert context.cued(doc, k, doc.before(k).lower()) == expected


def test_a_title_that_is_a_word_counts_only_in_a_slavic_text() -> None:
    assert context.title(Doc("Rozmowa z panem Nowakiem.", "pl"), "Rozmowa z panem ") is not None
    assert context.title(Doc("Pan con tomate.", "es"), "Pan ") is None
    assert context.title(Doc("Met Mr Smith.", "en"), "Met Mr ") is not None


@pytest.mark.parametrize(
    "text",
    [
        "Haddad a rappelé.",
        "Haddad (h.haddad@x.fr) called",
        "Haddad, 2 jours.",
        "Haddad\nCalled",
        "Haddad  called",
        "Haddad",
        "Haddad CALLED back",
        "Иванов звонил",
        "Παπαδόπουλος κάλεσε",
        "Haddad 2 called",
    ],
)
def test_post_cue_answers_as_the_pattern_does(text: str) -> None:
    # The gate on the character after the word only skips the regex where it cannot match.
    for end in range(len(text) + 1):
        assert cues.post_cue(text, end) == (cues.POST_CUE.match(text, end) is not None)


def test_post_cue() -> None:
    assert cues.post_cue("Haddad a rappelé.", 6)
    assert cues.post_cue("Haddad (h.haddad@x.fr)", 6)
    assert not cues.post_cue("Haddad, 2 jours.", 6)
    assert not cues.post_cue("Haddad", 6)


def test_nothing_before_a_word_is_no_title_initials_or_cue() -> None:
    # A word opening a line skips these searches: each needs at least a character.
    assert context.title_before("") is None and context.initials_before("") is None
    assert context.cue_lead("") == (False, 0) and not context.cue_before("")
    assert not context.greeting_before("") and not context.office_of_before("")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zorglub a rappelé ce matin.", (True, 0)),  # a contact verb after the word
        ("Zorglub Petrovic called back.", (True, 0)),  # after the word's run
        ("Zorglub confirmed the order.", (False, 0)),
        ("Hola\nLorena, gracias.", (False, 0)),  # a greeting on the line before is none
        ("Call with\nZorglub tomorrow.", (False, 0)),
    ],
)
def test_a_word_opening_a_line_is_cued_only_after_it(text: str, expected: tuple[bool, int]) -> None:
    doc = Doc(text, None)
    k = 1 if "\n" in text else 0
    assert doc.before(k) == ""
    assert context.cued(doc, k, "") == expected


def test_post_cue_reads_no_further_than_its_reach() -> None:
    # A space, the longest cue and the character after it fit in the window remembered.
    import re._parser

    widest = re._parser.parse(cues.POST_CUE_WORDS, re.IGNORECASE).getwidth()[1]
    assert 1 + widest + 1 <= cues.POST_CUE_REACH
    for tail in ("", " ", "x", ".", "s back"):
        text = "Weber hat zurückgerufen" + tail
        assert cues.post_cue(text, 5) == (cues.POST_CUE.match(text, 5) is not None)


def test_place_opener_before() -> None:
    assert context.place_opener_before("Flew to San ")
    assert context.place_opener_before("Los ")
    assert not context.place_opener_before("Call with ")
    assert not context.place_opener_before("O'San ")  # a word's end, not "San"

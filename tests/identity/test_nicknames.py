"""The nickname table: which formal names a short form stands for, in each language it covers."""

from __future__ import annotations

import pytest

from c360.identity.nicknames import FORMS, NICKNAMES, SHORT_FORMS
from c360.identity.normalise import first_name_canonical, name_key


@pytest.mark.parametrize(
    ("short", "formal"),
    [
        # English
        ("kim", "kimberly"),
        ("ali", "alistair"),
        ("ali", "alison"),
        ("steve", "steven"),
        ("phil", "phillip"),
        ("jake", "jacob"),
        ("nate", "nathan"),
        # French
        ("alex", "alexandre"),
        ("phil", "philippe"),
        ("virgi", "virginie"),
        ("anne so", "anne sophie"),
        ("laeti", "laetitia"),
        ("vero", "veronique"),
        ("tim", "timothee"),
        # German
        ("franzi", "franziska"),
        ("nik", "niklas"),
        ("nik", "nikolaus"),
        ("phil", "philipp"),
        ("bene", "benedikt"),
        ("jo", "johannes"),
        ("rudi", "rudiger"),
        ("gitte", "brigitte"),
        # Spanish
        ("bea", "beatriz"),
        ("vero", "veronica"),
        ("bego", "begona"),
        ("fer", "fernando"),
        ("manu", "manuel"),
        ("joselu", "jose luis"),
        ("conchi", "concepcion"),
        ("anabel", "ana belen"),
        ("anabel", "ana isabel"),
        ("maica", "maria carmen"),
        ("leti", "leticia"),
    ],
)
def test_a_short_form_stands_for_its_formal_name(short: str, formal: str) -> None:
    assert formal in FORMS[short]


@pytest.mark.parametrize(
    ("short", "formal"),
    [("lisa", "elisabeth"), ("liesel", "elisabeth"), ("elli", "elisabeth"), ("fred", "frederick")],
)
def test_a_short_form_of_a_name_stands_for_its_other_spellings_too(short: str, formal: str) -> None:
    # Elisabeth is Elizabeth as German and French spell it: Lisa, Liesel, Elli are hers too.
    assert formal in FORMS[short]


def test_two_spellings_of_one_name_stand_for_each_other() -> None:
    # Neither gives way to the other in the profile, and matching reads them as one name.
    assert "elisabeth" in FORMS["elizabeth"] and "elizabeth" in FORMS["elisabeth"]
    assert first_name_canonical("Elisabeth") == first_name_canonical("Elizabeth") == "elizabeth"


@pytest.mark.parametrize(
    ("raw", "formal"),
    [
        # A short form with several formal names reads as the one listed first, as before.
        ("Alex", "alexander"),
        ("Steve", "stephen"),
        ("Phil", "philip"),
        ("Manu", "emmanuel"),
        # A new short form reads as its formal name; a formal name stays itself.
        ("Franzi", "franziska"),
        ("Joselu", "jose luis"),
        ("Bego", "begona"),
        ("Steven", "steven"),
        ("Alexandre", "alexandre"),
    ],
)
def test_matching_reads_one_formal_name_per_short_form(raw: str, formal: str) -> None:
    assert first_name_canonical(raw) == formal


def test_the_table_is_in_key_form_and_one_step_deep() -> None:
    names = {n for formal, short in SHORT_FORMS.items() for n in (formal, *short)}
    assert all(name_key(n) == n for n in names)
    assert all(name in forms for name, forms in FORMS.items())
    assert not set(NICKNAMES) & set(SHORT_FORMS)  # a formal name is never read as another
    assert not set(NICKNAMES) & set(NICKNAMES.values())

"""The over-merge guard's name and date tests."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from c360.identity.similarity import (
    dates_compatible,
    jaro_winkler,
    names_compatible,
    one_typo,
)


def test_jaro_winkler_known_values() -> None:
    assert jaro_winkler("martha", "marhta") == pytest.approx(0.9611, abs=1e-4)
    assert jaro_winkler("dixon", "dicksonx") == pytest.approx(0.8133, abs=1e-4)
    assert jaro_winkler("abc", "xyz") == 0.0
    assert jaro_winkler("", "abc") == 0.0


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        (("Bob", "Smith"), ("Robert", "Smith"), True),  # nickname
        (("Pepe", "García"), ("José", "Garcia"), True),
        (("J.", "Smith"), ("John", "Smith"), True),  # initial
        (("J. P.", "Martin"), ("Jean-Pierre", "Martin"), True),  # initials
        (("Chris", "Doe"), ("Christine", "Doe"), True),  # prefix
        (("Lauar", "Webb"), ("Laura", "Webb"), True),  # typo
        (("Webb", "Laura"), ("Laura", "Webb"), True),  # first and last swapped
        (("Laura", "Smith"), ("Laura", "Jones"), True),  # surnames change on marriage
        (("Emma", "Roy"), ("Olivia", "Roy"), False),  # twins
        (("Marc", "Roy"), ("Louise", "Roy"), False),  # household
        (("Webb", "Lara"), ("Laura", "Smith"), False),  # half a swap is no swap
        ((None, "Roy"), ("Emma", "Roy"), True),  # missing
        (("Emma", "Roy"), ("  ", None), True),
        (("Jonny", "Brown"), ("Jonathan", "Brown"), True),  # a short form both formal names share
        (("Toni", "Vila"), ("Antonia", "Vila"), True),  # one of several formal names
        (("Rbo", "Lopez"), ("Robert", "Lopez"), True),  # a typo in a nickname
        (("Uew", "Koch"), ("Uwe", "Koch"), True),  # neighbouring letters swapped
        (("Cem", "Roy"), ("Clemence", "Roy"), True),  # a letter dropped from a nickname
        (("JL", "Bertin"), ("Jean-Luc", "Bertin"), True),  # initials run together
        (("Javi", "Diaz"), ("Francisco Javier", "Diaz"), True),  # one of two given names
        (("Joerg", "Franz"), ("Jörg", "Franz"), True),  # umlaut written out
        (("Missy", "Hill"), ("Melissa", "Hill"), True),  # nicknames in common use
        (("Jochen", "Schulz"), ("Joachim", "Schulz"), True),
        (("Paca", "Lara"), ("Francisca", "Lara"), True),
        (("Malu", "Franz"), ("Marie-Luise", "Franz"), True),
        (("Thea", "Vogel"), ("Theresa", "Vogel"), True),
        (("Kevin", None), ("Owen", "Kevin"), True),  # swapped, the other half unknown
        (("Leo", "Roy"), ("Lea", "Roy"), False),  # short names a letter apart: siblings
        (("Emma", None), ("Owen", "Kevin"), False),
        (("Tony", "Roy"), ("Emma", "Roy"), False),
        (("Patrick", "Roy"), ("Patricia", "Roy"), False),  # a man's and a woman's form
        (("Daniel", "Roy"), ("Danielle", "Roy"), False),
        (("Paul", "Roy"), ("Paula", "Roy"), False),
        (("Jean", "Roy"), ("Jeanne", "Roy"), False),
        (("Francesco", "Roy"), ("Francesca", "Roy"), False),
        (("Carlos", "Roy"), ("Carla", "Roy"), False),
        (("José", "Roy"), ("Josefa", "Roy"), False),
        (("Mark", "Roy"), ("Mary", "Roy"), False),  # two listed names: not a slip of the finger
        (("Sarah", "Roy"), ("Sandra", "Roy"), False),  # ... nor close enough for Jaro-Winkler
        (("Nathan", "Roy"), ("Nathalie", "Roy"), False),
        (("Kathleen", "Roy"), ("Katherine", "Roy"), False),
        (("Catherine", "Roy"), ("Katherine", "Roy"), True),  # one name, spelt two ways
        (("Sara", "Roy"), ("Sarah", "Roy"), True),
        (("Matt", "Roy"), ("Mathieu", "Roy"), True),
        (("Michele", "Roy"), ("Michelle", "Roy"), True),
        (("Jum", "Roy"), ("James", "Roy"), True),  # a typo in a nickname: "Jim"
        (("Aba", "Roy"), ("Ana", "Roy"), True),  # a changed letter in a short name
        (("Hgo", "Roy"), ("Huog", "Roy"), True),  # two typos of "Hugo"
        (("Alxe", "Roy"), ("Alexandre", "Roy"), True),  # a typo in a short form
        (("Ingrdi", "Roy"), ("Igne", "Roy"), True),  # "Ingrid" and her "Inge", both misspelt
        (("Bil", "Roy"), ("William", "Roy"), True),
        (("Kaalle", None), ("Zimmermann", "Karl-Heinz"), True),  # swapped, a typo in a nickname
    ],
)
def test_names_compatible(
    a: tuple[str | None, str | None], b: tuple[str | None, str | None], compatible: bool
) -> None:
    assert names_compatible(*a, *b) is compatible
    assert names_compatible(*b, *a) is compatible


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        (date(1980, 5, 4), date(1980, 5, 4), True),
        (date(1980, 5, 4), date(1980, 4, 5), True),  # day and month swapped
        (date(1980, 5, 4), date(1981, 5, 4), True),  # one digit of the year
        (date(1980, 5, 14), date(1980, 5, 24), True),  # one digit of the day
        (date(1980, 5, 4), date(1980, 4, 6), False),
        (date(1980, 5, 4), date(1980, 5, 31), False),  # two digits of the day
        (date(1980, 5, 4), date(1981, 6, 4), False),  # two fields
        (date(1980, 5, 4), date(1990, 5, 4), True),
        (date(1980, 5, 4), date(1908, 5, 4), False),
        (date(1999, 5, 4), date(2000, 5, 4), True),  # a year slipped by one, or by ten,
        (date(1996, 5, 4), date(2006, 5, 4), True),  # however many digits it changes
        (date(1996, 5, 4), date(2016, 5, 4), False),
        (date(1999, 5, 4), date(2000, 5, 5), False),
        (date(1980, 5, 4), None, True),
        (None, None, True),
    ],
)
def test_dates_compatible(a: date | None, b: date | None, compatible: bool) -> None:
    assert dates_compatible(a, b) is compatible
    assert dates_compatible(b, a) is compatible


@given(st.dates(), st.dates())
def test_dates_compatible_is_symmetric(a: date, b: date) -> None:
    assert dates_compatible(a, b) == dates_compatible(b, a)


NAME = st.text("abjlmor .-", max_size=8) | st.none()


@given(NAME, NAME, NAME, NAME)
def test_names_compatible_is_symmetric(
    first_a: str | None, last_a: str | None, first_b: str | None, last_b: str | None
) -> None:
    forward = names_compatible(first_a, last_a, first_b, last_b)
    assert forward == names_compatible(first_b, last_b, first_a, last_a)


@pytest.mark.parametrize(
    ("a", "b", "typo"),
    [
        ("uwe", "uew", True),  # neighbours swapped
        ("chas", "chhas", True),  # a letter added
        ("clem", "cem", True),  # a letter dropped
        ("laura", "lauta", True),  # a letter changed in a longer name
        ("leo", "lea", False),  # ... but not in a three-letter one
        ("anna", "nina", False),
        ("rob", "robert", False),
    ],
)
def test_one_typo(a: str, b: str, typo: bool) -> None:
    assert one_typo(a, b) is typo
    assert one_typo(b, a) is typo

"""Addresses that open with a house number are searched from the text's first digit, and find
what a search of the whole text finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.text import pii_address
from c360.text.pii_address import find_addresses

FILLER = "Rappel prévu jeudi, pas de nouvelles.\n" * 20


class Counting:
    """A pattern that records how many characters each search is given."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.searched: list[int] = []

    def finditer(self, text: str, pos: int = 0) -> object:
        self.searched.append(len(text) - pos)
        return self.pattern.finditer(text, pos)


@pytest.mark.parametrize(
    ("name", "address"),
    [("_FRENCH", "12 bis rue de la Paix, 75002 Paris"), ("_ENGLISH", "221B Baker Street")],
)
def test_numbered_addresses_are_searched_from_the_first_digit(
    monkeypatch: pytest.MonkeyPatch, name: str, address: str
) -> None:
    counting = Counting(getattr(pii_address, name))
    monkeypatch.setattr(pii_address, name, counting)
    text = FILLER + "Livraison au " + address + "\n" + FILLER
    assert [text[a:b] for a, b in find_addresses(text)] == [address]
    assert list(find_addresses(FILLER)) == []
    assert counting.searched == [len(text) - text.index(address)]


PIECES = st.sampled_from(
    ["1", "12", "221B", "5", " ", ",", "\n", "a", "x", "rue", "Rue", "de", "la", "Paix", "75002",
     "Paris", "Baker", "Street", "St", "Main", "Apt", "4", "IL", "62704", "SW1A", "1AA", "-"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=24).map(" ".join) | st.lists(PIECES, max_size=24).map("".join))
def test_numbered_addresses_are_those_of_the_whole_text(text: str) -> None:
    whole = [
        *(m.span() for m in re.compile(pii_address._FR).finditer(text)),
        *(m.span() for m in re.compile(pii_address._EN).finditer(text)),
    ]
    assert [m.span() for m in pii_address._numbered_matches(text)] == whole

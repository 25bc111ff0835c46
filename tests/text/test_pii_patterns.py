"""Pattern PII searched only where it can be: e-mails on the lines holding an "@", numbers from
the first digit on. Each window finds what a search of the whole text finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.text import pii_patterns
from c360.text.pii_patterns import find_cards, find_emails, find_ibans, find_phones


class Counting:
    """A pattern that records how many characters each search is given."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.searched: list[int] = []

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> object:
        end = len(text) if endpos is None else endpos
        self.searched.append(end - pos)
        return self.pattern.finditer(text, pos, end)


FILLER = "Call back on Thursday, no news yet.\n" * 20


def test_e_mails_are_searched_only_on_the_lines_holding_an_at_sign(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counting = Counting(pii_patterns.EMAIL)
    monkeypatch.setattr(pii_patterns, "EMAIL", counting)
    line = "Mail: claire@example.fr, cc o'brien@exämple.de"
    text = FILLER + line + "\n" + FILLER
    assert [text[a:b] for a, b in find_emails(text)] == ["claire@example.fr", "o'brien@exämple.de"]
    assert list(find_emails(FILLER)) == []
    assert counting.searched == [len(line)]


@pytest.mark.parametrize(
    ("name", "find", "number"),
    [("_PHONE_CANDIDATE", lambda t: find_phones(t, "fr"), "+33 6 12 34 56 78"),
     ("_IBAN_CANDIDATE", find_ibans, "FR76 3000 6000 0112 3456 7890 189"),
     ("_CARD_CANDIDATE", find_cards, "4111 1111 1111 1111")],
)  # fmt: skip
def test_numbers_are_searched_from_the_first_digit(
    monkeypatch: pytest.MonkeyPatch, name: str, find: object, number: str
) -> None:
    counting = Counting(getattr(pii_patterns, name))
    monkeypatch.setattr(pii_patterns, name, counting)
    text = FILLER + "Ref " + number + "\n" + FILLER
    assert callable(find)
    assert [text[a:b] for a, b in find(text)] == [number]
    assert list(find(FILLER)) == []
    assert len(counting.searched) == 1  # one search, and none of the filler before the number
    assert len(text) - len(FILLER) - len("Ref +") <= counting.searched[0] <= len(text) - len(FILLER)


MAIL_PIECES = st.sampled_from(
    ["a", "É", "1", "_", ".", "+", "-", "'", "’", "@", "\n", " ", "x.fr", "xn--bcher-kva",
     "ex.co.uk", ".", "ñ", "(", "@b.de", "c@d.io"]
)  # fmt: skip
NUMBER_PIECES = st.sampled_from(
    ["0", "1", "4", "6", "9", "00", " ", "-", "+", "(", ")", "/", ".", ",", "€", "\n", "a", "De",
     "FR", "76", "4111 1111 1111 1111", "06 12 34 56 78", "#", "x", "(0)", " - ", "2024-03-01"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(MAIL_PIECES, max_size=30).map("".join))
def test_e_mails_are_those_of_the_whole_text(text: str) -> None:
    assert list(find_emails(text)) == [m.span() for m in pii_patterns.EMAIL.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(NUMBER_PIECES, max_size=30).map("".join))
def test_number_candidates_from_the_first_digit_are_those_of_the_whole_text(text: str) -> None:
    for pattern, before in [
        (pii_patterns._PHONE_CANDIDATE, 2),
        (pii_patterns._IBAN_CANDIDATE, 2),
        (pii_patterns._CARD_CANDIDATE, 0),
    ]:
        whole = [m.span() for m in pattern.finditer(text)]
        pos = pii_patterns._from_digit(text, before)
        assert ([] if pos is None else [m.span() for m in pattern.finditer(text, pos)]) == whole

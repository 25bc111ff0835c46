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
        (pii_patterns._PHONE_CANDIDATE, 3),
        (pii_patterns._IBAN_CANDIDATE, 2),
        (pii_patterns._CARD_CANDIDATE, 0),
    ]:
        whole = [m.span() for m in pattern.finditer(text)]
        pos = pii_patterns._from_digit(text, before)
        assert ([] if pos is None else [m.span() for m in pattern.finditer(text, pos)]) == whole


def spans(found: object, text: str) -> list[str]:
    assert not isinstance(found, str)
    return [text[a:b] for a, b in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("language", "number"),
    [("en", "0044 7700 900123"), ("en", "00447563851226"), ("en", "0033 6 12 34 56 78"),
     ("en", "0049 30 12345678"), ("fr", "001 617 588 1661"), ("de", "00 44 7700 900123"),
     (None, "0044 7700 900123"), ("en", "+ 44 7700 900123"), ("fr", "+ 33 6 12 34 56 78"),
     ("es", "+ (34) 612 34 56 78")],
)  # fmt: skip
def test_numbers_dialled_with_00_or_a_spaced_plus_are_phones_in_every_language(
    language: str | None, number: str
) -> None:
    text = f"new mobile {number} for later"
    assert spans(find_phones(text, language), text) == [number]


@pytest.mark.parametrize(
    "text",
    ["Score 3 + 4 = 7", "Total 120 + 1 500 000 €", "Stock 00 12 pieces", "Code 0012"],
)
def test_sums_and_short_zero_padded_numbers_are_no_phones(text: str) -> None:
    assert list(find_phones(text, "en")) == []


@pytest.mark.parametrize(
    "card",
    ["3714 496350 00003",  # American Express, 4-6-5
     "3714-496350-00003",
     "3056 930902 5904",  # Diners Club, 4-6-4
     "4970.1012.3400.0002",  # dots between the groups
     "4111.1111.1111.1111",
     "6759 6498 2643 8453",  # Maestro
     "6759649826438453",
     "6212 3456 7890 1232",  # UnionPay
     "6212 3456 7890 1234 569",  # 19 digits, 4-4-4-4-3
     "4111 1111 1111 1111 003",
     "6759 4111 0000 0008 264"],
)  # fmt: skip
def test_card_numbers_in_every_printed_grouping(card: str) -> None:
    text = f"Card on file {card}, exp 09/27."
    assert spans(find_cards(text), text) == [card]


@pytest.mark.parametrize(
    ("text", "card"),
    [("Karte 4111 1111 1111 1111 12/27 gültig", "4111 1111 1111 1111"),
     ("card 4111 1111 1111 1111 2 copies", "4111 1111 1111 1111")],
)  # fmt: skip
def test_a_card_number_followed_by_another_number_ends_at_its_last_group(
    text: str, card: str
) -> None:
    assert spans(find_cards(text), text) == [card]


@pytest.mark.parametrize(
    "text",
    ["Card on file 3714 496350 00004.",  # Luhn fails
     "Card on file 4970.1012.3400.0003.",
     "Order 2024.0301.1200.0001 shipped",
     "Paid 1.234.567,89 EUR on 2024.03.01",
     "Invoice 12.500.000 and 3.141.592.653",
     "Ref 1.4970.1012.3400.0002.7",  # part of a longer dotted number
     "Order 7012 345678 90123",  # no issuer
     "Serial 9999 9999 9999 9995"],
)  # fmt: skip
def test_order_numbers_dates_and_amounts_are_no_cards(text: str) -> None:
    assert list(find_cards(text)) == []


@pytest.mark.parametrize(
    "email", ["jreed@@yahoo.com", "JUSTINH69@@ICLOUD.COM", "christine.martin@@free.fr"]
)
def test_an_address_with_a_doubled_at_sign_is_an_e_mail(email: str) -> None:
    text = f"Mail: {email} (typo)"
    assert spans(find_emails(text), text) == [email]


@pytest.mark.parametrize("text", ["a @@ b.com", "@@example.com", "user@@@example.com"])
def test_at_signs_without_a_local_part_or_tripled_are_no_e_mail(text: str) -> None:
    assert list(find_emails(text)) == []


def test_a_zip_plus_4_code_after_its_state_is_no_phone() -> None:
    text = "Ship to 3 Main St, Boston, MA 02108-1234 today, tel 02108-1234"
    assert [(a, b) for a, b in find_phones(text, "en")] == [(len(text) - 10, len(text))]


# An address typed with a stray space beside the "@", or spelt out to dodge spam filters, still
# names the person.
@pytest.mark.parametrize(
    ("text", "email"),
    [("Mail: jreed @yahoo.com (typo)", "jreed @yahoo.com"),
     ("Mail: jreed@ yahoo.com (typo)", "jreed@ yahoo.com"),
     ("email me at john dot smith at gmail dot com", "john dot smith at gmail dot com"),
     ("Mail: jreed at yahoo dot com, please", "jreed at yahoo dot com"),
     ("écrire à marie.dupont at orange dot fr", "marie.dupont at orange dot fr"),
     ("Mail: j.reed [at] yahoo [dot] co [dot] uk", "j.reed [at] yahoo [dot] co [dot] uk"),
     ("Mail: jreed(at)gmx.de", "jreed(at)gmx.de"),
     ("Mail: jreed at gmail.com", "jreed at gmail.com")],
)  # fmt: skip
def test_an_address_with_a_stray_space_or_spelt_out_is_an_e_mail(text: str, email: str) -> None:
    assert spans(find_emails(text), text) == [email]


@pytest.mark.parametrize(
    "text",
    ["Meet at noon at the office.", "Logged in at booking.com yesterday.",
     "Follow us @brand on Twitter.", "Price at 20 dot something.", "Call @ 10 tomorrow.",
     "Will send the offer at once, may call back.", "Arrived at gmail.com's office.",
     "Sold 3 items @ shop.com today.", "Logged in at outlook.com again."],
)  # fmt: skip
def test_at_and_dot_in_ordinary_phrases_are_no_e_mail(text: str) -> None:
    assert spans(find_emails(text), text) == []

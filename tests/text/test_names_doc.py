"""The capitalised words a text's name rules look at."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.text import names_doc
from c360.text.names_doc import Doc
from c360.text.redact import redact

# The pattern as first written, a look-behind first: tried at every character of the text.
LOOK_BEHIND_FIRST = re.compile(
    rf"(?<![\w@-])(?:[OD]['’])?[{names_doc._UPPER}][^\W\d_]+(?:-[^\W\d_]+)*(?![\w@])"
)


def test_a_capitalised_word_is_looked_for_from_its_capital() -> None:
    # Opening with a class of capitals, the regex engine skips to the next capital.
    assert names_doc._WORD.pattern.startswith(f"[{names_doc._UPPER}]")
    doc = Doc("Appel de D'Almeida, O’Brien et Jean-Baptiste (x-Yves, @Marc, éLise) Ωmega", None)
    assert doc.words == ["Appel", "D'Almeida", "O’Brien", "Jean-Baptiste", "Ωmega"]


PIECES = st.sampled_from(
    ["O", "D", "L", "'", "’", "a", "é", "É", "Ω", "ж", "Ж", "-", "@", "_", "1", " ", "\n", ".",
     "Jean", "Brien", "x", "Ab"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_capitalised_words_are_those_of_the_look_behind_first_pattern(text: str) -> None:
    expected = [m.span() for m in LOOK_BEHIND_FIRST.finditer(text)]
    assert [m.span() for m in names_doc._WORD.finditer(text)] == expected


# A known given name in capitals right after a greeting, the phrase ending after it or after a
# surname, is a name, however short ("HI TOM,"): a greeting names whoever follows it. Not an
# acronym, a team or a role ("HI IT TEAM,", "DEAR CEO,"), nor a given name that is also a word
# ("HELLO SUMMER!").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "HI TOM, your order shipped.", "HI [PERSON], your order shipped."),
     ("en", "DEAR TOM,\nthanks for your order.", "DEAR [PERSON],\nthanks for your order."),
     ("en", "HELLO TOM", "HELLO [PERSON]"),
     ("en", "Hi TOM, thanks.", "Hi [PERSON], thanks."),
     ("en", "HI ANNA, your order shipped.", "HI [PERSON], your order shipped."),
     ("en", "DEAR TOM OKAFOR,\nthanks.", "DEAR [PERSON],\nthanks."),
     ("fr", "BONJOUR LÉO, merci pour la commande.", "BONJOUR [PERSON], merci pour la commande."),
     ("de", "HALLO UWE, danke für die Bestellung.", "HALLO [PERSON], danke für die Bestellung."),
     ("es", "HOLA ANA, gracias por el pedido.", "HOLA [PERSON], gracias por el pedido."),
     ("en", "HI IT TEAM, the printer is down.", "HI IT TEAM, the printer is down."),
     ("en", "HELLO HR,\nplease see attached.", "HELLO HR,\nplease see attached."),
     ("en", "DEAR CEO,", "DEAR CEO,"),
     ("fr", "BONJOUR SAV, colis abîmé.", "BONJOUR SAV, colis abîmé."),
     ("es", "HOLA RRHH", "HOLA RRHH"),
     ("en", "HELLO SUMMER! NEW ARRIVALS", "HELLO SUMMER! NEW ARRIVALS")],
)  # fmt: skip
def test_a_given_name_in_capitals_after_a_greeting_is_a_name(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


def test_a_short_given_name_after_a_greeting_may_be_a_name_where_an_acronym_may_not() -> None:
    doc = Doc("HI TOM, HELLO HR, DEAR CEO, HI IT TEAM,", "en")
    plain = [word for k, word in enumerate(doc.words) if doc.plain(k)]
    assert plain == ["TOM"]

"""A given name in capitals with no title before it: after a greeting."""

from __future__ import annotations

import pytest

from c360.text.names_doc import Doc
from c360.text.redact import redact


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
     ("en", "GOOD MORNING TOM, it left.", "GOOD MORNING [PERSON], it left."),
     ("de", "GUTEN MORGEN UWE, danke.", "GUTEN MORGEN [PERSON], danke."),
     ("es", "BUENAS TARDES ANA, gracias.", "BUENAS TARDES [PERSON], gracias."),
     ("en", "GOOD MORNING HR, see below.", "GOOD MORNING HR, see below."),
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

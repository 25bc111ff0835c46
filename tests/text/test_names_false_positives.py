"""Capitalised words that look like given names but name a thing, a place or a shop."""

import pytest

from c360.text.redact import redact


# A word in capitals and a comma (or a colon) opening a line is a label ("NOTE,", "SALE,"): a given
# name that is also a word after it opens the sentence and needs a verb, as at a sentence start.
# A word no surname is ("SALE", a heading noun) and a comma write no name surname first.
@pytest.mark.parametrize(
    ("text", "expected"),
    [("NOTE, Grace period ends Friday.", "NOTE, Grace period ends Friday."),
     ("SALE, Summer collection is out.", "SALE, Summer collection is out."),
     ("NOTE: Grace period ends Friday.", "NOTE: Grace period ends Friday."),
     ("NOTE, Grace called back.", "NOTE, [PERSON] called back."),
     ("SALE, Marie called.", "SALE, [PERSON] called."),
     ("SMITH, Grace called back.", "[PERSON] called back."),
     ("BROWN, Hope asked for a refund.", "[PERSON] asked for a refund."),
     ("SMITH, Grace", "[PERSON]"),
     ("URGENT, Marie a rappelé.", "URGENT, [PERSON] a rappelé.")],
)  # fmt: skip
def test_a_word_like_given_name_after_a_label_in_capitals_needs_a_verb(
    text: str, expected: str
) -> None:
    assert redact(text, "en")[0] == expected


# A given name after the word opening a place's name ("San Francisco", "Los Angeles") is the
# place's; after a capitalised word no list holds, a given name that is also a word ("Audio
# Jack") is part of a thing's name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [("Shipped to our San Francisco office.", "Shipped to our San Francisco office."),
     ("We visited San Francisco last week.", "We visited San Francisco last week."),
     ("San Francisco is sunny.", "San Francisco is sunny."),
     ("Flew to Los Angeles today.", "Flew to Los Angeles today."),
     ("The Audio Jack is loose.", "The Audio Jack is loose."),
     ("Replaced the broken Audio Jack yesterday.", "Replaced the broken Audio Jack yesterday."),
     ("Francisco called.", "[PERSON] called."),
     ("Spoke with Francisco in San Diego.", "Spoke with [PERSON] in San Diego."),
     ("Jack Smith called.", "[PERSON] called."),
     ("Spoke with Grace Kelly.", "Spoke with [PERSON]."),
     ("Tell Jack to call.", "Tell [PERSON] to call."),
     ("Olivia St. John called.", "[PERSON] called.")],
)  # fmt: skip
def test_a_given_name_in_a_place_or_a_thing_is_no_name(text: str, expected: str) -> None:
    assert redact(text, "en")[0] == expected


# A line in capitals naming a shop, an office or a branch after its place or owner ("TIENDA DE
# LEÓN CERRADA", "BUREAU DE LYON"): no person, though the word is a known name.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("es", "TIENDA DE LEÓN CERRADA", "TIENDA DE LEÓN CERRADA"),
     (None, "TIENDA DE LEÓN CERRADA", "TIENDA DE LEÓN CERRADA"),
     ("es", "OFICINA DE LEÓN CERRADA HOY", "OFICINA DE LEÓN CERRADA HOY"),
     ("es", "LLAMADA DE JUAN GARCÍA", "LLAMADA DE [PERSON]"),
     ("es", "Llamada de León García.", "Llamada de [PERSON]."),
     ("es", "Hablé con León García.", "Hablé con [PERSON].")],
)  # fmt: skip
def test_a_name_after_a_shop_word_in_capitals_is_the_shops(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# A label a note's line opens with ("Update:", "Note:", "FYI:"), in capitals, opens the sentence:
# a given name that is also a word after it is the word unless a verb of a person or a word for
# how a person feels follows it ("Hope is unhappy", "Grace is fed up", "Claire est ravie"), as at
# a sentence start. Capitalised, it does so only before a common noun ("Update: Grace period
# ends"). Other words before a colon ("Cliente:") are no such label: a name after them stays one.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Update: Hope is unhappy with the delivery.",
      "Update: [PERSON] is unhappy with the delivery."),
     ("en", "UPDATE: Hope is unhappy.", "UPDATE: [PERSON] is unhappy."),
     (None, "Update: Hope is unhappy.", "Update: [PERSON] is unhappy."),
     ("en", "Update: Mark is really upset about the fee.",
      "Update: [PERSON] is really upset about the fee."),
     ("en", "Hope is fed up, the product has been unusable for a week.",
      "[PERSON] is fed up, the product has been unusable for a week."),
     ("en", "Good news: it's planned for the autumn, Grace is delighted.",
      "Good news: it's planned for the autumn, [PERSON] is delighted."),
     ("fr", "Claire est ravie du résultat.", "[PERSON] est ravie du résultat."),
     ("es", "Rosa está muy contenta con el pedido.", "[PERSON] está muy contenta con el pedido."),
     ("en", "Update: Grace called back.", "Update: [PERSON] called back."),
     ("en", "Note: Grace Smith wants a refund.", "Note: [PERSON] wants a refund."),
     ("es", "Cliente: Rosa. Pasa por la tienda.", "Cliente: [PERSON]. Pasa por la tienda."),
     ("en", "Update: Grace period ends Friday.", "Update: Grace period ends Friday."),
     ("en", "FYI: Summer collection is out.", "FYI: Summer collection is out.")],
)  # fmt: skip
def test_a_word_like_given_name_after_a_label_is_a_name_by_the_words_after_it(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# After a capitalised label ("Update:", "Todo:", "Suivi:") a given name that is also a word is a
# person's but before a common noun ("Grace period", "Summer sale", "Summer collection"): "Hope to
# close", "Will call back" may be either, and are taken for a person.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Todo: Mark to send the invoice.", "Todo: [PERSON] to send the invoice."),
     ("en", "Note: Grace to confirm her size.", "Note: [PERSON] to confirm her size."),
     ("en", "Update: Hope to confirm the order.", "Update: [PERSON] to confirm the order."),
     ("en", "Update: Dawn is away until Monday.", "Update: [PERSON] is away until Monday."),
     ("en", "Update: Mark.", "Update: [PERSON]."),
     ("fr", "Suivi: Claire rappellera lundi.", "Suivi: [PERSON] rappellera lundi."),
     ("en", "Update: Hope to close by Friday.", "Update: [PERSON] to close by Friday."),
     ("en", "Update: Hope is fading, the deal looks lost.",
      "Update: [PERSON] is fading, the deal looks lost."),
     ("en", "Note: Will call back tomorrow.", "Note: [PERSON] call back tomorrow."),
     ("en", "Update: Summer sales are up.", "Update: Summer sales are up."),
     ("en", "Update: Summer sale starts Friday.", "Update: Summer sale starts Friday."),
     ("en", "NOTE: Hope to close by Friday.", "NOTE: [PERSON] to close by Friday.")],
)  # fmt: skip
def test_a_word_like_given_name_after_a_capitalised_label_is_a_name_but_before_a_noun(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# After a cue, a firm everyone knows ("Amazon", "Zalando", "DHL"), a word for a party a contact
# phrase takes ("Lieferant", "Hersteller", "Supplier"; German capitalises it) or a brand before
# a word for a product ("Nordhaus Doormat") names no person: at the end of the phrase too.
@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Call with Nordhaus Doormat"), ("en", "Call with Nordhaus Doormat."),
     ("en", "Spoke to Brightnest Lantern."), ("en", "Call with Velocita Kettlebell"),
     ("en", "Email from Amazon about the refund"), ("en", "Email from Amazon."),
     ("en", "Email from Zalando."), ("fr", "Mail de Cdiscount."), ("en", "Call with Supplier."),
     ("de", "Nachricht von Lieferant"), ("de", "Nachricht von Lieferant."),
     (None, "Nachricht von Lieferant"), ("de", "Rückruf von Hersteller."),
     ("de", "Mail von Lieferanten erhalten.")],
)  # fmt: skip
def test_a_firm_a_party_or_a_product_after_a_cue_is_no_name(
    language: str | None, text: str
) -> None:
    assert redact(text, language)[0] == text


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Call with Adaeze Okonkwo", "Call with [PERSON]"),
     ("en", "Email from Okafor about the refund", "Email from [PERSON] about the refund"),
     ("de", "Nachricht von Okonkwo", "Nachricht von [PERSON]"),
     ("de", "Nachricht von Schmidt", "Nachricht von [PERSON]"),
     ("en", "Call with Tom Hand.", "Call with [PERSON]."),
     ("en", "Spoke to Mr Post.", "Spoke to Mr [PERSON]."),
     # Surnames that are also a firm's name stay names: a leak costs more than a firm redacted.
     ("en", "Spoke with Santander about her refund.", "Spoke with [PERSON] about her refund."),
     ("de", "Anruf von Rossmann, möchte Rückerstattung.",
      "Anruf von [PERSON], möchte Rückerstattung."),
     ("en", "Call with Netto about delivery.", "Call with [PERSON] about delivery.")],
)  # fmt: skip
def test_a_person_after_a_cue_is_still_a_name(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected

"""Person names beside a verb: a to-do note's "Mark to send", a Spanish past verb in capitals."""

import pytest

from c360.text.redact import redact


# A given name that is also a word opening a sentence, a line or a bullet before "to" and a verb
# is the person a to-do note names ("Mark to send the invoice"), whatever stands before it; "Will"
# the auxiliary takes no "to", and "Rose to the occasion" no verb.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Mark to send the invoice.", "[PERSON] to send the invoice."),
     ("en", "Grace to confirm her size.", "[PERSON] to confirm her size."),
     ("en", "Will to call back Monday.", "[PERSON] to call back Monday."),
     ("en", "Hope to confirm the order.", "[PERSON] to confirm the order."),
     (None, "Hope to close by Friday.", "[PERSON] to close by Friday."),
     ("en", "Call went well.\nMark to send the invoice.",
      "Call went well.\n[PERSON] to send the invoice."),
     ("en", "Call went well. Mark to send the invoice.",
      "Call went well. [PERSON] to send the invoice."),
     ("en", "- Mark to send the invoice", "- [PERSON] to send the invoice"),
     ("en", "Next steps:\n- Grace to confirm her size\n- Will to call back",
      "Next steps:\n- [PERSON] to confirm her size\n- [PERSON] to call back"),
     ("en", "NOTE: Mark to send the invoice.", "NOTE: [PERSON] to send the invoice."),
     ("en", "Rose to the occasion.", "Rose to the occasion."),
     ("en", "Will do.", "Will do."),
     ("en", "Will call back tomorrow.", "Will call back tomorrow."),
     ("en", "Update: Grace period ends", "Update: Grace period ends"),
     ("en", "Grace period agreed, Hope to close by Friday.",
      "Grace period agreed, Hope to close by Friday.")],
)  # fmt: skip
def test_a_wordlike_given_name_opening_a_to_do_note_is_a_name(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# In capitals a word after a given name ending as a Spanish verb in the past does ("FIRMÓ",
# "RECIBIÓ") is the verb, not a surname, where a word follows it; a known surname stays one.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("es", "MARÍA FIRMÓ EL ALBARÁN", "[PERSON] FIRMÓ EL ALBARÁN"),
     (None, "MARÍA FIRMÓ EL ALBARÁN", "[PERSON] FIRMÓ EL ALBARÁN"),
     ("es", "MARÍA DEVOLVIÓ EL PEDIDO AYER", "[PERSON] DEVOLVIÓ EL PEDIDO AYER"),
     ("es", "MARÍA GARCÍA FIRMÓ EL ALBARÁN", "[PERSON] FIRMÓ EL ALBARÁN"),
     ("es", "JOSÉ LLAMÓ AYER", "[PERSON] LLAMÓ AYER"),
     ("es", "MARÍA GARCÍA FIRMÓ", "[PERSON] FIRMÓ")],
)  # fmt: skip
def test_a_spanish_past_verb_after_a_given_name_in_capitals_is_no_surname(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


@pytest.mark.parametrize(
    "text",
    ["Hope to hear from you soon.", "Hope to see you at the store.", "Hope to speak with you.",
     "Thanks again.\nHope to hear from you."],
)  # fmt: skip
def test_a_letters_closing_hope_is_a_word(text: str) -> None:
    assert redact(text, "en")[0] == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Mark ordered a new sofa.", "[PERSON] ordered a new sofa."),
     ("Grace will pick up the sofa.", "[PERSON] will pick up the sofa."),
     ("Hope paid by card.", "[PERSON] paid by card."),
     ("Grace period will be extended.", "Grace period will be extended."),
     ("Will do.", "Will do."),
     ("Hope will be restored.", "Hope will be restored.")],
)  # fmt: skip
def test_a_wordlike_given_name_before_what_a_person_did_or_will_do_is_a_name(
    text: str, expected: str
) -> None:
    assert redact(text, "en")[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Rose wants a refund.", "[PERSON] wants a refund."),
     ("Florence called back.", "[PERSON] called back."),
     ("Victoria complained about the delay.", "[PERSON] complained about the delay."),
     ("We ship to Paris.", "We ship to Paris."),
     ("Rose Garden package.", "Rose Garden package.")],
)  # fmt: skip
def test_a_given_name_that_is_also_a_place_or_a_word_before_what_a_person_does_is_a_name(
    text: str, expected: str
) -> None:
    assert redact(text, "en")[0] == expected

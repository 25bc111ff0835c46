"""Names in capitals joined by "AND", a sign-off and a name on one line or in capitals, and the
German verbs of contact after a name in capitals, maybe after an adverb."""

from __future__ import annotations

import pytest

from c360.text.redact import redact


# Two names joined by "AND" ("UND", "ET", "Y", "&") in capitals are both names, as in mixed case
# ("Hi Tom and Anna,"): a known given name no word shares beside a name in capitals is one too.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("de", "MIT TOM UND ANNA TELEFONIERT", "MIT [PERSON] UND [PERSON] TELEFONIERT"),
     ("en", "HI TOM AND ANNA,", "HI [PERSON] AND [PERSON],"),
     ("en", "Hi Tom and Anna,", "Hi [PERSON] and [PERSON],"),
     ("en", "CALLED TOM & ANNA OKAFOR", "CALLED [PERSON] & [PERSON]"),
     ("en", "Called Tom & Anna Okafor", "Called [PERSON] & [PERSON]"),
     ("en", "HI TOM AND AMY,", "HI [PERSON] AND [PERSON],"),
     ("en", "MET HANNAH AND TOM AT THE STORE", "MET [PERSON] AND [PERSON] AT THE STORE"),
     ("fr", "APPEL AVEC LÉO ET CHLOÉ CE MATIN", "APPEL AVEC [PERSON] ET [PERSON] CE MATIN"),
     ("es", "HABLÉ CON LUIS Y LUCÍA AYER", "HABLÉ CON [PERSON] Y [PERSON] AYER")],
)  # fmt: skip
def test_names_joined_by_and_in_capitals_are_both_redacted(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# ... not words joined so that no list takes for a name, nor a given name that is also a word.
@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "HELLO HR AND IT,"),
     ("en", "SALES AND MARKETING MEETING"),
     ("en", "HELLO SUMMER AND WELCOME!"),
     ("en", "SUMMER AND WINTER COLLECTION"),
     ("en", "MARK AND SWEEP DONE"),
     ("de", "MIT LIEFERANT UND SPEDITEUR TELEFONIERT")],
)  # fmt: skip
def test_words_joined_by_and_in_capitals_are_not_redacted(language: str, text: str) -> None:
    assert redact(text, language)[0] == text


# A sign-off and a given name on one line sign the message as the two lines do ("Cheers,
# Rose"), and so do a sign-off and a given name in capitals ("CHEERS,\nROSE").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Thanks for the update.\n\nCheers, Rose", "Thanks for the update.\n\nCheers, [PERSON]"),
     ("en", "See you Monday.\nBest, Tom", "See you Monday.\nBest, [PERSON]"),
     ("es", "Nos vemos.\nSaludos, Paloma", "Nos vemos.\nSaludos, [PERSON]"),
     ("en", "Talk soon.\nThanks, Grace\n", "Talk soon.\nThanks, [PERSON]\n"),
     ("en", "Cheers, Rose Okafor", "Cheers, [PERSON]"),
     ("en", "Best, Mark | Lumavo", "Best, [PERSON] | Lumavo"),
     ("fr", "Merci, Claire", "Merci, [PERSON]"),
     ("en", "THANKS FOR THE UPDATE.\nCHEERS,\nROSE", "THANKS FOR THE UPDATE.\nCHEERS,\n[PERSON]"),
     ("en", "PLEASE CALL.\nTHANKS,\nTOM", "PLEASE CALL.\nTHANKS,\n[PERSON]"),
     ("en", "THANKS,\nTOM OKAFOR", "THANKS,\n[PERSON]"),
     ("en", "CHEERS, ROSE", "CHEERS, [PERSON]"),
     ("en", "THANKS, HANNAH", "THANKS, [PERSON]"),
     ("de", "VIELE GRÜSSE\nGRIT", "VIELE GRÜSSE\n[PERSON]")],
)  # fmt: skip
def test_a_given_name_signing_on_the_sign_off_line_or_in_capitals_is_redacted(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# ... not a team, a service, a heading or a sign-off alone, nor a given name that is a word in a
# sentence going on after it.
@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "HELLO SUMMER!"),
     ("en", "Summer Sale"),
     ("en", "Thanks,\nSupport team"),
     ("en", "Grace period ends"),
     ("en", "Thanks for the order.\nBest regards"),
     ("en", "See you.\nCheers, team"),
     ("en", "Thanks, everyone"),
     ("en", "Best, The Lumavo Team"),
     ("en", "Thanks, Support team"),
     ("en", "Cheers, Summer Sale team"),
     ("en", "Best, Summer Sale starts Monday"),
     ("en", "Cheers, Summer Collection"),
     ("en", "THANKS,\nSUPPORT TEAM"),
     ("en", "CHEERS,\nTHE TEAM"),
     ("en", "BEST REGARDS"),
     ("en", "THANKS,\nSUMMER SALE"),
     ("en", "BEST, SUMMER COLLECTION")],
)  # fmt: skip
def test_sign_offs_before_no_name_are_not_redacted(language: str, text: str) -> None:
    assert redact(text, language)[0] == text


# German verbs of getting in touch or agreeing after a name in capitals and "MIT" make it a
# person as "TELEFONIERT" does, and so does one of them after an adverb ("KURZ", "HEUTE").
@pytest.mark.parametrize(
    ("text", "expected"),
    [("MIT OKONKWO GESCHRIEBEN", "MIT [PERSON] GESCHRIEBEN"),
     ("MIT OKONKWO ABGESPROCHEN", "MIT [PERSON] ABGESPROCHEN"),
     ("MIT OKONKWO VEREINBART", "MIT [PERSON] VEREINBART"),
     ("MIT OKONKWO GESPROCHEN", "MIT [PERSON] GESPROCHEN"),
     ("MIT OKONKWO BESPROCHEN", "MIT [PERSON] BESPROCHEN"),
     ("MIT TOM ABGESTIMMT", "MIT [PERSON] ABGESTIMMT"),
     ("MIT TOM GESCHRIEBEN", "MIT [PERSON] GESCHRIEBEN"),
     ("MIT TOM ABGESPROCHEN", "MIT [PERSON] ABGESPROCHEN"),
     ("MIT TOM VEREINBART", "MIT [PERSON] VEREINBART"),
     ("MIT OKONKWO KURZ TELEFONIERT", "MIT [PERSON] KURZ TELEFONIERT"),
     ("MIT TOM HEUTE GESPROCHEN", "MIT [PERSON] HEUTE GESPROCHEN"),
     ("MIT TOM OKONKWO KURZ TELEFONIERT", "MIT [PERSON] KURZ TELEFONIERT"),
     ("HABE MIT OKONKWO NOCHMAL TELEFONIERT.", "HABE MIT [PERSON] NOCHMAL TELEFONIERT."),
     ("MIT OKONKWO HEUTE ABGESPROCHEN, ALLES OK", "MIT [PERSON] HEUTE ABGESPROCHEN, ALLES OK"),
     ("Mit Tom kurz telefoniert.", "Mit [PERSON] kurz telefoniert.")],
)  # fmt: skip
def test_a_name_before_a_german_verb_of_contact_in_capitals_is_redacted(
    text: str, expected: str
) -> None:
    assert redact(text, "de")[0] == expected


# ... not a body, a firm, a place or a thing there.
@pytest.mark.parametrize(
    "text",
    [
        "MIT POLIZEI TELEFONIERT",
        "MIT ARZT TELEFONIERT",
        "MIT TELEKOM TELEFONIERT",
        "MIT BERLIN TELEFONIERT",
        "MIT POLIZEI KURZ TELEFONIERT",
        "MIT ARZT HEUTE GESPROCHEN",
        "MIT TELEKOM GESCHRIEBEN",
        "MIT BERLIN VEREINBART",
        "MIT POLIZEI ABGESPROCHEN",
        "MIT LIEFERANT KURZ TELEFONIERT",
        "MIT BUCHHALTUNG ABGESPROCHEN",
        "RATENZAHLUNG MIT KUNDE VEREINBART",
        "ERSTATTUNG MIT GUTSCHRIFT VEREINBART",
        "MIT KUGELSCHREIBER GESCHRIEBEN",
    ],
)
def test_things_before_a_german_verb_of_contact_in_capitals_are_not_redacted(text: str) -> None:
    assert redact(text, "de")[0] == text


# A given name that is also an English word ("Summer", "Grace") opening a clause after a comma is
# the word before a heading's or a product's noun ("Thanks, Grace period ends"); otherwise a
# name, as privacy would have it ("Hi team, Grace left a voicemail"; "Sadly, Summer is here"
# is redacted too). A department after a capitalised "Customer" is no one ("Customer Care").
@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Thanks, Grace period ends Monday"),
     ("en", "FYI, Summer collection is out"),
     ("en", "Thanks, Customer Care"),
     ("en", "Please contact Customer Care."),
     ("en", "Thanks, Customer Success")],
)  # fmt: skip
def test_a_word_opening_a_clause_after_a_comma_is_not_redacted(
    language: str | None, text: str
) -> None:
    assert redact(text, language)[0] == text


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Thanks, Grace!", "Thanks, [PERSON]!"),
     ("en", "Sorry, Grace, I missed it", "Sorry, [PERSON], I missed it"),
     ("en", "Cheers, Rose", "Cheers, [PERSON]"),
     ("en", "Thanks, Grace", "Thanks, [PERSON]"),
     ("en", "Sadly, Grace called back", "Sadly, [PERSON] called back"),
     ("en", "Well, Rose wants a refund.", "Well, [PERSON] wants a refund."),
     ("en", "Sadly, Summer Smith cancelled.", "Sadly, [PERSON] cancelled."),
     ("en", "Luckily, Hope is delighted.", "Luckily, [PERSON] is delighted."),
     ("en", "After the call, Mark sent the contract.",
      "After the call, [PERSON] sent the contract."),
     ("en", "Hi team, Grace left a voicemail.", "Hi team, [PERSON] left a voicemail."),
     ("en", "Ticket reopened; Amber still cannot log in.",
      "Ticket reopened; [PERSON] still cannot log in."),
     ("en", "Attendees: Tom, Grace.", "Attendees: [PERSON], [PERSON]."),
     (None, "As discussed, Frank handles the return.",
      "As discussed, [PERSON] handles the return."),
     ("en", "Sadly, Summer is here", "Sadly, [PERSON] is here"),
     ("fr", "Merci, Rose est passée hier.", "Merci, [PERSON] est passée hier."),
     ("es", "Por cierto, Pilar envió el contrato.", "Por cierto, [PERSON] envió el contrato.")],
)  # fmt: skip
def test_a_given_name_opening_a_clause_after_a_comma_is_redacted(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# A known given name in capitals opening a sentence before a verb of getting in touch or of what
# a person says is a name, though the sentence is short ("HANNAH CALLED"), also joined to another
# name by "AND" ("HANNAH AND TOM CALLED").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "HANNAH CALLED", "[PERSON] CALLED"),
     ("en", "HANNAH RANG", "[PERSON] RANG"),
     ("en", "HANNAH EMAILED", "[PERSON] EMAILED"),
     ("en", "HANNAH WROTE", "[PERSON] WROTE"),
     ("en", "HANNAH SAID YES", "[PERSON] SAID YES"),
     ("en", "ORDER SHIPPED.\nHANNAH CALLED.", "ORDER SHIPPED.\n[PERSON] CALLED."),
     ("en", "Order shipped. HANNAH CALLED", "Order shipped. [PERSON] CALLED"),
     ("en", "HANNAH AND TOM CALLED", "[PERSON] AND [PERSON] CALLED")],
)  # fmt: skip
def test_a_given_name_in_capitals_before_a_contact_verb_is_redacted(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


def test_a_given_name_joined_to_max_before_a_contact_verb_is_redacted() -> None:
    # "MAX" is a product's word too ("PRO MAX"), but not joined to a name by "AND": "HANNAH"
    # beside it is no firm, and "MAX" is a name too.
    assert redact("HANNAH AND MAX CALLED", "en")[0] == "[PERSON] AND [PERSON] CALLED"


# ... not an acronym, a month, a word or a place there.
@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "HR CALLED"),
     ("en", "MAY CALLED"),
     ("en", "SUMMER CALLED"),
     ("en", "WILL CALL"),
     ("en", "PARIS CALLED"),
     ("en", "MAY 2024 INVOICE"),
     ("en", "HR AND IT"),
     ("en", "SALES AND MARKETING"),
     ("en", "HELLO SUMMER!")],
)  # fmt: skip
def test_words_in_capitals_before_a_contact_verb_are_not_redacted(language: str, text: str) -> None:
    assert redact(text, language)[0] == text


# Two words no list holds between "MIT" and a German verb of talking or writing, in capitals, are
# a name as one is ("MIT ADAEZE OKONKWO TELEFONIERT"); not a thing, a body or an adjective and a
# noun, nor two words before a verb of agreeing, which takes things ("MIT SKONTO ABZUG VEREINBART").
@pytest.mark.parametrize(
    ("text", "expected"),
    [("MIT ADAEZE OKONKWO TELEFONIERT", "MIT [PERSON] TELEFONIERT"),
     ("MIT ADAEZE OKONKWO KURZ TELEFONIERT", "MIT [PERSON] KURZ TELEFONIERT"),
     ("HABE MIT ADAEZE OKONKWO GESPROCHEN.", "HABE MIT [PERSON] GESPROCHEN."),
     ("MIT ADAEZE OKONKWO GESCHRIEBEN, ALLES OK", "MIT [PERSON] GESCHRIEBEN, ALLES OK")],
)  # fmt: skip
def test_two_unknown_words_before_a_german_verb_of_talking_are_redacted(
    text: str, expected: str
) -> None:
    assert redact(text, "de")[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "MIT POLIZEI BERLIN TELEFONIERT",
        "MIT ARZT PRAXIS TELEFONIERT",
        "MIT TELEKOM HOTLINE TELEFONIERT",
        "MIT VOLLER GUTSCHRIFT VEREINBART",
        "MIT GERINGEM AUFPREIS VEREINBART",
        "MIT NEUEM LIEFERANTEN GESPROCHEN",
        "MIT DER POLIZEI TELEFONIERT",
        "MIT SKONTO ABZUG VEREINBART",
        "MIT FESTPREIS PAKET VEREINBART",
        "ERSTATTUNG MIT GUTSCHRIFT VEREINBART",
    ],
)
def test_two_words_for_things_before_a_german_verb_of_talking_are_not_redacted(text: str) -> None:
    assert redact(text, "de")[0] == text


# A given name in capitals joined by "and" or "und" to a given name in mixed case is a name, as
# two in capitals are ("Anna und TOM", "Tom and ANNA").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("de", "Anna und TOM", "[PERSON] und [PERSON]"),
     ("en", "Tom and ANNA", "[PERSON] and [PERSON]"),
     ("en", "Thanks Tom and ANNA!", "Thanks [PERSON] and [PERSON]!"),
     ("de", "Mit Anna und TOM telefoniert", "Mit [PERSON] und [PERSON] telefoniert")],
)  # fmt: skip
def test_a_given_name_in_capitals_joined_to_one_in_mixed_case_is_redacted(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Tom and IT", "[PERSON] and IT"),
     ("en", "Sales and HR", "Sales and HR"),
     ("en", "Summer and TOMMY", "Summer and TOMMY")],
)  # fmt: skip
def test_words_in_capitals_joined_to_mixed_case_are_not_redacted(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected

"""Names of Germany, Austria and German-speaking Switzerland, and the German words they resemble."""

import pytest

from c360.text.redact import redact


# Given names and surnames of every generation there, North German "-sen" names, Swiss and
# Austrian surnames and spellings without umlauts are names wherever they stand.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("de", "Bärbel Seidel war im Laden, wir haben uns kurz unterhalten.",
      "[PERSON] war im Laden, wir haben uns kurz unterhalten."),
     ("de", "Auf Lastschrift umgestellt, für Bärbel viel einfacher.",
      "Auf Lastschrift umgestellt, für [PERSON] viel einfacher."),
     ("de", "Einigung bei 1.500 €, Sönke Petersen unterschreibt am Donnerstag.",
      "Einigung bei 1.500 €, [PERSON] unterschreibt am Donnerstag."),
     ("de", "Videocall mit Petersen heute Vormittag, ca. eine halbe Stunde.",
      "Videocall mit [PERSON] heute Vormittag, ca. eine halbe Stunde."),
     ("de", "Die Unterlagen gehen heute an Pichler, die Rechnung an Dreyer.",
      "Die Unterlagen gehen heute an [PERSON], die Rechnung an [PERSON]."),
     ("de", "Rahel Zbinden bedankt sich für die schnelle Gutschrift.",
      "[PERSON] bedankt sich für die schnelle Gutschrift."),
     ("de", "Juergen Schroeder ist mit dem Tempo zufrieden, Uschi auch.",
      "[PERSON] ist mit dem Tempo zufrieden, [PERSON] auch."),
     ("en", "Spoke to Urs Widmer about the Zurich delivery.",
      "Spoke to [PERSON] about the Zurich delivery.")],
)  # fmt: skip
def test_german_speaking_names_are_redacted(language: str, text: str, expected: str) -> None:
    assert redact(text, language)[0] == expected


# Surnames that are also German nouns or adjectives ("Zimmer", "Sturm", "Bücher" as "Bucher")
# need support; given names that are also words ("Till", "Mira", "Jolie") are words where a
# sentence opens with them.
@pytest.mark.parametrize(
    ("language", "text"),
    [("de", "Gutschein für Bücher und Spielwaren eingelöst."),
     ("de", "Paket kam bei Sturm und Regen völlig durchnässt an."),
     ("de", "Bestätigung für Zimmer 12 und Zimmer 14 ist raus."),
     ("de", "Schade, dass die Lieferung erst im Herbst kommt."),
     ("de", "Lassen Sie uns nächste Woche telefonieren, wir danken Ihnen."),
     ("en", "Till next week, the order stays on hold."),
     ("es", "Mira, el pedido llegó roto otra vez."),
     ("fr", "Jolie boutique, mais la livraison a traîné.")],
)  # fmt: skip
def test_german_words_like_names_are_not_redacted(language: str, text: str) -> None:
    assert redact(text, language)[0] == text


# A German note on a call or a talk names the person after "mit", the verb at the end or
# before it, in capitals or not ("MIT TOM MÜLLER TELEFONIERT", "Telefoniert mit Okonkwo").
@pytest.mark.parametrize(
    ("text", "expected"),
    [("MIT TOM MÜLLER TELEFONIERT", "MIT [PERSON] TELEFONIERT"),
     ("Mit Tom Müller telefoniert", "Mit [PERSON] telefoniert"),
     ("Habe mit Frau Weber gesprochen", "Habe mit Frau [PERSON] gesprochen"),
     ("HABE MIT FRAU WEBER GESPROCHEN", "HABE MIT FRAU [PERSON] GESPROCHEN"),
     ("Mit Tom Okonkwo telefoniert.", "Mit [PERSON] telefoniert."),
     ("Habe mit Jana gesprochen.", "Habe mit [PERSON] gesprochen."),
     ("MIT WEBER GESPROCHEN", "MIT [PERSON] GESPROCHEN"),
     ("Heute mit WEBER telefoniert, Gutschrift kommt.",
      "Heute mit [PERSON] telefoniert, Gutschrift kommt."),
     ("Telefoniert mit Okonkwo, sie wartet auf die Gutschrift.",
      "Telefoniert mit [PERSON], sie wartet auf die Gutschrift."),
     ("Gesprochen mit Tom Okonkwo wegen der Rechnung.",
      "Gesprochen mit [PERSON] wegen der Rechnung."),
     ("TELEFONIERT MIT WEBER", "TELEFONIERT MIT [PERSON]"),
     ("TELEFONIERT MIT TOM OKONKWO", "TELEFONIERT MIT [PERSON]"),
     ("TELEFONIERT MIT OKONKWO, GUTSCHRIFT KOMMT", "TELEFONIERT MIT [PERSON], GUTSCHRIFT KOMMT")],
)  # fmt: skip
def test_a_person_after_mit_in_a_german_contact_phrase_is_redacted(
    text: str, expected: str
) -> None:
    assert redact(text, "de")[0] == expected


# German capitalises its nouns: a lone word no list holds between "mit" and the verb is a thing
# or a department as often ("mit Lieferant telefoniert"), and what one talks about is none.
@pytest.mark.parametrize(
    "text",
    [
        "Habe mit Technik gesprochen.",
        "Mit Lieferant telefoniert, Ware kommt Montag.",
        "Mit dem Lager telefoniert.",
        "MIT BUCHHALTUNG TELEFONIERT",
        "HABE MIT KUNDE GESPROCHEN",
        "Wir haben über Preis und Lieferung gesprochen.",
        "MIT KREDITKARTE BEZAHLT",
        "TELEFONIERT MIT BUCHHALTUNG",
    ],
)
def test_things_after_mit_in_a_german_contact_phrase_are_not_redacted(text: str) -> None:
    assert redact(text, "de")[0] == text


# In capitals German's verb last makes the cue a short given name or a surname no list holds
# needs: "mit" before the name, a verb of talking right after it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [("MIT TOM OKONKWO TELEFONIERT", "MIT [PERSON] TELEFONIERT"),
     ("MIT TOM TELEFONIERT", "MIT [PERSON] TELEFONIERT"),
     ("MIT TOM GESPROCHEN", "MIT [PERSON] GESPROCHEN"),
     ("HABE MIT OKONKWO TELEFONIERT", "HABE MIT [PERSON] TELEFONIERT"),
     ("HEUTE MIT BEN GESPROCHEN, ALLES OK", "HEUTE MIT [PERSON] GESPROCHEN, ALLES OK"),
     ("MIT TOM OKONKWO GECHATTET.", "MIT [PERSON] GECHATTET."),
     ("KUNDIN RIEF AN. MIT OKONKWO GEREDET", "KUNDIN RIEF AN. MIT [PERSON] GEREDET"),
     ("MIT FRAU WEBER TELEFONIERT", "MIT FRAU [PERSON] TELEFONIERT"),
     ("MIT HERRN OTTO TELEFONIERT", "MIT HERRN [PERSON] TELEFONIERT"),
     ("MIT OKONKWO TELEFONIERT WEGEN RECHNUNG", "MIT [PERSON] TELEFONIERT WEGEN RECHNUNG"),
     ("MIT OKONKWO TELEFONIERT ALLES OK", "MIT [PERSON] TELEFONIERT ALLES OK")],
)  # fmt: skip
def test_a_short_or_unknown_name_between_mit_and_the_verb_in_capitals_is_redacted(
    text: str, expected: str
) -> None:
    assert redact(text, "de")[0] == expected


# ... unless the word is one a German contact phrase takes for no person: a supplier, a
# department, a carrier, whichever side of it the verb stands.
@pytest.mark.parametrize(
    "text",
    [
        "MIT LIEFERANT TELEFONIERT",
        "MIT DEM LAGER TELEFONIERT",
        "MIT HERSTELLER GESPROCHEN",
        "HABE MIT SPEDITEUR TELEFONIERT",
        "MIT KUNDENDIENST TELEFONIERT",
        "MIT DHL TELEFONIERT",
        "MIT OKONKWO BEZAHLT",
        "TELEFONIERT MIT LIEFERANT",
        "GESPROCHEN MIT HERSTELLER",
        "MIT KOLLEGEN GESPROCHEN",
        "TELEFONIERT MIT LIEFERANTEN",
        "HEUTE MIT POLIZEI TELEFONIERT",
        "MIT ARZT GESPROCHEN",
        "MIT EHEMANN TELEFONIERT",
        "MIT TECHNIKER TELEFONIERT",
        "MIT KUNDENBETREUERIN GESPROCHEN",
        "MIT TELEKOM TELEFONIERT",
        "MIT BERLIN TELEFONIERT",
        "MIT JEMANDEM GESPROCHEN",
        "TELEFONIERT MIT POLIZEI",
        "MIT LIEFERANT TELEFONIERT WEGEN RECHNUNG",
        "MIT POLIZEI TELEFONIERT WEGEN DIEBSTAHL",
    ],
)
def test_things_between_mit_and_the_verb_in_capitals_are_not_redacted(text: str) -> None:
    assert redact(text, "de")[0] == text


# A German noun for a person's profession before a surname names the person as a title does
# ("mit Rechtsanwalt Schmidt", "Steuerberaterin Koch"), in capitals too; "Dr.", "Prof.",
# "Herr" and "Frau" are titles. A noun no surname list holds after the profession is a thing.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("de", "mit Rechtsanwalt Schmidt telefoniert", "mit Rechtsanwalt [PERSON] telefoniert"),
     (None, "mit Rechtsanwalt Schmidt telefoniert", "mit Rechtsanwalt [PERSON] telefoniert"),
     ("de", "Mit Rechtsanwältin Schmidt gesprochen.", "Mit Rechtsanwältin [PERSON] gesprochen."),
     ("de", "mit Steuerberater Schmidt telefoniert", "mit Steuerberater [PERSON] telefoniert"),
     ("de", "Steuerberaterin Koch schickt die Unterlagen.",
      "Steuerberaterin [PERSON] schickt die Unterlagen."),
     ("de", "Termin bei Notar Weber am Montag.", "Termin bei Notar [PERSON] am Montag."),
     ("de", "Unterlagen an Notarin Schneider geschickt.",
      "Unterlagen an Notarin [PERSON] geschickt."),
     ("de", "Anwalt Becker meldet sich wegen der Rechnung.",
      "Anwalt [PERSON] meldet sich wegen der Rechnung."),
     ("de", "MIT RECHTSANWALT SCHMIDT TELEFONIERT", "MIT RECHTSANWALT [PERSON] TELEFONIERT"),
     ("de", "mit Kollegin Schmidt gesprochen", "mit Kollegin [PERSON] gesprochen"),
     ("de", "Wirtschaftsprüfer Schmidt prüft die Zahlen.",
      "Wirtschaftsprüfer [PERSON] prüft die Zahlen."),
     ("de", "mit Kundenbetreuerin Schmidt telefoniert",
      "mit Kundenbetreuerin [PERSON] telefoniert"),
     ("de", "mit Sachbearbeiter Schmidt telefoniert", "mit Sachbearbeiter [PERSON] telefoniert"),
     ("de", "mit Dr. Schmidt telefoniert", "mit Dr. [PERSON] telefoniert"),
     ("de", "mit Prof. Schmidt telefoniert", "mit Prof. [PERSON] telefoniert"),
     ("de", "mit Herrn Schmidt telefoniert", "mit Herrn [PERSON] telefoniert"),
     ("de", "mit Frau Schmidt telefoniert", "mit Frau [PERSON] telefoniert"),
     ("de", "Steuerberater Termin am Montag bestätigt.",
      "Steuerberater Termin am Montag bestätigt."),
     ("de", "Rechtsanwalt Kosten übernimmt die Versicherung.",
      "Rechtsanwalt Kosten übernimmt die Versicherung.")],
)  # fmt: skip
def test_a_german_profession_before_a_surname_names_the_person(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected

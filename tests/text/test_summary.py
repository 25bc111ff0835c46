"""Extractive summaries: sentence splitting, scoring, original order, determinism."""

from __future__ import annotations

import pytest

from c360.text import summary
from c360.text.summary import sentences, summarise

NOTE = """Quick call w/ [PERSON] (FU from last week).
Tel: [PHONE]
Extended warranty on Nordhaus Doormat Premium about to run out.
Lots of praise for the team.
Renewal signed for two years at 1 200 €, great news.
Prefers email: [EMAIL]
Will send the contract on Friday."""


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Met w/ the buyer. Approx. 20 units. OK.",
            ["Met w/ the buyer.", "Approx. 20 units.", "OK."],
        ),
        ("Braucht z.B. Kabel. Ca. 5 Stück.", ["Braucht z.B. Kabel.", "Ca. 5 Stück."]),
        (
            "Veut p. ex. un devis. Rappeler M. Dupont.",
            ["Veut p. ex. un devis.", "Rappeler M. Dupont."],
        ),
        ("Habló con la Sra. Gómez. Todo bien!", ["Habló con la Sra. Gómez.", "Todo bien!"]),
        ("Price is 49.99 today. J. Smith agreed", ["Price is 49.99 today.", "J. Smith agreed"]),
        ("line one\nline two\n\n  line three  ", ["line one", "line two", "line three"]),
        ("Wait... then more. Really?! Yes.", ["Wait... then more.", "Really?!", "Yes."]),
        ("", []),
    ],
)
def test_sentences_respect_abbreviations(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_a_short_text_is_its_own_summary() -> None:
    assert summarise("Customer happy.\nNothing else", "en") == "Customer happy. Nothing else."
    assert summarise("", "en") == ""


def test_the_telling_sentences_win_in_their_original_order() -> None:
    summary = summarise(NOTE, "en")
    assert summary == (
        "Renewal signed for two years at 1 200 €, great news. Will send the contract on Friday."
    )


def test_contact_lines_and_greetings_are_left_out() -> None:
    email = (
        "Hello {{customer_name}},\n\nOur spring sale starts today: 20 % off every Teklaro "
        "laptop stand until Sunday.\n\nSHOP NOW\n\nBest regards,\nThe BrandCo Team"
    )
    summary = summarise(email, "en", max_sentences=1)
    assert summary.startswith("Our spring sale starts today")
    for noise in ("[PHONE]", "[EMAIL]"):
        assert noise not in summarise(NOTE, "en", max_sentences=3)


def test_negation_and_commitments_count() -> None:
    text = (
        "Visited the shop yesterday afternoon.\n"
        "The weather was grey and the shop was quiet.\n"
        "Customer will not pay the second invoice.\n"
        "Coffee machine in the corner."
    )
    assert summarise(text, "en", max_sentences=1) == "Customer will not pay the second invoice."


@pytest.mark.parametrize("language", ["fr", "de", "es", None])
def test_other_languages_and_determinism(language: str | None) -> None:
    texts = {
        "fr": "Appel de [PERSON].\nConteste la facture de 380 €, ne paiera pas en l'état.\n"
        "Pas dispo le mercredi.\nRappel prévu vendredi, devis corrigé à envoyer.",
        "de": "Anruf von [PERSON].\nBestreitet den Betrag von 120 €, zahlt so nicht.\n"
        "Mittwochs nicht erreichbar.\nRückruf am Freitag vereinbart.",
        "es": "Llamada de [PERSON].\nNo acepta la factura de 600 €.\n"
        "Los miércoles no está disponible.\nAcordado llamar el lunes.",
        None: "Call from [PERSON].\nDisputes the $450 invoice, won't pay.\nOut on Wednesdays.",
    }
    text = texts[language]
    first = summarise(text, language)
    assert first == summarise(text, language)
    assert len(sentences(first)) == 2
    assert "€" in first or "$" in first
    assert "[PERSON]" not in first


def test_line_parts_are_the_sentences_of_the_line_with_their_features() -> None:
    line = "Approx. 20 units. Call back Thursday! Will sign."
    parts = summary._line_parts(line)
    assert [(a, b) for a, b, _ in parts] == sentences(line)
    assert [f for _, _, f in parts] == [summary._features(line[a:b]) for a, b, _ in parts]

"""Language detection on literal notes: the four note languages, look-alikes and non-text."""

import pytest

from c360.text.language import LANGUAGES, detect, scores


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cust called re invoice, charged twice. Not happy, wants a refund asap.", "en"),
        ("spoke w/ jen - shes not thrilled abt the new pricing", "en"),
        ("Logged, replacement offered, cust accepted.", "en"),
        ("Client pas content du tout, colis arrivé en retard.", "fr"),
        ("tres decu par la livraison, rappeler demain", "fr"),
        ("Relance facture impayée n°3381, promet de régler fin de mois", "fr"),
        ("Kunde gar nicht zufrieden, will eine Gutschrift.", "de"),
        ("Wollte Sendungsverfolgung, Tracking-Link nochmal geschickt.", "de"),
        ("Kd. sehr unzufrieden, Lieferung kam 10 Tage zu spät", "de"),
        ("No estoy contento con el servicio, tercera incidencia este mes.", "es"),
        ("llamada con marta, encantada con el producto, pregunta si hay mas colores", "es"),
        ("Pide que la app tenga notificaciones push, lo apuntamos", "es"),
    ],
)
def test_detects_the_note_languages(text: str, expected: str) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il cliente non è soddisfatto della consegna, il pacco è arrivato in ritardo.",
        "De klant is niet tevreden over de levering, het pakket kwam te laat aan.",
        "O cliente pediu um novo orçamento para a próxima semana.",
        "Klienten är nöjd med leveransen och vill beställa mer.",
        "asdf qwer zxcv lkjh poiu",
        "12345 678 90 2024-03-01 +33 6 12 34 56 78",
        "",
        "   \n ",
        "jean.dupont@gmail.com",
        "[PERSON] [PHONE] [EMAIL]",
    ],
)
def test_other_languages_gibberish_and_numbers_are_other(text: str) -> None:
    assert detect(text) == "other"


def test_a_foreign_product_name_does_not_change_the_language() -> None:
    note = (
        "Beschwert sich über die Qualität von Ediciones Alborada Biography Travel.\n"
        "Zweite Reklamation innerhalb von zwei Monaten.\n"
        "Spricht davon, sich an die Verbraucherzentrale zu wenden."
    )
    assert detect(note) == "de"


def test_placeholders_and_addresses_cast_no_vote() -> None:
    bare = "Rappeler lundi matin, le client attend un devis."
    assert detect(f"Tel: [PHONE], mail: jane.smith@example.com. {bare}") == "fr"
    votes, words = scores("[PHONE] [PHONE] see you@example.com")
    assert words == 1  # only "see"
    assert votes == {"en": 1.0}


def test_result_is_one_of_the_declared_labels() -> None:
    assert LANGUAGES == ("fr", "en", "de", "es")
    for text in ("Merci !", "Danke!", "¡Gracias!", "Thanks!", "ok", "?"):
        assert detect(text) in (*LANGUAGES, "other")


# One-line notes of a few words: a participle, a noun or a verb the lists hold decides, where
# the function words are few or shared ("de", "en", "in") and a ticket or team word is English.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Contact record updated.", "en"),
        ("Tense conversation, several complaints.", "en"),
        ("Secondary contact: Paul, paul@example.com", "en"),
        ("Fiche mise à jour, ticket clôturé.", "fr"),
        ("Discussion tendue, plusieurs reproches.", "fr"),
        ("Envisage de résilier.", "fr"),
        ("Refuse le geste commercial.", "fr"),
        ("Remboursement effectué.", "fr"),
        ("Marie en copie : marie@example.fr", "fr"),
        ("E-Mail: hans@example.de", "de"),
        ("E-Mail-Adresse bestätigt: hans@example.de", "de"),
        ("Datensatz aktualisiert, Ticket geschlossen.", "de"),
        ("Info ans Vertriebsteam weitergegeben.", "de"),
        ("Viel Lob fürs Team.", "de"),
        ("Rechnungskopie per Mail verschickt.", "de"),
        ("Vorgang geschlossen.", "de"),
        ("Email verificado: ana@example.es", "es"),
        ("Tono seco, molestia evidente.", "es"),
        ("Se plantea darse de baja.", "es"),
        ("Ana en copia: ana@example.es", "es"),
        ("Deja caer que podría irse a la competencia.", "es"),
    ],
)
def test_short_lines(text: str, expected: str) -> None:
    assert detect(text) == expected

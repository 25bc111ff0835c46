"""Sentiment on literal notes in the four languages: negations, intensifiers, neutral notes."""

import pytest

from c360.text.lexicon_cues import CUE_LANGUAGES, cues
from c360.text.sentiment import SENTIMENTS, THRESHOLD, polarity, sentiment


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # plain feelings
        ("Renewed for 3 years, very pleased with the service.", "en", "positive"),
        ("Customer furious, third damaged parcel this month.", "en", "negative"),
        ("Client ravi de la démo, veut des échantillons.", "fr", "positive"),
        ("Cliente très déçue, menace de partir.", "fr", "negative"),
        ("Kundin begeistert, Vertrag verlängert.", "de", "positive"),
        ("Kunde stinksauer, schon wieder falsch geliefert.", "de", "negative"),
        ("Cliente encantado con la demo, pide muestras.", "es", "positive"),
        ("Cliente muy molesto, el pedido llegó roto.", "es", "negative"),
        # negated feelings
        ("Not happy at all with the last delivery.", "en", "negative"),
        ("Client pas satisfait du tout de la livraison.", "fr", "negative"),
        ("Kunde ist nicht zufrieden mit der Lieferung.", "de", "negative"),
        ("No estoy contento con la entrega, dice el cliente.", "es", "negative"),
        ("Doesn't work since the update, nothing works.", "en", "negative"),
        # negation after the verb
        ("Das Gerät funktioniert nicht mehr, Kunde genervt.", "de", "negative"),
        ("Ça marche pas depuis la mise à jour, client énervé.", "fr", "negative"),
        # negated trouble is no complaint
        ("No complaints, invoices paid on time, happy to renew.", "en", "positive"),
        ("Renouvelé sans hésiter, aucun souci, très content.", "fr", "positive"),
        ("Inicio sin problemas, muy buena acogida del equipo.", "es", "positive"),
        # neutral notes: facts, follow-ups, problems reported without feeling
        ("Asked for a copy of the March invoice. Sent by email.", "en", "neutral"),
        ("Demande de duplicata de facture pour leur compta.", "fr", "neutral"),
        ("Rückruf am Montag, Angebot folgt.", "de", "neutral"),
        ("Consulta sobre domiciliación bancaria, cambio de cuenta.", "es", "neutral"),
        ("Ticket 5521 escalated to 2nd level support.", "en", "neutral"),
        ("Le gustaría poder exportar a Excel desde el panel.", "es", "neutral"),
    ],
)
def test_literal_notes(text: str, language: str, expected: str) -> None:
    assert sentiment(text, language) == expected


def test_negation_flips_and_weakens() -> None:
    happy = polarity("Client content.", "fr")
    assert happy > 0
    assert -happy < polarity("Client pas content.", "fr") < 0


def test_intensifiers_and_diminishers_scale_the_next_cue() -> None:
    plain = polarity("Customer annoyed.", "en")
    assert (
        polarity("Customer very annoyed.", "en") < plain < polarity("Customer a bit annoyed.", "en")
    )
    assert polarity("Pas content du tout.", "fr") < polarity("Pas content.", "fr")


def test_what_follows_but_counts_more() -> None:
    assert sentiment("Delivery was late but the client is happy.", "en") == "positive"
    assert sentiment("Demo went well but client disappointed by the price.", "en") == "negative"


def test_a_negator_does_not_flip_a_phrase_that_carries_its_own() -> None:
    assert sentiment("A l'impression de ne pas être écouté.", "fr") == "negative"


def test_names_and_addresses_are_not_feelings() -> None:
    note = "Working with Grace Joy and Claire (claire.happy@brandco.com) on the renewal."
    assert sentiment(note, "en") == "neutral"
    assert sentiment("Voir avec Claire Fontaine, rappel lundi.", "fr") == "neutral"


def test_an_unknown_language_uses_every_cue_list() -> None:
    assert sentiment("Kunde verärgert, client furieux.", "other") == "negative"


def test_every_cue_list_compiles_and_knows_its_own_words() -> None:
    glad = {"en": "happy", "fr": "ravi", "de": "froh", "es": "contento"}
    for language in CUE_LANGUAGES:
        found = cues(language).sentiment.matches([glad[language]])
        assert [m.value > 0 for m in found] == [True]
    with pytest.raises(ValueError, match="no cue lists"):
        cues("it")


def test_labels_and_threshold() -> None:
    assert SENTIMENTS == ("positive", "neutral", "negative")
    assert THRESHOLD > 0
    assert sentiment("", "en") == "neutral"

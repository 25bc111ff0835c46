"""Topics on literal notes: every seed topic in each of the four languages, ties and no cue."""

import pytest

from c360.text.lexicon_cues import CUE_LANGUAGES, cues
from c360.text.topics import DEFAULT_TOPIC, TOPICS, topic, topic_votes

NOTES = {
    "billing_question": {
        "en": "Charged twice on invoice 8823, wants a credit note.",
        "fr": "Question sur la facture de mars, prélèvement en double.",
        "de": "Rechnung doppelt abgebucht, bittet um Gutschrift.",
        "es": "Pregunta por un cargo duplicado en la factura de marzo.",
    },
    "pricing_negotiation": {
        "en": "Asked for 12% discount, we offered 8%. Sent a revised quote.",
        "fr": "Demande une remise de 12 %, devis révisé envoyé.",
        "de": "Will 12 % Rabatt, überarbeitetes Angebot mit neuem Preis geschickt.",
        "es": "Pide un 12% de descuento, enviado presupuesto revisado.",
    },
    "support_issue": {
        "en": "App crashes at login since the firmware update, ticket opened.",
        "fr": "L'appli plante à la connexion depuis la mise à jour.",
        "de": "App stürzt seit dem Update ab, Fehlermeldung beim Login.",
        "es": "La app se cuelga al iniciar sesión desde la actualización.",
    },
    "feature_request": {
        "en": "Would love an export to Excel, suggested it as a new feature.",
        "fr": "Souhaiterait une nouvelle fonctionnalité d'export Excel.",
        "de": "Wünscht sich eine Exportfunktion, Vorschlag notiert.",
        "es": "Sugiere añadir una funcionalidad de exportación a Excel.",
    },
    "complaint": {
        "en": "Formal complaint about a rude driver, expects an apology.",
        "fr": "Réclamation écrite : livreur impoli, attend des excuses.",
        "de": "Schriftliche Beschwerde über unfreundlichen Fahrer.",
        "es": "Queja formal por un repartidor maleducado, espera disculpas.",
    },
    "cancellation_risk": {
        "en": "Wants to cancel the subscription and switch provider.",
        "fr": "Veut résilier son abonnement, parle de changer de fournisseur.",
        "de": "Will das Abo kündigen, Abwanderungsgefahr.",
        "es": "Quiere dar de baja la suscripción y cambiar de proveedor.",
    },
    "delivery_issue": {
        "en": "Parcel arrived damaged, courier left it in the rain.",
        "fr": "Colis livré abîmé, le transporteur l'a laissé dehors.",
        "de": "Paket beschädigt angekommen, Spedition informiert.",
        "es": "El paquete llegó dañado, avisado el transportista.",
    },
    "onboarding": {
        "en": "Kick-off with the new customer, set up logins and training.",
        "fr": "Lancement du compte : formation et prise en main du portail.",
        "de": "Kick-off mit Neukunde, Zugänge eingerichtet, Schulung geplant.",
        "es": "Puesta en marcha de la cuenta nueva y formación del equipo.",
    },
    "renewal": {
        "en": "Contract expires in June, renewal meeting booked.",
        "fr": "Contrat arrive à échéance, renouvellement à discuter.",
        "de": "Vertrag läuft aus, Termin zur Verlängerung vereinbart.",
        "es": "El contrato vence en junio, reunión para la renovación.",
    },
    "product_inquiry": {
        "en": "Asked for the catalogue and availability of the oak range.",
        "fr": "Demande le catalogue et la disponibilité de la gamme chêne.",
        "de": "Fragt nach Katalog und Verfügbarkeit des Sortiments.",
        "es": "Pide el catálogo y la disponibilidad de la gama de roble.",
    },
}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [(text, lang, name) for name, texts in NOTES.items() for lang, text in texts.items()],
)
def test_literal_notes(text: str, language: str, expected: str) -> None:
    assert topic(text, language) == expected


def test_topics_are_the_seed_labels_and_every_language_lists_them_all() -> None:
    assert set(TOPICS) == set(NOTES)
    assert len(TOPICS) == 10
    for language in CUE_LANGUAGES:
        assert set(cues(language).topic_names) == set(TOPICS)


def test_strong_cues_outvote_weak_ones() -> None:
    # "competitor" only hints at churn; "discount" and "quote" name the negotiation
    assert topic("Competitor is cheaper, asked for a discount on the quote.", "en") == (
        "pricing_negotiation"
    )


def test_ties_go_to_the_topic_listed_first() -> None:
    votes = topic_votes("Invoice and parcel.", "en")
    assert votes["billing_question"] == votes["delivery_issue"]
    assert TOPICS.index("delivery_issue") < TOPICS.index("billing_question")
    assert topic("Invoice and parcel.", "en") == "delivery_issue"


def test_a_note_without_cues_gets_the_default_topic() -> None:
    assert topic_votes("Call back Monday.", "en") == {}
    assert topic("Call back Monday.", "en") == DEFAULT_TOPIC == "product_inquiry"


def test_names_in_a_note_cast_no_vote() -> None:
    # "Premium" and "Delivery" here are parts of a product's name
    assert topic("Loves the Nordhaus Delivery Premium kettle, wants the catalogue.", "en") == (
        "product_inquiry"
    )


def test_an_unknown_language_uses_every_cue_list() -> None:
    assert topic("Rechnung doppelt, facture en double.", "other") == "billing_question"

"""Note and e-mail files: headers typed, body between the markers, malformed files rejected."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from c360.text.parse import (
    REASONS,
    ParsedEmail,
    ParsedNote,
    Rejected,
    find_cta,
    parse_email,
    parse_note,
)

NOTE = """CUSTOMER_ID: CUST_000042
DATE: 2024-03-12
TOPIC: billing_question
LANGUAGE: fr
SENTIMENT: negative
TAGS: crm, customer_knowledge, billing,

--- BEGIN NOTE ---
Appel de M. Martin (jean.martin@example.fr).
Conteste la facture de 1 299,00 €.
--- END NOTE ---
"""

EMAIL = """ASSET_ID: ASSET_00007
CAMPAIGN_ID: CAMP_003
DATE: 2024-02-17 14:00:00
LANGUAGE: de
VARIANT:
SUBJECT: Tipps und Tricks für Ihre Lieblingsprodukte

--- BEGIN EMAIL ---
Hallo {{customer_name}},

Aktuell ein Bestseller bei uns: Rosemarin Mascara Vintage.

JETZT ENTDECKEN

Viele Grüße
Ihr BrandCo-Team
--- END EMAIL ---
"""


def test_a_good_note() -> None:
    note = parse_note(NOTE)
    assert note == ParsedNote(
        customer_id="CUST_000042",
        note_date=date(2024, 3, 12),
        topic="billing_question",
        language="fr",
        sentiment="negative",
        tags=("crm", "customer_knowledge", "billing"),
        body="Appel de M. Martin (jean.martin@example.fr).\nConteste la facture de 1 299,00 €.",
    )


def test_a_good_email_with_an_empty_variant() -> None:
    email = parse_email(EMAIL)
    assert isinstance(email, ParsedEmail)
    assert (email.asset_id, email.campaign_id) == ("ASSET_00007", "CAMP_003")
    assert email.sent_at == datetime(2024, 2, 17, 14, 0, 0)
    assert (email.language, email.variant) == ("de", None)
    assert email.subject == "Tipps und Tricks für Ihre Lieblingsprodukte"
    assert email.body.startswith("Hallo {{customer_name}},") and email.body.endswith("-Team")
    assert email.cta == "JETZT ENTDECKEN"


def test_windows_line_endings_and_unknown_headers_are_fine() -> None:
    note = parse_note("X_SOURCE: crm\r\n" + NOTE.replace("\n", "\r\n"))
    assert isinstance(note, ParsedNote)
    assert note.body.endswith("1 299,00 €.")


def test_labels_stay_as_the_source_wrote_them() -> None:
    note = parse_note(NOTE.replace("SENTIMENT: negative", "SENTIMENT: Very Angry"))
    assert isinstance(note, ParsedNote) and note.sentiment == "Very Angry"
    bare = parse_note(NOTE.replace("TOPIC: billing_question\n", "").replace("TAGS:", "TAG:"))
    assert isinstance(bare, ParsedNote) and (bare.topic, bare.tags) == (None, ())


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (NOTE.replace("CUSTOMER_ID: CUST_000042\n", ""), "missing_customer_id"),
        (NOTE.replace("CUSTOMER_ID: CUST_000042", "CUSTOMER_ID:"), "missing_customer_id"),
        (NOTE.replace("DATE: 2024-03-12\n", ""), "missing_date"),
        (NOTE.replace("2024-03-12", "12/03/2024"), "invalid_date"),
        (NOTE.replace("2024-03-12", "2024-02-30"), "invalid_date"),
        (NOTE.replace("--- END NOTE ---\n", ""), "no_end_marker"),
        (NOTE.replace("--- BEGIN NOTE ---\n", ""), "no_begin_marker"),
        (NOTE.replace("NOTE ---", "EMAIL ---"), "no_begin_marker"),
        (NOTE.split("--- BEGIN")[0] + "--- BEGIN NOTE ---\n \n--- END NOTE ---\n", "empty_body"),
        ("", "no_begin_marker"),
    ],
)
def test_a_malformed_note_gets_its_reason(text: str, reason: str) -> None:
    rejected = parse_note(text)
    assert isinstance(rejected, Rejected)
    assert rejected.reason == reason and rejected.reason in REASONS
    assert rejected.detail


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (EMAIL.replace("ASSET_ID: ASSET_00007\n", ""), "missing_asset_id"),
        (EMAIL.replace("CAMPAIGN_ID: CAMP_003\n", ""), "missing_campaign_id"),
        (EMAIL.replace("2024-02-17 14:00:00", "yesterday"), "invalid_date"),
        (EMAIL.replace("--- END EMAIL ---\n", ""), "no_end_marker"),
        (NOTE, "no_begin_marker"),
    ],
)
def test_a_malformed_email_gets_its_reason(text: str, reason: str) -> None:
    rejected = parse_email(text)
    assert isinstance(rejected, Rejected) and rejected.reason == reason


def test_a_timestamp_with_an_offset_becomes_naive_utc() -> None:
    email = parse_email(EMAIL.replace("2024-02-17 14:00:00", "2024-02-17T14:00:00+02:00"))
    assert isinstance(email, ParsedEmail)
    assert email.sent_at == datetime(2024, 2, 17, 12, 0, 0)


@pytest.mark.parametrize(
    ("body", "cta"),
    [
        ("Hello,\n\nNew arrivals.\n\nSHOP NOW\n\nBest regards,\nThe BrandCo Team", "SHOP NOW"),
        ("Bonjour,\n\nDÉCOUVRIR MAINTENANT\n\nCordialement,", "DÉCOUVRIR MAINTENANT"),
        ("Hola,\n\nNovedades.\n\nComprar\n\nUn saludo,\nEl equipo de BrandCo", "Comprar"),
        ("Hallo,\n\nJetzt entdecken\n\nViele Grüße\nIhr BrandCo-Team", "Jetzt entdecken"),
        ("Hello,\n\nWe will be in touch.\n\nBest regards,\nThe BrandCo Team", None),
    ],
)
def test_the_call_to_action_line(body: str, cta: str | None) -> None:
    assert find_cta(body) == cta


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_a_file_written_on_windows_or_an_old_mac_parses_as_its_twin(ending: str) -> None:
    """Its markers and headers are found, and its body's lines are joined by \\n."""
    note = parse_note(NOTE.replace("\n", ending))
    assert note == parse_note(NOTE) and isinstance(note, ParsedNote) and "\r" not in note.body
    email = parse_email(EMAIL.replace("\n", ending))
    assert email == parse_email(EMAIL) and isinstance(email, ParsedEmail)
    assert parse_note(NOTE.replace("\n", ending).replace("--- END NOTE ---", "")) == Rejected(
        "no_end_marker", "no '--- END NOTE ---' line after '--- BEGIN NOTE ---'"
    )

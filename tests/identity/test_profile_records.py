"""Profile values of literal records: a gender however a form wrote it, a city's particles in
lower case, an e-mail's mailbox, a spelling cased as written."""

from __future__ import annotations

import pyarrow as pa

from c360.identity.profile_records import cased_as_written, record_values


def test_gender_is_m_or_f_however_it_was_written() -> None:
    """Seed 004's forms write male, Femme, H or f; a value no list knows is kept as written."""
    written = ["male", "Femme", "H", "f", " M ", "W", "non-binary", None]
    n = len(written)
    records = pa.table({
        "record_key": [f"marketing:C{i}" for i in range(n)],
        "source": ["marketing"] * n,
        "record_id": [f"C{i}" for i in range(n)],
        "customer360_id": [f"c360_{i:08d}" for i in range(n)],
        "updated_at": pa.nulls(n, pa.timestamp("us")),
        "gender": written,
    })  # fmt: skip
    assert record_values(records).column("gender").to_pylist() == [
        "M", "F", "M", "F", "M", "F", "Non-Binary", None,
    ]  # fmt: skip


def test_a_place_name_in_brackets_is_title_cased_too() -> None:
    written = ["HALLE (SAALE)", "frankfurt (oder)", "Halle (Saale)"]
    assert record_values(literal_records("city", written)).column("city").to_pylist() == [
        "Halle (Saale)", "Frankfurt (Oder)", "Halle (Saale)",
    ]  # fmt: skip


def literal_records(column: str, written: list[str | None]) -> pa.Table:
    """One marketing record per value of ``column``, each of its own customer."""
    n = len(written)
    return pa.table({
        "record_key": [f"marketing:C{i}" for i in range(n)],
        "source": ["marketing"] * n,
        "record_id": [f"C{i}" for i in range(n)],
        "customer360_id": [f"c360_{i:08d}" for i in range(n)],
        "updated_at": pa.nulls(n, pa.timestamp("us")),
        column: pa.array(written, pa.string()),
    })  # fmt: skip


def test_a_city_written_in_one_case_keeps_its_particles_in_lower_case() -> None:
    """Title-cased, a place name keeps de, am, upon, d' ... in lower case after its first word,
    as the place is written; a city written in mixed case is kept as written."""
    written = [
        "SANTIAGO DE COMPOSTELA", "aix-en-provence", "FRANKFURT AM MAIN", "castellón de la plana",
        "STRATFORD-UPON-AVON", "LE MANS", "SAINT-ÉTIENNE", "VILLENEUVE-D'ASCQ", "  des moines ",
        "BISHOP'S STORTFORD", "'S-HERTOGENBOSCH", "L'HOSPITALET DE LLOBREGAT", "la rochelle",
        "NEWCASTLE UPON TYNE", "Santiago De Compostela", "MÜLHEIM AN DER RUHR", None,
    ]  # fmt: skip
    assert record_values(literal_records("city", written)).column("city").to_pylist() == [
        "Santiago de Compostela", "Aix-en-Provence", "Frankfurt am Main", "Castellón de la Plana",
        "Stratford-upon-Avon", "Le Mans", "Saint-Étienne", "Villeneuve-d'Ascq", "Des Moines",
        "Bishop's Stortford", "'s-Hertogenbosch", "L'Hospitalet de Llobregat", "La Rochelle",
        "Newcastle upon Tyne", "Santiago De Compostela", "Mülheim an der Ruhr", None,
    ]  # fmt: skip


def test_an_email_is_keyed_on_its_mailbox() -> None:
    """The key an address is voted on ignores case, a "+tag" and Gmail's dots."""
    written = ["Ann.Smith+Web@Gmail.com", "annsmith@googlemail.com", " ann@x.fr ", "no-at", None]
    values = record_values(literal_records("email", written))
    assert values.column("email").to_pylist() == [
        "ann.smith+web@gmail.com", "annsmith@googlemail.com", "ann@x.fr", None, None,
    ]  # fmt: skip
    assert values.column("email_key").to_pylist() == [
        "annsmith@gmail.com", "annsmith@gmail.com", "ann@x.fr", None, None,
    ]  # fmt: skip


def test_a_spelling_cased_as_written_says_more_than_title_case() -> None:
    """Capitals inside a word, or a word in lower case that is a particle: a system kept the
    case someone typed. Title case, one case throughout, or another word in lower case is no
    such spelling."""
    assert [cased_as_written(s) for s in (
        "McDonald", "de Villiers", "von der Heide", "d'Almeida", "Santiago de Compostela",
        "McAllen", "Bishop's Stortford",
    )] == [True] * 7  # fmt: skip
    assert [cased_as_written(s) for s in (
        "Macdonald", "De Villiers", "MCDONALD", "mcdonald", "Santiago de compostela", "O'Brien",
        "O'brien", "Jean-Pierre", "Jean-pierre", "",
    )] == [False] * 10  # fmt: skip

"""Profile values of literal records: a gender however a form wrote it, a city's particles in
lower case, an e-mail's mailbox; nicknames, misspelt names and swapped birth dates read against
the customer's other records."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from c360.identity.profile_records import (
    cased_as_written,
    misspellings_of_held,
    nicknames_of_spelled,
    outvoted_date_swaps,
    outvoted_typos,
    record_values,
)


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


def names_of(rows: list[tuple[str, str | None]]) -> pa.Table:
    """(customer, first name key) per record."""
    return pa.table({
        "customer360_id": [c for c, _ in rows],
        "first_name_key": pa.array([k for _, k in rows], pa.string()),
    })  # fmt: skip


def test_nicknames_of_a_name_the_customer_spells_out_are_marked() -> None:
    rows = [
        ("c1", "will"), ("c1", "guillaume"), ("c1", None), ("c1", "bill"),  # Bill: William's
        ("c2", "steph"), ("c2", "stephanie"), ("c2", "steph"),
        ("c3", "bob"), ("c4", "robert"),  # Robert is another customer's
        ("c5", "klaus"), ("c5", "nikolaus"), ("c5", "nikolaus"),
    ]  # fmt: skip
    assert nicknames_of_spelled(names_of(rows)).tolist() == [
        True, False, False, False,
        True, False, True,
        False, False,
        True, False, False,
    ]  # fmt: skip


def test_misspellings_of_a_listed_name_the_customer_holds_are_marked() -> None:
    rows = [
        ("c1", "melussa"), ("c1", "melissa"), ("c1", None), ("c1", "mel"), ("c1", "melussa"),
        ("c2", "samyel"), ("c3", "samuel"),  # Samuel is another customer's
        ("c4", "leena"), ("c4", "lena"),  # two listed names
        ("c5", "kvin"), ("c5", "kvinn"),  # neither listed
        ("c6", "jean oierre"), ("c6", "jean pierre"), ("c6", "jp"),
        ("c7", "josse"), ("c7", "jesse"), ("c7", "jose"),  # a typo of either: both held
        ("c8", "abbby"), ("c8", "abigail"), ("c8", "rsi"), ("c8", "tm"),  # Abby's; Resi no one's
    ]  # fmt: skip
    assert misspellings_of_held(names_of(rows)).tolist() == [
        True, False, False, False, True,
        False, False,
        False, False,
        False, False,
        True, False, False,
        True, False, False,
        True, False, False, False,
    ]  # fmt: skip


def last_names_of(rows: list[tuple[str, str | None]]) -> pa.Table:
    """(customer, last name key) per record."""
    return pa.table({
        "customer360_id": [c for c, _ in rows],
        "last_name_key": pa.array([k for _, k in rows], pa.string()),
    })  # fmt: skip


def test_typos_of_a_name_more_of_the_customers_records_hold_are_marked() -> None:
    rows = [
        ("c1", "leburn"), ("c1", "lebrun"), ("c1", None), ("c1", "lebrun"),
        ("c2", "leburn"), ("c2", "lebrun"),  # one against one: a tie
        ("c3", "banco"), ("c3", "blanco"), ("c3", "blanco"), ("c3", "blanco"), ("c3", "banco"),
        ("c4", "moore"), ("c4", "ward"), ("c4", "ward"),  # no typo of each other
        ("c5", "brooks"), ("c6", "brrooks"), ("c6", "brooks"),  # c5's record no vote here
    ]  # fmt: skip
    assert outvoted_typos(last_names_of(rows), "last_name").tolist() == [
        True, False, False, False,
        False, False,
        True, False, False, False, True,
        False, False, False,
        False, False, False,
    ]  # fmt: skip
    # Only the records asked about vote: a name left out (initials, say) outvotes none.
    voting = np.array([True, False, True, True] + [True] * 13)
    assert not outvoted_typos(last_names_of(rows), "last_name", voting)[0]


def test_birth_dates_outvoted_by_their_day_and_month_swap_are_marked() -> None:
    rows = [
        ("c1", "1985-03-07"), ("c1", "1985-07-03"), ("c1", "1985-03-07"), ("c1", None),
        ("c2", "1985-07-03"), ("c2", "1985-03-07"),  # one against one: a tie
        ("c3", "1985-07-03"),  # c1's majority is no vote here
        ("c4", "1990-02-01"), ("c4", "1990-02-01"), ("c4", "1990-01-20"),  # no swap
        ("c5", "1991-05-05"), ("c5", "1991-05-05"), ("c5", "1992-05-05"),  # a year apart
    ]  # fmt: skip
    values = pa.table({
        "customer360_id": [c for c, _ in rows],
        "date_of_birth": pa.array([d for _, d in rows], pa.string()),
    })  # fmt: skip
    assert outvoted_date_swaps(values).tolist() == [
        False, True, False, False,
        False, False,
        False,
        False, False, False,
        False, False, False,
    ]  # fmt: skip

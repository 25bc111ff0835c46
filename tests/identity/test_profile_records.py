"""Profile values of literal records: a gender however a form wrote it, a city's particles in
lower case, an e-mail's mailbox, a spelling cased as written."""

from __future__ import annotations

import pyarrow as pa

from c360.identity.profile_records import cased_as_written, record_values, title_case
from c360.pipeline.silver.parse import TWO_LETTER_CAPITALS


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


def cased(column: str, written: list[str]) -> list[str | None]:
    """The profile values of ``column`` of one record per value written."""
    return record_values(literal_records(column, written)).column(column).to_pylist()


def test_a_first_letter_whose_capital_is_two_letters_is_kept_as_written() -> None:
    """ß and the ligatures have no one-letter capital (SS, FL): title case keeps them, as
    silver does, rather than writing SStefan or FLorian."""
    written = ["ßtefan", "ﬂorian", "ﬁona", "jean-ßtefan", "WEIß", "groß"]
    assert cased("first_name", written) == [
        "ßtefan", "ﬂorian", "ﬁona", "Jean-ßtefan", "WEIß", "Groß",
    ]  # fmt: skip


def test_a_word_starting_with_a_digraph_starts_with_its_titlecase_letter() -> None:
    """Ǆ, Ǉ, Ǌ and Ǳ are two letters in one: a word's first letter is ǅ, ǈ, ǋ or ǲ, whether the
    name is written in capitals, in lower case or with the capital digraph before lower case."""
    written = ["ǄEMAL", "ǆemal", "Ǆemal", "ǅemal", "ǇUBICA", "ǊEGOVAN-ǱEKO", "ǲeko", "ǄǄ"]
    assert cased("first_name", written) == [
        "ǅemal", "ǅemal", "ǅemal", "ǅemal", "ǈubica", "ǋegovan-ǲeko", "ǲeko", "ǅǆ",
    ]  # fmt: skip


def test_a_turkish_word_lowers_its_i_as_turkish_does() -> None:
    """A word holding Ğ, İ or ı is Turkish: its I is ı in lower case, its İ is i, and a
    first i is İ. Other words keep the i of other languages (ISTANBUL, DIYARBAKIR), and so do
    words with Ş alone, which Romanian writes too (IAŞI, TIMIŞOARA)."""
    written = ["IĞDIR", "ŞAHİN", "işık", "ılgaz", "ÖZTÜRK-DAĞLI", "ISTANBUL", "DIYARBAKIR"]
    assert cased("last_name", written) == [
        "Iğdır", "Şahin", "İşık", "Ilgaz", "Öztürk-Dağlı", "Istanbul", "Diyarbakir",
    ]  # fmt: skip
    cities = ["İSTANBUL", "İZMİR", "iğdır", "ÇANAKKALE", "IAŞI", "TIMIŞOARA"]
    assert cased("city", cities) == [
        "İstanbul", "İzmir", "İğdır", "Çanakkale", "Iaşi", "Timişoara",
    ]  # fmt: skip


def test_title_case_never_makes_a_letter_two() -> None:
    """Every character title-cased alone is one character; those whose capital is longer
    (silver's ``TWO_LETTER_CAPITALS``) are kept in lower case, as silver keeps them."""
    assert [c for c in TWO_LETTER_CAPITALS if title_case(c) != c.lower()] == []
    letters = (c for c in map(chr, range(0x110000)) if c != c.lower() or c != c.title())
    longer = [c for c in letters if len(title_case(c)) != 1]
    assert longer == []


def test_title_case_in_turkish_or_with_a_digraph_is_no_case_as_written() -> None:
    titled = ("Işık", "İstanbul", "Şanlıurfa", "ǅemal", "ßtefan")
    assert [cased_as_written(s) for s in titled] == [False] * 5

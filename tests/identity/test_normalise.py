"""Normalisation before matching: names, e-mails, phones, postcodes, dates and the merge guard."""

from __future__ import annotations

from datetime import date, datetime

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from c360.identity.nicknames import NICKNAMES
from c360.identity.normalise import (
    city_key,
    country_iso,
    date_of_birth,
    email_canonical,
    email_key,
    email_local_key,
    first_name_canonical,
    mailbox_given_name,
    name_key,
    normalise_records,
    phone_e164,
    postcode_key,
    split_full_name,
    street_key,
)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("  Mélanie-Claire ", "melanie claire"),
        ("O'Brien", "obrien"),
        ("D’Artagnan", "dartagnan"),
        ("Łukasz STRAUß", "lukasz strauss"),
        ("Søren Ærøe", "soren aeroe"),
        ("Œdipe", "oedipe"),
        ("José  María", "jose maria"),
        ("Müller-Lüdenscheidt", "muller ludenscheidt"),
        ("R2-D2", "r d"),
        (" - ", None),
        (None, None),
    ],
)
def test_name_key(raw: str | None, key: str | None) -> None:
    assert name_key(raw) == key


@pytest.mark.parametrize(
    ("raw", "formal"),
    [
        ("Bobby", "robert"),
        ("Liz", "elizabeth"),
        ("Katie", "catherine"),
        ("Jeannot", "jean"),
        ("Séb", "sebastien"),
        ("Steffi", "stefanie"),
        ("Sepp", "josef"),
        ("Pepe", "jose"),
        ("Chema", "jose maria"),
        ("Toño", "antonio"),
        ("Jérôme", "jerome"),
        (None, None),
    ],
)
def test_first_name_canonical(raw: str | None, formal: str | None) -> None:
    assert first_name_canonical(raw) == formal


def test_nicknames_cover_four_languages_in_key_form() -> None:
    assert len(NICKNAMES) >= 150
    assert all(name_key(k) == k and name_key(v) == v for k, v in NICKNAMES.items())
    assert not set(NICKNAMES) & set(NICKNAMES.values())  # one step reaches the formal name


@pytest.mark.parametrize(
    ("raw", "parts"),
    [
        ("DUPONT, Jean", ("Jean", "DUPONT")),
        ("García López , María", ("María", "García López")),
        ("Laura Webb", ("Laura", "Webb")),
        ("Ludwig van Beethoven", ("Ludwig", "van Beethoven")),
        ("Markus vom Hofe", ("Markus", "vom Hofe")),
        ("María José García", ("María", "José García")),
        ("Cher", (None, "Cher")),
        ("Dr. John Smith", ("John", "Smith")),  # a title is no given name
        ("Mme Marie Dupont", ("Marie", "Dupont")),
        ("Mr Smith", (None, "Smith")),
        ("SMITH, Mrs. Jane", ("Jane", "SMITH")),
        ("John Smith Jr.", ("John", "Smith")),
        ("Smith Jr., John", ("John", "Smith")),
        ("John Smith, PhD", ("John", "Smith")),
        ("  ", (None, None)),
        (None, (None, None)),
    ],
)
def test_split_full_name(raw: str | None, parts: tuple[str | None, str | None]) -> None:
    assert split_full_name(raw) == parts


@pytest.mark.parametrize(
    ("raw", "key", "canonical", "local"),
    [
        (" Laura.Webb72@Gmail.com", "laura.webb72@gmail.com", "laurawebb72@gmail.com", "laurawebb"),
        ("l.webb+shop@googlemail.com", "l.webb+shop@googlemail.com", "lwebb@gmail.com", "lwebb"),
        ("jean.d+news@outlook.fr", "jean.d+news@outlook.fr", "jean.d@outlook.fr", "jeand"),
        ("a.b+x@hotmail.co.uk", "a.b+x@hotmail.co.uk", "a.b@hotmail.co.uk", "ab"),
        ("a.b+x@icloud.com", "a.b+x@icloud.com", "a.b@icloud.com", "ab"),
        ("a.b-x@yahoo.com", "a.b-x@yahoo.com", "a.b-x@yahoo.com", "abx"),
        ("a.b+x@example.com", "a.b+x@example.com", "a.b@example.com", "ab"),  # any domain
        ("Nick.Roy @comcast.net", "nick.roy@comcast.net", "nick.roy@comcast.net", "nickroy"),
        ("sue_li@@icloud.com", "sue_li@icloud.com", "sue_li@icloud.com", "sueli"),
        ("jo.roy@gmail.com.", "jo.roy@gmail.com", "joroy@gmail.com", "joroy"),
        ("+only@gmail.com", "+only@gmail.com", "+only@gmail.com", "only"),
        # As mail clients copy it, and as a link: the address inside, as silver reads it.
        ("Élodie Roy <E.Roy@laposte.net>", "e.roy@laposte.net", "e.roy@laposte.net", "eroy"),
        ("mailto:jo.roy@gmail.com", "jo.roy@gmail.com", "joroy@gmail.com", "joroy"),
        ("MAILTO: ann@mail.fr", "ann@mail.fr", "ann@mail.fr", "ann"),
        ("Ann <not an address>", None, None, None),
        ("not an email", None, None, None),
        ("nobody@localhost", None, None, None),
        (None, None, None, None),
        # Any script, as silver keeps it; one spelling per mailbox: composed accents, σ.
        ("Jürgen.Groß@GMX.de", "jürgen.groß@gmx.de", "jürgen.groß@gmx.de", "jürgengroß"),
        ("用户@例子.广告", "用户@例子.广告", "用户@例子.广告", "用户"),
        ("info@Müller.de", "info@müller.de", "info@müller.de", "info"),
        ("jose\u0301+x@correo.es", "jose\u0301+x@correo.es", "josé@correo.es", "josé"),
        ("ΝΙΚΟΣ@X.GR", "νικοσ@x.gr", "νικοσ@x.gr", "νικοσ"),
        ("νικος@x.gr", "νικος@x.gr", "νικοσ@x.gr", "νικοσ"),
        ("İ@example.com", "i@example.com", "i@example.com", "i"),
        ("José.García@GMail.com", "josé.garcía@gmail.com", "joségarcía@gmail.com", "joségarcía"),
        ("josé@correo", None, None, None),
        ("jo☺sé@correo.es", None, None, None),
    ],
)
def test_emails(raw: str | None, key: str | None, canonical: str | None, local: str | None) -> None:
    assert email_key(raw) == key
    assert email_canonical(raw) == canonical
    assert email_local_key(raw) == local


@pytest.mark.parametrize(
    ("email", "name"),
    [
        ("samuel.lee@mail.com", "samuel"),
        ("jean-baptiste.roy@mail.fr", "jean baptiste"),
        ("samuellee@mail.com", None),
        ("josé.garcía@correo.es", "jose"),
        ("jürgen_groß@gmx.de", "jurgen"),
        ("zoë-lefèvre@mail.fr", "zoe"),
        ("用户.名@例子.广告", None),
    ],
)
def test_the_given_name_a_mailbox_opens_with_in_any_script(email: str, name: str | None) -> None:
    assert mailbox_given_name(email) == name


@pytest.mark.parametrize(
    ("raw", "country", "e164"),
    [
        ("06 73 53 77 11", "FR", "+33673537711"),
        ("06.73.53.77.11", "fr", "+33673537711"),
        ("673537711", "FR", "+33673537711"),  # a numeric column lost the trunk 0
        ("0033 6 73 53 77 11", "FR", "+33673537711"),
        ("07953865684", "GB", "+447953865684"),
        ("+44 7953 865684", "FR", "+447953865684"),  # international form ignores the country
        ("030 12345678", "DE", "+493012345678"),
        ("0151 23456789", "DE", "+4915123456789"),
        ("612 345 678", "ES", "+34612345678"),
        ("(415) 555-2671", "US", "+14155552671"),
        ("+1 415-555-2671", None, "+14155552671"),
        ("(415) 555-2671 x123", "US", "+14155552671"),  # an extension is no part of the number
        ("(415) 555-2671 ext. 12", "US", "+14155552671"),
        ("01 23 45 67 89 poste 204", "FR", "+33123456789"),
        ("0673537711", None, None),  # a local number needs its country
        ("06 73 53 77 1O", "FR", None),  # letter O for a zero
        ("1-800-FLOWERS", "US", None),
        ("12", "FR", None),
        (None, "FR", None),
    ],
)
def test_phone_e164(raw: str | None, country: str | None, e164: str | None) -> None:
    assert phone_e164(raw, country) == e164


@pytest.mark.parametrize(
    ("raw", "country", "key"),
    [
        ("1000", "FR", "01000"),
        ("1000.0", "DE", "01000"),
        ("8001", "ES", "08001"),
        ("75 001", "FR", "75001"),
        ("94105-1234", "US", "94105"),
        ("sw1a 1aa", "GB", "SW1A1AA"),
        ("SW1A-1AA", "GB", "SW1A1AA"),
        ("1010", "AT", "1010"),
        ("1000", None, "1000"),
        (" ", "FR", None),
        (None, "FR", None),
    ],
)
def test_postcode_key(raw: str | None, country: str | None, key: str | None) -> None:
    assert postcode_key(raw, country) == key


@pytest.mark.parametrize(
    ("raw", "iso"),
    [("France", "FR"), (" fra ", "FR"), ("États-Unis", "US"), ("UK", "GB"), ("U.K.", "GB"),
     ("Royaume Uni", "GB"), ("it", "IT"), ("Narnia", None), ("1a", None), (None, None)],
)  # fmt: skip
def test_country_iso(raw: str | None, iso: str | None) -> None:
    assert country_iso(raw) == iso


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("1980-05-17", date(1980, 5, 17)),
        ("1980-05-17T00:00:00", date(1980, 5, 17)),
        ("17/05/1980", date(1980, 5, 17)),
        ("17.05.1980", date(1980, 5, 17)),
        ("1980/05/17", date(1980, 5, 17)),
        ("17-05-1980", date(1980, 5, 17)),
        ("05/04/1980", date(1980, 4, 5)),  # day first when both could be months
        ("12/31/1980", date(1980, 12, 31)),  # 31 cannot be a month
        (date(1980, 5, 17), date(1980, 5, 17)),
        (datetime(1980, 5, 17, 12, 30), date(1980, 5, 17)),
        ("31/02/1980", None),
        ("13/13/1980", None),
        ("1899-12-31", None),
        ("1900-01-01", None),  # what systems write for a birth date they do not know
        ("1900-06-15", None),
        ("01/01/1970", None),
        (date(1970, 1, 1), None),
        ("1970-01-02", date(1970, 1, 2)),
        ("1901-03-04", date(1901, 3, 4)),
        ("2026-01-01", None),
        (date(1850, 1, 1), None),
        ("17 May 1980", None),
        (19800517, None),
        (None, None),
    ],
)
def test_date_of_birth(raw: object, day: date | None) -> None:
    assert date_of_birth(raw) == day


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("12, St. Mary's St.", "12 saint marys street"),  # a title before a name, else a type
        ("3 rue St-Jacques", "3 rue saint jacques"),
        ("C/ Dr. Fleming, 106", "calle doctor fleming 106"),
        ("12 Oak Dr", "12 oak drive"),
        ("32 ch. des Vignes", "32 chemin des vignes"),
        ("91 all. des Tilleuls", "91 allee des tilleuls"),
        ("4 imp. des Roses", "4 impasse des roses"),
        ("55 rte de Lyon", "55 route de lyon"),
        ("148 av. du Gén. de Gaulle", "148 avenue du general de gaulle"),
        ("53 Birch Cl", "53 birch close"),
        ("176 Sycamore Ct", "176 sycamore court"),
        ("Pza. Mayor, 113", "plaza mayor 113"),
        ("Pº de Gracia, 8", "paseo de gracia 8"),
        ("22 Baker Rd", "22 baker road"),
        ("5 Av. Foch", "5 avenue foch"),
        ("5 r. de la Paix", "5 rue de la paix"),
        ("8 Bd Haussmann", "8 boulevard haussmann"),
        ("Hauptstr. 5", "hauptstrasse 5"),
        ("Hauptstraße 5", "hauptstrasse 5"),
        ("Berliner Str. 10a", "berliner strasse 10a"),
        ("C/ Mayor, 3", "calle mayor 3"),
        ("Avda. de América 10", "avenida de america 10"),
        (None, None),
    ],
)
def test_street_key(raw: str | None, key: str | None) -> None:
    assert street_key(raw) == key


@pytest.mark.parametrize(
    ("raw", "key"),
    [("St-Étienne", "saint etienne"), ("Ste. Foy", "sainte foy"), ("MÜNCHEN", "munchen"),
     ("A Coruña", "a coruna"), (None, None)],
)  # fmt: skip
def test_city_key(raw: str | None, key: str | None) -> None:
    assert city_key(raw) == key


def test_normalise_records() -> None:
    table = pa.table(
        {
            "record_key": ["crm:1", "web:7", "shop:3"],
            "full_name": [None, "WEBB, Laura", "Bobby Tables"],
            "first_name": ["Mélanie", None, None],
            "last_name": ["Dupont", None, None],
            "date_of_birth": ["17/05/1980", "1992-12-01", "not a date"],
            "email": ["M.Dupont+shop@GMAIL.com", "laura.webb72@example.com", "bobby@"],
            "phone": ["06 73 53 77 11", "07953865684", "555"],
            "address_line": ["5 r. de la Paix", "22 Baker Rd", None],
            "city": ["St-Étienne", "London", None],
            "postcode": ["1000", "sw1a 1aa", None],
            "country": ["France", "uk", None],
            "national_id": ["1 80 05 75 123 456", None, "ab-12"],
            "source_id": [" C42 ", "", None],
            "updated_at": pa.array([datetime(2024, 1, 2), None, None], pa.timestamp("us")),
        }
    )
    out = normalise_records(table)
    assert out.to_pydict() == {
        "record_key": ["crm:1", "web:7", "shop:3"],
        "first_name": ["melanie", "laura", "bobby"],
        "first_name_canonical": ["melanie", "laura", "robert"],
        "last_name": ["dupont", "webb", "tables"],
        "date_of_birth": [date(1980, 5, 17), date(1992, 12, 1), None],
        "email": ["m.dupont+shop@gmail.com", "laura.webb72@example.com", None],
        "email_canonical": ["mdupont@gmail.com", "laura.webb72@example.com", None],
        "email_local": ["mdupont", "laurawebb", None],
        "phone": ["+33673537711", "+447953865684", None],
        "address_line": ["5 rue de la paix", "22 baker road", None],
        "city": ["saint etienne", "london", None],
        "postcode": ["01000", "SW1A1AA", None],
        "country": ["FR", "GB", None],
        "national_id": ["1800575123456", None, "AB12"],
        "source_id": ["C42", None, None],
        "updated_at": [datetime(2024, 1, 2), None, None],
    }
    assert out.schema.field("date_of_birth").type == pa.date32()
    assert out.schema.field("updated_at").type == pa.timestamp("us")


def test_normalise_records_fills_absent_roles() -> None:
    table = pa.table(
        {"record_key": ["a", "b"], "date_of_birth": pa.array([date(1970, 1, 2), None])}
    )
    out = normalise_records(table)
    assert out.num_rows == 2
    assert out.column("date_of_birth").to_pylist() == [date(1970, 1, 2), None]
    assert out.column("email_canonical").null_count == 2
    assert out.column("updated_at").null_count == 2
    assert len(out.column_names) == 16


@given(st.text())
def test_name_key_is_idempotent(text: str) -> None:
    key = name_key(text)
    assert key is None or name_key(key) == key


@given(st.emails())
def test_email_canonical_is_idempotent(address: str) -> None:
    canonical = email_canonical(address)
    assert canonical is None or email_canonical(canonical) == canonical


@pytest.mark.parametrize(
    "spellings",
    [
        ("IŞIK", "Işık", "ışık", "Işik"),
        ("İSTANBUL", "İstanbul", "istanbul", "Istanbul", "İ̇stanbul"),
        ("ǄEMAL", "ǅemal", "ǆemal", "Ǆemal", "Džemal", "DŽEMAL"),
        ("ßtefan", "SStefan", "SSTEFAN", "sstefan"),
        ("ﬂorian", "FLorian", "Florian", "FLORIAN"),
    ],
)
def test_a_name_has_one_key_in_every_case(spellings: tuple[str, ...]) -> None:
    """Matching (the profile's votes, ``c360 identity dedupe``) compares keys: a name in
    capitals, in lower case or title-cased by any rule (Turkish or not, digraph or two
    letters, ß kept or written SS) is one key."""
    assert len({name_key(s) for s in spellings}) == 1

"""Standalone deduplication of files no generator wrote: exact clusters on a literal people file."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from splink.internals.exceptions import SplinkException

from c360.identity import blocking
from c360.identity.dedupe import DedupeError, Deduplication, dedupe, exact_pairs

# Semicolon-separated, its own column names, written by hand: nicknames, accents and case,
# e-mail case and Gmail dots/tags, phone layouts, a name typo, swapped first and last names.
# 117-119 share a household e-mail and phone, 120-121 a phone, 122-123 (twins) a birth date
# and address: none of them may merge. 124-125 and 141-142 are namesakes, 140 a near-namesake
# of 101. 143 has nothing to match on; 144 holds nothing but its id and words for missing.
PEOPLE = """\
cust_no;given;surname;mail;tel;born;town;zip;country
101;Robert;Kowalczyk;robert.kowalczyk@example.org;+44 20 7946 0018;1981-03-14;London;SW1A 1AA;GB
102;Bob;Kowalczyk;Robert.Kowalczyk@Example.ORG;020 7946 0018;14/03/1981;London;SW1A1AA;England
103;Rob;Kowalczyk;;02079460018;;london;;GB
104;Zoë;Lefèvre;zoe.lefevre@mailbox.fr;06 12 34 56 78;1990-07-02;Lyon;69003;FR
105;ZOE;LEFEVRE;ZOE.LEFEVRE@MAILBOX.FR;+33612345678;02.07.1990;LYON;69003;France
106;Katarzyna;Nowak;k.nowak@poczta.pl;+48 512 345 678;1975-11-30;Kraków;30-001;PL
107;Katarzyna;Nowakk;;512345678;30/11/1975;Krakow;30001;PL
108;Katrzyna;Nowak;k.nowak@poczta.pl;;;;;PL
109;Hiroshi;Tanaka;hiroshi.tanaka@example.com;+1 415 555 2671;1983-05-21;San Francisco;94103;US
110;Tanaka;Hiroshi;;(415) 555-2671;1983-05-21;San Francisco;94103;US
111;Amara;Okafor;amara.okafor@gmail.com;+44 20 7946 0321;1992-12-01;Manchester;M1 1AE;GB
112;Amara;Okafor;amaraokafor+shop@gmail.com;;;Manchester;M1 1AE;GB
113;Siobhán;O'Connell;siobhan.oconnell@eircom.net;+353 87 123 4567;1979-04-04;Dublin;D02 X285;IE
114;Siobhan;OConnell;;087 123 4567;04/04/1979;Dublin;D02X285;Ireland
115;William;Henderson;bill.henderson@example.net;;1955-08-17;Edinburgh;EH1 1YZ;GB
116;Bill;Henderson;bill.henderson@example.net;+44 131 496 0001;;Edinburgh;EH1 1YZ;GB
117;Daniel;Fischer;fischer.family@web.de;+49 30 12345678;1970-01-05;Berlin;10115;DE
118;Hannah;Fischer;fischer.family@web.de;030 12345678;1972-06-19;Berlin;10115;DE
119;Lukas;Fischer;fischer.family@web.de;030/12345678;2001-09-09;Berlin;10115;DE
120;María;García López;;+34 912 345 678;1968-03-03;Madrid;28013;ES
121;José;García López;;912 345 678;1966-10-10;Madrid;28013;ES
122;Emma;Clarke;emma.clarke@example.com;;1995-02-14;Bristol;BS1 4DJ;GB
123;Ella;Clarke;ella.clarke@example.com;;1995-02-14;Bristol;BS1 4DJ;GB
124;James;Brown;jbrown@example.com;;1960-02-02;Leeds;LS1 4DY;GB
125;James;Brown;james.brown88@example.net;;1988-08-08;Bristol;BS8 1TH;GB
126;Priya;Raman;priya.raman@example.in;+91 98765 43210;1987-09-12;Chennai;600001;IN
127;Lars;Johansson;lars.j@telia.se;+46 70 123 45 67;1964-12-24;Stockholm;111 22;SE
128;Fatima;Benali;fatima.benali@orange.fr;07 81 23 45 67;1999-01-31;Marseille;13001;FR
129;Noah;Williams;noah.w@example.com;(212) 555-0147;2000-06-06;New York;10001;US
130;Chiara;Russo;chiara.russo@libero.it;+39 347 123 4567;1985-05-05;Milano;20121;IT
131;Olumide;Adeyemi;olu.adeyemi@example.com;;1977-07-07;Leeds;LS2 9JT;GB
132;Ana;Souza;ana.souza@uol.com.br;+55 11 91234-5678;1993-03-23;São Paulo;01001-000;BR
133;Mateo;Fernández;mateo.f@example.es;612 34 56 78;1991-11-11;Sevilla;41001;ES
134;Ingrid;Berg;ingrid.berg@online.no;+47 412 34 567;1958-02-28;Oslo;0150;NO
135;Tomás;Novák;tomas.novak@seznam.cz;+420 601 123 456;1982-10-10;Praha;110 00;CZ
136;Aoife;Byrne;aoife.byrne@example.ie;;1996-04-15;Cork;T12;IE
137;Grace;Thompson;grace.t@example.co.uk;+44 161 496 0732;1973-08-08;Manchester;M2 3AB;GB
138;Youssef;Haddad;y.haddad@example.com;;1989-12-12;Paris;75011;FR
139;Mei;Chen;mei.chen@example.com;+1 604 555 0199;1994-01-19;Vancouver;V6B 1A1;CA
140;Robert;Kowalski;r.kowalski@example.pl;+48 601 222 333;1981-03-15;Warszawa;00-001;PL
141;Sophie;Martin;sophie.martin@example.fr;06 98 76 54 32;1980-10-01;Nantes;44000;FR
142;Sophie;Martin;;;;Lille;59000;FR
143;;;;;;Leeds;;GB
144;;;N/A;n/a;;;;
"""
ROLES = {
    "given": "first_name", "surname": "last_name", "mail": "email", "tel": "phone",
    "born": "date_of_birth", "town": "city", "zip": "postcode", "country": "country",
}  # fmt: skip
DUPLICATES = [
    {"101", "102", "103"}, {"104", "105"}, {"106", "107", "108"}, {"109", "110"},
    {"111", "112"}, {"113", "114"}, {"115", "116"},
]  # fmt: skip


def groups(result: Deduplication) -> set[frozenset[str]]:
    """The clusters of more than one record: ids, or ``source:id`` when two files were given."""
    members: dict[str, set[str]] = defaultdict(set)
    for row in result.clusters.to_pylist():
        key = f"{row['source']}:{row['record_id']}" if "source" in row else row["record_id"]
        members[row["cluster_id"]].add(key)
    return {frozenset(m) for m in members.values() if len(m) > 1}


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> Deduplication:
    path = write(tmp_path_factory.mktemp("people") / "people.csv", PEOPLE)
    return dedupe([path], "cust_no", ROLES)


def test_a_file_never_seen_clusters_exactly_as_expected(people: Deduplication) -> None:
    assert groups(people) == {frozenset(g) for g in DUPLICATES}
    assert people.fallback is None
    assert people.clusters.column_names == ["record_id", "cluster_id", "match_probability"]
    assert people.clusters["record_id"].to_pylist() == [str(n) for n in range(101, 144)]
    assert people.count_clusters == 43 - sum(len(g) - 1 for g in DUPLICATES)


def test_unmatchable_rows_are_reported_and_kept_alone(people: Deduplication) -> None:
    assert people.unmatchable == ("143",)
    assert people.bare == ("144",)
    cluster = {row["record_id"]: row["cluster_id"] for row in people.clusters.to_pylist()}
    for alone in people.unmatchable:
        assert list(cluster.values()).count(cluster[alone]) == 1


def test_probability_is_the_strongest_link_and_empty_when_alone(people: Deduplication) -> None:
    linked = set().union(*DUPLICATES)
    for row in people.clusters.to_pylist():
        if row["record_id"] in linked:
            assert 0.9 <= row["match_probability"] <= 1.0
        else:
            assert row["match_probability"] is None


@pytest.fixture(scope="module")
def two_files(tmp_path_factory: pytest.TempPathFactory) -> Deduplication:
    """101, 103 … 121 in one file; 102, 104 … 122 in another with its own names and layout."""
    folder = tmp_path_factory.mktemp("two")
    lines = PEOPLE.splitlines()
    crm = write(folder / "crm.csv", "\n".join([lines[0], *lines[1:23:2]]))
    shop = ["member,full_name,email_address,mobile,birth,country"]
    for line in lines[2:23:2]:
        number, given, surname, mail, tel, born, _, _, country = line.split(";")
        shop.append(f'{number},"{surname.upper()}, {given}",{mail},{tel},{born},{country}')
    roles = {**ROLES, "full_name": "full_name", "email_address": "email", "mobile": "phone",
             "birth": "date_of_birth"}  # fmt: skip
    return dedupe([crm, write(folder / "shop.csv", "\n".join(shop))], ["cust_no", "member"], roles)


def test_two_files_are_linked_and_each_deduplicated(two_files: Deduplication) -> None:
    assert two_files.clusters.column_names == [
        "source", "record_id", "cluster_id", "match_probability"
    ]  # fmt: skip
    assert groups(two_files) - {frozenset({"crm:113", "shop:114"})} == {
        frozenset(g) for g in (
            {"crm:101", "shop:102", "crm:103"}, {"shop:104", "crm:105"},
            {"shop:106", "crm:107", "shop:108"}, {"crm:109", "shop:110"},
            {"crm:111", "shop:112"}, {"crm:115", "shop:116"},
        )
    }  # fmt: skip
    assert [n.rsplit("/", 1)[-1] for n in two_files.notes] == [
        "shop.csv has no column for city, postcode: matched without them"
    ]


def test_an_exact_name_and_birth_date_link_across_files(two_files: Deduplication) -> None:
    assert frozenset({"crm:113", "shop:114"}) in groups(two_files)


FEW = (
    "id,first,last,mail\n1,Ann,Lee,ann.lee@example.com\n2,ANN,LEE,Ann.Lee@Example.com\n"
    "3,Bob,Lee,ann.lee@example.com\n"
)
FEW_ROLES = {"first": "first_name", "last": "last_name", "mail": "email"}


class Untrainable:
    """A Splink API on which training fails, as it does on many tiny inputs."""

    def __getattr__(self, name: str) -> None:
        raise SplinkException("Training rule resulted in no record pairs")


def test_a_model_that_cannot_be_trained_falls_back_to_exact_rules(tmp_path: Path) -> None:
    result = dedupe([write(tmp_path / "few.csv", FEW)], "id", FEW_ROLES, splink_api=Untrainable())
    assert result.fallback == (
        "the model could not be trained on 3 records (too few pairs of records agree on an "
        "e-mail, a phone or a birth date to learn from); linked exact matches instead: same "
        "e-mail or national id, or the same name and phone or birth date"
    )
    assert groups(result) == {frozenset({"1", "2"})}  # Bob shares the address: not merged
    assert result.clusters["match_probability"].to_pylist() == [1.0, 1.0, None]


def test_names_in_capitals_link_their_title_case_in_every_script(tmp_path: Path) -> None:
    """A name in capitals is the one written in title case, in Turkish (IŞIK, Işık), with a
    digraph (ǄEMAL, ǅemal) or a letter without a one-letter capital (ßtefan, SSTEFAN)."""
    text = (
        "id,first,last,tel\n1,Ayşe,IŞIK,+90 532 111 2233\n2,AYŞE,Işık,+905321112233\n"
        "3,ǄEMAL,ǇUBIĆ,+385 91 123 4567\n4,ǅemal,ǈubić,+385911234567\n"
        "5,ßtefan,ﬂorian,+49 151 2345 6789\n6,SSTEFAN,FLORIAN,+4915123456789\n"
    )
    roles = {"first": "first_name", "last": "last_name", "tel": "phone"}
    result = dedupe([write(tmp_path / "few.csv", text)], "id", roles, splink_api=Untrainable())
    assert groups(result) == {frozenset({"1", "2"}), frozenset({"3", "4"}), frozenset({"5", "6"})}


@pytest.mark.parametrize("rows", [2, 3])
def test_tiny_files_are_clustered_without_crashing(tmp_path: Path, rows: int) -> None:
    text = "\n".join(FEW.splitlines()[: rows + 1])
    result = dedupe([write(tmp_path / "few.csv", text)], "id", FEW_ROLES)
    assert groups(result) == {frozenset({"1", "2"})}


SHEET = (
    "id;first;last;mail;town\n1;Ann;Lee;ann@example.com;\n2;ANN;LEE;Ann@Example.com;\n"
    "3;;;;Leeds\n4;;;N/A;\nTotal: 4 contacts;;;;\n"
)
SHEET_ROLES = {"first": "first_name", "last": "last_name", "mail": "email", "town": "city"}


def test_a_total_row_is_no_person_and_is_left_out(tmp_path: Path) -> None:
    """A spreadsheet's "Total: 4 contacts", or a row whose only value is a word for missing,
    holds nothing but its id: left out and named, as a run leaves it out; a row with a city
    but nothing to match on stays, alone."""
    result = dedupe([write(tmp_path / "sheet.csv", SHEET)], "id", SHEET_ROLES)
    assert result.clusters["record_id"].to_pylist() == ["1", "2", "3"]
    assert result.bare == ("4", "Total: 4 contacts")
    assert result.unmatchable == ("3",)
    assert result.count_clusters == 2


def test_a_row_holding_text_no_role_reads_is_someone(tmp_path: Path) -> None:
    """Only a row blank but for its id is a total row: one whose e-mail does not read, or
    whose only value is in a column mapped to no role, is kept alone."""
    path = write(
        tmp_path / "notes.csv",
        "id,first,last,email,phone,note\n1,Ann,Lee,ann@example.com,,\n"
        "3,,,ann(at)mail.fr,,\n4,,,,,VIP customer\nTotal: 5 contacts,,,,,\n",
    )
    roles = {"first": "first_name", "last": "last_name", "email": "email", "phone": "phone"}
    result = dedupe([path], "id", roles)
    assert result.clusters["record_id"].to_pylist() == ["1", "3", "4"]
    assert result.bare == ("Total: 5 contacts",)
    assert result.unmatchable == ("3", "4")
    assert result.count_clusters == 3


def test_total_rows_of_two_files_are_named_with_their_file(tmp_path: Path) -> None:
    crm = write(tmp_path / "crm.csv", SHEET)
    shop = write(tmp_path / "shop.csv", "no;mail\n7;ann@example.com\nTotal;\n")
    result = dedupe([crm, shop], ["id", "no"], SHEET_ROLES)
    assert result.bare == ("crm:4", "crm:Total: 4 contacts", "shop:Total")
    assert len(set(result.clusters["cluster_id"].to_pylist())) == 2  # Ann's three, and 3


CONCATENATED = (
    '"Contact ID","First Name","Last Name","Email"\n1,Ann,Lee,ann@example.com\n'
    "2,ANN,LEE,Ann@Example.com\n3,Bob,Chan,bob@example.com\n"
    '"Contact ID","First Name","Last Name","Email"\n4,Carl,Diaz,carl@example.com\n'
    "5,Carl,Diaz,carl@example.com\n"
)
CONCATENATED_ROLES = {"First Name": "first_name", "Last Name": "last_name", "Email": "email"}


def test_a_line_repeating_the_header_is_no_person_and_is_left_out(tmp_path: Path) -> None:
    """Exports joined end to end repeat their header: a run's bronze quarantines such a line,
    and dedupe leaves it out and counts it, by file."""
    path = write(tmp_path / "joined.csv", CONCATENATED)
    result = dedupe([path], "Contact ID", CONCATENATED_ROLES)
    assert result.clusters["record_id"].to_pylist() == ["1", "2", "3", "4", "5"]
    assert result.count_clusters == 3
    assert result.repeated_headers == {str(path): 1}
    assert result.bare == () and result.unmatchable == ()


def test_repeated_headers_of_two_files_are_counted_by_file(tmp_path: Path) -> None:
    crm = write(tmp_path / "crm.csv", CONCATENATED + CONCATENATED.split("\n")[0] + "\n")
    shop = write(tmp_path / "shop.csv", "no;Email\n7;ann@example.com\n")
    result = dedupe([crm, shop], ["Contact ID", "no"], CONCATENATED_ROLES)
    assert result.repeated_headers == {str(crm): 2}
    assert "crm:Contact ID" not in result.clusters["record_id"].to_pylist()
    assert result.clusters.num_rows == 6


def test_a_local_phone_of_a_file_without_countries_is_someone(tmp_path: Path) -> None:
    """A number no country reads is no value to match on, yet its row is a person's."""
    path = write(tmp_path / "tel.csv", "id,tel\n1,06 12 34 56 78\n2,n/a\nTotal: 2,\n")
    result = dedupe([path], "id", {"tel": "phone"})
    assert result.clusters["record_id"].to_pylist() == ["1"]
    assert result.bare == ("2", "Total: 2")


def test_exact_rules_pair_records_that_agree_on_a_whole_rule() -> None:
    records = pa.table(
        {
            "record_key": ["a", "b", "c", "d", "e"],
            "email_canonical": ["x@y.com", "x@y.com", None, None, None],
            "national_id": [None, None, None, None, None],
            "first_name_canonical": ["ann", "ann", "ann", "ann", "bob"],
            "last_name": ["lee", "lee", "lee", "lee", "lee"],
            "phone": ["+1", "+1", "+1", None, "+1"],
            "date_of_birth": [None, None, date(1990, 1, 1), date(1990, 1, 1), None],
        }
    )
    pairs, notes = exact_pairs(records)
    pairs = pairs.sort_by([("record_key_l", "ascending"), ("record_key_r", "ascending")])
    assert notes == ()
    assert pairs.select(["record_key_l", "record_key_r", "match_weight"]).to_pylist() == [
        {"record_key_l": "a", "record_key_r": "b", "match_weight": 2.0},  # e-mail and phone
        {"record_key_l": "a", "record_key_r": "c", "match_weight": 1.0},
        {"record_key_l": "b", "record_key_r": "c", "match_weight": 1.0},
        {"record_key_l": "c", "record_key_r": "d", "match_weight": 1.0},  # name and birth date
    ]
    assert set(pairs["match_probability"].to_pylist()) == {1.0}


def test_exact_rules_link_no_records_of_a_value_more_than_a_block_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Placeholder surnames (Name1, Name2…: "name" once folded) and one birth date: four Anns
    share a first and last name and birth date, more than a block may hold, so that rule links
    none of them (it would link every pair); three Bobs are a block and are linked, and the
    e-mail rule still links the two Anns that share an address."""
    monkeypatch.setattr(blocking, "MAX_BLOCK", 3)
    born = date(1980, 1, 2)
    records = pa.table(
        {
            "record_key": list("abcdefg"),
            "email_canonical": ["x@y.com", "x@y.com", None, None, None, None, None],
            "first_name_canonical": ["ann"] * 4 + ["bob"] * 3,
            "last_name": ["name"] * 7,
            "phone": pa.nulls(7, pa.string()),
            "date_of_birth": [born] * 7,
        }
    )
    pairs, notes = exact_pairs(records)
    pairs = pairs.sort_by([("record_key_l", "ascending"), ("record_key_r", "ascending")])
    assert pairs.select(["record_key_l", "record_key_r"]).to_pylist() == [
        {"record_key_l": "a", "record_key_r": "b"},
        {"record_key_l": "e", "record_key_r": "f"},
        {"record_key_l": "e", "record_key_r": "g"},
        {"record_key_l": "f", "record_key_r": "g"},
    ]
    assert notes == (
        "a first and last name and birth date shared by more than 3 records was not used to "
        "link them ('ann name 1980-01-02', 4 records)",
    )


def test_exact_rules_make_pairs_of_uncrowded_values_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the file, a rule pairs each record with fewer than MAX_BLOCK others: 2,000
    records of one e-mail, and ten e-mails of 50 records each (a phone with them), make the
    pairs of the ten values only, and one note per rule."""
    monkeypatch.setattr(blocking, "MAX_BLOCK", 50)
    emails = ["all@x.com"] * 2000 + [f"{i % 10}@x.com" for i in range(500)]
    records = pa.table(
        {
            "record_key": [f"k{i:04}" for i in range(2500)],
            "email_canonical": emails,
            "first_name_canonical": ["ann"] * 2500,
            "last_name": ["lee"] * 2500,
            "phone": ["+1"] * 2000 + ["+2"] * 500,
        }
    )
    pairs, notes = exact_pairs(records)
    assert pairs.num_rows == 10 * 50 * 49 // 2
    assert set(pairs["match_weight"].to_pylist()) == {1.0}  # the e-mail, not the name and phone
    assert notes == (
        "an e-mail address shared by more than 50 records was not used to link them "
        "('all@x.com', 2,000 records)",
        "a first and last name and phone number shared by more than 50 records was not used "
        "to link them ('ann lee +1', 2,000 records; 1 more such value)",
    )


def test_parquet_keeps_its_types_and_a_repeated_id_keeps_its_first_row(tmp_path: Path) -> None:
    path = tmp_path / "people.parquet"
    pq.write_table(
        pa.table(
            {
                "id": [1, 2, 2, 3],
                "name": ["Ann Lee", "Bo Chan", "Bo Chan", "LEE, Ann"],
                "born": [date(1990, 1, 2), None, date(1985, 5, 5), date(1990, 1, 2)],
                "mail": ["ann@example.com", None, None, "ANN@example.com"],
            }
        ),
        path,
    )
    result = dedupe([path], "id", {"name": "full_name", "born": "date_of_birth", "mail": "email"})
    assert result.duplicate_ids == {str(path): 1}
    assert result.clusters["record_id"].to_pylist() == ["1", "2", "3"]
    assert groups(result) == {frozenset({"1", "3"})}


def test_tabs_and_windows_1252_are_read(tmp_path: Path) -> None:
    text = "id\tname\tmail\n1\tZoë Lefèvre\tzoe@example.fr\n2\tZOE LEFEVRE\tZoe@example.fr\n"
    result = dedupe(
        [write(tmp_path / "p.tsv", text, "cp1252")], "id", {"name": "full_name", "mail": "email"}
    )
    assert result.notes == (f"{tmp_path / 'p.tsv'} is not UTF-8: read as cp1252",)
    assert groups(result) == {frozenset({"1", "2"})}


def test_a_utf8_file_with_a_windows_1252_line_keeps_its_ids_as_written(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(
        "id;name;mail\nJÜ-1;Jürgen Müller;jm@example.de\nÁ-3;Álvaro Núñez;an@example.es\n".encode()
        + "MÜ-2;Jürgen Müller;JM@example.de\n".encode("cp1252")
    )
    result = dedupe([path], "id", {"name": "full_name", "mail": "email"})
    assert result.clusters["record_id"].to_pylist() == ["JÜ-1", "Á-3", "MÜ-2"]
    assert result.notes == (f"{path} is not all UTF-8: 1 line read as cp1252 (line 4)",)
    assert groups(result) == {frozenset({"JÜ-1", "MÜ-2"})}


GOOD = "id,name,mail\n1,Ann Lee,ann@example.com\n"


@pytest.mark.parametrize(
    ("files", "ids", "roles", "message"),
    [
        ({}, "id", {"name": "full_name"}, "no such file: {tmp}/missing.csv"),
        (
            {"a.csv": GOOD},
            "id",
            {"nme": "full_name"},
            "no column 'nme' to map to a role; {tmp}/a.csv: 'id', 'name', 'mail'",
        ),
        (
            {"a.csv": GOOD},
            "key",
            {"name": "full_name"},
            "{tmp}/a.csv: no id column 'key'; columns: 'id', 'name', 'mail'",
        ),
        (
            {"a.csv": GOOD},
            "id",
            {"name": "nickname"},
            "unknown role nickname; roles are first_name, last_name",
        ),
        ({"a.csv": GOOD}, "id", {"name": "last_name"}, "nothing to match on: map an e-mail"),
        (
            {"a.csv": "id,name\n"},
            "id",
            {"name": "full_name"},
            "{tmp}/a.csv: no rows to deduplicate",
        ),
        (
            {"a.csv": "id,name\nTotal: 2 contacts,\n"},
            "id",
            {"name": "full_name"},
            "{tmp}/a.csv: no rows to deduplicate: its 1 row holds nothing but an id",
        ),
        (
            {"a.csv": ""},
            "id",
            {"name": "full_name"},
            "{tmp}/a.csv is empty (0 bytes): give a CSV, JSON lines or Parquet file",
        ),
        (
            {"a.csv": "id,name\n1,Ann\n,Bo\n"},
            "id",
            {"name": "full_name"},
            "{tmp}/a.csv: 1 rows have no value in the id column 'id'",
        ),
        (
            {"a.csv": GOOD},
            "id",
            {"name": "full_name", "mail": "full_name"},
            "{tmp}/a.csv: columns name, mail all play the role full_name",
        ),
        (
            {"a.csv": GOOD, "b.csv": GOOD},
            ["id", "id", "id"],
            {"name": "full_name"},
            "give one id column, or one per file, not 3",
        ),
    ],
)
def test_what_cannot_be_deduplicated_is_one_line(
    tmp_path: Path, files: dict[str, str], ids: str | list[str], roles: dict[str, str], message: str
) -> None:
    paths = [write(tmp_path / name, text) for name, text in files.items()] or [
        tmp_path / "missing.csv"
    ]
    with pytest.raises(DedupeError) as caught:
        dedupe(paths, ids, roles)
    assert str(caught.value).startswith(message.format(tmp=tmp_path))
    assert "\n" not in str(caught.value)


def test_the_threshold_is_a_probability(tmp_path: Path) -> None:
    with pytest.raises(DedupeError, match="threshold is a probability"):
        dedupe([write(tmp_path / "a.csv", GOOD)], "id", {"name": "full_name"}, threshold=1.5)


def test_a_column_that_is_not_text_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "odd.parquet"
    pq.write_table(pa.table({"id": [1], "mail": [["a@example.com"]]}), path)
    with pytest.raises(DedupeError, match=r"odd\.parquet: column 'mail' holds list<.*>, not text"):
        dedupe([path], "id", {"mail": "email"})


def test_a_repeated_header_is_one_line(tmp_path: Path) -> None:
    path = write(tmp_path / "twice.csv", "id,mail,mail\n1,a@example.com,b@example.com\n")
    with pytest.raises(DedupeError, match=r"twice\.csv: the header names mail more than once"):
        dedupe([path], "id", {"mail": "email"})


NAMES = ("Ann", "ANN", "Anne", "Bob", "Robert", "", "Zoë")
MAILS = ("ann@example.com", "ANN@example.com", "bob@example.com", "", "bad")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(MAILS)), min_size=1, max_size=12))
def test_every_row_is_one_record_of_one_cluster(rows: list[tuple[str, str]]) -> None:
    with TemporaryDirectory() as folder:
        text = "id,first,last,mail\n" + "".join(
            f"{i},{first},Lee,{mail}\n" for i, (first, mail) in enumerate(rows)
        )
        path = write(Path(folder) / "p.csv", text)
        roles = {"first": "first_name", "last": "last_name", "mail": "email"}
        result = dedupe([path], "id", roles, splink_api=Untrainable())
    table = result.clusters.to_pylist()
    assert [r["record_id"] for r in table] == [str(i) for i in range(len(rows))]
    size = Counter(r["cluster_id"] for r in table)
    assert result.count_clusters == len(size)
    for row in table:  # a probability exactly when the record was linked
        assert (row["match_probability"] is None) == (size[row["cluster_id"]] == 1)
    for cluster in size:  # the guard: never two clearly different first names in one cluster
        firsts = {rows[int(r["record_id"])][0] for r in table if r["cluster_id"] == cluster}
        assert not {"Ann", "Bob"} <= firsts and not {"Zoë", "Robert"} <= firsts


def test_a_placeholder_e_mail_links_nobody(tmp_path: Path) -> None:
    """noemail@none.com typed for 22 customers called Marie: the same e-mail would link them
    by rule (their first names agree); shared by so many records, it names none of them."""
    surnames = ["Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel",
                "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
                "Andre", "Mercier", "Dupont", "Lambert", "Bonnet", "Francois"]  # fmt: skip
    extra = "".join(
        f"{201 + i};Marie;{name};noemail@none.com;;;Paris;7500{i % 10};FR\n"
        for i, name in enumerate(surnames)
    )
    result = dedupe([write(tmp_path / "people.csv", PEOPLE + extra)], "cust_no", ROLES)
    assert groups(result) == {frozenset(g) for g in DUPLICATES}
    assert "ignored as placeholders (each shared by over 20 records): 1 email" in result.notes


def test_a_failed_training_query_is_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """Splink wraps a failed query in its whole SQL text, and the engine's error speaks of SQL:
    the note says in plain words why no model was trained."""
    from c360.identity import dedupe as module

    def failing(*_: object) -> None:
        try:
            raise ValueError("Binder Error: column m_count not found")
        except ValueError as cause:
            raise SplinkException(
                "Error executing the following sql for table `__splink__m_u_counts`(x):\n"
                "select 1\n\nError was: Binder Error: column m_count not found"
            ) from cause

    monkeypatch.setattr(module, "predict", failing)
    candidates = pa.table({"source": ["a"], "record_id": ["1"], "email": ["a@x.com"]})
    _, why = module.predict_or_exact(None, candidates)
    assert why is not None and "(too few records, or too few of them alike," in why
    assert "Binder" not in why and "select" not in why and "__splink__" not in why

"""Identity sources: truth covers every record, volumes, overlap, formats and realistic noise."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

from c360 import contracts
from c360.contracts import identity as contract
from c360.generate import Plan, generate, vocab
from c360.generate.identity.emails import claim_second_emails
from c360.generate.identity.noise import (
    EMAIL_VARIANTS,
    PHONE_STYLES,
    abbreviate_street,
    drop_accents,
    email_variant,
    format_phone,
    luhn_digit,
    nickname,
    typo,
)
from c360.generate.identity.outputs import impossible_birth_date, unparseable_email
from c360.generate.people import mailbox, make_emails_unique, people

PLAN = Plan(scale=0.05, seed=3)
CODES = {"FR": "33", "US": "1", "DE": "49", "ES": "34", "GB": "44"}
Record = dict[str, Any]


# Independent normalisers: what a careful matcher would do -----------------------------------


def norm_email(email: str) -> str:
    local, _, domain = email.strip().lower().rpartition("@")
    local = local.split("+")[0]
    if domain in ("gmail.com", "googlemail.com"):
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def to_e164(phone: str, country: str) -> str:
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if country in ("FR", "DE", "GB") and digits.startswith("0"):
        digits = digits[1:]
    return "+" + CODES[country] + digits


def fold(name: str | None) -> str:
    text = unicodedata.normalize(
        "NFKD", (name or "").replace("ß", "ss").replace("ı", "i")
    ).casefold()
    text = "".join(c for c in text if c.isalpha())
    return text.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def one_edit(a: str, b: str) -> bool:
    """a and b differ by one substitution, insertion, deletion or adjacent swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def postcode_key(value: str | None) -> str:
    return re.sub(r"\s", "", value or "").upper().lstrip("0")


def luhn_ok(number: str) -> bool:
    return luhn_digit(number[:-1]) == number[-1]


# The generated workspace, read back --------------------------------------------------------


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("identity") / "ws"
    generate(path, PLAN)
    return path


def read_source(workspace: Path, table: contract.Table) -> list[Record]:
    path = workspace / table.path
    if table.file_format == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    types = {c.name: pa.string() for c in table.columns}
    options = pacsv.ConvertOptions(column_types=types, strings_can_be_null=True)
    return pacsv.read_csv(path, convert_options=options).to_pylist()


@pytest.fixture(scope="module")
def sources(workspace: Path) -> dict[str, list[Record]]:
    return {name: read_source(workspace, table) for name, table in contract.SOURCES.items()}


@pytest.fixture(scope="module")
def truth(workspace: Path) -> dict[tuple[str, str], str]:
    rows = pacsv.read_csv(workspace / "truth" / "identity.csv").to_pylist()
    assert len({(r["source"], str(r["record_id"])) for r in rows}) == len(rows)
    return {(r["source"], str(r["record_id"])): r["person_id"] for r in rows}


@pytest.fixture(scope="module")
def persons() -> dict[str, Record]:
    seen: set[str] = set()
    out = {}
    for start, stop in PLAN.blocks():
        for p in make_emails_unique(people(PLAN, start, stop), seen).to_pylist():
            out[p["customer_id"]] = p
    return out


def common(source: str, r: Record) -> Record:
    """A record's identifying fields under common names (loyalty's 'LAST, First' split)."""
    key = contract.SOURCES[source].primary_key[0]
    if source == "crm":
        first, last, phone, postcode, dob = (
            r["first_name"],
            r["last_name"],
            r["phone"],
            r["postal_code"],
            r["date_of_birth"],
        )
        street = r["street"]
    elif source == "loyalty":
        last, _, first = r["full_name"].partition(", ")
        phone, postcode, street = r["mobile"], r["zip"], None
        dob = "-".join(reversed(r["birth_date"].split("/"))) if r["birth_date"] else None
    elif source == "web":
        first, last, phone = r.get("given_name"), r.get("family_name"), r.get("phone_number")
        postcode = street = dob = None
    else:
        first, last, phone = r["billing_first_name"], r["billing_last_name"], r["phone"]
        postcode, street, dob = r["billing_postcode"], r["billing_street"], None
    return {
        "source": source,
        "id": str(r[key]),
        "first": first,
        "last": last,
        "email": r.get("email"),
        "phone": phone,
        "postcode": postcode,
        "street": street,
        "dob": dob,
    }


@pytest.fixture(scope="module")
def records(sources: dict[str, list[Record]], truth: dict[tuple[str, str], str]) -> list[Record]:
    out = []
    for source, rows in sources.items():
        for r in rows:
            c = common(source, r)
            c["person"] = truth[(source, c["id"])]
            out.append(c)
    return out


def share(rows: list[Record], test: Callable[[Record], bool]) -> float:
    return sum(1 for r in rows if test(r)) / len(rows)


# Truth, volumes, overlap, formats ----------------------------------------------------------


def test_truth_maps_every_record_exactly_once(
    sources: dict[str, list[Record]], truth: dict[tuple[str, str], str]
) -> None:
    written = [
        (s, str(r[contract.SOURCES[s].primary_key[0]])) for s, rows in sources.items() for r in rows
    ]
    assert len(written) == len(set(written))
    assert set(written) == {k for k in truth if k[0] in contract.SOURCES}


def test_seed_000_customers_are_their_own_person(
    truth: dict[tuple[str, str], str], persons: dict[str, Record]
) -> None:
    customers = {record: person for (s, record), person in truth.items() if s == "customers"}
    assert customers == {p: p for p in persons}


def test_people_truth_gives_each_persons_details_before_noise(
    workspace: Path, persons: dict[str, Record], records: list[Record]
) -> None:
    text = {c.name: pa.string() for c in contracts.get("truth_people").columns}
    options = pacsv.ConvertOptions(column_types=text)
    rows = pacsv.read_csv(workspace / "truth" / "people.csv", convert_options=options)
    people_truth = {r["person_id"]: r for r in rows.to_pylist()}
    assert len(people_truth) == rows.num_rows and set(people_truth) == set(persons)
    for person_id, p in persons.items():
        assert people_truth[person_id] == {
            "person_id": person_id,
            "first_name": p["first_name"],
            "last_name": p["last_name"],
            "email": p["email"],
            "phone": p["phone_e164"],
            "date_of_birth": p["birth_date"].isoformat(),
            "city": p["city"],
            "country": p["country"],
        }
    # The sources start from these details: most records hold the true last name.
    named = [r for r in records if r["last"] is not None]
    assert (
        share(named, lambda r: fold(r["last"]) == fold(people_truth[r["person"]]["last_name"]))
        > 0.9
    )


def test_volumes_follow_the_scale(sources: dict[str, list[Record]]) -> None:
    total = sum(len(rows) for rows in sources.values())
    assert abs(total - 60_000 * PLAN.scale) <= 0.05 * 60_000 * PLAN.scale, total
    for name, rows in sources.items():
        target = contract.SOURCES[name].rows_at_scale_1 * PLAN.scale  # type: ignore[operator]
        assert abs(len(rows) - target) <= 0.12 * target, (name, len(rows), target)


def test_populations_overlap(truth: dict[tuple[str, str], str], persons: dict[str, Record]) -> None:
    seen_in: dict[str, set[str]] = defaultdict(set)
    for (source, _id), person in truth.items():
        if source in contract.SOURCES:  # the four systems (not seed 000's or 004's customers)
            seen_in[person].add(source)
    assert set(seen_in) == set(persons)
    counts = Counter(len(s) for s in seen_in.values())
    assert counts[4] + counts[3] >= 0.4 * len(persons), counts
    assert counts[1] >= 0.05 * len(persons), counts


@pytest.mark.parametrize("source", list(contract.SOURCES))
def test_ids_have_their_format_and_columns_their_contract(
    sources: dict[str, list[Record]], source: str
) -> None:
    table = contract.SOURCES[source]
    rows = sources[source]
    key = table.primary_key[0]
    for r in rows:
        assert set(r) <= set(table.column_names)
        assert {c.name for c in table.columns if not c.nullable} <= {
            k for k, v in r.items() if v is not None
        }
    ids = [str(r[key]) for r in rows]
    pattern = table.column(key).pattern or r"\d+"
    assert all(re.fullmatch(pattern, i) for i in ids), ids[:3]
    if source == "loyalty":
        assert all(luhn_ok(i[1:]) for i in ids)
    for col in table.columns:
        if col.unique:
            values = [str(r[col.name]).lower() for r in rows]
            assert len(values) == len(set(values)), col.name
        if col.allowed:
            assert {r.get(col.name) for r in rows} - {None} <= set(col.allowed), col.name


def test_some_people_have_two_records_in_one_source(records: list[Record]) -> None:
    per_source: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        per_source[r["source"]][r["person"]] += 1
    for source, counts in per_source.items():
        twice = sum(1 for c in counts.values() if c == 2) / len(counts)
        assert 0.01 <= twice <= 0.12, (source, twice)
        assert max(counts.values()) == 2
    accounts = defaultdict(list)
    for r in records:
        if r["source"] in ("web", "ecommerce"):
            accounts[(r["source"], r["person"])].append(r["email"])
    second = [e for e in accounts.values() if len(e) == 2]
    assert second and all(norm_email(a) != norm_email(b) for a, b in second)


def test_every_record_keeps_two_strong_signals(
    records: list[Record], persons: dict[str, Record]
) -> None:
    def signals(r: Record) -> int:
        p = persons[r["person"]]
        name = {fold(r["first"]), fold(r["last"])} == {fold(p["first_name"]), fold(p["last_name"])}
        return sum(
            (
                bool(r["email"]) and norm_email(r["email"]) == norm_email(p["email"]),
                bool(r["phone"]) and to_e164(r["phone"], p["country"]) == p["phone_e164"],
                r["dob"] == str(p["birth_date"]),
                bool(r["street"])
                and postcode_key(r["postcode"]) == postcode_key(p["postcode"])
                and re.findall(r"\d+", r["street"]) == re.findall(r"\d+", p["street"]),
                name,
            )
        )

    weak = [r for r in records if signals(r) < 2]
    assert not weak, weak[:3]


# Noise kinds at realistic rates ------------------------------------------------------------


def test_emails_vary_at_a_realistic_rate(records: list[Record], persons: dict[str, Record]) -> None:
    given = [r for r in records if r["email"]]
    raw = share(given, lambda r: r["email"] != persons[r["person"]]["email"])
    other = share(
        given, lambda r: norm_email(r["email"]) != norm_email(persons[r["person"]]["email"])
    )
    assert 0.10 <= raw <= 0.22, raw
    assert 0.03 <= other <= 0.12, other
    assert other < raw


def test_names_carry_nicknames_typos_swaps_and_dropped_accents(
    records: list[Record], persons: dict[str, Record]
) -> None:
    named = [r for r in records if r["first"] and r["last"]]

    def nick(r: Record) -> bool:
        first = persons[r["person"]]["first_name"]
        return fold(r["first"]) in {fold(n) for n in vocab.NICKNAMES.get(first, ())}

    def swapped(r: Record) -> bool:
        p = persons[r["person"]]
        return fold(r["first"]) == fold(p["last_name"]) and fold(r["last"]) == fold(p["first_name"])

    def typos(r: Record) -> int:
        p = persons[r["person"]]
        return one_edit(fold(r["first"]), fold(p["first_name"])) + one_edit(
            fold(r["last"]), fold(p["last_name"])
        )

    assert 0.03 <= share(named, nick) <= 0.09
    assert 0.005 <= share(named, swapped) <= 0.03
    assert 0.015 <= sum(typos(r) for r in named) / (2 * len(named)) <= 0.06

    accented = [
        r
        for r in named
        if not (persons[r["person"]]["first_name"] + persons[r["person"]]["last_name"]).isascii()
    ]
    plain = defaultdict(list)
    for r in accented:
        plain[r["source"]].append((r["first"] + r["last"]).isascii())
    rate = {s: sum(v) / len(v) for s, v in plain.items()}
    assert rate["web"] > 0.5 and rate["ecommerce"] > 0.3 and rate["crm"] < 0.15, rate


def test_phones_change_format_and_number(records: list[Record], persons: dict[str, Record]) -> None:
    crm = [r for r in records if r["source"] == "crm" and r["phone"]]
    assert 0.3 <= share(crm, lambda r: r["phone"].startswith("+")) <= 0.6
    other = share(
        crm,
        lambda r: (
            to_e164(r["phone"], persons[r["person"]]["country"])
            != persons[r["person"]]["phone_e164"]
        ),
    )
    assert 0.02 <= other <= 0.12, other
    web = [r for r in records if r["source"] == "web"]
    assert 0.45 <= share(web, lambda r: not r["phone"]) <= 0.75


def test_some_addresses_are_former_ones(records: list[Record], persons: dict[str, Record]) -> None:
    with_street = [r for r in records if r["street"]]
    moved = share(
        with_street,
        lambda r: (
            re.findall(r"\d+", r["street"]) != re.findall(r"\d+", persons[r["person"]]["street"])
        ),
    )
    assert 0.005 <= moved <= 0.08, moved


def test_missing_fields_depend_on_the_source(records: list[Record]) -> None:
    crm = [r for r in records if r["source"] == "crm"]
    loyalty = [r for r in records if r["source"] == "loyalty"]
    assert 0.02 <= share(crm, lambda r: not r["email"]) <= 0.12
    assert 0.25 <= share(crm, lambda r: not r["dob"]) <= 0.5
    assert share(loyalty, lambda r: not r["dob"]) <= 0.12


def test_households_share_contacts_but_stay_different_people(
    records: list[Record], persons: dict[str, Record]
) -> None:
    by_email = defaultdict(set)
    for r in records:
        if r["email"]:
            by_email[norm_email(r["email"])].add(r["person"])
    shared = [group for group in by_email.values() if len(group) > 1]
    by_phone = defaultdict(set)
    for r in records:
        if r["phone"]:
            by_phone[to_e164(r["phone"], persons[r["person"]]["country"])].add(r["person"])
    shared = [group for group in by_email.values() if len(group) > 1]
    shared_phones = [group for group in by_phone.values() if len(group) > 1]
    assert shared, "no household shares an e-mail"
    assert shared_phones, "no household shares a landline"
    for group in shared + shared_phones:
        homes = {(persons[p]["last_name"], persons[p]["street"]) for p in group}
        assert len(homes) == 1, group
    names = defaultdict(set)
    for r in records:
        home = (persons[r["person"]]["last_name"], persons[r["person"]]["street"])
        names[home].add((r["person"], fold(r["first"]) + "|" + fold(r["last"])))
    for entries in names.values():
        owners = defaultdict(set)
        for person, name in entries:
            owners[name].add(person)
        assert all(len(o) == 1 for o in owners.values()), entries


def test_twins_are_in_the_sources(
    truth: dict[tuple[str, str], str], persons: dict[str, Record]
) -> None:
    ids = list(persons)
    twins = [
        (a, b)
        for a, b in itertools.pairwise(ids)
        if persons[b]["household_of"] >= 0 and persons[a]["birth_date"] == persons[b]["birth_date"]
    ]
    assert twins
    present = set(truth.values())
    assert any(a in present and b in present for a, b in twins)


def test_defects_are_listed_and_real(workspace: Path, sources: dict[str, list[Record]]) -> None:
    defects = [
        d
        for d in pacsv.read_csv(workspace / "truth" / "defects.csv").to_pylist()
        if d["table"].startswith("identity_")
    ]
    for d in defects:
        source = next(s for s, t in contract.SOURCES.items() if t.name == d["table"])
        row = sources[source][d["row_number"] - 1]
        assert str(row[contract.SOURCES[source].primary_key[0]]) == str(d["row_key"])
        if d["defect_type"] == "malformed_email":
            assert not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", row["email"])
        else:
            day, month, _year = map(int, row["birth_date"].split("/"))
            assert month > 12 or day == 0 or (month in (2, 4) and day >= 30)


def test_defect_values_are_unusable_but_distinct() -> None:
    rng = np.random.default_rng(0)
    emails = [f"user{i}@example.com" for i in range(40)]
    spoiled = unparseable_email(rng, pa.array(emails)).to_pylist()
    assert len(set(spoiled)) == len(spoiled)
    assert not any(re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", e) for e in spoiled)
    for value in impossible_birth_date(rng, pa.array(["17/10/1979"] * 40)).to_pylist():
        with pytest.raises(ValueError):
            dt.datetime.strptime(value, "%d/%m/%Y")
        assert value.endswith("/1979")


@pytest.mark.slow
def test_two_blocks_keep_ids_and_logins_unique(tmp_path: Path) -> None:
    plan = Plan(scale=2.6, seed=8)  # 52,000 people: two blocks
    generate(tmp_path / "big", plan)
    seen: set[str] = set()
    own = Counter(
        mailbox(p["email"])
        for start, stop in plan.blocks()
        for p in make_emails_unique(people(plan, start, stop), seen).to_pylist()
    )
    # people() itself gives x@gmail.com and x@googlemail.com to two people (one Gmail mailbox)
    clashes = {box for box, count in own.items() if count > 1}
    for name, table in contract.SOURCES.items():
        rows = read_source(tmp_path / "big", table)
        ids = [str(r[table.primary_key[0]]) for r in rows]
        assert len(ids) == len(set(ids)), name
        if table.column("email").unique:
            boxes = [mailbox(r["email"]) for r in rows if mailbox(r["email"]) not in clashes]
            assert len(boxes) == len(set(boxes)), name


def test_second_emails_are_claimed_once_per_mailbox() -> None:
    taken = {"marie-dupont@gmail.com"}
    alt = ["Marie-Dupont@googlemail.com", "m.dupont@web.de", "marie-dupont@gmail.com", "x@y.fr"]
    used = np.array([True, True, True, False])
    assert claim_second_emails(alt, used, taken) == [
        "Marie-Dupont2@googlemail.com",
        "m.dupont@web.de",
        "marie-dupont3@gmail.com",
        "x@y.fr",
    ]
    assert claim_second_emails(["m.dupont@web.de"], np.array([True]), taken) == ["m.dupont2@web.de"]


def test_same_seed_same_bytes(workspace: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate(again, PLAN)
    files = [t.path for t in contract.TABLES]
    for rel in [*files, "truth/identity.csv"]:
        assert (again / rel).read_bytes() == (workspace / rel).read_bytes(), rel


# Pure helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "kind", "at", "pick", "expected"),
    [
        ("Martin", "swap", 1, 0, "Matrin"),
        ("Martin", "drop", 0, 0, "Mrtin"),
        ("Martin", "double", 3, 0, "Martiin"),
        ("Martin", "neighbour", 0, 0, "Msrtin"),
        ("ANNA", "neighbour", 0, 1, "AMNA"),
        ("Élodie", "swap", 0, 0, "Éoldie"),
        ("Li", "drop", 0, 0, "Li"),
    ],
)
def test_typo(word: str, kind: str, at: int, pick: int, expected: str) -> None:
    assert typo(word, kind, at, pick) == expected


@pytest.mark.parametrize(
    ("first", "pick", "expected"),
    [
        ("William", 0, "Bill"),
        ("William", 4, "Will"),
        ("José", 0, "Pepe"),
        ("Jean-Pierre", 0, "JP"),
        ("Marie", 0, None),
    ],
)
def test_nickname(first: str, pick: int, expected: str | None) -> None:
    assert nickname(first, pick) == expected


@pytest.mark.parametrize(
    ("text", "german", "expected"),
    [
        ("Hélène", False, "Helene"),
        ("Núñez", False, "Nunez"),
        ("Straße", False, "Strasse"),
        ("Müller", False, "Muller"),
        ("Müller", True, "Mueller"),
        ("Œuvre", False, "OEuvre"),
        ("Smith", True, "Smith"),
    ],
)
def test_drop_accents(text: str, german: bool, expected: str) -> None:
    assert drop_accents(text, german) == expected


@pytest.mark.parametrize(
    ("email", "kind", "expected"),
    [
        ("marie.dupont@gmail.com", "gmail_dots", "mariedupont@gmail.com"),
        ("mdupont@gmail.com", "gmail_dots", "m.dupont@gmail.com"),
        ("marie.dupont@orange.fr", "gmail_dots", "Marie.dupont@orange.fr"),
        ("marie@gmail.com", "googlemail", "marie@googlemail.com"),
        ("marie@googlemail.com", "googlemail", "marie@gmail.com"),
        ("a.b@web.de", "plus", "a.b+shop@web.de"),
        ("a.b@web.de", "upper", "A.B@WEB.DE"),
        ("a.b@web.de", "capitalised", "A.b@web.de"),
    ],
)
def test_email_variant(email: str, kind: str, expected: str) -> None:
    assert email_variant(email, kind) == expected
    assert norm_email(expected) == norm_email(email)


@pytest.mark.parametrize(
    ("e164", "country", "style", "expected"),
    [
        ("+33612345678", "FR", "local", "06 12 34 56 78"),
        ("+33612345678", "FR", "intl", "+33 6 12 34 56 78"),
        ("+33612345678", "FR", "digits", "0612345678"),
        ("+33612345678", "FR", "00", "0033612345678"),
        ("+4915112345678", "DE", "local", "0151 12345678"),
        ("+49301234567", "DE", "local", "030 1234567"),
        ("+447123456789", "GB", "local", "07123 456789"),
        ("+442071234567", "GB", "local", "020 7123 4567"),
        ("+34612345678", "ES", "local", "612 34 56 78"),
        ("+34912345678", "ES", "local", "91 234 56 78"),
        ("+12125551234", "US", "dotted", "212.555.1234"),
        ("+12125551234", "US", "digits", "2125551234"),
    ],
)
def test_format_phone(e164: str, country: str, style: str, expected: str) -> None:
    assert format_phone(e164, country, style) == expected
    assert all(to_e164(format_phone(e164, country, s), country) == e164 for s in PHONE_STYLES)


def test_phone_local_format_agrees_with_people(persons: dict[str, Record]) -> None:
    for p in persons.values():
        assert format_phone(p["phone_e164"], p["country"], "local") == p["phone_local"]


@pytest.mark.parametrize(
    ("street", "expected"),
    [
        ("12 avenue du Général de Gaulle", "12 av. du Gén. de Gaulle"),
        ("4 rue Saint-Jacques", "4 rue St-Jacques"),
        ("Konrad-Adenauer-Straße 3", "Konrad-Adenauer-Str. 3"),
        ("Hauptstraße 5", "Hauptstr. 5"),
        ("221 Baker Street", "221 Baker St"),
        ("9 Sunset Boulevard", "9 Sunset Blvd"),
        ("Calle Mayor, 7", "C/ Mayor, 7"),
        ("Avenida de España, 2", "Avda. de España, 2"),
    ],
)
def test_abbreviate_street(street: str, expected: str) -> None:
    assert abbreviate_street(street) == expected


def test_luhn_and_variants_cover_their_kinds() -> None:
    assert luhn_digit("7992739871") == "3"
    assert luhn_digit("1000000") == "8"
    assert {email_variant("x.y@gmail.com", k) for k in EMAIL_VARIANTS} == {
        "X.y@gmail.com",
        "X.Y@GMAIL.COM",
        "x.y+shop@gmail.com",
        "xy@gmail.com",
        "x.y@googlemail.com",
    }


CREATED = {
    "crm": "created_at",
    "loyalty": "enrolled_at",
    "web": "signup_at",
    "ecommerce": "created_at",
}


def test_nobody_has_a_record_before_turning_seventeen(
    sources: dict[str, list[Record]],
    truth: dict[tuple[str, str], str],
    persons: dict[str, Record],
) -> None:
    # Customers are first seen once 18; a web sign-up may come up to six months before that.
    young = []
    for name, rows in sources.items():
        key = contract.SOURCES[name].primary_key[0]
        for r in rows:
            born = persons[truth[(name, str(r[key]))]]["birth_date"]
            created = dt.date.fromisoformat(str(r[CREATED[name]])[:10])
            if created < born.replace(year=born.year + 17, day=min(born.day, 28)):
                young.append((name, r[key]))
    assert young == []

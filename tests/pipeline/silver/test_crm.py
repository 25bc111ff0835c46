"""Seed 000's CRM in silver: contract typing, repairs and reasons on literal rows, every engine."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import ibis
import pyarrow as pa

from c360 import contracts
from c360.engines import Engine
from c360.pipeline.silver.crm import (
    CUSTOMER_COLUMNS,
    stg_crm_accounts,
    stg_crm_customer_profile,
    stg_crm_customer_segments,
    stg_crm_customers,
    stg_crm_interactions,
    stg_crm_segments,
)
from c360.pipeline.silver.privacy import pseudonymiser
from c360.pipeline.silver.staged import Staged

AS_OF = dt.datetime(2025, 12, 31, tzinfo=dt.UTC)
ARROW = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}


def bronze(
    engine: Engine,
    table: str,
    rows: list[tuple[str | None, ...]],
    files: list[tuple[str, int]] | None = None,
) -> ibis.Table:
    """A bronze table of source ``table``: its contract's columns as text, rows numbered from 1
    in one file, or each row's (file, record number) as ``files`` says (a folder of extracts)."""
    columns = {
        name: pa.array([r[i] for r in rows], pa.string())
        for i, name in enumerate(contracts.get(table).column_names)
    }
    lineage = files or [(f"sources/c360/{table}.csv", n) for n in range(1, len(rows) + 1)]
    columns["_source_file"] = pa.array([file for file, _ in lineage], pa.string())
    columns["_row_number"] = pa.array([number for _, number in lineage], pa.int64())
    return engine.register(f"test_bronze_{table}", pa.table(columns))


def reasons(engine: Engine, staged: Staged) -> dict[int, str]:
    """Rejected row numbers and their reasons."""
    return {r["_row_number"]: r["reason"] for r in staged.collect(engine)[1].to_pylist()}


def clean(engine: Engine, staged: Staged, table: str) -> list[dict[str, Any]]:
    """The clean rows; their columns must be the contract's, in order, with its types."""
    data = staged.collect(engine)[0]
    if table != "crm_customers":
        contract = contracts.get(table)
        assert data.column_names == contract.column_names
        for column in contract.columns:
            kind = data.schema.field(column.name).type
            expected = ARROW.get(column.dtype)
            assert kind == expected if expected else pa.types.is_timestamp(kind), column.name
    return data.to_pylist()


def test_accounts_are_typed_spelt_and_checked_by_contract(engine: Engine) -> None:
    ok = ("ACC_000001", " Société Générale ", " technology ", "emea", "Mid-Market", "210",
          "2024-10-06 11:40:33.000", "Active", "18698000")  # fmt: skip
    staged = stg_crm_accounts(
        bronze(engine, "crm_accounts", [
            ok,
            ("ACC_000002", "SociÃ©tÃ© GÃ©nÃ©rale", "Retail", "APAC", "smb", "12.0",
             "2020-01-01", "inactive", "0"),  # mis-encoded name, a float-printed integer
            ("ACC_000003", "Zero", "Retail", "APAC", "smb", "0", "2020-01-01", "active", "5"),
            ("ACC_000004", "Later", "Retail", "APAC", "smb", "5", "2095-01-01", "active", "5"),
            ("ACC_000005", "Bad", "Retail", "APAC", "smb", "5", "2024-02-30", "active", "5"),
            ("ACC_000006", "Blank", None, "APAC", "smb", "5", "2020-01-01", "active", "5"),
            ("ACC_000007", "Owes", "Retail", "APAC", "smb", "5", "2020-01-01", "active", "-5"),
            ("ACC_000008", "Space", "Aerospace", "APAC", "smb", "5", "2020-01-01", "active", "5"),
            ("ACC_000009", "Many", "Retail", "APAC", "smb", "1,5", "2020-01-01", "active", "5"),
            ("ACC_000001", "Copy", "Retail", "APAC", "smb", "5", "2020-01-01", "active", "5"),
            (None, "No key", "Retail", "APAC", "smb", "5", "2020-01-01", "active", "5"),
        ]),
        AS_OF,
    )  # fmt: skip
    rows = {r["account_id"]: r for r in clean(engine, staged, "crm_accounts")}
    assert rows["ACC_000001"] == {
        "account_id": "ACC_000001", "account_name": "Société Générale", "industry": "Technology",
        "region": "EMEA", "tier": "mid_market", "employee_count": 210,
        "created_at": rows["ACC_000001"]["created_at"], "status": "active",
        "annual_revenue_eur": 18_698_000,
    }  # fmt: skip
    assert rows["ACC_000001"]["created_at"].replace(tzinfo=None) == dt.datetime(
        2024, 10, 6, 11, 40, 33
    )
    assert (rows["ACC_000002"]["account_name"], rows["ACC_000002"]["employee_count"]) == (
        "Société Générale",
        12,
    )
    assert reasons(engine, staged) == {
        3: "out_of_range",
        4: "future_date",
        5: "invalid_date",
        6: "missing_industry",
        7: "negative_amount",
        8: "invalid_value",
        9: "invalid_number",
        10: "duplicate_key",
        11: "missing_key",
    }


def row(table: str, base: dict[str, str | None], **changes: str | None) -> tuple[str | None, ...]:
    """A bronze row of ``table`` in contract order: ``base`` with ``changes``."""
    values = base | changes
    return tuple(values[name] for name in contracts.get(table).column_names)


CUSTOMER = {
    "customer_id": "CUST_000001", "account_id": None, "email": " Liam.Lewis@Yahoo.com ",
    "first_seen_at": "2020-02-23 17:39:49", "status": "active", "locale": "en_US",
    "lifecycle_stage": "active", "consent_email": "true", "consent_sms": "0",
    "preferred_channel": "phone", "country": "USA",
}  # fmt: skip


def customer(customer_id: str, **changes: str | None) -> tuple[str | None, ...]:
    return row("crm_customers", CUSTOMER, customer_id=customer_id, **changes)


def test_customers_hide_the_email_conform_the_country_and_check_accounts(engine: Engine) -> None:
    # A blank account id in the accounts source must not hide orphans (NOT IN a set with NULL).
    accounts = bronze(engine, "crm_accounts", [
        ("ACC_000001", "A", "Retail", "APAC", "smb", "5", "2020-01-01", "active", "5"),
        ("ACC_000002", "B", "Aerospace", "APAC", "smb", "5", "2020-01-01", "active", "5"),
        (None, "C", "Retail", "APAC", "smb", "5", "2020-01-01", "active", "5"),
    ])  # fmt: skip
    rows = [
        customer("CUST_000001", account_id=" ACC_000001 "),
        customer("CUST_000002", email="liam@@yahoo.com", country="united kingdom",
                 account_id="ACC_000002", consent_email="FALSE", consent_sms="yes"),
        customer("CUST_000003", email=None, country=" france "),
        customer("CUST_000004", account_id="ACC_9000001"),
        customer("CUST_000005", status="churned"),
        customer("CUST_000006", first_seen_at=None),
        customer("CUST_000007", country="Atlantis"),
        customer("CUST_000008", consent_email="maybe"),
        customer("CUST_000009", lifecycle_stage="churned"),
    ]  # fmt: skip
    staged = stg_crm_customers(
        bronze(engine, "crm_customers", rows), accounts, pseudonymiser("md5"), AS_OF
    )
    data = staged.collect(engine)[0]
    assert tuple(data.column_names) == CUSTOMER_COLUMNS
    assert CUSTOMER_COLUMNS[2:4] == ("email_hash", "has_valid_email")
    people = {r["customer_id"]: r for r in data.to_pylist()}
    assert sorted(people) == ["CUST_000001", "CUST_000002", "CUST_000003", "CUST_000004"]
    assert people["CUST_000004"]["account_id"] is None  # an unknown account dropped, not them
    assert staged.outcome(engine).repaired == {
        "email: duplicate_value": 1,  # CUST_000004 shares CUST_000001's address
        "email: invalid_value": 1,
        "account_id: orphan_account": 1,
    }
    liam, bad_mail, no_mail = people["CUST_000001"], people["CUST_000002"], people["CUST_000003"]
    assert liam["email_hash"] == hashlib.md5(b"liam.lewis@yahoo.com").hexdigest()
    assert (liam["has_valid_email"], liam["account_id"], liam["country"]) == (
        True,
        "ACC_000001",
        "US",
    )
    assert (liam["consent_email"], liam["consent_sms"], liam["locale"]) == (True, False, "en_US")
    assert (bad_mail["email_hash"], bad_mail["has_valid_email"], bad_mail["country"]) == (
        None,
        False,
        "GB",
    )
    # The account was rejected in its own model but exists: not an orphan.
    assert (bad_mail["consent_email"], bad_mail["consent_sms"]) == (False, True)
    assert (no_mail["email_hash"], no_mail["has_valid_email"], no_mail["country"]) == (
        None,
        False,
        "FR",
    )
    assert not {"liam.lewis@yahoo.com", " Liam.Lewis@Yahoo.com "} & {
        v for r in people.values() for v in r.values()
    }
    assert reasons(engine, staged) == {
        5: "inconsistent_status",
        6: "missing_first_seen_at",
        7: "invalid_value",
        8: "invalid_value",
        9: "inconsistent_status",
    }


def test_a_consent_left_blank_is_unknown_and_the_customer_kept(engine: Engine) -> None:
    """A CRM export leaves a consent blank when it does not know it (HubSpot's empty
    ``Email Opt-In``): the customer is kept with that consent NULL (not known, read as no
    consent), and nothing is counted, as a missing e-mail is not. A consent written but
    unreadable ("maybe") is ``invalid_value`` naming its column, as any unreadable value."""
    accounts = bronze(engine, "crm_accounts", [])
    rows = [
        customer("CUST_000001", consent_email=""),
        customer("CUST_000002", consent_email=None, consent_sms=None),
        customer("CUST_000003", consent_email="yes", consent_sms="N/A"),
        customer("CUST_000004", consent_email="maybe"),
        customer("CUST_000005", consent_sms="perhaps", email="other@mail.fr"),
        customer("CUST_000006", consent_email="0", consent_sms="NaN", email="third@mail.fr"),
    ]  # fmt: skip
    staged = stg_crm_customers(
        bronze(engine, "crm_customers", rows), accounts, pseudonymiser("md5"), AS_OF
    )
    people = {r["customer_id"]: r for r in staged.collect(engine)[0].to_pylist()}
    assert {c: (p["consent_email"], p["consent_sms"]) for c, p in people.items()} == {
        "CUST_000001": (None, False),
        "CUST_000002": (None, None),
        "CUST_000003": (True, None),
        "CUST_000006": (False, None),
    }
    rejected = staged.collect(engine)[1].to_pylist()
    assert [(r["customer_id"], r["reason"], r["column"]) for r in rejected] == [
        ("CUST_000004", "invalid_value", "consent_email"),
        ("CUST_000005", "invalid_value", "consent_sms"),
    ]
    assert staged.outcome(engine).repaired == {"email: duplicate_value": 2}


def test_memberships_and_segments(engine: Engine) -> None:
    segments = bronze(engine, "crm_segments", [
        ("SEG_001", "VIP", "Top customers.", "2022-10-06 04:39:56", "true"),
        ("SEG_002", "Tiered", None, "2022-10-06 04:39:56", "false"),
        ("SEG_003", "Soon", "Later.", "2095-10-06 04:39:56", "1"),
    ])  # fmt: skip
    staged_segments = stg_crm_segments(segments, AS_OF)
    kept = clean(engine, staged_segments, "crm_segments")
    assert [(r["segment_id"], r["is_active"]) for r in kept] == [("SEG_001", True)]
    assert reasons(engine, staged_segments) == {2: "missing_description", 3: "future_date"}
    customers = bronze(engine, "crm_customers", [customer("CUST_000001")])
    staged = stg_crm_customer_segments(
        bronze(engine, "crm_customer_segments", [
            ("CUST_000001", "SEG_001", "2023-06-04 02:33:02", None),
            ("CUST_000001", "SEG_002", "2023-06-04 02:33:02", "2024-01-01 00:00:00"),
            ("CUST_000001", "SEG_001", "2023-06-04  02:33:02", None),  # near copy
            ("CUST_000001", "SEG_003", "2023-06-04 02:33:02", "2023-01-01 00:00:00"),
            ("CUST_000001", "SEG_009", "2023-06-04 02:33:02", None),
            ("CUST_000002", "SEG_001", "2023-06-04 02:33:02", None),
            ("CUST_000001", "SEG_003", "2095-06-04 02:33:02", None),
            ("CUST_000001", "SEG_003", None, None),
            (None, "SEG_003", "2023-06-04 02:33:02", None),
        ]),
        customers,
        segments,
        AS_OF,
    )  # fmt: skip
    rows = clean(engine, staged, "crm_customer_segments")
    assert sorted((r["segment_id"], r["end_date"] is None) for r in rows) == [
        ("SEG_001", True),
        ("SEG_002", False),
    ]
    assert reasons(engine, staged) == {
        3: "duplicate_key",
        4: "end_before_start",
        5: "orphan_segment",
        6: "orphan_customer",
        7: "future_date",
        8: "missing_start_date",
        9: "missing_key",
    }


def test_interactions_and_profiles_respect_their_ranges(engine: Engine) -> None:
    customers = bronze(engine, "crm_customers", [customer("CUST_000001")])
    base = {
        "interaction_id": "INT_00000001", "customer_id": "CUST_000001", "type": "Support Ticket",
        "channel": "PHONE", "occurred_at": "2025-12-22 00:46:45", "topic": "technical",
        "outcome": "closed", "satisfaction_score": None, "duration_min": "2",
    }  # fmt: skip

    def interaction(number: int, **changes: str | None) -> tuple[str | None, ...]:
        return row("crm_interactions", base, interaction_id=f"INT_{number:08d}", **changes)

    staged = stg_crm_interactions(
        bronze(engine, "crm_interactions", [
            interaction(1),
            interaction(2, satisfaction_score="9"),
            interaction(3, duration_min="0"),
            interaction(4, type=None),
            interaction(5, customer_id="CUST_9000001"),
            interaction(6, occurred_at="2095-12-22 00:46:45"),
            interaction(7, channel="fax"),
        ]),
        customers,
        AS_OF,
    )  # fmt: skip
    [kept] = clean(engine, staged, "crm_interactions")
    assert (kept["type"], kept["channel"], kept["satisfaction_score"], kept["duration_min"]) == (
        "support_ticket",
        "phone",
        None,
        2,
    )
    assert reasons(engine, staged) == {
        2: "out_of_range",
        3: "out_of_range",
        4: "missing_type",
        5: "orphan_customer",
        6: "future_date",
        7: "invalid_value",
    }
    good = ("CUST_000001", "25", "149.87", "5", None, "0", "6", "456.13", "76.02", "0.3889", "0")
    profiles = [good] + [
        tuple(v if i != at else bad for i, v in enumerate(good))
        for at, bad in ((1, "101"), (2, None), (3, "11"), (7, "-1.5"), (9, "1.5"), (10, "-0.2"))
    ]
    staged = stg_crm_customer_profile(
        bronze(engine, "crm_customer_profile", profiles), customers, AS_OF
    )
    [profile] = clean(engine, staged, "crm_customer_profile")
    assert (profile["clv_score"], profile["nps_last"], profile["last_contact_at"]) == (
        149.87,
        5,
        None,
    )
    assert reasons(engine, staged) == {
        2: "out_of_range",
        3: "missing_clv_score",
        4: "out_of_range",
        5: "negative_amount",
        6: "out_of_range",
        7: "out_of_range",
    }


def test_words_that_mean_missing_are_missing_values(engine: Engine) -> None:
    """A SQL dump's NULL or a spreadsheet's N/A is no value: an optional account is none (no
    orphan), a required value is missing with the reason an empty one gets. "Null" is a value
    (a surname, an id), so it stays one."""
    accounts = bronze(engine, "crm_accounts", [
        ("ACC_000001", "A", "Retail", "APAC", "smb", "5", "2020-01-01", "active", "5"),
    ])  # fmt: skip
    rows = [
        customer("CUST_000001", account_id="NULL"),
        customer("CUST_000002", account_id=" \\N ", email="n/a"),
        customer("CUST_000003", first_seen_at="N/A"),
        customer("CUST_000004", first_seen_at=""),
        customer("CUST_000005", country="NULL"),
        customer("CUST_000006", consent_sms="NaN"),
        customer("CUST_000007", lifecycle_stage="None"),
        customer("CUST_000008", account_id="Null"),
        customer("NULL"),
    ]  # fmt: skip
    staged = stg_crm_customers(
        bronze(engine, "crm_customers", rows), accounts, pseudonymiser("md5"), AS_OF
    )
    people = {r["customer_id"]: r for r in staged.collect(engine)[0].to_pylist()}
    # "Null" is an account id the accounts source does not hold: dropped, the customer kept.
    # An optional consent written NaN is not known: the customer is kept without it.
    assert sorted(people) == ["CUST_000001", "CUST_000002", "CUST_000006", "CUST_000008"]
    assert [people[c]["account_id"] for c in sorted(people)] == [None, None, None, None]
    assert people["CUST_000006"]["consent_sms"] is None
    assert staged.outcome(engine).repaired == {
        "email: duplicate_value": 2,  # CUST_000006 and CUST_000008 share CUST_000001's address
        "account_id: orphan_account": 1,
    }
    assert (people["CUST_000002"]["email_hash"], people["CUST_000002"]["has_valid_email"]) == (
        None,
        False,
    )
    assert reasons(engine, staged) == {
        3: "missing_first_seen_at",
        4: "missing_first_seen_at",
        5: "missing_country",
        7: "missing_lifecycle_stage",
        9: "missing_key",
    }


def test_a_shared_email_stays_with_the_customer_first_seen(engine: Engine) -> None:
    """Seed 000's e-mails are unique: of the customers kept that share one, once trimmed and
    lower-cased, the one first seen keeps it (the lowest id on a tie); the others stay, without
    it, and are counted. A quarantined customer or a second record of the same id takes nothing."""
    accounts = bronze(engine, "crm_accounts", [
        ("ACC_000001", "A", "Retail", "APAC", "smb", "5", "2020-01-01", "active", "5"),
    ])  # fmt: skip
    rows = [
        customer("CUST_000001", email="Ann@Mail.fr ", first_seen_at="2021-05-01 10:00:00"),
        customer("CUST_000002", email="ann@mail.fr", first_seen_at="2020-05-01 10:00:00"),
        customer("CUST_000008", email="Ann Lee <ANN@mail.fr>", first_seen_at="2022-01-01"),
        customer("CUST_000004", email="cy@mail.fr", first_seen_at="2020-01-01 00:00:00"),
        customer("CUST_000003", email=" CY@mail.fr", first_seen_at="2020-01-01 00:00:00"),
        customer("CUST_000005", email="di@mail.fr"),
        customer("CUST_000005", email="DI@mail.fr"),  # the same customer again
        customer("CUST_000006", email="bo@mail.fr", first_seen_at="2019-01-01",
                 status="churned"),  # quarantined: it is not first seen among those kept
        customer("CUST_000007", email="bo@mail.fr", first_seen_at="2024-01-01"),
        customer("CUST_000009", email=None),
        customer("CUST_000010", email="not-an-address"),
        customer("CUST_000011", email=" "),
    ]  # fmt: skip
    staged = stg_crm_customers(
        bronze(engine, "crm_customers", rows), accounts, pseudonymiser("md5"), AS_OF
    )
    data, rejects, repaired = staged.outcome(engine)
    mails = {r["customer_id"]: (r["email_hash"], r["has_valid_email"]) for r in data.to_pylist()}

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    assert mails == {
        "CUST_000001": (None, False),
        "CUST_000002": (md5("ann@mail.fr"), True),
        "CUST_000003": (md5("cy@mail.fr"), True),
        "CUST_000004": (None, False),
        "CUST_000005": (md5("di@mail.fr"), True),
        "CUST_000007": (md5("bo@mail.fr"), True),
        "CUST_000008": (None, False),
        "CUST_000009": (None, False),
        "CUST_000010": (None, False),
        "CUST_000011": (None, False),
    }
    assert repaired == {"email: duplicate_value": 3, "email: invalid_value": 1}  # 10's
    assert {r["_row_number"]: r["reason"] for r in rejects.to_pylist()} == {
        7: "duplicate_key",
        8: "inconsistent_status",
    }


OLD, NEW = "crm_customers/2024-12-01.csv", "crm_customers/2024-12-02.csv"


def test_an_email_is_taken_only_by_the_record_kept(engine: Engine) -> None:
    """A customer's older extract is replaced by its latest: an address only the older one
    held is free for the customer who holds it now, though the older one was first seen."""
    accounts = bronze(engine, "crm_accounts", [])
    rows = [
        customer("CUST_000001", email="x@mail.fr", first_seen_at="2020-01-01"),  # A, older
        customer("CUST_000001", email="y@mail.fr", first_seen_at="2020-01-01"),  # A, latest
        customer("CUST_000002", email="X@mail.fr", first_seen_at="2021-01-01"),  # B
        customer("CUST_000003", email="y@mail.fr", first_seen_at="2022-01-01"),  # after A
    ]
    lineage = [(OLD, 1), (NEW, 1), (OLD, 2), (NEW, 2)]
    staged = stg_crm_customers(
        bronze(engine, "crm_customers", rows, lineage), accounts, pseudonymiser("md5"), AS_OF
    )
    data, rejects, repaired = staged.outcome(engine)
    mails = {r["customer_id"]: r["email_hash"] for r in data.to_pylist()}
    assert mails == {
        "CUST_000001": hashlib.md5(b"y@mail.fr").hexdigest(),
        "CUST_000002": hashlib.md5(b"x@mail.fr").hexdigest(),
        "CUST_000003": None,
    }
    assert repaired == {"email: duplicate_value": 1}
    assert rejects.select(["_source_file", "_row_number", "reason"]).to_pylist() == [
        {"_source_file": OLD, "_row_number": 1, "reason": "duplicate_key"}
    ]


def test_a_malformed_email_is_counted_as_repaired_on_the_record_kept(engine: Engine) -> None:
    """An address that does not read is replaced by NULL: counted as ``email: invalid_value``
    where the customer is kept (its latest record), not where it is missing ("n/a", blank) nor
    on a record rejected or replaced."""
    accounts = bronze(engine, "crm_accounts", [])
    rows = [
        customer("CUST_000001", email="ann@@mail.fr"),  # kept: counted
        customer("CUST_000002", email="n/a"),
        customer("CUST_000003", email=" "),
        customer("CUST_000004", email="bo.mail.fr", status="churned"),  # quarantined
        customer("CUST_000005", email="cy@mail"),  # replaced by its latest record
        customer("CUST_000005", email="cy@mail.fr"),
        customer("CUST_000006", email="di@mail.fr"),
        customer("CUST_000006", email="di at mail.fr"),  # its latest record: counted
    ]
    lineage = [(NEW, 1), (NEW, 2), (NEW, 3), (NEW, 4), (OLD, 1), (NEW, 5), (OLD, 2), (NEW, 6)]
    staged = stg_crm_customers(
        bronze(engine, "crm_customers", rows, lineage), accounts, pseudonymiser("md5"), AS_OF
    )
    data, rejects, repaired = staged.outcome(engine)
    valid = {r["customer_id"]: r["has_valid_email"] for r in data.to_pylist()}
    assert valid == {
        "CUST_000001": False, "CUST_000002": False, "CUST_000003": False,
        "CUST_000005": True, "CUST_000006": False,
    }  # fmt: skip
    assert repaired == {"email: invalid_value": 2}
    lines = sorted((r["_source_file"], r["_row_number"], r["reason"]) for r in rejects.to_pylist())
    assert lines == [
        (OLD, 1, "duplicate_key"),
        (OLD, 2, "duplicate_key"),
        (NEW, 4, "inconsistent_status"),
    ]


def test_within_one_extract_a_customers_first_record_holds_its_address(engine: Engine) -> None:
    """Of a customer's records in the one file, the first written is kept (a repeated record
    is a copy) and its address is the one silver hashes; the later one is a duplicate and its
    address is free for another customer."""
    accounts = bronze(engine, "crm_accounts", [])
    rows = [
        customer("CUST_000001", email="first@mail.fr", first_seen_at="2020-01-01"),
        customer("CUST_000001", email="second@mail.fr", first_seen_at="2020-01-01"),
        customer("CUST_000002", email="second@mail.fr", first_seen_at="2021-01-01"),
    ]
    staged = stg_crm_customers(
        bronze(engine, "crm_customers", rows), accounts, pseudonymiser("md5"), AS_OF
    )
    data, _, repaired = staged.outcome(engine)
    assert {r["customer_id"]: r["email_hash"] for r in data.to_pylist()} == {
        "CUST_000001": hashlib.md5(b"first@mail.fr").hexdigest(),
        "CUST_000002": hashlib.md5(b"second@mail.fr").hexdigest(),
    }
    assert (reasons(engine, staged), repaired) == ({2: "duplicate_key"}, {})


def test_placeholder_dates_are_rejected_even_where_a_date_may_be_missing(engine: Engine) -> None:
    """A membership that ended on 1900-01-01, or a profile last contacted on 1970-01-01, holds
    what a system writes for a date it does not know, not a missing one: rejected as
    ``implausible_date``, as an unreadable date is ``invalid_date``."""
    customers = bronze(engine, "crm_customers", [
        customer("CUST_000001"),
        customer("CUST_000002", first_seen_at="1970-01-01 00:00:00"),
    ])  # fmt: skip
    accounts = bronze(engine, "crm_accounts", [])
    staged = stg_crm_customers(customers, accounts, pseudonymiser("md5"), AS_OF)
    assert reasons(engine, staged) == {2: "implausible_date"}
    segments = bronze(engine, "crm_segments", [
        ("SEG_001", "VIP", "Top customers.", "2022-10-06 04:39:56", "true"),
    ])  # fmt: skip
    staged = stg_crm_customer_segments(
        bronze(engine, "crm_customer_segments", [
            ("CUST_000001", "SEG_001", "2023-06-04 02:33:02", "1900-01-01 00:00:00"),
        ]),
        customers,
        segments,
        AS_OF,
    )  # fmt: skip
    assert reasons(engine, staged) == {1: "implausible_date"}
    profile = {name: "1" for name in contracts.get("crm_customer_profile").column_names}
    profile |= {
        "customer_id": "CUST_000001",
        "clv_score": "10.5",
        "avg_order_value_eur": "5",
        "total_spend_eur": "5",
        "open_rate_pct": "0.5",
        "click_rate_pct": "0.1",
    }
    staged = stg_crm_customer_profile(
        bronze(engine, "crm_customer_profile", [
            row("crm_customer_profile", profile, last_contact_at="2024-01-01 00:00:00"),
            row("crm_customer_profile", profile, customer_id="CUST_000002",
                last_contact_at="1970-01-01 00:00:00"),
        ]),
        customers,
        AS_OF,
    )  # fmt: skip
    assert reasons(engine, staged) == {2: "implausible_date"}

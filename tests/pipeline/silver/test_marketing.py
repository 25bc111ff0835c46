"""Seed 004 campaigns in silver: typing, the KPIs with zero divisions, rejects and dedup."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from c360.engines import Engine
from c360.pipeline.silver.marketing import (
    stg_mongo_campaigns,
    stg_mongo_customers,
    stg_mongo_transactions,
)
from c360.pipeline.silver.privacy import pseudonymiser

FIELDS = ("campaign_id", "campaign_name", "campaign_type", "budget", "spend", "impressions",
          "clicks", "conversions", "start_date", "status")  # fmt: skip
RAW = [  # one campaign per case; numbers as bronze keeps them (text)
    ("CAMP001", "Spring", "Email", "1000.0", "800.0", "10000", "500", "25",
     "2024-03-01T00:00:00Z", "completed"),  # every KPI defined
    ("CAMP002", None, None, "0", "0", "0", "0", "0", "2026-02-01T00:00:00Z", "scheduled"),
    ("CAMP003", " Organic ", "Social Media", "0.0", "12,50", "200", "0", "0",
     "2024-05-01", "ACTIVE"),  # zero budget, clicks, conversions; decimal comma
    ("CAMP004", "Bad", "Email", "1", "abc", "1", "1", "1", "2024-01-01", "active"),
    ("CAMP005", "Over", "Email", "10", "1", "5", "9", "1", "2024-01-01", "active"),
    ("CAMP006", "Neg", "Email", "10", "-3", "5", "1", "1", "2024-01-01", "active"),
    ("CAMP007", "Date", "Email", "10", "1", "5", "1", "1", "2024-02-30", "active"),
    (None, "NoKey", "Email", "10", "1", "5", "1", "1", "2024-01-01", "active"),
    ("CAMP001", "Spring copy", "Email", "1000.0", "900.0", "10000", "500", "25",
     "2024-03-01T00:00:00Z", "completed"),  # a later duplicate of CAMP001
]  # fmt: skip


@pytest.fixture()
def bronze(engine: Engine) -> pa.Table:
    columns = {f: [r[i] for r in RAW] for i, f in enumerate(FIELDS)}
    columns["_source_file"] = ["sources/marketing/campaigns.jsonl"] * len(RAW)
    columns["_row_number"] = list(range(1, len(RAW) + 1))
    return pa.table(columns)


def test_kpis_follow_seed_004_and_divisions_by_zero_are_null(
    engine: Engine, bronze: pa.Table
) -> None:
    staged = stg_mongo_campaigns(engine.register("bronze_campaigns_kpi", bronze))
    rows = {r["campaign_id"]: r for r in staged.collect(engine)[0].to_pylist()}
    assert sorted(rows) == ["CAMP001", "CAMP002", "CAMP003", "CAMP007"]
    first = rows["CAMP001"]
    assert first["spend"] == 800.0  # the first record wins over its later duplicate
    assert first["ctr"] == pytest.approx(5.0)
    assert first["conversion_rate"] == pytest.approx(5.0)
    assert first["cpc"] == pytest.approx(1.6)
    assert first["cpa"] == pytest.approx(32.0)
    assert first["roi"] == pytest.approx(20.0)
    scheduled = rows["CAMP002"]
    assert [scheduled[k] for k in ("ctr", "conversion_rate", "cpc", "cpa", "roi")] == [None] * 5
    assert (scheduled["campaign_name"], scheduled["campaign_type"]) == (
        "Unnamed campaign",
        "Unknown",
    )
    assert scheduled["start_date"].replace(tzinfo=None) == dt.datetime(2026, 2, 1)
    organic = rows["CAMP003"]
    assert (organic["campaign_name"], organic["status"], organic["spend"]) == (
        "Organic",
        "active",
        12.5,
    )
    assert organic["ctr"] == 0.0
    assert [organic[k] for k in ("conversion_rate", "cpc", "cpa", "roi")] == [None] * 4
    undated = rows["CAMP007"]  # its start date does not read: the campaign stays without it
    assert (undated["start_date"], undated["roi"]) == (None, 90.0)


def test_every_bronze_row_is_clean_or_rejected_with_a_reason(
    engine: Engine, bronze: pa.Table
) -> None:
    staged = stg_mongo_campaigns(engine.register("bronze_campaigns_rej", bronze))
    rejects = {r["_row_number"]: r["reason"] for r in staged.collect(engine)[1].to_pylist()}
    assert rejects == {
        4: "invalid_number", 5: "inconsistent_counts", 6: "negative_amount",
        8: "missing_key", 9: "duplicate_key",
    }  # fmt: skip
    assert staged.collect(engine)[0].num_rows + len(rejects) == bronze.num_rows


TX_FIELDS = ("transaction_id", "customer_id", "product", "amount", "quantity", "payment_method",
             "discount_applied", "shipping_cost", "timestamp")  # fmt: skip
TX = [
    ("TXN1", "CUST1", "Laptop", "999.99", "1", "Card", "50.0", "10.0", "2024-01-02T10:00:00Z"),
    ("TXN2", "CUST1", None, "118,99", "2", None, None, None, "2024-01-03T00:00:00Z"),
    ("TXN3", "CUST9", "Mug", "5", "1", "Card", "0", "0", "2024-01-04T00:00:00Z"),  # orphan
    ("TXN4", "CUST2", "Mug", "-5", "1", "Card", "0", "0", "2024-01-04T00:00:00Z"),
    ("TXN5", "CUST2", "Mug", "5", "0", "Card", "0", "0", "2024-01-04T00:00:00Z"),
    ("TXN6", "CUST2", "Mug", "5", "1", "Card", "0", "0", "2095-01-04T00:00:00Z"),
    ("TXN7", "CUST2", "Mug", "5", "1", "Card", "0", "0", "31/13/2023"),
    ("TXN8", None, "Mug", "5", "1", "Card", "0", "0", "2024-01-04T00:00:00Z"),
    ("TXN9", "CUST2", "Mug", "five", "1", "Card", "0", "0", "2024-01-04T00:00:00Z"),
    ("TXN1", "CUST1", "Laptop", "999.99", "1", "Card", "50.0", "10.0", "2024-01-02T10:00:05Z"),
    ("TXN10", "CUST2", "Mug", "5", None, "Card", "0", "0", "2024-01-04T00:00:00Z"),
    ("TXN11", "CUST2", "Mug", "5", "null", "Card", "0", "0", "2024-01-04T00:00:00Z"),
    ("TXN12", "CUST2", "Mug", "5", "-2", "Card", "0", "0", "2024-01-04T00:00:00Z"),
]  # fmt: skip


def test_transactions_total_defaults_and_rejects(engine: Engine) -> None:
    columns = {f: [r[i] for r in TX] for i, f in enumerate(TX_FIELDS)}
    columns["_source_file"] = ["sources/marketing/transactions.jsonl"] * len(TX)
    columns["_row_number"] = list(range(1, len(TX) + 1))
    bronze = engine.register("bronze_transactions", pa.table(columns))
    customers = engine.register("known_customers", pa.table({"customer_id": ["CUST1", "CUST2"]}))
    staged = stg_mongo_transactions(bronze, customers, dt.datetime(2025, 12, 31, tzinfo=dt.UTC))
    clean = {r["transaction_id"]: r for r in staged.collect(engine)[0].to_pylist()}
    assert sorted(clean) == ["TXN1", "TXN2"]
    assert clean["TXN1"]["total_amount"] == pytest.approx(999.99 - 50 + 10)
    second = clean["TXN2"]
    assert (second["amount"], second["total_amount"]) == (118.99, 118.99)  # 0 discount, shipping
    assert (second["product"], second["payment_method"]) == ("Unknown product", "Unknown")
    rejects = {r["_row_number"]: r["reason"] for r in staged.collect(engine)[1].to_pylist()}
    assert rejects == {
        3: "orphan_customer", 4: "negative_amount", 5: "non_positive_quantity",
        6: "future_date", 7: "invalid_date", 8: "missing_customer", 9: "invalid_number",
        10: "duplicate_key", 11: "missing_quantity", 12: "missing_quantity",
        13: "non_positive_quantity",
    }  # fmt: skip


def table(engine: Engine, name: str, fields: tuple[str, ...], rows: list[tuple]) -> object:
    columns: dict[str, list[object]] = {f: [r[i] for r in rows] for i, f in enumerate(fields)}
    columns["_source_file"] = ["sources/marketing/x.jsonl"] * len(rows)
    columns["_row_number"] = list(range(1, len(rows) + 1))
    return engine.register(name, pa.table(columns))


def test_transactions_and_campaigns_of_the_wrong_json_type_are_quarantined(
    engine: Engine,
) -> None:
    """Bronze keeps a JSON object, array or boolean as its JSON text; none is a product, a
    payment method or a campaign name. An id in a format of its own is kept."""
    tx = table(engine, "tx_types", TX_FIELDS, [
        ("TXN00001", "CUST00001", "Laptop", "5", "1", "Card", "0", "0", "2024-01-04T00:00:00Z"),
        ("TXN00002", "CUST00001", '{"name": "Mug"}', "5", "1", "Card", "0", "0",
         "2024-01-04T00:00:00Z"),
        ("TXN00003", "CUST00001", "Mug", "5", "1", "true", "0", "0", "2024-01-04T00:00:00Z"),
        ("12345", "CUST00001", "Mug", "5", "1", "Card", "0", "0", "2024-01-04T00:00:00Z"),
        ("TXN00005", "CUST00001", "501", "5", "1", "Card", "0", "0",
         "2024-01-04T00:00:00Z"),  # a product may be named by a number (Levi's 501)
    ])  # fmt: skip
    customers = engine.register("tx_types_customers", pa.table({"customer_id": ["CUST00001"]}))
    staged = stg_mongo_transactions(tx, customers, dt.datetime(2025, 12, 31, tzinfo=dt.UTC))
    rejects = {r["_row_number"]: r["reason"] for r in staged.collect(engine)[1].to_pylist()}
    assert rejects == {2: "invalid_value", 3: "invalid_value"}
    campaigns = table(engine, "campaign_types", FIELDS, [
        RAW[0],
        ("CAMP002", '["Spring"]', "Email", "10", "1", "5", "1", "1", "2024-01-01", "active"),
        ("CAMP003", "Spring", "false", "10", "1", "5", "1", "1", "2024-01-01", "active"),
        ("42", "Spring", "Email", "10", "1", "5", "1", "1", "2024-01-01", "active"),
    ])  # fmt: skip
    staged = stg_mongo_campaigns(campaigns)
    rejects = {r["_row_number"]: r["reason"] for r in staged.collect(engine)[1].to_pylist()}
    assert rejects == {2: "invalid_value", 3: "invalid_value"}


def test_statuses_are_spelt_as_allowed_and_unknown_ones_become_null_and_are_counted(
    engine: Engine,
) -> None:
    """Seed 004's campaign_performance reports each campaign's status: a variant in case or
    spaces is the status it names; one the contract does not allow becomes NULL, as a missing
    one, and is counted. The campaign stays: its budget, spend and KPIs are sound."""
    campaigns = table(engine, "campaign_statuses", FIELDS, [
        RAW[0],
        ("CAMP002", "Spring", "Email", "10", "1", "5", "1", "1", "2024-01-01", " Paused "),
        ("CAMP003", "Spring", "Email", "10", "1", "5", "1", "1", "2024-01-01", "ACTIVE"),
        ("CAMP004", "Spring", "Email", "10", "1", "5", "1", "1", "2024-01-01", "running"),
        ("CAMP005", "Spring", "Email", "10", "1", "5", "1", "1", "2024-01-01", None),
        ("CAMP006", "Spring", "Email", "10", "1", "5", "1", "1", "2024-01-01", "on hold"),
        ("CAMP007", "Spring", "Email", "10", "-1", "5", "1", "1", "2024-01-01", "void"),
    ])  # fmt: skip
    clean, rejects, repaired = stg_mongo_campaigns(campaigns).outcome(engine)
    assert {r["campaign_id"]: r["status"] for r in clean.to_pylist()} == {
        "CAMP001": "completed",
        "CAMP002": "paused",
        "CAMP003": "active",
        "CAMP004": None,
        "CAMP005": None,
        "CAMP006": None,
    }
    assert rejects.column("reason").to_pylist() == ["negative_amount"]  # its status not counted
    assert repaired == {"status: invalid_value": 2}


def test_a_start_date_that_does_not_read_leaves_the_campaign_without_one_and_is_counted(
    engine: Engine,
) -> None:
    """A campaign is a dimension: its spend, impressions and conversions count in every
    marketing total. A start date silver cannot read is unknown, as a missing one: NULL, the
    campaign kept and the value counted, never lost unseen."""
    campaigns = table(engine, "campaign_start_dates", FIELDS, [
        RAW[0],
        ("CAMP002", "Spring", "Email", "10", "1", "5", "1", "1", "2024-02-30", "active"),
        ("CAMP003", "Spring", "Email", "10", "1", "5", "1", "1", "unknown", "active"),
        ("CAMP004", "Spring", "Email", "10", "1", "5", "1", "1", None, "active"),
        ("CAMP005", "Spring", "Email", "10", "1", "5", "1", "1", "1900-01-01", "active"),
        ("CAMP006", "Spring", "Email", "10", "-1", "5", "1", "1", "2024-02-30", "active"),
    ])  # fmt: skip
    clean, rejects, repaired = stg_mongo_campaigns(campaigns).outcome(engine)
    starts = {
        r["campaign_id"]: r["start_date"] and r["start_date"].replace(tzinfo=None)
        for r in clean.to_pylist()
    }
    assert starts == {
        "CAMP001": dt.datetime(2024, 3, 1),
        "CAMP002": None,
        "CAMP003": None,
        "CAMP004": None,
        "CAMP005": None,
    }
    assert clean.column("spend").to_pylist() == [800.0, 1.0, 1.0, 1.0, 1.0]
    assert rejects.column("reason").to_pylist() == ["negative_amount"]  # its date not counted
    assert repaired == {"start_date: invalid_date": 2, "start_date: implausible_date": 1}


CUSTOMER_FIELDS = ("customer_id", "first_name", "last_name", "email", "phone", "age", "country",
                   "city", "gender", "marketing_consent")  # fmt: skip
ANN = ("CUST00001", "Ann", "Lee", "ann@mail.fr", "+33612345678", "35", "France", "Paris", "F",
       "true")  # fmt: skip


def test_contacts_of_the_wrong_json_type_are_quarantined(engine: Engine) -> None:
    """A JSON object, array or boolean where text belongs, or a number where a name does."""
    customers = table(engine, "contacts_types", CUSTOMER_FIELDS, [
        ANN,
        ("CUST00002", "Bo", "Roy", "bo@mail.fr", "+33612345679", "35", "France",
         '{"name": "Paris"}', "M", "true"),  # a JSON object where a city belongs
        ("CUST00003", "true", "Dee", "cy@mail.fr", "+33612345670", "35", "France", "Lyon", "M",
         "true"),  # "name": true
        ("CUST00004", "Dan", "42", "dan@mail.fr", "+33612345671", "35", "France", "Lyon", "M",
         "true"),  # a number is no last name
        ("12345", "Eve", "Fox", "eve@mail.fr", "+33612345672", "35", "France", "Lyon", "F",
         "true"),
        ("CUST00006", "Flo", "Gil", "flo@mail.fr", "+33612345673", "35", "France", "Lyon", "F",
         '{"opt_in": true}'),
    ])  # fmt: skip
    staged = stg_mongo_customers(customers, pseudonymiser("md5"))
    assert staged.collect(engine)[0].column("customer_id").to_pylist() == ["12345", "CUST00001"]
    rejects = {r["_row_number"]: r["reason"] for r in staged.collect(engine)[1].to_pylist()}
    assert rejects == {
        2: "invalid_value",
        3: "invalid_value",
        4: "invalid_value",
        6: "invalid_value",
    }


def test_contact_values_silver_cannot_read_become_defaults_and_are_counted(
    engine: Engine,
) -> None:
    """Seed 004 keeps every contact, with defaults; a value it replaced is counted by reason
    and column for the run report, a missing one is not (nothing was lost)."""
    customers = table(engine, "contacts_counted", CUSTOMER_FIELDS, [
        ANN,
        ("CUST00002", "Bo", "Roy", "bo@mail.fr", "+33612345679", "35", "Atlantis", "Lyon", "M",
         "true"),
        ("CUST00003", "Cy", "Dee", "cy@", "000", "212", "France", "Lyon", "X", "maybe"),
        ("CUST00004", "Dan", "Eck", "dan@mail.fr", "+33612345671", "old", "France", "Lyon", "M",
         "no"),
        ("CUST00005", None, None, None, None, None, None, None, None, None),  # all missing
    ])  # fmt: skip
    clean, rejects, repaired = stg_mongo_customers(customers, pseudonymiser("md5")).outcome(engine)
    rows = {r["customer_id"]: r for r in clean.to_pylist()}
    assert rejects.num_rows == 0 and len(rows) == 5
    assert rows["CUST00002"]["country"] is None
    third = rows["CUST00003"]
    assert [third[k] for k in ("email_hash", "phone_hash", "age", "gender")] == [None] * 3 + ["U"]
    assert third["marketing_consent"] is False
    assert rows["CUST00004"]["age"] is None
    assert (rows["CUST00005"]["full_name"], rows["CUST00005"]["gender"]) == ("Unknown", "U")
    assert repaired == {
        "country: invalid_value": 1,
        "email: invalid_value": 1,
        "phone: invalid_value": 1,
        "age: out_of_range": 1,
        "age: invalid_number": 1,
        "gender: invalid_value": 1,
        "marketing_consent: invalid_value": 1,
    }


def test_consent_reads_every_yes_the_truth_parser_reads(engine: Engine) -> None:
    """A "Sí", "ja" or "t" is a yes as much as "oui": read as false (and counted) it would
    withhold consent the contact gave."""
    customers = table(engine, "contacts_consent", CUSTOMER_FIELDS, [
        (*ANN[:9], "Sí"),
        ("CUST00002", *ANN[1:9], "ja"),
        ("CUST00003", *ANN[1:9], "t"),
        ("CUST00004", *ANN[1:9], "nein"),
    ])  # fmt: skip
    clean, _, repaired = stg_mongo_customers(customers, pseudonymiser("md5")).outcome(engine)
    consent = {r["customer_id"]: r["marketing_consent"] for r in clean.to_pylist()}
    assert consent == {"CUST00001": True, "CUST00002": True, "CUST00003": True,
                       "CUST00004": False}  # fmt: skip
    assert repaired == {}


def test_a_discount_above_the_amount_and_shipping_is_rejected(engine: Engine) -> None:
    """Silver keeps amounts ≥ 0: a total_amount below 0 is a defect, not a sale."""
    tx = table(engine, "tx_discounts", TX_FIELDS, [
        ("TXN1", "CUST1", "Mug", "10", "1", "Card", "50", "0", "2024-01-02T10:00:00Z"),
        ("TXN2", "CUST1", "Mug", "10", "1", "Card", "12", "5", "2024-01-02T10:00:00Z"),
        ("TXN3", "CUST1", "Mug", "10", "1", "Card", "10", None, "2024-01-02T10:00:00Z"),
    ])  # fmt: skip
    customers = engine.register("tx_discounts_customers", pa.table({"customer_id": ["CUST1"]}))
    staged = stg_mongo_transactions(tx, customers, dt.datetime(2025, 12, 31, tzinfo=dt.UTC))
    clean, rejects = staged.collect(engine)
    assert {r["transaction_id"]: r["total_amount"] for r in clean.to_pylist()} == {
        "TXN2": 3.0,
        "TXN3": 0.0,
    }
    assert rejects.select(["transaction_id", "reason"]).to_pylist() == [
        {"transaction_id": "TXN1", "reason": "inconsistent_amount"}
    ]


def test_a_contact_written_with_null_words_is_a_contact_with_missing_values(
    engine: Engine,
) -> None:
    """An export's NULL, N/A or NaN is no value: the contact gets the defaults a missing value
    gets, and nothing is counted as unreadable (a phone "n/a" was an invalid phone before)."""
    words = ("CUST00001", "NULL", "null", "N/A", "n/a", "NaN", "None", "\\N", "#N/A", "<NA>")
    blanks = ("CUST00002", None, None, None, None, None, None, None, None, None)
    customers = table(engine, "contacts_words", CUSTOMER_FIELDS, [words, blanks])
    clean, rejects, repaired = stg_mongo_customers(customers, pseudonymiser("md5")).outcome(engine)
    first, second = clean.to_pylist()
    assert rejects.num_rows == 0 and repaired == {}
    assert {k: v for k, v in first.items() if k != "customer_id"} == {
        k: v for k, v in second.items() if k != "customer_id"
    }
    assert (first["full_name"], first["gender"], first["country"]) == ("Unknown", "U", None)


def test_na_is_a_missing_value_but_namibia_as_a_country(engine: Engine) -> None:
    """R and pandas write NA for a missing value: an age NA is none (not an unreadable age), a
    country NA is Namibia's code."""
    row = ("CUST00001", "Ann", "Lee", "", "", "NA", "NA", "Windhoek", "NA", "NA")
    customers = table(engine, "contacts_na", CUSTOMER_FIELDS, [row])
    clean, rejects, repaired = stg_mongo_customers(customers, pseudonymiser("md5")).outcome(engine)
    assert rejects.num_rows == 0 and repaired == {}
    (contact,) = clean.to_pylist()
    assert (contact["age"], contact["country"], contact["gender"]) == (None, "NA", "U")
    assert contact["marketing_consent"] is False


def test_amounts_in_euros_are_read_and_other_currencies_rejected(engine: Engine) -> None:
    """Seed 004's amounts are euros: a sign or code is read, "1,234" is 1234 (cents have two
    digits), a dollar amount is no euro amount; a NULL customer is a missing one, not an orphan."""
    tx = table(engine, "tx_money", TX_FIELDS, [
        ("TXN1", "CUST1", "Mug", "12,50 €", "1", "Card", "€2.50", "EUR 4,99", "2024-01-02"),
        ("TXN2", "CUST1", "Laptop", "1,234", "1", "Card", "+0", "0", "2024-01-02"),
        ("TXN3", "CUST1", "Mug", "$12.50", "1", "Card", "0", "0", "2024-01-02"),
        ("TXN4", "NULL", "Mug", "12.50", "1", "Card", "0", "0", "2024-01-02"),
        ("TXN5", "CUST1", "Mug", "N/A", "1", "Card", "NaN", "null", "2024-01-02"),
    ])  # fmt: skip
    customers = engine.register("tx_money_customers", pa.table({"customer_id": ["CUST1"]}))
    staged = stg_mongo_transactions(tx, customers, dt.datetime(2025, 12, 31, tzinfo=dt.UTC))
    clean, rejects = staged.collect(engine)
    assert {r["transaction_id"]: r["total_amount"] for r in clean.to_pylist()} == {
        "TXN1": pytest.approx(12.5 - 2.5 + 4.99),
        "TXN2": 1234.0,
    }
    assert {r["transaction_id"]: r["reason"] for r in rejects.to_pylist()} == {
        "TXN3": "other_currency",
        "TXN4": "missing_customer",
        "TXN5": "missing_amount",
    }


def test_an_amount_written_as_nan_is_an_invalid_number_not_a_missing_one(engine: Engine) -> None:
    """A NaN where the amount belongs was written (a float that is no number, as JSON writers
    print it): ``invalid_number``. An amount left out or written N/A is ``missing_amount``."""
    rows = [
        (f"TXN{i}", "CUST1", "Mug", amount, "1", "Card", "0", "0", "2024-01-02")
        for i, amount in enumerate(["NaN", "nan", " NaN ", "N/A", None, "NULL", "12.50"], 1)
    ]
    tx = table(engine, "tx_nan", TX_FIELDS, rows)
    customers = engine.register("tx_nan_customers", pa.table({"customer_id": ["CUST1"]}))
    staged = stg_mongo_transactions(tx, customers, dt.datetime(2025, 12, 31, tzinfo=dt.UTC))
    clean, rejects = staged.collect(engine)
    assert clean.column("transaction_id").to_pylist() == ["TXN7"]
    assert {r["transaction_id"]: r["reason"] for r in rejects.to_pylist()} == {
        "TXN1": "invalid_number",
        "TXN2": "invalid_number",
        "TXN3": "invalid_number",
        "TXN4": "missing_amount",
        "TXN5": "missing_amount",
        "TXN6": "missing_amount",
    }


def test_an_unreadable_discount_or_shipping_cost_is_no_default_0(engine: Engine) -> None:
    """Only a missing discount or shipping cost is 0: one written but unreadable ("$3" is
    ``other_currency``, "three" ``invalid_number``) is not read as 0 and the total made
    larger."""
    rows = [
        ("TXN1", "CUST1", "Mug", "12.50", "1", "Card", "$3", "0", "2024-01-02"),
        ("TXN2", "CUST1", "Mug", "12.50", "1", "Card", "0", "three", "2024-01-02"),
        ("TXN3", "CUST1", "Mug", "12.50", "1", "Card", "N/A", None, "2024-01-02"),
        ("TXN4", "CUST1", "Mug", "12.50", "1", "Card", "20", "1", "2024-01-02"),
    ]
    tx = table(engine, "tx_unreadable_extras", TX_FIELDS, rows)
    customers = engine.register("tx_extras_customers", pa.table({"customer_id": ["CUST1"]}))
    staged = stg_mongo_transactions(tx, customers, dt.datetime(2025, 12, 31, tzinfo=dt.UTC))
    clean, rejects = staged.collect(engine)
    assert {r["transaction_id"]: r["total_amount"] for r in clean.to_pylist()} == {"TXN3": 12.5}
    assert {r["transaction_id"]: (r["reason"], r["column"]) for r in rejects.to_pylist()} == {
        "TXN1": ("other_currency", "discount_applied"),
        "TXN2": ("invalid_number", "shipping_cost"),
        "TXN4": ("inconsistent_amount", None),
    }


def test_names_and_cities_written_all_in_one_case_are_title_cased(engine: Engine) -> None:
    """Each part is cased on its own ("jean" "DUPONT" is Jean Dupont) and full_name is made
    of the cased parts; a mixed-case part is kept as written; a mis-encoded one is repaired
    first. Casing is no repair: nothing is counted."""
    customers = table(engine, "contacts_case", CUSTOMER_FIELDS, [
        ("CUST00001", "jean", "DUPONT", *ANN[3:7], "SAN ANTONIO", *ANN[8:]),
        ("CUST00002", "Ann", "McDonald", *ANN[3:7], "Saint-Étienne", *ANN[8:]),
        ("CUST00003", "Ã‰LODIE", None, *ANN[3:7], "clermont-ferrand", *ANN[8:]),
        ("CUST00004", None, "o'brien", *ANN[3:7], "van der Berg", *ANN[8:]),
        ("CUST00005", "jean-pierre", "de LA FONTAINE", *ANN[3:7], None, *ANN[8:]),
    ])  # fmt: skip
    clean, rejects, repaired = stg_mongo_customers(customers, pseudonymiser("md5")).outcome(engine)
    assert rejects.num_rows == 0 and repaired == {}
    names = [
        (r["first_name"], r["last_name"], r["full_name"], r["city"]) for r in clean.to_pylist()
    ]
    assert names == [
        ("Jean", "Dupont", "Jean Dupont", "San Antonio"),
        ("Ann", "McDonald", "Ann McDonald", "Saint-Étienne"),
        ("Élodie", None, "Élodie", "Clermont-Ferrand"),
        (None, "O'Brien", "O'Brien", "van der Berg"),
        ("Jean-Pierre", "de LA FONTAINE", "Jean-Pierre de LA FONTAINE", None),
    ]


def test_placeholder_dates_are_no_transactions_nor_campaign_starts(engine: Engine) -> None:
    """0001-01-01, 1900-01-01 or 1970-01-01 (the Unix epoch) is what systems write for a date
    they do not know: no sale and no campaign of this platform happened before 1990. A sale
    without its time is rejected; a campaign stays, its start unknown (NULL) and counted."""
    tx = table(engine, "tx_placeholder_dates", TX_FIELDS, [
        (f"TXN{n}", "CUST1", "Mug", "5", "1", "Card", "0", "0", when)
        for n, when in enumerate([
            "1990-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1900-01-01T00:00:00Z",
            "0001-01-01T00:00:00Z", "1989-12-31T23:59:59Z", "1970-01-01",
        ], start=1)
    ])  # fmt: skip
    customers = engine.register("tx_placeholder_customers", pa.table({"customer_id": ["CUST1"]}))
    staged = stg_mongo_transactions(tx, customers, dt.datetime(2025, 12, 31, tzinfo=dt.UTC))
    clean, rejects = staged.collect(engine)
    assert clean.column("transaction_id").to_pylist() == ["TXN1"]
    assert set(rejects.column("reason").to_pylist()) == {"implausible_date"}
    campaigns = table(engine, "campaign_placeholder_dates", FIELDS, [
        RAW[0],
        ("CAMP002", "Old", "Email", "10", "1", "5", "1", "1", "1970-01-01T00:00:00Z", "active"),
        ("CAMP003", "Old", "Email", "10", "1", "5", "1", "1", "1900-01-01", "active"),
    ])  # fmt: skip
    clean, rejects, repaired = stg_mongo_campaigns(campaigns).outcome(engine)
    assert rejects.num_rows == 0
    assert clean.column("start_date").to_pylist()[1:] == [None, None]
    assert repaired == {"start_date: implausible_date": 2}


def test_campaign_counts_with_their_thousands_grouped_are_read(engine: Engine) -> None:
    """Seed 004's impressions, clicks and conversions as a spreadsheet prints them."""
    campaigns = table(engine, "campaign_grouped_counts", FIELDS, [
        ("CAMP001", "Spring", "Email", "10000", "8500", "100,000", "5,000", "250",
         "2024-03-01T00:00:00Z", "completed"),
        ("CAMP002", "Spring", "Email", "10000", "8500", "1.000", "5", "2",
         "2024-03-01T00:00:00Z", "completed"),  # 1000 or 1: rejected, not guessed
    ])  # fmt: skip
    clean, rejects = stg_mongo_campaigns(campaigns).collect(engine)
    [row] = clean.to_pylist()
    assert (row["impressions"], row["clicks"], row["ctr"]) == (100000, 5000, 5.0)
    assert rejects.column("reason").to_pylist() == ["invalid_number"]


def test_products_and_payment_methods_are_spelt_one_way(engine: Engine) -> None:
    """As seed 004 writes them ("Laptop", "Card"): trimmed, and title-cased where written all
    in upper or all in lower case; a usual payment method is spelt as usual whatever its case,
    spaces, hyphens or underscores ("paypal", "BANK_TRANSFER"); a mixed-case value is kept as
    written. Casing is no repair: nothing is counted."""
    rows = [
        (" laptop ", "CARD"), ("LAPTOP", "card"), ("Laptop", " Card "), ("t-shirt", "paypal"),
        ("COFFEE MACHINE", "BANK_TRANSFER"), ("Coffee Machine", "bank-transfer"),
        ("iPhone 15", "cash on delivery"), ("running shoes", "Paypal"),
        ("Yoga Mat", "crypto wallet"), (None, None),
    ]  # fmt: skip
    tx = table(engine, "tx_spelling", TX_FIELDS, [
        (f"TXN{n:02d}", "CUST1", product, "5", "1", method, "0", "0", "2024-01-04T00:00:00Z")
        for n, (product, method) in enumerate(rows)
    ])  # fmt: skip
    customers = engine.register("tx_spelling_customers", pa.table({"customer_id": ["CUST1"]}))
    staged = stg_mongo_transactions(tx, customers, dt.datetime(2025, 12, 31, tzinfo=dt.UTC))
    clean, rejects, repaired = staged.outcome(engine)
    assert rejects.num_rows == 0 and repaired == {}
    assert [(r["product"], r["payment_method"]) for r in clean.to_pylist()] == [
        ("Laptop", "Card"), ("Laptop", "Card"), ("Laptop", "Card"), ("T-Shirt", "PayPal"),
        ("Coffee Machine", "Bank Transfer"), ("Coffee Machine", "Bank Transfer"),
        ("iPhone 15", "Cash on Delivery"), ("Running Shoes", "PayPal"),
        ("Yoga Mat", "Crypto Wallet"), ("Unknown product", "Unknown"),
    ]  # fmt: skip


def test_an_amount_with_one_dot_before_three_digits_in_a_csv_is_ambiguous(
    engine: Engine,
) -> None:
    """Transactions and campaigns read from a CSV: "1.234" may be 1234 or 1.234, and the row
    is quarantined as ``ambiguous_amount`` naming its column, not as an unreadable number
    ("$1.234" is ``other_currency``); "1.234 €" is 1234. From JSON a plain "1.234" is 1.234
    (a program printed it), "€1.234" is ambiguous there too."""
    rows = [
        ("TXN1", "CUST1", "Mug", "1.234", "1", "Card", "0", "0", "2024-01-02"),
        ("TXN2", "CUST1", "Mug", "12.50", "1", "Card", "1.234", "0", "2024-01-02"),
        ("TXN3", "CUST1", "Mug", "2.000,00", "1", "Card", "0", "€ 1.234", "2024-01-02"),
        ("TXN4", "CUST1", "Mug", "$1.234", "1", "Card", "0", "0", "2024-01-02"),
        ("TXN5", "CUST1", "Mug", "1.234 €", "1", "Card", "0", "0", "2024-01-02"),
    ]
    customers = engine.register("tx_dot_customers", pa.table({"customer_id": ["CUST1"]}))
    as_of = dt.datetime(2025, 12, 31, tzinfo=dt.UTC)
    found = {}
    for suffix in ("csv", "jsonl"):
        columns = {f: [r[i] for r in rows] for i, f in enumerate(TX_FIELDS)}
        columns["_source_file"] = [f"sources/marketing/transactions.{suffix}"] * len(rows)
        columns["_row_number"] = list(range(1, len(rows) + 1))
        tx = engine.register(f"tx_dot_{suffix}", pa.table(columns))
        clean, rejects = stg_mongo_transactions(tx, customers, as_of).collect(engine)
        amounts = {r["transaction_id"]: r["amount"] for r in clean.to_pylist()}
        found[suffix] = (
            amounts,
            [(r["transaction_id"], r["reason"], r["column"]) for r in rejects.to_pylist()],
        )
    assert found["csv"] == (
        {"TXN5": 1234.0},
        [
            ("TXN1", "ambiguous_amount", "amount"),
            ("TXN2", "ambiguous_amount", "discount_applied"),
            ("TXN3", "ambiguous_amount", "shipping_cost"),
            ("TXN4", "other_currency", "amount"),
        ],
    )
    assert found["jsonl"] == (
        {"TXN1": 1.234, "TXN2": 12.5, "TXN5": 1234.0},
        [("TXN3", "ambiguous_amount", "shipping_cost"), ("TXN4", "other_currency", "amount")],
    )
    campaigns = [
        ("C1", "A", "Email", "1.234", "10", "5", "1", "1", "2024-01-01", "active"),
        ("C2", "B", "Email", "10", "12.345", "5", "1", "1", "2024-01-01", "active"),
        ("C3", "C", "Email", "$1.234", "10", "5", "1", "1", "2024-01-01", "active"),
        ("C4", "D", "Email", "1.234 €", "10", "5", "1", "1", "2024-01-01", "active"),
    ]
    columns = {f: [r[i] for r in campaigns] for i, f in enumerate(FIELDS)}
    columns["_source_file"] = ["sources/marketing/campaigns.csv"] * len(campaigns)
    columns["_row_number"] = list(range(1, len(campaigns) + 1))
    staged = stg_mongo_campaigns(engine.register("campaigns_dot_csv", pa.table(columns)))
    clean, rejects = staged.collect(engine)
    assert {r["campaign_id"]: r["budget"] for r in clean.to_pylist()} == {"C4": 1234.0}
    assert [(r["campaign_id"], r["reason"], r["column"]) for r in rejects.to_pylist()] == [
        ("C1", "ambiguous_amount", "budget"),
        ("C2", "ambiguous_amount", "spend"),
        ("C3", "other_currency", "budget"),
    ]


def test_amounts_in_another_currency_are_other_currency(engine: Engine) -> None:
    """A transaction's amount, discount or shipping cost and a campaign's budget or spend
    written in another currency ("$1,200", "1200 USD", "£950.00") are ``other_currency``
    naming their column, as in a ``*_eur`` column; text that is no amount ("12 dollars") stays
    ``invalid_number``, and the euro's sign or code reads."""
    tx = table(engine, "tx_other_currency", TX_FIELDS, [
        ("TXN1", "CUST1", "Mug", "$1,200", "1", "Card", "0", "0", "2024-01-02"),
        ("TXN2", "CUST1", "Mug", "1200", "1", "Card", "1200 USD", "0", "2024-01-02"),
        ("TXN3", "CUST1", "Mug", "1200", "1", "Card", "0", "£9.50", "2024-01-02"),
        ("TXN4", "CUST1", "Mug", "12 dollars", "1", "Card", "0", "0", "2024-01-02"),
        ("TXN5", "CUST1", "Mug", "1200 EUR", "1", "Card", "€2", "0", "2024-01-02"),
    ])  # fmt: skip
    customers = engine.register("tx_currency_customers", pa.table({"customer_id": ["CUST1"]}))
    staged = stg_mongo_transactions(tx, customers, dt.datetime(2025, 12, 31, tzinfo=dt.UTC))
    clean, rejects = staged.collect(engine)
    assert {r["transaction_id"]: r["total_amount"] for r in clean.to_pylist()} == {"TXN5": 1198.0}
    assert [(r["transaction_id"], r["reason"], r["column"]) for r in rejects.to_pylist()] == [
        ("TXN1", "other_currency", "amount"),
        ("TXN2", "other_currency", "discount_applied"),
        ("TXN3", "other_currency", "shipping_cost"),
        ("TXN4", "invalid_number", "amount"),
    ]
    campaigns = [
        ("C1", "A", "Email", "$1,200", "10", "5", "1", "1", "2024-01-01", "active"),
        ("C2", "B", "Email", "1200", "JPY 1,500,000", "5", "1", "1", "2024-01-01", "active"),
        ("C3", "C", "Email", "10", "12 dollars", "5", "1", "1", "2024-01-01", "active"),
        ("C4", "D", "Email", "EUR 1,200", "10 €", "5", "1", "1", "2024-01-01", "active"),
    ]
    columns = {f: [r[i] for r in campaigns] for i, f in enumerate(FIELDS)}
    columns["_source_file"] = ["sources/marketing/campaigns.jsonl"] * len(campaigns)
    columns["_row_number"] = list(range(1, len(campaigns) + 1))
    staged = stg_mongo_campaigns(engine.register("campaigns_currency", pa.table(columns)))
    clean, rejects = staged.collect(engine)
    assert {r["campaign_id"]: (r["budget"], r["spend"]) for r in clean.to_pylist()} == {
        "C4": (1200.0, 10.0)
    }
    assert [(r["campaign_id"], r["reason"], r["column"]) for r in rejects.to_pylist()] == [
        ("C1", "other_currency", "budget"),
        ("C2", "other_currency", "spend"),
        ("C3", "invalid_number", "spend"),
    ]


def test_a_missing_discount_or_shipping_cost_is_0_and_counted(engine: Engine) -> None:
    """A discount or shipping cost the record does not hold (absent, blank or a word for
    missing) is 0, counted as ``missing_value``; a 0 written is no repair, and a rejected row
    (an unknown customer, an unreadable discount, a copy of a transaction) is counted nowhere."""
    rows = [
        ("TXN1", "CUST1", "Mug", "12.50", "1", "Card", None, "4.99", "2024-01-02"),
        ("TXN2", "CUST1", "Mug", "12.50", "1", "Card", "2.50", None, "2024-01-02"),
        ("TXN3", "CUST1", "Mug", "12.50", "1", "Card", None, None, "2024-01-02"),
        ("TXN4", "CUST1", "Mug", "12.50", "1", "Card", "N/A", "  ", "2024-01-02"),
        ("TXN5", "CUST1", "Mug", "12.50", "1", "Card", "0", "0.00", "2024-01-02"),
        ("TXN6", "CUST9", "Mug", "12.50", "1", "Card", None, None, "2024-01-02"),
        ("TXN7", "CUST1", "Mug", "12.50", "1", "Card", "three", None, "2024-01-02"),
        ("TXN5", "CUST1", "Mug", "12.50", "1", "Card", None, None, "2024-01-02"),
    ]
    tx = table(engine, "tx_missing_extras", TX_FIELDS, rows)
    customers = engine.register("tx_missing_customers", pa.table({"customer_id": ["CUST1"]}))
    staged = stg_mongo_transactions(tx, customers, dt.datetime(2025, 12, 31, tzinfo=dt.UTC))
    clean, rejects, repaired = staged.outcome(engine)
    got = {r["transaction_id"]: (r["discount_applied"], r["shipping_cost"], r["total_amount"])
           for r in clean.to_pylist()}  # fmt: skip
    assert got == {
        "TXN1": (0.0, 4.99, pytest.approx(17.49)),
        "TXN2": (2.5, 0.0, 10.0),
        "TXN3": (0.0, 0.0, 12.5),
        "TXN4": (0.0, 0.0, 12.5),
        "TXN5": (0.0, 0.0, 12.5),
    }
    assert {r["_row_number"]: r["reason"] for r in rejects.to_pylist()} == {
        6: "orphan_customer", 7: "invalid_number", 8: "duplicate_key",
    }  # fmt: skip
    assert repaired == {"discount_applied: missing_value": 3, "shipping_cost: missing_value": 3}

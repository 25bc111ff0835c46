"""The customer profile on literal records and facts, with values worked out by hand."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pyarrow as pa
import pytest

from c360.config import Identity
from c360.contracts.check import violations
from c360.contracts.gold_profile import CUSTOMER_PROFILE
from c360.identity.profile import Inputs, assemble, profile_dates, reference_date
from c360.identity.profile_scores import days_since

AS_OF = datetime(2024, 7, 15)
READ_AT = datetime(2024, 8, 1)  # when the records were read: a later date is in the future
ANN, BOB, CAL = "c360_00000001", "c360_00000002", "c360_00000003"
SOURCES = {
    "crm": {
        "table": "identity_crm_contacts",
        "id": "crm_contact_id",
        "roles": {"first_name": "first_name", "last_name": "last_name", "email": "email",
                  "phone": "phone", "country": "country", "date_of_birth": "date_of_birth",
                  "city": "city"},
    },
    "web": {
        "table": "identity_web_accounts",
        "id": "user_id",
        "roles": {"first_name": "given_name", "last_name": "family_name", "email": "email"},
        "attributes": {"marketing_opt_in": "marketing_opt_in"},
    },
    "customers": {
        "table": "crm_customers",
        "id": "customer_id",
        "roles": {"email": "email", "country": "country"},
        "attributes": {"language": "locale", "preferred_channel": "preferred_channel",
                       "consent_email": "consent_email", "consent_sms": "consent_sms"},
    },
}  # fmt: skip
RECORD_COLUMNS = (
    "record_key", "source", "record_id", "customer360_id", "first_name", "last_name", "email",
    "phone", "country", "date_of_birth", "marketing_opt_in", "language", "preferred_channel",
    "consent_email", "consent_sms", "city",
)  # fmt: skip


def record(key: str, customer: str, updated_at: datetime | None, **values: str) -> dict[str, Any]:
    source, record_id = key.split(":")
    return {"record_key": key, "source": source, "record_id": record_id,
            "customer360_id": customer, "updated_at": updated_at, **values}  # fmt: skip


RECORDS = [
    # Ann: a CRM contact, a web account and a seed-000 customer.
    record("crm:1", ANN, datetime(2024, 1, 1), first_name="Ann", last_name="SMITH",
           email=" Ann.Smith@X.com ", phone="06 12 34 56 78", country="FR",
           date_of_birth="15/08/1990"),
    record("web:w1", ANN, datetime(2024, 6, 1), first_name="ANN", last_name="Smith",
           email="ann@new.com", marketing_opt_in="true"),
    record("customers:CUST_1", ANN, datetime(2023, 1, 1), email="ann.smith@x.com",
           country="France", language="fr_FR", preferred_channel="Email",
           consent_email="false", consent_sms="true"),
    # Bob: opted out on the web, in on the CRM customer record.
    record("crm:2", BOB, datetime(2020, 1, 1), first_name="Robert", last_name="Jones",
           phone="+44 7442 408691", country="GB", date_of_birth="1980-07-15"),
    record("web:w2", BOB, datetime(2024, 3, 1), first_name="Bob", email="BOB@y.com",
           marketing_opt_in="false"),
    record("customers:CUST_2", BOB, datetime(2022, 1, 1), email="bob@y.com", language="en_US",
           consent_email="true", consent_sms="false"),
    # Cal: one CRM contact, no seed-000 customer, so no facts at all.
    record("crm:3", CAL, datetime(2024, 1, 17), first_name="Cal", last_name="Moss"),
]  # fmt: skip


def table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows)


def records(rows: list[dict[str, Any]] = RECORDS) -> pa.Table:
    schema = pa.schema(
        [(c, pa.string()) for c in RECORD_COLUMNS] + [("updated_at", pa.timestamp("us"))]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def links(rows: list[dict[str, Any]] = RECORDS) -> pa.Table:
    return table(
        [{"record_key": r["record_key"], "source": r["source"], "record_id": r["record_id"],
          "customer360_id": r["customer360_id"], "matchable": True} for r in rows]
    )  # fmt: skip


def with_records(rows: list[dict[str, Any]], **facts: pa.Table) -> dict[str, dict[str, Any]]:
    """The profiles of ``rows`` instead of ``RECORDS`` (``facts`` replacing some of FACTS)."""
    identity = Identity.model_validate({"sources": SOURCES})
    inputs = Inputs(links(rows), records(rows), LEDGER, {**FACTS, **facts}, read_at=READ_AT)
    out = assemble(inputs, identity, AS_OF)
    assert violations(CUSTOMER_PROFILE, out).num_rows == 0
    return {row["customer360_id"]: row for row in out.to_pylist()}


def order(order_id: str, customer: str, at: datetime, amount: float, status: str,
          channel: str = "web") -> dict[str, Any]:  # fmt: skip
    return {"order_id": order_id, "customer_id": customer, "order_at": at, "channel": channel,
            "total_amount_eur": amount, "status": status}  # fmt: skip


FACTS = {
    # The churn and propensity models scored Ann only: Bob and Cal keep the rules.
    "customer_scores": pa.table({
        "customer360_id": [ANN, "c360_00000099"],
        "churn_risk_score": [0.12346, 0.5], "churn_risk_score_100": [12, 50],
        "churn_reasons": [["days_since_order"], []], "propensity_to_buy_score": [0.9, 0.1],
    }),
    # Ann's recommendations, ranked; the unknown customer's row is ignored.
    "customer_recommendations": pa.table({
        "customer360_id": [ANN, ANN, "c360_00000099", ANN, ANN, ANN, ANN],
        "rank": [2, 1, 1, 3, 4, 6, 5],
        "product_id": ["P7", "P9", "P1", "P3", "P5", "P8", "P4"],
        "score": [0.4, 0.5, 0.9, 0.3, 0.2, 0.05, 0.1],
    }),
    "fct_orders": table([
        order("O1", "CUST_1", datetime(2024, 5, 1, 9), 100.0, "completed"),
        order("O2", "CUST_1", datetime(2024, 6, 10, 9), 50.0, "completed", "in_store"),
        order("O3", "CUST_1", datetime(2024, 6, 20, 9), 999.0, "canceled"),
        order("O4", "CUST_1", datetime(2024, 6, 25, 9), 10.0, "pending"),
        order("O5", "CUST_2", datetime(2024, 2, 1, 9), 30.0, "completed", "phone"),
    ]),
    "fct_order_lines": table([
        {"order_id": o, "customer_id": c, "order_status": s, "product_id": p, "qty": q,
         "line_total_eur": t}
        for o, c, s, p, q, t in [
            ("O1", "CUST_1", "completed", "P1", 2, 60.0),
            ("O1", "CUST_1", "completed", "P2", 1, 40.0),
            ("O2", "CUST_1", "completed", "P2", 3, 50.0),
            ("O3", "CUST_1", "canceled", "P3", 10, 999.0),
            ("O5", "CUST_2", "completed", "P3", 1, 30.0),
        ]
    ]),
    "dim_product": table([
        {"product_id": "P1", "category": "Books", "margin_pct": 0.2},
        {"product_id": "P2", "category": "Sports", "margin_pct": 0.4},
        {"product_id": "P3", "category": "Food", "margin_pct": 0.1},
    ]),
    "fct_returns": table([
        {"order_id": "O1", "customer_id": "CUST_1", "status": "approved",
         "amount_refunded_eur": 20.0},
        {"order_id": "O2", "customer_id": "CUST_1", "status": "rejected",
         "amount_refunded_eur": 0.0},
        {"order_id": "O2", "customer_id": "CUST_1", "status": "pending",
         "amount_refunded_eur": 5.0},
    ]),
    "fct_email_events": table([
        {"customer_id": "CUST_1", "send_id": "S1", "send_at": datetime(2024, 6, 1),
         "count_opens": 3, "count_clicks": 1, "count_human_opens": 2, "count_human_clicks": 1,
         "first_open_at": datetime(2024, 6, 1, 10),
         "first_click_at": datetime(2024, 6, 1, 10, 5), "is_unsubscribed": False,
         "first_human_open_at": datetime(2024, 6, 1, 10),
         "first_human_click_at": datetime(2024, 6, 1, 10, 5)},
        {"customer_id": "CUST_1", "send_id": "S2", "send_at": datetime(2024, 7, 1),
         "count_opens": 0, "count_clicks": 0, "count_human_opens": 0, "count_human_clicks": 0,
         "first_open_at": None, "first_click_at": None, "is_unsubscribed": False,
         "first_human_open_at": None, "first_human_click_at": None},
    ]),
    "fct_interactions": table([
        {"interaction_id": "I1", "customer_id": "CUST_1", "type": "support_ticket",
         "channel": "chat", "occurred_at": datetime(2024, 7, 1, 12)},
        {"interaction_id": "I2", "customer_id": "CUST_1", "type": "sales_call",
         "channel": "phone", "occurred_at": datetime(2024, 2, 1)},
        {"interaction_id": "I3", "customer_id": "CUST_2", "type": "feedback",
         "channel": "in_app", "occurred_at": datetime(2024, 7, 10)},
    ]),
    "mart_ecommerce_rfm": table([{"customer_id": "CUST_1", "rfm_segment": "Champions"}]),
    "customer_text_features": table([
        {"customer_id": "CUST_2", "count_notes": 2, "last_note_date": date(2024, 7, 2),
         "last_note_sentiment": "negative", "count_negative_notes": 1, "count_complaints": 2},
    ]),
    "bridge_customer_segment": table([
        {"customer_id": "CUST_1", "segment_id": "S1", "is_current": True},
        {"customer_id": "CUST_1", "segment_id": "S2", "is_current": False},
    ]),
    "dim_segment": table([
        {"segment_id": "S1", "segment_name": "VIP"},
        {"segment_id": "S2", "segment_name": "Lapsed 90d"},
    ]),
}  # fmt: skip
LEDGER = table([
    {"run_id": "2024-01-01T00:00:00+00:00", "ids_before": "", "id_after": ANN},
    {"run_id": "2024-06-15T00:00:00+00:00", "ids_before": f"{ANN},c360_00000009",
     "id_after": ANN},
    {"run_id": "2024-01-01T00:00:00+00:00", "ids_before": "", "id_after": BOB},
])  # fmt: skip


def build(survivorship: dict[str, object] | None = None) -> dict[str, dict[str, Any]]:
    identity = Identity.model_validate({"sources": SOURCES, "survivorship": survivorship or {}})
    out = assemble(Inputs(links(), records(), LEDGER, FACTS), identity, AS_OF)
    assert violations(CUSTOMER_PROFILE, out).num_rows == 0
    return {row["customer360_id"]: row for row in out.to_pylist()}


@pytest.fixture(scope="module")
def profile() -> dict[str, dict[str, Any]]:
    return build()


def test_one_row_per_customer_with_the_contract_schema() -> None:
    identity = Identity.model_validate({"sources": SOURCES})
    out = assemble(Inputs(links(), records(), LEDGER, FACTS), identity, AS_OF)
    assert out.schema == CUSTOMER_PROFILE.arrow_schema()
    assert out.column("customer360_id").to_pylist() == [ANN, BOB, CAL]


def test_survivors_are_voted_on_folded_names_and_spelt_as_their_record(profile: Any) -> None:
    ann = profile[ANN]
    # "Ann"/"ANN" and "SMITH"/"Smith" are one value each; recency picks the web record's.
    assert (ann["first_name"], ann["last_name"], ann["full_name"]) == ("Ann", "Smith", "Ann Smith")
    lineage = json.loads(ann["attribute_sources"])
    assert lineage["first_name"] == lineage["last_name"] == "web:w1"
    # Two records hold ann.smith@x.com, one the newer ann@new.com: the latest of the two wins.
    assert lineage["primary_email"] == "crm:1" and ann["primary_email"] == "ann.smith@x.com"
    assert ann["emails"] == ["ann.smith@x.com", "ann@new.com"]  # lower-cased, deduplicated
    assert ann["primary_phone"] == "+33612345678" and lineage["primary_phone"] == "crm:1"
    assert (ann["country"], ann["region"], ann["language"]) == ("FR", "EMEA", "fr")
    assert ann["preferred_channel"] == "email"
    # Bob: the later web record says Bob, a nickname of the Robert the CRM record spells out.
    assert (profile[BOB]["first_name"], profile[BOB]["full_name"]) == ("Robert", "Robert Jones")
    assert json.loads(profile[BOB]["attribute_sources"])["first_name"] == "crm:2"
    assert profile[BOB]["primary_phone"] == "+447442408691"
    assert json.loads(profile[BOB]["source_ids"]) == {
        "crm": ["2"], "customers": ["CUST_2"], "web": ["w2"],
    }  # fmt: skip


def test_a_configured_rule_overrides_the_default() -> None:
    rule: dict[str, object] = {"email": {"rule": "source_priority", "sources": ["customers"]}}
    ann = build(rule)[ANN]
    assert ann["primary_email"] == "ann.smith@x.com"
    assert json.loads(ann["attribute_sources"])["primary_email"] == "customers:CUST_1"
    assert ann["emails"] == ["ann.smith@x.com", "ann@new.com"]


def test_consent_most_restrictive_wins_and_conflicts_are_flagged(profile: Any) -> None:
    ann, bob, cal = profile[ANN], profile[BOB], profile[CAL]
    # Ann: web opted in to e-mail, the customer record refused e-mail and granted SMS.
    assert ann["opt_in_status"] == "opted_in"
    assert ann["consent_scopes"] == ["sms_marketing"]
    assert ann["consent_conflict"] is True
    # Bob: out on the web, in on the customer record: out wins; nothing survives.
    assert (bob["opt_in_status"], bob["consent_scopes"], bob["consent_conflict"]) == (
        "opted_out", [], True,
    )  # fmt: skip
    assert (cal["opt_in_status"], cal["consent_scopes"], cal["consent_conflict"]) == (
        "unknown", [], False,
    )  # fmt: skip


def test_commerce_counts_completed_orders_and_approved_refunds(profile: Any) -> None:
    ann = profile[ANN]
    assert ann["orders_count"] == 2  # O3 canceled and O4 pending do not count
    assert ann["total_revenue"] == 150.0 and ann["avg_order_value"] == 75.0
    assert ann["first_purchase_at"] == datetime(2024, 5, 1, 9)
    assert ann["last_purchase_at"] == datetime(2024, 6, 10, 9)
    assert (ann["refunds_count"], ann["refunds_amount"]) == (1, 20.0)
    assert ann["lifetime_value"] == 50.0  # 150 x mean(0.2, 0.4, 0.4) over completed lines
    assert ann["interests"] == ["Sports", "Books"]  # 4 units, then 2; canceled Food left out
    assert ann["recommendation_vector"] == ["P9", "P7", "P3", "P5", "P4"]  # ranks 1-5
    assert (ann["churn_risk_score"], ann["propensity_to_buy_score"]) == (0.1235, 0.9)
    assert profile[BOB]["lifetime_value"] == 3.0


def test_a_customer_without_facts_has_zeros_and_nulls(profile: Any) -> None:
    cal = profile[CAL]
    assert (cal["orders_count"], cal["total_revenue"], cal["lifetime_value"]) == (0, 0.0, 0.0)
    assert cal["avg_order_value"] is None and cal["first_purchase_at"] is None
    assert (cal["email_opens"], cal["total_interactions"], cal["total_sessions"]) == (0, 0, 0)
    assert cal["interests"] == [] and cal["recommendation_vector"] == []
    assert cal["loyalty_tier"] is None and cal["age"] is None
    assert cal["first_seen_at"] == cal["last_seen_at"] == datetime(2024, 1, 17)
    assert cal["last_channel_seen"] == "crm"
    # Seen 180 days before the reference date, never bought: the documented formulas.
    assert cal["churn_risk_score"] == 0.6321
    assert cal["engagement_score"] == 4.7  # 35 x e^-2, no activity
    assert cal["propensity_to_buy_score"] == 0.0142
    assert cal["primary_segment"] == "Prospect – at risk"
    assert cal["segments"] == ["Prospect – at risk", "rfm:Never Purchased"]
    assert cal["created_at"] == AS_OF  # no ledger event: the reference date
    assert cal["updated_at"] == datetime(2024, 1, 17)  # its record's date


def test_engagement_from_events_interactions_and_orders(profile: Any) -> None:
    ann = profile[ANN]
    assert (ann["email_opens"], ann["email_clicks"]) == (3, 1)
    assert ann["total_interactions"] == 2 + 3 + 1 + 4  # interactions, opens, clicks, orders
    assert (ann["support_tickets"], ann["push_notifications"]) == (1, 0)
    assert (ann["human_email_opens"], ann["human_email_clicks"]) == (2, 1)  # a scanner's open
    # 35 x e^(-13.5/90) + 25 x 5/20 sessions + 25 x 3/20 human opens and clicks + 15 x 1/5.
    assert ann["engagement_score"] == 43.1
    assert ann["last_support_interaction_at"] == datetime(2024, 7, 1, 12)
    # Days of web orders (any status: 05-01, 06-20, 06-25), the click (06-01), the chat (07-01).
    assert ann["total_sessions"] == 5
    assert ann["first_seen_at"] == datetime(2023, 1, 1)  # the customer record's date
    assert (ann["last_seen_at"], ann["last_channel_seen"]) == (datetime(2024, 7, 1, 12), "support")
    assert profile[BOB]["push_notifications"] == 1
    assert (profile[BOB]["notes_count"], profile[BOB]["complaint_notes"]) == (2, 2)
    assert profile[BOB]["last_note_sentiment"] == "negative"
    assert (ann["notes_count"], ann["last_note_sentiment"]) == (0, None)
    assert profile[BOB]["last_channel_seen"] == "app"


def test_age_is_measured_at_the_reference_date(profile: Any) -> None:
    assert str(profile[ANN]["date_of_birth"]) == "1990-08-15"
    assert profile[ANN]["age"] == 33  # birthday not yet reached on 2024-07-15
    assert profile[BOB]["age"] == 44  # birthday on the reference date itself


def test_segments_and_dates(profile: Any) -> None:
    ann = profile[ANN]
    assert ann["segments"][0] == ann["primary_segment"]
    # S2 is not current. The RFM segment is of Ann's purchases, not the shop's (Champions):
    # of the two buyers, the later, more frequent and larger (R=F=M=3).
    assert sorted(ann["segments"][1:]) == ["crm:VIP", "rfm:Need Attention"]
    assert "rfm:Lost" in profile[BOB]["segments"]  # one order, the earlier: R=1, F=1
    assert ann["primary_segment"].startswith("High value")  # top 20% of the two buyers
    assert ann["created_at"] == datetime(2024, 1, 1)
    assert ann["updated_at"] == datetime(2024, 6, 15)  # the merge, after any record date


def test_a_split_updates_the_customer_it_took_records_from_too() -> None:
    """Ann lost a record to Bob, so her surviving values may differ: a sync reading the profiles
    updated since its last run must see her, not only the part that left."""
    ledger = table([
        {"run_id": "2024-01-01T00:00:00+00:00", "ids_before": "", "id_after": ANN},
        {"run_id": "2024-06-15T00:00:00+00:00", "ids_before": ANN, "id_after": BOB},
    ])  # fmt: skip
    values = table([{"customer360_id": c, "updated_at": datetime(2023, 1, 1)} for c in (ANN, BOB)])
    dates = profile_dates(pa.array([ANN, BOB]), ledger, values, AS_OF)
    assert dates["created_at"].to_pylist() == [datetime(2024, 1, 1), datetime(2024, 6, 15)]
    assert dates["updated_at"].to_pylist() == [datetime(2024, 6, 15)] * 2


def test_a_segment_missing_from_dim_segment_is_named_by_its_id() -> None:
    """Its row was quarantined in silver, not its members: they keep the membership."""
    bridge = table([
        {"customer_id": "CUST_1", "segment_id": "S1", "is_current": True},
        {"customer_id": "CUST_1", "segment_id": "S9", "is_current": True},
    ])  # fmt: skip
    identity = Identity.model_validate({"sources": SOURCES})
    facts = {**FACTS, "bridge_customer_segment": bridge}
    out = assemble(Inputs(links(), records(), LEDGER, facts), identity, AS_OF)
    ann = next(row for row in out.to_pylist() if row["customer360_id"] == ANN)
    assert sorted(ann["segments"][1:]) == ["crm:S9", "crm:VIP", "rfm:Need Attention"]


def test_reference_date_is_the_latest_fact() -> None:
    assert reference_date(FACTS) == datetime(2024, 7, 10)


def test_a_line_of_a_product_missing_from_dim_product_is_no_interest() -> None:
    """Its product row was quarantined in silver, not the line: the line counts, but its
    category is unknown, so it names no interest (not a NULL one)."""
    lines = FACTS["fct_order_lines"].to_pylist()
    extra = {**lines[0], "product_id": "P404", "qty": 50}
    identity = Identity.model_validate({"sources": SOURCES})
    facts = {**FACTS, "fct_order_lines": table([*lines, extra])}
    out = assemble(Inputs(links(), records(), LEDGER, facts), identity, AS_OF)
    assert violations(CUSTOMER_PROFILE, out).num_rows == 0
    ann = next(row for row in out.to_pylist() if row["customer360_id"] == ANN)
    assert ann["interests"] == ["Sports", "Books"]
    assert ann["lifetime_value"] == 50.0  # the margin of a product not known is not guessed
    # The published dim_product holds it as an inferred member: no category, no margin.
    inferred = {"product_id": "P404", "category": None, "margin_pct": None}
    products = table([*FACTS["dim_product"].to_pylist(), inferred])
    facts = {**facts, "dim_product": products}
    out = assemble(Inputs(links(), records(), LEDGER, facts), identity, AS_OF)
    assert violations(CUSTOMER_PROFILE, out).num_rows == 0
    ann = next(row for row in out.to_pylist() if row["customer360_id"] == ANN)
    assert (ann["interests"], ann["lifetime_value"]) == (["Sports", "Books"], 50.0)


def test_record_times_with_a_fraction_of_a_second_are_scored() -> None:
    identity = Identity.model_validate({"sources": SOURCES})
    fractions = records().set_column(
        records().schema.get_field_index("updated_at"),
        "updated_at",
        pa.array([r["updated_at"].replace(microsecond=250_000) for r in RECORDS],
                 pa.timestamp("us")),
    )  # fmt: skip
    out = assemble(Inputs(links(), fractions, LEDGER, FACTS), identity, AS_OF).to_pylist()
    assert [r["customer360_id"] for r in out] == [ANN, BOB, CAL]
    assert days_since(pa.array([datetime(2024, 7, 14, 12, 0, 0, 500_000)]), AS_OF)[0] == (
        pytest.approx(0.5, abs=1e-4)
    )


def test_an_unsubscribe_refuses_the_email_scope() -> None:
    """Ann granted e-mail on both records, then unsubscribed from a send: e-mail goes, SMS
    stays, and the contradiction is flagged for review."""
    rows = [
        dict(r, consent_email="true") if r["record_key"] == "customers:CUST_1" else r
        for r in RECORDS
    ]
    before = with_records(rows)[ANN]
    assert (before["consent_scopes"], before["consent_conflict"]) == (
        ["email_marketing", "sms_marketing"], False,
    )  # fmt: skip
    events = FACTS["fct_email_events"]
    unsubscribed = events.set_column(
        events.schema.get_field_index("is_unsubscribed"), "is_unsubscribed",
        pa.array([False, True]),
    )  # fmt: skip
    ann = with_records(rows, fct_email_events=unsubscribed)[ANN]
    assert (ann["opt_in_status"], ann["consent_scopes"], ann["consent_conflict"]) == (
        "opted_in", ["sms_marketing"], True,
    )  # fmt: skip


def test_a_record_dated_after_its_reading_wins_no_most_recent_value() -> None:
    """Silver rejects such a date as in the future; here the CRM record of Ann says 2097."""
    rows = [
        dict(r, updated_at=datetime(2097, 1, 19)) if r["record_key"] == "crm:1" else r
        for r in RECORDS
    ]
    ann = with_records(rows)[ANN]
    assert ann["updated_at"] == datetime(2024, 6, 15)  # the merge, not 2097
    # ann.smith@x.com, held twice, wins; of its records the one dated 2023, not 2097.
    assert json.loads(ann["attribute_sources"])["primary_email"] == "customers:CUST_1"


def test_a_city_and_an_email_are_shown_as_the_records_write_them() -> None:
    """A city in capitals keeps its particles in lower case; the address most records hold is
    shown without a +tag, and every address stays in ``emails``."""
    rows = [
        record("crm:1", ANN, datetime(2024, 1, 1), first_name="Ann", last_name="Lee",
               email="Ann.Lee+CRM@Mail.fr", city="frankfurt am main"),
        record("web:w1", ANN, datetime(2024, 6, 1), first_name="Ann", email="ann.lee@mail.fr"),
        record("customers:CUST_1", ANN, datetime(2023, 1, 1), email="ann.lee+shop@mail.fr"),
        record("crm:4", ANN, datetime(2024, 7, 1), first_name="Ann", last_name="Lee",
               email="ann@work.de", city="FRANKFURT AM MAIN"),
        record("crm:2", BOB, datetime(2024, 3, 1), first_name="Bob", last_name="Roca",
               city="SANTIAGO DE COMPOSTELA"),
    ]  # fmt: skip
    profiles = with_records(rows)
    ann = profiles[ANN]
    assert (ann["city"], ann["primary_email"]) == ("Frankfurt am Main", "ann.lee@mail.fr")
    assert ann["emails"] == [
        "ann.lee@mail.fr", "ann.lee+crm@mail.fr", "ann.lee+shop@mail.fr", "ann@work.de",
    ]  # fmt: skip
    assert json.loads(ann["attribute_sources"])["primary_email"] == "web:w1"
    assert profiles[BOB]["city"] == "Santiago de Compostela"


def test_a_placeholder_email_or_phone_names_nobody() -> None:
    """21 contacts share one address and one number (over PLACEHOLDER_SHARE): neither is
    anyone's, as matching ignores them too."""
    shared = [
        record(f"crm:p{i}", f"c360_1{i:07d}", datetime(2024, 7, 1), first_name=f"P{i}",
               email="NoEmail@None.com", phone="+33 6 00 00 00 00")
        for i in range(21)
    ]  # fmt: skip
    profiles = with_records([*RECORDS, *shared])
    assert {p["primary_email"] for k, p in profiles.items() if k.startswith("c360_1")} == {None}
    assert {p["primary_phone"] for k, p in profiles.items() if k.startswith("c360_1")} == {None}
    assert profiles[ANN]["primary_email"] == "ann.smith@x.com"


def test_the_primary_source_is_the_most_trusted_holding_a_record() -> None:
    """identity.sources lists the most trusted system first, whichever record won values."""
    trusted_last = dict(reversed(SOURCES.items()))  # customers, web, crm
    identity = Identity.model_validate({"sources": trusted_last})
    out = assemble(Inputs(links(), records(), LEDGER, FACTS), identity, AS_OF).to_pylist()
    assert [p["primary_source"] for p in out] == ["customers", "customers", "crm"]
    default = assemble(Inputs(links(), records(), LEDGER, FACTS), Identity.model_validate(
        {"sources": SOURCES}), AS_OF).to_pylist()  # fmt: skip
    assert [p["primary_source"] for p in default] == ["crm", "crm", "crm"]


# Seed 004's marketing customers: an identity source whose transactions are purchases ----------

DEE = "c360_00000004"
MARKETING = {
    "table": "mongo_customers",
    "id": "customer_id",
    "roles": {"first_name": "first_name", "last_name": "last_name", "email": "email"},
    "attributes": {"gender": "gender", "marketing_opt_in": "marketing_consent"},
}
TRANSACTIONS = pa.Table.from_pylist(
    [
        # Ann's: a week before her first seed-000 order, and the latest purchase of all.
        {"transaction_id": "TXN1", "customer_id": "CUST00001", "total_amount": 19.99,
         "transaction_at": datetime(2024, 4, 24, 20)},
        {"transaction_id": "TXN2", "customer_id": "CUST00001", "total_amount": 80.01,
         "transaction_at": datetime(2024, 7, 12, 21)},
        # Dee's, a marketing customer linked to nobody else.
        {"transaction_id": "TXN3", "customer_id": "CUST00004", "total_amount": 12.5,
         "transaction_at": datetime(2024, 7, 3, 8)},
    ],
    schema=pa.schema([("transaction_id", pa.string()), ("customer_id", pa.string()),
                      ("total_amount", pa.float64()), ("transaction_at", pa.timestamp("us"))]),
)  # fmt: skip


def with_marketing() -> dict[str, dict[str, Any]]:
    rows = [
        *RECORDS,
        record("marketing:CUST00001", ANN, None, first_name="Ann", last_name="Smith",
               email="ann.smith@x.com", gender="Femme", marketing_opt_in="yes"),
        record("marketing:CUST00004", DEE, None, first_name="Dee", last_name="Ray",
               email="dee@ray.org", gender="male", marketing_opt_in="non"),
    ]  # fmt: skip
    columns = [*RECORD_COLUMNS, "gender"]
    schema = pa.schema([(c, pa.string()) for c in columns] + [("updated_at", pa.timestamp("us"))])
    identity = Identity.model_validate({"sources": {**SOURCES, "marketing": MARKETING}})
    facts = {**FACTS, "stg_mongo_transactions": TRANSACTIONS}
    inputs = Inputs(links(rows), pa.Table.from_pylist(rows, schema=schema), LEDGER, facts)
    out = assemble(inputs, identity, AS_OF)
    assert violations(CUSTOMER_PROFILE, out).num_rows == 0
    return {row["customer360_id"]: row for row in out.to_pylist()}


def test_seed_004_transactions_are_purchases_of_the_linked_customer() -> None:
    profiles = with_marketing()
    ann, dee = profiles[ANN], profiles[DEE]
    # Ann: O1 and O2 (seed 000) and TXN1 and TXN2 (seed 004).
    assert (ann["orders_count"], ann["total_revenue"], ann["avg_order_value"]) == (4, 250.0, 62.5)
    assert ann["first_purchase_at"] == datetime(2024, 4, 24, 20)
    assert ann["last_purchase_at"] == datetime(2024, 7, 12, 21)
    assert (ann["last_seen_at"], ann["last_channel_seen"]) == (datetime(2024, 7, 12, 21), "web")
    assert ann["lifetime_value"] == 50.0  # seed 000's CLV: its own revenue and margins
    assert ann["total_interactions"] == 2 + 3 + 1 + 4 + 2
    assert (dee["orders_count"], dee["total_revenue"], dee["avg_order_value"]) == (1, 12.5, 12.5)
    assert dee["first_purchase_at"] == dee["last_purchase_at"] == datetime(2024, 7, 3, 8)
    assert (dee["primary_source"], json.loads(dee["source_ids"])) == (
        "marketing", {"marketing": ["CUST00004"]},
    )  # fmt: skip
    assert profiles[BOB]["orders_count"] == 1  # Bob has no marketing record
    # Gender as M or F however the form wrote it; "non" refuses marketing.
    assert (ann["gender"], dee["gender"]) == ("F", "M")
    assert (dee["opt_in_status"], dee["consent_scopes"]) == ("opted_out", [])


def test_the_reference_date_counts_seed_004_transactions() -> None:
    late = TRANSACTIONS.slice(0, 1).set_column(
        3, "transaction_at", pa.array([datetime(2024, 7, 20)], pa.timestamp("us"))
    )
    assert reference_date({**FACTS, "stg_mongo_transactions": late}) == datetime(2024, 7, 20)


# The newest contacts: "now" is the latest fact; what is dated after it is seen at it ----------

DAN, EVE = "c360_00000005", "c360_00000006"
LATEST_FACT = datetime(2024, 7, 10)  # Bob's interaction I3: the latest of FACTS


def latest(rows: list[dict[str, Any]], **facts: pa.Table) -> dict[str, dict[str, Any]]:
    """The profiles of ``rows`` at the default reference date, read on ``READ_AT``."""
    identity = Identity.model_validate({"sources": SOURCES})
    inputs = Inputs(links(rows), records(rows), LEDGER, {**FACTS, **facts}, read_at=READ_AT)
    out = assemble(inputs, identity)
    assert violations(CUSTOMER_PROFILE, out).num_rows == 0
    return {row["customer360_id"]: row for row in out.to_pylist()}


def test_a_contact_created_after_the_latest_fact_is_the_freshest() -> None:
    """Dan's CRM contact was created after every order, send and interaction (new leads
    outlast deals) and he opened a send after the latest fact: both are seen at the reference
    date, so he is the freshest, never the worst churn risk."""
    rows = [
        *RECORDS,
        record("crm:5", DAN, datetime(2024, 7, 20), first_name="Dan", last_name="Wu"),
        record("customers:CUST_5", DAN, None, email="dan@wu.com"),
    ]  # fmt: skip
    events = FACTS["fct_email_events"].to_pylist()
    opened = {**events[1], "customer_id": "CUST_5", "send_id": "S3", "count_opens": 1,
              "count_human_opens": 1, "first_open_at": datetime(2024, 7, 12, 8),
              "first_human_open_at": datetime(2024, 7, 12, 8)}  # fmt: skip
    dan = latest(rows, fct_email_events=table([*events, opened]))[DAN]
    assert dan["email_opens"] == 1
    assert (dan["first_seen_at"], dan["last_seen_at"]) == (LATEST_FACT, LATEST_FACT)
    assert dan["updated_at"] == datetime(2024, 7, 20)  # his record's own date
    assert (dan["churn_risk_score"], dan["engagement_score"]) == (0.0, 36.2)  # 35 + 25 x 1/20
    assert dan["primary_segment"] == "Prospect – dormant"


def test_a_mistyped_record_date_moves_only_its_own_customer() -> None:
    """Cal's contact of 17 January is typed 20 July, after the latest fact but before the
    records were read: Cal is seen at the reference date, which stays the latest fact, and
    Ann's and Bob's profiles do not change at all."""
    rows = [
        dict(r, updated_at=datetime(2024, 7, 20)) if r["record_key"] == "crm:3" else r
        for r in RECORDS
    ]
    before, after = latest(RECORDS), latest(rows)
    assert (after[ANN], after[BOB]) == (before[ANN], before[BOB])
    assert before[ANN]["churn_risk_score"] == 0.1235  # the model's, not the rule's
    assert before[BOB]["last_seen_at"] == LATEST_FACT
    cal = after[CAL]
    assert (cal["last_seen_at"], cal["churn_risk_score"], cal["engagement_score"]) == (
        LATEST_FACT, 0.0, 35.0,
    )  # fmt: skip
    # 175 days from 17 January to 10 July: (1 - e^(-175/180)) x (1 - 0).
    assert before[CAL]["churn_risk_score"] == 0.6218
    assert (before[CAL]["created_at"], cal["created_at"]) == (LATEST_FACT, LATEST_FACT)


def test_a_date_after_the_records_were_read_is_no_touch() -> None:
    """Cal's record says 2097 and Dan's open was made after the reading: neither is seen."""
    rows = [
        *[dict(r, updated_at=datetime(2097, 1, 19)) if r["record_key"] == "crm:3" else r
          for r in RECORDS],
        record("customers:CUST_5", DAN, None, email="dan@wu.com"),
    ]  # fmt: skip
    events = FACTS["fct_email_events"].to_pylist()
    opened = {**events[1], "customer_id": "CUST_5", "send_id": "S3", "count_opens": 1,
              "count_human_opens": 1, "first_open_at": datetime(2024, 8, 2),
              "first_human_open_at": datetime(2024, 8, 2)}  # fmt: skip
    profiles = latest(rows, fct_email_events=table([*events, opened]))
    assert profiles[CAL]["last_seen_at"] is profiles[DAN]["last_seen_at"] is None
    assert profiles[CAL]["churn_risk_score"] is profiles[DAN]["churn_risk_score"] is None


def test_the_reference_date_is_the_latest_fact_not_a_record() -> None:
    """Records' update times (a mistyped one among them) and opens after the last send do not
    move it: it is the latest order, interaction, send or transaction, as the models' "now"."""
    events = FACTS["fct_email_events"].to_pylist()
    late = {**events[0], "first_click_at": datetime(2024, 7, 11, 9)}
    assert reference_date({**FACTS, "fct_email_events": table([late])}) == LATEST_FACT
    rows = [*RECORDS, record("crm:5", DAN, datetime(2024, 7, 31), first_name="Dan")]
    assert latest(rows)[CAL]["created_at"] == LATEST_FACT  # no ledger event: the reference date


def test_a_customer_never_seen_has_no_churn_risk_to_tell() -> None:
    """Eve's one record gives no date and no fact names her: her recency is unknown, so the
    rule gives no churn risk (not the worst) and she is no customer at risk."""
    rows = [*RECORDS, record("crm:6", EVE, None, first_name="Eve", last_name="Ng")]
    eve = with_records(rows)[EVE]
    assert eve["first_seen_at"] is eve["last_seen_at"] is None
    assert (eve["churn_risk_score"], eve["engagement_score"]) == (None, 0.0)
    assert eve["propensity_to_buy_score"] == 0.0
    assert eve["primary_segment"] == "Prospect – dormant"


def test_without_order_lines_a_buyers_lifetime_value_is_unknown() -> None:
    """No line gives the margin of Ann's and Bob's orders (a CRM's deals have none): their
    value is NULL, not 0; Cal, who bought nothing, is worth 0."""
    lines = FACTS["fct_order_lines"].schema.empty_table()
    profiles = with_records(RECORDS, fct_order_lines=lines)
    assert [profiles[c]["lifetime_value"] for c in (ANN, BOB, CAL)] == [None, None, 0.0]
    assert profiles[ANN]["total_revenue"] == 150.0
    # Bob's one line is of a product whose margin is not known: his value is unknown too.
    products = pa.table({"product_id": ["P3"], "category": ["Food"],
                         "margin_pct": pa.array([None], pa.float64())})  # fmt: skip
    bob = with_records(RECORDS, dim_product=products)[BOB]
    assert bob["lifetime_value"] is None

"""The profile's touches, sessions and last touch on literal facts: a machine's click is none."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pyarrow as pa
import pytest

from c360.identity.profile_activity import commerce, customer_map, engagement, purchases

AS_OF = datetime(2025, 3, 31)
ANN, BOB = "c360_00000001", "c360_00000002"
CUSTOMERS = pa.array([ANN, BOB])
_STAMP = pa.timestamp("us")
STAMPS = ("send_at", "first_open_at", "first_click_at", "first_human_open_at",
          "first_human_click_at")  # fmt: skip
COUNTS = ("count_opens", "count_clicks", "count_human_opens", "count_human_clicks")


def at(day: int, hour: int = 9, second: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, 0, second)


def send(
    customer: str,
    day: int,
    opened: datetime | None = None,
    clicked: datetime | None = None,
    human_opened: datetime | None = None,
    human_clicked: datetime | None = None,
) -> dict[str, Any]:
    """A row of fct_email_events sent at 9:00 on ``day`` (opened/clicked: raw first times)."""
    return {
        "customer_id": customer, "send_at": at(day),
        "first_open_at": opened, "first_click_at": clicked,
        "first_human_open_at": human_opened, "first_human_click_at": human_clicked,
        "count_opens": int(opened is not None), "count_clicks": int(clicked is not None),
        "count_human_opens": int(human_opened is not None),
        "count_human_clicks": int(human_clicked is not None),
    }  # fmt: skip


def email_events(rows: list[dict[str, Any]]) -> pa.Table:
    schema = pa.schema(
        [("customer_id", pa.string())]
        + [(c, _STAMP) for c in STAMPS]
        + [(c, pa.int64()) for c in COUNTS]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def activity(mails: list[dict[str, Any]], clock: datetime | None = None) -> dict[str, list[Any]]:
    """:func:`engagement` of Ann (CUST_1) and Bob (CUST_2): one web order of Ann's on 1 March,
    their records dated 2024, and ``mails``, read at ``clock``."""
    links = pa.table({"customer360_id": [ANN, BOB], "source": ["customers"] * 2,
                      "record_id": ["CUST_1", "CUST_2"]})  # fmt: skip
    ids = customer_map(links, ["customers"], CUSTOMERS)
    orders = pa.Table.from_pylist(
        [{"customer_id": "CUST_1", "order_id": "O1", "status": "completed", "channel": "web",
          "total_amount_eur": 10.0, "order_at": at(1)}],
        schema=pa.schema([("customer_id", pa.string()), ("order_id", pa.string()),
                          ("status", pa.string()), ("channel", pa.string()),
                          ("total_amount_eur", pa.float64()), ("order_at", _STAMP)]),
    )  # fmt: skip
    interactions = pa.Table.from_pylist(
        [],
        schema=pa.schema([("customer_id", pa.string()), ("interaction_id", pa.string()),
                          ("type", pa.string()), ("channel", pa.string()),
                          ("occurred_at", _STAMP)]),
    )  # fmt: skip
    records = pa.table({"customer360_id": [ANN, BOB], "source": ["customers"] * 2,
                        "updated_at": pa.array([datetime(2024, 1, 1)] * 2, _STAMP)})  # fmt: skip
    out = engagement(
        CUSTOMERS, ids, orders, interactions, email_events(mails), records, AS_OF, clock=clock
    )
    return {name: values.to_pylist() for name, values in out.items()}


def test_a_scanners_clicks_are_no_sessions_and_no_touch() -> None:
    # Ann: three sends a security scanner opened and clicked 3 s after sending, one a person
    # clicked; Bob: only scanned sends.
    scanned = [send("CUST_1", d, at(d, second=3), at(d, second=3)) for d in (5, 6, 7)]
    person = send("CUST_1", 2, at(2, 12), at(2, 12), at(2, 12), at(2, 12))
    out = activity([*scanned, person, send("CUST_2", 9, at(9, second=3), at(9, second=3))])
    assert out["total_sessions"] == [2, 0]  # Ann: her web order's day and her own click's
    assert out["last_seen_at"] == [at(2, 12), datetime(2024, 1, 1)]
    assert out["first_seen_at"] == [datetime(2024, 1, 1)] * 2
    assert out["last_channel_seen"] == ["email", "crm"]
    # The raw and human e-mail counts are still both there.
    assert (out["email_clicks"], out["human_email_clicks"]) == ([4, 1], [1, 0])


def test_a_persons_open_behind_a_proxy_is_the_last_touch_not_the_proxys() -> None:
    # Bob's send: a privacy proxy fetched the images on 10 March; he opened it himself on
    # 12 March and never clicked. A later send was opened by the proxy only.
    mails = [
        send("CUST_2", 10, opened=at(10, 10), human_opened=at(12, 20)),
        send("CUST_2", 20, opened=at(20, 10)),
    ]
    out = activity(mails)
    assert out["last_seen_at"] == [at(1), at(12, 20)]
    assert out["last_channel_seen"] == ["web", "email"]
    assert out["total_sessions"] == [1, 0]  # an open is no session


def test_a_touch_after_the_reference_date_is_seen_at_it_until_the_clock() -> None:
    """Ann clicked on 2 April, after the reference date (31 March) but before the data was
    read (5 April): seen on 31 March, that day's session. Bob's open of 9 April is after the
    reading, in the future: no touch."""
    mails = [
        send("CUST_1", 30, at(30, 10), datetime(2025, 4, 2, 8), at(30, 10),
             datetime(2025, 4, 2, 8)),
        send("CUST_2", 30, human_opened=datetime(2025, 4, 9)),
    ]  # fmt: skip
    out = activity(mails, clock=datetime(2025, 4, 5))
    assert out["last_seen_at"] == [AS_OF, datetime(2024, 1, 1)]
    assert out["last_channel_seen"] == ["email", "crm"]
    assert out["total_sessions"] == [2, 0]  # 1 March's order and the click, on 31 March
    # Without a later clock, a touch after the reference date is none.
    assert activity(mails)["last_seen_at"] == [at(30, 10), datetime(2024, 1, 1)]


# Seed 004's transactions, counted with seed 000's orders --------------------------------------

CAL = "c360_00000003"
TRIO = pa.array([ANN, BOB, CAL])
TXN_SCHEMA = pa.schema([("transaction_id", pa.string()), ("customer_id", pa.string()),
                        ("total_amount", pa.float64()), ("transaction_at", _STAMP)])  # fmt: skip
ORDER_SCHEMA = pa.schema([("customer_id", pa.string()), ("order_id", pa.string()),
                          ("status", pa.string()), ("channel", pa.string()),
                          ("total_amount_eur", pa.float64()), ("order_at", _STAMP)])  # fmt: skip


def trio_ids() -> tuple[pa.Table, pa.Table]:
    """Ann: seed-000 CUST_1 and marketing CUST00001; Bob: seed-000 CUST_2 only; Cal: marketing
    CUST00003 only, linked to nobody else."""
    links = pa.table({
        "customer360_id": [ANN, ANN, BOB, CAL],
        "source": ["customers", "marketing", "customers", "marketing"],
        "record_id": ["CUST_1", "CUST00001", "CUST_2", "CUST00003"],
    })  # fmt: skip
    return customer_map(links, ["customers"], TRIO), customer_map(links, ["marketing"], TRIO)


def seed000_orders() -> pa.Table:
    return pa.Table.from_pylist(
        [{"customer_id": "CUST_1", "order_id": "O1", "status": "completed", "channel": "in_store",
          "total_amount_eur": 100.0, "order_at": at(10)},
         {"customer_id": "CUST_1", "order_id": "O2", "status": "canceled", "channel": "web",
          "total_amount_eur": 70.0, "order_at": at(25)},
         {"customer_id": "CUST_2", "order_id": "O3", "status": "completed", "channel": "phone",
          "total_amount_eur": 30.0, "order_at": at(3)}],
        schema=ORDER_SCHEMA,
    )  # fmt: skip


def transactions() -> pa.Table:
    """Ann's two half-cent totals (10.125 each, 15 % off), one the day before her first order;
    Cal's one; and a transaction of a CUST id no identity record holds."""
    return pa.Table.from_pylist(
        [{"transaction_id": "TXN1", "customer_id": "CUST00001", "total_amount": 10.125,
          "transaction_at": at(9, 22)},
         {"transaction_id": "TXN2", "customer_id": "CUST00001", "total_amount": 10.125,
          "transaction_at": at(28, 20)},
         {"transaction_id": "TXN3", "customer_id": "CUST00003", "total_amount": 45.5,
          "transaction_at": at(15)},
         {"transaction_id": "TXN4", "customer_id": "CUST09999", "total_amount": 500.0,
          "transaction_at": at(16)}],
        schema=TXN_SCHEMA,
    )  # fmt: skip


def empty(*names: str) -> pa.Table:
    return pa.table({n: pa.array([], pa.string()) for n in names})


def test_a_persons_purchases_in_both_systems_count_together() -> None:
    ids, marketing = trio_ids()
    bought = purchases(transactions(), marketing)
    lines = pa.table({"customer_id": ["CUST_1"], "order_status": ["completed"],
                      "product_id": ["P1"], "qty": [1]})  # fmt: skip
    products = pa.table({"product_id": ["P1"], "category": ["Books"], "margin_pct": [0.5]})
    returns = pa.table({"customer_id": empty("x")["x"], "order_id": empty("x")["x"],
                        "status": empty("x")["x"],
                        "amount_refunded_eur": pa.array([], pa.float64())})  # fmt: skip
    out = {
        k: v.to_pylist()
        for k, v in commerce(TRIO, ids, seed000_orders(), returns, lines, products, bought).items()
    }
    # Ann: O1 (O2 canceled) and two transactions, each 10.125 to the cent as customer_metrics
    # rounds it (10.13, ties up): 100 + 20.26, not 120.25.
    assert out["orders_count"] == [3, 1, 1]
    assert out["total_revenue"] == pytest.approx([120.26, 30.0, 45.5], abs=1e-9)
    assert out["avg_order_value"] == [40.09, 30.0, 45.5]
    assert out["first_purchase_at"] == [at(9, 22), at(3), at(15)]
    assert out["last_purchase_at"] == [at(28, 20), at(3), at(15)]
    # CLV stays seed 000's: its revenue x its margin; seed 004 knows no margin. No line gives
    # the margin of Bob's order: his is not known.
    assert out["lifetime_value"] == [50.0, None, 0.0]
    assert out["interests"] == [["Books"], [], []]


def test_seed_004_transactions_are_web_touches() -> None:
    ids, marketing = trio_ids()
    bought = purchases(transactions(), marketing)
    interactions = pa.Table.from_pylist([], schema=pa.schema(
        [("customer_id", pa.string()), ("interaction_id", pa.string()), ("type", pa.string()),
         ("channel", pa.string()), ("occurred_at", _STAMP)]))  # fmt: skip
    records = pa.table({"customer360_id": [ANN, BOB, CAL], "source": ["customers"] * 3,
                        "updated_at": pa.array([datetime(2024, 1, 1)] * 3, _STAMP)})  # fmt: skip
    out = {
        k: v.to_pylist()
        for k, v in engagement(
            TRIO, ids, seed000_orders(), interactions, email_events([]), records, AS_OF, bought
        ).items()
    }
    # Ann's latest touch is her transaction of 28 March (after her canceled web order of the
    # 25th); her sessions: the days of O2 (web) and of both transactions (O1 was in store).
    assert out["last_seen_at"] == [at(28, 20), at(3), at(15)]
    assert out["last_channel_seen"] == ["web", "phone", "web"]
    assert out["total_sessions"] == [3, 0, 1]
    assert out["total_interactions"] == [4, 1, 1]  # orders of any status and transactions


def test_the_average_order_rounds_a_half_cent_up_as_gold_rounds_money() -> None:
    # 766.97 / 2 is 383.485: half to even would give 383.48, gold's cents give 383.49.
    ids, _ = trio_ids()
    orders = pa.Table.from_pylist(
        [{"customer_id": "CUST_2", "order_id": f"O{i}", "status": "completed", "channel": "web",
          "total_amount_eur": amount, "order_at": at(i)}
         for i, amount in ((1, 383.0), (2, 383.97))],
        schema=ORDER_SCHEMA,
    )  # fmt: skip
    lines = pa.table({"customer_id": empty("x")["x"], "order_status": empty("x")["x"],
                      "product_id": empty("x")["x"], "qty": pa.array([], pa.int64())})  # fmt: skip
    products = pa.table({"product_id": ["P1"], "category": ["Books"], "margin_pct": [0.5]})
    returns = pa.table({"customer_id": empty("x")["x"], "order_id": empty("x")["x"],
                        "status": empty("x")["x"],
                        "amount_refunded_eur": pa.array([], pa.float64())})  # fmt: skip
    out = commerce(TRIO, ids, orders, returns, lines, products, None)
    assert out["avg_order_value"].to_pylist() == [None, 383.49, None]
    assert out["total_revenue"].to_pylist() == [0.0, 766.97, 0.0]

"""The churn and propensity features and labels, on a literal timeline, on every engine."""

from __future__ import annotations

from datetime import date, datetime

import ibis
import pyarrow as pa

from c360.engines import Engine
from c360.identity import profile_activity
from c360.ml import churn, churn_features

A, B, C, D, E = (f"c360_0000000{i}" for i in range(1, 6))
CUTOFF = datetime(2025, 4, 1)


def orders_table(rows: list[tuple[str, datetime, str, float]]) -> pa.Table:
    who, when, status, amount = zip(*rows, strict=True) if rows else ((), (), (), ())
    return pa.table(
        {"customer360_id": pa.array(who, pa.string()),
         "order_at": pa.array(when, pa.timestamp("ms")), "status": pa.array(status, pa.string()),
         "total_amount_eur": pa.array(amount, pa.float64())}
    )  # fmt: skip


def emails_table(rows: list[tuple[str, datetime, datetime | None, datetime | None]]) -> pa.Table:
    """Sends with a person's first open and click (a machine's are not facts: see below)."""
    who, sent, opened, clicked = zip(*rows, strict=True) if rows else ((), (), (), ())
    ms = pa.timestamp("ms")
    return pa.table(
        {"customer360_id": pa.array(who, pa.string()), "send_at": pa.array(sent, ms),
         "first_human_open_at": pa.array(opened, ms),
         "first_human_click_at": pa.array(clicked, ms)}
    )  # fmt: skip


def interactions_table(rows: list[tuple[str, datetime, str]]) -> pa.Table:
    who, when, kind = zip(*rows, strict=True) if rows else ((), (), ())
    return pa.table(
        {"customer360_id": pa.array(who, pa.string()),
         "occurred_at": pa.array(when, pa.timestamp("ms")), "type": pa.array(kind, pa.string())}
    )  # fmt: skip


def notes_table(rows: list[tuple[str, date, str, bool]]) -> pa.Table:
    who, day, sentiment, complaint = zip(*rows, strict=True) if rows else ((), (), (), ())
    return pa.table(
        {"customer360_id": pa.array(who, pa.string()), "note_date": pa.array(day, pa.date32()),
         "sentiment": pa.array(sentiment, pa.string()),
         "is_complaint": pa.array(complaint, pa.bool_())}
    )  # fmt: skip


def _timeline(engine: Engine) -> tuple[ibis.Table, ibis.Table]:
    """A buys (one order after the cutoff), B engages by e-mail and support and comes back by
    e-mail, C was last seen half a year before and never again, D appears after the cutoff;
    E is not a customer."""
    orders = orders_table([
        (A, datetime(2024, 6, 1), "completed", 50.0),
        (A, datetime(2025, 3, 22), "completed", 100.0),
        (A, datetime(2025, 3, 31), "canceled", 999.0),  # not a purchase
        (A, datetime(2025, 4, 15), "completed", 80.0),  # after: A buys within 30 days
        (B, datetime(2023, 1, 1), "completed", 20.0),  # more than 365 days before
        (E, datetime(2025, 7, 1), "completed", 5.0),  # not a customer: not in the span
    ])  # fmt: skip
    emails = emails_table([
        (B, datetime(2025, 3, 1), datetime(2025, 3, 2), datetime(2025, 3, 3)),
        (B, datetime(2025, 5, 30), datetime(2025, 6, 1), None),  # after: 61 days on
        (C, datetime(2024, 12, 1), None, None),  # more than 90 days before
    ])  # fmt: skip
    interactions = interactions_table([
        (B, datetime(2025, 1, 31), "support_ticket"),
        (C, datetime(2024, 10, 3), "sales_call"),
        (D, datetime(2025, 5, 1), "onboarding"),
    ])  # fmt: skip
    notes = notes_table([
        (B, date(2025, 2, 1), "negative", True),  # both a negative note and a complaint
        (B, date(2025, 3, 15), "negative", False),
        (A, date(2024, 3, 1), "neutral", True),  # more than 365 days before
        (C, date(2022, 6, 1), "negative", False),  # long before: C's tenure and the span stay
        (D, date(2025, 4, 2), "negative", True),  # after the cutoff: D is still unknown
    ])  # fmt: skip
    facts = churn_features.events(
        engine.register("t_orders", orders), engine.register("t_emails", emails),
        engine.register("t_interactions", interactions), engine.register("t_notes", notes),
    )  # fmt: skip
    customers = engine.register(
        "t_customers", pa.table({"customer360_id": [A, B, C, D], "customer_index": [0, 1, 2, 3]})
    )
    return facts, customers


def _rows(engine: Engine, expr: ibis.Table) -> list[dict]:
    return engine.to_arrow(expr.order_by("customer_index")).to_pylist()


def test_features_as_of_the_cutoff(engine: Engine) -> None:
    facts, customers = _timeline(engine)
    rows = _rows(engine, churn_features.features(facts, customers, CUTOFF))
    never = churn.NEVER_DAYS
    expected = {  # days to 2025-04-01 counted on a calendar
        A: [10, never, 2, 150, 0, 0, 0, 0, 0, 304, 0, 0],
        B: [821, 29, 0, 0, 1, 1, 1, 1, 1, 821, 2, 1],
        C: [never, 180, 0, 0, 0, 0, 0, 0, 0, 180, 0, 0],
        D: [never, never, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    }
    for row, (who, values) in zip(rows, expected.items(), strict=True):
        assert row["customer360_id"] == who
        assert {f: row[f] for f in churn.FEATURES} == dict(zip(churn.FEATURES, values, strict=True))
    assert [r["is_known"] for r in rows] == [True, True, True, False]
    span = engine.to_arrow(churn_features.span(facts, customers)).to_pylist()[0]
    assert span == {"first_at": churn_features.epoch(datetime(2023, 1, 1)),
                    "last_at": churn_features.epoch(datetime(2025, 6, 1))}  # fmt: skip


def test_labels_after_the_cutoff(engine: Engine) -> None:
    facts, customers = _timeline(engine)

    def labels(name: str, **days: int) -> list[bool]:
        expr = churn_features.features(facts, customers, CUTOFF, **days)
        return [r[name] for r in _rows(engine, expr)][:3]

    assert labels("is_churned") == [False, False, True]
    assert labels("is_churned", churn_days=60) == [False, True, True]  # B: day 61
    assert labels("is_purchase") == [True, False, False]
    assert labels("is_purchase", purchase_days=14)[0]  # (C, C + 14 days]
    assert not labels("is_purchase", purchase_days=13)[0]


def test_a_machines_open_or_click_is_no_fact(engine: Engine) -> None:
    # A scanner clicked (so opened) the first send seconds after it left: no person did.
    sent, person = datetime(2025, 3, 1), datetime(2025, 3, 4)
    emails = emails_table([(A, sent, None, None), (B, sent, person, None)]).append_column(
        "first_open_at", pa.array([sent, person], pa.timestamp("ms"))
    )
    facts = churn_features.events(
        engine.register("t_m_orders", orders_table([])), engine.register("t_m_emails", emails),
        engine.register("t_m_interactions", interactions_table([])),
        engine.register("t_m_notes", notes_table([])),
    )  # fmt: skip
    kinds = engine.to_arrow(facts.order_by(["customer360_id", "kind"])).to_pylist()
    assert [(r["customer360_id"], r["kind"]) for r in kinds] == [
        (A, "send"),
        (B, "open"),
        (B, "send"),
    ]


def transactions_table(rows: list[tuple[str, datetime, float]]) -> pa.Table:
    """Silver ``stg_mongo_transactions``: seed 004's purchases, keyed by its customer ids."""
    who, when, amount = zip(*rows, strict=True) if rows else ((), (), ())
    return pa.table(
        {"transaction_id": pa.array([f"TXN{i}" for i in range(len(who))], pa.string()),
         "customer_id": pa.array(who, pa.string()),
         "total_amount": pa.array(amount, pa.float64()),
         "transaction_at": pa.array(when, pa.timestamp("us"))}
    )  # fmt: skip


def links_table(rows: list[tuple[str, str, str]]) -> pa.Table:
    """``identity_links``: (source, record_id, customer360_id)."""
    source, record, who = zip(*rows, strict=True) if rows else ((), (), ())
    return pa.table(
        {"source": pa.array(source, pa.string()), "record_id": pa.array(record, pa.string()),
         "customer360_id": pa.array(who, pa.string())}
    )  # fmt: skip


def _with_transactions(engine: Engine) -> tuple[ibis.Table, ibis.Table]:
    """A ordered in seed 000 and bought last in seed 004 (record M2); D bought only in seed 004
    (record M1, also a record of a second source reading the same table); M9 is a crm record
    of A, not a marketing one, and M8 nobody's: neither one's transaction is a purchase."""
    orders = orders_table([(A, datetime(2025, 3, 22), "completed", 100.0)])
    transactions = transactions_table([
        ("M1", datetime(2024, 1, 1), 40.0),  # more than 365 days before: tenure only
        ("M1", datetime(2025, 3, 22), 10.125),  # 10.13 to the cent, ties up
        ("M1", datetime(2025, 4, 10), 7.0),  # after: D buys within 30 days
        ("M2", datetime(2025, 3, 30), 2.5),  # A's latest purchase
        ("M9", datetime(2025, 3, 31), 500.0),  # a crm record's id: not a purchase
        ("M8", datetime(2025, 6, 1), 900.0),  # nobody's: not a purchase, not in the span
    ])  # fmt: skip
    links = links_table([
        ("marketing", "M1", D), ("shop", "M1", D), ("marketing", "M2", A), ("crm", "M9", A),
    ])  # fmt: skip
    bought = churn_features.purchases(
        engine.register("t_p_transactions", transactions), engine.register("t_p_links", links),
        ("marketing", "shop"),
    )  # fmt: skip
    facts = churn_features.events(
        engine.register("t_p_orders", orders), engine.register("t_p_emails", emails_table([])),
        engine.register("t_p_interactions", interactions_table([])),
        engine.register("t_p_notes", notes_table([])), bought=bought,
    )  # fmt: skip
    customers = engine.register(
        "t_p_customers", pa.table({"customer360_id": [A, D], "customer_index": [0, 1]})
    )
    return facts, customers


def test_a_linked_persons_seed_004_transactions_are_completed_orders(engine: Engine) -> None:
    facts, customers = _with_transactions(engine)
    rows = _rows(engine, churn_features.features(facts, customers, CUTOFF))
    never = churn.NEVER_DAYS
    expected = {  # days to 2025-04-01 counted on a calendar
        A: [2, never, 2, 102.5, 0, 0, 0, 0, 0, 10, 0, 0],
        D: [10, never, 1, 10.13, 0, 0, 0, 0, 0, 456, 0, 0],
    }
    for row, (who, values) in zip(rows, expected.items(), strict=True):
        assert row["customer360_id"] == who
        assert {f: row[f] for f in churn.FEATURES} == dict(zip(churn.FEATURES, values, strict=True))
    assert [(r["is_known"], r["is_purchase"], r["is_churned"]) for r in rows] == [
        (True, False, True),
        (True, True, False),
    ]
    span = engine.to_arrow(churn_features.span(facts, customers)).to_pylist()[0]
    assert span == {"first_at": churn_features.epoch(datetime(2024, 1, 1)),
                    "last_at": churn_features.epoch(datetime(2025, 4, 10))}  # fmt: skip


def test_purchase_amounts_are_the_profiles_to_the_cent(engine: Engine) -> None:
    """The models and the profile count a transaction's money alike (ties up, and amounts a
    hair below a tie as doubles, 1.005 or 77.99 / 2, up too)."""
    amounts = [10.125, 1.005, 77.99 / 2, 0.004, 19.99, 2.675]
    transactions = transactions_table([("M1", datetime(2025, 1, 1), a) for a in amounts])
    links = links_table([("marketing", "M1", D)])
    bought = churn_features.purchases(
        engine.register("t_c_transactions", transactions), engine.register("t_c_links", links),
        ("marketing",),
    )  # fmt: skip
    ours = engine.to_arrow(bought.order_by("amount_eur"))["amount_eur"].to_pylist()
    ids = pa.table({"customer_id": ["M1"], "code": pa.array([0], pa.int32())})
    profiles = profile_activity.purchases(transactions, ids)["amount_eur"].to_pylist()
    assert ours == sorted(profiles) == [0.0, 1.01, 2.68, 10.13, 19.99, 39.0]


def test_revenue_does_not_depend_on_the_order_of_the_rows(engine: Engine) -> None:
    """No engine promises an order in which it sums: 0.1 + 0.2 + 0.3 is 0.6000000000000001
    and 0.3 + 0.2 + 0.1 is 0.6 as doubles. A sum of amounts in cents is to the cent."""
    rows = [(A, datetime(2025, 3, day), "completed", amount)
            for day, amount in ((1, 0.1), (2, 0.2), (3, 0.3))]  # fmt: skip
    revenue = []
    for name, ordered in (("up", rows), ("down", rows[::-1])):
        facts = churn_features.events(
            engine.register(f"t_r_orders_{name}", orders_table(ordered)),
            engine.register(f"t_r_emails_{name}", emails_table([])),
            engine.register(f"t_r_interactions_{name}", interactions_table([])),
            engine.register(f"t_r_notes_{name}", notes_table([])),
        )  # fmt: skip
        customers = engine.register(
            f"t_r_customers_{name}", pa.table({"customer360_id": [A], "customer_index": [0]})
        )
        expr = churn_features.features(facts, customers, CUTOFF)
        revenue += [r["revenue_eur_365d"] for r in _rows(engine, expr)]
    assert revenue == [0.6, 0.6]

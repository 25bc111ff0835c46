"""Seed 003's CLV and RFM: literal orders in, exact rows out, on every engine.

Six buyers of one 10-euro product and one customer who never ordered; the reference date is
the latest order, 2025-12-31. Days from first order to it: B1 731, B2 183, B3 364, B4 1,
B5 1095, B6 716; from first to latest order: 731, 182, 180, 0, 0, 138.
"""

from __future__ import annotations

import itertools

import pyarrow as pa
import pytest

from c360.contracts import gold_ecommerce as contracts
from c360.engines import Engine
from c360.pipeline.gold.ecommerce_customers import (
    NO_PURCHASE,
    SEGMENT_RULES,
    segment,
    segment_expr,
)
from tests.pipeline.gold.test_ecommerce import TIES, Rows, at, build, pick

ORDERS = {
    "B1": [("2023-12-31", 1), ("2024-06-01", 1), ("2024-12-01", 2), ("2025-03-01", 2),
           ("2025-09-01", 2), ("2025-12-31", 2)],
    "B2": [("2025-07-01", 1), ("2025-08-01", 1), ("2025-09-01", 1), ("2025-10-01", 1),
           ("2025-12-30", 1)],
    "B3": [("2025-01-01", 1), ("2025-03-01", 1), ("2025-06-30", 1)],
    "B4": [("2025-12-30", 1)],
    "B5": [("2023-01-01", 4)],
    "B6": [("2024-01-15", 1), ("2024-06-01", 2)],
}  # fmt: skip
PEOPLE = {
    "stg_ecommerce_products": [("P1", "Lamp", "Home & Garden", "Lumo", 10.0, 4.0, 6.0)],
    "stg_ecommerce_customers": [
        (c, c, None, False, None, None, None, "bronze") for c in [*ORDERS, "N"]
    ],
    "stg_ecommerce_orders": [
        (f"{c}-{i}", c, "P1", quantity, at(day), None)
        for c, orders in ORDERS.items()
        for i, (day, quantity) in enumerate(orders)
    ],
}


@pytest.fixture(scope="module")
def people(engine: Engine) -> Rows:
    return build(engine, PEOPLE)


def test_clv_is_basket_times_frequency_times_lifespan(people: Rows) -> None:
    lifespan = (731 + 182 + 180 + 0 + 0 + 138) / 6 / 365.25
    # Frequency: orders per year since the first order, at least one year.
    expected = {
        "B1": (6, 100.0, 100 / 6, 6 / (731 / 365.25)),
        "B2": (5, 50.0, 10.0, 5.0),
        "B3": (3, 30.0, 10.0, 3.0),
        "B4": (1, 10.0, 10.0, 1.0),
        "B5": (1, 40.0, 40.0, 1 / (1095 / 365.25)),
        "B6": (2, 30.0, 15.0, 2 / (716 / 365.25)),
    }
    rows = {r["customer_id"]: r for r in people["mart_ecommerce_customer_lifetime_value"]}
    assert sorted(rows) == ["B1", "B2", "B3", "B4", "B5", "B6", "N"]
    for customer, (orders, revenue, basket, frequency) in expected.items():
        row = rows[customer]
        assert (row["count_orders"], row["total_revenue_eur"]) == (orders, revenue)
        assert row["average_basket_eur"] == round(basket, 2)
        assert row["purchase_frequency_per_year"] == pytest.approx(frequency, rel=1e-12)
        assert row["customer_lifespan_years"] == pytest.approx(lifespan, rel=1e-12)
        assert row["clv_eur"] == round(basket * frequency * lifespan, 2)
    assert rows["B1"]["clv_eur"] == 28.07  # 16.67 x 3.00 x 0.56
    assert (rows["B6"]["first_order_date"], rows["B6"]["last_order_date"]) == (
        at("2024-01-15").date(),
        at("2024-06-01").date(),
    )
    assert rows["N"] == {
        "customer_id": "N", "count_orders": 0, "total_revenue_eur": 0.0,
        "first_order_date": None, "last_order_date": None, "average_basket_eur": None,
        "purchase_frequency_per_year": 0.0, "customer_lifespan_years": rows["B1"][
            "customer_lifespan_years"], "clv_eur": 0.0,
    }  # fmt: skip


def test_rfm_scores_are_quintiles_among_buyers_with_shared_ties(people: Rows) -> None:
    # Score = 5 x (buyers ranked strictly worse) // 6 + 1. Recency: B2 and B4 tie at 1 day,
    # both take the lower score. Monetary: B3 and B6 tie at 30.
    columns = ("customer_id", "recency_days", "frequency", "monetary_eur", "r_score", "f_score",
               "m_score", "rfm_segment")  # fmt: skip
    assert pick(people["mart_ecommerce_rfm"], *columns) == [
        ("B1", 0, 6, 100.0, 5, 5, 5, "Champions"),
        ("B2", 1, 5, 50.0, 3, 4, 4, "Loyal Customers"),
        ("B3", 184, 3, 30.0, 2, 3, 1, "Hibernating"),
        ("B4", 1, 1, 10.0, 3, 1, 1, "About to Sleep"),
        ("B5", 1095, 1, 40.0, 1, 1, 3, "Lost"),
        ("B6", 578, 2, 30.0, 1, 2, 1, "Hibernating"),
        ("N", None, 0, 0.0, None, None, None, NO_PURCHASE),
    ]


def test_a_buyer_whose_customer_row_silver_rejected_keeps_clv_and_rfm(
    engine: Engine, people: Rows
) -> None:
    # B4's customer row was quarantined; its order kept its customer id. Same scores as before.
    customers = [r for r in PEOPLE["stg_ecommerce_customers"] if r[0] != "B4"]
    without = build(engine, {**PEOPLE, "stg_ecommerce_customers": customers})
    for mart in ("mart_ecommerce_customer_lifetime_value", "mart_ecommerce_rfm"):
        assert without[mart] == people[mart]
    [b4] = [r for r in without["orders_enriched"] if r["customer_id"] == "B4"]
    assert pick([b4], "customer_name", "country", "loyalty_tier", "is_premium_customer") == [
        (None, None, None, False)
    ]


def test_segment_rules_give_every_score_exactly_one_segment_honouring_the_seed() -> None:
    scores = list(itertools.product(range(1, 6), repeat=3))
    segments = {s: segment(*s) for s in scores}  # raises if a combination has no rule
    assert set(segments.values()) == {rule.segment for rule in SEGMENT_RULES}
    assert {*segments.values(), NO_PURCHASE} == set(contracts.RFM_SEGMENTS)
    # The seed's rules, where an earlier (more specific) seed rule does not take precedence.
    assert segments[5, 5, 5] == "Champions"
    for (r, f, m), name in segments.items():
        if r <= 2 and f >= 4:
            assert name == "At Risk"
        elif f >= 4 and (r, f, m) != (5, 5, 5):
            assert name == "Loyal Customers"
        if r == 1 and f == 1:
            assert name == "Lost"
    assert (segments[5, 1, 1], segments[4, 1, 3], segments[5, 3, 2]) == (
        "New Customers",
        "Promising",
        "Potential Loyalists",
    )
    assert (segments[3, 1, 5], segments[3, 3, 1], segments[2, 2, 2]) == (
        "About to Sleep",
        "Need Attention",
        "Hibernating",
    )


def test_segment_expression_matches_the_rule_table_on_the_engine(engine: Engine) -> None:
    scores = [*itertools.product(range(1, 6), repeat=3), (None, None, None)]
    table = engine.register(
        "t_rfm_scores",
        pa.table({k: pa.array([s[i] for s in scores], pa.int64()) for i, k in enumerate("rfm")}),
    )
    out = engine.to_arrow(table.mutate(segment=segment_expr(table.r, table.f, table.m)))
    got = {(row["r"], row["f"], row["m"]): row["segment"] for row in out.to_pylist()}
    assert got == {s: segment(*s) if s[0] else NO_PURCHASE for s in scores}


def test_a_buyer_s_revenue_is_the_same_whatever_order_the_lines_are_added_in(
    engine: Engine,
) -> None:
    built = build(engine, TIES)
    clv = built["mart_ecommerce_customer_lifetime_value"]
    assert pick(clv, "customer_id", "total_revenue_eur") == [("C1", 1.03), ("C2", 1.03)]
    rfm = built["mart_ecommerce_rfm"]
    assert pick(rfm, "customer_id", "monetary_eur") == [("C1", 1.03), ("C2", 1.03)]


# P9 was rejected from the catalogue in silver: its lines have no price. U1 and U2 bought only
# P9, H bought P1 (5 x 10 EUR) once and P9 once, K1-K3 only P1, N nothing. Reference date
# 2025-12-31. Days from first to latest order: U1 30, K3 212, H 58, others 0.
UNPRICED_ORDERS = {
    "U1": [("2025-12-01", "P9", 1), ("2025-12-10", "P9", 1), ("2025-12-20", "P9", 1),
           ("2025-12-31", "P9", 1)],
    "K3": [("2025-06-01", "P1", 1), ("2025-09-01", "P1", 1), ("2025-12-30", "P1", 1)],
    "H": [("2025-11-01", "P9", 1), ("2025-12-29", "P1", 5)],
    "K1": [("2025-03-01", "P1", 2)],
    "K2": [("2024-12-31", "P1", 8)],
    "U2": [("2025-10-01", "P9", 2)],
}  # fmt: skip
UNPRICED = {
    "stg_ecommerce_products": PEOPLE["stg_ecommerce_products"],
    "stg_ecommerce_customers": [
        (c, c, None, False, None, None, None, "bronze") for c in [*UNPRICED_ORDERS, "N"]
    ],
    "stg_ecommerce_orders": [
        (f"{c}-{i}", c, product, quantity, at(day), None)
        for c, orders in UNPRICED_ORDERS.items()
        for i, (day, product, quantity) in enumerate(orders)
    ],
}


@pytest.fixture(scope="module")
def unpriced(engine: Engine) -> Rows:
    return build(engine, UNPRICED)


def test_a_buyer_of_unpriced_products_only_has_unknown_revenue_and_clv(unpriced: Rows) -> None:
    # Not 0: they did not buy for free. One who never ordered still has 0.
    lifespan = (30 + 212 + 58) / 6 / 365.25
    columns = ("customer_id", "count_orders", "total_revenue_eur", "average_basket_eur",
               "purchase_frequency_per_year", "clv_eur")  # fmt: skip
    rows = {r[0]: r for r in pick(unpriced["mart_ecommerce_customer_lifetime_value"], *columns)}
    assert rows["U1"] == ("U1", 4, None, None, 4.0, None)
    assert rows["U2"] == ("U2", 1, None, None, 1.0, None)
    assert rows["N"] == ("N", 0, 0.0, None, 0.0, 0.0)
    assert rows["K2"] == ("K2", 1, 80.0, 80.0, 1.0, round(80 * lifespan, 2))
    for row in unpriced["mart_ecommerce_customer_lifetime_value"]:
        assert row["customer_lifespan_years"] == pytest.approx(lifespan, rel=1e-12)


def test_a_partly_priced_buyer_s_basket_is_over_the_priced_orders_and_clv_over_all(
    unpriced: Rows,
) -> None:
    # H: 50 EUR over the 1 order with a price, not the 2 placed; 2 orders a year (both count).
    lifespan = (30 + 212 + 58) / 6 / 365.25
    [h] = [r for r in unpriced["mart_ecommerce_customer_lifetime_value"] if r["customer_id"] == "H"]
    assert (h["count_orders"], h["total_revenue_eur"], h["average_basket_eur"]) == (2, 50.0, 50.0)
    assert h["purchase_frequency_per_year"] == 2.0
    assert h["clv_eur"] == round(50.0 * 2 * lifespan, 2) == 13.69


def test_rfm_monetary_score_ranks_the_buyers_of_known_monetary_value_only(
    unpriced: Rows,
) -> None:
    # R and F: quintiles among the 6 buyers. M: among the 4 of known monetary value (K1 20,
    # K3 30, H 50, K2 80), so 5 x rank // 4 + 1; U1 and U2 have none. Every customer keeps a
    # segment: an unknown M matches only the rules that do not ask for one, so U1 (R=5, F=5)
    # is a loyal customer, not a champion, and neither has "Never Purchased".
    columns = ("customer_id", "recency_days", "frequency", "monetary_eur", "r_score", "f_score",
               "m_score", "rfm_segment")  # fmt: skip
    assert pick(unpriced["mart_ecommerce_rfm"], *columns) == [
        ("H", 2, 2, 50.0, 3, 3, 3, "Need Attention"),
        ("K1", 305, 1, 20.0, 1, 1, 1, "Lost"),
        ("K2", 365, 1, 80.0, 1, 1, 4, "Lost"),
        ("K3", 1, 3, 30.0, 4, 4, 2, "Loyal Customers"),
        ("N", None, 0, 0.0, None, None, None, NO_PURCHASE),
        ("U1", 0, 4, None, 5, 5, None, "Loyal Customers"),
        ("U2", 91, 1, None, 2, 1, None, "Hibernating"),
    ]


def test_an_unknown_monetary_score_matches_the_rules_that_do_not_ask_for_one(
    engine: Engine,
) -> None:
    scores = [(r, f, None) for r, f in itertools.product(range(1, 6), repeat=2)]
    # Champions alone asks for M=5: without an M, the rules after it decide.
    assert segment(5, 5, None) == "Loyal Customers"
    assert [segment(r, f, None) for r, f, _ in scores] == [
        segment(r, f, 1) if (r, f) != (5, 5) else "Loyal Customers" for r, f, _ in scores
    ]
    table = engine.register(
        "t_rfm_scores_without_m",
        pa.table({k: pa.array([s[i] for s in scores], pa.int64()) for i, k in enumerate("rfm")}),
    )
    out = engine.to_arrow(table.mutate(segment=segment_expr(table.r, table.f, table.m)))
    got = {(row["r"], row["f"]): row["segment"] for row in out.to_pylist()}
    assert got == {(r, f): segment(r, f, None) for r, f, _ in scores}

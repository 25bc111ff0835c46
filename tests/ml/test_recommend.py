"""Recommendations on literal baskets whose counts, rules and top-N are worked out by hand."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pyarrow as pa
import pytest

from c360.ml import recommend as reco

T1, T2 = datetime(2025, 1, 1), datetime(2025, 2, 1)
# Five baskets (N = 5): count(P1) = 3, count(P2) = 3, count(P3) = 2, count(P4) = 1;
# count(P1, P2) = 2 (O1, O2), count(P1, P3) = 2 (O2, O3), count(P2, P3) = 1 (O2).
BASKETS = {
    "O1": ("c360_00000001", T1, ["P1", "P2", "P1"]),  # P1 on two lines: one basket item
    "O2": ("c360_00000001", T2, ["P1", "P2", "P3"]),
    "O3": ("c360_00000002", T1, ["P1", "P3"]),
    "O4": ("c360_00000003", T1, ["P2"]),
    "O5": ("c360_00000004", T1, ["P4"]),
}
NOBODY = "c360_00000005"  # no completed order


def _gold() -> tuple[pa.Table, pa.Table]:
    orders = [
        {"order_id": o, "customer360_id": c, "order_at": at, "status": "completed"}
        for o, (c, at, _) in BASKETS.items()
    ]
    orders += [
        {"order_id": "O6", "customer360_id": NOBODY, "order_at": T1, "status": "canceled"},
        {"order_id": "O7", "customer360_id": None, "order_at": T1, "status": "completed"},
    ]
    lines = [{"order_id": o, "product_id": p} for o, (_, _, ps) in BASKETS.items() for p in ps]
    lines += [{"order_id": "O6", "product_id": "P4"}, {"order_id": "O7", "product_id": "P4"}]
    return pa.Table.from_pylist(lines), pa.Table.from_pylist(orders)


@pytest.fixture
def lines() -> pa.Table:
    return reco.basket_lines(*_gold())


def test_baskets_are_distinct_products_of_completed_orders_of_known_customers(lines):
    pairs = sorted(zip(lines["order_id"].to_pylist(), lines["product_id"].to_pylist(), strict=True))
    assert pairs == [("O1", "P1"), ("O1", "P2"), ("O2", "P1"), ("O2", "P2"), ("O2", "P3"),
                     ("O3", "P1"), ("O3", "P3"), ("O4", "P2"), ("O5", "P4")]  # fmt: skip


def test_co_occurrence_counts(lines):
    counts = reco.count_baskets(lines)
    assert counts.products.to_pylist() == ["P1", "P2", "P3", "P4"]
    assert counts.n_baskets == 5
    assert counts.item.tolist() == [3, 3, 2, 1]
    assert counts.pair.toarray().tolist() == [[0, 2, 2, 0], [2, 0, 1, 0], [2, 1, 0, 0], [0] * 4]


def _rules(table: pa.Table) -> dict:
    return {
        (r["antecedent_product_id"], r["consequent_product_id"]): (
            r["support"],
            r["confidence"],
            r["lift"],
            r["count_orders"],
        )
        for r in table.to_pylist()
    }


def test_basket_rules_support_confidence_lift(lines):
    # support = count(a, b)/5; confidence = count(a, b)/count(a); lift = confidence/(count(b)/5)
    expected = {
        ("P1", "P2"): (2 / 5, 2 / 3, (2 / 3) / (3 / 5), 2),
        ("P2", "P1"): (2 / 5, 2 / 3, (2 / 3) / (3 / 5), 2),
        ("P1", "P3"): (2 / 5, 2 / 3, (2 / 3) / (2 / 5), 2),
        ("P3", "P1"): (2 / 5, 2 / 2, 1 / (3 / 5), 2),
        ("P2", "P3"): (1 / 5, 1 / 3, (1 / 3) / (2 / 5), 1),
        ("P3", "P2"): (1 / 5, 1 / 2, (1 / 2) / (3 / 5), 1),
    }
    got = _rules(reco.basket_rules(lines, 0.0, 0.0))
    assert got.keys() == expected.keys()
    for key, values in expected.items():
        assert got[key] == pytest.approx(values), key
    assert _rules(reco.basket_rules(lines, 0.4, 0.7)).keys() == {("P3", "P1")}
    assert _rules(reco.basket_rules(lines, 0.3, 0.0)).keys() == {
        ("P1", "P2"), ("P2", "P1"), ("P1", "P3"), ("P3", "P1")
    }  # fmt: skip


def _top(table: pa.Table) -> dict[str, list[tuple[str, float]]]:
    out: dict[str, list[tuple[str, float]]] = {}
    for r in table.sort_by([("customer360_id", "ascending"), ("rank", "ascending")]).to_pylist():
        assert r["rank"] == len(out.get(r["customer360_id"], [])) + 1
        out.setdefault(r["customer360_id"], []).append((r["product_id"], r["score"]))
    return out


def test_top_n_by_shrunk_confidence_without_bought_products(lines):
    # m = 2, p = (.6, .6, .4, .2); score(j) = mean over bought i of (c_ij + 2 p_j)/(c_i + 2)
    model = reco.affinities(lines, shrinkage=2.0)
    top = _top(reco.recommend(lines, model, n=3, customers=pa.array([NOBODY])))
    assert top == {
        # bought P1, P2, P3: P4 = mean(.4/5, .4/5, .4/4)
        "c360_00000001": [("P4", pytest.approx(0.086667))],
        # bought P1, P3: P2 = mean((2 + 1.2)/5, (1 + 1.2)/4), P4 = mean(.4/5, .4/4)
        "c360_00000002": [("P2", 0.595), ("P4", 0.09)],
        # bought P2: P1 = (2 + 1.2)/5, P3 = (1 + .8)/5, P4 = .4/5
        "c360_00000003": [("P1", 0.64), ("P3", 0.36), ("P4", 0.08)],
        # bought P4 (no co-purchase): P1 = P2 = 1.2/3 (tie: as popular, then by id), P3 = .8/3
        "c360_00000004": [("P1", 0.4), ("P2", 0.4), ("P3", pytest.approx(0.266667))],
        # no history: popularity
        NOBODY: [("P1", 0.6), ("P2", 0.6), ("P3", 0.4)],
    }


def test_the_baseline_ranks_by_popularity_only(lines):
    baseline = reco.popularity_only(reco.affinities(lines, shrinkage=2.0))
    top = _top(reco.recommend(lines, baseline, n=2))
    assert top["c360_00000003"] == [("P1", 0.6), ("P3", 0.4)]
    assert top["c360_00000004"] == [("P1", 0.6), ("P2", 0.6)]


def test_the_last_order_of_repeat_customers_is_held_out(lines):
    train, held = reco.split_last_order(lines)
    assert sorted(set(held["order_id"].to_pylist())) == ["O2"]
    assert sorted(set(train["order_id"].to_pylist())) == ["O1", "O3", "O4", "O5"]


def test_hit_rate_at_k():
    recommended = pa.Table.from_pylist(
        [{"customer360_id": c, "rank": r, "product_id": p}
         for c, ps in {"A": ["P4", "P3"], "X": ["P1", "P2"], "Y": ["P5", "P6"]}.items()
         for r, p in enumerate(ps, 1)]
    )  # fmt: skip
    held = pa.Table.from_pylist(
        [{"customer360_id": c, "product_id": p}
         for c, p in [("A", "P3"), ("X", "P9"), ("Y", "P5"), ("Y", "P7"), ("Z", "P1")]]
    )  # fmt: skip
    # k = 1: only Y (P5 first); k = 2: A too (P3 second); X and Z (nothing offered) miss
    assert reco.hit_rate_at_k(recommended, held, k=1) == 1 / 4
    assert reco.hit_rate_at_k(recommended, held, k=2) == 2 / 4
    assert reco.hit_rate_at_k(recommended, held.slice(0, 0), k=2) == 0.0


def test_planted_co_purchases_beat_popularity():
    """Each customer has a trio of products and buys two of it with a popular product per order:
    the model finds the third of the trio, popularity cannot."""
    rng = np.random.default_rng(7)
    popular = [f"P{i:02d}" for i in range(10)]
    rows = []
    for c in range(300):
        trio = [f"T{c % 20:02d}{k}" for k in range(3)]
        for o in range(2):
            order = f"O{c:03d}{o}"
            bought = [*rng.choice(trio, 2, replace=False), rng.choice(popular, p=_zipf(10))]
            rows += [{"order_id": order, "customer360_id": f"c360_{c:08d}",
                      "product_id": str(p), "order_at": datetime(2025, 1, 1 + o)}
                     for p in bought]  # fmt: skip
    lines = pa.Table.from_pylist(rows, schema=reco.BASKET_LINES)
    result = reco.evaluate(lines, k=3)
    assert result.customers == 300
    assert result.model > result.popularity + 0.3


def _zipf(n: int) -> np.ndarray:
    weights = 1 / np.arange(1, n + 1)
    return weights / weights.sum()

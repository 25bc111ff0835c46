"""The profile's RFM segment: the person's, from every system's purchases the profile counts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pyarrow as pa

from c360.identity.profile_scores import fact_segments, rfm_segments

DAY = datetime(2025, 12, 31, 12)


def customers(n: int) -> pa.Array:
    return pa.array([f"c360_{i:08d}" for i in range(1, n + 1)])


def purchases(rows: Sequence[tuple[int, datetime | None, float]]) -> dict[str, pa.Array]:
    """The profile columns the RFM reads: orders_count, last_purchase_at, total_revenue."""
    return {
        "orders_count": pa.array([r[0] for r in rows], pa.int64()),
        "last_purchase_at": pa.array([r[1] for r in rows], pa.timestamp("us")),
        "total_revenue": pa.array([r[2] for r in rows], pa.float64()),
    }


def segments_of(table: pa.Table) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for row in table.to_pylist():
        found.setdefault(row["customer360_id"], []).append(row["segment"])
    return found


def test_only_a_profile_without_orders_never_purchased() -> None:
    ids = customers(3)
    columns = purchases([(0, None, 0.0), (1, datetime(2025, 6, 1), 20.0), (4, DAY, 90.0)])
    rfm = segments_of(rfm_segments(ids, columns))
    assert rfm["c360_00000001"] == ["rfm:Never Purchased"]
    assert "rfm:Never Purchased" not in rfm["c360_00000002"] + rfm["c360_00000003"]
    assert all(len(s) == 1 for s in rfm.values())  # one RFM segment each, every profile


def test_the_scores_rank_the_profiles_buyers_as_the_seed_rules_say() -> None:
    # Ten buyers, each later, more frequent and larger than the one before: quintiles of two
    # buyers each on R, F and M (rank x 5 // 10 + 1); and one profile without orders.
    ids = customers(11)
    rows = [(i + 1, datetime(2025, 1, i + 1, 9), 10.0 * (i + 1)) for i in range(10)]
    rfm = segments_of(rfm_segments(ids, purchases([*rows, (0, None, 0.0)])))
    shown = [rfm[i][0].removeprefix("rfm:") for i in ids.to_pylist()]
    assert shown[0] == shown[1] == "Lost"  # R=1, F=1
    assert shown[2] == shown[3] == "Hibernating"  # R=2, F=2
    assert shown[4] == shown[5] == "Need Attention"  # R=3, F=3
    assert shown[6] == shown[7] == "Loyal Customers"  # F=4
    assert shown[8] == shown[9] == "Champions"  # R=5, F=5, M=5
    assert shown[10] == "Never Purchased"


def test_equal_values_share_the_lower_score_and_the_day_is_what_counts() -> None:
    # Two purchases on one day, hours apart, are equally recent: both get the lower R score.
    ids = customers(5)
    rows = [
        (1, datetime(2025, 1, 1, 8), 10.0),
        (1, datetime(2025, 1, 1, 20), 10.0),
        (1, datetime(2025, 12, 1), 10.0),
        (1, datetime(2025, 12, 2), 10.0),
        (1, datetime(2025, 12, 3), 10.0),
    ]
    rfm = segments_of(rfm_segments(ids, purchases(rows)))
    # R ranks 0, 0, 2, 3, 4 of 5 -> 1, 1, 3, 4, 5; F and M all tie at rank 0 -> 1.
    assert [rfm[i][0] for i in ids.to_pylist()] == [
        "rfm:Lost", "rfm:Lost", "rfm:About to Sleep", "rfm:Promising", "rfm:New Customers",
    ]  # fmt: skip


def test_the_profile_segments_follow_the_person_not_the_shop() -> None:
    """The shop (mart_ecommerce_rfm) sees part of a person's purchases: never what the profile
    shows as their RFM segment when the profile's purchases are given."""
    ids = customers(5)
    links = pa.table({"customer_id": ["CUST_1", "CUST_2"], "code": pa.array([0, 1], pa.int32())})
    facts = {
        # The shop saw neither buy: one bought in the store, one once long ago online.
        "mart_ecommerce_rfm": pa.table(
            {"customer_id": ["CUST_1", "CUST_2"], "rfm_segment": ["Never Purchased", "Lost"]}
        ),
        "bridge_customer_segment": pa.table(
            {"customer_id": ["CUST_1"], "segment_id": ["S1"], "is_current": [True]}
        ),
        "dim_segment": pa.table({"segment_id": ["S1"], "segment_name": ["VIP"]}),
    }
    # Four buyers ranked 0 to 3 on R, F and M alike (scores 1 to 4), and one without orders.
    columns = purchases([
        (3, datetime(2025, 12, 20), 300.0), (12, DAY, 900.0), (1, datetime(2023, 1, 1), 10.0),
        (2, datetime(2024, 1, 1), 20.0), (0, None, 0.0),
    ])  # fmt: skip
    found = segments_of(fact_segments(ids, links, facts.__getitem__, columns))
    assert sorted(found["c360_00000001"]) == ["crm:VIP", "rfm:Need Attention"]  # R=3, F=3
    assert found["c360_00000002"] == ["rfm:Loyal Customers"]  # R=4, F=4, M=4
    assert found["c360_00000003"] == ["rfm:Lost"]  # R=1, F=1: no shop account, yet a buyer
    assert found["c360_00000005"] == ["rfm:Never Purchased"]

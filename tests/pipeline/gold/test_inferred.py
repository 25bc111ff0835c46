"""Inferred members: every id the facts name gets a dimension row, flagged and otherwise NULL."""

from __future__ import annotations

import pyarrow as pa

from c360.contracts import gold_ecommerce
from c360.contracts import gold_star as c
from c360.engines import Engine
from c360.pipeline.gold.inferred import missing_ids, referrers, with_inferred

SEGMENTS = pa.table(
    {"segment_id": ["SEG_1", "SEG_3"], "segment_name": ["VIP", "New"],
     "description": ["Top", "Fresh"], "created_at": pa.array([None, None], pa.timestamp("s")),
     "is_dynamic": [True, False], "count_current_members": [4, 1], "inferred": [False, False]}
)  # fmt: skip


def test_ids_the_facts_name_that_the_dimension_lacks_become_inferred_members() -> None:
    bridge = pa.chunked_array([["SEG_3", "SEG_9", None, "SEG_2"], ["SEG_9", "SEG_1"]])
    other = pa.chunked_array([["SEG_2"]])
    data, added = with_inferred(SEGMENTS, c.DIM_SEGMENT, [bridge, other])
    assert added == 2
    assert data.column("segment_id").to_pylist() == ["SEG_1", "SEG_3", "SEG_2", "SEG_9"]
    assert data.column("inferred").to_pylist() == [False, False, True, True]
    new = data.slice(2).to_pylist()
    assert all(
        v is None for row in new for k, v in row.items() if k not in ("segment_id", "inferred")
    )


def test_a_dimension_holding_every_id_is_left_as_it_is() -> None:
    data, added = with_inferred(
        SEGMENTS, c.DIM_SEGMENT, [pa.chunked_array([["SEG_1"]], pa.string())]
    )
    assert added == 0 and data is SEGMENTS
    assert with_inferred(SEGMENTS, c.DIM_SEGMENT, [])[1] == 0


def test_an_inferred_customer_keeps_the_person_identity_resolution_gives_it() -> None:
    customers = pa.table({"customer_id": ["C1"], "customer360_id": ["c360_1"],
                          "inferred": [False]})  # fmt: skip
    people = pa.table({"customer_id": ["C1", "C7", "C8"],
                       "customer360_id": ["c360_1", "c360_7", "c360_8"]})  # fmt: skip
    named = [pa.chunked_array([["C8", "C1", "C9"]])]
    data, added = with_inferred(customers, c.DIM_CUSTOMER, named, people)
    assert added == 2
    assert data.to_pylist()[1:] == [
        {"customer_id": "C8", "customer360_id": "c360_8", "inferred": True},
        {"customer_id": "C9", "customer360_id": None, "inferred": True},  # identity has none
    ]


def test_the_facts_referencing_each_dimension_are_found_in_the_contracts() -> None:
    found = referrers([c.DIM_CUSTOMER, c.DIM_SEGMENT, c.BRIDGE_CUSTOMER_SEGMENT, c.FCT_ORDERS,
                       c.DIM_DATE])  # fmt: skip
    assert found == {
        "dim_customer": [("bridge_customer_segment", "customer_id"), ("fct_orders", "customer_id")],
        "dim_segment": [("bridge_customer_segment", "segment_id")],
    }  # dim_date declares no inferred members: the calendar is whole


def test_missing_ids_are_the_facts_ids_the_dimension_lacks_once_each(engine: Engine) -> None:
    dimension = engine.register("inferred_segments", SEGMENTS)
    bridge = engine.register(
        "inferred_bridge", pa.table({"segment_id": ["SEG_3", "SEG_9", None, "SEG_2", "SEG_9"]})
    )
    other = engine.register("inferred_other", pa.table({"seg": ["SEG_2", "SEG_1", "SEG_7"]}))
    named = [bridge.segment_id, other.seg]
    ids = engine.to_arrow(missing_ids(dimension, "segment_id", named)).column("id")
    assert sorted(ids.to_pylist()) == ["SEG_2", "SEG_7", "SEG_9"]
    data, added = with_inferred(SEGMENTS, c.DIM_SEGMENT, [ids])
    assert added == 3 and data.column("segment_id").to_pylist()[2:] == ["SEG_2", "SEG_7", "SEG_9"]


def test_no_id_is_missing_when_the_dimension_holds_them_all(engine: Engine) -> None:
    dimension = engine.register("inferred_segments_all", SEGMENTS)
    facts = engine.register("inferred_facts_all", pa.table({"segment_id": ["SEG_1", None]}))
    ids = engine.to_arrow(missing_ids(dimension, "segment_id", [facts.segment_id]))
    assert ids.num_rows == 0


def test_the_shop_s_facts_and_marts_naming_a_product_reference_its_dimension() -> None:
    found = referrers(gold_ecommerce.TABLES)
    assert found["dim_ecommerce_product"] == [
        ("fct_ecommerce_sales", "product_id"),
        ("orders_enriched", "product_id"),
        ("mart_ecommerce_top_products", "product_id"),
        ("mart_ecommerce_most_profitable_products", "product_id"),
        ("mart_ecommerce_stockouts", "product_id"),
        ("mart_ecommerce_stock_rotation", "product_id"),
    ]
    assert [t for t, _ in found["dim_ecommerce_customer"]][:2] == [
        "fct_ecommerce_sales",
        "orders_enriched",
    ]

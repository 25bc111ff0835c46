"""Seed 003's inventory analysis: stock levels, stock-outs and stock rotation.

A product is stocked in several warehouses, each sending a snapshot now and then. Its current
stock is the sum of each warehouse's latest snapshot; its average stock the sum of each
warehouse's mean snapshot (a warehouse that reported fewer times still counts in full), added as
whole numbers of thousandths (``rounding.exact_sum``) so that the warehouses' order does not
change the last digit.
"""

from __future__ import annotations

import ibis
from ibis.expr.types import Table

from c360.contracts import gold_ecommerce as contracts
from c360.pipeline.gold.model import GoldModel
from c360.pipeline.gold.rounding import exact_sum, fixed


def latest_snapshots(inventory: Table) -> Table:
    """Each product and warehouse's latest snapshot (silver keeps one per timestamp)."""
    i = inventory
    newest_first = ibis.row_number().over(
        group_by=[i.product_id, i.warehouse_id], order_by=ibis.desc(i.last_updated_at)
    )
    ranked = i.mutate(_rank=newest_first)
    return ranked.filter(ranked._rank == 0).drop("_rank")


def stock_levels(inventory: Table) -> Table:
    """Per product: ``current_stock_units`` and ``average_stock_units`` (to 0.001)."""
    i = inventory
    latest = latest_snapshots(i)
    per_warehouse = i.group_by("product_id", "warehouse_id").aggregate(mean=i.stock_quantity.mean())
    current = latest.group_by("product_id").aggregate(
        current_stock_units=latest.stock_quantity.sum()
    )
    average = per_warehouse.group_by("product_id").aggregate(
        average_stock_units=exact_sum(per_warehouse["mean"], 3)
    )
    return current.join(average, "product_id")


def mart_ecommerce_stockouts(inventory: Table, products: Table) -> Table:
    """Product and warehouse pairs whose latest snapshot is 0, with when they last had stock."""
    latest = latest_snapshots(inventory)
    out = latest.filter(latest.stock_quantity == 0)
    stocked = inventory.filter(inventory.stock_quantity > 0)
    last_stocked = stocked.group_by("product_id", "warehouse_id").aggregate(
        last_in_stock_at=stocked.last_updated_at.max()
    )
    s, p = last_stocked, products
    pair = [out.product_id == s.product_id, out.warehouse_id == s.warehouse_id]
    joined = out.left_join(s, pair).left_join(p, out.product_id == p.product_id)
    return joined.select(
        out.product_id,
        out.warehouse_id,
        out.last_updated_at,
        s.last_in_stock_at,
        product_name=p.name,
        category=p.category,
    )


def mart_ecommerce_stock_rotation(sales: Table, products: Table, inventory: Table) -> Table:
    """Rotation = units sold / average stock per catalogue product, over the snapshot period.

    The period runs from the first to the latest snapshot day (of any product), so sales and
    stock cover the same days. Without snapshots, or at an average stock of 0, it is NULL.
    """
    i = inventory
    period = i.aggregate(
        period_start_date=i.last_updated_at.min().date(),
        period_end_date=i.last_updated_at.max().date(),
    )
    s = sales.cross_join(period)
    s = s.filter(s.order_date.between(s.period_start_date, s.period_end_date))
    sold = s.group_by("product_id").aggregate(units_sold=s.quantity.sum())
    p = products
    t = (
        p.left_join(sold, p.product_id == sold.product_id)
        .select(
            p.product_id,
            p.average_stock_units,
            product_name=p.name,
            category=p.category,
            units_sold=sold.units_sold.fill_null(0),
        )
        .cross_join(period)
    )
    return t.mutate(stock_rotation=fixed(t.units_sold / t.average_stock_units.nullif(0), 3))


MODELS: list[GoldModel] = [
    GoldModel(
        contracts.MART_ECOMMERCE_STOCKOUTS,
        ("stg_ecommerce_inventory", "dim_ecommerce_product"),
        mart_ecommerce_stockouts,
    ),
    GoldModel(
        contracts.MART_ECOMMERCE_STOCK_ROTATION,
        ("fct_ecommerce_sales", "dim_ecommerce_product", "stg_ecommerce_inventory"),
        mart_ecommerce_stock_rotation,
    ),
]

"""Seed 003 catalogue: the products with their cost price, and weekly warehouse stock snapshots.

Stock follows the e-commerce sales: each product's weekly demand is its share of the expected
online units, warehouses reorder up to a few weeks of cover, and discontinued products run dry.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from c360.contracts import ecommerce as contract
from c360.generate import defect_values as dv
from c360.generate.dirt import Dirt
from c360.generate.plan import DAY, Plan, epoch
from c360.generate.rand import stream
from c360.generate.source_dirt import (
    bump,
    date_text,
    future_text_dates,
    mis_encode,
    orphan_keys,
)

RATE = 0.02
WEEKS = 12
LAST_SNAPSHOT = epoch("2025-12-29")  # a Monday
WAREHOUSE_WEIGHTS = (30, 20, 15, 15, 20)  # PAR, BER, MAD, LON, NYC: the customers' countries
MEAN_QUANTITY = 1.45
WEEKS_OF_SALES = 156  # 2023-2025


def products(plan: Plan, catalogue: pa.Table) -> Dirt:
    """The seed-000 products; cost = price x (1 - margin), rounded to the cent."""
    price = catalogue.column("price_eur").to_numpy()
    cost = np.round(price * (1 - catalogue.column("margin_pct").to_numpy()), 2)
    table = pa.table(
        {
            "product_id": catalogue.column("product_id"),
            "name": catalogue.column("product_name"),
            "category": catalogue.column("category"),
            "brand": catalogue.column("brand"),
            "price": price,
            "cost": cost,
        },
        schema=contract.PRODUCTS.arrow_schema(),
    )
    dirt = Dirt(
        contract.PRODUCTS.name,
        table,
        "product_id",
        stream(plan.seed, "dirt", contract.PRODUCTS.name),
        RATE,
    )
    dirt.null("brand", 0.5)
    dirt.null("cost", 0.5)
    dirt.apply("price", "negative_amount", dv.negative)
    mis_encode(dirt, "name")
    dirt.duplicate()
    dirt.duplicate(0.5, "price", _reprice)
    return dirt


def inventory(plan: Plan, catalogue: pa.Table) -> Dirt:
    """Monday snapshots of every product in four of the five warehouses."""
    rng = stream(plan.seed, "ecommerce_inventory")
    n_prod, n_wh = catalogue.num_rows, len(contract.WAREHOUSES)
    missing = rng.integers(0, n_wh, n_prod)
    pair_prod, pair_wh = np.nonzero(np.arange(n_wh)[None, :] != missing[:, None])
    wh_share = np.array(WAREHOUSE_WEIGHTS, dtype=float)[pair_wh]
    wh_share /= np.bincount(pair_prod, weights=wh_share, minlength=n_prod)[pair_prod]
    units = plan.rows(contract.ORDERS) * MEAN_QUANTITY / WEEKS_OF_SALES
    demand = units * sales_share(plan, n_prod)[pair_prod] * wh_share
    stock = _simulate(rng, demand)
    # Discontinued products (not in stock in seed 000) sell out and are not reordered.
    gone = ~catalogue.column("in_stock").to_numpy(zero_copy_only=False)[pair_prod]
    gone_from = rng.integers(0, WEEKS, len(pair_prod))
    stock[gone[:, None] & (np.arange(WEEKS)[None, :] >= gone_from[:, None])] = 0

    n_pairs = len(pair_prod)
    week = np.repeat(np.arange(WEEKS), n_pairs)
    pair = np.tile(np.arange(n_pairs), WEEKS)
    monday = LAST_SNAPSHOT - (WEEKS - 1 - week) * 7 * DAY
    at = monday + 5 * 3600 + rng.integers(0, 3 * 3600, len(week))
    table = pa.table(
        {
            "product_id": catalogue.column("product_id").take(pa.array(pair_prod[pair])),
            "warehouse_id": pa.array(contract.WAREHOUSES, pa.string()).take(
                pa.array(pair_wh[pair])
            ),
            "stock_quantity": stock.T.reshape(-1),
            "last_updated": date_text(at),
        },
        schema=contract.INVENTORY.arrow_schema(),
    )
    dirt = Dirt(
        contract.INVENTORY.name,
        table,
        contract.INVENTORY.primary_key,
        stream(plan.seed, "dirt", contract.INVENTORY.name),
        RATE,
    )
    dirt.null("stock_quantity")
    dirt.apply("stock_quantity", "out_of_range", _negative_stock)
    dirt.apply("product_id", "orphan_key", orphan_keys("PROD_", 5, n_prod))
    dirt.apply("last_updated", "invalid_date", dv.invalid_date, 0.5)
    dirt.apply("last_updated", "future_date", future_text_dates("%Y-%m-%d %H:%M:%S"), 0.5)
    dirt.duplicate()
    dirt.duplicate(0.5, "stock_quantity", bump)
    return dirt


def sales_share(plan: Plan, n_prod: int) -> np.ndarray:
    """Each product's share of units sold; mirrors the popularity draw of ``commerce._lines``."""
    popularity = 1.0 / np.arange(1, n_prod + 1) ** 0.8
    share = np.empty(n_prod)
    share[np.random.default_rng(plan.seed).permutation(n_prod)] = popularity / popularity.sum()
    return share


def _simulate(rng: np.random.Generator, demand: np.ndarray) -> np.ndarray:
    """Weekly stock (pairs x weeks): sales drain it, reorders refill it to a few weeks of cover."""
    n = len(demand)
    lot = rng.integers(4, 13, n)  # the smallest sensible shelf, whatever the sales
    target = np.maximum(lot, np.ceil(demand * rng.uniform(3, 10, n))).astype(np.int64)
    level = np.ceil(target * rng.uniform(0.3, 1.0, n)).astype(np.int64)
    out = np.empty((n, WEEKS), dtype=np.int64)
    for w in range(WEEKS):
        out[:, w] = level
        level = np.maximum(0, level - rng.poisson(demand))
        # Slow reorders leave some pairs empty for a week or more.
        refill = (level < demand * 2) & (rng.random(n) < 0.6)
        level = np.where(refill, target, level)
    return out


def _reprice(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """A price update: 5 to 20 % lower or higher."""
    factor = 1 + rng.choice([-1, 1], len(values)) * rng.uniform(0.05, 0.2, len(values))
    return pa.array(np.round(values.to_numpy() * factor, 2), pa.float64())


def _negative_stock(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """A stock below zero, as an unrecorded delivery leaves it."""
    return pa.array(-rng.integers(1, 21, len(values)), pa.int64())

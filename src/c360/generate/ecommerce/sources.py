"""Seed 003, the e-commerce platform: its orders, customers, products and inventory.

About half of each block's people have a shop account (online buyers first); their orders are a
sample of the web and app order lines of seed 000, written as a shop exports them: one row per
line, the lines drawn from one seed-000 order sharing its order id, customer, date and address.
Every file carries a few percent of each defect the seed's cleaning phase expects, always, listed
in the defect manifest.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyarrow as pa

from c360.contracts import ecommerce as contract
from c360.generate import defect_values as dv
from c360.generate import vocab
from c360.generate.arrays import ids, uniform_between
from c360.generate.block import Block, Dimensions
from c360.generate.dirt import Dirt
from c360.generate.ecommerce.catalog import inventory, products
from c360.generate.plan import AS_OF, DAY, HISTORY_START, Plan
from c360.generate.rand import stream
from c360.generate.seed000.build import Seed000
from c360.generate.source_dirt import (
    DATETIME_TEXT,
    bump,
    date_text,
    future_text_dates,
    mis_encode,
    orphan_keys,
    quota,
)

Output = tuple[str, "pa.Table | Dirt"]
RATE = 0.02
ONLINE_CHANNELS = ("web", "mobile_app")
TIER_CUTS = (0.5, 0.8, 0.95)  # spend quantiles where silver, gold and platinum start


def global_outputs(plan: Plan, dims: Dimensions) -> Iterator[Output]:
    """The product catalogue and the stock snapshots."""
    yield contract.PRODUCTS.name, products(plan, dims.products)
    yield contract.INVENTORY.name, inventory(plan, dims.products)


def block_outputs(block: Block, base: Seed000) -> Iterator[Output]:
    """The block's shop customers and their orders."""
    plan, stop = block.plan, block.start + block.n
    shop = base.shop
    rng = block.rng("ecommerce")
    line_owner = shop.order_owner[shop.line_order]
    orders_ok = np.isin(
        shop.orders.column("channel").to_numpy(zero_copy_only=False), ONLINE_CHANNELS
    )
    orders_ok &= shop.orders.column("status").to_numpy(zero_copy_only=False) != "canceled"
    online = orders_ok[shop.line_order]
    buyer = np.bincount(line_owner[online], minlength=block.n) > 0

    n_cust = quota(plan.rows(contract.CUSTOMERS), block.start, stop, plan.n_customers)
    priority = rng.random(block.n) + ~buyer  # online buyers first, in random order
    member = np.zeros(block.n, dtype=bool)
    member[np.argsort(priority, kind="stable")[:n_cust]] = True

    candidates = np.flatnonzero(online & member[line_owner])
    n_orders = quota(plan.rows(contract.ORDERS), block.start, stop, plan.n_customers)
    if len(candidates) == 0:
        n_orders = 0
    lines = (
        rng.choice(candidates, n_orders, replace=len(candidates) < n_orders)
        if n_orders
        else candidates[:0]
    )
    source = shop.line_order[lines]
    product = shop.lines.column("product_id").take(pa.array(lines)).combine_chunks()
    number = order_numbers(source, product.dictionary_encode().indices.to_numpy())
    order_at = shop.orders.column("order_at").cast(pa.int64()).to_numpy()[source]
    by_time = np.lexsort((lines, number, order_at))  # an order's lines together, as in seed 000
    lines, order_at, number = lines[by_time], order_at[by_time], number[by_time]
    owner = line_owner[lines]
    first = np.ones(len(lines), dtype=bool)
    first[1:] = number[1:] != number[:-1]
    order = np.cumsum(first) - 1  # the file's orders numbered in time order

    addresses = _addresses(block.people, np.flatnonzero(member))
    yield (
        contract.ORDERS.name,
        _orders(block, shop.lines, lines, order, owner, order_at, addresses),
    )
    yield contract.CUSTOMERS.name, _customers(block, base, member, lines, owner, order_at)


def _orders(
    block: Block,
    lines_: pa.Table,
    lines: np.ndarray,
    order: np.ndarray,
    owner: np.ndarray,
    order_at: np.ndarray,
    addresses: dict[int, str],
) -> Dirt:
    """One row per order line; ``order`` numbers each line's order from 0 in the block."""
    n_orders = int(order[-1]) + 1 if len(order) else 0
    take = pa.array(lines)
    table = pa.table(
        {
            "order_id": ids("EC-", block.next_ids(contract.ORDERS.name, n_orders)[order], 7),
            "customer_id": block.people.column("customer_id").take(pa.array(owner)),
            "product_id": lines_.column("product_id").take(take),
            "quantity": lines_.column("qty").take(take),
            "order_date": date_text(order_at),
            "shipping_address": pa.array([addresses[o] for o in owner.tolist()], pa.string()),
        },
        schema=contract.ORDERS.arrow_schema(),
    )
    plan = block.plan
    dirt = Dirt(
        contract.ORDERS.name,
        table,
        contract.ORDERS.primary_key,
        stream(plan.seed, "dirt", contract.ORDERS.name, block.start),
        RATE,
    )
    dirt.null("customer_id", 0.5)
    dirt.null("quantity", 0.5)
    dirt.null("shipping_address")
    dirt.apply("order_date", "invalid_date", dv.invalid_date)
    dirt.apply("order_date", "future_date", future_text_dates(DATETIME_TEXT))
    dirt.apply("quantity", "non_positive_quantity", dv.non_positive)
    dirt.apply("customer_id", "orphan_key", orphan_keys("CUST_", 6, plan.n_customers), 0.75)
    dirt.apply(
        "product_id", "orphan_key", orphan_keys("PROD_", 5, block.dims.products.num_rows), 0.75
    )
    mis_encode(dirt, "shipping_address")
    dirt.duplicate()
    dirt.duplicate(0.5, "quantity", bump)
    return dirt


def _customers(
    block: Block,
    base: Seed000,
    member: np.ndarray,
    lines: np.ndarray,
    owner: np.ndarray,
    order_at: np.ndarray,
) -> Dirt:
    rng = block.rng("ecommerce_customers")
    who = np.flatnonzero(member)
    n = len(who)
    first_order = np.full(block.n, AS_OF - 30 * DAY)
    np.minimum.at(first_order, owner, order_at)
    seen = base.customers.column("first_seen_at").cast(pa.int64()).to_numpy()
    high = first_order[who]
    low = np.minimum(np.maximum(seen[who], HISTORY_START), high)
    registered = uniform_between(rng, low, high, n) // DAY * DAY

    line_cents = np.round(base.shop.lines.column("line_total_eur").to_numpy() * 100)
    spend = np.bincount(owner, weights=line_cents[lines], minlength=block.n)[who]
    score = np.log1p(spend) + rng.normal(0, 0.4, n)
    quantile = np.argsort(np.argsort(score, kind="stable"), kind="stable") / max(n, 1)
    tier = np.searchsorted(np.array(TIER_CUTS), quantile, side="right")

    p = block.people.take(pa.array(who))
    first, last = p.column("first_name").to_pylist(), p.column("last_name").to_pylist()
    table = pa.table(
        {
            "customer_id": p.column("customer_id"),
            "name": [f"{f} {la}" for f, la in zip(first, last, strict=True)],
            "email": p.column("email"),
            "city": p.column("city"),
            "country": [vocab.COUNTRY_NAMES[c] for c in p.column("country").to_pylist()],
            "registration_date": date_text(registered, "%Y-%m-%d"),
            "loyalty_tier": pa.array(contract.LOYALTY_TIERS, pa.string()).take(pa.array(tier)),
        },
        schema=contract.CUSTOMERS.arrow_schema(),
    )
    dirt = Dirt(
        contract.CUSTOMERS.name,
        table,
        "customer_id",
        stream(block.plan.seed, "dirt", contract.CUSTOMERS.name, block.start),
        RATE,
    )
    for column in ("email", "city", "loyalty_tier", "registration_date"):
        dirt.null(column, 0.5)
    dirt.apply("email", "malformed_email", dv.malformed_email)
    dirt.apply("country", "country_spelling", dv.country_spelling)
    mis_encode(dirt, "name")
    mis_encode(dirt, "city", 0.5)
    dirt.apply("registration_date", "invalid_date", dv.invalid_date)
    dirt.apply("registration_date", "future_date", future_text_dates("%Y-%m-%d"))
    dirt.duplicate()
    dirt.duplicate(0.5, "loyalty_tier", _next_tier)
    return dirt


def _next_tier(_rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """The tier above (platinum drops to gold): a stale or later copy of the account."""
    tiers = contract.LOYALTY_TIERS
    return pa.array(
        [
            tiers[i + 1] if i + 1 < len(tiers) else tiers[i - 1]
            for i in (tiers.index(v) for v in values.to_pylist())
        ],
        pa.string(),
    )


def _addresses(people: pa.Table, rows: np.ndarray) -> dict[int, str]:
    """Postal address of each person in ``rows`` (block-local index), in the country's format."""
    cols = {
        c: people.column(c).to_pylist() for c in ("street", "postcode", "city", "region", "country")
    }
    out = {}
    for i in rows.tolist():
        street, code, city = cols["street"][i], cols["postcode"][i], cols["city"][i]
        country = cols["country"][i]
        name = vocab.COUNTRY_NAMES[country]
        if country == "US":
            out[i] = f"{street}, {city}, {cols['region'][i]} {code}, {name}"
        elif country == "GB":
            out[i] = f"{street}, {city} {code}, {name}"
        else:
            out[i] = f"{street}, {code} {city}, {name}"
    return out


def order_numbers(source: np.ndarray, product: np.ndarray) -> np.ndarray:
    """The order of each sampled line, numbered from 0 by first appearance.

    Lines of one seed-000 order (``source``) make one order; a product met again in it (a
    line drawn twice when the sample is taken with replacement) goes to the next order of that
    source, so that no order holds a product twice.

    >>> order_numbers(np.array([5, 5, 2, 5]), np.array([1, 2, 1, 1])).tolist()
    [0, 0, 1, 2]
    """
    n = len(source)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    rows = np.arange(n)
    pair = np.lexsort((rows, product, source))  # (source, product) runs, in row order
    same = (source[pair][1:] == source[pair][:-1]) & (product[pair][1:] == product[pair][:-1])
    start = np.concatenate([[True], ~same])
    run_start = np.maximum.accumulate(np.where(start, rows, 0))
    seen = np.empty(n, dtype=np.int64)
    seen[pair] = rows - run_start  # copies of (source, product) met before this line
    key = source.astype(np.int64) * (int(seen.max()) + 1) + seen
    _, first, label = np.unique(key, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return rank[label.reshape(-1)]

"""Seed 000 order lines: what goes into a basket.

Products have a global popularity (Zipf, the same ranking in every block). A line is drawn from
one of the customer's favourite categories with probability ``TASTE_SHARE`` (popularity within
the category), else from the whole catalogue. Products come in complementary pairs within their
category (a fixed pairing per seed); a line's complement joins the same order with probability
``BUNDLE``, so those pairs are bought together far more often than chance. An order holds each
product once (one line, with a quantity).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from c360.contracts import commerce
from c360.generate.arrays import euros, ids, repeat_index, weighted
from c360.generate.block import Block
from c360.generate.rand import stream

# Lines an order's buyer picks: 1 + Poisson(CHOSEN_LINES - 1); with complements (BUNDLE, unless
# already picked) that makes ~3 lines per order, the seed's figure.
CHOSEN_LINES = 2.4
TASTE_SHARE = 0.8
BUNDLE = 0.3
SECOND_TASTE_PICK = 0.4  # share of a two-category customer's taste lines from the second one


def popularity(plan_seed: int, n_prod: int) -> np.ndarray:
    """Each product's weight: Zipf(0.8) over a ranking fixed by the seed."""
    weight = np.empty(n_prod)
    ranking = stream(plan_seed, "product_popularity").permutation(n_prod)
    weight[ranking] = 1.0 / np.arange(1, n_prod + 1) ** 0.8
    return weight


def category_codes(products: pa.Table) -> np.ndarray:
    """Index in ``commerce.CATEGORIES`` of each product."""
    index = {c: i for i, c in enumerate(commerce.CATEGORIES)}
    return np.array([index[c] for c in products.column("category").to_pylist()], dtype=np.int64)


def category_weights(products: pa.Table, plan_seed: int) -> np.ndarray:
    """Each category's share of the popularity: how often customers favour it."""
    codes = category_codes(products)
    weight = popularity(plan_seed, products.num_rows)
    return np.bincount(codes, weights=weight, minlength=len(commerce.CATEGORIES)) / weight.sum()


def complements(products: pa.Table, plan_seed: int) -> np.ndarray:
    """The complementary product of each product (within its category), -1 for none.

    >>> t = pa.table({"category": ["Books", "Books", "Food"]})
    >>> complements(t, 1).tolist()
    [1, 0, -1]
    """
    codes = category_codes(products)
    rng = stream(plan_seed, "product_complements")
    partner = np.full(len(codes), -1, dtype=np.int64)
    for c in range(len(commerce.CATEGORIES)):
        members = rng.permutation(np.flatnonzero(codes == c))
        pairs = members[: len(members) // 2 * 2].reshape(-1, 2)
        partner[pairs[:, 0]], partner[pairs[:, 1]] = pairs[:, 1], pairs[:, 0]
    return partner


def _draw(
    rng: np.random.Generator, weight: np.ndarray, category: np.ndarray, codes: np.ndarray
) -> np.ndarray:
    """One product per row of ``category`` (-1: any), by popularity within that category."""
    out = np.empty(len(category), dtype=np.int64)
    for c in np.unique(category):
        rows = np.flatnonzero(category == c)
        pool = np.arange(len(codes)) if c < 0 else np.flatnonzero(codes == c)
        if len(pool) == 0:
            pool = np.arange(len(codes))
        out[rows] = pool[weighted(rng, list(weight[pool]), len(rows))]
    return out


def _distinct_draw(
    rng: np.random.Generator,
    weight: np.ndarray,
    category: np.ndarray,
    codes: np.ndarray,
    order: np.ndarray,
) -> np.ndarray:
    """``_draw``, redrawn until no order holds a product twice (an order has one line per
    product, with a quantity); after a few rounds a repeat may come from any category.

    >>> codes = np.array([0, 0, 1])
    >>> got = _distinct_draw(np.random.default_rng(0), np.ones(3), np.zeros(9, int), codes,
    ...                      np.repeat([0, 1, 2], 3))
    >>> sorted(got[:3].tolist()), sorted(got[3:6].tolist())
    ([0, 1, 2], [0, 1, 2])
    """
    product = _draw(rng, weight, category, codes)
    for round_ in range(64):
        key = order * len(codes) + product
        ranked = np.lexsort((np.arange(len(key)), key))
        repeat = np.zeros(len(key), dtype=bool)
        repeat[ranked[1:]] = key[ranked[1:]] == key[ranked[:-1]]
        if not repeat.any():
            return product
        where = np.where(round_ < 4, category[repeat], -1)
        product[repeat] = _draw(rng, weight, where, codes)
    raise AssertionError("an order has more lines than the catalogue has products")


def _in_order(
    order: np.ndarray, product: np.ndarray, held_order: np.ndarray, held: np.ndarray, n: int
) -> np.ndarray:
    """Whether each (order, product) is among the (held_order, held) lines.

    >>> _in_order(np.array([0, 0, 1]), np.array([2, 3, 2]), np.array([0, 1]), np.array([2, 5]), 9)
    array([ True, False, False])
    """
    held_key = np.sort(held_order * n + held)
    key = order * n + product
    at = np.minimum(np.searchsorted(held_key, key), max(len(held_key) - 1, 0))
    return (len(held_key) > 0) & (held_key[at] == key)


def lines(
    block: Block, order_owner: np.ndarray, tastes: np.ndarray
) -> tuple[pa.Table, np.ndarray, np.ndarray]:
    """About three lines per order; money in cents so an order's total is its lines' exact sum.

    Returns (lines without order ids, order totals in cents, order index of each line).
    """
    rng = block.rng("order_lines")
    n_orders = len(order_owner)
    prod = block.dims.products
    codes = category_codes(prod)
    weight = popularity(block.plan.seed, prod.num_rows)
    first = 1 + rng.poisson(CHOSEN_LINES - 1, n_orders)
    base_order = repeat_index(np.minimum(first, len(codes)))
    k = len(base_order)
    taste = tastes[order_owner[base_order]]
    second = (taste[:, 1] >= 0) & (rng.random(k) < SECOND_TASTE_PICK)
    category = np.where(rng.random(k) < TASTE_SHARE, np.where(second, taste[:, 1], taste[:, 0]), -1)
    base = _distinct_draw(rng, weight, category, codes, base_order)
    partner = complements(prod, block.plan.seed)[base]
    extra = (partner >= 0) & (rng.random(k) < BUNDLE)
    extra &= ~_in_order(base_order, partner, base_order, base, len(codes))
    line_order = np.concatenate([base_order, base_order[extra]])
    product = np.concatenate([base, partner[extra]])
    position = np.concatenate([np.arange(k), np.flatnonzero(extra)])
    arranged = np.lexsort((position, line_order))  # each complement right after its line
    line_order, product = line_order[arranged], product[arranged]
    m = len(line_order)
    qty = 1 + weighted(rng, (70, 20, 7, 2, 1), m)
    unit = np.round(prod.column("price_eur").to_numpy() * 100).astype(np.int64)[product]
    gross = unit * qty
    discounted = rng.random(m) < 0.25
    discount = np.where(discounted, np.round(gross * rng.uniform(0.05, 0.25, m)), 0).astype(
        np.int64
    )
    total = gross - discount
    order_cents = np.bincount(line_order, weights=total, minlength=n_orders).astype(np.int64)
    table = pa.table(
        {
            "order_line_id": ids("LINE_", block.next_ids("order_lines", m), 8),
            "order_id": pa.nulls(m, pa.string()),
            "product_id": prod.column("product_id").take(pa.array(product)),
            "qty": qty.astype(np.int64),
            "unit_price_eur": euros(unit),
            "discount_eur": euros(discount),
            "line_total_eur": euros(total),
        },
        schema=commerce.ORDER_LINES.arrow_schema(),
    )
    return table, order_cents, line_order

"""Seed 000 commerce for one block: orders, their lines, last-touch attribution and returns."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from c360.contracts import commerce
from c360.generate import vocab
from c360.generate.arrays import (
    draw,
    euros,
    ids,
    repeat_index,
    timestamps,
    uniform_between,
    weighted,
    where_valid,
)
from c360.generate.block import Block
from c360.generate.plan import ACTIVITY_START, AS_OF, DAY
from c360.generate.rand import stream
from c360.generate.seed000.email import EmailActivity

ATTRIBUTION_WINDOW = 14 * DAY
# Mean orders per customer by lifecycle stage (leads and prospects have not bought yet).
ORDERS_BY_STAGE = {"active": 4.2, "at_risk": 4.0, "churned": 3.5}
# The last day an at-risk or churned customer orders, before the data's end.
QUIET_DAYS = {"at_risk": 120, "churned": 270}
ORDER_STATUS_WEIGHTS = (85, 5, 10)
RETURN_RATE_OF_COMPLETED = 0.2  # ~10,000 returns of ~51,000 completed orders (some too recent)


@dataclass(frozen=True)
class Commerce:
    orders: pa.Table
    lines: pa.Table
    returns: pa.Table
    order_owner: np.ndarray  # block-local customer index of each order
    order_cents: np.ndarray  # order totals in cents
    line_order: np.ndarray  # order index of each line


def orders_and_lines(block: Block, customers_: pa.Table, email: EmailActivity) -> Commerce:
    """Orders (a third follow an e-mail touch within 14 days), lines, attribution and returns."""
    rng = block.rng("orders")
    stage = customers_.column("lifecycle_stage").to_numpy(zero_copy_only=False)
    mean = np.array([ORDERS_BY_STAGE.get(s, 0.0) for s in stage])
    counts = rng.poisson(rng.gamma(2.0, mean / 2.0))
    owner = repeat_index(counts)
    m = len(owner)
    first_seen = customers_.column("first_seen_at").cast(pa.int64()).to_numpy()
    last_day = AS_OF - np.array([QUIET_DAYS.get(s, 0) for s in stage]) * DAY
    low = np.minimum(np.maximum(first_seen, ACTIVITY_START), last_day - DAY)
    order_at = uniform_between(rng, low[owner], last_day[owner], m)

    touch_owner, touch_at, touch_campaign = _touches(block, email)
    follows = _follow_touches(rng, owner, touch_owner, touch_at, last_day)
    order_at = np.where(
        follows >= 0,
        np.minimum(
            touch_at[np.maximum(follows, 0)] + rng.integers(3600, 13 * DAY, m), last_day[owner]
        ),
        order_at,
    )
    campaign = _last_touch(owner, order_at, touch_owner, touch_at, touch_campaign)

    lines, cents, line_order = _lines(block, m)
    status = np.array(commerce.ORDER_STATUSES)[weighted(rng, ORDER_STATUS_WEIGHTS, m)]
    promo = where_valid(
        rng.random(m) < 0.15,
        np.array(vocab.PROMO_CODES, dtype=object)[rng.integers(0, len(vocab.PROMO_CODES), m)],
        pa.string(),
    )
    camp_ids = np.array(block.dims.campaigns.column("campaign_id").to_pylist(), dtype=object)
    order_ids = ids("ORD_", block.next_ids("orders", m), 7)
    orders = pa.table(
        {
            "order_id": order_ids,
            "customer_id": customers_.column("customer_id").take(pa.array(owner)),
            "order_at": timestamps(order_at),
            "channel": draw(rng, commerce.ORDER_CHANNELS, (50, 30, 12, 8), m),
            "total_amount_eur": euros(cents),
            "promo_code": promo,
            "attributed_campaign_id": where_valid(
                campaign >= 0, camp_ids[np.maximum(campaign, 0)], pa.string()
            ),
            "status": pa.array(status.tolist(), pa.string()),
        },
        schema=commerce.ORDERS.arrow_schema(),
    )
    lines = lines.set_column(1, "order_id", order_ids.take(pa.array(line_order)))
    returns = _returns(block, orders, order_at, cents, status)
    return Commerce(orders, lines, returns, owner, cents, line_order)


def _touches(block: Block, email: EmailActivity) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Opens and clicks as (customer index, time, campaign index), sorted by customer then time."""
    kind = email.events.column("event_type").to_numpy(zero_copy_only=False)
    touch = np.isin(kind, ["open", "click"])
    send = email.event_send[touch]
    at = email.events.column("event_at").cast(pa.int64()).to_numpy()[touch]
    camp_ids = block.dims.campaigns.column("campaign_id").to_pylist()
    index_of = {c: i for i, c in enumerate(camp_ids)}
    send_campaign = np.array(
        [index_of[c] for c in email.sends.column("campaign_id").to_pylist()], dtype=np.int64
    )
    who = email.send_owner[send]
    order = np.lexsort((at, who))
    return who[order], at[order], send_campaign[send][order]


def _follow_touches(
    rng: np.random.Generator,
    owner: np.ndarray,
    touch_owner: np.ndarray,
    touch_at: np.ndarray,
    last_day: np.ndarray,
) -> np.ndarray:
    """For about a third of orders of touched customers, the index of a touch the order follows."""
    n_cust = len(last_day)
    start = np.searchsorted(touch_owner, np.arange(n_cust), side="left")
    count = np.searchsorted(touch_owner, np.arange(n_cust), side="right") - start
    m = len(owner)
    pick = start[owner] + (rng.random(m) * count[owner]).astype(np.int64)
    ok = (count[owner] > 0) & (rng.random(m) < 0.35)
    ok &= (
        touch_at[np.minimum(pick, len(touch_at) - 1)] < last_day[owner] - DAY
        if len(touch_at)
        else False
    )
    return np.where(ok, pick, -1)


def _last_touch(
    owner: np.ndarray,
    order_at: np.ndarray,
    touch_owner: np.ndarray,
    touch_at: np.ndarray,
    touch_campaign: np.ndarray,
) -> np.ndarray:
    """Campaign of the customer's last open/click in the 14 days before each order, else -1."""
    if len(touch_at) == 0:
        return np.full(len(owner), -1)
    key_touch = touch_owner.astype(np.int64) << 32 | touch_at
    key_order = owner.astype(np.int64) << 32 | (order_at - 1)  # strictly before the order
    i = np.searchsorted(key_touch, key_order, side="right") - 1
    j = np.maximum(i, 0)
    hit = (i >= 0) & (touch_owner[j] == owner) & (order_at - touch_at[j] <= ATTRIBUTION_WINDOW)
    return np.where(hit, touch_campaign[j], -1)


def _lines(block: Block, n_orders: int) -> tuple[pa.Table, np.ndarray, np.ndarray]:
    """About three lines per order; money in cents so an order's total is its lines' exact sum."""
    rng = block.rng("order_lines")
    per_order = 1 + rng.poisson(2.0, n_orders)
    line_order = repeat_index(per_order)
    m = len(line_order)
    prod = block.dims.products
    n_prod = prod.num_rows
    popularity = 1.0 / np.arange(1, n_prod + 1) ** 0.8
    # The same products are popular in every block: the ranking has its own stream.
    ranking = stream(block.plan.seed, "product_popularity").permutation(n_prod)
    product = ranking[weighted(rng, list(popularity), m)]
    qty = 1 + weighted(rng, (70, 20, 7, 2, 1), m)
    unit = np.round(prod.column("price_eur").to_numpy() * 100).astype(np.int64)[product]
    gross = unit * qty
    discounted = rng.random(m) < 0.25
    discount = np.where(discounted, np.round(gross * rng.uniform(0.05, 0.25, m)), 0).astype(
        np.int64
    )
    total = gross - discount
    order_cents = np.bincount(line_order, weights=total, minlength=n_orders).astype(np.int64)
    lines = pa.table(
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
    return lines, order_cents, line_order


def _returns(
    block: Block, orders: pa.Table, order_at: np.ndarray, cents: np.ndarray, status: np.ndarray
) -> pa.Table:
    """Returns of completed orders, opened 1-30 days later; refunds never exceed the order."""
    rng = block.rng("returns")
    m = orders.num_rows
    created = order_at + rng.integers(DAY, 30 * DAY, m)
    chosen = np.flatnonzero(
        (status == "completed") & (rng.random(m) < RETURN_RATE_OF_COMPLETED) & (created <= AS_OF)
    )
    r = len(chosen)
    ret_status = np.array(("approved", "pending", "rejected"))[weighted(rng, (70, 15, 15), r)]
    share = np.where(rng.random(r) < 0.65, 1.0, rng.uniform(0.2, 0.9, r))
    refund = np.where(ret_status == "rejected", 0, np.floor(cents[chosen] * share)).astype(np.int64)
    return pa.table(
        {
            "return_id": ids("RET_", block.next_ids("returns", r), 6),
            "order_id": orders.column("order_id").take(pa.array(chosen)),
            "customer_id": orders.column("customer_id").take(pa.array(chosen)),
            "created_at": timestamps(created[chosen]),
            "reason": draw(rng, commerce.RETURN_REASONS, (25, 20, 25, 20, 10), r),
            "amount_refunded_eur": euros(refund),
            "status": pa.array(ret_status.tolist(), pa.string()),
        },
        schema=commerce.RETURNS.arrow_schema(),
    )

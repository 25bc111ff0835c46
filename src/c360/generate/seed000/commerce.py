"""Seed 000 commerce for one block: orders, their lines, last-touch attribution and returns."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from c360.contracts import commerce
from c360.generate.arrays import draw, euros, ids, pick, timestamps, weighted, where_valid
from c360.generate.block import Block
from c360.generate.clock import PHONE, RETURNS_DESK, STORE, WEB, between, retime
from c360.generate.plan import ACTIVITY_START, AS_OF, DAY
from c360.generate.seasons import promo_codes
from c360.generate.seed000 import baskets
from c360.generate.seed000.behaviour import Behaviour, active_days, rhythm
from c360.generate.seed000.email import EmailActivity

ATTRIBUTION_WINDOW = 14 * DAY
# Mean orders per customer by lifecycle stage (leads and prospects have not bought yet): together
# they set the block's order volume, shared out by activity level x active days.
ORDERS_BY_STAGE = {"active": 4.2, "at_risk": 4.0, "churned": 3.5}
CANCEL_RATE = 0.10
# An order (or return) stays pending for up to this long, so only recent ones are still pending.
PENDING_DAYS = 14
RETURN_RATE_OF_COMPLETED = 0.19  # ~10,000 returns of ~53,500 completed orders (some too recent)
CHANNEL_WEIGHTS = (50, 30, 12, 8)  # of commerce.ORDER_CHANNELS
CHANNEL_HOURS = (WEB, WEB, STORE, PHONE)  # when each channel takes orders


@dataclass(frozen=True)
class Commerce:
    orders: pa.Table
    lines: pa.Table
    returns: pa.Table
    order_owner: np.ndarray  # block-local customer index of each order
    order_cents: np.ndarray  # order totals in cents
    line_order: np.ndarray  # order index of each line


def orders_and_lines(
    block: Block, customers_: pa.Table, email: EmailActivity, habits: Behaviour
) -> Commerce:
    """Orders, lines, last-touch attribution and returns.

    A buying customer orders at a rhythm (``behaviour.rhythm``) whose rate is proportional to
    their activity level; gaps lengthen before a churn date and orders stop at it; an e-mail touch
    brings a due order forward to within 13 days of it (so ~18% of orders are attributed).
    The rhythm sets the day; the channel's hours (``clock``) set the time of day.
    """
    rng = block.rng("orders")
    stage = customers_.column("lifecycle_stage").to_numpy(zero_copy_only=False)
    mean = np.array([ORDERS_BY_STAGE.get(s, 0.0) for s in stage])
    first_seen = customers_.column("first_seen_at").cast(pa.int64()).to_numpy()
    last_day = np.minimum(AS_OF, habits.churn_at)
    low = np.minimum(np.maximum(first_seen, ACTIVITY_START), last_day - DAY)
    level = np.where(mean > 0, habits.level, 0.0)
    per_day = (
        level * mean.sum() / max(float((level * active_days(habits, low, last_day)).sum()), 1e-9)
    )
    touch_owner, touch_at, touch_campaign = _touches(block, email)
    cues = (touch_owner, touch_at)
    # Touches pull orders forward, which adds some: one trial run calibrates the rate.
    trial = len(rhythm(rng, habits, per_day, low, last_day, cues)[0])
    per_day = per_day * mean.sum() / max(trial, 1)
    owner, order_at = rhythm(rng, habits, per_day, low, last_day, cues)
    m = len(owner)
    channel = weighted(rng, CHANNEL_WEIGHTS, m)
    order_at = _channel_hours(rng, channel, order_at, low[owner], last_day[owner])
    by_time = np.lexsort((order_at, owner))
    owner, order_at, channel = owner[by_time], order_at[by_time], channel[by_time]
    campaign = _last_touch(owner, order_at, touch_owner, touch_at, touch_campaign)

    lines, cents, line_order = baskets.lines(block, owner, habits.tastes)
    status = np.where(
        rng.random(m) < CANCEL_RATE,
        "canceled",
        np.where(still_pending(rng, order_at), "pending", "completed"),
    )
    promo = where_valid(rng.random(m) < 0.15, promo_codes(rng.random(m), order_at), pa.string())
    camp_ids = np.array(block.dims.campaigns.column("campaign_id").to_pylist(), dtype=object)
    order_ids = ids("ORD_", block.next_ids("orders", m), 7)
    orders = pa.table(
        {
            "order_id": order_ids,
            "customer_id": customers_.column("customer_id").take(pa.array(owner)),
            "order_at": timestamps(order_at),
            "channel": pick(commerce.ORDER_CHANNELS, channel),
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


def _channel_hours(
    rng: np.random.Generator,
    channel: np.ndarray,
    at: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
) -> np.ndarray:
    """Each order moved to a time of its day when its channel takes orders, within [low, high]."""
    u = rng.random(len(at))
    out = np.asarray(at, np.int64).copy()
    for i, profile in enumerate(CHANNEL_HOURS):
        here = channel == i
        out[here] = retime(profile, u[here], out[here], low[here], high[here])
    return out


def still_pending(rng: np.random.Generator, at: np.ndarray) -> np.ndarray:
    """Whether something opened at ``at`` is still pending at the data's end: it takes a
    uniform 0 to ``PENDING_DAYS`` days to settle.

    >>> pending = still_pending(np.random.default_rng(0), np.array([AS_OF - 20 * DAY, AS_OF]))
    >>> pending.tolist()
    [False, True]
    """
    return AS_OF - at < rng.uniform(0, PENDING_DAYS * DAY, len(at))


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


def _returns(
    block: Block, orders: pa.Table, order_at: np.ndarray, cents: np.ndarray, status: np.ndarray
) -> pa.Table:
    """Returns of completed orders, registered 1-30 days later in the returns desk's hours;
    refunds never exceed the order."""
    rng = block.rng("returns")
    m = orders.num_rows
    created = between(RETURNS_DESK, rng.random(m), order_at + DAY, order_at + 30 * DAY)
    chosen = np.flatnonzero(
        (status == "completed") & (rng.random(m) < RETURN_RATE_OF_COMPLETED) & (created <= AS_OF)
    )
    r = len(chosen)
    ret_status = np.where(
        still_pending(rng, created[chosen]),
        "pending",
        np.array(("approved", "rejected"))[weighted(rng, (80, 20), r)],
    )
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

"""Seed 000 behaviour: the hidden traits that tie one customer's e-mail, orders and churn together.

Every customer gets an activity ``level`` (log-normal, mean 1) that scales their chance of
opening and clicking an e-mail, their order rate and their number of interactions; customers who
will churn start lower. Every at-risk or churned customer gets a churn date: nothing is ordered,
opened, clicked or logged with them after it, and in the ``DECLINE_DAYS`` before it their
activity fades linearly to ``DECLINE_FLOOR`` of its level (order gaps lengthen, fewer opens);
``crm`` puts most of their interactions, mostly support tickets, in their last 30 days. Orders
keep a per-customer ``rhythm``. Each customer also prefers one or two product categories (see
``baskets``). The traits are never written out; the facts show them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from c360.generate.arrays import uniform_between, weighted
from c360.generate.block import Block
from c360.generate.plan import ACTIVITY_START, AS_OF, DAY
from c360.generate.seed000.baskets import category_weights

LEVEL_SIGMA = 0.9  # spread of the log activity level
CHURNER_LEVEL = 0.5  # mean level of future churners, relative to the others
DECLINE_DAYS = 270
DECLINE_FLOOR = 0.2
# When each stage churns, in days relative to AS_OF: churned customers some time after their
# first 120 active days and at least 120 days ago; at-risk ones around the data's end.
CHURN_WINDOW = {"churned": (None, -120), "at_risk": (-240, 30)}
NEVER = AS_OF + 100 * 365 * DAY  # the churn date of customers who do not churn
RHYTHM = 4.0  # gamma shape of the gaps between a customer's orders (1 would be Poisson)
PULL_DAYS = 150  # an order due within 150 days after an e-mail touch follows it instead
SECOND_TASTE = 0.5  # share of customers drawing a second favourite category (~40% get another)


@dataclass(frozen=True)
class Behaviour:
    """Per customer of the block: activity level, churn date (epoch s) and favourite categories
    (indexes into ``commerce.CATEGORIES``; the second is -1 for customers with one)."""

    level: np.ndarray
    churn_at: np.ndarray
    tastes: np.ndarray  # (n, 2)

    def intensity(self, owner: np.ndarray, at: np.ndarray) -> np.ndarray:
        """Activity of each (customer, time) relative to the customer's level: 1, fading to
        ``DECLINE_FLOOR`` over the ``DECLINE_DAYS`` before the churn date, 0 after it."""
        end = self.churn_at[owner]
        fade = np.clip((at - (end - DECLINE_DAYS * DAY)) / (DECLINE_DAYS * DAY), 0.0, 1.0)
        return np.where(at > end, 0.0, 1.0 - (1.0 - DECLINE_FLOOR) * fade)


def behaviour(block: Block, customers_: pa.Table) -> Behaviour:
    """The traits of the block's customers; tastes follow the categories' popularity."""
    rng = block.rng("behaviour")
    n = block.n
    stage = customers_.column("lifecycle_stage").to_numpy(zero_copy_only=False)
    first_seen = customers_.column("first_seen_at").cast(pa.int64()).to_numpy()
    start = np.maximum(first_seen, ACTIVITY_START)
    churn_at = np.full(n, NEVER, dtype=np.int64)
    for name, (low, high) in CHURN_WINDOW.items():
        here = stage == name
        # Never before the customer is first seen: 120 active days, or 60 for at-risk ones.
        lo = (
            start[here] + 120 * DAY
            if low is None
            else np.maximum(AS_OF + low * DAY, start[here] + 60 * DAY)
        )
        churn_at[here] = uniform_between(rng, lo, AS_OF + high * DAY, int(here.sum()))
    churner = churn_at < NEVER
    level = np.exp(rng.normal(-(LEVEL_SIGMA**2) / 2, LEVEL_SIGMA, n))
    level = np.where(churner, level * CHURNER_LEVEL, level)
    shares = category_weights(block.dims.products, block.plan.seed)
    tastes = weighted(rng, list(shares), 2 * n).reshape(n, 2)
    tastes[:, 1] = np.where(
        (rng.random(n) < SECOND_TASTE) & (tastes[:, 1] != tastes[:, 0]), tastes[:, 1], -1
    )
    return Behaviour(level, churn_at, tastes)


def active_days(b: Behaviour, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Per customer, the days of full activity in [low, high]: the integral of the intensity."""
    a, m, e, h1, h2 = _segments(b, low, high)
    return ((m - a) + (e - m) * (h1 + h2) / 2) / DAY


def rhythm(
    rng: np.random.Generator,
    b: Behaviour,
    per_day: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    cues: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(owner, time) of each event of a renewal process per customer in [low, high]: gaps of
    ``RHYTHM``-shape gamma, ``1 / per_day`` active days on average, so a customer keeps a
    rhythm. Time runs at the customer's intensity: gaps lengthen as the churn date nears and
    nothing happens after it. ``cues`` (owner, time; sorted) pull events forward: an event due
    within ``PULL_DAYS`` after a cue happens within 13 days of it instead, and the rhythm goes
    on from there. Sorted by owner, then time."""
    seg = _segments(b, low, high)
    a, m, e, h1, h2 = seg
    span = (m - a) + (e - m) * (h1 + h2) / 2  # active seconds
    mean_gap = DAY / np.maximum(per_day, 1e-12)
    cue_key = np.zeros(0, np.int64)
    if cues is not None and len(cues[0]):
        cue_owner = cues[0].astype(np.int64)
        cue_tau = np.floor(_active(cues[1], *(x[cue_owner] for x in seg))).astype(np.int64)
        cue_key = cue_owner << 32 | np.clip(cue_tau, 0, (1 << 32) - 1)
    # The first event: a uniform share of a size-biased gap, so the process is stationary.
    now = rng.random(len(a)) * rng.gamma(RHYTHM + 1, mean_gap / RHYTHM)
    going = (per_day > 0) & (now < span)
    owners, taus = [], []
    while going.any():
        who = np.flatnonzero(going)
        owners.append(who)
        taus.append(now[who])
        due = now[who] + rng.gamma(RHYTHM, mean_gap[who] / RHYTHM)
        if len(cue_key):
            j = np.searchsorted(cue_key, who.astype(np.int64) << 32 | due.astype(np.int64)) - 1
            cue = (cue_key[np.maximum(j, 0)] & ((1 << 32) - 1)).astype(np.float64)
            pull = (j >= 0) & (cue_key[np.maximum(j, 0)] >> 32 == who) & (cue > now[who])
            pull &= due - cue <= PULL_DAYS * DAY
            due = np.where(pull, cue + rng.uniform(3600, 13 * DAY, len(who)), due)
        now[who] = due
        going[who] = due < span[who]
    owner = np.concatenate([np.zeros(0, np.int64), *owners])
    tau = np.concatenate([np.zeros(0), *taus])
    order = np.lexsort((tau, owner))
    owner, tau = owner[order], tau[order]
    return owner, _real(tau, a[owner], m[owner], e[owner], h1[owner], h2[owner])


def _active(
    at: np.ndarray, a: np.ndarray, m: np.ndarray, e: np.ndarray, h1: np.ndarray, h2: np.ndarray
) -> np.ndarray:
    """Active seconds from ``a`` to ``at`` (clipped to [a, e]): the inverse of ``_real``."""
    t = np.clip(at, a, e)
    flat = np.minimum(t, m) - a
    x = np.maximum(t - m, 0.0)
    h = h1 + (h2 - h1) * x / np.maximum(e - m, 1e-9)
    return flat + x * (h1 + h) / 2


def _real(
    tau: np.ndarray, a: np.ndarray, m: np.ndarray, e: np.ndarray, h1: np.ndarray, h2: np.ndarray
) -> np.ndarray:
    """The time at which ``tau`` active seconds have passed since ``a``: full speed until
    ``m``, then slowing linearly from ``h1`` to ``h2`` until ``e``."""
    flat, slope_len = m - a, e - m
    target = np.maximum(tau - flat, 0.0)
    # Inside the fade, s x^2 + h1 x = target with s = (h2 - h1) / (2 slope_len).
    s = (h2 - h1) / np.maximum(2 * slope_len, 1e-9)
    x = 2 * target / np.maximum(h1 + np.sqrt(np.maximum(h1 * h1 + 4 * s * target, 0.0)), 1e-9)
    at = np.where(tau < flat, a + tau, m + np.minimum(x, slope_len))
    return np.floor(at).astype(np.int64)


def _segments(
    b: Behaviour, low: np.ndarray, high: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per customer: start a, end of full activity m, end e, intensity at m and at e."""
    e = np.minimum(high, b.churn_at).astype(np.float64)
    a = np.minimum(low.astype(np.float64), e)
    m = np.clip((b.churn_at - DECLINE_DAYS * DAY).astype(np.float64), a, e)
    everyone = np.arange(len(e))
    h1 = b.intensity(everyone, m)
    h2 = b.intensity(everyone, e)
    return a, m, e, h1, h2

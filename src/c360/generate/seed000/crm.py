"""Seed 000 CRM facts for one block: customers, segment memberships and interactions."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from c360.contracts import crm
from c360.generate.arrays import (
    draw,
    ids,
    repeat_index,
    timestamps,
    uniform_between,
    weighted,
    where_valid,
)
from c360.generate.block import Block
from c360.generate.clock import OFFICE, between
from c360.generate.plan import ACTIVITY_START, AS_OF, DAY, HISTORY_START
from c360.generate.seed000.behaviour import NEVER, Behaviour

COUNTRY_NAME = {"FR": "France", "US": "USA", "DE": "Germany", "ES": "Spain", "GB": "UK"}
ADULT_DAYS = 18 * 365 + 4  # nobody is a customer before turning 18
STAGE_WEIGHTS = {"lead": 12, "prospect": 13, "active": 50, "at_risk": 12, "churned": 13}
CONSENT_EMAIL_RATE = 0.65
ACCOUNT_LINK_RATE = 0.30
TYPE_WEIGHTS = (30, 25, 20, 15, 10)  # the seed's mix of crm.INTERACTION_TYPES
INTERACTION_LEVEL = 1.0  # interactions per customer grow as activity level ** this
DISTRESS = 0.7  # share of a churner's interactions in the last DISTRESS_DAYS before churning
DISTRESS_DAYS = 30
DISTRESS_TYPES = (80, 0, 5, 0, 15)  # mostly support tickets, some complaints


def customers(block: Block) -> pa.Table:
    """Customers of the block: one per person, first seen once adult (or in the last months
    before the data's end), 30% attached to an account created by then."""
    rng, n, p = block.rng("customers"), block.n, block.people
    stage = np.array(list(STAGE_WEIGHTS))[weighted(rng, list(STAGE_WEIGHTS.values()), n)]
    linked = rng.random(n) < ACCOUNT_LINK_RATE
    u_account = rng.random(n)
    last_start = AS_OF - 180 * DAY
    adult = (p.column("birth_date").cast(pa.int32()).to_numpy() + ADULT_DAYS) * DAY
    first_seen = uniform_between(rng, np.clip(adult, HISTORY_START, last_start), last_start, n)
    account, linked = _accounts_for(block.dims.accounts, first_seen, u_account, linked)
    return pa.table(
        {
            "customer_id": p.column("customer_id"),
            "account_id": where_valid(linked, account, pa.string()),
            "email": p.column("email"),
            "first_seen_at": timestamps(first_seen),
            "status": pa.array(
                np.where(stage == "churned", "churned", "active").tolist(), pa.string()
            ),
            "locale": p.column("locale"),
            "lifecycle_stage": pa.array(stage.tolist(), pa.string()),
            "consent_email": rng.random(n) < CONSENT_EMAIL_RATE,
            "consent_sms": rng.random(n) < 0.35,
            "preferred_channel": draw(rng, crm.CHANNELS, (45, 20, 15, 20), n),
            "country": pa.array(
                [COUNTRY_NAME[c] for c in p.column("country").to_pylist()], pa.string()
            ),
        },
        schema=crm.CUSTOMERS.arrow_schema(),
    )


def _accounts_for(
    accounts: pa.Table, first_seen: np.ndarray, u: np.ndarray, linked: np.ndarray
) -> tuple[pa.Array, np.ndarray]:
    """An account created by each customer's ``first_seen_at`` (picked by ``u``), and whether
    the customer is linked (not when no account existed yet).

    >>> acc = pa.table({"account_id": ["ACC_1", "ACC_2"], "created_at": pa.array([20, 10],
    ...     pa.timestamp("s"))})
    >>> ids_, ok = _accounts_for(acc, np.array([15, 25, 5]), np.array([0.9, 0.9, 0.5]),
    ...                          np.array([True, True, True]))
    >>> ids_.to_pylist(), ok.tolist()
    (['ACC_2', 'ACC_1', 'ACC_2'], [True, True, False])
    """
    created = accounts.column("created_at").cast(pa.int64()).to_numpy()
    by_date = np.argsort(created, kind="stable")
    existing = np.searchsorted(created[by_date], first_seen, side="right")
    choice = by_date[np.minimum((u * existing).astype(np.int64), len(created) - 1)]
    return accounts.column("account_id").take(pa.array(choice)), linked & (existing > 0)


def customer_segments(block: Block, customers_: pa.Table) -> pa.Table:
    """Two to five distinct segments per customer; most memberships are still open."""
    rng, n = block.rng("customer_segments"), block.n
    seg = block.dims.segments
    n_seg = seg.num_rows
    k = np.minimum(weighted(rng, (35, 35, 20, 10), n) + 2, n_seg)
    width = min(5, n_seg)
    choice = _distinct(rng, n, n_seg, width)
    keep = np.arange(width)[None, :] < k[:, None]
    owner = np.broadcast_to(np.arange(n)[:, None], choice.shape)[keep]
    segment = choice[keep]
    first_seen = customers_.column("first_seen_at").cast(pa.int64()).to_numpy()[owner]
    created = seg.column("created_at").cast(pa.int64()).to_numpy()[segment]
    m = len(owner)
    start = uniform_between(rng, np.maximum(first_seen, created), AS_OF - DAY, m)
    end = start + rng.integers(30, 500, m) * DAY
    end_null = (rng.random(m) < 0.7) | (end > AS_OF)
    return pa.table(
        {
            "customer_id": customers_.column("customer_id").take(pa.array(owner)),
            "segment_id": seg.column("segment_id").take(pa.array(segment)),
            "start_date": timestamps(start),
            "end_date": where_valid(~end_null, end.astype("datetime64[s]"), pa.timestamp("s")),
        },
        schema=crm.CUSTOMER_SEGMENTS.arrow_schema(),
    )


def _distinct(rng: np.random.Generator, n: int, n_values: int, width: int) -> np.ndarray:
    """``n`` rows of ``width`` distinct integers in [0, n_values), without an n × n_values matrix.

    Draws with replacement and redraws the repeats; a few rounds settle every row.

    >>> rows = _distinct(np.random.default_rng(0), 1000, 6, 5)
    >>> bool((np.sort(rows, axis=1)[:, 1:] != np.sort(rows, axis=1)[:, :-1]).all())
    True
    """
    out = rng.integers(0, n_values, (n, width))
    while True:
        ordered = np.sort(out, axis=1)
        clash = (ordered[:, 1:] == ordered[:, :-1]).any(axis=1)
        if not clash.any():
            return out
        out[clash] = rng.integers(0, n_values, (int(clash.sum()), width))


def _others(distressed: float) -> list[float]:
    """Type weights of the ordinary interactions that keep the overall mix at ``TYPE_WEIGHTS``
    when a ``distressed`` share is drawn from ``DISTRESS_TYPES``.

    >>> [round(w, 3) for w in _others(0.0)]
    [0.3, 0.25, 0.2, 0.15, 0.1]
    """
    target = np.asarray(TYPE_WEIGHTS, float) / sum(TYPE_WEIGHTS)
    distress = np.asarray(DISTRESS_TYPES, float) / sum(DISTRESS_TYPES)
    rest = np.maximum(target - distressed * distress, 0.0) / max(1.0 - distressed, 1e-9)
    return [float(w) for w in rest / rest.sum()]


def interactions(block: Block, customers_: pa.Table, habits: Behaviour) -> pa.Table:
    """About four interactions per customer (more for more active customers), after their
    first_seen_at and up to their churn date; 70% of a churner's fall in the 30 days before it,
    mostly support tickets (the others are drawn so that the seed's mix of types holds overall).
    They happen in office hours: weekdays, 8-19h."""
    rng = block.rng("interactions")
    stage = customers_.column("lifecycle_stage").to_numpy(zero_copy_only=False)
    lam = np.select(
        [stage == "lead", stage == "prospect", stage == "at_risk", stage == "churned"],
        [2.0, 3.0, 5.0, 4.0],
        4.5,
    )
    weight = habits.level**INTERACTION_LEVEL
    for s in np.unique(stage):  # the stage's volume, shared by activity level
        weight[stage == s] /= weight[stage == s].mean()
    counts = rng.poisson(lam * weight)
    owner = repeat_index(counts)
    m = len(owner)
    first_seen = customers_.column("first_seen_at").cast(pa.int64()).to_numpy()[owner]
    start = np.maximum(first_seen, ACTIVITY_START - 365 * DAY)
    end = np.minimum(habits.churn_at[owner], AS_OF)
    distress = (habits.churn_at[owner] < NEVER) & (rng.random(m) < DISTRESS)
    start = np.where(distress, np.maximum(start, end - DISTRESS_DAYS * DAY), start)
    occurred = between(OFFICE, rng.random(m), start, end)
    type_i = np.where(
        distress,
        weighted(rng, DISTRESS_TYPES, m),
        weighted(rng, _others(float(distress.mean()) if m else 0.0), m),
    )
    kind = np.array(crm.INTERACTION_TYPES)[type_i]
    channel = np.array(crm.CHANNELS)[weighted(rng, (35, 35, 20, 10), m)]
    outcome_i = np.where(
        kind == "complaint", weighted(rng, (30, 25, 35, 10), m), weighted(rng, (55, 15, 8, 22), m)
    )
    base = np.where(kind == "complaint", 2.0, 3.8)
    score = np.clip(np.round(base + rng.normal(0, 1.0, m)), 1, 5).astype(np.int64)
    score_null = rng.random(m) < 0.3
    duration = np.where(
        np.isin(channel, ["phone", "chat"]), rng.gamma(2.0, 8.0, m) + 2, rng.gamma(1.5, 4.0, m) + 1
    ).astype(np.int64)
    duration_null = ~np.isin(channel, ["phone", "chat"]) & (rng.random(m) < 0.6)
    return pa.table(
        {
            "interaction_id": ids("INT_", block.next_ids("crm_interactions", m), 8),
            "customer_id": customers_.column("customer_id").take(pa.array(owner)),
            "type": pa.array(kind.tolist(), pa.string()),
            "channel": pa.array(channel.tolist(), pa.string()),
            "occurred_at": timestamps(occurred),
            "topic": draw(rng, crm.INTERACTION_TOPICS, (22, 25, 20, 13, 10, 10), m),
            "outcome": pa.array(np.array(crm.OUTCOMES)[outcome_i].tolist(), pa.string()),
            "satisfaction_score": pa.array(score, mask=score_null),
            "duration_min": pa.array(duration, mask=duration_null),
        },
        schema=crm.INTERACTIONS.arrow_schema(),
    )

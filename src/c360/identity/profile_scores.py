"""Rule-based scores and segments of the profile, until the ML models replace them.

Each score is a short formula of recency, frequency and engagement, measured up to a reference
date (``as_of``), never the clock, so a rebuild on the same data gives the same scores. The
formulas are written out in the contract (``contracts.gold_profile``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts.gold_profile import (
    CRM_PREFIX,
    RFM_PREFIX,
    SEGMENT_STATES,
    SEGMENT_VALUES,
    VALUE_STATE,
)
from c360.identity.profile_activity import linked
from c360.identity.profile_attributes import spread

CHURN_DAYS = 180.0  # recency decay of the churn risk: e^-1 of the way after half a year
ENGAGEMENT_DAYS = 90.0
PURCHASE_DAYS = 120.0
HIGH_VALUE_QUANTILE = 0.8  # buyers at or above it are "High value"
AT_RISK = 0.6  # churn_risk_score from which a customer is "at risk"
ENGAGED = 50.0  # engagement_score from which a customer is "engaged"
_TEXT = pa.string()


def days_since(stamps: pa.Array, as_of: datetime) -> np.ndarray:
    """Days from each timestamp to ``as_of`` (never negative, to the second), NaN where NULL."""
    seconds = pc.cast(pc.cast(stamps, pa.timestamp("s"), safe=False), pa.int64())
    values = seconds.to_numpy(zero_copy_only=False).astype(np.float64)
    values[~stamps.is_valid().to_numpy(zero_copy_only=False)] = np.nan
    reference = (as_of - datetime(1970, 1, 1)).total_seconds()
    return np.maximum((reference - values) / 86400.0, 0.0)


def _counts(values: pa.Array) -> np.ndarray:
    return pc.fill_null(values, 0).to_numpy(zero_copy_only=False).astype(np.float64)


def scores(columns: Mapping[str, pa.Array], as_of: datetime) -> dict[str, pa.Array]:
    """churn_risk_score, engagement_score and propensity_to_buy_score (see the contract).

    A customer never seen (no dated record, no fact) has no recency: no churn risk to tell
    (NULL, not the worst), and nothing of recency in the other two."""
    seen = days_since(columns["last_seen_at"], as_of)
    bought = days_since(columns["last_purchase_at"], as_of)
    orders = _counts(columns["orders_count"])
    churn = (1.0 - np.exp(-seen / CHURN_DAYS)) * (1.0 - 0.05 * np.minimum(orders, 10))
    emails = _counts(columns["human_email_opens"]) + _counts(columns["human_email_clicks"])
    sessions = _counts(columns["total_sessions"])
    fresh = np.where(np.isnan(seen), 0.0, np.exp(-np.nan_to_num(seen) / ENGAGEMENT_DAYS))
    support = _counts(columns["support_tickets"])
    engagement = (
        35.0 * fresh
        + 25.0 * np.minimum(sessions, 20) / 20
        + 25.0 * np.minimum(emails, 20) / 20
        + 15.0 * np.minimum(support, 5) / 5
    )
    buying = np.where(np.isnan(bought), 0.0, np.exp(-np.nan_to_num(bought) / PURCHASE_DAYS))
    propensity = 0.7 * np.minimum(orders, 5) / 5 * buying + 0.3 * engagement / 100
    return {
        "churn_risk_score": pa.array(np.round(churn, 4), from_pandas=True),  # NaN: NULL
        "engagement_score": pa.array(np.round(engagement, 1)),
        "propensity_to_buy_score": pa.array(np.round(propensity, 4)),
    }


MODELLED = ("churn_risk_score", "propensity_to_buy_score")


def modelled(
    customers: pa.Array, scored: pa.Table, columns: Mapping[str, pa.Array]
) -> dict[str, pa.Array]:
    """The models' churn and propensity scores (``customer_scores``) where a customer has one;
    the rule's elsewhere."""
    codes = pc.index_in(scored.column("customer360_id"), value_set=customers)
    found = pc.is_valid(codes)
    at = codes.filter(found).to_numpy(zero_copy_only=False).astype(np.int64)
    out = {}
    for name in MODELLED:
        rule = pc.cast(columns[name], pa.float64())
        values = np.asarray(rule.to_numpy(zero_copy_only=False), dtype=np.float64).copy()
        model = scored.column(name).filter(found).to_numpy(zero_copy_only=False)
        values[at] = np.round(model.astype(np.float64), 4)
        out[name] = pa.array(values, from_pandas=True)  # NaN (no rule score): NULL
    return out


def primary_segments(columns: Mapping[str, pa.Array]) -> pa.Array:
    """'<value> – <state>' of each customer (see the contract)."""
    revenue = _counts(columns["total_revenue"])
    buyer = _counts(columns["orders_count"]) > 0
    threshold = np.quantile(revenue[buyer], HIGH_VALUE_QUANTILE) if buyer.any() else np.inf
    high, regular, prospect = SEGMENT_VALUES
    value = np.where(buyer, np.where(revenue >= threshold, high, regular), prospect)
    churn = _counts(columns["churn_risk_score"])
    engaged = _counts(columns["engagement_score"])
    at_risk, engaged_state, dormant = SEGMENT_STATES
    state = np.where(
        churn >= AT_RISK, at_risk, np.where(engaged >= ENGAGED, engaged_state, dormant)
    )
    joined = np.char.add(np.char.add(value.astype(str), VALUE_STATE), state.astype(str))
    return pa.array(joined, _TEXT)


def _quintiles(values: np.ndarray) -> np.ndarray:
    """1-5 by rank along ``values``, lowest first; equal values share the lower score, as
    seed 003's RFM scores its buyers (``pipeline.gold.ecommerce_customers``).

    >>> _quintiles(np.array([3.0, 1.0, 1.0, 2.0, 5.0])).tolist()
    [4, 1, 1, 3, 5]
    """
    rank = np.searchsorted(np.sort(values), values, side="left")  # the lowest of equal ones
    return rank * 5 // max(len(values), 1) + 1


def _rfm_names() -> np.ndarray:
    """The segment of every (R, F, M) score, indexed by the scores less one."""
    from c360.pipeline.gold.ecommerce_customers import segment

    names = np.empty((5, 5, 5), dtype=object)
    for r, f, m in np.ndindex(5, 5, 5):
        names[r, f, m] = segment(r + 1, f + 1, m + 1)
    return names


def rfm_segments(customers: pa.Array, columns: Mapping[str, pa.Array]) -> pa.Table:
    """(customer360_id, 'rfm:' segment) of every customer, from the purchases the profile
    counts (``orders_count``, ``last_purchase_at``, ``total_revenue``: every system's).

    Seed 003's rules (``SEGMENT_RULES``) on quintile scores among the profile's buyers: R by
    the day of the last purchase (earlier scores lower), F by orders_count, M by total_revenue;
    'Never Purchased' exactly for the customers with no order."""
    from c360.pipeline.gold.ecommerce_customers import NO_PURCHASE

    orders = _counts(columns["orders_count"])
    buyer = orders > 0
    stamps = columns["last_purchase_at"]
    seconds = pc.cast(pc.cast(stamps, pa.timestamp("s"), safe=False), pa.int64())
    day = np.floor(_counts(seconds) / 86400.0)
    day[~stamps.is_valid().to_numpy(zero_copy_only=False)] = -np.inf  # never dated: the oldest
    revenue = _counts(columns["total_revenue"])
    names = np.full(len(customers), NO_PURCHASE, dtype=object)
    if buyer.any():
        r, f, m = (_quintiles(v[buyer]) - 1 for v in (day, orders, revenue))
        names[buyer] = _rfm_names()[r, f, m]
    segment = pc.binary_join_element_wise(RFM_PREFIX, pa.array(names, _TEXT), "")
    return pa.table({"customer360_id": pc.cast(customers, _TEXT), "segment": segment})


def fact_segments(
    customers: pa.Array,
    ids: pa.Table,
    fact: Callable[[str], pa.Table],
    columns: Mapping[str, pa.Array],
) -> pa.Table:
    """(customer360_id, segment): the person's 'rfm:' RFM segment from the profile's
    ``columns`` (:func:`rfm_segments`; the shop's ``mart_ecommerce_rfm`` sees only the shop's
    orders) and 'crm:' current CRM segments (named by their id when ``dim_segment`` lacks them:
    a segment row quarantined in silver)."""
    bridge = fact("bridge_customer_segment").filter(pc.field("is_current"))
    named = bridge.join(fact("dim_segment").select(["segment_id", "segment_name"]), "segment_id")
    crm = linked(named, ids)
    name = pc.coalesce(crm.column("segment_name"), crm.column("segment_id"))
    crm_rows = _segment_rows(customers, crm, pc.binary_join_element_wise(CRM_PREFIX, name, ""))
    return pa.concat_tables([rfm_segments(customers, columns), crm_rows])


def _segment_rows(customers: pa.Array, rows: pa.Table, segment: pa.Array) -> pa.Table:
    """(customer360_id, segment) of fact ``rows`` (their customer's ``code``)."""
    return pa.table(
        {"customer360_id": pc.take(customers, rows.column("code")), "segment": segment}
    ).cast(pa.schema([("customer360_id", _TEXT), ("segment", _TEXT)]))


def segment_lists(customers: pa.Array, primary: pa.Array, memberships: pa.Table) -> pa.Array:
    """Per customer: primary first, then its distinct other ``memberships`` segments sorted.

    ``memberships``: rows of (customer360_id, segment), e.g. RFM and CRM segments.
    """
    rows = pa.concat_tables(
        [
            pa.table(
                {
                    "customer360_id": customers,
                    "segment": primary,
                    "rank": pa.array(np.zeros(len(customers), np.int64)),
                }
            ),
            memberships.select(["customer360_id", "segment"]).append_column(
                "rank", pa.array(np.ones(memberships.num_rows, np.int64))
            ),
        ]
    )
    rows = rows.group_by(["customer360_id", "segment"], use_threads=False).aggregate(
        [("rank", "min")]
    )
    rows = rows.sort_by(
        [("customer360_id", "ascending"), ("rank_min", "ascending"), ("segment", "ascending")]
    )
    lists = (
        rows.select(["customer360_id", "segment"])
        .group_by("customer360_id", use_threads=False)
        .aggregate([("segment", "list")])
    )
    return spread(
        customers,
        lists.column("customer360_id").combine_chunks(),
        lists.column("segment_list").combine_chunks(),
    )


def ages(born: pa.Array, as_of: date) -> pa.Array:
    """Whole years from each date of birth to ``as_of``; NULL without one or before birth."""
    years = pc.subtract(as_of.year, pc.year(born))
    month, day = pc.month(born), pc.day(born)
    not_yet = pc.or_(
        pc.greater(month, as_of.month),
        pc.and_(pc.equal(month, as_of.month), pc.greater(day, as_of.day)),
    )
    age = pc.subtract(years, pc.cast(not_yet, pa.int64()))
    return pc.if_else(pc.less(age, 0), pa.scalar(None, pa.int64()), age)

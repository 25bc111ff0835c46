"""Multi-touch attribution: seed 000's e-mail touches credited to campaigns under five models.

Every model reads the touches of the seed's last-touch rule (attribution.py): the opens and
clicks of the customer's sends strictly before the order and at most 14 days before it. An
order's n touches are ordered by time, then by event id (attribution.py's tie rule: the larger
id is the later touch), and each gets a credit; an order's credits sum to 1, and an order
without a touch gives none.

- ``last_touch``: 1 to the last touch, the one ``order_attribution`` picks;
- ``first_touch``: 1 to the first;
- ``linear``: 1/n to each;
- ``time_decay``: 2^(-age / HALF_LIFE_DAYS), age = order_at - touch time, divided by the order's
  sum of weights: a touch a week before the order counts half as much as one just before it;
- ``position_based`` (U-shaped): 0.4 to the first and to the last, 0.2 / (n - 2) to each other;
  a single touch gets 1, two get 0.5 each.

A campaign earns, under each model, SUM(credit) orders and SUM(credit x total_amount_eur) of
revenue over its touches, for orders of every status as in ``campaign_attribution``.
"""

from __future__ import annotations

import ibis
from ibis.expr.types import BooleanValue, FloatingValue, IntegerValue, Table

from c360.contracts.gold_attribution import ATTRIBUTION_MODELS, CAMPAIGN_ATTRIBUTION_MODELS
from c360.pipeline.gold.attribution import ORDER_TOUCHES, touches
from c360.pipeline.gold.kpis import divide
from c360.pipeline.gold.model import GoldModel
from c360.pipeline.gold.rounding import exact_sum

HALF_LIFE_DAYS = 7
SECONDS_PER_DAY = 86_400


def _float(value: float) -> FloatingValue:
    # Spark reads a bare float literal as DECIMAL: say DOUBLE, as the other credits are.
    result: FloatingValue = ibis.literal(value).cast("float64")
    return result


def _position_based(position: IntegerValue, n: IntegerValue) -> FloatingValue:
    ends = (position == 0) | (position == n - 1)
    result: FloatingValue = ibis.cases(
        (n == 1, _float(1.0)),
        (n == 2, _float(0.5)),
        (ends, _float(0.4)),
        else_=_float(0.2) / (n - 2).cast("float64"),
    )
    return result


def _one_if(condition: BooleanValue) -> FloatingValue:
    result: FloatingValue = ibis.ifelse(condition, _float(1.0), _float(0.0))
    return result


def touch_credits(orders: Table, sends: Table, events: Table) -> Table:
    """One row per order and touch in its window: the touch's credit under every model."""
    return credits_of(touches(orders, sends, events))


def credits_of(pairs: Table) -> Table:
    """``touch_credits`` of the orders' ``attribution.touches``."""
    age = pairs.order_at.epoch_seconds() - pairs.event_at.epoch_seconds()
    age_days = age.cast("float64") / SECONDS_PER_DAY
    t = pairs.mutate(
        position=ibis.row_number().over(
            group_by=pairs.order_id, order_by=[pairs.event_at, pairs.event_id]
        ),
        n=pairs.event_id.count().over(group_by=pairs.order_id),
        weight=_float(0.5) ** (age_days / HALF_LIFE_DAYS),
    )
    t = t.mutate(total_weight=t.weight.sum().over(group_by=t.order_id))
    return t.select(
        "order_id",
        "event_id",
        "event_at",
        "campaign_id",
        "total_amount_eur",
        last_touch=_one_if(t.position == t.n - 1),
        first_touch=_one_if(t.position == 0),
        linear=_float(1.0) / t.n.cast("float64"),
        time_decay=t.weight / t.total_weight,
        position_based=_position_based(t.position, t.n),
    )


def campaign_attribution_models(
    campaigns: Table, orders: Table, sends: Table, events: Table
) -> Table:
    """Per campaign and model: credited orders, credit, attributed revenue and ROI."""
    return per_campaign(campaigns, touches(orders, sends, events))


def per_campaign(campaigns: Table, pairs: Table) -> Table:
    """``campaign_attribution_models`` from the orders' ``attribution.touches``."""
    credits = credits_of(pairs)
    # A campaign touching an order twice earns both credits, on one order.
    per_order = credits.group_by("campaign_id", "order_id", "total_amount_eur").aggregate(
        **{m: credits[m].sum() for m in ATTRIBUTION_MODELS}
    )
    long = per_order.pivot_longer(
        list(ATTRIBUTION_MODELS), names_to="attribution_model", values_to="credit"
    )
    earned = long.group_by("campaign_id", "attribution_model").aggregate(
        count_credited_orders=long.order_id.count(where=long.credit > 0),
        total_order_credit=exact_sum(long.credit, 6),
        total_attributed_amount_eur=exact_sum(long.credit * long.total_amount_eur, 2),
    )
    c = campaigns.select("campaign_id", "campaign_name", "budget_eur")
    grid = ibis.union(*(c.mutate(attribution_model=ibis.literal(m)) for m in ATTRIBUTION_MODELS))
    t = grid.left_join(earned, ["campaign_id", "attribution_model"])
    t = t.mutate(
        count_credited_orders=t.count_credited_orders.fill_null(0),
        total_order_credit=t.total_order_credit.fill_null(0.0),
        total_attributed_amount_eur=t.total_attributed_amount_eur.fill_null(0.0),
    )
    t = t.mutate(roi=divide(t.total_attributed_amount_eur - t.budget_eur, t.budget_eur))
    return t.select(*CAMPAIGN_ATTRIBUTION_MODELS.column_names)


MODELS: list[GoldModel] = [
    GoldModel(CAMPAIGN_ATTRIBUTION_MODELS, ("dim_campaign", ORDER_TOUCHES.name), per_campaign),
]

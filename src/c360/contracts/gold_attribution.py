"""Gold contract of multi-touch attribution: each campaign's credit under five models, side by side.

The formulas are in c360.pipeline.gold.attribution_models; every model shares seed 000's touches
(the opens and clicks of a customer's sends in the 14 days strictly before an order).
"""

from __future__ import annotations

from c360.contracts.gold_star import CAMPAIGN_ATTRIBUTION, ref
from c360.contracts.model import Column, Table, gold_table

# In the order the report shows them; last_touch is campaign_attribution's rule.
ATTRIBUTION_MODELS = ("last_touch", "first_touch", "linear", "time_decay", "position_based")

CAMPAIGN_ATTRIBUTION_MODELS = gold_table(
    "000",
    "campaign_attribution_models",
    "One row per campaign and attribution model: the orders and revenue each model credits to "
    "the campaign, and its ROI. An order's touches are the opens and clicks of its customer's "
    "sends strictly before it and at most 14 days before it, for every model; an order with a "
    "touch gives credits summing to 1 over its touches, one without gives none. Orders of every "
    "status count, as in campaign_attribution, whose figures the last_touch rows repeat.",
    ("campaign_id", "attribution_model"),
    ref("campaign_id", "dim_campaign.campaign_id", "Campaign"),
    Column(
        "attribution_model",
        "string",
        "How an order's credit is split over its n touches, ordered by time then event_id: "
        "last_touch 1 to the last; first_touch 1 to the first; linear 1/n each; time_decay "
        "2^(-age/7 days) normalised to sum 1 (age = order_at - touch time); position_based "
        "0.4 to the first, 0.4 to the last, 0.2 shared by the others (1 touch: 1; 2: 0.5 each)",
        allowed=ATTRIBUTION_MODELS,
    ),
    CAMPAIGN_ATTRIBUTION.column("campaign_name"),
    CAMPAIGN_ATTRIBUTION.column("budget_eur"),
    Column(
        "count_credited_orders",
        "int",
        "Orders giving the campaign a credit > 0 (for last_touch: count_attributed_orders)",
        min_value=0,
    ),
    Column(
        "total_order_credit",
        "float",
        "SUM(credit) over the campaign's touches: the orders it earns, fractions included "
        "(to 6 decimals)",
        min_value=0,
    ),
    Column(
        "total_attributed_amount_eur",
        "float",
        "SUM(credit x orders.total_amount_eur) over the campaign's touches, to the cent",
    ),
    Column(
        "roi",
        "float",
        "(total_attributed_amount_eur - budget_eur) / budget_eur; NULL when the budget is 0",
        nullable=True,
    ),
)

TABLES: tuple[Table, ...] = (CAMPAIGN_ATTRIBUTION_MODELS,)

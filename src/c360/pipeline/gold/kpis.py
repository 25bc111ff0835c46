"""``kpi_measures``: seed 000's DAX measures over all data and per month, with their base counts.

Each measure is the seed's DAX, read literally:

- ``clv`` = ``SUM(orders[total_amount_eur]) * AVERAGE(products[margin_pct])``: orders of every
  status, times the plain mean margin of the catalogue (not weighted by sales).
- ``conversion_rate`` = ``DIVIDE(COUNTROWS(FILTER(customers, customers[total_orders] > 0)),
  COUNTROWS(customers), 0)``. The seed's ``total_orders`` is "updated after orders": the
  customer's count of completed orders. It is counted here from ``fct_orders``, not read from
  the source profile, whose row silver may have quarantined for another column or which may lag
  the orders.
- ``campaign_roi``: ``Revenue = CALCULATE(SUM(orders[total_amount_eur]),
  orders[attributed_campaign_id] <> BLANK())`` (every status, the source's attribution),
  ``Cost = SUM(campaigns[budget_eur])``, ``DIVIDE(Revenue - Cost, Cost, 0)``.
- ``open_rate`` = open events / ``COUNTROWS(sends)``: repeat opens count, so it is near 0.95 on
  generated data; ``unique_open_rate`` (sends opened at least once / sends) is the usual rate.
- ``ctr`` = click events / open events; ``unique_ctr`` = sends clicked / sends opened.
- ``human_open_rate``, ``human_ctr``, ``human_unique_open_rate`` and ``human_unique_ctr`` are the
  same four rates over what people did: the machines' events are left out
  (``engagement.classify_engagement``), and a send a person clicked counts as opened by them.
- ``churn_rate`` = customers whose ``lifecycle_stage`` is ``"churned"`` / customers.
- ``return_rate`` = ``COUNTROWS(returns) / COUNTROWS(orders)``: returns of every status over
  orders of every status. A return counts when its order is in ``fct_orders`` (the numerator
  is drawn from the denominator's orders), so the ``all`` row adds up its months.

Sums of money and the mean margin are added as whole numbers (``rounding.exact_sum``,
``exact_mean``): a rerun writes the same digits whatever order the engine adds rows in.

Every rate is the seed's ``DIVIDE(…, 0)``: 0 when its denominator is 0 (a month without sends has
an open rate of 0), as the seed's model shows it. A workspace without e-mail sends, campaigns
or returns measures nothing of them: those rates and counts are NULL; so are ``clv`` and
``avg_product_margin_pct`` in one without a product catalogue. Other gold ratios
(attribution ROI, text features) follow the project's rule instead: NULL, a rate that cannot be
computed (``divide``).

A month row is what the measures show under a month filter in the seed's model, where the
calendar is related to the facts and filters flow from one side to many: orders count in the month
they were placed, returns in the month of the order they return, sends in the month they were sent
and events in the month of their send. Customers, products and campaigns carry no date there, so
a month does not filter them: ``conversion_rate`` and ``churn_rate`` repeat the ``all`` value and
``campaign_roi`` sets the month's attributed revenue against every campaign's budget. The
periods are ``all`` and each month with an order or a send.
"""

from __future__ import annotations

import ibis
from ibis import _
from ibis.expr.types import IntegerValue, NumericValue, StringValue, Table, TimestampValue

from c360.contracts.gold_star import KPI_MEASURES
from c360.pipeline.gold.model import GoldModel
from c360.pipeline.gold.rounding import exact_mean, exact_sum
from c360.pipeline.gold.star import lookup

ALL = "all"
COUNTS = ("count_orders", "count_sends", "count_opened_sends", "count_clicked_sends",
          "count_open_events", "count_click_events", "count_returns", "count_human_opened_sends",
          "count_human_clicked_sends", "count_human_open_events",
          "count_human_click_events")  # fmt: skip
# What a workspace without e-mail sends, campaigns or returns does not measure.
SENT = ("open_rate", "ctr", "unique_open_rate", "unique_ctr", "human_open_rate", "human_ctr",
        "human_unique_open_rate", "human_unique_ctr", *(c for c in COUNTS if "_sends" in c or
        "_events" in c))  # fmt: skip
BUDGETED = ("campaign_roi", "total_budget_eur")
RETURNED = ("return_rate", "count_returns")


def divide(numerator: NumericValue, denominator: NumericValue) -> NumericValue:
    """``numerator / denominator`` as a float; NULL when the denominator is 0 or NULL."""
    return numerator.cast("float64") / denominator.nullif(0)


def dax_divide(numerator: NumericValue, denominator: NumericValue) -> NumericValue:
    """The seed's ``DIVIDE(numerator, denominator, 0)``: 0 when the denominator is 0 or NULL."""
    return ibis.ifelse(denominator.fill_null(0) == 0, 0.0, divide(numerator, denominator))


def kpi_measures(
    customers: Table,
    products: Table | None,
    campaigns: Table | None,
    orders: Table,
    sends: Table | None = None,
    returns: Table | None = None,
) -> Table:
    """One row per period (``all`` and YYYY-MM) with the seed's measures and their bases.

    A workspace without products, campaigns, e-mail sends or returns (None) has what they
    measure NULL: not measured, where a month without sends measures 0.
    """
    o = orders.select(
        month=month_number(orders.order_at),
        amount=orders.total_amount_eur,
        is_attributed=orders.attributed_campaign_id.notnull(),
    )
    order_sums = _per_period(
        o,
        count_orders=_.count(),
        total_order_amount_eur=exact_sum(o.amount, 2),
        total_attributed_amount_eur=exact_sum(o.amount, 2, where=o.is_attributed),
    )
    dated = [order_sums] if sends is None else [order_sums, _send_sums(sends)]
    sums = dated if returns is None else [*dated, _return_counts(returns, orders)]

    # Tables without a date are aggregated once and hold for every period.
    buyers = orders.filter(orders.status == "completed").select("customer_id").distinct()
    converted = customers.customer_id.isin(buyers.customer_id)
    undated = customers.aggregate(
        count_customers=_.count(),
        count_converted_customers=_.customer_id.count(where=converted),
        count_churned_customers=_.customer_id.count(where=_.lifecycle_stage == "churned"),
    )
    if products is None:
        undated = undated.mutate(avg_product_margin_pct=ibis.null("float64"))
    else:
        margin = exact_mean(products.margin_pct, 6)
        undated = undated.cross_join(products.aggregate(avg_product_margin_pct=margin))
    if campaigns is not None:
        undated = undated.cross_join(campaigns.aggregate(total_budget_eur=_.budget_eur.sum()))
    periods = ibis.union(
        *(t.select(period=_.period.cast("string")) for t in dated),
        undated.select(period=ibis.literal(ALL, "string")),
        distinct=True,
    )
    t = periods
    for each in sums:
        t = lookup(t, each, "period")
    t = t.cross_join(undated)
    unmeasured = [
        *(SENT if sends is None else ()),
        *(BUDGETED if campaigns is None else ()),
        *(RETURNED if returns is None else ()),
    ]
    bases = [name for name in unmeasured if name.startswith(("count_", "total_"))]
    t = t.mutate(
        **{name: t[name].fill_null(0) for name in COUNTS if name not in bases},
        **{name: ibis.null("int64") for name in bases},
        total_order_amount_eur=t.total_order_amount_eur.fill_null(0.0),
        total_attributed_amount_eur=t.total_attributed_amount_eur.fill_null(0.0),
    )
    if campaigns is not None:
        t = t.mutate(total_budget_eur=t.total_budget_eur.fill_null(0))
    t = t.mutate(
        clv=t.total_order_amount_eur * t.avg_product_margin_pct,
        conversion_rate=dax_divide(t.count_converted_customers, t.count_customers),
        campaign_roi=dax_divide(
            t.total_attributed_amount_eur - t.total_budget_eur, t.total_budget_eur
        ),
        open_rate=dax_divide(t.count_open_events, t.count_sends),
        ctr=dax_divide(t.count_click_events, t.count_open_events),
        churn_rate=dax_divide(t.count_churned_customers, t.count_customers),
        return_rate=dax_divide(t.count_returns, t.count_orders),
        unique_open_rate=dax_divide(t.count_opened_sends, t.count_sends),
        unique_ctr=dax_divide(t.count_clicked_sends, t.count_opened_sends),
        human_open_rate=dax_divide(t.count_human_open_events, t.count_sends),
        human_ctr=dax_divide(t.count_human_click_events, t.count_human_open_events),
        human_unique_open_rate=dax_divide(t.count_human_opened_sends, t.count_sends),
        human_unique_ctr=dax_divide(t.count_human_clicked_sends, t.count_human_opened_sends),
    )
    t = t.mutate(**{name: ibis.null("float64") for name in unmeasured if name not in bases})
    return t.select(*KPI_MEASURES.column_names)


def _send_sums(sends: Table) -> Table:
    s = sends.mutate(month=month_number(sends.send_at))
    return _per_period(
        s,
        count_sends=_.count(),
        count_opened_sends=_.count(where=_.is_opened),
        count_clicked_sends=_.count(where=_.is_clicked),
        count_open_events=_.count_opens.sum(),
        count_click_events=_.count_clicks.sum(),
        count_human_opened_sends=_.count(where=_.is_human_opened),
        count_human_clicked_sends=_.count(where=_.is_human_clicked),
        count_human_open_events=_.count_human_opens.sum(),
        count_human_click_events=_.count_human_clicks.sum(),
    )


def _return_counts(returns: Table, orders: Table) -> Table:
    """Returns per month of the order they return (an order not in ``orders`` counts nowhere)."""
    known = orders.select("order_id", "order_at")
    returned = returns.select("order_id").join(known, "order_id")
    return _per_period(
        returned.select(month=month_number(returned.order_at)), count_returns=_.count()
    )


def month_number(value: TimestampValue) -> IntegerValue:
    """The month of a timestamp as the integer yyyymm: cheaper to group by than its name."""
    return (value.year() * 100 + value.month()).cast("int64")


def period_name(month: IntegerValue) -> StringValue:
    """``YYYY-MM`` of a ``month_number``, as ``star.year_month`` names the month."""
    return (month // 100).cast("string") + "-" + (month % 100).cast("string").lpad(2, "0")


def _per_period(rows: Table, **measures: ibis.Deferred | ibis.Value) -> Table:
    """``measures`` per month of ``rows.month`` (rows without one skipped) and over all rows.

    Months are grouped by number and named once grouped: two million rows are not each
    formatted."""
    dated = rows.filter(rows.month.notnull())
    months = dated.group_by("month").aggregate(**measures)
    months = months.select(*measures, period=period_name(months.month).cast("string"))
    every = rows.aggregate(**measures)
    # cast: a union needs equal nullability
    every = every.select(*measures, period=ibis.literal(ALL).cast("string"))
    return ibis.union(months, every)


MODELS: list[GoldModel] = [
    GoldModel(
        KPI_MEASURES,
        ("dim_customer", "dim_product", "dim_campaign", "fct_orders", "fct_email_events",
         "fct_returns"),
        kpi_measures,
        optional=("dim_product", "dim_campaign", "fct_email_events", "fct_returns"),
    )
]  # fmt: skip

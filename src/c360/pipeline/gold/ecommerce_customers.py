"""Seed 003's customer analysis: Customer Lifetime Value and RFM segmentation.

Time is measured up to a reference date, the latest order date in the data (never today), so a
rerun on the same data gives the same tables. Every customer is kept: one without orders has a
CLV of 0, no RFM scores and the segment "Never Purchased"; so is every buyer, even one whose
customer row silver rejected.

A buyer none of whose lines has a price (every product they bought was rejected from the
catalogue in silver) did not buy for free: their revenue, average basket, CLV and monetary value
are NULL, not 0, and their M score too. The M quintiles rank the buyers of known monetary value;
the R and F quintiles every buyer. Such a buyer still has a segment: an unknown M matches the
rules that do not ask for one (all but Champions).
"""

from __future__ import annotations

from typing import NamedTuple

import ibis
from ibis.expr.types import IntegerValue, StringValue, Table

from c360.contracts import gold_ecommerce as contracts
from c360.pipeline.gold.model import GoldModel
from c360.pipeline.gold.rounding import cents, exact_sum

DAYS_PER_YEAR = 365.25


class Rule(NamedTuple):
    """A segment for the customers whose scores fall within these inclusive ranges."""

    segment: str
    r: tuple[int, int]
    f: tuple[int, int]
    m: tuple[int, int] = (1, 5)


# First match wins, and the rules cover all 125 score combinations. The seed's own rules
# overlap (Champions and At Risk are also F=4-5), so they come before Loyal Customers.
SEGMENT_RULES: tuple[Rule, ...] = (
    Rule("Champions", (5, 5), (5, 5), (5, 5)),  # the seed: R=5, F=5, M=5
    Rule("At Risk", (1, 2), (4, 5)),  # the seed: R=1-2, F=4-5
    Rule("Loyal Customers", (1, 5), (4, 5)),  # the seed: F=4-5
    Rule("Lost", (1, 1), (1, 1)),  # the seed: R=1, F=1
    Rule("Hibernating", (1, 2), (1, 3)),
    Rule("About to Sleep", (3, 3), (1, 2)),
    Rule("Need Attention", (3, 3), (3, 3)),
    Rule("New Customers", (5, 5), (1, 1)),
    Rule("Promising", (4, 4), (1, 1)),
    Rule("Potential Loyalists", (4, 5), (2, 3)),
)
NO_PURCHASE = "Never Purchased"


ANY_SCORE = (1, 5)


def segment(r: int, f: int, m: int | None) -> str:
    """The segment of a buyer's scores: the first rule they match. An unknown M (no line of
    theirs has a price) matches only the rules that accept any M.

    >>> segment(5, 5, 5), segment(2, 5, 1), segment(1, 1, 4), segment(5, 1, 2)
    ('Champions', 'At Risk', 'Lost', 'New Customers')
    >>> segment(5, 5, None)
    'Loyal Customers'
    """
    for rule in SEGMENT_RULES:
        m_matches = rule.m == ANY_SCORE if m is None else rule.m[0] <= m <= rule.m[1]
        if m_matches and all(
            lo <= v <= hi for v, (lo, hi) in zip((r, f), (rule.r, rule.f), strict=True)
        ):
            return rule.segment
    raise ValueError(f"no segment for R={r}, F={f}, M={m}")


def segment_expr(r: IntegerValue, f: IntegerValue, m: IntegerValue) -> StringValue:
    """``segment`` as an expression; NULL R and F scores (no orders) match no rule, a NULL M
    only the rules that accept any M."""
    matches = (
        (
            r.between(*rule.r)
            & f.between(*rule.f)
            & (ibis.literal(True) if rule.m == ANY_SCORE else m.between(*rule.m)),
            rule.segment,
        )
        for rule in SEGMENT_RULES
    )
    return ibis.cases(*matches, else_=ibis.literal(NO_PURCHASE))


def _per_buyer(sales: Table) -> Table:
    """Each buyer's orders, revenue to the cent (NULL when no line has a price), first and
    latest order date."""
    s = sales
    return s.group_by(s.customer_id).aggregate(
        count_orders=s.order_id.nunique(),
        priced_orders=priced_orders(s),
        revenue=exact_sum(s.revenue_eur, 2),
        first_order_date=s.order_date.min(),
        last_order_date=s.order_date.max(),
    )


def priced_orders(sales: Table) -> IntegerValue:
    """Orders with at least one line of known revenue: the divisor of an average basket."""
    return sales.order_id.nunique(where=sales.revenue_eur.notnull())


def _with_reference_date(buyers: Table, sales: Table) -> Table:
    reference = sales.aggregate(reference_date=sales.order_date.max())
    return buyers.cross_join(reference)


def _every_customer(customers: Table, per_customer: Table) -> Table:
    """Every customer and every buyer: one whose customer row silver rejected still bought."""
    c, t = customers, per_customer
    joined = c.outer_join(t, c.customer_id == t.customer_id)
    return joined.select(
        customer_id=c.customer_id.fill_null(t.customer_id),
        **{name: t[name] for name in t.columns if name != "customer_id"},
    )


def _years(days: ibis.NumericValue) -> ibis.FloatingValue:
    # In float: Spark reads a literal 365.25 as a DECIMAL and would round the quotient.
    return days.cast("float64") / DAYS_PER_YEAR


def mart_ecommerce_customer_lifetime_value(sales: Table, customers: Table) -> Table:
    """CLV = panier moyen × fréquence d'achat × durée de vie client, for every customer.

    Panier moyen: revenue / orders with a known price. Fréquence d'achat: orders per year since
    the first order, counting at least one year so a recent first order does not extrapolate.
    Durée de vie client: the buyers' average years between first and latest order. A buyer
    with no priced order has no panier moyen, so no CLV (NULL); a customer without orders has
    revenue and CLV 0.
    """
    b = _with_reference_date(_per_buyer(sales), sales)
    tenure_years = _years(b.reference_date.delta(b.first_order_date, unit="day"))
    b = b.mutate(frequency=b.count_orders / ibis.ifelse(tenure_years > 1, tenure_years, 1))
    days_active = b.last_order_date.delta(b.first_order_date, unit="day")
    lifespan = b.aggregate(years=_years(days_active.mean()).fill_null(0))
    t = _every_customer(customers, b).cross_join(lifespan)
    basket = t.revenue / t.priced_orders.nullif(0)
    bought = t.count_orders.notnull()
    return t.select(
        t.customer_id,
        t.first_order_date,
        t.last_order_date,
        count_orders=t.count_orders.fill_null(0),
        total_revenue_eur=ibis.ifelse(bought, t.revenue, 0),
        average_basket_eur=cents(basket),
        purchase_frequency_per_year=t.frequency.fill_null(0),
        customer_lifespan_years=t.years,
        clv_eur=ibis.ifelse(bought, cents(basket * t.frequency * t.years), 0),
    )


def _quintile(key: ibis.Value, buyers: IntegerValue) -> IntegerValue:
    """1-5 by rank along ``key``, worst first: equal values share the lower score."""
    rank: IntegerValue = ibis.rank().over(order_by=key)  # 0-based, ties share the lowest
    return rank * 5 // buyers + 1


def _known_quintile(value: ibis.NumericValue) -> IntegerValue:
    """``_quintile`` of ``value`` among the rows where it is known; NULL where it is not.

    Ranked apart from the NULLs (engines sort them first or last), over as many rows as known.
    """
    known = value.notnull()
    rank: IntegerValue = ibis.rank().over(group_by=known, order_by=value)
    score = rank * 5 // value.count().over() + 1
    return ibis.ifelse(known, score, ibis.null("int64"))


def mart_ecommerce_rfm(sales: Table, customers: Table) -> Table:
    """Recency, frequency, monetary value, their quintile scores among buyers (M among those
    of known monetary value), and a segment for every customer."""
    b = _with_reference_date(_per_buyer(sales), sales)
    b = b.mutate(
        recency_days=b.reference_date.delta(b.last_order_date, unit="day"),
        monetary_eur=b.revenue,
    )
    buyers = b.customer_id.count().over()
    b = b.mutate(
        r_score=_quintile(ibis.desc(b.recency_days), buyers),
        f_score=_quintile(b.count_orders, buyers),
        m_score=_known_quintile(b.monetary_eur),
    )
    t = _every_customer(customers, b)
    return t.select(
        t.customer_id,
        t.recency_days,
        t.r_score,
        t.f_score,
        t.m_score,
        frequency=t.count_orders.fill_null(0),
        monetary_eur=ibis.ifelse(t.count_orders.notnull(), t.monetary_eur, 0),
        rfm_segment=segment_expr(t.r_score, t.f_score, t.m_score),
    )


_INPUTS = ("fct_ecommerce_sales", "dim_ecommerce_customer")

MODELS: list[GoldModel] = [
    GoldModel(
        contracts.MART_ECOMMERCE_CUSTOMER_LIFETIME_VALUE,
        _INPUTS,
        mart_ecommerce_customer_lifetime_value,
    ),
    GoldModel(contracts.MART_ECOMMERCE_RFM, _INPUTS, mart_ecommerce_rfm),
]

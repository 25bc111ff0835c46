"""Seed 004's gold marts over the MongoDB silver: customers, products, campaigns, months and
countries.

Every silver transaction counts: silver has already quarantined the invalid, orphaned and
future ones, and seed 004 gives transactions no status (a customer whose own row silver rejected
keeps theirs). Revenue is the sum of ``total_amount``; a ratio whose denominator is 0 is NULL
(``ratio``). Each amount is rounded to the cent before it is summed, and each sum again, so the
order in which an engine adds never changes a digit.
"""

from __future__ import annotations

import ibis
from ibis import _
from ibis.expr.types import Table

from c360.contracts import gold_marketing as c
from c360.pipeline.gold.model import GoldModel
from c360.pipeline.gold.rounding import cents
from c360.pipeline.silver.marketing import ratio

UNKNOWN_NAME = "Unknown"  # as silver names a customer without a first or last name
# Customers without a country, in customer_metrics and country_statistics alike (seed 004:
# missing values get defaults); never an ISO code, so never a clash.
UNKNOWN_COUNTRY = "Unknown"


def _contract_columns(table: Table, contract: c.Table) -> Table:
    return table.select(*contract.column_names)


def _in_cents(transactions: Table) -> Table:
    """Amounts to the cent before they are summed: a discount of 15 % leaves half cents, and
    half cents summed in another order round differently on another engine."""
    return transactions.mutate(
        total_amount=cents(transactions.total_amount), amount=cents(transactions.amount)
    )


def customer_metrics(customers: Table, transactions: Table) -> Table:
    """Each customer with at least one transaction: counts, spend and first and last day.

    A customer without a country is in country "Unknown", as country_statistics counts them.
    Every silver transaction counts. Silver checks a transaction's customer against the source,
    so a customer whose own row it rejected (a value of the wrong type, say) keeps their
    transactions: they are listed as "Unknown", in country "Unknown", without a city.
    """
    transactions = _in_cents(transactions)
    per_customer = transactions.group_by("customer_id").aggregate(
        total_transactions=_.count(),
        total_spent=cents(_.total_amount.sum()),
        first_purchase_date=_.transaction_at.date().min(),
        last_purchase_date=_.transaction_at.date().max(),
    )
    t, known = per_customer, customers
    out = t.left_join(known, t.customer_id == known.customer_id).select(
        t,
        known.city,
        full_name=known.full_name.fill_null(UNKNOWN_NAME),
        country=known.country.fill_null(UNKNOWN_COUNTRY),
    )
    return _contract_columns(
        out.mutate(avg_transaction_amount=ratio(out.total_spent, out.total_transactions)),
        c.CUSTOMER_METRICS,
    )


def product_performance(transactions: Table) -> Table:
    """Each product sold: units, revenue, average unit price and distinct buyers.

    Every silver transaction counts; a missing product is silver's "Unknown product".
    """
    transactions = _in_cents(transactions)
    out = transactions.group_by("product").aggregate(
        total_sales=_.quantity.sum(),
        total_revenue=cents(_.total_amount.sum()),
        total_amount=cents(_.amount.sum()),
        unique_customers=_.customer_id.nunique(),
    )
    return _contract_columns(
        out.mutate(avg_price=ratio(out.total_amount, out.total_sales)), c.PRODUCT_PERFORMANCE
    )


def campaign_performance(campaigns: Table) -> Table:
    """Each silver campaign, whatever its status, with seed 004's KPIs over its totals.

    Silver holds one row per campaign, so the averages equal the campaign's own KPIs; computing
    them from the totals keeps them right for any finer grain.
    """
    out = campaigns.group_by("campaign_id", "campaign_name", "campaign_type", "status").aggregate(
        total_impressions=_.impressions.sum(),
        total_clicks=_.clicks.sum(),
        total_conversions=_.conversions.sum(),
        budget=_.budget.sum(),
        spend=_.spend.sum(),
    )
    return _contract_columns(
        out.mutate(
            avg_ctr=ratio(out.total_clicks, out.total_impressions) * 100,
            avg_conversion_rate=ratio(out.total_conversions, out.total_clicks) * 100,
            avg_cpc=ratio(out.spend, out.total_clicks),
            avg_cpa=ratio(out.spend, out.total_conversions),
            roi=ratio(out.budget - out.spend, out.budget) * 100,
        ),
        c.CAMPAIGN_PERFORMANCE,
    )


def monthly_revenue(transactions: Table) -> Table:
    """Each calendar month (UTC) with transactions: revenue, count, buyers, average value.

    Every silver transaction counts; a month without any has no row.
    """
    transactions = _in_cents(transactions)
    at = transactions.transaction_at
    out = (
        transactions.mutate(month=ibis.date(at.year(), at.month(), 1))
        .group_by("month")
        .aggregate(
            total_revenue=cents(_.total_amount.sum()),
            total_transactions=_.count(),
            unique_customers=_.customer_id.nunique(),
        )
    )
    return _contract_columns(
        out.mutate(avg_transaction_value=ratio(out.total_revenue, out.total_transactions)),
        c.MONTHLY_REVENUE,
    )


def country_statistics(customers: Table, transactions: Table) -> Table:
    """Each country: its customers (buyers or not), their revenue and consent rate.

    Every silver customer counts, and every silver transaction; customers without a country
    count under "Unknown" (seed 004: missing values get defaults), a row only when there are
    any. A buyer whose own row silver rejected counts there too, without consent (as silver
    reads a missing one), as customer_metrics lists them: the marts' revenues agree. A customer
    without transactions adds 0 revenue.
    """
    transactions = _in_cents(transactions)
    spent = transactions.group_by("customer_id").aggregate(spent=cents(_.total_amount.sum()))
    joined = customers.outer_join(spent, customers.customer_id == spent.customer_id).select(
        country=customers.country.fill_null(UNKNOWN_COUNTRY),
        consent=customers.marketing_consent.fill_null(False),
        spent=spent.spent,
    )
    out = joined.group_by("country").aggregate(
        total_customers=_.count(),
        consenting=_.count(where=_.consent),
        total_revenue=cents(_.spent.sum()).fill_null(0.0),
    )
    return _contract_columns(
        out.mutate(
            avg_customer_value=ratio(out.total_revenue, out.total_customers),
            marketing_consent_rate=ratio(out.consenting, out.total_customers) * 100,
        ),
        c.COUNTRY_STATISTICS,
    )


CUSTOMERS, TRANSACTIONS, CAMPAIGNS = (
    "stg_mongo_customers",
    "stg_mongo_transactions",
    "stg_mongo_campaigns",
)
MODELS: list[GoldModel] = [
    GoldModel(c.CUSTOMER_METRICS, (CUSTOMERS, TRANSACTIONS), customer_metrics),
    GoldModel(c.PRODUCT_PERFORMANCE, (TRANSACTIONS,), product_performance),
    GoldModel(c.CAMPAIGN_PERFORMANCE, (CAMPAIGNS,), campaign_performance),
    GoldModel(c.MONTHLY_REVENUE, (TRANSACTIONS,), monthly_revenue),
    GoldModel(c.COUNTRY_STATISTICS, (CUSTOMERS, TRANSACTIONS), country_statistics),
]

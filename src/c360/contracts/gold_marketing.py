"""Gold contracts of seed 004: its five marts, with the seed's column names.

Revenue is always the sum of silver's ``total_amount`` (amount − discount + shipping, EUR),
each rounded to the cent first (a discount of 15 % leaves half cents, which engines would sum
in different orders);
rates are percentages, as seed 004 defines its KPIs; a ratio whose denominator is 0 is NULL.
"""

from __future__ import annotations

from c360.contracts.marketing_bronze import CAMPAIGN_STATUSES
from c360.contracts.model import Column, Table, gold_table


def gold(name: str, description: str, key: tuple[str, ...], *columns: Column) -> Table:
    """A seed-004 gold table published to ``lake/gold/<name>``."""
    return gold_table("004", name, description, key, *columns)


def count(name: str, description: str, nullable: bool = False) -> Column:
    return Column(name, "int", description, nullable=nullable, min_value=0)


def amount(name: str, description: str, nullable: bool = False) -> Column:
    return Column(name, "float", description, nullable=nullable)


CUSTOMER_METRICS = gold(
    "customer_metrics",
    "One row per marketing customer with at least one transaction.",
    ("customer_id",),
    Column("customer_id", "string", "Customer (stg_mongo_customers)", unique=True),
    Column(
        "full_name",
        "string",
        "First and last name, 'Unknown' when both are missing or silver rejected the customer",
    ),
    Column(
        "country",
        "string",
        "ISO 3166 alpha-2 code, or Unknown (as in country_statistics) when missing or silver "
        "rejected the customer",
    ),
    Column("city", "string", "City; NULL when unknown", nullable=True),
    count("total_transactions", "Transactions of the customer (at least 1)"),
    amount("total_spent", "Sum of the transactions' total_amount, each to the cent (EUR)"),
    amount("avg_transaction_amount", "total_spent / total_transactions (EUR)"),
    Column("first_purchase_date", "date", "Day (UTC) of the first transaction"),
    Column("last_purchase_date", "date", "Day (UTC) of the last transaction"),
)

PRODUCT_PERFORMANCE = gold(
    "product_performance",
    "One row per product sold at least once.",
    ("product",),
    Column("product", "string", "Product name ('Unknown product' when missing)", unique=True),
    count("total_sales", "Units sold: the sum of the transactions' quantity"),
    amount("total_revenue", "Sum of the transactions' total_amount, each to the cent (EUR)"),
    amount(
        "avg_price",
        "Average unit price before discount and shipping: the sum of the transactions' amount, "
        "each rounded to the cent first, / units (EUR)",
    ),
    count("unique_customers", "Distinct customers who bought the product"),
)

CAMPAIGN_PERFORMANCE = gold(
    "campaign_performance",
    "One row per campaign; the averages are ratios of the campaign's totals.",
    ("campaign_id",),
    Column("campaign_id", "string", "Campaign (stg_mongo_campaigns)", unique=True),
    Column("campaign_name", "string", "Name ('Unnamed campaign' when missing)"),
    Column("campaign_type", "string", "Channel ('Unknown' when missing)"),
    count("total_impressions", "Impressions; NULL when the source gave none", nullable=True),
    count("total_clicks", "Clicks; NULL when the source gave none", nullable=True),
    count("total_conversions", "Conversions; NULL when the source gave none", nullable=True),
    amount("avg_ctr", "clicks / impressions × 100; NULL without impressions", nullable=True),
    amount("avg_conversion_rate", "conversions / clicks × 100; NULL without clicks", nullable=True),
    amount("avg_cpc", "spend / clicks (EUR); NULL without clicks", nullable=True),
    amount("avg_cpa", "spend / conversions (EUR); NULL without conversions", nullable=True),
    amount(
        "roi",
        "Seed 004's ROI: (budget − spend) / budget × 100; NULL without a budget",
        nullable=True,
    ),
    Column(
        "status",
        "string",
        "scheduled, active, paused or completed; NULL if missing or another value",
        nullable=True,
        allowed=CAMPAIGN_STATUSES,
    ),
)

MONTHLY_REVENUE = gold(
    "monthly_revenue",
    "One row per calendar month (UTC) with at least one transaction.",
    ("month",),
    Column("month", "date", "First day of the month", unique=True),
    amount("total_revenue", "Sum of the month's total_amount, each to the cent (EUR)"),
    count("total_transactions", "Transactions in the month (at least 1)"),
    count("unique_customers", "Distinct customers who bought in the month"),
    amount("avg_transaction_value", "total_revenue / total_transactions (EUR)"),
)

COUNTRY_STATISTICS = gold(
    "country_statistics",
    "One row per customer country, and one row 'Unknown' for the customers without a country "
    "or whose row silver rejected but not their transactions (only when there are any): every "
    "customer silver kept, and every buyer in customer_metrics, counts in one row.",
    ("country",),
    Column(
        "country",
        "string",
        "ISO 3166 alpha-2 code, or Unknown (as in customer_metrics) when missing or silver "
        "rejected the customer",
        unique=True,
    ),
    count("total_customers", "Marketing customers of the country, buyers or not"),
    amount(
        "total_revenue",
        "Sum of their transactions' total_amount, each to the cent (EUR); 0 without any",
    ),
    amount("avg_customer_value", "total_revenue / total_customers (EUR)"),
    Column(
        "marketing_consent_rate",
        "float",
        "Share of the customers who consented to marketing, in percent",
        min_value=0,
        max_value=100,
    ),
)

TABLES: tuple[Table, ...] = (
    CUSTOMER_METRICS,
    PRODUCT_PERFORMANCE,
    CAMPAIGN_PERFORMANCE,
    MONTHLY_REVENUE,
    COUNTRY_STATISTICS,
)

"""Gold contracts of seed 000: the star schema, ``kpi_measures`` and attribution.

Facts carry a ``date_key`` (yyyymmdd) into ``dim_date``; dimensions keep the source's ids.
"""

from __future__ import annotations

import dataclasses

from c360.contracts import commerce, crm, marketing
from c360.contracts.gold_identity import CUSTOMER360_ID
from c360.contracts.model import Column, Table, gold_table


def gold(name: str, description: str, key: tuple[str, ...], *columns: Column) -> Table:
    """A seed-000 gold table published to ``lake/gold/<name>``."""
    return gold_table("000", name, description, key, *columns)


INFERRED = "inferred"


def dimension(name: str, description: str, key: str, *columns: Column, seed: str = "000") -> Table:
    """A dimension that facts reference: it also holds an inferred member (``inferred`` true,
    every other column NULL) for each id a fact names whose source row silver quarantined."""
    return gold_table(
        seed,
        name,
        f"{description} Plus a row per id the facts name whose source row was quarantined in "
        "silver (inferred = true, every other column NULL), so that every fact joins.",
        (key,),
        *(c if c.name == key else dataclasses.replace(c, nullable=True) for c in columns),
        Column(
            INFERRED,
            "bool",
            "true: an id facts name whose source row was quarantined in silver (see "
            "lake/quarantine/); its other columns are NULL",
        ),
    )


def ref(name: str, references: str, description: str = "", nullable: bool = False) -> Column:
    """A string foreign key."""
    return Column(name, "string", description, nullable=nullable, references=references)


def person() -> Column:
    """The ``customer360_id`` of a row's customer, joined by the gold runner (see run.py)."""
    return Column(
        "customer360_id",
        "string",
        "The person behind customer_id (identity_links); NULL when identity resolution is not "
        "configured",
        nullable=True,
        pattern=CUSTOMER360_ID,
    )


def date_key(name: str = "date_key", description: str = "", nullable: bool = False) -> Column:
    return Column(name, "int", description, nullable=nullable, references="dim_date.date_key")


def _copy(source: Table, *names: str) -> tuple[Column, ...]:
    """Columns of a source contract as they are, references dropped (gold has its own)."""
    return tuple(
        dataclasses.replace(c, references=None)
        for c in source.columns
        if not names or c.name in names
    )


# Without a crm_customer_profile source, dim_customer counts these measures from the sources
# named, as the profile source counts them (rounded half up: see DIM_CUSTOMER); the churn risk
# and the last NPS answer no fact holds.
DERIVED_FROM = {
    "clv_score": "orders, order_lines and products",
    "last_contact_at": "crm_interactions",
    "total_interactions": "crm_interactions",
    "total_orders": "orders",
    "total_spend_eur": "orders",
    "avg_order_value_eur": "orders",
    "open_rate_pct": "marketing_sends and marketing_events",
    "click_rate_pct": "marketing_sends and marketing_events",
}


def _profile_columns() -> tuple[Column, ...]:
    """The customer profile's measures; NULL for a customer without a profile row, and without
    a profile source as ``DERIVED_FROM`` says."""
    return tuple(
        dataclasses.replace(
            c,
            description=c.description + _without_profile(c.name),
            nullable=True,
            unique=False,
            references=None,
        )
        for c in crm.CUSTOMER_PROFILE.columns
        if c.name != "customer_id"
    )


def _without_profile(name: str) -> str:
    if name not in DERIVED_FROM:
        return "; NULL without a crm_customer_profile source"
    sources = DERIVED_FROM[name]
    if name == "clv_score":
        return (
            f"; without a crm_customer_profile source, counted from {sources} (0 without "
            "completed orders; NULL where the workspace lacks orders, or for a buyer when it "
            "lacks order_lines or products or their completed orders' lines name no known "
            "product)"
        )
    lacking = "one of them" if " and " in sources else "it"
    return (
        f"; without a crm_customer_profile source, counted from {sources} (NULL where the "
        f"workspace lacks {lacking})"
    )


DIM_ACCOUNT = dimension(
    "dim_account", "B2B accounts, one row per account.", "account_id", *_copy(crm.ACCOUNTS)
)

DIM_CUSTOMER = dimension(
    "dim_customer",
    "One row per CRM customer with its profile (crm_customer_profile's measures, NULL for a "
    "customer it lacks; without that source, those the facts give, rounded half up where the "
    "generated profile rounds a tie to even, so a half-cent mean order value may differ by a "
    "cent); no e-mail (not even pseudonymised), no segments (see bridge_customer_segment).",
    "customer_id",
    Column("customer_id", "string", "Customer"),
    person(),
    ref("account_id", "dim_account.account_id", "Account of a B2B contact", nullable=True),
    *_copy(crm.CUSTOMERS, "first_seen_at", "status", "locale", "lifecycle_stage"),
    *_copy(crm.CUSTOMERS, "consent_email", "consent_sms"),
    Column("has_valid_email", "bool", "The e-mail address is deliverable"),
    *_copy(crm.CUSTOMERS, "preferred_channel"),
    Column("country", "string", "ISO 3166 alpha-2 country code"),
    *_profile_columns(),
)

DIM_SEGMENT = dimension(
    "dim_segment",
    "Customer segments, one row per segment.",
    "segment_id",
    *_copy(crm.SEGMENTS),
    Column("count_current_members", "int", "Memberships without an end date"),
)

BRIDGE_CUSTOMER_SEGMENT = gold(
    "bridge_customer_segment",
    "Customer-segment memberships: the many-to-many link between dim_customer and dim_segment.",
    ("customer_id", "segment_id"),
    ref("customer_id", "dim_customer.customer_id", "Member"),
    ref("segment_id", "dim_segment.segment_id", "Segment"),
    *_copy(crm.CUSTOMER_SEGMENTS, "start_date", "end_date"),
    Column("is_current", "bool", "No end date: still a member"),
)

DIM_PRODUCT = dimension(
    "dim_product",
    "Product catalogue, one row per product.",
    "product_id",
    *_copy(commerce.PRODUCTS),
)

DIM_CAMPAIGN = dimension(
    "dim_campaign",
    "Marketing campaigns, one row per campaign.",
    "campaign_id",
    *_copy(marketing.CAMPAIGNS),
)

DIM_DATE = gold(
    "dim_date",
    "Calendar, one row per day, whole years from the first to the last day of any fact: the "
    "date keys of the star's facts and the dates of fct_notes and fct_ecommerce_sales.",
    ("date_key",),
    Column("date_key", "int", "yyyymmdd", unique=True),
    Column("date", "date", "The day"),
    Column("year", "int", "Calendar year"),
    Column("quarter", "int", "1-4", min_value=1, max_value=4),
    Column("month", "int", "1-12", min_value=1, max_value=12),
    Column("month_name", "string", "January … December"),
    Column("year_month", "string", "YYYY-MM, the KPI period of the day"),
    Column("day_of_month", "int", "1-31", min_value=1, max_value=31),
    Column("day_of_year", "int", "1-366", min_value=1, max_value=366),
    Column("day_of_week", "int", "ISO: 1 = Monday … 7 = Sunday", min_value=1, max_value=7),
    Column("day_name", "string", "Monday … Sunday"),
    Column("is_weekend", "bool", "Saturday or Sunday"),
    Column(
        "iso_week",
        "int",
        "ISO 8601 week number (1-53), counted in iso_year: group weeks by (iso_year, iso_week)",
        min_value=1,
        max_value=53,
    ),
    Column(
        "iso_year",
        "int",
        "ISO 8601 week-numbering year: the year of the Thursday of the day's Monday-to-Sunday "
        "week (2025 for 2024-12-30, 2020 for 2021-01-01); differs from year around 1 January",
    ),
)

FCT_ORDERS = gold(
    "fct_orders",
    "One row per order, with its lines summed.",
    ("order_id",),
    Column("order_id", "string", "Order"),
    ref("customer_id", "dim_customer.customer_id", "Customer"),
    person(),
    date_key(description="Order date"),
    *_copy(commerce.ORDERS, "order_at", "channel", "status", "total_amount_eur", "promo_code"),
    ref(
        "attributed_campaign_id",
        "dim_campaign.campaign_id",
        "The source's 14-day last-touch campaign (recomputed in order_attribution)",
        nullable=True,
    ),
    Column(
        "count_lines",
        "int",
        "Order lines silver kept (0 without an order_lines source)",
        min_value=0,
    ),
    Column("total_qty", "int", "Units over the lines silver kept", min_value=0),
    Column("total_discount_eur", "float", "Discount over the lines silver kept", min_value=0),
)

FCT_ORDER_LINES = gold(
    "fct_order_lines",
    "One row per order line; order attributes are NULL when the order is not in silver.",
    ("order_line_id",),
    Column("order_line_id", "string", "Order line"),
    ref("order_id", "fct_orders.order_id", "Order"),
    ref("product_id", "dim_product.product_id", "Product"),
    ref("customer_id", "dim_customer.customer_id", "The order's customer", nullable=True),
    person(),
    date_key(description="Order date", nullable=True),
    Column("order_status", "string", "The order's status", nullable=True),
    *_copy(commerce.ORDER_LINES, "qty", "unit_price_eur", "discount_eur", "line_total_eur"),
    Column(
        "margin_eur",
        "float",
        "line_total_eur x the product's margin_pct, to the cent",
        nullable=True,
    ),
)

FCT_EMAIL_EVENTS = gold(
    "fct_email_events",
    "One row per e-mail send with what its events did: flags, event counts (repeat opens "
    "included) and first open/click times. Sums of count_opens / count_clicks give the seed's "
    "event-based rates; is_opened / is_clicked give the unique rates. The human_ columns count "
    "and date only the events a person made (email_engagement_classified).",
    ("send_id",),
    Column("send_id", "string", "Send"),
    ref("campaign_id", "dim_campaign.campaign_id", "Campaign"),
    Column("asset_id", "string", "E-mail template"),
    ref("customer_id", "dim_customer.customer_id", "Recipient"),
    person(),
    date_key(description="Send date"),
    Column("send_at", "timestamp", "Send time"),
    Column("is_delivered", "bool", "No bounce event"),
    Column("is_bounced", "bool", "At least one bounce event"),
    Column("is_opened", "bool", "At least one open event"),
    Column("is_clicked", "bool", "At least one click event"),
    Column("is_unsubscribed", "bool", "At least one unsubscribe event"),
    Column("count_opens", "int", "Open events", min_value=0),
    Column("count_clicks", "int", "Click events", min_value=0),
    Column("first_open_at", "timestamp", "Earliest open", nullable=True),
    Column("first_click_at", "timestamp", "Earliest click", nullable=True),
    Column(
        "is_human_opened",
        "bool",
        "At least one open or click a person made (a person's click proves an open that a "
        "privacy proxy hid)",
    ),
    Column("is_human_clicked", "bool", "At least one click a person made"),
    Column("count_human_opens", "int", "Open events a person made", min_value=0),
    Column("count_human_clicks", "int", "Click events a person made", min_value=0),
    Column(
        "first_human_open_at",
        "timestamp",
        "Earliest open or click a person made, as is_human_opened counts them (a click proves "
        "an open); NULL when no person opened",
        nullable=True,
    ),
    Column(
        "first_human_click_at",
        "timestamp",
        "Earliest click a person made; NULL when no person clicked",
        nullable=True,
    ),
)

FCT_INTERACTIONS = gold(
    "fct_interactions",
    "One row per CRM interaction.",
    ("interaction_id",),
    Column("interaction_id", "string", "Interaction"),
    ref("customer_id", "dim_customer.customer_id", "Customer"),
    person(),
    date_key(description="Interaction date"),
    *_copy(crm.INTERACTIONS, "occurred_at", "type", "channel", "topic", "outcome"),
    *_copy(crm.INTERACTIONS, "satisfaction_score", "duration_min"),
)

FCT_RETURNS = gold(
    "fct_returns",
    "One row per return.",
    ("return_id",),
    Column("return_id", "string", "Return"),
    ref("order_id", "fct_orders.order_id", "Returned order"),
    ref("customer_id", "dim_customer.customer_id", "Customer"),
    person(),
    date_key(description="Date the return was opened"),
    date_key("order_date_key", "Date of the returned order (NULL if not in silver)", True),
    *_copy(commerce.RETURNS, "created_at", "reason", "status", "amount_refunded_eur"),
)

STAR: tuple[Table, ...] = (
    DIM_ACCOUNT,
    DIM_CUSTOMER,
    DIM_SEGMENT,
    BRIDGE_CUSTOMER_SEGMENT,
    DIM_PRODUCT,
    DIM_CAMPAIGN,
    DIM_DATE,
    FCT_ORDERS,
    FCT_ORDER_LINES,
    FCT_EMAIL_EVENTS,
    FCT_INTERACTIONS,
    FCT_RETURNS,
)


def _rate(name: str, description: str) -> Column:
    return Column(name, "float", description + "; NULL when the denominator is 0", nullable=True)


def _dax_rate(name: str, description: str, unmeasured: str = "") -> Column:
    """A rate of kpi_measures; ``unmeasured`` names the source without which it is NULL."""
    description += "; 0 when the denominator is 0 (DAX's DIVIDE)"
    if unmeasured:
        description += f"; NULL in a workspace without {unmeasured}"
    return Column(name, "float", description, nullable=bool(unmeasured))


def _count(name: str, description: str, unmeasured: str = "") -> Column:
    if unmeasured:
        description += f"; NULL in a workspace without {unmeasured}"
    return Column(name, "int", description, nullable=bool(unmeasured), min_value=0)


KPI_MEASURES = gold(
    "kpi_measures",
    "Seed 000's DAX measures, once over all data (period 'all') and once per month (YYYY-MM); "
    "the formulas and how a month is assigned are in c360.pipeline.gold.kpis.",
    ("period",),
    Column("period", "string", "'all' or YYYY-MM", pattern=r"all|\d{4}-\d{2}"),
    Column(
        "clv",
        "float",
        "SUM(orders.total_amount_eur) x AVERAGE(products.margin_pct); NULL in a workspace "
        "without products",
        nullable=True,
    ),
    _dax_rate("conversion_rate", "Customers with a completed order (total_orders > 0) / customers"),
    _dax_rate(
        "campaign_roi",
        "(attributed order amount - campaign budgets) / campaign budgets",
        "campaigns",
    ),
    _dax_rate("open_rate", "Open events / sends (repeat opens count)", "e-mail sends"),
    _dax_rate("human_open_rate", "Open events a person made / sends", "e-mail sends"),
    _dax_rate("ctr", "Click events / open events", "e-mail sends"),
    _dax_rate(
        "human_ctr", "Click events a person made / open events a person made", "e-mail sends"
    ),
    _dax_rate("churn_rate", "Customers whose lifecycle_stage is churned / customers"),
    _dax_rate("return_rate", "Returns of the orders in fct_orders / orders", "returns"),
    _dax_rate("unique_open_rate", "Sends opened at least once / sends", "e-mail sends"),
    _dax_rate(
        "human_unique_open_rate", "Sends a person opened (fct_email_events) / sends", "e-mail sends"
    ),
    _dax_rate(
        "unique_ctr", "Sends clicked at least once / sends opened at least once", "e-mail sends"
    ),
    _dax_rate("human_unique_ctr", "Sends a person clicked / sends a person opened", "e-mail sends"),
    _count("count_customers", "Customers"),
    _count("count_converted_customers", "Customers with a completed order in fct_orders"),
    _count("count_churned_customers", "Customers in lifecycle stage churned"),
    _count("count_orders", "Orders of every status"),
    Column("total_order_amount_eur", "float", "Amount of the orders of every status"),
    Column("total_attributed_amount_eur", "float", "Amount of the orders with a campaign"),
    Column(
        "avg_product_margin_pct",
        "float",
        "Mean margin_pct of the catalogue; NULL in a workspace without products",
        nullable=True,
    ),
    _count("total_budget_eur", "Budget of every campaign", "campaigns"),
    _count("count_sends", "E-mail sends", "e-mail sends"),
    _count("count_opened_sends", "Sends with an open", "e-mail sends"),
    _count("count_clicked_sends", "Sends with a click", "e-mail sends"),
    _count("count_open_events", "Open events", "e-mail sends"),
    _count("count_click_events", "Click events", "e-mail sends"),
    _count("count_human_opened_sends", "Sends a person opened (is_human_opened)", "e-mail sends"),
    _count("count_human_clicked_sends", "Sends a person clicked", "e-mail sends"),
    _count("count_human_open_events", "Open events a person made", "e-mail sends"),
    _count("count_human_click_events", "Click events a person made", "e-mail sends"),
    _count("count_returns", "Returns of every status of the orders in fct_orders", "returns"),
)

ORDER_ATTRIBUTION = gold(
    "order_attribution",
    "One row per order: seed 000's 14-day last-touch attribution recomputed from the e-mail "
    "events, beside the source's attributed_campaign_id.",
    ("order_id",),
    ref("order_id", "fct_orders.order_id", "Order"),
    ref("customer_id", "dim_customer.customer_id", "Customer"),
    *_copy(commerce.ORDERS, "order_at", "status", "total_amount_eur"),
    ref("source_campaign_id", "dim_campaign.campaign_id", "orders.attributed_campaign_id", True),
    ref("campaign_id", "dim_campaign.campaign_id", "Campaign of the last touch", True),
    Column("touch_event_id", "string", "The last open or click in the window", nullable=True),
    Column("touch_type", "string", "open or click", nullable=True, allowed=("open", "click")),
    Column("touch_at", "timestamp", "When the touch happened", nullable=True),
    Column("is_matching_source", "bool", "campaign_id = source_campaign_id (NULLs equal)"),
)

CAMPAIGN_ATTRIBUTION = gold(
    "campaign_attribution",
    "One row per campaign: orders and revenue attributed by the recomputed 14-day last touch "
    "and by the source, the seed's ROI for each, and where the two disagree.",
    ("campaign_id",),
    ref("campaign_id", "dim_campaign.campaign_id", "Campaign"),
    *_copy(marketing.CAMPAIGNS, "campaign_name", "budget_eur"),
    _count("count_attributed_orders", "Orders attributed by the recomputed rule"),
    Column("total_attributed_amount_eur", "float", "Their total_amount_eur (every status)"),
    _rate("roi", "(total_attributed_amount_eur - budget_eur) / budget_eur"),
    _count("count_source_attributed_orders", "Orders the source attributes to the campaign"),
    Column("total_source_attributed_amount_eur", "float", "Their total_amount_eur"),
    _rate("source_roi", "(total_source_attributed_amount_eur - budget_eur) / budget_eur"),
    _count("count_orders_matching", "Orders both attribute to the campaign"),
    _count("count_orders_recomputed_only", "Recomputed here, the source says otherwise"),
    _count("count_orders_source_only", "The source says here, recomputed otherwise"),
)

TABLES: tuple[Table, ...] = (*STAR, KPI_MEASURES, ORDER_ATTRIBUTION, CAMPAIGN_ATTRIBUTION)

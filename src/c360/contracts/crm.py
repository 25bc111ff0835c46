"""Seed 000, CRM: accounts, customers, segments, memberships, interactions, customer profile."""

from __future__ import annotations

from c360.contracts.model import Column, Table, id_pattern

INDUSTRIES = (
    "Technology",
    "Retail",
    "Finance",
    "Healthcare",
    "Manufacturing",
    "Education",
    "Other",
)
TIERS = ("enterprise", "mid_market", "smb")
LOCALES = ("fr_FR", "en_US", "de_DE", "es_ES")
LIFECYCLE_STAGES = ("lead", "prospect", "active", "at_risk", "churned")
CHANNELS = ("email", "phone", "chat", "in_app")
CUSTOMER_COUNTRIES = ("France", "USA", "Germany", "Spain", "UK")
INTERACTION_TYPES = ("support_ticket", "sales_call", "feedback", "onboarding", "complaint")
INTERACTION_TOPICS = ("billing", "technical", "product", "account", "feature", "pricing")
OUTCOMES = ("resolved", "pending", "escalated", "closed")

ACCOUNTS = Table(
    name="crm_accounts",
    seed="000",
    description="B2B company accounts.",
    path="sources/c360/crm_accounts",
    rows_at_scale_1=2_000,
    primary_key=("account_id",),
    columns=(
        Column(
            "account_id", "string", "Unique account id", unique=True, pattern=id_pattern("ACC_", 6)
        ),
        Column("account_name", "string", "Company name"),
        Column("industry", "string", "Business sector", allowed=INDUSTRIES),
        Column("region", "string", "Geographic region", allowed=("EMEA", "Americas", "APAC")),
        Column("tier", "string", "Account tier", allowed=TIERS),
        Column("employee_count", "int", "Number of employees", min_value=1),
        Column("created_at", "timestamp", "When the account was created"),
        Column("status", "string", "Account status", allowed=("active", "inactive")),
        Column("annual_revenue_eur", "int", "Estimated annual revenue (EUR)", min_value=0),
    ),
)

CUSTOMERS = Table(
    name="crm_customers",
    seed="000",
    description="Individual customers and contacts (B2C and B2B).",
    path="sources/c360/crm_customers",
    rows_at_scale_1=20_000,
    primary_key=("customer_id",),
    columns=(
        Column(
            "customer_id",
            "string",
            "Unique customer id",
            unique=True,
            pattern=id_pattern("CUST_", 6),
        ),
        Column(
            "account_id",
            "string",
            "Account of a B2B contact (30% of customers)",
            nullable=True,
            references="crm_accounts.account_id",
        ),
        Column(
            "email",
            "string",
            "Customer email; NULL for a customer who gave none",
            nullable=True,
            unique=True,
        ),
        Column("first_seen_at", "timestamp", "First interaction; never after any interaction"),
        Column(
            "status",
            "string",
            "churned exactly when lifecycle_stage is churned",
            allowed=("active", "churned"),
        ),
        Column("locale", "string", "Language/locale", allowed=LOCALES),
        Column("lifecycle_stage", "string", "Lifecycle stage", allowed=LIFECYCLE_STAGES),
        Column(
            "consent_email",
            "bool",
            "Email marketing consent; NULL when not known, treated as no consent",
            nullable=True,
        ),
        Column(
            "consent_sms",
            "bool",
            "SMS marketing consent; NULL when not known, treated as no consent",
            nullable=True,
        ),
        Column("preferred_channel", "string", "Preferred contact channel", allowed=CHANNELS),
        Column("country", "string", "Country", allowed=CUSTOMER_COUNTRIES),
    ),
)

SEGMENTS = Table(
    name="crm_segments",
    seed="000",
    description="Customer segments used for marketing targeting.",
    path="sources/c360/crm_segments",
    rows_at_scale_1=40,
    scaling="sqrt",
    primary_key=("segment_id",),
    columns=(
        Column(
            "segment_id", "string", "Unique segment id", unique=True, pattern=id_pattern("SEG_", 3)
        ),
        Column("segment_name", "string", "Segment name", unique=True),
        Column("description", "string", "Criteria in words"),
        Column("created_at", "timestamp", "When the segment was created"),
        Column("is_active", "bool", "Is the segment in use"),
    ),
)

CUSTOMER_SEGMENTS = Table(
    name="crm_customer_segments",
    seed="000",
    description="Customer-segment memberships (2 to 5 per customer).",
    path="sources/c360/crm_customer_segments",
    rows_at_scale_1=61_000,
    primary_key=("customer_id", "segment_id"),
    columns=(
        Column("customer_id", "string", "Member", references="crm_customers.customer_id"),
        Column("segment_id", "string", "Segment", references="crm_segments.segment_id"),
        Column("start_date", "timestamp", "Entry into the segment"),
        Column(
            "end_date", "timestamp", "Exit from the segment; null while a member", nullable=True
        ),
    ),
)

INTERACTIONS = Table(
    name="crm_interactions",
    seed="000",
    description="CRM interactions: tickets, calls, feedback.",
    path="sources/c360/crm_interactions",
    rows_at_scale_1=80_000,
    primary_key=("interaction_id",),
    columns=(
        Column(
            "interaction_id",
            "string",
            "Unique interaction id",
            unique=True,
            pattern=id_pattern("INT_", 8),
        ),
        Column("customer_id", "string", "Customer", references="crm_customers.customer_id"),
        Column("type", "string", "Interaction type", allowed=INTERACTION_TYPES),
        Column("channel", "string", "Channel used", allowed=CHANNELS),
        Column("occurred_at", "timestamp", "When it happened"),
        Column("topic", "string", "Subject", allowed=INTERACTION_TOPICS),
        Column("outcome", "string", "Result", allowed=OUTCOMES),
        Column(
            "satisfaction_score", "int", "Satisfaction 1-5", nullable=True, min_value=1, max_value=5
        ),
        Column("duration_min", "int", "Duration in minutes", nullable=True, min_value=1),
    ),
)

CUSTOMER_PROFILE = Table(
    name="crm_customer_profile",
    seed="000",
    description="Enriched customer profile; its totals summarise the orders, events and "
    "interactions tables exactly.",
    path="sources/c360/crm_customer_profile",
    rows_at_scale_1=20_000,
    primary_key=("customer_id",),
    columns=(
        Column(
            "customer_id", "string", "Customer", unique=True, references="crm_customers.customer_id"
        ),
        Column("churn_risk_score", "int", "Churn risk 0-100", min_value=0, max_value=100),
        Column(
            "clv_score",
            "float",
            "total_spend_eur x average margin of the products bought",
            min_value=0,
        ),
        Column("nps_last", "int", "Last NPS answer 0-10", min_value=0, max_value=10),
        Column("last_contact_at", "timestamp", "Latest interaction occurred_at", nullable=True),
        Column("total_interactions", "int", "Number of interactions", min_value=0),
        Column("total_orders", "int", "Number of completed orders", min_value=0),
        Column(
            "total_spend_eur", "float", "Sum of total_amount_eur of completed orders", min_value=0
        ),
        Column(
            "avg_order_value_eur",
            "float",
            "total_spend_eur / total_orders (0 without orders)",
            min_value=0,
        ),
        Column(
            "open_rate_pct",
            "float",
            "Share of the customer's sends opened at least once (0-1)",
            min_value=0,
            max_value=1,
        ),
        Column(
            "click_rate_pct",
            "float",
            "Share of the customer's sends clicked at least once (0-1)",
            min_value=0,
            max_value=1,
        ),
    ),
)

TABLES = (ACCOUNTS, CUSTOMERS, SEGMENTS, CUSTOMER_SEGMENTS, INTERACTIONS, CUSTOMER_PROFILE)

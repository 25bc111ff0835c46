"""Seed 004, MongoDB ``bronze_db``: customers, transactions and campaigns as raw documents.

One MongoDB extended-JSON document per line. Many errors and missing values are always present
and each one is listed in ``truth/defects.csv``: a missing value is a key absent from the
document, and a wrongly typed value is a JSON string where a number, boolean or date belongs.
Columns whose raw values mix types are declared as text; their descriptions list the shapes.
"""

from __future__ import annotations

from c360.contracts.crm import CUSTOMER_COUNTRIES
from c360.contracts.model import Column, Table, id_pattern

GENDERS = ("M", "F")
CAMPAIGN_STATUSES = ("scheduled", "active", "paused", "completed")
ISO_DATE_PATTERN = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"
E164_PATTERN = r"\+\d{8,15}"

_OBJECT_ID = Column(
    "_id",
    "string",
    'MongoDB ObjectId, {"$oid": "<24 hex>"} in the file; unique per document '
    "(duplicated records have their own _id), derived from the seed and the line number",
    unique=True,
    pattern=r"[0-9a-f]{24}",
)

CUSTOMERS = Table(
    name="mongo_customers",
    seed="004",
    description="Marketing contacts (a quarter of the seed-000 people), collection customers.",
    path="sources/marketing/customers.jsonl",
    file_format="mongo_jsonl",
    rows_at_scale_1=5_000,
    primary_key=("customer_id",),
    columns=(
        _OBJECT_ID,
        Column(
            "customer_id",
            "string",
            "CUST and 5 digits (more at large scales)",
            unique=True,
            pattern=id_pattern("CUST", 5),
        ),
        Column(
            "first_name", "string", "First name; raw: missing (NULL) or mis-encoded", nullable=True
        ),
        Column(
            "last_name", "string", "Last name; raw: missing (NULL) or mis-encoded", nullable=True
        ),
        Column(
            "email",
            "string",
            "E-mail; raw: missing or malformed (the contact stays without one)",
            nullable=True,
        ),
        Column(
            "phone",
            "string",
            "E.164 mobile number; raw: missing or malformed ('n/a', too short, letters): the "
            "contact stays without one",
            nullable=True,
            pattern=E164_PATTERN,
        ),
        Column(
            "age",
            "string",
            "Age in years, a JSON integer from 18 to 80 (text here: raw "
            "values are missing, out of range such as -3 or 212, or strings such as "
            "'thirty-five' and '35 ans'); NULL when missing, unreadable or outside 13-110",
            nullable=True,
            pattern=r"[1-9]\d",
        ),
        Column(
            "country",
            "string",
            "Country name; raw: missing or spelled otherwise (FR, 'france ', Deutschland). "
            "NULL when missing or naming no country silver knows",
            nullable=True,
            allowed=CUSTOMER_COUNTRIES,
        ),
        Column("city", "string", "City; raw: missing (NULL)", nullable=True),
        Column(
            "gender",
            "string",
            "M or F; raw: missing or variants (male, Femme, f, H). U (unknown) in silver when "
            "missing or of no known spelling",
            allowed=(*GENDERS, "U"),
        ),
        Column(
            "marketing_consent",
            "string",
            "A JSON boolean (text here: raw values are "
            "missing, or strings such as 'yes', 'Y', 'non')",
        ),
    ),
    notes=("Mixed-type columns are text: the canonical text of a typed JSON value (true, 35).",),
)

TRANSACTIONS = Table(
    name="mongo_transactions",
    seed="004",
    description="Purchases of the marketing contacts, 2023-2025, collection transactions.",
    path="sources/marketing/transactions.jsonl",
    file_format="mongo_jsonl",
    rows_at_scale_1=15_000,
    primary_key=("transaction_id",),
    columns=(
        _OBJECT_ID,
        Column(
            "transaction_id",
            "string",
            "TXN and 5 digits (more at large scales)",
            unique=True,
            pattern=id_pattern("TXN", 5),
        ),
        Column(
            "customer_id",
            "string",
            "Buyer; raw: missing or orphan",
            references="mongo_customers.customer_id",
        ),
        Column("product", "string", "Product name (Laptop, Sneakers...); raw: missing"),
        Column(
            "amount",
            "string",
            "Unit price x quantity (EUR), a JSON number (text here: raw "
            "values are negative, or strings with a decimal comma such as '12,50')",
        ),
        Column("quantity", "int", "Units, 1-5; raw: 0 or negative", min_value=1),
        Column("payment_method", "string", "Card, PayPal, Bank Transfer...; raw: missing"),
        Column(
            "discount_applied", "float", "Discount (EUR), 0 for most; raw: missing", min_value=0
        ),
        Column(
            "shipping_cost", "float", "Shipping (EUR), 0 above 50 EUR; raw: missing", min_value=0
        ),
        Column(
            "timestamp",
            "string",
            'A BSON date ({"$date": "YYYY-MM-DDTHH:MM:SSZ"}); raw: '
            "decades ahead, or a string holding an impossible date",
            pattern=ISO_DATE_PATTERN,
        ),
    ),
    notes=("Near duplicates repeat a transaction_id a few seconds later.",),
)

CAMPAIGNS = Table(
    name="mongo_campaigns",
    seed="004",
    description="Marketing campaigns of every channel, collection campaigns. Zero impressions, "
    "clicks, conversions or budget are legitimate (scheduled, poor or organic campaigns) and "
    "make the seed's KPI divisions by zero occur; clicks above impressions are defects.",
    path="sources/marketing/campaigns.jsonl",
    file_format="mongo_jsonl",
    rows_at_scale_1=200,
    scaling="sqrt",
    primary_key=("campaign_id",),
    columns=(
        _OBJECT_ID,
        Column(
            "campaign_id",
            "string",
            "CAMP and 3 digits (more at large scales)",
            unique=True,
            pattern=id_pattern("CAMP", 3),
        ),
        Column("campaign_name", "string", "Theme and year; raw: missing"),
        Column(
            "campaign_type", "string", "Channel (Email, Social Media, Display...); raw: missing"
        ),
        Column(
            "budget",
            "float",
            "Budget (EUR); 0 for organic campaigns; raw: missing. NULL when missing or "
            "unreadable ('Using ad set budget'): unknown, not 0; the campaign stays",
            nullable=True,
            min_value=0,
        ),
        Column(
            "spend",
            "float",
            "Spent so far (EUR), 0 before launch; raw: negative. NULL when missing",
            nullable=True,
            min_value=0,
        ),
        Column(
            "impressions",
            "int",
            "Impressions; 0 before launch. NULL when missing",
            nullable=True,
            min_value=0,
        ),
        Column(
            "clicks",
            "int",
            "Clicks, at most the impressions; raw: above them. NULL when missing",
            nullable=True,
            min_value=0,
        ),
        Column(
            "conversions",
            "int",
            "Conversions, at most the clicks; raw: above them. NULL when missing",
            nullable=True,
            min_value=0,
        ),
        Column(
            "start_date",
            "string",
            'A BSON date ({"$date": ...}); scheduled campaigns start '
            "in early 2026; raw: missing or a string holding an impossible date. NULL when "
            "missing, unreadable or before 1990: the campaign stays",
            nullable=True,
            pattern=ISO_DATE_PATTERN,
        ),
        Column(
            "status",
            "string",
            "scheduled, active, paused or completed; NULL when missing or another value",
            nullable=True,
            allowed=CAMPAIGN_STATUSES,
        ),
    ),
    notes=("Near duplicates repeat a campaign_id with another spend.",),
)

TABLES = (CUSTOMERS, TRANSACTIONS, CAMPAIGNS)

"""Seed 003, the e-commerce platform: orders, customers, products and inventory as exported.

The same people as seed 000 (customer ids are their CRM ids) and the same catalogue, handed over
raw: a few percent of every kind of defect the seed's cleaning phase expects are always present,
and each one is listed in ``truth/defects.csv``.
"""

from __future__ import annotations

from c360.contracts.commerce import CATEGORIES
from c360.contracts.crm import CUSTOMER_COUNTRIES
from c360.contracts.model import Column, Table, id_pattern

LOYALTY_TIERS = ("bronze", "silver", "gold", "platinum")
# The generated data's warehouses; a shop's own ("Paris Warehouse") are warehouses too.
WAREHOUSES = ("WH-PAR", "WH-BER", "WH-MAD", "WH-LON", "WH-NYC")
DATE_PATTERN = r"\d{4}-\d{2}-\d{2}"
DATETIME_PATTERN = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"

ORDERS = Table(
    name="ecommerce_orders",
    seed="003",
    description="Online order lines, one per order and product, as a shop exports them: an "
    "order of several products repeats its order_id on each line (web and app orders of seed "
    "000, 2023-2025).",
    path="sources/ecommerce/orders.csv",
    file_format="csv",
    rows_at_scale_1=30_000,
    primary_key=("order_id", "product_id"),
    columns=(
        Column(
            "order_id",
            "string",
            "Order id, EC- and 7 digits; the same on each line of an order",
            pattern=id_pattern("EC-", 7),
        ),
        Column(
            "customer_id",
            "string",
            "Buyer (their seed-000 CRM id); raw: a few empty, a few orphans",
            references="ecommerce_customers.customer_id",
        ),
        Column(
            "product_id",
            "string",
            "Product of the line; raw: a few orphans",
            references="ecommerce_products.product_id",
        ),
        Column(
            "quantity",
            "int",
            "Units ordered, mostly 1-3; raw: a few empty, 0 or negative",
            min_value=1,
        ),
        Column(
            "order_date",
            "string",
            "YYYY-MM-DD HH:MM:SS (text: raw rows hold impossible "
            "dates such as 2024-02-30 or 'unknown', and dates decades ahead)",
            pattern=DATETIME_PATTERN,
        ),
        Column(
            "shipping_address",
            "string",
            "Street, postcode and city, country; raw: a few empty (filled from another "
            "line of the order where one has it, else NULL: the order stands) or "
            "mis-encoded (UTF-8 read as Latin-1)",
            nullable=True,
        ),
    ),
    notes=(
        "A line repeating an order_id and product_id is a duplicate: exact and near duplicates "
        "(same order_id and product_id, another quantity) sit close to their original.",
    ),
)

CUSTOMERS = Table(
    name="ecommerce_customers",
    seed="003",
    description="Registered shop customers (about half of the seed-000 people), one JSON array.",
    path="sources/ecommerce/customers.json",
    file_format="json",
    rows_at_scale_1=10_000,
    primary_key=("customer_id",),
    columns=(
        Column(
            "customer_id",
            "string",
            "The person's seed-000 id (crm_customers.customer_id)",
            unique=True,
            pattern=id_pattern("CUST_", 6),
        ),
        Column(
            "name",
            "string",
            "First and last name; raw: a few mis-encoded. Silver repairs it, trims it and "
            "title-cases it when written all in upper or all in lower case",
        ),
        Column(
            "email",
            "string",
            "E-mail; raw: a few missing or malformed (the customer stays without one)",
            nullable=True,
        ),
        Column(
            "city",
            "string",
            "City; raw: a few missing (NULL) or mis-encoded. Silver cleans it as the name",
            nullable=True,
        ),
        Column(
            "country",
            "string",
            "Country name; raw: other spellings (FR, fra, 'france '). NULL when missing or "
            "naming no country silver knows",
            nullable=True,
            allowed=CUSTOMER_COUNTRIES,
        ),
        Column(
            "registration_date",
            "string",
            "YYYY-MM-DD, before the first order (text: raw rows hold impossible and future dates, "
            "or none). NULL when missing, unreadable, in the future or before 1990",
            nullable=True,
            pattern=DATE_PATTERN,
        ),
        Column(
            "loyalty_tier",
            "string",
            "Tier, higher for bigger spenders; raw: a few missing (silver: bronze). NULL when "
            "silver does not know the tier",
            nullable=True,
            allowed=LOYALTY_TIERS,
        ),
    ),
    notes=(
        "A missing value is a key left out of the JSON object.",
        "Near duplicates repeat a customer_id with another loyalty_tier.",
    ),
)

PRODUCTS = Table(
    name="ecommerce_products",
    seed="003",
    description="The seed-000 catalogue with its cost price, a folder of Parquet parts.",
    path="sources/ecommerce/products.parquet",
    file_format="parquet_dir",
    rows_at_scale_1=150,
    scaling="sqrt",
    primary_key=("product_id",),
    columns=(
        Column(
            "product_id",
            "string",
            "products.product_id of seed 000",
            unique=True,
            pattern=id_pattern("PROD_", 5),
        ),
        Column(
            "name",
            "string",
            "Product name; raw: a few mis-encoded. NULL when missing",
            nullable=True,
        ),
        Column(
            "category",
            "string",
            "Category, any the shop uses (no closed list; generated data holds the catalogue's "
            f"{', '.join(CATEGORIES)}). Silver keeps it trimmed, its white space made one, the "
            "catalogue's spelt as the catalogue spells them ('home and garden' → 'Home & "
            "Garden'); 'Unknown' when missing",
        ),
        Column("brand", "string", "Brand; raw: a few missing"),
        Column("price", "float", "Unit price (EUR); raw: a few negative", min_value=0.01),
        Column(
            "cost",
            "float",
            "Cost price (EUR): price x (1 - margin); raw: a few missing (NULL: the product "
            "stays, its margin unknown)",
            nullable=True,
            min_value=0,
        ),
    ),
    notes=("Near duplicates repeat a product_id with another price.",),
)

INVENTORY = Table(
    name="ecommerce_inventory",
    seed="003",
    description="Weekly stock snapshots (Mondays, last 12 weeks of 2025) of each product in four "
    "of the five warehouses; 0 means out of stock.",
    path="sources/ecommerce/inventory.csv",
    file_format="csv",
    rows_at_scale_1=7_200,
    scaling="sqrt",
    primary_key=("product_id", "warehouse_id", "last_updated"),
    columns=(
        Column(
            "product_id",
            "string",
            "Product; raw: a few orphans",
            references="ecommerce_products.product_id",
        ),
        Column(
            "warehouse_id",
            "string",
            "Warehouse id, any the shop uses (no closed list; generated data holds "
            f"{', '.join(WAREHOUSES)}). Silver keeps it trimmed, the generated five spelt so "
            "whatever their case, spaces, hyphens or underscores (' wh_par ' → 'WH-PAR')",
        ),
        Column(
            "stock_quantity",
            "int",
            "Units on hand (0 = out of stock); raw: a few missing or negative",
            min_value=0,
        ),
        Column(
            "last_updated",
            "string",
            "Snapshot time YYYY-MM-DD HH:MM:SS (text: raw rows hold impossible and future dates)",
            pattern=DATETIME_PATTERN,
        ),
    ),
    notes=("Near duplicates repeat a snapshot with another stock_quantity.",),
)

TABLES = (ORDERS, CUSTOMERS, PRODUCTS, INVENTORY)

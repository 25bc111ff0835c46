"""Gold contracts of seed 003: facts, dimensions, aggregates, CLV, RFM, stock.

Amounts are in EUR (the catalogue's currency). An order line whose product was rejected in
silver has no trustworthy price: it keeps its units, its money columns are NULL, and sums of
money skip it: a group none of whose lines has a known price (cost) has NULL revenue (margin),
not 0. An order whose customer's row was rejected keeps its customer: the customer
dimension holds an inferred member for them, and CLV and RFM count them like any buyer. A
product silver rejected that a line or a stock-out names is an inferred member of the product
dimension likewise. The aggregates and marts are computed on the catalogue silver kept, before
those members are added: such a product's lines count with NULL money (category 'Unknown' in
the daily sales), it ranks without a name, and stock rotation, per catalogue product, leaves it
out.
"""

from __future__ import annotations

from c360.contracts.gold_star import dimension, person
from c360.contracts.model import Column, Table, gold_table

_DIM_PRODUCT_ID = "dim_ecommerce_product.product_id"

RFM_SEGMENTS = (
    "Champions",
    "At Risk",
    "Loyal Customers",
    "Lost",
    "Hibernating",
    "About to Sleep",
    "Need Attention",
    "New Customers",
    "Promising",
    "Potential Loyalists",
    "Never Purchased",
)


def gold(
    name: str,
    description: str,
    key: tuple[str, ...],
    *columns: Column,
    partition_by: tuple[str, ...] = (),
) -> Table:
    """A seed-003 gold table published to ``lake/gold/<name>``."""
    return gold_table("003", name, description, key, *columns, partition_by=partition_by)


def eur(name: str, description: str, nullable: bool = False) -> Column:
    return Column(name, "float", description, nullable=nullable)


def customer_id(unique: bool = False) -> Column:
    return Column(
        "customer_id",
        "string",
        "Customer (their CRM id)",
        unique=unique,
        references="dim_ecommerce_customer.customer_id",
    )


# A product silver rejected is an inferred member of dim_ecommerce_product (see gold_star's
# ``dimension``): every table naming a product references it.
PRODUCT_ID = Column("product_id", "string", "Product", references=_DIM_PRODUCT_ID)
ORDER_ID = Column("order_id", "string", "Order; the same on each of its lines")
LINE_KEY = ("order_id", "product_id")  # an order line: one product of an order
PRODUCT_NAME = Column("product_name", "string", "Product name", nullable=True)
CATEGORY = Column(
    "category",
    "string",
    "Product category as the shop writes it ('Unknown' when the product has none); NULL if "
    "not in the catalogue",
    nullable=True,
)

DIM_ECOMMERCE_CUSTOMER = dimension(
    "dim_ecommerce_customer",
    "The shop's customers, one row each, with the seed's is_premium_customer indicator.",
    "customer_id",
    Column("customer_id", "string", "Customer (their CRM id)", unique=True),
    person(),
    Column("name", "string", "Full name ('Unknown' when missing)"),
    Column("email_hash", "string", "Pseudonymised deliverable e-mail", nullable=True),
    Column("has_valid_email", "bool", "The source e-mail was deliverable"),
    Column("city", "string", "City", nullable=True),
    Column("country", "string", "ISO 3166-1 alpha-2 country", nullable=True),
    Column("registration_date", "date", "Registration; NULL when invalid", nullable=True),
    Column(
        "loyalty_tier",
        "string",
        "bronze, silver, gold or platinum; NULL when unknown",
        nullable=True,
        allowed=("bronze", "silver", "gold", "platinum"),
    ),
    Column("is_premium_customer", "bool", "Loyalty tier gold or platinum"),
    seed="003",
)

DIM_ECOMMERCE_PRODUCT = dimension(
    "dim_ecommerce_product",
    "The catalogue, one row per product, with its current stock and the seed's low_stock "
    "indicator (NULL for every product when the shop has no stock source, ecommerce_inventory).",
    "product_id",
    Column("product_id", "string", "Product", unique=True),
    Column("name", "string", "Product name", nullable=True),
    Column("category", "string", "Category as the shop writes it ('Unknown' when missing)"),
    Column("brand", "string", "Brand ('Unknown' when missing)"),
    eur("unit_price_eur", "Selling price"),
    eur("unit_cost_eur", "Cost price; NULL when missing", nullable=True),
    eur("unit_margin_eur", "unit_price_eur - unit_cost_eur", nullable=True),
    Column(
        "current_stock_units",
        "int",
        "Sum over warehouses of each one's latest snapshot; NULL without snapshots or stock source",
        nullable=True,
    ),
    Column(
        "average_stock_units",
        "float",
        "Sum over warehouses of the mean of their snapshots, to 0.001; NULL without snapshots "
        "or stock source",
        nullable=True,
    ),
    Column(
        "is_low_stock",
        "bool",
        "The seed's low_stock: current_stock_units <= half of average_stock_units; NULL without "
        "snapshots or stock source",
        nullable=True,
    ),
    seed="003",
)

_LINE_COLUMNS = (
    ORDER_ID,
    customer_id(),
    person(),
    Column(
        "product_id",
        "string",
        "Product; an inferred member of dim_ecommerce_product when silver rejected it (then "
        "the money columns are NULL)",
        references=_DIM_PRODUCT_ID,
    ),
    Column("order_at", "timestamp", "When the order was placed (UTC)"),
    Column("order_date", "date", "Day of order_at"),
    Column("quantity", "int", "Units ordered (> 0)", min_value=1),
    eur("unit_price_eur", "Product's selling price", nullable=True),
    eur("revenue_eur", "quantity x unit_price_eur (the seed's montant total)", nullable=True),
    eur("cost_eur", "quantity x the product's cost price", nullable=True),
    eur(
        "margin_eur", "revenue_eur - cost_eur (the seed's marge: the line's profit)", nullable=True
    ),
)

FCT_ECOMMERCE_SALES = gold(
    "fct_ecommerce_sales",
    "The seed's fact table: one row per order line (an order's product) with its unit price, "
    "revenue, cost and margin.",
    LINE_KEY,
    *_LINE_COLUMNS,
)

ORDERS_ENRICHED = gold(
    "orders_enriched",
    "Order lines joined to their product and customer (the seed's data-lake 'orders enrichis').",
    LINE_KEY,
    *_LINE_COLUMNS,
    Column("year", "int", "Year of order_at (partition)"),
    Column("month", "int", "Month of order_at, 1-12 (partition)", min_value=1, max_value=12),
    PRODUCT_NAME,
    CATEGORY,
    Column("brand", "string", "Product brand; NULL if not in the catalogue", nullable=True),
    Column(
        "is_low_stock",
        "bool",
        "The product is low on stock now (dim_ecommerce_product); NULL when its stock is not known",
        nullable=True,
    ),
    Column(
        "customer_name",
        "string",
        "Customer's full name; NULL when silver rejected the customer's row",
        nullable=True,
    ),
    Column("country", "string", "Customer's country", nullable=True),
    Column("loyalty_tier", "string", "Customer's loyalty tier", nullable=True),
    Column(
        "is_premium_customer", "bool", "Customer's tier is gold or platinum (unknown tier: false)"
    ),
    Column("shipping_address", "string", "Shipping address", nullable=True),
    partition_by=("year", "month"),
)

_SALES_MEASURES = (
    Column(
        "count_orders", "int", "Distinct orders with a line in the group (an order counts once)"
    ),
    Column("total_units", "int", "Units sold"),
    eur(
        "total_revenue_eur",
        "Sum of revenue_eur (priced lines only), to the cent; NULL when no line has a price",
        nullable=True,
    ),
    eur(
        "total_margin_eur",
        "Sum of margin_eur (lines with a known cost), to the cent; NULL when no line has a cost",
        nullable=True,
    ),
)

AGG_ECOMMERCE_DAILY_SALES = gold(
    "agg_ecommerce_daily_sales",
    "The seed's daily sales: one row per day and product category with sales.",
    ("order_date", "category"),
    Column("order_date", "date", "Day"),
    Column(
        "category",
        "string",
        "Product category as the shop writes it ('Unknown' for products not in the catalogue "
        "or without one)",
    ),
    *_SALES_MEASURES,
)

AGG_ECOMMERCE_MONTHLY_SALES = gold(
    "agg_ecommerce_monthly_sales",
    "The seed's monthly sales and KPIs (revenue, margin, average basket), one row per month.",
    ("year", "month"),
    Column("year", "int", "Year"),
    Column("month", "int", "Month, 1-12", min_value=1, max_value=12),
    *_SALES_MEASURES,
    Column("count_customers", "int", "Distinct buyers"),
    eur(
        "average_basket_eur",
        "total_revenue_eur / orders with a known price (the seed's panier moyen); NULL when no "
        "order of the month has one",
        nullable=True,
    ),
)


def _product_ranking(
    name: str, description: str, rank: str, rank_description: str, product: Column
) -> Table:
    return gold(
        name,
        description,
        (rank,),
        Column(rank, "int", rank_description, unique=True, min_value=1, max_value=10),
        product,
        PRODUCT_NAME,
        CATEGORY,
        Column("count_orders", "int", "Distinct orders holding the product"),
        Column("total_units", "int", "Units sold"),
        eur(
            "total_revenue_eur",
            "Revenue, to the cent; NULL when the price is unknown (silver rejected the product)",
            nullable=True,
        ),
        eur(
            "total_margin_eur", "Margin, to the cent; NULL when the cost is unknown", nullable=True
        ),
    )


MART_ECOMMERCE_TOP_PRODUCTS = _product_ranking(
    "mart_ecommerce_top_products",
    "The seed's 10 best-sellers: products ranked by units sold over the whole history.",
    "units_rank",
    "1 = most units sold; ties by more revenue (unknown revenue last), then product_id",
    # A best-seller silver rejected from the catalogue still ranks, as in fct_ecommerce_sales.
    Column(
        "product_id",
        "string",
        "Product; an inferred member of dim_ecommerce_product when silver rejected it",
        unique=True,
        references=_DIM_PRODUCT_ID,
    ),
)

MART_ECOMMERCE_MOST_PROFITABLE_PRODUCTS = _product_ranking(
    "mart_ecommerce_most_profitable_products",
    "The seed's 'produits les plus rentables': the 10 products with the highest total margin "
    "(products of unknown cost are not ranked).",
    "margin_rank",
    "1 = highest margin; ties by more revenue, then product_id",
    Column("product_id", "string", "Product", unique=True, references=_DIM_PRODUCT_ID),
)

MART_ECOMMERCE_CUSTOMER_LIFETIME_VALUE = gold(
    "mart_ecommerce_customer_lifetime_value",
    "The seed's CLV per customer: panier moyen x fréquence d'achat x durée de vie client. "
    "A customer without orders has CLV 0; a buyer of unpriced products only has none (NULL).",
    ("customer_id",),
    customer_id(unique=True),
    Column("count_orders", "int", "Distinct orders placed"),
    eur(
        "total_revenue_eur",
        "Revenue of the customer's priced lines, to the cent; 0 without orders, NULL when no "
        "line of theirs has a price",
        nullable=True,
    ),
    Column("first_order_date", "date", "First order; NULL without orders", nullable=True),
    Column("last_order_date", "date", "Latest order; NULL without orders", nullable=True),
    eur(
        "average_basket_eur",
        "Panier moyen: total_revenue_eur / the orders with a known price (a product silver "
        "rejected has none); NULL without such orders",
        nullable=True,
    ),
    Column(
        "purchase_frequency_per_year",
        "float",
        "Fréquence d'achat: count_orders / years "
        "from the first order to the reference date (at least 1 year)",
    ),
    Column(
        "customer_lifespan_years",
        "float",
        "Durée de vie client: the buyers' average "
        "years between first and latest order (the same for everyone)",
    ),
    eur(
        "clv_eur",
        "average_basket_eur x purchase_frequency_per_year x customer_lifespan_years, to the "
        "cent; 0 without orders, NULL when average_basket_eur is (no line has a price)",
        nullable=True,
    ),
)

MART_ECOMMERCE_RFM = gold(
    "mart_ecommerce_rfm",
    "The seed's RFM segmentation: every customer's recency, frequency, monetary value, their "
    "1-5 quintile scores among buyers (M among those of known monetary value), and one segment.",
    ("customer_id",),
    customer_id(unique=True),
    Column(
        "recency_days",
        "int",
        "Days from the latest order to the reference date (the "
        "latest order date in the data); NULL without orders",
        nullable=True,
    ),
    Column("frequency", "int", "Distinct orders placed"),
    eur(
        "monetary_eur",
        "Revenue of the customer's priced lines, to the cent; 0 without orders, NULL when no "
        "line of theirs has a price",
        nullable=True,
    ),
    *(
        Column(
            f"{k}_score",
            "int",
            f"{label} quintile among buyers{among}, 1-5 (5 = best; equal values "
            f"share a score); NULL without {without}",
            nullable=True,
            min_value=1,
            max_value=5,
        )
        for k, label, among, without in (
            ("r", "Recency", "", "orders"),
            ("f", "Frequency", "", "orders"),
            ("m", "Monetary", " of known monetary_eur", "orders or with a NULL monetary_eur"),
        )
    ),
    Column(
        "rfm_segment",
        "string",
        "First matching rule of SEGMENT_RULES (pipeline/gold/ecommerce_customers.py), a NULL "
        "m_score matching only the rules that accept any M (all but Champions); "
        "'Never Purchased' without orders",
        allowed=RFM_SEGMENTS,
    ),
)

MART_ECOMMERCE_STOCKOUTS = gold(
    "mart_ecommerce_stockouts",
    "The seed's stock-outs: product and warehouse pairs whose latest snapshot shows 0 units.",
    ("product_id", "warehouse_id"),
    PRODUCT_ID,
    Column("warehouse_id", "string", "Warehouse"),
    PRODUCT_NAME,
    CATEGORY,
    Column("last_updated_at", "timestamp", "The latest snapshot (the one at 0)"),
    Column(
        "last_in_stock_at",
        "timestamp",
        "The latest snapshot with stock; NULL if none",
        nullable=True,
    ),
)

MART_ECOMMERCE_STOCK_ROTATION = gold(
    "mart_ecommerce_stock_rotation",
    "The seed's stock rotation per catalogue product: units sold / average stock, over the "
    "days the stock snapshots cover.",
    ("product_id",),
    Column(
        "product_id",
        "string",
        "Product",
        unique=True,
        references=_DIM_PRODUCT_ID,
    ),
    PRODUCT_NAME,
    Column("category", "string", "Product category"),
    Column("period_start_date", "date", "Day of the first snapshot (any product)", nullable=True),
    Column("period_end_date", "date", "Day of the latest snapshot (any product)", nullable=True),
    Column("units_sold", "int", "Units ordered during the period"),
    Column(
        "average_stock_units",
        "float",
        "The product's average stock (dim_ecommerce_product); NULL without snapshots",
        nullable=True,
    ),
    Column(
        "stock_rotation",
        "float",
        "units_sold / average_stock_units, to 0.001; NULL without stock",
        nullable=True,
    ),
)

TABLES: tuple[Table, ...] = (
    DIM_ECOMMERCE_CUSTOMER,
    DIM_ECOMMERCE_PRODUCT,
    FCT_ECOMMERCE_SALES,
    ORDERS_ENRICHED,
    AGG_ECOMMERCE_DAILY_SALES,
    AGG_ECOMMERCE_MONTHLY_SALES,
    MART_ECOMMERCE_TOP_PRODUCTS,
    MART_ECOMMERCE_MOST_PROFITABLE_PRODUCTS,
    MART_ECOMMERCE_CUSTOMER_LIFETIME_VALUE,
    MART_ECOMMERCE_RFM,
    MART_ECOMMERCE_STOCKOUTS,
    MART_ECOMMERCE_STOCK_ROTATION,
)

"""Seed 000, commerce: products, orders, order lines and returns."""

from __future__ import annotations

from c360.contracts.model import Column, Table, id_pattern

CATEGORIES = ("Electronics", "Clothing", "Home & Garden", "Sports", "Books", "Beauty", "Food")
ORDER_CHANNELS = ("web", "mobile_app", "in_store", "phone")
ORDER_STATUSES = ("completed", "pending", "canceled")
RETURN_REASONS = ("defective", "wrong_item", "not_as_described", "changed_mind", "other")

PRODUCTS = Table(
    name="products",
    seed="000",
    description="Product catalogue.",
    path="sources/c360/products",
    rows_at_scale_1=150,
    scaling="sqrt",
    primary_key=("product_id",),
    columns=(
        Column(
            "product_id", "string", "Unique product id", unique=True, pattern=id_pattern("PROD_", 5)
        ),
        Column("product_name", "string", "Product name"),
        Column("category", "string", "Category", allowed=CATEGORIES),
        Column("brand", "string", "Brand"),
        Column("price_eur", "float", "Unit price (EUR)", min_value=0.01),
        Column("margin_pct", "float", "Margin (0-1)", min_value=0, max_value=1),
        Column("sku", "string", "Stock keeping unit", unique=True),
        Column("in_stock", "bool", "In stock"),
    ),
)

ORDERS = Table(
    name="orders",
    seed="000",
    description="Customer orders.",
    path="sources/c360/orders",
    rows_at_scale_1=60_000,
    primary_key=("order_id",),
    columns=(
        Column("order_id", "string", "Unique order id", unique=True, pattern=id_pattern("ORD_", 7)),
        Column("customer_id", "string", "Customer", references="crm_customers.customer_id"),
        Column("order_at", "timestamp", "Order time"),
        Column("channel", "string", "Purchase channel", allowed=ORDER_CHANNELS),
        Column(
            "total_amount_eur",
            "float",
            "The order's total as the source states it, the sum of its line_total_eur there: "
            "lines silver quarantines still count in it",
            min_value=0,
        ),
        Column("promo_code", "string", "Promo code used", nullable=True),
        Column(
            "attributed_campaign_id",
            "string",
            "Campaign of the customer's last open or click in the 14 days before the order",
            nullable=True,
            references="marketing_campaigns.campaign_id",
        ),
        Column("status", "string", "Order status", allowed=ORDER_STATUSES),
    ),
)

ORDER_LINES = Table(
    name="order_lines",
    seed="000",
    description="Order lines (about 3 per order).",
    path="sources/c360/order_lines",
    rows_at_scale_1=180_000,
    primary_key=("order_line_id",),
    columns=(
        Column(
            "order_line_id", "string", "Unique line id", unique=True, pattern=id_pattern("LINE_", 8)
        ),
        Column("order_id", "string", "Order", references="orders.order_id"),
        Column("product_id", "string", "Product", references="products.product_id"),
        Column("qty", "int", "Quantity", min_value=1),
        Column("unit_price_eur", "float", "Unit price (EUR)", min_value=0),
        Column("discount_eur", "float", "Discount (EUR)", min_value=0),
        Column("line_total_eur", "float", "unit_price_eur x qty - discount_eur", min_value=0),
    ),
)

RETURNS = Table(
    name="returns",
    seed="000",
    description="Returns of completed orders; a refund never exceeds the order total.",
    path="sources/c360/returns",
    rows_at_scale_1=10_000,
    primary_key=("return_id",),
    columns=(
        Column(
            "return_id", "string", "Unique return id", unique=True, pattern=id_pattern("RET_", 6)
        ),
        Column("order_id", "string", "Returned order", references="orders.order_id"),
        Column(
            "customer_id", "string", "The order's customer", references="crm_customers.customer_id"
        ),
        Column("created_at", "timestamp", "When the return was opened, after the order"),
        Column("reason", "string", "Reason", allowed=RETURN_REASONS),
        Column("amount_refunded_eur", "float", "Refunded amount (0 when rejected)", min_value=0),
        Column("status", "string", "Return status", allowed=("approved", "pending", "rejected")),
    ),
)

TABLES = (PRODUCTS, ORDERS, ORDER_LINES, RETURNS)

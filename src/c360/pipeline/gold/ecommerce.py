"""Seed 003's warehouse and data lake: dimensions, the sales fact, enriched orders, aggregates.

An order line whose product silver rejected keeps its units but has no price: its money columns
are NULL and money sums skip it; a group with no line of known money has NULL money, not 0 (it
was not given away). Sums of money are added as whole numbers and rounded to the cent
(``rounding.exact_sum``), so the order in which an engine adds them up changes no published value
and no ranking.
"""

from __future__ import annotations

import ibis
from ibis.expr.types import Table

from c360.contracts import gold_ecommerce as contracts
from c360.pipeline.gold import ecommerce_customers, ecommerce_stock
from c360.pipeline.gold.model import GoldModel, built_columns
from c360.pipeline.gold.rounding import cents, exact_sum

PREMIUM_TIERS = ("gold", "platinum")
LOW_STOCK_SHARE = 0.5  # of the average stock
TOP_N = 10


def dim_ecommerce_customer(customers: Table) -> Table:
    """Silver customers plus ``is_premium_customer`` (tier gold or platinum; unknown tier: no).
    The runner adds the inferred members once the facts are built."""
    c = customers
    return c.select(
        "customer_id", "name", "email_hash", "has_valid_email", "city", "country",
        "registration_date", "loyalty_tier",
        is_premium_customer=c.loyalty_tier.isin(PREMIUM_TIERS).fill_null(False),
        inferred=ibis.literal(False),
    )  # fmt: skip


def dim_ecommerce_product(products: Table, inventory: Table | None) -> Table:
    """Silver products with their stock levels; ``is_low_stock`` when the current stock is at
    most half the average (NULL without snapshots, for every product when the shop sends no
    stock source: ``inventory`` None). The runner adds the inferred members (a product silver
    rejected that a line or a snapshot names) once every model is built."""
    p = products
    if inventory is None:  # no product's stock is known
        return p.select(
            p.product_id,
            p.name,
            p.category,
            p.brand,
            current_stock_units=ibis.null("int64"),
            average_stock_units=ibis.null("float64"),
            unit_price_eur=p.price,
            unit_cost_eur=p.cost,
            unit_margin_eur=p.margin,
            is_low_stock=ibis.null("boolean"),
            inferred=ibis.literal(False),
        )
    stock = ecommerce_stock.stock_levels(inventory)
    joined = p.left_join(stock, p.product_id == stock.product_id)
    return joined.select(
        p.product_id,
        p.name,
        p.category,
        p.brand,
        stock.current_stock_units,
        stock.average_stock_units,
        unit_price_eur=p.price,
        unit_cost_eur=p.cost,
        unit_margin_eur=p.margin,
        is_low_stock=stock.current_stock_units <= LOW_STOCK_SHARE * stock.average_stock_units,
        inferred=ibis.literal(False),
    )


def _lines(orders: Table, products: Table) -> Table:
    """Order lines with their product's attributes and the line's money."""
    o, p = orders, products
    t = o.left_join(p, o.product_id == p.product_id).select(
        o.order_id,
        o.customer_id,
        o.product_id,
        o.order_at,
        o.shipping_address,
        order_date=o.order_at.date(),
        quantity=o.quantity,
        unit_price_eur=p.unit_price_eur,
        revenue_eur=o.quantity * p.unit_price_eur,
        cost_eur=o.quantity * p.unit_cost_eur,
        product_name=p.name,
        category=p.category,
        brand=p.brand,
        is_low_stock=p.is_low_stock,
    )
    return t.mutate(margin_eur=t.revenue_eur - t.cost_eur)


def fct_ecommerce_sales(orders: Table, products: Table) -> Table:
    """One row per order line: unit price, revenue = quantity × price, cost, margin."""
    return _lines(orders, products).select(*built_columns(contracts.FCT_ECOMMERCE_SALES))


def orders_enriched(orders: Table, products: Table, customers: Table) -> Table:
    """Order lines joined to their product and customer, with ``year`` and ``month``; a
    customer whose row silver rejected has NULL attributes and is not premium."""
    t = _lines(orders, products)
    c = customers
    joined = t.left_join(c, t.customer_id == c.customer_id).select(
        t,
        year=t.order_at.year(),
        month=t.order_at.month(),
        customer_name=c.name,
        country=c.country,
        loyalty_tier=c.loyalty_tier,
        is_premium_customer=c.is_premium_customer.fill_null(False),
    )
    return joined.select(*built_columns(contracts.ORDERS_ENRICHED))


def _sales_measures(t: Table) -> dict[str, ibis.Value]:
    """Orders, units and money of a group; its revenue (margin) is NULL when none of its lines
    has a known price (cost)."""
    return {
        "count_orders": t.order_id.nunique(),
        "total_units": t.quantity.sum(),
        "total_revenue_eur": exact_sum(t.revenue_eur, 2),
        "total_margin_eur": exact_sum(t.margin_eur, 2),
    }


def agg_ecommerce_daily_sales(orders: Table) -> Table:
    """Sales per day and category (from ``orders_enriched``)."""
    t = orders
    return t.group_by(t.order_date, category=t.category.fill_null("Unknown")).aggregate(
        **_sales_measures(t)
    )


def agg_ecommerce_monthly_sales(orders: Table) -> Table:
    """Sales per month with the distinct buyers and the average basket: revenue / orders with
    a known price (an order of a product whose price was rejected has no revenue to average)."""
    t = orders
    monthly = t.group_by(t.year, t.month).aggregate(
        **_sales_measures(t),
        count_customers=t.customer_id.nunique(),
        priced_orders=ecommerce_customers.priced_orders(t),
    )
    basket = monthly.total_revenue_eur / monthly.priced_orders.nullif(0)
    return monthly.mutate(average_basket_eur=cents(basket)).drop("priced_orders")


def _product_sales(sales: Table, products: Table) -> Table:
    """Whole-history sales of every product that sold; one silver rejected from the catalogue
    (a negative price, say) still ranks, without a name, category, revenue or margin."""
    s, p = sales, products
    per_product = s.group_by(s.product_id).aggregate(
        count_orders=s.order_id.nunique(),
        total_units=s.quantity.sum(),
        # The price and cost are per product: known for all its lines or for none.
        total_revenue_eur=exact_sum(s.revenue_eur, 2),
        total_margin_eur=exact_sum(s.margin_eur, 2),
    )
    t = per_product
    return t.left_join(p, t.product_id == p.product_id).select(
        t, product_name=p.name, category=p.category
    )


def mart_ecommerce_top_products(sales: Table, products: Table, limit: int = TOP_N) -> Table:
    """The seed's ``limit`` best-sellers: the most units sold; ties go to more revenue (an
    unknown revenue after any known one), then the smaller id."""
    t = _product_sales(sales, products)
    order = [ibis.desc(t.total_units), ibis.desc(t.total_revenue_eur), t.product_id]
    ranked = t.mutate(units_rank=ibis.row_number().over(order_by=order) + 1)
    return ranked.filter(ranked.units_rank <= limit)


def mart_ecommerce_most_profitable_products(
    sales: Table, products: Table, limit: int = TOP_N
) -> Table:
    """The ``limit`` products of highest total margin; ties go to more revenue, then the id."""
    t = _product_sales(sales, products)
    t = t.filter(t.total_margin_eur.notnull())
    order = [ibis.desc(t.total_margin_eur), ibis.desc(t.total_revenue_eur), t.product_id]
    ranked = t.mutate(margin_rank=ibis.row_number().over(order_by=order) + 1)
    return ranked.filter(ranked.margin_rank <= limit)


_ORDERS, _DIM_PRODUCT, _DIM_CUSTOMER = (
    "stg_ecommerce_orders",
    "dim_ecommerce_product",
    "dim_ecommerce_customer",
)
_SALES, _ENRICHED = "fct_ecommerce_sales", "orders_enriched"

MODELS: list[GoldModel] = [
    GoldModel(
        contracts.DIM_ECOMMERCE_CUSTOMER,
        ("stg_ecommerce_customers",),
        dim_ecommerce_customer,
        in_input_order=True,
    ),
    GoldModel(
        contracts.DIM_ECOMMERCE_PRODUCT,
        ("stg_ecommerce_products", "stg_ecommerce_inventory"),
        dim_ecommerce_product,
        optional=("stg_ecommerce_inventory",),  # a shop that sends no stock still sells
    ),
    GoldModel(
        contracts.FCT_ECOMMERCE_SALES,
        (_ORDERS, _DIM_PRODUCT),
        fct_ecommerce_sales,
        in_input_order=True,
    ),
    GoldModel(
        contracts.ORDERS_ENRICHED,
        (_ORDERS, _DIM_PRODUCT, _DIM_CUSTOMER),
        orders_enriched,
        in_input_order=True,
    ),
    GoldModel(contracts.AGG_ECOMMERCE_DAILY_SALES, (_ENRICHED,), agg_ecommerce_daily_sales),
    GoldModel(contracts.AGG_ECOMMERCE_MONTHLY_SALES, (_ENRICHED,), agg_ecommerce_monthly_sales),
    GoldModel(
        contracts.MART_ECOMMERCE_TOP_PRODUCTS, (_SALES, _DIM_PRODUCT), mart_ecommerce_top_products
    ),
    GoldModel(
        contracts.MART_ECOMMERCE_MOST_PROFITABLE_PRODUCTS,
        (_SALES, _DIM_PRODUCT),
        mart_ecommerce_most_profitable_products,
    ),
    *ecommerce_customers.MODELS,
    *ecommerce_stock.MODELS,
]

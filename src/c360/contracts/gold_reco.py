"""Gold contracts of product recommendations: market-basket rules and each customer's top-N."""

from __future__ import annotations

from c360.contracts.gold_identity import CUSTOMER360_ID
from c360.contracts.model import Column, Table, gold_table

_PRODUCT = "dim_product.product_id"

BASKET_RULES = gold_table(
    "001",
    "basket_rules",
    "One row per rule antecedent -> consequent between two products bought in the same "
    "completed order of fct_order_lines (a basket: an order's distinct products, customers "
    "with a customer360_id only), kept when support and confidence reach the thresholds of "
    "reports/model_card_recommendations.md; see c360.ml.recommend.",
    ("antecedent_product_id", "consequent_product_id"),
    Column("antecedent_product_id", "string", "Product a, in the basket", references=_PRODUCT),
    Column("consequent_product_id", "string", "Product b, bought with a", references=_PRODUCT),
    Column(
        "support", "float", "count_orders / baskets: share of baskets with a and b",
        min_value=0, max_value=1,
    ),
    Column(
        "confidence", "float", "count_orders / baskets with a: P(b in the basket given a)",
        min_value=0, max_value=1,
    ),
    Column(
        "lift", "float", "confidence / (baskets with b / baskets): 1 when a and b are "
        "independent, above 1 when bought together more often than chance", min_value=0,
    ),
    Column("count_orders", "int", "Baskets holding both a and b", min_value=1),
)  # fmt: skip

CUSTOMER_RECOMMENDATIONS = gold_table(
    "001",
    "customer_recommendations",
    "Up to 10 products per person of identity_links (a row of customer_profile), ranked, that "
    "the customer has not bought in a completed order: score(j) = mean over the customer's "
    "distinct bought products i of (count(i, j) + m x p_j) / (count(i) + m), count over the "
    "baskets of basket_rules, p_j = share of baskets with j, m the shrinkage of the model card; "
    "a customer without completed orders gets score(j) = p_j (the most popular products).",
    ("customer360_id", "rank"),
    Column("customer360_id", "string", "The customer", pattern=CUSTOMER360_ID),
    Column("rank", "int", "1 = best; by score, then p_j, then product_id", min_value=1),
    Column("product_id", "string", "The recommended product", references=_PRODUCT),
    Column(
        "score", "float", "Estimated P(product in the customer's next basket): score(j) of the "
        "table description, rounded to 6 decimals", min_value=0, max_value=1,
    ),
)  # fmt: skip

TABLES: tuple[Table, ...] = (BASKET_RULES, CUSTOMER_RECOMMENDATIONS)

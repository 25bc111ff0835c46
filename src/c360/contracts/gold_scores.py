"""Gold contracts of the customer scores: the probabilistic CLV (BG/NBD + Gamma-Gamma)."""

from __future__ import annotations

from c360.contracts.gold_identity import CUSTOMER360_ID
from c360.contracts.model import Column, Table, gold_table

CUSTOMER_CLV = gold_table(
    "001",
    "customer_clv",
    "One row per customer360_id with a completed order: the BG/NBD + Gamma-Gamma model fitted on "
    "completed fct_orders (time in days, purchases on one day counted once, as of the last order "
    "day), its inputs and 12-month predictions; see docs/clv.md and reports/model_card_clv.md.",
    ("customer360_id",),
    Column("customer360_id", "string", "The customer", pattern=CUSTOMER360_ID),
    Column("frequency", "int", "Repeat purchase days (purchase days - 1)", min_value=0),
    Column("recency_days", "float", "Days from the first to the last purchase", min_value=0),
    Column("t_days", "float", "Days from the first purchase to the as-of day", min_value=0),
    Column("monetary", "float", "Mean value of the repeat purchase days", nullable=True),
    Column("p_alive", "float", "P(still a customer) under BG/NBD", min_value=0, max_value=1),
    Column("expected_purchases_12m", "float", "Purchase days expected in 12 months", min_value=0),
    Column(
        "expected_order_value",
        "float",
        "Gamma-Gamma mean order value (own mean shrunk to the population's); NULL if q <= 1",
        nullable=True,
    ),
    Column(
        "clv_12m",
        "float",
        "Sum over months 1-12 of expected purchases x expected order value / (1 + d)^m, d the "
        "monthly rate of a 10% yearly discount; NULL if q <= 1",
        nullable=True,
    ),
)

TABLES: tuple[Table, ...] = (CUSTOMER_CLV,)

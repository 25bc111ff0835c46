"""Gold contracts of the supervised customer scores: churn risk and propensity to buy."""

from __future__ import annotations

from c360.contracts.gold_identity import CUSTOMER360_ID
from c360.contracts.model import Column, Table, gold_table

CUSTOMER_SCORES = gold_table(
    "001",
    "customer_scores",
    "One row per person of identity_links (a row of customer_profile) with a completed order, an "
    "e-mail send, a person's open or click or an interaction (the population the models learn "
    "from; customer_profile's rules score the others), scored as of the latest "
    "fact timestamp by two logistic regressions on standardised log features of fct_orders, "
    "fct_email_events and fct_interactions (recency, 365-day orders and revenue, 90-day sends, "
    "opens, clicks, interactions and support tickets, tenure), calibrated by a Platt "
    "sigmoid; empty when a workspace is too small to fit them. Cutoffs, features and the "
    "out-of-time metrics against a recency baseline: reports/model_card_churn.md and "
    "reports/model_card_propensity.md; see c360.ml.churn.",
    ("customer360_id",),
    Column("customer360_id", "string", "The customer", pattern=CUSTOMER360_ID),
    Column(
        "churn_risk_score", "float", "Calibrated P(no completed order and no e-mail open, click "
        "or interaction in the next N days), N of the model card (90 by default), to 4 decimals",
        min_value=0, max_value=1,
    ),
    Column(
        "churn_risk_score_100", "int", "round(100 x churn_risk_score), the 0-100 scale of seed "
        "000's crm churn_risk_score", min_value=0, max_value=100,
    ),
    Column(
        "churn_reasons", "list<string>", "Up to 3 features whose term in the churn model's "
        "log-odds (coefficient x standardised value) is largest and positive, largest first",
    ),
    Column(
        "propensity_to_buy_score", "float", "Calibrated P(a completed order in the next 30 days), "
        "to 4 decimals", min_value=0, max_value=1,
    ),
)  # fmt: skip

TABLES: tuple[Table, ...] = (CUSTOMER_SCORES,)

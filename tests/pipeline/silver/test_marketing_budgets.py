"""Seed 004's campaigns whose budget does not read: kept, the budget unknown. Every engine."""

from __future__ import annotations

import pytest

from c360.engines import Engine
from c360.pipeline.silver.marketing import stg_mongo_campaigns
from tests.pipeline.silver.test_marketing import FIELDS, table


def test_a_budget_that_does_not_read_leaves_the_campaign_without_one_and_is_counted(
    engine: Engine,
) -> None:
    """An ads platform writes "Using ad set budget" where a campaign has no budget of its own:
    the campaign's spend, clicks and conversions count in every marketing total, so it stays
    with its budget NULL (its ROI then unknown) and the value is counted, never lost unseen. An
    amount in another currency or one that may be 1234 or 1.234 is still quarantined, and so is
    a spend that does not read."""
    campaigns = table(engine, "campaign_budgets", FIELDS, [
        ("C1", "Ads", "Social Media", "Using ad set budget", "800", "10000", "500", "25",
         "2024-03-01", "active"),
        ("C2", "Mail", "Email", "1000", "800", "10000", "500", "25", "2024-03-01", "active"),
        ("C3", "Cash", "Email", None, "50", "100", "10", "1", "2024-03-01", "active"),
        ("C4", "Usd", "Email", "$1,200", "50", "100", "10", "1", "2024-03-01", "active"),
        ("C5", "Spent", "Email", "1000", "abc", "100", "10", "1", "2024-03-01", "active"),
        ("C6", "Neg", "Email", "n/a budget", "-5", "100", "10", "1", "2024-03-01", "active"),
        ("C1", "Ads again", "Social Media", "TBD", "900", "10000", "500", "25", "2024-03-01",
         "active"),  # a duplicate: its budget is not counted
        ("C7", "Words", "Display", " twelve hundred ", "60", "100", "10", "1", "2024-03-01",
         "active"),
    ])  # fmt: skip
    clean, rejects, repaired = stg_mongo_campaigns(campaigns).outcome(engine)
    rows = {r["campaign_id"]: r for r in clean.to_pylist()}
    assert sorted(rows) == ["C1", "C2", "C3", "C7"]
    ads = rows["C1"]
    assert (ads["budget"], ads["spend"], ads["roi"]) == (None, 800.0, None)
    assert (ads["ctr"], ads["cpc"], ads["cpa"]) == (pytest.approx(5.0), 1.6, 32.0)
    assert (rows["C2"]["roi"], rows["C3"]["budget"], rows["C7"]["budget"]) == (20.0, None, None)
    assert [(r["campaign_id"], r["reason"], r["column"]) for r in rejects.to_pylist()] == [
        ("C1", "duplicate_key", None),
        ("C4", "other_currency", "budget"),
        ("C5", "invalid_number", "spend"),
        ("C6", "negative_amount", "spend"),
    ]
    assert repaired == {"budget: invalid_number": 2}

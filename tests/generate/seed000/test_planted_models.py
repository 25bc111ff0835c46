"""The planted behaviour is learnable: on a generated workspace, c360's models beat their baselines.

Measured at seed 11, scale 0.1 (2,000 customers): churn ROC-AUC 0.747 against 0.675 for
recency alone, propensity 0.792 against 0.718, recommendation hit-rate@10 0.525 against 0.404
for popularity. Before seed 000 planted any behaviour the same plan gave churn 0.623 against
0.588, propensity 0.742 against 0.779 and hit-rate 0.670 against 0.673: these tests failed.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from c360.generate import Plan, generate
from c360.pipeline.runner import run


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    workspace = tmp_path_factory.mktemp("planted") / "ws"
    generate(workspace, Plan(seed=11, scale=0.1))
    run(workspace)
    figures: dict[str, Any] = json.loads((workspace / "reports" / "models.json").read_text())
    return figures


@pytest.mark.slow
@pytest.mark.parametrize(
    ("model", "margin"),
    [("churn_risk", 0.05), ("propensity_to_buy", 0.04)],
)
def test_scores_beat_recency_out_of_time(models: dict[str, Any], model: str, margin: float) -> None:
    figures = models[model]
    assert figures["fitted"] and figures["customers"] > 1500
    lead = figures["model"]["roc_auc"] - figures["baseline"]["roc_auc"]
    assert lead > margin, (model, figures["model"]["roc_auc"], figures["baseline"]["roc_auc"])


@pytest.mark.slow
def test_co_purchase_recommendations_beat_popularity(models: dict[str, Any]) -> None:
    figures = models["recommendations"]
    assert figures["customers"] > 500
    lead = figures["model"]["hit_rate_at_10"] - figures["baseline"]["hit_rate_at_10"]
    assert lead > 0.07, figures

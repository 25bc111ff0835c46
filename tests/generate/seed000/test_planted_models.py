"""The planted behaviour is learnable: on generated workspaces, c360's models beat their baselines.

One workspace of 2,000 customers is too small to judge by: over seeds 1-8 and 11-14 at scale
0.1 the propensity model's lead over recency alone (ROC-AUC) ran from -0.014 to 0.080 (mean
0.040, sd 0.025), and a margin of 0.04 on one seed failed on 5 of those 12 seeds (4 of 12
before seed 000 had time-of-day profiles). Seeds matter more than size: at scale 0.3 seed 2
gave -0.006. So the tests judge the mean lead over four seeds (sd about 0.011): 0.042 for
propensity, 0.070 for churn, 0.136 for the hit-rate, measured here. With the level, churner
level, order rhythm and e-mail pull of ``seed000.behaviour`` neutralised, the propensity mean
was -0.003 (0.004, 0.002, -0.032, 0.016) and its test failed. Before seed 000 planted any
behaviour, seed 11 gave churn 0.623 against 0.588, propensity 0.742 against 0.779 and
hit-rate 0.670 against 0.673.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from c360.generate import Plan, generate
from c360.pipeline.runner import run

SEEDS = (11, 12, 13, 14)


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """``reports/models.json`` of a full run on each seed's workspace (scale 0.1)."""
    figures = []
    for seed in SEEDS:
        workspace = tmp_path_factory.mktemp(f"planted{seed}") / "ws"
        generate(workspace, Plan(seed=seed, scale=0.1))
        run(workspace)
        figures.append(json.loads((workspace / "reports" / "models.json").read_text()))
    return figures


def _mean_lead(models: list[dict[str, Any]], model: str, metric: str) -> float:
    leads = [m[model]["model"][metric] - m[model]["baseline"][metric] for m in models]
    return float(np.mean(leads))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("model", "margin"),
    [("churn_risk", 0.05), ("propensity_to_buy", 0.02)],
)
def test_scores_beat_recency_out_of_time(
    models: list[dict[str, Any]], model: str, margin: float
) -> None:
    assert all(m[model]["fitted"] and m[model]["customers"] > 1500 for m in models)
    lead = _mean_lead(models, model, "roc_auc")
    assert lead > margin, (model, [m[model] for m in models])


@pytest.mark.slow
def test_co_purchase_recommendations_beat_popularity(models: list[dict[str, Any]]) -> None:
    assert all(m["recommendations"]["customers"] > 500 for m in models)
    lead = _mean_lead(models, "recommendations", "hit_rate_at_10")
    assert lead > 0.07, [m["recommendations"] for m in models]

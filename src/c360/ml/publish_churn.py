"""Churn risk and propensity to buy of a workspace: ``customer_scores`` on gold, two model cards."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts.gold_churn import CUSTOMER_SCORES
from c360.ml import churn
from c360.ml.churn import Events, Metrics, Model
from c360.ml.publish import record_metrics
from c360.pipeline import lake
from c360.pipeline.gold.run import conform

CHURN_CARD = "model_card_churn.md"
PROPENSITY_CARD = "model_card_propensity.md"
_FACTS = {  # the columns read, so a workspace without a fact table reads it as empty
    "fct_orders": {"customer360_id": pa.string(), "order_at": pa.timestamp("ms"),
                   "status": pa.string(), "total_amount_eur": pa.float64()},
    "fct_email_events": {"customer360_id": pa.string(), "send_at": pa.timestamp("ms"),
                         "is_opened": pa.bool_(), "is_clicked": pa.bool_(),
                         "first_open_at": pa.timestamp("ms"), "first_click_at": pa.timestamp("ms")},
    "fct_interactions": {"customer360_id": pa.string(), "occurred_at": pa.timestamp("ms"),
                         "type": pa.string()},
}  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    """A model trained at ``train_at``, evaluated at ``holdout_at``, refitted on the holdout
    cutoff; ``model`` is None and ``reason`` says why when the data cannot train it."""

    title: str
    label: str
    train_at: datetime
    holdout_at: datetime
    train_rows: int = 0
    train_rate: float = float("nan")
    metrics: Metrics | None = None
    model: Model | None = None
    reason: str = ""


def assess(
    ev: Events, n: int, train_at: datetime, holdout_at: datetime, title: str, label: str,
    labels: Callable[[datetime], np.ndarray], is_churn: bool,
) -> Outcome:  # fmt: skip
    """Fit at ``train_at``, measure at ``holdout_at`` against the recency baseline, then refit
    at ``holdout_at`` (the latest labels) for scoring; customers known at each cutoff only."""
    outcome = Outcome(title, label, train_at, holdout_at)
    known = [churn.known_at(ev, n, c) for c in (train_at, holdout_at)]
    x1, x2 = (
        churn.features_at(ev, n, c)[k] for c, k in zip((train_at, holdout_at), known, strict=True)
    )
    y1, y2 = (labels(c)[k] for c, k in zip((train_at, holdout_at), known, strict=True))
    rate = float(y1.mean()) if len(y1) else float("nan")
    outcome = replace(outcome, train_rows=len(y1), train_rate=rate)
    for cutoff, y in ((train_at, y1), (holdout_at, y2)):
        if reason := churn.trainable(y):
            return replace(outcome, reason=f"at {cutoff}: {reason}")
    score = churn.predict(churn.fit(x1, y1), x2)
    measured = churn.metrics(y2, score, churn.recency_baseline(x2, is_churn))
    return replace(outcome, metrics=measured, model=churn.fit(x2, y2))


def model_card(outcome: Outcome, now: datetime, first: datetime) -> str:
    """A model card: data window, cutoffs, label, features, metrics against the baseline, date."""
    o, m = outcome, outcome.metrics
    lines = [
        f"# Model card — {o.title}",
        "",
        f"- Date: {datetime.now(UTC).date().isoformat()}",
        f"- Data window: `fct_orders` (completed), `fct_email_events` and `fct_interactions` "
        f'from {first} to {now} ("now", the latest fact timestamp)',
        f"- Label: {o.label}",
        f"- Cutoffs: trained at {o.train_at}, evaluated out of time at {o.holdout_at}, then "
        f"refitted at {o.holdout_at} and applied at {now}; customers with any order, send or "
        "engagement up to the cutoff",
        f"- Features (log1p, standardised): {', '.join(f'`{f}`' for f in churn.FEATURES)}; "
        f"recency of a customer without such an event: {churn.NEVER_DAYS:g} days",
        "- Method: scikit-learn logistic regression, calibrated by a sigmoid (Platt) on 3 "
        "folds; reasons = coefficient x standardised value of a plain logistic fit",
        "- Output: `gold.customer_scores`",
    ]
    if m is None:
        return "\n".join([*lines, "", f"Not fitted: {o.reason}", ""])
    lines += [
        "",
        f"## Evaluation at {o.holdout_at}",
        "",
        f"Training: {o.train_rows:,} customers, base rate {o.train_rate:.4f}. Holdout: "
        f"{m.rows:,} customers, base rate {m.base_rate:.4f}.",
        "",
        "| score | ROC-AUC | PR-AUC | lift in the top decile |",
        "| --- | ---: | ---: | ---: |",
        f"| model (calibrated) | {m.roc_auc:.4f} | {m.pr_auc:.4f} | {m.lift:.2f} |",
        f"| recency-only baseline | {m.baseline_roc_auc:.4f} | {m.baseline_pr_auc:.4f} "
        f"| {m.baseline_lift:.2f} |",
        "",
        f"Brier score of the calibrated model: {m.brier:.4f} (a constant at the base rate: "
        f"{m.base_rate * (1 - m.base_rate):.4f}).",
    ]
    if m.roc_auc < m.baseline_roc_auc + 0.01:
        lines.append(
            "The model is not clearly better than recency alone (less than 0.01 ROC-AUC above "
            "it): the other features add little signal on this data."
        )
    return "\n".join(lines).rstrip() + "\n"


def _fact(workspace: Path, name: str) -> pa.Table:
    schema = pa.schema(_FACTS[name])
    if not lake.table_dir(workspace, "gold", name).exists():
        return schema.empty_table()
    return lake.read_table(workspace, "gold", name).select(schema.names).cast(schema)


def _customers(workspace: Path, facts: dict[str, pa.Table]) -> pa.Array:
    """The people of ``identity_links`` (the profile's rows), else everyone in the facts."""
    if lake.table_dir(workspace, "gold", "identity_links").exists():
        people = lake.read_table(workspace, "gold", "identity_links")["customer360_id"]
    else:
        people = pa.chunked_array([t["customer360_id"] for t in facts.values()], pa.string())
    return pc.unique(people.filter(pc.is_valid(people)))


def scores_table(
    customers: pa.Array, x: np.ndarray, churn_model: Model, propensity_model: Model
) -> pa.Table:
    """``customer_scores`` of ``customers`` with features ``x``."""
    risk = np.round(churn.predict(churn_model, x), 4)
    return pa.table(
        {
            "customer360_id": customers,
            "churn_risk_score": risk,
            "churn_risk_score_100": np.rint(risk * 100).astype(np.int64),
            "churn_reasons": churn.reasons(churn_model, x),
            "propensity_to_buy_score": np.round(churn.predict(propensity_model, x), 4),
        }
    )


def _figures(outcome: Outcome) -> dict[str, Any]:
    """The out-of-time metrics of a model and its recency baseline, for models.json."""
    m = outcome.metrics
    if m is None or outcome.model is None:
        return {"fitted": False, "reason": outcome.reason}
    return {
        "fitted": True,
        "holdout_at": outcome.holdout_at.isoformat(),
        "customers": m.rows,
        "base_rate": m.base_rate,
        "model": {"roc_auc": m.roc_auc, "pr_auc": m.pr_auc, "top_decile_lift": m.lift,
                  "brier": m.brier},
        "baseline": {"roc_auc": m.baseline_roc_auc, "pr_auc": m.baseline_pr_auc,
                     "top_decile_lift": m.baseline_lift},
    }  # fmt: skip


def publish_scores(
    workspace: Path, churn_days: int = churn.CHURN_DAYS
) -> list[tuple[str, int, float]]:
    """Publish ``customer_scores`` and both model cards; (table, rows, seconds)."""
    workspace = Path(workspace)
    started = time.perf_counter()
    facts = {name: _fact(workspace, name) for name in _FACTS}
    customers = _customers(workspace, facts)
    ev = churn.events(customers, *facts.values())
    n, now = len(customers), ev.latest()
    train_at, holdout_at = now - timedelta(days=2 * churn_days), now - timedelta(days=churn_days)
    outcomes = [
        assess(
            ev, n, train_at, holdout_at, "churn risk",
            f"1 = no completed order and no e-mail open, click or interaction in the "
            f"{churn_days} days after the cutoff",
            lambda c: churn.churn_labels(ev, n, c, churn_days), is_churn=True,
        ),
        assess(
            ev, n, train_at, holdout_at, "propensity to buy",
            f"1 = a completed order in the {churn.PURCHASE_DAYS} days after the cutoff",
            lambda c: churn.purchase_labels(ev, n, c), is_churn=False,
        ),
    ]  # fmt: skip
    models = [o.model for o in outcomes]
    if models[0] is not None and models[1] is not None:
        table = scores_table(customers, churn.features_at(ev, n, now), models[0], models[1])
    else:
        table = CUSTOMER_SCORES.arrow_schema().empty_table()
    table = conform(table, CUSTOMER_SCORES)
    lake.publish_table(workspace, "gold", CUSTOMER_SCORES.name, table)
    reports = workspace / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    for card, outcome in zip((CHURN_CARD, PROPENSITY_CARD), outcomes, strict=True):
        (reports / card).write_text(model_card(outcome, now, ev.earliest()), encoding="utf-8")
        record_metrics(workspace, outcome.title.replace(" ", "_"), _figures(outcome))
    return [(CUSTOMER_SCORES.name, table.num_rows, time.perf_counter() - started)]

"""Churn risk and propensity to buy of a workspace: ``customer_scores`` on gold, two model cards.

The features are computed on the engine (:mod:`c360.ml.churn_features`) from gold's facts and,
when the workspace has them, seed 004's transactions of linked people. Training collects those
of two cutoffs (a deterministic sample of at most ``TRAIN_CAP`` customers each); scoring streams
every known customer (an order, send or engagement: the models' population) through the models a
batch at a time (``Engine.map_batches``) into the table; the profile's rules score the others.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import ibis
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360 import config
from c360.contracts.gold_churn import CUSTOMER_SCORES
from c360.engines import Engine
from c360.engines.base import BatchFn
from c360.identity.profile import PURCHASE_TABLE, SILVER_FACTS, TRANSACTIONS
from c360.ml import churn, churn_features
from c360.ml.churn import Metrics, Model
from c360.ml.publish import record_metrics
from c360.ml.sampling import sample
from c360.pipeline import lake

CHURN_CARD = "model_card_churn.md"
PROPENSITY_CARD = "model_card_propensity.md"
TRAIN_CAP = 500_000  # customers per cutoff collected to train and evaluate; more are sampled
SAMPLE_SEED = 360
_FACTS = {  # the columns read, so a workspace without a fact table reads it as empty
    "fct_orders": {"customer360_id": pa.string(), "order_at": pa.timestamp("ms"),
                   "status": pa.string(), "total_amount_eur": pa.float64()},
    "fct_email_events": {"customer360_id": pa.string(), "send_at": pa.timestamp("ms"),
                         "first_human_open_at": pa.timestamp("ms"),
                         "first_human_click_at": pa.timestamp("ms")},
    "fct_interactions": {"customer360_id": pa.string(), "occurred_at": pa.timestamp("ms"),
                         "type": pa.string()},
    "fct_notes": {"customer360_id": pa.string(), "note_date": pa.date32(),
                  "sentiment": pa.string(), "is_complaint": pa.bool_()},
}  # fmt: skip
_LINKS = ("source", "record_id", "customer360_id")  # what links seed 004's transactions


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
    train: pa.Table, holdout: pa.Table, label: str, outcome: Outcome, is_churn: bool
) -> Outcome:
    """Fit on ``train``, measure on ``holdout`` against the recency baseline, then refit on
    ``holdout`` (the latest labels) for scoring; ``label`` is the column of the labels."""
    x1, x2 = churn.matrix(train), churn.matrix(holdout)
    y1, y2 = (t[label].to_numpy(zero_copy_only=False).astype(np.int64) for t in (train, holdout))
    rate = float(y1.mean()) if len(y1) else float("nan")
    outcome = replace(outcome, train_rows=len(y1), train_rate=rate)
    for cutoff, y in ((outcome.train_at, y1), (outcome.holdout_at, y2)):
        if reason := churn.trainable(y):
            return replace(outcome, reason=f"at {cutoff}: {reason}")
    score = churn.predict(churn.fit(x1, y1), x2)
    measured = churn.metrics(y2, score, churn.recency_baseline(x2, is_churn))
    return replace(outcome, metrics=measured, model=churn.fit(x2, y2))


def model_card(outcome: Outcome, now: datetime, first: datetime, transactions: bool = False) -> str:
    """A model card: data window, cutoffs, label, features, metrics against the baseline, date;
    ``transactions``: seed 004's transactions counted as completed orders."""
    o, m = outcome, outcome.metrics
    bought = f"seed 004's `{TRANSACTIONS}` of linked people, " if transactions else ""
    lines = [
        f"# Model card — {o.title}",
        "",
        f"- Date: {datetime.now(UTC).date().isoformat()}",
        f"- Data window: `fct_orders` (completed), {bought}`fct_email_events`, "
        f"`fct_interactions` and `fct_notes` "
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
        f"{m.rows:,} customers, base rate {m.base_rate:.4f}."
        + (
            f" (At most {TRAIN_CAP:,} customers per cutoff: a deterministic sample by a hash of "
            "customer360_id.)"
            if max(o.train_rows, m.rows) >= TRAIN_CAP
            else ""
        ),
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


def _fact(workspace: Path, engine: Engine, name: str) -> ibis.Table:
    schema = pa.schema(_FACTS[name])
    folder = lake.table_dir(workspace, "gold", name)
    if not folder.exists():
        return engine.register(f"churn_{name}", schema.empty_table())
    return engine.read_lake(f"churn_{name}", folder).select(*schema.names)


def _bought(workspace: Path, engine: Engine) -> ibis.Table | None:
    """Seed 004's transactions of linked people (:func:`churn_features.purchases`), linked as
    the profile links them: through the records of the identity sources reading
    ``mongo_customers``. None when the workspace has no such transactions or sources."""
    found = lake.table_dir(workspace, "silver", TRANSACTIONS)
    links = lake.table_dir(workspace, "gold", "identity_links")
    if not (found.exists() and links.exists()):
        return None
    sources = config.load(workspace).identity.sources
    names = [name for name, source in sources.items() if source.table == PURCHASE_TABLE]
    if not names:
        return None
    return churn_features.purchases(
        engine.read_lake(f"churn_{TRANSACTIONS}", found).select(*SILVER_FACTS[TRANSACTIONS].names),
        engine.read_lake("churn_identity_links", links).select(*_LINKS),
        names,
    )


def _customers(workspace: Path) -> pa.Table:
    """The people of ``identity_links`` (the profile's rows), else everyone in the facts, in
    order of appearance (``customer_index``), which fixes the training rows' order."""
    if lake.table_dir(workspace, "gold", "identity_links").exists():
        people = _ids(workspace, "identity_links")
    else:
        people = pa.chunked_array([_ids(workspace, name) for name in _FACTS], pa.string())
    ids = pc.unique(people.filter(pc.is_valid(people)))
    return pa.table({"customer360_id": ids, "customer_index": np.arange(len(ids))})


def _ids(workspace: Path, name: str) -> pa.ChunkedArray:
    if not lake.table_dir(workspace, "gold", name).exists():
        return pa.chunked_array([], pa.string())
    ids = lake.read_table(workspace, "gold", name, columns=["customer360_id"])
    return ids.column(0).cast(pa.string())


def scores_batch(
    customers: pa.Array, x: np.ndarray, churn_model: Model, propensity_model: Model
) -> pa.RecordBatch:
    """``customer_scores`` of ``customers`` with features ``x``."""
    risk = np.round(churn.predict(churn_model, x), 4)
    return pa.RecordBatch.from_pydict(
        {
            "customer360_id": customers,
            "churn_risk_score": risk,
            "churn_risk_score_100": np.rint(risk * 100).astype(np.int64),
            "churn_reasons": churn.reasons(churn_model, x),
            "propensity_to_buy_score": np.round(churn.predict(propensity_model, x), 4),
        }
    )


def scorer(churn_model: Model, propensity_model: Model) -> BatchFn:
    """The function that scores a batch of features (shipped to Spark's workers with its
    models)."""

    def score(batch: pa.RecordBatch) -> pa.RecordBatch:
        x = churn.matrix(batch)
        return scores_batch(batch.column("customer360_id"), x, churn_model, propensity_model)

    return score


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


def _collect(engine: Engine, expr: ibis.Table) -> pa.Table:
    """The known customers' rows of ``expr`` in memory, at most ``TRAIN_CAP`` of them
    (a deterministic sample), in ``customer_index`` order."""
    known = expr.filter(expr.is_known)
    schema = known.schema().to_pyarrow()
    rows = sample(engine.map_batches(known, _same, schema), schema, "customer360_id",
                  TRAIN_CAP, SAMPLE_SEED)  # fmt: skip
    return rows.sort_by("customer_index")


def _same(batch: pa.RecordBatch) -> pa.RecordBatch:
    return batch


def _epoch_to_datetime(seconds: int | None) -> datetime:
    return datetime(1970, 1, 1) + timedelta(seconds=seconds or 0)


def publish_scores(
    workspace: Path, engine: Engine, churn_days: int = churn.CHURN_DAYS
) -> list[tuple[str, int, float]]:
    """Publish ``customer_scores`` and both model cards; (table, rows, seconds)."""
    workspace = Path(workspace)
    started = time.perf_counter()
    customers = engine.register("churn_customers", _customers(workspace))
    try:
        return _scored(workspace, engine, customers, churn_days, started)
    finally:  # the engine keeps a registered table until told
        engine.forget("churn_customers")


def _scored(
    workspace: Path, engine: Engine, customers: ibis.Table, churn_days: int, started: float
) -> list[tuple[str, int, float]]:
    bought = _bought(workspace, engine)
    facts = churn_features.events(*(_fact(workspace, engine, n) for n in _FACTS), bought=bought)
    span = engine.to_arrow(churn_features.span(facts, customers)).to_pylist()[0]
    first, now = (_epoch_to_datetime(span[k]) for k in ("first_at", "last_at"))
    train_at, holdout_at = now - timedelta(days=2 * churn_days), now - timedelta(days=churn_days)
    train, holdout = (
        _collect(engine, churn_features.features(facts, customers, c, churn_days))
        for c in (train_at, holdout_at)
    )
    outcomes = [
        assess(train, holdout, "is_churned", Outcome(
            "churn risk", f"1 = no completed order and no e-mail open, click or interaction in "
            f"the {churn_days} days after the cutoff", train_at, holdout_at), is_churn=True),
        assess(train, holdout, "is_purchase", Outcome(
            "propensity to buy", f"1 = a completed order in the {churn.PURCHASE_DAYS} days after "
            "the cutoff", train_at, holdout_at), is_churn=False),
    ]  # fmt: skip
    schema = CUSTOMER_SCORES.arrow_schema()
    with lake.publish(workspace, "gold", CUSTOMER_SCORES.name, schema) as out:
        models = [o.model for o in outcomes]
        if models[0] is not None and models[1] is not None:
            today = churn_features.features(facts, customers, now, churn_days)
            known = today.filter(today.is_known)  # what the models learn from; others: the rule
            expr = known.select("customer360_id", *churn.FEATURES).order_by("customer360_id")
            for batch in engine.map_batches(expr, scorer(models[0], models[1]), schema):
                out.write(pa.Table.from_batches([batch]))
    reports = workspace / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    for card, outcome in zip((CHURN_CARD, PROPENSITY_CARD), outcomes, strict=True):
        text = model_card(outcome, now, first, transactions=bought is not None)
        (reports / card).write_text(text, encoding="utf-8")
        record_metrics(workspace, outcome.title.replace(" ", "_"), _figures(outcome))
    return [(CUSTOMER_SCORES.name, out.rows, time.perf_counter() - started)]

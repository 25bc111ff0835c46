"""Churn risk and propensity to buy: the features' names, the fitted models, their metrics.

Everything is measured against a cutoff date ``C``, never the clock: the features use the facts up
to ``C``, the labels the facts in ``(C, C + N]`` (both computed on the engine by
:mod:`c360.ml.churn_features`). A model is trained on one cutoff and evaluated on a later one,
against a recency-only baseline, so the reported metrics are out of time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from c360.ml.threads import one_thread

CHURN_DAYS = 90  # N: churned = no completed order and no engagement in the N days after C
PURCHASE_DAYS = 30  # propensity: a completed order in the 30 days after C
NEVER_DAYS = 3 * 365.0  # recency of a customer with no such event before C
MIN_CLASS = 10  # fewer positives or negatives at a cutoff and the model is not fitted
CALIBRATION = "sigmoid"  # isotonic gave probabilities of exactly 0 and 1 at the extremes
FEATURES = (
    "days_since_order",
    "days_since_engagement",
    "orders_365d",
    "revenue_eur_365d",
    "email_sends_90d",
    "email_opens_90d",
    "email_clicks_90d",
    "interactions_90d",
    "support_tickets_90d",
    "tenure_days",
    "negative_notes_365d",
    "complaint_notes_365d",
)


def matrix(rows: pa.Table | pa.RecordBatch) -> np.ndarray:
    """The ``FEATURES`` columns of ``rows`` as a float matrix (rows: customers)."""
    if rows.num_rows == 0:
        return np.zeros((0, len(FEATURES)))
    return np.column_stack(
        [rows.column(f).to_numpy(zero_copy_only=False).astype(np.float64) for f in FEATURES]
    )


def recency_baseline(x: np.ndarray, churn: bool) -> np.ndarray:
    """The recency-only score: days since the last order or engagement (churn), or minus the
    days since the last order (propensity)."""
    if churn:
        return np.minimum(x[:, 0], x[:, 1])
    return -x[:, 0]


def lift_at_top(y: np.ndarray, score: np.ndarray, share: float = 0.1) -> float:
    """Positive rate among the top ``share`` by score over the overall rate (ties by position).

    >>> lift_at_top(np.array([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]), np.arange(10.0)[::-1])
    5.0
    """
    rate = float(np.mean(y)) if len(y) else 0.0
    if rate == 0:
        return float("nan")
    top = int(np.ceil(len(y) * share))
    order = np.argsort(-score, kind="stable")[:top]
    return float(np.mean(y[order])) / rate


@dataclass(frozen=True)
class Metrics:
    """Out-of-time metrics of a model and its recency baseline."""

    rows: int
    base_rate: float
    roc_auc: float
    pr_auc: float
    lift: float
    baseline_roc_auc: float
    baseline_pr_auc: float
    baseline_lift: float
    brier: float


def metrics(y: np.ndarray, score: np.ndarray, baseline: np.ndarray) -> Metrics:
    """ROC-AUC, PR-AUC and top-decile lift of ``score`` and ``baseline`` against ``y``."""
    return Metrics(
        rows=len(y),
        base_rate=float(np.mean(y)),
        roc_auc=float(roc_auc_score(y, score)),
        pr_auc=float(average_precision_score(y, score)),
        lift=lift_at_top(y, score),
        baseline_roc_auc=float(roc_auc_score(y, baseline)),
        baseline_pr_auc=float(average_precision_score(y, baseline)),
        baseline_lift=lift_at_top(y, baseline),
        brier=float(np.mean((score - y) ** 2)),
    )


def _inputs(x: np.ndarray) -> np.ndarray:
    """Counts, money and day spans on a log scale: their effect flattens as they grow."""
    return np.log1p(np.maximum(x, 0.0))


@dataclass(frozen=True)
class Model:
    """A calibrated classifier, and the plain logistic fit whose terms explain each score."""

    calibrated: CalibratedClassifierCV
    explained: Pipeline


def trainable(y: np.ndarray) -> str:
    """Why ``y`` cannot train a model ('' when it can)."""
    positives = int(y.sum())
    if min(positives, len(y) - positives) < MIN_CLASS:
        return f"{len(y):,} customers, {positives:,} positive: fewer than {MIN_CLASS} in a class"
    return ""


@one_thread
def fit(x: np.ndarray, y: np.ndarray) -> Model:
    """Logistic regression on standardised log features, calibrated by a sigmoid (Platt)
    on 3 folds (each fold's calibrator fitted on the customers the fold's model did not see)."""

    def model() -> Pipeline:
        return make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))

    calibrated = CalibratedClassifierCV(model(), method=CALIBRATION, cv=3)
    return Model(calibrated.fit(_inputs(x), y), model().fit(_inputs(x), y))


@one_thread
def predict(model: Model, x: np.ndarray) -> np.ndarray:
    """Calibrated probabilities of the positive class."""
    return np.asarray(model.calibrated.predict_proba(_inputs(x))[:, 1])


def contributions(model: Model, x: np.ndarray) -> np.ndarray:
    """Each feature's term in the log-odds: coefficient x standardised value (0 at the mean)."""
    scaler: StandardScaler = model.explained[0]
    logistic: LogisticRegression = model.explained[-1]
    return np.asarray(scaler.transform(_inputs(x)) * logistic.coef_[0])


def reasons(model: Model, x: np.ndarray, top: int = 3) -> pa.Array:
    """Per customer, the up to ``top`` features that push the score up most (positive terms)."""
    terms = contributions(model, x)
    order = np.argsort(-terms, axis=1, kind="stable")[:, :top]
    names = np.asarray(FEATURES, dtype=object)[order]
    up = np.take_along_axis(terms, order, axis=1) > 0
    offsets = np.concatenate([[0], np.cumsum(up.sum(axis=1))])
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), pa.array(names[up], pa.string()))

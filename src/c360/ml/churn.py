"""Churn risk and propensity to buy: features as of a cutoff, labels after it, a fitted model.

Everything is measured against a cutoff date ``C``, never the clock: the features use the facts up
to ``C``, the labels the facts in ``(C, C + N]``. A model is trained on one cutoff and evaluated on
a later one, against a recency-only baseline, so the reported metrics are out of time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

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
)
_DAY = 86400


@dataclass(frozen=True)
class Events:
    """Each fact as (customer index, epoch seconds[, amount]), one array per kind of event."""

    orders: tuple[np.ndarray, np.ndarray, np.ndarray]  # completed orders: who, when, EUR
    sends: tuple[np.ndarray, np.ndarray]
    opens: tuple[np.ndarray, np.ndarray]
    clicks: tuple[np.ndarray, np.ndarray]
    interactions: tuple[np.ndarray, np.ndarray]
    tickets: tuple[np.ndarray, np.ndarray]

    @property
    def engagements(self) -> tuple[np.ndarray, np.ndarray]:
        """Opens, clicks and interactions together: what counts as still engaging."""
        parts = (self.opens, self.clicks, self.interactions)
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])

    def latest(self) -> datetime:
        """The latest timestamp of any fact: "now" of the workspace."""
        stamps = [self.orders[1], self.sends[1], self.engagements[1]]
        return _from_epoch(max((int(s.max()) for s in stamps if len(s)), default=0))

    def earliest(self) -> datetime:
        """The earliest timestamp of any fact."""
        stamps = [self.orders[1], self.sends[1], self.engagements[1]]
        return _from_epoch(min((int(s.min()) for s in stamps if len(s)), default=0))


def _epoch(when: datetime) -> int:
    return int((when.replace(tzinfo=None) - datetime(1970, 1, 1)).total_seconds())


def _from_epoch(seconds: int) -> datetime:
    return datetime(1970, 1, 1) + timedelta(seconds=seconds)


def _kind(
    customers: pa.Array, who: pa.Array, when: pa.Array, keep: pa.Array | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(customer index, epoch seconds) of the valid rows of ``customers``, ``keep`` true."""
    index = pc.index_in(who, value_set=customers)
    valid = pc.and_(pc.is_valid(index), pc.is_valid(when))
    if keep is not None:
        valid = pc.and_(valid, pc.fill_null(keep, False))
    seconds = pc.cast(pc.cast(when, pa.timestamp("s"), safe=False), pa.int64())  # floor
    return (
        index.filter(valid).to_numpy(zero_copy_only=False).astype(np.int64),
        seconds.filter(valid).to_numpy(zero_copy_only=False).astype(np.int64),
    )


def events(
    customers: pa.Array, orders: pa.Table, emails: pa.Table, interactions: pa.Table
) -> Events:
    """The facts of gold (``fct_orders``, ``fct_email_events``, ``fct_interactions``) per customer.

    A send's open and click count once each, at ``first_open_at`` / ``first_click_at``.
    """
    completed = pc.equal(orders["status"], "completed")
    who, when = _kind(customers, orders["customer360_id"], orders["order_at"], completed)
    index = pc.index_in(orders["customer360_id"], value_set=customers)
    valid = pc.and_(pc.is_valid(index), completed)
    amount = orders["total_amount_eur"].filter(valid).to_numpy(zero_copy_only=False)
    person, kind = emails["customer360_id"], interactions["customer360_id"]
    return Events(
        orders=(who, when, np.nan_to_num(amount.astype(np.float64))),
        sends=_kind(customers, person, emails["send_at"]),
        opens=_kind(customers, person, emails["first_open_at"], emails["is_opened"]),
        clicks=_kind(customers, person, emails["first_click_at"], emails["is_clicked"]),
        interactions=_kind(customers, kind, interactions["occurred_at"]),
        tickets=_kind(
            customers, kind, interactions["occurred_at"],
            pc.equal(interactions["type"], "support_ticket"),
        ),
    )  # fmt: skip


def _window(kind: tuple[np.ndarray, ...], start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
    """Mask of the events in ``(start, end]`` and their customer indexes."""
    inside = (kind[1] > start) & (kind[1] <= end)
    return inside, kind[0][inside]


def _count(kind: tuple[np.ndarray, ...], start: int, end: int, n: int) -> np.ndarray:
    return np.bincount(_window(kind, start, end)[1], minlength=n).astype(np.float64)


def _days_since(kind: tuple[np.ndarray, ...], cutoff: int, n: int) -> np.ndarray:
    """Days from each customer's last event at or before ``cutoff`` to it; NaN when none."""
    last = np.full(n, -np.inf)
    before = kind[1] <= cutoff
    np.maximum.at(last, kind[0][before], kind[1][before].astype(np.float64))
    return (cutoff - last) / _DAY  # inf where none, made NaN by the caller


def _first_seen(ev: Events, n: int, cutoff: int) -> np.ndarray:
    """Epoch seconds of each customer's first order, send or engagement up to ``cutoff``."""
    first = np.full(n, np.inf)
    for kind in (ev.orders, ev.sends, ev.engagements):
        before = kind[1] <= cutoff
        np.minimum.at(first, kind[0][before], kind[1][before].astype(np.float64))
    return first


def known_at(ev: Events, n: int, cutoff: datetime) -> np.ndarray:
    """Customers with any order, send or engagement at or before ``cutoff``: the population."""
    return np.isfinite(_first_seen(ev, n, _epoch(cutoff)))


def features_at(ev: Events, n: int, cutoff: datetime) -> np.ndarray:
    """The ``FEATURES`` of the ``n`` customers as of ``cutoff`` (rows: customers).

    Recencies of customers with no such event are ``NEVER_DAYS``.
    """
    c = _epoch(cutoff)
    year, quarter = c - 365 * _DAY, c - 90 * _DAY
    inside, who = _window(ev.orders, year, c)
    revenue = np.bincount(who, weights=ev.orders[2][inside], minlength=n)
    first = _first_seen(ev, n, c)
    columns = [
        _days_since(ev.orders, c, n),
        _days_since(ev.engagements, c, n),
        _count(ev.orders, year, c, n),
        revenue,
        _count(ev.sends, quarter, c, n),
        _count(ev.opens, quarter, c, n),
        _count(ev.clicks, quarter, c, n),
        _count(ev.interactions, quarter, c, n),
        _count(ev.tickets, quarter, c, n),
        np.where(np.isfinite(first), (c - first) / _DAY, 0.0),
    ]
    x = np.column_stack(columns)
    x[:, :2] = np.minimum(x[:, :2], NEVER_DAYS)
    return x


def churn_labels(ev: Events, n: int, cutoff: datetime, days: int = CHURN_DAYS) -> np.ndarray:
    """1 where the customer has no completed order and no open, click or interaction in
    ``(cutoff, cutoff + days]``."""
    c = _epoch(cutoff)
    active = _count(ev.orders, c, c + days * _DAY, n) + _count(
        ev.engagements, c, c + days * _DAY, n
    )
    return (active == 0).astype(np.int64)


def purchase_labels(ev: Events, n: int, cutoff: datetime, days: int = PURCHASE_DAYS) -> np.ndarray:
    """1 where the customer has a completed order in ``(cutoff, cutoff + days]``."""
    c = _epoch(cutoff)
    return (_count(ev.orders, c, c + days * _DAY, n) > 0).astype(np.int64)


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


def fit(x: np.ndarray, y: np.ndarray) -> Model:
    """Logistic regression on standardised log features, calibrated by a sigmoid (Platt)
    on 3 folds (each fold's calibrator fitted on the customers the fold's model did not see)."""

    def model() -> Pipeline:
        return make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))

    calibrated = CalibratedClassifierCV(model(), method=CALIBRATION, cv=3)
    return Model(calibrated.fit(_inputs(x), y), model().fit(_inputs(x), y))


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

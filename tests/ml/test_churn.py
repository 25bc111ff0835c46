"""Churn risk and propensity: features and labels on a literal timeline, the metrics, the models
on planted signal, and ``customer_scores`` published from a workspace."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa

from c360.contracts.check import violations
from c360.contracts.gold_churn import CUSTOMER_SCORES
from c360.ml import churn
from c360.ml.publish_churn import CHURN_CARD, PROPENSITY_CARD, publish_scores
from c360.pipeline import lake

A, B, C, D = (f"c360_0000000{i}" for i in range(1, 5))
CUTOFF = datetime(2025, 4, 1)


def _orders(rows: list[tuple[str, datetime, str, float]]) -> pa.Table:
    who, when, status, amount = zip(*rows, strict=True) if rows else ((), (), (), ())
    return pa.table(
        {"customer360_id": pa.array(who, pa.string()),
         "order_at": pa.array(when, pa.timestamp("ms")), "status": pa.array(status, pa.string()),
         "total_amount_eur": pa.array(amount, pa.float64())}
    )  # fmt: skip


def _emails(rows: list[tuple[str, datetime, datetime | None, datetime | None]]) -> pa.Table:
    who, sent, opened, clicked = zip(*rows, strict=True) if rows else ((), (), (), ())
    ms = pa.timestamp("ms")
    return pa.table(
        {"customer360_id": pa.array(who, pa.string()), "send_at": pa.array(sent, ms),
         "is_opened": pa.array([o is not None for o in opened], pa.bool_()),
         "is_clicked": pa.array([c is not None for c in clicked], pa.bool_()),
         "first_open_at": pa.array(opened, ms), "first_click_at": pa.array(clicked, ms)}
    )  # fmt: skip


def _interactions(rows: list[tuple[str, datetime, str]]) -> pa.Table:
    who, when, kind = zip(*rows, strict=True) if rows else ((), (), ())
    return pa.table(
        {"customer360_id": pa.array(who, pa.string()),
         "occurred_at": pa.array(when, pa.timestamp("ms")), "type": pa.array(kind, pa.string())}
    )  # fmt: skip


def _timeline() -> churn.Events:
    """A buys (one order after the cutoff), B engages by e-mail and support and comes back by
    e-mail, C was last seen half a year before and never again, D appears after the cutoff."""
    orders = _orders([
        (A, datetime(2024, 6, 1), "completed", 50.0),
        (A, datetime(2025, 3, 22), "completed", 100.0),
        (A, datetime(2025, 3, 31), "canceled", 999.0),  # not a purchase
        (A, datetime(2025, 4, 15), "completed", 80.0),  # after: A buys within 30 days
        (B, datetime(2023, 1, 1), "completed", 20.0),  # more than 365 days before
    ])  # fmt: skip
    emails = _emails([
        (B, datetime(2025, 3, 1), datetime(2025, 3, 2), datetime(2025, 3, 3)),
        (B, datetime(2025, 5, 30), datetime(2025, 6, 1), None),  # after: 61 days on
        (C, datetime(2024, 12, 1), None, None),  # more than 90 days before
    ])  # fmt: skip
    interactions = _interactions([
        (B, datetime(2025, 1, 31), "support_ticket"),
        (C, datetime(2024, 10, 3), "sales_call"),
        (D, datetime(2025, 5, 1), "onboarding"),
    ])  # fmt: skip
    return churn.events(pa.array([A, B, C, D]), orders, emails, interactions)


def test_features_as_of_the_cutoff() -> None:
    ev = _timeline()
    x = churn.features_at(ev, 4, CUTOFF)
    never = churn.NEVER_DAYS
    expected = {  # days to 2025-04-01 counted on a calendar
        A: [10, never, 2, 150, 0, 0, 0, 0, 0, 304],
        B: [821, 29, 0, 0, 1, 1, 1, 1, 1, 821],
        C: [never, 180, 0, 0, 0, 0, 0, 0, 0, 180],
    }
    for row, (_, values) in enumerate(expected.items()):
        assert dict(zip(churn.FEATURES, x[row], strict=True)) == dict(
            zip(churn.FEATURES, values, strict=True)
        )
    assert churn.known_at(ev, 4, CUTOFF).tolist() == [True, True, True, False]
    assert ev.latest() == datetime(2025, 6, 1)


def test_labels_after_the_cutoff() -> None:
    ev = _timeline()
    assert churn.churn_labels(ev, 4, CUTOFF).tolist()[:3] == [0, 0, 1]
    assert churn.churn_labels(ev, 4, CUTOFF, days=60).tolist()[:3] == [0, 1, 1]  # B: day 61
    assert churn.purchase_labels(ev, 4, CUTOFF).tolist()[:3] == [1, 0, 0]
    assert churn.purchase_labels(ev, 4, CUTOFF, days=14).tolist()[0] == 1  # (C, C + 14 days]
    assert churn.purchase_labels(ev, 4, CUTOFF, days=13).tolist()[0] == 0


def test_lift_in_the_top_decile() -> None:
    y = np.array([1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])  # rate 4/20
    score = np.arange(20.0)[::-1]  # the first two ranked on top
    assert churn.lift_at_top(y, score) == 5.0  # top 2: both positive, 1 / 0.2
    assert churn.lift_at_top(y, -score) == 2.5  # top 2: one positive, 0.5 / 0.2
    assert math.isnan(churn.lift_at_top(np.zeros(10, np.int64), score[:10]))


def _planted(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Features where support tickets and silence on e-mail, not recency, drive churn."""
    x = np.column_stack(
        [rng.uniform(0, 400, n), rng.uniform(0, 90, n), rng.poisson(2, n), rng.gamma(2, 50, n),
         rng.poisson(6, n), rng.poisson(3, n), rng.poisson(1, n), rng.poisson(1, n),
         rng.poisson(1, n), rng.uniform(100, 1000, n)]
    ).astype(np.float64)  # fmt: skip
    logit = 1.2 * x[:, 8] - 0.8 * x[:, 5] + 0.002 * x[:, 0]
    return x, (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(np.int64)


def test_a_model_finds_planted_signal_the_baseline_misses() -> None:
    rng = np.random.default_rng(7)
    (x1, y1), (x2, y2) = _planted(rng, 3000), _planted(rng, 3000)
    model = churn.fit(x1, y1)
    score = churn.predict(model, x2)
    m = churn.metrics(y2, score, churn.recency_baseline(x2, churn=True))
    assert m.roc_auc > 0.8 > m.baseline_roc_auc + 0.15
    assert m.pr_auc > m.baseline_pr_auc and m.lift > m.baseline_lift
    assert score.min() >= 0 and score.max() <= 1
    assert abs(score.mean() - y2.mean()) < 0.03  # calibrated
    tickets = np.zeros((1, 10))
    tickets[0, 8] = 8.0  # many support tickets, nothing else
    assert churn.reasons(model, tickets).to_pylist()[0][0] == "support_tickets_90d"


def _workspace(path: Path, customers: int, rng: np.random.Generator) -> None:
    """Gold facts of ``customers`` buying at random over two years, half of them stopping."""
    start, rows = datetime(2024, 1, 1), []
    for i in range(customers):
        who, stop = f"c360_{i:08d}", 730 if i % 2 else 400
        for day in np.sort(rng.uniform(0, stop, rng.integers(1, 12))):
            rows.append((who, start + timedelta(days=float(day)), "completed", 30.0))
    lake.publish_table(path, "gold", "fct_orders", _orders(rows))
    who = [r[0] for r in rows[::3]]
    opened = [r[1] + timedelta(hours=1) for r in rows[::3]]
    lake.publish_table(path, "gold", "fct_email_events", _emails(
        list(zip(who, [r[1] for r in rows[::3]], opened, [None] * len(who), strict=True))
    ))  # fmt: skip


def test_scores_and_cards_are_published(tmp_path: Path) -> None:
    _workspace(tmp_path, 400, np.random.default_rng(3))
    [(name, rows, _)] = publish_scores(tmp_path)
    assert (name, rows) == ("customer_scores", 400)  # no identity_links: everyone in the facts
    table = lake.read_table(tmp_path, "gold", "customer_scores")
    assert violations(CUSTOMER_SCORES, table).num_rows == 0
    assert all(len(r) <= 3 for r in table["churn_reasons"].to_pylist())
    for card in (CHURN_CARD, PROPENSITY_CARD):
        text = (tmp_path / "reports" / card).read_text()
        assert "| recency-only baseline |" in text and "Not fitted" not in text


def test_a_workspace_too_small_gets_an_empty_table_and_says_why(tmp_path: Path) -> None:
    _workspace(tmp_path, 6, np.random.default_rng(3))
    assert [rows for _, rows, _ in publish_scores(tmp_path)] == [0]
    table = lake.read_table(tmp_path, "gold", "customer_scores")
    assert table.schema == CUSTOMER_SCORES.arrow_schema()
    assert "Not fitted: at " in (tmp_path / "reports" / CHURN_CARD).read_text()

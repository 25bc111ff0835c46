"""Churn risk and propensity: the metrics, the models on planted signal, and ``customer_scores``
published from a workspace on every engine."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from threadpoolctl import threadpool_limits

from c360.contracts.check import violations
from c360.contracts.gold_churn import CUSTOMER_SCORES
from c360.engines import Engine, connect
from c360.ml import churn, publish_churn
from c360.ml.publish_churn import CHURN_CARD, PROPENSITY_CARD, publish_scores
from c360.pipeline import lake
from tests.ml.test_churn_features import (
    emails_table,
    links_table,
    orders_table,
    transactions_table,
)


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


def test_scores_do_not_depend_on_how_many_threads_linear_algebra_may_use() -> None:
    """A product over 50,000 rows is split between threads, whose sums round differently:
    fitting and scoring use one thread, so every machine gives the same bits."""
    rng = np.random.default_rng(3)
    x, y = _planted(rng, 50_000)
    scored = []
    for threads in (1, 2):
        with threadpool_limits(threads, user_api="blas"):
            model = churn.fit(x, y)
            scored.append((churn.predict(model, x), churn.contributions(model, x)))
    assert np.array_equal(scored[0][0], scored[1][0])
    assert np.array_equal(scored[0][1], scored[1][1])


def _workspace(path: Path, customers: int, rng: np.random.Generator) -> None:
    """Gold facts of ``customers`` buying at random over two years, half of them stopping."""
    start, rows = datetime(2024, 1, 1), []
    for i in range(customers):
        who, stop = f"c360_{i:08d}", 730 if i % 2 else 400
        for day in np.sort(rng.uniform(0, stop, rng.integers(1, 12))):
            rows.append((who, start + timedelta(days=float(day)), "completed", 30.0))
    lake.publish_table(path, "gold", "fct_orders", orders_table(rows))
    who = [r[0] for r in rows[::3]]
    opened = [r[1] + timedelta(hours=1) for r in rows[::3]]
    lake.publish_table(path, "gold", "fct_email_events", emails_table(
        list(zip(who, [r[1] for r in rows[::3]], opened, [None] * len(who), strict=True))
    ))  # fmt: skip


def test_scores_and_cards_are_published(tmp_path: Path, engine: Engine) -> None:
    _workspace(tmp_path, 400, np.random.default_rng(3))
    [(name, rows, _)] = publish_scores(tmp_path, engine)
    assert (name, rows) == ("customer_scores", 400)  # no identity_links: everyone in the facts
    with pytest.raises(Exception, match="churn_customers"):  # not held after scoring
        engine.sql("SELECT count(*) AS n FROM churn_customers")
    table = lake.read_table(tmp_path, "gold", "customer_scores")
    assert violations(CUSTOMER_SCORES, table).num_rows == 0
    assert all(len(r) <= 3 for r in table["churn_reasons"].to_pylist())
    for card in (CHURN_CARD, PROPENSITY_CARD):
        text = (tmp_path / "reports" / card).read_text()
        assert "| recency-only baseline |" in text and "Not fitted" not in text


def test_only_customers_the_models_know_are_scored(tmp_path: Path, engine: Engine) -> None:
    """The models learn from customers with an order, send or engagement: a person of
    identity_links with none gets no score, so the profile's rule decides."""
    _workspace(tmp_path, 400, np.random.default_rng(3))
    silent = ["c360_90000001", "c360_90000002"]
    people = [f"c360_{i:08d}" for i in range(400)] + silent
    links = pa.table({"record_id": [f"r{i}" for i in range(len(people))],
                      "customer360_id": people})  # fmt: skip
    lake.publish_table(tmp_path, "gold", "identity_links", links)
    [(_, rows, _)] = publish_scores(tmp_path, engine)
    scored = lake.read_table(tmp_path, "gold", "customer_scores")["customer360_id"].to_pylist()
    assert rows == 400 and scored == people[:400]


SHOP = """identity:
  sources:
    shop:  # seed 004's customers: its transactions' customer ids are this source's record ids
      table: mongo_customers
      id: customer_id
      roles: {email: email}
"""


def _linked(path: Path, transactions: list[tuple[str, datetime, float]]) -> list[str]:
    """The 400 customers of ``_workspace`` as identity_links, with M1, a record of the source
    reading seed 004's customers, as a person of its own; seed 004's ``transactions``."""
    _workspace(path, 400, np.random.default_rng(3))
    people = [f"c360_{i:08d}" for i in range(400)]
    links = [("customers", f"r{i}", who) for i, who in enumerate(people)]
    lake.publish_table(path, "gold", "identity_links", links_table([
        *links, ("shop", "M1", "c360_90000001"), ("customers", "M9", "c360_90000002"),
    ]))  # fmt: skip
    lake.publish_table(path, "silver", "stg_mongo_transactions", transactions_table(transactions))
    (path / "c360.yaml").write_text(SHOP, encoding="utf-8")
    return people


def test_a_person_known_by_seed_004_transactions_alone_is_scored(
    tmp_path: Path, engine: Engine
) -> None:
    """M1 bought only in seed 004 (its transactions are completed orders); M9, a record of
    another source, and M8, nobody's, bought nothing the models count."""
    people = _linked(tmp_path, [
        ("M1", datetime(2025, 6, 1), 30.0), ("M1", datetime(2025, 9, 1), 30.0),
        ("M9", datetime(2025, 9, 1), 30.0), ("M8", datetime(2025, 9, 1), 30.0),
    ])  # fmt: skip
    [(_, rows, _)] = publish_scores(tmp_path, engine)
    scored = lake.read_table(tmp_path, "gold", "customer_scores")["customer360_id"].to_pylist()
    assert rows == 401 and scored == [*people, "c360_90000001"]
    card = (tmp_path / "reports" / CHURN_CARD).read_text()
    assert "seed 004's `stg_mongo_transactions` of linked people" in card


def test_without_seed_004_purchases_the_scores_are_as_before(
    tmp_path: Path, engine: Engine
) -> None:
    """No transaction of a linked person, no transactions table, no source reading seed 004's
    customers: the same scores, to the bit."""
    _linked(tmp_path / "none", [("M9", datetime(2025, 9, 1), 30.0)])
    _linked(tmp_path / "no_table", [])
    lake.drop(tmp_path / "no_table", "silver", "stg_mongo_transactions")
    _linked(tmp_path / "no_source", [("M1", datetime(2025, 9, 1), 30.0)])
    (tmp_path / "no_source" / "c360.yaml").unlink()
    tables = []
    for ws in ("none", "no_table", "no_source"):
        [(_, rows, _)] = publish_scores(tmp_path / ws, engine)
        tables.append(lake.read_table(tmp_path / ws, "gold", "customer_scores"))
        assert rows == 400
    assert tables[0].equals(tables[1]) and tables[1].equals(tables[2])
    card = (tmp_path / "no_table" / "reports" / CHURN_CARD).read_text()
    assert "stg_mongo_transactions" not in card


def test_every_engine_scores_alike(tmp_path: Path, engine: Engine) -> None:
    for ws in ("here", "duckdb"):
        _workspace(tmp_path / ws, 300, np.random.default_rng(5))
    publish_scores(tmp_path / "here", engine)
    publish_scores(tmp_path / "duckdb", connect("duckdb"))
    here, there = (
        lake.read_table(tmp_path / ws, "gold", "customer_scores") for ws in ("here", "duckdb")
    )
    assert here.num_rows == 300 and here.equals(there)  # both in customer360_id order


def test_training_samples_when_there_are_too_many(
    tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    _workspace(tmp_path, 400, np.random.default_rng(3))
    monkeypatch.setattr(publish_churn, "TRAIN_CAP", 150)
    [(_, rows, _)] = publish_scores(tmp_path, engine)
    assert rows == 400  # everyone scored
    card = (tmp_path / "reports" / CHURN_CARD).read_text()
    assert "Training: 150 customers" in card and "At most 150 customers per cutoff" in card


def test_a_workspace_too_small_gets_an_empty_table_and_says_why(
    tmp_path: Path, engine: Engine
) -> None:
    _workspace(tmp_path, 6, np.random.default_rng(3))
    assert [rows for _, rows, _ in publish_scores(tmp_path, engine)] == [0]
    table = lake.read_table(tmp_path, "gold", "customer_scores")
    assert table.schema == CUSTOMER_SCORES.arrow_schema()
    assert "Not fitted: at " in (tmp_path / "reports" / CHURN_CARD).read_text()

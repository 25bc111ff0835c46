"""The CLV model fitted on a workspace's gold orders: its table and its model card."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.ml.publish import CARD, METRICS, publish_clv, record_metrics
from c360.pipeline import lake


def _orders(customers: int, seed: int = 3) -> pa.Table:
    rng = np.random.default_rng(seed)
    rows = []
    start = datetime(2024, 1, 1)
    for c in range(customers):
        first = int(rng.integers(0, 300))
        for k in range(int(rng.integers(1, 6))):
            day = first + k * int(rng.integers(5, 60))
            rows.append({"customer360_id": f"c360_{c:08d}", "status": "completed",
                         "order_at": start + timedelta(days=day),
                         "total_amount_eur": float(rng.gamma(4, 20))})  # fmt: skip
    rows.append({"customer360_id": "c360_99999999", "status": "canceled",
                 "order_at": start, "total_amount_eur": 5.0})  # fmt: skip
    return pa.Table.from_pylist(rows)


def test_the_fit_is_published_with_its_card(tmp_path: Path) -> None:
    lake.publish_table(tmp_path, "gold", "fct_orders", _orders(400))
    rows, _ = publish_clv(tmp_path)
    table = lake.read_table(tmp_path, "gold", "customer_clv")
    assert rows == table.num_rows == 400  # the canceled-only customer is not there
    p_alive = table["p_alive"].to_numpy()
    assert ((p_alive >= 0) & (p_alive <= 1)).all()
    one_purchase = table.filter(pc.equal(table["frequency"], 0))
    assert set(one_purchase["p_alive"].to_pylist()) == {1.0}
    card = (tmp_path / "reports" / CARD).read_text()
    assert "| BG/NBD | r=" in card and "400 customers" not in card and "Customers: 400" in card


def _steady_orders(customers: int = 300, seed: int = 1) -> pa.Table:
    """Customers buying at their own rate until the last day, none ever dropping out."""
    rng = np.random.default_rng(seed)
    rows, start = [], datetime(2024, 1, 1)
    for c in range(customers):
        rate = rng.gamma(2, 1 / 60)
        day = rng.exponential(1 / rate)
        while day < 700:
            rows.append({"customer360_id": f"c360_{c:08d}", "status": "completed",
                         "order_at": start + timedelta(days=float(day)),
                         "total_amount_eur": float(rng.gamma(4, 20))})  # fmt: skip
            day += rng.exponential(1 / rate)
    return pa.Table.from_pylist(rows)


def test_a_fit_without_dropout_says_p_alive_tells_no_churn(tmp_path: Path) -> None:
    lake.publish_table(tmp_path, "gold", "fct_orders", _steady_orders())
    publish_clv(tmp_path)
    card = (tmp_path / "reports" / CARD).read_text()
    assert "| yes |" in card  # the optimiser converged: the fit is what the data say
    assert "Dropout per repeat purchase: a/(a+b) = " in card
    assert "almost no dropout" in card and "churn_risk_score" in card
    p_alive = lake.read_table(tmp_path, "gold", "customer_clv")["p_alive"].to_numpy()
    assert p_alive.min() > 0.99  # what the note warns of


def test_a_fit_with_dropout_has_no_such_note(tmp_path: Path) -> None:
    lake.publish_table(tmp_path, "gold", "fct_orders", _orders(400))
    publish_clv(tmp_path)
    card = (tmp_path / "reports" / CARD).read_text()
    assert "Dropout per repeat purchase: a/(a+b) = 0.37" in card
    assert "almost no dropout" not in card


def test_too_few_repeat_customers_say_so(tmp_path: Path) -> None:
    lake.publish_table(tmp_path, "gold", "fct_orders", _orders(5))
    assert publish_clv(tmp_path)[0] == 0
    assert "Not fitted: too few customers to fit" in (tmp_path / "reports" / CARD).read_text()


def _recorded(workspace: Path) -> set[str]:
    return set(json.loads((workspace / "reports" / METRICS).read_text(encoding="utf-8")))


def _run_ends(workspace: Path, finished: str) -> None:
    """What a run writes when it ends: its report (reports/run_report.json)."""
    report = {"seconds": {"gold": 1.0, "customers": 1.0}, "finished_at": finished}
    (workspace / "reports" / "run_report.json").write_text(json.dumps(report), encoding="utf-8")


def test_the_figures_are_the_last_runs_only(tmp_path: Path) -> None:
    """A model the last run did not measure (no truth/ any more) keeps no figures from an
    earlier run, while the models of one run are all kept, whatever order they come in."""
    figures = {"fitted": True, "customers": 3, "model": {"auc": 0.7}, "baseline": {}}
    for model in ("recommendations", "churn_risk", "machine_engagement"):
        record_metrics(tmp_path, model, figures)
    assert _recorded(tmp_path) == {"recommendations", "churn_risk", "machine_engagement"}
    _run_ends(tmp_path, "2026-12-01T10:00:00+00:00")
    for model in ("recommendations", "churn_risk"):  # the next run: no truth, no machine figures
        record_metrics(tmp_path, model, figures)
    assert _recorded(tmp_path) == {"recommendations", "churn_risk"}
    _run_ends(tmp_path, "2026-12-02T10:00:00+00:00")
    record_metrics(tmp_path, "churn_risk", figures)  # a run that stopped after one model
    record_metrics(tmp_path, "machine_engagement", figures)
    assert _recorded(tmp_path) == {"churn_risk", "machine_engagement"}

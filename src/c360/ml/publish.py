"""The scores of a workspace: fitted on gold, published to gold, each with a model card."""

from __future__ import annotations

import hashlib
import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts.gold_scores import CUSTOMER_CLV
from c360.contracts.gold_star import FCT_ORDERS
from c360.ml.clv_fit import (
    NEGLIGIBLE_DROPOUT,
    ClvFit,
    TooFewCustomersError,
    no_dropout_note,
    orders_clv,
)
from c360.pipeline import lake
from c360.pipeline.gold.run import conform

CARD = "model_card_clv.md"
METRICS = "models.json"  # the last run's figures of every model, for `c360 models evaluate`
RUN_REPORT = "run_report.json"  # written by every run as it ends (c360.serve.run_report)
RUN = "run"  # the key of each entry telling the run that recorded it


def _run_before(workspace: Path) -> str:
    """What tells the runs apart while one is going on: the fingerprint of the report the run
    before wrote as it ended (the current run writes its own only after its last model);
    empty before any report."""
    try:
        data = (Path(workspace) / "reports" / RUN_REPORT).read_bytes()
    except OSError:
        return ""
    return hashlib.sha256(data).hexdigest()[:16]


def record_metrics(workspace: Path, model: str, figures: dict[str, Any]) -> None:
    """Store ``model``'s figures in ``reports/models.json``, beside the other models' figures of
    the same run; the figures an earlier run recorded are dropped, so a model this run did not
    measure (a workspace whose truth/ is gone) shows none.

    Each entry carries (as ``run``) the fingerprint of the run report there was when it was
    recorded: every entry of one run has the same, as a run writes its report only after its
    last model (no clock is compared)."""
    path = Path(workspace) / "reports" / METRICS
    path.parent.mkdir(parents=True, exist_ok=True)
    run = _run_before(workspace)
    known = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    same = {
        name: entry
        for name, entry in (known.items() if isinstance(known, dict) else ())
        if isinstance(entry, dict) and entry.get(RUN) == run
    }
    same[model] = {**figures, RUN: run}
    path.write_text(json.dumps(same, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def clv_table(fit: ClvFit) -> pa.Table:
    """The predictions as ``customer_clv``."""
    p = fit.predictions
    return conform(
        pa.table(
            {
                "customer360_id": p["customer360_id"],
                "frequency": pc.cast(p["frequency"], pa.int64()),
                "recency_days": p["recency"],
                "t_days": p["T"],
                "monetary": p["monetary"],
                "p_alive": p["p_alive"],
                "expected_purchases_12m": p["expected_purchases"],
                "expected_order_value": p["expected_order_value"],
                "clv_12m": p["clv"],
            }
        ),
        CUSTOMER_CLV,
    )


def model_card(fit: ClvFit | None, orders: pa.Table, reason: str = "") -> str:
    """The CLV model card: data window, features, parameters, fit, date."""
    completed = orders.filter(pc.equal(orders["status"], "completed"))
    first, last = pc.min(completed["order_at"]).as_py(), pc.max(completed["order_at"]).as_py()
    lines = [
        "# Model card — customer lifetime value (BG/NBD + Gamma-Gamma)",
        "",
        f"- Date: {datetime.now(UTC).date().isoformat()}",
        f"- Data window: completed orders of `fct_orders` from {first} to {last} "
        f"({completed.num_rows:,} orders), per `customer360_id`, as of the last order day",
        "- Features: frequency (repeat purchase days), recency and T (days), monetary (mean value "
        "of the repeat purchase days)",
        "- Output: `gold.customer_clv` (P(alive), purchases, order value and CLV over 12 months, "
        "10% yearly discount)",
    ]
    if fit is None:
        return "\n".join([*lines, "", f"Not fitted: {reason}", ""])
    b, g = fit.bgnbd, fit.gamma_gamma
    lines += [
        f"- Customers: {fit.predictions.num_rows:,}, {fit.repeat_customers:,} with a repeat "
        "purchase (the spend model learns from them)",
        "",
        "| model | parameters | log-likelihood | converged |",
        "| --- | --- | ---: | --- |",
        f"| BG/NBD | r={b.r:.4g}, α={b.alpha:.4g}, a={b.a:.4g}, b={b.b:.4g} | "
        f"{b.log_likelihood:,.2f} | {'yes' if b.converged else 'no'} |",
        f"| Gamma-Gamma | p={g.p:.4g}, q={g.q:.4g}, v={g.v:.4g} | {g.log_likelihood:,.2f} | "
        f"{'yes' if g.converged else 'no'} |",
        "",
        f"Dropout per repeat purchase: a/(a+b) = {fit.dropout_per_purchase:.2g}"
        + (
            f", below {NEGLIGIBLE_DROPOUT:g}: the fit found almost no dropout, so P(alive) is "
            "about 1 for every customer, however long their silence, and tells no churn here: "
            "see `churn_risk_score` (`gold.customer_scores`, `reports/model_card_churn.md`)"
            if fit.negligible_dropout
            else ""
        )
        + ".",
        "",
        f"12-month totals: {pc.sum(fit.predictions['expected_purchases']).as_py():,.0f} purchase "
        f"days, CLV {pc.sum(fit.predictions['clv']).as_py() or 0:,.0f}; fitted in "
        f"{fit.seconds:.1f} s. Proof of the estimator: the parameter-recovery test in "
        "`tests/ml/test_clv.py`.",
    ]
    said = no_dropout_note(b)  # the dropout line above says it, with what to use instead
    lines += [f"- Note: {note}" for note in fit.notes if note != said]
    return "\n".join(lines) + "\n"


def publish_clv(workspace: Path) -> tuple[int, float]:
    """Fit the CLV model on gold ``fct_orders``, publish ``customer_clv`` and the model card;
    a workspace with too few repeat customers gets an empty table and a card that says why."""
    started = time.perf_counter()
    orders = lake.read_built(workspace, "gold", FCT_ORDERS)
    try:
        fit: ClvFit | None = orders_clv(orders)
        reason = ""
    except TooFewCustomersError as exc:
        fit, reason = None, str(exc)
    table = clv_table(fit) if fit is not None else CUSTOMER_CLV.arrow_schema().empty_table()
    lake.publish_table(workspace, "gold", CUSTOMER_CLV.name, table)
    reports = Path(workspace) / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    (reports / CARD).write_text(model_card(fit, orders, reason), encoding="utf-8")
    record_metrics(workspace, "clv", _clv_figures(fit, reason))
    return table.num_rows, time.perf_counter() - started


def _clv_figures(fit: ClvFit | None, reason: str) -> dict[str, Any]:
    if fit is None:
        return {"fitted": False, "reason": reason}
    b, g = fit.bgnbd, fit.gamma_gamma
    return {
        "fitted": True,
        "customers": fit.predictions.num_rows,
        "model": {"bgnbd_log_likelihood": b.log_likelihood,
                  "gamma_gamma_log_likelihood": g.log_likelihood,
                  "converged": b.converged and g.converged},
        "baseline": {},  # the simple formulas (kpi_measures.clv) predict no future
    }  # fmt: skip

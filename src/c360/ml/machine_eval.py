"""How well the machine-engagement rules find the generator's scanners and proxies.

Scores ``gold.email_engagement_classified`` against ``truth/machine_events.csv`` (generated
workspaces only) and records the figures for ``c360 models evaluate``: precision and recall of
``is_machine`` overall and per machine kind, beside a baseline that trusts the user agent alone.
Only classified events count (opens and clicks of known sends).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from c360.contracts.gold_engagement import EMAIL_ENGAGEMENT_CLASSIFIED
from c360.contracts.truth import MACHINE_EVENTS, MACHINE_KINDS
from c360.ml.publish import record_metrics
from c360.pipeline import lake

NAME = "machine_engagement"
KIND_OF_REASON = {
    "scanner_user_agent": "scanner",
    "proxy_open": "proxy",
    "burst_click": "scanner",
    "instant_open": "scanner",
}
AGENT_REASONS = ("scanner_user_agent", "proxy_open")  # the baseline: the user agent alone


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if not precision or not recall:
        return None
    return 2 * precision * recall / (precision + recall)


def score(classified: pa.Table, truth: pa.Table) -> dict[str, Any]:
    """Figures of ``classified`` (event_id, machine_reason) against ``truth`` (event_id,
    machine_kind) for models.json.

    >>> c = pa.table({"event_id": ["a", "b", "c"], "customer_id": ["x", "x", "y"],
    ...               "machine_reason": ["proxy_open", None, "burst_click"]})
    >>> t = pa.table({"event_id": ["a", "b"], "machine_kind": ["proxy", "scanner"]})
    >>> s = score(c, t)["model"]
    >>> (s["precision"], s["recall"], s["proxy_precision"], s["scanner_recall"])
    (0.5, 0.5, 1.0, 0.0)
    """
    ids = classified["event_id"].to_pylist()
    reasons = classified["machine_reason"].to_pylist()
    true_kind = dict(
        zip(truth["event_id"].to_pylist(), truth["machine_kind"].to_pylist(), strict=True)
    )
    actual = [true_kind.get(i) for i in ids]
    said = [KIND_OF_REASON.get(r) if r else None for r in reasons]
    by_agent = [KIND_OF_REASON[r] if r in AGENT_REASONS else None for r in reasons]
    model = _counts(said, actual)
    for kind in MACHINE_KINDS:
        model[f"{kind}_precision"] = _ratio(
            sum(s == kind == a for s, a in zip(said, actual, strict=True)),
            sum(s == kind for s in said),
        )
        model[f"{kind}_recall"] = _ratio(
            sum(a == kind and s is not None for s, a in zip(said, actual, strict=True)),
            sum(a == kind for a in actual),
        )
    return {
        "fitted": True,
        "customers": len(pc.unique(classified["customer_id"])),
        "events": len(ids),
        "machine_events_true": sum(a is not None for a in actual),
        "machine_events_flagged": sum(s is not None for s in said),
        "model": model,
        "baseline": _counts(by_agent, actual),
    }


def _counts(said: list[str | None], actual: list[str | None]) -> dict[str, float | None]:
    """Precision, recall and F1 of "a machine made it", whatever the kind."""
    hits = sum(s is not None and a is not None for s, a in zip(said, actual, strict=True))
    precision = _ratio(hits, sum(s is not None for s in said))
    recall = _ratio(hits, sum(a is not None for a in actual))
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def read_truth(workspace: Path) -> pa.Table | None:
    """``truth/machine_events.csv`` as (event_id, machine_kind), or None without one."""
    path = Path(workspace) / MACHINE_EVENTS.path
    if not path.is_file():
        return None
    columns = ("event_id", "machine_kind")
    return pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(
            include_columns=list(columns), column_types={c: pa.string() for c in columns}
        ),
    )


def record_machine_engagement(workspace: Path) -> dict[str, Any] | None:
    """Score and record the rules when the workspace has their truth and the gold table; else
    do nothing (a user's own data has no truth) and return None."""
    workspace = Path(workspace)
    truth = read_truth(workspace)
    folder = lake.table_dir(workspace, "gold", EMAIL_ENGAGEMENT_CLASSIFIED.name)
    if truth is None or not folder.exists():
        return None
    classified = lake.read_table(workspace, "gold", EMAIL_ENGAGEMENT_CLASSIFIED.name).select(
        ["event_id", "customer_id", "machine_reason"]
    )
    figures = score(classified, truth)
    record_metrics(workspace, NAME, figures)
    return figures

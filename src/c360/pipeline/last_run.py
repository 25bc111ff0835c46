"""What the last run of a workspace built, as its report tells, and what to do about a table
it did not: for the commands that read its output (``query``, ``profile``, ``audience``…)."""

from __future__ import annotations

import json
from pathlib import Path

_STOPPED = "the last `c360 run` stopped before gold (--until)"


def layers_run(workspace: Path) -> set[str] | None:
    """The layers the last run ran, as its report's timings name them; None without a report
    that reads."""
    try:
        data = json.loads((Path(workspace) / "reports" / "run_report.json").read_text("utf-8"))
        return set(data["seconds"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def why_no_gold(workspace: Path) -> str:
    """What to do about a lake without gold tables."""
    ran = layers_run(workspace)
    if ran is None:
        return "run `c360 run` first"
    if "gold" not in ran:
        return f"{_STOPPED}: run it without --until"
    return (
        "the last `c360 run` built none, their sources not being in this workspace "
        "(reports/run_report.md lists what it landed; docs/own-data.md, what each table needs)"
    )


def why_no_warehouse(workspace: Path) -> str:
    """What to do about a workspace without ``warehouse.duckdb``."""
    ran = layers_run(workspace)
    if ran is not None and "gold" not in ran:
        return f"{_STOPPED}, and the warehouse is built after gold: run it without --until"
    return "run `c360 run` first"


def why_no_customers(workspace: Path) -> str:
    """What to do about a workspace without resolved customers (``customer_profile``, the
    identity links)."""
    ran = layers_run(workspace)
    if ran is None:
        return "run `c360 run` first (with identity sources in c360.yaml)"
    if "gold" not in ran:
        return f"{_STOPPED}: run it without --until"
    if "identity" not in ran:
        return (
            "the last `c360 run` resolved no customers: c360.yaml names no identity sources "
            "(docs/identity.md)"
        )
    return "the last `c360 run` did not finish building customers: run it again"

"""What the last run of a workspace built, as its report tells, and what to do about a table
it did not: for the commands that read its output (``query``, ``profile``, ``audience``…)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
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


# What a run builds after silver, which a run stopped earlier leaves as the run before made it.
_REPORTS = ("sales_report.txt", "kpis_dashboard.txt", "report.html")


def _report(workspace: Path) -> dict | None:
    try:
        data = json.loads((Path(workspace) / "reports" / "run_report.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def gold_built_at(workspace: Path) -> datetime | None:
    """When gold and the warehouse were last built (the newest of the gold tables' folders and
    ``warehouse.duckdb``, each written anew by a run that builds them, never by a command that
    reads them); None when there is neither."""
    root = Path(workspace)
    gold = root / "lake" / "gold"
    found = [root / "warehouse.duckdb"]
    if gold.is_dir():
        found += [p for p in gold.iterdir() if p.is_dir() and not p.name.startswith(".")]
    times = []
    for path in found:
        try:
            times.append(path.stat().st_mtime)
        except OSError:
            continue
    return datetime.fromtimestamp(max(times), UTC) if times else None


def shown_time(moment: datetime | None) -> str:
    """``2026-12-07 06:52:35 UTC``; ``unknown time`` for None."""
    if moment is None:
        return "unknown time"
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def stopped_at(workspace: Path) -> tuple[str, datetime | None] | None:
    """The layer the last run stopped at (``bronze``, ``silver``) and when it finished, when it
    stopped before gold while gold or the warehouse of an earlier run are still there; None
    otherwise (no report, a run that built gold, nothing earlier to mistake for this run's)."""
    data = _report(workspace)
    seconds = data.get("seconds") if data else None
    if not isinstance(seconds, dict) or not seconds or "gold" in seconds:
        return None
    if gold_built_at(workspace) is None:
        return None
    layer = "silver" if "silver" in seconds else "bronze"
    try:
        finished = datetime.fromisoformat(str(data.get("finished_at")))  # type: ignore[union-attr]
    except ValueError:
        finished = None
    return layer, finished


def earlier_output(workspace: Path, layer: str) -> str:
    """What a run stopped at ``layer`` left as the earlier run built it: ``gold, the warehouse,
    exports/ and the reports (sales_report.txt, …)``, naming only what is there."""
    root = Path(workspace)
    parts = ["silver"] if layer == "bronze" and (root / "lake" / "silver").is_dir() else []
    parts.append("gold")
    if (root / "warehouse.duckdb").exists():
        parts.append("the warehouse")
    if (root / "exports").is_dir():
        parts.append("exports/")
    if reports := [name for name in _REPORTS if (root / "reports" / name).exists()]:
        parts.append(f"the reports ({', '.join(reports)})")
    return ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]


def stale_gold(workspace: Path) -> str | None:
    """The one-line warning for a command that reads gold, the warehouse or the customers when
    the last run stopped before gold while an earlier run's are still there: they do not hold
    the sources the last run read. None when they are the last run's (or there are none)."""
    stop = stopped_at(workspace)
    if stop is None:
        return None
    layer, finished = stop
    return (
        f"the last `c360 run` stopped at {layer} ({shown_time(finished)}); "
        f"{earlier_output(workspace, layer)} are from the run of "
        f"{shown_time(gold_built_at(workspace))}: run `c360 run` without --until"
    )


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

"""What the last run of a workspace built, as its report tells (or, for a run that did not
finish, the note it keeps while it runs), and what to do about a table it did not: for the
commands that read its output (``query``, ``profile``, ``audience``…)."""

from __future__ import annotations

import fcntl
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from c360.config import PROJECT_FILE
from c360.workspace import LOCK_FILE

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
    the last run did not finish, or stopped before gold, while an earlier run's are still
    there: they do not hold the sources the last run read. None when they are the last run's
    (or there are none)."""
    if (unfinished := _unfinished(workspace)) is not None:
        return unfinished
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
        missing = (
            "c360.yaml names no identity sources"
            if (workspace / PROJECT_FILE).exists()
            else "the workspace has no c360.yaml naming identity sources"
        )
        return f"the last `c360 run` resolved no customers: {missing} (docs/identity.md)"
    return "the last `c360 run` did not finish building customers: run it again"


# A run's note, from its start to its end: a run that raised, was interrupted or killed leaves
# it, and so tells the commands that read gold that gold is not that run's.
RUN_FILE = ".c360-run.json"
# The layers in the order a run goes through them; from identity on, gold is rewritten.
_ORDER = ("bronze", "silver", "text", "identity", "gold", "customers", "serve")
_LAST_LAYER = {"bronze": "bronze", "silver": "text"}  # the last layer a run --until runs


def run_started(workspace: Path, until: str) -> None:
    """Note that a run started (under the workspace's lock, before it writes anything). What a
    run that did not finish before it left is kept: gold's time, and how far it went (unless
    gold has gone since: new sources)."""
    for part in Path(workspace).glob(f"{RUN_FILE}.*"):  # a note a killed run was writing
        part.unlink(missing_ok=True)
    before = _note(workspace)
    gold = gold_built_at(workspace)
    if before is None or gold is None:
        before = {"gold_at": gold.isoformat() if gold else None, "layer": None, "reached": None}
    now = datetime.now(UTC).isoformat(timespec="seconds")
    _write(workspace, before | {"started_at": now, "until": until})


def run_at(workspace: Path, layer: str) -> None:
    """Note that the run started ``layer``."""
    note = _note(workspace) or {}
    reached = note.get("reached")
    if reached not in _ORDER or _ORDER.index(layer) > _ORDER.index(reached):
        reached = layer
    _write(workspace, note | {"layer": layer, "reached": reached})


def run_finished(workspace: Path, until: str = "gold") -> None:
    """Clear the note: the run finished. A run stopped early on purpose (``until``) that did
    not rebuild every layer an unfinished run before it reached leaves the note, marked."""
    note = _note(workspace) or {}
    reached, last = note.get("reached"), _LAST_LAYER.get(until, "serve")
    if reached in _ORDER and _ORDER.index(reached) > _ORDER.index(last):
        _write(workspace, note | {"finished_until": until})
        return
    (Path(workspace) / RUN_FILE).unlink(missing_ok=True)


def _write(workspace: Path, note: dict) -> None:
    path = Path(workspace) / RUN_FILE
    part = path.with_name(f"{RUN_FILE}.{os.getpid()}")
    part.write_text(json.dumps(note), "utf-8")
    os.replace(part, path)  # whole or not at all, however the run ends


def _note(workspace: Path) -> dict | None:
    """The note of a run that has not finished; ``{}`` for one that does not read; None for
    none."""
    try:
        text = (Path(workspace) / RUN_FILE).read_text("utf-8")
    except FileNotFoundError:
        return None
    except OSError:
        return {}
    try:
        note = json.loads(text)
    except ValueError:
        return {}
    return note if isinstance(note, dict) else {}


def _time(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _unfinished(workspace: Path) -> str | None:
    """The warning of :func:`stale_gold` for a run that has not finished: under way, or
    stopped part-way; None without one, or when it stopped before it changed anything."""
    note = _note(workspace)
    if note is None or gold_built_at(workspace) is None:
        return None
    layer, reached = note.get("layer"), note.get("reached")
    if note and reached is None:  # stopped before bronze: what there is is as it was
        return None
    if not note:  # a note that does not read: a run did not finish, no more is known
        output = earlier_output(workspace, "bronze")
        return f"a `c360 run` did not finish: {output} may be partly its: run `c360 run` again"
    started = shown_time(_time(note.get("started_at")))
    before_gold = reached in _ORDER and _ORDER.index(reached) < _ORDER.index("identity")
    output = earlier_output(workspace, "bronze" if reached == "bronze" else "silver")
    verb = "is" if output == "gold" else "are"
    earlier = _time(note["gold_at"]) if note.get("gold_at") else None
    if (until := note.get("finished_until")) is not None:
        output = earlier_output(workspace, until)
        verb = "is" if output == "gold" else "are"
        return (
            f"an earlier `c360 run` reached {reached} and stopped before it finished, and the "
            f"last one stopped at {until} (--until): {output} {verb} partly that earlier run's: "
            "run `c360 run` without --until"
        )
    running = _running(workspace)
    if running:
        head = f"a `c360 run` (started {started}) is at {layer}"
    else:
        at = f" at {layer}" if layer in _ORDER else ""
        head = f"the last `c360 run` (started {started}) stopped{at} before it finished"
        if reached == "silver":  # its models publish one by one
            head += " (silver is partly its)"
    if "gold_at" in note and earlier is None:
        body = f"{output} {verb} incomplete"
    elif before_gold:
        body = f"{output} {verb} from the run of {shown_time(earlier)}"
    else:
        body = f"{output} {verb} partly its, partly from the run of {shown_time(earlier)}"
    if running:
        return f"{head}; {body} until it finishes"
    again = "" if note.get("until", "gold") == "gold" else " without --until"
    return f"{head}; {body}: run `c360 run` again{again}"


def _running(workspace: Path) -> bool:
    """Whether a `c360 run` holds the workspace's lock now: a killed run holds none, whatever
    the lock file still says (the process ids it names are reused)."""
    try:
        fd = os.open(Path(workspace) / LOCK_FILE, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return os.pread(fd, 512, 0).decode("utf-8", "replace").startswith("c360 run")
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def gold_workspace(path: Path) -> Path | None:
    """The workspace whose gold or exports ``path`` is in (``<workspace>/lake/gold/<table>``,
    ``<workspace>/exports/csv/<table>.csv``…), or None."""
    parts = Path(path).absolute().parts
    for at in range(len(parts) - 2, 0, -1):
        if parts[at] == "exports" or parts[at - 1 : at + 1] == ("lake", "gold"):
            return Path(*parts[: at if parts[at] == "exports" else at - 1])
    return None

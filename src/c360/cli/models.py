"""``c360 models evaluate``: every model's measured figures next to its baseline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table as RichTable

from c360.cli._console import console, fail, plain, warning
from c360.cli._help import App
from c360.cli._paths import Workspace, check_workspace

app = App(help="The models of the last run and how well they did.", no_args_is_help=True)


@app.command("evaluate")
def evaluate_command(
    workspace: Workspace = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
) -> None:
    """Each model's metrics beside its baseline, as measured by the last `c360 run`."""
    check_workspace(workspace)
    from c360.ml.publish import METRICS
    from c360.pipeline.last_run import stale_gold

    warning(stale_gold(workspace))

    path = workspace / "reports" / METRICS
    if not path.is_file():
        raise fail(f"no model figures at {path}: {_why_no_figures(workspace)}")
    try:
        figures: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise fail(f"cannot read {path}: {exc}") from None
    if not _by_model(figures):
        raise fail(f"{path} does not hold figures by model: `c360 run` writes it anew")
    if as_json:
        typer.echo(json.dumps(figures, indent=2))
        return
    table = RichTable(title="Models (last run)", title_justify="left", show_edge=False)
    for column in ("model", "metric", "model value", "baseline", "customers"):
        table.add_column(column, justify="left" if column in ("model", "metric") else "right")
    for name, entry in sorted(figures.items()):
        if not entry.get("fitted"):
            table.add_row(plain(name), "not fitted", plain(entry.get("reason", "")), "", "")
            continue
        baseline = entry.get("baseline", {})
        for metric, value in entry.get("model", {}).items():
            table.add_row(
                plain(name),
                plain(metric),
                plain(_shown(value)),
                plain(_shown(baseline.get(metric))),
                f"{entry.get('customers', 0):,}",
            )
    console.print(table)


def _by_model(figures: object) -> bool:
    """Whether ``figures`` is shaped as `c360 run` writes them: by model, its metrics and its
    baseline's as mappings, its customers a number, why it was not fitted a text."""
    if not isinstance(figures, dict):
        return False
    for entry in figures.values():
        if not isinstance(entry, dict):
            return False
        if not all(isinstance(entry.get(part, {}), dict) for part in ("model", "baseline")):
            return False
        if not isinstance(entry.get("customers", 0), int | float):
            return False
        if not isinstance(entry.get("reason", ""), str):
            return False
    return True


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.4f}" if abs(value) < 1000 else f"{value:,.1f}"
    return str(value)


def _why_no_figures(workspace: Path) -> str:
    """What to do about a workspace without model figures, as the last run's report tells."""
    from c360.pipeline.last_run import layers_run

    ran = layers_run(workspace) or set()
    if "gold" in ran and "customers" not in ran:
        return (
            "the last `c360 run` built no customer models: they are built on the customers "
            "identity resolves (identity: in c360.yaml, docs/identity.md)"
        )
    return "run `c360 run` first (without --until)"

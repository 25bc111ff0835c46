"""``c360 quality score``: how many planted defects the pipeline caught, and what it got wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table as RichTable

from c360.cli._console import console, fail
from c360.cli._help import App
from c360.cli._paths import check_workspace, workspace_option

if TYPE_CHECKING:
    from c360.quality.score import Score

app = App(help="Data quality against the generator's ground truth.", no_args_is_help=True)


@app.command("score")
def score_command(
    workspace: Annotated[
        Path,
        workspace_option("A generated workspace after `c360 run`."),
    ] = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
) -> None:
    """Compare quarantine and repairs with truth/defects.csv: share caught, false rejects."""
    check_workspace(workspace)
    from c360.quality.score import ScoreError, score

    try:
        result = score(workspace)
    except ScoreError as exc:
        raise fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(result.as_dict(), indent=2))
    else:
        print_score(result)


def print_score(result: Score) -> None:
    """One row per source table, then the totals against the targets."""
    from c360.quality.score import CAUGHT_TARGET, FALSE_REJECT_LIMIT

    table = RichTable(title="Planted defects", title_justify="left")
    for name in ("table", "rows", "defects", "quarantined", "repaired", "kept NULL", "missed",
                 "false rejects", "false repairs"):  # fmt: skip
        table.add_column(name, justify="left" if name == "table" else "right")
    for t in result.tables:
        missed = sum(t.missed.values())
        repairs = sum(t.false_repairs.values())
        table.add_row(
            t.table if t.staged else f"{t.table} *",
            f"{t.rows:,}", f"{t.defects:,}", f"{t.quarantined:,}", f"{t.repaired:,}",
            f"{t.kept_null:,}", f"[red]{missed:,}[/]" if missed else "0", f"{t.false_rejects:,}",
            f"[red]{repairs:,}[/]" if repairs else "0",
        )  # fmt: skip
    console.print(table)
    if unstaged := {t.table for t in result.tables if not t.staged}:
        console.print(f"* {_unstaged(unstaged)}: only its bronze quarantine is scored")
    if result.false_repairs:
        where = "; ".join(
            f"{t.table} " + ", ".join(f"{c} {n:,}" for c, n in t.false_repairs.items())
            for t in result.tables if t.false_repairs
        )  # fmt: skip
        plural = "s" if result.false_repairs > 1 else ""
        console.print(
            f"[red]silver replaced {result.false_repairs:,} clean value{plural}[/] the "
            f"generator did not spoil: {where}"
        )
    verdict = "[green]targets met[/]" if result.passed else "[red]targets not met[/]"
    console.print(
        f"caught {result.caught_rate:.2%} of {result.defects:,} planted defects "
        f"(target ≥ {CAUGHT_TARGET:.0%}); wrongly rejected {result.false_reject_rate:.3%} of "
        f"clean rows (limit {FALSE_REJECT_LIMIT:.1%}) — {verdict}"
    )


def _unstaged(tables: set[str]) -> str:
    """Why tables have no silver model: identity sources are read by identity resolution."""
    from c360.contracts import identity

    if tables <= {t.name for t in identity.TABLES}:
        return "an identity source, read by identity resolution rather than a silver model"
    return "no silver model"

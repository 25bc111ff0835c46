"""``c360 generate``: write a workspace's synthetic sources and ground truth."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table as RichTable
from rich.text import Text

from c360.cli._console import console, fail, progress_bar
from c360.cli._options import check_choice, number, whole
from c360.cli._paths import Workspace, check_workspace

if TYPE_CHECKING:
    from c360.generate import Result
    from c360.generate.runner import Part, Progress

# c360.generate.plan's limits, repeated so that a wrong value is told before the generator (and
# the pipeline it imports) loads; a test compares them.
MIN_SCALE, MAX_SCALE, MAX_DIRT = 0.01, 100.0, 0.2
FORMATS = ("csv", "parquet")

Scale = Annotated[
    float,
    typer.Option(
        parser=number(MIN_SCALE, MAX_SCALE),
        help=f"Size multiplier: 1 = the seed volumes ({MIN_SCALE:g} to {MAX_SCALE:g}).",
    ),
]
Seed = Annotated[
    int,
    typer.Option(
        parser=whole(0),
        help="Random seed, 0 or more; the same seed and scale give identical files.",
    ),
]
Format = Annotated[
    str, typer.Option("--format", help="File format of the seed-000 tables: csv or parquet.")
]
Force = Annotated[
    bool,
    typer.Option(
        "--force",
        help=(
            "Replace the files an earlier generate wrote (files of your own stay; one where "
            "the generator writes stops it), and remove what runs built from the old ones "
            "(lake, warehouse, exports, reports)."
        ),
    ),
]
DirtRate = Annotated[
    float,
    typer.Option(
        "--dirt",
        parser=number(0, MAX_DIRT),
        help=f"Share of seed-000 rows given a defect (0 to {MAX_DIRT:g}).",
    ),
]


def generate_command(
    workspace: Workspace = Path("."),
    scale: Scale = 1.0,
    seed: Seed = 42,
    file_format: Format = "csv",
    force: Force = False,
    dirt: DirtRate = 0.0,
) -> None:
    """Generate the synthetic sources of every seed, with their ground truth."""
    result, seconds = run_generate(workspace, scale, seed, file_format, force, dirt)
    print_summary(result, seconds)


def run_generate(
    workspace: Path, scale: float, seed: int, file_format: str, force: bool, dirt: float
) -> tuple[Result, float]:
    """Validate the arguments, generate with a progress bar, turn known errors into one line."""
    check_choice("--format", file_format, FORMATS)
    check_workspace(workspace, new=True)
    from c360.generate import (
        MongoLoadError,
        Plan,
        WorkspaceNotEmptyError,
        generate,
    )
    from c360.generate import check_workspace as check_empty
    from c360.workspace import WorkspaceBusyError

    try:
        plan = Plan(seed=seed, scale=scale, file_format=file_format, dirt=dirt)
    except ValueError as exc:
        raise fail(str(exc)) from None
    started = time.perf_counter()
    try:
        check_empty(workspace, force)
        with progress_bar("generating") as bar:
            task = bar.add_task("generate", total=len(plan.blocks()))
            tell: Progress = (
                Lines(plan.n_customers)  # no terminal: no bar, lines
                if bar.disable
                else lambda part: bar.update(task, completed=part.blocks_done)
            )
            result = generate(workspace, plan, force=force, progress=tell)
    except (WorkspaceNotEmptyError, WorkspaceBusyError, MongoLoadError) as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot write to {workspace}: {exc.strerror or exc}") from None
    return result, time.perf_counter() - started


class Lines:
    """Where a bar cannot be drawn (a log, a pipe): one plain line per part as it is written, on
    stdout beside the summary; a part that wrote nothing has none. Generation that fails has
    told only the parts it finished."""

    def __init__(self, customers: int) -> None:
        self.customers = customers  # of the whole plan

    def __call__(self, part: Part) -> None:
        if not part.rows and not part.files:
            return
        if part.customers is None:
            which = "dimensions"
        else:
            start, stop = part.customers
            which = f"customers {start + 1:,}–{stop:,} of {self.customers:,}"
        tables = len(part.rows)
        wrote = f"{tables} table{'' if tables == 1 else 's'}, {sum(part.rows.values()):,} rows"
        if part.files:
            wrote += f", {sum(part.files.values()):,} text files"
        if part.defects:
            wrote += f", {part.defects:,} defects planted"
        # Rich flushes each print: the line is in the log as soon as the part is written.
        console.print(
            f"{part.source}, {which}: {wrote}, {part.seconds:.1f} s",
            markup=False, highlight=False, soft_wrap=True,
        )  # fmt: skip


def print_summary(result: Result, seconds: float) -> None:
    """Rows per table, defects planted, and the manifest digest."""
    title = Text(f"Sources written to {result.workspace}", style="table.title")
    table = RichTable(title=title, title_justify="left")
    table.add_column("table")
    table.add_column("rows / files", justify="right")
    for name, rows in sorted(result.rows.items()):
        table.add_row(name, f"{rows:,}")
    console.print(table)
    total = sum(r for n, r in result.rows.items() if not n.startswith("truth_"))
    console.print(
        f"{total:,} source rows and files, {result.defects:,} planted defects "
        f"(truth/defects.csv), in {seconds:.1f} s"
    )
    console.print(f"manifest sha256 {result.manifest_sha256}")
    if result.mongo_documents:
        loaded = ", ".join(f"{k} {v:,}" for k, v in result.mongo_documents.items())
        console.print(f"MongoDB bronze_db loaded: {loaded}")

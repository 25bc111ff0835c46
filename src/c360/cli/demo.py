"""``c360 demo``: generate into ./c360-demo (scale 1 unless told), run the pipeline, show it all."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from c360.cli._paths import workspace_option
from c360.cli.generate import Scale, print_summary, run_generate
from c360.cli.run import run_command


def demo_command(
    workspace: Annotated[
        Path, workspace_option("Folder to make the demo in (new or empty, unless --force).")
    ] = Path("c360-demo"),
    scale: Scale = 1.0,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing demo.")] = False,
) -> None:
    """Generate every seed's sources (seed 42, at --scale) in the workspace; run the pipeline."""
    result, seconds = run_generate(workspace, scale, 42, "csv", force, 0.0)
    print_summary(result, seconds)
    run_command(workspace, until="gold", engine=None)

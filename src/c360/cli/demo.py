"""``c360 demo``: generate scale 1 into ./c360-demo, run the pipeline, show what was made."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from c360.cli._paths import workspace_path
from c360.cli.generate import Scale, print_summary, run_generate
from c360.cli.run import run_command


def demo_command(
    workspace: Annotated[Path, typer.Option("--workspace", "-w", parser=workspace_path)] = Path(
        "c360-demo"
    ),
    scale: Scale = 1.0,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing demo.")] = False,
) -> None:
    """Run the demo on the embedded default: every seed's sources at scale 1, then the pipeline."""
    result, seconds = run_generate(workspace, scale, 42, "csv", force, 0.0)
    print_summary(result, seconds)
    run_command(workspace, until="gold", engine=None)

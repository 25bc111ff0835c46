"""``c360 demo``: generate scale 1 into ./c360-demo and show what was made."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from c360.cli.generate import print_summary, run_generate


def demo_command(
    workspace: Annotated[Path, typer.Option("--workspace", "-w")] = Path("c360-demo"),
    scale: Annotated[float, typer.Option(help="Size multiplier (1 = seed volumes).")] = 1.0,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing demo.")] = False,
) -> None:
    """Run the demo on the embedded default: synthetic sources of every seed at scale 1."""
    result, seconds = run_generate(workspace, scale, 42, "csv", force, 0.0)
    print_summary(result, seconds)

"""The files and folders a command is given, checked before any work: one line if wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from c360.cli._console import fail


def workspace_path(value: str | Path) -> Path:
    """A Typer ``parser`` for ``--workspace``: the folder given, or a one-line error for an
    empty one (an unset variable in ``-w "$WS"``), which would be the current folder."""
    if not str(value).strip():
        raise typer.BadParameter(
            "no folder given: give the workspace folder ('.' for the current one)"
        )
    return Path(value)


def workspace_option(help: str = "Workspace directory.") -> Any:
    """``--workspace``/``-w``: a folder (``DIR`` in help), checked as it is parsed."""
    return typer.Option("--workspace", "-w", metavar="DIR", help=help, parser=workspace_path)


Workspace = Annotated[Path, workspace_option()]


def check_workspace(path: Path, *, new: bool = False) -> None:
    """A workspace folder, or the error to raise: missing (unless ``new``, for a command that
    makes it), or a file given for it."""
    if not path.exists() and not new:
        raise fail(f"no workspace at {path} (c360 generate or c360 demo makes one)")
    if path.exists() and not path.is_dir():
        raise fail(f"{path} is a file, not a workspace folder")


def check_input_file(path: Path, expected: str) -> None:
    """A file to read, or the error to raise; ``expected`` says what to give, e.g. 'a .sql file'."""
    if path.is_dir():
        raise fail(f"{path} is a folder, not a file: give {expected}")
    if not path.exists():  # a pipe, such as /dev/stdin or <(...), is fine
        raise fail(f"no such file: {path}")

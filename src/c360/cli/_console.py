"""Shared console helpers: one Rich console, one-line errors, progress bars."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

# No emoji codes: a value, a header or a path holding ":x:" is printed as written, not as ❌.
console = Console(emoji=False)
err_console = Console(stderr=True, soft_wrap=True, emoji=False)


def fail(message: str) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code=2)


def os_error(exc: OSError) -> str:
    """An operating system's error on one line, naming its file (Python's text repeats it)."""
    if exc.filename is not None and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    return exc.strerror or str(exc)


def silence_stdout() -> None:
    """Point stdout at /dev/null, so that Python's flush at exit finds no broken pipe nor full
    disk to complain of."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


@contextmanager
def progress_bar(label: str) -> Iterator[Progress]:
    """A progress bar on stderr that disappears when done."""
    with Progress(
        TextColumn(label),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,  # no bar (nor its blank line) in logs
    ) as bar:
        yield bar

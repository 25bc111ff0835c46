"""Shared console helpers: one Rich console, one-line errors, progress bars."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text


class _WholeTables(Console):
    """A console whose tables fit a terminal's width, but are printed whole off a terminal: a
    log, a file or another program gets every name and value in full, whatever width it
    inherits (``COLUMNS``, or Rich's 80). Text wraps as on any console."""

    def print(self, *objects: Any, **options: Any) -> None:
        tables = [o for o in objects if isinstance(o, Table)]
        if not tables or self.is_terminal:
            super().print(*objects, **options)
            return
        whole = self.options.update(max_width=sys.maxsize)
        needed = max(self.measure(table, options=whole).maximum for table in tables)
        if needed <= self.width:
            super().print(*objects, **options)
            return
        width = self._width
        self._width = needed
        try:
            super().print(*objects, **options)
        finally:
            self._width = width


# No emoji codes: a value, a header or a path holding ":x:" is printed as written, not as ❌.
console: Console = _WholeTables(emoji=False)
err_console = Console(stderr=True, soft_wrap=True, emoji=False)


# Control characters (a terminal obeys ESC, BEL, CSI...) and the marks that turn text around.
_UNSEEN = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
LONGEST = 1000  # characters of an error shown: a binary file's "header" would fill the screen


def visible(text: str) -> str:
    """``text`` with its control characters shown escaped (ESC as ``\\x1b``, a tab as ``\\t``):
    a terminal prints them instead of obeying them."""
    return _UNSEEN.sub(lambda m: _NAMED.get(m[0]) or ascii(m[0])[1:-1], text)


def literal(value: object) -> str:
    """``value`` as Rich markup that prints it as written: ``[/x]`` is no tag, ``[draft]`` stays.
    Inside markup only (a trailing backslash is doubled for the tag that follows); a table cell
    or a line without markup takes ``plain``."""
    return escape(visible(str(value)))


def plain(value: object) -> Text:
    """``value`` as text that Rich never reads as markup: a table's cell or header."""
    return Text(visible(str(value)))


def one_line(message: str) -> str:
    """``message`` safe on a terminal, on one line: control characters shown escaped (ESC as
    ``\\x1b``); what would make it longer than ``LONGEST`` characters cut, saying how much."""
    shown: list[str] = []
    size = 0
    for at, char in enumerate(message):
        piece = visible(char)
        size += len(piece)
        if size > LONGEST:
            return f"{''.join(shown)}… ({len(message) - at:,} more characters)"
        shown.append(piece)
    return "".join(shown)


def labelled(label: str, message: str, style: str = "yellow") -> Text:
    """``note: MESSAGE`` with the label styled and the message as written."""
    return Text.assemble((label, style), " ", visible(message))


def warning(message: str | None) -> None:
    """Print ``message`` as a one-line warning on stderr; nothing for None."""
    if message is not None:
        err_console.print(labelled("warning:", one_line(message)), highlight=False)


def error(message: str) -> None:
    """Print ``message`` as a one-line error on stderr."""
    err_console.print(
        Text.assemble(("error:", "bold red"), " ", one_line(message)), highlight=False
    )


def fail(message: str) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    error(message)
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

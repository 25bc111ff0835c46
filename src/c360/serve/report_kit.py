"""What the text and HTML reports share: reading gold tables, formatting numbers, writing files.

Money has 2 decimals and thousands separators, counts have separators and their noun in the
singular for 1, rates are percentages, other ratios keep 2 significant digits;
a missing value (NULL or NaN) is ``-``, and so is a total of values none of which is known. A
table or column that was not built raises :class:`Missing`, which a report turns into a one-line
note naming the sources the workspace lacks for it.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from c360.serve import gold_tables

Fmt = Callable[[Any], str]
# C0 and C1 control characters, DEL included.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class Missing(Exception):
    """A report section cannot be drawn: its gold table was not built or lacks a column.

    ``table`` is the gold table not built, ``needs`` the source tables the workspace lacks for
    it (none known: the table is missing for another reason, a run stopped before gold).
    """

    def __init__(self, reason: str, table: str | None = None, needs: Sequence[str] = ()) -> None:
        super().__init__(reason)
        self.table = table
        self.needs = tuple(needs)


class Gold:
    """The workspace's gold tables in their contract types, each column read once when first
    asked (a report reads a few columns of a table, not all of them)."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = Path(workspace)
        self._found = {g.name: g for g in gold_tables(workspace)}
        self._schemas: dict[str, pa.Schema] = {}
        self._read: dict[str, dict[str, pa.ChunkedArray]] = {}
        self._wanting: dict[str, list[str]] | None = None

    @property
    def name(self) -> str:
        """The workspace folder's name, also when it was given as ``.`` or ``..``."""
        folder = os.path.abspath(self.workspace)
        return os.path.basename(folder) or folder

    def __contains__(self, name: object) -> bool:
        """Whether gold table ``name`` was built."""
        return name in self._found

    def needs(self, name: str) -> list[str]:
        """The source tables the workspace lacks for gold table ``name`` (none: it is built, or
        lacks nothing the lake can tell)."""
        if self._wanting is None:
            from c360.pipeline.gold.run import wanting  # the gold layer's models, on first use

            self._wanting = wanting(self.workspace)
        return [] if name in self._found else self._wanting.get(name, [])

    def __call__(self, name: str, *columns: str) -> pa.Table:
        """Table ``name`` (only ``columns`` when given); :class:`Missing` if it cannot be."""
        if name not in self._found:
            needs = self.needs(name)
            lacking = f": this workspace has no {listed(needs, 'or')}" if needs else ""
            raise Missing(f"{name} was not built{lacking}", name, needs)
        if name not in self._schemas:
            self._schemas[name] = self._found[name].schema()
            self._read[name] = {}
        schema, read = self._schemas[name], self._read[name]
        absent = [c for c in columns if c not in schema.names]
        if absent:
            raise Missing(f"{name} has no column {', '.join(absent)}")
        wanted = list(columns) if columns else schema.names
        needed = list(dict.fromkeys(c for c in wanted if c not in read))
        if needed:
            table = self._found[name].reader(needed).read_all()
            read.update(zip(needed, table.columns, strict=True))
        fields = [schema.field(c) for c in wanted]
        return pa.Table.from_arrays([read[c] for c in wanted], schema=pa.schema(fields))


def listed(items: Sequence[str], last: str = "and") -> str:
    """``items`` as a phrase: ``a``, ``a and b``, ``a, b and c`` (``or`` for ``last="or"``).

    >>> listed(["orders"]), listed(["orders", "products", "returns"], "or")
    ('orders', 'orders, products or returns')
    """
    return f" {last} ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


def missing(value: Any) -> bool:
    """Whether ``value`` is unknown: ``None`` or a float's NaN."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def money(value: Any) -> str:
    return "-" if missing(value) else f"{value:,.2f}"


def count(value: Any) -> str:
    return "-" if missing(value) else f"{value:,}"


def counted(value: Any, noun: str, nouns: str | None = None) -> str:
    """A count with its noun, singular for 1 (``nouns``: a plural not made by adding s).

    >>> counted(1, "click"), counted(40411, "send"), counted(None, "order")
    ('1 click', '40,411 sends', '- orders')
    """
    many = nouns or f"{noun}s"
    return f"{count(value)} {noun if value == 1 else many}"


def ratio(value: Any) -> str:
    """A ratio that is not money: 2 decimals, more below 0.1 to keep 2 significant digits (a
    rotation of 0.0333 is 0.033, not 0.03).

    >>> ratio(0.0333), ratio(3.686), ratio(0.1), ratio(0.0), ratio(None)
    ('0.033', '3.69', '0.10', '0.00', '-')
    """
    if missing(value):
        return "-"
    digits = 2 if value == 0 else max(2, 1 - math.floor(math.log10(abs(value))))
    return f"{value:,.{digits}f}"


def pct(value: Any) -> str:
    """A ratio as a percentage.

    >>> pct(0.6445), pct(12.5), pct(None)
    ('64.45 %', '1,250.00 %', '-')
    """
    return "-" if missing(value) else f"{value * 100:,.2f} %"


def text(value: Any) -> str:
    r"""A value as one line: a line break, tab or other control character would break the
    row it is in, or shift its columns.

    >>> text("Ear\r\nbuds\tPro\x07"), text(None)
    ('Ear buds Pro ', '-')
    """
    if value is None:
        return "-"
    return _CONTROL.sub(" ", " ".join(str(value).splitlines()))


def rows(table: pa.Table, *columns: str) -> list[tuple[Any, ...]]:
    """The values of ``columns``, row by row (reports are small: this is the edge)."""
    return list(zip(*(table[c].to_pylist() for c in columns), strict=True))


def total(table: pa.Table, column: str) -> Any:
    """The sum of ``column``'s known values (neither NULL nor NaN); ``None`` (shown ``-``) when
    it has rows but none is known, 0 when it has no rows.

    >>> values = pa.table({"v": pa.array([None, None], pa.float64())})
    >>> total(values, "v"), total(values.slice(0, 0), "v")
    (None, 0)
    """
    if table.num_rows == 0:
        return 0
    values = table[column]
    if pa.types.is_floating(values.type):
        values = values.filter(pc.invert(pc.is_nan(values)))  # a NULL's answer drops it too
    return pc.sum(values).as_py()


def fixed_width(columns: Sequence[tuple[str, Fmt]], values: Iterable[Sequence[Any]]) -> list[str]:
    """A table as aligned text: text columns to the left, numbers to the right."""
    body = [[fmt(v) for (_, fmt), v in zip(columns, row, strict=True)] for row in values]
    if not body:
        return ["(no rows)"]
    heads = [h for h, _ in columns]
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(heads)]
    left = [fmt is text for _, fmt in columns]

    def line(cells: Sequence[str]) -> str:
        out = (
            c.ljust(w) if lf else c.rjust(w) for c, w, lf in zip(cells, widths, left, strict=True)
        )
        return "  ".join(out).rstrip()

    return [line(heads), line(["-" * w for w in widths]), *(line(r) for r in body)]


def heading(column: str) -> str:
    """A column's name as a header.

    >>> heading("total_revenue_eur"), heading("count_orders"), heading("rfm_segment")
    ('Revenue EUR', 'Orders', 'RFM segment')
    """
    words = column.removeprefix("total_").removeprefix("count_").split("_")
    words = [w.upper() if w in ("eur", "id", "rfm", "clv") else w for w in words]
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def listing(
    table: pa.Table, *columns: str, percent: Sequence[str] = (), ratios: Sequence[str] = ()
) -> list[str]:
    """``columns`` of ``table`` as :func:`fixed_width` text, each formatted by its Arrow type
    (floats as money) or as a percentage (``percent``) or a :func:`ratio` (``ratios``)."""
    kinds = [table.schema.field(c).type for c in columns]
    formats = [
        pct if c in percent else ratio if c in ratios else
        money if pa.types.is_floating(k) else count if pa.types.is_integer(k) else text
        for c, k in zip(columns, kinds, strict=True)
    ]  # fmt: skip
    return fixed_width(
        list(zip(map(heading, columns), formats, strict=True)), rows(table, *columns)
    )


def pairs(items: Sequence[tuple[str, str]]) -> list[str]:
    """Label / value lines, the values right-aligned in one column."""
    width = max(len(label) for label, _ in items) + 2
    right = max(len(value) for _, value in items)
    return [f"{label:.<{width}} {value:>{right}}" for label, value in items]


class ReportWriteError(OSError):
    """A report or export that cannot be written: a read-only folder, a full disk. The
    message, one line, names the file (not the temporary one beside it) and why. An
    ``OSError``: every command reports it as one line."""


def not_written(what: str, exc: OSError) -> ReportWriteError:
    """``exc`` as ``cannot write WHAT: why`` (the system's reason, without the paths)."""
    reason = os.strerror(exc.errno) if exc.errno else str(exc).strip().split("\n")[0]
    error = ReportWriteError(f"cannot write {what}: {reason or type(exc).__name__}")
    error.errno = exc.errno
    return error


def write_atomically(path: Path, content: str) -> Path:
    """Write ``content`` beside ``path`` and rename it over: readers never see half a file.
    A file that cannot be written raises :class:`ReportWriteError` naming ``path``."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(content, encoding="utf-8")
        os.replace(temp, path)
    except OSError as exc:
        raise not_written(str(path), exc) from None
    finally:
        with contextlib.suppress(OSError):  # none made: a folder in the path is a file
            temp.unlink(missing_ok=True)
    return path


def generated_at() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")

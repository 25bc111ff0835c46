"""SQL deliverables: a ``.sql`` file holding a leading ``--`` comment and one statement.

:func:`run_sql_file` runs one on any engine through an ``execute(sql) -> Arrow`` function (the
warehouse's ``query_warehouse``, PostgreSQL's ``query``) and returns the answer in portable types,
so the same file gives equal answers everywhere.

>>> read_sql_file_text("-- Customers per country.\\nSELECT 1 AS n; -- done\\n").statement
'-- Customers per country.\\nSELECT 1 AS n'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

# Where a ';' does not end a statement, as PostgreSQL and DuckDB read it: a quoted string or
# name ('it''s', E'it\'s', "a;b", $$a;b$$, $tag$…$tag$; an unclosed one runs to the end, for the
# engine to report), a '--' comment or the start of a /* comment */ (which nests).
_NOT_CODE = re.compile(
    r"(?P<quoted>(?<![\w$])[eE]'(?:[^'\\]|\\.|'')*(?:'|\Z)"
    r"|'(?:[^']|'')*(?:'|\Z)"
    r'|"(?:[^"]|"")*(?:"|\Z)'
    r"|(?<![\w$])\$(?P<tag>(?:[^\W\d]\w*)?)\$.*?(?:\$(?P=tag)\$|\Z))"
    r"|--[^\n]*|/\*",
    re.DOTALL,
)
_BLOCK_COMMENT = re.compile(r"/\*|\*/")


class SqlFileError(ValueError):
    """The file is not one SQL statement."""


@dataclass(frozen=True)
class SqlFile:
    """A deliverable: what its leading comment says it answers, and its statement."""

    title: str
    statement: str


def read_sql_file(path: Path) -> SqlFile:
    """The title and the one statement of ``path``."""
    try:
        # utf-8-sig: without the byte order mark some editors write first, which no engine reads
        return read_sql_file_text(Path(path).read_text("utf-8-sig"))
    except SqlFileError as exc:
        raise SqlFileError(f"{path}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise SqlFileError(f"cannot read {path}: {reason}") from None


def read_sql_file_text(text: str) -> SqlFile:
    """The title (leading ``--`` lines) and the statement, its final ``;`` removed. A quoted
    string or name alone is a statement; comments alone are none."""
    code = _code(text)
    end = code.find(";")
    if end == -1:
        end = len(code)
    if code[end:].replace(";", "").strip():
        raise SqlFileError("more than one statement")
    statement = text[:end].strip()
    if not code[:end].strip():
        raise SqlFileError("no SQL statement")
    title = []
    for line in statement.splitlines():
        if not line.startswith("--"):
            break
        title.append(line.removeprefix("--").strip())
    return SqlFile(" ".join(t for t in title if t), statement)


def _code(text: str) -> str:
    """``text`` as long, with comments blanked and quoted strings and names as ``_``."""
    parts, at = [], 0
    while found := _NOT_CODE.search(text, at):
        end = found.end() if found.group() != "/*" else _comment_end(text, found.start())
        mask = "_" if found.group("quoted") else " "
        parts += [text[at : found.start()], mask * (end - found.start())]
        at = end
    return "".join([*parts, text[at:]])


def _comment_end(text: str, start: int) -> int:
    """Where the ``/*`` comment at ``start`` ends, nested ones inside it; unclosed, the end."""
    depth = 0
    for mark in _BLOCK_COMMENT.finditer(text, start):
        depth += 1 if mark.group() == "/*" else -1
        if not depth:
            return mark.end()
    return len(text)


def run_sql_file(path: Path, execute: Callable[[str], pa.Table]) -> pa.Table:
    """The answer of the deliverable at ``path``, in :func:`portable` types."""
    return portable(execute(read_sql_file(path).statement))


def portable(answer: pa.Table) -> pa.Table:
    """``answer`` with types every engine agrees on: 64-bit integers and floats, decimals (and
    PostgreSQL's ``numeric``) as float, timestamps in microseconds, zoned ones in UTC; no
    metadata."""
    columns = [_portable(col) for col in answer.columns]
    return pa.table(columns, names=answer.column_names)


def _portable(col: pa.ChunkedArray) -> pa.ChunkedArray:
    kind = col.type
    if isinstance(kind, pa.BaseExtensionType):  # PostgreSQL numeric arrives as opaque text
        storage = pa.chunked_array([c.storage for c in col.chunks], kind.storage_type)
        return _portable(storage.cast(pa.float64()) if _is_numeric(kind) else storage)
    if pa.types.is_integer(kind):
        return col.cast(pa.int64())
    if pa.types.is_decimal(kind):  # through text: Arrow's direct cast can miss the nearest float
        return col.cast(pa.string()).cast(pa.float64())
    if pa.types.is_floating(kind):
        return col.cast(pa.float64())
    if pa.types.is_timestamp(kind):
        return col.cast(pa.timestamp("us", tz="UTC" if kind.tz else None))
    if pa.types.is_large_string(kind):
        return col.cast(pa.string())
    return col


def _is_numeric(kind: pa.BaseExtensionType) -> bool:
    return getattr(kind, "type_name", "") == "numeric"


DELIVERABLES = Path(__file__).resolve().parent.parent / "sql"


def answer_all(
    execute: Callable[[str], pa.Table], folder: Path = DELIVERABLES
) -> dict[str, pa.Table]:
    """Every deliverable under ``folder`` (``questions/*.sql``, ``checks/*.sql``), answered."""
    return {
        f"{path.parent.name}/{path.stem}": run_sql_file(path, execute)
        for path in sorted(folder.glob("*/*.sql"))
    }

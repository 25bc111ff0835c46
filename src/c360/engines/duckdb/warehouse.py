"""The warehouse: one DuckDB file with every gold table and a view over every silver table.

``<workspace>/warehouse.duckdb`` is what SQL clients and BI tools open. It is rebuilt whole into a
temporary file and renamed over the old one, so a failure (or a crash) leaves the previous
warehouse readable. Each gold table and column carries its contract's description as its comment
in the catalogue, which those clients show beside the names.

The file is written in DuckDB 1.4's storage format (:data:`STORAGE_VERSION`), which every DuckDB
client from 1.4 (the long-term support line) on opens; DuckDB 2.0's own format would shut out the
1.x clients (drivers, BI tools) still in use. The warehouse holds nothing that format lacks.

The silver views read ``<workspace>/lake/silver/<table>`` by its absolute path, so that a client
opens the file from any working directory (a BI tool's is its own). Each build writes the path
anew: after a workspace is moved or copied, the next ``c360 run`` points its views at its own lake.
Until then, the queries run here (``c360 query``, the exports, the reports) read the workspace's own
lake anyway, through views of their connection that shadow the stored ones.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

import duckdb
import pyarrow as pa

from c360.contracts import GOLD_TABLES
from c360.contracts.model import Table
from c360.engines.duckdb.offline import OFFLINE, go_offline
from c360.engines.duckdb.sources import _sql_type

if TYPE_CHECKING:
    from duckdb.sqltypes import DuckDBPyType

WAREHOUSE_FILE = "warehouse.duckdb"
# The storage format of DuckDB 1.4, the long-term support line: clients from 1.4 on read every
# table, key and view. An older format (1.0's, readable from 1.1 on) costs a quarter more time
# to write.
STORAGE_VERSION = "v1.4.0"
BATCH_ROWS = 131_072  # rows per streamed batch, DuckDB's default

Form = Literal["arrow", "portable", "display"]
# DuckDB types that CSV and JSON lines hold as they are, and those of them that are numbers. Arrow
# holds UHUGEINT in a signed 128-bit decimal, so values past 2**127 would come out negative.
_NUMBERS = frozenset(("tinyint", "smallint", "integer", "bigint", "hugeint", "float", "double"))
_NUMBERS |= {"utinyint", "usmallint", "uinteger", "ubigint", "decimal"}
_PORTABLE = _NUMBERS | {"boolean", "varchar", "uuid", "null", "date", "timestamp", "timestamp_s"}
_PORTABLE |= {"timestamp_ms", "timestamp_ns", "timestamp with time zone"}
_NESTED = frozenset(("list", "array", "struct", "map", "union"))
_T = TypeVar("_T")


class WarehouseError(Exception):
    """The warehouse cannot be built or opened; the message says why."""


class WarehouseMissingError(WarehouseError):
    """The workspace has no warehouse yet."""


class QueryError(WarehouseError):
    """DuckDB rejected a query; the message is DuckDB's, on one line."""


class MissingTableError(QueryError):
    """The query names a table (or another catalog entry) the warehouse does not hold;
    ``table`` is the table's name as DuckDB's message gives it, or None when it gives none."""

    def __init__(self, message: str, table: str | None = None) -> None:
        super().__init__(message)
        self.table = table


def warehouse_path(workspace: Path) -> Path:
    """``<workspace>/warehouse.duckdb``."""
    return Path(workspace) / WAREHOUSE_FILE


def build_warehouse(workspace: Path, contracts: Iterable[Table] | None = None) -> Path:
    """Write the warehouse: gold tables (their contracts' primary keys checked), silver views.

    ``contracts`` default to ``GOLD_TABLES``; a gold folder without a contract is loaded as it is.
    A DuckDB failure (a full disk among others) raises :class:`WarehouseError` on one line; the
    previous warehouse is left as it was.
    """
    workspace = Path(workspace).resolve()
    known = {t.name: t for t in (GOLD_TABLES if contracts is None else contracts)}
    final = warehouse_path(workspace)
    _refuse_if_open_for_writing(final)
    temp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    for left in final.parent.glob(f".{final.name}.*.tmp"):  # a killed build's, or this one's
        _remove(left)
    try:
        try:
            config = {**OFFLINE, "storage_compatibility_version": STORAGE_VERSION}
            con = duckdb.connect(str(temp), config=config)
            try:
                con.execute("SET enable_progress_bar = false")  # never print to stdout
                _fill(con, workspace, known)
            finally:
                con.close()
        except duckdb.Error as exc:  # a full disk, a lake file DuckDB cannot read, ...
            raise WarehouseError(f"cannot build {final}: {_one_line(exc)}") from None
        # A WAL left by a crashed writer of the old file must not be replayed onto the new one.
        final.with_name(final.name + ".wal").unlink(missing_ok=True)
        os.replace(temp, final)
    except BaseException:
        _remove(temp)
        raise
    return final


def _fill(con: duckdb.DuckDBPyConnection, workspace: Path, known: dict[str, Table]) -> None:
    gold = _lake_folders(workspace, "gold")
    for folder in gold:
        _create_table(con, folder, known.get(folder.name))
    names = {f.name for f in gold}
    for folder in _lake_folders(workspace, "silver"):
        if folder.name not in names and _parts(folder):
            con.execute(f"CREATE VIEW {_q(folder.name)} AS SELECT * FROM {_scan_sql(folder)}")


def _search_workspace(con: duckdb.DuckDBPyConnection, workspace: Path) -> None:
    """Look up the relative paths a query names in ``workspace`` (unless its path has a comma:
    the setting is a comma-separated list).

    DuckDB (1.4 and 2.0 checked) looks a relative glob up in the ``file_search_path`` folders only,
    not also in the working directory.
    """
    if "," not in str(workspace):
        con.execute(f"SET file_search_path = {_literal(str(workspace))}")


def _read_own_lake(con: duckdb.DuckDBPyConnection, workspace: Path) -> None:
    """Shadow, for this connection, each silver view that reads another lake than this
    workspace's (the workspace was moved or copied since the build, or an older build wrote
    relative paths) with a temporary view over this workspace's lake, or one that fails naming
    the table where this lake lacks it: never another workspace's rows."""
    root = (workspace / "lake" / "silver").resolve()  # as the build wrote it
    here = f"'{_glob_escape(root)}/"
    views = con.execute(
        "SELECT view_name, sql FROM duckdb_views() "
        "WHERE database_name = current_database() AND NOT internal"
    ).fetchall()
    for name, sql in views:
        folder = root / name
        if here in sql:
            continue
        if folder.is_dir() and _parts(folder):
            con.execute(f"CREATE TEMP VIEW {_q(name)} AS SELECT * FROM {_scan_sql(folder)}")
        else:  # the view's columns, each read raising the error (not as the view is made)
            missing = f"{name} is not in this workspace's lake ({folder}): run c360 run here"
            columns = con.execute(
                "SELECT column_name, data_type FROM duckdb_columns() "
                "WHERE database_name = current_database() AND table_name = ? ORDER BY column_index",
                [name],
            ).fetchall()
            failing = (
                ", ".join(
                    f"CAST(error({_literal(missing)}) AS {kind}) AS {_q(column)}"
                    for column, kind in columns
                )
                or f"error({_literal(missing)}) AS missing"
            )
            con.execute(
                f"CREATE TEMP VIEW {_q(name)} AS SELECT {failing} FROM range(1) "
                f"WHERE error({_literal(missing)})"
            )


def _create_table(con: duckdb.DuckDBPyConnection, folder: Path, contract: Table | None) -> None:
    name = _q(folder.name)
    if not _parts(folder):
        if contract is not None:  # an empty table still has its contract's columns
            con.register("_empty", contract.arrow_schema().empty_table())
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM _empty")
            con.unregister("_empty")
            _describe(con, contract, contract.column_names)
        return
    source = _scan_sql(folder, contract)
    present = [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]
    order = [c for c in contract.column_names if c in present] if contract else []
    order += [c for c in present if c not in order]
    columns = ", ".join(_q(c) for c in order)
    con.execute(f"CREATE TABLE {name} AS SELECT {columns} FROM {source}")
    if contract is not None:
        _describe(con, contract, present)
    if contract and contract.primary_key and set(contract.primary_key) <= set(present):
        _check_key(con, folder.name, contract.primary_key)


def _describe(con: duckdb.DuckDBPyConnection, contract: Table, present: Iterable[str]) -> None:
    """The contract's descriptions of the table and of the columns it holds as the catalogue's
    comments (``duckdb_tables()``, ``duckdb_columns()``, ``information_schema``), which SQL
    clients and BI tools show beside the names. An empty description sets none."""
    name = _q(contract.name)
    held = set(present)
    about = [(f"TABLE {name}", contract.description)]
    about += [
        (f"COLUMN {name}.{_q(c.name)}", c.description) for c in contract.columns if c.name in held
    ]
    statements = [f"COMMENT ON {what} IS {_literal(text)}" for what, text in about if text]
    if statements:  # in one transaction: one write to the file, not one per comment
        con.execute("BEGIN TRANSACTION;\n" + ";\n".join(statements) + ";\nCOMMIT")


def _check_key(con: duckdb.DuckDBPyConnection, table: str, key: Sequence[str]) -> None:
    """Raise :class:`WarehouseError` if ``table``'s ``key`` holds a NULL or a value twice.

    Checked, not declared: DuckDB keeps a primary key as an index that takes more room than
    the tables (1.3 GB of a 1.8 GB warehouse at scale 10) and a third of the build's time."""
    columns = ", ".join(_q(c) for c in key)
    shown = ", ".join(key)
    null = " OR ".join(f"{_q(c)} IS NULL" for c in key)
    if con.execute(f"SELECT 1 FROM {_q(table)} WHERE {null} LIMIT 1").fetchone():
        raise WarehouseError(f"gold table {table} breaks its primary key ({shown}): a NULL")
    twice = con.execute(
        f"SELECT {columns}, count(*) FROM {_q(table)} GROUP BY ALL HAVING count(*) > 1 LIMIT 1"
    ).fetchone()
    if twice:
        value = repr(twice[0]) if len(key) == 1 else repr(tuple(twice[:-1]))
        raise WarehouseError(
            f"gold table {table} breaks its primary key ({shown}): {twice[-1]} rows of {value}"
        )


def _scan_sql(folder: Path, contract: Table | None = None) -> str:
    """``read_parquet(...)`` over a lake folder by its absolute path, reading Hive partitions
    when it has them."""
    path = _glob_escape(folder.resolve())
    partitions = sorted({p.name.split("=")[0] for p in folder.iterdir() if "=" in p.name})
    if not partitions:
        return f"read_parquet('{path}/*.parquet')"
    declared = set(contract.column_names) if contract else set()
    types = ", ".join(
        f"'{c}': '{_sql_type(contract.column(c).dtype)}'"
        for c in partitions
        if contract and c in declared
    )
    hive_types = f", hive_types = {{{types}}}" if types else ""
    return f"read_parquet('{path}/**/*.parquet', hive_partitioning = true{hive_types})"


def query_warehouse(workspace: Path, sql: str) -> pa.Table:
    """Run ``sql`` on the warehouse, opened read-only, and return the answer as Arrow."""
    with _opened(workspace) as session, _duckdb_errors():
        relation = session.run(lambda: _relation(session.con, sql))
        return session.run(relation.to_arrow_table) if relation is not None else pa.table({})


@contextmanager
def read_warehouse(
    workspace: Path, sql: str, *, form: Form = "arrow", batch_rows: int = BATCH_ROWS
) -> Iterator[pa.RecordBatchReader]:
    """Stream the answer of ``sql`` on the warehouse (opened read-only) as Arrow record batches.

    Read the reader inside the ``with`` block: it holds the connection. Batches are computed as
    they are read, and only the one being read is held. ``form`` says which columns become text:

    - ``arrow``: none; DuckDB's own Arrow types.
    - ``portable``: what CSV and JSON lines cannot hold (times, intervals, blobs, enums, bits,
      big numbers) as DuckDB's text; structs, maps, unions, fixed-size arrays and lists of those
      as JSON text. Numbers, booleans, text, dates, timestamps and lists of them stay.
    - ``display``: all but numbers, as DuckDB's text (as its own shell shows values).

    A query DuckDB rejects, even halfway through, raises :class:`QueryError`; Ctrl-C stops the
    query and raises ``KeyboardInterrupt``.
    """
    with _opened(workspace) as session:
        with _duckdb_errors():
            relation = session.run(lambda: _relation(session.con, sql))
            reader = (
                session.run(lambda: _in_form(relation, form).to_arrow_reader(batch_rows))
                if relation is not None
                else pa.RecordBatchReader.from_batches(pa.schema([]), [])
            )
        try:
            yield pa.RecordBatchReader.from_batches(reader.schema, _batches(reader, session))
        finally:
            reader.close()  # before the connection


class _Session:
    """A connection whose calls run on a worker thread, so that Ctrl-C stops them.

    Left to itself, DuckDB's client often misses Ctrl-C while a query runs (a long scan of
    ``range(n)`` runs on). The main thread, merely waiting, gets ``KeyboardInterrupt`` at once and
    stops the query with ``interrupt()``.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, worker: ThreadPoolExecutor) -> None:
        self.con = con
        self._worker = worker

    def run(self, call: Callable[[], _T]) -> _T:
        future = self._worker.submit(call)
        try:
            return future.result()
        except KeyboardInterrupt:
            self.con.interrupt()
            wait([future])  # DuckDB stops at its next vector of rows
            raise


@contextmanager
def _opened(workspace: Path) -> Iterator[_Session]:
    """A read-only connection to the warehouse that looks up relative paths in the workspace."""
    path = warehouse_path(workspace)
    if not path.is_file():
        raise WarehouseMissingError(f"no warehouse at {path}: run `c360 run` first")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot open {path}: {_one_line(exc)}") from None
    try:
        con.execute("SET enable_progress_bar = false")
        go_offline(con)
        _search_workspace(con, Path(workspace).resolve())
        _read_own_lake(con, Path(workspace).resolve())
        with ThreadPoolExecutor(1, thread_name_prefix="warehouse") as worker:
            yield _Session(con, worker)
    finally:
        con.close()


def _relation(con: duckdb.DuckDBPyConnection, sql: str) -> duckdb.DuckDBPyRelation | None:
    """``sql`` as a relation, once it is known to be one statement that only reads."""
    _refuse_unless_reading(con, sql)
    return con.sql(sql)


@contextmanager
def _duckdb_errors() -> Iterator[None]:
    """DuckDB's errors as :class:`QueryError` on one line, and its report of Ctrl-C (an
    ``InterruptException``, or a ``RuntimeError`` from its client) as ``KeyboardInterrupt``."""
    try:
        yield
    except duckdb.InterruptException:
        raise KeyboardInterrupt from None
    except duckdb.CatalogException as exc:
        message = _one_line(exc).split(" Did you mean")[0]
        raise MissingTableError(message, _missing_table(str(exc))) from None
    except duckdb.Error as exc:
        raise QueryError(_one_line(exc)) from None
    except RuntimeError as exc:
        if _is_interrupt(exc):
            raise KeyboardInterrupt from None
        raise


# DuckDB's message for a table it does not find (1.4 and 2.0), with its suggestion if any; a
# table of a schema that is not there, or a function, gets another.
_MISSING_TABLE = re.compile(
    r"Catalog Error: Table with name (.+) does not exist!(?:\nDid you mean .*)?", re.DOTALL
)


def _missing_table(message: str) -> str | None:
    """The table DuckDB's message says is missing, or None."""
    found = _MISSING_TABLE.fullmatch(message)
    return found.group(1) if found else None


def _batches(reader: pa.RecordBatchReader, session: _Session) -> Iterator[pa.RecordBatch]:
    """The reader's batches; an error DuckDB meets midway, which Arrow passes on as ``OSError``,
    as :class:`QueryError` (or ``KeyboardInterrupt``)."""
    while True:
        try:
            batch = session.run(reader.read_next_batch)
        except StopIteration:
            return
        except (OSError, pa.ArrowException) as exc:
            if _is_interrupt(exc):
                raise KeyboardInterrupt from None
            raise QueryError(_one_line(exc)) from None
        yield batch


def _is_interrupt(exc: Exception) -> bool:
    text = str(exc)
    return text == "Query interrupted" or text.startswith("INTERRUPT Error")


def _in_form(relation: duckdb.DuckDBPyRelation, form: Form) -> duckdb.DuckDBPyRelation:
    """``relation`` with the columns ``form`` wants as text cast in DuckDB (see read_warehouse)."""
    columns, changed = [], False
    for at, (name, kind) in enumerate(zip(relation.columns, relation.types, strict=True), 1):
        column = f"#{at}"  # by position: an answer may repeat a name
        if form == "portable" and not _portable(kind):
            changed = True
            text = f"to_json({column})" if kind.id in _NESTED else column
            column = f"CAST({text} AS VARCHAR)"
        elif form == "display" and kind.id not in _NUMBERS:
            changed = True
            column = f"CAST({column} AS VARCHAR)"
        columns.append(f"{column} AS {_q(name)}")
    return relation.project(", ".join(columns)) if changed else relation


def _portable(kind: DuckDBPyType) -> bool:
    if kind.id == "list":
        return _portable(kind.child)
    return kind.id in _PORTABLE


def _refuse_unless_reading(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Refuse ``sql`` unless it is one statement that only reads.

    A read-only connection still writes files (COPY, EXPORT), attaches, installs and changes
    settings; external access must stay on for the silver views, so the statement type decides.
    SELECT covers DESCRIBE, SHOW, SUMMARIZE and FROM-first queries.
    """
    statements = con.extract_statements(sql)
    if not statements:
        raise QueryError("no SQL statement")
    if len(statements) > 1:
        raise QueryError("more than one statement")
    statement = statements[0]
    if statement.type == duckdb.StatementType.EXPLAIN:  # EXPLAIN ANALYZE runs its statement
        _refuse_unless_reading(con, _explained(statement.query))
    elif statement.type == duckdb.StatementType.MULTI and _pivots(statement.query):
        pass  # a PIVOT without IN (…) first finds its columns: a SELECT, and a type it makes
    elif statement.type != duckdb.StatementType.SELECT:
        verb = (re.findall(r"[A-Za-z]+", statement.query) or [statement.type.name])[0].upper()
        raise QueryError(
            f"the warehouse is read-only: {verb} is refused "
            "(run SELECT, DESCRIBE, SHOW, SUMMARIZE or EXPLAIN)"
        )


def _pivots(sql: str) -> bool:
    """Whether ``sql`` holds the keyword PIVOT (not in a string or a comment)."""
    text = sql.encode("utf-8")  # the tokenizer's offsets count bytes
    return any(
        kind == duckdb.token_type.keyword and text[at:].split(maxsplit=1)[0].upper() == b"PIVOT"
        for at, kind in duckdb.tokenize(sql)
    )


def _explained(sql: str) -> str:
    """The statement after ``EXPLAIN``, ``EXPLAIN ANALYZE`` or ``EXPLAIN (options)``."""
    text = sql.encode("utf-8")  # the tokenizer's offsets count bytes
    starts = [at for at, kind in duckdb.tokenize(sql) if kind != duckdb.token_type.comment]
    words = [text[at:].split(maxsplit=1)[0].upper() for at in starts]
    skip = 1  # EXPLAIN
    if words[skip] in (b"ANALYZE", b"ANALYSE"):
        skip += 1
    elif words[skip].startswith(b"("):
        skip = next(i for i, w in enumerate(words) if w.startswith(b")")) + 1
    return text[starts[skip] :].decode("utf-8")


def check_writable(workspace: Path) -> None:
    """Raise :class:`WarehouseError` if another program holds the workspace's warehouse open for
    writing (a SQL client or BI tool, DBeaver by default): the build would fail at the end of a
    run. The file is opened read-only and closed, so it is left as it was, and unlocked; a client
    holding it read-only does not stop the build (the new file is renamed over the old one)."""
    _refuse_if_open_for_writing(warehouse_path(workspace))


def _refuse_if_open_for_writing(path: Path) -> None:
    """A client writing to the old file would go on logging next to the new one: refuse."""
    if not path.is_file():
        return
    try:
        duckdb.connect(str(path), read_only=True).close()
    except duckdb.Error as exc:
        # A lock held by another process, or a read-write connection in this one; anything
        # else (not a DuckDB file, another version) is about to be replaced anyway.
        held = isinstance(exc, duckdb.ConnectionException) or "lock" in str(exc).lower()
        if held:
            holder = _HOLDER.search(str(exc))
            by = f" ({holder.group(1)}, PID {holder.group(2)})" if holder else ""
            raise WarehouseError(
                f"{path} is open for writing elsewhere{by}: close it in that client, or open it "
                "there read-only, and run again"
            ) from None


# DuckDB's message (2.0) for a file another process holds open; another wording leaves the
# holder unnamed.
_HOLDER = re.compile(r"Conflicting lock is held in (.+?) \(PID (\d+)\)")


def _lake_folders(workspace: Path, layer: str) -> list[Path]:
    root = workspace / "lake" / layer
    if not root.is_dir():
        return []
    # Dot-folders are a publish in progress (staging) or the version being swapped out.
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def _parts(folder: Path) -> bool:
    return any(folder.rglob("*.parquet"))


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)


def _q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _glob_escape(path: Path) -> str:
    """``path`` as a literal part of a DuckDB glob, inside a SQL string: a ``[``, ``*`` or ``?``
    of a folder's name set in brackets (DuckDB's glob has no other escape), a quote doubled."""
    text = re.sub(r"([\[*?])", r"[\1]", path.as_posix())
    return text.replace("'", "''")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _one_line(exc: Exception) -> str:
    """DuckDB's message without the echoed query line and its caret marks."""
    lines = [line.strip() for line in str(exc).splitlines()]
    return " ".join(
        line for line in lines if line and not line.startswith("LINE ") and set(line) != {"^"}
    )

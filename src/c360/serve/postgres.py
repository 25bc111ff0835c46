"""Load the gold tables into PostgreSQL through ADBC bulk ingest (Arrow in, ``COPY`` underneath).

Each table is ingested into a staging table and swapped in, then given the contract's NOT NULLs,
its primary key and an index per foreign-key-like column, all in one transaction for the whole
load: a rerun replaces the tables with identical ones, and a failure anywhere (a duplicate key,
a user's view that depends on a table) leaves the previous load untouched, every table of it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import adbc_driver_manager
import adbc_driver_postgresql.dbapi as pg
import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts import GOLD_TABLES
from c360.contracts.model import Table
from c360.serve import GoldTable, gold_tables
from c360.workspace import shared


class LoadError(Exception):
    """PostgreSQL refused the connection, a table or a query; the message says why, on one line."""


def load_postgres(
    workspace: Path,
    url: str,
    schema: str = "public",
    contracts: Iterable[Table] | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Replace every gold table in ``schema`` of the database at ``url``, and drop the declared
    ones the lake no longer holds; returns rows per table.

    ``progress(table, rows)`` is called after each table is swapped in; the load commits once,
    after the last.
    """
    with shared(Path(workspace)):  # no run swaps tables while they are read
        return _load(workspace, url, schema, tuple(GOLD_TABLES if contracts is None else contracts),
                     progress)  # fmt: skip


def _load(
    workspace: Path,
    url: str,
    schema: str,
    known: tuple[Table, ...],
    progress: Callable[[str, int], None] | None,
) -> dict[str, int]:
    tables = gold_tables(workspace, known)
    if not tables:
        raise LoadError(f"no gold tables in {Path(workspace) / 'lake' / 'gold'}: run `c360 run`")
    # A gold table the lake no longer holds (its source was removed) goes, as it goes from the
    # warehouse and the exports; a table no contract declares is the user's and stays.
    gone = sorted({t.name for t in known} - {gold.name for gold in tables})
    rows = {}
    with connect(url) as conn:
        try:
            create = f"CREATE SCHEMA IF NOT EXISTS {_q(schema)}"
            _run(conn, [create], f"cannot create schema {schema}")
            for gold in tables:
                rows[gold.name] = _replace(conn, gold, schema)
                if progress:
                    progress(gold.name, rows[gold.name])
            drops = [f"DROP TABLE IF EXISTS {_q(schema)}.{_q(name)}" for name in gone]
            _run(conn, drops, f"cannot drop the tables gone from gold in {schema}")
        except LoadError:
            conn.rollback()
            raise
        conn.commit()
    return rows


def connect(url: str) -> pg.Connection:
    """An ADBC connection to ``url``, or a ``LoadError`` that names the server, not the password."""
    if not url.startswith(("postgresql://", "postgres://")):
        raise LoadError(
            f"not a PostgreSQL URL: {redact(url)!r} (expected postgresql://user@host/database)"
        )
    try:
        return pg.connect(url)
    except adbc_driver_manager.Error as exc:
        raise LoadError(f"cannot connect to {redact(url)}: {_one_line(exc)}") from None


def query(url: str, sql: str, schema: str = "public") -> pa.Table:
    """Run ``sql`` with ``schema`` first on the search path; the answer as Arrow."""
    with connect(url) as conn, conn.cursor() as cur:
        try:
            cur.execute(f"SET search_path TO {_q(schema)}, public")
            cur.execute(sql)
            return cur.fetch_arrow_table()
        except adbc_driver_manager.Error as exc:
            raise LoadError(_one_line(exc)) from None


def _replace(conn: pg.Connection, gold: GoldTable, schema: str) -> int:
    target = f"{_q(schema)}.{_q(gold.name)}"
    staging = f"_c360_staging_{os.getpid()}"
    with conn.cursor() as cur:
        try:
            rows = cur.adbc_ingest(
                staging, _without_nul(gold.reader()), mode="replace", db_schema_name=schema
            )
        except (adbc_driver_manager.Error, pa.ArrowException, ValueError) as exc:
            raise LoadError(f"cannot load {gold.name}: {_one_line(exc)}") from None
    swap = [
        f"DROP TABLE IF EXISTS {target}",
        f"ALTER TABLE {_q(schema)}.{_q(staging)} RENAME TO {_q(gold.name)}",
        *_constraints_sql(gold, target),
        f"ANALYZE {target}",
    ]
    _run(conn, swap, f"cannot replace {schema}.{gold.name}")
    return rows


def _without_nul(reader: pa.RecordBatchReader) -> pa.RecordBatchReader:
    """``reader`` with NUL characters taken out of its text columns: PostgreSQL cannot store
    them (silver trims them off the ends of values; one inside a value stays in the lake)."""

    def batches() -> Iterator[pa.RecordBatch]:
        for batch in reader:
            columns = [
                pc.replace_substring(c, "\x00", "")
                if pa.types.is_string(c.type) and pc.any(pc.match_substring(c, "\x00")).as_py()
                else c
                for c in batch.columns
            ]
            yield pa.RecordBatch.from_arrays(columns, schema=batch.schema)

    return pa.RecordBatchReader.from_batches(reader.schema, batches())


def _constraints_sql(gold: GoldTable, target: str) -> list[str]:
    """The contract's NOT NULLs and primary key, and an index per declared reference or ``*_id``
    column. The key's first column gets no index of its own: the key's index serves it."""
    schema = gold.schema()
    contract = gold.contract
    key = (
        contract.primary_key if contract and set(contract.primary_key) <= set(schema.names) else ()
    )
    referencing = {c.name for c in contract.columns if c.references} if contract else set()
    required = [f.name for f in schema if not f.nullable]
    indexed = [
        c for c in schema.names if (c in referencing or c.endswith("_id")) and c not in key[:1]
    ]
    out = []
    if required:
        out.append(
            f"ALTER TABLE {target} "
            + ", ".join(f"ALTER COLUMN {_q(c)} SET NOT NULL" for c in required)
        )
    if key:
        out.append(f"ALTER TABLE {target} ADD PRIMARY KEY ({', '.join(map(_q, key))})")
    # PostgreSQL names each index itself (<table>_<column>_idx), the same on every rerun.
    out += [f"CREATE INDEX ON {target} ({_q(column)})" for column in indexed]
    return out


def _run(conn: pg.Connection, statements: list[str], failure: str) -> None:
    """Run ``statements`` in the load's transaction (the caller commits or rolls back)."""
    with conn.cursor() as cur:
        try:
            for statement in statements:
                cur.execute(statement)
        except adbc_driver_manager.Error as exc:
            raise LoadError(f"{failure}: {_one_line(exc)}") from None


def redact(url: str) -> str:
    """``url`` without its password."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:  # not even a URL: show none of it
        return "<unparsable URL>"
    if password is None:
        return url
    netloc = parts.netloc.replace(f":{password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def _q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _one_line(exc: Exception) -> str:
    """libpq's own words: no ADBC status prefix, echoed query, caret line or SQLSTATE."""
    text = re.split(r"Query was:|\.? SQLSTATE:", str(exc))[0]
    text = re.sub(r"^[A-Z_]+: (\[libpq\] )?", "", text)
    text = re.sub(r"Failed to (execute|prepare) query( '.*?')?: ", "", text, flags=re.DOTALL)
    text = re.sub(
        r'Failed to connect: (connection to server at "[^"]*", port \d+ failed: )?', "", text
    )
    text = re.sub(r"\b(ERROR|FATAL|DETAIL|HINT):\s+", "", text)
    lines = [line.strip() for line in text.splitlines()]
    kept = [line for line in lines if line and not line.startswith("LINE ") and set(line) != {"^"}]
    return "; ".join(" ".join(line.split()) for line in kept).rstrip(" .")

"""A PostgreSQL table or query as a bronze source: Arrow batches through ADBC, landed as text.

Rows are numbered 1, 2, … in a deterministic order: a table by its contract's primary key
(every column when the table lacks a column of the key), a query in its own order, so give
it an ORDER BY. The count that reconciles a landing is a separate ``count(*)``. The URL comes
from an environment variable and appears in no lineage column and no error message.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from c360.config import PostgresSource
from c360.contracts.model import Table
from c360.pipeline.bronze.blocks import (
    ROW_NUMBER,
    Block,
    SourceError,
    as_text,
    contract_names,
    refuse_row_number,
    refuse_unmapped,
)
from c360.serve.postgres_secrets import scrub

if TYPE_CHECKING:
    from adbc_driver_manager.dbapi import Cursor


@dataclass(frozen=True)
class PostgresTable:
    """One configured PostgreSQL source; ``read`` and ``count`` each open their own connection."""

    label: str  # "postgres:public.orders" or "postgres:query"
    url: str = field(repr=False)
    table: str | None = None
    query: str | None = None

    @classmethod
    def configured(cls, name: str, settings: PostgresSource) -> PostgresTable:
        """The source of table ``name`` as ``c360.yaml`` describes it; its URL must be set."""
        url = os.environ.get(settings.url_env)
        if not url:
            raise SourceError(
                f"{name}: environment variable {settings.url_env} is not set "
                "(the URL of its PostgreSQL source)"
            )
        label = f"postgres:{settings.table}" if settings.table else "postgres:query"
        return cls(label, url, settings.table, settings.query)

    def count(self) -> int:
        """Rows in the table or the query's result."""
        with self._cursor() as cur:
            cur.execute(f"SELECT count(*) FROM {self._relation_sql()}")
            row = cur.fetchone()
        return int(row[0]) if row else 0

    def read(self, contract: Table, columns: dict[str, str] | None = None) -> Iterator[Block]:
        """The rows as text blocks, numbered in key order (tables) or the query's order, the
        columns ``columns`` maps (``c360.yaml``'s ``csv:`` or ``json:`` entry) as their
        contract columns, a mapped name the result lacks but spells nearly refused."""
        mapped = columns or {}
        with self._cursor() as cur:
            cur.execute(self._select_sql(cur, contract, mapped))
            taken = 0
            reader = cur.fetch_record_batch()
            holder = "table" if self.table else "query"
            refuse_unmapped(self.label, reader.schema.names, contract, mapped, holder)
            first = next(reader, None)  # no rows: the columns still show, for drift
            empty = pa.RecordBatch.from_pylist([], schema=reader.schema)
            for batch in itertools.chain([empty if first is None else first], reader):
                numbers = pa.array(range(taken + 1, taken + batch.num_rows + 1), pa.int64())
                taken += batch.num_rows
                names = _named(batch.schema.names, contract, self.label, mapped)
                batch = batch.rename_columns(names)
                refuse_row_number(self.label, batch.schema.names)
                data = as_text(pa.Table.from_batches([batch])).append_column(ROW_NUMBER, numbers)
                yield Block(data, self.label, types=batch.schema)

    def _relation_sql(self) -> str:
        if self.table:
            return ".".join(_quoted(part) for part in self.table.split(".", 1))
        return f"({str(self.query).strip().rstrip(';')}\n) AS source"  # \n: a query may end in --

    def _select_sql(self, cur: Cursor, contract: Table, mapped: dict[str, str]) -> str:
        if self.query:
            return str(self.query)
        cur.execute(f"SELECT * FROM {self._relation_sql()} LIMIT 0")
        columns = cur.fetch_arrow_table().column_names
        spelt = dict(zip(_named(columns, contract, self.label, mapped), columns, strict=True))
        key = list(contract.primary_key)
        order = [spelt[k] for k in key] if key and set(key) <= set(spelt) else columns
        keys = ", ".join(_quoted(c) for c in order)
        return f"SELECT * FROM {self._relation_sql()} ORDER BY {keys}"

    @contextmanager
    def _cursor(self) -> Iterator[Any]:
        """A cursor on a fresh connection; any database error becomes one ``SourceError`` line."""
        import adbc_driver_postgresql.dbapi as pg

        try:
            with pg.connect(self.url) as conn, conn.cursor() as cur:
                yield cur
        except pg.Error as exc:
            raise SourceError(f"{self.label}: {_first_line(str(exc), self.url)}") from None


def _named(
    columns: list[str], contract: Table, label: str, mapped: dict[str, str] | None = None
) -> list[str]:
    """The columns as contract columns ("Customer_ID" is customer_id, as in a CSV header, and
    those ``mapped`` as their columns); two that name one contract column stop the source."""
    names = contract_names(columns, contract, mapped)
    if twice := sorted({n for n in names if names.count(n) > 1}):
        raise SourceError(f"{label}: columns {', '.join(twice)} are named more than once")
    return names


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _first_line(message: str, url: str) -> str:
    """The telling line of a driver error, without the password should the driver quote it.

    >>> _first_line('NOT_FOUND: Failed: ERROR:  relation "x" does not exist\\nLINE 1', "")
    'relation "x" does not exist'
    >>> _first_line("IO: [libpq] Failed to connect: … failed: Connection refused\\n\\tIs …", "")
    'Failed to connect: … failed: Connection refused'
    """
    line = message.strip().splitlines()[0] if message.strip() else "database error"
    line = re.sub(r"^[A-Z_]+: (\[libpq\] )?", "", line)  # ADBC's status code and driver name
    line = " ".join(line.split("ERROR:", 1)[-1].split())
    return scrub(line, url)  # libpq echoes pieces of a password it misreads, too

"""Load the gold tables into PostgreSQL through ADBC bulk ingest (Arrow in, ``COPY`` underneath).

Each table is first ingested into a staging table of its own and given there the contract's NOT
NULLs, its primary key, an index per foreign-key-like column, the contract's descriptions as
comments and its statistics, with no lock on any table users read. Then every live table is
locked and swapped for its staging table in one short burst of catalog changes (the keys and
indexes renamed to the names PostgreSQL gives them), each given the grants, comments, row-level
security and policies of the table it replaces, and the load commits: readers wait for that
burst only, not for the copying. All of it is one transaction for the whole load: a rerun
replaces the tables with identical ones, and a failure anywhere (a duplicate key, a user's view
that depends on a table, a table still in use when the lock timeout ends) leaves the previous
load untouched, every table of it. Loads into one schema take turns: each holds an advisory lock
on the schema's name.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import shlex
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import adbc_driver_manager
import adbc_driver_postgresql.dbapi as pg
import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts import GOLD_TABLES
from c360.contracts.model import Table
from c360.pipeline import lake
from c360.pipeline.last_run import why_no_gold
from c360.serve import GoldTable, gold_tables
from c360.serve.postgres_keep import CATALOG, folded, keep_sql, literal, sql_name
from c360.serve.postgres_keep import quoted as _q
from c360.serve.postgres_secrets import KEYWORDS, redact, scrub
from c360.workspace import shared

LOCK_TIMEOUT_S = 30.0
MAX_LOCK_TIMEOUT_S = 86_400.0  # a day; PostgreSQL's lock_timeout ends at ~24.8 days of ms
APPLICATION = "c360 load-postgres"  # how other sessions see a load in pg_stat_activity
LOCK_NOT_AVAILABLE = "55P03"  # SQLSTATE of a wait cut short by lock_timeout
MAX_NAME_BYTES = 63  # PostgreSQL cuts a longer name short, with a notice no one sees
# libpq's other form of connection string: "host=db port=5432 dbname=gold".
_KEYWORDS = re.compile(rf"\s*(?:{'|'.join(sorted(KEYWORDS))})\s*=", re.IGNORECASE)
# A URL pasted with the name of the variable that held it: "DATABASE_URL=postgresql://...".
_NAMED_URL = re.compile(r"([A-Za-z_]\w*)\s*=\s*[\"']?postgres(?:ql)?://")


class LoadError(Exception):
    """PostgreSQL refused the connection, a table or a query; the message says why, on one line."""


class _Waited(LoadError):
    """A lock wait ran out; ``holders_sql`` finds the sessions that held the lock."""

    def __init__(self, failure: str, holders_sql: str, until: str) -> None:
        super().__init__(failure)
        self.failure, self.holders_sql, self.until = failure, holders_sql, until


def load_postgres(
    workspace: Path,
    url: str,
    schema: str = "public",
    contracts: Iterable[Table] | None = None,
    progress: Callable[[str, int], None] | None = None,
    *,
    lock_timeout: float = LOCK_TIMEOUT_S,
    warn: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Replace every gold table in ``schema`` of the database at ``url``, and drop the declared
    ones the lake no longer holds; returns rows per table.

    ``progress(table, rows)`` is called after each table is copied; once all are, they are
    swapped in together and the load commits. Each wait for a table in use, or for another load
    into ``schema``, gives up after ``lock_timeout`` seconds (0: waits as long as it takes).
    ``warn(message)`` hears, after the commit, what a reload dropped that the load does not make
    (a user's column, index, constraint, trigger or policy: the load owns its tables and
    replaces them whole), and each comment it replaced with the contract's description.

    ``schema`` is read as SQL reads a name (:func:`schema_name`): ``Gold`` loads into ``gold``,
    ``"Gold"`` into ``Gold``.
    """
    if not 0 <= lock_timeout <= MAX_LOCK_TIMEOUT_S:  # NaN too
        raise LoadError(f"lock timeout {lock_timeout} s: give 0 to {MAX_LOCK_TIMEOUT_S:,.0f} s")
    written, schema = schema, schema_name(schema)
    if not schema:
        raise LoadError("no schema name: name the schema to load into")
    if "\x00" in schema:
        raise LoadError(
            f"schema name {schema!r} holds a NUL character, which PostgreSQL names cannot hold"
        )
    if len(schema.encode()) > MAX_NAME_BYTES:  # PostgreSQL would load into a shorter name
        raise LoadError(
            f"schema name {schema} is {len(schema.encode())} bytes long: PostgreSQL would cut it "
            f"to its first {MAX_NAME_BYTES}"
        )
    url = trimmed(url)
    try:
        with shared(Path(workspace)):  # no run swaps tables while they are read
            known = tuple(GOLD_TABLES if contracts is None else contracts)
            rows, dropped = _load(workspace, url, (schema, written), known, progress, lock_timeout)
    except LoadError as exc:
        raise LoadError(scrub(str(exc), url)) from None
    if warn:
        for message in dropped:
            warn(message)
    return rows


def schema_name(given: str) -> str:
    """The schema a load or a query given ``given`` uses: a plain name folded to lower case as
    PostgreSQL folds a name written without quotes (``Gold`` is ``gold``, which
    ``select ... from Gold.t`` reads), a name in double quotes as written between them (as in
    SQL and ``pg_dump --schema``), any other name (``Gold Schéma``) as it is. Write it in SQL
    as :func:`sql_name` does."""
    return folded(given)


def _load(
    workspace: Path,
    url: str,
    names: tuple[str, str],
    known: tuple[Table, ...],
    progress: Callable[[str, int], None] | None,
    lock_timeout: float,
) -> tuple[dict[str, int], list[str]]:
    schema = names[0]  # and its name as the user wrote it
    tables = gold_tables(workspace, known)
    if not tables:
        folder = Path(workspace) / "lake" / "gold"
        raise LoadError(f"no gold tables in {folder}: {why_no_gold(workspace)}")
    # A gold table the lake no longer holds (its source was removed) goes, as it goes from the
    # warehouse and the exports; a table no contract declares is the user's and stays.
    gone = sorted({t.name for t in known} - {gold.name for gold in tables})
    for gold in tables:  # before the database is touched
        _check(gold)
    with connect(url) as conn:
        try:
            _begin(conn, names, lock_timeout)
            staged = []
            for number, gold in enumerate(tables):  # no lock on a live table meanwhile
                staged.append(_stage(conn, gold, schema, f"_c360_staging_{os.getpid()}_{number}"))
                if progress:
                    progress(gold.name, staged[-1].rows)
            dropped = _swap(conn, staged, schema, gone)
        except _Waited as waited:
            conn.rollback()
            raise LoadError(_gave_up(conn, waited, lock_timeout)) from None
        except LoadError:
            conn.rollback()
            raise
        conn.commit()
    rows = {table.gold.name: table.rows for table in staged}
    return rows, dropped


def _check(gold: GoldTable) -> None:
    """Refuse a gold table that does not read as its contract declares it, as one an earlier
    version of c360 built does once a column gained a default: in plain words, not as the
    error of a cast in the middle of the load."""
    try:
        why = gold.mismatch()
    except lake.UnreadableTableError as exc:  # names the table and how to recover
        raise LoadError(str(exc)) from None
    if why:
        raise LoadError(
            f"cannot load {gold.name}: lake/gold/{gold.name} is not as this version of c360 "
            f"makes it ({why}); run `c360 run` to rebuild gold"
        )


def _begin(conn: pg.Connection, names: tuple[str, str], lock_timeout: float) -> None:
    """Wait at most ``lock_timeout`` for any lock, wait for the load already running into
    ``schema``, and make ``schema`` if it is missing (``CREATE SCHEMA IF NOT EXISTS`` would
    need CREATE on the database even when the schema is there) — unless the user wrote it with
    capitals and a schema of that very name exists: loads once went there."""
    schema, written = names
    digest = hashlib.sha256(f"{APPLICATION} {schema}".encode()).digest()
    key = int.from_bytes(digest[:8], "big", signed=True)
    another = f"another load into {sql_name(schema)} is running"
    held = (  # a bigint key shows in pg_locks as its high and low 32 bits
        f"l.locktype = 'advisory' AND l.classid = {(key >> 32) & 0xFFFFFFFF} "
        f"AND l.objid = {key & 0xFFFFFFFF} AND l.objsubid = 1"
    )
    settings = [
        f"SET lock_timeout = {math.ceil(max(lock_timeout, 0) * 1000)}",  # in ms
        f"SET application_name = '{APPLICATION}'",
    ]
    _run(conn, settings, "cannot set up the load")
    _rows(conn, f"SELECT pg_advisory_xact_lock({key})", another, waited=(held, "finish"))
    exists = "SELECT count(*) FROM pg_namespace WHERE nspname = $1"
    if not _rows(conn, exists, f"cannot read schema {sql_name(schema)}", schema)[0][0]:
        read = f"cannot read schema {sql_name(written)}"
        if written != schema and _rows(conn, exists, read, written)[0][0]:
            raise LoadError(
                f"--schema {written} names the schema {schema}, as PostgreSQL reads a name "
                f"without quotes, and there is none; {sql_name(written)} exists: give --schema "
                f"'{sql_name(written)}' to load into it, or create {schema} to load there"
            )
        _run(conn, [f"CREATE SCHEMA {_q(schema)}"], f"cannot create schema {sql_name(schema)}")


def trimmed(url: str) -> str:
    """``url`` without the spaces around it; a key=value string keeps those at its end, which
    libpq skips and a backslash before them keeps in a password."""
    url = url.lstrip()
    return url.rstrip() if url.startswith(("postgresql://", "postgres://")) else url


def connect(url: str) -> pg.Connection:
    """An ADBC connection to ``url`` (a URL or libpq's ``host=db dbname=gold`` keywords), or a
    ``LoadError`` that names the server, not the password."""
    url = trimmed(url)
    if not (url.startswith(("postgresql://", "postgres://")) or _KEYWORDS.match(url)):
        if named := _NAMED_URL.match(url):
            raise LoadError(
                f"the connection string starts with {named[1]}=: drop the {named[1]}= before "
                "the URL"
            )
        raise LoadError(
            f"not a PostgreSQL URL: {redact(url)!r} (expected postgresql://user@host/database "
            "or host=H dbname=D)"
        )
    try:
        return pg.connect(url)
    except adbc_driver_manager.Error as exc:
        said = _one_line(exc)
        if absent := re.search(r'database "(.*)" does not exist$', said):
            name = absent[1]
            said += (
                f"; create it with createdb {shlex.quote(name)} or CREATE DATABASE {sql_name(name)}"
            )
        raise LoadError(scrub(f"cannot connect to {redact(url)}: {said}", url)) from None


def query(url: str, sql: str, schema: str = "public") -> pa.Table:
    """Run ``sql`` with ``schema`` first on the search path; the answer as Arrow."""
    url = trimmed(url)
    try:
        with connect(url) as conn, conn.cursor() as cur:
            try:
                cur.execute(f"SET search_path TO {_q(schema_name(schema))}, public")
                cur.execute(sql)
                return cur.fetch_arrow_table()
            except adbc_driver_manager.Error as exc:
                raise LoadError(_one_line(exc)) from None
    except LoadError as exc:
        raise LoadError(scrub(str(exc), url)) from None


@dataclass(frozen=True)
class _Staged:
    """A gold table copied into its staging table in the load's schema, not yet swapped in."""

    gold: GoldTable
    staging: str  # the staging table's name
    rows: int
    # Each key, index and named NOT NULL the staging table has, to be named as PostgreSQL names
    # it on the gold table: its name now, its column (None for the key) and PostgreSQL's label.
    renames: tuple[tuple[str, str | None, str], ...]
    described: dict[str | None, str]  # the contract's description of the table (None), columns
    privileges: set[tuple]  # what the schema's default privileges gave on creation
    columns: frozenset[str]


def _replacing(schema: str, gold: GoldTable) -> str:
    return f"cannot replace {sql_name(schema, gold.name)}"


def _stage(conn: pg.Connection, gold: GoldTable, schema: str, staging: str) -> _Staged:
    """Copy ``gold`` into the new table ``staging`` with the contract's NOT NULLs, key, indexes
    and descriptions, and its statistics: the slow part of a load, on no table anyone reads."""
    table = f"{_q(schema)}.{_q(staging)}"
    failure = _replacing(schema, gold)
    with conn.cursor() as cur:
        try:
            rows = cur.adbc_ingest(
                staging, _without_nul(gold.reader()), mode="replace", db_schema_name=schema
            )
        except lake.UnreadableTableError as exc:  # names the table and how to recover
            raise LoadError(str(exc)) from None
        except (adbc_driver_manager.Error, pa.ArrowException, ValueError) as exc:
            said = _one_line(exc).replace(staging, gold.name)  # the table the user knows
            raise LoadError(f"cannot load {gold.name}: {said}") from None
    constraints, renames = _constraints_sql(gold, table, staging)
    described = _descriptions(gold)
    comments = [
        f"COMMENT ON {f'COLUMN {table}.{_q(column)}' if column else f'TABLE {table}'} "
        f"IS {literal(text)}"
        for column, text in described.items()
    ]
    try:
        _run(conn, [*constraints, *comments, f"ANALYZE {table}"], failure)
        # PostgreSQL 18 names each NOT NULL as a constraint; earlier releases find none.
        not_null = _rows(conn, NOT_NULL_NAMES, failure, table)
        privileges = set(_rows(conn, CATALOG["privileges"], failure, table))
    except LoadError as exc:  # "could not create unique index "<staging>_pkey"": the table's name
        raise LoadError(str(exc).replace(staging, gold.name)) from None
    renames += [(name, column, "not_null") for name, column in not_null]
    columns = frozenset(gold.schema().names)
    return _Staged(gold, staging, rows, tuple(renames), described, privileges, columns)


NOT_NULL_NAMES = """
    SELECT k.conname::text, a.attname::text FROM pg_constraint k
    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
    WHERE k.conrelid = to_regclass($1) AND k.contype = 'n'
    ORDER BY a.attnum
"""
# The names of the schema $1's tables, indexes and the like, and of its constraints.
NAMES_IN_SCHEMA = """
    SELECT 'relation', relname::text FROM pg_class
    WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = $1)
    UNION ALL
    SELECT 'constraint', conname::text FROM pg_constraint
    WHERE connamespace = (SELECT oid FROM pg_namespace WHERE nspname = $1)
"""


def _descriptions(gold: GoldTable) -> dict[str | None, str]:
    """The contract's description of ``gold`` (under None) and of each of its columns the table
    has, where the contract gives one."""
    contract = gold.contract
    if contract is None:
        return {}
    names = set(gold.schema().names)
    described: dict[str | None, str] = {}
    if contract.description:
        described[None] = contract.description
    for column in contract.columns:
        if column.description and column.name in names:
            described[column.name] = column.description
    return described


def _swap(conn: pg.Connection, staged: list[_Staged], schema: str, gone: list[str]) -> list[str]:
    """Swap every staged table in at once, in the load's transaction, and drop the tables
    ``gone``: each live table is locked in turn, then all are replaced in one burst of catalog
    changes, so a reader waits for the commit that follows, not for the copying. Returns what
    the reloads dropped or replaced that the load does not make, in words."""
    reading = f"cannot read the tables of {sql_name(schema)}"
    targets = {table.gold.name: f"{_q(schema)}.{_q(table.gold.name)}" for table in staged}
    exists = _each(
        conn, "SELECT true WHERE to_regclass($1) IS NOT NULL", [*targets.values()], reading
    )
    live = [table for table in staged if exists[targets[table.gold.name]]]
    for table in live:  # locked first, so that what is read of them stays true until they go
        target = targets[table.gold.name]
        lock = f"LOCK TABLE {target} IN ACCESS EXCLUSIVE MODE"
        _run(conn, [lock], _replacing(schema, table.gold), _table_in_use(target))
    replaced = [targets[table.gold.name] for table in live]
    views = _each(conn, DEPENDENT_VIEWS, replaced, reading)
    for table in live:
        if found := views[targets[table.gold.name]]:
            on = sorted(found, key=lambda row: (row[0], *row[2:]))
            raise LoadError(f"{_replacing(schema, table.gold)}: {_views_on(on)}")
    had = {kind: _each(conn, sql, replaced, reading) for kind, sql in CATALOG.items()}
    for table in staged:
        target = targets[table.gold.name]
        swap = [
            f"DROP TABLE IF EXISTS {target}",
            f"ALTER TABLE {_q(schema)}.{_q(table.staging)} RENAME TO {_q(table.gold.name)}",
        ]
        _run(conn, swap, _replacing(schema, table.gold), _table_in_use(target))
    _run(conn, _naming_sql(conn, staged, schema), f"cannot name the keys of {sql_name(schema)}")
    retold: dict[str, list[str]] = {}
    for table in live:
        old = {kind: set(rows[targets[table.gold.name]]) for kind, rows in had.items()}
        failure = _replacing(schema, table.gold)
        retold[table.gold.name] = _keep(conn, table, targets[table.gold.name], old, failure)
    now = _each(conn, CATALOG["features"], replaced, reading)
    said: list[str] = []
    for table in live:
        target, name = targets[table.gold.name], sql_name(schema, table.gold.name)
        if lost := sorted(set(had["features"][target]) - set(now[target])):
            said.append(
                f"the reload of {name} dropped what the load does not make: "
                + ", ".join(f"{kind} {what}" for kind, what in lost)
            )
        if retold[table.gold.name]:
            said.append(
                f"the reload of {name} replaced comments with its contract's descriptions: "
                + ", ".join(retold[table.gold.name])
            )
    for gone_name in gone:
        target = f"{_q(schema)}.{_q(gone_name)}"
        failure = f"cannot drop {sql_name(schema, gone_name)}, gone from gold"
        _run(conn, [f"DROP TABLE IF EXISTS {target}"], failure, _table_in_use(target))
    return said


def _each(
    conn: pg.Connection, sql: str, targets: list[str], failure: str
) -> dict[str, list[tuple]]:
    """The rows of ``sql`` (a query of table ``$1``) for each of ``targets``, in one query: the
    swap reads the catalog while it holds the tables, so the fewer round trips the better."""
    found: dict[str, list[tuple]] = {target: [] for target in targets}
    if targets:
        values = ", ".join(f"({literal(target)})" for target in targets)
        each = sql.replace("$1", "t.target")
        rows = _rows(
            conn,
            f"SELECT t.target, q.* FROM (VALUES {values}) AS t(target), LATERAL ({each}) AS q",
            failure,
        )
        for target, *row in rows:
            found[target].append(tuple(row))
    return found


def _naming_sql(conn: pg.Connection, staged: list[_Staged], schema: str) -> list[str]:
    """Renames giving each swapped table's key, indexes and NOT NULLs the names PostgreSQL
    would have chosen making them on the table itself (``<table>_pkey``,
    ``<table>_<column>_idx``): the same on every reload, whatever the staging table was."""
    taken: dict[str, set[str]] = {"relation": set(), "constraint": set()}
    for kind, name in _rows(
        conn, NAMES_IN_SCHEMA, f"cannot read schema {sql_name(schema)}", schema
    ):
        taken[kind].add(name)
    statements = []
    for table in staged:
        target = f"{_q(schema)}.{_q(table.gold.name)}"
        for now, column, label in table.renames:
            kinds = {"pkey": ("relation", "constraint"), "idx": ("relation",)}.get(
                label, ("constraint",)
            )
            used = set().union(*(taken[kind] for kind in kinds))
            name = chosen_name(table.gold.name, column, label, used)
            for kind in kinds:
                taken[kind].add(name)
            if label == "not_null":
                statements.append(f"ALTER TABLE {target} RENAME CONSTRAINT {_q(now)} TO {_q(name)}")
            else:  # renames the key's constraint with its index
                statements.append(f"ALTER INDEX {_q(schema)}.{_q(now)} RENAME TO {_q(name)}")
    return statements


def chosen_name(table: str, column: str | None, label: str, taken: set[str]) -> str:
    """The name PostgreSQL gives an object of ``table`` (on ``column``) labelled ``label``
    (``pkey``, ``idx``, ``not_null``): its ``ChooseRelationName``, which cuts the longer of
    the two names until the whole fits in 63 bytes and numbers the label past ``taken``.

    >>> chosen_name("fct_orders", "buyer_id", "idx", {"fct_orders_buyer_id_idx"})
    'fct_orders_buyer_id_idx1'
    >>> len(chosen_name("t" * 70, None, "pkey", set()).encode())
    63
    """
    number, tried = 0, label
    while (name := _object_name(table, column, tried)) in taken:
        number += 1
        tried = f"{label}{number}"
    return name


def _object_name(first: str, second: str | None, label: str) -> str:
    """PostgreSQL's ``makeObjectName``: ``first_second_label``, the longer name cut first, each
    on a character's boundary."""
    one, two = first.encode(), (second or "").encode()
    room = MAX_NAME_BYTES - len(label.encode()) - 1 - (second is not None)
    size_one, size_two = len(one), len(two)
    while size_one + size_two > room:
        if size_one > size_two:
            size_one -= 1
        else:
            size_two -= 1
    parts = [one[:size_one].decode(errors="ignore")]  # a character cut in two goes whole
    if second is not None:
        parts.append(two[:size_two].decode(errors="ignore"))
    return "_".join([*parts, label])


def _keep(
    conn: pg.Connection, table: _Staged, target: str, had: dict[str, set[tuple]], failure: str
) -> list[str]:
    """Give the swapped-in ``table`` what the table it replaced had (grants, comments, row-level
    security), the contract's descriptions over the comments on what they describe; returns
    the comments so replaced (``table``, ``column <name>``)."""
    kept = {c for c in had["comments"] if c[0] not in table.described}
    retold = sorted(
        (column or "", column)
        for column, _, text in had["comments"] - kept
        if text != table.described[column]
    )
    has = {"privileges": table.privileges}
    keep = keep_sql(target, {**had, "comments": kept}, has, set(table.columns))
    _run(conn, keep, failure)
    return [f"column {column}" if column else "table" for _, column in retold]


# The views and materialized views on table $1, and those on them, each with what it reads and
# how far from the table it is: DROP TABLE would refuse, hinting at a CASCADE that drops them.
DEPENDENT_VIEWS = """
    WITH RECURSIVE dependent(view, base, depth) AS (
        SELECT r.ev_class, d.refobjid, 1
        FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
        WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
          AND d.refobjid = to_regclass($1) AND r.ev_class <> d.refobjid
        UNION
        SELECT r.ev_class, d.refobjid, v.depth + 1
        FROM dependent v
        JOIN pg_depend d ON d.refobjid = v.view AND d.refclassid = 'pg_class'::regclass
        JOIN pg_rewrite r ON r.oid = d.objid AND d.classid = 'pg_rewrite'::regclass
        WHERE r.ev_class <> d.refobjid
    )
    SELECT DISTINCT v.depth, c.relkind::text, n.nspname::text, c.relname::text,
           bn.nspname::text, b.relname::text
    FROM dependent v
    JOIN pg_class c ON c.oid = v.view JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_class b ON b.oid = v.base JOIN pg_namespace bn ON bn.oid = b.relnamespace
    ORDER BY 1, 3, 4, 5, 6
"""
CASCADE_HINT = "; Use DROP ... CASCADE to drop the dependent objects too"
REPLACED_WHOLE = "the load replaces the table whole"


def _views_on(views: list[tuple]) -> str:
    r"""What depends on the table, from :data:`DEPENDENT_VIEWS`'s rows, and what to do.

    >>> print(_views_on([(1, "m", "gold", "Top", "gold", "fct_orders")]).replace("; ", ";\n"))
    materialized view gold."Top" depends on it;
    the load replaces the table whole: drop the view, load, then create it again
    """
    kinds = {"v": "view", "m": "materialized view"}
    named = [
        (depth, f"{kinds.get(kind, 'view')} {sql_name(schema, name)}", sql_name(*base))
        for depth, kind, schema, name, *base in views
    ]
    direct = [view for depth, view, _ in named if depth == 1]
    said = f"{', '.join(direct)} {'depends' if len(direct) == 1 else 'depend'} on it"
    if further := [f"{view} on {base}" for depth, view, base in named if depth > 1]:
        said += f", and {', '.join(further)}"
    if len({view for _, view, _ in named}) == 1:
        return f"{said}; {REPLACED_WHOLE}: drop the view, load, then create it again"
    return f"{said}; {REPLACED_WHOLE}: drop these views, load, then create them again"


def _without_nul(reader: pa.RecordBatchReader) -> pa.RecordBatchReader:
    """``reader`` with NUL characters taken out of its text columns (categories too) and the
    text items of its lists: PostgreSQL cannot store them (silver trims them off the ends of
    values; one inside a value stays in the lake)."""

    def batches() -> Iterator[pa.RecordBatch]:
        for batch in reader:
            columns = [_no_nul(c) for c in batch.columns]
            yield pa.RecordBatch.from_arrays(columns, schema=batch.schema)

    return pa.RecordBatchReader.from_batches(reader.schema, batches())


def _no_nul(col: pa.Array) -> pa.Array:
    """``col`` without NUL characters in its text, or ``col`` itself when it holds none."""
    kind = col.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        if pc.any(pc.match_substring(col, "\x00")).as_py():
            return pc.replace_substring(col, "\x00", "")
        return col
    if pa.types.is_dictionary(kind):  # categories: their text, each held once
        words = _no_nul(col.dictionary)
        if words is col.dictionary:
            return col
        return pa.DictionaryArray.from_arrays(col.indices, words, ordered=kind.ordered)
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        first, last = col.offsets[0].as_py(), col.offsets[-1].as_py()
        items = col.values.slice(first, last - first)  # a slice's items, from its first
        cleaned = _no_nul(items)
        if cleaned is items:
            return col
        offsets = pc.subtract(col.offsets, col.offsets[0])
        mask = col.is_null() if col.null_count else None
        return type(col).from_arrays(offsets, cleaned, type=kind, mask=mask)
    return col


def _constraints_sql(
    gold: GoldTable, table: str, staging: str
) -> tuple[list[str], list[tuple[str, str | None, str]]]:
    """The contract's NOT NULLs and primary key, and an index per declared reference or ``*_id``
    column, for ``table`` (the staging table ``staging``); and the key's and each index's name
    there, column and PostgreSQL's label, for :func:`_naming_sql`. The key's first column gets
    no index of its own: the key's index serves it."""
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
    out: list[str] = []
    names: list[tuple[str, str | None, str]] = []
    if required:
        out.append(
            f"ALTER TABLE {table} "
            + ", ".join(f"ALTER COLUMN {_q(c)} SET NOT NULL" for c in required)
        )
    if key:
        names.append((f"{staging}_pkey", None, "pkey"))
        out.append(
            f"ALTER TABLE {table} ADD CONSTRAINT {_q(names[-1][0])} "
            f"PRIMARY KEY ({', '.join(map(_q, key))})"
        )
    for number, column in enumerate(indexed):
        names.append((f"{staging}_index_{number}", column, "idx"))
        out.append(f"CREATE INDEX {_q(names[-1][0])} ON {table} ({_q(column)})")
    return out, names


def _table_in_use(target: str) -> tuple[str, str]:
    """How :func:`_gave_up` finds who holds ``target``, and what it waited for them to do."""
    return f"l.locktype = 'relation' AND l.relation = to_regclass({literal(target)})", "release it"


def _run(
    conn: pg.Connection,
    statements: list[str],
    failure: str,
    waited: tuple[str, str] | None = None,
) -> None:
    """Run ``statements`` in the load's transaction (the caller commits or rolls back).

    ``waited`` (see :func:`_table_in_use`) makes a lock timeout a :class:`_Waited`."""
    with conn.cursor() as cur:
        try:
            for statement in statements:
                cur.execute(statement)
        except adbc_driver_manager.Error as exc:
            raise _failed(exc, failure, waited) from None


def _rows(
    conn: pg.Connection,
    sql: str,
    failure: str,
    *parameters: str,
    waited: tuple[str, str] | None = None,
) -> list[tuple]:
    """The rows of ``sql`` in the load's transaction; a query's errors come with its rows."""
    with conn.cursor() as cur:
        try:
            cur.execute(sql, parameters or None)
            return cur.fetchall()
        except adbc_driver_manager.Error as exc:
            raise _failed(exc, failure, waited) from None


def _failed(
    exc: adbc_driver_manager.Error, failure: str, waited: tuple[str, str] | None
) -> LoadError:
    if waited and exc.sqlstate == LOCK_NOT_AVAILABLE:
        return _Waited(failure, *waited)
    said = _one_line(exc)
    if CASCADE_HINT in said:  # not a view (a user's foreign key): dropping it is the user's call
        said = said.replace(
            CASCADE_HINT, f"; {REPLACED_WHOLE}: drop it, load, then create it again"
        )
    return LoadError(f"{failure}: {said}")


def _gave_up(conn: pg.Connection, waited: _Waited, lock_timeout: float) -> str:
    """One line for a lock wait that ran out: what failed and the sessions that held the lock."""
    holders = f"""
        SELECT DISTINCT a.pid, a.usename::text, a.application_name, a.state
        FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.granted AND l.pid <> pg_backend_pid()
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND {waited.holders_sql}
        ORDER BY a.pid
    """
    try:
        sessions = _rows(conn, holders, "")
    except LoadError:  # the answer was for the message only
        sessions = []
    described = [
        (pid, [user, app and '"' + app + '"', state]) for pid, user, app, state in sessions
    ]
    who = ", ".join(f"pid {pid} ({', '.join(p for p in parts if p)})" for pid, parts in described)
    return (
        f"{waited.failure}: gave up after {lock_timeout:g} s waiting for "
        f"{who or 'another session'} to {waited.until}; nothing was changed"
    )


def _one_line(exc: Exception) -> str:
    """libpq's own words: no ADBC status prefix, echoed query, caret line or SQLSTATE."""
    text = re.split(r"Query was:|\.? SQLSTATE:", str(exc))[0]
    text = re.sub(r"^[A-Z_]+: (\[libpq\] )?", "", text)
    text = re.sub(r"Failed to (execute|prepare) query( '.*?')?: ", "", text, flags=re.DOTALL)
    text = re.sub(r"Execution error \[PGRES_\w+\]: ", "", text)
    text = re.sub(r"^Failed to (create|drop) table: ", "", text)  # a bulk ingest's own step
    text = re.sub(r"Failed to execute (COPY|prepared) statement: (PGRES_\w+ )?", "", text)
    text = re.sub(
        r'Failed to connect: (connection to server at "[^"]*", port \d+ failed: )?', "", text
    )
    text = re.sub(r"\b(ERROR|FATAL|DETAIL|HINT):\s+", "", text)
    lines = [line.strip() for line in text.splitlines()]
    kept = [line for line in lines if line and not line.startswith("LINE ") and set(line) != {"^"}]
    return "; ".join(" ".join(line.split()) for line in kept).rstrip(" .")

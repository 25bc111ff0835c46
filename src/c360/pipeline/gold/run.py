"""Build the gold tables from silver on an engine and publish them to ``lake/gold``."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import ibis
import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts.model import Table
from c360.engines import Engine
from c360.pipeline import lake
from c360.pipeline.gold import (
    attribution,
    attribution_models,
    ecommerce,
    engagement,
    inferred,
    kpis,
    marketing,
    star,
    text_features,
)
from c360.pipeline.gold.model import PERSON, GoldModel, Shared

SHARED: dict[str, Shared] = {s.name: s for s in attribution.SHARED}
MODELS: list[GoldModel] = [  # in dependency order
    *engagement.MODELS,
    *star.MODELS,
    *kpis.MODELS,
    *attribution.MODELS,
    *attribution_models.MODELS,
    *text_features.MODELS,
    *ecommerce.MODELS,
    *marketing.MODELS,
    *star.CALENDAR,  # dim_date spans the facts built above
]


# Engines that hand a query's rows back in the order of the input its joins probe, in a sorted
# run per block of it that a thread took: DuckDB, which keeps insertion order where it can (not
# a promise for joins: conform sorts what comes back out of order). Spark does not.
ORDER_KEEPING = frozenset({"duckdb"})
MAX_RUNS = 256  # data in more sorted runs than this is left for conform to sort


class ContractError(RuntimeError):
    """A model produced columns its contract does not declare (a bug, not bad data)."""


@dataclass
class BuiltGold:
    """One gold table as published (of its rows, ``inferred`` are inferred members)."""

    model: str
    rows: int
    seconds: float
    inferred: int = 0


def build_gold(
    workspace: Path,
    engine: Engine,
    progress: Callable[[BuiltGold], None] | None = None,
    people: pa.Table | None = None,
) -> list[BuiltGold]:
    """Every gold model whose inputs exist, in the order of ``MODELS`` (the tables of the
    others are removed).

    ``people`` (``customer_id``, ``customer360_id``) fills the ``customer360_id`` of every table
    whose contract declares one.
    """
    workspace = Path(workspace)
    persons = engine.register("identity_people", people) if people is not None else None
    try:
        built, tables = _build_models(workspace, engine, persons, progress)
    finally:  # the engine keeps a registered table until told
        engine.forget("identity_people")
        for name in SHARED:
            engine.forget(f"shared_{name}")
    for name in SHARED:
        tables.pop(name, None)
    return _with_inferred_members(workspace, engine, tables, built, people)


def _build_models(
    workspace: Path,
    engine: Engine,
    persons: ibis.Table | None,
    progress: Callable[[BuiltGold], None] | None,
) -> tuple[list[BuiltGold], dict[str, ibis.Table]]:
    """The models built, and every table read or built (as the engine reads it)."""
    tables: dict[str, ibis.Table] = {}
    built = []
    for model in MODELS:
        started = time.perf_counter()  # a shared input is built with its first reader
        inputs = [_input(workspace, engine, tables, name) for name in model.inputs]
        missing = {name for name, t in zip(model.inputs, inputs, strict=True) if t is None}
        if missing == set(model.inputs) or missing - set(model.optional):
            lake.drop(workspace, "gold", model.name)  # a source is missing: no old table
            continue
        expr = with_people(model.build(*inputs), model.contract, persons)
        in_order = model.in_input_order and engine.name in ORDER_KEEPING
        if model.contract.primary_key and not in_order:  # the engine sorts in parallel
            expr = expr.order_by(*model.contract.primary_key)
        data = engine.to_arrow(expr)
        if in_order:  # a few runs out of place: put in order (conform checks it)
            data = runs_in_order(data, model.contract.primary_key)
        data = conform(data, model.contract)
        lake.publish_table(workspace, "gold", model.name, data, model.contract.partition_by)
        # Later models read it back from the lake: a copy held in the engine for the whole
        # layer would cost more memory than reading Parquet costs time.
        folder = lake.table_dir(workspace, "gold", model.name)
        tables[model.name] = engine.read_lake(f"gold_{model.name}", folder)
        built.append(BuiltGold(model.name, data.num_rows, time.perf_counter() - started))
        if progress:
            progress(built[-1])
    return built, tables


def _with_inferred_members(
    workspace: Path,
    engine: Engine,
    tables: dict[str, ibis.Table],
    built: list[BuiltGold],
    people: pa.Table | None,
) -> list[BuiltGold]:
    """Publish each dimension again with its inferred members (see ``inferred``), once every
    model has computed on the rows that passed silver (``tables``: the gold tables built)."""
    contracts = {b.model: m.contract for b in built for m in MODELS if m.name == b.model}
    for name, referrers in inferred.referrers(contracts.values()).items():
        if name not in contracts or not referrers:
            continue
        started = time.perf_counter()
        named = [tables[t][c] for t, c in referrers]
        key = contracts[name].primary_key[0]
        ids = engine.to_arrow(inferred.missing_ids(tables[name], key, named)).column("id")
        if not len(ids):  # the dimension holds every id: it stays as published
            continue
        dimension = lake.read_table(workspace, "gold", name)
        data, added = inferred.with_inferred(dimension, contracts[name], [ids], people)
        if added:
            data = conform(data, contracts[name])
            lake.publish_table(workspace, "gold", name, data, contracts[name].partition_by)
            seconds = time.perf_counter() - started
            built = [
                BuiltGold(b.model, data.num_rows, b.seconds + seconds, added)
                if b.model == name
                else b
                for b in built
            ]
    return built


def with_people(expr: ibis.Table, contract: Table, people: ibis.Table | None) -> ibis.Table:
    """``expr`` with the ``customer360_id`` of its ``customer_id`` if the contract declares it."""
    if PERSON not in contract.column_names or PERSON in expr.columns:
        return expr
    if people is None:
        return expr.mutate(customer360_id=ibis.null().cast("string"))
    joined = expr.left_join(people, expr.customer_id == people.customer_id)
    return joined.select(*(joined[c] for c in expr.columns), joined[PERSON])


def _input(
    workspace: Path, engine: Engine, tables: dict[str, ibis.Table], name: str
) -> ibis.Table | None:
    if name not in tables and name in SHARED:  # built on first use, then held
        shared = SHARED[name]
        inputs = [_input(workspace, engine, tables, n) for n in shared.inputs]
        if any(t is None for t in inputs):
            return None
        data = engine.to_arrow(shared.build(*inputs))
        tables[name] = engine.register(f"shared_{name}", data)
    if name not in tables:
        for layer in ("silver", "gold"):
            folder = lake.table_dir(workspace, layer, name)
            if folder.exists():
                tables[name] = engine.read_lake(f"{layer}_{name}", folder)
                break
    return tables.get(name)


# The silver tables the text layer stages, by the source each reads (the others: silver.run).
TEXT_SOURCES = {"stg_notes": "text_customer_notes", "stg_email_bodies": "text_email_bodies"}


def wanting(workspace: Path) -> dict[str, list[str]]:
    """Each gold model the workspace's lake does not hold, with the source tables it lacks:
    a silver table it reads, through the gold tables and shared intermediates it reads, that
    is not there stands for its source (``stg_orders`` for ``orders``), which the workspace
    would have to add for the model to be built (its optional inputs' only for a model that
    reads nothing else)."""
    from c360.pipeline.silver.run import MODELS as SILVER_MODELS

    staged = {name: source for name, source, _ in SILVER_MODELS} | TEXT_SOURCES
    models = {model.name: model for model in MODELS}
    found: dict[str, set[str]] = {}

    def lacking(name: str) -> set[str]:
        if name not in found:
            if name in SHARED:
                found[name] = set().union(*(lacking(n) for n in SHARED[name].inputs))
            elif any(
                lake.table_dir(workspace, layer, name).exists() for layer in ("silver", "gold")
            ):
                found[name] = set()
            elif name in staged:
                found[name] = {staged[name]}
            else:  # a gold table not built, or one the customers layer builds
                model = models.get(name)
                each = {n: lacking(n) for n in model.inputs} if model else {}
                optional = model.optional if model else ()
                found[name] = set().union(*(v for n, v in each.items() if n not in optional))
                if each and not found[name] and all(each.values()):  # optional inputs only,
                    found[name] = set().union(*each.values())  # and not one of them there
        return found[name]

    return {
        model.name: sorted(lacking(model.name))
        for model in MODELS
        if not lake.table_dir(workspace, "gold", model.name).exists()
    }


def not_built(workspace: Path, table: str | None) -> str:
    """The sources a gold table the lake does not hold lacks (``dim_customer needs
    crm_customer_profile``), or ``""`` (``table`` is no such table, or None): why a query
    finds no ``table``."""
    name = (table or "").lower()  # DuckDB's names are case-insensitive
    sources = wanting(workspace).get(name) if name else None
    return f"{name} needs {', '.join(sources)}" if sources else ""


def runs_in_order(data: pa.Table, key: Sequence[str]) -> pa.Table:
    """``data``'s sorted runs (rows in key order, up to a row whose key is smaller than the
    one before) in the order of their first keys, no row copied: in key order when the runs
    do not overlap, as an ``in_input_order`` model's do. Runs that interleave, a NULL key or
    more than ``MAX_RUNS`` runs leave ``data`` for ``conform`` to sort.

    The engine's sort would copy every column of such a model once more (two million rows of
    e-mail sends at scale 10); this compares the key columns once, and ``conform`` checks them.
    """
    rows = data.num_rows
    if not key or rows < 2:
        return data
    ordered: pa.ChunkedArray | None = None  # row i ≤ row i+1 on the key columns seen so far
    for name in reversed(key):
        column = data.column(name)
        this, after = column.slice(0, rows - 1), column.slice(1)
        if ordered is None:
            ordered = pc.less_equal(this, after)
        else:
            ordered = pc.or_(pc.less(this, after), pc.and_(pc.equal(this, after), ordered))
    assert ordered is not None
    starts = pc.indices_nonzero(pc.invert(pc.fill_null(ordered, False))).to_pylist()
    if not starts or len(starts) >= MAX_RUNS:
        return data
    bounds = [0, *(start + 1 for start in starts), rows]
    firsts = [tuple(data.column(name)[start].as_py() for name in key) for start in bounds[:-1]]
    if any(value is None for first in firsts for value in first):
        return data
    runs = sorted(range(len(firsts)), key=firsts.__getitem__)
    return pa.concat_tables(data.slice(bounds[i], bounds[i + 1] - bounds[i]) for i in runs)


def conform(data: pa.Table, contract: Table) -> pa.Table:
    """``data`` with exactly the contract's columns and types, sorted by its primary key.

    Sorting makes a rerun on the same input write the same bytes on every engine.
    """
    declared = contract.column_names
    if sorted(data.column_names) != sorted(declared):
        extra = sorted(set(data.column_names) - set(declared))
        missing = sorted(set(declared) - set(data.column_names))
        raise ContractError(f"{contract.name}: extra columns {extra}, missing {missing}")
    try:
        data = data.select(declared).cast(contract.arrow_schema())
    except (ValueError, pa.ArrowInvalid) as exc:
        raise ContractError(f"{contract.name}: {exc}") from None
    for name in declared:  # the cast lets NULL entries inside lists through
        column = data.column(name)
        if pa.types.is_list(column.type) and (nulls := pc.list_flatten(column).null_count):
            raise ContractError(f"{contract.name}: {nulls} NULL entries inside lists of {name}")
    return lake.in_key_order(data, contract.primary_key)

"""Inferred members: a dimension row for each id the facts name that the dimension lacks.

Silver checks a fact's reference against the ids its source holds, so an order whose customer
row was quarantined (an unreadable date, say) keeps its ``customer_id``: rejecting the order too
would lose its revenue over a defect that is not its own. In gold that id has no
``dim_customer`` row, and an inner join would drop the order. As Kimball's inferred members,
such ids get a row of their own: the key, ``inferred = true``, every other column NULL but the
``customer360_id`` identity resolution gives it. Every gold model computes on the dimension rows
that passed silver; only the published dimension holds the inferred ones too.
"""

from __future__ import annotations

from collections.abc import Iterable

import ibis
import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts.gold_star import INFERRED
from c360.contracts.model import Table

PERSON = "customer360_id"


def referrers(contracts: Iterable[Table]) -> dict[str, list[tuple[str, str]]]:
    """Dimension (one that declares ``inferred``) -> the (table, column) referencing its key."""
    contracts = list(contracts)
    dimensions = {t.name: t.primary_key[0] for t in contracts if INFERRED in t.column_names}
    found: dict[str, list[tuple[str, str]]] = {name: [] for name in dimensions}
    for t in contracts:
        for column, parent, parent_column in t.foreign_keys():
            if dimensions.get(parent) == parent_column and t.name != parent:
                found[parent].append((t.name, column))
    return found


def missing_ids(dimension: ibis.Table, key: str, named: Iterable[ibis.Column]) -> ibis.Table:
    """The ids of ``named`` (columns of the facts) that ``dimension`` lacks, once each, as
    ``id``: the engine reads the facts, and only the few ids it finds leave it."""
    dtype = dimension[key].type()
    ids = ibis.union(*(c.cast(dtype).name("id").as_table() for c in named))
    ids = ids.filter(ids.id.notnull()).distinct()
    return ids.anti_join(dimension, ids.id == dimension[key])


def with_inferred(
    dimension: pa.Table,
    contract: Table,
    named: Iterable[pa.ChunkedArray],
    people: pa.Table | None = None,
) -> tuple[pa.Table, int]:
    """``dimension`` with an inferred member for each id of ``named`` it lacks, and how many;
    ``people`` (``customer_id``, ``customer360_id``) gives a dimension that has a
    ``customer360_id`` column the person of each id."""
    key = contract.primary_key[0]
    key_type = dimension.schema.field(key).type
    ids = [pc.unique(column.cast(key_type)).drop_null() for column in named]
    wanted = pc.unique(pa.chunked_array(ids, key_type))
    missing = wanted.filter(pc.invert(pc.is_in(wanted, value_set=dimension[key])))
    if not len(missing):
        return dimension, 0
    missing = missing.take(pc.sort_indices(missing))
    columns = {f.name: pa.nulls(len(missing), f.type) for f in dimension.schema} | {
        key: missing,
        INFERRED: pa.array([True] * len(missing), pa.bool_()),
    }
    if PERSON in columns and people is not None:
        at = pc.index_in(missing, value_set=people["customer_id"])
        columns[PERSON] = people[PERSON].take(at).cast(columns[PERSON].type)
    members = pa.table(columns, schema=dimension.schema)
    return pa.concat_tables([dimension, members]), len(missing)

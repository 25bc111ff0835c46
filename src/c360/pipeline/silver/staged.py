"""The shape of a staging model's result and the one way rows are rejected or deduplicated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import ibis
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from ibis.expr.types import BooleanValue, StringValue, Table

from c360.engines import Engine

LINEAGE = ("_source_file", "_row_number")


class Outcome(NamedTuple):
    """A model's clean rows, its rejects and, per repair, the clean rows whose value it
    replaced (``"country: invalid_value"``: a country silver could not read, now NULL)."""

    clean: pa.Table
    rejects: pa.Table
    repaired: dict[str, int]


@dataclass(frozen=True)
class Staged:
    """A staging model's output: every typed row flagged with ``_reason``, the name of the first
    check it fails (NULL when it passes), written ``"country: invalid_value"`` where one column
    is at fault: rejects keep the code as ``reason`` and the column as ``column``.

    :meth:`collect` runs it and splits it: among the rows passing every check, one of each
    ``key`` is clean, the others are rejected as ``duplicate_key``. The one kept comes from the
    file named last (a folder of daily extracts: the latest update) and, within it, is the
    record written first (a repeated record is a copy). Every input row ends in exactly one of
    the two, so bronze rows = clean + rejects.

    ``repairs`` name the ``_repair_<i>`` flags of ``flagged``: true where the model kept the
    row but replaced a value it could not read (a NULL or a default), so that no value is
    lost unseen.
    """

    flagged: Table
    key: tuple[str, ...]
    columns: tuple[str, ...]
    repairs: tuple[str, ...] = ()

    def collect(self, engine: Engine) -> tuple[pa.Table, pa.Table]:
        """The clean rows in key order and the rejects (key, lineage, ``reason``, ``column``:
        the source column whose value rejected the row, NULL when no one column did)."""
        clean, rejects, _ = self.outcome(engine)
        return clean, rejects

    def outcome(self, engine: Engine) -> Outcome:
        """:meth:`collect`, and how many clean rows each repair changed (repairs that changed
        none are left out)."""
        f = self.flagged
        flags = [f"_repair_{i}" for i in range(len(self.repairs))]
        wanted = list(dict.fromkeys([*self.columns, *self.key, *LINEAGE, "_reason", *flags]))
        # The engine sorts, in parallel, each key's rows in the order they claim it: the first
        # row of a key is then clean if it passes, the row `kept` marks (one sort, where its
        # window would add a second), and the clean rows come out in the order the lake
        # stores them.
        order = [*self.key, *_claim_order(f, f._reason.isnull())]
        data = engine.to_arrow(f.select(*wanted).order_by(order))
        first = pc.and_(pc.is_null(data.column("_reason")), _starts_key(data, self.key))
        clean = _rows(data.select(list(self.columns)), first)
        bad = data.select([*self.key, *LINEAGE, "_reason"]).filter(pc.invert(first))
        reason, column = _split(pc.coalesce(bad.column("_reason"), pa.scalar("duplicate_key")))
        rejects = bad.select([*self.key, *LINEAGE])
        rejects = rejects.append_column("reason", reason).append_column("column", column)
        counts = {name: pc.sum(pc.and_(data.column(flag), first)).as_py() or 0
                  for name, flag in zip(self.repairs, flags, strict=True)}  # fmt: skip
        return Outcome(clean, rejects, {name: n for name, n in counts.items() if n})


def kept(t: Table, key: Sequence[str], passes: BooleanValue) -> BooleanValue:
    """True on the row of its ``key`` that :class:`Staged` keeps among those where ``passes``
    (every check passed), worked out in the engine for a model whose values depend on which
    rows are kept; with no key, every passing row is kept."""
    if not key:
        return passes
    order = _claim_order(t, passes)
    return passes & (ibis.row_number().over(group_by=[t[k] for k in key], order_by=order) == 0)


def _claim_order(t: Table, passes: BooleanValue) -> list[ibis.Value]:
    """The order in which the rows of a key claim it: passing rows first, then the file named
    last, then the record written first."""
    return [~passes, ibis.desc(t._source_file), t._row_number]


def _rows(data: pa.Table, keep: pa.Array) -> pa.Table:
    """The rows of ``data`` where ``keep`` is true, copied once into one block, as the lake
    writes them (a filter copies them into the engine's blocks, which the lake then copies
    again to join them: 0.5 GB each time for the 2M events at scale 10); ``data`` itself,
    uncopied, when every row is kept, as in most tables of generated sources."""
    if pc.all(keep).as_py() is not False:
        return data
    return data.take(pc.indices_nonzero(keep))


# A check's name: its code, after the column at fault and a colon where one column is.
_NAME = r"(?s)^(?:(?P<column>[^:]*): )?(?P<reason>.*)$"


def _split(names: pa.ChunkedArray) -> tuple[pa.ChunkedArray, pa.ChunkedArray]:
    """The reason codes and the columns of the rejects' check names (``"country:
    invalid_value"`` → ``invalid_value``, ``country``; ``duplicate_key`` → itself, NULL):
    worked out on the rejects only, once the engine has named each row's first failed check."""
    parts = pc.extract_regex(names, _NAME)
    column = pc.struct_field(parts, "column").cast(pa.string())
    blank = pc.equal(column, "")
    return pc.struct_field(parts, "reason"), pc.if_else(blank, pa.scalar(None, pa.string()), column)


def _starts_key(data: pa.Table, key: Sequence[str]) -> pa.Array:
    """True for each row whose key differs from the previous row's (rows in key order); every
    row when there is no key."""
    if not key or data.num_rows == 0:
        return pa.array(np.ones(data.num_rows, bool))
    changed: pa.Array | None = None
    for name in key:
        column = data.column(name).combine_chunks()
        differs = pc.not_equal(column.slice(1), column.slice(0, len(column) - 1))
        differs = pc.fill_null(differs, True)  # NULL keys are rejected as missing_key anyway
        changed = differs if changed is None else pc.or_(changed, differs)
    return pa.concat_arrays([pa.array([True]), changed])


def stage(
    typed: Table,
    checks: Sequence[tuple[str | StringValue, BooleanValue]],
    key: Sequence[str],
    columns: Sequence[str],
    repairs: Sequence[tuple[str, BooleanValue]] = (),
) -> Staged:
    """Flag ``typed`` rows as clean or rejected: a row is rejected with the reason of the first
    check it fails (a check is true when the row is bad). A check is named by its reason code,
    after the source column at fault where one is (``"quantity: invalid_number"``, as repairs
    are named), or by an expression giving that name row by row (see :func:`first_true`);
    a check of the row as a whole is its code alone (``missing_key``). ``columns`` are the
    clean table's columns, in order; ``key`` decides duplicates (see :class:`Staged`).
    ``repairs`` are named flags, true where the row keeps a value silver replaced: counted,
    never rejected."""
    # A check on a NULL value is "not failed": the checks for missing values name them.
    reason = ibis.cases(
        *((bad.fill_null(False), name) for name, bad in checks), else_=ibis.null("string")
    )
    flags = {f"_repair_{i}": hit.fill_null(False) for i, (_, hit) in enumerate(repairs)}
    return Staged(
        typed.mutate(_reason=reason, **flags),
        tuple(key),
        tuple(columns),
        tuple(name for name, _ in repairs),
    )


def first_true(flags: Sequence[tuple[str, BooleanValue]]) -> StringValue:
    """The name of the first of ``flags`` that is true, NULL when none is: the column at fault
    of a check that looks at several (a JSON object where any of a record's texts belongs),
    for the name of that check (``first_true(...) + ": invalid_value"``)."""
    return ibis.cases(*((hit, name) for name, hit in flags), else_=ibis.null("string"))

"""The shape of a staging model's result and the one way rows are rejected or deduplicated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ibis
import pyarrow as pa
import pyarrow.compute as pc
from ibis.expr.types import BooleanValue, Table

LINEAGE = ("_source_file", "_row_number")


@dataclass(frozen=True)
class Staged:
    """A staging model's output: every typed row flagged with ``_reason`` (the first check it
    fails, NULL when it passes) and ``_rank`` (0 for the first passing row of its key).

    Every input row ends in exactly one of :attr:`clean` and :attr:`rejects`, so bronze rows =
    clean + rejects. The runner collects :attr:`flagged` once and splits it with :meth:`split`.
    """

    flagged: Table
    key: tuple[str, ...]
    columns: tuple[str, ...]

    @property
    def _rejected_columns(self) -> list[str]:
        return [*self.key, *LINEAGE, "reason"]

    @property
    def clean(self) -> Table:
        f = self.flagged
        return f.filter(f._reason.isnull() & (f._rank == 0)).select(*self.columns)

    @property
    def rejects(self) -> Table:
        f = self.flagged
        reason = ibis.coalesce(f._reason, ibis.literal("duplicate_key"))
        bad = f.filter(f._reason.notnull() | (f._rank > 0)).mutate(reason=reason)
        return bad.select(*self._rejected_columns)

    def collect_columns(self) -> list[str]:
        """What :meth:`split` needs from the engine."""
        return list(dict.fromkeys([*self.columns, *self.key, *LINEAGE, "_reason", "_rank"]))

    def split(self, data: pa.Table) -> tuple[pa.Table, pa.Table]:
        """The clean rows and the rejects of collected :attr:`flagged` rows."""
        passing = pc.is_null(data.column("_reason"))
        first = pc.and_(passing, pc.equal(data.column("_rank"), 0))
        clean = data.select(list(self.columns)).filter(first)
        bad = data.select([*self.key, *LINEAGE, "_reason"]).filter(pc.invert(first))
        reason = pc.coalesce(bad.column("_reason"), pa.scalar("duplicate_key"))
        rejects = bad.select([*self.key, *LINEAGE]).append_column("reason", reason)
        return clean, rejects


def stage(
    typed: Table,
    checks: Sequence[tuple[str, BooleanValue]],
    key: Sequence[str],
    columns: Sequence[str],
) -> Staged:
    """Flag ``typed`` rows as clean or rejected.

    A row is rejected with the reason of the first check it fails (a check is true when the row
    is bad); among rows passing every check, only the first of each ``key`` (lowest
    ``_row_number``: the record the source wrote first) stays, the later ones are rejected as
    ``duplicate_key``. ``columns`` are the clean table's columns, in order.
    """
    # A check on a NULL value is "not failed": the checks for missing values name them.
    reason = ibis.cases(
        *((bad.fill_null(False), name) for name, bad in checks), else_=ibis.null("string")
    )
    flagged = typed.mutate(_reason=reason)
    rank = ibis.row_number().over(
        group_by=[*(flagged[k] for k in key), flagged._reason.isnull()],
        order_by=[flagged._row_number],
    )
    return Staged(flagged.mutate(_rank=rank), tuple(key), tuple(columns))

"""The shape of a staging model's result and the one way rows are rejected or deduplicated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ibis
from ibis.expr.types import BooleanValue, Table

LINEAGE = ("_source_file", "_row_number")


@dataclass(frozen=True)
class Staged:
    """A staging model's output: the clean rows, and the rejects with ``reason`` and lineage.

    Every input row is in exactly one of the two, so bronze rows = clean + rejects.
    """

    clean: Table
    rejects: Table


def stage(
    typed: Table,
    checks: Sequence[tuple[str, BooleanValue]],
    key: Sequence[str],
    columns: Sequence[str],
) -> Staged:
    """Split ``typed`` rows into clean and rejected ones.

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
        group_by=[flagged[k] for k in key], order_by=[flagged._row_number]
    )
    passing = flagged.filter(flagged._reason.isnull())
    ranked = passing.mutate(_rank=rank)
    clean = ranked.filter(ranked._rank == 0).select(*columns)
    duplicates = ranked.filter(ranked._rank > 0).mutate(_reason=ibis.literal("duplicate_key"))
    keep = [*key, *LINEAGE, "_reason"]
    rejects = (
        flagged.filter(flagged._reason.notnull()).select(*keep).union(duplicates.select(*keep))
    )
    return Staged(clean, rejects.rename(reason="_reason"))

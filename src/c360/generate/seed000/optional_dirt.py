"""Optional dirt for seed 000 (``--dirt RATE``), derived from each table's contract.

The contract says which defects make sense for a column: a foreign key can be orphaned, an
amount can turn negative, a bounded score can leave its range. RATE is the expected share of a
table's rows that carry a defect, split evenly over the kinds that apply to it.
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa

from c360 import contracts
from c360.contracts.model import Table
from c360.generate import defect_values as dv
from c360.generate.dirt import Dirt, Transform, as_text_schema
from c360.generate.plan import Plan
from c360.generate.rand import stream

Kind = tuple[str, str, Transform, "np.ndarray | None"]


def dirty(plan: Plan, name: str, table: pa.Table, start: int) -> pa.Table | Dirt:
    """The block unchanged when ``plan.dirt`` is 0, else a ``Dirt`` carrying its defects."""
    if plan.dirt == 0:
        return table
    contract = contracts.get(name)
    dates = [c.name for c in contract.columns if c.dtype == "timestamp" and not c.nullable]
    table = as_text_schema(table, dates[:1])
    key = contract.primary_key if len(contract.primary_key) > 1 else contract.primary_key[0]
    dirt = Dirt(name, table, key, stream(plan.seed, "dirt", name, start), plan.dirt)
    kinds = _kinds(contract, table, dates[:1])
    share = 1.0 / (len(kinds) + 2)
    dirt.duplicate(share)
    near = [
        c.name
        for c in contract.columns
        if c.name not in contract.primary_key and not c.nullable and c.dtype != "bool"
    ][:1]
    if near:
        dirt.duplicate(share, near[0], dv.near_copy)
    for column, defect, transform, where in kinds:
        dirt.apply(column, defect, transform, share, where)
    return dirt


def _kinds(contract: Table, table: pa.Table, text_dates: list[str]) -> list[Kind]:
    kinds: list[Kind] = []
    nulls = 0
    for col in contract.columns:
        if col.name in contract.primary_key:
            continue
        values = table.column(col.name).combine_chunks()
        if col.references:
            ref_table, ref_col = col.references.split(".")
            pattern = contracts.get(ref_table).column(ref_col).pattern or ""
            found = re.match(r"(.*?)\\d\{(\d+),\}", pattern)
            if found:
                prefix = found.group(1).replace("\\", "")
                kinds.append((col.name, "orphan_key", dv.orphan(prefix, int(found.group(2))), None))
        elif col.name == "email":
            kinds.append((col.name, "malformed_email", dv.malformed_email, None))
        elif col.name == "country":
            kinds.append((col.name, "country_spelling", dv.country_spelling, None))
        elif col.dtype == "timestamp" and col.name in text_dates:
            kinds.append((col.name, "invalid_date", dv.invalid_date, None))
            kinds.append((col.name, "future_date", dv.future_date, None))
        elif col.dtype == "int" and col.min_value == 1 and col.name in ("qty", "quantity"):
            kinds.append((col.name, "non_positive_quantity", dv.non_positive, None))
        elif col.dtype == "float" and col.name.endswith("_eur") and col.min_value == 0:
            kinds.append((col.name, "negative_amount", dv.negative, None))
        elif col.max_value is not None and col.min_value is not None:
            kinds.append(
                (
                    col.name,
                    "out_of_range",
                    dv.out_of_range(col.min_value, col.max_value),
                    np.asarray(values.is_valid()),
                )
            )
        elif col.dtype == "string" and not col.allowed and not col.nullable:
            mask = dv.has_non_ascii(values)
            if mask.any():
                kinds.append((col.name, "wrong_encoding", dv.mojibake, mask))
        if not col.nullable and nulls < 2 and not col.references:
            kinds.append((col.name, "null", _blank, None))
            nulls += 1
    return kinds


def _blank(_rng: np.random.Generator, values: pa.Array) -> pa.Array:
    return pa.nulls(len(values), values.type)

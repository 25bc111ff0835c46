"""Rule-based segments on ``customer_profile``, the primary segment, and membership over time.

A segment of the project file is a SQL condition on the profile's columns (plus ``<score>_
percentile``, each score's 0-1 rank), evaluated on the pipeline's engine. A customer's
``primary_segment`` is its member segment of lowest priority, the built-in value/state segment
counting as priority :data:`BUILT_IN_PRIORITY`; ``segments`` lists the primary first, then every
other membership sorted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.config import Segment
from c360.contracts.gold_segments import SEGMENT_MEMBERSHIP
from c360.engines import Engine

BUILT_IN_PRIORITY = 1000
PERCENTILED = (
    "lifetime_value", "total_revenue", "churn_risk_score", "engagement_score",
    "propensity_to_buy_score",
)  # fmt: skip


# What c360 generate writes into c360.yaml: the example, named apart from the built-in
# value/state segments.
EXAMPLE_SEGMENTS = {
    "Top CLV at risk": {
        "where": "lifetime_value_percentile >= 0.8 AND churn_risk_score > 0.6",
        "priority": 10,
        "description": "CLV in the top 20% and churn risk above 0.6",
    }
}
MEMBERS = pa.schema([("customer360_id", pa.string()), ("segment", pa.string())])


class SegmentError(ValueError):
    """A segment's condition cannot be evaluated; the message names the segment."""


def percentile(values: pa.Array) -> pa.Array:
    """Each value's rank among the non-NULL ones, 0 (lowest) to 1 (highest); ties share the
    lowest rank. NULL stays NULL."""
    numbers = pc.cast(values, pa.float64()).to_numpy(zero_copy_only=False)
    known = ~np.isnan(numbers)
    out = np.full(len(numbers), np.nan)
    if known.sum() == 1:
        out[known] = 1.0
    elif known.any():
        ordered = np.sort(numbers[known])
        out[known] = np.searchsorted(ordered, numbers[known], side="left") / (known.sum() - 1)
    return pa.array(out, pa.float64(), mask=~known)


def evaluation_view(profile: pa.Table) -> pa.Table:
    """The profile with a ``<score>_percentile`` column per score."""
    view = profile
    for name in PERCENTILED:
        view = view.append_column(f"{name}_percentile", percentile(profile.column(name)))
    return view


def members(profile: pa.Table, segments: Mapping[str, Segment], engine: Engine) -> pa.Table:
    """``customer360_id, segment`` of every rule segment's members."""
    if not segments:
        return MEMBERS.empty_table()
    engine.register("segment_profile", evaluation_view(profile))
    parts = []
    for name, segment in segments.items():
        sql = f"SELECT customer360_id FROM segment_profile WHERE {segment.where}"
        try:
            ids = engine.sql(sql).column("customer360_id")
        except Exception as exc:  # each engine raises its own parser and binder errors
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise SegmentError(
                f"segment {name!r}: cannot evaluate {segment.where!r}: {first}"
            ) from None
        part = pa.table({"customer360_id": ids, "segment": pa.array([name] * len(ids))})
        parts.append(part.cast(MEMBERS))
    return pa.concat_tables(parts)


def apply(profile: pa.Table, segments: Mapping[str, Segment], engine: Engine) -> pa.Table:
    """The profile with rule segments in ``segments`` and the ``primary_segment`` by priority."""
    found = members(profile, segments, engine)
    if found.num_rows == 0:
        return profile
    joined: dict[str, list[str]] = defaultdict(list)
    for customer, name in zip(
        found["customer360_id"].to_pylist(), found["segment"].to_pylist(), strict=True
    ):
        joined[customer].append(name)
    ids = profile["customer360_id"].to_pylist()
    built_in = profile["primary_segment"].to_pylist()
    current = profile["segments"].to_pylist()
    primary, lists = [], []
    for customer, own, listed in zip(ids, built_in, current, strict=True):
        rules = joined.get(customer, [])
        ranked = sorted([(segments[n].priority, n) for n in rules] + [(BUILT_IN_PRIORITY, own)])
        first = ranked[0][1]
        primary.append(first)
        lists.append([first, *sorted((set(listed) | set(rules)) - {first})])
    profile = profile.set_column(
        profile.schema.get_field_index("primary_segment"), "primary_segment", pa.array(primary)
    )
    index = profile.schema.get_field_index("segments")
    return profile.set_column(index, "segments", pa.array(lists, pa.list_(pa.string())))


def memberships(profile: pa.Table) -> pa.Table:
    """``customer360_id, segment`` for every entry of every profile's ``segments``."""
    lists = profile["segments"].combine_chunks()
    owners = pc.list_parent_indices(lists)
    return pa.table(
        {"customer360_id": profile["customer360_id"].combine_chunks().take(owners),
         "segment": pc.list_flatten(lists)}
    )  # fmt: skip


def history(previous: pa.Table | None, current: pa.Table, today: date) -> pa.Table:
    """``segment_membership`` after a run that found the ``current`` memberships on ``today``.

    Open periods still true stay open, open periods no longer true close on ``today``, closed
    periods stay as they were, and a membership with no open period opens one on ``today``.
    """
    schema = SEGMENT_MEMBERSHIP.arrow_schema()
    previous = schema.empty_table() if previous is None else previous.cast(schema)
    now = {(c, s) for c, s in zip(current["customer360_id"].to_pylist(),
                                  current["segment"].to_pylist(), strict=True)}  # fmt: skip
    rows = []
    still_open = set()
    for row in previous.to_pylist():
        key = (row["customer360_id"], row["segment"])
        if row["valid_to"] is None and key not in now:
            row = {**row, "valid_to": today, "is_current": False}
        elif row["valid_to"] is None:
            still_open.add(key)
        rows.append(row)
    rows += [
        {"customer360_id": c, "segment": s, "valid_from": today, "valid_to": None,
         "is_current": True}
        for c, s in sorted(now - still_open)
    ]  # fmt: skip
    return pa.Table.from_pylist(rows, schema=schema)

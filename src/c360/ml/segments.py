"""Rule-based segments on ``customer_profile``, the primary segment, and membership over time.

A segment of the project file is a SQL condition on the profile's columns (plus ``<score>_
percentile``, each score's 0-1 rank), evaluated on the pipeline's engine. A customer's
``primary_segment`` is its member segment of lowest priority, the built-in value/state segment
counting as priority :data:`BUILT_IN_PRIORITY`; ``segments`` lists the primary first, then every
other membership sorted.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.config import Segment
from c360.contracts.gold_profile import CUSTOMER_PROFILE
from c360.contracts.gold_segments import SEGMENT_MEMBERSHIP
from c360.engines import Engine
from c360.serve.sql_files import SqlFileError, read_sql_file_text

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
    try:
        parts = [_members(name, segment, engine) for name, segment in segments.items()]
    finally:
        engine.forget("segment_profile")
    return pa.concat_tables(parts)


def _members(name: str, segment: Segment, engine: Engine) -> pa.Table:
    typed = f"SELECT (\n{_condition(segment.where)}\n) AS segment_condition FROM segment_profile"
    sql = f"SELECT customer360_id FROM segment_profile WHERE {segment.where}"
    try:
        kind = engine.sql(f"{typed} LIMIT 0").schema.field("segment_condition").type
        ids = engine.sql(sql).column("customer360_id") if kind == pa.bool_() else None
    except Exception as exc:  # each engine raises its own parser and binder errors
        first = _first_line(exc)
        try:  # the condition as written: its own error points at the user's words, not ")"
            engine.sql(sql)
        except Exception as own:
            first = _first_line(own)
        raise SegmentError(
            f"segment {name!r}: cannot evaluate {segment.where!r}: {first}"
        ) from None
    if ids is None:  # DuckDB would filter on a number's non-zero, or on text cast to boolean
        raise SegmentError(
            f"segment {name!r}: where {segment.where!r} is not a condition: it gives {kind} "
            "values, not true or false (compare it, e.g. total_revenue > 100)"
        )
    return pa.table({"customer360_id": ids, "segment": pa.array([name] * len(ids))}).cast(MEMBERS)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _condition(where: str) -> str:
    """``where`` without a final ``;``, to be put in parentheses on lines of its own (a final
    ``--`` comment would hide the closing one)."""
    try:
        return read_sql_file_text(where).statement
    except SqlFileError:  # no condition at all: the engine's to report
        return where


def check(segments: Mapping[str, Segment], engine: Engine) -> None:
    """Raise ``SegmentError`` for a condition the engine cannot parse or bind, or that is not
    true or false, on an empty profile: a run checks them before its layers rather than after
    them."""
    members(CUSTOMER_PROFILE.arrow_schema().empty_table(), segments, engine)


APPLIED = b"c360.rule_segments"  # the profile's schema metadata: {name: where} it applied


def applied(schema: pa.Schema) -> dict[str, str] | None:
    """The rule segments (name: condition) the profile of ``schema`` was built with; None for a
    profile that does not say (built before profiles said)."""
    said = (schema.metadata or {}).get(APPLIED)
    return None if said is None else dict(json.loads(said))


def apply(profile: pa.Table, segments: Mapping[str, Segment], engine: Engine) -> pa.Table:
    """The profile with rule segments in ``segments`` and the ``primary_segment`` by priority;
    its schema's metadata records the conditions applied (:func:`applied`), so that a segment
    with no member can be told from one no run has computed."""
    rules = json.dumps({name: segment.where for name, segment in segments.items()})
    return _apply(profile, segments, engine).replace_schema_metadata(
        {**(profile.schema.metadata or {}), APPLIED: rules.encode()}
    )


def _apply(profile: pa.Table, segments: Mapping[str, Segment], engine: Engine) -> pa.Table:
    found = members(profile, segments, engine)
    if found.num_rows == 0:
        return profile
    ids = profile["customer360_id"].combine_chunks()
    names = pa.array(list(segments), pa.string())
    priority = pa.array([s.priority for s in segments.values()], pa.int64()).take(
        pc.index_in(found["segment"], value_set=names)
    )
    ranked = pa.concat_tables([
        found.append_column("priority", priority),
        pa.table({"customer360_id": ids, "segment": profile["primary_segment"],
                  "priority": pa.array(np.full(len(ids), BUILT_IN_PRIORITY))}).cast(
            pa.schema([*MEMBERS, ("priority", pa.int64())])),
    ])  # fmt: skip
    ranked = ranked.sort_by([("customer360_id", "ascending"), ("priority", "ascending"),
                             ("segment", "ascending")])  # fmt: skip
    primary = ranked.group_by("customer360_id", use_threads=False).aggregate(
        [("segment", "first")]
    ).rename_columns(["customer360_id", "primary"])  # fmt: skip
    firsts = primary.rename_columns(["customer360_id", "segment"])
    listed = pa.concat_tables([memberships(profile).cast(MEMBERS), found, firsts.cast(MEMBERS)])
    listed = listed.group_by(["customer360_id", "segment"]).aggregate([])  # each once
    listed = listed.join(primary, "customer360_id")
    listed = listed.append_column(
        "rank", pc.cast(pc.not_equal(listed["segment"], listed["primary"]), pa.int8())
    ).sort_by([("customer360_id", "ascending"), ("rank", "ascending"), ("segment", "ascending")])
    lists = listed.group_by("customer360_id", use_threads=False).aggregate(
        [("segment", "list")]
    )  # fmt: skip
    # one list per customer, the primary first: put them in the profile's order
    lists = lists.take(pc.sort_indices(pc.index_in(lists["customer360_id"], value_set=ids)))
    ordered = lists["segment_list"].combine_chunks().cast(pa.list_(pa.string()))
    profile = profile.set_column(
        profile.schema.get_field_index("primary_segment"), "primary_segment",
        pc.list_element(ordered, 0),
    )  # fmt: skip
    return profile.set_column(profile.schema.get_field_index("segments"), "segments", ordered)


def memberships(profile: pa.Table) -> pa.Table:
    """``customer360_id, segment`` for every entry of every profile's ``segments``."""
    lists = profile["segments"].combine_chunks()
    owners = pc.list_parent_indices(lists)
    return pa.table(
        {"customer360_id": profile["customer360_id"].combine_chunks().take(owners),
         "segment": pc.list_flatten(lists)}
    )  # fmt: skip


def _first_of_each(table: pa.Table, keys: list[str]) -> np.ndarray:
    """True on the first row of each run of equal ``keys`` (``table`` sorted by them)."""
    first = np.zeros(table.num_rows, bool)
    first[:1] = True
    for k in keys:
        column = table[k].to_numpy(zero_copy_only=False)
        first[1:] |= column[1:] != column[:-1]
    return first


def _one_period_per_day(periods: pa.Table) -> pa.Table:
    """``periods`` without a second period of a membership from one day (as two runs on one
    day wrote them before periods were whole days): the open one, or the longer one, stays."""
    ordered = periods.sort_by([("customer360_id", "ascending"), ("segment", "ascending"),
                               ("valid_from", "ascending"), ("is_current", "descending"),
                               ("valid_to", "descending")])  # fmt: skip
    first = _first_of_each(ordered, list(SEGMENT_MEMBERSHIP.primary_key))
    return periods if first.all() else ordered.filter(first)


def _reopened(kept: pa.Table, opened: pa.Table, today: date) -> tuple[pa.Table, pa.Table]:
    """The periods closed on ``today`` of memberships found again reopened (the latest one of
    each), and the memberships still to open."""
    keys = ["customer360_id", "segment"]
    rows = kept.append_column("row", pa.array(np.arange(kept.num_rows)))
    ended = rows.filter(pc.fill_null(pc.equal(rows["valid_to"], pa.scalar(today)), False))
    back = ended.join(opened, keys, join_type="inner").sort_by(
        [*((k, "ascending") for k in keys), ("valid_from", "descending")]
    )
    if not back.num_rows:
        return kept, opened
    reopen = np.zeros(kept.num_rows, bool)
    reopen[back["row"].to_numpy()[_first_of_each(back, keys)]] = True  # the latest period
    mask = pa.array(reopen)
    kept = kept.set_column(
        3, "valid_to", pc.if_else(mask, pa.nulls(kept.num_rows, pa.date32()), kept["valid_to"])
    ).set_column(4, "is_current", pc.or_(kept["is_current"], mask))
    return kept, opened.join(back.select(keys), keys, join_type="left anti")


def _as_of(previous: pa.Table, today: date) -> date:
    """``today``, or the latest date ``previous`` records if that is later: run dates never go
    back, so a run on a clock set back extends the history as a second run on its last day."""
    recorded = (pc.max(previous[c]).as_py() for c in ("valid_from", "valid_to"))
    return max([today, *(d for d in recorded if d is not None)])


def history(previous: pa.Table | None, current: pa.Table, today: date) -> pa.Table:
    """``segment_membership`` after a run that found the ``current`` memberships on ``today``.

    Open periods still true stay open, open periods no longer true close on ``today``, closed
    periods stay as they were, and a membership with no open period opens one on ``today``.
    Periods are whole days: a membership found again on the day its period closed (two runs in
    one day) goes on in that period, and a period that held for no whole day is dropped.
    ``today`` earlier than a date already recorded counts as that date (see :func:`_as_of`):
    otherwise a period could end before it began, or a second one start on a first one's day.
    """
    schema = SEGMENT_MEMBERSHIP.arrow_schema()
    previous = schema.empty_table() if previous is None else previous.cast(schema)
    today = _as_of(previous, today)
    previous = _one_period_per_day(previous)
    keys = ["customer360_id", "segment"]
    now = current.select(keys).cast(MEMBERS).group_by(keys).aggregate([])
    now = now.append_column("found", pa.array(np.ones(now.num_rows, bool)))
    rows = previous.append_column("row", pa.array(np.arange(previous.num_rows)))
    rows = rows.join(now, keys).sort_by("row")  # a left outer join, back in order
    closing = pc.and_(pc.is_null(rows["valid_to"]), pc.is_null(rows["found"]))
    kept = previous.set_column(
        3, "valid_to", pc.if_else(closing, pa.scalar(today, pa.date32()), rows["valid_to"])
    ).set_column(4, "is_current", pc.and_(rows["is_current"], pc.invert(closing)))
    still_open = rows.filter(pc.and_(pc.is_null(rows["valid_to"]), pc.is_valid(rows["found"])))
    opened = now.select(keys).join(still_open.select(keys), keys, join_type="left anti")
    kept, opened = _reopened(kept, opened, today)
    kept = kept.filter(  # held for no whole day; ending before it began, as an older run wrote
        pc.invert(pc.fill_null(pc.greater_equal(kept["valid_from"], kept["valid_to"]), False))
    )
    opened = opened.sort_by([(k, "ascending") for k in keys])
    n = opened.num_rows
    new = pa.table({
        **{k: opened[k] for k in keys}, "valid_from": pa.repeat(pa.scalar(today, pa.date32()), n),
        "valid_to": pa.nulls(n, pa.date32()), "is_current": pa.array(np.ones(n, bool)),
    }).cast(schema)  # fmt: skip
    return pa.concat_tables([kept.cast(schema), new]).combine_chunks()

"""Rule segments on the profile, the primary segment by priority, membership over time."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.config import Segment
from c360.contracts.check import violations
from c360.contracts.gold_segments import SEGMENT_MEMBERSHIP
from c360.engines import Engine
from c360.ml.segments import (
    SegmentError,
    applied,
    apply,
    check,
    history,
    memberships,
    percentile,
)


def _profile() -> pa.Table:
    return pa.table(
        {
            "customer360_id": ["c360_00000001", "c360_00000002", "c360_00000003", "c360_00000004"],
            "lifetime_value": [900.0, 50.0, 400.0, None],
            "total_revenue": [1000.0, 60.0, 500.0, 0.0],
            "churn_risk_score": [0.7, 0.9, 0.2, 0.99],
            "engagement_score": [10.0, 5.0, 80.0, 0.0],
            "propensity_to_buy_score": [0.1, 0.0, 0.6, 0.0],
            "country": ["FR", "FR", "DE", None],
            "primary_segment": ["High value – at risk", "Regular – at risk", "Regular – engaged",
                                "Prospect – at risk"],
            "segments": pa.array([["High value – at risk", "rfm:Champions"],
                                  ["Regular – at risk"], ["Regular – engaged", "rfm:Loyal"],
                                  ["Prospect – at risk"]], pa.list_(pa.string())),
        }
    )  # fmt: skip


def test_percentile_ranks_known_values_from_0_to_1() -> None:
    ranks = percentile(pa.array([10.0, 20.0, 20.0, None, 40.0])).to_pylist()
    assert ranks == [0.0, pytest.approx(1 / 3), pytest.approx(1 / 3), None, 1.0]


def test_rule_segments_join_the_list_and_win_the_primary_by_priority(engine: Engine) -> None:
    rules = {
        # lifetime_value percentiles among 900, 50, 400: 1.0, 0.0, 0.5; customer 4 has none.
        "High value – at risk": Segment(
            where="lifetime_value_percentile >= 0.8 AND churn_risk_score > 0.6", priority=10
        ),
        "French": Segment(where="country = 'FR'", priority=2000),  # after the built-in one
        "Nobody": Segment(where="total_revenue > 1e9"),
    }
    out = apply(_profile(), rules, engine).to_pylist()
    assert [r["primary_segment"] for r in out] == [
        "High value – at risk", "Regular – at risk", "Regular – engaged", "Prospect – at risk",
    ]  # fmt: skip
    assert [r["segments"] for r in out] == [
        ["High value – at risk", "French", "rfm:Champions"],
        ["Regular – at risk", "French"],
        ["Regular – engaged", "rfm:Loyal"],
        ["Prospect – at risk"],
    ]
    engaged = {"Engaged": Segment(where="engagement_score_percentile = 1", priority=1)}
    assert apply(_profile(), engaged, engine)["primary_segment"][2].as_py() == "Engaged"
    with pytest.raises(Exception, match="segment_profile"):  # not held once evaluated
        engine.sql("SELECT count(*) AS n FROM segment_profile")


def test_a_condition_that_cannot_run_names_its_segment(engine: Engine) -> None:
    with pytest.raises(SegmentError, match=r"^segment 'Broken': cannot evaluate 'no_such_col > 1'"):
        apply(_profile(), {"Broken": Segment(where="no_such_col > 1")}, engine)


def test_conditions_are_checked_against_the_profile_contract_without_data(engine: Engine) -> None:
    good = {"Top": Segment(where="lifetime_value_percentile >= 0.8 AND country = 'FR'")}
    check(good, engine)
    with pytest.raises(SegmentError, match=r"^segment 'Typo': cannot evaluate 'lifetime_valu > 1'"):
        check({**good, "Typo": Segment(where="lifetime_valu > 1")}, engine)
    with pytest.raises(SegmentError, match=r"^segment 'Cut': ") as cut:
        check({"Cut": Segment(where="churn_risk_score > 0.5 AND")}, engine)
    # The engine's words are about the condition as written, not the query it is put in.
    assert not re.search(r"""near ["']\)["']""", str(cut.value)), cut.value


@pytest.mark.parametrize(
    ("where", "kind"), [("total_revenue", "double"), ("country", "string"), ("NULL", "null")]
)
def test_a_condition_that_is_not_true_or_false_is_refused_naming_its_segment(
    engine: Engine, where: str, kind: str
) -> None:
    """DuckDB would take a number's non-zero as true; Spark refuses it in its own words."""
    message = (
        f"segment 'Rich': where {where!r} is not a condition: it gives {kind} values, not true "
        "or false (compare it, e.g. total_revenue > 100)"
    )
    with pytest.raises(SegmentError) as caught:
        check({"Rich": Segment(where=where)}, engine)
    assert str(caught.value) == message
    with pytest.raises(SegmentError) as caught:
        apply(_profile(), {"Rich": Segment(where=where)}, engine)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "where", ["country = 'FR';", "country = 'FR' -- the French", "-- the French\ncountry = 'FR'"]
)
def test_a_condition_with_a_final_semicolon_or_a_comment_selects_as_without(
    engine: Engine, where: str
) -> None:
    check({"French": Segment(where=where)}, engine)
    out = apply(_profile(), {"French": Segment(where=where, priority=1)}, engine)
    assert out["primary_segment"].to_pylist() == [
        "French", "French", "Regular – engaged", "Prospect – at risk",
    ]  # fmt: skip


def test_membership_periods_open_stay_close_and_reopen() -> None:
    first = history(None, memberships(_profile()), date(2026, 1, 1))
    assert first.num_rows == 6 and set(first["valid_from"].to_pylist()) == {date(2026, 1, 1)}
    assert all(first["is_current"].to_pylist())
    later = _profile().to_pylist()
    later[0]["segments"] = ["High value – at risk"]  # left rfm:Champions
    second = history(first, memberships(pa.Table.from_pylist(later, _profile().schema)),
                     date(2026, 2, 1))  # fmt: skip
    closed = [r for r in second.to_pylist() if not r["is_current"]]
    assert closed == [{"customer360_id": "c360_00000001", "segment": "rfm:Champions",
                       "valid_from": date(2026, 1, 1), "valid_to": date(2026, 2, 1),
                       "is_current": False}]  # fmt: skip
    assert second.num_rows == 6
    third = history(second, memberships(_profile()), date(2026, 3, 1))  # back in
    champions = [r for r in third.to_pylist() if r["segment"] == "rfm:Champions"]
    assert [(r["valid_from"], r["valid_to"]) for r in champions] == [
        (date(2026, 1, 1), date(2026, 2, 1)), (date(2026, 3, 1), None),
    ]  # fmt: skip
    assert history(third, memberships(_profile()), date(2026, 4, 1)).equals(third)


def test_runs_on_one_day_that_flip_a_membership_and_back_keep_one_period() -> None:
    """Periods are whole days: a membership left and found again the same day (a run on a
    wrong extract, then on the right one) goes on in its period; one that held for no whole day
    leaves none. Two periods from one day would break the table's key."""
    day, next_day = date(2026, 1, 1), date(2026, 1, 2)
    first = history(None, memberships(_profile()), day)
    later = _profile().to_pylist()
    later[0]["segments"] = ["High value – at risk", "Regular – engaged"]  # left rfm:Champions
    flipped = memberships(pa.Table.from_pylist(later, _profile().schema))
    back = history(history(first, flipped, next_day), memberships(_profile()), next_day)
    assert back.equals(history(first, memberships(_profile()), next_day))
    again = history(history(back, flipped, next_day), flipped, next_day)
    champions = [
        (r["valid_from"], r["valid_to"])
        for r in again.to_pylist()
        if r["segment"] == "rfm:Champions" and r["customer360_id"] == "c360_00000001"
    ]
    assert champions == [(day, next_day)]
    keys = [(r["customer360_id"], r["segment"], r["valid_from"]) for r in again.to_pylist()]
    assert len(keys) == len(set(keys))
    assert ("c360_00000001", "Regular – engaged", next_day) in keys
    gone = history(history(again, memberships(_profile()), next_day), memberships(_profile()),
                   date(2026, 1, 3))  # fmt: skip
    assert ("c360_00000001", "Regular – engaged") not in {
        (r["customer360_id"], r["segment"]) for r in gone.to_pylist()
    }  # it held from the 2nd to the 2nd: no whole day


def test_a_history_with_two_periods_from_one_day_is_repaired() -> None:
    """As two runs on one day wrote it before periods were whole days: the open one stays."""
    day = date(2026, 1, 2)
    first = history(None, memberships(_profile()), day).to_pylist()
    broken = [*first, {**first[0], "valid_to": day, "is_current": False}]
    repaired = history(pa.Table.from_pylist(broken), memberships(_profile()), date(2026, 1, 3))
    assert sorted(repaired.to_pylist(), key=str) == sorted(first, key=str)


def _without(customer: int, segment: str) -> pa.Table:
    """The memberships of :func:`_profile` with one customer out of one segment."""
    rows = _profile().to_pylist()
    rows[customer]["segments"] = [s for s in rows[customer]["segments"] if s != segment]
    return memberships(pa.Table.from_pylist(rows, _profile().schema))


def _sound(periods: pa.Table) -> None:
    """The table's key holds and no period ends on or before the day it starts."""
    assert violations(SEGMENT_MEMBERSHIP, periods).num_rows == 0
    assert all(
        r["valid_to"] is None or r["valid_to"] > r["valid_from"] for r in periods.to_pylist()
    )


def test_a_run_stamped_before_the_last_one_goes_on_from_the_latest_recorded_day() -> None:
    """A clock set back between runs: the run is dated the latest day the history records, so a
    membership found again on an earlier date reopens its period instead of starting a second
    one from that period's first day (which broke the key)."""
    jan2, jan3 = date(2026, 1, 2), date(2026, 1, 3)
    first = history(None, memberships(_profile()), jan2)
    left = history(first, _without(0, "rfm:Champions"), jan3)  # Champions: Jan 2 to Jan 3
    back = history(left, memberships(_profile()), jan2)  # the clock went back a day
    _sound(back)
    assert back.equals(history(left, memberships(_profile()), jan3))


def test_a_run_stamped_before_a_period_opened_leaves_no_backwards_period() -> None:
    """Closing on a date before the period opened wrote a period ending before it began; the
    next run that found the membership again opened a second period on the same first day."""
    jan2, jan3 = date(2026, 1, 2), date(2026, 1, 3)
    first = history(None, memberships(_profile()), jan3)
    back = history(first, _without(0, "rfm:Champions"), jan2)  # the clock went back a day
    _sound(back)
    assert back.equals(history(first, _without(0, "rfm:Champions"), jan3))
    again = history(back, memberships(_profile()), jan3)
    _sound(again)


def test_a_backwards_period_already_written_is_dropped() -> None:
    """As a run on a clock set back wrote it before run dates were monotonic: the period that
    ends before it begins held for no whole day, so the membership found again opens afresh."""
    jan2, jan3 = date(2026, 1, 2), date(2026, 1, 3)
    first = history(None, memberships(_profile()), jan3).to_pylist()
    broken = [*first[:1], {**first[1], "valid_to": jan2, "is_current": False}, *first[2:]]
    repaired = history(pa.Table.from_pylist(broken), memberships(_profile()), jan3)
    _sound(repaired)
    assert sorted(repaired.to_pylist(), key=str) == sorted(first, key=str)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.sets(st.integers(0, 5))), min_size=1, max_size=6))
def test_runs_on_any_dates_keep_one_sound_history(runs: list[tuple[int, set[int]]]) -> None:
    """Whatever order the runs' clocks give, the key holds, periods of a membership do not
    overlap and the open ones are exactly the memberships the last run found."""
    found = memberships(_profile())
    periods = None
    for day, chosen in runs:
        now = found.take(pa.array(sorted(chosen), pa.int64()))
        periods = history(periods, now, date(2026, 1, 1) + timedelta(days=day))
        _sound(periods)
        spans: dict[tuple[str, str], list[tuple[date, date | None]]] = {}
        for r in periods.to_pylist():
            spans.setdefault((r["customer360_id"], r["segment"]), []).append(
                (r["valid_from"], r["valid_to"])
            )
        for each in spans.values():
            each.sort()
            assert all(end is not None and end < start for (_, end), (start, _) in pairwise(each))
        is_open = {k for k, each in spans.items() if each[-1][1] is None}
        assert is_open == {(r["customer360_id"], r["segment"]) for r in now.to_pylist()}


def test_the_profile_records_the_conditions_it_was_built_with(engine: Engine) -> None:
    """A segment with no member is told from one no run computed (or computed as written)."""
    rules = {"Nobody": Segment(where="total_revenue > 1e9"), "FR": Segment(where="country = 'FR'")}
    assert applied(apply(_profile(), rules, engine).schema) == {
        "Nobody": "total_revenue > 1e9", "FR": "country = 'FR'",
    }  # fmt: skip
    assert applied(apply(_profile(), {}, engine).schema) == {}
    assert applied(_profile().schema) is None  # a profile built before profiles said

"""Survivorship: each rule and its tie-breaks, checked against a per-group reference."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import datetime
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.identity.survivorship import (
    CANDIDATE_COLUMNS,
    DEFAULT_RULES,
    SCHEMA,
    Rule,
    parse_rules,
    survive,
)

Row = tuple[str, str, str, str, str, datetime | None, int | None]
JAN, FEB, MAR = datetime(2024, 1, 1), datetime(2024, 2, 1), datetime(2024, 3, 1)


def candidates(rows: list[Row]) -> pa.Table:
    """Rows of (id, attribute, value, source, record_key, updated_at, completeness)."""
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in CANDIDATE_COLUMNS]
    types = [pa.string()] * 5 + [pa.timestamp("us"), pa.int64()]
    return pa.table(
        [pa.array(c, t) for c, t in zip(columns, types, strict=True)], names=CANDIDATE_COLUMNS
    )


def winner(rows: list[Row], rule: Rule, attribute: str = "x") -> tuple[str, str, str, int]:
    """(value, record_key, rule, candidates) of the single group in ``rows``."""
    [out] = survive(candidates(rows), {attribute: rule}).to_pylist()
    return out["value"], out["record_key"], out["rule"], out["candidates"]


def test_source_priority_takes_the_first_listed_source_even_when_older() -> None:
    rows: list[Row] = [
        ("c", "x", "old", "crm", "crm:1", JAN, 1),
        ("c", "x", "new", "web", "web:1", MAR, 9),
        ("c", "x", "loy", "loyalty", "loyalty:1", FEB, 9),
    ]
    assert winner(rows, Rule("source_priority", ("crm", "loyalty"))) == (
        "old", "crm:1", "source_priority", 3,
    )  # fmt: skip
    assert winner(rows, Rule("source_priority", ("shop", "loyalty", "crm")))[:2] == (
        "loy", "loyalty:1",
    )  # fmt: skip


def test_source_priority_breaks_ties_within_a_source_by_recency() -> None:
    rows: list[Row] = [
        ("c", "x", "a", "crm", "crm:1", JAN, 9),
        ("c", "x", "b", "crm", "crm:2", MAR, 1),
        ("c", "x", "c", "crm", "crm:3", None, 9),
        ("c", "x", "d", "web", "web:1", MAR, 9),
    ]
    assert winner(rows, Rule("source_priority", ("crm",)))[:2] == ("b", "crm:2")


def test_source_priority_falls_back_to_unlisted_sources_by_recency() -> None:
    rows: list[Row] = [
        ("c", "x", "a", "web", "web:1", JAN, 9),
        ("c", "x", "b", "shop", "shop:1", MAR, 1),
    ]
    # No listed source has a value, so recency decided and the output says so.
    assert winner(rows, Rule("source_priority", ("crm",))) == ("b", "shop:1", "most_recent", 2)
    assert winner(rows, Rule("source_priority"))[:3] == ("b", "shop:1", "most_recent")


def test_most_recent_puts_null_dates_last_then_prefers_frequent_then_smallest_key() -> None:
    rows: list[Row] = [
        ("c", "x", "undated", "crm", "crm:0", None, 9),
        ("c", "x", "a", "crm", "crm:1", JAN, 1),
    ]
    assert winner(rows, Rule("most_recent"))[:2] == ("a", "crm:1")
    tied: list[Row] = [
        ("c", "x", "z", "crm", "crm:1", MAR, 1),
        ("c", "x", "y", "crm", "crm:2", MAR, 1),
        ("c", "x", "y", "web", "web:1", JAN, 1),
    ]
    assert winner(tied, Rule("most_recent"))[:2] == ("y", "crm:2")  # y is on two records
    tied_twice: list[Row] = [
        ("c", "x", "z", "web", "web:1", MAR, 1),
        ("c", "x", "y", "crm", "crm:2", MAR, 1),
    ]
    assert winner(tied_twice, Rule("most_recent"))[:2] == ("y", "crm:2")  # "crm:2" < "web:1"


def test_most_frequent_counts_exact_case_sensitive_values() -> None:
    rows: list[Row] = [
        ("c", "x", "Smith", "web", "web:1", MAR, 9),
        ("c", "x", "SMITH", "web", "web:2", FEB, 9),
        ("c", "x", "smith", "crm", "crm:1", JAN, 1),
        ("c", "x", "smith", "crm", "crm:2", FEB, 1),
    ]
    # The record_key is the most recent record carrying the winning value.
    assert winner(rows, Rule("most_frequent")) == ("smith", "crm:2", "most_frequent", 3)


def test_most_frequent_ties_go_to_recency_then_smallest_key() -> None:
    rows: list[Row] = [
        ("c", "x", "a", "crm", "crm:1", JAN, 1),
        ("c", "x", "b", "crm", "crm:2", FEB, 1),
    ]
    assert winner(rows, Rule("most_frequent"))[:2] == ("b", "crm:2")
    same_day: list[Row] = [
        ("c", "x", "a", "crm", "crm:9", FEB, 1),
        ("c", "x", "b", "crm", "crm:10", FEB, 1),
    ]
    assert winner(same_day, Rule("most_frequent"))[:2] == ("b", "crm:10")  # string order


def test_most_complete_prefers_the_fullest_record_then_recency_then_key() -> None:
    rows: list[Row] = [
        ("c", "x", "full", "crm", "crm:1", JAN, 8),
        ("c", "x", "new", "web", "web:1", MAR, 3),
        ("c", "x", "unknown", "web", "web:2", MAR, None),
    ]
    assert winner(rows, Rule("most_complete")) == ("full", "crm:1", "most_complete", 3)
    tied: list[Row] = [
        ("c", "x", "a", "crm", "crm:1", JAN, 5),
        ("c", "x", "b", "crm", "crm:2", FEB, 5),
        ("c", "x", "b2", "crm", "crm:0", FEB, 5),
        ("c", "x", "a", "web", "web:1", JAN, 5),
    ]
    # Frequency plays no part: "a" is on two records but "b2" is as recent as "b" and keyed first.
    assert winner(tied, Rule("most_complete"))[:2] == ("b2", "crm:0")


def test_each_attribute_follows_its_own_rule_and_defaults_fill_the_rest() -> None:
    rows: list[Row] = [
        ("c2", "first_name", "Ann", "crm", "crm:1", JAN, 3),
        ("c2", "first_name", "Ann", "web", "web:1", JAN, 3),
        ("c2", "first_name", "Anne", "shop", "shop:1", MAR, 3),
        ("c2", "tier", "gold", "crm", "crm:1", JAN, 3),
        ("c2", "tier", "silver", "shop", "shop:1", MAR, 3),
        ("c1", "email", "a@x", "crm", "crm:2", JAN, 3),
        ("c1", "email", "b@x", "shop", "shop:2", MAR, 3),
    ]
    out = survive(candidates(rows), {"email": Rule("source_priority", ("crm",))})
    assert out.schema == SCHEMA
    assert [
        (r["customer360_id"], r["attribute"], r["value"], r["rule"]) for r in out.to_pylist()
    ] == [
        ("c1", "email", "a@x", "source_priority"),
        ("c2", "first_name", "Ann", "most_frequent"),  # the default for first_name
        ("c2", "tier", "silver", "most_recent"),  # no default: most_recent
    ]


def test_by_default_the_email_most_records_hold_wins_and_the_latest_phone() -> None:
    # An address is voted on (the latest breaks a tie); a phone number changes, the latest wins.
    rows: list[Row] = [
        ("c1", "email", "ann@x", "crm", "crm:1", JAN, 3),
        ("c1", "email", "ann@x", "web", "web:1", FEB, 3),
        ("c1", "email", "ann@work", "shop", "shop:1", MAR, 3),
        ("c1", "phone", "+331", "crm", "crm:1", JAN, 3),
        ("c1", "phone", "+331", "web", "web:1", FEB, 3),
        ("c1", "phone", "+332", "shop", "shop:1", MAR, 3),
    ]
    out = survive(candidates(rows), {})
    assert [(r["attribute"], r["value"], r["record_key"], r["rule"]) for r in out.to_pylist()] == [
        ("email", "ann@x", "web:1", "most_frequent"),
        ("phone", "+332", "shop:1", "most_recent"),
    ]


def test_empty_and_invalid_inputs() -> None:
    assert survive(candidates([]), {}).equals(SCHEMA.empty_table())
    with pytest.raises(ValueError, match="lack column completeness"):
        survive(candidates([]).drop_columns(["completeness"]), {})
    null_id = candidates([("c", "x", "v", "crm", "crm:1", JAN, 1)]).set_column(
        0, "customer360_id", pa.array([None], pa.string())
    )
    with pytest.raises(ValueError, match=r"customer360_id has 1 NULL"):
        survive(null_id, {})


def test_rules_parse_from_yaml_shapes() -> None:
    assert Rule.parse("most_recent") == Rule("most_recent")
    assert Rule.parse({"rule": "source_priority", "sources": ["crm", "loyalty"]}) == Rule(
        "source_priority", ("crm", "loyalty")
    )
    assert parse_rules({"email": "most_complete"}) == {
        **DEFAULT_RULES,
        "email": Rule("most_complete"),
    }


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("latest", r"unknown survivorship rule 'latest'; rules are source_priority, most_recent"),
        ({"rule": "newest"}, "unknown survivorship rule 'newest'"),
        ({"sources": ["crm"]}, "needs 'rule: <name>'"),
        ({"rule": "most_recent", "sources": ["crm"]}, "sources only apply to source_priority"),
        ({"rule": "source_priority", "sources": "crm"}, "must be a list of names, not 'crm'"),
        ({"rule": "source_priority", "sources": ["crm", "crm"]}, "listed twice"),
        ({"rule": "most_recent", "order": 1}, "unknown key order"),
        (3, "a name or a mapping, not 3"),
    ],
)  # fmt: skip
def test_bad_rules_say_what_is_wrong(spec: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Rule.parse(spec)


def test_parse_rules_names_the_attribute() -> None:
    with pytest.raises(ValueError, match="survivorship of 'email': unknown survivorship rule"):
        parse_rules({"email": "freshest"})


# --- properties -------------------------------------------------------------------------------


def reference(rows: list[Row], rules: dict[str, Rule]) -> dict[tuple[str, str], tuple[str, str]]:
    """The spec, one group at a time: (id, attribute) -> (value, record_key)."""
    groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        groups[row[0], row[1]].append(row)
    out = {}
    for (cid, attribute), group in groups.items():
        rule = rules.get(attribute) or DEFAULT_RULES.get(attribute, Rule("most_recent"))
        counts = Counter(r[2] for r in group)

        def key(r: Row, rule: Rule = rule, counts: Counter[str] = counts) -> tuple[Any, ...]:
            recent = (r[5] is None, -r[5].timestamp() if r[5] else 0)
            complete = (r[6] is None, -(r[6] or 0))
            source = rule.sources.index(r[3]) if r[3] in rule.sources else len(rule.sources)
            first = {
                "source_priority": (source, recent, -counts[r[2]]),
                "most_recent": (recent, -counts[r[2]]),
                "most_frequent": (-counts[r[2]], recent),
                "most_complete": (complete, recent),
            }[rule.rule]
            return (*first, r[4], r[2])

        best = min(group, key=key)
        out[cid, attribute] = (best[2], best[4])
    return out


SOURCES = ("crm", "web", "shop")
ATTRIBUTES = ("first_name", "email", "x")
rule_specs = st.one_of(
    st.sampled_from([Rule(r) for r in ("most_recent", "most_frequent", "most_complete")]),
    st.lists(st.sampled_from(SOURCES), unique=True, max_size=3).map(
        lambda s: Rule("source_priority", tuple(s))
    ),
)
records = st.lists(
    st.tuples(
        st.sampled_from(("c1", "c2", "c3")),
        st.sampled_from(SOURCES),
        st.sampled_from((None, JAN, FEB, MAR)),
        st.one_of(st.none(), st.integers(0, 3)),
        st.lists(
            st.tuples(st.sampled_from(ATTRIBUTES), st.sampled_from(("a", "A", "b", "c"))),
            min_size=1,
            max_size=4,
        ),
    ),
    min_size=1,
    max_size=12,
)


def rows_of(generated: list[Any]) -> list[Row]:
    """One row per record and attribute value; a record's date and completeness are shared."""
    return [
        (cid, attribute, value, source, f"{source}:{n}", date, completeness)
        for n, (cid, source, date, completeness, values) in enumerate(generated)
        for attribute, value in values
    ]


@settings(max_examples=300, deadline=None)
@given(records, st.dictionaries(st.sampled_from(ATTRIBUTES), rule_specs), st.randoms())
def test_survive_matches_the_spec_for_any_input_order(
    generated: list[Any], rules: dict[str, Rule], rnd: random.Random
) -> None:
    rows = rows_of(generated)
    expected = reference(rows, rules)
    rnd.shuffle(rows)
    table = candidates(rows)
    table = pa.concat_tables([table.slice(0, len(rows) // 2), table.slice(len(rows) // 2)])
    out = survive(table, rules).to_pylist()

    assert [(r["customer360_id"], r["attribute"]) for r in out] == sorted(expected)
    by_group: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
    for row in rows:
        by_group[row[0], row[1]].add((row[2], row[4], row[3]))
    for r in out:
        group = by_group[r["customer360_id"], r["attribute"]]
        assert (r["value"], r["record_key"], r["source"]) in group
        assert r["candidates"] == len({value for value, _, _ in group})
        assert (r["value"], r["record_key"]) == expected[r["customer360_id"], r["attribute"]]

"""Survivors of profile records (survive() over one candidate per record and attribute), and
the JSON objects of the profile's lineage and source ids."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.identity.profile_attributes import PROFILE_NAMES, json_objects, lineage, survivors
from c360.identity.profile_records import KEYED, SURVIVED
from c360.identity.survivorship import CANDIDATE_COLUMNS, SCHEMA, Rule, survive

JAN, FEB, MAR = datetime(2024, 1, 1), datetime(2024, 2, 1), datetime(2024, 3, 1)
BASE = (
    ("record_key", pa.string()),
    ("source", pa.string()),
    ("customer360_id", pa.string()),
    ("updated_at", pa.timestamp("us")),
)


def values_table(rows: list[dict[str, Any]], attributes: tuple[str, ...]) -> pa.Table:
    """Record values: the base columns, each attribute's display and, if KEYED, its key."""
    names = [a for a in attributes for a in ((a, f"{a}_key") if a in KEYED else (a,))]
    schema = pa.schema([*BASE, *((n, pa.string()) for n in names)])
    return pa.Table.from_pylist(rows, schema=schema)


def reference(values: pa.Table, rules: dict[str, Rule]) -> pa.Table:
    """survive() on a literal candidate table, with the display value of the winning record."""
    records = values.to_pylist()
    present = [a for a in SURVIVED if a in values.column_names]
    rows, shown = [], {}
    for r in records:
        filled = sum(r[a] is not None for a in present)
        for a in present:
            key = r[f"{a}_key"] if a in KEYED else r[a]
            if r[a] is not None and key is not None:
                rows.append((r["customer360_id"], a, key, r["source"], r["record_key"],
                             r["updated_at"], filled))  # fmt: skip
                shown[r["record_key"], a] = r[a]
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in CANDIDATE_COLUMNS]
    types = [pa.string()] * 5 + [pa.timestamp("us"), pa.int64()]
    pool = pa.table(
        [pa.array(c, t) for c, t in zip(columns, types, strict=True)], names=CANDIDATE_COLUMNS
    )
    won = survive(pool, rules)
    keys = zip(won["record_key"].to_pylist(), won["attribute"].to_pylist(), strict=True)
    display = [shown[k, a] for k, a in keys]
    return won.append_column("display", pa.array(display, pa.string()))


def record(key: str, customer: str, at: datetime | None, **values: str | None) -> dict[str, Any]:
    return {"record_key": key, "source": key.split(":")[0], "customer360_id": customer,
            "updated_at": at, **values}  # fmt: skip


def test_names_are_voted_on_their_key_and_shown_as_the_winning_record_spells_them() -> None:
    values = values_table(
        [
            record("crm:1", "c1", JAN, first_name="ANN", first_name_key="ann", email="a@x"),
            record("web:1", "c1", MAR, first_name="Ann", first_name_key="ann", email="b@x"),
            record("shop:1", "c1", FEB, first_name="Anne", first_name_key="anne", email=None),
            # A name that folds to nothing is no candidate; its record still counts as filled.
            record("crm:2", "c0", MAR, first_name="!!", first_name_key=None, email="c@x"),
        ],
        ("first_name", "email"),
    )
    out = survivors(values, {})
    assert out.schema == SCHEMA.append(pa.field("display", pa.string()))
    assert [
        (r["customer360_id"], r["attribute"], r["value"], r["display"], r["record_key"], r["rule"],
         r["candidates"]) for r in out.to_pylist()
    ] == [
        ("c0", "email", "c@x", "c@x", "crm:2", "most_recent", 1),
        ("c1", "email", "b@x", "b@x", "web:1", "most_recent", 2),
        ("c1", "first_name", "ann", "Ann", "web:1", "most_frequent", 2),
    ]  # fmt: skip
    assert out.equals(reference(values, {}))


def test_most_complete_counts_the_record_attributes_with_a_value() -> None:
    values = values_table(
        [
            record("crm:1", "c1", JAN, city="Lyon", city_key="lyon", gender="F", language="fr"),
            record("web:1", "c1", MAR, city="Paris", city_key="paris", gender=None, language=None),
        ],
        ("city", "gender", "language"),
    )
    rules = {"city": Rule("most_complete")}
    out = survivors(values, rules)
    [city] = out.filter(pc.equal(out["attribute"], "city")).to_pylist()
    assert (city["display"], city["record_key"]) == ("Lyon", "crm:1")
    assert out.equals(reference(values, rules))


def test_no_records_give_no_survivors() -> None:
    values = values_table([], ("first_name", "email"))
    out = survivors(values, {})
    assert out.num_rows == 0
    assert out.equals(reference(values, {}))


NAMES = ("first_name", "city", "email", "language")  # two KEYED, two shown as voted
records = st.lists(
    st.tuples(
        st.sampled_from(("c1", "c2", "c3")),
        st.sampled_from(("crm", "web", "shop")),
        st.sampled_from((None, JAN, FEB, MAR)),
        st.fixed_dictionaries({a: st.sampled_from((None, "a", "A", "b", "B ")) for a in NAMES}),
        st.fixed_dictionaries({a: st.sampled_from((None, "a", "b")) for a in NAMES if a in KEYED}),
    ),
    max_size=14,
)
rule_specs = st.one_of(
    st.sampled_from([Rule(r) for r in ("most_recent", "most_frequent", "most_complete")]),
    st.lists(st.sampled_from(("crm", "web", "shop")), unique=True, max_size=3).map(
        lambda s: Rule("source_priority", tuple(s))
    ),
)


@settings(max_examples=300, deadline=None)
@given(
    records,
    st.lists(st.sampled_from(NAMES), unique=True, min_size=1).map(tuple),
    st.dictionaries(st.sampled_from(NAMES), rule_specs),
    st.integers(0, 14),
)
def test_survivors_match_survive_on_one_candidate_per_record_and_attribute(
    generated: list[Any], attributes: tuple[str, ...], rules: dict[str, Rule], cut: int
) -> None:
    rows = [
        record(f"{source}:{n}", cid, at, **shown, **{f"{a}_key": k for a, k in keys.items()})
        for n, (cid, source, at, shown, keys) in enumerate(generated)
    ]
    values = values_table(rows, attributes)
    chunked = pa.concat_tables([values.slice(0, cut), values.slice(cut)])
    assert survivors(chunked, rules).equals(reference(values, rules))


KEYS = ("email", "a", 'say "hi"', "back\\slash", "é", "Zed", "primary_email")  # no control chars
CUSTOMERS = pa.array([f"c360_{i}" for i in range(5)])


def expected_object(rows: list[tuple[str, str]]) -> str:
    """One customer's object, written out: keys sorted, the values as given."""
    members = [f"{json.dumps(k, ensure_ascii=False)}: {v}" for k, v in sorted(rows)]
    return "{" + ", ".join(members) + "}"


@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.sampled_from(KEYS), st.text(max_size=4)),
        unique_by=lambda row: (row[0], row[1]),
    )
)
def test_json_objects_list_each_customers_keys_sorted(rows: list[tuple[int, str, str]]) -> None:
    ids = pa.array([CUSTOMERS[c].as_py() for c, _, _ in rows], pa.string())
    keys = pa.array([k for _, k, _ in rows], pa.string())
    json_values = [json.dumps(v) for _, _, v in rows]
    out = json_objects(CUSTOMERS, ids, keys, pa.array(json_values, pa.string()))
    assert out.to_pylist() == [
        expected_object([(k, j) for (c, k, _), j in zip(rows, json_values, strict=True) if c == i])
        for i in range(len(CUSTOMERS))
    ]


@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.sampled_from(SURVIVED), st.text(max_size=4)),
        unique_by=lambda row: (row[0], row[1]),
    )
)
def test_lineage_names_each_profile_columns_record(rows: list[tuple[int, str, str]]) -> None:
    won = pa.table({
        "customer360_id": pa.array([CUSTOMERS[c].as_py() for c, _, _ in rows], pa.string()),
        "attribute": pa.array([a for _, a, _ in rows], pa.string()),
        "record_key": pa.array([f"crm:{key}" for _, _, key in rows], pa.string()),
    })  # fmt: skip
    found = [json.loads(o) for o in lineage(CUSTOMERS, won).to_pylist()]
    assert found == [
        {PROFILE_NAMES.get(a, a): f"crm:{key}" for c, a, key in rows if c == i}
        for i in range(len(CUSTOMERS))
    ]
    assert all(list(f) == sorted(f) for f in found)

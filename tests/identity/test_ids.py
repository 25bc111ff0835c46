"""Persistent ids: clusters keep the id most of their records held, changes go to the ledger."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from c360.identity.ids import LedgerEvent, assign_ids, departures, resolve


def test_first_run_numbers_clusters_in_label_order() -> None:
    result = assign_ids({"b:1": "a:1", "a:1": "a:1", "c:1": "c:1"}, {}, "r1", 7, width=3)
    assert result.ids == {"a:1": "c360_007", "b:1": "c360_007", "c:1": "c360_008"}
    assert result.next_number == 9
    assert result.events == [
        LedgerEvent("r1", "new", (), "c360_007", 2),
        LedgerEvent("r1", "new", (), "c360_008", 1),
    ]
    assert result.aliases == {}


def test_new_ids_skip_ids_already_issued() -> None:
    result = assign_ids({"x": "x"}, {"gone": "c360_001"}, "r2", 1, width=3)
    assert result.ids == {"x": "c360_002"}
    assert result.next_number == 3


def test_merge_keeps_the_majority_id_and_aliases_the_other() -> None:
    previous = {"a": "c360_2", "b": "c360_2", "c": "c360_1"}
    result = assign_ids({"a": "a", "b": "a", "c": "a"}, previous, "r2", 3)
    assert set(result.ids.values()) == {"c360_2"}  # two records held c360_2, one c360_1
    assert result.events == [LedgerEvent("r2", "merge", ("c360_1", "c360_2"), "c360_2", 3)]
    assert result.aliases == {"c360_1": "c360_2"}


def test_split_gives_the_minority_a_new_id() -> None:
    previous = {"a": "c360_1", "b": "c360_1", "c": "c360_1"}
    result = assign_ids({"a": "a", "b": "b", "c": "b"}, previous, "r2", 5, width=1)
    assert result.ids == {"a": "c360_5", "b": "c360_1", "c": "c360_1"}
    assert result.events == [LedgerEvent("r2", "split", ("c360_1",), "c360_5", 1)]
    assert result.aliases == {}


def test_a_contested_id_goes_to_the_larger_share_and_the_loser_falls_back() -> None:
    # X holds 2 of A and 1 of B; Y holds 3 of A. Y wins A, X falls back to B, Z has nothing.
    previous = {"x1": "A", "x2": "A", "x3": "B", "y1": "A", "y2": "A", "y3": "A", "z1": "B"}
    labels = {"x1": "x", "x2": "x", "x3": "x", "y1": "y", "y2": "y", "y3": "y", "z1": "z"}
    result = assign_ids(labels, previous, "r2", 1, width=1)
    assert {label: result.ids[label + "1"] for label in "xyz"} == {
        "x": "B",
        "y": "A",
        "z": "c360_1",
    }
    assert result.events == [
        LedgerEvent("r2", "merge", ("A", "B"), "B", 3),
        LedgerEvent("r2", "split", ("A",), "B", 3),
        LedgerEvent("r2", "split", ("B",), "c360_1", 1),
    ]


def test_ties_prefer_the_smallest_id_then_the_smallest_label() -> None:
    previous = {"a": "B", "b": "A", "c": "A", "d": "B"}
    result = assign_ids({"a": "a", "b": "a", "c": "c", "d": "c"}, previous, "r2", 1)
    # Both clusters hold one of A and one of B: A goes to the smaller label "a".
    assert result.ids == {"a": "A", "b": "A", "c": "B", "d": "B"}


def test_a_retired_id_points_where_most_of_its_records_went() -> None:
    previous = {"c": "R", "a": "R", "b": "R"} | {f"p{i}": "P" for i in range(3)}
    previous |= {f"q{i}": "Q" for i in range(2)}
    labels = {"a": "a", "b": "a", "p0": "a", "p1": "a", "p2": "a", "c": "c", "q0": "c", "q1": "c"}
    result = assign_ids(labels, previous, "r2", 1)
    assert (result.ids["a"], result.ids["c"]) == ("P", "Q")
    assert result.aliases == {"R": "P"}


def test_retired_ids_carry_their_old_aliases_along() -> None:
    previous = {"a": "c360_2", "b": "c360_3"}
    result = assign_ids(
        {"a": "a", "b": "a"}, previous, "r3", 4, previous_aliases={"c360_1": "c360_3"}
    )
    assert result.aliases == {"c360_1": "c360_2", "c360_3": "c360_2"}
    assert resolve("c360_1", result.aliases) == "c360_2"


def test_an_undone_merge_gives_each_part_its_own_id_back() -> None:
    first = {"a1": "c360_1", "a2": "c360_1", "b1": "c360_2", "b2": "c360_2"}
    merged = assign_ids(dict.fromkeys(first, "a"), first, "r2", 3)
    assert set(merged.ids.values()) == {"c360_1"} and merged.aliases == {"c360_2": "c360_1"}
    assert merged.former == [("b1", "c360_2"), ("b2", "c360_2")]
    apart = {"a1": "a", "a2": "a", "b1": "b", "b2": "b"}
    undone = assign_ids(apart, merged.ids, "r3", 3, previous_aliases=merged.aliases,
                        former=merged.former)  # fmt: skip
    assert undone.ids == first
    assert undone.aliases == {} and undone.former == []
    assert undone.events == [LedgerEvent("r3", "split", ("c360_1",), "c360_2", 2)]
    assert undone.next_number == 3


def test_an_undone_merge_of_merges_gives_back_the_id_each_part_held_alone() -> None:
    # b merged into a (c360_1), then both into c (c360_3); then all three come apart.
    previous = {"a": "c360_3", "b": "c360_3", "c1": "c360_3", "c2": "c360_3"}
    former = [("a", "c360_1"), ("b", "c360_1"), ("b", "c360_2")]
    labels = {"a": "y", "b": "x", "c1": "z", "c2": "z"}  # b's part is looked at first
    result = assign_ids(labels, previous, "r4", 4, former=former)
    assert result.ids == {"a": "c360_1", "b": "c360_2", "c1": "c360_3", "c2": "c360_3"}
    assert result.former == []


def test_a_part_with_a_claim_of_its_own_keeps_it_rather_than_a_former_id() -> None:
    previous = {"a": "c360_1", "b": "c360_1", "n": "c360_5"}
    result = assign_ids({"a": "a", "b": "b", "n": "b"}, previous, "r3", 6,
                        former=[("b", "c360_2")])  # fmt: skip
    assert result.ids == {"a": "c360_1", "b": "c360_5", "n": "c360_5"}
    assert result.former == [("b", "c360_2")]  # kept, should n and b come apart again


def test_departures_name_customers_who_left_and_came_back() -> None:
    before = {"k1": "c360_1", "k2": "c360_1", "m": "c360_4"}  # departed before this run
    after = {"k1": "c360_1", "k2": "c360_1", "d1": "c360_7", "d2": "c360_7", "d3": "c360_7"}
    ids = {"m": "c360_4", "m2": "c360_4", "x": "c360_2"}
    assert departures("r5", before, after, ids) == [
        LedgerEvent("r5", "departed", ("c360_7",), "c360_7", 3),
        LedgerEvent("r5", "returned", ("c360_4",), "c360_4", 2),
    ]
    assert departures("r6", after, after, ids) == []


def test_resolve_is_cycle_safe() -> None:
    assert resolve("x", {"x": "y", "y": "z", "z": "y"}) == "y"
    assert resolve("q", {}) == "q"


# Property tests: a previous run over some records, then a regrouping of them.
RECORDS = [f"r{i:02d}" for i in range(15)]
partitions = st.lists(st.integers(0, 5), min_size=len(RECORDS), max_size=len(RECORDS))


def labels_of(groups: list[int], records: list[str] = RECORDS) -> dict[str, str]:
    """Label each record by the smallest record of its group, as clustering does."""
    first: dict[int, str] = {}
    for record, group in zip(records, groups, strict=True):
        first.setdefault(group, record)
    return {r: first[g] for r, g in zip(records, groups, strict=True)}


def members(ids: dict[str, str]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for record, customer in ids.items():
        found.setdefault(customer, set()).add(record)
    return {customer: frozenset(rs) for customer, rs in found.items()}


@settings(max_examples=200, deadline=None)
@given(partitions, partitions)
def test_ids_are_stable_unique_and_resolvable(before: list[int], after: list[int]) -> None:
    first = assign_ids(labels_of(before), {}, "r1", 1)
    labels = labels_of(after)
    second = assign_ids(labels, first.ids, "r2", first.next_number)
    assert assign_ids(labels, first.ids, "r2", first.next_number) == second
    # One id per cluster, one cluster per id.
    clusters = {frozenset(r for r in labels if labels[r] == label) for label in labels.values()}
    assert set(members(second.ids).values()) == clusters
    # A cluster with exactly the records of an old id keeps it.
    old = members(first.ids)
    for customer, records in members(second.ids).items():
        for previous_id, previous_records in old.items():
            if records == previous_records:
                assert customer == previous_id
    # Every id ever issued resolves to an id held now.
    held = set(second.ids.values())
    assert all(resolve(customer, second.aliases) in held for customer in old)
    assert set(second.aliases) == set(old) - held


@settings(max_examples=100, deadline=None)
@given(partitions, st.lists(st.integers(0, 3), min_size=1, max_size=6))
def test_a_new_batch_never_changes_existing_ids(before: list[int], batch: list[int]) -> None:
    first = assign_ids(labels_of(before), {}, "r1", 1)
    newcomers = [f"n{i}" for i in range(len(batch))]
    labels = labels_of(before) | labels_of(batch, newcomers)
    second = assign_ids(labels, first.ids, "r2", first.next_number)
    assert {r: second.ids[r] for r in RECORDS} == first.ids
    assert not set(second.ids[n] for n in newcomers) & set(first.ids.values())
    assert {e.kind for e in second.events} == {"new"}
    assert second.aliases == {}

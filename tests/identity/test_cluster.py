"""Constrained greedy clustering: summed evidence first, conflicts and overrides honoured."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.identity.cluster import (
    Edge,
    _Agglomeration,
    cluster,
    cluster_coded,
    cluster_with_report,
)

# Household: Anna and her second record, Ben, and X: a record with only the shared e-mail.
NAMES = {"crm:anna": "anna", "web:anna": "anna", "crm:ben": "ben", "shop:x": None}


def by_name(a: str, b: str) -> bool:
    """Two records with different known first names are two people."""
    x, y = NAMES[a], NAMES[b]
    return x is not None and y is not None and x != y


def never(a: str, b: str) -> bool:
    return False


def groups(labels: dict[str, str]) -> set[frozenset[str]]:
    found: dict[str, set[str]] = {}
    for record, label in labels.items():
        found.setdefault(label, set()).add(record)
    return {frozenset(g) for g in found.values()}


def test_summed_evidence_beats_the_single_strongest_edge() -> None:
    edges = [
        Edge("crm:anna", "web:anna", 0.99, 10.0),
        Edge("shop:x", "crm:anna", 0.9, 3.0),
        Edge("shop:x", "web:anna", 0.9, 3.0),
        Edge("shop:x", "crm:ben", 0.95, 5.0),  # the strongest single edge of X
    ]
    result = cluster_with_report(list(NAMES), edges, 0.8, by_name)
    assert result.labels == {
        "crm:anna": "crm:anna",
        "web:anna": "crm:anna",
        "shop:x": "crm:anna",
        "crm:ben": "crm:ben",
    }
    assert result.refused == [edges[3]]


def test_conflict_keeps_household_members_apart() -> None:
    edges = [Edge("shop:x", "crm:anna", 0.9, 4.0), Edge("shop:x", "crm:ben", 0.9, 6.0)]
    labels = cluster(["crm:anna", "crm:ben", "shop:x"], edges, 0.5, by_name)
    assert labels == {"crm:anna": "crm:anna", "crm:ben": "crm:ben", "shop:x": "crm:ben"}
    # Without the guard the shared e-mail chains the two people together.
    assert len(set(cluster(["crm:anna", "crm:ben", "shop:x"], edges, 0.5, never).values())) == 1


def test_edges_below_threshold_are_ignored_and_unlinked_records_are_singletons() -> None:
    edges = [Edge("a:1", "b:1", 0.79, 9.0), Edge("a:2", "b:2", 0.8, 1.0)]
    labels = cluster(["b:2", "a:1", "b:1", "a:2", "c:9"], edges, 0.8, never)
    assert labels == {"a:1": "a:1", "b:1": "b:1", "a:2": "a:2", "b:2": "a:2", "c:9": "c:9"}


def test_must_not_link_is_honoured_even_through_a_third_record() -> None:
    edges = [
        Edge("a:1", "b:1", 0.99, 20.0),
        Edge("a:1", "c:1", 0.9, 4.0),
        Edge("b:1", "c:1", 0.9, 5.0),
    ]
    result = cluster_with_report(
        ["a:1", "b:1", "c:1"], edges, 0.5, never, must_not_link=[("b:1", "a:1")]
    )
    assert result.labels == {"a:1": "a:1", "b:1": "b:1", "c:1": "b:1"}
    assert result.refused == edges[:2]


def test_must_link_joins_records_without_evidence_and_overrides_conflict() -> None:
    labels = cluster(list(NAMES), [], 0.5, by_name, must_link=[("crm:ben", "crm:anna")])
    assert labels["crm:ben"] == labels["crm:anna"] == "crm:anna"


def test_evidence_into_a_must_linked_cluster_is_summed() -> None:
    edges = [Edge("x:1", k, 0.9, 2.0) for k in ("a:1", "a:2", "a:3")] + [
        Edge("x:1", "b:1", 0.9, 5.0)
    ]
    records = ["a:1", "a:2", "a:3", "b:1", "x:1"]
    together = [("a:1", "a:2"), ("a:2", "a:3")]
    labels = cluster(records, edges, 0.5, never, together, must_not_link=[("b:1", "a:3")])
    assert labels == {"a:1": "a:1", "a:2": "a:1", "a:3": "a:1", "b:1": "b:1", "x:1": "a:1"}


def test_must_not_link_wins_over_must_link() -> None:
    labels = cluster(
        ["a:1", "b:1", "c:1"],
        [],
        0.5,
        never,
        must_link=[("a:1", "b:1"), ("b:1", "c:1")],
        must_not_link=[("a:1", "c:1")],
    )
    assert labels == {"a:1": "a:1", "b:1": "a:1", "c:1": "c:1"}  # (b, c) is ignored


def test_signature_tests_each_pair_of_look_alikes_once() -> None:
    calls: list[tuple[str, str]] = []
    names = {f"a:{i}": "anna" for i in range(20)} | {f"b:{i}": "ben" for i in range(20)}

    def counted(a: str, b: str) -> bool:
        calls.append((a, b))
        return names[a] != names[b]

    edges = [Edge(a, b, 0.9, 1.0) for a, b in itertools.combinations(sorted(names), 2)]
    labels = cluster(list(names), edges, 0.5, counted, signature=names.__getitem__)
    assert groups(labels) == {
        frozenset(k for k in names if k.startswith("a")),
        frozenset(k for k in names if k.startswith("b")),
    }
    assert len(calls) == 3  # anna-anna, ben-ben, anna-ben: once each, whatever the cluster sizes
    calls.clear()
    assert cluster(list(names), edges, 0.5, counted) == labels
    assert len(calls) > 3


def test_unknown_records_are_rejected() -> None:
    with pytest.raises(ValueError, match="unknown records"):
        cluster(["a:1"], [Edge("a:1", "z:9", 0.9, 1.0)], 0.5, never)


# Property tests: records carry a first name or none; the guard compares names.
KEYS = [f"s:{i:02d}" for i in range(12)]


@st.composite
def problems(draw: st.DrawFn) -> tuple[dict[str, str | None], list[Edge], list[tuple[str, str]]]:
    names = {k: draw(st.sampled_from([None, "anna", "ben", "cleo"])) for k in KEYS}
    pairs = draw(st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from(KEYS)), max_size=30))
    # Distinct powers of two: every set of edges has its own sum, so no two strengths tie.
    powers = draw(st.permutations(range(len(pairs))))
    probability = st.floats(0.0, 1.0)
    edges = [Edge(a, b, draw(probability), 2.0**k) for (a, b), k in zip(pairs, powers, strict=True)]
    apart = draw(st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from(KEYS)), max_size=3))
    return names, edges, apart


def guard(names: dict[str, str | None]) -> Callable[[str, str], bool]:
    def conflict(a: str, b: str) -> bool:
        x, y = names[a], names[b]
        return x is not None and y is not None and x != y

    return conflict


def joins(edge: Edge, a: frozenset[str], b: frozenset[str]) -> bool:
    return (edge.left in a and edge.right in b) or (edge.left in b and edge.right in a)


def reference(
    names: dict[str, str | None], edges: list[Edge], apart: list[tuple[str, str]]
) -> set[frozenset[str]]:
    """The same greedy rule, recomputing every cluster-pair strength at every step."""
    clusters = [frozenset([k]) for k in KEYS]
    conflict = guard(names)
    forbidden = {frozenset(p) for p in apart if p[0] != p[1]}
    while True:
        best: tuple[float, int, int] | None = None
        for i, j in itertools.combinations(range(len(clusters)), 2):
            a, b = clusters[i], clusters[j]
            joining = [e.weight for e in edges if e.probability >= 0.5 and joins(e, a, b)]
            blocked = any(conflict(x, y) or frozenset((x, y)) in forbidden for x in a for y in b)
            if joining and not blocked and (best is None or sum(joining) > best[0]):
                best = (sum(joining), i, j)
        if best is None:
            return set(clusters)
        _, i, j = best
        clusters = [c for n, c in enumerate(clusters) if n not in (i, j)] + [
            clusters[i] | clusters[j]
        ]


@settings(max_examples=200, deadline=None)
@given(problems(), st.randoms(use_true_random=False))
def test_clusters_are_a_deterministic_guarded_partition(
    problem: tuple[dict[str, str | None], list[Edge], list[tuple[str, str]]],
    rng: random.Random,
) -> None:
    names, edges, apart = problem
    labels = cluster(KEYS, edges, 0.5, guard(names), must_not_link=apart, signature=names.get)
    assert labels.keys() == set(KEYS)
    for group in groups(labels):
        assert {labels[k] for k in group} == {min(group)}
        assert not any(guard(names)(a, b) for a, b in itertools.combinations(group, 2))
    assert all(labels[a] != labels[b] for a, b in apart if a != b)
    assert groups(labels) == reference(names, edges, apart)

    shuffled = [Edge(e.right, e.left, e.probability, e.weight) for e in edges]
    rng.shuffle(shuffled)
    records = rng.sample(KEYS, len(KEYS))
    assert cluster(records, shuffled, 0.5, guard(names), must_not_link=apart) == labels


@settings(max_examples=100, deadline=None)
@given(problems(), st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from(KEYS)), max_size=4))
def test_must_not_link_always_wins_and_must_link_otherwise_holds(
    problem: tuple[dict[str, str | None], list[Edge], list[tuple[str, str]]],
    together: list[tuple[str, str]],
) -> None:
    names, edges, apart = problem
    labels = cluster(KEYS, edges, 0.5, guard(names), must_link=together, must_not_link=apart)
    assert all(labels[a] != labels[b] for a, b in apart if a != b)
    if not apart:
        assert all(labels[a] == labels[b] for a, b in together)


# Two Jonathan Harrisons of one postcode, and a record of the first with his second e-mail.
CONTACTS = {
    "crm:1": ("jh@outlook.com", "+1555001", None, "50 jefferson street"),
    "web:1": ("jh@outlook.com", "+1555001", None, None),
    "crm:2": ("jh81@gmail.com", "+1555002", "1955-06-19", "1 pine street"),
    "shop:1": ("jh81@gmail.com", "+1555001", None, None),  # shares the first one's phone
}


@pytest.mark.parametrize(
    ("changed", "joined"),
    [
        ({}, False),  # e-mails and phones known on both sides, none shared
        ({"crm:2": ("jh81@gmail.com", None, "1955-06-19", "1 pine street")}, True),  # no phone
        ({"crm:1": ("jh@outlook.com", "+1555001", "1955-06-19", None)}, True),  # one birth date
        ({"crm:2": ("jh81@gmail.com", "+1555002", None, "50 jefferson street")}, True),  # street
    ],
)
def test_namesakes_who_share_no_contact_stay_apart(
    changed: dict[str, tuple[str | None, ...]], joined: bool
) -> None:
    contacts = CONTACTS | changed
    edges = [Edge("crm:1", "web:1", 0.99, 20.0), Edge("crm:1", "crm:2", 0.97, 5.0)]
    result = cluster_with_report(
        ["crm:1", "web:1", "crm:2"], edges, 0.9, never, contacts=contacts.__getitem__
    )
    assert (result.labels["crm:2"] == "crm:1") is joined
    assert result.refused == ([] if joined else [edges[1]])


def test_strangers_may_join_once_a_record_shares_a_contact() -> None:
    """A second e-mail and a new phone: the record that has both brings the two together."""
    edges = [
        Edge("crm:1", "crm:2", 0.99, 12.0),  # tried first: no contact shared yet
        Edge("crm:2", "shop:1", 0.95, 6.0),  # the same e-mail
        Edge("crm:1", "shop:1", 0.95, 5.0),  # the same phone
    ]
    records = ["crm:1", "crm:2", "shop:1"]
    labels = cluster(records, edges, 0.9, never, contacts=CONTACTS.__getitem__)
    assert set(labels.values()) == {"crm:1"}


def test_ties_go_to_the_smallest_keys_whatever_the_records_order() -> None:
    """Equal evidence: the pair of the smallest keys merges first, not the first records."""
    records = ["web:9", "crm:5", "app:1"]
    edges = [Edge("web:9", "crm:5", 0.9, 5.0), Edge("crm:5", "app:1", 0.9, 5.0)]

    def apart(a: str, b: str) -> bool:
        return {a, b} == {"web:9", "app:1"}

    result = cluster_with_report(records, edges, 0.5, apart)
    assert result.labels == {"web:9": "web:9", "crm:5": "app:1", "app:1": "app:1"}
    assert list(result.labels) == records
    assert result.refused == [edges[0]]


def test_a_label_is_the_smallest_key_of_its_cluster() -> None:
    records = ["z:3", "y:2", "x:1", "w:0"]
    edges = [
        Edge("z:3", "y:2", 0.9, 9.0),
        Edge("y:2", "x:1", 0.9, 8.0),
        Edge("x:1", "w:0", 0.9, 7.0),
    ]
    assert cluster(records, edges, 0.5, never) == dict.fromkeys(records, "w:0")


@settings(max_examples=200, deadline=None)
@given(problems(), st.randoms(use_true_random=False))
def test_ties_everywhere_still_ignore_the_order_of_records_and_edges(
    problem: tuple[dict[str, str | None], list[Edge], list[tuple[str, str]]],
    rng: random.Random,
) -> None:
    names, edges, apart = problem
    tied = [Edge(e.left, e.right, e.probability, 1.0) for e in edges]
    labels = cluster(KEYS, tied, 0.5, guard(names), must_not_link=apart, signature=names.get)
    for group in groups(labels):
        assert {labels[k] for k in group} == {min(group)}
    shuffled = [Edge(e.right, e.left, e.probability, e.weight) for e in tied]
    rng.shuffle(shuffled)
    records = rng.sample(KEYS, len(KEYS))
    again = cluster(records, shuffled, 0.5, guard(names), must_not_link=apart, signature=names.get)
    assert again == labels
    assert list(again) == records


def never_numbered(a: int, b: int) -> bool:
    return False


def _coded(edges: list[tuple[int, int, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    left, right, weight = zip(*edges, strict=True)
    return np.array(left), np.array(right), np.array(weight)


def test_records_numbered_in_key_order_cluster_as_their_keys() -> None:
    keys = sorted(NAMES)  # crm:anna, crm:ben, shop:x, web:anna
    labels = cluster_coded(
        len(keys),
        *_coded([(0, 3, 10.0), (2, 0, 3.0), (2, 3, 3.0), (2, 1, 5.0)]),
        conflict=lambda a, b: by_name(keys[a], keys[b]),
    )
    assert labels.tolist() == [0, 1, 0, 0]


def test_numbered_records_are_tested_once_per_pair_of_signatures() -> None:
    calls: list[tuple[int, int]] = []
    names = ["anna"] * 20 + ["ben"] * 20

    def counted(a: int, b: int) -> bool:
        calls.append((a, b))
        return names[a] != names[b]

    edges = [(a, b, 1.0) for a, b in itertools.combinations(range(40), 2)]
    signature = [0 if n == "anna" else 1 for n in names]
    labels = cluster_coded(40, *_coded(edges), counted, signature=signature.__getitem__)
    assert labels.tolist() == [0] * 20 + [20] * 20
    assert len(calls) == 3


@pytest.mark.parametrize(
    ("street", "joined"),
    [(21, False), (20, True)],  # another street, or the first one's: 50 jefferson street
)
def test_numbered_namesakes_who_share_no_contact_stay_apart(street: int, joined: bool) -> None:
    # crm:1, crm:2, web:1; e-mails 0-9, phones 10-19, streets 20-29 (-1: unknown).
    contacts = [(0, 10, -1, 20), (1, 11, -1, street), (0, 10, -1, -1)]
    labels = cluster_coded(
        3,
        *_coded([(0, 2, 20.0), (0, 1, 5.0)]),
        never_numbered,
        contacts=contacts.__getitem__,
    )
    assert labels.tolist() == ([0, 0, 0] if joined else [0, 1, 0])


def test_numbered_overrides_are_honoured() -> None:
    labels = cluster_coded(
        4,
        *_coded([(0, 1, 9.0), (1, 2, 8.0)]),
        never_numbered,
        must_link=[(3, 2)],
        must_not_link=[(3, 0)],
    )
    assert labels.tolist() == [0, 0, 2, 2]


def test_numbered_records_out_of_range_are_rejected() -> None:
    with pytest.raises(ValueError, match=r"outside 0\.\.1"):
        cluster_coded(2, *_coded([(0, 2, 1.0)]), never_numbered)
    with pytest.raises(ValueError, match=r"outside 0\.\.1"):
        cluster_coded(2, *_coded([(0, 1, 1.0)]), never_numbered, must_not_link=[(-1, 0)])


def _agglomerated(
    size: int,
    edges: list[tuple[int, int, float]],
    conflict: Callable[[int, int], bool],
    signature: Callable[[int], int] | None,
    contacts: Callable[[int], tuple[int, int, int, int]] | None,
) -> list[int]:
    """Every component merged edge by edge, none labelled whole at once."""
    state = _Agglomeration(size, conflict, signature, contacts)
    if edges:
        state.seed(*_coded(edges))
    state.run()
    return state.labels().tolist()


# Records, edges, each record's signature, the (ordered) conflicting signatures, contacts.
Numbered = tuple[
    int, list[tuple[int, int, float]], list[int], set[tuple[int, int]], list[tuple[int, ...]]
]


@st.composite
def numbered_problems(draw: st.DrawFn) -> Numbered:
    size = draw(st.integers(2, 14))
    record = st.integers(0, size - 1)
    pairs = draw(st.lists(st.tuples(record, record), max_size=30))
    weights = st.sampled_from([0.5, 1.0, 2.0, 3.0])
    edges = [(a, b, draw(weights)) for a, b in pairs]
    signs = [draw(st.integers(0, min(3, size - 1))) for _ in range(size)]  # below size
    # Conflicts one way round only are allowed: the shortcut must ask both ways.
    conflicts = draw(st.sets(st.tuples(st.integers(0, 3), st.integers(0, 3)), max_size=4))
    value = st.sampled_from([-1, -1, 0, 1])
    contacts = [(draw(value), draw(value) + 10, -1, -1) for _ in range(size)]
    return size, edges, signs, conflicts, contacts


@settings(max_examples=300, deadline=None)
@given(numbered_problems())
def test_components_labelled_whole_cluster_as_merged_edge_by_edge(problem: Numbered) -> None:
    size, edges, signs, conflicts, contacts = problem

    def conflict(a: int, b: int) -> bool:
        return (signs[a], signs[b]) in conflicts

    def coded(record: int) -> tuple[int, int, int, int]:
        mail, phone, born, street = contacts[record]
        return mail, phone if phone >= 10 else -1, born, street

    for signature in (signs.__getitem__, None):
        expected = _agglomerated(size, edges, conflict, signature, coded)
        left, right, weight = _coded(edges) if edges else ([], [], [])
        found = cluster_coded(size, left, right, weight, conflict, signature=signature,
                              contacts=coded)  # fmt: skip
        assert found.tolist() == expected


def test_a_component_without_conflicts_or_strangers_is_one_cluster() -> None:
    calls: list[tuple[int, int]] = []

    def counted(a: int, b: int) -> bool:
        calls.append((a, b))
        return False

    # 0-1-2 one e-mail (7); 3-4 two e-mails and two phones: strangers, kept apart.
    contacts = [(7, 20, -1, -1), (7, -1, -1, -1), (-1, 21, -1, -1), (8, 22, -1, -1),
                (9, 23, -1, -1)]  # fmt: skip
    labels = cluster_coded(
        5, *_coded([(2, 1, 1.0), (1, 0, 2.0), (3, 4, 5.0)]), counted,
        signature=[0, 0, 1, 2, 3].__getitem__, contacts=contacts.__getitem__,
    )  # fmt: skip
    assert labels.tolist() == [0, 0, 0, 3, 4]
    assert (2, 0) in calls and (0, 2) in calls  # both ways round, once each


def test_a_conflict_one_way_round_keeps_a_component_from_being_joined_at_once() -> None:
    labels = cluster_coded(3, *_coded([(0, 1, 5.0), (1, 2, 1.0)]), lambda a, b: (a, b) == (2, 0))
    assert labels.tolist() == _agglomerated(3, [(0, 1, 5.0), (1, 2, 1.0)],
                                            lambda a, b: (a, b) == (2, 0), None, None)  # fmt: skip


def test_a_component_with_a_weight_that_is_no_number_is_merged_edge_by_edge() -> None:
    edges = [(0, 1, float("nan")), (1, 2, 1.0)]
    labels = cluster_coded(3, *_coded(edges), never_numbered)
    assert labels.tolist() == _agglomerated(3, edges, never_numbered, None, None) == [0, 1, 1]

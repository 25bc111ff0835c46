"""From scored pairs to customers: the e-mail rule and the over-merge guard."""

from __future__ import annotations

import json
from datetime import date

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.identity.resolve import (
    Overrides,
    Person,
    _owner,
    deterministic,
    disagree,
    people,
    resolve,
)
from c360.identity.similarity import dates_compatible, names_compatible


def _records() -> pa.Table:
    return pa.table(
        {
            "record_key": ["crm:1", "web:1", "web:2", "shop:1"],
            "source": ["crm", "web", "web", "shop"],
            "record_id": ["1", "1", "2", "1"],
            "first_name": ["jonathan", "jonny", "marc", "emma"],
            "last_name": ["roy", "roy", "roy", "roy"],
            "date_of_birth": pa.array([date(1980, 5, 4), None, None, date(1981, 2, 3)]),
        }
    )


def _pairs() -> pa.Table:
    # Every pair shares the household e-mail (gamma 1 on the e-mail comparison).
    return pa.table(
        {
            "record_key_l": ["crm:1", "crm:1", "crm:1", "web:1", "web:1", "web:2"],
            "record_key_r": ["web:1", "web:2", "shop:1", "web:2", "shop:1", "shop:1"],
            "match_probability": [0.5] * 6,
            "match_weight": [0.0] * 6,
            "gamma_email_canonical": [1] * 6,
        }
    )


def test_rule_links_a_shared_email_unless_names_disagree() -> None:
    assert deterministic(_pairs(), people(_records())).to_pylist() == [
        True,
        False,
        False,
        False,
        False,
        False,
    ]


def test_a_shared_source_id_or_national_id_is_a_rule_too() -> None:
    nobody = (None, None, None)
    who = {"crm:1": ("jonathan", "roy", *nobody), "web:1": (None, None, *nobody),
           "web:2": ("marc", "roy", *nobody), "shop:1": ("emma", "roy", *nobody)}  # fmt: skip
    pairs = _pairs().drop_columns(["gamma_email_canonical"])
    pairs = pairs.append_column("gamma_source_id", pa.array([1, 0, -1, 0, 0, 0]))
    pairs = pairs.append_column("gamma_national_id", pa.array([0, 0, 0, 0, 1, 1]))
    # crm:1 ~ web:1 share an id and web:1 has no name; web:2 ~ shop:1 disagree on first names.
    assert deterministic(pairs, who).to_pylist() == [True, False, False, False, True, False]


def test_household_email_keeps_people_apart() -> None:
    resolution = resolve(_records(), _pairs(), 0.9, Overrides(), {}, {}, "run", 1)
    ids = dict(
        zip(
            resolution.links.column("record_key").to_pylist(),
            resolution.links.column("customer360_id").to_pylist(),
            strict=True,
        )
    )
    assert ids["crm:1"] == ids["web:1"]  # a nickname is the same person
    assert len({ids["crm:1"], ids["web:2"], ids["shop:1"]}) == 3
    decisions = resolution.pairs.column("decision").to_pylist()
    assert decisions == ["rule"] + ["below_threshold"] * 5


def test_a_rule_pair_kept_apart_by_its_cluster_is_refused() -> None:
    # web:1 shares an e-mail with crm:1 and crm:2; the two CRM records are different people
    # (the pair between them links them to nobody), so web:1 joins only one of them.
    records = pa.table(
        {
            "record_key": ["crm:1", "crm:2", "web:1"],
            "source": ["crm", "crm", "web"],
            "record_id": ["1", "2", "1"],
            "first_name": ["jean", "marc", None],
            "last_name": ["roy", "roy", None],
            "date_of_birth": pa.array([None, None, None], pa.date32()),
        }
    )
    pairs = pa.table(
        {
            "record_key_l": ["crm:1", "crm:2"],
            "record_key_r": ["web:1", "web:1"],
            "match_probability": [0.5, 0.5],
            "match_weight": [5.0, 4.0],
            "gamma_email_canonical": [1, 1],
        }
    )
    resolution = resolve(records, pairs, 0.9, Overrides(), {}, {}, "run", 1)
    ids = dict(
        zip(
            resolution.links.column("record_key").to_pylist(),
            resolution.links.column("customer360_id").to_pylist(),
            strict=True,
        )
    )
    assert ids["web:1"] == ids["crm:1"] != ids["crm:2"]
    assert resolution.pairs.column("decision").to_pylist() == ["rule", "refused"]


def _ids(resolution) -> dict[str, str]:  # type: ignore[no-untyped-def]
    links = resolution.links
    return dict(
        zip(links["record_key"].to_pylist(), links["customer360_id"].to_pylist(), strict=True)
    )


@pytest.mark.parametrize(
    ("mailbox", "crm_first", "joined"),
    [
        ("samuel.lee@yahoo.com", "fiona", False),  # a household address: Samuel's own record
        ("fiona.lee@yahoo.com", "fiona", True),
        ("bob.lee@yahoo.com", "robert", True),  # a nickname
        ("samuel.lee@yahoo.com", "smuel", True),  # a typo is no known name to refuse
        ("jean-baptiste.lee@free.fr", "jb", True),  # nor are initials
        ("slee@yahoo.com", "fiona", True),  # no given name in the mailbox
    ],
)
def test_a_nameless_record_stands_for_its_mailbox_owner_against_a_known_name(
    mailbox: str, crm_first: str, joined: bool
) -> None:
    records = pa.table(
        {
            "record_key": ["crm:1", "customers:1"],
            "source": ["crm", "customers"],
            "record_id": ["1", "1"],
            "first_name": [crm_first, None],
            "last_name": ["lee", None],
            "date_of_birth": pa.array([None, None], pa.date32()),
            "email": [mailbox, mailbox],
        }
    )
    pairs = pa.table(
        {
            "record_key_l": ["crm:1"],
            "record_key_r": ["customers:1"],
            "match_probability": [0.99],
            "match_weight": [9.0],
            "gamma_email_canonical": [1],
        }
    )
    ids = _ids(resolve(records, pairs, 0.9, Overrides(), {}, {}, "run", 1))
    assert (ids["crm:1"] == ids["customers:1"]) is joined


@pytest.mark.parametrize(
    ("mailbox", "apart"),
    [
        ("bnowak", True),  # B. Nowak's household address: not Kerstin's own record
        ("b.nowak", True),
        ("rociog98", True),  # Rocío G.
        ("kerstin.nowak", False),
        ("knowak", False),
        ("kerstinn", False),  # her name and her surname's initial
        ("info", False),  # says nothing of its owner
    ],
)
def test_a_nameless_record_stands_for_its_mailboxs_owner(mailbox: str, apart: bool) -> None:
    records = pa.table(
        {
            "record_key": ["crm:1", "shop:1"],
            "first_name": ["kerstin", None],
            "last_name": ["nowak", None],
            "date_of_birth": pa.array([None, None], pa.date32()),
            "email": [f"{mailbox}@gmx.de"] * 2,
            "email_local": ["".join(c for c in mailbox if c.isalpha())] * 2,
        }
    )
    who = people(records)
    if mailbox == "rociog98":
        who["crm:1"] = ("raquel", "gimenez", None, None, None)
    assert disagree(who["crm:1"], who["shop:1"]) is apart
    assert disagree(who["shop:1"], who["crm:1"]) is apart


@pytest.mark.parametrize(
    ("mailbox", "first", "last", "apart"),
    [
        ("mmartinez", "patrick", "martinez", True),  # the surname's initial is no first name
        ("alegoff", "elodie", "le goff", True),
        ("mariaangeleslorenzo", "julian", "lorenzo", True),  # two given names run together
        ("pmartinez", "patrick", "martinez", False),
        ("mariaangeleslorenzo", "maria angeles", "lorenzo", False),
        ("stuarts", "stewart", "stuart", False),  # Stuart S., his record's names swapped
    ],
)
def test_a_mailbox_owner_keeps_the_surname_it_was_read_beside(
    mailbox: str, first: str, last: str, apart: bool
) -> None:
    records = pa.table(
        {
            "record_key": ["crm:1", "customers:1"],
            "first_name": [first, None],
            "last_name": [last, None],
            "date_of_birth": pa.array([None, None], pa.date32()),
            "email": [f"{mailbox}@free.fr"] * 2,
            "email_local": [mailbox] * 2,
        }
    )
    who = people(records)
    assert disagree(who["crm:1"], who["customers:1"]) is apart
    assert disagree(who["customers:1"], who["crm:1"]) is apart


def _roys(keys: list[str], first: list[str | None]) -> pa.Table:
    return pa.table(
        {
            "record_key": keys,
            "source": [k.split(":")[0] for k in keys],
            "record_id": [k.split(":")[1] for k in keys],
            "first_name": first,
            "last_name": ["roy"] * len(keys),
            "date_of_birth": pa.array([None] * len(keys), pa.date32()),
        }
    )


def _scored(rows: list[tuple[str, str, float, float]]) -> pa.Table:
    left, right, probability, weight = (list(c) for c in zip(*rows, strict=True))
    return pa.table(
        {
            "record_key_l": left,
            "record_key_r": right,
            "match_probability": probability,
            "match_weight": weight,
        }
    )


def test_equal_evidence_goes_to_the_smallest_keys_not_the_first_rows() -> None:
    # crm:5 has no first name: it may join either; web:9 (Anna) and app:1 (Ben) never meet.
    records = _roys(["web:9", "crm:5", "app:1"], ["anna", None, "ben"])
    pairs = _scored([("web:9", "crm:5", 0.95, 5.0), ("crm:5", "app:1", 0.95, 5.0)])
    resolution = resolve(records, pairs, 0.9, Overrides(), {}, {}, "run", 1)
    assert resolution.links.column("customer360_id").to_pylist() == [
        "c360_00000002",
        "c360_00000001",
        "c360_00000001",
    ]
    assert resolution.pairs.column("decision").to_pylist() == ["refused", "linked"]


def test_a_merge_names_the_strongest_pairs_between_the_ids_it_joins() -> None:
    records = _roys(["c:1", "b:1", "a:2", "a:1"], ["jean"] * 4)
    pairs = _scored(
        [
            ("a:1", "a:2", 0.99, 20.0),  # one id already: joins nothing
            ("a:1", "b:1", 0.99, 6.0),
            ("a:2", "b:1", 0.99, 6.0),  # a tie keeps the pairs' order
            ("c:1", "a:2", 0.5, 30.0),  # below the threshold
            ("b:1", "c:1", 0.99, 7.0),
            ("a:1", "c:1", 0.99, 2.0),
        ]
    )
    previous = {"a:1": "c360_00000001", "a:2": "c360_00000001", "b:1": "c360_00000002"}
    previous |= {"c:1": "c360_00000003"}
    resolution = resolve(records, pairs, 0.9, Overrides(), previous, {}, "run", 4)
    (merge,) = resolution.assignment.events
    assert merge.ids_before == ("c360_00000001", "c360_00000002", "c360_00000003")
    assert json.loads(merge.evidence) == [
        {"left": "b:1", "right": "c:1", "match_weight": 7.0},
        {"left": "a:1", "right": "b:1", "match_weight": 6.0},
        {"left": "a:2", "right": "b:1", "match_weight": 6.0},
    ]
    assert set(resolution.links.column("customer360_id").to_pylist()) == {"c360_00000001"}


def test_overrides_apply_to_the_records_they_name() -> None:
    records = _roys(["web:9", "crm:5", "app:1"], ["anna", "anna", "anna"])
    pairs = _scored([("web:9", "crm:5", 0.95, 5.0), ("crm:5", "app:1", 0.95, 4.0)])
    overrides = Overrides(must_link=(("app:1", "web:9"),), must_not_link=(("crm:5", "app:1"),))
    resolution = resolve(records, pairs, 0.9, overrides, {}, {}, "run", 1)
    ids = _ids(resolution)
    assert ids["app:1"] == ids["web:9"] != ids["crm:5"]
    assert resolution.pairs.column("decision").to_pylist() == ["refused", "refused"]


def test_overrides_naming_unknown_records_are_rejected() -> None:
    overrides = Overrides(must_not_link=(("crm:1", "crm:9"),))
    with pytest.raises(ValueError, match="unknown records: crm:9"):
        resolve(_records(), _pairs(), 0.9, overrides, {}, {}, "run", 1)


def test_a_pair_of_a_record_with_itself_links_nothing_even_unknown() -> None:
    pairs = _scored([("web:9", "web:9", 0.99, 3.0), ("zz:1", "zz:1", 0.99, 3.0)])
    resolution = resolve(_roys(["web:9"], ["anna"]), pairs, 0.9, Overrides(), {}, {}, "run", 1)
    assert resolution.pairs.column("decision").to_pylist() == ["linked", "linked"]
    assert resolution.links.column("customer360_id").to_pylist() == ["c360_00000001"]


def test_a_pair_above_the_threshold_naming_an_unknown_record_is_rejected() -> None:
    records = _roys(["web:9", "crm:5"], ["anna", "anna"])
    below = _scored([("web:9", "zz:1", 0.5, 3.0), ("web:9", "crm:5", 0.99, 3.0)])
    assert len(set(_ids(resolve(records, below, 0.9, Overrides(), {}, {}, "run", 1)).values())) == 1
    above = _scored([("web:9", "zz:1", 0.95, 3.0)])
    with pytest.raises(ValueError, match="unknown records: \\['zz:1'\\]"):
        resolve(records, above, 0.9, Overrides(), {}, {}, "run", 1)


def test_without_pairs_every_record_is_a_customer_of_its_own() -> None:
    empty = {"record_key_l": [], "record_key_r": [], "match_probability": [], "match_weight": []}
    resolution = resolve(_records(), pa.table(empty), 0.9, Overrides(), {}, {}, "run", 1)
    assert len(set(resolution.links.column("customer360_id").to_pylist())) == 4
    assert resolution.pairs.num_rows == 0


def test_no_records_in_chunks_of_nothing_resolve_to_nobody() -> None:
    """What filtering every row away leaves: columns of zero chunks, dates among them."""
    records = pa.table(
        {c: pa.chunked_array([], _records()[c].type) for c in _records().schema.names}
    )
    pairs = _pairs().slice(0, 0)
    resolution = resolve(records, pairs, 0.9, Overrides(), {}, {}, "run", 1)
    assert resolution.links.num_rows == 0 and resolution.pairs.num_rows == 0


def _disagree_as_written(a: Person, b: Person) -> bool:
    """The guard read in full: each side's owner, then names and dates."""
    (first_a, last_a), (first_b, last_b) = _owner(a, b), _owner(b, a)
    names = names_compatible(first_a, last_a, first_b, last_b)
    return not names or not dates_compatible(a[2], b[2])


_PERSONS = st.tuples(
    st.sampled_from([None, "anna", "ana", "ben", "fiona", "samuel", "roy"]),
    st.sampled_from([None, "roy", "lee", "robinson", "anna"]),
    st.sampled_from([None, date(1980, 5, 4), date(1980, 4, 5), date(1990, 5, 4)]),
    st.sampled_from([None, "samuel", "fiona"]),
    st.sampled_from([None, "grobinson", "slee", "annaroy"]),
)


@settings(max_examples=400, deadline=None)
@given(_PERSONS, _PERSONS)
def test_the_guard_answers_as_the_names_and_dates_read_in_full(a: Person, b: Person) -> None:
    assert disagree(a, b) == _disagree_as_written(a, b)


def test_one_first_name_leaves_the_dates_to_decide() -> None:
    anna = ("anna", "roy", date(1980, 5, 4), None, None)
    assert not disagree(anna, ("anna", "lee", None, None, None))
    assert not disagree(anna, ("anna", "roy", date(1980, 4, 5), None, None))  # day/month swap
    assert disagree(anna, ("anna", "roy", date(1990, 7, 4), None, None))
    assert disagree(anna, ("ben", "roy", date(1980, 5, 4), None, None))

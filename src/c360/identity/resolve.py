"""From scored pairs to persistent customers: deterministic rules, guarded clustering, ids.

Pure: records, scored pairs, overrides and the previous run's ids in; links, decided pairs,
ledger events and aliases out.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.identity.cluster import CodedConflict, CodedContacts, CodedSignature, cluster_coded
from c360.identity.given_names import listed
from c360.identity.ids import Assignment, LedgerEvent, assign_ids
from c360.identity.matching import RULE_COMPARISONS
from c360.identity.normalise import is_known_given, mailbox_given_name, name_key, per_value
from c360.identity.similarity import dates_compatible, names_compatible

# First name, last name, birth date, the given name the mailbox opens with, and the letters of
# the mailbox of a record without a first name.
Person = tuple[str | None, str | None, date | None, str | None, str | None]


@dataclass(frozen=True)
class Overrides:
    """Pairs users decided themselves (record keys ``source:id``)."""

    must_link: tuple[tuple[str, str], ...] = ()
    must_not_link: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Resolution:
    """Who is who after this run."""

    links: pa.Table  # record_key, source, record_id, customer360_id
    pairs: pa.Table  # every scored pair with its decision and evidence
    assignment: Assignment


def _person_columns(records: pa.Table) -> list[pa.Array | pa.ChunkedArray]:
    """The five parts of each record's :data:`Person`, as columns."""
    nothing = pa.nulls(records.num_rows, pa.string())
    mailbox = letters = nothing
    if "email" in records.column_names:
        mailbox = per_value(records.column("email").combine_chunks(), mailbox_given_name)
    if "email_local" in records.column_names and "first_name" in records.column_names:
        nameless = pc.is_null(records.column("first_name"))
        letters = pc.if_else(nameless, records.column("email_local"), nothing)
    columns = [records.column(c) for c in ("first_name", "last_name", "date_of_birth")]
    return [*columns, mailbox, letters]


def people(records: pa.Table) -> dict[str, Person]:
    """What the over-merge guard compares, per record: first and last name, birth date, the
    known given name the record's mailbox opens with ("samuel.lee@…"), and, for a record without
    a first name, its mailbox's letters ("bnowak")."""
    return dict(
        zip(
            records.column("record_key").to_pylist(),
            zip(*(c.to_pylist() for c in _person_columns(records)), strict=True),
            strict=True,
        )
    )


def _numbered(column: pa.Array | pa.ChunkedArray, rows: np.ndarray) -> tuple[np.ndarray, pa.Array]:
    """The values at ``rows``, each as the index of a distinct value (-1: null), and those
    distinct values."""
    if isinstance(column, pa.ChunkedArray):  # combined before encoding: Arrow cannot combine
        column = column.combine_chunks()  # zero chunks of dictionaries of dates
    encoded = pc.dictionary_encode(column.take(rows))
    return pc.fill_null(encoded.indices, -1).to_numpy().astype(np.int64), encoded.dictionary


def _persons(records: pa.Table, rows: np.ndarray) -> tuple[np.ndarray, list[Person]]:
    """Each record's person, an index into the distinct :data:`Person` values (records ``rows``
    in turn), and those values: records that look alike share one, and its strings."""
    parts = [_numbered(column, rows) for column in _person_columns(records)]
    person = np.zeros(len(rows), dtype=np.int64)
    for indices, values in parts:  # one number per distinct combination so far
        combined = person * (len(values) + 1) + (indices + 1)
        _, person = np.unique(combined, return_inverse=True)
    first = np.unique(person, return_index=True)[1]  # a record of each person
    columns = []
    for indices, values in parts:
        python = values.to_pylist()
        columns.append([None if i < 0 else python[i] for i in indices[first].tolist()])
    return person, list(zip(*columns, strict=True))


def _contacts(records: pa.Table, rows: np.ndarray) -> CodedContacts:
    """Each record's e-mail (canonical), phone, birth date and street address (records ``rows``
    in turn), as numbers, -1 where it has none: what tells namesakes apart in
    :func:`c360.identity.cluster.cluster_coded`. Each of the four has numbers of its own."""
    nothing = pa.nulls(records.num_rows, pa.string())
    columns = [
        records.column(c) if c in records.column_names else nothing
        for c in ("email_canonical", "phone", "date_of_birth", "address_line")
    ]
    columns[2] = pc.cast(columns[2], pa.int32())
    numbers, start = [], 0
    for column in columns:
        indices, values = _numbered(column, rows)
        numbers.append(
            array("i", np.where(indices < 0, -1, indices + start).astype(np.int32).tobytes())
        )
        start += len(values)
    mail, phone, born, street = numbers

    def contacts(record: int) -> tuple[int, int, int, int]:
        return mail[record], phone[record], born[record], street[record]

    return contacts


def mailbox_owner(letters: str | None, surname: str | None) -> str | None:
    """The given name or initial a mailbox puts beside ``surname``: "bnowak" or "b.nowak" is
    B. Nowak's, "rociog98" Rocío G.'s, "juliahorn" Julia Horn's, "mariaangeleslorenzo" María
    Ángeles Lorenzo's; None when it does not read so.

    >>> mailbox_owner("bnowak", "Nowak"), mailbox_owner("rociog", "Giménez")
    ('b', 'rocio')
    """
    family = (name_key(surname) or "").replace(" ", "")
    if not letters or not family:
        return None
    if letters.endswith(family):
        given = letters[: -len(family)]
    elif letters[-1] == family[0]:
        given = letters[:-1]
    else:
        return None
    if len(given) == 1 or listed(given):
        return given
    two = (f"{given[:i]} {given[i:]}" for i in range(2, len(given) - 1))
    return next((n for n in two if all(map(listed, n.split()))), None)


def _owner(a: Person, b: Person) -> tuple[str | None, str | None]:
    """Whom nameless ``a`` stands for against ``b``: its mailbox's owner, if ``b`` has a listed
    given name to compare with, and the surname when the mailbox spells it out (so "M." of
    "mmartinez" is no Martinez swapped first for last). Against a typo or initials the mailbox
    says nothing."""
    if a[0] is not None or not is_known_given(name_key(b[0])):
        return a[0], a[1]
    if a[3] is not None:
        return a[3], a[1]
    owner = mailbox_owner(a[4], b[1])
    family = (name_key(b[1]) or "").replace(" ", "")
    spelt = owner is not None and (a[4] or "").endswith(family)
    return owner, b[1] if spelt else a[1]


def disagree(a: Person, b: Person) -> bool:
    """Two records that cannot be one person: first names or birth dates clearly differ.

    A record without a first name stands for its mailbox's owner against a known given name: a
    nameless "samuel.lee@…" is no Fiona's, though she gave that household address too, nor is
    "grobinson@…" Fiona Robinson's. Against a typo or initials ("Mua", "J.-B.") the mailbox
    says nothing.
    """
    if not dates_compatible(a[2], b[2]):
        return True
    if a[0] is not None and b[0] is not None:  # no mailbox stands in: the names as written
        return a[0] != b[0] and not names_compatible(a[0], a[1], b[0], b[1])
    (first_a, last_a), (first_b, last_b) = _owner(a, b), _owner(b, a)
    return not names_compatible(first_a, last_a, first_b, last_b)


def _rule(pairs: pa.Table) -> pa.Array | pa.ChunkedArray | None:
    """Pairs with the same e-mail or a shared id (None when no such comparison was made)."""
    rule = None
    for comparison, level in RULE_COMPARISONS.items():
        if f"gamma_{comparison}" in pairs.column_names:
            same = pc.equal(pairs.column(f"gamma_{comparison}"), level)
            rule = same if rule is None else pc.or_(rule, same)
    return rule


def deterministic(pairs: pa.Table, who: Mapping[str, Person]) -> pa.Array:
    """Pairs linked by rule: the same e-mail or a shared id, and nothing that disagrees."""
    number = {key: i for i, key in enumerate(who)}

    def numbers(side: str) -> np.ndarray:
        keys = pairs.column(f"record_key_{side}").to_pylist()
        return np.array([number.get(k, -1) for k in keys], dtype=np.int64)

    return _ruled(pairs, numbers("l"), numbers("r"), np.arange(len(who)), list(who.values()))


def _ruled(
    pairs: pa.Table,
    left: np.ndarray,
    right: np.ndarray,
    person: np.ndarray,
    persons: list[Person],
    verdicts: dict[int, bool] | None = None,
) -> pa.Array:
    """:func:`deterministic` for numbered records (``left``, ``right``: -1 for an unknown key),
    the guard asked once per distinct pair of persons; ``verdicts`` is given what it answered
    (:func:`disagree` of persons ``i`` and ``j`` under ``i * len(persons) + j``)."""
    flags = np.zeros(pairs.num_rows, dtype=bool)
    if (rule := _rule(pairs)) is None:
        return pa.array(flags)
    flagged = pc.indices_nonzero(pc.fill_null(rule, False)).to_numpy()
    a, b = left[flagged], right[flagged]
    if len(unknown := np.flatnonzero((a < 0) | (b < 0))):
        row, side = int(flagged[unknown[0]]), "l" if a[unknown[0]] < 0 else "r"
        raise KeyError(pairs.column(f"record_key_{side}")[row].as_py())
    count = len(persons)
    distinct, inverse = np.unique(person[a] * count + person[b], return_inverse=True)
    keys = distinct.tolist()
    found = [disagree(persons[p // count], persons[p % count]) for p in keys]
    if verdicts is not None:
        verdicts.update(zip(keys, found, strict=True))
    flags[flagged] = ~np.array(found, dtype=bool)[inverse]
    return pa.array(flags)


def _numbering(keys: pa.ChunkedArray) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """Records numbered in the order of their keys: the distinct keys sorted, each row's number,
    and the row each number stands for (of a repeated key, its last, as a dict keeps)."""
    distinct = pc.unique(keys)
    names = distinct.take(pc.sort_indices(distinct))
    number = pc.index_in(keys, value_set=names).to_numpy().astype(np.int64)
    last = np.unique(number[::-1], return_index=True)[1]
    return names, number, len(number) - 1 - last


def _merge_evidence(
    events: list[LedgerEvent],
    previous: Mapping[str, str],
    names: pa.Array,
    edges: tuple[pa.Table, np.ndarray, np.ndarray, np.ndarray],
) -> list[LedgerEvent]:
    """Each merge with the strongest pairs joining the customers it brought together, as JSON.

    ``edges`` are the pairs the clustering looked at: the scored pairs, the rows, and the
    numbers of their two records (-1 for an unknown key)."""
    if not any(e.kind == "merge" for e in events):
        return events
    pairs, rows, left, right = edges
    held = pc.index_in(names, value_set=pa.array(list(previous), pa.string()))
    ids = pc.dictionary_encode(pa.array(list(previous.values()), pa.string()))
    id_of = pc.fill_null(pc.take(ids.indices, held), -1).to_numpy().astype(np.int64)
    id_of = np.append(id_of, -1)  # an unknown record (-1) held no id
    id_left, id_right = id_of[left], id_of[right]
    joining = np.flatnonzero((id_left >= 0) & (id_right >= 0) & (id_left != id_right))
    joining = joining[np.argsort(id_left[joining], kind="stable")]  # by id, then pair order
    starts = np.searchsorted(id_left[joining], np.arange(len(ids.dictionary) + 1))
    number = {v: i for i, v in enumerate(ids.dictionary.to_pylist())}
    weights = pairs.column("match_weight").take(pa.array(rows)).to_pylist()
    explained = []
    for event in events:
        if event.kind != "merge":
            explained.append(event)
            continue
        before = {number[i] for i in event.ids_before if i in number}
        found = sorted(
            p
            for i in before
            for p in joining[starts[i] : starts[i + 1]].tolist()
            if id_right[p] in before
        )
        found.sort(key=lambda p: -weights[p])
        text = json.dumps(
            [
                {
                    "left": pairs.column("record_key_l")[int(rows[p])].as_py(),
                    "right": pairs.column("record_key_r")[int(rows[p])].as_py(),
                    "match_weight": round(weights[p], 2),
                }
                for p in found[:3]
            ]
        )
        explained.append(replace(event, evidence=text))
    return explained


def _check_kept(
    pairs: pa.Table, index: pa.Array, left: np.ndarray, right: np.ndarray, weights: pa.ChunkedArray
) -> None:
    """Fail on an above-threshold pair naming an unknown record (-1) or without a match weight,
    as the clustering would; a pair of a record with itself links nothing."""
    if not ((left < 0) | (right < 0)).any() and not weights.null_count:
        return
    named = zip(
        pairs.column("record_key_l").take(index).to_pylist(),
        pairs.column("record_key_r").take(index).to_pylist(),
        left.tolist(),
        right.tolist(),
        weights.to_pylist(),
        strict=True,
    )
    unknown: set[str] = set()
    weightless = False
    for a, b, number_a, number_b, weight in named:
        if a != b:
            unknown.update(k for k, n in ((a, number_a), (b, number_b)) if n < 0)
            weightless |= weight is None
    if unknown:
        raise ValueError(f"edges or overrides name unknown records: {sorted(unknown)[:5]}")
    if weightless:
        raise TypeError("a pair at or above the threshold has no match weight")


def _guard(
    person: np.ndarray, persons: list[Person], verdicts: dict[int, bool]
) -> tuple[CodedConflict, CodedSignature]:
    """The over-merge guard between numbered records, and each one's person as its signature;
    ``verdicts`` holds what :func:`disagree` answered already (see :func:`_ruled`), and is given
    its new answers: the clustering may ask twice."""
    signed = array("q", person.tobytes())
    count = len(persons)

    def conflict(a: int, b: int) -> bool:
        key = signed[a] * count + signed[b]
        known = verdicts.get(key)
        if known is None:
            known = verdicts[key] = disagree(persons[signed[a]], persons[signed[b]])
        return known

    return conflict, signed.__getitem__


def resolve(
    records: pa.Table,
    pairs: pa.Table,
    threshold: float,
    overrides: Overrides,
    previous: Mapping[str, str],
    previous_aliases: Mapping[str, str],
    run_id: str,
    next_number: int,
    former: Iterable[tuple[str, str]] = (),
) -> Resolution:
    """Cluster the records and give every cluster its persistent ``customer360_id``.

    ``former`` lists (record, retired id it held before a merge): see ``assign_ids``. Records
    are numbered in the order of their keys while they are clustered: arrays and small ints
    instead of dicts and tuples of key strings.
    """
    keys = records.column("record_key")
    names, number, rows = _numbering(keys)

    def numbers(column: pa.Array | pa.ChunkedArray) -> np.ndarray:
        found = pc.index_in(column.cast(names.type), value_set=names)
        return pc.fill_null(found, -1).to_numpy().astype(np.int64)

    named = sorted({k for pair in overrides.must_link + overrides.must_not_link for k in pair})
    override = dict(zip(named, numbers(pa.array(named, pa.string())).tolist(), strict=True))
    if unknown := [k for k, n in override.items() if n < 0]:
        raise ValueError(f"identity overrides name unknown records: {', '.join(unknown)}")
    left, right = numbers(pairs.column("record_key_l")), numbers(pairs.column("record_key_r"))
    person, persons = _persons(records, rows)
    verdicts: dict[int, bool] = {}  # the rule pairs' guard, asked again by the clustering
    ruled = _ruled(pairs, left, right, person, persons, verdicts)
    probability = pc.if_else(ruled, 1.0, pairs.column("match_probability"))
    above = pc.greater_equal(probability, threshold)
    kept = pc.indices_nonzero(above)  # the rest cannot link anything
    index = kept.to_numpy()
    kept_left, kept_right = left[index], right[index]
    weights = pairs.column("match_weight").take(kept)
    _check_kept(pairs, kept, kept_left, kept_right, weights)
    conflict, signature = _guard(person, persons, verdicts)
    contacts = _contacts(records, rows)
    pa.default_memory_pool().release_unused()  # freed Arrow buffers: back to the system
    joins = kept_left != kept_right  # a pair of a record with itself links nothing
    label = cluster_coded(
        len(names),
        kept_left[joins],
        kept_right[joins],
        weights.to_numpy()[joins],
        conflict,
        must_link=[(override[a], override[b]) for a, b in overrides.must_link],
        must_not_link=[(override[a], override[b]) for a, b in overrides.must_not_link],
        signature=signature,
        contacts=contacts,
    )
    del person, persons, conflict, signature, contacts, verdicts  # the guard's memory can go
    key_list = keys.to_pylist()
    key_of = np.empty(len(names), dtype=object)
    key_of[number] = np.array(key_list, dtype=object)
    labels = dict(zip(key_list, key_of[label[number]].tolist(), strict=True))
    assignment = assign_ids(
        labels,
        previous,
        run_id,
        next_number,
        previous_aliases=previous_aliases,
        former=former,
    )
    del labels  # as large as the ids
    events = _merge_evidence(
        assignment.events, previous, names, (pairs, index, kept_left, kept_right)
    )
    assignment = replace(assignment, events=events)
    ids = assignment.ids
    links = pa.table(
        {
            "record_key": key_list,
            "source": records.column("source"),
            "record_id": records.column("record_id"),
            "customer360_id": [ids[k] for k in key_list],
        }
    )
    was_refused = np.zeros(pairs.num_rows, dtype=bool)
    was_refused[index] = joins & (label[kept_left] != label[kept_right])
    # A rule pair is refused too when other records of the two clusters conflict.
    decisions = pc.if_else(
        was_refused,
        "refused",
        pc.if_else(ruled, "rule", pc.if_else(above, "linked", "below_threshold")),
    )
    decided = pairs.append_column("decision", decisions)
    return Resolution(links, decided, assignment)

"""From scored pairs to persistent customers: deterministic rules, guarded clustering, ids.

Pure: records, scored pairs, overrides and the previous run's ids in; links, decided pairs,
ledger events and aliases out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.identity.cluster import Edge, cluster_with_report
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


def people(records: pa.Table) -> dict[str, Person]:
    """What the over-merge guard compares, per record: first and last name, birth date, the
    known given name the record's mailbox opens with ("samuel.lee@…"), and, for a record without
    a first name, its mailbox's letters ("bnowak")."""
    nothing = pa.nulls(records.num_rows, pa.string())
    mailbox = letters = nothing
    if "email" in records.column_names:
        mailbox = per_value(records.column("email").combine_chunks(), mailbox_given_name)
    if "email_local" in records.column_names and "first_name" in records.column_names:
        nameless = pc.is_null(records.column("first_name"))
        letters = pc.if_else(nameless, records.column("email_local"), nothing)
    columns = [records.column(c) for c in ("first_name", "last_name", "date_of_birth")]
    return dict(
        zip(
            records.column("record_key").to_pylist(),
            zip(*(c.to_pylist() for c in (*columns, mailbox, letters)), strict=True),
            strict=True,
        )
    )


def contacts(records: pa.Table) -> dict[str, tuple[Any, Any, Any, Any]]:
    """Each record's e-mail (canonical), phone, birth date (a day number) and street address,
    None where it has none: what tells namesakes apart in :func:`c360.identity.cluster.cluster`."""
    nothing = pa.nulls(records.num_rows, pa.string())
    columns = [
        records.column(c) if c in records.column_names else nothing
        for c in ("email_canonical", "phone", "date_of_birth", "address_line")
    ]
    columns[2] = pc.cast(columns[2], pa.int32())  # only compared: ints read far faster than dates
    keys = records.column("record_key").to_pylist()
    return dict(zip(keys, zip(*(c.to_pylist() for c in columns), strict=True), strict=True))


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
    (first_a, last_a), (first_b, last_b) = _owner(a, b), _owner(b, a)
    names = names_compatible(first_a, last_a, first_b, last_b)
    return not names or not dates_compatible(a[2], b[2])


def deterministic(pairs: pa.Table, who: Mapping[str, Person]) -> pa.Array:
    """Pairs linked by rule: the same e-mail or shared id, and nothing that disagrees."""
    rule = None
    for comparison, level in RULE_COMPARISONS.items():
        if f"gamma_{comparison}" in pairs.column_names:
            same = pc.equal(pairs.column(f"gamma_{comparison}"), level)
            rule = same if rule is None else pc.or_(rule, same)
    flags = np.zeros(pairs.num_rows, dtype=bool)
    if rule is None:
        return pa.array(flags)
    flagged = pc.indices_nonzero(pc.fill_null(rule, False))  # only these need the guard
    left = pairs.column("record_key_l").take(flagged).to_pylist()
    right = pairs.column("record_key_r").take(flagged).to_pylist()
    flags[flagged.to_numpy()] = [
        not disagree(who[a], who[b]) for a, b in zip(left, right, strict=True)
    ]
    return pa.array(flags)


def _edges(pairs: pa.Table, probability: pa.ChunkedArray, index: pa.Array) -> list[Edge]:
    """The pairs at ``index`` as edges (only those the clustering looks at)."""
    return [
        Edge(a, b, p, w)
        for a, b, p, w in zip(
            pairs.column("record_key_l").take(index).to_pylist(),
            pairs.column("record_key_r").take(index).to_pylist(),
            probability.take(index).to_pylist(),
            pairs.column("match_weight").take(index).to_pylist(),
            strict=True,
        )
    ]


def evidence(event: LedgerEvent, members: Mapping[str, str], edges: Sequence[Edge]) -> str:
    """The strongest pairs joining the customers a merge brought together, as JSON."""
    before = set(event.ids_before)
    joining = [
        e
        for e in edges
        if members.get(e.left) in before
        and members.get(e.right) in before
        and members.get(e.left) != members.get(e.right)
    ]
    joining.sort(key=lambda e: -e.weight)
    return json.dumps(
        [
            {"left": e.left, "right": e.right, "match_weight": round(e.weight, 2)}
            for e in joining[:3]
        ]
    )


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

    ``former`` lists (record, retired id it held before a merge): see ``assign_ids``.
    """
    who = people(records)
    keys = records.column("record_key").to_pylist()
    unknown = {k for pair in overrides.must_link + overrides.must_not_link for k in pair} - set(who)
    if unknown:
        raise ValueError(f"identity overrides name unknown records: {', '.join(sorted(unknown))}")
    ruled = deterministic(pairs, who)
    probability = pc.if_else(ruled, 1.0, pairs.column("match_probability"))
    above = pc.greater_equal(probability, threshold)
    index = pc.indices_nonzero(above)
    kept = _edges(pairs, probability, index)  # the rest cannot link anything
    clustering = cluster_with_report(
        keys,
        kept,
        threshold,
        conflict=lambda a, b: disagree(who[a], who[b]),
        must_link=overrides.must_link,
        must_not_link=overrides.must_not_link,
        signature=lambda k: who[k],
        contacts=contacts(records).__getitem__,
    )
    assignment = assign_ids(
        clustering.labels,
        previous,
        run_id,
        next_number,
        previous_aliases=previous_aliases,
        former=former,
    )
    events = [
        replace(e, evidence=evidence(e, previous, kept)) if e.kind == "merge" else e
        for e in assignment.events
    ]
    assignment = replace(assignment, events=events)
    ids = assignment.ids
    links = pa.table(
        {
            "record_key": keys,
            "source": records.column("source"),
            "record_id": records.column("record_id"),
            "customer360_id": [ids[k] for k in keys],
        }
    )
    refused = {(e.left, e.right) for e in clustering.refused}
    was_refused = np.zeros(pairs.num_rows, dtype=bool)
    was_refused[index.to_numpy()] = [(e.left, e.right) in refused for e in kept]
    # A rule pair is refused too when other records of the two clusters conflict.
    decisions = pc.if_else(
        was_refused,
        "refused",
        pc.if_else(ruled, "rule", pc.if_else(above, "linked", "below_threshold")),
    )
    decided = pairs.append_column("decision", decisions)
    return Resolution(links, decided, assignment)

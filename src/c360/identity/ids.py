"""Persistent ``customer360_id``: each cluster keeps the id most of its records held before.

Ids outlive runs. A cluster claims the previous ids of its members, the strongest claims first;
each previous id goes to one cluster at most. A cluster left without one takes back an id its
records held before a merge retired it (the merge was undone), or else gets a new id. Every
change is written to a ledger of events, and a retired id keeps resolving through an alias.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

NO_ALIASES: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class LedgerEvent:
    """One change to who is who: a ``new`` customer, a ``merge``, a ``split``, a customer whose
    records all ``departed`` from the sources, or one whose records ``returned``."""

    run_id: str
    kind: str  # new | merge | split | departed | returned
    ids_before: tuple[str, ...]
    id_after: str
    records: int  # records in the cluster that now holds ``id_after``
    evidence: str = ""  # JSON text of the deciding pairs, filled in by the caller


@dataclass(frozen=True)
class Assignment:
    """This run's ids, what changed, and where retired ids point."""

    ids: dict[str, str]  # record -> customer360_id
    events: list[LedgerEvent]
    aliases: dict[str, str]  # retired id -> the current id it resolves to
    former: list[tuple[str, str]]  # (record, retired id it held), sorted
    next_number: int


def resolve(customer360_id: str, aliases: Mapping[str, str]) -> str:
    """The id a customer goes by now, following aliases; a cycle resolves to its smallest id.

    >>> resolve("c360_1", {"c360_1": "c360_2", "c360_2": "c360_3"})
    'c360_3'
    >>> resolve("c360_1", {"c360_1": "c360_2", "c360_2": "c360_1"})
    'c360_1'
    """
    path = [customer360_id]
    seen = {customer360_id}
    while (after := aliases.get(path[-1])) is not None:
        if after in seen:
            return min(path[path.index(after) :])
        path.append(after)
        seen.add(after)
    return path[-1]


def _claims(held: Mapping[tuple[str, str], int]) -> dict[str, str]:
    """Cluster label -> the previous id it keeps, the largest overlaps decided first.

    Ties: a cluster prefers the smallest id; an id goes to the cluster with the smallest label.
    """
    kept: dict[str, str] = {}
    taken: set[str] = set()
    for _, old, label in sorted((-n, old, label) for (label, old), n in held.items()):
        if label not in kept and old not in taken:
            kept[label] = old
            taken.add(old)
    return kept


def _reclaims(
    labels: Mapping[str, str], former: Iterable[tuple[str, str]], kept: Mapping[str, str]
) -> dict[str, str]:
    """Cluster label -> a retired id its records held, for clusters ``kept`` gives no id.

    The largest overlaps are decided first, then the largest share of the id's former holders
    (an undone merge gives each part back its own id); then the smallest id and label.
    """
    taken = set(kept.values())
    holders = Counter(old for _, old in former)
    held = Counter(
        (labels[record], old)
        for record, old in former
        if record in labels and labels[record] not in kept and old not in taken
    )
    ranked = sorted((-n, -n / holders[old], old, label) for (label, old), n in held.items())
    reclaimed: dict[str, str] = {}
    for _, _, old, label in ranked:
        if label not in reclaimed and old not in taken:
            reclaimed[label] = old
            taken.add(old)
    return reclaimed


def _former(
    previous: Mapping[str, str], ids: Mapping[str, str], former: Iterable[tuple[str, str]]
) -> list[tuple[str, str]]:
    """(record, id) for each present record and an id it held that no cluster holds now."""
    current = set(ids.values())
    held = {(r, old) for r, old in former if r in ids and old not in current}
    held.update((r, old) for r, old in previous.items() if r in ids and old not in current)
    return sorted(held)


def _events(
    run_id: str,
    sizes: Mapping[str, int],
    held: Mapping[tuple[str, str], int],
    id_of: Mapping[str, str],
) -> list[LedgerEvent]:
    """New clusters, merges of several previous ids, and parts split off a previous id."""
    spread = Counter(old for _, old in held)  # previous id -> clusters holding its records
    count = Counter(label for label, _ in held)  # label -> previous ids among its records
    split = {old for old, n in spread.items() if n > 1}
    # Most clusters just keep their one previous id: only the others are looked at.
    eventful = {label for label, n in count.items() if n > 1}
    eventful.update(label for label, old in held if old in split)
    eventful.update(sizes.keys() - count.keys())
    before: dict[str, list[str]] = defaultdict(list)  # label -> previous ids of its records
    for label, old in held:
        if label in eventful:
            before[label].append(old)
    events = []
    for label in sorted(eventful):
        now, olds, size = id_of[label], sorted(before.get(label, ())), sizes[label]
        if not olds:
            events.append(LedgerEvent(run_id, "new", (), now, size))
        if len(olds) > 1:
            events.append(LedgerEvent(run_id, "merge", tuple(olds), now, size))
        events.extend(
            LedgerEvent(run_id, "split", (old,), now, size)
            for old in olds
            if old != now and old in split
        )
    return events


def _aliases(
    previous: Mapping[str, str], ids: Mapping[str, str], previous_aliases: Mapping[str, str]
) -> dict[str, str]:
    """Each retired id -> the id most of its former records hold now (tie: the smallest)."""
    current = set(ids.values())
    votes = Counter(
        (old, ids[record])
        for record, old in previous.items()
        if old not in current and record in ids
    )
    aliases = {old: new for old, new in previous_aliases.items() if old not in current}
    best: dict[str, tuple[int, str]] = {}
    for (old, new), n in votes.items():
        if old not in best or (-n, new) < (-best[old][0], best[old][1]):
            best[old] = (n, new)
    aliases.update((old, new) for old, (_, new) in best.items())
    resolved = {old: resolve(old, aliases) for old in aliases}
    return {old: new for old, new in sorted(resolved.items()) if new != old}


def departures(
    run_id: str, before: Mapping[str, str], after: Mapping[str, str], ids: Mapping[str, str]
) -> list[LedgerEvent]:
    """Customers whose records all left the sources this run, and those who came back.

    ``before`` and ``after`` map departed records to their ids, before and after this run;
    ``ids`` maps this run's records to theirs.
    """
    left = Counter(v for v in after.values() if v not in set(before.values()))
    now = Counter(ids.values())
    back = sorted({v for v in before.values() if v in now})
    return [
        *(LedgerEvent(run_id, "departed", (i,), i, n) for i, n in sorted(left.items())),
        *(LedgerEvent(run_id, "returned", (i,), i, now[i]) for i in back),
    ]


def assign_ids(
    labels: Mapping[str, str],
    previous: Mapping[str, str],
    run_id: str,
    next_number: int,
    prefix: str = "c360_",
    width: int = 8,
    previous_aliases: Mapping[str, str] = NO_ALIASES,
    former: Iterable[tuple[str, str]] = (),
) -> Assignment:
    """Give every cluster (``labels``: record -> cluster label) its ``customer360_id``.

    ``previous`` maps the records of the last run to their ids. A cluster with exactly the
    members of a previous id keeps it: no other cluster can claim it. New ids are numbered in
    the order of the cluster labels, skipping any id already issued, so a run is repeatable.
    ``former`` lists (record, retired id it held): a cluster claiming no previous id takes one
    of those back. An id whose records have all disappeared is retired without an alias.
    """
    former = list(former)
    sizes: Counter[str] = Counter(labels.values())
    held = Counter((label, previous[r]) for r, label in labels.items() if r in previous)
    id_of = _claims(held)
    id_of |= _reclaims(labels, former, id_of)
    issued = set(previous.values()) | set(previous_aliases) | set(previous_aliases.values())
    issued.update(old for _, old in former)
    for label in sorted(sizes.keys() - id_of.keys()):
        while (new := f"{prefix}{next_number:0{width}d}") in issued:
            next_number += 1
        id_of[label] = new
        next_number += 1
    ids = {record: id_of[label] for record, label in labels.items()}
    return Assignment(
        ids=ids,
        events=_events(run_id, sizes, held, id_of),
        aliases=_aliases(previous, ids, previous_aliases),
        former=_former(previous, ids, former),
        next_number=next_number,
    )

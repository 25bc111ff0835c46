"""Constrained greedy clustering: scored pairs in, one label per record out.

Clusters grow from the strongest evidence down. The evidence between two clusters is the sum of
the weights of every above-threshold pair joining them, re-summed after each merge, so a record
that links to two people joins the one it has more evidence with. A merge is refused when it
would put a must-not-link pair together or two records that ``conflict`` (say, first names that
clearly differ behind a shared household e-mail); both constraints only grow with a cluster, so a
refused pair of clusters is never tried again. Two clusters that each know an e-mail and a phone
and share none of them, nor a birth date or a street address (namesakes of one postcode), are not
joined by the edges between them; they may be once either has grown through another edge.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

Conflict = Callable[[str, str], bool]
Signature = Callable[[str], Hashable]
# A record's e-mail, phone, birth date and street address, each None where unknown.
Contacts = Callable[[str], tuple[Hashable, Hashable, Hashable, Hashable]]


@dataclass(frozen=True, slots=True)
class Edge:
    """A scored pair of records (keys ``source:record_id``)."""

    left: str
    right: str
    probability: float
    weight: float  # match weight: log2 of the Bayes factor


@dataclass(frozen=True)
class Clustering:
    """Labels, and the above-threshold edges left between two clusters by a refused merge."""

    labels: dict[str, str]  # record -> smallest record key of its cluster
    refused: list[Edge]


def _same(record: str) -> str:
    return record


class _Agglomeration:
    """Union-find over the records in an edge or override; other records stay singletons."""

    def __init__(
        self, conflict: Conflict, signature: Signature | None, contacts: Contacts | None
    ) -> None:
        self.conflict = conflict
        self.contacts = contacts
        self.known: dict[str, tuple[set[Hashable], ...]] = {}  # root -> values of each contact
        self.sign = signature or _same
        # With signatures, records that look alike to ``conflict`` are tested once.
        self.cache: dict[tuple[Hashable, Hashable], bool] | None = {} if signature else None
        self.parent: dict[str, str] = {}
        self.low: dict[str, str] = {}  # root -> smallest member; singletons are absent
        self.sigs: dict[str, dict[Hashable, str]] = {}  # root -> signature -> a member
        self.apart: dict[str, set[str]] = {}  # root -> roots it may never join
        self.adj: dict[str, dict[str, float]] = {}  # root -> neighbour root -> summed weight
        self.heap: list[tuple[float, str, str, str, str]] = []

    def find(self, record: str) -> str:
        parent, root = self.parent, record
        while (up := parent.get(root)) is not None:
            root = up
        while record != root:
            parent[record], record = root, parent[record]
        return root

    def signatures(self, root: str) -> dict[Hashable, str]:
        return self.sigs.get(root) or {self.sign(root): root}

    def conflicting(self, a: str, b: str) -> bool:
        """Whether some record of cluster ``a`` conflicts with some record of cluster ``b``."""
        cache, conflict = self.cache, self.conflict
        for sig_a, rec_a in self.signatures(a).items():
            for sig_b, rec_b in self.signatures(b).items():
                if cache is None:
                    hit = conflict(rec_a, rec_b)
                elif (known := cache.get((sig_a, sig_b))) is None:
                    hit = cache[sig_a, sig_b] = cache[sig_b, sig_a] = conflict(rec_a, rec_b)
                else:
                    hit = known
                if hit:
                    return True
        return False

    def held(self, root: str, contacts: Contacts) -> tuple[set[Hashable], ...]:
        """The e-mails, phones, birth dates and addresses the records of cluster ``root`` know."""
        known = self.known.get(root)
        if known is None:  # a singleton
            known = tuple([set() if value is None else {value} for value in contacts(root)])
        return known

    def reachable(self, root: str, contacts: Contacts) -> bool:
        """Whether cluster ``root`` knows an e-mail and a phone (without building its sets)."""
        known = self.known.get(root)
        if known is None:
            mail, phone, _, _ = contacts(root)
            return mail is not None and phone is not None
        return bool(known[0]) and bool(known[1])

    def strangers(self, a: str, b: str) -> bool:
        """Whether clusters ``a`` and ``b`` both know an e-mail and a phone and share none of
        them, nor a birth date or an address: people apart, whatever their names and places."""
        contacts = self.contacts
        if contacts is None or not (self.reachable(a, contacts) and self.reachable(b, contacts)):
            return False
        if a not in self.known and b not in self.known:  # two records: no sets to build
            pairs = zip(contacts(a), contacts(b), strict=True)
            return all(x is None or x != y for x, y in pairs)
        ours, theirs = self.held(a, contacts), self.held(b, contacts)
        return all(x.isdisjoint(y) for x, y in zip(ours, theirs, strict=True))

    def fold_contacts(self, a: str, b: str, contacts: Contacts) -> None:
        """Root ``a`` now holds the contacts of both clusters (``b`` merged into it)."""
        ours, theirs = self.known.pop(a, None), self.known.pop(b, None)
        if ours is None and theirs is not None:
            ours, theirs, single = theirs, None, a
        else:
            ours, single = ours or self.held(a, contacts), b
        if theirs is None:  # one side a single record
            for values, value in zip(ours, contacts(single), strict=True):
                if value is not None:
                    values.add(value)
        else:
            for values, more in zip(ours, theirs, strict=True):
                values |= more
        self.known[a] = ours

    def entry(self, a: str, b: str, strength: float) -> tuple[float, str, str, str, str]:
        low_a, low_b = self.low.get(a, a), self.low.get(b, b)
        # Ties go to the pair with the smallest labels (as they were when pushed).
        return (-strength, low_a, low_b, a, b) if low_a < low_b else (-strength, low_b, low_a, b, a)

    def refuse(self, a: str, b: str) -> None:
        self.adj[a].pop(b, None)
        self.adj[b].pop(a, None)
        self.apart.setdefault(a, set()).add(b)
        self.apart.setdefault(b, set()).add(a)

    def merge(self, a: str, b: str) -> None:
        """Join two roots; the one with more neighbours survives, so each merge stays small."""
        adj = self.adj
        if (len(adj.get(b, ())), a) > (len(adj.get(a, ())), b):
            a, b = b, a
        self.parent[b] = a
        self.low[a] = min(self.low.get(a, a), self.low.pop(b, b))
        kept, folded = self.signatures(a), self.signatures(b)
        self.sigs.pop(b, None)
        if len(folded) > len(kept):
            kept, folded = folded, kept
        kept.update(folded)
        self.sigs[a] = kept
        if self.contacts is not None:
            self.fold_contacts(a, b, self.contacts)
        near = adj.get(a, {})
        if moved := self.apart.pop(b, None):
            self.apart.setdefault(a, set()).update(moved)
            for x in moved:
                self.apart[x].discard(b)
                self.apart[x].add(a)
                if near.pop(x, None) is not None:
                    del adj[x][a]
        apart_a = self.apart.get(a, ())
        for n, weight in (adj.pop(b, None) or {}).items():
            if n == a:
                continue
            beyond = adj[n]
            del beyond[b]
            if n in apart_a:
                continue
            total = near[n] + weight if n in near else weight
            near[n] = beyond[a] = total
            heapq.heappush(self.heap, self.entry(a, n, total))
        near.pop(b, None)

    def link(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Must-links, in a fixed order; one that would join a must-not-link pair is skipped."""
        for a, b in sorted({(a, b) if a < b else (b, a) for a, b in pairs}):
            root_a, root_b = self.find(a), self.find(b)
            if root_a != root_b and root_b not in self.apart.get(root_a, ()):
                self.merge(root_a, root_b)

    def seed(self, edges: Iterable[Edge]) -> None:
        """Sum the weights between initial clusters, in a way that ignores the edges' order."""
        strength: dict[tuple[str, str], float] = {}
        parts: dict[tuple[str, str], list[float]] = {}
        find = self.find if self.parent else _same
        for edge in edges:
            a, b = find(edge.left), find(edge.right)
            if a == b:
                continue
            key = (a, b) if a < b else (b, a)
            if key in parts:
                parts[key].append(edge.weight)
            elif key in strength:
                parts[key] = [strength[key], edge.weight]
            else:
                strength[key] = edge.weight
        for key, weights in parts.items():
            strength[key] = math.fsum(weights)
        adj, heap, entry = self.adj, self.heap, self.entry
        for (a, b), total in strength.items():
            adj.setdefault(a, {})[b] = total
            adj.setdefault(b, {})[a] = total
            heap.append(entry(a, b, total))
        heapq.heapify(heap)

    def run(self) -> None:
        """Merge the strongest pair of clusters left, until no pair is left."""
        adj, heap = self.adj, self.heap
        while heap:
            negative, _, _, a, b = heapq.heappop(heap)
            near = adj.get(a)
            if near is None or near.get(b) != -negative:
                continue  # stale: a cluster has merged since, or the pair was refused
            if b in self.apart.get(a, ()) or self.conflicting(a, b):
                self.refuse(a, b)
            elif self.strangers(a, b):  # not for ever: either may come to share a contact
                del adj[a][b], adj[b][a]
            else:
                self.merge(a, b)

    def label(self, labels: dict[str, str]) -> dict[str, str]:
        """Relabel, in place, the records of every merged cluster (the rest are singletons)."""
        for record in self.parent:
            labels[record] = self.low[self.find(record)]
        labels.update(self.low)
        return labels


def cluster_with_report(
    records: Sequence[str],
    edges: Iterable[Edge],
    threshold: float,
    conflict: Conflict,
    must_link: Iterable[tuple[str, str]] = (),
    must_not_link: Iterable[tuple[str, str]] = (),
    signature: Signature | None = None,
    contacts: Contacts | None = None,
) -> Clustering:
    """Cluster ``records`` by the edges at or above ``threshold``, and say which were refused.

    Must-links are applied first and win over ``conflict``, but a must-link that would bring a
    must-not-link pair together is ignored: refusing to merge is the safer mistake. ``conflict``
    should be symmetric; ``signature`` (what ``conflict`` looks at, per record) lets it be
    called once per distinct pair of signatures instead of once per pair of records.
    ``contacts`` (a record's e-mail, phone, birth date and address, None where unknown) keeps
    apart, by their edges, clusters that each know an e-mail and a phone and share none of the
    four.
    """
    labels = dict(zip(records, records, strict=True))  # the one pass over every record
    must_not_link, must_link = list(must_not_link), list(must_link)
    kept = [e for e in edges if e.probability >= threshold and e.left != e.right]
    named = {k for e in kept for k in (e.left, e.right)}
    named.update(k for pair in must_link + must_not_link for k in pair)
    if unknown := named - labels.keys():
        raise ValueError(f"edges or overrides name unknown records: {sorted(unknown)[:5]}")
    state = _Agglomeration(conflict, signature, contacts)
    for a, b in must_not_link:
        if a != b:
            state.apart.setdefault(a, set()).add(b)
            state.apart.setdefault(b, set()).add(a)
    state.link(must_link)
    state.seed(kept)
    state.run()
    state.label(labels)
    refused = [e for e in kept if labels[e.left] != labels[e.right]]
    return Clustering(labels, refused)


def cluster(
    records: Sequence[str],
    edges: Iterable[Edge],
    threshold: float,
    conflict: Conflict,
    must_link: Iterable[tuple[str, str]] = (),
    must_not_link: Iterable[tuple[str, str]] = (),
    signature: Signature | None = None,
    contacts: Contacts | None = None,
) -> dict[str, str]:
    """Record -> cluster label (its smallest record key); see :func:`cluster_with_report`."""
    return cluster_with_report(
        records, edges, threshold, conflict, must_link, must_not_link, signature, contacts
    ).labels

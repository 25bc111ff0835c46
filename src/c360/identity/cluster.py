"""Constrained greedy clustering: scored pairs in, one label per record out.

Clusters grow from the strongest evidence down. The evidence between two clusters is the sum of
the weights of every above-threshold pair joining them, re-summed after each merge, so a record
that links to two people joins the one it has more evidence with. A merge is refused when it
would put a must-not-link pair together or two records that ``conflict`` (say, first names that
clearly differ behind a shared household e-mail); both constraints only grow with a cluster, so a
refused pair of clusters is never tried again. Two clusters that each know an e-mail and a phone
and share none of them, nor a birth date or a street address (namesakes of one postcode), are not
joined by the edges between them; they may be once either has grown through another edge.

The work is done on records numbered 0..n-1 in the order of their keys (:func:`cluster_coded`):
ties, which go to the smallest keys, compare ints, and the state of each record is a list item or
an array item rather than a dict entry under its key string. Connected components of the edges
never interact, and one in which no merge can be refused or put off (most of them) is labelled
whole at once; only the others are merged edge by edge.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

Conflict = Callable[[str, str], bool]
Signature = Callable[[str], Hashable]
# A record's e-mail, phone, birth date and street address, each None where unknown.
Contacts = Callable[[str], tuple[Hashable, Hashable, Hashable, Hashable]]
# The same for records numbered in key order (see cluster_coded).
CodedConflict = Callable[[int, int], bool]
CodedSignature = Callable[[int], int]  # a number below the records' count
CodedContacts = Callable[[int], tuple[int, int, int, int]]  # -1 where unknown
Entry = tuple[float, int, int, int, int]  # -strength, the two labels, the two roots
CHUNK = 4096  # sorted initial entries turned into tuples at a time
WHOLE_SIGNATURES = 32  # beyond this many look-alikes a component is merged edge by edge


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


def _same(record: int) -> int:
    return record


def _roots(parent: list[int]) -> np.ndarray:
    """Each record's root, by pointer jumping over a copy of ``parent``."""
    roots = np.array(parent, dtype=np.int64)
    while not np.array_equal(up := roots[roots], roots):
        roots = up
    return roots


def _chunked(columns: Sequence[np.ndarray]) -> Iterator[tuple[Any, ...]]:
    """The rows of ``columns`` as tuples, a few thousand built at a time."""
    for start in range(0, len(columns[0]), CHUNK):
        yield from zip(*(c[start : start + CHUNK].tolist() for c in columns), strict=True)


class _Agglomeration:
    """Union-find over records numbered in key order; per-record state is a list or an array."""

    def __init__(
        self,
        size: int,
        conflict: CodedConflict,
        signature: CodedSignature | None,
        contacts: CodedContacts | None,
    ) -> None:
        self.size = size
        self.conflict = conflict
        self.contacts = contacts
        self.known: dict[int, set[int]] = {}  # root -> the contact values its records know
        self.knows = bytearray(size)  # of a root in ``known``: 1 an e-mail, 2 a phone, 3 both
        self.sign = signature or _same
        # With signatures, records that look alike to ``conflict`` are tested once per pair.
        self.cache: dict[int, bool] | None = {} if signature else None
        # One int object per record, shared by every list, dict and entry that holds it.
        self.ints = list(range(size))
        self.parent = self.ints.copy()  # a root is its own parent
        self.low = self.ints.copy()  # root -> smallest member
        self.sigs: dict[int, dict[int, int]] = {}  # merged root -> signature -> a member
        self.apart: dict[int, set[int]] = {}  # root -> roots it may never join
        self.adj: dict[int, dict[int, float]] = {}  # root -> neighbour root -> summed weight
        self.heap: list[Entry] = []  # entries pushed by merges
        self.seeded: Iterator[tuple[Any, ...]] = iter(())  # the initial entries, smallest first

    def find(self, record: int) -> int:
        parent, root = self.parent, record
        while (up := parent[root]) != root:
            root = up
        while record != root:
            parent[record], record = root, parent[record]
        return root

    def signatures(self, root: int) -> dict[int, int]:
        return self.sigs.get(root) or {self.sign(root): root}

    def conflicting(self, a: int, b: int) -> bool:
        """Whether some record of cluster ``a`` conflicts with some record of cluster ``b``."""
        cache, conflict, size = self.cache, self.conflict, self.size
        for sig_a, rec_a in self.signatures(a).items():
            for sig_b, rec_b in self.signatures(b).items():
                if cache is None:
                    hit = conflict(rec_a, rec_b)
                    if hit:
                        return True
                    continue
                pair = sig_a * size + sig_b if sig_a < sig_b else sig_b * size + sig_a
                if (known := cache.get(pair)) is None:
                    hit = cache[pair] = conflict(rec_a, rec_b)
                else:
                    hit = known
                if hit:
                    return True
        return False

    def absorb(self, values: set[int], record: int, contacts: CodedContacts) -> int:
        """Add a record's contacts to ``values``; what it knows (1 an e-mail, 2 a phone)."""
        mail, phone, born, street = contacts(record)
        values.update(v for v in (mail, phone, born, street) if v >= 0)
        return (mail >= 0) | (phone >= 0) << 1

    def held(self, root: int, contacts: CodedContacts) -> set[int]:
        """The e-mails, phones, birth dates and addresses the records of cluster ``root`` know."""
        known = self.known.get(root)
        if known is None:  # a singleton
            known = set()
            self.absorb(known, root, contacts)
        return known

    def reachable(self, root: int, contacts: CodedContacts) -> bool:
        """Whether cluster ``root`` knows an e-mail and a phone (without building its sets)."""
        if root in self.known:
            return self.knows[root] == 3
        mail, phone, _, _ = contacts(root)
        return mail >= 0 and phone >= 0

    def strangers(self, a: int, b: int) -> bool:
        """Whether clusters ``a`` and ``b`` both know an e-mail and a phone and share none of
        them, nor a birth date or an address: people apart, whatever their names and places."""
        contacts = self.contacts
        if contacts is None or not (self.reachable(a, contacts) and self.reachable(b, contacts)):
            return False
        if a not in self.known and b not in self.known:  # two records: no sets to build
            pairs = zip(contacts(a), contacts(b), strict=True)
            return all(x < 0 or x != y for x, y in pairs)
        # No value is shared by two of the four, so one set per cluster tells the same.
        return self.held(a, contacts).isdisjoint(self.held(b, contacts))

    def fold_contacts(self, a: int, b: int, contacts: CodedContacts) -> None:
        """Root ``a`` now holds the contacts of both clusters (``b`` merged into it)."""
        known, knows = self.known, self.knows
        ours, theirs = known.pop(a, None), known.pop(b, None)
        if ours is None and theirs is not None:
            ours, theirs, single, bits = theirs, None, a, knows[b]
        elif ours is None:
            ours, single = set(), b
            bits = self.absorb(ours, a, contacts)
        else:
            single, bits = b, knows[a]
        if theirs is None:  # one side a single record
            bits |= self.absorb(ours, single, contacts)
        else:
            ours |= theirs
            bits |= knows[b]
        known[a], knows[a] = ours, bits

    def entry(self, a: int, b: int, strength: float) -> Entry:
        low_a, low_b = self.low[a], self.low[b]
        # Ties go to the pair with the smallest labels (as they were when pushed).
        return (-strength, low_a, low_b, a, b) if low_a < low_b else (-strength, low_b, low_a, b, a)

    def refuse(self, a: int, b: int) -> None:
        self.adj[a].pop(b, None)
        self.adj[b].pop(a, None)
        self.apart.setdefault(a, set()).add(b)
        self.apart.setdefault(b, set()).add(a)

    def merge(self, a: int, b: int) -> None:
        """Join two roots; the one with more neighbours survives, so each merge stays small."""
        adj, low = self.adj, self.low
        if (len(adj.get(b, ())), a) > (len(adj.get(a, ())), b):
            a, b = b, a
        self.parent[b] = a
        low[a] = min(low[a], low[b])
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

    def link(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Must-links, in a fixed order; one that would join a must-not-link pair is skipped."""
        for a, b in sorted({(a, b) if a < b else (b, a) for a, b in pairs}):
            root_a, root_b = self.find(a), self.find(b)
            if root_a != root_b and root_b not in self.apart.get(root_a, ()):
                self.merge(root_a, root_b)

    def seed(self, left: np.ndarray, right: np.ndarray, weight: np.ndarray) -> None:
        """Sum the weights between initial clusters, in a way that ignores the edges' order."""
        roots = _roots(self.parent)  # must-links may have merged some records
        left, right = roots[left], roots[right]
        apart = left != right
        low, high = np.minimum(left, right)[apart], np.maximum(left, right)[apart]
        weight = weight[apart]
        order = np.lexsort((high, low))  # stable: a pair's edges stay in their order
        low, high = low[order], high[order]
        starts = np.flatnonzero(np.diff(low, prepend=-1) | np.diff(high, prepend=-1))
        counts = np.diff(starts, append=len(order))
        strength = weight[order[starts]]
        for i in np.flatnonzero(counts > 1).tolist():
            strength[i] = math.fsum(weight[order[starts[i] : starts[i] + counts[i]]].tolist())
        # The pairs in the order their first edges come, as a dict of them would be.
        first = np.argsort(order[starts], kind="stable")
        low, high, strength = low[starts][first], high[starts][first], strength[first]
        adj, ints = self.adj, self.ints
        for a, b, total in _chunked([low, high, strength]):
            a, b = ints[a], ints[b]
            adj.setdefault(a, {})[b] = total
            adj.setdefault(b, {})[a] = total
        if np.isnan(strength).any():  # NaN sorts apart from how a heap sees it: heap them all
            self.heap = [self.entry(a, b, total) for a, b, total in _chunked([low, high, strength])]
            heapq.heapify(self.heap)
            return
        # The first entries sorted at once rather than heaped as tuples; ``run`` takes the
        # smaller of their next one and the heap's, the order one heap of them all gives.
        lows = np.array(self.low, dtype=np.int64)
        swap = lows[low] > lows[high]
        a, b = np.where(swap, high, low), np.where(swap, low, high)
        narrow = np.int32 if self.size <= np.iinfo(np.int32).max else np.int64
        columns = [-strength, *(c.astype(narrow) for c in (lows[a], lows[b], a, b))]
        order = np.lexsort(columns[::-1])
        self.seeded = _chunked([c[order] for c in columns])

    def run(self) -> None:
        """Merge the strongest pair of clusters left, until no pair is left."""
        adj, heap, seeded, ints = self.adj, self.heap, self.seeded, self.ints
        head = next(seeded, None)
        while head is not None or heap:
            if head is not None and (not heap or head < heap[0]):
                negative, _, _, a, b = head
                a, b, head = ints[a], ints[b], next(seeded, None)
            else:
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

    def labels(self) -> np.ndarray:
        """Each record's label: the smallest member of its cluster."""
        return np.array(self.low, dtype=np.int64)[_roots(self.parent)]


def cluster_coded(
    size: int,
    left: np.ndarray,
    right: np.ndarray,
    weight: np.ndarray,
    conflict: CodedConflict,
    must_link: Iterable[tuple[int, int]] = (),
    must_not_link: Iterable[tuple[int, int]] = (),
    signature: CodedSignature | None = None,
    contacts: CodedContacts | None = None,
) -> np.ndarray:
    """:func:`cluster_with_report` for records numbered 0..``size``-1 in the order of their keys.

    ``left``, ``right`` and ``weight`` are the edges at or above the threshold. ``signature``
    gives numbers below ``size``; ``contacts`` gives ints, -1 where unknown, and never one value
    in two of its four places. Returns each record's label: the smallest number of its cluster.
    """
    left, right = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
    weight = np.asarray(weight, dtype=np.float64)
    must_link, must_not_link = list(must_link), list(must_not_link)
    named = np.concatenate([left, right, np.array(must_link + must_not_link, np.int64).ravel()])
    if len(named) and (named.min() < 0 or named.max() >= size):
        raise ValueError(f"edges or overrides name records outside 0..{size - 1}")
    state = _Agglomeration(size, conflict, signature, contacts)
    whole: np.ndarray | None = None
    if not must_link and not must_not_link and len(left):
        whole, component, low = _whole(size, left, right, weight, state)
        rest = ~whole[component[left]]
        left, right, weight = left[rest], right[rest], weight[rest]
    for a, b in must_not_link:
        if a != b:
            state.apart.setdefault(a, set()).add(b)
            state.apart.setdefault(b, set()).add(a)
    state.link(must_link)
    state.seed(left, right, weight)
    state.run()
    labels = state.labels()
    if whole is not None:
        settled = whole[component]
        labels[settled] = low[component[settled]]
    return labels


def _whole(
    size: int, left: np.ndarray, right: np.ndarray, weight: np.ndarray, state: _Agglomeration
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which connected components of the edges the agglomeration would join whole, each
    record's component, and each component's smallest record.

    Components never interact: each is clustered as if alone. One ends as a single cluster
    when no merge in it can be refused or put off: no two of its records conflict (either way
    round), its records know at most one e-mail or at most one phone, so no two parts of it
    are strangers, and its weights are numbers (a NaN strength is never merged on). Such a
    component is labelled at once rather than merged edge by edge."""
    graph = coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), shape=(size, size))
    count, component = connected_components(graph, directed=False)
    records = np.unique(np.concatenate([left, right]))
    group = component[records]
    alike = np.ones(count, dtype=bool)
    if state.contacts is not None:
        coded = np.array([state.contacts(r)[:2] for r in records.tolist()], dtype=np.int64)
        alike = _one_value(group, coded[:, 0], count) | _one_value(group, coded[:, 1], count)
    signs = np.array([state.sign(r) for r in records.tolist()], dtype=np.int64)
    # One record per (component, signature), and another of it where there is one: the guard
    # looks at signatures alone.
    keyed = group * np.int64(size) + signs
    order = np.argsort(keyed, kind="stable")
    keyed = keyed[order]
    first = np.flatnonzero(np.diff(keyed, prepend=-1))
    repeated = np.diff(first, append=len(keyed)) > 1
    second = np.where(repeated, order[np.minimum(first + 1, len(order) - 1)], -1)
    owners = keyed[first] // size
    starts = np.flatnonzero(np.diff(owners, prepend=-1))
    ends = np.append(starts[1:], len(first))
    whole = np.zeros(count, dtype=bool)
    whole[owners[starts]] = alike[owners[starts]]
    whole[component[left[~np.isfinite(weight)]]] = False
    members = records[order[first]].tolist()
    others = np.where(second >= 0, records[second], -1).tolist()
    conflict, sign, answered, asked = state.conflict, state.sign, {}, {}

    def ask(a: int, b: int) -> bool:
        hit = answered[sign(a) * size + sign(b)] = conflict(a, b)
        return hit

    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        owner = int(owners[start])
        if not whole[owner]:
            continue
        if end - start > WHOLE_SIGNATURES or _conflicts(
            members[start:end], others[start:end], ask
        ):  # fmt: skip
            whole[owner] = False
            asked.update(answered)  # the agglomeration will ask again
        answered.clear()
    if asked:
        state.conflict = _remembered(conflict, sign, size, asked)
    low = np.full(count, size, dtype=np.int64)
    np.minimum.at(low, group, records)
    return whole, component, low


def _remembered(
    conflict: CodedConflict, sign: CodedSignature, size: int, asked: dict[int, bool]
) -> CodedConflict:
    """``conflict``, answered from ``asked`` (by the two signatures, in order) where it can."""

    def remembered(a: int, b: int) -> bool:
        known = asked.get(sign(a) * size + sign(b))
        return conflict(a, b) if known is None else known

    return remembered


def _one_value(group: np.ndarray, values: np.ndarray, count: int) -> np.ndarray:
    """Per component, whether its records know at most one distinct value (-1: none)."""
    known = values >= 0
    pairs = np.unique(group[known] * np.int64(values.max(initial=0) + 1) + values[known])
    return np.bincount(pairs // (values.max(initial=0) + 1), minlength=count) <= 1


def _conflicts(members: list[int], others: list[int], conflict: CodedConflict) -> bool:
    """Whether any two of ``members`` (one per signature) conflict either way round, or one
    with ``others``' record of its signature (-1: it has no other)."""
    for i, a in enumerate(members):
        if others[i] >= 0 and conflict(a, others[i]):
            return True
        for b in members[i + 1 :]:
            if conflict(a, b) or conflict(b, a):
                return True
    return False


def _numbered_contacts(contacts: Contacts, keys: Sequence[str]) -> CodedContacts:
    """``contacts`` as ints: one per distinct value of each of the four, -1 for None."""
    numbers: dict[tuple[int, Hashable], int] = {}

    def coded(record: int) -> tuple[int, int, int, int]:
        values = contacts(keys[record])
        mail, phone, born, street = (
            -1 if v is None else numbers.setdefault((i, v), len(numbers))
            for i, v in enumerate(values)
        )
        return mail, phone, born, street

    return coded


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
    keys = sorted(labels)
    number = {k: i for i, k in enumerate(keys)}
    signs: dict[Hashable, int] = {}
    found = cluster_coded(
        len(keys),
        np.array([number[e.left] for e in kept], dtype=np.int64),
        np.array([number[e.right] for e in kept], dtype=np.int64),
        np.array([e.weight for e in kept], dtype=np.float64),
        lambda a, b: conflict(keys[a], keys[b]),
        [(number[a], number[b]) for a, b in must_link],
        [(number[a], number[b]) for a, b in must_not_link],
        None if signature is None else lambda r: signs.setdefault(signature(keys[r]), len(signs)),
        None if contacts is None else _numbered_contacts(contacts, keys),
    ).tolist()
    labels = {k: keys[found[number[k]]] for k in labels}
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

"""Which of a customer's records hold first and last name the other way round ("MEGAN, Foster").

Pure functions on Arrow tables: the records' values (``profile_records.record_values``) in, one
flag per record out. The customer's records vote; given-name knowledge and the customer's e-mail
addresses decide where they cannot.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.identity import given_names, nicknames
from c360.identity.normalise import name_key
from c360.identity.survivorship import run_starts
from c360.text.names_lexicon import SURNAMES

# A name given alone (a form's given-name field) votes this many times for its role: it says
# which name it is, where a record holding both may have them the wrong way round.
NAME_ALONE = 2
INITIALS = 3  # initials are at most this many letters ("JF", "J.-P. L.")


def encoded(values: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, np.ndarray]:
    """Distinct values and each row's code among them (-1 for NULL)."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    encoded = pc.dictionary_encode(values)
    codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    return encoded.dictionary, codes


def distinct_codes(values: pa.Array | pa.ChunkedArray) -> tuple[list[str], np.ndarray]:
    """:func:`encoded`, the distinct values as a list."""
    dictionary, codes = encoded(values)
    return dictionary.to_pylist(), codes


def swapped_names(values: pa.Table) -> np.ndarray:
    """Per record: whether its first and last name are the other way round ("MEGAN, Foster").

    The customer's records decide (:func:`voted_swaps`), except that a record holding two names
    is turned round when given-name knowledge says so (:func:`given_name_order`: Pohl Lina,
    Pohl a known surname and no given name, Lina a listed one), and a record no other record of
    the customer writes the same way round, or one that another writes the other way round, is
    read first as the customer's e-mail addresses order its names (:func:`address_order`:
    lina.pohl@ or lpohl@ reads "Lina Pohl" as written), names in full before initials; where
    another record writes them the other way round and no address tells, the vote stands. An
    address never turns round what two records agree on and none contradicts (martin.laurent@
    beside Laurent Martin twice).
    """
    swapped = voted_swaps(values)
    if not {"first_name_key", "last_name_key"} <= set(values.column_names):
        return swapped
    names, codes = distinct_codes(
        pa.chunked_array(
            [*values.column("first_name_key").chunks, *values.column("last_name_key").chunks],
            pa.string(),
        )
    )
    first, last = codes[: values.num_rows], codes[values.num_rows :]
    rows = np.flatnonzero((first >= 0) & (last >= 0) & (first != last))
    if not len(rows):
        return swapped
    agreed, contested = _orders_held(values, first, last, rows, len(names))
    # given_name_order of each pair of names, worked out once
    pairs, at = np.unique(first[rows] * len(names) + last[rows], return_inverse=True)
    orders = [given_name_order(names[p // len(names)], names[p % len(names)]) for p in pairs]
    knowledge = np.array(orders, dtype=np.int8)[at]
    told = rows[~agreed | contested]
    addresses = _local_parts(values, told)
    by_address = {}
    for row in told.tolist():
        full, initials = address_order(names[first[row]], names[last[row]], addresses.get(row, ()))
        if full or initials:
            by_address[row] = (full or initials) < 0
    knows = (knowledge != 0) & ~contested
    swapped[rows[knows]] = knowledge[knows] < 0
    for row, turned in by_address.items():
        swapped[row] = turned
    return swapped


def _orders_held(
    values: pa.Table, first: np.ndarray, last: np.ndarray, rows: np.ndarray, size: int
) -> tuple[np.ndarray, np.ndarray]:
    """Of ``rows`` (records holding two names): which another record of the customer writes
    the same way round, and which one writes the other way round."""
    _, customer = distinct_codes(values.column("customer360_id"))
    pairs, pair = np.unique(
        np.concatenate([first[rows] * size + last[rows], last[rows] * size + first[rows]]),
        return_inverse=True,
    )
    n = len(rows)
    held = customer[rows].astype(np.int64) * len(pairs) + pair[:n]
    turned = customer[rows].astype(np.int64) * len(pairs) + pair[n:]
    kinds, counts = np.unique(held, return_counts=True)
    agreed = counts[np.searchsorted(kinds, held)] > 1
    at = np.minimum(np.searchsorted(kinds, turned), len(kinds) - 1)
    return agreed, kinds[at] == turned


def _local_parts(values: pa.Table, rows: np.ndarray) -> dict[int, tuple[str, ...]]:
    """Per record of ``rows``: the local parts (before the @, in lower case) of its customer's
    e-mail addresses."""
    if "email" not in values.column_names:
        return {}
    customers = values.column("customer360_id").combine_chunks()
    wanted = pc.is_in(customers, value_set=customers.take(pa.array(rows)))
    held = pc.and_(wanted, pc.is_valid(values.column("email").combine_chunks()))
    at = pa.array(np.flatnonzero(pc.fill_null(held, False).to_numpy(zero_copy_only=False)))
    local = pc.utf8_lower(
        pc.list_element(pc.split_pattern(values.column("email").combine_chunks().take(at), "@"), 0)
    )
    by_customer: dict[str, set[str]] = {}
    for who, part in zip(customers.take(at).to_pylist(), local.to_pylist(), strict=True):
        by_customer.setdefault(who, set()).add(part)
    return {
        int(r): tuple(sorted(by_customer.get(who, ())))
        for r, who in zip(rows.tolist(), customers.take(pa.array(rows)).to_pylist(), strict=True)
    }


# Anything but a letter of any script (``str.isalpha``, as ``normalise.name_key`` reads them).
_NOT_A_LETTER = re.compile(r"[\W\d_]+")


@lru_cache(maxsize=1 << 16)
def mailbox_words(local: str) -> tuple[str, ...]:
    """The words of an e-mail address's local part as name keys spell them: its runs of
    letters of any script, in lower case, accents off (``normalise.name_key``).

    >>> mailbox_words("josé.garcía77"), mailbox_words("jürgen_groß"), mailbox_words("lina.pohl")
    (('jose', 'garcia'), ('jurgen', 'gross'), ('lina', 'pohl'))
    """
    if local.isascii():  # most addresses: the same words, read faster
        return tuple(w for w in _NOT_A_LETTER.split(local.lower()) if w)
    words = _NOT_A_LETTER.split(unicodedata.normalize("NFC", local))
    return tuple(part for w in words if w for part in (name_key(w) or "").split())


SPELT_IN_ADDRESS = 3  # a name of fewer letters is in too many addresses by chance


def address_order(first: str, last: str, locals_: tuple[str, ...]) -> tuple[int, int]:
    """What the customer's addresses (local parts) say of the order of two name keys: 1 as
    written, -1 swapped, 0 nothing (or addresses that disagree); first from an address
    holding both names in full (lina.pohl, linapohl44; a word of it may be the name one typo
    off, as a record misspelt it: grace.owen for Grae Owen), then from one holding one name with
    the other's initial (linap, lpohl: a given name before the family name's initial, or the
    given name's initial before the family name).

    >>> address_order("pohl", "lina", ("lina.pohl44",)), address_order("lina", "pohl", ("lpohl",))
    ((-1, 0), (0, 1))
    >>> address_order("owen", "grae", ("grace.owen",))
    (-1, 0)
    """
    a, b = first.replace(" ", ""), last.replace(" ", "")
    if min(len(a), len(b)) < SPELT_IN_ADDRESS:
        return 0, 0
    full, initial = set(), set()
    for local in locals_:
        words = list(mailbox_words(local))
        letters = "".join(words)
        at_a, at_b = _found_at(a, letters, words), _found_at(b, letters, words)
        if at_a >= 0 and at_b >= 0 and (at_a + len(a) <= at_b or at_b + len(b) <= at_a):
            full.add(1 if at_a < at_b else -1)
        for word in words:
            if word in (a + b[0], a[0] + b):
                initial.add(1)
            if word in (b + a[0], b[0] + a):
                initial.add(-1)
    return (full.pop() if len(full) == 1 else 0), (initial.pop() if len(initial) == 1 else 0)


def _found_at(name: str, letters: str, words: list[str]) -> int:
    """Where ``name`` begins in an address's ``letters``: written out, or as a word one typo
    from it (a record's Grae in grace.owen); -1 if nowhere."""
    at = letters.find(name)
    if at >= 0:
        return at
    start = 0
    for word in words:
        if given_names.typo(name, word):
            return start
        start += len(word)
    return -1


@lru_cache(maxsize=1 << 16)
def _given_like(name: str) -> bool:
    """Whether a name key may be a given name: listed, a word of it listed or one slip from a
    listed name (Melnie), or initials (JF)."""
    if len(name.replace(" ", "")) <= INITIALS or given_names.known(name):
        return True
    return any(given_names.listed(w) or given_names.corrections(w) for w in name.split())


def given_name_order(first: str, last: str) -> int:
    """What given-name knowledge says of the order of two name keys: 1 as written when the
    first is a listed given name and the last no given name, nor a misspelling or initials of
    one (Lina Weber); -1 the other way round, the first a known surname too (Weber Lina; not
    Xiulan Thomas); 0 otherwise (Ross Alistair: both given names; Weber Lnia: Lnia may be Lina
    misspelt).

    >>> given_name_order("lina", "weber"), given_name_order("weber", "lina")
    (1, -1)
    >>> given_name_order("ross", "alistair"), given_name_order("weber", "lnia")
    (0, 0)
    >>> given_name_order("xiulan", "thomas")
    0
    """
    if given_names.listed(first) and not _given_like(last):
        return 1
    if given_names.listed(last) and not _given_like(first) and first in SURNAMES:
        return -1
    return 0


def voted_swaps(values: pa.Table) -> np.ndarray:
    """Per record: whether its customer's records read its first and last name the other way
    round.

    Within a customer each record votes for the role of each name key it holds: +1 as a first
    name, -1 as a last name, :data:`NAME_ALONE` times that for a name given without the other;
    a nickname's vote counts for each formal name it stands for too (Alex for Alexander).
    A record with two different names is swapped when its last name has more votes as a first
    name than its first name has (its own votes count: one record against one is a tie). On a
    tie, a listed given name goes first (Lina Pohl); still in doubt, a record alone in doubt
    follows the records around it, and of several, the one read first (the source listed first
    under ``identity.sources``) keeps its order and the others are read as it reads them.
    A record with nothing against it is read as written.
    """
    swapped = np.zeros(values.num_rows, dtype=bool)
    if not {"first_name_key", "last_name_key"} <= set(values.column_names):
        return swapped
    _, customer = distinct_codes(values.column("customer360_id"))
    names, codes = distinct_codes(
        pa.chunked_array(
            [*values.column("first_name_key").chunks, *values.column("last_name_key").chunks],
            pa.string(),
        )
    )
    first, last = codes[: values.num_rows], codes[values.num_rows :]
    has_first, has_last = first >= 0, last >= 0
    if not (has_first & has_last).any():
        return swapped
    weight = np.where(has_first & has_last, 1, NAME_ALONE)
    size = len(names) + 1
    voted = [
        customer[has_first] * size + first[has_first],
        customer[has_last] * size + last[has_last],
    ]
    weights = [weight[has_first], -weight[has_last]]
    formal = formal_codes(names)
    for code, sign in ((first, 1), (last, -1)):
        rows, counts, stands_for = standing_for(code, formal)
        voted.append(np.repeat(customer[rows], counts) * size + stands_for)
        weights.append(np.repeat(sign * weight[rows], counts))
    keys, at = np.unique(np.concatenate(voted), return_inverse=True)
    votes = np.bincount(at, np.concatenate(weights)).astype(np.int64)

    def as_first(code: np.ndarray) -> np.ndarray:
        wanted = customer * size + code
        found = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        return np.where(keys[found] == wanted, votes[found], 0)

    both = has_first & has_last & (first != last)
    lead = np.where(both, as_first(last) - as_first(first), -1)
    swapped[lead > 0] = True
    tied = np.flatnonzero(lead == 0)
    listed_first = np.array([given_names.listed(names[c]) for c in first[tied]], dtype=bool)
    listed_last = np.array([given_names.listed(names[c]) for c in last[tied]], dtype=bool)
    swapped[tied[listed_last & ~listed_first]] = True
    doubt = tied[listed_first == listed_last]
    doubt = doubt[np.argsort(customer[doubt], kind="stable")]  # each customer's in read order
    starts = run_starts(customer[doubt])
    count = np.diff(np.r_[starts, len(doubt)])
    anchor, count = np.repeat(doubt[starts], count), np.repeat(count, count)
    crosses = (first[doubt] == last[anchor]) | (last[doubt] == first[anchor])
    swapped[doubt[(count == 1) | (crosses & (doubt != anchor))]] = True
    return swapped


def oriented_names(values: pa.Table) -> pa.Table:
    """``values`` with the first and last name (display and key) of :func:`swapped_names`
    records exchanged."""
    swapped = swapped_names(values)
    if not swapped.any():
        return values
    mask = pa.array(swapped)
    for one, other in (("first_name", "last_name"), ("first_name_key", "last_name_key")):
        a, b = values.column(one).combine_chunks(), values.column(other).combine_chunks()
        values = values.set_column(values.schema.get_field_index(one), one, pc.if_else(mask, b, a))
        values = values.set_column(
            values.schema.get_field_index(other), other, pc.if_else(mask, a, b)
        )
    return values


def formal_codes(names: list[str]) -> list[list[int]]:
    """Per name, the positions in ``names`` of the formal names it is a nickname of (Will:
    Guillaume, William); none for two names that stand for each other."""
    index = {name: i for i, name in enumerate(names)}
    forms = nicknames.FORMS
    return [
        [index[f] for f in forms.get(name, ()) if f != name and f in index
         and name not in forms.get(f, ())]
        for name in names
    ]  # fmt: skip


def standing_for(
    codes: np.ndarray, formal: list[list[int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows whose name (``codes``, -1 for NULL) is a nickname, how many formal names each
    stands for, and those names' codes, row after row."""
    # Code -1 (NULL) takes the appended 0.
    counts = np.array([len(f) for f in formal] + [0], dtype=np.int64)[codes]
    rows = np.flatnonzero(counts)
    stands_for = np.array([f for c in codes[rows] for f in formal[c]], dtype=np.int64)
    return rows, counts[rows], stands_for

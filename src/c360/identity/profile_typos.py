"""Names and birth dates read against the customer's other records: initials, nicknames and
misspellings of a name another record spells out, typos and day-month swaps fewer records hold.

Pure functions on Arrow tables: the records' values (``profile_records.record_values``) in, one
flag per record out. A flagged value never wins survivorship.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.identity import given_names, nicknames
from c360.identity.normalise import name_key
from c360.identity.profile_names import (
    INITIALS,
    distinct_codes,
    encoded,
    formal_codes,
    standing_for,
)
from c360.identity.profile_spelling import UMLAUT, UMLAUTS


@lru_cache(maxsize=1 << 16)
def _initial_forms(key: str) -> tuple[str, ...]:
    """The initials that can stand for a name key, shorter than the name: "jean francois" → j,
    jf; "john" → j; "jf" → j."""
    letters = "".join(word[0] for word in key.split())
    length = len(key.replace(" ", ""))
    return tuple(letters[:n] for n in range(1, min(len(letters), INITIALS) + 1) if n < length)


def initials_of_spelled(values: pa.Table, attribute: str) -> np.ndarray:
    """Per record: whether its ``attribute`` key is initials ("JF", "J. F.", "J.") of a name
    another record of its customer spells out (Jean-François, John). Such a name never wins:
    initials are no name, and title-cased they show as one ("Jf"). A short name that stands
    for nothing else (Li, Ng, Wu; or JF alone) is voted on as any other."""
    found = np.zeros(values.num_rows, dtype=bool)
    names, codes = distinct_codes(values.column(f"{attribute}_key"))
    compact = [name.replace(" ", "") for name in names]
    # Code -1 (NULL) takes the appended False.
    short = np.array([len(c) <= INITIALS for c in compact] + [False], dtype=bool)[codes]
    if not short.any():
        return found
    _, customer = distinct_codes(values.column("customer360_id"))
    near = np.flatnonzero((codes >= 0) & np.isin(customer, customer[short]))
    forms = [_initial_forms(name) for name in names]
    spelled = [form for code in codes[near] for form in forms[code]]
    owner = np.repeat(customer[near], [len(forms[code]) for code in codes[near]])
    words = {text: i for i, text in enumerate({*spelled, *(compact[c] for c in codes[short])})}
    size = len(words) + 1
    stands_for = owner * size + np.array([words[f] for f in spelled], dtype=np.int64)
    written = customer[short] * size + np.array(
        [words[compact[c]] for c in codes[short]], dtype=np.int64
    )
    found[np.flatnonzero(short)] = np.isin(written, stands_for)
    return found


def nicknames_of_spelled(values: pa.Table) -> np.ndarray:
    """Per record: whether its first name key is a nickname or short form (Will, Bob, Steph) of a
    formal name another record of its customer spells out (Guillaume or William, Robert,
    Stéphanie), as :data:`nicknames.FORMS` relates them. Such a name never wins: the profile
    shows the name in full. A nickname alone, or beside a formal name it does not stand for, is
    voted on as any other; of two names that stand for each other, neither gives way."""
    found = np.zeros(values.num_rows, dtype=bool)
    names, codes = distinct_codes(values.column("first_name_key"))
    rows, counts, stands_for = standing_for(codes, formal_codes(names))
    if not len(rows):
        return found
    _, customer = distinct_codes(values.column("customer360_id"))
    size = len(names) + 1
    named = codes >= 0
    spelled = np.isin(
        np.repeat(customer[rows], counts) * size + stands_for, customer[named] * size + codes[named]
    )
    found[rows] = np.logical_or.reduceat(spelled, np.r_[0, np.cumsum(counts)[:-1]])
    return found


def _pairs(left: np.ndarray, right: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Each ``left`` key with each ``right`` key of its customer (keys ``customer * size +
    code``, each array sorted): the two sides of every pair, pair after pair."""
    first = np.searchsorted(right // size, left // size, side="left")
    count = np.searchsorted(right // size, left // size, side="right") - first
    offset = np.cumsum(count) - count  # where each left key's pairs start
    at = np.repeat(first - offset, count) + np.arange(count.sum())
    return np.repeat(left, count), right[at]


def _marked(customer: np.ndarray, codes: np.ndarray, size: int, keys: np.ndarray) -> np.ndarray:
    """Per record: whether its ``customer * size + code`` is one of ``keys`` (never for NULL)."""
    found = np.zeros(len(codes), dtype=bool)
    named = codes >= 0
    found[named] = np.isin(customer[named] * size + codes[named], keys)
    return found


def misspellings_of_held(values: pa.Table) -> np.ndarray:
    """Per record: whether its first name key is a misspelling (``given_names.misspelling``)
    of a listed name another record of its customer holds, or of a nickname of one: Melussa
    beside Melissa, Jean-Oierre beside Jean-Pierre, Abbby (Abby) beside Abigail. Such a name
    never wins: the customer's records spell the name right too. A misspelling alone, beside
    another customer's name, or a typo of a name no list holds, is voted on as any other."""
    names, codes = distinct_codes(values.column("first_name_key"))
    if len(names) < 2:
        return np.zeros(values.num_rows, dtype=bool)
    _, customer = distinct_codes(values.column("customer360_id"))
    size = len(names)
    named = codes >= 0
    held = np.unique(customer[named] * size + codes[named])  # each customer's names, once
    known = np.array([given_names.known(name) for name in names], dtype=bool)[held % size]
    wrong, right = _pairs(held[~known], held[known], size)
    misspelt = [
        _misspelt(names[a], names[b]) for a, b in zip((wrong % size).tolist(),
                                                      (right % size).tolist(), strict=True)
    ]  # fmt: skip
    return _marked(customer, codes, size, wrong[np.array(misspelt, dtype=bool)])


@lru_cache(maxsize=1 << 16)
def _misspelt(name: str, held: str) -> bool:
    """Whether ``name`` misspells ``held`` or a nickname of it."""
    return given_names.misspelling(name, held) or any(
        given_names.misspelling(name, short) for short in _SHORT_FORMS.get(held, ())
    )


OTHERS_SPELLING = 3  # other customers holding a spelling that outvote a typo one record holds


def outvoted_typos(
    values: pa.Table, attribute: str, voting: np.ndarray | None = None
) -> np.ndarray:
    """Per record: whether its ``attribute`` key is one typo (``given_names.typo``: the first
    letter spared) from a key more of its customer's records hold (Leburn beside Lebrun twice).
    The spelling the other records agree on is the person's, whatever the rule. One record
    against one is left to the rule, unless the customer alone holds one spelling and at least
    ``OTHERS_SPELLING`` other customers the other (Banco beside Blanco): a typo makes a
    spelling no one else has. Only the ``voting`` records (all if None) count and are marked."""
    names, codes = distinct_codes(values.column(f"{attribute}_key"))
    if voting is not None:
        codes = np.where(voting, codes, -1)
    _, customer = distinct_codes(values.column("customer360_id"))
    size = len(names) + 1
    named = codes >= 0
    held, counts = np.unique(customer[named] * size + codes[named], return_counts=True)
    holders = np.bincount(held % size, minlength=size)  # customers holding each name
    several = np.isin(held // size, (held // size)[np.flatnonzero(np.diff(held // size) == 0)])
    held, counts = held[several], counts[several]  # customers holding two names or more
    fewer, more = _pairs(held, held, size)
    held_fewer, held_more = (
        counts[np.searchsorted(held, fewer)],
        counts[np.searchsorted(held, more)],
    )
    alone = (holders[fewer % size] == 1) & (holders[more % size] > OTHERS_SPELLING)
    lead = (held_more > held_fewer) | ((held_more == held_fewer) & alone)
    fewer, more = fewer[lead], more[lead]
    near = [
        given_names.typo(names[a], names[b])
        for a, b in zip((fewer % size).tolist(), (more % size).tolist(), strict=True)
    ]
    return _marked(customer, codes, size, fewer[np.array(near, dtype=bool)])


# Each formal name's nicknames and short forms (Abigail: Abby, Abbie, Gail), as formal_codes
# reads nicknames.FORMS.
_SHORT_FORMS: dict[str, list[str]] = {}
for _short, _formals in sorted(nicknames.FORMS.items()):
    for _formal in sorted(_formals):
        if _formal != _short and _short not in nicknames.FORMS.get(_formal, ()):
            _SHORT_FORMS.setdefault(_formal, []).append(_short)


def outvoted_date_swaps(values: pa.Table) -> np.ndarray:
    """Per record: whether its birth date is another record's of its customer with day and month
    swapped (1985-07-03 beside 1985-03-07) and fewer of the customer's records hold it. A
    form that reads the day first, typed month first, swaps them in one record; the date the
    other records agree on is the person's, whatever the rule. One record against one is left to
    the rule, as is any other disagreement (a year slipped, another date)."""
    found = np.zeros(values.num_rows, dtype=bool)
    if "date_of_birth" not in values.column_names:
        return found
    dates, codes = encoded(values.column("date_of_birth"))
    # ISO text as record_values writes it ("1985-" "07" "-03" of 1985-03-07): the code of the
    # date with day and month swapped, when some record holds it (-1 otherwise; NULL takes the
    # appended -1).
    cut = [pc.utf8_slice_codeunits(dates, start, stop) for start, stop in ((0, 5), (8, 10), (4, 7))]
    swapped = pc.index_in(pc.binary_join_element_wise(*cut, ""), value_set=dates)
    other = np.r_[pc.fill_null(swapped, -1).to_numpy(zero_copy_only=False), -1].astype(np.int64)
    other = other[codes]
    rows = np.flatnonzero((other >= 0) & (other != codes))
    if not len(rows):
        return found
    _, customer = distinct_codes(values.column("customer360_id"))
    size = len(dates)
    held = codes >= 0
    keys, counts = np.unique(customer[held] * size + codes[held], return_counts=True)

    def holding(key: np.ndarray) -> np.ndarray:
        at = np.minimum(np.searchsorted(keys, key), len(keys) - 1)
        return np.where(keys[at] == key, counts[at], 0)

    mine = holding(customer[rows] * size + codes[rows])
    found[rows] = holding(customer[rows] * size + other[rows]) > mine
    return found


def umlauts_written_out(values: pa.Table, attribute: str) -> np.ndarray:
    """Per record: whether its ``attribute`` key is a name another record of its customer spells
    with an umlaut, the umlaut written out (Joerg beside Jörg, Mueller beside Müller). Such a
    name never wins: the name is the one with the umlaut (its key, "jorg", is that of Jorg too,
    which votes with it). Without a record spelling the umlaut, "oe" is read as written: Joel,
    Michael and Manuel hold no umlaut, and Bjoern beside Bjorn is voted on as any other."""
    found = np.zeros(values.num_rows, dtype=bool)
    display = values.column(attribute)
    # Most names are ASCII: the pattern is looked for in the others only.
    accented = pc.invert(pc.fill_null(pc.string_is_ascii(display), True))
    spelled = np.flatnonzero(accented.to_numpy(zero_copy_only=False))
    umlaut = pc.match_substring_regex(display.take(spelled), UMLAUT)
    spelled = spelled[umlaut.to_numpy(zero_copy_only=False)]
    if not len(spelled):
        return found
    names = pc.dictionary_encode(display.take(spelled).combine_chunks())
    out = [name_key(name.translate(UMLAUTS)) for name in names.dictionary.to_pylist()]
    written = [out[i] for i in names.indices.to_pylist()]
    customers = values.column("customer360_id")
    pairs = {(c, w) for c, w in zip(customers.take(spelled).to_pylist(), written, strict=True)}
    keys = values.column(f"{attribute}_key")
    # Only records of those customers holding one of those keys can be such a name.
    near = pc.and_(
        pc.is_in(customers, value_set=pa.array({c for c, _ in pairs}, pa.string())),
        pc.is_in(keys, value_set=pa.array({w for _, w in pairs}, pa.string())),
    )
    rows = np.flatnonzero(pc.fill_null(near, False).to_numpy(zero_copy_only=False))
    held = zip(customers.take(rows).to_pylist(), keys.take(rows).to_pylist(), strict=True)
    found[rows] = [pair in pairs for pair in held]
    return found

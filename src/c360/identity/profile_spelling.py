"""A surviving name or city shown as a record of the customer writes it: with the accents and the
case systems drop. Systems drop accents and write in capitals (title-cased back, "MCKENZIE" shows
as "Mckenzie"), none adds an accent or makes up a McKenzie: so another record's spelling of the
same letters with them is the person's. Where no record of the customer spells the accents or
the case, the spelling most people of the customer's country with that name write is (Weiss,
Yilmaz, Doerte are Weiß, Yılmaz, Dörte with their accents dropped; Von Stein is von Stein
title-cased), and the hyphens and apostrophes they write where a slip dropped or moved them on
every record (HansPeter, OConnor), unless as many people write the name so (Leroux beside Le
Roux). A doubled hyphen, or a space beside one, is dropped.

Pure functions on Arrow tables: the records' values (``profile_records.record_values``) and the
survivors (one row per customer and attribute, with the ``display`` shown) in, the survivors out.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.identity.normalise import name_key, per_value
from c360.identity.profile_records import cased_as_written, display_case, place_case
from c360.identity.survivorship import run_starts

NAMES = ("first_name", "last_name")
SPELT = (*NAMES, "city")  # shown as a record spells them
# German umlauts as a keyboard without them writes them out ("Jörg" as "Joerg").
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
UMLAUT = "[äöüÄÖÜ]"
# Letters Unicode does not decompose into a letter and accents, as systems without them write them.
_PLAIN_LETTERS = str.maketrans({
    "ß": "ss", "ẞ": "SS", "ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "Æ": "Ae",
    "œ": "oe", "Œ": "Oe", "đ": "d", "Đ": "D",
})  # fmt: skip
_HYPHEN = r"\s*-[\s\-]*"  # a hyphen, with the hyphens and spaces typed beside it
# Where a spelling may differ from title case: a capital after a letter, a word in lower case.
_CASED = r"\pL\p{Lu}|(?:^|[\s\-'’.])\p{Ll}"


def customer_value(customers: pa.ChunkedArray, values: pa.ChunkedArray) -> pa.ChunkedArray:
    """Each row's customer and value as one string (NULL where the value is)."""
    return pc.binary_join_element_wise(customers, values, "\x1f")


def spelt_as_written(values: pa.Table, won: pa.Table) -> pa.Table:
    """``won`` with names and cities shown with their accents and case as a record of the
    customer writes them (:func:`with_accents`, :func:`with_case`), or else as most people of
    its country do (:func:`with_common_separators`, :func:`with_common_case`,
    :func:`with_common_accents`); :func:`tidied`."""
    of_spelt = pc.is_in(won["attribute"], value_set=pa.array(SPELT, pa.string()))
    rows = np.flatnonzero(of_spelt.to_numpy(zero_copy_only=False))
    if not len(rows):
        return won
    # Only their rows are worked on (a few attributes of the many that survive).
    countries = _countries(won)
    part = with_case(values, with_accents(values, tidied(won.take(pa.array(rows)))))
    part = with_common_separators(values, part, countries)
    part = with_common_accents(values, with_common_case(values, part, countries), countries)
    part = tidied(part)  # again: a record's spelling shown may hold one
    index = np.full(won.num_rows, -1, dtype=np.int64)
    index[rows] = np.arange(len(rows))
    at = pa.array(index, mask=index < 0)
    for column in ("display", "record_key", "source"):
        shown = pc.coalesce(part[column].take(at), won[column]).cast(won.schema.field(column).type)
        won = won.set_column(won.column_names.index(column), column, shown)
    return won


def tidied(won: pa.Table) -> pa.Table:
    """``won`` with a doubled hyphen in a display, or a space beside a hyphen, dropped
    ("Marie--Luise", "Schmidt - Wagner" as Marie-Luise, Schmidt-Wagner)."""
    display = won["display"]
    if not pc.any(pc.match_substring_regex(display, r"--|\s-|-\s")).as_py():
        return won  # most often: nothing to drop
    tidy = pc.replace_substring_regex(display, _HYPHEN, "-")
    return won.set_column(won.column_names.index("display"), "display", tidy)


def with_accents(values: pa.Table, won: pa.Table) -> pa.Table:
    """``won`` with a name or city that won written without accents shown as a record of the
    customer spells the same name with them, and that record as the one shown ("Melanie" as
    "Mélanie"). A name is the same when its key is; a city when its letters are (Saint-Etienne
    takes Saint-Étienne's accents, not St-Étienne's). Of several, the spelling more records
    hold, then the smallest record key."""
    for attribute in SPELT:
        if attribute not in values.column_names:
            continue
        spelt = values.column(attribute)
        accented = pc.invert(pc.fill_null(pc.string_is_ascii(spelt), True))
        rows = np.flatnonzero(accented.to_numpy(zero_copy_only=False))
        if not len(rows):
            continue
        shown = pc.and_(pc.equal(won["attribute"], attribute), pc.string_is_ascii(won["display"]))
        if attribute in NAMES:
            match = values[f"{attribute}_key"].take(pa.array(rows))
            won = _respelt(values, won, attribute, rows, match, shown, lambda w: w["value"])
        else:
            match = _per_value(spelt.take(pa.array(rows)), name_key)
            won = _respelt(
                values, won, attribute, rows, match, shown,
                lambda w: _per_value(w["display"], name_key),
            )  # fmt: skip
    return won


COMMON_SPELLING = 3  # people of a country writing a spelling before it lends it
SLIP = 10  # times as many people writing the common spelling as a slip of its signs


def _countries(won: pa.Table) -> pa.Table:
    """(``customer360_id``, ``country``) of the customers whose country survived."""
    rows = won.filter(pc.equal(won["attribute"], "country"))
    return pa.table({"customer360_id": rows["customer360_id"], "country": rows["display"]})


@lru_cache(maxsize=1 << 14)
def without_accents(spelling: str) -> str:
    """``spelling`` with its accents dropped (the letters they sit on kept).

    >>> without_accents("Hélène"), without_accents("Nîmes"), without_accents("Weiß")
    ('Helene', 'Nimes', 'Weiß')
    """
    decomposed = unicodedata.normalize("NFD", spelling)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", plain)


@lru_cache(maxsize=1 << 14)
def plain_spellings(spelling: str) -> tuple[str, ...]:
    """``spelling`` as systems without accents write it: with them dropped (ß as ss, ı as i),
    and, if it holds umlauts, with them written out.

    >>> plain_spellings("Hélène"), plain_spellings("Weiß"), plain_spellings("Dörte")
    (('Helene',), ('Weiss',), ('Dorte', 'Doerte'))
    """
    dropped = without_accents(spelling).translate(_PLAIN_LETTERS)
    written_out = without_accents(spelling.translate(UMLAUTS)).translate(_PLAIN_LETTERS)
    return (dropped,) if written_out == dropped else (dropped, written_out)


def with_common_accents(values: pa.Table, won: pa.Table, countries: pa.Table) -> pa.Table:
    """``won`` with a name or city still written without accents shown with the accents most
    people of the customer's country (``countries``) holding the same name write it with: a
    French customer's Helene as Hélène when most French customers called Helene write Hélène,
    while a German Helene stays Helene (most German Helenes write no accent). People are the
    customers of ``values``; a name is the same when its key is or, for an umlaut written out,
    the key with the umlaut (Doerte holds Dörte's name), and is respelt only when its letters
    and case are one of the accented spelling's :func:`plain_spellings`. Only for a spelling
    at least :data:`COMMON_SPELLING` people write, more than half of those of the country
    holding the name; of several, the one more people write, then the first in code point
    order. The record shown stays the one whose value won. A person who writes the name
    plainly (a Catalan Maria among Spanish Marías) is respelt too: no record tells them apart,
    as every source drops accents on some records and keeps them on others."""
    for attribute, held, won_country in _by_country(values, won, countries):
        accented = pc.invert(pc.string_is_ascii(held["spelling"]))
        if not pc.any(accented).as_py():
            continue
        held = _umlauts_held(held, held["spelling"].filter(accented))
        accented = held.filter(pc.invert(pc.string_is_ascii(held["spelling"])))
        # Only names some record writes with accents are counted.
        held = held.filter(pc.is_in(held["key"], value_set=pc.unique(accented["key"])))
        best = _most_written(held, accented)
        plain, spelling = [], []
        for where, spelt in zip(*best.select(["country", "spelling"]).to_pydict().values(),
                                strict=True):  # fmt: skip
            plain += [f"{where}\x1f{p}" for p in plain_spellings(spelt)]
            spelling += [spelt] * len(plain_spellings(spelt))
        shown = pc.string_is_ascii(won["display"]).to_numpy(zero_copy_only=False)
        rows, found = _found(won, attribute, shown, won_country, lambda d: d, pa.array(plain))
        won = _displayed(won, rows, [spelling[i] for i in found])
    return won


def with_common_case(values: pa.Table, won: pa.Table, countries: pa.Table) -> pa.Table:
    """``won`` with a name or city still in a case no one typed (title case, a slip) shown in
    the case most people of the customer's country holding the same name type it in: a German
    customer's Von Stein as von Stein when most German von Steins write "von". A spelling's
    case is that of its letters without accents (von Bulow and von Bülow both write von
    Bülow's), laid letter by letter on the letters shown; people are counted as
    :func:`with_common_accents` counts them, typing a case when a record writes the name cased
    as written (``profile_records.cased_as_written``). The record shown stays the one whose
    value won."""
    for attribute, held, won_country in _by_country(values, won, countries):
        typed = held.filter(pa.array(_cased(held["spelling"])))
        if not typed.num_rows:
            continue
        plain = _per_value(typed["spelling"], without_accents)
        typed = typed.set_column(typed.column_names.index("spelling"), "spelling", plain)
        held = held.filter(pc.is_in(held["key"], value_set=pc.unique(typed["key"])))
        best = _most_written(held, typed)
        cases = best["spelling"].to_pylist()
        rows, found = _found(
            won, attribute, ~_cased(won["display"]), won_country,
            lambda d: pc.utf8_lower(_per_value(d, without_accents)),
            customer_value(best["country"], pc.utf8_lower(best["spelling"])),
        )  # fmt: skip
        shown = won["display"].take(pa.array(rows)).to_pylist()
        respelt = [_case_as(s, cases[i]) for s, i in zip(shown, found, strict=True)]
        won = _displayed(won, rows, respelt)
    return won


def with_common_separators(values: pa.Table, won: pa.Table, countries: pa.Table) -> pa.Table:
    """``won`` with a name or city whose hyphens, apostrophes, spaces or dots a slip dropped,
    moved or doubled (HansPeter, Hans Peter, OConnor, LeG all, St.. John) shown with those most
    people of the customer's country holding the same letters write: Hans-Peter, O'Connor, Le
    Gall, St. John. Letters are the same but for case and accents; people are counted as
    :func:`with_common_accents` counts them. Only for a spelling at least
    :data:`COMMON_SPELLING` people write, more than half of those holding the letters, and in
    place of one at most one in :data:`SLIP` as many write: a slip is rare, a name written
    otherwise is not (Leroux, as many French people's name as Le Roux, stays). The letters shown
    keep their case and accents, but a case no one typed (title case) is given again to the
    letters respelt: Ob'Rien, OB'RIEN title-cased, as O'Brien. The record shown stays the one
    whose value won."""
    for attribute, held, won_country in _by_country(values, won, countries):
        forms, letters = _signs(held["spelling"])
        signed = pc.not_equal(letters, forms)  # a spelling with signs between its letters
        if not pc.any(signed).as_py():
            continue
        held = pa.table({"customer360_id": held["customer360_id"], "country": held["country"],
                         "key": letters, "spelling": forms})  # fmt: skip
        held = held.filter(pc.is_in(held["key"], value_set=pc.unique(letters.filter(signed))))
        best = _most_written(held, held.filter(pc.not_equal(held["key"], held["spelling"])))
        rows, found = _found(
            won, attribute, np.ones(won.num_rows, dtype=bool), won_country,
            lambda d: _signs(d)[1], customer_value(best["country"], best["key"]),
        )  # fmt: skip
        if not len(rows):
            continue
        people = _people(held.filter(pc.is_in(held["key"], value_set=best["key"])))
        common = best.to_pylist()
        at = pa.array(rows)
        shown = zip(won["display"].take(at).to_pylist(), _signs(won["display"].take(at))[0]
                    .to_pylist(), won_country.take(at).to_pylist(), found, strict=True)  # fmt: skip
        kept = np.zeros(len(rows), dtype=bool)
        respelt = []
        for i, (display, form, where, index) in enumerate(shown):
            key, spelling = common[index]["key"], common[index]["spelling"]
            if form == spelling:
                continue
            if people.get((where, key, form), 0) * SLIP > people[(where, key, spelling)]:
                continue  # as a name of its own: not a slip
            signed_as = _signed_as(display, spelling, attribute == "city")
            if signed_as != display:
                kept[i] = True
                respelt.append(signed_as)
        won = _displayed(won, rows[kept], respelt)
    return won


def _signs(spellings: pa.ChunkedArray | pa.Array) -> tuple[pa.Array, pa.Array]:
    """Each of ``spellings`` in lower case without accents, its signs kept ("jean-francois" for
    Jean-François), and its letters alone ("jeanfrancois")."""
    if isinstance(spellings, pa.ChunkedArray):
        spellings = spellings.combine_chunks()
    encoded = pc.dictionary_encode(spellings)  # worked out once per distinct spelling
    forms = pc.utf8_lower(_per_value(encoded.dictionary, without_accents))
    letters = pa.array(
        [None if f is None else "".join(filter(str.isalpha, f)) for f in forms.to_pylist()],
        pa.string(),
    )
    return forms.take(encoded.indices), letters.take(encoded.indices)


def _people(held: pa.Table) -> dict[tuple[str, str, str], int]:
    """How many people of ``held`` (:func:`_held`'s columns) write each spelling, by
    (``country``, ``key``, ``spelling``)."""
    spelt = held.group_by(["country", "key", "spelling", "customer360_id"], use_threads=False)
    counts = spelt.aggregate([]).group_by(["country", "key", "spelling"], use_threads=False)
    counts = counts.aggregate([([], "count_all")]).to_pydict()
    return {
        (country, key, spelling): n
        for country, key, spelling, n in zip(*counts.values(), strict=True)
    }


def _signed_as(shown: str, form: str, place: bool) -> str:
    """The letters of ``shown`` (with their accents) between the signs of ``form`` (the same
    letters but for case and accents, :func:`_signs`), title-cased again (as a ``place``) if
    ``shown`` was, else in their case; ``shown`` if the letters do not line up.

    >>> _signed_as("HansPeter", "hans-peter", False), _signed_as("Ob'Rien", "o'brien", False)
    ('Hans-Peter', "O'Brien")
    """
    letters: list[str] = []
    for c in unicodedata.normalize("NFC", shown):
        if c.isalpha():
            letters.append(c)
        elif unicodedata.combining(c) and letters:
            letters[-1] += c
    if len(letters) != sum(c.isalpha() for c in form):
        return shown
    at = iter(letters)
    signed = "".join(next(at) if c.isalpha() else c for c in form)
    if cased_as_written(shown):
        return signed
    return (place_case if place else display_case)(signed.lower()) or signed


def _by_country(
    values: pa.Table, won: pa.Table, countries: pa.Table
) -> Iterator[tuple[str, pa.Table, pa.ChunkedArray]]:
    """Each attribute of ``SPELT`` that ``values`` hold, its records with a country
    (:func:`_held`), and the country of each row of ``won``; none without ``countries``."""
    if not countries.num_rows:
        return
    country = _country_of(values["customer360_id"], countries)
    won_country = _country_of(won["customer360_id"], countries)
    for attribute in SPELT:
        if attribute in values.column_names:
            yield attribute, _held(values, attribute, country), won_country


def _held(values: pa.Table, attribute: str, country: pa.ChunkedArray) -> pa.Table:
    """The records of ``values`` with a ``country``, a key and a spelling of ``attribute``:
    their ``customer360_id``, ``country``, ``key`` and ``spelling``."""
    return pa.table({
        "customer360_id": values["customer360_id"],
        "country": country,
        "key": values[f"{attribute}_key"],
        "spelling": values[attribute],
    }).filter(pc.is_valid(pc.field("country")) & pc.is_valid(pc.field("key"))
              & pc.is_valid(pc.field("spelling")))  # fmt: skip


def _umlauts_held(held: pa.Table, accented: pa.ChunkedArray) -> pa.Table:
    """``held`` with the key of a name written with its umlauts out (of the ``accented``
    spellings) as that of the name with them: Doerte's "doerte" as Dörte's "dorte"."""
    spellings = pc.unique(accented)
    keys: dict[str, str] = {}
    for spelt in sorted(spellings.filter(pc.match_substring_regex(spellings, UMLAUT)).to_pylist()):
        key, written_out = name_key(spelt), name_key(spelt.translate(UMLAUTS))
        if written_out != key and written_out is not None and key is not None:
            keys.setdefault(written_out, key)
    if not keys:
        return held
    at = pc.index_in(held["key"], value_set=pa.array(list(keys), pa.string()))
    key = pc.coalesce(pc.take(pa.array(list(keys.values()), pa.string()), at), held["key"])
    return held.set_column(held.column_names.index("key"), "key", key)


def _most_written(held: pa.Table, writing: pa.Table) -> pa.Table:
    """Per country and key of ``held`` (:func:`_held`'s columns), the spelling of ``writing``
    (rows of the same columns) at least :data:`COMMON_SPELLING` people write, more than half
    of those holding the key; of several, the one more people write, then the first in code
    point order. Columns ``country``, ``key`` and ``spelling``."""
    people = held.group_by(["country", "key", "customer360_id"], use_threads=False)
    people = people.aggregate([]).group_by(["country", "key"], use_threads=False)
    people = people.aggregate([([], "count_all")]).rename_columns(["country", "key", "all"])
    writing = writing.group_by(["country", "key", "spelling", "customer360_id"],
                               use_threads=False).aggregate([])  # fmt: skip
    writing = writing.group_by(["country", "key", "spelling"], use_threads=False)
    writing = writing.aggregate([([], "count_all")]).join(people, ["country", "key"])
    common = writing.filter(
        (pc.field("count_all") >= COMMON_SPELLING)
        & (pc.multiply(pc.field("count_all"), 2) > pc.field("all"))
    ).sort_by([("country", "ascending"), ("key", "ascending"),
               ("count_all", "descending"), ("spelling", "ascending")])  # fmt: skip
    at = customer_value(common["country"], common["key"]).combine_chunks()
    best = common.take(pa.array(run_starts(pc.dictionary_encode(at).indices.to_numpy())))
    return best.select(["country", "key", "spelling"])


def _country_of(customers: pa.ChunkedArray, countries: pa.Table) -> pa.ChunkedArray:
    """Each of ``customers``' country in ``countries`` (NULL if none)."""
    at = pc.index_in(customers, countries["customer360_id"])
    return pc.take(countries["country"], at)


def _found(
    won: pa.Table,
    attribute: str,
    shown: np.ndarray,
    country: pa.ChunkedArray,
    match: Callable[[pa.ChunkedArray], pa.ChunkedArray | pa.Array],
    common: pa.ChunkedArray | pa.Array,
) -> tuple[np.ndarray, np.ndarray]:
    """The ``shown`` rows of ``attribute`` in ``won`` whose country and ``match`` of their
    display (:func:`customer_value`) are one of ``common``, and the index of that one."""
    of_attribute = pc.equal(won["attribute"], attribute).to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(of_attribute & shown)
    if not len(rows) or not len(common):
        return rows[:0], rows[:0]
    at = pa.array(rows)
    found = pc.index_in(customer_value(country.take(at), match(won["display"].take(at))), common)
    hit = pc.is_valid(found).to_numpy(zero_copy_only=False)
    return rows[hit], found.filter(pa.array(hit)).to_numpy(zero_copy_only=False)


def _displayed(won: pa.Table, rows: np.ndarray, shown: list[str]) -> pa.Table:
    """``won`` with the display of each of ``rows`` the one of ``shown`` at its place."""
    if not len(rows):
        return won
    index = np.full(won.num_rows, -1, dtype=np.int64)
    index[rows] = np.arange(len(rows))
    replaced = pa.array(shown, pa.string()).take(pa.array(index, mask=index < 0))
    display = pc.coalesce(replaced, won["display"]).cast(won.schema.field("display").type)
    return won.set_column(won.column_names.index("display"), "display", display)


def _case_as(shown: str, typed: str) -> str:
    """``shown`` with each letter in the case of ``typed``'s at its place (the same letters,
    but for accents).

    >>> _case_as("Von Bülow", "von Bulow")
    'von Bülow'
    """
    if len(shown) != len(typed):
        return shown
    return "".join(map(_letter_as, shown, typed))


def _letter_as(letter: str, typed: str) -> str:
    cased = letter.lower() if typed.islower() else letter.upper() if typed.isupper() else letter
    return cased if len(cased) == 1 else letter


def with_case(values: pa.Table, won: pa.Table) -> pa.Table:
    """``won`` with a name or city that won in a case no one typed (title case, or a slip)
    shown as a record of the customer writes the same letters in the case a person typed
    (``profile_records.cased_as_written``: McKenzie, von Berg, Santiago de Compostela), and
    that record as the one shown. Of several, the spelling more records hold, then the smallest
    record key."""
    for attribute in SPELT:
        if attribute not in values.column_names:
            continue
        spelt = values.column(attribute)
        rows = np.flatnonzero(_cased(spelt))
        if not len(rows):
            continue
        shown = pc.and_(pc.equal(won["attribute"], attribute), pa.array(~_cased(won["display"])))
        match = pc.utf8_lower(spelt.take(pa.array(rows)))
        won = _respelt(
            values, won, attribute, rows, match, shown, lambda w: pc.utf8_lower(w["display"])
        )
    return won


def _cased(spelt: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Per row: whether ``spelt`` is cased as a person typed it (worked out once per distinct
    spelling, and only for those that may be: most are title case)."""
    if isinstance(spelt, pa.ChunkedArray):
        spelt = spelt.combine_chunks()
    encoded = pc.dictionary_encode(spelt)
    spellings = encoded.dictionary
    maybe = pc.fill_null(pc.match_substring_regex(spellings, _CASED), False)
    at = np.flatnonzero(maybe.to_numpy(zero_copy_only=False))
    typed = np.zeros(len(spellings) + 1, dtype=bool)  # NULL takes the last: False
    typed[at] = [cased_as_written(s) for s in spellings.take(pa.array(at)).to_pylist()]
    codes = pc.fill_null(encoded.indices, len(spellings)).to_numpy(zero_copy_only=False)
    return typed[codes]


def _per_value(values: pa.ChunkedArray | pa.Array, fn: Callable[[Any], Any]) -> pa.Array:
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    return per_value(values, fn)


def _respelt(
    values: pa.Table,
    won: pa.Table,
    attribute: str,
    rows: np.ndarray,
    match: pa.Array | pa.ChunkedArray,
    shown: pa.Array | pa.ChunkedArray,
    won_match: Callable[[pa.Table], pa.Array | pa.ChunkedArray],
) -> pa.Table:
    """``won`` with each ``shown`` row of ``attribute`` spelt as the records ``rows`` of its
    customer whose ``match`` is its ``won_match`` (of those rows of ``won``) spell it: the
    spelling more of them hold, then the smallest record key; that record as the one shown."""
    taken = pa.array(rows)
    held = pa.table(
        {
            "at": customer_value(values["customer360_id"].take(taken), match),
            "spelling": values[attribute].take(taken),
            "record_key": values["record_key"].take(taken),
            "source": values["source"].take(taken),
        }
    ).filter(pc.is_valid(pc.field("at")))
    if isinstance(shown, pa.ChunkedArray):
        shown = shown.combine_chunks()
    at = np.flatnonzero(pc.fill_null(shown, False).to_numpy(zero_copy_only=False))
    if not held.num_rows or not len(at):
        return won
    counts = held.group_by(["at", "spelling"]).aggregate([([], "count_all")])
    held = held.join(counts, ["at", "spelling"]).sort_by(
        [("at", "ascending"), ("count_all", "descending"), ("record_key", "ascending")]
    )
    best = held.take(pa.array(run_starts(held["at"].to_numpy(zero_copy_only=False))))
    chosen = won.take(pa.array(at))
    found = pc.index_in(customer_value(chosen["customer360_id"], won_match(chosen)), best["at"])
    index = np.full(won.num_rows, -1, dtype=np.int64)
    index[at] = pc.fill_null(found, -1).to_numpy(zero_copy_only=False)
    hit = pa.array(index, mask=index < 0)
    replace = pa.array(index >= 0)
    for column in ("display", "record_key", "source"):
        spelling = best["spelling" if column == "display" else column].take(hit)
        replaced = pc.if_else(replace, spelling, won[column]).cast(won.schema.field(column).type)
        won = won.set_column(won.column_names.index(column), column, replaced)
    return won

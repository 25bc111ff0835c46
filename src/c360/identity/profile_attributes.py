"""Per customer: surviving contact values with their lineage, merged consent, known ids.

Pure functions on Arrow tables: record values (``profile_records.record_values``) in, one row per
customer out, in the order of a given ``customers`` array; no loop per customer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.identity import given_names, nicknames
from c360.identity.consent import CONSENT_SCHEMA, merge_consents
from c360.identity.normalise import name_key
from c360.identity.profile_emails import held_by_others, plainest_spelling, shared_mailboxes
from c360.identity.profile_names import oriented_names
from c360.identity.profile_records import KEYED, SURVIVED, display_case
from c360.identity.profile_spelling import UMLAUT, UMLAUTS, customer_value, spelt_as_written
from c360.identity.profile_typos import (
    initials_of_spelled,
    misspellings_of_held,
    nicknames_of_spelled,
    outvoted_date_swaps,
    outvoted_typos,
)
from c360.identity.roles import CONSENT_PREFIX, OPT_IN
from c360.identity.survivorship import Pool, Rule, pool, run_starts, survive_pool

_TEXT = pa.string()
_CONTROL = r"[\x00-\x1f]"
EMAIL_SCOPE = "email_marketing"
NAMES = ("first_name", "last_name")  # never won by initials of a name spelt out


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


_NOT_A_LETTER = r"[^a-z]+"
SPELLED = 3  # a name of fewer letters is in too many addresses by chance


def typos_the_emails_refute(values: pa.Table, attribute: str, voting: np.ndarray) -> np.ndarray:
    """Per ``voting`` record: whether its ``attribute`` key is one typo (``given_names.typo``)
    from another key of its customer's voting records that an e-mail address of the customer
    spells while none spells this one (Leburn beside Lebrun, with ines.lebrun@…). An address is
    typed with care, or no mail arrives: the name it holds is the person's, however the records
    vote. An address spells a name when a word of its local part (the letters between dots,
    digits and the like) is the name, perhaps with an initial before or after it (jsmith,
    smithj); a name of several words may run over several. Names under ``SPELLED`` letters
    neither refute nor are refuted; addresses spelling both names, or neither, leave them to
    the rule."""
    found = np.zeros(values.num_rows, dtype=bool)
    if "email" not in values.column_names:
        return found
    customers = values.column("customer360_id")
    keys = pc.if_else(pa.array(voting), values.column(f"{attribute}_key"), None)
    # A typo spares the first letter: only customers with two names of one initial, and an
    # address, can refute one. They are few; the rest is decided in numpy.
    customer = _indices(customers)
    name, initial = _indices(keys), _indices(pc.utf8_slice_codeunits(keys, 0, 1))
    has_email = _indices(values.column("email")) >= 0
    named = np.flatnonzero((name >= 0) & np.isin(customer, customer[has_email]))
    group = customer[named] * (initial.max(initial=0) + 1) + initial[named]
    size = name.max(initial=0) + 1
    held = np.unique(group * size + name[named]) // size  # each group once per name it holds
    two = held[np.flatnonzero(np.diff(held) == 0)]
    if not len(two):
        return found
    rows = pa.array(named[np.isin(group, two)])
    at = pa.array(np.flatnonzero(np.isin(customer, customer[rows.to_numpy()]) & has_email))
    local = pc.list_element(pc.split_pattern(values["email"].take(at), "@"), 0)
    addresses: dict[str, str] = {}  # a customer's local parts' words, "|" between
    for who, words in zip(
        customers.take(at).to_pylist(),
        pc.replace_substring_regex(local, _NOT_A_LETTER, "|").to_pylist(),
        strict=True,
    ):
        addresses[who] = f"{addresses.get(who, '')}|{words}"
    names: dict[str, set[str]] = {}
    for who, key in zip(customers.take(rows).to_pylist(), keys.take(rows).to_pylist(), strict=True):
        names.setdefault(who, set()).add(key)
    refuted = []
    for who, held_names in names.items():
        spelled = [n for n in held_names if _spelled(n, addresses[who])]
        refuted += [
            f"{who}\x1f{n}"
            for n in held_names
            if spelled
            and n not in spelled
            and len(n.replace(" ", "")) >= SPELLED
            and any(given_names.typo(n, s) for s in spelled)
        ]
    if refuted:
        marked = pc.is_in(customer_value(customers, keys), value_set=pa.array(refuted))
        found = pc.fill_null(marked, False).to_numpy(zero_copy_only=False)
    return found


def _spelled(name: str, addresses: str) -> bool:
    """Whether a word of ``addresses`` ("|" between words) is ``name``, an initial perhaps
    before or after it; its words may be written apart.

    >>> [_spelled("ning", "|li|ning"), _spelled("lin", "|li|ning"), _spelled("nas", "|jonas|n")]
    [True, False, False]
    >>> [_spelled("smith", "|jsmith"), _spelled("de la cruz", "|juan|de|la|cruz")]
    [True, True]
    """
    if len(name.replace(" ", "")) < SPELLED:
        return False
    words = r"\|?".join(re.escape(word) for word in name.split())
    return re.search(rf"(?:^|\|)[a-z]?{words}[a-z]?(?:\||$)", addresses) is not None


def _address_words(local: str) -> set[str]:
    """The names a local part may spell: each word, and each word without an initial before or
    after it (jsmith: smith; timothyt: timothy).

    >>> sorted(_address_words("jsmith.tim77"))
    ['jsmit', 'jsmith', 'smith', 'tim']
    """
    words = {w for w in re.split(_NOT_A_LETTER, local) if w}
    return (
        words
        | {w[1:] for w in words if len(w) > SPELLED}
        | {w[:-1] for w in words if len(w) > SPELLED}
    )


def _formal_names(nickname: str) -> set[str]:
    """The formal names a first-name key is a nickname of (Tim: Timothy, Timothée); none for
    a formal name or two names that stand for each other."""
    forms = nicknames.FORMS
    return {
        f for f in forms.get(nickname, ()) if f != nickname and nickname not in forms.get(f, ())
    }


def _spelt_by_address(attribute: str, key: str, words: set[str]) -> str | None:
    """The name an address spells in place of the name ``key`` that won, or None: for a first
    name, the one formal name of a nickname (Tim: timothy.turner@), or the one listed name a
    name no list holds misspells (Kvin: kevin.bell@); for a last name, the one name one typo
    from it (Beernal: itziar_bernal@), of ``TYPO_CORRECTED`` letters or more (leo is as likely
    another name as Lee misspelt). Never when an address spells the name itself, nor a typo of
    a name a word holds with more letters around it (kbelle@ beside Bell)."""
    compact = key.replace(" ", "")
    if compact in words or len(compact) < SPELLED or " " in key:
        return None
    if attribute == "first_name":
        found = _formal_names(key) & words
        if found or given_names.known(key):
            return found.pop() if len(found) == 1 else None
    if any(compact in w for w in words):
        return None
    if attribute == "first_name":  # a listed name: Jrg is Jörg misspelt, with joerg.weber@
        found = {w for w in words if given_names.typo(key, w) and given_names.listed(w)}
    elif len(compact) < TYPO_CORRECTED:
        return None
    else:
        found = {w for w in words if len(w) >= TYPO_CORRECTED and given_names.typo(key, w)}
    return found.pop() if len(found) == 1 else None


TYPO_CORRECTED = 4  # letters of the shortest name an address corrects a typo of


def respelt(display: str, key: str) -> str:
    """``display`` (a name as a record writes it) one edit away so that its key is ``key``,
    keeping its accents and case (Soffía as Sofía, Fançois as François); ``key`` title-cased
    when no such edit is found.

    >>> respelt("Soffía", "sofia"), respelt("Fançois", "francois"), respelt("Tim", "timothy")
    ('Sofía', 'François', 'Timothy')
    >>> respelt("O'Rien", "obrien"), respelt("KVIN", "kevin"), respelt("O'RIEN", "obrien")
    ("O'Brien", 'KEVIN', "O'BRIEN")
    """
    if display.isupper():  # a name in capitals: respelt as if title-cased, then in capitals
        return respelt(display_case(display) or display, key).upper()
    letters = set(key.replace(" ", ""))
    # A letter left out after O', D', L' starts the name again: O'Rien as O'Brien.
    after_o = display[1:2] in ("'", "’") and display[2:3].isupper()
    edits = [display[:2] + c.upper() + display[2].lower() + display[3:]
             for c in sorted(letters) if after_o]  # fmt: skip
    edits += [display[:i] + display[i + 1 :] for i in range(len(display))]
    edits += [display[:i] + display[i + 1] + display[i] + display[i + 2 :]
              for i in range(len(display) - 1)]  # fmt: skip
    for i in range(1, len(display) + 1):
        for c in sorted(letters):
            edits.append(display[:i] + c + display[i:])
            edits.append(display[:i] + c + display[i + 1 :])
    for edit in edits:
        if edit[:1].isupper() and name_key(edit) == key:
            return edit
    return display_case(key) or key


def _unspelt(won: pa.Table, rows: np.ndarray, mailed: pa.Table) -> np.ndarray:
    """``rows`` of ``won`` whose name an address may correct: of at least ``SPELLED`` letters,
    one word, and no word of the customer's addresses (:func:`_address_words`). Most are
    spelt: told apart in Arrow, so that only the rest is looked at word by word."""
    local = pc.utf8_lower(
        pc.list_element(pc.split_pattern(mailed["email"].combine_chunks(), "@"), 0)
    )
    split = pc.split_pattern_regex(local, _NOT_A_LETTER)
    words = pc.list_flatten(split)
    owners = mailed["customer360_id"].combine_chunks().take(pc.list_parent_indices(split))
    long = pc.greater(pc.utf8_length(words), SPELLED)
    spelt = pa.table({
        "customer360_id": pa.concat_arrays([owners, owners.filter(long), owners.filter(long)]),
        "word": pa.concat_arrays([words, pc.utf8_slice_codeunits(words.filter(long), 1),
                                  pc.utf8_slice_codeunits(words.filter(long), 0, -1)]),
    })  # fmt: skip
    value = won["value"].take(pa.array(rows))
    chosen = pa.table({
        "customer360_id": won["customer360_id"].take(pa.array(rows)),
        "word": value,
        "row": pa.array(rows, pa.int64()),
    }).filter(pc.and_(pc.greater_equal(pc.utf8_length(value), SPELLED),
                      pc.invert(pc.match_substring(value, " "))))  # fmt: skip
    left = chosen.join(spelt, ["customer360_id", "word"], join_type="left anti")
    return np.sort(left["row"].to_numpy())


def _held_keys(values: pa.Table, customers: pa.Array) -> set[tuple[str, str, str]]:
    """(customer, ``first_name_key`` or ``last_name_key``, key) of each name ``customers``'
    records hold."""
    mine = values.filter(pc.is_in(values["customer360_id"], value_set=customers))
    return {
        (who, name, key)
        for name in ("first_name_key", "last_name_key")
        if name in mine.column_names
        for who, key in zip(mine["customer360_id"].to_pylist(), mine[name].to_pylist(), strict=True)
        if key is not None
    }


def names_the_addresses_spell(values: pa.Table, won: pa.Table) -> pa.Table:
    """``won`` with a first or last name that an address of the customer refutes shown as the
    address spells it (:func:`_spelt_by_address`): "Tim" with timothy.turner@ as Timothy,
    "Kvin" with kevin.bell@ as Kevin, "Beernal" with itziar_bernal@ as Bernal (the record's
    accents and case kept, :func:`respelt`). An address is typed with care, or no mail arrives;
    a nickname is no formal name. Not when the name the address spells is the customer's other
    name (garyg@ beside Gary Gray). The record shown is the one holding the address."""
    if "email" not in values.column_names:
        return won
    named = pc.and_(
        pc.is_in(won["attribute"], value_set=pa.array(NAMES, _TEXT)),
        pc.is_in(won["customer360_id"], value_set=values["customer360_id"].filter(
            pc.is_valid(values["email"]))),
    )  # fmt: skip
    rows = np.flatnonzero(pc.fill_null(named, False).to_numpy(zero_copy_only=False))
    own = pc.and_(pc.is_valid(values["email"]), pa.array(~held_by_others(values)))
    mailed = values.filter(own)  # a household's address speaks for none of its customers
    rows = _unspelt(won, rows, mailed)
    if not len(rows):
        return won
    chosen = won.take(pa.array(rows))
    mailed = mailed.filter(
        pc.is_in(mailed["customer360_id"], value_set=chosen["customer360_id"])
    ).sort_by("record_key")
    words: dict[str, dict[str, tuple[str, str]]] = {}  # customer: word -> (record, source)
    for who, address, key, source in zip(
        *(mailed[c].to_pylist() for c in ("customer360_id", "email", "record_key", "source")),
        strict=True,
    ):
        held = words.setdefault(who, {})
        for word in _address_words(address.split("@")[0].lower()):
            held.setdefault(word, (key, source))
    changed: dict[int, tuple[str, str, str, str]] = {}
    for i, (who, attribute, key, display) in enumerate(
        zip(*(chosen[c].to_pylist() for c in ("customer360_id", "attribute", "value", "display")),
            strict=True)
    ):  # fmt: skip
        held = words.get(who, {})
        spelt = _spelt_by_address(attribute, key, set(held))
        if spelt is not None:
            changed[int(rows[i])] = (spelt, respelt(display, spelt), *held[spelt])
    if not changed:
        return won
    # The address spells the customer's other name (garyg@ beside Gary Gray): no correction.
    at = pa.array(list(changed))
    other = pc.if_else(pc.equal(won["attribute"].take(at), "first_name"), "last_name_key",
                       "first_name_key")  # fmt: skip
    keys = _held_keys(values, won["customer360_id"].take(at))
    for row, who, name in zip(list(changed), won["customer360_id"].take(at).to_pylist(),
                              other.to_pylist(), strict=True):  # fmt: skip
        if (who, name, changed[row][0]) in keys:
            del changed[row]
    if not changed:
        return won
    mask = np.zeros(won.num_rows, dtype=bool)
    mask[list(changed)] = True
    news = [changed[row] for row in sorted(changed)]  # in the order the mask meets them
    for n, column in enumerate(("value", "display", "record_key", "source")):
        kind = won.schema.field(column).type
        replaced = pc.replace_with_mask(
            won[column].combine_chunks(), pa.array(mask), pa.array([c[n] for c in news], kind)
        )
        won = won.set_column(won.column_names.index(column), column, replaced)
    return won


def _indices(column: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Each value's code among the column's distinct values (in no order); -1 for NULL."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    codes = pc.dictionary_encode(column).indices
    return pc.fill_null(codes, -1).to_numpy(zero_copy_only=False).astype(np.int64)


def candidates(values: pa.Table) -> Pool:
    """Survivorship candidates: per record and SURVIVED attribute that has a value.

    The value is what survivorship compares (the folded key for KEYED attributes); completeness
    counts the record's attributes with a value. None of these is a candidate, whatever the
    rules: a first or last name that is initials of a name another record of the customer
    spells out (``initials_of_spelled``) or with an umlaut this one writes out
    (``umlauts_written_out``), a first name that is a nickname of one
    (``nicknames_of_spelled``) or a misspelling of a listed name another record holds
    (``misspellings_of_held``), a first or last name one typo from another that the customer's
    e-mail addresses spell and this one not (``typos_the_emails_refute``), a last name one typo
    from a spelling more of the customer's records hold (``outvoted_typos``), a birth date
    that more of the customer's records hold with day and month the other way round
    (``outvoted_date_swaps``), an e-mail another customer holds too beside one only this
    customer holds (``profile_emails.shared_mailboxes``). Held as codes of the records: no row
    per candidate is built.
    """
    present = [a for a in SURVIVED if a in values.column_names]
    filled = np.zeros(values.num_rows, dtype=np.int64)
    for attribute in present:
        filled += values.column(attribute).is_valid().to_numpy(zero_copy_only=False)

    def held(attribute: str) -> tuple[np.ndarray, pa.ChunkedArray]:
        display = values.column(attribute)
        key = values.column(f"{attribute}_key") if attribute in KEYED else display
        keep = pc.and_(pc.is_valid(display), pc.is_valid(key)).to_numpy(zero_copy_only=False)
        if attribute in NAMES:
            keep &= ~initials_of_spelled(values, attribute)
            keep &= ~umlauts_written_out(values, attribute)
        if attribute == "first_name":
            keep &= ~nicknames_of_spelled(values) & ~misspellings_of_held(values)
        if attribute in NAMES:
            keep &= ~typos_the_emails_refute(values, attribute, keep)
        if attribute == "last_name":
            keep &= ~outvoted_typos(values, attribute, keep)
        if attribute == "date_of_birth":
            keep &= ~outvoted_date_swaps(values)
        if attribute == "email":
            keep &= ~shared_mailboxes(values)
        return np.flatnonzero(keep), key

    records = values.select(["customer360_id", "source", "record_key", "updated_at"])
    return pool(records.append_column("completeness", pa.array(filled)), present, held)


def survivors(values: pa.Table, rules: Mapping[str, Rule]) -> pa.Table:
    """survive() over the records' candidates, with the winning record's display value.

    A record whose first and last name are the other way round from the customer's other
    records (``oriented_names``) votes for them the right way round, whatever the rules. Names
    and cities are shown with the accents and case another record of the customer writes them
    with (``profile_spelling``), an e-mail in the plainest spelling its records give its
    mailbox (``profile_emails.plainest_spelling``).
    """
    values = oriented_names(values)
    won, winners = survive_pool(candidates(values), rules)
    # Keyed attributes show their record's spelling; the others show the value voted on.
    display = winners.gather([values.column(a) for a in winners.attributes])
    won = names_the_addresses_spell(values, won.append_column("display", display))
    won = spelt_as_written(values, won)
    return plainest_spelling(values, won)


def position_in(customers: pa.Array, ids: pa.ChunkedArray | pa.Array) -> pa.Array:
    """For each of ``ids``, its index in ``customers`` (which holds each id once)."""
    return pc.index_in(ids, value_set=customers)


def scatter(size: int, codes: pa.Array | np.ndarray, values: pa.Array) -> pa.Array:
    """``values`` at positions ``codes`` (distinct) of an array of ``size``, NULL elsewhere."""
    if len(values) == size and np.array_equal(codes, np.arange(size)):
        return values  # every position, in order: nothing to move
    index = np.full(size, -1, dtype=np.int64)
    index[np.asarray(codes, dtype=np.int64)] = np.arange(len(values))
    return pc.take(values, pa.array(index, mask=index < 0))


def spread(customers: pa.Array, ids: pa.Array, values: pa.Array) -> pa.Array:
    """``values`` keyed by ``ids`` (unique), in the order of ``customers``; NULL if absent."""
    return pc.take(values, pc.index_in(customers, value_set=ids))


def pivot(customers: pa.Array, won: pa.Table, attributes: Sequence[str]) -> dict[str, pa.Array]:
    """Each attribute's surviving display value per customer (NULL when it has none)."""
    out = {}
    for attribute in attributes:
        rows = won.filter(pc.equal(won.column("attribute"), attribute))
        out[attribute] = spread(
            customers,
            rows.column("customer360_id").combine_chunks(),
            rows.column("display").combine_chunks(),
        )
    return out


def json_strings(values: pa.Array) -> pa.Array:
    """Each value as a JSON string literal (quoted, escaped), worked out once per distinct value."""
    encoded = pc.dictionary_encode(values)
    return _quoted(encoded.dictionary).take(encoded.indices)


def _quoted(values: pa.Array) -> pa.Array:
    if pc.any(pc.match_substring_regex(values, _CONTROL)).as_py():
        return pa.array([None if v is None else json.dumps(v) for v in values.to_pylist()])
    escaped = pc.replace_substring(pc.replace_substring(values, "\\", "\\\\"), '"', '\\"')
    return pc.binary_join_element_wise('"', escaped, '"', "")


def run_lists(starts: np.ndarray, values: pa.Array) -> pa.Array:
    """``values`` cut into one list per run beginning at ``starts``."""
    offsets = pa.array(
        np.r_[starts, len(values)].astype(np.int32) if len(starts) else [0], pa.int32()
    )
    return pa.ListArray.from_arrays(offsets, values)


def json_objects(
    customers: pa.Array, ids: pa.Array, keys: pa.Array, json_values: pa.Array
) -> pa.Array:
    """Per customer, a JSON object of its (key, JSON value) rows, keys sorted; ``{}`` if none."""
    names = pc.dictionary_encode(keys)
    order, codes = _object_order(customers, ids, names)
    return _objects(len(customers), codes, names.take(order), json_values, order)


def _object_order(
    customers: pa.Array, ids: pa.Array, keys: pa.DictionaryArray
) -> tuple[pa.Array, np.ndarray]:
    """The rows' order by customer then key (stable), and each row's customer code in that
    order: integers are sorted, never the rows' strings (``keys``' dictionary holds each once)."""
    rank = np.empty(len(keys.dictionary), dtype=np.int64)
    rank[pc.sort_indices(keys.dictionary).to_numpy()] = np.arange(len(rank))
    code = position_in(customers, ids).to_numpy(zero_copy_only=False)
    order = np.lexsort((rank[keys.indices.to_numpy(zero_copy_only=False)], code))
    return pa.array(order), code[order]


def _objects(
    size: int,
    codes: np.ndarray,
    keys: pa.DictionaryArray,
    values: pa.Array | pa.ChunkedArray,
    order: pa.Array,
    quote: bool = False,
) -> pa.Array:
    """JSON objects of ``keys`` (in order) and ``values`` taken in ``order`` (quoted as JSON
    strings if ``quote``), rows ordered by their customer's ``codes``.

    Each string array is let go as soon as the next is built: the peak is two of them.
    """
    ordered = pc.take(values, order)
    ordered = ordered.combine_chunks() if isinstance(ordered, pa.ChunkedArray) else ordered
    if quote:
        ordered = json_strings(ordered)
    labels = pc.binary_join_element_wise(json_strings(keys.dictionary), ": ", "")
    members = pc.binary_join_element_wise(labels.take(keys.indices), ordered, "")
    del ordered
    starts = run_starts(codes)
    joined = pc.binary_join(run_lists(starts, members), ", ")
    del members
    objects = pc.binary_join_element_wise("{", joined, "}", "")
    del joined
    return pc.fill_null(scatter(size, codes[starts], objects), "{}")


def source_ids(customers: pa.Array, values: pa.Table) -> pa.Array:
    """Per customer: ``{"<source>": ["<record id>", …], …}``, ids sorted."""
    # Sorted customers: sorting on their positions sorts on their ids, as integers.
    rows = pa.table(
        {
            "code": position_in(customers, values.column("customer360_id")),
            "source": values.column("source"),
            "item": json_strings(values.column("record_id").combine_chunks()),
        }
    ).sort_by([("code", "ascending"), ("source", "ascending"), ("item", "ascending")])
    codes = rows.column("code").to_numpy().astype(np.int64)
    sources = pc.dictionary_encode(rows.column("source").combine_chunks())
    starts = run_starts(codes * len(sources.dictionary) + sources.indices.to_numpy())
    items = pc.binary_join(run_lists(starts, rows.column("item").combine_chunks()), ", ")
    return json_objects(
        customers,
        pc.take(customers, codes[starts]),
        sources.dictionary.take(sources.indices.take(pa.array(starts))),
        pc.binary_join_element_wise("[", items, "]", ""),
    )


# Roles whose surviving value is published under another name in the profile.
PROFILE_NAMES = {"email": "primary_email", "phone": "primary_phone", "postcode": "postal_code"}


def lineage(customers: pa.Array, won: pa.Table) -> pa.Array:
    """Per customer: ``{"<profile column>": "<record_key whose value won>", …}``."""
    attributes = pc.dictionary_encode(won.column("attribute").combine_chunks())
    names = [PROFILE_NAMES.get(a, a) for a in attributes.dictionary.to_pylist()]
    keys = pa.DictionaryArray.from_arrays(attributes.indices, pa.array(names, _TEXT))
    order, codes = _object_order(customers, won.column("customer360_id").combine_chunks(), keys)
    return _objects(
        len(customers), codes, keys.take(order), won.column("record_key"), order, quote=True
    )


def known_values(
    customers: pa.Array, values: pa.Table, attribute: str, primary: pa.Array
) -> pa.Array:
    """Per customer: its records' distinct ``attribute`` values, ``primary`` first, then sorted."""
    rows = pa.table(
        {"id": values.column("customer360_id"), "value": values.column(attribute)}
    ).filter(pc.is_valid(values.column(attribute)))
    rows = rows.group_by(["id", "value"], use_threads=False).aggregate([])
    primary_of_row = pc.take(primary, position_in(customers, rows.column("id")))
    is_primary = pc.fill_null(pc.equal(rows.column("value"), primary_of_row), False)
    rows = rows.append_column("rank", pc.invert(is_primary)).sort_by(
        [("id", "ascending"), ("rank", "ascending"), ("value", "ascending")]
    )
    lists = (
        rows.select(["id", "value"])
        .group_by("id", use_threads=False)
        .aggregate([("value", "list")])
    )
    found = spread(customers, lists.column("id"), lists.column("value_list"))
    return pc.fill_null(found, pa.scalar([], pa.list_(_TEXT)))


def consent_rows(values: pa.Table) -> pa.Table:
    """merge_consents input: a status row per record, plus a row per record and stated scope."""
    scope_columns = {
        c: f"{c.removeprefix(CONSENT_PREFIX)}_marketing"
        for c in values.column_names
        if c.startswith(CONSENT_PREFIX)
    }
    if OPT_IN in values.column_names:
        scope_columns[OPT_IN] = EMAIL_SCOPE
    n = values.num_rows
    stated = np.zeros(n, dtype=bool)
    granted = np.zeros(n, dtype=bool)
    for column in scope_columns:
        flags = values.column(column).combine_chunks()
        stated |= flags.is_valid().to_numpy(zero_copy_only=False)
        granted |= pc.fill_null(flags, False).to_numpy(zero_copy_only=False)
    derived = np.where(granted, "opted_in", "opted_out")
    status = pa.array(derived, _TEXT, mask=~stated)
    if OPT_IN in values.column_names:
        opt_in = values.column(OPT_IN).combine_chunks()
        said = pc.if_else(opt_in, "opted_in", "opted_out")
        status = pc.if_else(pc.is_valid(opt_in), said, status)
    base = {
        "customer360_id": values.column("customer360_id"),
        "record_key": values.column("record_key"),
        "opt_in_status": status,
    }
    parts = [
        pa.table(
            {**base, "scope": pa.nulls(n, _TEXT), "scope_granted": pa.nulls(n, pa.bool_())}
        ).filter(pc.is_valid(status))
    ]
    for column, scope in scope_columns.items():
        flags = values.column(column).combine_chunks()
        part = pa.table(
            {**base, "scope": pa.repeat(pa.scalar(scope, _TEXT), n), "scope_granted": flags}
        )
        parts.append(part.filter(pc.is_valid(flags)))
    return pa.concat_tables(parts).cast(CONSENT_SCHEMA)


def consents(
    customers: pa.Array, values: pa.Table, unsubscribed: pa.Table | None = None
) -> dict[str, pa.Array]:
    """Per customer: opt_in_status, consent_scopes, consent_conflict (unknown, [], False).

    ``unsubscribed`` (``customer360_id``, ``record_key``: an unsubscribe event) refuses the
    e-mail scope, as a record refusing it would; the other scopes and the status stay."""
    rows = consent_rows(values)
    if unsubscribed is not None and unsubscribed.num_rows:
        n = unsubscribed.num_rows
        refusals = pa.table({
            "customer360_id": unsubscribed.column("customer360_id"),
            "record_key": unsubscribed.column("record_key"),
            "opt_in_status": pa.nulls(n, _TEXT),
            "scope": pa.repeat(pa.scalar(EMAIL_SCOPE, _TEXT), n),
            "scope_granted": pa.repeat(pa.scalar(False), n),
        }).cast(rows.schema)  # fmt: skip
        rows = pa.concat_tables([rows, refusals])
    merged = merge_consents(rows)
    ids = merged.column("customer360_id").combine_chunks()
    status = spread(customers, ids, merged.column("opt_in_status").combine_chunks())
    scopes = spread(customers, ids, merged.column("consent_scopes").combine_chunks())
    conflict = spread(customers, ids, merged.column("consent_conflict").combine_chunks())
    return {
        "opt_in_status": pc.fill_null(status, "unknown"),
        "consent_scopes": pc.fill_null(scopes, pa.scalar([], pa.list_(_TEXT))),
        "consent_conflict": pc.fill_null(conflict, False),
    }


def primary_source(customers: pa.Array, values: pa.Table, source_order: Sequence[str]) -> pa.Array:
    """Per customer: the first source, in ``source_order`` (most trusted first), holding one of
    its records."""
    order = pc.index_in(values.column("source"), value_set=pa.array(source_order, _TEXT))
    ranked = pa.table({
        "customer360_id": values.column("customer360_id"),
        "order": pc.fill_null(order, len(source_order)),
    }).group_by("customer360_id", use_threads=False).aggregate([("order", "min")])  # fmt: skip
    known = pa.array([*source_order, None], _TEXT)
    return spread(
        customers,
        ranked.column("customer360_id").combine_chunks(),
        known.take(ranked.column("order_min").combine_chunks()),
    )

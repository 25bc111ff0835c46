"""Names read against the customer's own e-mail addresses: an address typed with care (or no
mail arrives) spells the person's name, so a typo or a nickname it refutes gives way to it.

Pure functions on Arrow tables: the records' values (``profile_records.record_values``) and the
surviving values in, flags or corrected winners out.
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.identity import given_names, nicknames
from c360.identity.normalise import name_key
from c360.identity.profile_emails import held_by_others
from c360.identity.profile_names import encoded, mailbox_words
from c360.identity.profile_records import NAMES, display_case
from c360.identity.profile_spelling import customer_value

_TEXT = pa.string()

# Runs of letters outside a to z, for the Arrow split of ASCII addresses (``mailbox_words``
# reads the others).
_NOT_A_TO_Z = r"[^a-z]+"
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
    customer = encoded(customers)[1]
    name, initial = encoded(keys)[1], encoded(pc.utf8_slice_codeunits(keys, 0, 1))[1]
    has_email = encoded(values.column("email"))[1] >= 0
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
    for who, part in zip(customers.take(at).to_pylist(), local.to_pylist(), strict=True):
        addresses[who] = f"{addresses.get(who, '')}|{'|'.join(mailbox_words(part))}"
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
    return re.search(rf"(?:^|\|)[^|]?{words}[^|]?(?:\||$)", addresses) is not None


def _address_words(local: str) -> set[str]:
    """The names a local part may spell: each word, and each word without an initial before or
    after it (jsmith: smith; timothyt: timothy).

    >>> sorted(_address_words("jsmith.tim77")), sorted(_address_words("p.dupré"))
    (['jsmit', 'jsmith', 'smith', 'tim'], ['dupr', 'dupre', 'p', 'upre'])
    """
    words = set(mailbox_words(local))
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
    owners, words = _mailbox_words(mailed)
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


def _mailbox_words(mailed: pa.Table) -> tuple[pa.Array, pa.Array]:
    """Each word of each address's local part (``mailbox_words``) and the customer it is of.
    ASCII addresses, most of them, are split in Arrow; the others word by word."""
    local = pc.utf8_lower(
        pc.list_element(pc.split_pattern(mailed["email"].combine_chunks(), "@"), 0)
    )
    customers = mailed["customer360_id"].combine_chunks()
    plain = pc.fill_null(pc.string_is_ascii(local), True)
    split = pc.split_pattern_regex(local.filter(plain), _NOT_A_TO_Z)
    owners = [customers.filter(plain).take(pc.list_parent_indices(split))]
    words = [pc.list_flatten(split)]
    others = pc.invert(plain)
    if pc.any(others).as_py():
        split = pa.array(
            [mailbox_words(part) for part in local.filter(others).to_pylist()],
            pa.list_(pa.string()),
        )
        owners.append(customers.filter(others).take(pc.list_parent_indices(split)))
        words.append(pc.list_flatten(split))
    return pa.concat_arrays(owners), pa.concat_arrays(words)


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


_UMLAUT_VOWELS = {"ä": "a", "ö": "o", "ü": "u", "Ä": "a", "Ö": "o", "Ü": "u"}


def _umlauts_spelt(values: pa.Table, customers: pa.Array) -> dict[tuple[str, str, str], str]:
    """The vowels ("u" for Müller) under the umlauts of each name ``customers``' records spell
    with one, by (customer, ``first_name`` or ``last_name``, key)."""
    mine = values.filter(pc.is_in(values["customer360_id"], value_set=customers))
    found: dict[tuple[str, str, str], str] = {}
    for attribute in NAMES:
        if attribute not in mine.column_names:
            continue
        spelt = mine.filter(pc.invert(pc.fill_null(pc.string_is_ascii(mine[attribute]), True)))
        for who, spelling, key in zip(
            *(spelt[c].to_pylist() for c in ("customer360_id", attribute, f"{attribute}_key")),
            strict=True,
        ):
            vowels = {_UMLAUT_VOWELS[c] for c in spelling if c in _UMLAUT_VOWELS}
            if vowels and key is not None:
                held = found.get((who, attribute, key), "")
                found[who, attribute, key] = "".join(sorted(vowels | set(held)))
    return found


def _umlauts_dropped(words: dict[str, tuple[str, str]], vowels: str) -> dict[str, tuple[str, str]]:
    """``words``, for a name spelt with umlauts on ``vowels``, read as the name's key reads
    them: an address holds no umlaut and writes them out, mueller@ as Müller's key muller.

    >>> _umlauts_dropped({"mueller": ("crm:1", "crm"), "anna": ("crm:1", "crm")}, "u")
    {'muller': ('crm:1', 'crm'), 'anna': ('crm:1', 'crm')}
    """
    if not vowels:
        return words
    out = re.compile(f"([{vowels}])e")
    read: dict[str, tuple[str, str]] = {}
    for word, at in words.items():
        read.setdefault(out.sub(r"\1", word), at)
    return read


def names_the_addresses_spell(values: pa.Table, won: pa.Table) -> pa.Table:
    """``won`` with a first or last name that an address of the customer refutes shown as the
    address spells it (:func:`_spelt_by_address`): "Tim" with timothy.turner@ as Timothy,
    "Kvin" with kevin.bell@ as Kevin, "Beernal" with itziar_bernal@ as Bernal (the record's
    accents and case kept, :func:`respelt`). An address is typed with care, or no mail arrives;
    a nickname is no formal name. Not when the name the address spells is the customer's other
    name (garyg@ beside Gary Gray). An address writing out the umlauts a record of the
    customer spells the name with is read as the name's key reads it (:func:`_umlauts_dropped`):
    mueller@ beside Müller corrects nothing, schaefer@ beside Schäffer makes Schäfer. The
    record shown is the one holding the address."""
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
    umlauts = _umlauts_spelt(values, chosen["customer360_id"])
    changed: dict[int, tuple[str, str, str, str]] = {}
    for i, (who, attribute, key, display) in enumerate(
        zip(*(chosen[c].to_pylist() for c in ("customer360_id", "attribute", "value", "display")),
            strict=True)
    ):  # fmt: skip
        held = _umlauts_dropped(words.get(who, {}), umlauts.get((who, attribute, key), ""))
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

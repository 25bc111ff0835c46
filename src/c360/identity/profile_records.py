"""The identity sources' records as profile values: one row per record, ready for survivorship.

Matching compares folded keys ("roca"); a profile shows people their own spelling ("Roca"). So
each record carries both: the display value and, for names, cities and e-mails, the key that
survivorship votes on, so "ROCA" and "Roca" count as one value, as do an address with and without
its "+tag". Names and birth dates are also
read against the customer's other records: which records have first and last name swapped, which
names are initials, nicknames or misspellings of a name another record spells out, and which
birth dates are another record's with day and month swapped.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.config import Identity
from c360.identity import given_names, nicknames, normalise
from c360.identity.normalise import per_pair, per_value
from c360.identity.raw_text import read_as_silver
from c360.identity.records import (
    IdentityConfigError,
    check_landed,
    date_order,
    one_per_id,
    read_source,
    source_roles,
    without_placeholders,
)
from c360.identity.roles import CONSENT_PREFIX, KEPT, OPT_IN, is_consent
from c360.identity.survivorship import run_starts
from c360.pipeline.silver.marketing import GENDERS
from c360.text.names_lexicon import SURNAMES

# Profile attributes a source can map besides its matching roles (identity.sources.*.attributes).
PLAIN_ATTRIBUTES = (
    "language",
    "preferred_channel",
    "gender",
    "loyalty_tier",
    "loyalty_points_balance",
)
# Every attribute that goes through survivorship, in the order lineage and pivots list them.
SURVIVED = (*KEPT, *PLAIN_ATTRIBUTES)
KEYED = ("first_name", "last_name", "city", "email")  # voted on a key, shown as spelt
BASE_COLUMNS = ("record_key", "source", "record_id", "customer360_id", "updated_at")
# Country (ISO 3166-1 alpha-2) -> region, for the profile's ``region``.
_REGION_CODES = {
    "Americas": "AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP "
    "GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI",
    "APAC": "AS AU BD BN BT CC CK CN CX FJ FM GU HK ID IN IO JP KH KI KP KR LA LK MH MM MN MO MP "
    "MV MY NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TK TL TO TV TW UM VN VU WF WS",
    "EMEA": "AD AE AF AL AM AO AT AX AZ BA BE BF BG BH BI BJ BW BY CD CF CG CH CI CM CV CY CZ DE "
    "DJ DK DZ EE EG EH ER ES ET FI FO FR GA GB GE GG GH GI GM GN GQ GR GW HR HU IE IL IM IQ IR IS "
    "IT JE JO KE KG KM KW KZ LB LI LR LS LT LU LV LY MA MC MD ME MG MK ML MR MT MU MW MZ NA NE NG "
    "NL NO OM PL PS PT QA RE RO RS RU RW SA SC SD SE SH SI SJ SK SL SM SN SO SS ST SY SZ TD TG TJ "
    "TM TN TR TZ UA UG UZ VA YE YT ZA ZM ZW",
}
REGIONS = {code: region for region, codes in _REGION_CODES.items() for code in codes.split()}
_TEXT = pa.string()
_WORD_START = re.compile(r"(^|[\s\-'’.(/])(\w)")  # Halle (Saale), Frankfurt (Oder)
# Words a place name writes in lower case after its first one: Santiago de Compostela,
# Aix-en-Provence, Frankfurt am Main, Stratford-upon-Avon, Bergen op Zoom, Vilanova i la Geltrú.
PLACE_PARTICLES = frozenset({
    "de", "del", "della", "delle", "dei", "degli", "di", "da", "das", "do", "dos", "du", "des",
    "la", "las", "los", "le", "les", "lès", "lez", "sur", "sous", "en", "et", "à", "au", "aux",
    "am", "an", "im", "in", "ob", "bei", "der", "die", "dem", "den", "vor", "unter", "zum", "zur",
    "sul", "sulla", "y", "i", "upon", "on", "under", "of", "the", "and", "super", "aan", "op",
    "bij", "ter", "ten",
})  # fmt: skip
# Besides those, what a family name writes in lower case: van der Berg, von Bülow, al-Amin.
NAME_PARTICLES = PLACE_PARTICLES | {"van", "von", "vom", "zu", "al", "el", "bin", "ibn", "het"}
_WORDS = re.compile(r"([\s\-]+)")
_ELISION = re.compile(r"(?:d|l|dell|dall|nell|sull)['’](?=\w)", re.IGNORECASE)  # d'Ascq
_POSSESSIVE = re.compile(r"(['’])S(?!\w)")  # Bishop's Stortford, 's-Hertogenbosch
_TRUE = frozenset({"true", "t", "yes", "y", "1", "oui", "ja", "si", "sí"})
_FALSE = frozenset({"false", "f", "no", "n", "0", "non", "nein"})


def check_attributes(identity: Identity) -> None:
    """Fail with the list of known names when a source maps an attribute the profile lacks."""
    for name, source in identity.sources.items():
        unknown = sorted(
            a for a in source.attributes if a not in PLAIN_ATTRIBUTES and not is_consent(a)
        )
        if unknown:
            known = ", ".join((*PLAIN_ATTRIBUTES, OPT_IN, CONSENT_PREFIX + "<channel>"))
            raise IdentityConfigError(
                f"identity source {name!r}: unknown profile attribute {', '.join(unknown)}; "
                f"attributes are {known}"
            )


def read_records(workspace: Path, identity: Identity, links: pa.Table) -> pa.Table:
    """Every configured source's record per id (``one_per_id``): roles, attributes, customer."""
    check_attributes(identity)
    parts = []
    for name, source in identity.sources.items():
        check_landed(workspace, name, source)
        raw = one_per_id(read_source(workspace, source), source.id)[0]
        roles = source_roles(name, source, raw, date_order(workspace, source.table))
        for attribute, column in source.attributes.items():
            roles = roles.append_column(attribute, read_as_silver(raw.column(column)))
        if "updated_at" not in roles.column_names:
            roles = roles.append_column("updated_at", pa.nulls(roles.num_rows, pa.timestamp("us")))
        parts.append(roles)
    records = pa.concat_tables(parts, promote_options="permissive")
    # A lookup rather than a join: a record_key is linked once, and the records keep their order.
    row = pc.index_in(records.column("record_key"), value_set=links.column("record_key"))
    found = pc.is_valid(row)
    customer = pc.take(links.column("customer360_id"), row.filter(found))
    return records.filter(found).append_column("customer360_id", customer)


@lru_cache(maxsize=1 << 16)
def display_case(value: str | None) -> str | None:
    """Whitespace collapsed; a value all in upper or lower case gets capital initials.

    >>> display_case("  HARDING-CLARKE "), display_case("o'brien"), display_case("McDonald")
    ('Harding-Clarke', "O'Brien", 'McDonald')
    >>> display_case("HALLE (SAALE)")
    'Halle (Saale)'
    """
    text = " ".join((value or "").split())
    if not text:
        return None
    if text.isupper() or text.islower():
        return _WORD_START.sub(lambda m: m.group(1) + m.group(2).upper(), text.lower())
    return text


@lru_cache(maxsize=1 << 14)
def place_case(value: str | None) -> str | None:
    """:func:`display_case` for a place name: a value all in upper or lower case keeps its
    particles (:data:`PLACE_PARTICLES`, an elided d' or l') in lower case after its first word,
    and a possessive 's.

    >>> place_case("AIX-EN-PROVENCE"), place_case("le mans"), place_case("VILLENEUVE-D'ASCQ")
    ('Aix-en-Provence', 'Le Mans', "Villeneuve-d'Ascq")
    """
    cased = display_case(value)
    if cased is None or cased == " ".join((value or "").split()):
        return cased  # written in mixed case: kept as written
    parts = _WORDS.split(cased)
    for i in range(2, len(parts), 2):  # every word but the first (separators in between)
        word = parts[i]
        if word.lower() in PLACE_PARTICLES:
            parts[i] = word.lower()
        elif elided := _ELISION.match(word):
            parts[i] = elided.group().lower() + word[elided.end() :]
    return _POSSESSIVE.sub(r"\1s", "".join(parts))


@lru_cache(maxsize=1 << 16)
def cased_as_written(value: str | None) -> bool:
    """Whether a spelling in mixed case holds case title case would not give, as a person
    typed it: capitals inside a word (McDonald, McAllen) or a particle in lower case
    (:data:`NAME_PARTICLES`, an elided d' or l': de Villiers, d'Almeida, Frankfurt am Main), or
    a possessive 's (Bishop's Stortford); no other letter in lower case that title case
    capitalises (Santiago de compostela, O'brien are slips).

    >>> cased_as_written("McKenzie"), cased_as_written("Mckenzie"), cased_as_written("MCKENZIE")
    (True, False, False)
    """
    text = " ".join((value or "").split())
    if text.isupper() or text.islower():
        return False  # no case kept (or no letters)
    titled = display_case(text.lower()) or ""
    if text == titled or len(text) != len(titled):
        return False
    for i, (typed, title) in enumerate(zip(text, titled, strict=True)):
        if typed == title or not typed.islower():
            continue
        if i == 0 or text[i - 1] in " -":  # a word in lower case: a particle
            word = _WORDS.split(text[i:], maxsplit=1)[0]
            if word not in NAME_PARTICLES and _ELISION.match(word) is None:
                return False
        elif not _is_possessive(text, i):
            return False
    return True


def _is_possessive(text: str, i: int) -> bool:
    """Whether ``text[i]`` is the s of a possessive 's (Bishop's, 's-Hertogenbosch)."""
    return text[i] == "s" and text[i - 1] in "'’" and not text[i + 1 : i + 2].isalnum()


@lru_cache(maxsize=1 << 8)
def gender_code(value: str | None) -> str | None:
    """M or F for the spellings silver reads as them (male, Femme, H, w); other text as
    :func:`display_case` writes it.

    >>> gender_code("Femme"), gender_code(" m"), gender_code("non-binary"), gender_code("")
    ('F', 'M', 'Non-Binary', None)
    """
    return GENDERS.get((value or "").strip().lower()) or display_case(value)


@lru_cache(maxsize=1 << 12)
def language_code(value: str | None) -> str | None:
    """ISO 639-1 code of a locale or language tag.

    >>> language_code("fr_FR"), language_code("en-us"), language_code(" DE "), language_code("?")
    ('fr', 'en', 'de', None)
    """
    code = re.split(r"[_\-]", (value or "").strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


@lru_cache(maxsize=1 << 12)
def yes_no(value: str | None) -> bool | None:
    """A yes/no text as a bool (true/false, yes/no, 1/0, …); anything else None."""
    text = (value or "").strip().lower()
    return True if text in _TRUE else False if text in _FALSE else None


def _number(value: str | None) -> str | None:
    try:
        number = float((value or "").strip())
    except ValueError:
        return None
    return repr(number) if number == number and abs(number) != float("inf") else None


def _iso_date(value: object) -> str | None:
    born = normalise.date_of_birth(value)
    return born.isoformat() if isinstance(born, date) else None


def _without_placeholders(email: pa.Array, phone: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
    """E-mails, their mailboxes (``normalise.email_canonical``) and phones without the
    placeholders matching ignores (counted as it counts)."""
    canonical = per_value(email, normalise.email_canonical)
    kept, _ = without_placeholders(pa.table({"email_canonical": canonical, "phone": phone}))
    mailbox = kept.column("email_canonical").combine_chunks()
    dropped = pc.and_(pc.is_null(mailbox), pc.is_valid(canonical))
    email = pc.if_else(dropped, pa.nulls(len(email), email.type), email)
    return email, mailbox, kept.column("phone").combine_chunks()


def _text(records: pa.Table, name: str) -> pa.Array:
    if name not in records.column_names:
        return pa.nulls(records.num_rows, _TEXT)
    return pc.cast(records.column(name).combine_chunks(), _TEXT)


def _lower(values: pa.Array) -> pa.Array:
    trimmed = pc.utf8_lower(pc.utf8_trim_whitespace(values))
    return pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, _TEXT), trimmed)


def record_values(records: pa.Table, read_at: datetime | None = None) -> pa.Table:
    """Per record: each SURVIVED attribute's display value, and ``<attr>_key`` for KEYED ones
    (an e-mail's is its mailbox: case, a "+tag" and Gmail's dots ignored).

    As in matching, an e-mail or phone shared by more than ``PLACEHOLDER_SHARE`` records names
    nobody (NULL). An update time after ``read_at`` (when the records were read) is NULL: silver
    rejects such a date as in the future, and it must not win "most recent".
    """
    halves = pa.struct([("first", _TEXT), ("last", _TEXT)])
    split = per_value(_text(records, "full_name"), normalise.split_full_name, halves)
    names = {
        "first_name": pc.coalesce(_text(records, "first_name"), pc.struct_field(split, "first")),
        "last_name": pc.coalesce(_text(records, "last_name"), pc.struct_field(split, "last")),
        "city": _text(records, "city"),
    }
    country = per_value(_text(records, "country"), normalise.country_iso)
    columns: dict[str, pa.Array] = {c: records.column(c).combine_chunks() for c in BASE_COLUMNS}
    if read_at is not None:
        stamps = columns["updated_at"]
        future = pc.greater(stamps, pa.scalar(read_at, stamps.type))
        columns["updated_at"] = pc.if_else(future, pa.nulls(len(stamps), stamps.type), stamps)
    for name, raw in names.items():
        columns[name] = per_value(raw, place_case if name == "city" else display_case)
        key = normalise.city_key if name == "city" else normalise.name_key
        columns[f"{name}_key"] = per_value(columns[name], key)
    email = per_value(_text(records, "email"), normalise.email_key)
    phone = normalise.phones_e164(_text(records, "phone"), country)
    columns["email"], columns["email_key"], columns["phone"] = _without_placeholders(email, phone)
    columns["country"] = country
    columns["postcode"] = per_pair(normalise.postcode_key, _text(records, "postcode"), country)
    born = (
        records.column("date_of_birth").combine_chunks()
        if "date_of_birth" in records.column_names
        else pa.nulls(records.num_rows, _TEXT)
    )
    columns["date_of_birth"] = per_value(born, _iso_date)
    columns["language"] = per_value(_text(records, "language"), language_code)
    columns["preferred_channel"] = _lower(_text(records, "preferred_channel"))
    columns["loyalty_tier"] = _lower(_text(records, "loyalty_tier"))
    columns["gender"] = per_value(_text(records, "gender"), gender_code)
    columns["loyalty_points_balance"] = per_value(_text(records, "loyalty_points_balance"), _number)
    for name in records.column_names:
        if is_consent(name):
            columns[name] = per_value(_text(records, name), yes_no, pa.bool_())
    return pa.table(columns)


# A name given alone (a form's given-name field) votes this many times for its role: it says
# which name it is, where a record holding both may have them the wrong way round.
NAME_ALONE = 2
INITIALS = 3  # initials are at most this many letters ("JF", "J.-P. L.")


def _encoded(values: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, np.ndarray]:
    """Distinct values and each row's code among them (-1 for NULL)."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    encoded = pc.dictionary_encode(values)
    codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    return encoded.dictionary, codes


def _codes(values: pa.Array | pa.ChunkedArray) -> tuple[list[str], np.ndarray]:
    """:func:`_encoded`, the distinct values as a list."""
    dictionary, codes = _encoded(values)
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
    names, codes = _codes(
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
    _, customer = _codes(values.column("customer360_id"))
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


_LETTERS = re.compile(r"[^a-z]+")
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
        letters = _LETTERS.sub("", local)
        words = [w for w in _LETTERS.split(local) if w]
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
    _, customer = _codes(values.column("customer360_id"))
    names, codes = _codes(
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
    formal = _formal_codes(names)
    for code, sign in ((first, 1), (last, -1)):
        rows, counts, stands_for = _standing_for(code, formal)
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
    names, codes = _codes(values.column(f"{attribute}_key"))
    compact = [name.replace(" ", "") for name in names]
    # Code -1 (NULL) takes the appended False.
    short = np.array([len(c) <= INITIALS for c in compact] + [False], dtype=bool)[codes]
    if not short.any():
        return found
    _, customer = _codes(values.column("customer360_id"))
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
    names, codes = _codes(values.column("first_name_key"))
    rows, counts, stands_for = _standing_for(codes, _formal_codes(names))
    if not len(rows):
        return found
    _, customer = _codes(values.column("customer360_id"))
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
    names, codes = _codes(values.column("first_name_key"))
    if len(names) < 2:
        return np.zeros(values.num_rows, dtype=bool)
    _, customer = _codes(values.column("customer360_id"))
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
    names, codes = _codes(values.column(f"{attribute}_key"))
    if voting is not None:
        codes = np.where(voting, codes, -1)
    _, customer = _codes(values.column("customer360_id"))
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


# Each formal name's nicknames and short forms (Abigail: Abby, Abbie, Gail), as _formal_codes
# reads nicknames.FORMS.
_SHORT_FORMS: dict[str, list[str]] = {}
for _short, _formals in sorted(nicknames.FORMS.items()):
    for _formal in sorted(_formals):
        if _formal != _short and _short not in nicknames.FORMS.get(_formal, ()):
            _SHORT_FORMS.setdefault(_formal, []).append(_short)


def _formal_codes(names: list[str]) -> list[list[int]]:
    """Per name, the positions in ``names`` of the formal names it is a nickname of (Will:
    Guillaume, William); none for two names that stand for each other."""
    index = {name: i for i, name in enumerate(names)}
    forms = nicknames.FORMS
    return [
        [index[f] for f in forms.get(name, ()) if f != name and f in index
         and name not in forms.get(f, ())]
        for name in names
    ]  # fmt: skip


def _standing_for(
    codes: np.ndarray, formal: list[list[int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows whose name (``codes``, -1 for NULL) is a nickname, how many formal names each
    stands for, and those names' codes, row after row."""
    # Code -1 (NULL) takes the appended 0.
    counts = np.array([len(f) for f in formal] + [0], dtype=np.int64)[codes]
    rows = np.flatnonzero(counts)
    stands_for = np.array([f for c in codes[rows] for f in formal[c]], dtype=np.int64)
    return rows, counts[rows], stands_for


def outvoted_date_swaps(values: pa.Table) -> np.ndarray:
    """Per record: whether its birth date is another record's of its customer with day and month
    swapped (1985-07-03 beside 1985-03-07) and fewer of the customer's records hold it. A
    form that reads the day first, typed month first, swaps them in one record; the date the
    other records agree on is the person's, whatever the rule. One record against one is left to
    the rule, as is any other disagreement (a year slipped, another date)."""
    found = np.zeros(values.num_rows, dtype=bool)
    if "date_of_birth" not in values.column_names:
        return found
    dates, codes = _encoded(values.column("date_of_birth"))
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
    _, customer = _codes(values.column("customer360_id"))
    size = len(dates)
    held = codes >= 0
    keys, counts = np.unique(customer[held] * size + codes[held], return_counts=True)

    def holding(key: np.ndarray) -> np.ndarray:
        at = np.minimum(np.searchsorted(keys, key), len(keys) - 1)
        return np.where(keys[at] == key, counts[at], 0)

    mine = holding(customer[rows] * size + codes[rows])
    found[rows] = holding(customer[rows] * size + other[rows]) > mine
    return found

"""The identity sources' records as profile values: one row per record, ready for survivorship.

Matching compares folded keys ("roca"); a profile shows people their own spelling ("Roca"). So
each record carries both: the display value and, for names, cities and e-mails, the key that
survivorship votes on, so "ROCA" and "Roca" count as one value, as do an address with and without
its "+tag". How the records' names and birth dates read against each other is
``profile_names``' and ``profile_typos``'.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from c360.config import PLAIN_ATTRIBUTES, Identity, unknown_attributes
from c360.identity import normalise
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
from c360.identity.roles import KEPT, is_consent
from c360.pipeline.silver.marketing import GENDERS

# Every attribute that goes through survivorship, in the order lineage and pivots list them.
SURVIVED = (*KEPT, *PLAIN_ATTRIBUTES)
NAMES = ("first_name", "last_name")  # never won by initials of a name spelt out
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
_WORD_ENDS = re.compile(r"([\s\-'’.(/]+)")  # what ends a word for _WORD_START
# A word holding one of these letters is read as Turkish (or Azerbaijani): I lowered to ı, İ to i.
# Not Ş: Romanian writes it too (with a cedilla for a comma below), and IAŞI is Iaşi.
_TURKISH = frozenset("Ğğİı")
_TURKISH_LOWER = str.maketrans("Iİ", "ıi")
# A capital digraph starting a word of a value in mixed case: Ǆemal is ǅemal.
_DIGRAPHS = frozenset("ǄǇǊǱ")
_CAPITAL_DIGRAPH = re.compile(r"(?:^|(?<=[\s\-'’.(/]))[ǄǇǊǱ](?=[^\W\d_])")
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
    """Fail with the list of known names when a source maps an attribute the profile lacks: as
    reading c360.yaml does, for an ``Identity`` built without validation."""
    if (message := unknown_attributes(identity)) is not None:
        raise IdentityConfigError(message)


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
    """Whitespace collapsed; a value all in upper or lower case gets capital initials
    (:func:`title_case`), one in mixed case is kept as written but for a capital digraph
    before lower case (Ǆemal as ǅemal).

    >>> display_case("  HARDING-CLARKE "), display_case("o'brien"), display_case("McDonald")
    ('Harding-Clarke', "O'Brien", 'McDonald')
    >>> display_case("HALLE (SAALE)")
    'Halle (Saale)'
    """
    text = " ".join((value or "").split())
    if not text:
        return None
    if text.isupper() or text.islower():
        return title_case(text)
    if text.isascii() or _DIGRAPHS.isdisjoint(text):
        return text
    return _CAPITAL_DIGRAPH.sub(_digraph_title, text)


def _digraph_title(match: re.Match[str]) -> str:
    letter = match.group()
    return letter.title() if match.string[match.end()].islower() else letter


def capital(letter: str, turkish: bool = False) -> str:
    """A word's first letter as title case writes it: its Unicode titlecase (ǅ for ǆ, ǈ for
    ǉ), kept as written where its capital is more than one letter (ß: SS, ﬂ: FL, the letters
    silver's ``parse.TWO_LETTER_CAPITALS`` keeps); a Turkish word's i is İ.

    >>> capital("o"), capital("ß"), capital("ﬂ"), capital("ǆ"), capital("i", turkish=True)
    ('O', 'ß', 'ﬂ', 'ǅ', 'İ')
    """
    if letter.isascii():
        return "İ" if turkish and letter == "i" else letter.upper()
    return letter if len(letter.upper()) > 1 else letter.title()


def title_case(text: str) -> str:
    """``text`` in lower case with each word's first letter a :func:`capital`; a word holding
    Ğ, İ or ı is lowered as Turkish lowers it (I as ı, İ as i).

    >>> title_case("O'BRIEN"), title_case("IĞDIR"), title_case("İSTANBUL"), title_case("ßtefan")
    ("O'Brien", 'Iğdır', 'İstanbul', 'ßtefan')
    """
    if text.isascii() or _TURKISH.isdisjoint(text):
        return _WORD_START.sub(_capital, text.lower())
    parts = _WORD_ENDS.split(text)  # words at even places, what ends them between
    for i in range(0, len(parts), 2):
        if _TURKISH.isdisjoint(parts[i]):
            parts[i] = _WORD_START.sub(_capital, parts[i].lower())
        else:
            parts[i] = _WORD_START.sub(_turkish_capital, parts[i].translate(_TURKISH_LOWER).lower())
    return "".join(parts)


def _capital(match: re.Match[str]) -> str:
    letter = match.group(2)
    return match.group(1) + (letter.upper() if letter.isascii() else capital(letter))


def _turkish_capital(match: re.Match[str]) -> str:
    return match.group(1) + capital(match.group(2), turkish=True)


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
    titled = title_case(text)
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

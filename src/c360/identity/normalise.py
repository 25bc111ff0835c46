"""Schema-free normalisation of people records before matching: one spelling per name, address…

Per-value functions are cached (values repeat a lot); :func:`normalise_records` runs them once
per distinct value of a column, so a million records take seconds (most of them parsing phones).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pycountry

from c360.identity.nicknames import NICKNAMES
from c360.pipeline.silver.conform import (
    COUNTRY_FOLDED,
    COUNTRY_ISO,
    EMAIL_BRACKETED,
    EMAIL_ENDS,
    email_shaped,
    fold_country,
)
from c360.pipeline.silver.phones import e164
from c360.text.names_given import GIVEN_NAMES
from c360.text.names_lexicon import AMBIGUOUS

_CACHE = 1 << 16  # distinct names fit; rarer values are deduplicated per column anyway
# Distinct phone numbers of a million records fit (~300 bytes each): matching parses them, and
# the profile, which reads the same records, finds them parsed.
_PHONE_CACHE = 1 << 19
# Numbers phonenumbers reads as their digits alone: ASCII digits and separators, a "+" only
# first, at least 3 digits (with 2, "1 2" is not a number but "12" is), well under its 250 limit.
_PLAIN_PHONE = r"^ *\+?[0-9 ().\-]*$"
_MAX_PLAIN_PHONE = 200
_TEXT = pa.string()
_STAMP = pa.timestamp("us")
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                       "ı": "i"})  # fmt: skip
_NOT_LETTERS = re.compile(r"[\W\d_]+")
# Letters of any script: "josé.garcía@", "jürgen_groß@" open with a name too.
_MAILBOX_NAME = re.compile(r"(([^\W\d_]{3,})-[^\W\d_]+(?=[._])|[^\W\d_]{3,}(?=[._-]))")
_NOT_ALNUM = re.compile(r"[\W_]+")
_FLOAT_TAIL = re.compile(r"(?<=\d)\.0+$")
# Lower-cased as silver lowers an address: "İ" as "i" (Python writes "i̇"), a capital sigma as
# σ wherever it stands (Python writes ς at the end of a word).
_AS_SILVER = str.maketrans({"İ": "I", "Σ": "σ"})
_GMAIL = frozenset({"gmail.com", "googlemail.com"})
_DOUBLE_AT = re.compile(r"@{2,}")
_WRAPPED = re.compile(EMAIL_BRACKETED + r"\Z")  # "Ann Lee <ann@mail.fr>", as silver reads it
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
_FIVE_DIGIT_POSTCODES = frozenset({"FR", "DE", "ES", "US"})
# Street types and titles as forms and labels shorten them (English, French, German, Spanish).
_STREET_WORDS = {
    "rd": "road", "ave": "avenue", "av": "avenue", "ln": "lane", "ct": "court", "cl": "close",
    "cres": "crescent", "sq": "square", "hwy": "highway", "pkwy": "parkway", "bd": "boulevard",
    "bld": "boulevard", "blvd": "boulevard", "pl": "place", "r": "rue", "ch": "chemin",
    "imp": "impasse", "rte": "route", "all": "allee", "fg": "faubourg", "gen": "general",
    "gal": "general", "str": "strasse", "c": "calle", "avda": "avenida", "pza": "plaza",
    "po": "paseo", "pso": "paseo", "ctra": "carretera",
}  # fmt: skip
# Before a name a title ("St-Jacques", "C/ Dr. Fleming"), else a street type ("Baker St").
_TITLE_OR_TYPE = {"st": ("saint", "street"), "dr": ("doctor", "drive")}
_STR_SUFFIX = re.compile(r"(\w)str\b")
_CITY_WORDS = {"st": "saint", "ste": "sainte"}
_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ].*)?")


class _CharFolds(dict[int, str]):
    """Each character's folded form, worked out the first time it is met."""

    def __missing__(self, code: int) -> str:
        text = unicodedata.normalize("NFKD", chr(code)).casefold().translate(_FOLD)
        text = unicodedata.normalize("NFKD", text)
        self[code] = folded = "".join(c for c in text if not unicodedata.combining(c))
        return folded


_CHAR_FOLDS = _CharFolds(dict.fromkeys(map(ord, "'’‘`´ʼ"), ""))


def _fold(value: str) -> str:
    """Lower case without accents or apostrophes ("O'Brien-Løvik" → "obrien-lovik")."""
    if value.isascii():  # most values: a faster path to the same result
        return value.lower().replace("'", "").replace("`", "")
    return value.translate(_CHAR_FOLDS)


def _words(value: str | None, drop: re.Pattern[str]) -> str | None:
    if value is None:
        return None
    return drop.sub(" ", _fold(value)).strip() or None


@lru_cache(maxsize=_CACHE)
def name_key(value: str | None) -> str | None:
    """Letters only, lower case, no accents, one space between words ("Mélanie-Claire")."""
    return _words(value, _NOT_LETTERS)


@lru_cache(maxsize=_CACHE)
def first_name_canonical(value: str | None) -> str | None:
    """The formal given name behind a nickname ("Bobby" → "robert"), else :func:`name_key`."""
    key = name_key(value)
    return None if key is None else NICKNAMES.get(key, key)


# Titles before a name and generational suffixes after it: no part of a given or family name.
_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "mme", "mmes", "mlle",
    "herr", "frau", "sr", "sra", "srta",
})  # fmt: skip
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "esq"})


def _bare(token: str) -> str:
    return token.rstrip(".,").lower()


def _untitled(tokens: list[str]) -> list[str]:
    """The words of a name without leading titles or trailing suffixes (a word always stays)."""
    while len(tokens) > 1 and _bare(tokens[0]) in _TITLES:
        tokens = tokens[1:]
    while len(tokens) > 1 and _bare(tokens[-1]) in _SUFFIXES:
        tokens = tokens[:-1]
    return tokens


@lru_cache(maxsize=_CACHE)
def split_full_name(value: str | None) -> tuple[str | None, str | None]:
    """(first, last) of "LAST, First" or "First Last…" (particles stay in the last name);
    titles ("Dr.", "Mme") and suffixes ("Jr.") are dropped."""
    text = (value or "").strip()
    if "," in text:
        last, first = (" ".join(_untitled(part.split())) or None for part in text.split(",", 1))
        if first is not None and _bare(first) in _SUFFIXES | _TITLES:
            return split_full_name(last)  # "John Smith, PhD", "Dupont, Mme"
        return first, last
    tokens = _untitled(text.split())
    if not tokens:
        return None, None
    if len(tokens) == 1:
        return None, tokens[0]
    return tokens[0], " ".join(tokens[1:])


@lru_cache(maxsize=_CACHE)
def email_key(value: str | None) -> str | None:
    """The address lower-cased, without spaces; None when it is not shaped like one. As silver
    reads it (``conform.email``), an address is taken out of a display-name form ("Ann Lee
    <ann@mail.fr>") or a mailto: link, loses white space of any kind at its ends and one full
    stop after the domain ("ann@mail.fr." as DNS writes it; "ann@mail.fr.." reads as nothing).
    Unlike silver, typos a form should have refused are read too: a stray space inside, a
    doubled "@" (a match on them is still a match; no mail server takes them as written)."""
    if value is None:
        return None
    value = value.strip(EMAIL_ENDS)
    if "<" in value:
        inside = _WRAPPED.search(value)
        value = inside.group(1) if inside else ""
    value = _MAILTO.sub("", value)
    text = "".join(value.split())
    text = text.lower() if text.isascii() else text.translate(_AS_SILVER).lower()
    text = _DOUBLE_AT.sub("@", text)
    text = text[:-1] if text.endswith(".") else text
    return text if email_shaped(text) else None


@lru_cache(maxsize=_CACHE)
def mailbox_given_name(email: str | None) -> str | None:
    """The known given name an address opens with, before a separator ("samuel.lee@…",
    "jules_garnier@…"): what a record without a name says of the mailbox's owner. Not a name
    that is also a month or a place ("may.lee@…"), nor one run into the rest ("samuellee@…")."""
    opening = _MAILBOX_NAME.match(email or "")
    if opening is None:
        return None
    for name in (opening.group(1), opening.group(2)):  # "jean-baptiste", else "jean"
        if name and is_known_given(name_key(name)) and name not in AMBIGUOUS:
            return name_key(name)
    return None


def is_known_given(name: str | None) -> bool:
    """True if ``name`` (a :func:`name_key`) is a given name or nickname of the lists."""
    return name is not None and (name.replace(" ", "-") in GIVEN_NAMES or name in NICKNAMES)


@lru_cache(maxsize=_CACHE)
def email_canonical(value: str | None) -> str | None:
    """One spelling per mailbox: without its "+tag" (sub-addressing, which most providers
    deliver to the same mailbox), and without dots at Gmail, which ignores them; an accent
    written apart composed ("e\u0301" as "é"), a final ς as σ."""
    key = email_key(value)
    if key is None:
        return None
    if not key.isascii():
        key = unicodedata.normalize("NFC", key).replace("ς", "σ")
    local, domain = key.rsplit("@", 1)
    local = local.split("+", 1)[0]
    if domain in _GMAIL:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}" if local else key


@lru_cache(maxsize=_CACHE)
def email_local_key(value: str | None) -> str | None:
    """The canonical local part's letters ("laura.webb72@…" → "laurawebb"), a blocking hint."""
    return _local_letters(email_canonical(value))


def _local_letters(address: str | None) -> str | None:
    return None if address is None else _NOT_LETTERS.sub("", address.rsplit("@", 1)[0]) or None


@lru_cache(maxsize=_PHONE_CACHE)
def phone_e164(value: str | None, country: str | None) -> str | None:
    """The number in E.164, read in the record's country unless it starts with "+", as silver
    reads it (``phones.e164``: an extension is no part of it, letters make it none)."""
    return e164(value, country.upper() if country else None)


@lru_cache(maxsize=_CACHE)
def postcode_key(value: str | None, country: str | None) -> str | None:
    """Upper-case letters and digits, with the leading zeros a numeric column lost put back."""
    if value is None:
        return None
    text = value.strip().upper()
    if "." in text:
        text = _FLOAT_TAIL.sub("", text)  # read from a float column: "1000.0"
    if not text.isalnum():
        text = _NOT_ALNUM.sub("", text)
    if text.isdigit() and country and country.upper() in _FIVE_DIGIT_POSTCODES:
        return text[:5].zfill(5)  # lost leading zeros back; a US ZIP+4 cut to the ZIP
    return text or None


@lru_cache(maxsize=_CACHE)
@lru_cache(maxsize=4096)
def country_iso(value: str | None) -> str | None:
    """ISO 3166 alpha-2 code of a country name or code (France / fra / fr → FR, Ireland → IE;
    local spellings of the silver layer first, then every ISO 3166 name and code); else None."""
    if value is None:
        return None
    text = value.strip().lower()
    iso = COUNTRY_ISO.get(text) or COUNTRY_FOLDED.get(fold_country(text))
    if iso:
        return iso
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        return text.upper() if len(text) == 2 and text.isascii() and text.isalpha() else None


# What a system writes for a birth date it does not know (SQL Server's day 0, the Unix epoch):
# as evidence, it would make strangers with a defaulted form field agree.
_UNKNOWN_BIRTH = frozenset({date(1970, 1, 1)})


def date_of_birth(value: object) -> date | None:
    """A plausible birth date (1901–2025) from a date or text in a common layout; else None.

    Placeholders are None: a year of 1900 or earlier, and 1970-01-01.
    """
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value if 1901 <= value.year <= 2025 and value not in _UNKNOWN_BIRTH else None
    return _date_text(value) if isinstance(value, str) else None


@lru_cache(maxsize=_CACHE)
def _date_text(value: str) -> date | None:
    text = value.strip()
    if ymd := _YMD.fullmatch(text):
        year, month, day = (int(x) for x in ymd.groups())
    elif dmy := _DMY.fullmatch(text):
        first, second, year = (int(x) for x in dmy.groups())
        # Day first (European) unless that cannot be: "12/31/1980" is 31 December.
        day, month = (second, first) if second > 12 >= first else (first, second)
    else:
        return None
    try:
        return date_of_birth(date(year, month, day))
    except ValueError:
        return None


def _replace_words(key: str | None, words: dict[str, str]) -> str | None:
    if key is None:
        return None
    return " ".join(words.get(word, word) for word in key.split())


@lru_cache(maxsize=_CACHE)
def street_key(value: str | None) -> str | None:
    """An address line folded like a name, numbers kept, street types and titles spelt out one
    way ("12 St. Mary's St." → "12 saint marys street", "Pza. Mayor" → "plaza mayor")."""
    key = _words(value, _NOT_ALNUM)
    if key is None:
        return None
    words = key.split()
    for i, word in enumerate(words):
        if word in _TITLE_OR_TYPE:
            named = i + 1 < len(words) and words[i + 1].isalpha()
            words[i] = _TITLE_OR_TYPE[word][0 if named else 1]
        else:
            words[i] = _STREET_WORDS.get(word, word)
    key = " ".join(words)
    if "str" not in key:
        return key
    return _STR_SUFFIX.sub(r"\1strasse", key)  # Hauptstr.


@lru_cache(maxsize=_CACHE)
def city_key(value: str | None) -> str | None:
    """A city folded like a name, "St"/"Ste" spelt out ("St-Étienne" → "saint etienne")."""
    return _replace_words(name_key(value), _CITY_WORDS)


def _raw(table: pa.Table, name: str, kind: pa.DataType) -> pa.Array:
    """A column as one array, as stored (nulls of ``kind`` when the role is absent)."""
    if name not in table.column_names:
        return pa.nulls(table.num_rows, kind)
    return table.column(name).combine_chunks()


def _text(table: pa.Table, name: str) -> pa.Array:
    values = _raw(table, name, _TEXT)
    return values if values.type == _TEXT else pc.cast(values, _TEXT)


def per_value(values: pa.Array, fn: Callable[[Any], Any], kind: pa.DataType = _TEXT) -> pa.Array:
    """``fn`` applied once per distinct value, spread back over the rows."""
    encoded = pc.dictionary_encode(values)
    return pa.array(map(fn, encoded.dictionary.to_pylist()), kind).take(encoded.indices)


def per_pair(fn: Callable[[str, str | None], Any], values: pa.Array, other: pa.Array) -> pa.Array:
    """``fn(value, other)`` applied once per distinct pair (a NULL ``other`` passed as None)."""
    pairs = pc.binary_join_element_wise(values, pc.fill_null(other, ""), "\x1f")

    def split(pair: str) -> Any:
        value, second = pair.rsplit("\x1f", 1)
        return fn(value, second or None)

    return per_value(pairs, split)


def phones_e164(values: pa.Array, country: pa.Array) -> pa.Array:
    """:func:`phone_e164` of each number, parsed once per distinct (digits, country).

    "06 12 34 56 78" and "0612345678" are one parse: phonenumbers strips separators before
    reading a number without letters, extension marks or a second number. A number starting
    with "+" is read without its country, so "+33 6 12…" is one parse whatever the record's.
    Matching and the profile read the same records this way, so the profile's parses are
    :func:`phone_e164`'s cache hits.
    """
    digits = pc.replace_substring_regex(values, r"[^0-9+]", "")
    plain = pc.and_(
        pc.and_(
            pc.match_substring_regex(values, _PLAIN_PHONE),
            pc.less_equal(pc.utf8_length(values), _MAX_PLAIN_PHONE),
        ),
        pc.greater_equal(pc.utf8_length(pc.replace_substring(digits, "+", "")), 3),
    )
    plain = pc.fill_null(plain, False)
    number = pc.if_else(plain, digits, values)
    international = pc.and_(plain, pc.starts_with(digits, "+"))
    read_in = pc.if_else(pc.fill_null(international, False), pa.scalar(None, _TEXT), country)
    return per_pair(phone_e164, number, read_in)


def _blank_to_null(values: pa.Array) -> pa.Array:
    return pc.if_else(pc.equal(values, ""), pa.scalar(None, _TEXT), values)


def normalise_records(table: pa.Table) -> pa.Table:
    """Role columns (any subset) in; every normalised column out, one row per input row."""
    halves = pa.struct([("first", _TEXT), ("last", _TEXT)])
    split = per_value(_text(table, "full_name"), split_full_name, halves)
    first = per_value(
        pc.coalesce(_text(table, "first_name"), pc.struct_field(split, "first")), name_key
    )
    email = per_value(_text(table, "email"), email_key)
    canonical = per_value(email, email_canonical)
    country = per_value(_text(table, "country"), country_iso)
    stamps = _raw(table, "updated_at", _STAMP)
    columns = {
        "record_key": _text(table, "record_key"),
        "first_name": first,
        "first_name_canonical": per_value(first, first_name_canonical),
        "last_name": per_value(
            pc.coalesce(_text(table, "last_name"), pc.struct_field(split, "last")), name_key
        ),
        "date_of_birth": per_value(
            _raw(table, "date_of_birth", pa.date32()), date_of_birth, pa.date32()
        ),
        "email": email,
        "email_canonical": canonical,
        "email_local": per_value(canonical, _local_letters),
        "phone": phones_e164(_text(table, "phone"), country),
        "address_line": per_value(_text(table, "address_line"), street_key),
        "city": per_value(_text(table, "city"), city_key),
        "postcode": per_pair(postcode_key, _text(table, "postcode"), country),
        "country": country,
        "national_id": _blank_to_null(  # upper-case letters and digits only
            pc.replace_substring_regex(
                pc.utf8_upper(_text(table, "national_id")), r"[^\pL\pN]+", ""
            )
        ),
        "source_id": _blank_to_null(pc.utf8_trim_whitespace(_text(table, "source_id"))),
        "updated_at": stamps if pa.types.is_timestamp(stamps.type) else pc.cast(stamps, _STAMP),
    }
    return pa.table(columns)

"""The identity sources' records as profile values: one row per record, ready for survivorship.

Matching compares folded keys ("roca"); a profile shows people their own spelling ("Roca"). So
each record carries both: the display value and, for names and cities, the folded key that
survivorship votes on, so "ROCA" and "Roca" count as one value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from c360.config import Identity
from c360.identity import normalise
from c360.identity.records import IdentityConfigError, latest_per_id, source_roles
from c360.pipeline import lake

# Profile attributes a source can map besides its matching roles (identity.sources.*.attributes).
PLAIN_ATTRIBUTES = (
    "language",
    "preferred_channel",
    "gender",
    "loyalty_tier",
    "loyalty_points_balance",
)
OPT_IN = "marketing_opt_in"  # a yes/no marketing consent: the record's status, email scope
CONSENT_PREFIX = "consent_"  # consent_<x>: yes/no for scope <x>_marketing
# Every attribute that goes through survivorship, in the order lineage and pivots list them.
SURVIVED = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "country",
    "city",
    "postcode",
    "date_of_birth",
    *PLAIN_ATTRIBUTES,
)
KEYED = ("first_name", "last_name", "city")  # voted on a folded key, shown as spelt
BASE_COLUMNS = ("record_key", "source", "record_id", "customer360_id", "updated_at")
_TEXT = pa.string()
_WORD_START = re.compile(r"(^|[\s\-'’.])(\w)")
_TRUE = frozenset({"true", "t", "yes", "y", "1", "oui", "ja", "si", "sí"})
_FALSE = frozenset({"false", "f", "no", "n", "0", "non", "nein"})
# Numbers phonenumbers reads as their digits alone: ASCII digits and separators, a "+" only
# first, at least 3 digits (with 2, "1 2" is not a number but "12" is), well under its 250 limit.
_PLAIN_PHONE = r"^ *\+?[0-9 ().\-]*$"
_MAX_PLAIN_PHONE = 200


def is_consent(attribute: str) -> bool:
    """True for the attributes that feed consent rather than survivorship."""
    return attribute == OPT_IN or attribute.startswith(CONSENT_PREFIX)


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
    """Every configured source's latest record per id: roles, attributes (text), customer."""
    check_attributes(identity)
    parts = []
    for name, source in identity.sources.items():
        folder = lake.table_dir(workspace, "bronze", source.table)
        if not folder.exists():
            raise IdentityConfigError(
                f"identity source {name!r}: table {source.table} has not been landed in bronze"
            )
        raw = lake.read_table(workspace, "bronze", source.table)
        missing = sorted(set(source.attributes.values()) - set(raw.column_names))
        if missing:
            raise IdentityConfigError(
                f"identity source {name!r}: table {source.table} has no column {', '.join(missing)}"
            )
        roles = source_roles(name, source, raw)
        for attribute, column in source.attributes.items():
            roles = roles.append_column(attribute, pc.cast(raw.column(column), _TEXT))
        if "updated_at" not in roles.column_names:
            roles = roles.append_column("updated_at", pa.nulls(roles.num_rows, pa.timestamp("us")))
        parts.append(latest_per_id(roles)[0])
    records = pa.concat_tables(parts, promote_options="permissive")
    # A lookup rather than a join: a record_key is linked once, and the records keep their order.
    row = pc.index_in(records.column("record_key"), value_set=links.column("record_key"))
    found = pc.is_valid(row)
    customer = pc.take(links.column("customer360_id"), row.filter(found))
    return records.filter(found).append_column("customer360_id", customer)


def _per_value(values: pa.Array, fn: Callable[[Any], Any], kind: pa.DataType = _TEXT) -> pa.Array:
    """``fn`` once per distinct value, spread back over the rows."""
    encoded = pc.dictionary_encode(values)
    return pa.array(map(fn, encoded.dictionary.to_pylist()), kind).take(encoded.indices)


def _per_pair(fn: Callable[[str, str | None], Any], values: pa.Array, other: pa.Array) -> pa.Array:
    """``fn(value, other)`` once per distinct pair."""
    pairs = pc.binary_join_element_wise(values, pc.fill_null(other, ""), "\x1f")

    def split(pair: str) -> Any:
        value, second = pair.rsplit("\x1f", 1)
        return fn(value, second or None)

    return _per_value(pairs, split)


def phones(values: pa.Array, country: pa.Array) -> pa.Array:
    """``normalise.phone_e164`` of each number, parsed once per distinct (digits, country).

    "06 12 34 56 78" and "0612345678" are one parse: phonenumbers strips separators before
    reading a number without letters, extension marks or a second number. A number starting
    with "+" is read without its country, so "+33 6 12…" is one parse whatever the record's.
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
    return _per_pair(normalise.phone_e164, number, read_in)


@lru_cache(maxsize=1 << 16)
def display_case(value: str | None) -> str | None:
    """Whitespace collapsed; a value all in upper or lower case gets capital initials.

    >>> display_case("  HARDING-CLARKE "), display_case("o'brien"), display_case("McDonald")
    ('Harding-Clarke', "O'Brien", 'McDonald')
    """
    text = " ".join((value or "").split())
    if not text:
        return None
    if text.isupper() or text.islower():
        return _WORD_START.sub(lambda m: m.group(1) + m.group(2).upper(), text.lower())
    return text


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


def _text(records: pa.Table, name: str) -> pa.Array:
    if name not in records.column_names:
        return pa.nulls(records.num_rows, _TEXT)
    return pc.cast(records.column(name).combine_chunks(), _TEXT)


def _lower(values: pa.Array) -> pa.Array:
    trimmed = pc.utf8_lower(pc.utf8_trim_whitespace(values))
    return pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, _TEXT), trimmed)


def record_values(records: pa.Table) -> pa.Table:
    """Per record: each SURVIVED attribute's display value, and ``<attr>_key`` for KEYED ones."""
    halves = pa.struct([("first", _TEXT), ("last", _TEXT)])
    split = _per_value(_text(records, "full_name"), normalise.split_full_name, halves)
    names = {
        "first_name": pc.coalesce(_text(records, "first_name"), pc.struct_field(split, "first")),
        "last_name": pc.coalesce(_text(records, "last_name"), pc.struct_field(split, "last")),
        "city": _text(records, "city"),
    }
    country = _per_value(_text(records, "country"), normalise.country_iso)
    columns: dict[str, pa.Array] = {c: records.column(c).combine_chunks() for c in BASE_COLUMNS}
    for name, raw in names.items():
        columns[name] = _per_value(raw, display_case)
        key = normalise.city_key if name == "city" else normalise.name_key
        columns[f"{name}_key"] = _per_value(columns[name], key)
    columns["email"] = _per_value(_text(records, "email"), normalise.email_key)
    columns["phone"] = phones(_text(records, "phone"), country)
    columns["country"] = country
    columns["postcode"] = _per_pair(normalise.postcode_key, _text(records, "postcode"), country)
    born = (
        records.column("date_of_birth").combine_chunks()
        if "date_of_birth" in records.column_names
        else pa.nulls(records.num_rows, _TEXT)
    )
    columns["date_of_birth"] = _per_value(born, _iso_date)
    columns["language"] = _per_value(_text(records, "language"), language_code)
    columns["preferred_channel"] = _lower(_text(records, "preferred_channel"))
    columns["loyalty_tier"] = _lower(_text(records, "loyalty_tier"))
    columns["gender"] = _per_value(_text(records, "gender"), display_case)
    columns["loyalty_points_balance"] = _per_value(
        _text(records, "loyalty_points_balance"), _number
    )
    for name in records.column_names:
        if is_consent(name):
            columns[name] = _per_value(_text(records, name), yes_no, pa.bool_())
    return pa.table(columns)

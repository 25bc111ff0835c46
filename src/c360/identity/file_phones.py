"""Phones in a user's own file as text for matching: numbers (a Parquet column, 612345678.0,
a spreadsheet's 6.12345678E8) read as their digits, a leading zero a number lost put back where
only that makes a number, and notes on the ones that cannot be read."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import numpy as np
import phonenumbers
import pyarrow as pa
import pyarrow.compute as pc

from c360.identity.files import is_number
from c360.identity.normalise import country_iso, per_value, phones_e164

# A phone a program or a spreadsheet wrote as a number: 612345678.0, or 6.12345678E8 (Excel's
# 6,12345678E+08 in a comma locale). Spreadsheets write one digit before the point.
_WHOLE = re.compile(r"\s*([1-9]\d*)[.,]0+\s*", re.ASCII)
_SCIENTIFIC = re.compile(r"\s*([1-9])(?:[.,](\d+))?[eE]\+?(\d{1,2})\s*", re.ASCII)
_NUMERIC = r"^\s*[1-9](\d*[.,]0+|([.,]\d+)?[eE]\+?\d{1,2})\s*$"  # either of the two
_DIGITS = r"^[1-9]\d*$"
_IDD = r"^\s*00([1-9])"  # "00" and a country code: how most countries dial abroad
_LOCAL = r"^\D*(\d\D*){5,}$"  # 5 digits or more: a number, not a word meaning none
_E164_MAX = 1e15  # E.164 numbers have 15 digits at most
_MANTISSA = {16: 11, 32: 24}  # the bits of a float16's and a float32's significand
# What a phone value was: text as written (digits too: a CSV or JSON cannot tell), a number's
# digits, a number whose last digits were rounded away, a number that is no digits.
_WRITTEN, _NUMBER, _ROUNDED, _FRACTION = 0, 1, 2, 3


def read_phones(
    path: Path, column: str, phones: pa.ChunkedArray, countries: pa.ChunkedArray | None
) -> tuple[pa.Array, list[str]]:
    """A file's phones as text for :func:`~c360.identity.normalise.normalise_records`, and
    notes on the numbers among them.

    A number (of a Parquet column, or written as a program or a spreadsheet writes one:
    612345678.0, 6.12345678E8) is read as its digits; one whose last digits a spreadsheet
    rounded away (6.12346E+08) or with a fraction is no phone. A number has no leading zero:
    France's (a trunk prefix) phonenumbers reads a number without, but where a country's
    numbers keep theirs (Italy's 06…) and only the digits with a zero put back make a number
    there, it is put back; a number that makes one either way is the mobile of the two (Italy's
    mobiles start with 3 and have no zero), or no phone when both or neither are. Digits written as
    text (as a CSV or a JSON number is read: neither tells) are read as written, or with the
    zero put back when only that makes a number. No country is guessed: without one, digits
    alone make no number, and a note counts the local numbers so left out; a number written
    after "00" (the international prefix of most countries) is then read as international.
    """
    text, kinds, shown = _phone_digits(_flat(phones))
    notes = []
    for kind, said, advice in (
        (_ROUNDED, "{is_a} rounded by a spreadsheet, {its} last digits lost", "; keep phones as "
         "text"),
        (_FRACTION, "{is_a} with a fraction", ""),
    ):  # fmt: skip
        hits = pc.equal(kinds, kind)
        if (first := _first(hits)) is not None:
            notes.append(
                f"{_said(path, column, hits, said)} (e.g. {shown[first]}): not matched on{advice}"
            )
    country = None if countries is None else per_value(_flat(countries), country_iso)
    text = _international(text, country)
    notes += _countryless(path, column, text, shown, country)
    if country is None:
        return text, notes
    digits = pc.fill_null(pc.match_substring_regex(text, _DIGITS), False)
    zeros = pc.and_(digits, pc.fill_null(pc.is_in(country, _zero_regions()), False))
    if not pc.any(zeros).as_py():
        return text, notes
    text, more = _zero_back(path, column, text, kinds, country, zeros)
    return text, notes + more


def dialled(phones: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """True where a phone value holds a number's digits (five or more), whether or not it can
    be read: a local number of a file without countries is still someone's phone."""
    text = pc.cast(phones, pa.string())
    found = pc.fill_null(pc.match_substring_regex(text, _LOCAL), False)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


def _international(text: pa.Array, country: pa.Array | None) -> pa.Array:
    """``text`` with the "00" before a country code written "+" where no country is known
    ("0033 6 12 34 56 78" is +33 6 12 34 56 78); with a country, phonenumbers reads its own
    international prefix (00 in France, 011 in the United States)."""
    plus = pc.replace_substring_regex(text, _IDD, r"+\1")
    if country is None:
        return plus
    return pc.if_else(pc.is_null(country), plus, text)


def _countryless(
    path: Path, column: str, text: pa.Array, shown: pa.Array, country: pa.Array | None
) -> list[str]:
    """A note on the local numbers (no country code) of records without a country: no number
    can be read from them, and the note says how to give it."""
    local = pc.and_(
        pc.fill_null(pc.match_substring_regex(text, _LOCAL), False),
        pc.invert(pc.fill_null(pc.match_substring(text, "+"), False)),
    )
    if country is not None:
        local = pc.and_(local, pc.is_null(country))
    if (first := _first(local)) is None:
        return []
    said = _said(path, column, local, "{has} no country code")
    if country is None:
        return [
            f"{said} (e.g. {shown[first]}) and no column gives the records' country: not "
            "matched on; map the column of their countries too (--role <column>=country), or "
            "write them with their country code (+33 6…)"
        ]
    return [
        f"{said} (e.g. {shown[first]}) and their records have no country: not matched on; "
        "fill in their country, or write them with their country code (+33 6…)"
    ]


def _phone_digits(values: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
    """Each phone as text (None where a number gives no digits), what it was (``_WRITTEN``,
    ``_NUMBER``…), and each as the file shows it."""
    shown = pc.cast(values, pa.string())
    if not is_number(values.type):
        numeric = pc.fill_null(pc.match_substring_regex(shown, _NUMERIC), False)
        kinds = pa.array(np.zeros(len(shown), np.int8))  # _WRITTEN
        if not pc.any(numeric).as_py():
            return shown, kinds, shown
        encoded = pc.dictionary_encode(pc.filter(shown, numeric))
        read = list(map(_number_digits, encoded.dictionary.to_pylist()))
        digits = pa.array([r[0] for r in read], pa.string()).take(encoded.indices)
        kind = pa.array([r[1] for r in read], pa.int8()).take(encoded.indices)
        return (
            pc.replace_with_mask(shown, numeric, digits),
            pc.replace_with_mask(kinds, numeric, kind),
            shown,
        )
    # 0 or below is a numeric column's "no phone"; 1e15 or more, more digits than E.164 allows
    if pa.types.is_integer(values.type):  # compared as integers: 2**53 and up cast unsafely
        positive = pc.greater(values, pa.scalar(0, values.type))
        kept = pc.fill_null(pc.and_(positive, pc.less(pc.utf8_length(shown), 16)), False)
        text = pc.if_else(kept, shown, pa.scalar(None, pa.string()))
        return text, pc.if_else(kept, _NUMBER, _WRITTEN).cast(pa.int8()), shown
    numbers = pc.cast(values, pa.float64())
    kept = pc.fill_null(pc.and_(pc.greater(numbers, 0), pc.less(numbers, _E164_MAX)), False)
    whole = pc.and_(kept, pc.fill_null(pc.equal(pc.floor(numbers), numbers), False))
    integers = pc.cast(pc.if_else(whole, numbers, None), pa.int64())
    # A float32 holds whole numbers exactly up to 2**24 only: a phone's last digits are lost
    exact = 2 ** (
        _MANTISSA.get(values.type.bit_width, 53) if pa.types.is_floating(values.type) else 53
    )
    rounded = pc.and_(whole, pc.greater(numbers, float(exact)))
    kinds = pc.if_else(
        rounded,
        pa.scalar(_ROUNDED, pa.int8()),
        pc.if_else(
            whole,
            pa.scalar(_NUMBER, pa.int8()),
            pc.if_else(kept, pa.scalar(_FRACTION, pa.int8()), pa.scalar(_WRITTEN, pa.int8())),
        ),
    )
    text = pc.if_else(rounded, pa.scalar(None, pa.string()), pc.cast(integers, pa.string()))
    return text, kinds, shown


def _number_digits(value: str) -> tuple[str | None, int]:
    """A phone that looks written as a program or a spreadsheet writes a number (``_NUMERIC``):
    its digits, and what it was."""
    if whole := _WHOLE.fullmatch(value):
        return whole[1], _NUMBER
    scientific = _SCIENTIFIC.fullmatch(value)
    assert scientific is not None  # the other form _NUMERIC finds
    lead, fraction, exponent = scientific[1], scientific[2] or "", int(scientific[3])
    if exponent > len(fraction):  # 6.12346E+08: the digits past the sixth are not written
        return None, _ROUNDED
    if fraction[exponent:].strip("0"):
        return None, _FRACTION
    return lead + fraction[:exponent], _NUMBER


@cache
def _zero_regions() -> pa.Array:
    """The regions whose numbers keep a leading zero in E.164 (Italy's +39 06…), as
    phonenumbers' example numbers show."""
    kinds = (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE)
    regions = {
        region
        for region in phonenumbers.SUPPORTED_REGIONS
        for kind in kinds
        if (example := phonenumbers.example_number_for_type(region, kind)) is not None
        and example.italian_leading_zero
    }
    return pa.array(sorted(regions), pa.string())


def _zero_back(
    path: Path, column: str, text: pa.Array, kinds: pa.Array, country: pa.Array, zeros: pa.Array
) -> tuple[pa.Array, list[str]]:
    """``text`` with a lost leading zero put back where only that makes a number in the
    record's country (``zeros``: the digits of a country whose numbers keep their zero); a
    number that makes one either way is the mobile of the two (Italy's 3… mobiles against its
    03… landlines), or no phone when both or neither are; notes saying so."""
    at = pc.indices_nonzero(zeros)
    digits, where = pc.take(text, at), pc.take(country, at)
    zeroed = pc.binary_join_element_wise("0", digits, "")
    as_is, with_zero = phones_e164(digits, where), phones_e164(zeroed, where)
    back = pc.and_(pc.is_valid(with_zero), pc.is_null(as_is))
    number = pc.equal(pc.take(kinds, at), _NUMBER)
    both = pc.and_(pc.fill_null(pc.not_equal(as_is, with_zero), False), number)
    pairs = zip(as_is.to_pylist(), with_zero.to_pylist(), both.to_pylist(), strict=True)
    mobile = pa.array([_mobile(a, z) if hit else None for a, z, hit in pairs], pa.string())
    unread = pa.scalar(None, pa.string())
    two_ways = pc.if_else(pc.equal(mobile, as_is), digits, unread)
    two_ways = pc.if_else(pc.equal(mobile, with_zero), zeroed, two_ways)
    read = pc.if_else(back, zeroed, pc.if_else(both, two_ways, digits))
    notes = []
    if (e := _first(back)) is not None:
        notes.append(
            _said(path, column, back, "lost the leading zero that {its} country's numbers keep")
            + f" (e.g. {digits[e]} in {where[e]}): read as {zeroed[e]}"
        )
    for hits, outcome in (
        (pc.and_(both, pc.is_valid(mobile)), "read as the mobile, {mobile}"),
        (pc.and_(both, pc.is_null(mobile)), "not matched on"),
    ):
        if (e := _first(hits)) is not None:
            notes.append(
                _said(path, column, hits, "{is_a} that {reads} two ways without a leading zero")
                + f" (e.g. {digits[e]} in {where[e]}: {as_is[e]} or {with_zero[e]}): "
                + outcome.format(mobile=mobile[e])
                + "; keep phones as text to keep a number's zero"
            )
    return pc.replace_with_mask(text, zeros, read), notes


def _mobile(as_is: str, with_zero: str) -> str | None:
    """Of two E.164 readings of one number, the one that is a mobile number, if only one is."""
    mobile = phonenumbers.PhoneNumberType.MOBILE
    kinds = {n: phonenumbers.number_type(phonenumbers.parse(n)) for n in (as_is, with_zero)}
    mobiles = [number for number, kind in kinds.items() if kind == mobile]
    return mobiles[0] if len(mobiles) == 1 else None


def _first(hits: pa.Array) -> int | None:
    """The place of the first hit, or None."""
    place = pc.index(pc.fill_null(hits, False), True).as_py()
    return place if place >= 0 else None


def _said(path: Path, column: str, hits: pa.Array, said: str) -> str:
    """What a note says of the phones hit: their count, their column and ``said`` of them
    ({is_a}: is a number, or are numbers; {its}; {reads}; {has}), in the singular or the
    plural."""
    count = pc.sum(pc.fill_null(hits, False)).as_py() or 0
    one = count == 1
    words = {
        "has": "has" if one else "have",
        "is_a": "is a number" if one else "are numbers",
        "its": "its" if one else "their",
        "reads": "reads" if one else "read",
    }
    phones = f"{count:,} phone{'' if one else 's'}"
    return f"{path}: {phones} in column {column!r} {said.format(**words)}"


def _flat(values: pa.ChunkedArray | pa.Array) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values

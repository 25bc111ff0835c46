"""Phones of a column: one parse per distinct number, the same answer as parsing each record's,
and the profile's parses found in the cache matching filled."""

from __future__ import annotations

import phonenumbers
import pyarrow as pa
import pytest

from c360.identity.normalise import normalise_records, phone_e164, phones_e164
from c360.pipeline.silver.phones import e164

NUMBERS = [
    ("06 12 34 56 78", "FR"), ("0612345678", "FR"), ("06.12.34.56.78.", "FR"),
    ("+33 (0)6 12 34 56 78", "GB"), ("+33612345678", None), ("+ 33 6 12 34 56 78", "US"),
    ("0033 6 12 34 56 78", "FR"), ("(+33) 612345678", "FR"), ("+33+612345678", "FR"),
    ("(650) 253-0000", "US"), ("650 253 0000", "CA"), ("1-650-253-0000", "US"),
    ("+1 650-253-0000 x12", "US"), ("+1 650-253-0000 #12", "US"), ("0612345678,,12", "FR"),
    ("06 12 34 56 78 / 06 12 34 56 79", "FR"), ("１２３４５６７８９０", "US"),
    ("12", "FR"), ("1 2", "FR"), ("+12", None), ("+", "FR"), ("", "FR"), ("  ", None),
    ("07442 408691", "GB"), ("07442 408691", None), ("+44 7442 408691", "FR"),
    ("06 12 34 56 78", None), ("call 0612345678", "FR"), (None, "FR"), ("0" * 251, "FR"),
]  # fmt: skip


def test_phones_match_parsing_every_record() -> None:
    values = pa.array([n for n, _ in NUMBERS], pa.string())
    countries = pa.array([c for _, c in NUMBERS], pa.string())
    expected = [phone_e164(n, c) for n, c in NUMBERS]
    assert phones_e164(values, countries).to_pylist() == expected
    assert expected[:6] == ["+33612345678"] * 6  # the cases merged into one parse
    assert expected[9] == "+16502530000" and expected[18] is None


def test_matching_leaves_the_profile_nothing_to_parse() -> None:
    phone_e164.cache_clear()
    records = pa.table({
        "record_key": ["a", "b", "c"],
        "phone": ["06 12 34 56 78", "+44 7442 408691", "650 253 0000"],
        "country": ["France", "fr", "United States"],
    })  # fmt: skip
    normalised = normalise_records(records)
    parsed = phone_e164.cache_info().misses
    country = normalised.column("country").combine_chunks()
    again = phones_e164(records.column("phone").combine_chunks(), country)
    assert phone_e164.cache_info().misses == parsed == 3
    assert again.to_pylist() == ["+33612345678", "+447442408691", "+16502530000"]
    assert again.to_pylist() == normalised.column("phone").to_pylist()


def _parsed_and_validated(value: str, country: str | None) -> str | None:
    """One number read by phonenumbers alone: parse, validate, format."""
    try:
        parsed = phonenumbers.parse(value, country)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


VALIDATED = [
    ("+39 06 1234 5678", None), ("06 1234 5678", "IT"), ("0039 06 12345678", "IT"),
    ("+39 0612345678", "FR"), ("3123456789", "IT"), ("+39 00 1234", None),
    ("+225 01 23 45 67 89", None),
    ("0612345678", "FR"), ("+33 612345678", None), ("0612345678", "DE"), ("650 253 0000", "US"),
    ("+1 650 253 0000", None), ("250 253 0000", "CA"), ("+1 250 253 0000", "US"),
    ("07442 408691", "GB"), ("+44 7442 408691", None), ("000", "GB"), ("0", "FR"),
]  # fmt: skip


def test_each_spelling_of_a_number_is_validated_as_phonenumbers_would() -> None:
    found = [phone_e164(v, c) for v, c in VALIDATED]
    assert found == [_parsed_and_validated(v, c) for v, c in VALIDATED]
    assert found[0] == found[1] == found[2] == "+390612345678"  # Italian leading zero kept


# Spellings silver and identity once read differently: a number is one number everywhere.
SPELLINGS = [
    ("06 12 34 56 78 dw 12", "FR", "+33612345678"),  # German "Durchwahl" extension
    ("tel:+33612345678", None, "+33612345678"),
    ("+33 6 12 34 56 78;ext=12", None, "+33612345678"),
    ("+1 415 555 2671 ext 1234567", None, "+14155552671"),
    ("０６１２３４５６７８", "FR", "+33612345678"),  # full-width digits
    ("06*12*34*56*78", "FR", None),  # not a separator a number is written with
    ("+33612345678\n", None, "+33612345678"),  # a file's text, untrimmed
    ("06 12 34 56 78\t", "FR", "+33612345678"),
    ("06–12–34–56–78", "FR", "+33612345678"),  # en dashes
    ("0612345678x12", "FR", "+33612345678"),  # an extension glued to the number
    ("+49301234567dw12", None, "+49301234567"),
    ("+33 6 12 34 56 78,", "FR", "+33612345678"),  # copied from a list
    ("٠٦١٢٣٤٥٦٧٨", "FR", "+33612345678"),  # Arabic-Indic digits
    ("0612345678 fax 12", "FR", None),  # a word, not an extension
]


@pytest.mark.parametrize(("raw", "country", "expected"), SPELLINGS)
def test_identity_reads_a_number_as_silver_does(
    raw: str, country: str | None, expected: str | None
) -> None:
    assert phone_e164(raw, country) == expected
    assert e164(raw, country) == expected


def test_a_number_with_its_code_and_no_plus_is_one_number_with_the_plus_or_00() -> None:
    # A spreadsheet or a CRM export drops the "+": matching reads the number as silver does.
    written = ["4915123456780", "49 151 23456780", "004915123456780", "+49 151 23456780",
               "0151 23456780"]  # fmt: skip
    values = pa.array([*written, "4915123456780"], pa.string())
    countries = pa.array(["DE"] * len(written) + ["FR"], pa.string())
    found = phones_e164(values, countries).to_pylist()
    assert found == ["+4915123456780"] * len(written) + [None]  # another country's code

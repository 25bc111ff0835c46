"""Phones of a column: one parse per distinct number, the same answer as parsing each record's,
and the profile's parses found in the cache matching filled."""

from __future__ import annotations

import pyarrow as pa

from c360.identity.normalise import normalise_records, phone_e164, phones_e164

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

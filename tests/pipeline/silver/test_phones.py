"""Phone numbers in E.164: the short way for "+<code><number>" reads as phonenumbers does."""

from __future__ import annotations

import phonenumbers
import pytest

from c360.pipeline.silver.phones import e164


def _parsed(number: str, region: str | None) -> str | None:
    """What ``phonenumbers.parse`` makes of the number, as silver writes it."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


@pytest.mark.parametrize(
    ("number", "region", "expected"),
    [
        ("+33612345678", "FR", "+33612345678"),
        ("+33612345678", "DE", "+33612345678"),  # the code says the country, not the region
        ("+330612345678", "FR", "+33612345678"),  # France's national 0 after the code
        ("+390612345678", None, "+390612345678"),  # Italy keeps its leading 0
        ("+12015550123", "US", "+12015550123"),
        ("+112015550123", "US", "+12015550123"),  # the US national 1 after the code
        ("+4930901820", "DE", "+4930901820"),
        ("+447400123456", None, "+447400123456"),
        ("+44 7400 123456", "GB", "+447400123456"),
        ("+3361234567", "FR", None),  # a digit short
        ("+999123456789", "FR", None),  # no such calling code
        ("+0033612345678", "FR", "+33612345678"),  # read by the region's 00 prefix
        ("+4412", "GB", None),
        ("+33612345678 x12", "FR", "+33612345678"),
        ("+33 6 12 AB 56 78", "FR", None),
        (None, "FR", None),
    ],
)
def test_numbers_in_e164(number: str | None, region: str | None, expected: str | None) -> None:
    assert e164(number, region) == expected


def test_every_region_s_numbers_read_as_phonenumbers_reads_them() -> None:
    """Each region's example numbers, written in E.164, with a digit too many or too few, and
    with its national prefix, a 0 or a 1 after the code: the same number or none."""
    written = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        prefix = (metadata.national_prefix or "") if metadata else ""
        for kind in range(12):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            plain = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
            code = str(example.country_code)
            national = plain[1 + len(code) :]
            for extra in (prefix, "0", "1"):
                written.append("+" + code + extra + national)
            written += [plain, plain[:-1], plain + "5"]
    differ = [n for n in written if e164(n, "FR") != _parsed(n, "FR")]
    assert differ == []
    assert sum(e164(n, "FR") is not None for n in written) > 1000


@pytest.mark.parametrize(
    ("number", "region", "expected"),
    [
        # An export dropped the "+": read in the country, the digits make a landline of
        # another area (0491…) or none; with the "+", the country's mobile.
        ("4915123456780", "DE", "+4915123456780"),
        ("49 151 23456780", "DE", "+4915123456780"),
        ("62812345678", "ID", "+62812345678"),
        # The international prefix was always read.
        ("004915123456780", "DE", "+4915123456780"),
        ("00 49 151 23456780", "DE", "+4915123456780"),
        # Read as phonenumbers reads them: a national prefix, a code it strips itself.
        ("447400123456", "GB", "+447400123456"),
        ("12015550123", "US", "+12015550123"),
        # A landline either way, or a mobile read in the country: read in the country.
        ("4921123456", "DE", "+494921123456"),
        ("393331234567", "IT", "+393331234567"),
        ("3931234567", "IT", "+393931234567"),
        # Another country's code, or no country: not read.
        ("4915123456780", "FR", None),
        ("4915123456780", None, None),
    ],
)
def test_a_number_written_with_its_code_but_no_plus(
    number: str, region: str | None, expected: str | None
) -> None:
    assert e164(number, region) == expected

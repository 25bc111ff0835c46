"""Phone numbers in E.164, read as ``phonenumbers`` reads them, with a short way for numbers
already written in E.164.

Most numbers a source holds are written "+33612345678". For those, ``phonenumbers.parse``
spends more than half of a number's time finding what the text already says: the country
calling code and the national number. :func:`e164` takes them from the text when nothing
else of ``parse`` could apply (no national prefix after the code, no leading zero), and asks
``phonenumbers`` only whether the number is valid; any other text goes through ``parse``,
and one whose digits start with its country's calling code may be read with the "+" an
export dropped (:func:`_plus_dropped`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

import phonenumbers
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata, PhoneNumber

# A plus and ASCII digits only: the text ``parse`` would read unchanged (no extension, no
# punctuation, no letters). A national number has at least 2 digits, at most 17.
_PLAIN = re.compile(r"\+[1-9][0-9]{2,19}")
_PHONE_CHARS = re.compile(r"[0-9+()./ -]+")
# An extension after the number ("+1 415 555 2671 x123", "… ext. 12", "…;ext=12", "… poste 12",
# "0612345678x12"; not after a letter: "fax 12" is a word) and a tel: link's scheme: E.164 has
# no room for either, the number is what stays.
_EXTENSION = re.compile(
    r"\s*(?:;\s*ext=|#|(?<![^\W\d_])(?:ext|extn|extension|poste|durchwahl|dw|x)\.?)\s*[0-9]{1,7}"
    r"\s*$",
    re.IGNORECASE,
)
# Dashes other than the hyphen-minus a number may be written with ("06–12–34–56–78").
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
_SCHEME = re.compile(r"^tel:", re.IGNORECASE)
_NOT_DIGIT = re.compile(r"[^0-9]")
_MOBILE = phonenumbers.PhoneNumberType.MOBILE
# What may be a mobile: in some countries (the United States) phonenumbers cannot tell.
_MAYBE_MOBILE = (_MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def e164(number: str | None, region: str | None) -> str | None:
    """The number in E.164 (+33612345678), read in the country's own format, without its
    extension; None if invalid. Silver and identity resolution both read numbers so."""
    if number is None:
        return None
    parsed = _plain(number) if _PLAIN.fullmatch(number) else None
    if parsed is None:
        if not number.isascii():
            number = _ascii(number)
        number = _EXTENSION.sub("", _SCHEME.sub("", number.strip())).rstrip(",; ")
        if not _PHONE_CHARS.fullmatch(number):
            return None  # letters: a typo, not a vanity number
        try:
            parsed = phonenumbers.parse(number, region or None)
        except phonenumbers.NumberParseException:
            return None
        # Read in the region as written, the digits may start with its calling code.
        code = _calling_code(region) if region else ""
        if code and str(parsed.national_number).startswith(code):
            parsed = _plus_dropped(number, code, parsed)
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _plus_dropped(number: str, code: str, national: PhoneNumber) -> PhoneNumber:
    """``national`` (``number`` read in the region of calling code ``code``), or ``number``
    read as "+<its digits>" where they start with ``code`` (an export dropped the "+") and so read
    they are a valid number while ``national`` is none, or a mobile while ``national`` is no
    mobile: Germany's 4915123456780 is +49 151 23456780, not a landline of area 0491 that lost
    its 0. Two landlines (or two mobiles) leave ``national``: which of "+" or "0" was lost no
    validity tells."""
    digits = _NOT_DIGIT.sub("", number)
    if "+" in number or not digits.startswith(code):
        return national
    valid = phonenumbers.is_valid_number(national)
    if valid and phonenumbers.number_type(national) in _MAYBE_MOBILE:
        return national
    try:
        plus = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException:
        return national
    if not phonenumbers.is_valid_number(plus):
        return national
    return plus if not valid or phonenumbers.number_type(plus) == _MOBILE else national


@functools.cache
def _calling_code(region: str) -> str:
    """``region``'s country calling code ("49" for DE); "" for a region phonenumbers lacks."""
    code = phonenumbers.country_code_for_region(region)
    return str(code) if code else ""


def _ascii(number: str) -> str:
    """``number`` with its digits in ASCII (full-width, Arabic-Indic…) and its dashes hyphens."""
    number = unicodedata.normalize("NFKC", number).translate(_DASHES)
    return "".join(str(d) if (d := unicodedata.decimal(c, None)) is not None else c for c in number)


def _plain(number: str) -> PhoneNumber | None:
    """The number ``parse`` reads from "+<code><national number>", or None where ``parse``
    could read it otherwise (a national prefix to strip, a leading zero, an unknown code),
    whatever the region: a number written with its code is read by that code's country."""
    digits = number[1:]
    for size in (1, 2, 3):
        code = int(digits[:size])
        if code in COUNTRY_CODE_TO_REGION_CODE:
            national = digits[size:]
            break
    else:
        return None
    prefix = _national_prefix(code)
    if not 2 <= len(national) <= 17 or national[0] == "0" or (prefix and prefix.match(national)):
        return None
    return PhoneNumber(country_code=code, national_number=int(national))


@functools.cache
def _national_prefix(code: int) -> re.Pattern[str] | None:
    """What ``parse`` takes for a national prefix after calling code ``code`` (None: nothing;
    for a code without metadata, anything: its numbers are left to ``parse``)."""
    region = phonenumbers.region_code_for_country_code(code)
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, region)
    if metadata is None:
        return re.compile("")
    prefix = metadata.national_prefix_for_parsing
    return re.compile(prefix) if prefix else None

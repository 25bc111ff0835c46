"""Pattern PII: e-mail addresses, phone numbers, IBANs and payment card numbers.

Each finder yields `(start, end)` spans. Candidates come from a loose regex and are kept only if
they pass a real check: `phonenumbers` validation for phones, the ISO 7064 mod-97 checksum for
IBANs, the Luhn checksum and an issuer prefix for cards.
"""

import re
from collections.abc import Iterator
from functools import lru_cache

import phonenumbers

# Local parts and domains in any script (RFC 6531 addresses, internationalised domains: "josé@
# exämple.de", "user@пример.рф"), apostrophes inside a local part ("o'brien@"); a top-level
# domain of letters, or its ASCII "xn--" form. An "@" typed twice ("jreed@@yahoo.com", a slip
# forms let through) or with a space on one side of it ("jreed @yahoo.com", "jreed@ yahoo.com";
# with spaces on both, "3 items @ shop.com", it is read as "at") still names the person: the
# near-address is one too.
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
EMAIL = re.compile(
    rf"(?<![\w.+-])(?<!\w['’])[^\W_][\w.+'’-]*(?:@@?|[ ]@|@[ ]){_LABEL}(?:\.{_LABEL})*"
    r"\.(?:[^\W\d_]{2,24}|xn--[a-z0-9-]{2,59})(?![\w-])",
    re.IGNORECASE,
)
# Addresses spelt out so that no robot reads them: "jreed at yahoo dot com", "j.reed [at] yahoo
# [dot] co [dot] uk", "jreed(at)gmx.de", "john dot smith at gmail dot com". Each "at" is looked
# for, then the local part before it and the domain after it. An "at" in brackets is always one;
# a bare " at " only before a domain whose dots are spelt out too and that ends in a common
# top-level domain, or before a webmail's own domain after a local part with a dot, digit or
# dash or after a word for an address ("Mail: jreed at gmail.com"), since "logged in at
# booking.com" is a phrase.
_SPELT_AT = re.compile(r"[ ]?(?:\(at\)|\[at\]|\{at\}|<at>)[ ]?|[ ](?:at|AT)[ ]")
_SPELT_DOT = r"(?:[ ]?(?:\(dot\)|\[dot\]|\{dot\}|<dot>)[ ]?|[ ](?:dot|DOT)[ ])"
_COMMON_TLD = r"(?:com|net|org|fr|de|es|uk|co|io|eu|info|biz|edu|gov|be|ch|at|it|nl|pt|us|ca|me)"
_SPELT_DOMAIN = re.compile(
    rf"{_LABEL}(?:(?:{_SPELT_DOT}|\.){_LABEL})*(?:{_SPELT_DOT}(?P<spelt>{_COMMON_TLD})"
    r"|\.(?P<tld>[^\W\d_]{2,24}))(?![\w-]|\.\w|['’]\w)",
    re.IGNORECASE,
)
_WEBMAIL = re.compile(
    r"(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|mac|gmx|web|orange"
    r"|free|wanadoo|laposte|sfr|bbox|neuf|t-online|freenet|posteo|protonmail|proton|yandex|zoho"
    r"|btinternet|sky|virginmedia|comcast|verizon|movistar|telefonica|terra|ono)\.",
    re.IGNORECASE,
)
_SPELT_AT_FORMS = (" at ", " AT ", "(at)", "[at]", "{at}", "<at>")
_SPELT_LOCAL = re.compile(
    rf"(?<![\w.+-])[^\W_][\w.+'’-]*(?:{_SPELT_DOT}[^\W_][\w.+'’-]*)*$", re.IGNORECASE
)
_ADDRESS_WORD = re.compile(
    r"(?:e-?mail|mail|courriel|correo|adresse|address|direcci[oó]n|contact|kontakt|contacto)"
    r"\b[^\n]{0,24}$",
    re.IGNORECASE,
)

# Digits with the separators phones are written with: spaces, dots, dashes, slashes and
# parentheses ("(617) 588-1661", "06.14.33.29.82", "0151/14752013", "+33 (0)6 14 33 29 82"),
# a dash with a space either side too ("030 – 1234 5678"; `find_phones` cuts the candidate there
# when the whole is no phone), a space after the "+" too ("+ 44 7700 900123"). It opens with "+",
# "(" or a digit: a lookahead on that first fails at once elsewhere, before the look-behind.
_PHONE_CANDIDATE = re.compile(
    r"(?=[+(\d])(?<![\w+#/.,$£€-])(?:\+[ ]?|\b00)?\(?\d"
    r"(?:\d|[ .\-/]{1,2}(?=\(?\d)|[ ]-[ ](?=\d)|\(0\)|\)[ .\-]?(?=\d)|\((?=\d{1,5}\)))*\d"
    r"(?![\w/-]|[.,:]\d|\s?(?:€|EUR|USD|GBP|\$|£|%|kg|km|h\b|min\b))"
)
# A date, alone or opening a date-time ("2024-03-01 10", "01/03/2024"), is not a phone.
_DATE_LIKE = re.compile(
    r"\d{1,4}([./-])\d{1,2}\1\d{2,4}$|(?:19|20)\d\d([./-])\d\d?\2\d\d?\b"
    r"|\d\d?([./-])\d\d?\3(?:19|20)\d\d\b"
)
_TIME_OR_RANGE = re.compile(r"^\d{1,2}[.:]\d{2}$")
# A US ZIP+4 code after its state ("Boston, MA 02108-1234") is part of an address.
_ZIP_PLUS_4 = re.compile(r"\d{5}-\d{4}$")
_STATE_BEFORE = re.compile(r"\b[A-Z]{2}[ ]$")
_SENTENCE_END = re.compile(r"\.\s")
_SPACED_DASH = re.compile(r"[ ]-[ ]")
_MAX_DIGITS = 15  # E.164
_DIGIT = re.compile(r"\d")
_GROUPS = re.compile(r"\d+")
# Words that announce a phone number, so a possible-but-unassigned number still counts.
_PHONE_CUE = re.compile(
    r"(?:tel|tél|phone|mobile|mobil|portable|cell|handy|móvil|movil|tlf|teléfono|telefon|fax"
    r"|whatsapp|call|appeler|rappeler|anrufen|llamar|joignable|erreichbar|reached|number|numéro"
    r"|nummer|número|coordonnées|contact|kontakt|contacto|joint|joindre|reach|datos)[^\n\d]{0,40}$",
    re.IGNORECASE,
)
# A label naming the digits right after it another kind of number ("order 4567891234",
# "Kundennummer 1234567890", "numéro de commande ..."): not a phone, unless dialled with "+".
_ORDER_LIKE = (
    r"order|invoice|ticket|serial|parcel|shipment|commande|facture|colis|bestell|auftrag"
    r"|rechnung|sendung|lieferschein|pedido|factura|albar[aá]n"
)
_ACCOUNT_LIKE = (
    r"customer|client|account|contract|policy|reference|case|member|tracking|kunden|konto"
    r"|vertrag|mitglied|compte|contrat|dossier|adh[ée]rent|suivi|cliente|cuenta|contrato|socio"
    r"|expediente|seguimiento|env[ií]o"
)
_NUMBER_WORD = r"(?:number|nummer|nr\.?|no\.?|n[°º]\.?|n[uú]m[eé]ro|id|\#)"
_OTHER_NUMBER = re.compile(
    rf"(?:\b(?:{_ORDER_LIKE})\w*(?:[ -]?{_NUMBER_WORD})?"
    rf"|\b(?:{_ACCOUNT_LIKE})\w*?[ -]?{_NUMBER_WORD}"
    rf"|\b(?:n[uú]m[eé]ro|n[°º]|no\.?)[ ](?:de[ ]|d['’]|du[ ])?(?:la[ ])?(?:{_ORDER_LIKE}"
    rf"|{_ACCOUNT_LIKE})\w*)"
    r"[ ]?[:#.]?[ ]?$",
    re.IGNORECASE,
)
_REGIONS = {"fr": ("FR",), "en": ("US", "GB"), "de": ("DE",), "es": ("ES",)}
_ALL_REGIONS = ("FR", "US", "GB", "DE", "ES")
_TRUNK_ZERO = frozenset({"FR", "GB", "DE"})

# Groups of four, written together or apart: one space, two, or a dash ("DE89-3704-0044-…"),
# the same way throughout (the separator group is repeated by reference).
_IBAN_CANDIDATE = re.compile(
    r"\b[A-Z]{2}\d{2}(?P<sep>[ ]{0,2}|-)[A-Z0-9]{4}(?:(?P=sep)[A-Z0-9]{4}){1,6}"
    r"(?:(?P=sep)[A-Z0-9]{1,3})?\b",
    re.IGNORECASE,
)
# The IBAN lengths of Europe's countries (ISO 13616 registry).
_IBAN_LENGTHS = {
    "AD": 24, "AL": 28, "AT": 20, "BA": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24,
    "DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23,
    "GL": 18, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MT": 31, "NL": 18, "NO": 15,
    "PL": 28, "PT": 25, "RO": 24, "RS": 22, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26,
    "UA": 29, "VA": 22, "XK": 20,
}  # fmt: skip
# Card numbers as cards and receipts print them: groups of four (up to 19 digits: 4-4-4-4-3),
# American Express's 4-6-5 and Diners Club's 4-6-4, apart by spaces or dashes, or by dots the
# same way throughout (a dot is no part of a longer dotted number: "1.4970.1012…"). The groups
# of an IBAN after its country and check digits ("DE89 3704 0044 …") are not one.
_CARD_CANDIDATE = re.compile(
    r"(?=\d{4})(?<![\w-])(?<![A-Za-z]{2}\d\d[ -])\d{4}"
    r"(?:(?:[ -]?\d{4}){2}[ -]?\d{1,7}(?:[ -]\d{1,3})?|[ -]?\d{6}[ -]?\d{4,5}"
    r"|(?<!\d\.\d{4})(?:(?:\.\d{4}){2}\.\d{1,7}(?:\.\d{1,3})?|\.\d{6}\.\d{4,5})(?!\.\d))"
    r"(?![\w-])"
)
# Issuers: Visa, Mastercard, American Express, Diners Club, JCB, Discover, Maestro (50, 56-58,
# 6…: "6759…"), UnionPay ("62…").
_CARD_PREFIX = re.compile(r"^(?:4|5[0-8]|2[2-7]|3[47]|6|35|30[0-5]|36|38)")
_CARD_GROUP = re.compile(r"[ .-]")


def find_emails(text: str) -> Iterator[tuple[int, int]]:
    """Spans of e-mail addresses, and of those spelt out ("jreed at yahoo dot com").

    An address holds an "@" and no line break: only the lines from the first "@" to the last
    are searched (the look-behind still sees the line break before them).
    """
    first = text.find("@")
    if first >= 0:
        end = text.find("\n", text.rfind("@"))
        stop = len(text) if end < 0 else end
        for m in EMAIL.finditer(text, text.rfind("\n", 0, first) + 1, stop):
            yield m.start(), m.end()
    if any(at in text for at in _SPELT_AT_FORMS):
        yield from _spelt_emails(text)


def _spelt_emails(text: str) -> Iterator[tuple[int, int]]:
    """Spans of addresses whose "@" is spelt out (see `_SPELT_AT`)."""
    for at in _SPELT_AT.finditer(text):
        domain = _SPELT_DOMAIN.match(text, at.end())
        if domain is None:
            continue
        local = _SPELT_LOCAL.search(text, max(0, at.start() - 64), at.start())
        if local is None or "@" in local.group():
            continue
        bare = at.group().strip().lower() == "at"
        if bare and domain.group("spelt") is None:
            webmail = _WEBMAIL.match(text, at.end())
            if webmail is None or webmail.end() - at.end() > domain.end() - domain.start():
                continue
            address_like = any(c in local.group() for c in ".-_+0123456789")
            cue = _ADDRESS_WORD.search(text, max(0, local.start() - 40), local.start())
            if not address_like and cue is None:
                continue
        yield local.start(), domain.end()


def _from_digit(text: str, before: int = 0) -> int | None:
    """Where a pattern opening at most `before` characters ahead of its first digit may start
    matching: the first digit of `text` less `before`, or None without a digit. Searching from
    there, look-behinds and word boundaries still see the characters before."""
    digit = _DIGIT.search(text)
    return None if digit is None else max(0, digit.start() - before)


def _parsed(candidate: str, regions: tuple[str, ...]) -> Iterator[phonenumbers.PhoneNumber]:
    """The candidate read in each plausible region: a national number opening with a 0 is French,
    British or German (trunk prefix), one without is American or Spanish.

    A number dialled with "+" or "00" names its country: "00" is read as "+", since the region
    tried first may dial abroad otherwise (011 from the US), where "00…" is no number at all.
    """
    if candidate.startswith("00"):
        candidate = "+" + candidate[2:]
    if candidate.startswith("+"):
        regions = regions[:1]
    else:
        trunk = candidate.lstrip("(").startswith("0")
        regions = tuple(r for r in regions if (r in _TRUNK_ZERO) == trunk)
    for region in regions:
        try:
            yield phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue


# A note quotes the same number again (a hotline, a customer's line): `phonenumbers` reads it once.
@lru_cache(maxsize=4096)
def _valid(candidate: str, regions: tuple[str, ...]) -> bool:
    """True if `candidate` is a valid number in one of the plausible `regions` (`_parsed`)."""
    return any(phonenumbers.is_valid_number(n) for n in _parsed(candidate, regions))


@lru_cache(maxsize=4096)
def _possible(candidate: str, regions: tuple[str, ...]) -> bool:
    """True if `candidate` is a possible number in one of the plausible `regions` (`_parsed`)."""
    return any(map(phonenumbers.is_possible_number, _parsed(candidate, regions)))


def _is_phone(text: str, start: int, end: int, regions: tuple[str, ...]) -> bool:
    """True if `text[start:end]` is a valid number, or a possible one written like a phone."""
    candidate = text[start:end]
    digits = sum(map(str.isdigit, candidate)) - 2 * candidate.startswith("00")
    if not 7 <= digits <= 15 or _DATE_LIKE.match(candidate) or _TIME_OR_RANGE.match(candidate):
        return False
    international = candidate.startswith(("+", "00"))
    if not international and _OTHER_NUMBER.search(text, max(0, start - 40), start):
        return False
    if _ZIP_PLUS_4.match(candidate) and _STATE_BEFORE.search(text, max(0, start - 4), start):
        return False
    if _valid(candidate, regions):
        return True
    # Unassigned ranges still count when the number is dialled internationally, grouped the way
    # phones are ("07 29 28 10 77"), or announced ("Tel: ...").
    phone_like = (
        international
        or (candidate[0] in "0(" and len(_GROUPS.findall(candidate)) >= 3)
        or _PHONE_CUE.search(text, max(0, start - 60), start) is not None
    )
    return phone_like and _possible(candidate, regions)


def find_phones(text: str, language: str | None = None) -> Iterator[tuple[int, int]]:
    """Spans of phone numbers of France, the US, the UK, Germany or Spain.

    `language` ("fr", "en", "de", "es") picks the country whose national format is tried first.
    """
    preferred = _REGIONS.get((language or "").lower()[:2], ())
    regions = preferred + tuple(r for r in _ALL_REGIONS if r not in preferred)
    pos = _from_digit(text, before=3)  # "+ (" at most before it
    if pos is None:
        return
    for m in _PHONE_CANDIDATE.finditer(text, pos):
        start, end = m.start(), m.end()
        if text[start] == "(" and ")" not in text[start:end]:
            start += 1
        yield from _phones_in(text, start, end, regions)


def _phones_in(
    text: str, start: int, end: int, regions: tuple[str, ...]
) -> Iterator[tuple[int, int]]:
    """The phones in one candidate, whose pieces a spaced dash may join or part.

    "030 – 1234 5678" is one phone; "06 12 34 56 78 – 06 98 76 54 32" two; "3 – 5", "2023 –
    2024" ranges. Pieces are joined, longest first, only after a trunk zero, "+" or "(" that
    opens a phone, never a range, and only up to the 15 digits a phone has.
    """
    cuts = [m.start() for m in _SPACED_DASH.finditer(text, start, end)]
    if not cuts:  # one piece, as most phones are
        stop = _phone_end(text, start, end, regions)
        if stop is not None:
            yield start, stop
        return
    pieces = list(zip([start, *(cut + 3 for cut in cuts)], [*cuts, end], strict=True))
    digits = [sum(c.isdigit() for c in text[a:b]) for a, b in pieces]
    i = 0
    while i < len(pieces):
        last, total = i, digits[i]
        if text[pieces[i][0]] in "0+(":
            while last + 1 < len(pieces) and total + digits[last + 1] <= _MAX_DIGITS:
                last += 1
                total += digits[last]
        found = None
        for j in range(last, i - 1, -1):
            stop = _phone_end(text, pieces[i][0], pieces[j][1], regions)
            if stop is not None:
                yield pieces[i][0], stop
                found = j
                break
        i = (i if found is None else found) + 1


def _phone_end(text: str, start: int, end: int, regions: tuple[str, ...]) -> int | None:
    """Where the phone starting at `start` ends, at `end` or at a sentence end before it."""
    # A full stop and a space end a sentence, not a group: "Tel 06 12 34 56 78. 3 units".
    ends = [e.start() for e in _SENTENCE_END.finditer(text, start, end)][::-1]
    for stop in [*ends, end]:
        if _is_phone(text, start, stop, regions):
            return stop
    return None


def _iban_ok(compact: str) -> bool:
    expected = _IBAN_LENGTHS.get(compact[:2])
    if expected is not None and len(compact) != expected:
        return False
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def find_ibans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of IBANs whose mod-97 checksum holds."""
    pos = _from_digit(text, before=2)  # the country code
    if pos is None:
        return
    for m in _IBAN_CANDIDATE.finditer(text, pos):
        compact = m.group().replace(m.group("sep"), "") if m.group("sep") else m.group()
        # Typed in lower case ("de89 3704 …") or with dashes, as serial numbers are, only a
        # country with a known IBAN length counts.
        plain = compact.isupper() and "-" not in m.group("sep")
        known = plain or compact[:2].upper() in _IBAN_LENGTHS
        if known and _iban_ok(compact.upper()):
            yield m.start(), m.end()


def luhn_ok(digits: str) -> bool:
    """True if `digits` passes the Luhn checksum used by payment cards."""
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def find_cards(text: str) -> Iterator[tuple[int, int]]:
    """Spans of payment card numbers: 13 to 19 digits, a known issuer prefix, Luhn-valid."""
    pos = _from_digit(text)
    if pos is None:
        return
    for m in _CARD_CANDIDATE.finditer(text, pos):
        end = _card_end(m.group())
        if end is not None:
            yield m.start(), m.start() + end


def _card_end(candidate: str) -> int | None:
    """The length of the card number opening `candidate`: the whole, or short of its last groups
    where a number follows the card ("4111 1111 1111 1111 12/27"); None if no card opens it."""
    ends = [g.start() for g in _CARD_GROUP.finditer(candidate)][::-1]
    for end in [len(candidate), *ends]:
        digits = _CARD_GROUP.sub("", candidate[:end])
        if len(digits) < 13:
            return None
        if len(digits) <= 19 and _CARD_PREFIX.match(digits) and luhn_ok(digits):
            return end
    return None

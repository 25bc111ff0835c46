"""How identity sources garble a person: typos, nicknames, accents, e-mail, phone and street forms.

Pure functions of their arguments; the generator draws the arguments from its random streams.
"""

from __future__ import annotations

import re
from functools import lru_cache

from c360.generate import vocab
from c360.generate.people import GMAIL, strip_accents

TYPO_KINDS = ("swap", "drop", "double", "neighbour")
EMAIL_VARIANTS = ("capitalised", "upper", "plus", "gmail_dots", "googlemail")
PHONE_STYLES = ("e164", "intl", "local", "digits", "dotted", "00")
CALLING_CODES = {"FR": "33", "US": "1", "DE": "49", "ES": "34", "GB": "44"}

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
NEIGHBOURS = {
    c: "".join(row[j] for j in (i - 1, i + 1) if 0 <= j < len(row))
    for row in _ROWS
    for i, c in enumerate(row)
}
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
# Lower-case French street types and capitalised English ones never clash, so order is free.
_STREET_ABBREVIATIONS = tuple(
    (re.compile(pattern), short)
    for pattern, short in (
        (r"\bavenue\b", "av."),
        (r"\bboulevard\b", "bd"),
        (r"\bplace\b", "pl."),
        (r"\bimpasse\b", "imp."),
        (r"\bchemin\b", "ch."),
        (r"\broute\b", "rte"),
        (r"\ballée\b", "all."),
        (r"\bSaint-", "St-"),
        (r"\bGénéral\b", "Gén."),
        (r"straße\b", "str."),
        (r"Straße\b", "Str."),
        (r"\bStreet\b", "St"),
        (r"\bRoad\b", "Rd"),
        (r"\bAvenue\b", "Ave"),
        (r"\bLane\b", "Ln"),
        (r"\bDrive\b", "Dr"),
        (r"\bBoulevard\b", "Blvd"),
        (r"\bCourt\b", "Ct"),
        (r"\bClose\b", "Cl"),
        (r"^Calle\b", "C/"),
        (r"^Avenida\b", "Avda."),
        (r"^Plaza\b", "Pza."),
        (r"^Paseo\b", "Pº"),
        (r"\bDoctor\b", "Dr."),
    )
)


def typo(word: str, kind: str, at: int, pick: int = 0) -> str:
    """``word`` with one slip of the finger near position ``at``; the first letter is spared.

    >>> typo("Martin", "swap", 1), typo("Martin", "drop", 0), typo("Martin", "double", 3)
    ('Matrin', 'Mrtin', 'Martiin')
    """
    if len(word) < 3:
        return word
    i = 1 + at % (len(word) - 2)
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[: i + 1] + word[i] + word[i + 1 :]
    options = NEIGHBOURS.get(word[i].lower())
    if kind != "neighbour" or not options:
        return word[:i] + word[i + 1 :]
    letter = options[pick % len(options)]
    return word[:i] + (letter.upper() if word[i].isupper() else letter) + word[i + 1 :]


def nickname(first: str, pick: int = 0) -> str | None:
    """A short form people use for ``first``, or None when the name has none.

    >>> nickname("William", 1), nickname("Marie")
    ('Will', None)
    """
    options = vocab.NICKNAMES.get(first)
    return options[pick % len(options)] if options else None


@lru_cache(maxsize=1 << 16)  # names and streets repeat: most calls are hits
def drop_accents(text: str, german: bool = False) -> str:
    """``text`` as a system without accents stores it; ``german`` writes ü as ue, as Germans do.

    >>> drop_accents("Hélène Núñez-Çelik"), drop_accents("Müller Straße", german=True)
    ('Helene Nunez-Celik', 'Mueller Strasse')
    """
    return strip_accents(text.translate(_GERMAN) if german else text)


def email_variant(email: str, kind: str, tag: str = "shop") -> str:
    """Another spelling of the same mailbox: case, a plus tag, Gmail's dots or its old domain.

    Dots and googlemail.com only mean the same mailbox at Gmail; elsewhere those kinds fall back
    to capitalising the address, as a phone keyboard does.

    >>> email_variant("anna.li@gmail.com", "gmail_dots"), email_variant("anna.li@web.de", "plus")
    ('annali@gmail.com', 'anna.li+shop@web.de')
    """
    local, _, domain = email.rpartition("@")
    if kind == "upper":
        return email.upper()
    if kind == "plus":
        return f"{local}+{tag}@{domain}"
    if kind == "gmail_dots" and domain in GMAIL:
        local = local.replace(".", "") if "." in local else f"{local[0]}.{local[1:]}"
        return f"{local}@{domain}"
    if kind == "googlemail" and domain in GMAIL:
        return f"{local}@{GMAIL[1] if domain == GMAIL[0] else GMAIL[0]}"
    return f"{local[:1].upper()}{local[1:]}@{domain}"


def national_number(e164: str, country: str) -> str:
    """The number as dialled at home: a trunk 0 in Europe except Spain.

    >>> national_number("+33612345678", "FR"), national_number("+34612345678", "ES")
    ('0612345678', '612345678')
    """
    subscriber = e164[1 + len(CALLING_CODES[country]) :]
    return subscriber if country in ("US", "ES") else "0" + subscriber


def _groups(subscriber: str, country: str) -> list[str]:
    """How people group the digits after the country code."""
    s = subscriber
    if country == "FR":
        return [s[0]] + [s[k : k + 2] for k in range(1, len(s), 2)]
    if country == "US":
        return [s[:3], s[3:6], s[6:]]
    if country == "ES":
        cut = (3, 5, 7) if s[0] in "67" else (2, 5, 7)
        return [s[: cut[0]], s[cut[0] : cut[1]], s[cut[1] : cut[2]], s[cut[2] :]]
    if country == "DE":
        head = 3 if s[0] == "1" or s[:2] not in ("30", "40", "89", "69") else 2
        return [s[:head], s[head:]]
    head = 4 if s[0] == "7" else 2 if s[:2] == "20" else 3  # GB
    rest = s[head:]
    return [s[:head], rest] if head == 4 else [s[:head], rest[:4], rest[4:]]


def format_phone(e164: str, country: str, style: str) -> str:
    """One of the ways a number is written (``PHONE_STYLES``).

    >>> [format_phone("+33612345678", "FR", s) for s in ("intl", "local", "dotted", "00")]
    ['+33 6 12 34 56 78', '06 12 34 56 78', '06.12.34.56.78', '0033612345678']
    >>> format_phone("+12125551234", "US", "local"), format_phone("+12125551234", "US", "intl")
    ('(212) 555-1234', '+1 212-555-1234')
    """
    code = CALLING_CODES[country]
    subscriber = e164[1 + len(code) :]
    if style == "e164":
        return e164
    if style == "00":
        return "00" + code + subscriber
    if style == "digits":
        return national_number(e164, country)
    groups = _groups(subscriber, country)
    if style == "intl":
        sep = "-" if country == "US" else " "
        return f"+{code} {groups[0]}{sep}" + sep.join(groups[1:])
    trunk = "" if country in ("US", "ES") else "0"
    national = [trunk + groups[0], *groups[1:]]
    if style == "dotted":
        return ".".join(national)
    if country == "US":
        return f"({national[0]}) {national[1]}-{national[2]}"
    return " ".join(national)


def abbreviate_street(street: str) -> str:
    """The street with its type shortened the way forms and labels do.

    >>> abbreviate_street("12 avenue du Général de Gaulle"), abbreviate_street("Hauptstraße 5")
    ('12 av. du Gén. de Gaulle', 'Hauptstr. 5')
    >>> abbreviate_street("221 Baker Street"), abbreviate_street("Calle Mayor, 7")
    ('221 Baker St', 'C/ Mayor, 7')
    """
    for pattern, short in _STREET_ABBREVIATIONS:
        street = pattern.sub(short, street)
    return street


def luhn_digit(digits: str) -> str:
    """The Luhn check digit that makes ``digits`` + it a valid card number.

    >>> luhn_digit("7992739871")
    '3'
    """
    total = 0
    for i, d in enumerate(reversed(digits)):
        x = int(d) * (2 if i % 2 == 0 else 1)
        total += x - 9 if x > 9 else x
    return str((10 - total % 10) % 10)

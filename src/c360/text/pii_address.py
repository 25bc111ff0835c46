"""Postal addresses: a house number and a street type in the way each locale writes them.

French "12 bis rue de la Paix, 75002 Paris", English "221B Baker Street" and "1600 Main St.,
Springfield, IL 62704", German "Hauptstraße 5, 10115 Berlin", Spanish "C/ Mayor, 12, 3º B,
28013 Madrid". A postal code and town right after the street are part of the span.
"""

import re
from collections.abc import Callable, Iterator

_UP = "A-ZÀ-ÖØ-Þ"
_W = r"[\w'’.-]"
# One word of a street name: capitalised, a number, or a particle ("rue de la Paix").
_NAME_WORD = (
    rf"(?:[{_UP}]{_W}*|\d{{1,4}}\b|de|du|des|la|le|les|d['’]{_W}+|l['’]{_W}+|del|los|las|y|of|the"
    r"|am|an|der|dem|den|zum|zur|sur|sous|en|aux?)"
)
_STREET_NAME = rf"{_NAME_WORD}(?:[ ]{_NAME_WORD}){{0,5}}"
_TOWN = rf"[{_UP}][a-zß-öø-ÿ'’-]+(?:[ -](?!Cedex)[{_UP}][a-zß-öø-ÿ'’-]+){{0,2}}"

_FR = (
    r"\b\d{1,4}(?:[ ]?(?:bis|ter|quater|[A-D]))?,?[ ]"
    r"(?i:rue|avenue|av\.|boulevard|bd|place|allée|impasse|chemin|route|quai|cours|passage|square"
    r"|résidence|lotissement|faubourg|rond-point|sentier|voie|parvis|esplanade)"
    rf"[ ]{_STREET_NAME}"
    rf"(?:,?[ ]\d{{5}}[ ]{_TOWN}(?:[ ]Cedex(?:[ ]\d{{1,2}})?)?)?"
)
_EN = (
    rf"\b\d{{1,5}}[A-Za-z]?[ ](?:[{_UP}][\w'’-]*[ ]){{1,4}}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl"
    r"|Terrace|Close|Crescent|Square|Parkway|Pkwy|Highway|Hwy|Row|Gardens|Grove|Mews|Walk)\b\.?"
    r"(?:[ ](?:N|S|E|W|NE|NW|SE|SW)\b)?(?![ ][A-Z][a-z])"
    r"(?:,?[ ](?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor)\.?[ ]?#?\w{1,5})?"
    rf"(?:,[ ]{_TOWN})?"
    r"(?:,?[ ](?:[A-Z]{2}[ ]\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}))?"
)
_DE = (
    r"(?:\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer"
    r"|chaussee|steig|pfad|markt)"
    r"|\b[A-ZÄÖÜ][\wäöüß-]+[ ](?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer))"
    r"[ ]\d{1,4}[ ]?[a-z]?\b"
    rf"(?:,?[ ]\d{{5}}[ ]{_TOWN})?"
)
_ES = (
    r"(?:\b(?:Calle|Avenida|Avda\.?|Av\.|Paseo|Plaza|Pza\.|Camino|Carretera|Ctra\.|Ronda"
    r"|Travesía|Glorieta|Rambla|Vía|Carrer|Passeig)|(?<!\w)[Cc]/)"
    rf"[ ]?{_STREET_NAME},?[ ](?:nº[ ]?|n\.º[ ]?|núm\.[ ]?|no\.[ ]?)?\d{{1,4}}\b"
    r"(?:,?[ ]\d{1,2}º(?:[ ]?[A-Z]\b|[ ]?\d{1,2}ª)?)?"
    rf"(?:,?[ ]\d{{5}}[ ]{_TOWN})?"
)
_GERMAN = re.compile(_DE)
_GERMAN_START = re.compile(r"\b[A-ZÄÖÜ]")
_GERMAN_WORD_END = re.compile(r"[^\wäöüß-]")


def _german_matches(text: str) -> Iterator[re.Match[str]]:
    """`_GERMAN.finditer(text)`, trying each word of letters and hyphens from its first capital
    only.

    The street word ("-straße", "-weg" …) ends the word, so where the pattern fails from the
    word's first capital it fails from every later one; `finditer` would still read the rest of
    the word again from each of them, quadratic in a long word ("A-B-C-…").
    """
    pos = 0
    while start := _GERMAN_START.search(text, pos):
        found = _GERMAN.match(text, start.start())
        if found:
            yield found
            pos = found.end()
        else:
            end = _GERMAN_WORD_END.search(text, start.end())
            pos = end.start() if end else len(text)


_FRENCH = re.compile(_FR)
_ENGLISH = re.compile(_EN)
_DIGIT = re.compile(r"\d")


def _numbered_matches(text: str) -> Iterator[re.Match[str]]:
    """French and English addresses, which open with a house number: searched from the text's
    first digit (the word boundary before it still sees the character before)."""
    digit = _DIGIT.search(text)
    if digit is None:
        return
    yield from _FRENCH.finditer(text, digit.start())
    yield from _ENGLISH.finditer(text, digit.start())


# The German and Spanish patterns run only on text holding one of their street words.
_PATTERNS: list[tuple[tuple[str, ...], Callable[[str], Iterator[re.Match[str]]]]] = [
    ((), _numbered_matches),
    (
        ("straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer",
         "chaussee", "steig", "pfad", "markt"),
        _german_matches,
    ),
    (
        ("calle", "avenida", "avda", "av.", "paseo", "plaza", "pza", "camino", "carretera", "ctra",
         "ronda", "travesía", "glorieta", "rambla", "vía", "carrer", "passeig", "c/"),
        re.compile(_ES).finditer,
    ),
]  # fmt: skip


def find_addresses(text: str) -> Iterator[tuple[int, int]]:
    """Spans of street addresses in French, English, German or Spanish notation."""
    lowered = text.lower()
    for words, matches in _PATTERNS:
        if not words or any(word in lowered for word in words):
            for m in matches(text):
                yield m.start(), m.start() + len(m.group().rstrip(" ,"))

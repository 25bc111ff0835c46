"""Conformed values: ISO countries, E.164 phones, valid e-mails, one spelling per category."""

from __future__ import annotations

import gettext
import re
import unicodedata

import ibis
import pycountry
from ibis.expr.types import StringValue

from c360.pipeline.silver.parse import LINE_SEPARATORS, SPACE, clean_text, lower, trim

# Spellings seen in sources, lower-cased and trimmed, to ISO 3166-1 alpha-2: the usual ones in
# several languages, every country's codes and English names, names in common use, then its
# names in the languages of Europe's largest markets (pycountry's translations; a spelling
# keeps its first country).
_USUAL = {
    name: iso
    for iso, names in {
        "FR": ("fr", "fra", "france", "république française", "francia", "frankreich"),
        "US": ("us", "usa", "u.s.a.", "u.s.", "united states", "united states of america",
               "etats-unis", "états-unis"),
        "DE": ("de", "deu", "germany", "deutschland", "allemagne", "alemania"),
        "ES": ("es", "esp", "spain", "españa", "espana", "espagne"),
        "GB": ("gb", "gbr", "uk", "united kingdom", "great britain", "england", "scotland",
               "wales", "royaume-uni", "reino unido"),
    }.items()
    for name in names
}  # fmt: skip
# Names in common use that ISO 3166 does not list, or lists only with its accents or in
# another order ("Korea, Republic of"); a spelling ISO lists keeps its country.
_ALIASES = {
    name: iso
    for iso, names in {
        "NL": ("holland", "the netherlands"),
        "TR": ("turkey", "turkiye"),
        "CI": ("ivory coast", "cote d'ivoire"),
        "KR": ("republic of korea",),
        "GB": ("britain", "the uk", "the united kingdom", "northern ireland"),
        "US": ("the us", "the usa", "the united states"),
        "CZ": ("the czech republic",),
        "MK": ("macedonia",),
        "SZ": ("swaziland",),
        "MM": ("burma",),
        "CV": ("cape verde",),
        "TL": ("east timor",),
        "VA": ("vatican", "vatican city", "holy see"),
        "PS": ("palestine",),
        "CD": ("dr congo", "democratic republic of the congo"),
        "GM": ("the gambia",),
        "BS": ("the bahamas",),
        "PH": ("the philippines",),
        "AE": ("uae",),
        "FK": ("falklands",),
        "CW": ("curacao",),
        "RE": ("reunion",),
    }.items()
    for name in names
}
COUNTRY_ISO = _USUAL | {
    spelling.lower(): country.alpha_2
    for country in pycountry.countries
    for spelling in (
        country.alpha_2, country.alpha_3, country.name,
        getattr(country, "common_name", None), getattr(country, "official_name", None),
    )
    if spelling and spelling.lower() not in _USUAL
}  # fmt: skip
COUNTRY_ISO |= {k: v for k, v in _ALIASES.items() if k not in COUNTRY_ISO}
_LANGUAGES = ("fr", "de", "es", "it", "nl", "pt")


def _translated() -> dict[str, str]:
    names: dict[str, str] = {}
    for language in _LANGUAGES:
        local = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        for country in pycountry.countries:
            for name in (country.name, getattr(country, "common_name", None)):
                if name:
                    names.setdefault(local.gettext(name).lower(), country.alpha_2)
    return names


COUNTRY_ISO |= {k: v for k, v in _translated().items() if k not in COUNTRY_ISO}


def fold_country(spelling: str) -> str:
    """A spelling as the lookup keys it: without dots, a hyphen as a space, white space between
    words as one space ("U.K." → "uk", "Royaume Uni", "royaume-uni" and "royaume -  uni" →
    "royaume uni"). Plain replacements: a regex on every country value costs each customer
    model a second at scale 1."""
    return " ".join(spelling.replace(".", "").replace("-", " ").replace("\u2019", "'").split())


_USUAL_FOLDED = {fold_country(k): v for k, v in _USUAL.items()}
COUNTRY_FOLDED: dict[str, str] = {}
for _spelling, _iso in COUNTRY_ISO.items():
    COUNTRY_FOLDED.setdefault(fold_country(_spelling), _iso)
# Every spelling, the usual ones too: a usual one written with a space too many is found here.
_SPELLINGS = "|" + "|".join(f"{s}={iso}" for s, iso in COUNTRY_FOLDED.items()) + "|"
# White space of any kind, no-break spaces included (`\s` is not the same on every engine).
_SPACES = f"[\\t\\n\\x0b\\f\\r {LINE_SEPARATORS}\u00a0\u2007\u202f\ufeff]+"


def _email(letter: str, digit: str, mark: str) -> str:
    """An address's shape, its letters, digits and marks written as a regex reads them.

    A local part of dot-separated words (no dot at either end, none doubled), then domain
    labels that open with a letter or a digit and neither open nor close with a hyphen ("xn--"
    punycode labels included), then a top-level domain of letters, or in punycode. Letters,
    digits and marks of any script (RFC 6531/6532: "jürgen.groß@gmx.de", "用户@例子.广告"; a
    mark is an accent written apart, a vowel sign of Devanagari)."""
    word = f"[{letter}{digit}{mark}_%+'-]+"
    label = f"[{letter}{digit}]([{letter}{digit}{mark}-]*[{letter}{digit}{mark}])?"
    top = f"([{letter}][{letter}{mark}]+|xn--[a-z0-9]+(-[a-z0-9]+)*)"
    return rf"{word}(\.{word})*@{label}(\.{label})*\.{top}"


# What an address may carry at its ends: every character Python reads as white space
# (``str.isspace``: the no-break, narrow, figure and ideographic spaces, line separators), a
# NUL (a fixed-width export's padding) and a byte order mark (a file's first value).
EMAIL_ENDS = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "\x00\ufeff"
# The same characters as a regex class reads them on DuckDB (RE2), Spark (Java) and in Python:
# those below U+0100 escaped, the others written as they are.
_ENDS = "".join(f"\\x{ord(c):02x}" if ord(c) < 0x100 else c for c in EMAIL_ENDS)
EMAIL_END = f"[{_ENDS}]"
# What a display-name form's brackets hold: an address, without white space or brackets.
EMAIL_BRACKETED = f"<{EMAIL_END}*([^<>{_ENDS}]+){EMAIL_END}*>"
# The engines' pattern: ``\p{…}`` classes RE2 (DuckDB) and Java (Spark) read alike, ending
# where the text ends on both (``\z``, see ``parse.LINE_SEPARATORS``).
_EMAIL = "^" + _email(r"\p{L}", r"\p{Nd}", r"\p{M}") + r"\z"
# Python's ``re`` has no ``\p{…}``: it reads the address with each non-ASCII character
# replaced by one of its kind (``_KINDS``): a letter by "à", a digit by "٠", a mark by U+0300.
EMAIL = _email("a-zA-Zà", "0-9٠", "\u0300")
_PYTHON_EMAIL = re.compile(EMAIL)


class _Kinds(dict[int, str]):
    """The character each one stands for in ``EMAIL``: an ASCII one itself, another one its
    kind's, or a space (which no address holds)."""

    def __missing__(self, code: int) -> str:
        kind = unicodedata.category(chr(code))
        shown = {"L": "à", "M": "\u0300"}.get(kind[0], "٠" if kind == "Nd" else " ")
        self[code] = shown
        return shown


_KINDS = _Kinds({code: chr(code) for code in range(128)})


def email_shaped(text: str) -> bool:
    """True if ``text`` (lower-cased) has the shape ``email`` keeps, read in Python.

    >>> email_shaped("jürgen.groß@gmx.de"), email_shaped("用户@例子"), email_shaped("a b@x.de")
    (True, False, False)
    """
    return _PYTHON_EMAIL.fullmatch(text if text.isascii() else text.translate(_KINDS)) is not None


def country_iso(value: StringValue) -> StringValue:
    """ISO 3166 alpha-2 code of a country however it was spelt (France / FR / fra → FR, U.K. /
    Royaume Uni → GB): case, dots, hyphens and white space between words ("united  states")
    do not matter."""
    folded = lower(trim(value)).replace(".", "").replace("-", " ").replace("\u2019", "'")
    # A no-break space is dropped (pasted from a web form: "France\u00a0"; trim leaves it).
    usual = folded.replace("\u00a0", "").substitute(_USUAL_FOLDED, else_=ibis.null("string"))
    # Every spelling is found in one text literal: a CASE or a map of ~940 entries takes Ibis
    # and the engines a tenth of a second to plan, each time a model uses the column. The
    # spaces are made one only here: a regex on every value would cost the usual ones.
    text = folded.re_replace(_SPACES, " ").re_replace(r"^ | \z", "")
    spellings = ibis.literal(_SPELLINGS)
    at = spellings.find("|" + text + "=")
    found = (at >= 0) & text.re_search(r"^[^|=]+\z")
    # Not COALESCE: DuckDB would search the literal for every row, the usual ones too.
    return ibis.cases(
        (usual.notnull(), usual),
        (found, spellings.substr(at + text.length() + 2, 2)),
        else_=ibis.null("string"),
    )


def email(value: StringValue) -> StringValue:
    """The address trimmed and lower-cased, taken out of a display-name form ("Ann Lee
    <ann@mail.fr>", as mail clients copy it) or a mailto: link; NULL when it is not a
    deliverable shape. White space of any kind at its ends goes (``EMAIL_ENDS``: a no-break
    space pasted from a web form, a byte order mark), and so does one full stop after the
    domain ("ann@mail.fr.", a name as DNS writes it). A capital sigma is σ wherever it
    stands: Spark lowers it to ς at the end of a word, DuckDB never. Identity reads an
    address alike (``normalise.email_key``)."""
    text = lower(trim(value).replace("\u03a3", "\u03c3"))
    # Most addresses are plain: only those with a "<" or a ":" take the longer path.
    unwrapped = ibis.ifelse(
        text.contains("<"),
        text.re_extract("<" + SPACE + r"*([^<>\t\n\x0b\f\r ]+)" + SPACE + r"*>\z", 1),
        text,
    ).re_replace("^mailto:" + SPACE + "*", "")
    text = ibis.ifelse(text.contains("<") | text.contains(":"), unwrapped, text)
    # Only an address that does not read as it is written is looked at again.
    return ibis.ifelse(text.re_search(_EMAIL), text, _email_read_again(value))


def _email_read_again(value: StringValue) -> StringValue:
    """``email`` for the few values it does not read at once: white space of any kind taken
    off the ends, inside the brackets of a display-name form and after "mailto:", then one
    full stop after the domain."""
    ends = f"^{EMAIL_END}+|{EMAIL_END}+\\z"
    text = lower(value.replace("\u03a3", "\u03c3")).re_replace(ends, "")
    text = ibis.ifelse(text.contains("<"), text.re_extract(EMAIL_BRACKETED + r"\z", 1), text)
    text = text.re_replace(f"^mailto:{EMAIL_END}*", "").re_replace(r"\.\z", "")
    return ibis.ifelse(text.re_search(_EMAIL), text, ibis.null("string"))


@ibis.udf.scalar.python(null_handling="special")
def phone_e164(number: str, region: str) -> str:
    """The number in E.164 (+33612345678), read in the country's own format, without its
    extension; NULL if invalid."""
    from c360.pipeline.silver.phones import e164  # shipped to Spark's workers

    return e164(number, region)  # type: ignore[return-value]


# The lead byte, read as Latin-1 or Windows-1252, of every UTF-8 letter of Latin-1 (é, ü, ß:
# "Ã", "Â") and of the punctuation from U+2000 on (’, €: "â"): text without any is sound.
_MIS_ENCODED = "ÃÂâ"


def repaired_text(value: StringValue) -> StringValue:
    """``parse.clean_text(value)`` with ``repair_encoding`` applied where it can change
    anything: a text holding none of ``_MIS_ENCODED`` (cleaning takes none away) is left
    alone by the engine, which spares most rows a call into Python (0.7M calls at scale 10)."""
    text = clean_text(value)
    marked = ibis.or_(*(value.contains(c) for c in _MIS_ENCODED))
    return ibis.ifelse(marked, repair_encoding(text), text)


@ibis.udf.scalar.python(null_handling="special")
def repair_encoding(text: str) -> str:
    """UTF-8 text that an export decoded as Latin-1 or Windows-1252, read back ("Ã©" → "é")."""
    if text is None or not any(c in text for c in _MIS_ENCODED):
        return text
    return read_back(text)


def read_back(text: str) -> str:
    """``text`` encoded as Latin-1 or Windows-1252 and decoded as UTF-8, where that works;
    other text as is (identity reads its sources' text with it too).

    >>> read_back("Ã\\x81lvarez"), read_back("CÃ©line"), read_back("Ãgata")
    ('Álvarez', 'Céline', 'Ãgata')
    """
    for codec in ("latin-1", "cp1252"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return text

"""Entities in free text: products and brands of the catalogue, competitors, amounts, dates.

Products are matched against ``(product_id, product_name)`` pairs ignoring case and accents, the
longest name winning, so each mention links to ``dim_product`` (``ref`` = the product id). Brands
come from a list, or else from the first word of each product name (two when it starts with an
article: "La Belle …"). Amounts need a currency next to a well-formed number, so phone numbers
and ticket or order numbers never count. Pure, deterministic, no I/O.

>>> [(e.kind, e.text, e.ref) for e in extract_entities("Devis à 1 299,00 € le 12 mars 2024", "fr")]
[('amount', '1 299,00 €', '1299.00 EUR'), ('date', '12 mars 2024', '2024-03-12')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

# Retailers and marketplaces a European or US shopper compares with (general knowledge, 2024).
# Names that are also common words or first names (Target, Next, Otto, Douglas) are left out.
DEFAULT_COMPETITORS: tuple[str, ...] = (
    "Amazon", "eBay", "AliExpress", "Temu", "Shein", "Zalando", "Etsy", "Vinted", "Rakuten",
    "Back Market", "Cdiscount", "Fnac", "Darty", "Boulanger", "Leroy Merlin", "Castorama",
    "Decathlon", "IKEA", "Carrefour", "Auchan", "Walmart", "Best Buy", "Costco", "Wayfair",
    "Argos", "John Lewis", "Currys", "Tesco", "MediaMarkt", "Media Markt", "El Corte Inglés",
    "PcComponentes", "Zara", "H&M", "Sephora", "Lidl", "Aldi",
)  # fmt: skip
_ARTICLES = {"la", "le", "les", "l'", "the", "el", "los", "las", "die", "der", "das", "il"}
_CURRENCIES = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "us$": "USD",
               "usd": "USD", "dollar": "USD", "dollars": "USD", "£": "GBP", "gbp": "GBP",
               "chf": "CHF"}  # fmt: skip
_SPACES = " \u00a0\u202f"
_NUMBER = (
    rf"(?<![\w#+/.,-])(?<!\d[{_SPACES}])"  # not the tail of a phone, ticket or order number
    rf"(?P<number>\d{{1,3}}(?P<sep>[{_SPACES}.,'])\d{{3}}(?:(?P=sep)\d{{3}})*(?:[.,]\d{{1,2}})?"
    r"|[1-9]\d{0,6}(?:[.,]\d{1,2})?|0[.,]\d{1,2})"  # no leading zero: "0614…" is a phone
)
_AFTER = r"(?![\w€$£]|[.,]\d)"
_AMOUNT_PREFIX = re.compile(rf"(?P<cur>US\$|€|\$|£|EUR|USD|GBP|CHF)[{_SPACES}]?{_NUMBER}{_AFTER}")
# A lookahead (or the digit itself) first: the search fails at once where no match can start,
# before the look-behinds are tried.
_AMOUNT_SUFFIX = re.compile(
    rf"(?=\d){_NUMBER}[{_SPACES}]?(?P<cur>€|\$|£|(?:EUR|euros?|USD|dollars?|GBP|CHF)(?!\w))(?!\w)",
    re.IGNORECASE,
)
# Month names as ``fold`` writes them; English also abbreviated ("Mar 12").
_MONTH_NAMES = {
    "en": "january february march april may june july august september october november december "
    "jan feb mar apr _ jun jul aug sep oct nov dec",
    "fr": "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
    "de": "januar februar marz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
}
_DIGIT = re.compile(r"\d")
# Opening with a digit, the character before it checked right after: the engine skips to digits.
_ISO_DATE = re.compile(r"(\d(?<![\d-]\d)\d{3})-(\d{2})-(\d{2})(?![\d-])")
_NUMERIC_DATE = re.compile(r"(\d(?<![\d./+-]\d)\d?)([./])(\d{1,2})\2(\d{4}|\d{2})(?![./-]?\d)")


@dataclass(frozen=True)
class Entity:
    """A mention: its kind, the text as written, its offsets and what it refers to.

    ``ref`` is the product id, the brand or competitor as spelled in the list, the amount as
    ``"1299.00 EUR"``, the date as ISO (``"--03-12"`` when the year is not written).
    """

    kind: str  # product | brand | competitor | amount | date
    text: str
    start: int
    end: int
    ref: str | None


def extract_entities(
    text: str,
    language: str | None,
    products: Sequence[tuple[str, str]] = (),
    *,
    brands: Sequence[str] | None = None,
    competitors: Sequence[str] = DEFAULT_COMPETITORS,
) -> list[Entity]:
    """Every entity in ``text``, ordered by position."""
    folded = fold(text)
    if brands is None:
        brands = [brand_of(name) for _, name in products]
    found = _catalogue(text, folded, "product", matcher_of("product", products, paired=True))
    names = matcher_of("brand", brands, paired=False)
    found += _proper(text, _catalogue(text, folded, "brand", names))
    rivals = matcher_of("competitor", competitors, paired=False)
    found += _proper(text, _catalogue(text, folded, "competitor", rivals))
    if _DIGIT.search(text):  # every amount and date has one; most redacted notes none
        found += _without_overlaps([*_amounts(text), *_dates(text, folded, language)])
    return sorted(found, key=lambda e: (e.start, -e.end, e.kind))


def brand_of(product_name: str) -> str:
    """A product's brand guessed from its name: the first word, two after an article."""
    words = product_name.split()
    take = 2 if len(words) > 2 and words[0].lower() in _ARTICLES else 1
    return " ".join(words[:take])


def fold(text: str) -> str:
    """Lower case without accents, one character for one so offsets stay valid."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character (İ) lowers to two
        lowered = "".join(c.lower()[0] for c in text)
    # The table maps only characters outside ASCII: most redacted notes have none, and the
    # others a few, each looked up alone (`str.translate` looked up every character).
    return lowered if lowered.isascii() else _FOLDED.sub(_folded, lowered)


def _fold_table() -> dict[int, str]:
    table = {ord(s): " " for s in _SPACES[1:]}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFKD", chr(code))[0]
        if base != chr(code) and base.isascii():
            table[code] = base.lower()
    return table


_FOLD = _fold_table()
_FOLDED = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")


def _folded(m: re.Match[str]) -> str:
    return _FOLD[ord(m[0])]


Matcher = tuple[re.Pattern[str] | None, dict[str, str]]
_LAST: dict[str, tuple[Sequence[object], Matcher]] = {}


def matcher_of(kind: str, names: Sequence[Any], *, paired: bool) -> Matcher:
    """`_matcher` of ``names``: ``(ref, name)`` pairs if ``paired``, else names that are their
    own ref. The list or tuple last given for ``kind`` is kept, and one equal to it reuses its
    matcher: a catalogue is the same on every call, and hashing it took longer than the search.
    """
    last = _LAST.get(kind)
    if last is not None and type(last[0]) is type(names) and last[0] == names:
        return last[1]
    matcher = _matcher(tuple(names) if paired else tuple((n, n) for n in names))
    if isinstance(names, list | tuple):
        _LAST[kind] = (list(names) if isinstance(names, list) else names, matcher)
    return matcher


@lru_cache(maxsize=64)
def _matcher(pairs: tuple[tuple[str, str], ...]) -> Matcher:
    """One regex over folded names (longest first) and the ref of each folded name."""
    refs: dict[str, str] = {}
    for ref, name in pairs:
        key = " ".join(fold(name).split())
        if key:
            refs.setdefault(key, ref)
    if not refs:
        return None, refs
    # Longest first; grouped by first letter, in that order within each group: only one group
    # can match where a name starts, and the engine tries a few alternatives, not every name.
    by_first: dict[str, list[str]] = {}
    for name in sorted(refs, key=lambda n: (-len(n), n)):
        by_first.setdefault(name[0], []).append(re.escape(name[1:]).replace(r"\ ", r"\s+"))
    alternatives = "|".join(
        f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items()
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), refs


def _catalogue(text: str, folded: str, kind: str, matcher: Matcher) -> list[Entity]:
    pattern, refs = matcher
    if pattern is None:
        return []
    return [
        Entity(kind, text[m.start() : m.end()], m.start(), m.end(), refs[" ".join(m[0].split())])
        for m in pattern.finditer(folded)
    ]


def _proper(text: str, found: list[Entity]) -> list[Entity]:
    """Names written as proper nouns only ("Boulanger", not "boulanger"), unless the list
    spells them in lower case ("eBay")."""
    return [e for e in found if not e.text[0].islower() or (e.ref or "")[:1].islower()]


def _amounts(text: str) -> Iterable[Entity]:
    for pattern in (_AMOUNT_PREFIX, _AMOUNT_SUFFIX):
        for m in pattern.finditer(text):
            code = _CURRENCIES[m["cur"].lower()]
            ref = f"{_value(m['number'], m['sep']):.2f} {code}"
            yield Entity("amount", m[0], m.start(), m.end(), ref)


def _value(number: str, group_sep: str | None) -> Decimal:
    """``"1 299,00"`` → 1299.00, ``"1.200"`` → 1200, ``"49.99"`` → 49.99."""
    digits, fraction = number, "0"
    tail = re.search(r"[.,](\d{1,2})$", number)
    if tail and tail[0][0] != group_sep:
        digits, fraction = number[: tail.start()], tail[1]
    whole = re.sub(r"\D", "", digits)
    return Decimal(f"{whole}.{fraction}")


def _dates(text: str, folded: str, language: str | None) -> Iterable[Entity]:
    for m in _ISO_DATE.finditer(text):
        yield from _date(text, m.start(), m.end(), int(m[1]), int(m[2]), int(m[3]))
    for m in _NUMERIC_DATE.finditer(text):
        year = int(m[4]) + (2000 if len(m[4]) == 2 else 0)
        day, month = int(m[1]), int(m[3])
        if month > 12 >= day:  # US order (03/25/2024)
            day, month = month, day
        yield from _date(text, m.start(), m.end(), year, month, day)
    months, patterns = _month_patterns(language)
    for pattern in patterns:
        for m in pattern.finditer(folded):
            written = int(m["year"]) if m["year"] else None
            yield from _date(text, m.start(), m.end(), written, months[m["month"]], int(m["day"]))


def _date(text: str, start: int, end: int, year: int | None, month: int, day: int) -> list[Entity]:
    try:
        ref = date(year or 2000, month, day).isoformat()  # 2000 is a leap year: 29 Feb is fine
    except ValueError:
        return []
    return [Entity("date", text[start:end], start, end, ref if year else "-" + ref[4:])]


def _without_overlaps(found: list[Entity]) -> list[Entity]:
    """The earliest, then longest, of overlapping mentions."""
    kept: list[Entity] = []
    for e in sorted(found, key=lambda e: (e.start, -e.end)):
        if not kept or e.start >= kept[-1].end:
            kept.append(e)
    return kept


@lru_cache(maxsize=8)
def _month_patterns(language: str | None) -> tuple[dict[str, int], list[re.Pattern[str]]]:
    """The month names of ``language`` (all when unknown) and the patterns "12 mars 2024",
    "12. März", "12 de marzo de 2024" and, in English, "March 12, 2024"."""
    langs = [language] if language in _MONTH_NAMES else list(_MONTH_NAMES)
    months = {
        name: number % 12 + 1
        for lang in langs
        for number, name in enumerate(_MONTH_NAMES[lang].split())
        if name != "_"
    }
    names = "|".join(sorted(months, key=lambda n: (-len(n), n)))
    day, year = r"(?P<day>[0-3]?\d)", r"(?P<year>\d{4})"
    # Each pattern opens with a lookahead on its first character: a digit, or a month's letter.
    firsts = "".join(sorted({name[0] for name in months}))
    patterns = [
        rf"(?=\d)(?<![\w.,]){day}(?:er|\.|º)?\s+(?:de\s+)?(?P<month>{names})\b"
        rf"(?:,?\s+(?:de\s+)?{year}(?!\d))?",
    ]
    if "en" in langs:
        patterns.append(
            rf"(?=[{firsts}])(?<!\w)(?P<month>{names})\b\.?\s+{day}(?:st|nd|rd|th)?(?![\w.,]\d|\d)"
            rf"(?:,?\s+{year}(?!\d))?"
        )
    return months, [re.compile(p) for p in patterns]

"""Find and redact personal data in free text: e-mails, phones, IBANs, cards, addresses, names.

>>> redact("Call Liam Lewis on +44 7852 666237 or liam@example.com.")[0]
'Call [PERSON] on [PHONE] or [EMAIL].'
"""

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import itemgetter

from c360.text.names import find_names
from c360.text.pii_address import find_addresses
from c360.text.pii_form import search_form
from c360.text.pii_patterns import find_cards, find_emails, find_ibans, find_phones

KINDS = ("EMAIL", "IBAN", "CARD", "PHONE", "ADDRESS", "PERSON")
"""Every kind `find_pii` reports, in the order that wins when two spans overlap."""


@dataclass(frozen=True)
class Span:
    """One piece of personal data: `text[start:end]` is of kind `kind`."""

    start: int
    end: int  # exclusive, offsets into the text given
    kind: str  # EMAIL, PHONE, PERSON, IBAN, CARD, ADDRESS


Finder = Callable[[str, str | None], Iterable[tuple[int, int]]]

_FINDERS: dict[str, Finder] = {
    "EMAIL": lambda text, _: find_emails(text),
    "IBAN": lambda text, _: find_ibans(text),
    "CARD": lambda text, _: find_cards(text),
    "PHONE": find_phones,
    "ADDRESS": lambda text, _: find_addresses(text),
    "PERSON": find_names,
}


def find_pii(text: str, language: str | None = None) -> list[Span]:
    """Spans of personal data in `text`, sorted and non-overlapping.

    `language` ("fr", "en", "de", "es") decides which country's phone plan is tried first, and
    for German that capitalised nouns are not taken for surnames.
    Where two finders claim the same characters, the earlier kind in `KINDS` wins. The finders
    search the text composed (NFC) and with typographic spaces, dashes and full-width forms as
    ASCII (`pii_form`); the spans are offsets into `text` as given.
    """
    form = search_form(text)
    taken: list[tuple[int, int, str]] = []  # (start, end, kind): a `Span` only once kept
    claimed: list[tuple[int, int]] = []  # (start, end) of the earlier kinds' spans, sorted
    for kind in KINDS:
        mine: list[tuple[int, int]] = []  # this kind's, sorted (mostly found in order: appended)
        for start, end in _FINDERS[kind](form.text, language):
            if not (_overlaps(claimed, start, end) or _overlaps(mine, start, end)):
                insort(mine, (start, end))
                taken.append((start, end, kind))
        if mine:
            claimed = sorted(claimed + mine)
    spans: list[Span] = []
    for found_start, found_end, kind in sorted(taken, key=itemgetter(0)):
        start, end = form.span(found_start, found_end)
        # Two spans meeting inside a cluster NFC left in two characters share it: the first has it.
        start = max(start, spans[-1].end) if spans else start
        if start < end:
            spans.append(Span(start, end, kind))
    return spans


def _overlaps(bounds: list[tuple[int, int]], start: int, end: int) -> bool:
    """True if `start:end` shares a character with one of `bounds`, sorted disjoint spans.

    Disjoint spans sorted by start are sorted by end too, so only the last one starting before
    `end` can reach past `start`: a binary search, where a scan of every span made long texts,
    rich in names, quadratic.
    """
    i = bisect_left(bounds, end, key=lambda span: span[0])
    return i > 0 and bounds[i - 1][1] > start


def redact(text: str, language: str | None = None) -> tuple[str, list[Span]]:
    """`text` with each span of personal data replaced by its placeholder ("[EMAIL]" ...).

    The spans returned are offsets into the original `text`.
    """
    spans = find_pii(text, language)
    parts: list[str] = []
    cursor = 0
    for span in spans:
        parts.append(text[cursor : span.start])
        parts.append(f"[{span.kind}]")
        cursor = span.end
    parts.append(text[cursor:])
    return "".join(parts), spans

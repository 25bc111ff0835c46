"""Find and redact personal data in free text: e-mails, phones, IBANs, cards, addresses, names.

>>> redact("Call Liam Lewis on +44 7852 666237 or liam@example.com.")[0]
'Call [PERSON] on [PHONE] or [EMAIL].'
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from c360.text.names import find_names
from c360.text.pii_address import find_addresses
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
    Where two finders claim the same characters, the earlier kind in `KINDS` wins.
    """
    taken: list[Span] = []
    for kind in KINDS:
        for start, end in _FINDERS[kind](text, language):
            if all(end <= s.start or start >= s.end for s in taken):
                taken.append(Span(start, end, kind))
    return sorted(taken, key=lambda s: s.start)


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

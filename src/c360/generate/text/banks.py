"""Phrase banks for notes and e-mails, compiled once into fast, field-aware templates."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from string import Formatter
from types import ModuleType

from c360.generate import vocab
from c360.generate.text import banks_de, banks_en, banks_es, banks_fr

NOTE_TOPICS: tuple[str, ...] = (
    "product_inquiry",
    "pricing_negotiation",
    "support_issue",
    "billing_question",
    "renewal",
    "complaint",
    "onboarding",
    "feature_request",
    "cancellation_risk",
    "delivery_issue",
)
SENTIMENTS: tuple[str, ...] = ("positive", "neutral", "negative")
CAMPAIGN_OBJECTIVES: tuple[str, ...] = (
    "acquisition",
    "retention",
    "upsell",
    "winback",
    "engagement",
)
LANGUAGE_MODULES: dict[str, ModuleType] = {
    "fr": banks_fr,
    "en": banks_en,
    "de": banks_de,
    "es": banks_es,
}

# The first tag of each topic is always used; 0-2 of the others are added.
TOPIC_TAGS: dict[str, tuple[str, ...]] = {
    "product_inquiry": ("product", "presales", "catalog", "information"),
    "pricing_negotiation": ("pricing", "renewal", "discount", "quote"),
    "support_issue": ("support", "technical", "ticket", "warranty"),
    "billing_question": ("billing", "invoice", "payment", "finance"),
    "renewal": ("renewal", "contract", "retention", "loyalty"),
    "complaint": ("complaint", "escalation", "quality", "service"),
    "onboarding": ("onboarding", "setup", "training", "adoption"),
    "feature_request": ("feature_request", "product_feedback", "roadmap", "service"),
    "cancellation_risk": ("churn_risk", "retention", "cancellation", "escalation"),
    "delivery_issue": ("delivery", "logistics", "order", "shipping"),
}

# Optional template fields: a template using one is only drawn when the row has the value.
OPTIONAL_BITS: dict[str, int] = {"product": 1, "account": 2, "phone": 4, "email": 8}
NOTE_FIELDS = frozenset(
    {
        "name",
        "oname",
        "fname",
        "short",
        "oshort",
        "phone",
        "email",
        "product",
        "account",
        "colleague",
        "colleague_email",
        "assistant",
        "assistant_email",
        "day",
        "amount",
        "pct",
        "ticket",
    }
)
EMAIL_FIELDS = frozenset({"product", "products", "pct", "deadline"})
FREE_MAIL_DOMAINS = frozenset(d for pairs in vocab.EMAIL_DOMAINS.values() for d, _ in pairs)
LEGAL_SUFFIXES: tuple[str, ...] = tuple(
    sorted({x for xs in vocab.COMPANY_SUFFIXES.values() for x in xs}, key=len, reverse=True)
)

Segments = tuple[tuple[str, str | None], ...]


def compile_template(text: str) -> tuple[Segments, int]:
    """Split a str.format template into (literal, field) pairs and its optional-field mask."""
    segments: list[tuple[str, str | None]] = []
    mask = 0
    for literal, field, spec, conversion in Formatter().parse(text):
        if spec or conversion:
            raise ValueError(f"format specs are not supported: {text!r}")
        if field is not None and field not in NOTE_FIELDS:
            raise ValueError(f"unknown field {field!r} in {text!r}")
        if field is not None:
            mask |= OPTIONAL_BITS.get(field, 0)
        segments.append((literal, field))
    return tuple(segments), mask


@dataclass(frozen=True)
class Slot:
    """Alternatives for one note line; pools[m] holds those usable when fields in mask m exist."""

    texts: tuple[str, ...]
    pools: tuple[tuple[Segments, ...], ...]

    @classmethod
    def of(cls, texts: Sequence[str]) -> Slot:
        """Compile the alternatives and pre-filter them for every availability mask."""
        compiled = [compile_template(t) for t in texts]
        pools = tuple(
            tuple(seg for seg, need in compiled if need & ~mask == 0) for mask in range(16)
        )
        return cls(tuple(texts), pools)


@dataclass(frozen=True)
class Staff:
    """An invented person with ready-made e-mail local parts (first.last, f.last, first)."""

    first: str
    last: str
    locals: tuple[str, str, str]


@dataclass(frozen=True)
class NoteBank:
    """Everything needed to write CRM notes in one language."""

    contact: Slot
    coords: Slot
    colleague: Slot
    assistant: Slot
    extra: Slot
    context: dict[str, Slot]
    detail: dict[str, Slot]
    outcome: dict[tuple[str, str], Slot]
    mood: dict[str, Slot]
    next: dict[str, Slot]
    staff: tuple[Staff, ...]
    assistants: tuple[Staff, ...]
    titles: tuple[str, str]
    oblique_titles: tuple[str, str]
    title_in_short: bool
    mail_domain: str
    days: tuple[str, ...]


@dataclass(frozen=True)
class EmailBank:
    """Everything needed to write marketing e-mails and subject lines in one language."""

    greeting: str
    cta: str
    signoff: str
    conjunction: str
    subjects: dict[str, tuple[str, ...]]
    intro: dict[str, tuple[str, ...]]
    product_one: tuple[str, ...]
    products: tuple[str, ...]
    offer: dict[str, tuple[str, ...]]
    extra: tuple[str, ...]
    closing: tuple[str, ...]
    deadlines: tuple[str, ...]


def ascii_slug(text: str, language: str = "") -> str:
    """Lower-case ASCII letters and digits only (German umlauts spelled out)."""
    text = text.lower()
    if language == "de":
        text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


def _staff(people: Sequence[tuple[str, str]], language: str) -> tuple[Staff, ...]:
    """Staff records with their three e-mail local parts."""
    out = []
    for first, last in people:
        f, la = ascii_slug(first, language), ascii_slug(last, language)
        out.append(Staff(first, last, (f"{f}.{la}", f"{f[0]}.{la}", f)))
    return tuple(out)


def _by_topic(table: Mapping[str, Sequence[str]]) -> dict[str, Slot]:
    """One compiled slot per key (topic or sentiment)."""
    return {key: Slot.of(texts) for key, texts in table.items()}


def _note_bank(language: str, m: ModuleType) -> NoteBank:
    """Compile a language module's note banks."""
    return NoteBank(
        contact=Slot.of(m.CONTACT),
        coords=Slot.of(m.COORDS),
        colleague=Slot.of(m.COLLEAGUE),
        assistant=Slot.of(m.ASSISTANT),
        extra=Slot.of(m.EXTRA),
        context=_by_topic(m.CONTEXT),
        detail=_by_topic(m.DETAIL),
        outcome={(t, s): Slot.of(m.OUTCOME[t][s]) for t in NOTE_TOPICS for s in SENTIMENTS},
        mood=_by_topic(m.MOOD),
        next=_by_topic(m.NEXT),
        staff=_staff(m.STAFF, language),
        assistants=_staff(m.ASSISTANTS, language),
        titles=m.TITLES,
        oblique_titles=getattr(m, "OBLIQUE_TITLES", m.TITLES),
        title_in_short=m.TITLE_IN_SHORT,
        mail_domain=m.MAIL_DOMAIN,
        days=m.DAYS,
    )


def _check_fields(texts: Sequence[str], allowed: frozenset[str]) -> tuple[str, ...]:
    """The texts unchanged, after checking they only use allowed str.format fields."""
    for text in texts:
        for _, field, spec, conversion in Formatter().parse(text):
            if spec or conversion or (field is not None and field not in allowed):
                raise ValueError(f"bad field {field!r} in {text!r}")
    return tuple(texts)


def _email_bank(m: ModuleType) -> EmailBank:
    """Check and collect a language module's e-mail banks."""
    subject_fields = frozenset({"pct"})
    return EmailBank(
        greeting=m.GREETING,
        cta=m.CTA,
        signoff=m.SIGNOFF,
        conjunction=m.AND,
        subjects={k: _check_fields(v, subject_fields) for k, v in m.SUBJECTS.items()},
        intro={k: _check_fields(v, EMAIL_FIELDS) for k, v in m.INTRO.items()},
        product_one=_check_fields(m.PRODUCT_ONE, EMAIL_FIELDS),
        products=_check_fields(m.PRODUCTS, EMAIL_FIELDS),
        offer={k: _check_fields(v, EMAIL_FIELDS) for k, v in m.OFFER.items()},
        extra=_check_fields(m.EMAIL_EXTRA, frozenset()),
        closing=_check_fields(m.CLOSING, frozenset()),
        deadlines=m.DEADLINES,
    )


def _genders() -> dict[str, int]:
    """First name (lower-case) -> 0 male / 1 female, from the shared vocabulary; clashes dropped."""
    seen: dict[str, set[int]] = {}
    for names in vocab.FIRST_NAMES.values():
        for name, sex in names:
            seen.setdefault(name.lower(), set()).add(1 if sex == "F" else 0)
    return {name: next(iter(s)) for name, s in seen.items() if len(s) == 1}


NOTE_BANKS: dict[str, NoteBank] = {
    lang: _note_bank(lang, m) for lang, m in LANGUAGE_MODULES.items()
}
EMAIL_BANKS: dict[str, EmailBank] = {lang: _email_bank(m) for lang, m in LANGUAGE_MODULES.items()}
GENDERS: dict[str, int] = _genders()

__all__ = [
    "CAMPAIGN_OBJECTIVES",
    "EMAIL_BANKS",
    "EMAIL_FIELDS",
    "FREE_MAIL_DOMAINS",
    "GENDERS",
    "LEGAL_SUFFIXES",
    "NOTE_BANKS",
    "NOTE_TOPICS",
    "SENTIMENTS",
    "TOPIC_TAGS",
    "EmailBank",
    "NoteBank",
    "Segments",
    "Slot",
    "Staff",
    "ascii_slug",
    "compile_template",
]

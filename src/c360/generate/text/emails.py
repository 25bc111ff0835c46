"""Marketing e-mail bodies (one file per asset) and subject lines, per language and objective."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from c360.generate.text.banks import CAMPAIGN_OBJECTIVES, EMAIL_BANKS, EmailBank

REQUIRED_COLUMNS: tuple[str, ...] = (
    "asset_id",
    "campaign_id",
    "language",
    "variant",
    "subject",
    "created_at",
    "objective",
    "campaign_name",
    "product_names",
)
_PCTS = (10, 15, 20, 25, 30)


@dataclass(frozen=True)
class RenderedEmails:
    """E-mail file texts (input order) and their labels."""

    texts: list[str]
    labels: pa.Table


def _check(languages: Sequence[str | None], objectives: Sequence[str | None]) -> None:
    """Reject languages and objectives that have no phrase bank."""
    bad_lang = sorted({str(x) for x in languages if x not in EMAIL_BANKS})
    bad_obj = sorted({str(x) for x in objectives if x not in CAMPAIGN_OBJECTIVES})
    if bad_lang:
        raise ValueError(f"unsupported e-mail languages: {bad_lang}")
    if bad_obj:
        raise ValueError(f"unknown campaign objectives: {bad_obj}")


def _pct(language: str, value: int) -> str:
    """A percentage in the language's typography ("15%" or "15 %")."""
    return f"{value}%" if language == "en" else f"{value} %"


def _subject(bank: EmailBank, language: str, objective: str, variant: str | None, k: int) -> str:
    """Subject k of the pool for this variant (A: even entries, B: odd, none: all)."""
    pool = bank.subjects[objective]
    if variant == "A":
        pool = pool[0::2]
    elif variant == "B":
        pool = pool[1::2]
    template = pool[k % len(pool)]
    return template.format(pct=_pct(language, _PCTS[k // 8 % len(_PCTS)]))


def make_subjects(
    languages: Sequence[str],
    objectives: Sequence[str],
    variants: Sequence[str | None],
    rng: np.random.Generator,
) -> list[str]:
    """One subject line per asset; variants A and B draw from disjoint pools, so they differ."""
    if not len(languages) == len(objectives) == len(variants):
        raise ValueError("languages, objectives and variants must have the same length")
    _check(languages, objectives)
    draws = rng.integers(0, 1 << 30, size=len(languages)).tolist()
    return [
        _subject(EMAIL_BANKS[lang], lang, obj, var, k)
        for lang, obj, var, k in zip(languages, objectives, variants, draws, strict=True)
    ]


def _join(items: Sequence[str], conjunction: str) -> str:
    """'a', 'a and b', 'a, b and c' (Spanish 'y' becomes 'e' before an i- sound)."""
    if len(items) == 1:
        return items[0]
    last = items[-1]
    if conjunction == "y" and (last[:1].lower() in ("i", "í") or last[:2].lower() == "hi"):
        conjunction = "e"
    return f"{', '.join(items[:-1])} {conjunction} {last}"


def _choose(pool: Sequence[str], k: int, has_product: bool) -> str:
    """Alternative k, skipping those naming a product when there is none."""
    if not has_product:
        pool = [t for t in pool if "{product" not in t] or list(pool)
    return pool[k % len(pool)]


def render_email_bodies(assets: pa.Table, rng: np.random.Generator) -> RenderedEmails:
    """Write one marketing e-mail per asset row, wording drawn from rng."""
    missing = [c for c in REQUIRED_COLUMNS if c not in assets.column_names]
    if missing:
        raise ValueError(f"assets table lacks columns: {missing}")
    col = {c: assets.column(c).to_pylist() for c in REQUIRED_COLUMNS}
    n = assets.num_rows
    _check(col["language"], col["objective"])
    draws: list[list[int]] = rng.integers(0, 1 << 30, size=(n, 9)).tolist()
    texts = []
    for i in range(n):
        r = draws[i]
        lang, objective = col["language"][i], col["objective"][i]
        bank = EMAIL_BANKS[lang]
        variant = col["variant"][i] or ""
        subject = col["subject"][i]
        if subject is None:
            subject = _subject(bank, lang, objective, variant or None, r[0])
        products = [p for p in (col["product_names"][i] or []) if p]
        has_product = bool(products)
        fields = {
            "product": products[0] if products else "",
            "products": _join(products, bank.conjunction) if products else "",
            "pct": _pct(lang, _PCTS[r[1] % len(_PCTS)]),
            "deadline": bank.deadlines[r[2] % len(bank.deadlines)],
        }
        intro = _choose(bank.intro[objective], r[3], has_product)
        offer = _choose(bank.offer[objective], r[4], has_product)
        extra = bank.extra[r[5] % len(bank.extra)]
        closing = bank.closing[r[6] % len(bank.closing)]
        paragraphs = [intro]
        if has_product:
            pool = bank.product_one if len(products) == 1 else bank.products
            paragraphs.append(pool[r[7] % len(pool)])
        paragraphs.append(offer)
        need = 3 + r[8] % 3 - len(paragraphs)
        tail = [extra, closing] if need != 1 else [(extra, closing)[r[8] // 3 % 2]]
        paragraphs += tail[: max(need, 0)]
        body = "\n\n".join(p.format(**fields) for p in paragraphs)
        created = str(col["created_at"][i] or "")[:19]
        texts.append(
            f"ASSET_ID: {col['asset_id'][i]}\nCAMPAIGN_ID: {col['campaign_id'][i]}\n"
            f"DATE: {created}\nLANGUAGE: {lang}\nVARIANT: {variant}\nSUBJECT: {subject}\n\n"
            f"--- BEGIN EMAIL ---\n{bank.greeting}\n\n{body}\n\n{bank.cta}\n\n{bank.signoff}\n"
            "--- END EMAIL ---\n"
        )
    labels = pa.table(
        {
            "asset_id": pa.array([str(a) for a in col["asset_id"]], pa.string()),
            "language": pa.array(col["language"], pa.string()),
            "objective": pa.array(col["objective"], pa.string()),
        }
    )
    return RenderedEmails(texts, labels)


__all__ = ["CAMPAIGN_OBJECTIVES", "RenderedEmails", "make_subjects", "render_email_bodies"]

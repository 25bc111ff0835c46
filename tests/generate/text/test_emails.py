"""Marketing e-mails: file format, localisation, objectives, subjects and determinism."""

from __future__ import annotations

import re
from itertools import product

import numpy as np
import pyarrow as pa
import pytest

from c360.generate.text import CAMPAIGN_OBJECTIVES, make_subjects, render_email_bodies

LOCALE = {
    "fr": ("Bonjour {{customer_name}},", "DÉCOUVRIR MAINTENANT", "Cordialement,\nL'équipe BrandCo"),
    "en": ("Hello {{customer_name}},", "SHOP NOW", "Best regards,\nThe BrandCo Team"),
    "de": ("Hallo {{customer_name}},", "JETZT ENTDECKEN", "Viele Grüße\nIhr BrandCo-Team"),
    "es": ("Hola {{customer_name}},", "DESCÚBRELO AHORA", "Un saludo,\nEl equipo de BrandCo"),
}
FUNCTION_WORDS = {
    "fr": {"les", "des", "du", "pour", "avec", "vous", "votre", "nous", "est", "une", "sur"},
    "en": {"the", "to", "with", "for", "and", "you", "your", "we", "is", "of", "our"},
    "de": {"der", "die", "das", "und", "mit", "sie", "ihre", "ihr", "wir", "ist", "für"},
    "es": {"el", "los", "las", "con", "para", "tu", "te", "nuestro", "nuestra", "por", "es"},
}
EMAIL_RE = re.compile(
    r"\AASSET_ID: (?P<asset>[^\n]+)\n"
    r"CAMPAIGN_ID: (?P<campaign>[^\n]+)\n"
    r"DATE: (?P<date>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\n"
    r"LANGUAGE: (?P<lang>fr|en|de|es)\n"
    r"VARIANT: (?P<variant>A|B|)\n"
    r"SUBJECT: (?P<subject>[^\n]+)\n"
    r"\n"
    r"--- BEGIN EMAIL ---\n"
    r"(?P<greeting>[^\n]+)\n\n"
    r"(?P<body>.+?)\n\n"
    r"(?P<cta>[^\n]+)\n\n"
    r"(?P<signoff>[^\n]+\n[^\n]+)\n"
    r"--- END EMAIL ---\n\Z",
    re.DOTALL,
)
PRODUCTS = [
    ["Voltaro Smartwatch Pro"],
    ["Fjordlin Jacket Eco", "Sonivo Speaker Max"],
    ["Nexiq Tablet Air", "Lumavo Webcam", "Ivoria Face Cream"],
]


def assets(n: int = 20, created_suffix: str = "") -> pa.Table:
    """n literal assets cycling through languages, objectives, variants and product lists."""
    langs = ["fr", "en", "de", "es"]
    variants = ["A", "B", None]
    rows = [
        {
            "asset_id": f"ASSET_{i + 1:05d}",
            "campaign_id": f"CAMP_{i // 2 + 1:03d}",
            "language": langs[i % 4],
            "variant": variants[i % 3],
            "subject": f"Subject {i}",
            "created_at": f"2024-05-{i % 28 + 1:02d} 09:30:00{created_suffix}",
            "objective": CAMPAIGN_OBJECTIVES[i % 5],
            "campaign_name": f"Spring Sale 2024 — {CAMPAIGN_OBJECTIVES[i % 5].title()}",
            "product_names": PRODUCTS[i % 3],
        }
        for i in range(n)
    ]
    return pa.Table.from_pylist(rows)


def render(seed: int, table: pa.Table | None = None):
    return render_email_bodies(assets() if table is None else table, np.random.default_rng(seed))


def test_exact_file_structure_and_localisation() -> None:
    table = assets()
    result = render(1, table)
    rows = table.to_pylist()
    assert len(result.texts) == len(rows)
    for row, text, label in zip(rows, result.texts, result.labels.to_pylist(), strict=True):
        m = EMAIL_RE.match(text)
        assert m, text
        lang = row["language"]
        assert m["asset"] == row["asset_id"] == label["asset_id"]
        assert m["campaign"] == row["campaign_id"]
        assert m["date"] == row["created_at"]
        assert m["lang"] == lang == label["language"]
        assert label["objective"] == row["objective"]
        assert m["variant"] == (row["variant"] or "")
        assert m["subject"] == row["subject"]
        greeting, cta, signoff = LOCALE[lang]
        assert (m["greeting"], m["cta"], m["signoff"]) == (greeting, cta, signoff)
        paragraphs = m["body"].split("\n\n")
        assert 3 <= len(paragraphs) <= 5
        assert all(p.strip() and "\n" not in p for p in paragraphs)
        for name in row["product_names"]:
            assert name in m["body"]
        assert "{" not in m["body"] and "}" not in m["body"]
        assert not re.search(r"\S+@\S+", text)
        assert not re.search(r"\d{6,}", m["body"])
    assert "VARIANT: \n" in result.texts[2]
    assert result.labels.column_names == ["asset_id", "language", "objective"]


def test_paragraph_counts_vary_and_languages_differ() -> None:
    table = pa.concat_tables([assets()] * 10)
    result = render(2, table)
    counts = set()
    for row, text in zip(table.to_pylist(), result.texts, strict=True):
        body = EMAIL_RE.match(text)["body"]  # type: ignore[index]
        counts.add(len(body.split("\n\n")))
        words = re.findall(r"\w+", body.lower())
        score = {lang: sum(w in fw for w in words) for lang, fw in FUNCTION_WORDS.items()}
        own = row["language"]
        assert all(score[own] > v for lang, v in score.items() if lang != own), (score, body)
    assert counts == {3, 4, 5}


def test_wording_depends_on_the_objective() -> None:
    n = 400
    table = pa.concat_tables([assets()] * (n // 20))
    result = render(3, table)
    intros: dict[tuple[str, str], set[str]] = {}
    for row, text in zip(table.to_pylist(), result.texts, strict=True):
        first = EMAIL_RE.match(text)["body"].split("\n\n")[0]  # type: ignore[index]
        intros.setdefault((row["language"], row["objective"]), set()).add(first)
    for lang in LOCALE:
        for a, b in product(CAMPAIGN_OBJECTIVES, repeat=2):
            if a != b and (lang, a) in intros and (lang, b) in intros:
                assert not intros[(lang, a)] & intros[(lang, b)], (lang, a, b)


def test_date_is_cut_to_seconds_and_missing_subject_is_generated() -> None:
    table = assets(4, created_suffix=".000000")
    table = table.set_column(
        table.column_names.index("subject"), "subject", pa.array([None] * 4, pa.string())
    )
    for text in render(4, table).texts:
        m = EMAIL_RE.match(text)
        assert m and m["subject"].strip() and len(m["date"]) == 19


def test_same_seed_same_output_other_seed_other_output() -> None:
    a, b, c = render(5), render(5), render(6)
    assert a.texts == b.texts and a.labels.equals(b.labels)
    assert a.texts != c.texts


def test_subjects_ab_variants_always_differ() -> None:
    for seed in range(30):
        for lang, objective in product(LOCALE, CAMPAIGN_OBJECTIVES):
            a, b = make_subjects(
                [lang, lang], [objective, objective], ["A", "B"], np.random.default_rng(seed)
            )
            assert a != b and a.strip() and b.strip() and "{" not in a + b


def test_subjects_are_localised_deterministic_and_varied() -> None:
    langs = ["fr", "en", "de", "es"] * 50
    objectives = [CAMPAIGN_OBJECTIVES[i % 5] for i in range(200)]
    variants = [None, "A", "B", None] * 50
    first = make_subjects(langs, objectives, variants, np.random.default_rng(9))
    assert first == make_subjects(langs, objectives, variants, np.random.default_rng(9))
    assert first != make_subjects(langs, objectives, variants, np.random.default_rng(10))
    by_lang = {
        lang: {s for s, la in zip(first, langs, strict=True) if la == lang} for lang in LOCALE
    }
    assert all(len(s) >= 10 for s in by_lang.values())
    assert not by_lang["fr"] & by_lang["en"] and not by_lang["de"] & by_lang["es"]


def test_bad_inputs_are_rejected() -> None:
    with pytest.raises(ValueError, match="languages"):
        make_subjects(["it"], ["upsell"], [None], np.random.default_rng(0))
    with pytest.raises(ValueError, match="objectives"):
        make_subjects(["fr"], ["awareness"], [None], np.random.default_rng(0))
    with pytest.raises(ValueError, match="same length"):
        make_subjects(["fr", "en"], ["upsell"], [None], np.random.default_rng(0))
    with pytest.raises(ValueError, match="columns"):
        render_email_bodies(assets().drop(["objective"]), np.random.default_rng(0))

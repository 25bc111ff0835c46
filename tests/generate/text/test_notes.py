"""CRM notes: file format, labels, exact PII spans, determinism, variety and languages."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import numpy as np
import pyarrow as pa
import pytest

from c360.generate.text import NOTE_TOPICS, SENTIMENTS, render_notes
from c360.generate.text.banks import NOTE_BANKS, TOPIC_TAGS
from c360.generate.text.notes import REQUIRED_COLUMNS

COLUMNS = REQUIRED_COLUMNS
# fmt: off
ROWS = [
    ("CUST_000001", "fr", "Sophie", "Dupont", "sophie.dupont@orange.fr", "06 12 34 56 78", "FR",
     "at_risk", "2025-03-14", "Dupont & Fils SAS", ["Voltaro Smartwatch Pro"]),
    ("CUST_000002", "en", "James", "O'Neill", "jim.oneill@gmail.com", "(415) 555-0134", "US",
     "active", "2025-01-02", None, []),
    ("CUST_000003", "de", "Jürgen", "Müller", "j.mueller@web.de", "0151 2345678", "DE",
     "churned", "2024-11-30", "Nordwind GmbH", ["Fjordlin Jacket Eco", "Sonivo Speaker Max"]),
    ("CUST_000004", "es", "María", "García López", "maria.garcia@acme.es", "612 34 56 78", "ES",
     "lead", "2025-02-11", "Acme S.L.", ["Calora Dress Mini"]),
    ("CUST_000005", "en", "Olivia", "Smith", "olivia.smith@btinternet.com", "07700 900123", "GB",
     "prospect", "2025-02-20", None, ["Nexiq Tablet Air", "Lumavo Webcam", "Brixel Drone XL"]),
    ("CUST_000006", "fr", "Jean-Pierre", "Lefèvre", "jp.lefevre@free.fr", "07 98 76 54 32", "FR",
     "active", "2025-04-01", None, ["Maison Verlaine Dress Classic"]),
    ("CUST_000007", "de", "Anna", "Schröder", "anna.schroeder@nordwind.de", "0170 9876543", "DE",
     "prospect", "2025-05-05", "Nordwind GmbH", []),
    ("CUST_000008", "es", "Álvaro", "Muñoz", "alvaro.munoz@gmail.com", "699 12 34 56", "ES",
     "at_risk", "2025-06-30", None, ["Sonivo Speaker Max", "Calora Dress Mini"]),
    ("CUST_000009", "en", "Grace", "Kowalski", "grace.k@outlook.com", "(212) 555-0199", "US",
     "churned", "2024-12-24", "Bluepeak Inc.", ["Zentrix Power Bank Lite"]),
    ("CUST_000010", "fr", "Chloé", "Bérard", "chloe.berard@atlas-conseil.fr", "06 45 67 89 01",
     "FR", "churned", "2025-01-20", "Atlas Conseil SARL", []),
    ("CUST_000011", "de", "Lukas", "Weiß", "lukas.weiss@gmx.de", "0160 1234567", "DE", "active",
     "2025-02-02", None, ["Voltaro Smartwatch Pro"]),
    ("CUST_000012", "es", "Lucía", "Fernández", "lucia.fernandez@hotmail.es", "655 98 76 54",
     "ES", "active", "2025-03-03", "Ironbridge S.L.", []),
    ("CUST_000013", "en", "Oliver", "Hughes", "oliver.hughes@clearwater.co.uk", "07911 123456",
     "GB", "at_risk", "2025-03-09", "Clearwater Ltd", ["Lumavo Webcam"]),
    ("CUST_000014", "fr", "Luc", "Martin", "luc.martin@laposte.net", "06 11 22 33 44", "FR",
     "lead", "2025-07-07", None, []),
    ("CUST_000015", "de", "Petra", "Neumann", "petra.neumann@t-online.de", "0176 5554443", "DE",
     "at_risk", "2025-08-08", None, ["Nexiq Tablet Air"]),
    ("CUST_000016", "es", "Javier", "Santos", "javier.santos@gmail.com", "622 11 22 33", "ES",
     "churned", "2025-09-09", None, ["Brixel Drone XL"]),
]
# fmt: on
NOTE_RE = re.compile(
    r"\ACUSTOMER_ID: (?P<cid>[^\n]+)\n"
    r"DATE: (?P<date>\d{4}-\d{2}-\d{2})\n"
    r"TOPIC: (?P<topic>[a-z_]+)\n"
    r"LANGUAGE: (?P<lang>fr|en|de|es)\n"
    r"SENTIMENT: (?P<sent>positive|neutral|negative)\n"
    r"TAGS: crm, customer_knowledge(?P<tags>(?:, [a-z_]+){1,3})\n"
    r"\n"
    r"--- BEGIN NOTE ---\n"
    r"(?P<body>(?:[^\n]+\n){5,10})"
    r"--- END NOTE ---\n\Z"
)
PHONE_LIKE = re.compile(r"\+?\d[\d .\-/()]{6,}\d")
# fmt: off
FUNCTION_WORDS = {  # frequent words that belong to one of the four languages only
    "fr": {"les", "des", "du", "pour", "avec", "pas", "est", "une", "au", "sur", "dans", "il",
           "qui", "ça", "ne", "par", "très", "aux", "sa", "ses", "ce", "cette", "mais", "côté"},
    "en": {"the", "to", "with", "for", "and", "is", "of", "their", "from", "at", "by", "it",
           "we", "they", "be", "not", "our", "up", "after", "still", "this", "that", "been"},
    "de": {"der", "die", "das", "und", "mit", "nicht", "ist", "von", "zu", "den", "bei", "auf",
           "am", "im", "zur", "zum", "ein", "eine", "noch", "nach", "für", "über", "wir",
           "sich", "auch", "sehr", "kein", "keine", "bis", "wie", "dass", "hat", "wird"},
    "es": {"el", "los", "las", "con", "para", "por", "del", "una", "al", "está", "lo", "su",
           "muy", "hay", "ya", "sin", "pero", "todo"},
}
# fmt: on


def customers(rows: list[tuple] = ROWS) -> pa.Table:
    """The literal rows as an input table."""
    data = {name: [row[j] for row in rows] for j, name in enumerate(COLUMNS)}
    types = {name: pa.string() for name in COLUMNS} | {"product_names": pa.list_(pa.string())}
    return pa.table({name: pa.array(data[name], types[name]) for name in COLUMNS})


def render(seed: int, rows: list[tuple] = ROWS):
    return render_notes(customers(rows), np.random.default_rng(seed))


def spans_by_row(result) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for span in result.pii_spans.to_pylist():
        out.setdefault(span["row_index"], []).append(span)
    return out


def body_bounds(text: str) -> tuple[int, int]:
    start = text.index("--- BEGIN NOTE ---\n") + len("--- BEGIN NOTE ---\n")
    return start, text.index("--- END NOTE ---\n")


def masked_body(text: str, spans: list[dict]) -> str:
    """The note body with every PII span blanked out."""
    chars = list(text)
    for s in spans:
        chars[s["start"] : s["end"]] = " " * (s["end"] - s["start"])
    start, end = body_bounds(text)
    return "".join(chars[start:end])


def covered(spans: list[dict], start: int, end: int, kinds: set[str]) -> bool:
    return any(s["start"] <= start and end <= s["end"] and s["pii_type"] in kinds for s in spans)


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


@pytest.fixture(scope="module")
def big():
    """About 2,000 notes from the literal rows, tiled."""
    rows = ROWS * 125
    return rows, render(7, rows)


def test_exact_file_structure_and_labels() -> None:
    result = render(1)
    labels = result.labels.to_pylist()
    assert len(result.texts) == len(ROWS) == len(labels)
    for row, text, label in zip(ROWS, result.texts, labels, strict=True):
        m = NOTE_RE.match(text)
        assert m, text
        assert m["cid"] == row[0] == label["customer_id"]
        assert m["date"] == row[8]
        assert m["lang"] == row[1] == label["language"]
        assert m["topic"] == label["topic"] and m["topic"] in NOTE_TOPICS
        assert m["sent"] == label["sentiment"] and m["sent"] in SENTIMENTS
        tags = m["tags"].split(", ")[1:]
        assert tags[0] == TOPIC_TAGS[m["topic"]][0]
        assert set(tags) <= set(TOPIC_TAGS[m["topic"]]) and len(set(tags)) == len(tags)
        lines = m["body"].splitlines()
        assert 5 <= len(lines) <= 10 and all(line.strip() for line in lines)
        assert "{" not in text and "}" not in text and "None" not in text
    assert result.labels.column_names == ["customer_id", "topic", "sentiment", "language"]
    assert result.pii_spans.schema == pa.schema(
        [
            ("row_index", pa.int64()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("pii_type", pa.string()),
            ("value", pa.string()),
        ]
    )


def test_spans_are_exact_and_cover_every_customer_pii(big) -> None:
    rows, result = big
    by_row = spans_by_row(result)
    for i, (row, text) in enumerate(zip(rows, result.texts, strict=True)):
        spans = by_row.get(i, [])
        start, end = body_bounds(text)
        ordered = sorted((s["start"], s["end"]) for s in spans)
        assert all(a[1] <= b[0] for a, b in pairwise(ordered)), "overlap"
        for s in spans:
            assert start <= s["start"] < s["end"] <= end
            assert text[s["start"] : s["end"]] == s["value"]
            assert s["pii_type"] in {"EMAIL", "PHONE", "PERSON"}
        first, last, email, phone = row[2], row[3], row[4], row[5]
        body = text[start:end]
        for m in re.finditer(re.escape(email), body):
            assert covered(spans, start + m.start(), start + m.end(), {"EMAIL"})
        for m in re.finditer(re.escape(phone), body):
            assert covered(spans, start + m.start(), start + m.end(), {"PHONE"})
        # A name inside the company name ("Dupont & Fils SAS") is an organisation, not a person.
        orgs = [(m.start(), m.end()) for m in re.finditer(re.escape(row[9] or "\0"), body)]
        for name in (first, last):
            for m in re.finditer(rf"\b{re.escape(name)}\b", body):
                if any(a <= m.start() < b for a, b in orgs):
                    continue
                a, b = start + m.start(), start + m.end()
                assert covered(spans, a, b, {"PERSON", "EMAIL"}), (name, text)
        kinds = Counter(s["pii_type"] for s in spans)
        assert kinds["PERSON"] >= 1 and kinds["EMAIL"] + kinds["PHONE"] >= 1
        assert any(s["value"] in (first, last, f"{first} {last}") for s in spans)
        assert any(s["value"] == email for s in spans) or any(
            s["pii_type"] == "PHONE" and digits(s["value"]).endswith(digits(phone).lstrip("0"))
            for s in spans
        )
        rest = masked_body(text, spans)
        assert not re.search(r"\S+@\S+", rest), rest
        assert not re.search(r"\d{6,}", rest), rest
        for m in PHONE_LIKE.finditer(rest):
            assert len(digits(m.group())) < 8, (m.group(), rest)


def test_person_spans_exclude_titles_and_titles_match_gender(big) -> None:
    rows, result = big
    female, male = {"Mme", "Ms", "Frau", "Sra."}, {"M.", "Mr", "Herr", "Herrn", "Sr."}
    women = {"Sophie", "Chloé", "Anna", "Petra", "Olivia", "Grace", "María", "Lucía"}
    men = {"James", "Jürgen", "Lukas", "Luc", "Oliver", "Javier", "Álvaro"}
    titled: set[tuple[str, str]] = set()
    for s in result.pii_spans.to_pylist():
        assert s["value"].split(" ")[0] not in female | male, s
        row, text = rows[s["row_index"]], result.texts[s["row_index"]]
        if s["pii_type"] == "PERSON" and s["value"] == row[3]:
            before = text[max(0, s["start"] - 6) : s["start"]]
            titled |= {(row[2], t) for t in female | male if before.endswith(f"{t} ")}
    assert {t for _, t in titled} & female and {t for _, t in titled} & male
    for first, title in titled:
        assert first not in women or title in female, (first, title)
        assert first not in men or title in male, (first, title)


def test_german_titles_are_declined(big) -> None:
    rows, result = big
    german = [t for r, t in zip(rows, result.texts, strict=True) if r[1] == "de"]
    assert any("Herrn " in t for t in german) and any("Herr " in t for t in german)
    for text in german:
        for prep in ("von", "mit", "bei", "Lt.", "für", "Für"):
            assert f"{prep} Herr " not in text, text


def test_phone_variants_keep_the_same_number(big) -> None:
    rows, result = big
    variants = 0
    for s in result.pii_spans.to_pylist():
        if s["pii_type"] != "PHONE":
            continue
        phone = rows[s["row_index"]][5]
        assert digits(s["value"]).endswith(digits(phone).lstrip("0"))
        variants += s["value"] != phone
    assert variants > 50


def test_colleagues_and_accounts_and_products_appear(big) -> None:
    rows, result = big
    staff_mails = [
        s
        for s in result.pii_spans.to_pylist()
        if s["pii_type"] == "EMAIL" and s["value"] != rows[s["row_index"]][4]
    ]
    assert len(staff_mails) > 100
    assert any("@brandco." in s["value"] for s in staff_mails)
    assert any(rows[i][9] and rows[i][9] in t for i, t in enumerate(result.texts))
    assert any(rows[i][10] and rows[i][10][0] in t for i, t in enumerate(result.texts))


def test_same_seed_same_output_other_seed_other_output() -> None:
    a, b, c = render(11), render(11), render(12)
    assert a.texts == b.texts
    assert a.labels.equals(b.labels) and a.pii_spans.equals(b.pii_spans)
    assert a.texts != c.texts


def test_state_of_rng_is_what_matters() -> None:
    rng = np.random.default_rng(3)
    first = render_notes(customers(), rng)
    second = render_notes(customers(), rng)
    assert first.texts != second.texts


def test_no_keyword_gives_the_sentiment_away(big) -> None:
    _, result = big
    by_row = spans_by_row(result)
    labels = result.labels.to_pylist()
    docs: dict[str, dict[str, list[set[str]]]] = {}
    for i, text in enumerate(result.texts):
        words = set(re.findall(r"\w+", masked_body(text, by_row.get(i, [])).lower()))
        lab = labels[i]
        docs.setdefault(lab["language"], {}).setdefault(lab["sentiment"], []).append(words)
    for lang, groups in docs.items():
        assert set(groups) == set(SENTIMENTS), lang
        for sentiment, notes in groups.items():
            others = [w for s, ns in groups.items() if s != sentiment for w in ns]
            assert len(notes) >= 40 and len(others) >= 40, (lang, sentiment)
            inside = Counter(w for words in notes for w in words)
            outside = Counter(w for words in others for w in words)
            for word, count in inside.items():
                share_in, share_out = count / len(notes), outside[word] / len(others)
                assert not (share_in > 0.6 and share_out < 0.05), (lang, sentiment, word)


def test_sentiment_follows_lifecycle_stage(big) -> None:
    rows, result = big
    stage = [r[7] for r in rows]
    sentiment = result.labels.column("sentiment").to_pylist()

    def share(stages: set[str], value: str) -> float:
        picked = [s for st, s in zip(stage, sentiment, strict=True) if st in stages]
        return picked.count(value) / len(picked)

    assert share({"at_risk", "churned"}, "negative") > share({"active"}, "negative") + 0.2
    assert share({"active"}, "positive") > share({"at_risk", "churned"}, "positive") + 0.2
    topics = Counter(zip(stage, result.labels.column("topic").to_pylist(), strict=True))
    assert topics[("churned", "cancellation_risk")] > topics[("lead", "cancellation_risk")]


def test_the_four_languages_are_really_different(big) -> None:
    rows, result = big
    by_row = spans_by_row(result)
    words = [
        re.findall(r"\w+", masked_body(t, by_row.get(i, [])).lower())
        for i, t in enumerate(result.texts)
    ]
    langs = [r[1] for r in rows]
    vocab = {
        lang: {w for ws, la in zip(words, langs, strict=True) if la == lang for w in ws}
        for lang in FUNCTION_WORDS
    }
    clear = 0
    for ws, own in zip(words, langs, strict=True):
        score = {lang: sum(w in fw for w in ws) for lang, fw in FUNCTION_WORDS.items()}
        assert all(score[own] >= v for v in score.values()), (own, ws)
        clear += all(score[own] > v for lang, v in score.items() if lang != own)
        others = set().union(*(v for lang, v in vocab.items() if lang != own))
        assert len(set(ws) - others) >= 3, (own, ws)
    assert clear >= 0.97 * len(words)
    for a in vocab:
        for b in vocab:
            if a < b:
                assert len(vocab[a] & vocab[b]) / len(vocab[a] | vocab[b]) < 0.1, (a, b)


def test_missing_contact_fields_and_unknown_values() -> None:
    # fmt: off
    rows: list[tuple] = [
        ("C1", "fr", "Marie", "Curie", None, "06 00 00 00 01", "FR", "active", "2025-01-01",
         None, None),
        ("C2", "de", "Max", "Planck", "max@planck.de", None, "DE", "mystery", "2025-01-01",
         None, []),
        ("C3", "en", "Ada", "Lovelace", "ada@example.org", "020 7946 0018", "XX", "lead",
         "2025-01-01", None, []),
        *[("C4", "es", "Eva", "Gil", None, None, "ES", "lead", "2025-01-01", None, [])] * 40,
    ]
    # fmt: on
    result = render(5, rows)
    assert all(NOTE_RE.match(t) for t in result.texts)
    by_row = spans_by_row(result)
    assert any(s["pii_type"] == "PHONE" for s in by_row[0])
    assert not any(s["pii_type"] == "PHONE" for s in by_row[1])
    assert any(s["value"] == "max@planck.de" for s in by_row[1])
    assert not any(s["pii_type"] == "PHONE" for i in range(3, len(rows)) for s in by_row[i])
    with pytest.raises(ValueError, match="languages"):
        render(5, [(*rows[0][:1], "it", *rows[0][2:])])
    with pytest.raises(ValueError, match="columns"):
        render_notes(customers().drop(["phone"]), np.random.default_rng(0))


def test_banks_have_many_alternatives_per_slot() -> None:
    for lang, bank in NOTE_BANKS.items():
        for topic in NOTE_TOPICS:
            assert len(bank.context[topic].texts) >= 6, (lang, topic)
            assert bank.context[topic].pools[0] and bank.detail[topic].pools[0]
            for sentiment in SENTIMENTS:
                slot = bank.outcome[(topic, sentiment)]
                assert len(slot.texts) >= 6 and slot.pools[0], (lang, topic, sentiment)
        for sentiment in SENTIMENTS:
            assert len(bank.mood[sentiment].texts) >= 6 and len(bank.next[sentiment].texts) >= 6
        assert bank.contact.pools[0] and bank.extra.pools[0] and bank.colleague.pools[0]

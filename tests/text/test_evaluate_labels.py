"""Scores on the hand-written set (the targets of issue 6) and on a tiny hand-made workspace.

``handwritten.jsonl`` holds CRM notes written by hand for these tests, not by the generator,
so cue lists tuned to the generator's phrasing show here. Batch "first" was written before the
cue lists and used while tuning them; batch "second" was written after that tuning and scored
blind once (sentiment 45/48, topic 43/48, language 51/52), before a few generic cues were
added; batch "third" was written last and never tuned on (at the time: sentiment 26/32, topic
28/32, language 35/35 — the honest estimate on new phrasing).
"""

import json
from pathlib import Path

import pytest

from c360.text.evaluate_labels import (
    HANDWRITTEN,
    Labelled,
    TruthFileError,
    read_handwritten,
    score,
    score_handwritten,
    score_labels,
)
from c360.text.language import LANGUAGES
from c360.text.sentiment import SENTIMENTS
from c360.text.topics import TOPICS


def test_the_handwritten_set_is_big_enough_and_well_labelled() -> None:
    items = read_handwritten(HANDWRITTEN)
    for language in LANGUAGES:
        mine = [i for i in items if i.language == language]
        assert len(mine) >= 30
        assert {i.sentiment for i in mine} == set(SENTIMENTS)
        assert {i.topic for i in mine} == set(TOPICS)
    others = [i for i in items if i.language == "other"]
    assert len(others) >= 10
    assert all(i.sentiment is None and i.topic is None for i in others)
    assert len({i.text for i in items}) == len(items)


def test_targets_on_the_handwritten_set() -> None:
    result = score_handwritten(HANDWRITTEN)
    assert result["language_accuracy"] >= 0.98
    assert result["sentiment_accuracy"] >= 0.85
    assert result["topic_accuracy"] >= 0.85
    for language in LANGUAGES:
        per_language = result["by_language"][language]
        assert per_language["language_accuracy"] >= 0.98, language
        assert per_language["sentiment_accuracy"] >= 0.85, language
        assert per_language["topic_accuracy"] >= 0.85, language
    assert result["by_language"]["other"]["language_accuracy"] >= 0.9
    assert set(result["by_batch"]) == {"first", "second", "third", "fourth"}


def test_targets_on_the_batches_never_tuned_on() -> None:
    # The third and fourth batches were scored before any cue was changed for them.
    unseen = [i for i in read_handwritten(HANDWRITTEN) if i.batch in ("third", "fourth")]
    result = score(unseen)
    assert result["notes"] == 78
    assert result["sentiment_accuracy"] >= 0.85
    assert result["topic_accuracy"] >= 0.85


def test_score_counts_each_task_on_the_items_labelled_for_it() -> None:
    result = score(
        [
            Labelled("Client ravi, contrat renouvelé.", "fr", "positive", "renewal"),
            Labelled("Client furieux, colis abîmé.", "fr", "positive", "delivery_issue"),
            Labelled("Customer livid, parcel damaged.", "en", "negative", "complaint"),
            Labelled("Grazie mille per la consegna.", "other"),
        ]
    )
    assert result["notes"] == 4
    assert result["language_accuracy"] == 1.0
    assert result["sentiment_accuracy"] == pytest.approx(2 / 3)
    assert result["topic_accuracy"] == pytest.approx(2 / 3)
    assert result["by_language"]["fr"] == {
        "notes": 2,
        "language_accuracy": 1.0,
        "sentiment_accuracy": 0.5,
        "topic_accuracy": 1.0,
    }
    assert result["by_language"]["en"]["topic_accuracy"] == 0.0
    assert result["by_language"]["other"]["sentiment_accuracy"] is None


def _note(customer_id: str, headers: dict[str, str], body: str) -> str:
    lines = [f"CUSTOMER_ID: {customer_id}", "DATE: 2024-05-02"]
    lines += [f"{key}: {value}" for key, value in headers.items()]
    return "\n".join([*lines, "", "--- BEGIN NOTE ---", body, "--- END NOTE ---", ""])


def test_score_labels_reads_bodies_and_truth_not_headers(tmp_path: Path) -> None:
    folder = tmp_path / "sources" / "c360" / "text" / "customer_knowledge_notes"
    folder.mkdir(parents=True)
    # the headers lie on purpose: a scorer that read them would get every label wrong
    wrong = {"TOPIC": "onboarding", "LANGUAGE": "es", "SENTIMENT": "neutral"}
    notes = {
        "C1": ("Kunde sehr verärgert, Paket beschädigt angekommen.", "de", "negative",
               "delivery_issue"),
        "C2": ("Renewal signed for two years, customer delighted.", "en", "positive", "renewal"),
        "C3": ("Demande de duplicata de facture, envoyé par mail.", "fr", "neutral",
               "billing_question"),
        "C4": ("Pregunta por el catálogo, muy contento con la demo.", "es", "negative",
               "product_inquiry"),
    }  # fmt: skip
    rows = []
    for customer_id, (body, language, sentiment, topic) in notes.items():
        path = folder / f"{customer_id}.txt"
        path.write_text(_note(customer_id, wrong, body), encoding="utf-8")
        rows.append([str(path.relative_to(tmp_path)), customer_id, language, topic, sentiment])
    (folder / "C5.txt").write_text("CUSTOMER_ID: C5\nDATE: 2024-05-02\nno markers\n")
    rows.append(["sources/c360/text/customer_knowledge_notes/C5.txt", "C5", "en", "renewal",
                 "neutral"])  # fmt: skip
    rows.append(["sources/c360/text/customer_knowledge_notes/C6.txt", "C6", "en", "renewal",
                 "neutral"])  # fmt: skip
    truth = tmp_path / "truth"
    truth.mkdir()
    lines = ["file,customer_id,language,topic,sentiment", *(",".join(row) for row in rows)]
    (truth / "note_labels.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = score_labels(tmp_path)

    assert result["notes"] == 4
    assert result["skipped"] == 2  # C5 has no markers, C6 has no file
    assert result["language_accuracy"] == 1.0
    assert result["topic_accuracy"] == 1.0
    assert result["sentiment_accuracy"] == 0.75  # C4's truth says negative; the note is not
    assert result["by_language"]["es"]["sentiment_accuracy"] == 0.0
    assert result["by_language"]["de"]["notes"] == 1


def test_a_bad_handwritten_line_names_its_place(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    good = json.dumps({"text": "Merci !", "language": "fr", "sentiment": "positive"})
    path.write_text(f"{good}\n\n{{'text': 'not json'}}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"set\.jsonl:3"):
        read_handwritten(path)
    path.write_text(good + "\n", encoding="utf-8")
    assert score_handwritten(path)["notes"] == 1
    assert "by_batch" not in score_handwritten(path)


HEADER = "file,customer_id,language,topic,sentiment\n"
ROW = "sources/c360/text/customer_knowledge_notes/C1.txt,C1,en,renewal,positive\n"


def _labels(tmp_path: Path, content: bytes) -> Path:
    (tmp_path / "truth").mkdir()
    (tmp_path / "truth" / "note_labels.csv").write_bytes(content)
    return tmp_path / "truth" / "note_labels.csv"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", " is empty: its first line names no column"),
        (b"file,customer_id,language,topic\n", ": no column 'sentiment' "
         "(columns: file, customer_id, language, topic)"),
        ((HEADER + ROW + ROW[:-12]).encode(), ":3: 4 values where the header names 5 (cut short?)"),
        ((HEADER + ROW + ROW + '"C2.txt","C2","en","renewal","posi').encode(),
         ":4: not CSV (unexpected end of data; cut short?)"),
        ((HEADER + ROW).encode() + b"C2.txt,C2,en,renewal,n\xe9gatif\n",
         ":3: not UTF-8 text (invalid continuation byte)"),
        ((HEADER + "\n" + ROW.replace("positive", "neutre")).encode(),
         ":3: sentiment 'neutre' is not one of: positive, neutral, negative"),
        ((HEADER + ROW.replace(",en,", ",english,")).encode(),
         ":2: language 'english' is not one of: fr, en, de, es, other"),
        ((HEADER + ROW.replace("renewal", "")).encode(), ":2: topic '' is not one of: "
         "cancellation_risk, complaint, renewal, onboarding, feature_request, delivery_issue, "
         "billing_question, support_issue, pricing_negotiation, product_inquiry"),
    ],
    ids=["empty", "missing-column", "short-line", "open-quote", "not-utf8", "unknown-sentiment",
         "unknown-language", "blank-topic"],
)  # fmt: skip
def test_a_damaged_label_file_is_one_line_naming_it(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = _labels(tmp_path, content)
    with pytest.raises(TruthFileError) as caught:
        score_labels(tmp_path)
    assert str(caught.value) == f"{path}{problem}"


def test_a_missing_label_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(TruthFileError) as caught:
        score_labels(tmp_path)
    assert str(caught.value) == f"no such file: {tmp_path / 'truth' / 'note_labels.csv'}"


def test_a_label_file_with_a_byte_order_mark_and_crlf_reads(tmp_path: Path) -> None:
    _labels(tmp_path, b"\xef\xbb\xbf" + (HEADER + ROW).replace("\n", "\r\n").encode())
    assert score_labels(tmp_path) == score([]) | {"skipped": 1}  # C1.txt is not there


def test_a_handwritten_label_that_is_not_known_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    good = {"text": "Merci !", "language": "fr", "sentiment": "positive", "topic": "renewal"}
    rows = [good, good | {"topic": "thanks"}]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        read_handwritten(path)
    assert str(caught.value).startswith(f"{path}:2: topic 'thanks' is not one of: ")
    path.write_text(json.dumps({"text": "Grazie", "language": "it"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"set\.jsonl:1: language 'it' is not one of: "):
        read_handwritten(path)


def test_a_handwritten_note_without_a_language_is_not_a_labelled_note(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps({"text": "Merci !", "sentiment": "positive"}) + "\n", "utf-8")
    with pytest.raises(ValueError, match=r"set\.jsonl:1: not a labelled note \('language'\)"):
        read_handwritten(path)

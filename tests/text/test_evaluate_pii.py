"""score_pii on a hand-made workspace (two notes, a truth file with one miss and one extra), and
count_note on literal spans: a span partly redacted is found but not whole, and leaks."""

import csv
from pathlib import Path

import pytest

from c360.text.evaluate_labels import TruthFileError
from c360.text.evaluate_pii import (
    NOTES_DIR,
    TRUTH_FILE,
    count_note,
    predict_note,
    readable,
    score_pii,
)
from c360.text.redact import Span

NOTES = {
    "CUST_000001.txt": (
        "CUSTOMER_ID: CUST_000001\nLANGUAGE: en\n\n--- BEGIN NOTE ---\n"
        "Call with Liam Lewis, liam@example.com.\nOrder ORD-12345 shipped.\n--- END NOTE ---\n"
    ),
    "CUST_000002.txt": (
        "CUSTOMER_ID: CUST_000002\nLANGUAGE: fr\n\n--- BEGIN NOTE ---\n"
        "Rappeler bob au 06 12 34 56 78.\n--- END NOTE ---\n"
    ),
}
# Planted: a name, an e-mail, and a lower-case "bob" no detector is expected to find. The phone
# of the second note is left out of the truth, so predicting it counts against precision.
TRUTH = [
    ("CUST_000001.txt", "Liam Lewis", "PERSON"),
    ("CUST_000001.txt", "liam@example.com", "EMAIL"),
    ("CUST_000002.txt", "bob", "PERSON"),
]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    notes = tmp_path / NOTES_DIR
    notes.mkdir(parents=True)
    for name, text in NOTES.items():
        (notes / name).write_text(text, encoding="utf-8")
    (tmp_path / TRUTH_FILE).parent.mkdir()
    with (tmp_path / TRUTH_FILE).open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC)
        writer.writerow(["file", "start", "end", "pii_type", "value"])
        for name, value, kind in TRUTH:
            start = NOTES[name].index(value)
            writer.writerow([(NOTES_DIR / name).as_posix(), start, start + len(value), kind, value])
    return tmp_path


def test_predictions_are_offsets_into_the_whole_file() -> None:
    text = NOTES["CUST_000001.txt"]
    spans = predict_note(text)
    assert [(s.kind, text[s.start : s.end]) for s in spans] == [
        ("PERSON", "Liam Lewis"),
        ("EMAIL", "liam@example.com"),
    ]


def test_scores_per_kind_and_overall(workspace: Path) -> None:
    scores = score_pii(workspace)
    kinds = scores["kinds"]
    assert scores["documents"] == 2
    assert kinds["EMAIL"] == {
        "true": 1, "found": 1, "whole": 1, "chars_left": 0, "predicted": 1, "correct": 1,
        "recall": 1.0, "whole_recall": 1.0, "precision": 1.0,
    }  # fmt: skip
    assert kinds["PERSON"] == {
        "true": 2, "found": 1, "whole": 1, "chars_left": 3, "predicted": 1, "correct": 1,
        "recall": 0.5, "whole_recall": 0.5, "precision": 1.0,
    }  # fmt: skip
    assert kinds["PHONE"] == {
        "true": 0, "found": 0, "whole": 0, "chars_left": 0, "predicted": 1, "correct": 0,
        "recall": None, "whole_recall": None, "precision": 0.0,
    }  # fmt: skip
    assert kinds["IBAN"]["recall"] is None and kinds["IBAN"]["whole_recall"] is None
    assert scores["overall"] == {
        "true": 3, "found": 2, "whole": 2, "chars_left": 3, "predicted": 3, "correct": 2,
        "recall": 2 / 3, "whole_recall": 2 / 3, "precision": 2 / 3,
    }  # fmt: skip
    counts = [v for c in [*kinds.values(), scores["overall"]] for v in c.values()]
    assert not any(isinstance(v, bool) for v in counts)  # numbers in the JSON, not true/false


def test_a_span_of_another_kind_does_not_count(workspace: Path) -> None:
    truth = workspace / TRUTH_FILE
    rows = truth.read_text(encoding="utf-8").replace('"EMAIL"', '"PHONE"')
    truth.write_text(rows, encoding="utf-8")
    kinds = score_pii(workspace)["kinds"]
    assert kinds["EMAIL"]["precision"] == 0.0
    assert kinds["PHONE"]["recall"] == 0.0


TEXT = "Call Pierre Le Goff, pierre.legoff@example.fr, +33 6 12 34 56 78."


def span(value: str, kind: str) -> Span:
    start = TEXT.index(value)
    return Span(start, start + len(value), kind)


def test_readable_counts_letters_and_digits_no_redaction_hides() -> None:
    name = span("Pierre Le Goff", "PERSON")
    assert readable(TEXT, name, []) == 12
    assert readable(TEXT, name, [span("Pierre", "PERSON")]) == 6  # "Le Goff" stays
    # the space between two redactions gives nothing away
    assert readable(TEXT, name, [span("Pierre", "PERSON"), span("Le Goff", "PERSON")]) == 0
    # hidden is hidden, whatever the label
    assert readable(TEXT, name, [span("Pierre Le Goff", "ADDRESS")]) == 0


def test_a_span_of_punctuation_alone_counts_its_characters() -> None:
    assert readable("a -- b", Span(2, 4, "PERSON"), []) == 2


def test_a_partly_redacted_span_is_found_but_not_whole() -> None:
    expected = [
        span("Pierre Le Goff", "PERSON"),
        span("pierre.legoff@example.fr", "EMAIL"),
        span("+33 6 12 34 56 78", "PHONE"),
    ]
    predicted = [
        span("Pierre", "PERSON"),  # "Le Goff" readable
        span("legoff@example.fr", "EMAIL"),  # "pierre." readable
        span("33 6 12 34 56 78", "PHONE"),  # only the "+" is left: whole
    ]
    counts = count_note(TEXT, expected, predicted)
    assert {kind: (c["found"], c["whole"], c["chars_left"]) for kind, c in counts.items()} == {
        "PERSON": (1, 0, 6),
        "EMAIL": (1, 0, 6),
        "PHONE": (1, 1, 0),
    }


def _truth_lines(workspace: Path) -> list[str]:
    return (workspace / TRUTH_FILE).read_text(encoding="utf-8").splitlines(keepends=True)


def _damage(workspace: Path, edit: str) -> None:
    """One edit of the truth file's lines: header, third line and last line as written."""
    lines = _truth_lines(workspace)
    edits = {
        "empty": [],
        "missing-column": [line.replace(',"pii_type"', "").replace(',"EMAIL"', "")
                           .replace(',"PERSON"', "") for line in lines],
        "cut-last-line": [*lines[:-1], ",".join(lines[-1].split(",")[:2])],
        "open-quote": [*lines[:-1], lines[-1][:-4]],
        "unknown-kind": [*lines[:2], lines[2].replace('"EMAIL"', '"COURRIEL"'), *lines[3:]],
        "not-a-number": [*lines[:2], ",ten,".join(lines[2].split(",", 2)[::2]), *lines[3:]],
        "backwards": [*lines[:2], '"{}",30,20,"EMAIL","x"\n'.format((NOTES_DIR /
                      "CUST_000001.txt").as_posix()), *lines[3:]],
        "past-the-end": [*lines[:2], '"{}",150,9999,"EMAIL","x"\n'.format((NOTES_DIR /
                         "CUST_000001.txt").as_posix()), *lines[3:]],
    }  # fmt: skip
    (workspace / TRUTH_FILE).write_bytes("".join(edits[edit]).encode("utf-8"))


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        ("empty", " is empty: its first line names no column"),
        ("missing-column", ": no column 'pii_type' (columns: file, start, end, value)"),
        ("cut-last-line", ":4: 2 values where the header names 5 (cut short?)"),
        ("open-quote", ":4: not CSV (unexpected end of data; cut short?)"),
        ("unknown-kind", ":3: pii_type 'COURRIEL' is not one of: EMAIL, IBAN, CARD, PHONE, "
         "ADDRESS, PERSON"),
        ("not-a-number", ":3: not a span: start 'ten', end '"),
        ("backwards", ":3: not a span: start '30', end '20' (whole numbers, start before end)"),
        ("past-the-end", ":3: span 150-9999 runs past the end of "
         f"{(NOTES_DIR / 'CUST_000001.txt').as_posix()} ({len(NOTES['CUST_000001.txt'])} "
         "characters)"),
    ],
)  # fmt: skip
def test_a_damaged_truth_file_is_one_line_naming_it(
    workspace: Path, edit: str, problem: str
) -> None:
    _damage(workspace, edit)
    with pytest.raises(TruthFileError) as caught:
        score_pii(workspace)
    assert str(caught.value).startswith(f"{workspace / TRUTH_FILE}{problem}")


def test_a_truth_file_that_is_not_utf8_names_its_line(workspace: Path) -> None:
    truth = workspace / TRUTH_FILE
    truth.write_bytes(truth.read_bytes().replace(b'"Liam Lewis"', b'"Li\xe0m Lewis"'))
    with pytest.raises(TruthFileError) as caught:
        score_pii(workspace)
    assert str(caught.value) == f"{truth}:2: not UTF-8 text (invalid continuation byte)"


def test_spans_of_a_note_not_in_the_folder_are_counted_as_skipped(workspace: Path) -> None:
    truth = workspace / TRUTH_FILE
    with truth.open("a", encoding="utf-8") as f:
        f.write(f'"{(NOTES_DIR / "CUST_000404.txt").as_posix()}",0,4,"PERSON","Jane"\n')
        f.write('"elsewhere/CUST_000001.txt",0,4,"PERSON","Jane"\n')
    scores = score_pii(workspace)
    assert scores["spans_skipped"] == 2
    assert scores["overall"]["true"] == 3  # as before: the two spans are not scored
    _damage(workspace, "empty")
    truth.write_text("file,start,end,pii_type,value\n", encoding="utf-8")
    assert score_pii(workspace)["spans_skipped"] == 0

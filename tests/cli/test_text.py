"""``c360 text analyze`` and ``c360 text evaluate``."""

from __future__ import annotations

import json
import os
import threading
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import c360
from c360.cli import app, main
from c360.cli.text import print_scores
from c360.text.evaluate_labels import HANDWRITTEN

runner = CliRunner()
LINES = (
    "Call Liam Lewis on +44 7852 666237 or liam@example.com about the $1,200 quote.\n"
    "\n"
    "Rappeler Mme Dupont au 06 12 34 56 78, elle conteste la facture de 380 €.\n"
)


def test_analyze_reads_one_document_a_line_from_stdin() -> None:
    result = runner.invoke(app, ["text", "analyze", "-"], input=LINES)
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.output.splitlines()]
    assert [d["source"] for d in docs] == ["-:1", "-:3"]
    assert [d["language"] for d in docs] == ["en", "fr"]
    for clear in ("Liam", "Lewis", "7852", "liam@example.com", "Dupont", "06 12 34 56 78"):
        assert clear not in result.output
    assert {"kind": "amount", "text": "$1,200", "ref": "1200.00 USD"} in docs[0]["entities"]
    assert docs[1]["pii_counts"]["PHONE"] == 1
    assert {"sentiment", "topic", "summary", "redacted_text"} <= set(docs[0])


def test_analyze_whole_files(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(LINES, encoding="utf-8")
    result = runner.invoke(app, ["text", "analyze", "--whole-file", str(note), str(note)])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.output.splitlines()]
    assert [d["source"] for d in docs] == [str(note), str(note)]
    assert docs[0]["redacted_text"].count("[PHONE]") == 2


def test_analyze_a_missing_file_or_a_folder_is_one_line_before_any_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "note.txt"
    note.write_text(LINES, encoding="utf-8")
    assert main(["text", "analyze", str(note), str(tmp_path / "nope.txt")]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"error: no such file: {tmp_path / 'nope.txt'}\n"
    assert captured.out == ""  # the first file was not analysed before the mistake was seen
    assert main(["text", "analyze", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path} is a folder, not a file: give a text file, or - for stdin\n"
    )


def test_analyze_a_file_that_is_not_utf8_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Rappeler Mme Dupont, facture de 380 \u20ac\n".encode("cp1252"))
    assert main(["text", "analyze", str(latin)]) == 2
    assert capsys.readouterr().err == (
        f"error: cannot read {latin}: not UTF-8 text (invalid start byte): {CONVERT}\n"
    )


CONVERT = (
    "c360 reads UTF-8 text (or UTF-16 or UTF-32 with a byte order mark); if the file is written "
    "in another encoding, convert it to UTF-8, e.g. iconv -f cp1252 -t utf-8 (Windows-1252)"
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_analyze_reads_a_file_with_a_byte_order_mark_as_its_encoding(
    tmp_path: Path, encoding: str
) -> None:
    """Notepad's "Unicode" is UTF-16 with a mark: read as the pipeline's bronze reads it."""
    note = tmp_path / "note.txt"
    mark = {"utf-16-be": "\ufeff"}.get(encoding, "")  # Python's utf-16-be writes none itself
    note.write_bytes((mark + "Rappeler Mme Dupont au 06 12 34 56 78\nMerci\n").encode(encoding))
    result = runner.invoke(app, ["text", "analyze", str(note)])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.output.splitlines()]
    assert [d["source"] for d in docs] == [f"{note}:1", f"{note}:2"]
    assert docs[0]["redacted_text"].startswith("Rappeler Mme [PERSON] au [PHONE]")
    assert docs[0]["language"] == "fr"


def test_analyze_a_utf16_file_cut_short_names_its_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes("Merci\n".encode("utf-16") + b"M")
    assert main(["text", "analyze", str(note)]) == 2
    assert (
        capsys.readouterr().err == f"error: cannot read {note}: not UTF-16 text (truncated data)\n"
    )


def test_analyze_reads_a_pipe_once(tmp_path: Path) -> None:
    """A pipe (/dev/stdin, <(...)) gives its bytes once: looking for a mark must not use them up."""
    fifo = tmp_path / "notes.fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(
        target=lambda: fifo.write_text("Call Liam Lewis on +44 7852 666237\n")
    )
    writer.start()
    result = runner.invoke(app, ["text", "analyze", str(fifo)])
    writer.join()
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["redacted_text"] for line in result.output.splitlines()] == [
        "Call [PERSON] on [PHONE]"
    ]


def test_analyze_a_utf32_file_broken_names_its_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes("Merci\n".encode("utf-32") + b"\xff\xff\xff\xff")
    assert main(["text", "analyze", str(note)]) == 2
    assert capsys.readouterr().err.startswith(f"error: cannot read {note}: not UTF-32 text (")


def test_evaluate_with_a_handwritten_set_that_is_not_there_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo in --handwritten is the user's, not 'the set ships with the repository'."""
    typo = tmp_path / "hand.jsonl"
    assert main(["text", "evaluate", "-w", str(tmp_path), "--handwritten", str(typo)]) == 2
    assert capsys.readouterr().err == f"error: no such file: {typo}\n"


def test_evaluate_with_a_handwritten_set_that_is_not_utf8_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin = tmp_path / "hand.jsonl"
    latin.write_bytes('{"text": "Facture de 380 \u20ac"}\n'.encode("cp1252"))
    assert main(["text", "evaluate", "-w", str(tmp_path), "--handwritten", str(latin)]) == 2
    assert capsys.readouterr().err == (
        f"error: cannot read {latin}: not UTF-8 text (invalid start byte): {CONVERT}\n"
    )


@pytest.mark.parametrize(
    ("line", "said"),
    [('{"foo": 1}', 'no "text": each line needs "text" and "language"'),
     ('{"text": "hello"}', 'no "language": each line needs "text" and "language"'),
     ('{"text": 42, "language": "en"}', '"text" is a number, not text'),
     ('{"text": "hello", "language": null}', '"language" is null, not text'),
     ('["hello", "en"]', "a JSON array, not an object of labels"),
     ('"hello"', "a JSON string, not an object of labels"),
     ('{"text": "hello", "language": "en",}', "not JSON: "),
     ("text: hello", "not JSON: ")],
)  # fmt: skip
def test_evaluate_with_a_handwritten_line_that_is_no_labelled_note_says_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, said: str
) -> None:
    hand = tmp_path / "hand.jsonl"
    hand.write_text(f'{{"text": "Merci", "language": "fr"}}\n\n{line}\n', encoding="utf-8")
    assert main(["text", "evaluate", "-w", str(tmp_path), "--handwritten", str(hand)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {hand}:3: not a labelled note: {said}")
    assert err.count("\n") == 1


def test_evaluate_with_a_handwritten_label_it_does_not_know_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hand = tmp_path / "hand.jsonl"
    hand.write_text('{"text": "Merci", "language": "fr", "sentiment": "happy"}\n')
    assert main(["text", "evaluate", "-w", str(tmp_path), "--handwritten", str(hand)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {hand}:1: sentiment 'happy' is not one of")


def test_evaluate_without_a_corpus_scores_the_shipped_set_and_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["text", "evaluate", "-w", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) == {"handwritten"} and scores["handwritten"]["notes"] >= 300
    shown = runner.invoke(app, ["text", "evaluate", "-w", str(tmp_path)])
    assert shown.exit_code == 0, shown.output
    assert "note: no generated corpus" in " ".join(shown.output.split())


def test_the_handwritten_set_ships_in_the_package() -> None:
    """An installed c360 evaluates too: the set is package data, not a file of the repository."""
    package = Path(c360.__file__).parent
    data = tomllib.loads((package.parents[1] / "pyproject.toml").read_text())
    shipped = data["tool"]["setuptools"]["package-data"]["c360"]
    assert any(HANDWRITTEN.match(f"{package}/{pattern}") for pattern in shipped)
    assert HANDWRITTEN.is_file()


def test_evaluate_prints_every_score(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    assert main(["generate", "--workspace", str(workspace), "--scale", "0.01"]) == 0
    result = runner.invoke(app, ["text", "evaluate", "-w", str(workspace), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) == {"pii", "labels", "handwritten"}
    assert scores["pii"]["documents"] == 200
    for figures in [*scores["pii"]["kinds"].values(), scores["pii"]["overall"]]:
        assert {"recall", "whole_recall", "chars_left"} <= set(figures)
    shown = runner.invoke(app, ["text", "evaluate", "-w", str(workspace)])
    assert shown.exit_code == 0, shown.output
    assert "pii" in shown.output and "handwritten" in shown.output
    assert "whole recall" in shown.output and "chars left" in shown.output


def test_a_breakdown_of_nothing_prints_no_table(capsys: pytest.CaptureFixture[str]) -> None:
    print_scores("B-cubed", {"by_source": {}, "by_kind": {"email": {"recall": 0.5}}})
    out = capsys.readouterr().out
    assert "B-cubed by kind" in out and "50.0%" in out
    assert out.count("B-") == 1  # no second table, not even its title


def test_a_wide_table_in_a_file_keeps_every_figure_whole(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ten columns of six-character figures do not fit Rich's 80 columns: cut to "23,6…" they
    would read as figures."""
    row = {
        "true": 23648, "found": 23648, "whole": 23600, "chars_left": 134, "predicted": 23648,
        "correct": 23648, "recall": 1.0, "whole_recall": 0.998, "precision": 1.0,
    }  # fmt: skip
    print_scores("pii", {"kinds": {"ADDRESS": row, "PERSON": row}})
    out = capsys.readouterr().out
    assert "…" not in out
    assert out.count("23,648") == 8 and out.count("99.8%") == 2 and "ADDRESS" in out


@pytest.mark.parametrize("language", ["FR", "Fr", "fr"])
def test_analyze_takes_a_language_in_any_case(tmp_path: Path, language: str) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Call Liam Lewis about the quote.\n", encoding="utf-8")
    result = runner.invoke(app, ["text", "analyze", "-l", language, str(note)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["language"] == "fr"


@pytest.mark.parametrize("language", ["xx", "other", "", "EN-GB"])
def test_analyze_refuses_a_language_it_does_not_know(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    note = tmp_path / "note.txt"
    note.write_text(LINES, encoding="utf-8")
    assert main(["text", "analyze", "-l", language, str(note)]) == 2
    err = capsys.readouterr().err
    assert err == f"error: --language must be one of: fr, en, de, es (got {language!r})\n"


@pytest.mark.parametrize("command", ["analyze", "evaluate"])
def test_a_workspace_that_does_not_exist_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    note = tmp_path / "note.txt"
    note.write_text(LINES, encoding="utf-8")
    missing = tmp_path / "nope"
    files = [str(note)] if command == "analyze" else []
    assert main(["text", command, "-w", str(missing), *files]) == 2
    assert capsys.readouterr().err == (
        f"error: no workspace at {missing} (c360 generate or c360 demo makes one)\n"
    )
    assert main(["text", command, "-w", str(note), *files]) == 2
    assert capsys.readouterr().err == f"error: {note} is a file, not a workspace folder\n"


@pytest.mark.parametrize(
    ("truth", "content", "problem"),
    [
        ("note_labels.csv", b"file,customer_id,language,topic\nC1.txt,C1,en,renewal\n",
         ": no column 'sentiment' (columns: file, customer_id, language, topic)"),
        ("note_labels.csv", b"file,customer_id,language,topic,sentiment\nC1.txt,C1,\xe9n,a,b\n",
         ":2: not UTF-8 text (invalid continuation byte)"),
        ("pii_spans.csv", b"", " is empty: its first line names no column"),
        ("pii_spans.csv", b"file,start,end,value\n", ": no column 'pii_type' "
         "(columns: file, start, end, value)"),
    ],
)  # fmt: skip
def test_evaluate_with_a_damaged_truth_file_is_one_line_naming_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    truth: str,
    content: bytes,
    problem: str,
) -> None:
    (tmp_path / "truth").mkdir()
    (tmp_path / "truth" / "pii_spans.csv").write_text("file,start,end,pii_type,value\n")
    (tmp_path / "truth" / "note_labels.csv").write_text(
        "file,customer_id,language,topic,sentiment\n"
    )
    (tmp_path / "truth" / truth).write_bytes(content)
    assert main(["text", "evaluate", "-w", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'truth' / truth}{problem}\n"


def test_evaluate_without_the_label_file_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "truth").mkdir()
    (tmp_path / "truth" / "pii_spans.csv").write_text("file,start,end,pii_type,value\n")
    assert main(["text", "evaluate", "-w", str(tmp_path)]) == 2
    labels = tmp_path / "truth" / "note_labels.csv"
    assert capsys.readouterr().err == f"error: no such file: {labels}\n"

"""Long documents on one line (a pasted thread, a log dump): work linear in the length, PII all
redacted. Work is counted in steps (lines of `c360.text` run, characters searched, match
attempts), never timed."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import c360.text
from c360.text import language, lexicon, names_cues, parse, pii_address, summary
from c360.text.analyze import analyze
from c360.text.evaluate_labels import HANDWRITTEN
from c360.text.parse import parse_email
from c360.text.pii_address import find_addresses
from c360.text.redact import find_pii

NOTES = [
    json.loads(line)["text"].replace("\n", " ") for line in HANDWRITTEN.read_text().splitlines()
]


def one_line(count: int) -> str:
    """``count`` hand-written notes on one line, every third with a contact e-mail and phone."""
    parts = []
    for i in range(count):
        parts.append(NOTES[i % len(NOTES)])
        if i % 3 == 0:
            parts.append(f"Tél. +33 6 12 34 {i % 90 + 10} 78 ou claire.martin{i}@example.com.")
    return " ".join(parts)


def steps(run: Callable[[], object]) -> int:
    """Lines of `c360.text` that ``run()`` executes: a measure of work that, unlike time, is
    exact."""
    folder = str(Path(c360.text.__file__).parent)
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += event == "line"
        return local

    def enter(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(folder) else None

    previous = sys.gettrace()  # a coverage tracer, if any, is put back
    sys.settrace(enter)
    try:
        run()
    finally:
        sys.settrace(previous)
    return count


def contacts(count: int) -> str:
    """``count`` contact lines pasted on one line: a name, an e-mail, a phone, an amount, a date."""
    return "".join(
        f"Rendez-vous avec Mme Claire Roche (claire.roche{i}@example.com, "
        f"06 12 34 56 {i % 90 + 10}) : devis à 1 299,00 € le 12 mars 2024. "
        for i in range(count)
    )


def capitalised_run(count: int) -> str:
    """One run of ``4 * count`` capitalised words, as in a list of product names."""
    return "Rendez-vous avec " + "Nordhaus Doormat Premium Kettleby " * count + "demain."


@pytest.mark.parametrize("document", [contacts, capitalised_run])
def test_analysis_work_grows_linearly_with_a_one_line_document(
    document: Callable[[int], str],
) -> None:
    # Quadratic before: each span checked against every span found (find_pii), each capitalised
    # word against every e-mail word, every entity scanned for each sentence (contacts); the
    # run walked from each of its words (capitalised_run). Linear work gives a ratio near 4.
    short, long = document(150), document(600)
    analyze(document(5))  # warm the caches (folded words, lexicons) both runs share
    assert steps(lambda: analyze(long)) < 5 * steps(lambda: analyze(short))


def test_redaction_work_grows_linearly_with_a_decomposed_document() -> None:
    # Accents typed as combining marks (NFD) are composed cluster by cluster before the finders
    # run, and found spans mapped back by binary search: no pass over the text per span.
    def document(count: int) -> str:
        return unicodedata.normalize("NFD", contacts(count))

    find_pii(document(5))
    assert steps(lambda: find_pii(document(600))) < 5 * steps(lambda: find_pii(document(150)))


def test_a_line_is_searched_for_product_words_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Before, the whole line was lower-cased and searched again for each cued unknown word.
    searched: list[int] = []
    pattern = names_cues.NOT_PERSON_CONTEXT

    class Counting:
        def search(self, text: str) -> re.Match[str] | None:
            searched.append(len(text))
            return pattern.search(text)

    monkeypatch.setattr(names_cues, "NOT_PERSON_CONTEXT", Counting())
    text = "Appel de Zorglub, à rappeler. " * 300
    find_pii(text, "fr")
    assert 0 < sum(searched) <= len(text)


@pytest.mark.parametrize("pattern", [lexicon._ADDRESS, language._ADDRESS], ids=["lexicon", "lang"])
def test_e_mails_are_matched_from_a_word_start_only(pattern: re.Pattern[str]) -> None:
    # From inside a word, "\S+@" read the rest of the word again: quadratic in a long word
    # without "@" (a base64 blob).
    text = "Mail ab@cd.fr, QUJDRA== or [PHONE]."
    assert [i for i in range(len(text)) if pattern.match(text, i)] == [5, 27]
    assert pattern.sub(" ", text) == "Mail   QUJDRA== or  ."


def test_sentence_ends_are_matched_from_the_first_mark_only() -> None:
    # From each mark of a run ("!!!!…") not followed by a space, the run was read again.
    text = "Wow!!! Next?! ok"
    assert [i for i in range(len(text)) if summary._BOUNDARY.match(text, i)] == [3, 11]
    assert summary.sentences("Approx. 3 units!!!!! Ok. Fine") == [(0, 20), (21, 24), (25, 29)]


def test_a_german_street_word_is_tried_once_per_word(monkeypatch: pytest.MonkeyPatch) -> None:
    # `finditer` tried each capital of "A-B-C-…" and read the rest of the word from each.
    tried: list[int] = []

    class Counting:
        def match(self, text: str, pos: int) -> re.Match[str] | None:
            tried.append(pos)
            return re.compile(pii_address._DE).match(text, pos)

    monkeypatch.setattr(pii_address, "_GERMAN", Counting())
    text = "A-" * 2000 + "B during Hauptstraße 5, 10115 Berlin"
    assert list(find_addresses(text)) == [(len(text) - 27, len(text))]
    assert len(tried) == 2


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["A", "Ä", "b", "-", " ", ",", "straße", "str.", "weg", "Weg", "5", "12", "a",
             "10115", "Berlin", "Ring"]
        ),
        max_size=16,
    ).map("".join)
)  # fmt: skip
def test_german_matches_are_those_of_finditer(text: str) -> None:
    expected = [m.span() for m in re.compile(pii_address._DE).finditer(text)]
    assert [m.span() for m in pii_address._german_matches(text)] == expected


def test_a_header_value_is_stripped_without_a_lazy_scan() -> None:
    # A lazy "(.*?)\s*$" read each run of spaces in a header again from each of its characters.
    assert "*?" not in parse._HEADER.pattern
    subject = "Spring" + " " * 5000 + "sale"
    email = (
        f"ASSET_ID: A1\nCAMPAIGN_ID: C1\nDATE: 2024-02-17 14:00:00\nSUBJECT: {subject} \t \n"
        "--- BEGIN EMAIL ---\nHello\n--- END EMAIL ---\n"
    )
    parsed = parse_email(email)
    assert not isinstance(parsed, parse.Rejected)
    assert parsed.subject == subject


def test_pii_of_a_long_one_line_document_is_all_redacted() -> None:
    planted = {
        "EMAIL": ["first.contact@example.com", "middle.contact@example.org", "last@example.fr"],
        "PHONE": ["+33 6 12 34 56 78", "+44 7852 666237", "06 14 33 29 82"],
    }
    body = one_line(2100)  # about 200 KB, no line break
    half = len(body) // 2
    middle = body.index(" ", half)
    text = (
        f"{planted['EMAIL'][0]} {planted['PHONE'][0]} {body[:middle]} {planted['EMAIL'][1]} "
        f"{planted['PHONE'][1]} {body[middle:]} {planted['EMAIL'][2]} {planted['PHONE'][2]}"
    )
    assert "\n" not in text and len(text) > 200_000
    result = analyze(text)
    redacted = result["redacted_text"]
    for clear in [*planted["EMAIL"], *planted["PHONE"], "claire.martin", "+33 6 12 34"]:
        assert clear not in redacted
    assert redacted.startswith("[EMAIL] [PHONE] ")
    assert redacted.endswith(" [EMAIL] [PHONE]")
    planted_in_body = body.count("@example.com")
    assert result["pii_counts"]["EMAIL"] == planted_in_body + 3
    assert result["pii_counts"]["PHONE"] >= planted_in_body + 3

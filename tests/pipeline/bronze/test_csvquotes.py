"""Following a CSV's quotes as the reader takes them: text after a closing quote, found
whatever the blocks the file is looked at in."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from c360.pipeline.bronze import csvquotes
from c360.pipeline.bronze.csvquotes import (
    RecordTexts,
    follow_file,
    records_with_text_after_quotes,
    toggles,
)

TEXT = (
    b'\xef\xbb\xbf"id";"note"\r\n'  # a byte order mark before the header's first quote
    b'1;"Ann" x\r\n'  # text after the closing quote
    b"\r\n"  # an empty line: no record
    b'2;5" screen\r\n'  # a quote inside a value not in quotes: a character
    b'3;"say ""hi"""\r\n'  # doubled quotes in quotes, closed before the line break
    b'4;"a;\r\nb""";c\r\n'  # a delimiter and a line break in quotes, then a delimiter
    b'5;"x"y"z\r\n'  # text after the closing quote, quotes in it
    b' \r\n'  # a line of a space: a record
    b'7;""""x'  # an empty quote doubled, closed, then text, at the file's end
)  # fmt: skip
FOUND = {1: b'1;"Ann" x', 5: b'5;"x"y"z', 7: b'7;""""x'}


@pytest.mark.parametrize("size", [1, 2, 3, 5, 8, 1 << 24])
def test_records_with_text_after_a_closing_quote_are_found_by_number(
    tmp_path: Path, size: int
) -> None:
    path = tmp_path / "notes.csv"
    path.write_bytes(TEXT)
    found = records_with_text_after_quotes(path, ";", 3, size)
    assert {number: TEXT[begin:end] for number, (begin, end) in found.items()} == FOUND
    inside, first = follow_file(path, ";", 3, size)
    assert (inside, first) == (False, TEXT.index(b'" x'))


@pytest.mark.parametrize("size", [1, 2, 3, 1 << 24])
def test_a_file_of_well_quoted_values_has_none(tmp_path: Path, size: int) -> None:
    path = tmp_path / "notes.csv"
    path.write_bytes(b'"id","note"\n"1","a ""b"", c"\n2,5" screen\n"3",""\n"4","open')
    assert records_with_text_after_quotes(path, ",", 0, size) == {}
    assert follow_file(path, ",", 0, size) == (True, None)  # it ends inside "open


@pytest.mark.parametrize("size", [1, 2, 3, 5, 8, 1 << 24])
def test_records_are_found_by_number_as_written(tmp_path: Path, size: int) -> None:
    """Quotes, delimiters and line breaks in quotes kept, the line break after left out;
    asked in any order, a record before those looked at last is found again."""
    path = tmp_path / "notes.csv"
    path.write_bytes(TEXT + b'\r\n8;"cut\r\nshort\r\n')
    texts = RecordTexts(path, ";", start=3, size=size)
    assert texts.find([4, 1]) == {1: b'1;"Ann" x', 4: b'4;"a;\r\nb""";c'}
    assert texts.find([0, 6, 9]) == {0: b'"id";"note"', 6: b" "}
    assert texts.find([8, 7]) == {7: b'7;""""x', 8: b'8;"cut\r\nshort\r\n'}
    assert texts.find([2]) == {2: b'2;5" screen'}


@pytest.mark.parametrize("size", [2, 5, 8])
def test_a_file_is_followed_a_block_at_a_time_not_whole(
    tmp_path: Path, size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only ``size`` bytes or so are looked at a time (more only to keep a run of quotes or a
    \\r\\n whole: TEXT's longest is 4), even where records hold text after a closing quote."""
    seen: list[int] = []

    def looked_at(chars: np.ndarray, *args: object) -> tuple[np.ndarray, bool]:
        seen.append(len(chars))
        return toggles(chars, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(csvquotes, "toggles", looked_at)
    path = tmp_path / "notes.csv"
    path.write_bytes(TEXT)
    found = records_with_text_after_quotes(path, ";", 3, size)
    assert {number: TEXT[begin:end] for number, (begin, end) in found.items()} == FOUND
    assert seen and max(seen) <= size + 4

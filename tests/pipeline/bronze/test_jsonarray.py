"""A JSON array file with a broken element: the element is quarantined with its text and a
reason, the elements around it land, and a file that cannot be split stays one line."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from c360.contracts.model import Column, Table
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.land import land

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
ARRAY = Table("docs", "x", "", (Column("id", "string"), Column("n", "int")),
              path="sources/docs.json", file_format="json")  # fmt: skip
CUT = "the file ends inside this record: cut short?"
NOT_CLOSED = "the file ends before the array's closing ']': cut short?"
AFTER = "text after the array's closing ']'"


def land_text(
    workspace: Path, text: bytes
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """(number, id, n) of the landed rows and (number, raw, reason) of the quarantined ones,
    after checking that the source's records add up."""
    path = workspace / ARRAY.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text)
    result = land(workspace, ARRAY, path, "b1", WHEN)
    rows = lake.read_table(workspace, "bronze", "docs").to_pylist()
    bad = lake.read_table(workspace, "quarantine", "bronze_docs").to_pylist()
    assert (result.landed, result.quarantined) == (len(rows), len(bad))
    return (
        [(r["_row_number"], r["id"], r["n"]) for r in rows],
        [(r["_row_number"], r["raw"], r["reason"]) for r in bad],
    )


A, C = (1, "a", "1"), (3, "c", "3")


@pytest.mark.parametrize(
    ("text", "raw", "reason"),
    [
        # one object per line, the second cut short and the next written after it
        (b'[\n{"id": "a", "n": 1},\n{"id": "b", "n\n{"id": "c", "n": 3}\n]\n',
         '{"id": "b", "n', "not JSON: Unterminated string starting at character 13"),
        # a minified array, one object missing a comma between its keys
        (b'[{"id":"a","n":1},{"id":"b" "n":2},{"id":"c","n":3}]',
         '{"id":"b" "n":2}', "not JSON: Expecting ',' delimiter at character 11"),
        # a stray token between two elements
        (b'[{"id": "a", "n": 1}, oops, {"id": "c", "n": 3}]',
         "oops", "not JSON: Expecting value at character 1"),
        # a byte that is not UTF-8 inside one object: its text shows it as \xe9
        (b'[\n{"id": "a", "n": 1},\n{"id": "b\xe9", "n": 2},\n{"id": "c", "n": 3}\n]',
         '{"id": "b\\xe9", "n": 2}', "not UTF-8 text"),
        # a bad byte where a value belongs, not inside a string
        (b'[{"id": "a", "n": 1},\r\n{"id": "b", "n": \xff},\r\n{"id": "c", "n": 3}]\r\n',
         '{"id": "b", "n": \\xff}', "not UTF-8 text"),
        # an object's opening brace lost: the stretch up to the next element is one record
        (b'[\n{"id": "a", "n": 1},\n"id": "b", "n": 2},\n{"id": "c", "n": 3}\n]',
         '"id": "b", "n": 2}', "not JSON: Extra data at character 5"),
    ],
)  # fmt: skip
def test_a_broken_element_is_quarantined_and_its_neighbours_land(
    tmp_path: Path, text: bytes, raw: str, reason: str
) -> None:
    assert land_text(tmp_path, text) == ([A, C], [(2, raw, reason)])


def test_a_broken_element_of_a_pretty_printed_array_keeps_its_lines(tmp_path: Path) -> None:
    """``json.dumps(indent=2)``: the next element starts on a line indented as this one did."""
    text = (b'[\n  {\n    "id": "a",\n    "n": 1\n  },\n  {\n    "id": "b",\n    "n": 2,,\n'
            b'    "tags": [{"x": 1}, {"y": 2}]\n  },\n'
            b'  {\n    "id": "c",\n    "n": 3\n  }\n]\n')  # fmt: skip
    raw = '{\n    "id": "b",\n    "n": 2,,\n    "tags": [{"x": 1}, {"y": 2}]\n  }'
    reason = "not JSON: Expecting property name enclosed in double quotes at character 29"
    assert land_text(tmp_path, text) == ([A, C], [(2, raw, reason)])


def test_a_truncated_object_cut_and_joined_in_a_pretty_printed_array(tmp_path: Path) -> None:
    text = (b'[\n  {\n    "id": "a",\n    "n": 1\n  },\n  {\n    "id": "b",\n    "n\n'
            b'  {\n    "id": "c",\n    "n": 3\n  }\n]')  # fmt: skip
    landed, [(number, raw, reason)] = land_text(tmp_path, text)
    assert landed == [A, C]
    assert (number, raw) == (2, '{\n    "id": "b",\n    "n')
    assert reason.startswith("not JSON: Unterminated string")


def test_objects_missing_the_comma_between_them_land(tmp_path: Path) -> None:
    """Two whole objects one after the other: nothing is unsure, nothing is lost."""
    text = b'[{"id": "a", "n": 1}\n{"id": "b", "n": 2}\n{"id": "c", "n": 3}]'
    assert land_text(tmp_path, text) == ([A, (2, "b", "2"), C], [])


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        (b'[{"id": "a", "n": 1},\n{"id": "b", "n"', (2, '{"id": "b", "n"', CUT)),
        (b'[{"id": "a", "n": 1},\n{"id": "b", "n": [2, ', (2, '{"id": "b", "n": [2,', CUT)),
        (b'[{"id": "a", "n": 1},', (2, ",", NOT_CLOSED)),
        (b'[{"id": "a", "n": 1}\n', (2, "", NOT_CLOSED)),
        (b'[{"id": "a", "n": 1}] and more', (2, "and more", AFTER)),
        (b'[{"id": "a", "n": 1}]\n[{"id": "b"}]', (2, '[{"id": "b"}]', AFTER)),
    ],
)  # fmt: skip
def test_an_array_cut_short_or_followed_by_text_lands_its_whole_elements(
    tmp_path: Path, text: bytes, bad: tuple[object, ...]
) -> None:
    assert land_text(tmp_path, text) == ([A], [bad])


def test_commas_too_many_hold_no_record(tmp_path: Path) -> None:
    """As an empty line of JSON lines: nothing is there to land or to lose."""
    text = b'[{"id": "a", "n": 1},, {"id": "b", "n": 2},\n{"id": "c", "n": 3},]'
    assert land_text(tmp_path, text) == ([A, (2, "b", "2"), C], [])


def test_a_broken_element_among_thousands_leaves_the_others_numbered_as_written(
    tmp_path: Path,
) -> None:
    docs = [b'{"id": "%d", "n": %d}' % (i, i) for i in range(1, 3001)]
    docs[1499] = b'{"id": "1500", "n": 15\x0000}'  # a NUL byte where a digit was
    landed, bad = land_text(tmp_path, b"[\n" + b",\n".join(docs) + b"\n]\n")
    assert len(landed) == 2999 and landed[1499] == (1501, "1501", "1501")
    assert bad == [
        (1500, '{"id": "1500", "n": 15\x0000}', "not JSON: Expecting ',' delimiter at character 23")
    ]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [(b"[", "is not valid JSON: Expecting value: line 1 column 2 (char 1)"),
     (b"[\n  \n", "is not valid JSON: Expecting value: line 3 column 1 (char 5)"),
     (b'{"data": [{"id": "a"}',
      "is not valid JSON: Expecting ',' delimiter: line 1 column 22 (char 21)"),
     (b'{"id": "\xe9"}', "is not UTF-8 text: invalid continuation byte at byte 8")],
)  # fmt: skip
def test_a_file_that_cannot_be_split_into_elements_is_one_line(
    tmp_path: Path, text: bytes, wrong: str
) -> None:
    """Cut short before its first element, or no array at all."""
    path = tmp_path / ARRAY.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text)
    with pytest.raises(SourceError) as error:
        land(tmp_path, ARRAY, path, "b1", WHEN)
    assert str(error.value) == f"{path} {wrong}"


B, D, E = (2, "b", "2"), (4, "d", "4"), (5, "e", "5")
COMMA = "not JSON: Expecting ',' delimiter at character 11"


@pytest.mark.parametrize(
    ("text", "raw", "reason"),
    [
        # the closing quote of a value lost
        (b'[{"id":"a","n":1},{"id":"b","n":2},{"id":"c,"n":3},{"id":"d","n":4},'
         b'{"id":"e","n":5}]', '{"id":"c,"n":3}', COMMA),
        # the closing quote of the object's last value lost
        (b'[{"id":"a","n":1},{"id":"b","n":2},{"id":"c","n":"3},{"id":"d","n":4},'
         b'{"id":"e","n":5}]', '{"id":"c","n":"3}',
         "not JSON: Unterminated string starting at character 15"),
        # the opening quote of a value lost
        (b'[{"id":"a","n":1},{"id":"b","n":2},{"id":c","n":3},{"id":"d","n":4},'
         b'{"id":"e","n":5}]', '{"id":c","n":3}', "not JSON: Expecting value at character 7"),
        # the opening quote of a key lost
        (b'[{"id":"a","n":1},{"id":"b","n":2},{id":"c","n":3},{"id":"d","n":4},'
         b'{"id":"e","n":5}]', '{id":"c","n":3}',
         "not JSON: Expecting property name enclosed in double quotes at character 2"),
        # the closing quote of a key lost
        (b'[{"id":"a","n":1},{"id":"b","n":2},{"id":"c","n:3},{"id":"d","n":4},'
         b'{"id":"e","n":5}]', '{"id":"c","n:3}',
         "not JSON: Unterminated string starting at character 11"),
    ],
)  # fmt: skip
def test_a_quote_lost_in_a_one_line_array_quarantines_that_element_alone(
    tmp_path: Path, text: bytes, raw: str, reason: str
) -> None:
    """The quotes after the lost one pair up wrongly to the line's end; the elements after
    it are found again where one ends (``},{``) and whole ones follow."""
    assert land_text(tmp_path, text) == ([A, B, D, E], [(3, raw, reason)])


def test_a_quote_lost_in_the_last_element_of_a_one_line_array(tmp_path: Path) -> None:
    text = b'[{"id":"a","n":1},{"id":"b","n":2},{"id":"c","n":3},{"id":"d","n":4},{"id":"e,"n":5}]'
    assert land_text(tmp_path, text) == ([A, B, C, D], [(5, '{"id":"e,"n":5}', COMMA)])


def test_quotes_lost_in_two_elements_of_a_one_line_array(tmp_path: Path) -> None:
    text = b'[{"id":"a","n":1},{"id":"b,"n":2},{"id":"c","n":3},{"id":"d","n:4},{"id":"e","n":5}]'
    lost = "not JSON: Unterminated string starting at character 11"
    assert land_text(tmp_path, text) == (
        [A, C, E],
        [(2, '{"id":"b,"n":2}', COMMA), (4, '{"id":"d","n:4}', lost)],
    )


def test_quotes_lost_in_two_neighbouring_elements_are_one_record(tmp_path: Path) -> None:
    """The second broken element does not read either: nothing confirms where it starts."""
    text = b'[{"id":"a","n":1},{"id":"b,"n":2},{"id":"c,"n":3},{"id":"d","n":4}]'
    assert land_text(tmp_path, text) == (
        [A, (3, "d", "4")],
        [(2, '{"id":"b,"n":2},{"id":"c,"n":3}', COMMA)],
    )


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # a value holding },{" (its quote escaped)
        (b'[{"id":"a,"n":1},{"id":"b},{\\"n\\":9}","n":2},{"id":"c","n":3}]', 'b},{"n":9}'),
        # a value ending in },{ : the text holds },{" with the string's closing quote
        (b'[{"id":"a,"n":1},{"id":"b},{","n":2},{"id":"c","n":3}]', "b},{"),
    ],
)  # fmt: skip
def test_a_whole_element_holding_a_boundary_in_a_string_is_not_split(
    tmp_path: Path, text: bytes, second: str
) -> None:
    assert land_text(tmp_path, text) == (
        [(2, second, "2"), C],
        [(1, '{"id":"a,"n":1}', COMMA)],
    )


def test_objects_nested_in_a_broken_element_are_not_taken_for_elements(tmp_path: Path) -> None:
    """``{"x":2}`` parses, but the array it is in closes before the file's: it is inside."""
    text = b'[{"id":"a","n":1},{"id":"b,"n":2,"t":[{"x":1},{"x":2},{"x":3}]},{"id":"c","n":3}]'
    raw = '{"id":"b,"n":2,"t":[{"x":1},{"x":2},{"x":3}]}'
    assert land_text(tmp_path, text) == ([A, C], [(2, raw, COMMA)])


def test_a_quote_lost_in_an_array_of_an_object_per_line(tmp_path: Path) -> None:
    """The comma after the broken element separates it from the next: it is not its text."""
    text = b'[\n{"id":"a","n":1},\n{"id":"b,"n":2},\n{"id":"c","n":3}\n]\n'
    assert land_text(tmp_path, text) == ([A, C], [(2, '{"id":"b,"n":2}', COMMA)])


def test_a_quote_lost_among_thousands_on_one_line_loses_one_record(tmp_path: Path) -> None:
    docs = [b'{"id":"%d","n":%d}' % (i, i) for i in range(1, 3001)]
    docs[1499] = b'{"id":"1500,"n":1500}'
    landed, bad = land_text(tmp_path, b"[" + b",".join(docs) + b"]")
    assert len(landed) == 2999 and landed[1499] == (1501, "1501", "1501")
    reason = "not JSON: Expecting ',' delimiter at character 14"
    assert bad == [(1500, '{"id":"1500,"n":1500}', reason)]

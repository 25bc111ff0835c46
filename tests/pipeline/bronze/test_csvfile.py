"""CSV files as exporters write them: records with or without a trailing delimiter, words
for missing values, a quote never closed, a byte order mark."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest

from c360.contracts.model import Column, Table
from c360.file_dialects import CsvFile
from c360.pipeline import lake
from c360.pipeline.bronze import csvfile
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.land import land

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
PEOPLE = Table("people", "x", "", (Column("id", "string"), Column("age", "int")),
               path="sources/people.csv", file_format="csv")  # fmt: skip


def write(workspace: Path, data: bytes) -> Path:
    path = workspace / PEOPLE.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def landed(workspace: Path) -> list[tuple[object, ...]]:
    rows = lake.read_table(workspace, "bronze", "people").to_pylist()
    return [(r["_row_number"], r["id"], r["age"], r["_extra"]) for r in rows]


def quarantined(workspace: Path) -> list[tuple[object, ...]]:
    rows = lake.read_table(workspace, "quarantine", "bronze_people").to_pylist()
    return [(r["_row_number"], r["raw"], r["reason"]) for r in rows]


def test_records_without_the_trailing_delimiter_of_the_others_land_too(tmp_path: Path) -> None:
    """Records of the header's fields, or of one more (the trailing delimiter), are whole;
    any other count is malformed, the reason counting the header's fields."""
    text = b'id,age\r\nA,1,\r\nB,2\r\nC,3,x\r\nD\r\nE,5,6,\r\n"F\r\nf",6\r\nG,,\r\n'
    result = land(tmp_path, PEOPLE, write(tmp_path, text), "b1", WHEN, drift="evolve")
    assert landed(tmp_path) == [
        (1, "A", "1", None), (2, "B", "2", None), (3, "C", "3", '{"unnamed column 3": "x"}'),
        (6, "F\r\nf", "6", None), (7, "G", None, None),
    ]  # fmt: skip
    assert quarantined(tmp_path) == [
        (4, "D", "expected 2 fields, found 1"), (5, "E,5,6,", "expected 2 fields, found 4")
    ]  # fmt: skip
    assert (result.records, result.landed, result.quarantined) == (7, 5, 2)


def test_a_record_ending_with_a_stray_delimiter_lands_when_its_extra_field_is_empty(
    tmp_path: Path,
) -> None:
    text = b'id,age\nA,1\nB,2,\nC,3,x\nD,4,""\nE,5\n'
    result = land(tmp_path, PEOPLE, write(tmp_path, text), "b1", WHEN)
    assert landed(tmp_path) == [
        (1, "A", "1", None), (2, "B", "2", None), (4, "D", "4", None), (5, "E", "5", None)
    ]  # fmt: skip
    assert quarantined(tmp_path) == [(3, "C,3,x", "expected 2 fields, found 3")]
    assert (result.records, result.landed, result.quarantined, result.added_columns) == (
        5, 4, 1, []
    )  # fmt: skip


def test_records_lacking_the_delimiter_the_header_ends_with_land_whole(tmp_path: Path) -> None:
    """A spreadsheet's header ending with a delimiter (an empty unnamed column), over records
    that end so, lack it, or hold an empty field more: each is whole."""
    text = b"id;age;\r\nA;1;\r\nB;2\r\nC\r\nD;4;x\r\nE;5;;\r\nF;6;;y\r\n"
    path = write(tmp_path, text)
    result = land(
        tmp_path, PEOPLE, path, "b1", WHEN, dialect=CsvFile(delimiter=";"), drift="evolve"
    )
    assert landed(tmp_path) == [
        (1, "A", "1", None), (2, "B", "2", None), (4, "D", "4", '{"unnamed column 3": "x"}'),
        (5, "E", "5", None),
    ]  # fmt: skip
    assert quarantined(tmp_path) == [
        (3, "C", "expected 3 fields, found 1"), (6, "F;6;;y", "expected 3 fields, found 4")
    ]  # fmt: skip
    assert (result.records, result.landed, result.quarantined) == (6, 4, 2)
    assert result.added_columns == ["unnamed column 3"]  # a value under no name is drift


@pytest.mark.parametrize("first", ["A;1;", "A;1;;", "A;1"])
def test_a_header_ending_with_a_delimiter_lands_the_same_whatever_the_first_record(
    tmp_path: Path, first: str
) -> None:
    """Its first record ending with one delimiter more than the header (or lacking the one it
    ends with) says nothing of the others: records of the header's fields, one less or one
    more (empty) are whole in each case."""
    text = f"id;age;\r\n{first}\r\nB;2\r\nC\r\nD;4;x\r\nE;5;;\r\nG;7;\r\n"
    path = write(tmp_path, text.encode())
    result = land(
        tmp_path, PEOPLE, path, "b1", WHEN, dialect=CsvFile(delimiter=";"), drift="evolve"
    )
    assert landed(tmp_path) == [
        (1, "A", "1", None), (2, "B", "2", None), (4, "D", "4", '{"unnamed column 3": "x"}'),
        (5, "E", "5", None), (6, "G", "7", None),
    ]  # fmt: skip
    assert quarantined(tmp_path) == [(3, "C", "expected 3 fields, found 1")]
    assert (result.records, result.landed, result.quarantined) == (6, 5, 1)


@pytest.mark.parametrize("first", ["A,1,", "A,1"])
def test_mixed_trailing_delimiters_keep_file_order_and_numbers_across_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: str
) -> None:
    monkeypatch.setattr(csvfile, "CSV_BLOCK_BYTES", 24)  # Arrow parses a block ahead of the rows
    records = [first, "B,2", "C,3,", "D,4", "\r", "E,5,", "BAD", "F,6", "G,7,", "H,8,", "I,9"]
    text = "id,age\n" + "\n".join(records) + "\n"
    result = land(tmp_path, PEOPLE, write(tmp_path, text.encode()), "b1", WHEN)
    assert [(number, name) for number, name, *_ in landed(tmp_path)] == [
        (1, "A"), (2, "B"), (3, "C"), (4, "D"), (5, "E"), (7, "F"), (8, "G"), (9, "H"), (10, "I")
    ]  # fmt: skip
    assert quarantined(tmp_path) == [(6, "BAD", "expected 2 fields, found 1")]
    assert (result.records, result.landed, result.quarantined) == (10, 9, 1)


def test_words_exports_write_for_a_missing_value_land_as_written(tmp_path: Path) -> None:
    """Bronze keeps the raw text (NA is Namibia); only an empty value is missing. Silver
    decides which words mean missing."""
    text = b'id,age\nNA,NULL\nnan,N/A\n"",\n#N/A,null\n'
    land(tmp_path, PEOPLE, write(tmp_path, text), "b1", WHEN)
    assert landed(tmp_path) == [
        (1, "NA", "NULL", None), (2, "nan", "N/A", None), (3, None, None, None),
        (4, "#N/A", "null", None),
    ]  # fmt: skip


@pytest.mark.parametrize(("end", "first"), [("\n", "A,1"), ("\r\n", "A,1"), ("\n", "A,1,")])
def test_a_quote_never_closed_is_quarantined_even_before_a_last_line_break(
    tmp_path: Path, end: str, first: str
) -> None:
    """A stray opening quote would otherwise swallow the rest of the file into one value
    (in a file of trailing delimiters too, the record then lacking one)."""
    text = f'id,age{end}{first}{end}B,"2{end}C,3{end}D,4{end}'
    result = land(tmp_path, PEOPLE, write(tmp_path, text.encode()), "b1", WHEN)
    assert landed(tmp_path) == [(1, "A", "1", None)]
    cut = "the file ends inside this record's quoted value: cut short?"
    assert quarantined(tmp_path) == [(2, f'B,"2{end}C,3{end}D,4{end}', cut)]  # as written
    assert (result.records, result.landed, result.quarantined) == (2, 1, 1)


def test_a_utf8_file_with_a_byte_order_mark_lands_as_utf8_whatever_the_project_says(
    tmp_path: Path,
) -> None:
    """Excel's "CSV UTF-8" starts with a byte order mark, among extracts the project file
    says are Windows-1252: read as that, every accent would land garbled."""
    path = write(tmp_path, "\ufeffid;age\nÉlodie;1\n".encode())
    result = land(
        tmp_path, PEOPLE, path, "b1", WHEN, dialect=CsvFile(delimiter=";", encoding="cp1252")
    )
    assert landed(tmp_path) == [(1, "Élodie", "1", None)]
    assert (result.added_columns, result.missing_columns) == ([], [])
    write(tmp_path, "id;age\nÉlodie;1\n".encode("cp1252"))  # without the mark: as configured
    land(tmp_path, PEOPLE, path, "b1", WHEN, dialect=CsvFile(delimiter=";", encoding="cp1252"))
    assert landed(tmp_path) == [(1, "Élodie", "1", None)]


SEP_LINE = "Excel's sep= line naming the delimiter, not a record"
BLANK_LINE = "a line without values before the header"


@pytest.mark.parametrize(
    ("text", "configured"),
    [("sep=;\r\nid;age\r\nA;1\r\nB;2\r\n", ","), ("\ufeffsep=,\nid,age\nA,1\nB,2", ";"),
     ("sep=\t\nid\tage\nA\t1\nB\t2\n", "\t"), ("\n\nsep=|\nid|age\n\nA|1\nB|2\n", ",")],
)  # fmt: skip
def test_excels_sep_line_is_set_aside_and_its_delimiter_read_with(
    tmp_path: Path, text: str, configured: str
) -> None:
    """Excel reads a first line ``sep=;`` as the file's delimiter: the file says how it is
    written, whatever the project file says. The line is no record; records are numbered from
    the header on, as in a file without it, the line itself as record 0."""
    path = write(tmp_path, text.encode())
    result = land(tmp_path, PEOPLE, path, "b1", WHEN, dialect=CsvFile(delimiter=configured))
    assert landed(tmp_path) == [(1, "A", "1", None), (2, "B", "2", None)]
    sep = text.removeprefix("\ufeff").lstrip("\n").splitlines()[0]
    assert quarantined(tmp_path) == [(0, sep, SEP_LINE)]
    assert (result.records, result.landed, result.quarantined) == (3, 2, 1)


def test_a_sep_line_the_header_belies_says_so(tmp_path: Path) -> None:
    """The project file cannot overrule the line: the message says to mend the line."""
    path = write(tmp_path, b"sep=;\nid,age\nA,1\n")
    with pytest.raises(
        SourceError,
        match=r"people.csv: the header is separated by commas, not semicolons \(as its line "
        r"sep=; says: correct or delete that line\)$",
    ):
        land(tmp_path, PEOPLE, path, "b1", WHEN)


@pytest.mark.parametrize(
    ("text", "records", "rejects"),
    [("sep=;\nid;age\n", 1, 1), ("sep=;\nid;age", 1, 1), ("sep=;\n", 0, 0), ("sep=;", 0, 0),
     ("  \n\t\n", 1, 1)],
)  # fmt: skip
def test_a_file_of_a_sep_line_or_blank_lines_and_at_most_a_header_has_no_records(
    tmp_path: Path, text: str, records: int, rejects: int
) -> None:
    """Without a header (an extract of a day without data) its first line stands for it."""
    result = land(tmp_path, PEOPLE, write(tmp_path, text.encode()), "b1", WHEN)
    assert (result.records, result.landed, result.quarantined) == (records, 0, rejects)
    assert result.missing_columns == []


def test_blank_lines_before_the_header_are_set_aside(tmp_path: Path) -> None:
    """Lines of spaces (or of delimiters: a spreadsheet's empty rows) above the header would
    otherwise be read as the header, and every record as malformed."""
    text = b"   \r\n\r\n \t \r\n,,\r\nid,age\r\nA,1\r\n   \r\nB,2\r\n"
    result = land(tmp_path, PEOPLE, write(tmp_path, text), "b1", WHEN)
    assert landed(tmp_path) == [(1, "A", "1", None), (3, "B", "2", None)]
    assert quarantined(tmp_path) == [
        (0, "   ", BLANK_LINE), (0, " \t ", BLANK_LINE), (0, ",,", BLANK_LINE),
        (2, "   ", "expected 2 fields, found 1"),
    ]  # fmt: skip
    assert (result.records, result.landed, result.quarantined) == (6, 2, 4)
    result = land(
        tmp_path, PEOPLE, write(tmp_path, b"\xef\xbb\xbf\r\nid,age\r\nA,1\r\n"), "b1", WHEN
    )
    assert landed(tmp_path) == [(1, "A", "1", None)]
    assert quarantined(tmp_path) == [(0, "", BLANK_LINE)]  # a byte order mark alone
    assert (result.records, result.landed, result.quarantined) == (2, 1, 1)


@pytest.mark.parametrize("end", ["", "\n"])
def test_a_header_longer_than_the_first_bytes_read_without_records_lands_none(
    tmp_path: Path, end: str
) -> None:
    """A spreadsheet's header padded with thousands of delimiters, without its line break:
    no records, as any header alone."""
    text = "id,age" + "," * 6000 + end
    result = land(tmp_path, PEOPLE, write(tmp_path, text.encode()), "b1", WHEN)
    assert (result.records, result.landed, result.quarantined) == (0, 0, 0)
    assert (result.added_columns, result.missing_columns) == ([], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"id,age\nA,1\nB,2,x\nC\nD,4\n", [(2, "expected 2 fields, found 3"),
                                          (3, "expected 2 fields, found 1")]),
        (b"id,age\nA,1\nid,age\nB,\xff\nC\nD,4,x\nE,5\n",
         [(2, "record repeats the header"), (3, "not UTF-8 text"),
          (4, "expected 2 fields, found 1"), (5, "expected 2 fields, found 3")]),
        (b"id,age\nA,1\nB,2,x\nC\xff\nD,4\nE\n", [(2, "expected 2 fields, found 3"),
                                                   (3, "expected 2 fields, found 1"),
                                                   (5, "expected 2 fields, found 1")]),
    ],
)  # fmt: skip
@pytest.mark.parametrize("block", [1 << 24, 16])
def test_rejects_of_every_kind_are_quarantined_in_file_order(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    text: bytes,
    expected: list[tuple[int, str]],
    block: int,
) -> None:
    """Records of a field too many are found when they join the others, malformed ones as
    Arrow meets them, text that is not UTF-8 or a repeated header after parsing: the
    quarantine still lists them in file order."""
    monkeypatch.setattr(csvfile, "CSV_BLOCK_BYTES", block)
    result = land(tmp_path, PEOPLE, write(tmp_path, text), "b1", WHEN)
    assert [(number, reason) for number, _, reason in quarantined(tmp_path)] == expected
    assert result.records == result.landed + len(expected)


AFTER_QUOTE = "text after a value's closing quote"


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"\r"])
def test_a_record_with_text_after_a_closing_quote_is_quarantined_as_written(
    tmp_path: Path, ending: bytes
) -> None:
    """A reader joins the text to the value ("Ann x", "Bo"): the file says neither. A quote
    inside a value not in quotes is a character (an inch mark), and a doubled one in quotes a
    quote; blank lines and a value over two lines do not shift the record numbers."""
    lines = [b"id,age", b'"Ann" x,1', b"", b'5" screen,2', b'"Bo" ,3', b'"say ""hi""",4',
             b'"two', b'lines"x,5', b'"C",6']  # fmt: skip
    result = land(tmp_path, PEOPLE, write(tmp_path, ending.join(lines) + ending), "b1", WHEN)
    assert [row[:3] for row in landed(tmp_path)] == [
        (2, '5" screen', "2"), (4, 'say "hi"', "4"), (6, "C", "6")
    ]  # fmt: skip
    assert quarantined(tmp_path) == [
        (1, '"Ann" x,1', AFTER_QUOTE),
        (3, '"Bo" ,3', AFTER_QUOTE),
        (5, f'"two{ending.decode()}lines"x,5', AFTER_QUOTE),
    ]
    assert (result.records, result.landed, result.quarantined) == (6, 3, 3)


def test_a_header_with_text_after_a_closing_quote_is_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, b'"id"x,age\nA,1\n')
    with pytest.raises(SourceError) as error:
        land(tmp_path, PEOPLE, path, "b1", WHEN)
    assert str(error.value) == (
        f'{path}: the header has text after a closing quote ("id"x,age): put the whole name '
        "in quotes, its own quotes doubled"
    )


NOT_UTF8 = "not UTF-8 text"
REPEATED = "record repeats the header"


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
@pytest.mark.parametrize("block", [1 << 24, 16])
def test_quarantined_records_keep_their_text_as_written_quotes_and_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ending: str, block: int
) -> None:
    """Not UTF-8, a repeated header: the raw text is the record's line(s), not its fields
    joined again (which would lose the quotes and the line breaks inside them)."""
    monkeypatch.setattr(csvfile, "CSV_BLOCK_BYTES", block)
    lines = ['"id","age"', '"A, a",1', '"id","age"', "", '"B\xff, b","2"', '"C\r\nc",3',
             '"D ""d""",\xfe4', "E,5"]  # fmt: skip
    text = ending.join(lines).encode("latin-1") + ending.encode()
    result = land(tmp_path, PEOPLE, write(tmp_path, text), "b1", WHEN)
    assert [row[:3] for row in landed(tmp_path)] == [
        (1, "A, a", "1"), (4, "C\r\nc", "3"), (6, "E", "5")
    ]  # fmt: skip
    assert quarantined(tmp_path) == [
        (2, '"id","age"', REPEATED),
        (3, '"B\\xff, b","2"', NOT_UTF8),
        (5, '"D ""d""",\\xfe4', NOT_UTF8),
    ]
    assert (result.records, result.landed, result.quarantined) == (6, 3, 3)


def test_a_malformed_record_read_again_escaped_keeps_the_others_text_as_written(
    tmp_path: Path,
) -> None:
    """A record of a field too many that is not UTF-8 makes the file be read twice."""
    text = b'id,age\n"A",1\n"B, \xe9",2\n"C",3,"\xe9"\n"D\nd",\xff\n'
    land(tmp_path, PEOPLE, write(tmp_path, text), "b1", WHEN)
    assert quarantined(tmp_path) == [
        (2, '"B, \\xe9",2', NOT_UTF8),
        (3, '"C",3,"\\xe9"', "expected 2 fields, found 3"),
        (4, '"D\nd",\\xff', NOT_UTF8),
    ]


def test_a_record_not_in_the_files_encoding_keeps_its_text_as_written(tmp_path: Path) -> None:
    text = 'id;age\n"Élodie; é";1\n"B";"\x81"\n'.encode("latin-1")
    dialect = CsvFile(delimiter=";", encoding="cp1252")
    land(tmp_path, PEOPLE, write(tmp_path, text), "b1", WHEN, dialect=dialect)
    assert landed(tmp_path) == [(1, "Élodie; é", "1", None)]
    assert quarantined(tmp_path) == [(2, '"B";"\\x81"', "not cp1252 text")]


def test_a_repeated_header_after_a_record_not_utf8_is_the_one_set_aside(tmp_path: Path) -> None:
    """Each check looks at the rows the one before left: the header lands as no record, and
    the record after it is not taken for it."""
    text = b"id,age\nA,1\nB,\xff\nid,age\nC,3\n"
    result = land(tmp_path, PEOPLE, write(tmp_path, text), "b1", WHEN)
    assert landed(tmp_path) == [(1, "A", "1", None), (4, "C", "3", None)]
    assert quarantined(tmp_path) == [(2, "B,\\xff", NOT_UTF8), (3, "id,age", REPEATED)]
    assert (result.records, result.landed, result.quarantined) == (4, 2, 2)


def _gzipped(data: bytes) -> bytes:
    return gzip.compress(data, mtime=1_700_000_000)


def _everything(workspace: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The bronze and quarantine rows, all but the source file, which names the file read."""
    rows = lake.read_table(workspace, "bronze", "people").drop_columns(["_source_file"])
    rejects = lake.read_table(workspace, "quarantine", "bronze_people")
    return rows.to_pylist(), rejects.drop_columns(["_source_file"]).to_pylist()


@pytest.mark.parametrize(
    ("text", "dialect"),
    [
        # malformed records, a line break in quotes, text after a quote, a repeated header,
        # a quote never closed at the end
        (b'id,age\r\nA,1\r\nB\r\n"C\r\nc",3\r\nD,4,x\r\n"E" e,5\r\nid,age\r\nF,"6', CsvFile()),
        # a byte order mark and Excel's sep= line, a record not UTF-8, a stray byte order mark
        (b"\xef\xbb\xbfsep=;\r\n\r\nid;age\r\nA;1\r\nM\xfcller;2\r\n;\r\nB;3", CsvFile()),
        # the encoding and delimiter of c360.yaml, a trailing delimiter, a byte not cp1252
        (b"id|age|\nM\xfcller|1|\nB||\nC|\x81|\n", CsvFile(delimiter="|", encoding="cp1252")),
        # read twice: a malformed record that is not UTF-8
        (b'id,age\n"A",1\n"B, \xe9",2\n"C",3,"\xe9"\n"D\nd",\xff\n', CsvFile()),
        (b"id,age", CsvFile()),  # a header alone, no line break after it
        (b"\r\n\r\n", CsvFile()),  # not even a header
        (b" , \nid,age\nA,1\n", CsvFile()),  # a line without values before the header
    ],
)
def test_a_gzip_compressed_csv_lands_as_the_same_file_uncompressed(
    tmp_path: Path, text: bytes, dialect: CsvFile
) -> None:
    """Daily extracts often come as ``.csv.gz``: the same rows, record numbers, rejects and
    reasons as the file uncompressed, the source file naming the ``.csv.gz``."""
    plain, packed = tmp_path / "plain", tmp_path / "packed"
    source = write(plain, text)
    expected = land(plain, PEOPLE, source, "b1", WHEN, drift="evolve", dialect=dialect)
    path = packed / "sources" / "people.csv.gz"
    path.parent.mkdir(parents=True)
    path.write_bytes(_gzipped(text))
    result = land(packed, PEOPLE, path, "b1", WHEN, drift="evolve", dialect=dialect)
    assert _everything(packed) == _everything(plain)
    assert (result.records, result.landed, result.quarantined) == (
        expected.records, expected.landed, expected.quarantined
    )  # fmt: skip
    warnings = [warning.replace(str(source), str(path)) for warning in expected.warnings]
    assert (result.added_columns, result.missing_columns, result.warnings) == (
        expected.added_columns, expected.missing_columns, warnings
    )  # fmt: skip
    files = lake.read_table(packed, "bronze", "people").column("_source_file").to_pylist()
    rejected = lake.read_table(packed, "quarantine", "bronze_people").column("_source_file")
    assert set(files) | set(rejected.to_pylist()) <= {"sources/people.csv.gz"}


def test_a_gzip_compressed_csv_stops_the_run_as_the_file_uncompressed_would(
    tmp_path: Path,
) -> None:
    """Its header separated by semicolons: the same line, naming the ``.csv.gz``."""
    path = tmp_path / "sources" / "people.csv.gz"
    path.parent.mkdir(parents=True)
    path.write_bytes(_gzipped(b"id;age\nA;1\n"))
    with pytest.raises(SourceError) as caught:
        land(tmp_path, PEOPLE, path, "b1", WHEN)
    assert str(caught.value) == (
        f"{path}: the header is separated by semicolons, not commas (set the file's delimiter "
        "under csv: people: in c360.yaml)"
    )


def test_a_file_named_csv_gz_that_is_not_compressed_lands_as_written(tmp_path: Path) -> None:
    """A download tool may decompress a ``.csv.gz`` and keep its name, as for JSON."""
    path = tmp_path / "sources" / "people.csv.gz"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"id,age\nA,1\nB\n")
    result = land(tmp_path, PEOPLE, path, "b1", WHEN)
    assert landed(tmp_path) == [(1, "A", "1", None)]
    assert quarantined(tmp_path) == [(2, "B", "expected 2 fields, found 1")]
    assert (result.records, result.landed, result.quarantined) == (2, 1, 1)

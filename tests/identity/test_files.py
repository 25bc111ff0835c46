"""Reading a people or transactions file: each way a path can be wrong is named in one line."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from c360.identity import files
from c360.identity.files import UnreadableFileError, read_rows

ASK = "give a CSV, JSON lines or Parquet file"


def _error(path: Path) -> str:
    with pytest.raises(UnreadableFileError) as raised:
        read_rows(path)
    return str(raised.value)


def test_a_folder_is_named_as_a_folder(tmp_path: Path) -> None:
    assert _error(tmp_path) == f"{tmp_path} is a folder, not a file: {ASK}"


def test_a_missing_file(tmp_path: Path) -> None:
    assert _error(tmp_path / "people.csv") == f"no such file: {tmp_path / 'people.csv'}"


def test_a_device_is_not_a_regular_file() -> None:
    assert _error(Path("/dev/null")) == f"/dev/null is not a regular file: {ASK}"


@pytest.mark.parametrize("name", ["people.csv", "people.parquet"])
def test_an_empty_file(tmp_path: Path, name: str) -> None:
    empty = tmp_path / name
    empty.write_bytes(b"")
    assert _error(empty) == f"{empty} is empty (0 bytes): {ASK}"


def test_a_csv_of_blank_lines_names_no_column(tmp_path: Path) -> None:
    blank = tmp_path / "people.csv"
    blank.write_text("\n\n", encoding="utf-8")
    assert _error(blank) == f"{blank} is empty: its first line names no column"


@pytest.mark.parametrize("text", ["\nid,email\n1,a@x.fr\n", " \r\nid;email\r\n"])
def test_a_csv_whose_first_line_is_blank_is_not_called_empty(tmp_path: Path, text: str) -> None:
    """The rows are there: the column names are not where a CSV reader looks for them."""
    people = tmp_path / "people.csv"
    people.write_text(text, encoding="utf-8")
    assert _error(people) == (
        f"{people}: its first line is blank, where the column names belong (remove it)"
    )


def test_a_parquet_name_on_text_says_why_in_one_line(tmp_path: Path) -> None:
    fake = tmp_path / "people.parquet"
    fake.write_text("id,name\n1,Ann\n", encoding="utf-8")
    message = _error(fake)
    assert message.startswith(f"cannot read {fake}: ") and "\n" not in message


def test_a_csv_is_read_as_text(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("id;name\n007;Ann\n", encoding="utf-8")
    table, notes = read_rows(people)
    assert table.to_pylist() == [{"id": "007", "name": "Ann"}] and notes == []


@pytest.mark.parametrize("name", ["notes.csv", "notes_cp1252.csv"])
def test_a_value_longer_than_a_block_is_read(tmp_path: Path, name: str) -> None:
    """A note of 3 MB, quoted and over many lines, in a file Arrow parses a block at a time;
    with a line in Windows-1252 too, so read from its text as UTF-8."""
    note = ("word " * 60 + "\n") * 10_000  # 3 MB
    other = "Zoë".encode("cp1252") if "cp1252" in name else "Zoë".encode()
    data = b'id,note,name\n1,Ann,Lee\n2,"' + note.encode() + b'",Bob\n3,x,' + other + b"\n"
    path = tmp_path / name
    path.write_bytes(data)
    table, _ = read_rows(path)
    assert table["id"].to_pylist() == ["1", "2", "3"]
    assert table["note"].to_pylist()[1] == note
    assert table["name"].to_pylist() == ["Lee", "Bob", "Zoë"]
    uneven: list[int] = []
    table, _ = read_rows(path, uneven)
    assert table.num_rows == 3 and uneven == []


CUT_SHORT = {
    "last value": 'id,name\n1,"Ann"\n2,"Bo',
    "only value": 'id,name\n1,"Ann',
    "after a line break in it": 'id,name\n1,"Ann"\n2,"Bo\n',
    "after a doubled quote": 'id,name\n1,"say ""hi',
    "after an inch mark": 'id,name\n1,5" screen\n2,"Bo',
    "semicolons": 'id;name\n1;"Ann;Bo',
}


@pytest.mark.parametrize("text", CUT_SHORT.values(), ids=CUT_SHORT.keys())
def test_a_csv_cut_short_inside_quotes_is_refused(tmp_path: Path, text: str) -> None:
    people = tmp_path / "people.csv"
    people.write_text(text, encoding="utf-8")
    assert _error(people) == f"{people} ends inside a quoted value (cut short?)"


QUOTED = {  # every file holds an odd number of quotes, or a quote next to a line break
    "inch mark": ('id,name\n1,5" screen\n2,Bo\n', [("1", '5" screen'), ("2", "Bo")]),
    "inch mark last": ('id,name\n1,Bo\n2,5"', [("1", "Bo"), ("2", '5"')]),
    "inch marks doubled": ('id,name\n1,5""\n2,"Bo"', [("1", '5""'), ("2", "Bo")]),
    "doubled quotes": ('id,name\n1,"say ""hi"""\n', [("1", 'say "hi"')]),
    "both": ('id,name\n1,5" screen\n2,"say ""hi"""', [("1", '5" screen'), ("2", 'say "hi"')]),
    "line breaks": (
        'id,name\n1,"Ann\nSmith"\n2,"Bo\r\n"\n',
        [("1", "Ann\nSmith"), ("2", "Bo\r\n")],
    ),
    "carriage returns": ('id,name\r1,"Ann\rSmith"\r2,Bo\r', [("1", "Ann\rSmith"), ("2", "Bo")]),
    "semicolons": ('id;name\n1;"Ann;Bo"\n2;5" screen\n', [("1", "Ann;Bo"), ("2", '5" screen')]),
    "tabs": ('id\tname\n1\t"Ann\tBo"\n2\t"5"" screen"', [("1", "Ann\tBo"), ("2", '5" screen')]),
    "quoted header": ('"id","na""me"\n"1","Ann"', [("1", "Ann")]),
}


@pytest.mark.parametrize("block", [1, 2, 3, 5, 1 << 24])
@pytest.mark.parametrize(("text", "rows"), QUOTED.values(), ids=QUOTED.keys())
def test_quotes_are_read_as_the_csv_reader_reads_them(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    rows: list[tuple[str, str]],
    block: int,
) -> None:
    monkeypatch.setattr(files, "_BLOCK", block)  # quotes and line breaks on a block's edge
    people = tmp_path / "people.csv"
    people.write_bytes(text.encode("utf-8"))
    table, notes = read_rows(people)
    assert [tuple(row.values()) for row in table.to_pylist()] == rows and notes == []


def test_a_windows_1252_csv_with_quotes_is_read_with_a_note(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_bytes('id;name\n1;"Zoë ""Z"""\n2;Noël 5"\n'.encode("cp1252"))
    table, notes = read_rows(people)
    assert table.to_pylist() == [{"id": "1", "name": 'Zoë "Z"'}, {"id": "2", "name": 'Noël 5"'}]
    assert notes == [f"{people} is not UTF-8: read as cp1252"]


def test_a_windows_1252_csv_cut_short_is_refused(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_bytes('id;name\n1;"Zoë"\n2;"Noë'.encode("cp1252"))
    assert _error(people) == f"{people} ends inside a quoted value (cut short?)"


def test_each_line_is_read_as_utf8_or_else_as_windows_1252(tmp_path: Path) -> None:
    """A UTF-8 file one line of which a Windows program wrote: the other lines stay UTF-8."""
    people = tmp_path / "people.csv"
    people.write_bytes(b"id,name\n1,J\xc3\xbcrgen\n2,M\xfcller\n3,Ann\n")
    table, notes = read_rows(people)
    assert table.to_pylist() == [
        {"id": "1", "name": "Jürgen"}, {"id": "2", "name": "Müller"}, {"id": "3", "name": "Ann"}
    ]  # fmt: skip
    assert notes == [f"{people} is not all UTF-8: 1 line read as cp1252 (line 3)"]


def test_a_utf8_letter_cp1252_leaves_undefined_does_not_refuse_the_file(tmp_path: Path) -> None:
    """Á is C3 81 in UTF-8, and 0x81 is no Windows-1252 character."""
    people = tmp_path / "people.csv"
    people.write_bytes(b"id;name\n1;\xc3\x81lvaro\n2;No\xebl\n")
    table, notes = read_rows(people)
    assert table.to_pylist() == [{"id": "1", "name": "Álvaro"}, {"id": "2", "name": "Noël"}]
    assert notes == [f"{people} is not all UTF-8: 1 line read as cp1252 (line 3)"]


def test_the_note_names_the_count_and_the_first_lines_read_as_cp1252(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    lines = [b"%d,Zo\xeb" % n if n % 2 else "%d,Zoë".encode() % n for n in range(1, 1201)]
    people.write_bytes(b"\r\n".join([b"id,name", *lines]))
    table, notes = read_rows(people)
    assert set(table["name"].to_pylist()) == {"Zoë"} and table.num_rows == 1200
    assert notes == [f"{people} is not all UTF-8: 600 lines read as cp1252 (lines 2, 4, 6…)"]


@pytest.mark.parametrize("first", [b"\xc3\x81lvaro", b"Alvaro"], ids=["mixed", "cp1252"])
def test_a_byte_cp1252_leaves_undefined_is_read_as_latin_1(tmp_path: Path, first: bytes) -> None:
    people = tmp_path / "people.csv"
    people.write_bytes(b"id,name\n1," + first + b"\n2,Ren\xe9e \x81\x8d\x8f\x90\x9d\x80\n")
    table, _ = read_rows(people)
    assert table["name"].to_pylist() == [first.decode(), "Renée \x81\x8d\x8f\x90\x9d€"]


PIECES = [b"Ann", b",", b"\n", b"\r", b"\r\n",
          b"\xeb", b"\xc3", b"\xa9", b"\x81", b"\x9d", b"\xe9\x80"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_a_file_with_no_utf8_letter_is_read_at_once_as_line_by_line(pieces: list[bytes]) -> None:
    """Read at once, a Windows-1252 file gives the bytes and note the line by line reading gives."""
    data = b"".join(pieces)
    assume(b"\0" not in data and not files._has_utf8_letter(data))
    path = Path("people.csv")
    assert files._as_utf8(path, data) == files._by_line(path, data)


def test_a_byte_order_mark_is_not_read_as_letters_of_a_mixed_file(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_bytes(b"\xef\xbb\xbfid,name\n1,Zo\xeb\n")
    table, notes = read_rows(people)
    assert table.to_pylist() == [{"id": "1", "name": "Zoë"}]
    assert notes == [f"{people} is not UTF-8: read as cp1252"]


@pytest.mark.parametrize(
    ("line", "shown"),
    [(b'1,"J\xc3\xbcrgen" x', '1,"Jürgen" x'), (b'1,"M\xfcller" x', '1,"Müller" x')],
)
def test_text_after_a_quote_in_a_mixed_file_is_shown_as_its_line_was_read(
    tmp_path: Path, line: bytes, shown: str
) -> None:
    people = tmp_path / "people.csv"
    people.write_bytes(b"id,name\n" + line + b"\n2,M\xfcller\n3,J\xc3\xbcrgen\n")
    assert _error(people) == (
        f"{people}, line 2: text after a closing quote in {shown}: put the whole value in "
        "quotes, its own quotes doubled"
    )


# A real 1×1 PNG: its fifth line holds NULs among bytes no UTF-8 line holds.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8"
    "cfc0f01f00050001ff89993d1d0000000049454e44ae426082"
)
CSV = "id,name,email\n1,Zoë Keller,zoe@example.org\n2,Jürgen Groß,jg@example.de\n"
NOT_TEXT = {
    "a PNG image": (PNG, 5),
    "a gzipped CSV": (gzip.compress(CSV.encode(), mtime=1_700_000_000), 1),
    "a zip file": (b"PK\x03\x04\x14\x00[Content_Types].xml\x9d\x81\nxl/\x8d\x00\x90\n", 1),
    "a NUL in a Windows-1252 file": (b"id;name\n1;Zo\xeb\n2;Zo\xeb\x00\n", 3),
    "a NUL in a Windows-1252 line": (b"id;name\n1;J\xc3\xbcrgen\n2;Zo\xeb\x00\n3;Zo\xeb\n", 3),
}


@pytest.mark.parametrize(("data", "line"), NOT_TEXT.values(), ids=NOT_TEXT.keys())
def test_a_nul_in_a_line_that_is_not_utf8_means_the_file_is_not_text(
    tmp_path: Path, data: bytes, line: int
) -> None:
    people = tmp_path / "people.csv"
    people.write_bytes(data)
    assert _error(people) == (f"{people} is not a text file (a NUL byte on line {line}): {ASK}")


def test_a_windows_1252_export_is_still_read(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_bytes(CSV.replace(",", ";").encode("cp1252"))
    table, notes = read_rows(people)
    assert table["name"].to_pylist() == ["Zoë Keller", "Jürgen Groß"]
    assert notes == [f"{people} is not UTF-8: read as cp1252"]


def test_a_byte_order_mark_does_not_hide_a_quote(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_bytes(b'\xef\xbb\xbf"id",name\n1,"Ann')
    assert _error(people) == f"{people} ends inside a quoted value (cut short?)"


TEXT_AFTER_QUOTES = {  # a reader joins the text to the value ("Ann x"): the file says neither
    "a word": ('id,name\n1,"Ann" x\n2,Bo\n', 2, '1,"Ann" x'),
    "a quote": ('id,name\n1,Bo\n2,"Bo"b"', 3, '2,"Bo"b"'),
    "a space": ('id;name\r\n1;"Ann" \r\n2;Bo\r\n', 2, '1;"Ann" '),
    "after a doubled quote": ('id,name\n1,"say ""hi""" x\n', 2, '1,"say ""hi""" x'),
    "the header": ('"id"x,name\n1,Ann\n', 1, '"id"x,name'),
    "after a line break in quotes": ('id,name\n1,"Ann\nSmith"x\n', 3, 'Smith"x'),
}


@pytest.mark.parametrize("block", [1, 2, 3, 1 << 24])
@pytest.mark.parametrize(
    ("text", "line", "shown"), TEXT_AFTER_QUOTES.values(), ids=TEXT_AFTER_QUOTES.keys()
)
def test_text_after_a_closing_quote_is_refused_naming_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, line: int, shown: str, block: int
) -> None:
    monkeypatch.setattr(files, "_BLOCK", block)
    people = tmp_path / "people.csv"
    people.write_bytes(text.encode("utf-8"))
    assert _error(people) == (
        f"{people}, line {line}: text after a closing quote in {shown}: put the whole value "
        "in quotes, its own quotes doubled"
    )


def test_text_after_a_closing_quote_on_a_long_line_is_shown_around_the_quote(
    tmp_path: Path,
) -> None:
    people = tmp_path / "people.csv"
    people.write_text(f'id,name,note\n1,"Ann" x,{"n" * 200}\n', encoding="utf-8")
    assert _error(people) == (
        f'{people}, line 2: text after a closing quote in 1,"Ann" x,{"n" * 36}…: put the whole '
        "value in quotes, its own quotes doubled"
    )


def test_a_loop_of_links_is_named_as_such_not_as_missing(tmp_path: Path) -> None:
    loop = tmp_path / "people.csv"
    loop.symlink_to("people.csv")
    assert _error(loop) == f"cannot read {loop}: Too many levels of symbolic links"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_csv_without_a_byte_order_mark_is_named_as_such_in_one_line(
    tmp_path: Path, encoding: str
) -> None:
    """Read as UTF-8 it would be one column of spaced letters; which byte order, none says."""
    people = tmp_path / "people.csv"
    people.write_bytes("id,first,last\n1,Zoë,Roca\n".encode(encoding))
    assert _error(people) == (
        f"{people} is written in UTF-16 without a byte order mark: save it as a UTF-8 CSV"
    )


# A spreadsheet's "Unicode text": tabs, CRLF, a value over two lines in quotes, a letter
# beyond the Basic Multilingual Plane (two UTF-16 units), a row of another width.
_UNICODE_TEXT = (
    "id\tfirst\tlast\tnote\r\n"
    '1\tZoë\tNúñez\t"two\r\nlines, ""quoted"""\r\n'
    "2\tŁukasz\t𝔊ößel\t\r\n"
    "3\tAnn\r\n"
    "4\t李\t小龍\t😀\r\n"
)
_MARKED = {  # the byte order marks the spreadsheets and PowerShell write
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


@pytest.mark.parametrize("encoding", list(_MARKED))
def test_a_csv_in_utf16_or_utf32_with_a_byte_order_mark_is_read_as_in_utf8(
    tmp_path: Path, encoding: str
) -> None:
    wide, utf8 = tmp_path / "wide.csv", tmp_path / "utf8.csv"
    wide.write_bytes(_MARKED[encoding] + _UNICODE_TEXT.encode(encoding))
    utf8.write_bytes(_UNICODE_TEXT.encode("utf-8"))
    uneven: list[int] = []
    table, notes = read_rows(wide, uneven)
    expected_uneven: list[int] = []
    assert (table, notes) == read_rows(utf8, expected_uneven)
    assert uneven == expected_uneven == [3]
    assert table.to_pylist()[1] == {
        "id": "2", "first": "Łukasz", "last": "𝔊ößel", "note": None
    }  # fmt: skip
    assert table.column("note")[0].as_py() == 'two\r\nlines, "quoted"'


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-be"])
def test_text_after_a_closing_quote_in_utf16_is_named_as_in_utf8(
    tmp_path: Path, encoding: str
) -> None:
    people = tmp_path / "people.csv"
    people.write_bytes(_MARKED[encoding] + 'id,name\n1,Zoë\n2,"Noë" x\n'.encode(encoding))
    assert _error(people) == (
        f'{people}, line 3: text after a closing quote in 2,"Noë" x: put the whole value in '
        "quotes, its own quotes doubled"
    )


@pytest.mark.parametrize(
    ("name", "encoding", "tail", "said"),
    [
        ("people.csv", "utf-16-le", b"\x00\xd8a\x00", "line 3 is not UTF-16 text (\\x00\\xd8)"),
        ("people.csv", "utf-16-be", b"\x00", "line 3 is not UTF-16 text (\\x00): cut short?"),
        ("people.csv", "utf-32-le", b"\x00\x00\x11\x00", "line 3 is not UTF-32 text"),
        ("people.jsonl", "utf-16-le", b"\x00\xdc", "line 3 is not UTF-16 text (\\x00\\xdc)"),
        ("people.json", "utf-32-be", b"\x00\x00", "line 3 is not UTF-32 text (\\x00\\x00)"),
    ],
)
def test_bytes_not_of_the_marked_encoding_are_one_line(
    tmp_path: Path, name: str, encoding: str, tail: bytes, said: str
) -> None:
    people = tmp_path / name
    text = {"people.csv": "id\n1\n", "people.jsonl": '{"id": 1}\n{"id": 2}\n'}.get(
        name, '[{"id": 1},\n{"id": 2},\n'
    )
    people.write_bytes(_MARKED[encoding] + text.encode(encoding) + tail)
    assert _error(people).startswith(f"cannot read {people}: {said}")
    assert "\n" not in _error(people)


@pytest.mark.parametrize("mark", [True, False], ids=["marked", "by-its-nuls"])
@pytest.mark.parametrize("encoding", list(_MARKED))
@pytest.mark.parametrize("name", ["people.jsonl", "people.json"])
def test_json_in_utf16_or_utf32_is_read_as_in_utf8(
    tmp_path: Path, name: str, encoding: str, mark: bool
) -> None:
    """PowerShell's Out-File writes UTF-16 with a mark; JSON's first characters, ASCII, say
    which encoding holds them by their NULs when none is there."""
    text = '{"id": 1, "name": "Zoë 😀", "n": 1.50}\r\n\r\n{"id": "A2", "name": "李"}\r\n'
    if name == "people.json":
        text = '[{"id": 1, "name": "Zoë 😀", "n": 1.50},\n {"id": "A2", "name": "李"}]'
    wide, utf8 = tmp_path / name, tmp_path / f"utf8{Path(name).suffix}"
    wide.write_bytes(_MARKED[encoding] * mark + text.encode(encoding))
    utf8.write_bytes(text.encode("utf-8"))
    table, notes = read_rows(wide)
    assert (table, notes) == read_rows(utf8)
    assert table.to_pylist()[0] == {"id": "1", "name": "Zoë 😀", "n": "1.50"}


@pytest.mark.parametrize("name", ["people.jsonl", "people.ndjson", "people.json"])
def test_json_lines_are_read_as_text_as_written(tmp_path: Path, name: str) -> None:
    people = tmp_path / name
    people.write_text(
        '{"id": 1, "name": "Zoë", "amount": 12.50, "vip": true, "day": "2024-01-01T01:00+02:00"}\n'
        "\n"
        '{"id": "A2", "name": null, "amount": 1e3, "phone": "0612"}\n',
        "utf-8",
    )
    table, notes = read_rows(people)
    assert table.to_pylist() == [
        {"id": "1", "name": "Zoë", "amount": "12.50", "vip": "true",
         "day": "2024-01-01T01:00+02:00", "phone": None},
        {"id": "A2", "name": None, "amount": "1e3", "vip": None, "day": None, "phone": "0612"},
    ]  # fmt: skip
    assert notes == []


def test_a_json_array_of_objects_is_read_as_json_lines(tmp_path: Path) -> None:
    people = tmp_path / "people.json"
    people.write_text('[{"id": 1, "name": "Ann"},\n {"id": 2, "name": "Bob"}]\n', "utf-8")
    assert read_rows(people)[0].to_pylist() == [
        {"id": "1", "name": "Ann"},
        {"id": "2", "name": "Bob"},
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('{"id": 1}\n{"id": 2,\n', "line 2 is not JSON"),
        ('{"id": 1}\n[1, 2]\n', "line 2 is not a JSON object"),
        (
            '{"id": 1, "address": {"city": "Lyon"}}\n',
            "line 1: 'address' holds an object, not a value",
        ),
        ('{"id": 1, "id": 2}\n', "line 1 names 'id' twice"),
        ("\n\n", "it holds no JSON object"),
    ],
)
def test_json_that_is_not_rows_of_values_is_one_line(tmp_path: Path, text: str, said: str) -> None:
    people = tmp_path / "people.jsonl"
    people.write_text(text, "utf-8")
    assert _error(people) == f"cannot read {people}: {said}"


def test_json_not_in_utf8_is_one_line(tmp_path: Path) -> None:
    people = tmp_path / "people.jsonl"
    people.write_bytes('{"id": 1, "name": "Zoë"}\n'.encode("cp1252"))
    assert _error(people) == f"cannot read {people}: JSON in another encoding than UTF-8"


@pytest.mark.parametrize("first", ["sep=;", "SEP=;", "\ufeffsep=;"])
def test_excels_sep_line_sets_the_delimiter(tmp_path: Path, first: str) -> None:
    people = tmp_path / "people.csv"
    people.write_text(f"{first}\r\nid;name\r\n1;Ann, Lee\r\n2;Bob;x\r\n3;Zoë\r\n", "utf-8")
    uneven: list[int] = []
    table, _ = read_rows(people, uneven)
    assert table.to_pylist() == [{"id": "1", "name": "Ann, Lee"}, {"id": "3", "name": "Zoë"}]
    assert uneven == [2]  # rows counted from 1 after the header, as in any CSV


@pytest.mark.parametrize("inside", ["\u2028", "\u2029", "\x85"])
def test_a_line_break_of_unicode_inside_a_json_value_stays_in_it(
    tmp_path: Path, inside: str
) -> None:
    people = tmp_path / "people.jsonl"
    people.write_text(
        f'{{"id": 1, "note": "a{inside}b"}}\r\n{{"id": 2, "note": "c"}}\r\n', "utf-8", newline=""
    )
    assert read_rows(people)[0].to_pylist() == [
        {"id": "1", "note": f"a{inside}b"},
        {"id": "2", "note": "c"},
    ]


def test_json_lines_of_other_keys_keep_their_order_and_columns(tmp_path: Path) -> None:
    people = tmp_path / "people.jsonl"
    rows = [f'{{"id": {n}, "a": {n}}}' if n % 3 else f'{{"b": false, "id": {n}}}'
            for n in range(1, 30_001)]  # fmt: skip
    people.write_text("\n".join(rows) + "\n", "utf-8")
    table, _ = read_rows(people)
    assert table.column_names == ["id", "a", "b"]
    assert table.slice(0, 3).to_pylist() == [
        {"id": "1", "a": "1", "b": None},
        {"id": "2", "a": "2", "b": None},
        {"id": "3", "a": None, "b": "false"},
    ]
    assert table["id"].to_pylist() == [str(n) for n in range(1, 30_001)]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('{"id": 1, "n": "{"}\n' * 20_000 + '{"id": 2,\n', "line 20001 is not JSON"),
        ('{"id": 1}\n' * 20_000 + '{"id": 1},{"id": 2}\n', "line 20001 is not JSON"),
        ('{"id": 1\n"n": 2}\n', "line 1 is not JSON"),
        ('{"id": 1\n"n": 2},{"id": 3}\n', "line 1 is not JSON"),
        ('{"id": 1}\n' * 20_000 + '{"id": 1, "id": 2}\n', "line 20001 names 'id' twice"),
        ('{"id": 1}\n' * 20_000 + '"x"\n', "line 20001 is not a JSON object"),
        ('{"id": 1, "a": [{"b": 1}\n{"c": 2}]}\n{"x": 1},{"y": 2}\n', "line 1 is not JSON"),
    ],
)
def test_each_json_line_is_one_object_wherever_it_is(tmp_path: Path, text: str, said: str) -> None:
    people = tmp_path / "people.jsonl"
    people.write_text(text, "utf-8")
    assert _error(people) == f"cannot read {people}: {said}"


def test_a_nested_json_value_in_a_column_not_used_is_left_out(tmp_path: Path) -> None:
    sales = tmp_path / "sales.jsonl"
    sales.write_text(
        '{"id": 1, "amount": 12.50, "line_items": [{"sku": "A"}]}\n'
        '{"id": 2, "amount": 3, "line_items": null, "ship": {"city": "Lyon"}}\n',
        "utf-8",
    )
    table, _ = read_rows(sales, columns=("id", "amount"))
    assert table.to_pylist() == [{"id": "1", "amount": "12.50"}, {"id": "2", "amount": "3"}]
    with pytest.raises(UnreadableFileError) as raised:
        read_rows(sales, columns=("id", "ship"))
    assert str(raised.value) == (
        f"cannot read {sales}: line 2: 'ship' holds an object, not a value"
    )


def test_rows_repeating_the_header_are_found_as_bronze_finds_them() -> None:
    """Word for word, the first name perhaps behind a byte order mark (each export joined kept
    its own); a blank name matches a missing value, which is how a blank reads."""
    table = pa.table(
        {
            "id": ["1", "id", "\ufeffid", "id", "2", None],
            "name": ["Ann", "name", "name", "Name", "name", "name"],
            "": [None, None, None, None, "x", None],
        }
    )
    assert files.repeats_header(table).to_pylist() == [False, True, True, False, False, False]


def test_a_table_with_a_column_of_numbers_repeats_no_header() -> None:
    table = pa.table({"id": ["id", "1"], "age": [40, 41]})
    assert files.repeats_header(table).to_pylist() == [False, False]
    assert files.repeats_header(pa.table({"id": pa.array([], pa.string())})).to_pylist() == []

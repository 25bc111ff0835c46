"""Bronze readers of JSON and Parquet as real exports write them: every record lands or is
quarantined with a reason, and what cannot be read at all is one line naming the file."""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360.contracts.model import Column, Table
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.drift import SchemaDriftError
from c360.pipeline.bronze.land import land
from c360.pipeline.bronze.readers import read

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
LINES = Table("docs", "x", "", (Column("id", "string"), Column("n", "int")),
              path="sources/docs.jsonl", file_format="jsonl")  # fmt: skip
ARRAY = replace(LINES, path="sources/docs.json", file_format="json")
PARTS = replace(LINES, path="sources/docs", file_format="parquet_dir")


def write(workspace: Path, table: Table, data: bytes) -> Path:
    path = workspace / table.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def landed(workspace: Path) -> list[tuple[object, ...]]:
    rows = lake.read_table(workspace, "bronze", "docs").to_pylist()
    return [(r["_source_file"], r["_row_number"], r["id"], r["n"]) for r in rows]


def quarantined(workspace: Path) -> list[tuple[object, ...]]:
    rows = lake.read_table(workspace, "quarantine", "bronze_docs").to_pylist()
    return [(r["_row_number"], r["raw"], r["reason"]) for r in rows]


@pytest.mark.parametrize("table", [LINES, ARRAY])
def test_a_lone_surrogate_escape_is_quarantined_not_a_crash(tmp_path: Path, table: Table) -> None:
    """A JavaScript export that cut an emoji in half writes "\\ud83d" alone: not Unicode text."""
    docs = [b'{"id": "a\\ud83d", "n": 1}', b'{"id": "b \\ud83d\\ude00", "n": 2}']
    text = b"[" + b",\n".join(docs) + b"]" if table is ARRAY else b"\n".join(docs) + b"\n"
    result = land(tmp_path, table, write(tmp_path, table, text), "b1", WHEN)
    assert [row[2:] for row in landed(tmp_path)] == [("b \U0001f600", "2")]
    [(number, raw, reason)] = quarantined(tmp_path)
    assert (number, reason) == (1, "text holds a lone UTF-16 surrogate (\\ud83d)")
    assert "\\ud83d" in str(raw)
    assert (result.records, result.landed, result.quarantined) == (2, 1, 1)


@pytest.mark.parametrize("table", [LINES, ARRAY])
def test_a_key_given_twice_with_different_values_is_quarantined(
    tmp_path: Path, table: Table
) -> None:
    """Python keeps the last of the two values, another reader the first: neither is sure."""
    docs = [b'{"id": "a", "n": 1, "n": 2}', b'{"id": "b", "id": "b", "n": 3}']
    text = b"[" + b",".join(docs) + b"]" if table is ARRAY else b"\r\n".join(docs)
    result = land(tmp_path, table, write(tmp_path, table, text), "b1", WHEN)
    assert [row[2:] for row in landed(tmp_path)] == [("b", "3")]  # the same value twice
    [(number, raw, reason)] = quarantined(tmp_path)
    assert (number, reason) == (1, "key 'n' given twice with different values")
    assert str(raw).replace(" ", "") == '{"id":"a","n":1,"n":2}'
    assert (result.records, result.landed, result.quarantined) == (2, 1, 1)


def test_a_json_line_python_cannot_read_is_quarantined(tmp_path: Path) -> None:
    """Nesting deeper than Python recurses, an integer of more digits than it converts."""
    lines = [b'{"id": "a", "n": 1}', b'{"id": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
             b'{"id": "c", "n": ' + b"9" * 5000 + b"}"]  # fmt: skip
    result = land(tmp_path, LINES, write(tmp_path, LINES, b"\n".join(lines)), "b1", WHEN)
    assert [row[2:] for row in landed(tmp_path)] == [("a", "1")]
    reasons = {number: reason for number, _, reason in quarantined(tmp_path)}
    assert reasons == {2: "not JSON: nested too deeply", 3: "not JSON: a number too long"}
    assert (result.records, result.landed, result.quarantined) == (3, 1, 2)


def test_a_json_array_python_cannot_read_is_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, ARRAY, b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(SourceError, match=r"docs\.json is not valid JSON: nested too deeply$"):
        land(tmp_path, ARRAY, path, "b1", WHEN)


def test_a_json_source_holding_json_lines_lands_them(tmp_path: Path) -> None:
    """Spark's ``write.json`` and BigQuery's JSON export write an object per line as ``.json``."""
    text = b'{"id": "a", "n": 1}\r\n{"id": "b", "n": 2}\r\n{"id": "c", \r\n\r\n'
    result = land(tmp_path, ARRAY, write(tmp_path, ARRAY, text), "b1", WHEN)
    assert landed(tmp_path) == [
        ("sources/docs.json", 1, "a", "1"),
        ("sources/docs.json", 2, "b", "2"),
    ]
    assert [(n, reason) for n, _, reason in quarantined(tmp_path)] == [
        (3, "not JSON: Expecting property name enclosed in double quotes at character 13")
    ]
    assert (result.records, result.landed, result.quarantined) == (3, 2, 1)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [(b'{"data": [{"id": "a"}]}', "must hold a JSON array of objects"),
     (b'{\n "id": "a"\n}\n{\n', "is not valid JSON: Extra data: line 4 column 1")],
)  # fmt: skip
def test_a_json_file_that_is_not_an_array_of_records_is_one_line(
    tmp_path: Path, text: bytes, wrong: str
) -> None:
    with pytest.raises(SourceError) as error:
        land(tmp_path, ARRAY, write(tmp_path, ARRAY, text), "b1", WHEN)
    assert str(error.value).startswith(f"{tmp_path / ARRAY.path} {wrong}")


@pytest.mark.parametrize("table", [LINES, ARRAY])
def test_a_gzip_compressed_json_export_lands_as_its_text(tmp_path: Path, table: Table) -> None:
    """Warehouses unload ``.json.gz``; a folder of them lands file by file."""
    text = (
        b'[{"id": "a", "n": 1},\n{"id": "b"}]'
        if table is ARRAY
        else b'{"id": "a", "n": 1}\n{"id": "b"}\n'
    )
    folder = tmp_path / "sources" / "docs"
    folder.mkdir(parents=True)
    (folder / f"part-0{Path(table.path).suffix}.gz").write_bytes(gzip.compress(text))
    (folder / "part-1.gz").write_bytes(gzip.compress(b"not a JSON file"))
    (folder / "_temporary").mkdir()  # a writer's own files are not extracts
    (folder / "_temporary" / f"part-2{Path(table.path).suffix}").write_text("[{")
    result = land(tmp_path, table, folder, "b1", WHEN)
    source = f"sources/docs/part-0{Path(table.path).suffix}.gz"
    assert landed(tmp_path) == [(source, 1, "a", "1"), (source, 2, "b", None)]
    assert (result.records, result.landed, result.quarantined) == (2, 2, 0)


@pytest.mark.parametrize("table", [LINES, ARRAY])
@pytest.mark.parametrize("cut", [True, False])
def test_a_corrupt_gzip_json_file_of_a_folder_is_one_line_naming_the_file(
    tmp_path: Path, table: Table, cut: bool
) -> None:
    folder = tmp_path / "sources" / "docs"
    folder.mkdir(parents=True)
    text = b'{"id": "a", "n": 1}\n' * 1000
    text = b"[" + text.replace(b"}\n", b"},").rstrip(b",") + b"]" if table is ARRAY else text
    packed = gzip.compress(text, mtime=1)
    (folder / "part-0.json.gz").write_bytes(gzip.compress(b""))
    broken = packed[: len(packed) // 2] if cut else packed[:-8] + b"\0" * 8
    (folder / "part-1.json.gz").write_bytes(broken)
    why = "Compressed file ended" if cut else "CRC check failed"
    for reading in (lambda: land(tmp_path, table, folder, "b1", WHEN),  # counted first
                    lambda: list(read(folder, table))):  # fmt: skip
        with pytest.raises(SourceError) as caught:
            reading()
        message = str(caught.value)
        assert message.startswith(f"cannot read {folder / 'part-1.json.gz'}: {why}")
        assert message.endswith("(a gzip file cut short or corrupt)") and "\n" not in message


@pytest.mark.parametrize("table", [LINES, ARRAY])
@pytest.mark.parametrize(
    ("pack", "what"),
    [(bz2.compress, r"compressed with bzip2, not JSON text: decompress it \(bunzip2\)"),
     (lzma.compress, r"compressed with xz, not JSON text: decompress it \(unxz\)")],
)  # fmt: skip
def test_a_json_file_compressed_otherwise_than_with_gzip_says_so(
    tmp_path: Path, table: Table, pack: Callable[[bytes], bytes], what: str
) -> None:
    """Not lines of bytes that are not UTF-8, each quarantined."""
    path = write(tmp_path, table, pack(b'{"id": "a", "n": 1}\n' * 10))
    with pytest.raises(SourceError, match=f"^{re.escape(str(path))} is {what}$"):
        land(tmp_path, table, path, "b1", WHEN)


def test_a_gzip_file_cut_short_is_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, LINES, gzip.compress(b'{"id": "a", "n": 1}\n' * 1000)[:100])
    with pytest.raises(SourceError, match=r"cannot read .*docs\.jsonl: Compressed file ended"):
        land(tmp_path, LINES, path, "b1", WHEN)


def test_parquet_columns_named_twice_are_a_source_error(tmp_path: Path) -> None:
    one = replace(LINES, path="sources/docs.parquet", file_format="parquet")
    path = tmp_path / one.path
    path.parent.mkdir(parents=True)
    columns = [pa.array(["a"]), pa.array([1]), pa.array(["b"])]
    pq.write_table(pa.Table.from_arrays(columns, names=["id", "n", "id"]), path)
    with pytest.raises(SourceError, match=r"docs\.parquet: the file names id more than once$"):
        land(tmp_path, one, path, "b1", WHEN)


def parts(workspace: Path, files: dict[str, pa.Table | bytes]) -> Path:
    folder = workspace / PARTS.path
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            (folder / name).write_bytes(data)
        else:
            pq.write_table(data, folder / name)
    return folder


def test_a_folder_of_parquet_files_keeps_each_file_as_lineage(tmp_path: Path) -> None:
    """Each file has its own ``_source_file`` and row numbers, as a folder of CSV extracts has
    (silver then keeps a key's record from the file named last); files another writer keeps
    for itself (``_SUCCESS``, ``_temporary/``, ``.part.crc``, hidden ones) are not parts."""
    folder = parts(tmp_path, {
        "2024-12-01.parquet": pa.table({"id": ["a", "b"], "n": [1, 2]}),
        "2024-12-02.parquet": pa.table({"n": [3], "id": ["a"]}),  # columns in another order
        "_SUCCESS": b"", "_temporary/0/part-0.parquet": b"half written",
        ".2024-12-03.parquet": b"being copied", "_metadata.parquet": b"PAR1",
    })  # fmt: skip
    result = land(tmp_path, PARTS, folder, "b1", WHEN)
    assert landed(tmp_path) == [
        ("sources/docs/2024-12-01.parquet", 1, "a", "1"),
        ("sources/docs/2024-12-01.parquet", 2, "b", "2"),
        ("sources/docs/2024-12-02.parquet", 1, "a", "3"),
    ]
    assert (result.records, result.landed, result.quarantined) == (3, 3, 0)


def test_a_parquet_part_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    folder = parts(tmp_path, {"part-0.parquet": pa.table({"id": ["a"], "n": [1]}),
                              "part-1.parquet": b""})  # fmt: skip
    with pytest.raises(SourceError, match=r"cannot read .*sources/docs/part-1\.parquet: .*0 bytes"):
        land(tmp_path, PARTS, folder, "b1", WHEN)


def test_hive_partition_folders_give_their_column(tmp_path: Path) -> None:
    """Spark's ``partitionBy("n")`` writes ``n=1/part-0.parquet``: the files lack the column."""
    folder = parts(tmp_path, {
        "n=1/part-0.parquet": pa.table({"id": ["a", "b"]}),
        "n=__HIVE_DEFAULT_PARTITION__/part-0.parquet": pa.table({"id": ["c"]}),
        "n=10%25/part-0.parquet": pa.table({"id": ["d"]}),
    })  # fmt: skip
    result = land(tmp_path, PARTS, folder, "b1", WHEN)
    assert [row[1:] for row in landed(tmp_path)] == [
        (1, "a", "1"), (2, "b", "1"), (1, "d", "10%"), (1, "c", None)
    ]  # fmt: skip
    assert (result.added_columns, result.missing_columns) == ([], [])


@pytest.mark.parametrize("file_format", ["parquet_dir", "table"])
def test_hive_partition_folders_give_their_column_whatever_the_tables_format(
    tmp_path: Path, file_format: str
) -> None:
    """A table read from CSV or Parquet (``orders``) as a folder of partitions, as a
    ``parquet_dir`` table is: the column comes from the folder names."""
    folder = parts(tmp_path, {"n=1/part-0.parquet": pa.table({"id": ["a"]}),
                              "n=2/part-0.parquet": pa.table({"id": ["b"]})})  # fmt: skip
    result = land(tmp_path, replace(PARTS, file_format=file_format), folder, "b1", WHEN)
    assert [row[2:] for row in landed(tmp_path)] == [("a", "1"), ("b", "2")]
    assert (result.added_columns, result.missing_columns) == ([], [])


MONGO = replace(LINES, file_format="mongo_jsonl")
ONE = replace(LINES, path="sources/docs.parquet", file_format="parquet")


def as_json(table: Table, docs: list[bytes]) -> bytes:
    return b"[" + b",\n".join(docs) + b"]" if table is ARRAY else b"\n".join(docs) + b"\n"


@pytest.mark.parametrize("table", [LINES, ARRAY, MONGO])
def test_json_keys_are_contract_columns_whatever_their_case_and_spaces(
    tmp_path: Path, table: Table
) -> None:
    """As a CSV header's names are: ``"Customer_ID"`` is ``customer_id``, ``" N "`` is ``n``."""
    docs = [b'{"ID": "a", " N ": 1}', b'{"Id": "b", "n": 2}', b'{"id": "c", "N": 3}']
    result = land(tmp_path, table, write(tmp_path, table, as_json(table, docs)), "b1", WHEN)
    assert [row[2:] for row in landed(tmp_path)] == [("a", "1"), ("b", "2"), ("c", "3")]
    assert (result.added_columns, result.missing_columns) == ([], [])


def test_json_keys_the_contract_lacks_keep_their_spelling_in_extra(tmp_path: Path) -> None:
    text = b'{"ID": "a", "n": 1, "Notes": "x", "notes ": "y"}\n'
    result = land(tmp_path, LINES, write(tmp_path, LINES, text), "b1", WHEN, drift="evolve")
    [row] = lake.read_table(tmp_path, "bronze", "docs").to_pylist()
    assert (row["id"], row["n"], row["_extra"]) == ("a", "1", '{"Notes": "x", "notes ": "y"}')
    assert result.added_columns == ["Notes", "notes "]


@pytest.mark.parametrize("table", [LINES, ARRAY])
def test_json_keys_naming_one_column_with_different_values_are_quarantined(
    tmp_path: Path, table: Table
) -> None:
    """Which of ``"id"`` and ``"ID"`` the contract's ``id`` means, nothing says."""
    docs = [b'{"id": "a", "ID": "b", "n": 1}', b'{"id": "c", " ID": "c", "n": 2}']
    result = land(tmp_path, table, write(tmp_path, table, as_json(table, docs)), "b1", WHEN)
    assert [row[2:] for row in landed(tmp_path)] == [("c", "2")]  # the same value twice
    [(number, raw, reason)] = quarantined(tmp_path)
    assert (number, reason) == (1, "keys 'id' and 'ID' name one column with different values")
    assert str(raw).replace(" ", "") == '{"id":"a","ID":"b","n":1}'
    assert (result.records, result.landed, result.quarantined) == (2, 1, 1)


def test_parquet_columns_are_contract_columns_whatever_their_case_and_spaces(
    tmp_path: Path,
) -> None:
    path = tmp_path / ONE.path
    path.parent.mkdir(parents=True)
    pq.write_table(pa.table({"ID": ["a", "b"], " N ": pa.array([1, 2], pa.int64())}), path)
    result = land(tmp_path, ONE, path, "b1", WHEN)
    assert [row[1:] for row in landed(tmp_path)] == [(1, "a", "1"), (2, "b", "2")]
    assert (result.added_columns, result.missing_columns) == ([], [])


def test_a_parquet_column_of_another_type_is_named_as_the_contract_spells_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / ONE.path
    path.parent.mkdir(parents=True)
    pq.write_table(pa.table({"id": ["a"], "N": [1.5]}), path)
    with pytest.raises(SchemaDriftError, match="column n of docs is double in the source"):
        land(tmp_path, ONE, path, "b1", WHEN)


def test_hive_partition_folders_name_contract_columns_in_any_case(tmp_path: Path) -> None:
    folder = parts(tmp_path, {"N=1/part-0.parquet": pa.table({"Id": ["a"]})})
    result = land(tmp_path, PARTS, folder, "b1", WHEN)
    assert [row[1:] for row in landed(tmp_path)] == [(1, "a", "1")]
    assert (result.added_columns, result.missing_columns) == ([], [])


def test_parquet_columns_naming_one_contract_column_are_a_source_error(tmp_path: Path) -> None:
    path = tmp_path / ONE.path
    path.parent.mkdir(parents=True)
    pq.write_table(pa.table({"id": ["a"], "n": [1], "ID ": ["b"]}), path)
    with pytest.raises(SourceError, match=r"docs\.parquet: the file names id more than once "
                       r"\('id', 'ID '\)$"):  # fmt: skip
        land(tmp_path, ONE, path, "b1", WHEN)


@pytest.mark.parametrize("table", [LINES, ARRAY, MONGO])
def test_json_lines_ended_by_a_lone_carriage_return_are_records(
    tmp_path: Path, table: Table
) -> None:
    """Classic Mac OS ended lines with ``\\r`` alone; JSON text never holds one unescaped."""
    text = b'{"id": "a", "n": 1}\r{"id": "b", "n": 2}\r\r{"id": "c", \r{"id": "d"}\r\n'
    result = land(tmp_path, table, write(tmp_path, table, text), "b1", WHEN)
    assert [row[1:] for row in landed(tmp_path)] == [(1, "a", "1"), (2, "b", "2"), (5, "d", None)]
    assert [(n, reason) for n, _, reason in quarantined(tmp_path)] == [
        (4, "not JSON: Expecting property name enclosed in double quotes at character 13")
    ]
    assert (result.records, result.landed, result.quarantined) == (4, 3, 1)


def test_a_json_line_holding_a_nul_byte_keeps_its_text_and_reason(tmp_path: Path) -> None:
    result = land(tmp_path, LINES, write(tmp_path, LINES, b'{"id": "a\x00"}\n'), "b1", WHEN)
    assert quarantined(tmp_path) == [
        (1, '{"id": "a\x00"}', "not JSON: Invalid control character at character 10")
    ]
    assert (result.records, result.landed, result.quarantined) == (1, 0, 1)


@pytest.mark.parametrize("table", [LINES, ARRAY])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_whose_first_character_is_not_json_is_one_line(
    tmp_path: Path, table: Table, encoding: str
) -> None:
    """JSON in UTF-16 lands (test_json_utf16.py): its first characters, ASCII, say which
    UTF-16 when it has no byte order mark; a file starting otherwise is no JSON text."""
    text = "\u2603" + as_json(table, [b'{"id": "a", "n": 1}', b'{"id": "b", "n": 2}']).decode()
    path = write(tmp_path, table, text.encode(encoding))
    with pytest.raises(SourceError) as error:
        land(tmp_path, table, path, "b1", WHEN)
    assert str(error.value) == f"{path} is written in UTF-16: save it as UTF-8"


@pytest.mark.parametrize("kind", [pa.binary(), pa.large_binary(), pa.string()])
def test_parquet_text_that_is_not_utf8_is_quarantined_naming_its_column(
    tmp_path: Path, kind: pa.DataType
) -> None:
    """Hive and Impala wrote text as bytes without saying it is UTF-8; Latin-1 was common."""
    raw = pa.array([b"caf\xe9", b"ok", None], pa.large_binary() if kind == pa.large_binary()
                   else pa.binary())  # fmt: skip
    text = raw if pa.types.is_binary(kind) or pa.types.is_large_binary(kind) else raw.view(kind)
    path = tmp_path / ONE.path
    path.parent.mkdir(parents=True)
    pq.write_table(pa.table({"id": text, "n": [1, 2, 3]}), path)
    result = land(tmp_path, ONE, path, "b1", WHEN)
    assert [row[1:] for row in landed(tmp_path)] == [(2, "ok", "2"), (3, None, "3")]
    assert quarantined(tmp_path) == [
        (1, '{"id": "caf\\\\xe9", "n": "1"}', "not UTF-8 text in column id")
    ]
    assert (result.records, result.landed, result.quarantined) == (3, 2, 1)
    assert result.retyped_columns == []  # bytes that are UTF-8 are text


def test_nested_parquet_columns_land_as_json_text(tmp_path: Path) -> None:
    """A struct, a map or a list where the contract expects text: drift, or JSON when evolving."""
    docs = replace(ONE, columns=(Column("id", "string"), Column("tags", "string"),
                                 Column("attrs", "string")))  # fmt: skip
    path = tmp_path / ONE.path
    path.parent.mkdir(parents=True)
    pq.write_table(pa.table({
        "id": pa.array([{"a": 1, "b": "x"}, None]),
        "tags": pa.array([["x", "y"], []]),
        "attrs": pa.array([[("k", 1)], [("k", 1), ("k", 2)]], pa.map_(pa.string(), pa.int64())),
    }), path)  # fmt: skip
    with pytest.raises(SchemaDriftError, match="column id of docs is struct<a: int64, b: string>"):
        land(tmp_path, docs, path, "b1", WHEN)
    land(tmp_path, docs, path, "b1", WHEN, drift="evolve")
    rows = lake.read_table(tmp_path, "bronze", "docs").to_pylist()
    assert [(r["id"], r["tags"], r["attrs"]) for r in rows] == [
        ('{"a": 1, "b": "x"}', '["x", "y"]', '{"k": 1}'),
        (None, "[]", '[["k", 1], ["k", 2]]'),  # a key twice: both pairs kept
    ]


KINDS = Table("docs", "x", "", tuple(Column(c, "string") for c in ("id", "i", "f", "b", "m", "x")),
              path="sources/docs.jsonl", file_format="jsonl")  # fmt: skip


def test_json_values_land_as_json_writes_them_whatever_mix_a_column_holds(
    tmp_path: Path,
) -> None:
    """Columns of one kind of value, of one kind among nulls and text, and of several kinds."""
    text = (
        b'{"id": "1", "i": 1, "f": 0.5, "b": true, "m": 1, "x": 1.0}\n'
        b'{"id": "2", "i": -0, "f": 1e16, "b": false, "m": "one", "x": NaN}\n'
        b'{"id": "3", "i": 100000000000000000000, "f": 2.5e-07, "m": true, "x": 2}\n'
        b'{"id": "4", "i": null, "f": -0.0, "b": null, "m": {"$oid": "o1"}, "x": Infinity}\n'
    )
    land(tmp_path, KINDS, write(tmp_path, KINDS, text), "b1", WHEN)
    rows = lake.read_table(tmp_path, "bronze", "docs").to_pylist()
    assert [[r[c] for c in ("i", "f", "b", "m", "x")] for r in rows] == [
        ["1", "0.5", "true", "1", "1.0"],
        ["0", "1e+16", "false", "one", "NaN"],
        ["100000000000000000000", "2.5e-07", None, "true", "2"],
        [None, "-0.0", None, "o1", "Infinity"],
    ]


def test_json_lines_with_spaces_around_land_and_text_after_is_quarantined(
    tmp_path: Path,
) -> None:
    text = b' {"id": "a", "n": 1}\t\n{"id" : "b"}\n{"id": "c"} {"id": "d"}\n{"id": "e"}\n'
    result = land(tmp_path, LINES, write(tmp_path, LINES, text), "b1", WHEN)
    assert [row[1:3] for row in landed(tmp_path)] == [(1, "a"), (2, "b"), (4, "e")]
    [(number, raw, reason)] = quarantined(tmp_path)
    assert (number, raw) == (3, '{"id": "c"} {"id": "d"}')
    assert reason == "not JSON: Extra data at character 13"
    assert (result.records, result.landed, result.quarantined) == (4, 3, 1)


def test_json_lines_files_joined_end_to_end_land_past_the_second_byte_order_mark(
    tmp_path: Path,
) -> None:
    """``cat a.jsonl b.jsonl``: the byte order mark b's Windows tool wrote first now starts a
    line in the middle; it is no more content there than at the start of the file."""
    text = b'\xef\xbb\xbf{"id": "a", "n": 1}\n\xef\xbb\xbf{"id": "b", "n": 2}\n\xef\xbb\xbf\n'
    result = land(tmp_path, LINES, write(tmp_path, LINES, text), "b1", WHEN)
    assert [row[1:] for row in landed(tmp_path)] == [(1, "a", "1"), (2, "b", "2")]
    assert quarantined(tmp_path) == [(3, "\ufeff", "not JSON: Expecting value at character 1")]
    assert (result.records, result.landed, result.quarantined) == (3, 2, 1)


def test_parquet_fixed_size_bytes_that_are_not_utf8_are_quarantined_naming_their_column(
    tmp_path: Path,
) -> None:
    """A FIXED_LEN_BYTE_ARRAY column (codes, digests) is text like any other bytes: the rows
    whose bytes are not UTF-8 are set aside, not the whole file."""
    codes = pa.array([b"caf\xe9", b"okay", None], pa.binary(4))
    path = tmp_path / ONE.path
    path.parent.mkdir(parents=True)
    pq.write_table(pa.table({"id": codes, "n": [1, 2, 3]}), path)
    result = land(tmp_path, ONE, path, "b1", WHEN)
    assert [row[1:] for row in landed(tmp_path)] == [(2, "okay", "2"), (3, None, "3")]
    assert quarantined(tmp_path) == [
        (1, '{"id": "caf\\\\xe9", "n": "1"}', "not UTF-8 text in column id")
    ]
    assert (result.records, result.landed, result.quarantined) == (3, 2, 1)


@pytest.mark.parametrize("table", [LINES, ARRAY])
def test_a_json_number_beyond_a_double_lands_as_written_not_as_infinity(
    tmp_path: Path, table: Table
) -> None:
    """Python reads ``1e999`` as infinity, which JSON writes ``Infinity``: another value. Bronze
    keeps what the file wrote, as it keeps an integer beyond 64 bits; ``Infinity`` and ``NaN``
    written as such stay as they are, and a number within range as JSON writes it."""
    docs = [b'{"id": "a", "n": 1e999}', b'{"id": "b", "n": -1E999}', b'{"id": "c", "n": 1e3}',
            b'{"id": "d", "n": [1e999, {"k": -1E400}, Infinity, 2.50]}',
            b'{"id": "e", "n": Infinity}', b'{"id": "f", "n": {"$date": 1e999}}']  # fmt: skip
    text = b"[" + b",\n".join(docs) + b"]" if table is ARRAY else b"\n".join(docs) + b"\n"
    result = land(tmp_path, table, write(tmp_path, table, text), "b1", WHEN)
    assert [row[2:] for row in landed(tmp_path)] == [
        ("a", "1e999"),
        ("b", "-1E999"),
        ("c", "1000.0"),
        ("d", '[1e999, {"k": -1E400}, Infinity, 2.5]'),
        ("e", "Infinity"),
        ("f", "1e999"),  # a MongoDB date that is no time: its number
    ]
    assert (result.records, result.landed, result.quarantined) == (6, 6, 0)


@pytest.mark.parametrize("table", [LINES, ARRAY, PARTS])
def test_reading_a_named_pipe_is_refused_before_it_is_opened(tmp_path: Path, table: Table) -> None:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    with pytest.raises(SourceError) as caught:
        list(read(path, table))
    assert str(caught.value) == (
        f"{path} is not a regular file (a pipe, a socket or a device): put the source's file there"
    )

"""``c360 query``: SQL on the warehouse for people (a table) and machines (CSV, JSON lines)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow as pa
import pytest

from c360.cli import main
from c360.contracts.model import Column, Table
from c360.engines.duckdb.warehouse import build_warehouse
from c360.pipeline.lake import publish_table

SEGMENTS = Table(
    name="dim_segment",
    seed="000",
    description="",
    layer="gold",
    primary_key=("segment_id",),
    columns=(
        Column("segment_id", "string"),
        Column("label", "string", nullable=True),
        Column("size", "int"),
    ),
)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("query")
    data = pa.table(
        {"segment_id": ["s1", "s2", "s3"], "label": ["[vip]", "new", None], "size": [3, 10, 0]},
        schema=SEGMENTS.arrow_schema(),
    )
    publish_table(path, "gold", "dim_segment", data)
    build_warehouse(path, (SEGMENTS,))
    return path


def query(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["query", *args])
    out, err = capsys.readouterr()
    return code, out, err


SQL = "SELECT segment_id, label, size FROM dim_segment ORDER BY segment_id"


def test_a_table_for_people(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = query(capsys, SQL, "--workspace", str(workspace))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[::2] == ["segment_id", "label", "size"]
    assert "[vip]" in out and "NULL" in out  # data is not read as Rich markup
    assert lines[-1] == "3 rows"


def test_a_long_answer_is_cut_and_says_so(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = query(capsys, SQL, "-w", str(workspace), "--max-rows", "2")
    assert code == 0
    assert "s2" in out and "s3" not in out
    assert out.splitlines()[-1] == "3 rows (first 2 shown; --format csv prints all)"


def test_csv_and_json_for_machines(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = query(capsys, SQL, "-w", str(workspace), "--format", "csv")
    assert code == 0
    assert list(csv.DictReader(io.StringIO(out))) == [
        {"segment_id": "s1", "label": "[vip]", "size": "3"},
        {"segment_id": "s2", "label": "new", "size": "10"},
        {"segment_id": "s3", "label": "", "size": "0"},
    ]
    code, out, _ = query(capsys, SQL, "-w", str(workspace), "--format", "json")
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"segment_id": "s1", "label": "[vip]", "size": 3},
        {"segment_id": "s2", "label": "new", "size": 10},
        {"segment_id": "s3", "label": None, "size": 0},
    ]


def test_a_sql_file(workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql = tmp_path / "biggest.sql"
    sql.write_text(
        "-- The biggest segment.\nSELECT label FROM dim_segment ORDER BY size DESC LIMIT 1;\n"
    )
    code, out, _ = query(capsys, "--file", str(sql), "-w", str(workspace), "--format", "json")
    assert (code, out) == (0, '{"label":"new"}\n')


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["SELEC 1"], "error: Parser Error: syntax error at or near"),
        (["SELECT * FROM nope"], "nope does not exist"),
        (["DROP TABLE dim_segment"], "read-only"),
        ([""], "error: no SQL statement"),
        (["  "], "error: no SQL statement"),
        (["/* nothing */"], "error: no SQL statement"),
        (["SELECT 1; SELECT 2"], "error: more than one statement"),
        (["ATTACH 'other.duckdb' AS other"], "read-only"),
        (["INSTALL httpfs"], "read-only"),
        ([], "give the SQL to run, or --file F.sql, but not both"),
        (["SELECT 1", "--file", "x.sql"], "not both"),
        (["SELECT 1", "--format", "xml"], "--format must be one of: table, csv, json"),
        (["--file", "missing.sql"], "error: cannot read missing.sql: No such file or directory"),
    ],
)
def test_mistakes_get_one_line(
    workspace: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = query(capsys, *args, "-w", str(workspace))
    assert code == 2
    assert message in err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "Traceback" not in out + err


def test_no_warehouse_says_to_run_the_pipeline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = query(capsys, "SELECT 1", "-w", str(tmp_path))
    assert code == 2
    assert "run `c360 run` first" in err and err.count("\n") == 1


def test_sql_that_writes_a_file_is_refused(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for sql in ("COPY (SELECT 1) TO '{}'", "EXPORT DATABASE '{}'"):
        out = tmp_path / "out"
        code, _, err = query(capsys, sql.format(out), "-w", str(workspace))
        assert code == 2
        assert err.startswith("error: the warehouse is read-only") and err.count("\n") == 1
        assert not out.exists()

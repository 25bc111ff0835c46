"""``c360 query``: SQL on the warehouse for people (a table) and machines (CSV, JSON lines)."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

import pyarrow as pa
import pytest

import c360.engines.duckdb.warehouse as warehouse_module
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


WIDE = [(f"column_number_{i}", f"a value of column {i} that is long") for i in range(8)]
WIDE_SQL = "SELECT " + ", ".join(f"'{value}' AS {name}" for name, value in WIDE)


def test_off_a_terminal_every_column_is_printed_in_full(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")  # a width a pipe inherits is no reason to squeeze
    code, out, _ = query(capsys, WIDE_SQL, "-w", str(workspace))
    assert code == 0
    header, _, row, count = out.splitlines()
    assert [n.strip() for n in header.split("┃")] == [name for name, _ in WIDE]
    assert [v.strip() for v in row.split("│")] == [value for _, value in WIDE]
    assert count == "1 row" and "…" not in out


def test_on_a_terminal_the_table_fits_its_width(workspace: Path) -> None:
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 60, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "c360.cli", "query", "-w", str(workspace), WIDE_SQL],
            stdout=terminal, stderr=subprocess.PIPE, timeout=300, env={**env, "TERM": "xterm"},
        )  # fmt: skip
        os.close(terminal)
        drawn = b""
        while chunk := _read(controller):
            drawn += chunk
    finally:
        os.close(controller)
    assert done.returncode == 0, done.stderr
    lines = re.sub(r"\x1b\[[0-9;]*m", "", drawn.decode()).splitlines()
    assert lines[-1] == "1 row"
    assert max(len(line) for line in lines) == 60 and "…" in lines[0]


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # the terminal's other end closed: all was read
        return b""


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


def test_csv_writes_nan_as_an_empty_field_as_it_writes_null(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sql = "SELECT 'nan'::DOUBLE AS x, 'inf'::DOUBLE AS y, NULL::DOUBLE AS z"
    code, out, _ = query(capsys, sql, "-w", str(workspace), "--format", "csv")
    assert (code, out) == (0, '"x","y","z"\n,inf,\n')


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
        ([], "error: no SQL to run: give it, or --file F.sql"),
        (["SELECT 1", "--file", "x.sql"], "give the SQL to run or --file F.sql, not both"),
        (["SELECT 1", "--format", "xml"], "--format must be one of: table, csv, json"),
        (["--file", "missing.sql"], "error: no such file: missing.sql"),
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


def test_no_warehouse_after_a_run_until_silver_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "reports").mkdir()
    report = {"seconds": {"bronze": 1.0, "silver": 1.0, "text": 1.0}}
    (tmp_path / "reports" / "run_report.json").write_text(json.dumps(report))
    code, _, err = query(capsys, "SELECT 1", "-w", str(tmp_path))
    assert code == 2 and err.count("\n") == 1
    assert "stopped before gold (--until)" in err and "run it without --until" in err


def test_sql_that_writes_a_file_is_refused(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for sql in ("COPY (SELECT 1) TO '{}'", "EXPORT DATABASE '{}'"):
        out = tmp_path / "out"
        code, _, err = query(capsys, sql.format(out), "-w", str(workspace))
        assert code == 2
        assert err.startswith("error: the warehouse is read-only") and err.count("\n") == 1
        assert not out.exists()


@pytest.mark.parametrize(
    ("sql", "shown"),
    [
        ("SELECT regexp_replace('a/b', '[/]', '') AS \"[/]\"", ["[/]", "ab"]),
        ("SELECT 'C:\\[b]' AS p, ':smile: [bold]x[/]' AS q", ["C:\\[b]", ":smile: [bold]x[/]"]),
        ("SELECT regexp_matches('ab', '[a-z]+')", ["regexp_matches('ab', '[a-z]+')", "true"]),
    ],
)
def test_names_and_values_are_shown_as_they_are(
    workspace: Path, capsys: pytest.CaptureFixture[str], sql: str, shown: list[str]
) -> None:
    code, out, err = query(capsys, sql, "-w", str(workspace))
    assert (code, err) == (0, "")
    for text in shown:
        assert text in out


# A value of every kind of DuckDB type, and how each format prints it.
BIG = "340282366920938463463374607431768211455"
UUID = "00000000-0000-0000-0000-000000000001"
TYPES = [
    ("'12:00'::TIME", "12:00:00", '"12:00:00"', '"12:00:00"'),
    ("'12:00:00+01'::TIMETZ", "12:00:00+01", '"12:00:00+01"', '"12:00:00+01"'),
    ("INTERVAL 3 DAY", "3 days", '"3 days"', '"3 days"'),
    ("'ab\\xFF'::BLOB", "ab\\xFF", '"ab\\\\xFF"', '"ab\\xFF"'),
    ("'101'::BIT", "101", '"101"', '"101"'),
    (
        "12345678901234567890::BIGNUM",
        "12345678901234567890",
        '"12345678901234567890"',
        '"12345678901234567890"',
    ),
    ("'b'::ENUM('a', 'b')", "b", '"b"', '"b"'),
    (
        "{'a': 1, 'b': 'x'}",
        "{'a': 1, 'b': x}",
        '"{\\"a\\":1,\\"b\\":\\"x\\"}"',
        '"{""a"":1,""b"":""x""}"',
    ),
    ("MAP {'k': 1}", "{k=1}", '"{\\"k\\":1}"', '"{""k"":1}"'),
    ("[1, 2]::INTEGER[2]", "[1, 2]", '"[1,2]"', '"[1,2]"'),
    ("union_value(k := 1)::UNION(k INTEGER, s VARCHAR)", "1", '"{\\"k\\":1}"', '"{""k"":1}"'),
    ("[{'a': 1}]", "[{'a': 1}]", '"[{\\"a\\":1}]"', '"[{""a"":1}]"'),
    (f"{BIG}::UHUGEINT", BIG, f'"{BIG}"', f'"{BIG}"'),  # past a signed 128-bit decimal
    (f"'{UUID}'::UUID", UUID, f'"{UUID}"', f'"{UUID}"'),
    ("[[1, NULL]]", "[[1, NULL]]", "[[1,null]]", '"[[1,null]]"'),
    ("NULL", "NULL", "null", ""),
]


@pytest.mark.parametrize(("value", "table", "json_value", "csv_value"), TYPES)
def test_every_duckdb_type_prints_in_every_format(
    workspace: Path,
    capsys: pytest.CaptureFixture[str],
    value: str,
    table: str,
    json_value: str,
    csv_value: str,
) -> None:
    sql = f"SELECT {value} AS v"
    code, out, err = query(capsys, sql, "-w", str(workspace), "--max-rows", "1")
    assert (code, err) == (0, "")
    assert table in out
    code, out, err = query(capsys, sql, "-w", str(workspace), "--format", "json")
    assert (code, err) == (0, "")
    line = json.loads(out)  # one valid JSON object
    assert list(line) == ["v"] and out.count("\n") == 1
    assert out == f'{{"v":{json_value}}}\n'
    code, out, err = query(capsys, sql, "-w", str(workspace), "--format", "csv")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == '"v"' and out.count("\n") == 2
    assert out.splitlines()[1] == csv_value


def test_converted_columns_keep_their_order_and_rows_theirs(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sql = "SELECT range AS n, make_time(range, 0, 0) AS t, range AS n FROM range(3) ORDER BY 1 DESC"
    code, out, _ = query(capsys, sql, "-w", str(workspace), "--format", "csv")
    assert code == 0
    assert out.splitlines() == ['"n","t","n"', '2,"02:00:00",2', '1,"01:00:00",1', '0,"00:00:00",0']


def streamed(*batches: pa.RecordBatch, then: BaseException | None = None) -> object:
    """A stand-in for ``read_warehouse`` whose reader notes what stdout held before each batch."""
    written: list[bytes] = []

    def batches_then() -> Iterator[pa.RecordBatch]:
        for batch in batches:
            sys.stdout.flush()
            written.append(cast(io.BytesIO, sys.stdout.buffer).getvalue())
            yield batch
        if then is not None:
            raise then

    @contextmanager
    def read_warehouse(workspace: Path, sql: str, **options: object) -> Iterator[object]:
        yield pa.RecordBatchReader.from_batches(batches[0].schema, batches_then())

    read_warehouse.written = written  # type: ignore[attr-defined]
    return read_warehouse


@pytest.mark.parametrize(("output", "first"), [("csv", b'"n"\n1\n'), ("json", b'{"n":1}\n')])
def test_csv_and_json_are_written_batch_by_batch(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], output: str, first: bytes
) -> None:
    fake = streamed(pa.record_batch({"n": [1]}), pa.record_batch({"n": [2]}))
    monkeypatch.setattr(warehouse_module, "read_warehouse", fake)
    code, out, _ = query(capsys, "SELECT n", "--format", output)
    assert code == 0
    assert fake.written[1] == first  # type: ignore[attr-defined]  # before the second batch
    assert out.encode() == first + (b"2\n" if output == "csv" else b'{"n":2}\n')


def test_a_table_reads_only_the_rows_it_shows(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A table of the first rows of a huge answer reads a bounded number of them."""
    pulled = []

    def endless() -> Iterator[pa.RecordBatch]:
        while True:
            pulled.append(1000)
            yield pa.record_batch({"n": list(range(1000))})

    @contextmanager
    def read_warehouse(workspace: Path, sql: str, **options: object) -> Iterator[object]:
        yield pa.RecordBatchReader.from_batches(pa.schema([("n", pa.int64())]), endless())

    monkeypatch.setattr(warehouse_module, "read_warehouse", read_warehouse)
    code, out, _ = query(capsys, "SELECT n", "--max-rows", "5")
    assert code == 0
    assert sum(pulled) <= 11_000
    assert out.splitlines()[-1] == "more than 10,000 rows (first 5 shown; --format csv prints all)"


@pytest.mark.parametrize("output", ["table", "csv", "json"])
def test_ctrl_c_says_interrupted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    fake = streamed(pa.record_batch({"n": [1]}), then=KeyboardInterrupt())
    monkeypatch.setattr(warehouse_module, "read_warehouse", fake)
    code, _, err = query(capsys, "SELECT n", "--format", output)
    assert (code, err) == (130, "interrupted\n")


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="watches /proc for the open file")
def test_ctrl_c_during_a_long_query(workspace: Path) -> None:
    long = "SELECT sum(range % 7) FROM range(1000000000000)"  # one long task: DuckDB misses Ctrl-C
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from c360.cli import main; sys.exit(main())",
            "query",
            "-w",
            str(workspace),
            long,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A shell's background job starts with Ctrl-C ignored, and Python then keeps it ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        fds = Path(f"/proc/{child.pid}/fd")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any(
            _points_to(fd, "warehouse.duckdb") for fd in _listed(fds)
        ):
            time.sleep(0.05)
        time.sleep(0.5)  # into the query
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=20)
    finally:
        child.kill()
        child.wait()
    assert (child.returncode, out, err) == (130, "", "interrupted\n")


def _listed(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _points_to(link: Path, name: str) -> bool:
    try:
        return link.readlink().name == name
    except OSError:
        return False


def test_a_table_name_spelt_nearly_is_suggested(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = query(capsys, "SELECT * FROM Dim_Segments", "--workspace", str(workspace))
    assert code == 2
    assert " ".join(err.split()).endswith(
        "Table with name Dim_Segments does not exist! Did you mean dim_segment?"
    )
    code, _, err = query(capsys, "SELECT * FROM orders_by_day", "--workspace", str(workspace))
    assert code == 2 and "Did you mean" not in err  # nothing near: no guess


def test_a_gold_table_the_last_run_did_not_build_names_the_sources_it_lacks(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sql = "SELECT count(*) FROM dim_customer"
    code, _, err = query(capsys, sql, "--workspace", str(workspace))
    assert code == 2
    assert " ".join(err.split()).endswith(
        "Table with name dim_customer does not exist! (not built by the last run: its sources "
        "are not in this workspace: dim_customer needs crm_customers)"
    )


@pytest.mark.parametrize(
    ("sql", "end"),
    [
        ("SELECT 'dim_customer' AS x FROM nosuch", "Table with name nosuch does not exist!"),
        (
            "SELECT * FROM kpi_measures -- see fct_orders",
            "its sources are not in this workspace: kpi_measures needs crm_customers, orders)",
        ),
    ],
)
def test_a_missing_table_names_the_sources_of_the_table_missing_alone(
    workspace: Path, capsys: pytest.CaptureFixture[str], sql: str, end: str
) -> None:
    """Gold names in a literal, a comment or an alias are not the table the query lacks."""
    code, _, err = query(capsys, sql, "--workspace", str(workspace))
    assert code == 2
    assert " ".join(err.split()).endswith(end)
    assert "fct_orders needs" not in err and "dim_customer needs" not in err


STOPPED_AT_SILVER = {"bronze": 1.0, "silver": 1.0, "text": 1.0}


def test_a_warehouse_older_than_the_last_run_is_warned_of(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After a run stopped at silver, the warehouse is an earlier run's: said on stderr, one
    line, in every format; the answer is still given."""
    import shutil

    stale = tmp_path / "ws"
    shutil.copytree(workspace, stale)
    (stale / "reports").mkdir()
    report = {"finished_at": "2026-12-07T07:00:00+00:00", "seconds": STOPPED_AT_SILVER}
    (stale / "reports" / "run_report.json").write_text(json.dumps(report))
    for form in ("table", "csv", "json"):
        code, out, err = query(capsys, SQL, "-w", str(stale), "--format", form)
        assert code == 0 and "s3" in out
        assert err.startswith(
            "warning: the last `c360 run` stopped at silver (2026-12-07 07:00:00 UTC); gold and "
            "the warehouse are from the run of "
        )
        assert err.endswith(": run `c360 run` without --until\n") and err.count("\n") == 1
    code, _, err = query(capsys, SQL, "-w", str(workspace))
    assert code == 0 and err == ""


def test_a_sql_file_not_in_utf8_is_read_as_cp1252_and_said_so(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As `clv fit` reads a Windows export: the file is read, a note on stderr says how."""
    sql = tmp_path / "café.sql"
    sql.write_bytes("-- Café\nSELECT 'Café' AS label;\n".encode("cp1252"))
    code, out, err = query(capsys, "--file", str(sql), "-w", str(workspace), "--format", "json")
    assert (code, out) == (0, '{"label":"Café"}\n')
    assert err == f"note: {sql} is not UTF-8: read as cp1252\n"
    sql.write_bytes(b"SELECT 1\0\xe9")
    code, _, err = query(capsys, "--file", str(sql), "-w", str(workspace))
    assert code == 2 and err.count("\n") == 1 and "not a text file" in err


def test_json_keys_of_columns_of_one_name_are_made_unique(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON object holds a key once: a repeated column name gets DuckDB's suffix."""
    sql = "SELECT 1 AS a, 2 AS a, 3 AS a_1, 4 AS a"
    code, out, _ = query(capsys, sql, "-w", str(workspace), "--format", "json")
    assert (code, out) == (0, '{"a":1,"a_2":2,"a_1":3,"a_3":4}\n')
    code, out, _ = query(capsys, sql, "-w", str(workspace), "--format", "csv")
    assert (code, out.splitlines()[0]) == (0, '"a","a","a_1","a"')  # CSV keeps the names


def test_timestamps_are_written_as_the_exports_write_them(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whole seconds without a fraction, as exports/csv has them; a fraction when there is one."""
    sql = (
        "SELECT TIMESTAMP '2025-09-29 10:46:34' AS at, TIMESTAMPTZ '2025-09-29 10:46:34+00' AS z, "
        "TIMESTAMP '2025-09-29 10:46:34.5' AS part"
    )
    code, out, _ = query(capsys, sql, "-w", str(workspace), "--format", "csv")
    assert (code, out.splitlines()[1]) == (
        0, '"2025-09-29T10:46:34","2025-09-29T10:46:34Z","2025-09-29T10:46:34.500000"'
    )  # fmt: skip
    code, out, _ = query(capsys, sql, "-w", str(workspace), "--format", "json")
    assert json.loads(out) == {
        "at": "2025-09-29T10:46:34", "z": "2025-09-29T10:46:34Z",
        "part": "2025-09-29T10:46:34.500000",
    }  # fmt: skip


@pytest.mark.parametrize("table", ["customer_profile", "Identity_Links", "segment_membership"])
def test_a_customer_table_after_a_run_without_identity_sources_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str
) -> None:
    """As ``audience export`` says it: no customers without identity sources in c360.yaml."""
    publish_table(tmp_path, "gold", "dim_segment", pa.table({"segment_id": ["s1"]}))
    build_warehouse(tmp_path, (SEGMENTS,))
    (tmp_path / "reports").mkdir()
    layers = {"bronze": 1.0, "silver": 1.0, "text": 1.0, "gold": 1.0, "serve": 1.0}
    (tmp_path / "reports" / "run_report.json").write_text(json.dumps({"seconds": layers}))
    (tmp_path / "c360.yaml").write_text("name: shop\n")
    code, _, err = query(capsys, f"SELECT * FROM {table}", "--workspace", str(tmp_path))
    assert code == 2
    assert err.splitlines()[-1] == (
        f"error: no {table.lower()} in {tmp_path}: the last `c360 run` resolved no customers: "
        "c360.yaml names no identity sources (docs/identity.md)"
    )


def test_the_customer_tables_are_those_a_run_without_identity_sources_drops() -> None:
    from c360.cli.query import customer_tables
    from c360.pipeline.runner import CUSTOMER_TABLES

    assert customer_tables() == {t.name for t in CUSTOMER_TABLES}

"""CSV and gzipped JSON-lines exports of the gold tables."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import gzip
import json
import math
import re
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.contracts.model import Column, Table
from c360.pipeline.lake import drop, publish_table
from c360.serve import exports
from c360.serve.exports import MANIFEST, _recorded, export_all, for_csv, json_lines

ORDERS = Table(
    name="fct_orders",
    seed="000",
    description="",
    layer="gold",
    primary_key=("order_id",),
    partition_by=("year",),
    columns=(
        Column("order_id", "string"),
        Column("note", "string", nullable=True),
        Column("amount_eur", "float", nullable=True),
        Column("is_paid", "bool"),
        Column("ordered_at", "timestamp"),
        Column("ordered_on", "date"),
        Column("tags", "list<string>", nullable=True),
        Column("year", "int"),
    ),
)
ROWS = [
    {
        "order_id": "o1",
        "note": 'says "hi"\nthen, leaves',
        "amount_eur": 12.5,
        "is_paid": True,
        "ordered_at": dt.datetime(2023, 12, 31, 23, 5, 9),
        "ordered_on": dt.date(2023, 12, 31),
        "tags": ["gift", "é"],
        "year": 2023,
    },
    {
        "order_id": "o2",
        "note": None,
        "amount_eur": None,
        "is_paid": False,
        "ordered_at": dt.datetime(2024, 1, 2, 9, 30),
        "ordered_on": dt.date(2024, 1, 2),
        "tags": None,
        "year": 2024,
    },
]


# Hypothesis fails an example slower than 200 ms: on a busy machine that is no failure.
UNTIMED = settings(deadline=None)


def json_text(workspace: Path, table: str) -> str:
    return gzip.decompress(
        (workspace / "exports" / "json" / f"{table}.jsonl.gz").read_bytes()
    ).decode()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    data = pa.Table.from_pylist(ROWS, schema=ORDERS.arrow_schema())
    publish_table(tmp_path, "gold", "fct_orders", data, ORDERS.partition_by)
    publish_table(tmp_path, "gold", "kpi", pa.table({"name": ["orders"], "value": [2]}))
    publish_table(tmp_path, "silver", "stg_orders", pa.table({"x": [1]}))
    return tmp_path


def test_every_gold_table_is_exported_as_csv_and_json_lines(workspace: Path) -> None:
    assert export_all(workspace, (ORDERS,)) == {"fct_orders": 2, "kpi": 1}
    assert sorted(p.name for p in (workspace / "exports" / "csv").iterdir()) == [
        "fct_orders.csv",
        "kpi.csv",
    ]
    assert sorted(p.name for p in (workspace / "exports" / "json").iterdir()) == [
        "fct_orders.jsonl.gz",
        "kpi.jsonl.gz",
    ]


def test_json_lines_round_trip_with_iso_timestamps(workspace: Path) -> None:
    export_all(workspace, (ORDERS,))
    lines = json_text(workspace, "fct_orders").splitlines()
    rows = sorted((json.loads(line) for line in lines), key=lambda r: r["order_id"])
    assert rows == [
        {
            **row,
            "ordered_at": row["ordered_at"].isoformat(),
            "ordered_on": row["ordered_on"].isoformat(),
        }
        for row in ROWS
    ]
    assert list(rows[0]) == ORDERS.column_names  # the contract's order, partition included


def test_csv_has_a_header_iso_timestamps_and_quoted_text(workspace: Path) -> None:
    export_all(workspace, (ORDERS,))
    with open(workspace / "exports" / "csv" / "fct_orders.csv", newline="", encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r["order_id"])
    assert list(rows[0]) == ORDERS.column_names
    assert rows[0]["note"] == 'says "hi"\nthen, leaves'
    assert rows[0]["ordered_at"] == "2023-12-31T23:05:09"
    assert dt.datetime.fromisoformat(rows[1]["ordered_at"]) == ROWS[1]["ordered_at"]
    assert json.loads(rows[0]["tags"]) == ["gift", "é"]
    assert (rows[1]["note"], rows[1]["amount_eur"], rows[1]["tags"]) == ("", "", "")
    assert (rows[0]["is_paid"], rows[0]["year"]) == ("true", "2023")


def test_json_values_that_json_cannot_hold_become_null() -> None:
    data = pa.table(
        {
            "f": [float("nan"), float("inf"), 1.0],
            "at": pa.array(
                [dt.datetime(2024, 1, 1, 8, 0, 0, 250000)] * 3, pa.timestamp("ms", "UTC")
            ),
            "tags": pa.array([["a", None], [], None], pa.list_(pa.string())),
            "s": ["\x00\t", "\\", None],
        }
    )
    rows = [json.loads(line) for line in json_lines(data.slice(0, 3)).decode().splitlines()]
    assert rows == [
        {"f": None, "at": "2024-01-01T08:00:00.250Z", "tags": ["a", None], "s": "\x00\t"},
        {"f": None, "at": "2024-01-01T08:00:00.250Z", "tags": [], "s": "\\"},
        {"f": 1.0, "at": "2024-01-01T08:00:00.250Z", "tags": None, "s": None},
    ]
    assert json_lines(data.slice(1)).decode().splitlines()[0].startswith('{"f":null')
    assert for_csv(data).column("tags").to_pylist() == ['["a",null]', "[]", None]


def test_a_failed_export_keeps_the_previous_files(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export_all(workspace, (ORDERS,))
    before = (workspace / "exports" / "json" / "fct_orders.jsonl.gz").read_bytes()
    publish_table(
        workspace,
        "gold",
        "fct_orders",
        pa.Table.from_pylist(ROWS[:1], schema=ORDERS.arrow_schema()),
    )

    def crash(out: object, lines: pa.Array) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(exports, "_write_lines", crash)
    with pytest.raises(OSError, match="disk full"):
        export_all(workspace, (ORDERS,))
    assert (workspace / "exports" / "json" / "fct_orders.jsonl.gz").read_bytes() == before
    assert sorted(p.name for p in (workspace / "exports" / "json").iterdir()) == [
        "fct_orders.jsonl.gz",
        "kpi.jsonl.gz",
    ]


def test_the_files_a_killed_export_was_writing_go_with_the_next_export(workspace: Path) -> None:
    for folder in ("csv", "json"):
        (workspace / "exports" / folder).mkdir(parents=True)
        (workspace / "exports" / folder / f".fct_orders.{folder}.41.tmp").write_text("half")
    export_all(workspace, (ORDERS,))
    assert sorted(p.name for p in (workspace / "exports" / "csv").iterdir()) == [
        "fct_orders.csv",
        "kpi.csv",
    ]
    assert sorted(p.name for p in (workspace / "exports" / "json").iterdir()) == [
        "fct_orders.jsonl.gz",
        "kpi.jsonl.gz",
    ]


def test_a_users_own_files_beside_the_exports_stay(workspace: Path) -> None:
    for folder in ("csv", "json"):
        (workspace / "exports" / folder).mkdir(parents=True)
        (workspace / "exports" / folder / f"my_notes.{folder}").write_text("x")
    export_all(workspace, (ORDERS,))
    drop(workspace, "gold", "kpi")
    export_all(workspace, (ORDERS,))
    for folder, written in (("csv", "fct_orders.csv"), ("json", "fct_orders.jsonl.gz")):
        assert sorted(p.name for p in (workspace / "exports" / folder).iterdir()) == [
            written,
            f"my_notes.{folder}",
        ]


def test_the_uncompressed_json_of_an_earlier_version_goes(workspace: Path) -> None:
    """Its own tables' ``.json`` files, of tables still in the lake or gone; not the user's."""
    folder = workspace / "exports" / "json"
    folder.mkdir(parents=True)
    for name in ("fct_orders", "kpi", "my_notes"):
        (folder / f"{name}.json").write_text('{"old":1}\n')
    (workspace / "exports" / MANIFEST).write_text(json.dumps(["fct_orders", "kpi", "dim_gone"]))
    (folder / "dim_gone.json").write_text('{"old":1}\n')
    export_all(workspace, (ORDERS,))
    assert sorted(p.name for p in folder.iterdir()) == [
        "fct_orders.jsonl.gz",
        "kpi.jsonl.gz",
        "my_notes.json",
    ]


def test_the_exports_of_a_table_gone_from_the_lake_go(workspace: Path) -> None:
    """A table without a contract too (kpi); a contract's table whose exports c360 wrote
    before it kept track of them (fct_orders)."""
    export_all(workspace, (ORDERS,))
    drop(workspace, "gold", "kpi")
    assert export_all(workspace, (ORDERS,)) == {"fct_orders": 2}
    assert not list(workspace.glob("exports/*/kpi.*"))
    publish_table(workspace, "gold", "kpi", pa.table({"name": ["orders"], "value": [2]}))
    drop(workspace, "gold", "fct_orders")
    for listed in workspace.glob("exports/.*"):  # as a workspace exported by an older c360
        listed.unlink()
    assert export_all(workspace, (ORDERS,)) == {"kpi": 1}
    assert sorted(p.name for p in workspace.glob("exports/*/*")) == ["kpi.csv", "kpi.jsonl.gz"]


def test_no_gold_means_no_exports(tmp_path: Path) -> None:
    assert export_all(tmp_path) == {}
    assert not (tmp_path / "exports").exists()


def test_strings_are_quoted_as_json_dumps_quotes_them() -> None:
    texts = ["plain", 'a "b" \\c', "line\nbreak\x00\x1f", "é ü 日本", None, "\x7f\t"]
    quoted = json_lines(pa.table({"s": pa.array(texts, pa.string())})).decode()
    expected = "".join(
        '{"s":' + ("null" if s is None else json.dumps(s, ensure_ascii=False)) + "}\n"
        for s in texts
    )
    assert quoted == expected


def test_iso_timestamps_match_strftime_inside_and_outside_four_digit_years() -> None:
    inside = [
        dt.datetime(1, 1, 1),
        dt.datetime(2024, 3, 1, 9, 30),
        dt.datetime(9999, 12, 31, 23, 59, 59),
    ]
    seconds = pa.array([*inside, None], pa.timestamp("s"))
    beyond = pa.concat_arrays([seconds, pa.array([253402300800], pa.timestamp("s"))])
    for col in (seconds, beyond, seconds.cast(pa.timestamp("ms", "Europe/Paris"))):
        utc = col if col.type.tz is None else col.cast(pa.timestamp(col.type.unit, "UTC"))
        zone = "" if col.type.tz is None else "Z"
        assert exports._iso(col) == pc.strftime(utc, format=f"%Y-%m-%dT%H:%M:%S{zone}")
    assert exports._iso(seconds).to_pylist()[:2] == ["0001-01-01T00:00:00", "2024-03-01T09:30:00"]


def test_times_and_dates_beyond_the_years_arrow_writes_keep_their_year() -> None:
    """Arrow's cast and strftime wrap a year beyond ±32,767 (40000 became -25536) or write
    ``<value out of range: …>``; ``c360 query`` reads such values from DuckDB."""
    seconds = pa.array([1200110896800, -1324440115201, None], pa.timestamp("s"))
    assert exports._iso(seconds).to_pylist() == [
        "40000-01-01T10:00:00",
        "-40000-02-29T23:59:59",
        None,
    ]
    zoned = pa.array([-1264896000000001, 0], pa.timestamp("ms", "Europe/Paris"))
    assert exports._iso(zoned).to_pylist() == [
        "-38113-01-15T23:59:59.999Z",
        "1970-01-01T00:00:00.000Z",
    ]
    days = pa.array([11500000, -(2**31), 2**31 - 1, None, 0], pa.date32())
    data = pa.table({"on": days, "at": pa.array([None] * 4 + [1200110896800], seconds.type)})
    assert [json.loads(line) for line in json_lines(data).decode().splitlines()] == [
        {"on": "33455-12-07", "at": None},
        {"on": "-5877641-06-23", "at": None},
        {"on": "5881580-07-11", "at": None},
        {"on": None, "at": None},
        {"on": "1970-01-01", "at": "40000-01-01T10:00:00"},
    ]
    assert for_csv(data).column("on").to_pylist()[:2] == ["33455-12-07", "-5877641-06-23"]


def numpy_iso(value: np.datetime64) -> str:
    """numpy's ISO text of ``value``, its year written with four digits at least, as Arrow does."""
    found = re.fullmatch(r"(-?)(\d+)(-.*)", str(value))
    assert found is not None
    sign, year, rest = found.groups()
    return f"{sign}{int(year):04d}{rest}"


@UNTIMED
@given(st.integers(-(2**63) + 1, 2**63 - 1), st.sampled_from(["s", "ms", "us", "ns"]))
def test_iso_times_and_dates_of_any_year_read_as_numpy_reads_them(value: int, unit: str) -> None:
    (text,) = exports._iso(pa.array([value], pa.timestamp(unit))).to_pylist()
    assert text == numpy_iso(np.datetime64(value, unit))
    days = value >> 32  # any 32-bit day count
    (day,) = exports._iso(pa.array([days], pa.date32())).to_pylist()
    assert day == numpy_iso(np.datetime64(days, "D"))


def test_a_users_table_of_categories_and_large_lists_is_exported(tmp_path: Path) -> None:
    """A table no contract declares keeps its Parquet types: pandas writes categories as
    dictionaries, polars lists as large lists."""
    data = pa.table(
        {
            "tier": pa.array(["gold", None, "gold"]).dictionary_encode(),
            "tags": pa.array([["a", 'b"c'], None, []], pa.large_list(pa.large_string())),
        }
    )
    publish_table(tmp_path, "gold", "my_segments", data)
    assert export_all(tmp_path, ()) == {"my_segments": 3}
    assert [json.loads(line) for line in json_text(tmp_path, "my_segments").splitlines()] == [
        {"tier": "gold", "tags": ["a", 'b"c']},
        {"tier": None, "tags": None},
        {"tier": "gold", "tags": []},
    ]
    path = tmp_path / "exports" / "csv" / "my_segments.csv"
    assert path.read_text("utf-8") == '"tier","tags"\n"gold","[""a"",""b\\""c""]"\n,\n"gold","[]"\n'


def test_a_column_csv_and_json_cannot_hold_is_one_line_naming_it(tmp_path: Path) -> None:
    """A table no contract declares may hold any Parquet type: the run says which column."""
    data = pa.table({"id": [1], "opens_at": pa.array([dt.time(9, 30)], pa.time64("us"))})
    publish_table(tmp_path, "gold", "my_shops", data)
    with pytest.raises(OSError) as error:
        export_all(tmp_path, ())
    assert str(error.value) == (
        "cannot write the exports of my_shops: column opens_at is of type time64[us], "
        "which CSV and JSON lines do not hold"
    )
    assert not (tmp_path / "exports" / "csv" / "my_shops.csv").exists()


def test_a_hand_edited_record_names_no_file_outside_the_exports(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / MANIFEST).write_text(json.dumps(["../../x", "..", "a/b", "dim_x", 3]))
    assert _recorded(folder) == {"dim_x"}
    (folder / MANIFEST).write_text("{not json")
    assert _recorded(folder) == set()


def test_a_rerun_writes_the_same_bytes_and_the_gzip_header_holds_no_time_nor_name(
    workspace: Path,
) -> None:
    files = [workspace / "exports" / f for f in ("csv/fct_orders.csv", "json/fct_orders.jsonl.gz")]
    export_all(workspace, (ORDERS,))
    first = [f.read_bytes() for f in files]
    export_all(workspace, (ORDERS,))
    assert [f.read_bytes() for f in files] == first
    flags, mtime = first[1][3], first[1][4:8]
    assert (flags, mtime) == (0, b"\0\0\0\0")


def test_floats_keep_15_significant_digits_in_both_files(tmp_path: Path) -> None:
    """Sums' noise goes; tiny and huge values, NaN, infinity and a float32 stay as they are."""
    values = [0.1 + 0.2, 66.74000000000001, 2936.5499999999997, 1 / 3, -2.5e-9, 1e300, None]
    data = pa.table(
        {
            "x": pa.array(values, pa.float64()),
            "y": pa.array([float("nan"), float("inf"), 0.0, 5e-324, -1.0, 2.0, 3.0]),
            "z": pa.array([0.1] * 7, pa.float32()),
        }
    )
    publish_table(tmp_path, "gold", "measures", data)
    export_all(tmp_path, ())
    rounded = [0.3, 66.74, 2936.55, 0.333333333333333, -2.5e-9, 1e300, None]
    with open(tmp_path / "exports" / "csv" / "measures.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["x"] for r in rows] == ["0.3", "66.74", "2936.55", "0.333333333333333", "-2.5e-9",
                                      "1e+300", ""]  # fmt: skip
    assert {r["z"] for r in rows} == {"0.1"}
    lines = [json.loads(line) for line in json_text(tmp_path, "measures").splitlines()]
    assert [r["x"] for r in lines] == rounded
    assert [r["y"] for r in lines] == [None, None, 0.0, 5e-324, -1.0, 2.0, 3.0]
    assert for_csv(data).column("x").to_pylist() == rounded


def test_csv_writes_nan_as_an_empty_field_and_infinity_as_inf(tmp_path: Path) -> None:
    """NaN is a missing value, empty as NULL is; ±infinity is a value, which readers take back."""
    nan, inf = float("nan"), float("inf")
    data = pa.table(
        {
            "x": pa.array([nan, inf, -inf, None, 1.5, 0.1 + 0.2], pa.float64()),
            "y": pa.array([nan, inf, -inf, None, 1.5, 0.25], pa.float32()),
            "n": pa.array(range(6), pa.int64()),
        }
    )
    publish_table(tmp_path, "gold", "measures", data)
    export_all(tmp_path, ())
    text = (tmp_path / "exports" / "csv" / "measures.csv").read_text("utf-8")
    lines = ['"x","y","n"', ",,0", "inf,inf,1", "-inf,-inf,2", ",,3", "1.5,1.5,4", "0.3,0.25,5"]
    assert text.splitlines() == lines
    assert for_csv(data.slice(0, 2)).column("x").to_pylist() == [None, inf]
    back = pcsv.read_csv(tmp_path / "exports" / "csv" / "measures.csv")
    assert back.column("x").to_pylist()[:4] == [None, inf, -inf, None]


@UNTIMED
@given(  # drawn in range rather than filtered: a filter rejecting most draws fails health checks
    st.one_of(
        st.floats(min_value=1e-8, max_value=1e15, exclude_max=True),
        st.floats(min_value=-1e15, max_value=-1e-8, exclude_min=True),
    )
)
def test_a_rounded_float_prints_at_most_15_digits_and_moves_less_than_one_in_the_15th(
    x: float,
) -> None:
    (y,) = exports._fifteen_digits(pa.array([x])).to_pylist()
    digits = repr(y).split("e")[0].replace("-", "").replace(".", "").strip("0")
    assert len(digits) <= 15
    assert abs(y - x) <= 10 ** (math.floor(math.log10(abs(x))) - 14)
    assert exports._fifteen_digits(pa.array([y])).to_pylist() == [y]


def quoted(texts: list[str | None]) -> list[str]:
    """What a JSON string holds for each text: ``json.dumps`` without escaping non-ASCII."""
    return ["null" if s is None else json.dumps(s, ensure_ascii=False) for s in texts]


ESCAPED = [
    'says "hi"',
    "C:\\temp\\",
    '\\"both\\"',
    '"',
    "\\",
    "",
    None,
    'Zoë "x"',
    'tab\there "q"\n\\',
    "\x00\x1f\x7f",
    "日本 plain",
    '{"k": "v", "n": [1, "\\u00e9"]}',
]


@pytest.mark.parametrize(
    "texts",
    [
        ESCAPED,
        ['"' * 5, "\\" * 4, '\\"' * 3],
        ["plain", "", None, "Zoë"],  # nothing to escape
        [None, None, None],
        ["\n", 'ctrl\x01 and "quote"', "no ctrl \\"],  # control characters beside quotes
        [],
    ],
)
def test_json_strings_escape_quotes_backslashes_and_control_characters(
    texts: list[str | None],
) -> None:
    for kind in (pa.string(), pa.large_string()):
        assert exports._json_values(pa.array(texts, kind)).to_pylist() == quoted(texts)


def test_a_sliced_string_column_escapes_only_its_own_rows() -> None:
    col = pa.array(['"before"', *ESCAPED, "\\after"], pa.string())
    for start, length in ((1, len(ESCAPED)), (3, 4), (7, 0), (0, 1), (len(ESCAPED) + 1, 1)):
        part = col.slice(start, length)
        assert part.offset == start
        assert exports._json_values(part).to_pylist() == quoted(part.to_pylist())


def test_a_null_rows_hidden_bytes_stay_unwritten() -> None:
    """A NULL slot may keep bytes (here a quote and a control character): it stays ``null``."""
    values = pa.array(['a"b', 'c"\nd', "e"], pa.string())
    validity = pa.py_buffer(bytes([0b101]))
    col = pa.Array.from_buffers(pa.string(), 3, [validity, *values.buffers()[1:]], 1)
    assert col.to_pylist() == ['a"b', None, "e"]
    assert exports._json_values(col).to_pylist() == ['"a\\"b"', "null", '"e"']
    assert exports._json_values(col.slice(1)).to_pylist() == ["null", '"e"']


def test_quotes_and_backslashes_are_escaped_without_a_text_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """JSON text in a column holds quotes in every row: one look at the bytes escapes them."""

    def search(*args: object, **kwargs: object) -> None:
        raise AssertionError("a text search")

    for name in ("replace_substring", "match_substring", "match_substring_regex"):
        monkeypatch.setattr(pc, name, search)
    texts = ['{"a": 1}', 'C:\\x "y"', None, ""]
    assert exports._json_values(pa.array(texts)).to_pylist() == quoted(texts)


def test_a_column_too_large_to_escape_in_one_pass_is_escaped_row_by_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(exports, "_LONGEST", 4)
    cases: list[list[str | None]] = [ESCAPED, ['"' * 5, None, "x"], ['"ab"', "\\"]]
    for texts in cases:
        assert exports._json_values(pa.array(texts)).to_pylist() == quoted(texts)


@UNTIMED
@given(
    st.lists(st.none() | st.text(st.sampled_from('"\\\x00\n\x1f aé日\u2028'), max_size=6)),
    st.integers(0, 3),
    st.integers(0, 3),
)
def test_any_text_is_written_as_json_dumps_writes_it(
    texts: list[str | None], start: int, cut: int
) -> None:
    col = pa.array(texts, pa.string()).slice(start, max(len(texts) - start - cut, 0))
    assert exports._json_values(col).to_pylist() == quoted(col.to_pylist())


def reference_lines(data: pa.Table) -> str:
    """JSON lines as ``json.dumps`` writes each row, times in ISO-8601 (no float columns)."""

    def value(v: object) -> object:
        return v.isoformat() if isinstance(v, dt.date) else v

    return "".join(
        json.dumps({k: value(v) for k, v in row.items()}, ensure_ascii=False, separators=(",", ":"))
        + "\n"
        for row in data.to_pylist()
    )


TEXTS = st.text(st.sampled_from('"\\\x00\n aé'), max_size=4)
TIMES = st.datetimes(dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31)).map(
    lambda t: t.replace(microsecond=0)
)


@UNTIMED
@given(
    st.lists(st.tuples(TEXTS, st.none() | TEXTS, TIMES, st.none() | st.dates()), max_size=5),
    st.integers(0, 2),
)
def test_text_times_and_dates_with_and_without_nulls_are_written_as_json_dumps_writes_them(
    rows: list[tuple[str, str | None, dt.datetime, dt.date | None]], start: int
) -> None:
    """Columns without NULLs take their quotes from the line around them; the text is the same."""
    names = ("s", "t", "at", "on")
    kinds = (pa.string(), pa.large_string(), pa.timestamp("s"), pa.date32())
    columns = [pa.array([r[i] for r in rows], kind) for i, kind in enumerate(kinds)]
    data = pa.table(columns, names=names).slice(start)
    assert json_lines(data).decode() == reference_lines(data)
    assert json_lines(data.select(["at", "s"])).decode() == reference_lines(
        data.select(["at", "s"])
    )


def test_iso_times_of_a_sliced_column_with_nulls_put_the_t_in_their_own_rows() -> None:
    times = [dt.datetime(2024, 3, 1, 9, 30), None, dt.datetime(1999, 12, 31, 23, 59, 59), None]
    for unit, fraction in (("s", ""), ("ms", ".000")):
        col = pa.array(times, pa.timestamp(unit)).slice(1)
        assert exports._iso(col).to_pylist() == [None, f"1999-12-31T23:59:59{fraction}", None]
    zoned = pa.array(times, pa.timestamp("s", "UTC")).slice(0, 3)
    assert exports._iso(zoned).to_pylist() == ["2024-03-01T09:30:00Z", None, "1999-12-31T23:59:59Z"]


def test_a_read_only_exports_folder_names_the_export_not_its_temporary_file(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export_all(workspace, (ORDERS,))
    before = (workspace / "exports" / "csv" / "fct_orders.csv").read_bytes()
    opened = exports.pcsv.CSVWriter

    def read_only(sink: str, schema: pa.Schema) -> object:
        if Path(sink).parent.name == "csv":  # Arrow's error, naming the file it opened
            raise PermissionError(
                errno.EACCES,
                f"Failed to open local file '{sink}'. Detail: [errno 13] Permission denied",
            )
        return opened(sink, schema)

    monkeypatch.setattr(exports.pcsv, "CSVWriter", read_only)
    with pytest.raises(OSError) as caught:
        export_all(workspace, (ORDERS,))
    assert str(caught.value) == (
        f"cannot write {workspace / 'exports' / 'csv' / 'fct_orders.csv'}: Permission denied"
    )
    monkeypatch.undo()
    assert (workspace / "exports" / "csv" / "fct_orders.csv").read_bytes() == before
    assert not list((workspace / "exports").glob("*/.*.tmp"))


def test_a_full_disk_while_exporting_names_the_table_and_the_exports_folder(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(out: object, lines: pa.Array) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")  # a write names no file

    monkeypatch.setattr(exports, "_write_lines", full)
    with pytest.raises(OSError) as caught:
        export_all(workspace, (ORDERS,))
    assert str(caught.value) == (
        f"cannot write the exports of fct_orders in {workspace / 'exports'}: "
        "No space left on device"
    )

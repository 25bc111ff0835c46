"""One expression, every engine, the same rows: the portable patterns the pipeline relies on."""

from __future__ import annotations

import datetime as dt

import ibis
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from c360.engines import Engine, EngineUnavailableError, connect

ROWS = pa.table(
    {
        "key": ["a", "a", "b", "c", None],
        "seen": pa.array(
            [dt.datetime(2024, 1, d, tzinfo=dt.UTC) for d in (1, 3, 2, 5, 4)],
            pa.timestamp("s", tz="UTC"),
        ),
        "raw_date": ["2024-02-03", "2024-02-30", "03/02/2024", "2024-1-5", None],
        "amount": pa.array([10.5, None, 3.0, 0.0, 1.0]),
    }
)


def test_latest_row_per_key_is_the_same_everywhere(engine: Engine) -> None:
    t = engine.register("rows_latest", ROWS)
    rank = ibis.row_number().over(group_by=t.key, order_by=[ibis.desc(t.seen)])
    latest = t.mutate(rank=rank).filter(ibis._.rank == 0).drop("rank").order_by("seen")
    out = engine.to_arrow(latest.select("key", "seen"))
    assert out.column("key").to_pylist() == ["b", "a", None, "c"]
    assert out.schema.field("seen").type.tz is None  # naive UTC on every engine
    assert out.column("seen")[0].as_py() == dt.datetime(2024, 1, 2)


def test_safe_iso_date_parse_and_null_division(engine: Engine) -> None:
    t = engine.register("rows_parse", ROWS)
    iso = ibis.ifelse(
        t.raw_date.re_search(r"^\d{4}-\d{2}-\d{2}$"), t.raw_date, ibis.null(ibis.dtype("string"))
    )
    ratio = ibis.ifelse(t.amount == 0, ibis.null(ibis.dtype("float64")), 1 / t.amount)
    out = engine.to_arrow(
        t.select(t.key, t.raw_date, parsed=iso.try_cast("date"), ratio=ratio).order_by(
            t.key.asc(nulls_first=True), t.raw_date
        )
    )
    # keys None, a (2024-02-03), a (30 February), b (dd/mm/yyyy), c (no zero padding)
    assert out.column("parsed").to_pylist() == [None, dt.date(2024, 2, 3), None, None, None]
    assert out.column("ratio").to_pylist() == [1.0, pytest.approx(1 / 10.5), None, 1 / 3.0, None]


def test_a_table_without_rows_or_chunks_registers(engine: Engine) -> None:
    """What filtering every row away can leave: columns of zero chunks, a list among them."""
    types = {**{c: ROWS[c].type for c in ROWS.column_names}, "tags": pa.list_(pa.string())}
    empty = pa.table({c: pa.chunked_array([], t) for c, t in types.items()})
    t = engine.register("rows_none", empty)
    assert engine.to_arrow(t.filter(t.amount > 1)).num_rows == 0


def test_a_forgotten_table_is_gone_and_its_name_free(engine: Engine) -> None:
    """What a step registers for itself goes when it is done, not with the engine."""
    engine.register("rows_forgotten", ROWS)
    engine.forget("rows_forgotten")
    with pytest.raises(Exception, match="rows_forgotten"):
        engine.sql("SELECT count(*) AS n FROM rows_forgotten")
    engine.forget("rows_forgotten")  # forgetting twice, or a table never registered, is fine
    again = engine.register("rows_forgotten", ROWS.slice(0, 2))
    assert engine.to_arrow(again).num_rows == 2


def test_map_batches_streams_a_function_over_every_row(engine: Engine) -> None:
    t = engine.register("rows_map", pa.table({"n": list(range(250_001))}))
    schema = pa.schema([("n", pa.int64()), ("twice", pa.int64())])

    def twice(batch: pa.RecordBatch) -> pa.RecordBatch:
        n = batch.column("n")
        return pa.RecordBatch.from_arrays([n, pc.multiply(n, 2)], schema=schema)

    batches = list(engine.map_batches(t.select("n"), twice, schema))
    assert all(b.schema == schema and b.num_rows <= 100_000 for b in batches)
    out = pa.Table.from_batches(batches).sort_by("n")
    assert out.num_rows == 250_001 and out["twice"].to_pylist()[-1] == 500_000


def test_unknown_engine_is_refused_with_a_message() -> None:
    with pytest.raises(EngineUnavailableError, match="choose one of duckdb, spark"):
        connect("oracle")


EDGES = pa.table(
    {
        "n": pa.array([2**53 + 1, None, -(2**63), 2**63 - 1], pa.int64()),
        "at": pa.array(
            [dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59, 59), None,
             dt.datetime(1677, 9, 21)],
            pa.timestamp("us"),
        ),
        "day": pa.array([dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2024, 2, 29), None]),
    }
)  # fmt: skip


def test_collected_values_keep_every_digit_and_date(engine: Engine) -> None:
    """What a detour through pandas (nanosecond timestamps, float64 for integers with NULLs)
    would break: dates outside 1677-2262 and integers beyond 2**53."""
    t = engine.register("rows_edges", EDGES)
    out = engine.to_arrow(t.mutate(later=t.at + ibis.interval(seconds=0)))
    assert out.column("n").to_pylist() == EDGES.column("n").to_pylist()
    assert out.column("later").to_pylist() == EDGES.column("at").to_pylist()
    assert out.column("day").to_pylist() == EDGES.column("day").to_pylist()
    assert out.schema.field("later").type.tz is None


def test_an_aggregate_with_no_rows_collects(engine: Engine) -> None:
    t = engine.register("rows_agg", ROWS)
    big = t.filter(t.amount > 1e9)
    out = engine.to_arrow(big.aggregate(total=big.amount.sum(), rows=big.count()))
    assert out.to_pylist() == [{"total": None, "rows": 0}]

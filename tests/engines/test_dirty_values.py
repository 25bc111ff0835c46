"""Dirty and edge values read the same on DuckDB and on Spark: every silver parser, value by value.

The pipeline's parity test runs generated data; these are the values a real export holds and a
generator rarely writes (dates at the edges of what engines hold, offsets, unicode case and
spaces, numbers beyond float64).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import ibis
import pyarrow as pa
import pytest
from ibis.expr.types import StringValue

from c360.engines import connect
from c360.pipeline.silver import conform, parse

pytestmark = pytest.mark.spark

AGREED = [
    "1970-01-01", "9999-12-31", "9999-12-31 23:59:59", "0001-01-01", "1500-03-01 00:00:00",
    "1677-09-21 00:00:00", "2262-04-12 00:00:00", "2024-02-29", "2023-02-29",
    "2024-02-29T23:30:00-02:00", "2024-03-31T01:30:00+14:00", "2024-07-28T12:00:00.123456789Z",
    "1900-02-28T23:00:00-0130", "2024-12-31 24:00:00", "2024-07-28T24:00+02:00",
    "9999-12-31T24:00:00Z", " 2024-01-01 ", "2024-01-01\u00a0", "", "12,5", "1e400",
    "-1e400", "1e-400", "99999999999999999999", "9007199254740993", "1.234,56", "1 234,50",
    "NaN", "inf", "-0", "Ï", "STRASSE ß", "🦆 ", "\u2003abc\u3000", "x\x00", "OUI", "SÍ",
    "NÃO", " true ", "Mid-Market ", "mid\u00a0market", "españa", "Österreich", "FRANCE\u00a0",
    "UPPER@EXAMPLE.COM", " Ann Lee <ann@mail.fr> ", None,
    # what exports write for a missing value, and money as people write it
    "NULL", "null", "\\N", "None", "none", "NONE", "nan", "NaT", "<NA>", "N/A", "n/a", "#N/A",
    " NULL ", "Null", "NA", "NULLS", "+12.50", "+5", "+-5", "12,50 €", "€12.50", "-€12.50",
    "€ -12.50", "12.50 EUR", "eur 1.234,50", "1 234,50\u00a0€", "$1,234.56", "£12", "12 USD",
    "12€50", "1,234", "0,125", "-12,500", "€",
    # whole euros, other currencies, a 12-hour clock, UTC and two-digit offsets
    "€12,500,000", "12.500.000 €", "12 500 000 EUR", "12,500,000.50", "1e20", "9.3e18",
    "JPY 1,500,000", "US$ 12", "1 200 ₽", "1200 usd", "-$12.50", "12 USDX",
    "3/5/2024 2:22 PM", "3/5/2024 12:00 am", "3/5/2024 12:30 p.m.", "3/5/2024 13:00 PM",
    "2024-03-05 14:22:00 UTC", "2024-03-05 14:22:00.5+01", "2024-03-05 00:30-05", "2024-07-28-05",
    # offsets no clock has
    "2024-07-28 10:00:00+99", "2024-07-28T10:00:00+9900", "2024-07-28 10:00:00-14:00",
    "2024-07-28 10:00:00+05:60", "2024-07-28T24:00+15:00",
]  # fmt: skip
# Java's regex \s holds the vertical tab, RE2's (DuckDB) does not; Java lower-cases "İ" to
# "i" + a combining dot above, DuckDB to "i": the parsers spell white space out and replace "İ"
# before lower-casing (``parse.SPACE``, ``parse.lower``).
SETTLED = ["2024-01-01\x0b", "Deutschland\x0b", "TÜRKİYE", "İ@example.com", "web\x0b"]
VALUES: list[Any] = [*AGREED, *SETTLED]
RAW = VALUES

PARSERS: dict[str, Callable[[StringValue], ibis.Value]] = {
    "clean_text": parse.clean_text,
    "number": parse.number,
    "money": parse.money,
    "whole_money": parse.whole_money,
    "other_currency": lambda v: parse.other_currency(v, parse.money(v)),
    "integer": parse.integer,
    "timestamp": parse.timestamp,
    "written_timestamp": parse.written_timestamp,
    "date": lambda v: parse.written_timestamp(v).date(),
    "month_first": lambda v: parse.written_timestamp(parse.iso_date_text(v, "month_first")),
    "boolean": parse.boolean,
    "category": lambda v: parse.category(v, ["mid_market", "enterprise"]),
    "country": conform.country_iso,
    "email": conform.email,
}


@pytest.fixture(scope="module")
def read() -> dict[str, list[dict[str, Any]]]:
    """Every value through every parser, on each engine (one query per engine)."""
    data = pa.table({"i": pa.array(range(len(RAW)), pa.int64()), "v": pa.array(RAW, pa.string())})
    out = {}
    for name in ("duckdb", "spark"):
        engine = connect(name)
        t = engine.register("dirty_values", data)
        query = t.select("i", **{p: f(t.v) for p, f in PARSERS.items()}).order_by("i")
        out[name] = engine.to_arrow(query).to_pylist()
    return out


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-12)
    return bool(a == b)


@pytest.mark.parametrize("value", VALUES)
def test_a_dirty_value_reads_the_same_on_both_engines(
    read: dict[str, list[dict[str, Any]]], value: str | None
) -> None:
    i = RAW.index(value)
    duck, spark = read["duckdb"][i], read["spark"][i]
    differ = {k: (duck[k], spark[k]) for k in PARSERS if not _same(duck[k], spark[k])}
    assert not differ, differ

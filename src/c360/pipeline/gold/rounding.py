"""Rounding that gives the same digits on every engine.

``round`` differs between engines on some ties: ``round(1.005, 2)`` is 1.0 on DuckDB and 1.01
on Spark. Flooring ``value × 10^digits + 0.5`` is plain IEEE arithmetic, the same everywhere:
ties round up. Money goes through a thousandth of a cent first, so an amount that is a tie on
paper but stored a hair below it as a double (1.005, or 77.99 / 2 = 38.995) rounds up too.

No step goes through a 64-bit integer: an amount silver accepts (below ``parse.TOO_LARGE``,
1e15) is up to 1e20 thousandths of a cent, past 2^63, which DuckDB refuses to cast and Spark
(ANSI) to add. A value is floored through a 64-bit integer only where it fits one (every
double from 2^52 on is whole already), and sums add ``DECIMAL(38, 0)``, which both engines add
exactly and without overflow up to 10^38.
"""

from __future__ import annotations

import ibis
from ibis.expr import datatypes as dt
from ibis.expr.types import BooleanValue, FloatingValue, NumericValue


def fixed(value: NumericValue, digits: int) -> FloatingValue:
    """``value`` to ``digits`` decimals; NULL stays NULL."""
    scale = 10**digits
    result: FloatingValue = _floor(value * scale + 0.5) / scale
    return result


def _floor(value: NumericValue) -> FloatingValue:
    """The largest whole number not above ``value``, as a double: ``floor()`` (a 64-bit
    integer) where ``value`` fits one, else ``value`` itself, whole as every double from 2^52
    on is. (A floor in doubles alone, ``value - value % 1``, cost DuckDB ten times as much:
    ``%`` of a double is C's ``fmod``.)"""
    result: FloatingValue = ibis.ifelse(value.abs() < _LONG, value.floor().cast("float64"), value)
    return result


def _whole(value: NumericValue) -> NumericValue:
    """``_floor(value)`` as ``_WHOLE``: a 64-bit integer converts exactly on both engines, a
    double does on DuckDB and through its shortest decimal text on Spark (exact below 2^53)."""
    return ibis.ifelse(value.abs() < _LONG, value.floor().cast(_WHOLE), value.cast(_WHOLE))


# Below it, floor() fits a 64-bit integer with room to spare.
_LONG = 2**62
# What sums add: whole numbers to 10^38, exactly on both engines (DuckDB widens a 64-bit sum to
# 128 bits, Spark's overflows).
_WHOLE = dt.Decimal(38, 0)


EXTRA_DIGITS = 3  # what money keeps of each value beyond the digits it rounds to


def cents(value: NumericValue) -> FloatingValue:
    """An amount to the cent, ties up: 1.005 and 38.995 (a hair below as doubles) round up."""
    return _whole_units(_finer_units(value, 2), 2)


def _finer_units(value: NumericValue, digits: int) -> FloatingValue:
    """``value`` as a whole number of 10^-(digits + 3): exact, row by row."""
    return _floor(_finer(value, digits))


def _finer(value: NumericValue, digits: int) -> NumericValue:
    return value * 10 ** (digits + EXTRA_DIGITS) + 0.5


def _whole_units(units: NumericValue, digits: int) -> FloatingValue:
    """Whole ``_finer_units`` back to ``digits`` decimals, ties up."""
    finer = 10**EXTRA_DIGITS
    result: FloatingValue = _floor((units + finer // 2) / finer) / 10**digits
    return result


def _total(value: NumericValue, where: BooleanValue | None = None) -> FloatingValue:
    """The sum of ``_whole(value)``, added as ``_WHOLE``, as a double again: exact where the
    total is below 2^53, as every total of the pipeline's own data is."""
    total: FloatingValue = _whole(value).sum(where=where).cast("float64")
    return total


def exact_sum(value: NumericValue, digits: int, where: BooleanValue | None = None) -> FloatingValue:
    """The sum of ``value`` to ``digits`` decimals, whatever order the engine adds rows in.

    Doubles added in another order can land on the other side of a rounding tie, so a rerun
    could write other digits. Each value is taken to ``digits`` + 3 decimals as a whole number
    (exact, row by row); whole numbers add up exactly, and the total is rounded once, ties up.
    Rows where ``where`` is not true are skipped; NULL when every value is NULL.
    """
    return _whole_units(_total(_finer(value, digits), where), digits)


def exact_mean(value: NumericValue, digits: int) -> FloatingValue:
    """The mean of ``value``, each taken to ``digits`` decimals, whatever order the engine adds
    rows in: the whole numbers add up exactly and are divided once. NULL when every value is
    NULL."""
    scale = 10**digits
    units = value * scale + 0.5
    result: FloatingValue = _total(units) / units.count() / scale
    return result

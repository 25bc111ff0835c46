"""Rounding that gives the same digits on every engine.

``round`` differs between engines on some ties: ``round(1.005, 2)`` is 1.0 on DuckDB and 1.01
on Spark. Flooring ``value × 10^digits + 0.5`` is plain IEEE arithmetic, the same everywhere:
ties round up. Money goes through a thousandth of a cent first, so an amount that is a tie on
paper but stored a hair below it as a double (1.005, or 77.99 / 2 = 38.995) rounds up too.
"""

from __future__ import annotations

from ibis.expr.types import BooleanValue, FloatingValue, NumericValue


def fixed(value: NumericValue, digits: int) -> FloatingValue:
    """``value`` to ``digits`` decimals; NULL stays NULL."""
    scale = 10**digits
    result: FloatingValue = (value * scale + 0.5).floor() / scale
    return result


EXTRA_DIGITS = 3  # what money keeps of each value beyond the digits it rounds to


def cents(value: NumericValue) -> FloatingValue:
    """An amount to the cent, ties up: 1.005 and 38.995 (a hair below as doubles) round up."""
    return _whole_units(_finer_units(value, 2), 2)


def _finer_units(value: NumericValue, digits: int) -> NumericValue:
    """``value`` as a whole number of 10^-(digits + 3): exact, row by row."""
    return (value * 10 ** (digits + EXTRA_DIGITS) + 0.5).floor()


def _whole_units(units: NumericValue, digits: int) -> FloatingValue:
    """Whole ``_finer_units`` back to ``digits`` decimals, ties up."""
    finer = 10**EXTRA_DIGITS
    result: FloatingValue = ((units + finer // 2) / finer).floor() / 10**digits
    return result


def exact_sum(value: NumericValue, digits: int, where: BooleanValue | None = None) -> FloatingValue:
    """The sum of ``value`` to ``digits`` decimals, whatever order the engine adds rows in.

    Doubles added in another order can land on the other side of a rounding tie, so a rerun
    could write other digits. Each value is taken to ``digits`` + 3 decimals as a whole number
    (exact, row by row); whole numbers add up exactly, and the total is rounded once, ties up.
    Rows where ``where`` is not true are skipped; NULL when every value is NULL.
    """
    return _whole_units(_finer_units(value, digits).sum(where=where), digits)


def exact_mean(value: NumericValue, digits: int) -> FloatingValue:
    """The mean of ``value``, each taken to ``digits`` decimals, whatever order the engine adds
    rows in: the whole numbers add up exactly and are divided once. NULL when every value is
    NULL."""
    scale = 10**digits
    units = (value * scale + 0.5).floor()
    result: FloatingValue = units.sum() / units.count() / scale
    return result

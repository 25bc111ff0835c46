"""Rounding that gives the same digits on every engine.

``round`` differs between engines on some ties: ``round(1.005, 2)`` is 1.0 on DuckDB and 1.01
on Spark. Flooring ``value × 10^digits + 0.5`` is plain IEEE arithmetic, the same everywhere:
ties round up, and 1.005, stored a hair below the tie, rounds down.
"""

from __future__ import annotations

from ibis.expr.types import BooleanValue, FloatingValue, NumericValue


def fixed(value: NumericValue, digits: int) -> FloatingValue:
    """``value`` to ``digits`` decimals; NULL stays NULL."""
    scale = 10**digits
    result: FloatingValue = (value * scale + 0.5).floor() / scale
    return result


def cents(value: NumericValue) -> FloatingValue:
    """An amount to the cent."""
    return fixed(value, 2)


EXTRA_DIGITS = 3  # what ``exact_sum`` keeps of each value beyond the digits it rounds to


def exact_sum(value: NumericValue, digits: int, where: BooleanValue | None = None) -> FloatingValue:
    """The sum of ``value`` to ``digits`` decimals, whatever order the engine adds rows in.

    Doubles added in another order can land on the other side of a rounding tie, so a rerun
    could write other digits. Each value is taken to ``digits`` + 3 decimals as a whole number
    (exact, row by row); whole numbers add up exactly, and the total is rounded once, ties up.
    Rows where ``where`` is not true are skipped; NULL when every value is NULL.
    """
    finer = 10**EXTRA_DIGITS
    units = (value * 10 ** (digits + EXTRA_DIGITS) + 0.5).floor().sum(where=where)
    result: FloatingValue = ((units + finer // 2) / finer).floor() / 10**digits
    return result


def exact_mean(value: NumericValue, digits: int) -> FloatingValue:
    """The mean of ``value``, each taken to ``digits`` decimals, whatever order the engine adds
    rows in: the whole numbers add up exactly and are divided once. NULL when every value is
    NULL."""
    scale = 10**digits
    units = (value * scale + 0.5).floor()
    result: FloatingValue = units.sum() / units.count() / scale
    return result

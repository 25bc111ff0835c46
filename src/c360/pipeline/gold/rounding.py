"""Rounding that gives the same digits on every engine.

``round`` differs between engines on some ties: ``round(1.005, 2)`` is 1.0 on DuckDB and 1.01
on Spark. Flooring ``value × 10^digits + 0.5`` is plain IEEE arithmetic, the same everywhere:
ties round up, and 1.005, stored a hair below the tie, rounds down.
"""

from __future__ import annotations

from ibis.expr.types import FloatingValue, NumericValue


def fixed(value: NumericValue, digits: int) -> FloatingValue:
    """``value`` to ``digits`` decimals; NULL stays NULL."""
    scale = 10**digits
    result: FloatingValue = (value * scale + 0.5).floor() / scale
    return result


def cents(value: NumericValue) -> FloatingValue:
    """An amount to the cent."""
    return fixed(value, 2)

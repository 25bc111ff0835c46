"""Portable parsers for text landed in bronze: the same answer on DuckDB and Spark.

``try_cast`` alone differs between engines ("1.5" → int is 2 on DuckDB and NULL on Spark,
"2024" → date is NULL on DuckDB and 2024-01-01 on Spark), so every parser checks the text's
shape first and only then casts. A value that does not parse is NULL; callers compare with the
raw text to tell "missing" from "invalid".
"""

from __future__ import annotations

import ibis
from ibis.expr.types import FloatingValue, IntegerValue, StringValue, TimestampValue

_NUMBER = r"^-?[0-9]+([.,][0-9]+)?$"
_INTEGER = r"^-?[0-9]+(\.0+)?$"
_ISO = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}:[0-9]{2})?Z?$"


def trim(value: StringValue) -> StringValue:
    """``value`` without leading or trailing white space.

    Not ``strip()``: on Spark, Ibis 12 compiles it to ``TRIM(' \\t\\n\\r\\v\\f' FROM …)``,
    which Spark reads as "trim the letters v and f too" ('france ' → 'rance').
    """
    return value.re_replace(r"^\s+|\s+$", "")


def clean_text(value: StringValue) -> StringValue:
    """Trimmed text; empty becomes NULL."""
    return trim(value).nullif("")


def number(value: StringValue) -> FloatingValue:
    """A decimal number written with a dot or a decimal comma ("12,50")."""
    text = clean_text(value)
    shaped = ibis.ifelse(text.re_search(_NUMBER), text.replace(",", "."), ibis.null("string"))
    return shaped.try_cast("float64")


def integer(value: StringValue) -> IntegerValue:
    """A whole number ("78205", or "78205.0" as JSON writers print floats)."""
    text = clean_text(value)
    whole = ibis.ifelse(
        text.re_search(_INTEGER), text.re_replace(r"\.0+$", ""), ibis.null("string")
    )
    return whole.try_cast("int64")


def timestamp(value: StringValue) -> TimestampValue:
    """An ISO date or date-time ("2024-07-28", "2024-07-28T10:00:00Z"); impossible dates → NULL."""
    text = clean_text(value)
    iso = ibis.ifelse(
        text.re_search(_ISO), text.replace("T", " ").replace("Z", ""), ibis.null("string")
    )
    return iso.try_cast("timestamp")


def invalid(raw: StringValue, parsed: ibis.Value) -> ibis.ir.BooleanValue:
    """True where the source wrote something that did not parse."""
    return clean_text(raw).notnull() & parsed.isnull()

"""How people write decimal numbers and amounts, for ``parse.number`` and ``amounts.money``.

An amount with one dot before three digits ("1.234") is 1234 written the German way and 1.234
written as programs print decimals. It is read by what says which:

- a euro sign after the amount ("1.234 €", as Excel's German currency format prints it): every
  format writing the sign there has a decimal comma, so the dot groups thousands (1234);
- a plain number from a source with types (Parquet, JSON, a database): a program printed it,
  so the dot is a decimal point (1.234);
- anything else (a CSV's "1.234", "€1.234", "1.234 EUR"): nothing says which, and the value
  reads as nothing, ``ambiguous_amount``, rather than risk being 1000 times off.

A table's entry in the project file says which for all its amounts (``csv: <table>: decimal:``,
see ``as_said``).
"""

from __future__ import annotations

from collections.abc import Sequence

import ibis
from ibis.expr import operations as ops
from ibis.expr.types import BooleanValue, FloatingValue, StringValue

from c360.pipeline.silver.blanks import either_case

# A number with a dot or a decimal comma, a sign or none, or in scientific notation.
NUMBER = r"^[+-]?[0-9]+([.,][0-9]+)?([eE][+-]?[0-9]+)?\z"
# Thousands grouped by a separator the decimals do not use: "1,234.50", "1.234,50", "1.234.567",
# "1 234,50" (a space or a no-break space, as French spreadsheets print them; the narrow one as
# current French locales do), "1'234.50".
# A single separator ("1,234") stays a decimal one, except in an amount. (shape, the separator)
GROUPS = (
    (r"^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?\z", ","),
    (r"^[+-]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?\z", r"\."),
    ("^[+-]?[0-9]{1,3}([ \u00a0\u202f'][0-9]{3})+([.,][0-9]+)?\\z", "[ \u00a0\u202f']"),
)
# What ``parse.number`` reads, each shape with its group separator.
SHAPES = ((NUMBER, None), *GROUPS)
# In an amount a comma before exactly three digits groups thousands ("1,234", "12,500"): cents
# have two digits. A leading 0 ("0,125") is no thousands.
ONE_COMMA = r"[1-9][0-9]{0,2},[0-9]{3}"
COMMA_THOUSANDS = (rf"^[+-]?{ONE_COMMA}\z", ",")
# Plain amounts, cast at once: most are whole or in cents ("12", "12.50"), found by a regex as
# short as ``parse``'s for plain numbers; the other plain ones ("0.125", "1234.567", "1.2345")
# by a second, on the few rows the first leaves (one regex for both: 20 ms more per 1M values).
PLAIN_CENTS = r"^-?[0-9]+(\.[0-9]{1,2})?\z"
PLAIN_DECIMALS = r"^-?[0-9]+\.[0-9]{4,}\z|^-?(0[0-9]*|[0-9]{4,})\.[0-9]+\z"
# One dot before exactly three digits, after one to three digits not starting with 0 ("0.125"
# is a decimal): the number of an amount ``amounts.money`` reads here.
ONE_DOT = r"[1-9][0-9]{0,2}\.[0-9]{3}"
# A number as programs print it: nothing around it.
_PRINTED = r"^-?[0-9]+\.[0-9]+\z"
# A ``_source_file`` whose numbers have a type: Parquet, JSON (gzip-compressed too) and the
# databases bronze reads. A CSV (whatever its name) is text a person or a spreadsheet wrote.
_TYPED = either_case(r"\.(parquet|json|jsonl|ndjson)(\.gz)?\z|^(postgres|mongodb):")
SOURCE_FILE = "_source_file"


def written(text: StringValue, shapes: Sequence[tuple[str, str | None]]) -> FloatingValue:
    """``text`` (a value trimmed) read by the first of ``shapes`` it has, its group separator
    dropped and a decimal comma made a dot. Only the few values that are not plain take that
    branch: trimming them with a regex is cheaper to plan, written out in each use, than
    ``parse.trim``'s look at the edges first."""
    read = ibis.cases(
        *((text.re_search(shape), (text if group is None else text.re_replace(group, ""))
           .replace(",", ".")) for shape, group in shapes),
        else_=ibis.null("string"),
    )  # fmt: skip
    return read.try_cast("float64")


def printed_by_a_program(value: StringValue) -> BooleanValue:
    """True where ``value`` is a plain number in a column of a bronze table whose
    ``_source_file`` has types; false where no such column says so (an expression)."""
    source = _source_file(value)
    if source is None:
        return ibis.literal(False)
    return value.re_search(_PRINTED) & source.re_search(_TYPED)


def from_typed(value: StringValue) -> BooleanValue:
    """True where ``value``, a column of a bronze table, comes from a ``_source_file`` with
    types; false where no such column says so (an expression)."""
    source = _source_file(value)
    return ibis.literal(False) if source is None else source.re_search(_TYPED)


def _source_file(value: StringValue) -> StringValue | None:
    """The ``_source_file`` beside the column ``value``; None for an expression or a table
    without one."""
    op = value.op()
    if not isinstance(op, ops.Field) or SOURCE_FILE not in op.rel.schema:
        return None
    source: StringValue = ops.Field(op.rel, SOURCE_FILE).to_expr()
    return source


def one_dot(value: StringValue, bare: StringValue, euro_after: BooleanValue) -> FloatingValue:
    """The amount ``value`` is, its number ``bare`` (its euro's sign or code and white space
    taken off) a ``ONE_DOT``; NULL where it is ``ambiguous``. ``euro_after``: a euro sign
    follows the number."""
    return ibis.cases(
        (euro_after, bare.replace(".", "").try_cast("float64")),
        (printed_by_a_program(value), value.try_cast("float64")),
        else_=ibis.null("float64"),
    )


def ambiguous(value: StringValue, one: BooleanValue, euro_after: BooleanValue) -> BooleanValue:
    """True where ``one_dot`` reads nothing: ``value``'s number is a ``ONE_DOT`` (``one``) and
    nothing says what the dot is."""
    unsaid = one & ~euro_after & ~printed_by_a_program(value)
    return unsaid.fill_null(False)


def as_said(
    value: StringValue,
    bare: StringValue,
    dot: BooleanValue,
    comma: BooleanValue,
    decimal: str,
    otherwise: StringValue | None = None,
) -> StringValue:
    """``value`` written again as ``amounts.money`` reads it from any source, where its number
    ``bare`` (its euro's sign or code taken off) is a ``ONE_DOT`` (``dot``) or a ``ONE_COMMA``
    (``comma``) and ``decimal``, a CSV file's setting, says what that separator is: with
    ``point`` a dot is a decimal point ("1.234" → "1.2340": a fourth decimal groups nothing),
    with ``comma`` it groups thousands ("1.234" → "1234") and a comma is the decimal ("1,234"
    → "1.2340"). Every other value stays as written: what one reading alone fits ("1.234,50",
    "1,234.50", "12.50") reads so whatever the setting, and so does a value of a file with
    types (a Parquet file among a folder's CSV ones). ``otherwise``: what the other values are
    written as instead (the number of an amount in another currency, its sign taken off)."""
    number = bare.re_replace(r"^\+", "")
    text = ~from_typed(value)
    kept = value if otherwise is None else otherwise
    if decimal == "point":
        return ibis.cases((dot & text, number + "0"), else_=kept)
    return ibis.cases(
        (dot & text, number.replace(".", "")),
        (comma & text, number.replace(",", ".") + "0"),
        else_=kept,
    )

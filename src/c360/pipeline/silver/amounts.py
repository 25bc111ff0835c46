"""Amounts in euros, as ``parse.by_contract`` reads every ``*_eur`` column and the seeds' models
their prices, budgets and spend: the euro's sign or code on either side, thousands grouped, one
dot before three digits read by what says which (see ``decimals``), whole euros where a contract
holds them, and another currency told from text that does not read. An amount in a currency
the project file gives a rate for is written in euros beforehand (see ``currency``).
"""

from __future__ import annotations

import ibis
from ibis.expr.types import BooleanValue, FloatingValue, IntegerValue, StringValue, Table

from c360.contracts.model import Column
from c360.contracts.model import Table as Contract
from c360.file_dialects import CURRENCIES, CURRENCY_NAMES, EURO, amount_columns
from c360.file_dialects import is_amount as is_amount
from c360.pipeline.silver import decimals
from c360.pipeline.silver.blanks import BLANK, either_case

_AMOUNT_SHAPES = (decimals.COMMA_THOUSANDS, *decimals.SHAPES)
# The euro's sign or code on either side of an amount, a sign before it or after it ("12,50 €",
# "€12.50", "-€12.50", "€ -12.50", "12.50 EUR", "EUR 1.234,50"): taken off in two passes, the
# first keeping a minus before it (engines spell a regex's back-references differently).
# White space around the value goes in the same pass.
GAP = "[ \u00a0\u202f]*"
_MARK = f"{GAP}(?:€|{either_case(EURO)}){GAP}"
_EURO_NEGATIVE = f"^{BLANK}*-{_MARK}"
_EURO = f"^{BLANK}*[+]?{_MARK}|{_MARK}{BLANK}*\\z|^{BLANK}+|{BLANK}+\\z"
_EURO_AFTER = f"[0-9]{GAP}€{BLANK}*\\z"
# An amount whose number, once ``_EURO_NEGATIVE`` and ``_EURO`` are taken off, is a
# ``decimals.ONE_DOT`` (or a ``ONE_COMMA``): one regex on the value, cheaper than taking them off.
_SIGN = f"^{BLANK}*(?:-{_MARK}|(?:[+]?{_MARK})?[+-]?)"
_ONE_DOT = f"{_SIGN}{decimals.ONE_DOT}(?:{_MARK})?{BLANK}*\\z"
_ONE_COMMA = f"{_SIGN}{decimals.ONE_COMMA}(?:{_MARK})?{BLANK}*\\z"


def money(value: StringValue) -> FloatingValue:
    """``parse.number`` read as an amount in euros: the euro's sign or code may stand on either
    side ("12,50 €", "€1,234.56", "12.50 EUR"), and a comma before exactly three digits groups
    thousands ("1,234" is 1234). One dot before three digits groups them where a euro sign
    follows ("1.234 €"), is a decimal point in a plain number from a source with types, and
    reads as nothing elsewhere (``ambiguous_amount``, see ``decimals``; a CSV file's
    ``decimal`` setting says which beforehand, see ``in_decimal_order``). Another currency
    ("$12.50", "£12", "12 USD") does not read (``other_currency``): every amount the contracts
    hold is in euros, and one in a currency with a rate is written in euros beforehand
    (``currency.in_euros``)."""
    bare = _bare(value)
    one_dot = decimals.one_dot(value, bare, value.re_search(_EURO_AFTER))
    return ibis.cases(
        (value.re_search(decimals.PLAIN_CENTS), value.try_cast("float64")),
        (value.re_search(decimals.PLAIN_DECIMALS), value.try_cast("float64")),
        (value.re_search(_ONE_DOT), one_dot),
        else_=decimals.written(bare, _AMOUNT_SHAPES),
    )


# Whole euros this large or larger are cast as this: no 64-bit integer overflows, and
# ``parse.too_large`` still finds them ``out_of_range``.
_WHOLE_LIMIT = 1e18
_PLAIN_INTEGER = r"^-?[0-9]+\z"


def whole_money(value: StringValue) -> IntegerValue:
    """``money`` in a column of whole euros (an annual revenue, a budget): "€12,500,000",
    "12.500.000 €", "12,500,000.00" are 12500000; an amount with a fraction of a euro
    ("12.50") reads as nothing, never rounded."""
    amount = money(value)
    bounded = amount.clip(lower=-_WHOLE_LIMIT, upper=_WHOLE_LIMIT).cast("int64")
    whole = ibis.ifelse(amount % 1 == 0, bounded, ibis.null("int64"))
    return ibis.ifelse(value.re_search(_PLAIN_INTEGER), value.try_cast("int64"), whole)


def _bare(value: StringValue) -> StringValue:
    """The number of the amount ``value``: its euro's sign or code and white space taken off."""
    return value.re_replace(_EURO_NEGATIVE, "-").re_replace(_EURO, "")


def ambiguous_amount(raw: StringValue) -> BooleanValue:
    """True where ``money`` reads nothing from ``raw`` only because nothing says whether its
    one dot before three digits groups thousands or is a decimal point ("1.234" in a CSV)."""
    return decimals.ambiguous(raw, raw.re_search(_ONE_DOT), raw.re_search(_EURO_AFTER))


def ambiguous(raw: StringValue, parsed: ibis.Value) -> BooleanValue:
    """``ambiguous_amount`` of ``raw`` where ``parsed``, its ``money``, is NULL (the check of
    the rows that did not read). ``raw`` is a column of a table with its ``_source_file``."""
    return ibis.ifelse(parsed.isnull(), ambiguous_amount(raw), False)


# Currencies other than the euro, as amounts are written in them: ISO 4217 codes in any case
# ("USD", "usd"), and signs — the dollar's alone or after its country's letters ("US$", "C$",
# "A$", "HK$", "R$"), the pound's, the yen's and yuan's, the rupee's, the rouble's, the won's,
# the lira's, the shekel's, the hryvnia's, the zloty's, the koruna's, the forint's.
_CODES = "|".join((*CURRENCIES, *CURRENCY_NAMES))
_SIGNS = "[A-Z]{0,3}\\$|£|¥|元|円|₹|₽|₩|₺|₪|₴|zł|Kč|Ft"
CURRENCY = f"(?:{either_case(_CODES)}|{_SIGNS})"
# A number as any writer groups it; what it is does not matter, only that there is one.
_DIGITS = "[+-]?[0-9](?:[0-9.,' \u00a0\u202f]*[0-9])?"


def written_in(currency: str) -> str:
    """A regex of an amount whose sign or code matches ``currency`` (a regex), on either side
    of a number, a minus before it or after it ("-$12.50", "$-12.50", "12.50 USD")."""
    return (
        f"^{BLANK}*[+-]?{GAP}(?:{currency}){GAP}{_DIGITS}{BLANK}*\\z"
        f"|^{BLANK}*{_DIGITS}{GAP}(?:{currency}){BLANK}*\\z"
    )


_OTHER_CURRENCY = written_in(CURRENCY)


def other_currency(raw: StringValue, parsed: ibis.Value) -> BooleanValue:
    """True where ``raw`` did not read as ``parsed`` (its ``money``, NULL) because it is an
    amount in another currency than the euro: a sign or an ISO code on either side of a number
    ("$1,200", "1200 USD", "£950.00", "JPY 1,500,000")."""
    return ibis.ifelse(parsed.isnull(), raw.re_search(_OTHER_CURRENCY).fill_null(False), False)


def read(raw: StringValue, column: Column) -> ibis.Value:
    """The amount ``column`` (``is_amount``) holds, read from its bronze text ``raw``."""
    return whole_money(raw) if column.dtype == "int" else money(raw)


def in_decimal_order(bronze: Table, contract: Contract, decimal: str | None) -> Table:
    """``bronze`` with each amount of ``contract`` (``file_dialects.amount_columns``) whose
    number is one dot or one comma before three digits written as its CSV file's ``decimal``
    says it reads (the project file's ``csv: <table>: decimal:``, see ``decimals.as_said``);
    ``bronze`` itself without the setting."""
    amounts = amount_columns(contract)
    if decimal is None or not amounts:
        return bronze
    return bronze.mutate(**{name: as_said(bronze[name], decimal) for name in amounts})


def as_said(value: StringValue, decimal: str) -> StringValue:
    """The amount ``value`` written again as ``decimal`` says its number's one dot or one comma
    before three digits reads (``decimals.as_said``)."""
    dot, comma = value.re_search(_ONE_DOT), value.re_search(_ONE_COMMA)
    return decimals.as_said(value, _bare(value), dot, comma, decimal)

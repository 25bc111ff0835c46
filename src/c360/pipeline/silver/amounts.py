"""Amounts in euros, as ``parse.by_contract`` reads every ``*_eur`` column and the seeds' models
their prices, budgets and spend: the euro's sign or code on either side, thousands grouped, one
dot before three digits read by what says which (see ``decimals``), whole euros where a contract
holds them, and another currency told from text that does not read.

An amount in a currency the project file gives a rate for (``exchange_rates:``) is written again
in euros in bronze before any model reads it (``in_euros``), as a table's ``decimal`` setting
is: every reader of the table, whatever its name for the column, reads euros.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import ibis
from ibis.expr.types import BooleanValue, FloatingValue, IntegerValue, StringValue, Table

from c360.contracts.model import Column
from c360.contracts.model import Table as Contract
from c360.file_dialects import CURRENCIES, CURRENCY_NAMES, EURO, amount_columns
from c360.file_dialects import is_amount as is_amount
from c360.pipeline.gold.rounding import cents, fixed
from c360.pipeline.silver import decimals
from c360.pipeline.silver.blanks import BLANK

_AMOUNT_SHAPES = (decimals.COMMA_THOUSANDS, *decimals.SHAPES)
# The euro's sign or code on either side of an amount, a sign before it or after it ("12,50 €",
# "€12.50", "-€12.50", "€ -12.50", "12.50 EUR", "EUR 1.234,50"): taken off in two passes, the
# first keeping a minus before it (engines spell a regex's back-references differently).
# White space around the value goes in the same pass.
_GAP = "[ \u00a0\u202f]*"
_MARK = f"{_GAP}(?:€|[Ee][Uu][Rr]){_GAP}"
_EURO_NEGATIVE = f"^{BLANK}*-{_MARK}"
_EURO = f"^{BLANK}*[+]?{_MARK}|{_MARK}{BLANK}*\\z|^{BLANK}+|{BLANK}+\\z"
_EURO_AFTER = f"[0-9]{_GAP}€{BLANK}*\\z"
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
    (``in_euros``)."""
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
_CURRENCY = f"(?:(?i:{_CODES})|{_SIGNS})"
# A number as any writer groups it; what it is does not matter, only that there is one.
_DIGITS = "[+-]?[0-9](?:[0-9.,' \u00a0\u202f]*[0-9])?"


def _written_in(currency: str) -> str:
    """A regex of an amount whose sign or code matches ``currency`` (a regex), on either side
    of a number, a minus before it or after it ("-$12.50", "$-12.50", "12.50 USD")."""
    return (
        f"^{BLANK}*[+-]?{_GAP}(?:{currency}){_GAP}{_DIGITS}{BLANK}*\\z"
        f"|^{BLANK}*{_DIGITS}{_GAP}(?:{currency}){BLANK}*\\z"
    )


_OTHER_CURRENCY = _written_in(_CURRENCY)


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
    said = {}
    for name in amounts:
        value = bronze[name]
        dot, comma = value.re_search(_ONE_DOT), value.re_search(_ONE_COMMA)
        said[name] = decimals.as_said(value, _bare(value), dot, comma, decimal)
    return bronze.mutate(**said)


# Signs that name one currency, as ``_SIGNS`` finds them: a dollar sign after its country's
# letters, the pound's, the rupee's... "$" and "¥" alone are several currencies' (``_ALONE``).
_SIGN_CURRENCIES = {
    "US$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "£": "GBP", "円": "JPY",
    "元": "CNY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₪": "ILS", "₴": "UAH",
    "zł": "PLN", "Kč": "CZK", "Ft": "HUF",
}  # fmt: skip
# A sign alone, the currencies written with it at home and the one it is elsewhere: "$" is
# the table's own dollar where its ``currency`` is one (CAD: "$10" is 10 Canadian dollars),
# the US dollar anywhere else; "¥" is the yuan in a table in CNY, the yen anywhere else.
_ALONE = {
    r"\$": (("USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "MXN", "ARS", "CLP", "COP"), "USD"),
    "¥": (("JPY", "CNY"), "JPY"),
}
# The euro's sign or code anywhere in a value: an amount in euros, whatever the table's currency.
_EURO_ANYWHERE = "€|(?i:EUR)"
# Another currency's sign or code taken off an amount, as ``_bare`` takes off the euro's: the
# first pass keeps a minus before it.
_CURRENCY_NEGATIVE = f"^{BLANK}*-{_GAP}{_CURRENCY}{_GAP}"
_CURRENCY_EDGES = (
    f"^{BLANK}*[+]?{_GAP}{_CURRENCY}{_GAP}|{_GAP}{_CURRENCY}{BLANK}*\\z|^{BLANK}+|{BLANK}+\\z"
)
_NUMBER_ONE_DOT = f"^[+-]?{decimals.ONE_DOT}\\z"
_NUMBER_ONE_COMMA = f"^[+-]?{decimals.ONE_COMMA}\\z"


def _marks(code: str, currency: str) -> str:
    """A regex of the signs and codes of the currency ``code`` in a table whose bare amounts
    are in ``currency``."""
    names = [code, *(name for name, (iso, _) in CURRENCY_NAMES.items() if iso == code)]
    marks = [f"(?i:{'|'.join(names)})"]
    marks += [re.escape(sign) for sign, iso in _SIGN_CURRENCIES.items() if iso == code]
    for sign, (home, elsewhere) in _ALONE.items():
        if code == (currency if currency in home else elsewhere):
            marks.append(sign)
    return "|".join(marks)


def _marked(
    bronze: Table,
    names: dict[str, bool],
    currency: str,
    rates: Mapping[str, float],
    decimal: str | None,
) -> Table:
    """``bronze`` with, beside each amount column ``name`` (of ``names``, true for whole
    euros), ``_euros_<name>``: its number after a euro sign where it is written in a currency
    of ``rates`` ("$1.234" → "€1.234"), else NULL; and ``_code_<name>``, that currency's code.
    Written as a euro amount, the number reads as one would: ``money`` finds it ambiguous where
    a euro amount's would be (a sign makes it no number a program printed), and ``decimal``
    applies to it as ``in_decimal_order`` applies it to euros."""
    found = {code: _marks(code, currency) for code in rates}
    anywhere = _written_in("|".join(f"(?:{m})" for m in found.values()))  # one regex for all
    marked = {}
    for name in names:
        value = bronze[name]
        number = value.re_replace(_CURRENCY_NEGATIVE, "-").re_replace(_CURRENCY_EDGES, "")
        code = ibis.cases(*((value.re_search(_written_in(m)), c) for c, m in found.items()))
        written = value.re_search(anywhere)
        marked[f"_euros_{name}"] = ibis.ifelse(written, ibis.literal("€").concat(number), _TEXT)
        marked[f"_code_{name}"] = ibis.ifelse(written, code, _TEXT)
    t = bronze.mutate(**marked)
    if decimal is None:
        return t
    said = {}
    for name in names:
        euros = t[f"_euros_{name}"]
        dot, comma = euros.re_search(_ONE_DOT), euros.re_search(_ONE_COMMA)
        said[f"_euros_{name}"] = decimals.as_said(euros, _bare(euros), dot, comma, decimal)
    return t.mutate(**said)


_TEXT = ibis.null("string")
# The column ``in_euros`` adds: true where it converted one of the row's amounts, each rounded
# to the cent on its own (``commerce.stg_order_lines`` allows a line's total their rounding).
CONVERTED = "_converted"


def _converted(
    bronze: Table,
    contract: Contract,
    currency: str,
    rates: Mapping[str, float],
    decimal: str | None,
) -> Table:
    """``bronze`` with each amount column in euros (see ``in_euros``) and, as
    ``_code_<column>``, the code of the currency each value was converted from (NULL where it
    was not)."""
    whole = {c.name: c.dtype == "int" for c in contract.columns}
    names = {name: whole.get(name, False) for name in amount_columns(contract)}
    t = _marked(bronze, names, currency, rates, decimal)
    # The amounts read in a step of their own: each is used several times below.
    read = {}
    for name in names:
        code = t[f"_code_{name}"]
        rate = ibis.cases(*((code == c, r) for c, r in rates.items()))
        read[f"_read_{name}"] = money(t[f"_euros_{name}"]) * rate
        if currency != EURO:  # a bare amount is one in the table's currency
            read[f"_bare_{name}"] = money(t[name]) * rates[currency]
    t = t.mutate(**read)
    columns, codes = {}, {}
    for name, in_whole_euros in names.items():
        value, euros, code = t[name], t[f"_euros_{name}"], t[f"_code_{name}"]
        amount = _rounded(t[f"_read_{name}"], in_whole_euros)
        cases = [(euros.notnull(), ibis.ifelse(amount.isnull(), euros, amount.cast("string")))]
        kinds = [(euros.notnull(), ibis.ifelse(amount.isnull(), _TEXT, code))]
        if currency != EURO:
            bare = _rounded(t[f"_bare_{name}"], in_whole_euros)
            in_euros = value.re_search(_EURO_ANYWHERE)
            cases += [(in_euros, value), (bare.notnull(), bare.cast("string"))]
            kinds += [(in_euros, _TEXT), (bare.notnull(), ibis.literal(currency))]
        columns[name] = ibis.cases(*cases, else_=value)
        codes[f"_code_{name}"] = ibis.cases(*kinds, else_=_TEXT)
    helpers = [c for c in t.columns if c.startswith(("_euros_", "_read_", "_bare_"))]
    return t.mutate(**columns, **codes).drop(*helpers)


def _rounded(euros: FloatingValue, whole: bool) -> FloatingValue:
    """``euros`` to the cent, ties up as gold rounds (``rounding.cents``); to the euro in a
    column of whole euros, through a thousandth of a euro as cents go through a thousandth of
    a cent."""
    return fixed(fixed(euros, 3), 0) if whole else cents(euros)


def in_euros(
    bronze: Table,
    contract: Contract,
    currency: str,
    rates: Mapping[str, float],
    decimal: str | None = None,
) -> Table:
    """``bronze`` with each amount in a currency of ``rates`` (the project file's
    ``exchange_rates:``, the euros one unit is worth) written as its value times the rate, to
    the cent (to the euro in a column of whole euros): by its sign or code ("$1,200", "1200
    USD", "£950.00"), or without one in a table whose ``currency`` is not the euro. "$" alone
    is the US dollar unless ``currency`` is another dollar, "¥" alone the yen unless it is the
    yuan. ``decimal`` (the table's CSV setting, which ``in_decimal_order`` applied to the euro
    amounts beforehand) says what the number's one dot or comma is.

    A value in euros, or in a currency without a rate, stays as written (a euro amount costs
    one regex more); one in a currency with a rate whose number does not read is its number
    after a euro sign ("$1.234" → "€1.234"), quarantined for its number (``ambiguous_amount``)
    as a euro amount is, not for its currency. A row any of whose amounts was converted is
    ``CONVERTED``. ``bronze`` itself without rates."""
    names = amount_columns(contract)
    if not rates or not names:
        return bronze
    t = _converted(bronze, contract, currency, rates, decimal)
    codes = [f"_code_{name}" for name in names]
    return t.mutate(**{CONVERTED: ibis.or_(*(t[c].notnull() for c in codes))}).drop(*codes)


def rows_to_convert(
    bronze: Table, contract: Contract, currency: str, rates: Mapping[str, float]
) -> Table:
    """One row, ``rows``: the rows of ``bronze`` that ``in_euros`` may change, those holding an
    amount in a currency of ``rates`` (readable or not), or every row in a table whose currency
    is not the euro. With none, ``in_euros`` changes nothing, and a table of euros, as most
    are, is read as it is after one regex per amount here."""
    if currency != EURO:
        return bronze.aggregate(rows=bronze.count())
    anywhere = _written_in("|".join(f"(?:{_marks(code, currency)})" for code in rates))
    written = ibis.or_(*(bronze[n].re_search(anywhere) for n in amount_columns(contract)))
    return bronze.aggregate(rows=written.fill_null(False).sum().fill_null(0).cast("int64"))


def converted_amounts(
    bronze: Table,
    contract: Contract,
    currency: str,
    rates: Mapping[str, float],
    decimal: str | None = None,
) -> Table:
    """One row: per currency of ``rates``, the amounts of ``bronze`` that ``in_euros``
    converts, in every amount column."""
    names = amount_columns(contract)
    t = _converted(bronze, contract, currency, rates, decimal)
    counts = {
        code: sum((ibis.ifelse(t[f"_code_{n}"] == code, 1, 0) for n in names), ibis.literal(0))
        for code in rates
    }
    return t.aggregate(**{c: n.sum().fill_null(0).cast("int64") for c, n in counts.items()})

"""Amounts in another currency, written in euros at the project file's fixed rates
(``exchange_rates:``) in bronze, before any model reads them, as a table's ``decimal`` setting
is: every reader of the table, whatever its name for the column, reads euros. The currency is
an amount's sign or code, or the table's ``currency`` where it has none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import ibis
from ibis.expr.types import FloatingValue, Table

from c360.contracts.model import Table as Contract
from c360.file_dialects import CURRENCY_NAMES, EURO, amount_columns
from c360.pipeline.gold.rounding import cents, fixed
from c360.pipeline.silver.amounts import CURRENCY, GAP, as_said, money, written_in
from c360.pipeline.silver.blanks import BLANK, either_case

# Signs that name one currency, as ``amounts.CURRENCY`` finds them: a dollar sign after its
# country's letters, the pound's, the rupee's... "$" and "¥" alone are several currencies'
# (``_ALONE``).
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
_EURO_ANYWHERE = f"€|{either_case(EURO)}"
# Another currency's sign or code taken off an amount, as ``amounts`` takes off the euro's: the
# first pass keeps a minus before it.
_CURRENCY_NEGATIVE = f"^{BLANK}*-{GAP}{CURRENCY}{GAP}"
_CURRENCY_EDGES = (
    f"^{BLANK}*[+]?{GAP}{CURRENCY}{GAP}|{GAP}{CURRENCY}{BLANK}*\\z|^{BLANK}+|{BLANK}+\\z"
)


def _marks(code: str, currency: str) -> str:
    """A regex of the signs and codes of the currency ``code`` in a table whose bare amounts
    are in ``currency``."""
    names = [code, *(name for name, (iso, _) in CURRENCY_NAMES.items() if iso == code)]
    marks = [either_case("|".join(names))]
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
    applies to it as ``amounts.in_decimal_order`` applies it to euros."""
    found = {code: _marks(code, currency) for code in rates}
    anywhere = written_in("|".join(f"(?:{m})" for m in found.values()))  # one regex for all
    marked = {}
    for name in names:
        value = bronze[name]
        number = value.re_replace(_CURRENCY_NEGATIVE, "-").re_replace(_CURRENCY_EDGES, "")
        code = ibis.cases(*((value.re_search(written_in(m)), c) for c, m in found.items()))
        written = value.re_search(anywhere)
        marked[f"_euros_{name}"] = ibis.ifelse(written, ibis.literal("€").concat(number), _TEXT)
        marked[f"_code_{name}"] = ibis.ifelse(written, code, _TEXT)
    t = bronze.mutate(**marked)
    if decimal is None:
        return t
    return t.mutate(**{f"_euros_{n}": as_said(t[f"_euros_{n}"], decimal) for n in names})


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
    yuan. ``decimal`` (the table's CSV setting, which ``amounts.in_decimal_order`` applied to
    the euro amounts beforehand) says what the number's one dot or comma is.

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
    anywhere = written_in("|".join(f"(?:{_marks(code, currency)})" for code in rates))
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

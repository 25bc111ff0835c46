"""How a source's files are written when not as c360 writes them: the ``csv:`` and ``json:``
entries of ``c360.yaml``, by table. Bronze reads a file by its entry, silver its dates and amounts
(and the currency of the amounts written without a sign or a code).
"""

from __future__ import annotations

import codecs
import difflib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from c360 import contracts

# The currencies whose amounts silver tells by their ISO 4217 code or their sign (see
# ``pipeline.silver.amounts``), the euro aside: those ``exchange_rates:`` may give a rate for.
CURRENCIES = (
    "USD", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "NZD", "HKD", "SGD", "SEK", "NOK", "DKK",
    "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "RSD", "RUB", "UAH", "TRY", "ILS", "AED", "SAR",
    "QAR", "INR", "PKR", "KRW", "TWD", "THB", "IDR", "MYR", "PHP", "VND", "BRL", "MXN", "ARS",
    "CLP", "COP", "ZAR", "EGP", "NGN",
)  # fmt: skip
EURO = "EUR"
# Another name a currency is written by: an amount in RMB is one in CNY.
CURRENCY_NAMES = {"RMB": ("CNY", "the yuan's other name")}
# The source tables whose models read amounts by their own names (seeds 003 and 004), beside
# every ``*_eur`` column a contract holds.
NAMED_AMOUNTS = {
    "ecommerce_products": ("price", "cost"),
    "mongo_campaigns": ("budget", "spend"),
    "mongo_transactions": ("amount", "discount_applied", "shipping_cost"),
}


def is_amount(column: contracts.Column) -> bool:
    """A contract column of euros, read by ``amounts.money`` (``whole_money`` where it holds
    whole euros, an ``int``)."""
    return column.dtype in ("float", "int") and column.name.endswith("_eur")


def amount_columns(contract: contracts.Table) -> tuple[str, ...]:
    """The columns of a source table that hold amounts: its ``*_eur`` ones, or the amounts its
    model reads by name (a seed 004 campaign's budget and spend)."""
    named = NAMED_AMOUNTS.get(contract.name, ())
    return tuple(c.name for c in contract.columns if is_amount(c)) + named


def currency_code(value: str) -> str:
    """``value``, a currency's ISO 4217 code in any case, in capitals: the euro or one of
    ``CURRENCIES``; a clear error for any other."""
    code = value.strip().upper()
    if code == EURO or code in CURRENCIES:
        return code
    if code in CURRENCY_NAMES:
        iso, what = CURRENCY_NAMES[code]
        raise ValueError(f"{code} is {what}: write {iso}")
    close = difflib.get_close_matches(code, CURRENCIES, n=1)
    guess = f"; did you mean {close[0]!r}?" if close else ""
    raise ValueError(
        f"unknown currency code {value!r}{guess} (the ISO 4217 codes c360 reads: EUR, "
        f"{', '.join(CURRENCIES)})"
    )


class CsvFile(BaseModel):
    """How a source's CSV file is written when not as c360 writes them (UTF-8, commas): a
    spreadsheet's export in Europe is often ``;``-separated and Windows-1252."""

    model_config = ConfigDict(extra="forbid")

    delimiter: str = Field(
        default=",", min_length=1, max_length=1, description="One character: , ; | or a tab"
    )
    encoding: str = Field(default="utf-8", description="utf-8, cp1252, latin-1, …")
    columns: dict[str, str] = Field(
        default_factory=dict, description="The file's header names → the contract columns they hold"
    )
    dates: Literal["year_first", "day_first", "month_first"] = Field(
        default="year_first",
        description="How dates are written: 2024-12-31, 31/12/2024 (day_first), 12/31/2024",
    )
    decimal: Literal["point", "comma"] | None = Field(
        default=None,
        description="What an amount's 1.234 is: 1.234 (point) or 1234 (comma); unset, the "
        "values say (1.234 € is 1234) or the row is quarantined as ambiguous_amount",
    )
    currency: str = Field(
        default="EUR",
        description="ISO 4217 code of the amounts written without a sign or a code (USD); "
        "one other than EUR needs a rate under exchange_rates",
    )

    _currency = field_validator("currency")(currency_code)

    @field_validator("delimiter")
    @classmethod
    def _not_quote_or_line_break(cls, value: str) -> str:
        """A quote encloses values and a line break ends records: neither can separate them."""
        if value in ('"', "\r", "\n"):
            raise ValueError(f"{value!r} cannot separate values (a quote or a line break)")
        return value

    @field_validator("encoding")
    @classmethod
    def _ascii_compatible(cls, value: str) -> str:
        """Records are counted on the raw bytes, so the encoding must write ASCII as ASCII,
        or be UTF-16 or UTF-32, which bronze writes in UTF-8 before it counts."""
        try:
            name = codecs.lookup(value).name
        except LookupError:
            raise ValueError(f"unknown encoding {value!r}") from None
        if name not in (*UTF16, *UTF32) and _ASCII.encode(value) != _ASCII.encode("ascii"):
            raise ValueError(f"{value} does not write ASCII as ASCII; convert the file to UTF-8")
        return value


class JsonFile(BaseModel):
    """How a source's JSON or JSON-lines documents name their fields when not as its contract
    does (an API's dump, another system's export); JSON's standard fixes the rest (UTF-8)."""

    model_config = ConfigDict(extra="forbid")

    columns: dict[str, str] = Field(
        default_factory=dict,
        description="The documents' top-level field names → the contract columns they hold",
    )
    currency: str = Field(
        default="EUR",
        description="ISO 4217 code of the amounts written without a sign or a code (USD); "
        "one other than EUR needs a rate under exchange_rates",
    )

    _currency = field_validator("currency")(currency_code)


_ASCII = '\n\r\t",;| azAZ09'
UTF16 = ("utf-16", "utf-16-le", "utf-16-be")  # the spreadsheets' "Unicode text"
UTF32 = ("utf-32", "utf-32-le", "utf-32-be")
PLAIN_CSV = CsvFile()  # UTF-8, commas: how c360 writes CSV
JSON_FORMATS = ("json", "jsonl", "mongo_jsonl")


def csv_tables() -> set[str]:
    """The source tables whose files may be CSV ones, those ``csv:`` may describe: every one
    but the folders of notes (a file lands as the format its name says, whatever its
    contract's: ``pipeline.bronze.formats``)."""
    return {t.name for t in contracts.SOURCE_TABLES if t.file_format != "text"}


def json_tables() -> set[str]:
    """The source tables whose files may be JSON or JSON lines, those ``json:`` may describe:
    every one but the folders of notes, as for ``csv_tables``."""
    return {t.name for t in contracts.SOURCE_TABLES if t.file_format != "text"}


def check_columns(contract: contracts.Table, columns: dict[str, str], what: str) -> None:
    """Each ``what`` name (a CSV's header name, a JSON document's field name) maps to a column of
    the table's contract, no two to the same one, and no name twice but for case and spaces
    (names are matched so)."""
    unknown = sorted({c for c in columns.values() if c not in contract.column_names})
    if unknown:
        raise ValueError(
            f"{contract.name} has no column {', '.join(unknown)} "
            f"(its columns: {', '.join(contract.column_names)})"
        )
    twice = sorted({c for c in columns.values() if list(columns.values()).count(c) > 1})
    if twice:
        raise ValueError(f"more than one {what} name maps to {', '.join(twice)}")
    said: dict[str, str] = {}
    for name in columns:
        if (first := said.setdefault(name.strip().casefold(), name)) != name:
            raise ValueError(
                f"{first!r} and {name!r} are one name (in any case, with spaces around it), "
                "mapped to two columns: keep one"
            )

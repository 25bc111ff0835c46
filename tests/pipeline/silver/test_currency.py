"""Amounts in another currency converted to euros at the project file's fixed rates."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from c360 import contracts
from c360.engines import Engine
from c360.file_dialects import amount_columns
from c360.pipeline.silver import commerce, marketing, parse
from c360.pipeline.silver.crm import stg_crm_accounts
from c360.pipeline.silver.currency import converted_amounts, in_euros, rows_to_convert
from tests.pipeline.silver.test_amounts import ACCOUNT
from tests.pipeline.silver.test_commerce import PRODUCT
from tests.pipeline.silver.test_crm import AS_OF, bronze, row
from tests.pipeline.silver.test_marketing import TX_FIELDS, table

RATES = {"USD": 0.92, "GBP": 1.17}


def _prices(
    engine: Engine,
    prices: list[str],
    currency: str = "EUR",
    rates: dict[str, float] = RATES,
    decimal: str | None = None,
) -> tuple[dict[str, float], dict[str, str]]:
    """Each price of ``prices`` as a product's, read at ``rates`` in a table in ``currency``:
    the clean ones' euros and the rejected ones' reasons, by the written price."""
    rows = [row("products", PRODUCT, product_id=f"PROD_{i:05}", price_eur=p)
            for i, p in enumerate(prices, 1)]  # fmt: skip
    contract = contracts.get("products")
    read = parse.in_decimal_order(bronze(engine, "products", rows), contract, decimal)
    read = in_euros(read, contract, currency, rates, decimal)
    clean, rejects = commerce.stg_products(read).collect(engine)
    kept = {prices[int(r["product_id"][5:]) - 1]: r["price_eur"] for r in clean.to_pylist()}
    rejected = {prices[r["_row_number"] - 1]: r["reason"] for r in rejects.to_pylist()}
    return kept, rejected


def test_an_amount_in_a_currency_with_a_rate_is_its_value_times_the_rate_to_the_cent(
    engine: Engine,
) -> None:
    """A sign or a code of a currency with a rate, on either side, in any case, reads as the
    value times the rate, rounded to the cent (ties up); one without a rate stays
    ``other_currency``; the euro's and a plain number are euros, as they were."""
    written = {
        "$1,200": 1104.0, "1200 USD": 1104.0, "£950.00": 1111.5, "usd 12.50": 11.5,
        "US$ 10": 9.2, "$10.01": 9.21, "GBP\u00a09.50": 11.12, " 950£ ": 1111.5,
        "$0.01": 0.01, "12.50 €": 12.5, "12.50": 12.5, "EUR 1.234,50": 1234.5,
        "$ 1 234,50": 1135.74, "+$5": 4.6,
    }  # fmt: skip
    others = ["C$10", "¥1500", "1200 CHF", "-$12.50", "$1.234", "12 dollars", "$", "12 $ 50"]
    kept, rejected = _prices(engine, [*written, *others])
    assert kept == written
    assert rejected == {
        "C$10": "other_currency", "¥1500": "other_currency", "1200 CHF": "other_currency",
        "-$12.50": "negative_amount", "$1.234": "ambiguous_amount",
        "12 dollars": "invalid_number", "$": "invalid_number", "12 $ 50": "invalid_number",
    }  # fmt: skip


def test_without_rates_every_other_currency_stays_other_currency(engine: Engine) -> None:
    """No ``exchange_rates``: the bronze table is read as it is, as before."""
    kept, rejected = _prices(engine, ["$1,200", "£950.00", "12.50"], rates={})
    assert kept == {"12.50": 12.5}
    assert rejected == {"$1,200": "other_currency", "£950.00": "other_currency"}


def test_the_dollar_sign_alone_is_the_tables_dollar_and_a_bare_amount_its_currency(
    engine: Engine,
) -> None:
    """In a table whose ``currency`` is CAD, "$10" and "10" are Canadian dollars, "US$10" US
    ones and "€10" euros; in a table in USD, "$10" and "10" are US dollars and an amount in a
    currency without a rate is still ``other_currency``."""
    rates = {"USD": 0.92, "CAD": 0.68}
    canadian = ["$10", "10", "C$10", "CA$10", "10 cad", "US$10", "10 USD", "€10", "10 EUR"]
    kept, rejected = _prices(engine, canadian, "CAD", rates)
    assert kept == {"$10": 6.8, "10": 6.8, "C$10": 6.8, "CA$10": 6.8, "10 cad": 6.8,
                    "US$10": 9.2, "10 USD": 9.2, "€10": 10.0, "10 EUR": 10.0}  # fmt: skip
    assert rejected == {}
    american = ["$10", "10", "1,200.50", "£10", "abc", "-5", "1.234"]
    kept, rejected = _prices(engine, american, "USD", rates)
    assert kept == {"$10": 9.2, "10": 9.2, "1,200.50": 1104.46}
    assert rejected == {"£10": "other_currency", "abc": "invalid_number",
                        "-5": "negative_amount", "1.234": "ambiguous_amount"}  # fmt: skip


def test_the_yen_sign_is_the_yuan_in_a_table_in_yuan(engine: Engine) -> None:
    """ "¥" is the yen unless the table's currency is the yuan (CNY, also written RMB)."""
    rates = {"JPY": 0.0061, "CNY": 0.13}
    kept, _ = _prices(engine, ["¥1000", "1000 RMB", "1000円", "元1000"], "CNY", rates)
    assert kept == {"¥1000": 130.0, "1000 RMB": 130.0, "1000円": 6.1, "元1000": 130.0}
    kept, _ = _prices(engine, ["¥1000", "1000"], "EUR", rates)
    assert kept == {"¥1000": 6.1, "1000": 1000.0}


def test_the_decimal_setting_applies_to_the_number_of_an_amount_in_another_currency(
    engine: Engine,
) -> None:
    """``decimal: comma`` makes "$1.234" 1234 dollars; ``point`` makes it 1.234; unset, it is
    ``ambiguous_amount``, as "€1.234" is. "$1,5" is 1.5 dollars whatever the setting, as
    "€1,5" is 1.5 euros. A bare amount of a table in dollars reads by the setting too."""
    written = ["$1.234", "$1,5", "1.234,50 USD", "$12.500", "1.234"]
    kept, rejected = _prices(engine, written, "USD", decimal="comma")
    assert kept == {"$1.234": 1135.28, "$1,5": 1.38, "1.234,50 USD": 1135.74,
                    "$12.500": 11500.0, "1.234": 1135.28}  # fmt: skip
    kept, _ = _prices(engine, written, "USD", decimal="point")
    assert kept == {"$1.234": 1.14, "$1,5": 1.38, "1.234,50 USD": 1135.74, "$12.500": 11.5,
                    "1.234": 1.14}  # fmt: skip
    kept, rejected = _prices(engine, written, "EUR")
    assert kept == {"$1,5": 1.38, "1.234,50 USD": 1135.74}
    assert rejected == {"$1.234": "ambiguous_amount", "$12.500": "ambiguous_amount",
                        "1.234": "ambiguous_amount"}  # fmt: skip


def test_the_decimal_setting_applies_to_seed_004_amounts_in_a_csv_file(engine: Engine) -> None:
    """A transactions CSV with ``decimal: comma``: "1.234" and "€1.234" are 1234 euros, "$1.234"
    1234 dollars; a Parquet file's "1.234" beside it is a program's 1.234."""
    rows = [
        ("TXN1", "CUST1", "Mug", "1.234", "1", "Card", "€1.234", "$1.234", "2024-01-02"),
        ("TXN2", "CUST1", "Mug", "1.234", "1", "Card", "0", "0", "2024-01-02"),
    ]
    columns = {f: [r[i] for r in rows] for i, f in enumerate(TX_FIELDS)}
    columns["_source_file"] = ["sources/marketing/transactions.csv", "sources/x.parquet"]
    columns["_row_number"] = [1, 2]
    tx = engine.register("tx_decimal_comma", pa.table(columns))
    customers = engine.register("tx_comma_customers", pa.table({"customer_id": ["CUST1"]}))
    contract = contracts.get("mongo_transactions")
    said = in_euros(parse.in_decimal_order(tx, contract, "comma"), contract, "EUR", RATES,
                          "comma")  # fmt: skip
    as_of = dt.datetime(2025, 12, 31, tzinfo=dt.UTC)
    clean, _ = marketing.stg_mongo_transactions(said, customers, as_of).collect(engine)
    assert {r["transaction_id"]: (r["amount"], r["discount_applied"], r["shipping_cost"])
            for r in clean.to_pylist()} == {"TXN1": (1234.0, 1234.0, 1135.28),
                                            "TXN2": (1.234, 0.0, 0.0)}  # fmt: skip


def test_a_whole_euro_column_rounds_a_converted_amount_to_the_euro(engine: Engine) -> None:
    """An annual revenue in dollars is whole euros after conversion (ties up), cents and all
    ("$1,000.60" is 920.552 euros: 921); a euro amount with cents is still no whole number."""
    revenues = ["$12,500,000", "$1,000.60", "£1,000", "12.50", "$1.5"]
    rows = [row("crm_accounts", ACCOUNT, account_id=f"ACC_{i:06}", annual_revenue_eur=v)
            for i, v in enumerate(revenues, 1)]  # fmt: skip
    contract = contracts.get("crm_accounts")
    converted = in_euros(bronze(engine, "crm_accounts", rows), contract, "EUR", RATES)
    clean, rejects = stg_crm_accounts(converted, AS_OF).collect(engine)
    kept = {revenues[int(r["account_id"][4:]) - 1]: r["annual_revenue_eur"]
            for r in clean.to_pylist()}  # fmt: skip
    assert kept == {"$12,500,000": 11_500_000, "$1,000.60": 921, "£1,000": 1170, "$1.5": 1}
    assert all(type(n) is int for n in kept.values())
    assert [(r["_row_number"], r["reason"]) for r in rejects.to_pylist()] == [(4, "invalid_number")]


def test_seed_004_amounts_in_dollars_are_converted_each_by_its_own_mark(engine: Engine) -> None:
    """A transaction's amount, discount and shipping cost each read by their own sign or
    code; in a table in USD a number printed by a program ("12.345" in JSON) is dollars."""
    rows = [
        ("TXN1", "CUST1", "Mug", "$1,200", "1", "Card", "0", "£9.50", "2024-01-02"),
        ("TXN2", "CUST1", "Mug", "12.345", "1", "Card", "$1", "€1", "2024-01-02"),
        ("TXN3", "CUST1", "Mug", "1200 CHF", "1", "Card", "0", "0", "2024-01-02"),
    ]
    customers = engine.register("tx_rated_customers", pa.table({"customer_id": ["CUST1"]}))
    contract = contracts.get("mongo_transactions")
    as_of = dt.datetime(2025, 12, 31, tzinfo=dt.UTC)
    found = {}
    for currency in ("EUR", "USD"):
        tx = in_euros(table(engine, f"tx_{currency}", TX_FIELDS, rows), contract,
                            currency, RATES)  # fmt: skip
        clean, rejects = marketing.stg_mongo_transactions(tx, customers, as_of).collect(engine)
        found[currency] = (
            {r["transaction_id"]: (r["amount"], r["discount_applied"], r["shipping_cost"])
             for r in clean.to_pylist()},
            {r["transaction_id"]: r["reason"] for r in rejects.to_pylist()},
        )  # fmt: skip
    assert found["EUR"] == (
        {"TXN1": (1104.0, 0.0, 11.12), "TXN2": (12.345, 0.92, 1.0)},
        {"TXN3": "other_currency"},
    )
    assert found["USD"] == (
        {"TXN1": (1104.0, 0.0, 11.12), "TXN2": (11.36, 0.92, 1.0)},
        {"TXN3": "other_currency"},
    )


def test_each_currency_counts_the_amounts_it_converted(engine: Engine) -> None:
    """Per currency, the amounts of a table read at its rate: in every amount column, only
    those that read (an ambiguous "$1.234" is converted by none)."""
    rows = [
        ("TXN1", "CUST1", "Mug", "$1,200", "1", "Card", "0", "£9.50", "2024-01-02"),
        ("TXN2", "CUST1", "Mug", "12", "1", "Card", "$1", "$1.234", "2024-01-02"),
        ("TXN3", "CUST1", "Mug", "1200 CHF", "1", "Card", None, "abc", "2024-01-02"),
    ]
    tx = table(engine, "tx_counted", TX_FIELDS, rows)
    contract = contracts.get("mongo_transactions")
    counted = engine.to_arrow(converted_amounts(tx, contract, "EUR", RATES)).to_pylist()
    assert counted == [{"USD": 2, "GBP": 1}]
    counted = engine.to_arrow(converted_amounts(tx, contract, "USD", RATES)).to_pylist()
    assert counted == [{"USD": 4, "GBP": 1}]  # "12" and "0" in dollars too; not "abc"


def test_a_table_of_euros_has_no_row_to_convert(engine: Engine) -> None:
    """The rows ``in_euros`` may change: those holding an amount in a currency with a rate,
    readable or not ("$1.234"); every row of a table whose currency is not the euro."""
    rows = [
        ("TXN1", "CUST1", "Mug", "12.50", "1", "Card", "0", "€9.50", "2024-01-02"),
        ("TXN2", "CUST1", "Mug", "12", "1", "Card", "0", "$1.234", "2024-01-02"),
        ("TXN3", "CUST1", "Mug", "1200 CHF", "1", "Card", None, "£1", "2024-01-02"),
        ("TXN4", "CUST1", "Mug", "1200 CHF", "1", "Card", None, "abc", "2024-01-02"),
    ]
    tx = table(engine, "tx_to_convert", TX_FIELDS, rows)
    contract = contracts.get("mongo_transactions")
    found = [
        engine.to_arrow(rows_to_convert(tx, contract, currency, rates)).to_pylist()
        for currency, rates in (("EUR", RATES), ("EUR", {"CHF": 1.05}), ("EUR", {"JPY": 0.01}),
                                ("USD", RATES))
    ]  # fmt: skip
    assert found == [[{"rows": 2}], [{"rows": 2}], [{"rows": 0}], [{"rows": 4}]]


def test_a_code_in_look_alike_letters_is_no_currency_on_every_engine(engine: Engine) -> None:
    """ "12 usd", "USD 12" and "12 Usd" are dollars converted; "12 U\u017fD", "1000 \u212aRW"
    and "\u017fek 100" hold no code (the long s is no s, the Kelvin sign no k, though a
    case-insensitive regex reads them so on DuckDB): no number, converted nowhere."""
    rates = {"USD": 0.92, "KRW": 0.00068, "SEK": 0.088}
    codes = ["12 usd", "USD 12", "12 Usd", "1000 krw", "sek 100"]
    lookalikes = ["12 U\u017fD", "1000 \u212aRW", "\u017fek 100", "5 u\u017fd"]
    kept, rejected = _prices(engine, codes + lookalikes, rates=rates)
    assert kept == {"12 usd": 11.04, "USD 12": 11.04, "12 Usd": 11.04, "1000 krw": 0.68,
                    "sek 100": 8.8}  # fmt: skip
    assert rejected == dict.fromkeys(lookalikes, "invalid_number")
    rows = [row("products", PRODUCT, product_id=f"PROD_{i:05}", price_eur=p)
            for i, p in enumerate(codes + lookalikes, 1)]  # fmt: skip
    products = bronze(engine, "products", rows)
    contract = contracts.get("products")
    found = engine.to_arrow(rows_to_convert(products, contract, "EUR", rates)).to_pylist()
    assert found == [{"rows": len(codes)}]
    counted = engine.to_arrow(converted_amounts(products, contract, "EUR", rates)).to_pylist()
    assert counted == [{"USD": 3, "KRW": 1, "SEK": 1}]


@pytest.mark.parametrize(
    ("source", "named"),
    [
        ("mongo_campaigns", marketing.CAMPAIGN_AMOUNTS),
        ("mongo_transactions", marketing.TRANSACTION_AMOUNTS),
        ("ecommerce_products", ("price", "cost")),
        ("order_lines", ("unit_price_eur", "discount_eur", "line_total_eur")),
        ("crm_customers", ()),
    ],
)
def test_the_amounts_converted_are_those_the_models_read(
    source: str, named: tuple[str, ...]
) -> None:
    assert amount_columns(contracts.get(source)) == named

"""The project file's exchange rates and the currency of a table's amounts."""

from __future__ import annotations

from pathlib import Path

import pytest

from c360.config import ConfigError, load


def _load(tmp_path: Path, text: str) -> object:
    (tmp_path / "c360.yaml").write_text(text)
    return load(tmp_path)


def test_rates_and_the_currency_of_a_tables_amounts_are_read(tmp_path: Path) -> None:
    """Codes in any case are ISO's capitals; a table without a currency is in euros."""
    project = _load(
        tmp_path,
        "exchange_rates: {usd: 0.92, GBP: 1.17, JPY: 0.0061, CHF: 1}\n"
        "csv:\n  orders: {currency: usd}\n  products: {currency: EUR, decimal: comma}\n"
        "json:\n  mongo_transactions: {currency: GBP}\n",
    )
    assert project.exchange_rates == {"USD": 0.92, "GBP": 1.17, "JPY": 0.0061, "CHF": 1.0}
    assert [project.currency(t) for t in ("orders", "products", "mongo_transactions",
                                           "returns", "mongo_campaigns")] == [
        "USD", "EUR", "GBP", "EUR", "EUR"
    ]  # fmt: skip


def test_a_table_under_csv_and_json_takes_the_currency_either_gives(tmp_path: Path) -> None:
    project = _load(
        tmp_path,
        "exchange_rates: {USD: 0.92}\ncsv:\n  mongo_transactions: {delimiter: ';'}\n"
        "json:\n  mongo_transactions: {currency: USD}\n",
    )
    assert project.currency("mongo_transactions") == "USD"
    with pytest.raises(ConfigError, match="a table's amounts are in one currency"):
        _load(
            tmp_path,
            "exchange_rates: {USD: 0.92, GBP: 1.17}\ncsv:\n  orders: {currency: GBP}\n"
            "json:\n  orders: {currency: USD}\n",
        )


def test_no_rates_by_default(tmp_path: Path) -> None:
    project = load(tmp_path)
    assert project.exchange_rates == {} and project.currency("orders") == "EUR"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "exchange_rates: {USX: 0.92}",
            r"exchange_rates: unknown currency code 'USX'; did you mean "
            r"'USD'\?",
        ),
        ("exchange_rates: {dollar: 0.92}", r"exchange_rates: unknown currency code 'dollar'"),
        (
            "exchange_rates: {EUR: 1}",
            r"exchange_rates: EUR is the euro, c360's own currency: "
            "it needs no rate",
        ),
        ("exchange_rates: {RMB: 0.13}", r"exchange_rates: RMB is the yuan's other name: write CNY"),
        ("exchange_rates: {USD: 0}", r"exchange_rates\.USD: Input should be greater than 0"),
        ("exchange_rates: {USD: -0.92}", r"exchange_rates\.USD: Input should be greater than 0"),
        ("exchange_rates: {USD: .inf}", r"exchange_rates\.USD: Input should be a finite number"),
        ("exchange_rates: {USD: }", r"exchange_rates\.USD: Input should be a valid number"),
        ("exchange_rates: {USD: abc}", r"exchange_rates\.USD: Input should be a valid number"),
        ("exchange_rates: {USD: '0.92'}", r"exchange_rates\.USD: Input should be a valid number"),
        ("exchange_rates: {USD: true}", r"exchange_rates\.USD: Input should be a valid number"),
        ("exchange_rates: {USD: 0.92, usd: 0.93}", r"exchange_rates: USD is given twice"),
        ("exchange_rates: [USD]", r"exchange_rates: Input should be a valid dictionary"),
        (
            "csv:\n  orders: {currency: USD}",
            r"csv: orders: currency USD has no rate: give one "
            r"under exchange_rates \(exchange_rates: \{USD: 0\.92\}, the euros one dollar is "
            r"worth\), or leave the table in euros",
        ),
        (
            "exchange_rates: {GBP: 1.17}\njson:\n  mongo_campaigns: {currency: usd}",
            r"c360\.yaml: json: mongo_campaigns: currency USD has no rate",
        ),
        (
            "csv:\n  orders: {currency: dollars}",
            r"csv\.orders\.currency: unknown currency code 'dollars'",
        ),
        (
            "csv:\n  orders: {currency: 12}",
            r"csv\.orders\.currency: Input should be a valid "
            "string",
        ),
        (
            "exchange_rates: {USD: 0.92}\ncsv:\n  crm_customers: {currency: USD}",
            r"csv: crm_customers: the table holds no amounts, so it takes no currency",
        ),
    ],
)
def test_a_wrong_rate_or_currency_gets_one_clear_message(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        _load(tmp_path, text + "\n")

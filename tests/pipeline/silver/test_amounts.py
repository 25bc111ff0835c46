"""Amounts in euros: whole-euro columns read as amounts, another currency told apart."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from c360 import contracts
from c360.engines import Engine
from c360.pipeline.silver import commerce, parse
from c360.pipeline.silver.campaigns import stg_marketing_campaigns
from c360.pipeline.silver.crm import stg_crm_accounts
from tests.pipeline.silver.test_campaigns import CAMPAIGN
from tests.pipeline.silver.test_commerce import PRODUCT
from tests.pipeline.silver.test_crm import AS_OF, bronze, row

ACCOUNT = {
    "account_id": "ACC_000001", "account_name": "Acme", "industry": "Retail", "region": "EMEA",
    "tier": "smb", "employee_count": "210", "created_at": "2020-01-01", "status": "active",
    "annual_revenue_eur": "18698000",
}  # fmt: skip


def _accounts(engine: Engine, revenues: list[str]) -> tuple[dict[str, object], dict[str, str]]:
    """Each revenue of ``revenues`` as an account's: the clean ones' revenue and the rejected
    ones' reasons, by the written value."""
    rows = [row("crm_accounts", ACCOUNT, account_id=f"ACC_{i:06}", annual_revenue_eur=v)
            for i, v in enumerate(revenues, 1)]  # fmt: skip
    clean, rejects = stg_crm_accounts(bronze(engine, "crm_accounts", rows), AS_OF).collect(engine)
    kept = {revenues[int(r["account_id"][4:]) - 1]: r["annual_revenue_eur"]
            for r in clean.to_pylist()}  # fmt: skip
    rejected = {revenues[r["_row_number"] - 1]: f"{r['column']}: {r['reason']}"
                for r in rejects.to_pylist()}  # fmt: skip
    return kept, rejected


def test_a_whole_euro_column_reads_the_euros_sign_or_code_and_grouped_thousands(
    engine: Engine,
) -> None:
    """An annual revenue as a CRM export writes it: the euro's sign or code on either side,
    its thousands grouped by commas, dots or spaces, cents of zero."""
    written = {
        "€12,500,000": 12_500_000, "12.500.000 €": 12_500_000, "12,500,000.00": 12_500_000,
        "12 500 000 EUR": 12_500_000, "eur 1,234": 1234, "1.234 €": 1234, "-€ 5": -5,
        "12500000": 12_500_000, " 12.0 ": 12, "1.25e7": 12_500_000, "+5": 5,
    }  # fmt: skip
    kept, rejected = _accounts(engine, list(written))
    assert kept == {v: n for v, n in written.items() if n >= 0}
    assert rejected == {"-€ 5": "annual_revenue_eur: negative_amount"}
    assert all(type(n) is int for n in kept.values())


def test_a_fraction_of_a_euro_in_a_whole_euro_column_is_invalid(engine: Engine) -> None:
    """Cents where the contract holds whole euros are ``invalid_number`` (the value is no
    whole number, as "1.5" is none in a count), never rounded; a dot before three digits
    stays ``ambiguous_amount``; a size no amount has stays ``out_of_range``."""
    written = ["12.50", "€12,500,000.50", "1.234", "€1.234", "abc", "1e20", "12,345,678.9 €"]
    kept, rejected = _accounts(engine, written)
    assert kept == {}
    assert rejected == {
        "12.50": "annual_revenue_eur: invalid_number",
        "€12,500,000.50": "annual_revenue_eur: invalid_number",
        "1.234": "annual_revenue_eur: ambiguous_amount",
        "€1.234": "annual_revenue_eur: ambiguous_amount",
        "abc": "annual_revenue_eur: invalid_number",
        "1e20": "annual_revenue_eur: out_of_range",
        "12,345,678.9 €": "annual_revenue_eur: invalid_number",
    }


def test_a_campaign_budget_reads_as_an_amount_and_its_decimal_setting_applies(
    engine: Engine,
) -> None:
    """``budget_eur`` is whole euros too; a CSV's ``decimal: comma`` makes "1.234" 1234 there,
    and "€79,500" 79.5, no whole number of euros."""
    budgets = ["€79,500", "79.500 €", "1.234", "$79,500"]
    rows = [row("marketing_campaigns", CAMPAIGN, campaign_id=f"CAMP_{i:03}", budget_eur=b)
            for i, b in enumerate(budgets, 1)]  # fmt: skip
    campaigns = bronze(engine, "marketing_campaigns", rows)
    as_of = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    unset = {"CAMP_001": 79_500, "CAMP_002": 79_500}
    for decimal, read in ((None, unset), ("comma", {"CAMP_002": 79_500, "CAMP_003": 1234})):
        ordered = parse.in_decimal_order(campaigns, contracts.get("marketing_campaigns"), decimal)
        clean, rejects = stg_marketing_campaigns(ordered, as_of).collect(engine)
        assert {r["campaign_id"]: r["budget_eur"] for r in clean.to_pylist()} == read, decimal
        reasons = {r["campaign_id"]: r["reason"] for r in rejects.to_pylist()}
        assert reasons["CAMP_004"] == "other_currency", decimal
        assert reasons.get("CAMP_003") == (None if decimal else "ambiguous_amount"), decimal
        assert reasons.get("CAMP_001") == ("invalid_number" if decimal else None), decimal


OTHER = ["$1,200", "1200 USD", "£950.00", "JPY 1,500,000", "US$ 12", "-$12.50", "$-12.50",
         "12,50 chf", "¥1500", "1 200 ₽", "usd1200", "GBP\u00a0950", " 950£ "]  # fmt: skip
NOT_OTHER = ["€1,200", "1200 EUR", "abc", "$", "USD", "$ abc", "12 USDX", "XUSD 12", "", "1.234",
             "12 $ 50"]  # fmt: skip


def test_another_currency_is_told_from_text_that_does_not_read(engine: Engine) -> None:
    """``other_currency``: a sign or an ISO code other than the euro's, on either side of a
    number, in any case; text without a number, or with the euro, is something else."""
    written = OTHER + NOT_OTHER
    t = engine.register("other_currencies", pa.table({"v": written}))
    out = engine.to_arrow(
        t.select(m=parse.money(t.v), o=parse.other_currency(t.v, parse.money(t.v)))
    )
    assert dict(zip(written, out.column("o").to_pylist(), strict=True)) == {
        v: v in OTHER for v in written
    }
    assert out.column("m").to_pylist()[: len(OTHER)] == [None] * len(OTHER)


def test_a_currency_code_is_its_ascii_letters_in_either_case_on_every_engine(
    engine: Engine,
) -> None:
    """``other_currency``: "12 usd", "USD 12" and "12 Usd" are dollars; "12 U\u017fD" and
    "12 \u212aRW" hold no code: the long s (U+017F) is no s and the Kelvin sign (U+212A) no
    k, though a case-insensitive regex reads them so on DuckDB (RE2), not on Spark (Java)."""
    codes = ["12 usd", "USD 12", "12 Usd", "dkk 5", "12 SEK"]
    lookalikes = ["12 U\u017fD", "12 \u212aRW", "\u017fek 5", "D\u212a\u212a 5", "5 u\u017fd"]
    written = codes + lookalikes
    t = engine.register("currency_lookalikes", pa.table({"v": written}))
    out = engine.to_arrow(t.select(o=parse.other_currency(t.v, parse.money(t.v)))).column("o")
    assert dict(zip(written, out.to_pylist(), strict=True)) == {v: v in codes for v in written}


def test_a_price_in_another_currency_is_quarantined_as_such(engine: Engine) -> None:
    """A product priced "$12.50" is ``other_currency``, naming its column, not invalid_number."""
    products = bronze(engine, "products", [
        row("products", PRODUCT, price_eur="$12.50"),
        row("products", PRODUCT, product_id="PROD_00002", price_eur="12.50 GBP"),
        row("products", PRODUCT, product_id="PROD_00003", price_eur="12.50 €"),
        row("products", PRODUCT, product_id="PROD_00004", price_eur="12 dollars"),
    ])  # fmt: skip
    clean, rejects = commerce.stg_products(products).collect(engine)
    assert [r["product_id"] for r in clean.to_pylist()] == ["PROD_00003"]
    assert [(r["_row_number"], r["reason"], r["column"]) for r in rejects.to_pylist()] == [
        (1, "other_currency", "price_eur"), (2, "other_currency", "price_eur"),
        (4, "invalid_number", "price_eur"),
    ]  # fmt: skip

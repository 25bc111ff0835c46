"""kpi_measures against hand computations of the seed's DAX, per month and over all data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa
import pytest

from c360.contracts import gold_star as c
from c360.engines import Engine
from c360.pipeline.gold.kpis import kpi_measures, month_number, period_name
from c360.pipeline.gold.star import year_month
from tests.pipeline.gold.test_star import built, gold

D = dt.datetime


def inputs(engine: Engine, **rows: list[dict[str, Any]]) -> list[ibis.Table | None]:
    contracts = (c.DIM_CUSTOMER, c.DIM_PRODUCT, c.DIM_CAMPAIGN, c.FCT_ORDERS,
                 c.FCT_EMAIL_EVENTS, c.FCT_RETURNS)  # fmt: skip
    return [gold(engine, t, rows.get(t.name, [])) for t in contracts]


CUSTOMERS = [  # total_orders is the source profile's: converted is counted from the orders
    {"customer_id": "C1", "lifecycle_stage": "active", "total_orders": 2},
    {"customer_id": "C2", "lifecycle_stage": "churned", "total_orders": 3},  # only canceled
    {"customer_id": "C3", "lifecycle_stage": "at_risk", "total_orders": None},  # no profile
    {"customer_id": "C4", "lifecycle_stage": "prospect", "total_orders": 1},  # only pending
]
PRODUCTS = [{"product_id": p, "margin_pct": m} for p, m in (("P1", 0.2), ("P2", 0.4), ("P3", 0.3))]
CAMPAIGNS = [{"campaign_id": "CAMP_001", "budget_eur": 100},
             {"campaign_id": "CAMP_002", "budget_eur": 300}]  # fmt: skip
ORDERS = [  # every status counts; an order belongs to the month it was placed in
    {"order_id": "O1", "customer_id": "C1", "order_at": D(2025, 1, 10), "status": "completed",
     "total_amount_eur": 100.0, "attributed_campaign_id": "CAMP_001"},
    {"order_id": "O2", "customer_id": "C2", "order_at": D(2025, 1, 31, 23, 59, 59),
     "status": "canceled",
     "total_amount_eur": 50.0, "attributed_campaign_id": "CAMP_002"},
    {"order_id": "O3", "customer_id": "C4", "order_at": D(2025, 2, 1), "status": "pending",
     "total_amount_eur": 30.0},
    {"order_id": "O4", "customer_id": "C3", "order_at": D(2025, 3, 15), "status": "completed",
     "total_amount_eur": 20.0},
    # A completed order of a customer silver did not keep converts nobody.
    {"order_id": "O5", "customer_id": "C9", "order_at": D(2025, 3, 16), "status": "completed",
     "total_amount_eur": 0.0},
]  # fmt: skip
RETURNS = [  # a return counts in its order's month, whatever its own date or status
    {"return_id": "R1", "order_id": "O1", "created_at": D(2025, 2, 5), "status": "rejected"},
    {"return_id": "R2", "order_id": "O3", "created_at": D(2025, 2, 10), "status": "approved"},
    # An order silver did not keep: its return counts in no period, "all" included.
    {"return_id": "R3", "order_id": "O9", "created_at": D(2025, 2, 10), "status": "approved"},
]  # fmt: skip
NOBODY = {"is_human_opened": False, "is_human_clicked": False, "count_human_opens": 0,
          "count_human_clicks": 0}  # fmt: skip
SENDS = [  # S1: a scanner's open and click beside the person's; S2: a privacy proxy's open only
    {"send_id": "S1", "send_at": D(2025, 1, 5), "is_opened": True, "is_clicked": True,
     "count_opens": 3, "count_clicks": 2, "is_human_opened": True, "is_human_clicked": True,
     "count_human_opens": 2, "count_human_clicks": 1},
    {**NOBODY, "send_id": "S2", "send_at": D(2025, 1, 20), "is_opened": True,
     "is_clicked": False, "count_opens": 1, "count_clicks": 0},
    {**NOBODY, "send_id": "S3", "send_at": D(2025, 1, 25), "is_opened": False,
     "is_clicked": False, "count_opens": 0, "count_clicks": 0},  # bounced
    {**NOBODY, "send_id": "S4", "send_at": D(2025, 4, 2), "is_opened": False,
     "is_clicked": False, "count_opens": 0, "count_clicks": 0},
]  # fmt: skip

MEASURES = ("clv", "conversion_rate", "campaign_roi", "open_rate", "ctr", "churn_rate",
            "return_rate", "unique_open_rate", "unique_ctr")  # fmt: skip
EXPECTED = {  # by hand: avg margin 0.3, budgets 400, 4 customers (C1 and C3 converted, 1 churned)
    "all": (200 * 0.3, 0.5, (150 - 400) / 400, 4 / 4, 2 / 4, 0.25, 2 / 5, 2 / 4, 1 / 2),
    "2025-01": (150 * 0.3, 0.5, (150 - 400) / 400, 4 / 3, 2 / 4, 0.25, 1 / 2, 2 / 3, 1 / 2),
    # No sends in February and March, no opens in April, no orders in April: DIVIDE(…, 0) is 0.
    "2025-02": (30 * 0.3, 0.5, -1.0, 0.0, 0.0, 0.25, 1.0, 0.0, 0.0),
    "2025-03": (20 * 0.3, 0.5, -1.0, 0.0, 0.0, 0.25, 0.0, 0.0, 0.0),  # O4 and O5
    "2025-04": (0.0, 0.5, -1.0, 0.0, 0.0, 0.25, 0.0, 0.0, 0.0),
}
HUMAN_MEASURES = ("human_open_rate", "human_ctr", "human_unique_open_rate", "human_unique_ctr")
HUMAN_EXPECTED = {  # the person opened S1 twice and clicked it once; S2's open was a proxy's
    "all": (2 / 4, 1 / 2, 1 / 4, 1 / 1),
    "2025-01": (2 / 3, 1 / 2, 1 / 3, 1 / 1),
    "2025-02": (0.0, 0.0, 0.0, 0.0),
    "2025-04": (0.0, 0.0, 0.0, 0.0),
}


@pytest.fixture()
def periods(engine: Engine) -> dict[str, dict[str, Any]]:
    tables = inputs(
        engine,
        dim_customer=CUSTOMERS,
        dim_product=PRODUCTS,
        dim_campaign=CAMPAIGNS,
        fct_orders=ORDERS,
        fct_email_events=SENDS,
        fct_returns=RETURNS,
    )
    return {r["period"]: r for r in built(engine, c.KPI_MEASURES, kpi_measures(*tables))}


def test_measures_follow_the_seed_dax_per_period(periods: dict[str, dict[str, Any]]) -> None:
    rows = periods
    assert sorted(rows) == sorted(EXPECTED)
    for period, expected in EXPECTED.items():
        got = tuple(rows[period][m] for m in MEASURES)
        assert got == pytest.approx(expected), period


def test_human_rates_sit_beside_the_raw_ones(periods: dict[str, dict[str, Any]]) -> None:
    for period, expected in HUMAN_EXPECTED.items():
        got = tuple(periods[period][m] for m in HUMAN_MEASURES)
        assert got == pytest.approx(expected), period
    names = c.KPI_MEASURES.column_names
    assert names.index("human_open_rate") == names.index("open_rate") + 1
    assert names.index("human_ctr") == names.index("ctr") + 1


def test_base_counts_explain_the_measures(periods: dict[str, dict[str, Any]]) -> None:
    rows = periods
    january = rows["2025-01"]
    bases = [k for k in c.KPI_MEASURES.column_names if k.startswith(("count_", "total_", "avg_"))]
    assert {k: january[k] for k in bases} == {
        "count_customers": 4, "count_converted_customers": 2, "count_churned_customers": 1,
        "count_orders": 2, "total_order_amount_eur": 150.0, "total_attributed_amount_eur": 150.0,
        "avg_product_margin_pct": pytest.approx(0.3), "total_budget_eur": 400, "count_sends": 3,
        "count_opened_sends": 2, "count_clicked_sends": 1, "count_open_events": 4,
        "count_click_events": 2, "count_returns": 1, "count_human_opened_sends": 1,
        "count_human_clicked_sends": 1, "count_human_open_events": 2, "count_human_click_events": 1,
    }  # fmt: skip
    months = [r["count_returns"] for p, r in rows.items() if p != "all"]
    assert rows["all"]["count_returns"] == sum(months) == 2  # not R3, of an unknown order
    assert rows["all"]["count_orders"] == 5


def test_empty_tables_give_one_period_and_rates_of_zero(engine: Engine) -> None:
    rows = built(engine, c.KPI_MEASURES, kpi_measures(*inputs(engine)))
    assert len(rows) == 1
    assert rows[0]["period"] == "all"
    measures = MEASURES + HUMAN_MEASURES
    assert rows[0]["clv"] is None  # the mean margin of no product is BLANK
    rates = [m for m in measures if m != "clv"]
    assert [rows[0][m] for m in rates] == [0.0] * len(rates)  # DIVIDE(…, 0), never NULL
    assert rows[0]["count_orders"] == rows[0]["total_budget_eur"] == 0


def test_a_month_number_is_named_as_the_calendar_names_the_month(engine: Engine) -> None:
    days = [D(2025, 1, 1), D(2024, 12, 31, 23, 59, 59), D(2023, 10, 5), D(999, 9, 9)]
    t = engine.register("kpi_days", pa.table({"at": pa.array(days, pa.timestamp("us"))}))
    named = t.select(
        number=month_number(t.at), name=period_name(month_number(t.at)), calendar=year_month(t.at)
    )
    rows = engine.to_arrow(named).to_pylist()
    assert [r["number"] for r in rows] == [202501, 202412, 202310, 99909]
    assert [r["name"] for r in rows] == ["2025-01", "2024-12", "2023-10", "999-09"]
    assert all(r["name"] == r["calendar"] for r in rows)


def test_sums_and_the_mean_margin_do_not_depend_on_the_order_rows_are_added_in(
    engine: Engine,
) -> None:
    # 0.001 + 0.092 + 0.932 is 1.025, a tie: added as doubles it lands above it in January's
    # order and below it in February's. 0.1 + 0.2 + 0.3 as doubles is 0.6000000000000001.
    amounts = {1: (0.001, 0.092, 0.932), 2: (0.932, 0.092, 0.001)}
    orders = [
        {"order_id": f"O{month}{i}", "order_at": D(2025, month, 1), "status": "completed",
         "total_amount_eur": amount, "attributed_campaign_id": "CAMP_001"}
        for month, each in amounts.items() for i, amount in enumerate(each)
    ]  # fmt: skip
    products = [{"product_id": f"P{i}", "margin_pct": m} for i, m in enumerate((0.1, 0.2, 0.3))]
    tables = inputs(engine, fct_orders=orders, dim_product=products, dim_campaign=CAMPAIGNS)
    rows = {r["period"]: r for r in built(engine, c.KPI_MEASURES, kpi_measures(*tables))}
    for period in ("2025-01", "2025-02"):
        assert rows[period]["total_order_amount_eur"] == 1.03, period
        assert rows[period]["total_attributed_amount_eur"] == 1.03, period
    assert rows["all"]["total_order_amount_eur"] == 2.05
    assert rows["all"]["avg_product_margin_pct"] == 0.2  # 0.6 / 3, not 0.20000000000000004


SENT = ("open_rate", "human_open_rate", "ctr", "human_ctr", "unique_open_rate",
        "human_unique_open_rate", "unique_ctr", "human_unique_ctr", "count_sends",
        "count_opened_sends", "count_clicked_sends", "count_open_events", "count_click_events",
        "count_human_opened_sends", "count_human_clicked_sends", "count_human_open_events",
        "count_human_click_events")  # fmt: skip


def test_a_company_without_e_mail_marketing_or_returns_still_measures_its_orders(
    engine: Engine,
) -> None:
    """No campaigns, sends or returns in the workspace: what they measure is NULL (not
    measured), not the 0 of a month without sends; the rest is as with them."""
    customers, products, _, orders, _, _ = inputs(
        engine, dim_customer=CUSTOMERS, dim_product=PRODUCTS, fct_orders=ORDERS
    )
    rows = built(engine, c.KPI_MEASURES, kpi_measures(customers, products, None, orders))
    periods = {r["period"]: r for r in rows}
    assert sorted(periods) == ["2025-01", "2025-02", "2025-03", "all"]  # the orders' months
    for period, row in periods.items():
        expected = EXPECTED[period]
        assert row["clv"] == pytest.approx(expected[0]), period
        assert (row["conversion_rate"], row["churn_rate"]) == (0.5, 0.25)
        assert [row[m] for m in SENT] == [None] * len(SENT), period
        assert row["campaign_roi"] is row["total_budget_eur"] is None
        assert row["return_rate"] is row["count_returns"] is None
    assert periods["all"]["total_attributed_amount_eur"] == 150.0  # the orders say so


MARGINS = ("clv", "avg_product_margin_pct")


def test_a_company_without_a_product_catalogue_still_measures_the_rest(engine: Engine) -> None:
    """No products: the CLV and the mean margin it multiplies by are NULL (not measured), every
    other measure and count as with the catalogue."""
    tables = inputs(
        engine,
        dim_customer=CUSTOMERS,
        dim_product=PRODUCTS,
        dim_campaign=CAMPAIGNS,
        fct_orders=ORDERS,
        fct_email_events=SENDS,
        fct_returns=RETURNS,
    )
    with_products = {r["period"]: r for r in built(engine, c.KPI_MEASURES, kpi_measures(*tables))}
    tables[1] = None
    rows = {r["period"]: r for r in built(engine, c.KPI_MEASURES, kpi_measures(*tables))}
    assert sorted(rows) == sorted(EXPECTED)
    for period, row in rows.items():
        assert [row[m] for m in MARGINS] == [None, None], period
        others = {k: v for k, v in with_products[period].items() if k not in MARGINS}
        assert {k: v for k, v in row.items() if k not in MARGINS} == others, period
    assert rows["2025-01"]["conversion_rate"] == 0.5
    assert rows["all"]["return_rate"] == pytest.approx(2 / 5)
    assert rows["all"]["total_order_amount_eur"] == 200.0


# What kpi_measures' contract calls each optional input where it says which measures it leaves NULL.
OPTIONAL = {1: "products", 2: "campaigns", 4: "e-mail sends", 5: "returns"}


@pytest.mark.parametrize("position", sorted(OPTIONAL))
def test_the_contract_names_the_input_without_which_a_measure_is_null(
    engine: Engine, position: int
) -> None:
    """Each measure that a workspace without one optional input has NULL, in every period, says
    so in its description, and none other does."""
    tables = inputs(
        engine,
        dim_customer=CUSTOMERS,
        dim_product=PRODUCTS,
        dim_campaign=CAMPAIGNS,
        fct_orders=ORDERS,
        fct_email_events=SENDS,
        fct_returns=RETURNS,
    )
    tables[position] = None
    rows = built(engine, c.KPI_MEASURES, kpi_measures(*tables))
    null = {k for k in c.KPI_MEASURES.column_names if all(r[k] is None for r in rows)}
    said = f"NULL in a workspace without {OPTIONAL[position]}"
    described = {col.name for col in c.KPI_MEASURES.columns if said in col.description}
    assert described == null


def test_nothing_but_customers_and_orders_still_measures_them(engine: Engine) -> None:
    customers, _, _, orders, _, _ = inputs(engine, dim_customer=CUSTOMERS, fct_orders=ORDERS)
    rows = built(engine, c.KPI_MEASURES, kpi_measures(customers, None, None, orders))
    periods = {r["period"]: r for r in rows}
    assert sorted(periods) == ["2025-01", "2025-02", "2025-03", "all"]
    for period, row in periods.items():
        assert (row["clv"], row["avg_product_margin_pct"], row["campaign_roi"]) == (None,) * 3
        assert (row["conversion_rate"], row["churn_rate"]) == (0.5, 0.25), period
    assert periods["2025-01"]["total_order_amount_eur"] == 150.0


def test_a_workspace_without_products_gets_kpis_and_is_not_told_to_add_them(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dim_product is an optional input, as campaigns, sends and returns are."""
    from c360.pipeline.gold import kpis, run

    monkeypatch.setattr(run, "MODELS", kpis.MODELS)
    for contract, rows in ((c.DIM_CUSTOMER, CUSTOMERS), (c.FCT_ORDERS, ORDERS)):
        data = gold(engine, contract, rows)
        run.lake.publish_table(tmp_path, "gold", contract.name, engine.to_arrow(data))
    assert [(b.model, b.rows) for b in run.build_gold(tmp_path, engine)] == [("kpi_measures", 4)]
    every = run.lake.read_table(tmp_path, "gold", "kpi_measures").to_pylist()[-1]
    assert (every["period"], every["clv"], every["conversion_rate"]) == ("all", None, 0.5)
    assert run.wanting(tmp_path) == {}

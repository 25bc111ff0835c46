"""Seed 003's text reports: literal gold rows come out formatted; a missing table is a note."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from c360.contracts import gold_ecommerce as ge
from c360.contracts import gold_star as gs
from c360.contracts.model import Table
from c360.pipeline.lake import publish_table
from c360.serve import report_kit, reports
from c360.serve.reports import write_text_reports


def publish(workspace: Path, contract: Table, rows: list[dict[str, Any]]) -> None:
    """``rows`` as gold table ``contract.name``, typed by the contract's columns they name."""
    declared = contract.arrow_schema()
    schema = pa.schema([declared.field(name) for name in rows[0]])
    publish_table(workspace, "gold", contract.name, pa.Table.from_pylist(rows, schema=schema))


def product(
    rank: str, n: int, pid: str, name: str | None, revenue: float | None, margin: float | None
) -> dict:
    return {
        rank: n,
        "product_id": pid,
        "product_name": name,
        "category": "Electronics",
        "count_orders": 218,
        "total_units": 1307,
        "total_revenue_eur": revenue,
        "total_margin_eur": margin,
    }


def clv(
    cid: str, orders: int, revenue: float | None, basket: float | None, value: float | None
) -> dict:
    return {
        "customer_id": cid,
        "count_orders": orders,
        "total_revenue_eur": revenue,
        "average_basket_eur": basket,
        "purchase_frequency_per_year": 2.0 if orders else 0.0,
        "customer_lifespan_years": 0.5,
        "clv_eur": value,
    }


def month(m: int, orders: int, units: int, revenue: float, margin: float, basket: float) -> dict:
    return {
        "year": 2024,
        "month": m,
        "count_orders": orders,
        "total_units": units,
        "total_revenue_eur": revenue,
        "total_margin_eur": margin,
        "count_customers": orders - 5,
        "average_basket_eur": basket,
    }


def day(d: int, category: str, orders: int, revenue: float | None, margin: float | None) -> dict:
    return {
        "order_date": dt.date(2024, 3, d),
        "category": category,
        "count_orders": orders,
        "total_units": orders + 1,
        "total_revenue_eur": revenue,
        "total_margin_eur": margin,
    }


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    ws = tmp_path_factory.mktemp("ws")
    publish(
        ws,
        ge.AGG_ECOMMERCE_MONTHLY_SALES,
        [
            month(3, 1200, 1500, 1234567.891, 234567.5, 1028.81),
            month(4, 30, 40, 1000.5, 200.25, 33.35),
        ],
    )
    publish(  # 1,230 orders: the last 5 of a product without a price, 10 more without a cost
        ws,
        ge.FCT_ECOMMERCE_SALES,
        [
            {
                "order_id": f"O{i}",
                "revenue_eur": None if i >= 1225 else 1004.0,
                "margin_eur": None if i >= 1215 else 190.0,
            }
            for i in range(1230)
        ],
    )
    publish(
        ws,
        ge.AGG_ECOMMERCE_DAILY_SALES,
        [
            day(1, "Books", 2, 30.0, 10.0),
            day(2, "Books", 1, 10.0, 2.5),
            day(1, "Electronics", 1, 960.0, 100.0),
            day(2, "Unknown", 4, None, None),  # products silver rejected: no price
        ],
    )
    publish(
        ws,
        ge.MART_ECOMMERCE_TOP_PRODUCTS,
        [
            product("units_rank", 2, "PROD_00004", "E-Reader Active", 111298.25, None),
            product("units_rank", 1, "PROD_00009", "Headphones Max", 298093.93, 64985.76),
            product("units_rank", 3, "PROD_00015", None, None, None),  # rejected: no price
        ],
    )
    publish(
        ws,
        ge.MART_ECOMMERCE_MOST_PROFITABLE_PRODUCTS,
        [
            product("margin_rank", 1, "PROD_00009", "Headphones Max", 298093.93, 64985.76),
        ],
    )
    publish(
        ws,
        ge.MART_ECOMMERCE_CUSTOMER_LIFETIME_VALUE,
        [
            clv("CUST_000001", 5, 1340.94, 268.2, 300.0),
            clv("CUST_000002", 0, 0.0, None, 0.0),
            clv("CUST_000003", 2, 100.0, 50.0, 25.0),
        ],
    )
    publish(
        ws,
        ge.MART_ECOMMERCE_RFM,
        [
            {"customer_id": c, "rfm_segment": s, "monetary_eur": m}
            for c, s, m in (
                ("CUST_000001", "Champions", 1340.94),
                ("CUST_000002", "Never Purchased", 0.0),
                ("CUST_000003", "Champions", 100.0),
            )
        ],
    )
    publish(
        ws,
        ge.MART_ECOMMERCE_STOCKOUTS,
        [
            {
                "product_id": "PROD_00006",
                "warehouse_id": "WH-PAR",
                "product_name": "Laptop Stand",
                "category": "Electronics",
                "last_updated_at": dt.datetime(2025, 12, 29, 6, 10),
                "last_in_stock_at": None,
            }
        ],
    )
    publish(
        ws,
        ge.MART_ECOMMERCE_STOCK_ROTATION,
        [
            {
                "product_id": p,
                "product_name": n,
                "category": "Clothing",
                "units_sold": u,
                "average_stock_units": a,
                "stock_rotation": r,
                "period_start_date": dt.date(2025, 10, 13),
                "period_end_date": dt.date(2025, 12, 29),
            }
            for p, n, u, a, r in (
                ("PROD_00028", "Sneakers", 53, 14.38, 3.686),
                ("PROD_00060", "Nail Polish", 0, None, None),
            )
        ],
    )
    publish(ws, gs.KPI_MEASURES, [{"period": "all"}])  # the CRM's KPIs, shown in report.html
    paths = write_text_reports(ws)
    assert [p.name for p in paths] == ["sales_report.txt", "kpis_dashboard.txt"]
    return {p.stem: p.read_text() for p in paths}


def line(text: str, start: str) -> list[str]:
    """The words of the report line that starts with ``start``."""
    found = [row for row in text.splitlines() if row.lstrip().startswith(start)]
    assert found, f"no line starts with {start!r}"
    return found[0].split()


def test_reports_open_with_their_generation_date(written: dict[str, str]) -> None:
    for text in written.values():
        assert text.splitlines()[2].startswith(f"Generated: {dt.datetime.now(dt.UTC):%Y-%m-%d}")


def test_reports_name_the_source_system_they_describe(written: dict[str, str]) -> None:
    """report.html's headline tiles count the CRM's orders and customers: each report says
    whose figures it shows, in its title and its headline sections."""
    shop = "Web shop (e-commerce sources, seed 003)"
    assert written["sales_report"].startswith(f"Sales report: {shop}\n")
    assert written["kpis_dashboard"].startswith(f"KPI dashboard: {shop}\n")
    for text in written.values():
        source = line(text, "Source:")
        assert " ".join(source).startswith("Source: seed 003's e-commerce tables only")
        assert "report.html" in source
    assert "\nWeb shop totals\n---" in written["sales_report"]
    for heading in ("Web shop business KPIs", "Web shop customers and lifetime value (CLV)"):
        assert f"\n{heading}\n{'-' * len(heading)}\n" in written["kpis_dashboard"]


def test_sales_totals_have_separators_and_cents(written: dict[str, str]) -> None:
    sales = written["sales_report"]
    assert line(sales, "Period")[-3:] == ["2024-03", "to", "2024-04"]
    assert line(sales, "Orders")[-1] == "1,230"
    assert line(sales, "Units sold")[-1] == "1,540"
    assert line(sales, "Revenue (EUR)")[-1] == "1,235,568.39"
    assert line(sales, "Margin (EUR)")[-1] == "234,767.75"
    # Over the sales with a known cost, and the orders with a known price, as the months are;
    # the block shows what each is over, so that its lines add up.
    assert line(sales, "Orders with a known price")[-1] == "1,225"
    assert line(sales, "Revenue with a known cost (EUR)")[-1] == "1,219,860.00"
    assert line(sales, "Margin rate (of revenue with a cost)")[-2:] == [
        f"{234767.75 / (1215 * 1004.0) * 100:.2f}",
        "%",
    ]
    assert line(sales, "Average basket: revenue / priced orders (EUR)")[-1] == (
        f"{1235568.391 / 1225:,.2f}"
    )
    assert sales.index("Orders with a known price") < sales.index("Average basket")


def test_sales_by_month_and_by_category(written: dict[str, str]) -> None:
    sales = written["sales_report"]
    assert line(sales, "2024-03") == [
        "2024-03",
        "1,200",
        "1,500",
        "1,234,567.89",
        "234,567.50",
        "1,195",
        "1,028.81",
    ]
    assert line(sales, "Books") == ["Books", "3", "5", "40.00", "12.50", "4.00", "%"]
    assert line(sales, "Electronics") == ["Electronics", "1", "2", "960.00", "100.00", "96.00", "%"]
    by_category = sales[sales.index("Sales by category") :]
    assert by_category.index("Electronics") < by_category.index("Books")  # by revenue
    # A category of no known revenue shows none, not 0.00, and comes after those with revenue.
    assert line(by_category, "Unknown") == ["Unknown", "4", "5", "-", "-", "-"]
    assert by_category.index("Books") < by_category.index("Unknown")


def test_product_rankings_in_rank_order(written: dict[str, str]) -> None:
    sales = written["sales_report"]
    top = sales[sales.index("Top 10 best-sellers (units sold)") :]
    assert top.index("PROD_00009") < top.index("PROD_00004")
    # The best-sellers rank by units sold, and the column says so.
    assert line(top, "Units rank")[:3] == ["Units", "rank", "Product"]
    assert "Revenue rank" not in sales
    assert line(top, "1  PROD_00009")[-4:] == ["218", "1,307", "298,093.93", "64,985.76"]
    assert line(top, "2  PROD_00004")[-2:] == ["111,298.25", "-"]  # margin unknown
    assert line(top, "3  PROD_00015")[-4:] == ["218", "1,307", "-", "-"]  # price unknown
    profitable = sales[sales.index("Top 10 most profitable products") :]
    assert "Headphones Max" in profitable


def test_customer_kpis_and_clv(written: dict[str, str]) -> None:
    kpis = written["kpis_dashboard"]
    assert line(kpis, "Customers..")[-1] == "3"
    assert line(kpis, "Customers with an order")[-1] == "2"
    assert line(kpis, "Conversion rate")[-2:] == ["66.67", "%"]
    assert line(kpis, "Average of each buyer's own average basket (EUR)")[-1] == "159.10"
    assert line(kpis, "Buyers of unpriced products only (no CLV)")[-1] == "0"
    assert line(kpis, "Average CLV of priced buyers (EUR)")[-1] == "162.50"
    assert line(kpis, "Total CLV (EUR)")[-1] == "325.00"
    assert line(kpis, "CUST_000001") == ["CUST_000001", "5", "1,340.94", "268.20", "300.00"]


def test_rfm_segment_counts_in_segment_order(written: dict[str, str]) -> None:
    kpis = written["kpis_dashboard"]
    assert line(kpis, "Champions") == ["Champions", "2", "66.67", "%", "1,440.94"]
    assert line(kpis, "Never Purchased") == ["Never", "Purchased", "1", "33.33", "%", "0.00"]
    assert kpis.index("Champions ") < kpis.index("Never Purchased ")


def test_stock_outs_and_rotation(written: dict[str, str]) -> None:
    kpis = written["kpis_dashboard"]
    assert line(kpis, "Product and warehouse pairs at 0 units")[-1] == "1"
    assert line(kpis, "PROD_00006")[-5:] == ["Electronics", "WH-PAR", "-", "2025-12-29", "06:10:00"]
    rotation = kpis[kpis.index("Stock rotation") :]
    assert line(rotation, "Period..")[-3:] == ["2025-10-13", "to", "2025-12-29"]
    assert line(rotation, "Products without stock data")[-1] == "1"
    assert line(rotation, "Average rotation (turns)")[-1] == "3.69"
    assert line(rotation, "PROD_00028")[-3:] == ["53", "14.38", "3.69"]
    assert "PROD_00060" not in kpis  # no stock, no rotation to rank


# What each text report (sales, KPI dashboard) needs: only the dashboard shows stock.
SHOP_SOURCES = (
    "ecommerce_customers, ecommerce_orders or ecommerce_products",
    "ecommerce_customers, ecommerce_inventory, ecommerce_orders or ecommerce_products",
)


def test_a_workspace_without_a_web_shop_is_told_once_which_sources_the_reports_need(
    tmp_path: Path,
) -> None:
    """No table of the web shop's: one paragraph naming its sources, no section of notes, no
    claim to be drawn from them; the CRM's KPIs are not pointed to, as none were built."""
    for path, sources in zip(write_text_reports(tmp_path), SHOP_SOURCES, strict=True):
        text = path.read_text()
        body = " ".join(text.split("\n\n", 1)[1].split())
        assert body == (
            "Nothing to show: this report is drawn from the web shop's e-commerce sources (seed "
            f"003), and this workspace has no {sources}."
        )
        assert all(len(row) <= 100 for row in text.splitlines())
        assert "not available" not in text and "Source:" not in text


def test_a_crm_without_a_web_shop_is_pointed_to_its_kpis_in_report_html(tmp_path: Path) -> None:
    publish(tmp_path, gs.KPI_MEASURES, [{"period": "all"}])
    for path, sources in zip(write_text_reports(tmp_path), SHOP_SOURCES, strict=True):
        body = " ".join(path.read_text().split("\n\n", 1)[1].split())
        assert body.startswith("Nothing to show: ")
        assert body.endswith(
            f"has no {sources}. This workspace's CRM and marketing KPIs (seed 000) are in "
            "report.html."
        )


def test_a_section_whose_table_was_not_built_names_the_sources_it_lacks(tmp_path: Path) -> None:
    publish(tmp_path, ge.AGG_ECOMMERCE_MONTHLY_SALES, [month(3, 10, 12, 100.0, 20.0, 10.0)])
    publish(tmp_path, ge.FCT_ECOMMERCE_SALES, [{"order_id": "O1", "revenue_eur": 100.0,
                                               "margin_eur": 20.0}])  # fmt: skip
    sales, kpis = (p.read_text() for p in write_text_reports(tmp_path))
    assert line(sales, "Orders")[-1] == line(kpis, "Orders")[-1] == "10"
    assert " ".join(line(sales, "Source:")) == "Source: seed 003's e-commerce tables only"
    for name in ("agg_ecommerce_daily_sales", "mart_ecommerce_top_products", reports.PROFITABLE):
        assert f"not available: {name} was not built: this workspace has no " in sales, name
    assert "not available: mart_ecommerce_stockouts was not built: this workspace has no " in kpis
    assert "Nothing to show" not in sales + kpis


def test_a_workspace_given_as_the_current_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``c360 run`` in the workspace itself gives it as ``.``, whose name is empty."""
    (tmp_path / "acme_ws").mkdir()
    monkeypatch.chdir(tmp_path / "acme_ws")
    for path in write_text_reports(Path(".")):
        assert "Workspace: acme_ws\n" in path.read_text()


def test_text_with_line_breaks_tabs_or_control_characters_stays_on_its_row(
    tmp_path: Path,
) -> None:
    """A value breaking its line would split a row of the table in two and shift its columns."""
    publish(
        tmp_path,
        ge.MART_ECOMMERCE_TOP_PRODUCTS,
        [
            product("units_rank", 1, "PROD_00009", "Ear\r\nbuds\tPro\x07", 298.5, 64.5),
            product("units_rank", 2, "PROD_00004", "Lamp", 11.0, 2.0),
        ],
    )
    sales = write_text_reports(tmp_path)[0].read_text()
    top = sales[sales.index("Top 10 best-sellers (units sold)") :].splitlines()
    assert top[4] == (
        "         1  PROD_00009  Ear buds Pro   Electronics     218  1,307       298.50       64.50"
    )
    assert top[5].startswith("         2  PROD_00004  Lamp           Electronics     218")


def test_a_missing_column_gives_a_note(tmp_path: Path) -> None:
    publish(tmp_path, ge.AGG_ECOMMERCE_MONTHLY_SALES, [{"year": 2024, "month": 3}])
    sales = write_text_reports(tmp_path)[0].read_text()
    assert "not available: agg_ecommerce_monthly_sales has no column count_orders" in sales


def test_money_of_no_known_value_is_shown_unknown_not_zero(tmp_path: Path) -> None:
    # Every product sold was rejected from the catalogue in silver: no price, no cost.
    unknown = {"total_revenue_eur": None, "total_margin_eur": None, "average_basket_eur": None}
    publish(tmp_path, ge.AGG_ECOMMERCE_MONTHLY_SALES, [month(3, 10, 12, 0.0, 0.0, 0.0) | unknown])
    publish(
        tmp_path,
        ge.FCT_ECOMMERCE_SALES,
        [{"order_id": f"O{i}", "revenue_eur": None, "margin_eur": None} for i in range(10)],
    )
    publish(tmp_path, ge.AGG_ECOMMERCE_DAILY_SALES, [day(1, "Unknown", 10, None, None)])
    publish(
        tmp_path,
        ge.MART_ECOMMERCE_CUSTOMER_LIFETIME_VALUE,
        [clv("CUST_000001", 6, None, None, None), clv("CUST_000002", 4, None, None, None)],
    )
    publish(
        tmp_path,
        ge.MART_ECOMMERCE_RFM,
        [
            {"customer_id": "CUST_000001", "rfm_segment": "Loyal Customers", "monetary_eur": None},
            {"customer_id": "CUST_000002", "rfm_segment": "Hibernating", "monetary_eur": None},
        ],
    )
    sales, kpis = (p.read_text() for p in write_text_reports(tmp_path))
    for report in (sales, kpis):
        assert line(report, "Orders")[-1] == "10"
        assert line(report, "Orders with a known price")[-1] == "0"
        for label in (
            "Revenue (EUR)",
            "Margin (EUR)",
            "Average basket: revenue / priced orders (EUR)",
        ):
            assert line(report, label)[-1] == "-", label
        assert line(report, "Margin rate (of revenue with a cost)")[-1] == "-"
    assert line(sales, "2024-03") == ["2024-03", "10", "12", "-", "-", "5", "-"]
    assert line(sales, "Unknown") == ["Unknown", "10", "11", "-", "-", "-"]
    assert line(kpis, "Total CLV (EUR)")[-1] == "-"
    assert line(kpis, "Buyers of unpriced products only (no CLV)")[-1] == "2"
    assert line(kpis, "Average CLV of priced buyers (EUR)")[-1] == "-"
    assert line(kpis, "CUST_000001") == ["CUST_000001", "6", "-", "-", "-"]
    assert line(kpis, "Loyal Customers") == ["Loyal", "Customers", "1", "50.00", "%", "-"]


def test_empty_tables_print_no_rows(tmp_path: Path) -> None:
    for contract in ge.TABLES:
        publish_table(tmp_path, "gold", contract.name, contract.arrow_schema().empty_table())
    sales, kpis = (p.read_text() for p in write_text_reports(tmp_path))
    assert "(no rows)" in sales and "(no rows)" in kpis
    assert "not available" not in sales + kpis


def test_a_report_is_replaced_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "reports" / "sales_report.txt"
    target.parent.mkdir()
    target.write_text("previous report")

    def fail(src: Path, dst: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(report_kit.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_text_reports(tmp_path)
    assert target.read_text() == "previous report"
    assert sorted(p.name for p in target.parent.iterdir()) == ["sales_report.txt"]


def test_a_report_whose_sources_landed_but_whose_tables_were_not_built_says_so_once(
    tmp_path: Path,
) -> None:
    """Silver holds the web shop's tables (a run stopped before gold): no source is lacking, so
    the report names the tables that were not built instead."""
    for name in ("customers", "inventory", "orders", "products"):
        publish_table(tmp_path, "silver", f"stg_ecommerce_{name}", pa.table({"x": [1]}))
    sales = write_text_reports(tmp_path)[0].read_text()
    body = " ".join(sales.split("\n\n", 1)[1].split())
    assert body == (
        "Nothing to show: none of its tables (agg_ecommerce_monthly_sales, "
        "agg_ecommerce_daily_sales, mart_ecommerce_top_products and "
        "mart_ecommerce_most_profitable_products) was built."
    )


def test_the_two_average_baskets_say_what_each_averages(written: dict[str, str]) -> None:
    """Revenue over priced orders, and the mean of each buyer's own basket: two numbers that
    differ (1,008.63 and 159.10 here), whose labels must not read alike."""
    kpis = written["kpis_dashboard"]
    assert "Average basket (EUR per priced order)" not in kpis
    assert "Average basket of buyers (EUR)" not in kpis
    totals = line(kpis, "Average basket: revenue / priced orders (EUR)")
    buyers = line(kpis, "Average of each buyer's own average basket (EUR)")
    assert (totals[-1], buyers[-1]) == ("1,008.63", "159.10")


def test_a_stock_rotation_is_a_number_of_turns_not_money(tmp_path: Path) -> None:
    """Rotations of 0.1, 0 and 0 average 0.0333 turns: money's two decimals would print 0.03,
    a third less."""
    publish(
        tmp_path,
        ge.MART_ECOMMERCE_STOCK_ROTATION,
        [
            {
                "product_id": p,
                "product_name": p,
                "category": "Home",
                "units_sold": u,
                "average_stock_units": a,
                "stock_rotation": r,
                "period_start_date": dt.date(2025, 10, 6),
                "period_end_date": dt.date(2025, 10, 13),
            }
            for p, u, a, r in (
                ("PROD_00001", 1, 10.0, 0.1),
                ("PROD_00002", 0, 20.0, 0.0),
                ("PROD_00004", 0, 1.5, 0.0),
                ("PROD_00005", 0, 0.004, 0.004567),
            )
        ],
    )
    kpis = write_text_reports(tmp_path)[1].read_text()
    rotation = kpis[kpis.index("Stock rotation") :]
    assert line(rotation, "Average rotation (turns)")[-1] == "0.026"  # (0.1 + 0.004567) / 4
    assert line(rotation, "PROD_00001")[-1] == "0.10"
    assert line(rotation, "PROD_00005")[-1] == "0.0046"  # not 0.00

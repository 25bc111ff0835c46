"""Seed 003's text reports: ``reports/sales_report.txt`` and ``reports/kpis_dashboard.txt``.

Plain fixed-width text read from the gold tables (formatting in ``report_kit``). A section whose
gold table was not built says so in one line instead, naming the sources the workspace lacks; a
report none of whose tables was built (a company without a web shop) says so once. Both describe
the web shop alone, and say so in their titles and headline sections: report.html's headline
tiles count the CRM's orders and customers, which are others.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts.gold_ecommerce import RFM_SEGMENTS
from c360.serve.report_kit import (
    Gold,
    Missing,
    count,
    generated_at,
    listed,
    listing,
    money,
    pairs,
    pct,
    ratio,
    rows,
    text,
    total,
    write_atomically,
)

Section = tuple[str, Callable[[Gold], list[str]]]


# --- the sections -------------------------------------------------------------------------------

MONTHLY = "agg_ecommerce_monthly_sales"
FACT = "fct_ecommerce_sales"
MEASURES = ("count_orders", "total_units", "total_revenue_eur", "total_margin_eur")
PRODUCT = ("product_id", "product_name", "category")
PROFITABLE = "mart_ecommerce_most_profitable_products"
TOP = "mart_ecommerce_top_products"


def _totals(gold: Gold) -> list[str]:
    """The months' sums; the margin rate and the average basket as the monthly table computes
    them, over the sales whose cost, or price, is known (a product silver rejected has none).
    The block shows both divisors, so that its lines add up."""
    t = gold(MONTHLY, "year", "month", *MEASURES)
    orders, units, revenue, margin = (total(t, c) for c in MEASURES)
    months = sorted(f"{y:04d}-{m:02d}" for y, m in rows(t, "year", "month"))
    sales = gold(FACT, "order_id", "revenue_eur", "margin_eur")
    priced = pc.count_distinct(sales.filter(pc.is_valid(sales["revenue_eur"]))["order_id"]).as_py()
    costed = total(sales.filter(pc.is_valid(sales["margin_eur"])), "revenue_eur")
    return pairs(
        [
            ("Period", f"{months[0]} to {months[-1]}" if months else "-"),
            ("Orders", count(orders)),
            ("Orders with a known price", count(priced)),
            ("Units sold", count(units)),
            ("Revenue (EUR)", money(revenue)),
            ("Revenue with a known cost (EUR)", money(costed)),
            ("Margin (EUR)", money(margin)),
            (
                "Margin rate (of revenue with a cost)",
                pct(margin / costed if costed and margin is not None else None),
            ),
            (
                "Average basket: revenue / priced orders (EUR)",
                money(revenue / priced if priced and revenue is not None else None),
            ),
        ]
    )


def _by_month(gold: Gold) -> list[str]:
    t = gold(MONTHLY, "year", "month", *MEASURES, "count_customers", "average_basket_eur")
    t = t.sort_by([("year", "ascending"), ("month", "ascending")])
    months = pa.array([f"{y:04d}-{m:02d}" for y, m in rows(t, "year", "month")], pa.string())
    t = t.set_column(1, "month", months)  # YYYY-MM in place of the month number
    return listing(t, "month", *MEASURES, "count_customers", "average_basket_eur")


def _by_category(gold: Gold) -> list[str]:
    t = gold("agg_ecommerce_daily_sales", "category", *MEASURES)
    sums = t.group_by("category").aggregate([(c, "sum") for c in MEASURES])
    sums = sums.rename_columns(["category", *MEASURES])
    revenue = total(t, "total_revenue_eur") or None  # a ratio over 0 or unknown is NULL
    share = pc.divide(sums["total_revenue_eur"], pa.scalar(revenue, pa.float64()))
    sums = sums.append_column("share_of_revenue", share)
    sums = sums.sort_by([("total_revenue_eur", "descending"), ("category", "ascending")])
    return listing(sums, "category", *MEASURES, "share_of_revenue", percent=("share_of_revenue",))


def _ranking(name: str, rank: str) -> Callable[[Gold], list[str]]:
    """Gold table ``name`` in the order of its ``rank`` column."""

    def section(gold: Gold) -> list[str]:
        t = gold(name, rank, *PRODUCT, *MEASURES).sort_by(rank)
        return listing(t, rank, *PRODUCT, *MEASURES)

    return section


def _customers(gold: Gold) -> list[str]:
    t = gold(
        "mart_ecommerce_customer_lifetime_value",
        "customer_id",
        "count_orders",
        "total_revenue_eur",
        "average_basket_eur",
        "purchase_frequency_per_year",
        "customer_lifespan_years",
        "clv_eur",
    )
    buyers = t.filter(pc.greater(t["count_orders"], 0))
    n, b = t.num_rows, buyers.num_rows

    def average(column: str) -> str:
        return money(pc.mean(buyers[column]).as_py())

    top = t.sort_by([("clv_eur", "descending"), ("customer_id", "ascending")]).slice(0, 10)
    return [
        *pairs(
            [
                ("Customers", count(n)),
                ("Customers with an order", count(b)),
                ("Conversion rate", pct(b / n if n else None)),
                # The mean of each buyer's own basket: not the revenue per order above.
                ("Average of each buyer's own average basket (EUR)", average("average_basket_eur")),
                ("Purchases per year (buyers)", average("purchase_frequency_per_year")),
                ("Customer lifespan (years)", average("customer_lifespan_years")),
                # A buyer of unpriced products only has no CLV: the average leaves them out.
                (
                    "Buyers of unpriced products only (no CLV)",
                    count(b - pc.count(buyers["clv_eur"]).as_py()),
                ),
                ("Average CLV of priced buyers (EUR)", average("clv_eur")),
                ("Total CLV (EUR)", money(total(t, "clv_eur"))),
            ]
        ),
        "",
        "Top 10 customers by CLV:",
        *listing(
            top, "customer_id", "count_orders", "total_revenue_eur", "average_basket_eur", "clv_eur"
        ),
    ]


def _rfm(gold: Gold) -> list[str]:
    t = gold("mart_ecommerce_rfm", "rfm_segment", "customer_id", "monetary_eur")
    by = t.group_by("rfm_segment").aggregate([("customer_id", "count"), ("monetary_eur", "sum")])
    by = by.rename_columns(["rfm_segment", "count_customers", "total_monetary_eur"])
    order = {s: i for i, s in enumerate(RFM_SEGMENTS)}
    rank = [order.get(s, len(order)) for s in by["rfm_segment"].to_pylist()]
    share = pc.divide(by["count_customers"].cast(pa.float64()), max(t.num_rows, 1))
    by = by.append_column("rank", pa.array(rank, pa.int64())).append_column("share", share)
    by = by.sort_by([("rank", "ascending"), ("rfm_segment", "ascending")])
    return listing(
        by, "rfm_segment", "count_customers", "share", "total_monetary_eur", percent=("share",)
    )


def _stockouts(gold: Gold) -> list[str]:
    t = gold(
        "mart_ecommerce_stockouts", *PRODUCT, "warehouse_id", "last_in_stock_at", "last_updated_at"
    )
    t = t.sort_by([("product_id", "ascending"), ("warehouse_id", "ascending")])
    products = pc.count_distinct(t["product_id"]).as_py()
    return [
        *pairs(
            [
                ("Product and warehouse pairs at 0 units", count(t.num_rows)),
                ("Products out of stock in a warehouse", count(products)),
            ]
        ),
        "",
        *listing(t, *t.column_names),
    ]


def _rotation(gold: Gold) -> list[str]:
    columns = (*PRODUCT, "units_sold", "average_stock_units", "stock_rotation")
    t = gold("mart_ecommerce_stock_rotation", *columns, "period_start_date", "period_end_date")
    known = t.filter(pc.is_valid(t["stock_rotation"]))
    start, end = pc.min(t["period_start_date"]).as_py(), pc.max(t["period_end_date"]).as_py()
    fast = known.sort_by([("stock_rotation", "descending"), ("product_id", "ascending")])
    slow = known.sort_by([("stock_rotation", "ascending"), ("product_id", "ascending")])
    return [
        *pairs(
            [
                ("Period", f"{text(start)} to {text(end)}"),
                ("Products", count(t.num_rows)),
                ("Products without stock data", count(t.num_rows - known.num_rows)),
                # Turns of the stock, a ratio: 0.0333 is not 0.03.
                ("Average rotation (turns)", ratio(pc.mean(known["stock_rotation"]).as_py())),
            ]
        ),
        "",
        "Fastest-moving 10:",
        *listing(fast.slice(0, 10), *columns, ratios=("stock_rotation",)),
        "",
        "Slowest-moving 10:",
        *listing(slow.slice(0, 10), *columns, ratios=("stock_rotation",)),
    ]


SHOP = "Web shop (e-commerce sources, seed 003)"
SOURCE = "Source: seed 003's e-commerce tables only"
# Said only where kpi_measures was built: a workspace of the web shop alone has no CRM KPIs.
ELSEWHERE = "CRM and marketing KPIs (seed 000) are in report.html"
SALES: list[Section] = [
    ("Web shop totals", _totals),
    ("Sales by month", _by_month),
    ("Sales by category", _by_category),
    ("Top 10 best-sellers (units sold)", _ranking(TOP, "units_rank")),
    ("Top 10 most profitable products", _ranking(PROFITABLE, "margin_rank")),
]
KPIS: list[Section] = [
    ("Web shop business KPIs", _totals),
    ("Web shop customers and lifetime value (CLV)", _customers),
    ("RFM segments", _rfm),
    ("Most profitable products", _ranking(PROFITABLE, "margin_rank")),
    ("Stock-outs", _stockouts),
    ("Stock rotation (units sold / average stock)", _rotation),
]


def render(title: str, gold: Gold, sections: Sequence[Section]) -> str:
    """The report's text: a title block, then each section or the note saying why it is absent;
    when none of its tables was built, one paragraph saying which sources it needs."""
    lines = [title, "=" * len(title), f"Generated: {generated_at()}", f"Workspace: {gold.name}"]
    drawn: list[tuple[str, list[str] | Missing]] = []
    for name, section in sections:
        try:
            drawn.append((name, section(gold)))
        except Missing as exc:
            drawn.append((name, exc))
    absent = [body for _, body in drawn if isinstance(body, Missing)]
    elsewhere = "kpi_measures" in gold  # what this workspace shows in report.html instead
    if len(absent) == len(drawn) and all(m.table for m in absent):
        note = _nothing(absent) + (f" This workspace's {ELSEWHERE}." if elsewhere else "")
        return "\n".join([*lines, "", *textwrap.wrap(note, 100), ""])
    lines += [f"{SOURCE}; the {ELSEWHERE}" if elsewhere else SOURCE, ""]
    for name, body in drawn:
        lines += [name, "-" * len(name)]
        lines += [f"not available: {body}"] if isinstance(body, Missing) else body
        lines.append("")
    return "\n".join(lines)


def _nothing(absent: Sequence[Missing]) -> str:
    """Why a report shows nothing: the sources its tables need, which the workspace lacks."""
    needs = sorted({source for m in absent for source in m.needs})
    if needs:
        return (
            "Nothing to show: this report is drawn from the web shop's e-commerce sources "
            f"(seed 003), and this workspace has no {listed(needs, 'or')}."
        )
    tables = list(dict.fromkeys(m.table or "" for m in absent))
    return f"Nothing to show: none of its tables ({listed(tables)}) was built."


def write_text_reports(workspace: Path) -> list[Path]:
    """Write seed 003's sales report and KPI dashboard; returns their paths."""
    gold, folder = Gold(workspace), Path(workspace) / "reports"
    return [
        write_atomically(folder / "sales_report.txt", render(f"Sales report: {SHOP}", gold, SALES)),
        write_atomically(
            folder / "kpis_dashboard.txt", render(f"KPI dashboard: {SHOP}", gold, KPIS)
        ),
    ]

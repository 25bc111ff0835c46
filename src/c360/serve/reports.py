"""Seed 003's text reports: ``reports/sales_report.txt`` and ``reports/kpis_dashboard.txt``.

Plain fixed-width text read from the gold tables: money to 2 decimals with thousands separators,
rates as percentages. A section whose gold table was not built says so in one line instead.
The table reader and the formatters here serve the HTML report too.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts.gold_ecommerce import RFM_SEGMENTS
from c360.serve import gold_tables

Fmt = Callable[[Any], str]
Section = tuple[str, Callable[["Gold"], list[str]]]


class Missing(Exception):
    """A report section cannot be drawn: its gold table was not built or lacks a column."""


class Gold:
    """The workspace's gold tables in their contract types, each read once when first asked."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = Path(workspace)
        self._found = {g.name: g for g in gold_tables(workspace)}
        self._read: dict[str, pa.Table] = {}

    def __call__(self, name: str, *columns: str) -> pa.Table:
        """Table ``name`` (only ``columns`` when given); :class:`Missing` if it cannot be."""
        if name not in self._found:
            raise Missing(f"{name} was not built")
        if name not in self._read:
            self._read[name] = self._found[name].reader().read_all()
        table = self._read[name]
        absent = [c for c in columns if c not in table.column_names]
        if absent:
            raise Missing(f"{name} has no column {', '.join(absent)}")
        return table.select(list(columns)) if columns else table


def money(value: Any) -> str:
    return "-" if value is None else f"{value:,.2f}"


def count(value: Any) -> str:
    return "-" if value is None else f"{value:,}"


def pct(value: Any) -> str:
    """A ratio as a percentage.

    >>> pct(0.6445), pct(12.5), pct(None)
    ('64.45 %', '1,250.00 %', '-')
    """
    return "-" if value is None else f"{value * 100:,.2f} %"


def text(value: Any) -> str:
    return "-" if value is None else str(value)


def rows(table: pa.Table, *columns: str) -> list[tuple[Any, ...]]:
    """The values of ``columns``, row by row (reports are small: this is the edge)."""
    return list(zip(*(table[c].to_pylist() for c in columns), strict=True))


def total(table: pa.Table, column: str) -> Any:
    return pc.sum(table[column]).as_py() or 0


def fixed_width(columns: Sequence[tuple[str, Fmt]], values: Iterable[Sequence[Any]]) -> list[str]:
    """A table as aligned text: text columns to the left, numbers to the right."""
    body = [[fmt(v) for (_, fmt), v in zip(columns, row, strict=True)] for row in values]
    if not body:
        return ["(no rows)"]
    heads = [h for h, _ in columns]
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(heads)]
    left = [fmt is text for _, fmt in columns]

    def line(cells: Sequence[str]) -> str:
        out = (
            c.ljust(w) if lf else c.rjust(w) for c, w, lf in zip(cells, widths, left, strict=True)
        )
        return "  ".join(out).rstrip()

    return [line(heads), line(["-" * w for w in widths]), *(line(r) for r in body)]


def heading(column: str) -> str:
    """A column's name as a header.

    >>> heading("total_revenue_eur"), heading("count_orders"), heading("rfm_segment")
    ('Revenue EUR', 'Orders', 'RFM segment')
    """
    words = column.removeprefix("total_").removeprefix("count_").split("_")
    words = [w.upper() if w in ("eur", "id", "rfm", "clv") else w for w in words]
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def listing(table: pa.Table, *columns: str, percent: Sequence[str] = ()) -> list[str]:
    """``columns`` of ``table`` as :func:`fixed_width` text, each formatted by its Arrow type."""
    kinds = [table.schema.field(c).type for c in columns]
    formats = [
        pct if c in percent else money if pa.types.is_floating(k) else
        count if pa.types.is_integer(k) else text
        for c, k in zip(columns, kinds, strict=True)
    ]  # fmt: skip
    return fixed_width(
        list(zip(map(heading, columns), formats, strict=True)), rows(table, *columns)
    )


def pairs(items: Sequence[tuple[str, str]]) -> list[str]:
    """Label / value lines, the values right-aligned in one column."""
    width = max(len(label) for label, _ in items) + 2
    right = max(len(value) for _, value in items)
    return [f"{label:.<{width}} {value:>{right}}" for label, value in items]


def write_atomically(path: Path, content: str) -> Path:
    """Write ``content`` beside ``path`` and rename it over: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temp.write_text(content, encoding="utf-8")
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return path


def generated_at() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


# --- the sections -------------------------------------------------------------------------------

MONTHLY = "agg_ecommerce_monthly_sales"
MEASURES = ("count_orders", "total_units", "total_revenue_eur", "total_margin_eur")
PRODUCT = ("product_id", "product_name", "category")
PROFITABLE = "mart_ecommerce_most_profitable_products"


def _totals(gold: Gold) -> list[str]:
    t = gold(MONTHLY, "year", "month", *MEASURES)
    orders, units, revenue, margin = (total(t, c) for c in MEASURES)
    months = sorted(f"{y:04d}-{m:02d}" for y, m in rows(t, "year", "month"))
    return pairs(
        [
            ("Period", f"{months[0]} to {months[-1]}" if months else "-"),
            ("Orders", count(orders)),
            ("Units sold", count(units)),
            ("Revenue (EUR)", money(revenue)),
            ("Margin (EUR)", money(margin)),
            ("Margin rate", pct(margin / revenue if revenue else None)),
            ("Average basket (EUR)", money(revenue / orders if orders else None)),
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
    revenue = float(total(t, "total_revenue_eur")) or None  # a ratio over 0 is NULL
    share = pc.divide(sums["total_revenue_eur"], pa.scalar(revenue, pa.float64()))
    sums = sums.append_column("share_of_revenue", share)
    sums = sums.sort_by([("total_revenue_eur", "descending"), ("category", "ascending")])
    return listing(sums, "category", *MEASURES, "share_of_revenue", percent=("share_of_revenue",))


def _ranking(name: str, rank: str) -> Callable[[Gold], list[str]]:
    def section(gold: Gold) -> list[str]:
        return listing(
            gold(name, rank, *PRODUCT, *MEASURES).sort_by(rank), rank, *PRODUCT, *MEASURES
        )

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
                ("Average basket of buyers (EUR)", average("average_basket_eur")),
                ("Purchases per year (buyers)", average("purchase_frequency_per_year")),
                ("Customer lifespan (years)", average("customer_lifespan_years")),
                ("Average CLV of buyers (EUR)", average("clv_eur")),
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
                ("Average rotation", money(pc.mean(known["stock_rotation"]).as_py())),
            ]
        ),
        "",
        "Fastest-moving 10:",
        *listing(fast.slice(0, 10), *columns),
        "",
        "Slowest-moving 10:",
        *listing(slow.slice(0, 10), *columns),
    ]


SALES: list[Section] = [
    ("Totals", _totals),
    ("Sales by month", _by_month),
    ("Sales by category", _by_category),
    ("Top 10 products by revenue", _ranking("mart_ecommerce_top_products", "revenue_rank")),
    ("Top 10 most profitable products", _ranking(PROFITABLE, "margin_rank")),
]
KPIS: list[Section] = [
    ("Business KPIs", _totals),
    ("Customers and lifetime value (CLV)", _customers),
    ("RFM segments", _rfm),
    ("Most profitable products", _ranking(PROFITABLE, "margin_rank")),
    ("Stock-outs", _stockouts),
    ("Stock rotation (units sold / average stock)", _rotation),
]


def render(title: str, gold: Gold, sections: Sequence[Section]) -> str:
    """The report's text: a title block, then each section or the note saying why it is absent."""
    lines = [title, "=" * len(title), f"Generated: {generated_at()}"]
    lines += [f"Workspace: {gold.workspace.name}", ""]
    for name, section in sections:
        lines += [name, "-" * len(name)]
        try:
            lines += section(gold)
        except Missing as exc:
            lines.append(f"not available: {exc}")
        lines.append("")
    return "\n".join(lines)


def write_text_reports(workspace: Path) -> list[Path]:
    """Write seed 003's sales report and KPI dashboard; returns their paths."""
    gold, folder = Gold(workspace), Path(workspace) / "reports"
    return [
        write_atomically(folder / "sales_report.txt", render("Sales report", gold, SALES)),
        write_atomically(folder / "kpis_dashboard.txt", render("KPI dashboard", gold, KPIS)),
    ]

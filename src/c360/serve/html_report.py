"""The HTML report: ``reports/report.html``, one self-contained page of KPI tiles and charts.

plotly.js is inlined once in the page's head, as shipped, and every chart is drawn by it, so the
page opens offline. The bundle names web addresses (map tiles, map icons, topojson, logo and
attribution links), reached only by code the page does not run: a chart may only use a trace type
of :data:`OFFLINE_TRACES`, none of which draws on a map, and its layout may show no image from
the web; and no element or style of the page refers to the web (:func:`external_references`).
A chart whose gold table was not built gives way to a one-line note, as in the text reports.
Each section names the source system its figures come from: their orders and customers differ.
The page names the systems whose gold tables were built; the sections of a system of which none
was built (a company without a web shop) are left out, and one line says which sources they need.

A figure says what it measures where its name would be misread: the CLV tile is seed 000's
company-wide total, each rate tile leads with its share of sends (which cannot pass 100 %)
before seed 000's measure over events, each campaign ROI names the attribution it rests on, and
charts draw rates as percentages, as the tiles show them.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pyarrow as pa
import pyarrow.compute as pc
from plotly.offline import get_plotlyjs

from c360.contracts import GOLD_TABLES
from c360.contracts.gold_attribution import ATTRIBUTION_MODELS
from c360.contracts.gold_ecommerce import RFM_SEGMENTS
from c360.serve.report_kit import (
    Fmt,
    Gold,
    Missing,
    count,
    counted,
    generated_at,
    listed,
    missing,
    money,
    pct,
    rows,
    write_atomically,
)

CONFIG = {"displaylogo": False, "responsive": True}
# Rates are drawn as percentages (0.25 as 25), as the tiles show them.
PERCENT = {"ticksuffix": " %"}
HOVER = "%{fullData.name}: %{y:.2f} %<extra></extra>"
# The campaign chart's attribution, and the headline's, which differ.
LAST_TOUCH = (
    "Attributed revenue and ROI as c360 recomputes them (campaign_attribution): each order "
    "credited to the campaign of its customer's last open or click in the 14 days before it. "
    "The headline's Campaign ROI rests on the source's attributed_campaign_id instead."
)
RIGHT = {"overlaying": "y", "side": "right"}
# Names are categories even when they read as numbers or dates ("2024" is not a year here).
CATEGORY = {"type": "category"}
CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1200px; color: #222;
       padding: 0 1rem; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ddd; }
.meta, .about, .note, .detail { color: #666; } .note { font-style: italic; }
.tiles { display: flex; flex-wrap: wrap; gap: 1rem; }
.tile { border: 1px solid #ddd; border-radius: 6px; padding: .8rem 1rem; min-width: 11rem; }
.label { font-size: .9rem; color: #444; } .value { font-size: 1.6rem; font-weight: 600; }
.pair { display: flex; gap: 1.5rem; } .detail { font-size: .8rem; }
table { border-collapse: collapse; margin-top: 1rem; font-size: .9rem; }
th, td { border-bottom: 1px solid #eee; padding: .25rem .8rem; text-align: left; }
td.n { text-align: right; } .bad { color: #b00020; font-weight: 600; }
"""


# The source systems, as the sections and the text reports name them.
CRM = "CRM and marketing sources (seed 000)"
SHOP = "web shop (e-commerce sources, seed 003)"
MARKETING_DB = "marketing database (seed 004)"
SEEDS = {CRM: "000", SHOP: "003", MARKETING_DB: "004"}

# The plotly trace types a chart may use: drawn from the figure's own data, none fetches a thing.
# Map traces (scattergeo, choropleth: topojson from cdn.plot.ly; scattermap(box), choroplethmap,
# densitymap: tiles, fonts and icons from tile servers and cdn.jsdelivr.net) are not.
OFFLINE_TRACES = frozenset(
    {"bar", "scatter", "histogram", "heatmap", "box", "pie", "funnel", "waterfall"}
)
# A reference to the web: any scheme followed by //, or a protocol-relative //.
_WEB = re.compile(r"(?i)^\s*(?:[a-z][a-z0-9+.-]*:)?//")
# What a page's attributes and styles fetch: src, href, srcset, poster..., and CSS url() and
# @import.
_FETCHING = frozenset(
    {"src", "href", "xlink:href", "srcset", "poster", "data", "action", "formaction",
     "background", "manifest", "imagesrcset", "ping", "codebase", "cite", "longdesc"}
)  # fmt: skip
_CSS_URL = re.compile(r"""(?i)(?:url\(\s*|@import\s+)["']?([^"')\s;]*)""")


def plotly_js() -> str:
    """plotly.js as shipped, ``</script`` escaped so that the page's ``<script>`` holds it whole
    (the bundle has none today)."""
    return get_plotlyjs().replace("</script", "<\\/script")


class _References(HTMLParser):
    """The page's elements' references to the web, and its styles'; scripts are not read."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._style = tag == "style"
        for name, value in attrs:
            if not value:
                continue
            if name == "style":
                self._css(f"<{tag} style>", value)
            elif name in _FETCHING:
                urls = [u.split()[0] for u in value.split(",") if u.split()]
                found = [u for u in (urls if "srcset" in name else [value]) if _WEB.match(u)]
                self.found += [f"<{tag} {name}={u.strip()}>" for u in found]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._style = False

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self._css("<style>", data)

    def _css(self, where: str, css: str) -> None:
        self.found += [f"{where} {u}" for u in _CSS_URL.findall(css) if _WEB.match(u)]


def external_references(page: str) -> list[str]:
    """Each reference of ``page`` to the web: an element's ``src``, ``href`` and other
    fetching attributes, a style's ``url()`` or ``@import``, whose address has a scheme and
    ``//`` or starts with ``//``. Text and scripts fetch nothing by being read; what a script
    draws is kept offline by :data:`OFFLINE_TRACES`.

    >>> external_references('<p>https://x.org</p><img src="//x.org/a.png"><a href="#b">b</a>')
    ['<img src=//x.org/a.png>']
    """
    parser = _References()
    parser.feed(page)
    parser.close()
    return parser.found


def _offline(fig: go.Figure) -> go.Figure:
    """``fig``, or a ``ValueError`` when drawing it would fetch from the web."""
    for trace in fig.data:
        if trace.type not in OFFLINE_TRACES:
            raise ValueError(
                f"a chart of trace type '{trace.type}' fetches maps or icons from the web, and "
                f"report.html must open offline; use one of {', '.join(sorted(OFFLINE_TRACES))}"
            )
    for image in fig.layout.images:
        if image.source and isinstance(image.source, str) and _WEB.match(image.source):
            raise ValueError(
                f"a chart showing image {image.source} fetches it from the web, and "
                "report.html must open offline; embed it as a data: URI"
            )
    return fig


def _figure(fig: go.Figure) -> str:
    _offline(fig).update_layout(
        template="plotly_white",
        height=420,
        margin={"l": 60, "r": 30, "t": 40, "b": 60},
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        xaxis_automargin=True,
        yaxis_automargin=True,
    )
    return fig.to_html(
        full_html=False, include_plotlyjs=False, config=CONFIG, default_height="420px"
    )


Row = dict[str, Any]


def _left_out(row: Row, events: str, human: str, base: str, noun: str) -> str:
    """``people: 5 open events / 5 sends; 1 machine open left out``: what a human rate counts
    over ``base`` (a phrase), and the machines' events it leaves out (the raw count less the
    people's)."""
    kept, every = row[human], row[events]
    machines = None if missing(kept) or missing(every) else every - kept
    return (
        f"people: {counted(kept, f'{noun} event')} / {base}; "
        f"{counted(machines, f'machine {noun}')} left out"
    )


# Each tile: a label, then its values side by side: a kpi_measures column, its format and its
# caption, drawn from the 'all' row (the columns of TILE_FIELDS). Each rate leads with its
# share of sends, which cannot pass 100 %; seed 000's measure, over events, comes second.
TILES: list[tuple[str, list[tuple[str, Fmt, Callable[[Row], str]]]]] = [
    (
        "CLV, all customers (seed 000: revenue of all orders × average margin)",
        [("clv", money,
          lambda r: "EUR, company-wide: orders of every status, pending and canceled included")],
    ),
    (
        "Conversion rate",
        [("conversion_rate", pct, lambda r: counted(r["count_converted_customers"], "buyer"))],
    ),
    (
        "Campaign ROI (source's attributed_campaign_id)",
        [(
            "campaign_roi",
            pct,
            lambda r: f"{money(r['total_attributed_amount_eur'])} EUR attributed, "
            f"{money(r['total_budget_eur'])} EUR budget",
        )],
    ),
    (
        "Open rate",
        [
            ("unique_open_rate", pct,
             lambda r: f"{count(r['count_opened_sends'])} of {counted(r['count_sends'], 'send')}"
             " opened"),
            ("open_rate", pct,
             lambda r: f"seed 000: {counted(r['count_open_events'], 'open event')} / "
             f"{counted(r['count_sends'], 'send')}; repeat opens count"),
            ("human_unique_open_rate", pct,
             lambda r: f"people: {count(r['count_human_opened_sends'])} of "
             f"{counted(r['count_sends'], 'send')} opened"),
            ("human_open_rate", pct,
             lambda r: _left_out(r, "count_open_events", "count_human_open_events",
                                 counted(r["count_sends"], "send"), "open")),
        ],
    ),
    (
        "Click-to-open rate",
        [
            ("unique_ctr", pct,
             lambda r: f"{count(r['count_clicked_sends'])} of "
             f"{counted(r['count_opened_sends'], 'opened send')} clicked"),
            ("ctr", pct,
             lambda r: f"seed 000's CTR: {counted(r['count_click_events'], 'click event')} / "
             f"{counted(r['count_open_events'], 'open event')}"),
            ("human_unique_ctr", pct,
             lambda r: f"people: {count(r['count_human_clicked_sends'])} of "
             f"{counted(r['count_human_opened_sends'], 'opened send')} clicked"),
            ("human_ctr", pct,
             lambda r: _left_out(r, "count_click_events", "count_human_click_events",
                                 counted(r["count_human_open_events"], "open event"), "click")),
        ],
    ),
    (
        "Churn rate",
        [("churn_rate", pct, lambda r: f"{count(r['count_churned_customers'])} of "
                                       f"{counted(r['count_customers'], 'customer')}")],
    ),
    (
        "Return rate",
        [("return_rate", pct, lambda r: f"{counted(r['count_returns'], 'return')} / "
                                        f"{counted(r['count_orders'], 'order')}")],
    ),
]  # fmt: skip
TILE_FIELDS = ("count_converted_customers", "count_customers", "count_churned_customers",
               "total_attributed_amount_eur", "total_budget_eur", "count_sends",
               "count_opened_sends", "count_open_events", "count_human_opened_sends",
               "count_human_open_events", "count_clicked_sends", "count_click_events",
               "count_human_clicked_sends", "count_human_click_events", "count_returns",
               "count_orders")  # fmt: skip
# The KPI trend's lines: a kpi_measures column and its name. conversion_rate and churn_rate are
# left out: customers carry no date, so every month repeats their 'all' value (kpis.py).
TREND = [
    ("unique_open_rate", "opened sends / sends"),
    ("open_rate", "seed 000 open rate: open events / sends"),
    ("human_unique_open_rate", "people: opened sends / sends"),
    ("human_open_rate", "people: open events / sends"),
    ("unique_ctr", "clicked / opened sends"),
    ("ctr", "seed 000 click-to-open: click / open events"),
    ("human_unique_ctr", "people: clicked / opened sends"),
    ("human_ctr", "people: click / open events"),
    ("return_rate", "return rate"),
]
UNDATED = (
    "Conversion and churn rates are left out: customers carry no date, so every month repeats "
    "their all-period value (the headline tiles). A month's campaign ROI sets its attributed "
    "revenue against every campaign's budget, as seed 000's model does."
)


def _completed_orders(gold: Gold) -> pa.Table:
    """The CRM's completed orders' revenue per month (``yyyy_mm``, ``revenue``), summed in
    cents: the orders of a month add up to the same digits in any order."""
    t = gold("fct_orders", "order_at", "status", "total_amount_eur")
    t = t.filter(pc.and_(pc.equal(t["status"], "completed"), pc.is_valid(t["order_at"])))
    cents = pc.round(pc.multiply(t["total_amount_eur"], 100.0)).cast(pa.int64())
    months = pc.strftime(t["order_at"], format="%Y-%m")
    sums = (
        pa.table({"yyyy_mm": months, "cents": cents})
        .group_by("yyyy_mm")
        .aggregate([("cents", "sum")])
    )
    revenue = pc.divide(sums["cents_sum"].cast(pa.float64()), 100.0)
    return pa.table({"yyyy_mm": sums["yyyy_mm"], "revenue": revenue}).sort_by("yyyy_mm")


def _series(name: str, month: tuple[str, ...], column: str) -> Callable[[Gold], pa.Table]:
    """A monthly gold table's ``column`` as ``yyyy_mm`` and ``revenue``."""

    def read(gold: Gold) -> pa.Table:
        t = _monthly(gold, name, month, column)
        return pa.table({"yyyy_mm": t["yyyy_mm"], "revenue": t[column]})

    return read


# Each monthly revenue series: its name, system, reader, and what it counts. The chart is the
# project's own, no seed's measure: the CRM's revenue is its completed orders' (kpi_measures'
# total_order_amount_eur, the base of seed 000's CLV, counts pending and canceled ones too); the
# web shop's and the marketing database's orders carry no status, and all count.
REVENUE: list[tuple[str, str, Callable[[Gold], pa.Table], str]] = [
    ("CRM completed orders (seed 000)", CRM, _completed_orders,
     "CRM: completed orders only (fct_orders), pending and canceled orders left out"),
    ("web shop (seed 003)", SHOP,
     _series("agg_ecommerce_monthly_sales", ("year", "month"), "total_revenue_eur"),
     "web shop: every order (its orders have no status)"),
    ("marketing database (seed 004)", MARKETING_DB,
     _series("monthly_revenue", ("month",), "total_revenue"),
     "marketing database: every transaction (they have no status)"),
]  # fmt: skip


def systems(gold: Gold) -> list[str]:
    """The source systems of :data:`SEEDS` some gold table of which was built."""
    seeds = {t.seed for t in GOLD_TABLES if t.name in gold}
    return [system for system, seed in SEEDS.items() if seed in seeds]


def _headline(gold: Gold) -> str:
    t = gold("kpi_measures", "period", *(c for _, v in TILES for c, _, _ in v), *TILE_FIELDS)
    found = t.filter(pc.equal(t["period"], "all")).to_pylist()
    if not found:
        raise Missing("kpi_measures has no row for period 'all'")
    tiles = []
    for label, values in TILES:
        cells = "".join(
            f'<div><div class="value">{escape(fmt(found[0][column]))}</div>'
            f'<div class="detail">{escape(_caption(caption, found[0]))}</div></div>'
            for column, fmt, caption in values
        )
        label = f'<div class="label">{escape(label)}</div>'
        tiles.append(f'<div class="tile">{label}<div class="pair">{cells}</div></div>')
    source = "Seed 000's CRM orders, customers and campaigns (kpi_measures)."
    if SHOP in systems(gold):
        source += (
            " The web shop's own orders, conversion and CLV (seed 003) are in "
            "kpis_dashboard.txt: the two count different orders and customers."
        )
    source = f'<p class="meta">{source}</p>'
    return f'{source}<div class="tiles">{"".join(tiles)}</div>'


def _caption(caption: Callable[[Row], str], row: Row) -> str:
    try:
        return caption(row)
    except (TypeError, ValueError):  # a NULL where a number was expected
        return ""


def _monthly(gold: Gold, name: str, month: tuple[str, ...], *values: str) -> pa.Table:
    """``values`` of table ``name`` month by month, with the month (YYYY-MM) as ``yyyy_mm``.

    ``month`` names the columns giving the month: kpi_measures' ``period`` (its 'all' row is
    dropped), ``year`` and ``month`` numbers, or a ``month`` date.
    """
    t = gold(name, *month, *values)
    if month == ("period",):
        t = t.filter(pc.not_equal(t["period"], "all"))
        label = t["period"].to_pylist()
    elif month == ("year", "month"):
        label = [f"{y:04d}-{m:02d}" for y, m in rows(t, "year", "month")]
    else:
        label = [d.isoformat()[:7] for d in t["month"].to_pylist()]
    return t.append_column("yyyy_mm", pa.array(label, pa.string())).sort_by("yyyy_mm")


def _monthly_revenue(gold: Gold) -> str:
    fig, notes, counted_as, shown = go.Figure(), [], [], systems(gold)
    for label, system, read, what in REVENUE:
        if system not in shown:  # the page says which systems it draws from
            continue
        try:
            t = read(gold)
        except Missing as exc:
            notes.append(_note(str(exc)))
            continue
        x, y = t["yyyy_mm"].to_pylist(), t["revenue"].to_pylist()
        fig.add_trace(go.Scatter(x=x, y=y, name=label, mode="lines+markers"))
        counted_as.append(what)
    if not fig.data and not notes:
        raise Missing("no source system's monthly revenue was built")
    meta = f'<p class="about">{escape("; ".join(counted_as))}.</p>' if counted_as else ""
    chart = _figure(fig.update_layout(yaxis_title="EUR")) if fig.data else ""
    return meta + chart + "".join(notes)


def _percent(values: list[Any]) -> list[float | None]:
    """Ratios as percentages, as the tiles show them (a float's last bit rounded off)."""
    return [None if missing(v) else round(v * 100, 9) for v in values]


def _kpi_trend(gold: Gold) -> str:
    columns = [c for c, _ in TREND]
    t = _monthly(gold, "kpi_measures", ("period",), *columns, "campaign_roi")
    x, fig = t["yyyy_mm"].to_pylist(), go.Figure()
    for column, name in TREND:
        y = _percent(t[column].to_pylist())
        fig.add_trace(go.Scatter(x=x, y=y, name=name, hovertemplate=HOVER))
    roi = {"name": "campaign ROI: month's revenue vs every budget (right)", "yaxis": "y2",
           "line": {"dash": "dot"}, "hovertemplate": HOVER}  # fmt: skip
    fig.add_trace(go.Scatter(x=x, y=_percent(t["campaign_roi"].to_pylist()), **roi))
    layout = {"yaxis": {**PERCENT, "title": "rate (%)"},
              "yaxis2": {**PERCENT, **RIGHT, "title": "campaign ROI (%)"}}  # fmt: skip
    return f'<p class="about">{escape(UNDATED)}</p>' + _figure(fig.update_layout(**layout))


def _rfm(gold: Gold) -> str:
    found = pc.value_counts(gold("mart_ecommerce_rfm", "rfm_segment")["rfm_segment"])
    sizes = dict(zip(*(found.field(f).to_pylist() for f in ("values", "counts")), strict=True))
    order = [s for s in RFM_SEGMENTS if s in sizes] + sorted(set(sizes) - set(RFM_SEGMENTS))
    counts = [sizes[s] for s in order]
    fig = go.Figure(go.Bar(x=order, y=counts, text=[count(c) for c in counts]))
    return _figure(fig.update_layout(xaxis=CATEGORY, yaxis_title="customers"))


def _top_products(gold: Gold) -> str:
    t = gold("mart_ecommerce_top_products", "units_rank", "product_id", "product_name",
             "total_units")  # fmt: skip
    t = t.sort_by("units_rank")
    names = _labels(t, "product_id", "product_name")
    bars = go.Bar(y=names, x=t["total_units"].to_pylist(), name="units sold", orientation="h")
    fig = go.Figure(bars).update_layout(yaxis=CATEGORY | {"autorange": "reversed"})
    return _figure(fig.update_layout(xaxis_title="units sold"))


def _labels(table: pa.Table, id_column: str, name_column: str) -> list[str]:
    """A chart category per row: its name (its id if it has none), the id appended to a name
    that stands for several ids, so that different things never share a bar.

    >>> ids, names = ["C7", "C8", "C9", "C7", "P3"], ["Sale", "Ad", "Sale", "Sale", None]
    >>> _labels(pa.table({"id": ids, "name": names}), "id", "name")
    ['Sale (C7)', 'Ad', 'Sale (C9)', 'Sale (C7)', 'P3']
    """
    found = rows(table, id_column, name_column)
    ids_of: dict[str, set[Any]] = defaultdict(set)
    for key, name in found:
        ids_of[name or str(key)].add(key)
    return [
        f"{name} ({key})" if name and len(ids_of[name]) > 1 else name or str(key)
        for key, name in found
    ]


def _campaigns(gold: Gold) -> str:
    columns = ("campaign_name", "total_attributed_amount_eur", "budget_eur", "roi")
    t = gold("campaign_attribution", "campaign_id", *columns).sort_by("campaign_id")
    x = _labels(t, "campaign_id", "campaign_name")
    revenue, budget = t["total_attributed_amount_eur"].to_pylist(), t["budget_eur"].to_pylist()
    fig = go.Figure(
        [
            go.Bar(x=x, y=revenue, name="attributed revenue, 14-day last touch (EUR)"),
            go.Bar(x=x, y=budget, name="budget (EUR)"),
        ]
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=_percent(t["roi"].to_pylist()),
            name="ROI, 14-day last touch (right)",
            yaxis="y2",
            mode="markers",
            marker={"size": 10},
            hovertemplate=HOVER,
        )
    )
    layout = {"xaxis": CATEGORY, "yaxis_title": "EUR",
              "yaxis2": {**PERCENT, **RIGHT, "title": "ROI, 14-day last touch (%)"}}  # fmt: skip
    return f'<p class="about">{escape(LAST_TOUCH)}</p>' + _figure(fig.update_layout(**layout))


def _attribution_models(gold: Gold) -> str:
    columns = ("campaign_name", "attribution_model", "total_attributed_amount_eur", "roi")
    t = gold("campaign_attribution_models", "campaign_id", *columns).sort_by("campaign_id")
    # Labelled over every model at once: a campaign has one category in all of them.
    t = t.append_column("label", pa.array(_labels(t, "campaign_id", "campaign_name"), pa.string()))
    layout = {"barmode": "group", "xaxis": CATEGORY, "yaxis_title": "attributed revenue (EUR)"}
    fig = go.Figure(layout=layout)
    for model in ATTRIBUTION_MODELS:
        found = t.filter(pc.equal(t["attribution_model"], model))
        x = found["label"].to_pylist()
        roi = [f"ROI {pct(r)}" for r in found["roi"].to_pylist()]
        revenue = found["total_attributed_amount_eur"].to_pylist()
        fig.add_trace(go.Bar(x=x, y=revenue, name=model.replace("_", " "), hovertext=roi))
    return _figure(fig)


def _countries(gold: Gold) -> str:
    columns = ("total_revenue", "total_customers", "avg_customer_value", "marketing_consent_rate")
    t = gold("country_statistics", "country", *columns).sort_by([("total_revenue", "descending")])
    x = t["country"].to_pylist()
    customers = [
        f"{counted(n, 'customer')}, {money(c)} % consent"
        for n, c in rows(t, "total_customers", "marketing_consent_rate")
    ]
    fig = go.Figure(
        go.Bar(x=x, y=t["total_revenue"].to_pylist(), name="revenue (EUR)", text=customers)
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=t["avg_customer_value"].to_pylist(),
            yaxis="y2",
            name="average customer value (EUR, right)",
            mode="markers",
        )
    )
    return _figure(fig.update_layout(xaxis=CATEGORY, yaxis2=RIGHT))


# Where each layer's entry in run_report.json keeps its table, rows in, rows kept, rows out.
STEP_KEYS = {
    "bronze": ("table", "records", "landed", "quarantined"),
    "silver": ("model", "bronze_rows", "clean", "rejected"),
}


def _text_steps(run: dict) -> list[dict]:
    """The text layer's models as silver's entries: its rows kept and quarantined (the layer
    stops the run unless they add up to the bronze files it read), reasons and columns."""
    rows = run.get("text") or {}
    steps = []
    for held in run.get("text_quarantine") or ():  # absent from reports of earlier versions
        model = held["model"]
        kept, out = rows.get(model, 0), rows.get(f"quarantine/silver_{model}", 0)
        steps.append({"model": model, "bronze_rows": kept + out, "clean": kept, "rejected": out,
                      "quarantine": held["quarantine"],
                      "quarantine_columns": held["quarantine_columns"]})  # fmt: skip
    return steps


def _data_quality(gold: Gold) -> str:
    path = gold.workspace / "reports" / "run_report.json"
    if not path.is_file():
        raise Missing("reports/run_report.json was not written")
    try:
        run = json.loads(path.read_text("utf-8"))
        entries = [
            (layer, keys, e) for layer, keys in STEP_KEYS.items() for e in run.get(layer, [])
        ]
        entries += [("text", STEP_KEYS["silver"], e) for e in _text_steps(run)]
        steps = [
            (layer, *(entry[k] for k in keys), dict(entry.get("quarantine") or {}))
            for layer, keys, entry in entries
        ]
        # Per step and silver reason, the columns at fault its rows name ("qty 2, sku 1").
        named = [
            {reason: ", ".join(f"{c} {n:,}" for c, n in dict(columns).items())
             for reason, columns in dict(entry.get("quarantine_columns") or {}).items()}
            for *_, entry in entries
        ]  # fmt: skip
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise Missing(f"reports/run_report.json cannot be read ({exc!r})") from None
    layout = {"barmode": "stack", "xaxis_title": "rows quarantined", "yaxis": CATEGORY}
    fig = go.Figure(layout=layout)
    for reason in sorted({reason for *_, quarantine in steps for reason in quarantine}):
        hit = [
            (f"{s[0]} {s[1]}", s[-1][reason], columns.get(reason, ""))
            for s, columns in zip(steps, named, strict=True)
            if reason in s[-1]
        ]
        bar = go.Bar(y=[h[0] for h in hit], x=[h[1] for h in hit], name=reason, orientation="h")
        if any(h[2] for h in hit):  # the columns at fault, shown on hovering the bar
            bar.hovertext = [h[2] for h in hit]
        fig.add_trace(bar)
    table = "".join(
        f"<tr><td>{layer}</td><td>{escape(name)}</td><td class=n>{count(n)}</td>"
        f"<td class=n>{count(kept)}</td><td class=n>{count(out)}</td><td>"
        + ("reconciled" if kept + out == n else '<span class="bad">NOT reconciled</span>')
        + "</td></tr>"
        for layer, name, n, kept, out, _ in steps
    )
    head = "".join(
        f"<th>{h}</th>" for h in ("layer", "table", "rows in", "kept", "quarantined", "status")
    )
    chart = _figure(fig) if fig.data else "<p>No row was quarantined.</p>"
    return f"{chart}<table><tr>{head}</tr>{table}</table>"


# Each section: its heading, the source system it draws from (None: several or none), its body.
CHARTS: list[tuple[str, str | None, Callable[[Gold], str]]] = [
    (f"Headline KPIs: {CRM}, all periods", CRM, _headline),
    ("Monthly revenue by source system", None, _monthly_revenue),
    (f"KPI trend by month: {CRM}", CRM, _kpi_trend),
    (f"RFM segment sizes: {SHOP}", SHOP, _rfm),
    (f"Top 10 best-sellers (units sold): {SHOP}", SHOP, _top_products),
    (f"Campaign ROI and attributed revenue: {CRM}", CRM, _campaigns),
    (f"Campaign revenue by attribution model: {CRM}", CRM, _attribution_models),
    (f"Country statistics: {MARKETING_DB}", MARKETING_DB, _countries),
    ("Data quality: quarantine and reconciliation", None, _data_quality),
]


def _note(reason: str) -> str:
    return f'<p class="note">not available: {escape(reason)}</p>'


def _sources(shown: list[str], left_out: dict[str, list[tuple[str, Missing]]]) -> str:
    """The systems the page draws from, and a line per system it has nothing of: its sections
    left out and the sources they need."""
    lines = [f"Sources: {', '.join(shown)}; each section names its own." if shown else
             "Sources: no gold table of a source system was built."]  # fmt: skip
    for system, sections in left_out.items():
        needs = sorted({source for _, m in sections for source in m.needs})
        they = "it needs" if len(sections) == 1 else "they need"
        lacking = f"; {they} {listed(needs)}" if needs else ""
        headings = listed([h.split(":")[0] for h, _ in sections], "or")
        lines.append(f"Not in this workspace: the {system}, so no {headings}{lacking}.")
    return "".join(f'<p class="meta">{escape(line)}</p>' for line in lines)


def render(gold: Gold) -> str:
    """The whole page; each section is its chart, or the note saying why it is absent. The
    sections of a source system none of whose gold tables was built are left out."""
    title = f"Customer 360 report — {gold.name}"
    shown, parts = systems(gold), []
    left_out: dict[str, list[tuple[str, Missing]]] = {}
    for heading, system, section in CHARTS:
        try:
            body = section(gold)
        except Missing as exc:
            if system is not None and system not in shown:
                left_out.setdefault(system, []).append((heading, exc))
                continue
            body = _note(str(exc))
        parts.append(f"<section><h2>{escape(heading)}</h2>{body}</section>")
    page = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
        f"</title><style>{CSS}</style><script>window.PlotlyConfig = {{MathJaxConfig: 'local'}};"
        f'</script><script charset="utf-8">{plotly_js()}</script></head><body>'
        f'<h1>{escape(title)}</h1><p class="meta">Generated {generated_at()}</p>'
        + _sources(shown, left_out)
        + "".join(parts)
        + "</body></html>\n"
    )
    if found := external_references(page):
        raise ValueError(f"report.html would fetch from the web: {', '.join(found)}")
    return page


def write_html_report(workspace: Path) -> Path:
    """Write ``reports/report.html`` atomically; returns its path."""
    return write_atomically(Path(workspace) / "reports" / "report.html", render(Gold(workspace)))

"""The HTML report: one offline page, its charts from literal gold rows, written atomically."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pyarrow as pa
import pytest
from plotly.offline import get_plotlyjs

from c360.contracts import gold_attribution as ga
from c360.contracts import gold_ecommerce as ge
from c360.contracts import gold_marketing as gm
from c360.contracts import gold_star as gs
from c360.contracts.model import Table
from c360.pipeline.lake import publish_table
from c360.serve import html_report, report_kit
from c360.serve.html_report import external_references, plotly_js, write_html_report

# Each chart's title names the source system its figures come from.
TITLES = (
    "Headline KPIs: CRM and marketing sources (seed 000), all periods",
    "Monthly revenue by source system",
    "KPI trend by month: CRM and marketing sources (seed 000)",
    "RFM segment sizes: web shop (e-commerce sources, seed 003)",
    "Top 10 best-sellers (units sold): web shop (e-commerce sources, seed 003)",
    "Campaign ROI and attributed revenue: CRM and marketing sources (seed 000)",
    "Campaign revenue by attribution model: CRM and marketing sources (seed 000)",
    "Country statistics: marketing database (seed 004)",
    "Data quality: quarantine and reconciliation",
)


def publish(workspace: Path, contract: Table, rows: list[dict[str, Any]]) -> None:
    """``rows`` as gold table ``contract.name``, typed by the contract's columns they name."""
    declared = contract.arrow_schema()
    schema = pa.schema([declared.field(name) for name in rows[0]])
    publish_table(workspace, "gold", contract.name, pa.Table.from_pylist(rows, schema=schema))


def kpis(period: str, **values: Any) -> dict[str, Any]:
    """A kpi_measures row: ``values``, every other measure 0."""
    zero = {c.name: 0 if c.dtype == "int" else 0.0 for c in gs.KPI_MEASURES.columns}
    return zero | {"period": period} | values


RUN_REPORT = {
    "finished_at": "2025-01-01T00:00:00+00:00",
    "engine": "duckdb",
    "bronze": [
        {
            "table": "orders",
            "records": 12,
            "landed": 10,
            "quarantined": 2,
            "quarantine": {"unreadable_record": 2},
        },
    ],
    "silver": [
        {
            "model": "stg_orders",
            "bronze_rows": 10,
            "clean": 7,
            "rejected": 3,
            "quarantine": {"duplicate_key": 1, "orphan_customer": 2},
        },
        {"model": "stg_returns", "bronze_rows": 9, "clean": 6, "rejected": 2, "quarantine": {}},
    ],
    "text": {"stg_notes": 40, "quarantine/silver_stg_notes": 3},
    "text_quarantine": [
        {
            "model": "stg_notes",
            "quarantine": {"invalid_date": 2, "no_end_marker": 1},
            "quarantine_columns": {"invalid_date": {"note_date": 2}},
        },
    ],
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding every gold table the page draws, and a run report."""
    ws = tmp_path_factory.mktemp("acme_ws")
    publish(
        ws,
        gs.KPI_MEASURES,
        [
            kpis(
                "all",
                clv=2064711.389,
                conversion_rate=0.6445,
                campaign_roi=2.19071,
                open_rate=0.947711,
                human_open_rate=0.861234,
                unique_open_rate=0.215808,
                human_unique_open_rate=0.201111,
                ctr=0.026974,
                human_ctr=0.021555,
                unique_ctr=0.079692,
                human_unique_ctr=0.070111,
                churn_rate=0.1325,
                return_rate=0.160325,
                count_customers=4000,
                count_converted_customers=2578,
                count_sends=40411,
                count_open_events=38297,
                count_human_open_events=34803,
                count_human_opened_sends=8127,
                count_human_click_events=750,
                count_human_clicked_sends=570,
                count_opened_sends=8721,
                count_click_events=1033,
                count_clicked_sends=695,
                count_orders=12254,
                count_returns=1965,
                count_churned_customers=530,
                total_attributed_amount_eur=253671.07,
                total_budget_eur=79500,
            ),
            kpis("2024-04", conversion_rate=0.5, total_order_amount_eur=185622.85),
            kpis(
                "2024-03",
                conversion_rate=0.4,
                churn_rate=0.1325,
                total_order_amount_eur=178839.24,
                unique_open_rate=0.25,
                open_rate=0.9,
                return_rate=0.125,
                campaign_roi=-0.5,
            ),
        ],
    )
    # The CRM's orders of every status; the monthly revenue chart draws the completed ones.
    publish(
        ws,
        gs.FCT_ORDERS,
        [
            {"order_id": o, "customer_id": "C1", "order_at": dt.datetime(2024, m, d, 12),
             "status": status, "total_amount_eur": amount}
            for o, m, d, status, amount in [
                ("O1", 3, 1, "completed", 100.1), ("O2", 3, 31, "completed", 200.2),
                ("O3", 3, 15, "pending", 50.0), ("O4", 4, 2, "canceled", 999.0),
                ("O5", 4, 30, "completed", 10.0),
            ]
        ],
    )  # fmt: skip
    publish(
        ws,
        gs.CAMPAIGN_ATTRIBUTION,
        [
            {
                "campaign_id": "CAMP_001",
                "campaign_name": "Earth Day — Engagement",
                "budget_eur": 79500,
                "total_attributed_amount_eur": 169978.17,
                "roi": 1.138,
            },
            {
                "campaign_id": "CAMP_002",
                "campaign_name": "Summer Sale",
                "budget_eur": 90000,
                "total_attributed_amount_eur": 130121.42,
                "roi": 0.4458,
            },
        ],
    )
    publish(
        ws,
        ga.CAMPAIGN_ATTRIBUTION_MODELS,
        [
            {
                "campaign_id": "CAMP_001",
                "attribution_model": model,
                "campaign_name": "Earth Day — Engagement",
                "total_attributed_amount_eur": revenue,
                "roi": roi,
            }
            for model, revenue, roi in [
                ("last_touch", 169978.17, 1.138),
                ("first_touch", 171234.56, 1.1539),
                ("linear", 170555.55, 1.1453),
                ("time_decay", 170111.11, 1.1398),
                ("position_based", 170777.77, 1.1481),
            ]
        ],
    )
    publish(
        ws,
        ge.MART_ECOMMERCE_TOP_PRODUCTS,
        [
            {
                "units_rank": 1,
                "product_id": "PROD_00009",
                "product_name": "Headphones Max",
                "total_units": 4871,
                "total_revenue_eur": 298093.93,
                "total_margin_eur": 64985.76,
            },
        ],
    )
    publish(
        ws,
        ge.MART_ECOMMERCE_RFM,
        [
            {"customer_id": f"CUST_{i:06d}", "rfm_segment": s}
            for i, s in enumerate(["Champions", "Champions", "Lost", "Never Purchased"])
        ],
    )
    publish(
        ws,
        ge.AGG_ECOMMERCE_MONTHLY_SALES,
        [
            {"year": 2024, "month": 3, "total_revenue_eur": 19525.88},
        ],
    )
    publish(ws, gm.MONTHLY_REVENUE, [{"month": dt.date(2024, 3, 1), "total_revenue": 28268.675}])
    publish(
        ws,
        gm.COUNTRY_STATISTICS,
        [
            {
                "country": "FR",
                "total_customers": 292,
                "total_revenue": 258944.48,
                "avg_customer_value": 886.796,
                "marketing_consent_rate": 59.2466,
            },
        ],
    )
    (ws / "reports").mkdir()
    (ws / "reports" / "run_report.json").write_text(json.dumps(RUN_REPORT))
    return ws


@pytest.fixture(scope="module")
def page(workspace: Path) -> str:
    path = write_html_report(workspace)
    assert path == workspace / "reports" / "report.html"
    return path.read_text("utf-8")


def body(html: str) -> str:
    """The page without its scripts."""
    return re.sub(r"<script\b.*?</script>", "", html, flags=re.DOTALL)


def test_every_chart_has_its_title(page: str) -> None:
    assert "<title>Customer 360 report — acme_ws" in page
    assert "<h1>Customer 360 report — acme_ws" in page
    assert f"Generated {dt.datetime.now(dt.UTC):%Y-%m-%d}" in page
    for title in TITLES:
        assert f"<h2>{title}</h2>" in page
    assert "not available" not in body(page)
    assert page.count("Plotly.newPlot(") == len(TITLES) - 1  # the KPIs are tiles


def test_headline_tiles_show_the_all_period(page: str) -> None:
    tiles = body(page)
    for shown in ("2,064,711.39", "64.45 %", "219.07 %", "13.25 %", "16.03 %", "2,578 buyers"):
        assert shown in tiles
    open_rate = tiles[tiles.index("Open rate") : tiles.index("Click-to-open rate")]
    assert "94.77 %" in open_rate and "21.58 %" in open_rate  # unique and DAX side by side
    assert "86.12 %" in open_rate and "20.11 %" in open_rate  # what people did, beside
    assert "8,127 of 40,411 sends opened" in open_rate
    click = tiles[tiles.index("Click-to-open rate") : tiles.index("Churn rate")]
    assert "2.70 %" in click and "7.97 %" in click
    assert "2.16 %" in click and "7.01 %" in click and "570 of 8,127 opened sends clicked" in click


def test_the_open_rate_leads_with_sends_opened_and_says_repeat_opens_count(page: str) -> None:
    """Seed 000's open rate counts open events, repeat opens included, and can pass 100 %: the
    tile leads with the share of sends opened, the seed's measure second, labelled."""
    tiles = body(page)
    open_rate = tiles[tiles.index("Open rate") : tiles.index("Click-to-open rate")]
    values = re.findall(r'<div class="value">([^<]*)</div>', open_rate)
    assert values == ["21.58 %", "94.77 %", "20.11 %", "86.12 %"]
    details = re.findall(r'<div class="detail">([^<]*)</div>', open_rate)
    assert details[0] == "8,721 of 40,411 sends opened"
    assert details[1] == "seed 000: 38,297 open events / 40,411 sends; repeat opens count"


def test_the_human_rates_say_how_many_machine_events_they_leave_out(page: str) -> None:
    """ "no machines" read as if there were none: the caption counts those left out."""
    tiles = body(page)
    assert "no machines" not in tiles
    assert "people: 34,803 open events / 40,411 sends; 3,494 machine opens left out" in tiles
    assert "people: 750 click events / 34,803 open events; 283 machine clicks left out" in tiles


def test_seed_000s_ctr_is_labelled_click_to_open(page: str) -> None:
    tiles = body(page)
    assert "Click-through rate" not in tiles
    click = tiles[tiles.index("Click-to-open rate") : tiles.index("Churn rate")]
    values = re.findall(r'<div class="value">([^<]*)</div>', click)
    assert values == ["7.97 %", "2.70 %", "7.01 %", "2.16 %"]
    details = re.findall(r'<div class="detail">([^<]*)</div>', click)
    assert details[0] == "695 of 8,721 opened sends clicked"
    assert details[1] == "seed 000&#x27;s CTR: 1,033 click events / 38,297 open events"


def test_the_clv_tile_says_it_is_a_company_wide_total(page: str) -> None:
    tiles = body(page)
    assert "Customer lifetime value" not in tiles
    clv = tiles[tiles.index("CLV, all customers") : tiles.index("Conversion rate")]
    assert "CLV, all customers (seed 000: revenue of all orders × average margin)" in clv
    assert "2,064,711.39" in clv and "every status" in clv


def test_each_campaign_roi_names_the_attribution_it_rests_on(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The headline's ROI rests on the source's attributed_campaign_id, the campaign chart's on
    the 14-day last touch c360 recomputes: each is labelled with its own."""
    tiles = body(html_report.render(report_kit.Gold(workspace)))
    roi = tiles[tiles.index("Campaign ROI") : tiles.index("Open rate")]
    assert "source&#x27;s attributed_campaign_id" in roi
    assert "253,671.07 EUR attributed, 79,500.00 EUR budget" in roi
    chart = tiles[tiles.index("<h2>Campaign ROI and attributed revenue") :]
    chart = chart[: chart.index("</section>")]
    assert "14 days" in chart and "campaign_attribution" in chart
    drawn: list[go.Figure] = []
    monkeypatch.setattr(html_report, "_figure", lambda fig: drawn.append(fig) or "")
    html_report._campaigns(report_kit.Gold(workspace))
    [figure] = drawn
    roi_trace = figure.data[-1]
    assert roi_trace.name == "ROI, 14-day last touch (right)"
    assert [round(v, 2) for v in roi_trace.y] == [113.8, 44.58]  # percentages, as the tiles
    assert "%" in figure.layout.yaxis2.title.text


def test_the_kpi_trend_draws_percentages_of_measures_that_change_by_month(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Conversion and churn rates are the same in every month by definition (customers carry
    no date): the trend leaves them out and says so; the rates are percentages, as the tiles."""
    drawn: list[go.Figure] = []
    monkeypatch.setattr(html_report, "_figure", lambda fig: drawn.append(fig) or "")
    section = html_report._kpi_trend(report_kit.Gold(workspace))
    [figure] = drawn
    traces = {trace.name: list(trace.y) for trace in figure.data}
    assert not [name for name in traces if "conversion" in name or "churn" in name]
    assert traces["opened sends / sends"] == [25.0, 0.0]  # 2024-03, 2024-04
    assert traces["seed 000 open rate: open events / sends"] == [90.0, 0.0]
    assert traces["return rate"] == [12.5, 0.0]
    roi = [name for name in traces if name.startswith("campaign ROI")]
    assert len(roi) == 1 and traces[roi[0]] == [-50.0, 0.0]
    assert figure.layout.yaxis.title.text == "rate (%)"
    assert figure.layout.yaxis.ticksuffix == " %"
    assert "%" in figure.layout.yaxis2.title.text
    assert "Conversion and churn rates are left out" in section and "every month" in section


def test_the_crm_monthly_revenue_counts_completed_orders(
    workspace: Path, page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chart is the project's own, no seed measure: revenue is what completed orders
    brought, not pending or canceled ones (which seed 000's CLV counts)."""
    drawn: list[go.Figure] = []
    monkeypatch.setattr(html_report, "_figure", lambda fig: drawn.append(fig) or "")
    html_report._monthly_revenue(report_kit.Gold(workspace))
    [figure] = drawn
    crm = {trace.name: trace for trace in figure.data}["CRM completed orders (seed 000)"]
    assert list(crm.x) == ["2024-03", "2024-04"] and list(crm.y) == [300.3, 10.0]
    shown = body(page)
    monthly = shown[shown.index("<h2>Monthly revenue") : shown.index("<h2>KPI trend")]
    assert "completed orders only" in monthly and "pending and canceled" in monthly


def test_counts_of_one_take_the_singular(tmp_path: Path) -> None:
    publish(
        tmp_path,
        gs.KPI_MEASURES,
        [kpis("all", count_customers=5, count_converted_customers=1, count_churned_customers=1,
              count_sends=5, count_opened_sends=1, count_open_events=1,
              count_human_open_events=1, count_human_opened_sends=1, count_click_events=1,
              count_clicked_sends=1, count_human_click_events=1, count_human_clicked_sends=1,
              count_returns=1, count_orders=1)],
    )  # fmt: skip
    publish(
        tmp_path,
        gm.COUNTRY_STATISTICS,
        [{"country": "FR", "total_customers": 1, "total_revenue": 1.0, "avg_customer_value": 1.0,
          "marketing_consent_rate": 100.0}],
    )  # fmt: skip
    page = html_report.render(report_kit.Gold(tmp_path))
    for said in (
        "1 buyer<",
        "1 of 5 sends opened",
        "1 open event /",
        "1 click event /",
        "1 of 1 opened send clicked",
        "0 machine opens left out",
        "1 of 5 customers",
        "1 return / 1 order<",
        "1 customer, 100.00 % consent",
    ):
        assert said in page, said
    assert not re.search(r"\b1 (clicks|customers|returns|orders|buyers|opens)\b", body(page))


def test_charts_carry_the_literal_rows(page: str) -> None:
    for value in ("Earth Day", "Headphones Max", "Never Purchased", "FR", "2024-03", "2024-04"):
        assert value in page
    assert '"x":[4871]' in page and "28268.675" in page  # the best-seller's units
    assert "171234.56" in page and "ROI 114.81 %" in page and "position based" in page
    assert "292 customers, 59.25 % consent" in page


def test_campaigns_or_products_sharing_a_name_keep_a_category_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two campaigns named alike (the generator makes some) are two bars, not one; the id
    tells them apart, and a campaign keeps one category across attribution models."""
    winback = "Halloween 2025 — Winback"
    campaigns = [("CAMP_007", winback), ("CAMP_008", "Spring"), ("CAMP_009", winback)]
    publish(
        tmp_path,
        gs.CAMPAIGN_ATTRIBUTION,
        [
            {"campaign_id": c, "campaign_name": n, "budget_eur": 1.0,
             "total_attributed_amount_eur": 2.0, "roi": 1.0}
            for c, n in campaigns
        ],
    )  # fmt: skip
    publish(
        tmp_path,
        ga.CAMPAIGN_ATTRIBUTION_MODELS,
        [
            {"campaign_id": c, "attribution_model": model, "campaign_name": n,
             "total_attributed_amount_eur": 2.0, "roi": 1.0}
            for c, n in campaigns
            for model in ("last_touch", "linear")
            if (c, model) != ("CAMP_007", "linear")
        ],
    )  # fmt: skip
    publish(
        tmp_path,
        ge.MART_ECOMMERCE_TOP_PRODUCTS,
        [
            {"units_rank": rank, "product_id": p, "product_name": n,
             "total_units": units, "total_revenue_eur": 2.0, "total_margin_eur": 1.0}
            for rank, p, n, units in [(1, "PROD_1", "Laptop", 9), (2, "PROD_2", "Laptop", 7),
                                      (3, "PROD_3", None, 7), (4, "PROD_4", "PROD_3", 2)]
        ],
    )  # fmt: skip
    drawn: list[go.Figure] = []

    def draw(fig: go.Figure) -> str:
        drawn.append(fig)
        return ""

    monkeypatch.setattr(html_report, "_figure", draw)
    write_html_report(tmp_path)
    named = [f"{winback} (CAMP_007)", "Spring", f"{winback} (CAMP_009)"]
    products, by_campaign, by_model = drawn
    assert [list(trace.y) for trace in products.data] == [
        ["Laptop (PROD_1)", "Laptop (PROD_2)", "PROD_3", "PROD_3 (PROD_4)"]
    ]
    assert list(products.data[0].x) == [9, 7, 7, 2]  # the best-sellers' units sold
    assert [list(trace.x) for trace in by_campaign.data] == [named] * 3
    drawn_models = {trace.name: list(trace.x) for trace in by_model.data if len(trace.x)}
    assert drawn_models == {"last touch": named, "linear": named[1:]}
    for figure in drawn:
        assert {figure.layout.xaxis.type, figure.layout.yaxis.type} >= {"category"}


def test_data_quality_lists_reasons_and_reconciliation(page: str) -> None:
    for reason in ("unreadable_record", "duplicate_key", "orphan_customer"):
        assert reason in page
    table = body(page)[body(page).index("<table>") :]
    assert table.count("NOT reconciled") == 1
    returns = re.search(r"<tr><td>silver</td><td>stg_returns</td>.*?</tr>", table)
    assert returns and "NOT reconciled" in returns[0]  # 6 clean + 2 rejected != 9 rows in
    notes = re.search(r"<tr><td>text</td><td>stg_notes</td>(.*?)</tr>", table)
    assert notes and re.findall(r"<td class=n>([^<]*)</td>", notes[1]) == ["43", "40", "3"]
    assert "invalid_date" in page and "no_end_marker" in page and "note_date 2" in page


def test_plotly_js_is_inlined_once(page: str) -> None:
    assert page.count(get_plotlyjs()[:200]) == 1
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.IGNORECASE)


def test_the_page_says_which_source_system_each_headline_describes(page: str) -> None:
    """The web shop's KPI dashboard shows other orders, conversion and CLV: the page says its
    tiles are the CRM's and where the web shop's are."""
    shown = body(page)
    assert (
        "Sources: CRM and marketing sources (seed 000), web shop (e-commerce sources, seed "
        "003), marketing database (seed 004)" in shown
    )
    headline = shown[shown.index("<h2>Headline KPIs") : shown.index('<div class="tiles">')]
    assert "kpi_measures" in headline and "kpis_dashboard.txt" in headline
    monthly = shown.index("<h2>Monthly revenue")
    assert "CRM completed orders (seed 000)" in page and "web shop (seed 003)" in page[monthly:]
    assert "marketing database (seed 004)" in page[monthly:]


def test_the_bundle_is_plotly_js_as_shipped() -> None:
    """No web address is hidden from a scan: the offline promise rests on what the page
    draws (see the trace and reference checks below), not on how the bundle spells URLs."""
    assert plotly_js() == get_plotlyjs().replace("</script", "<\\/script")
    assert "https://cdn.plot.ly" in plotly_js()


def test_the_page_references_nothing_on_the_web(page: str) -> None:
    assert external_references(page) == []


@pytest.mark.parametrize(
    "element",
    [
        '<img src="https://tile.example.org/1.png">',
        "<script src=//cdn.example.org/plotly.js></script>",
        '<link rel="stylesheet" href=" HTTP://fonts.example.org/a.css">',
        "<video poster='https://example.org/a.jpg'></video>",
        '<img srcset="a.png 1x, https://example.org/b.png 2x">',
        "<div style=\"background: url( 'https://example.org/a.png' )\"></div>",
        "<style>@import 'https://example.org/a.css';</style>",
        "<style>.a { background: url(//example.org/a.png) }</style>",
        '<svg><image xlink:href="https://example.org/a.svg"/></svg>',
        '<iframe src="ftp://example.org/a"></iframe>',
    ],
)
def test_a_reference_to_the_web_is_found(element: str) -> None:
    page = f"<!DOCTYPE html><html><head></head><body>{element}</body></html>"
    assert len(external_references(page)) == 1


def test_web_addresses_in_scripts_and_text_are_not_references() -> None:
    """plotly.js names URLs in code the page never runs (map tiles, attributions); text
    that shows an address fetches nothing either."""
    page = (
        '<html><head><script>t.href="https://plotly.com/";m.src=`https://cdn.example.org`'
        "</script><style>.a { color: red }</style></head><body><p>see https://example.org</p>"
        '<img src="data:image/png;base64,AAAA"><a href="#top">top</a></body></html>'
    )
    assert external_references(page) == []


def test_every_trace_the_report_draws_fetches_nothing(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The charts the report builds from a full workspace use only the trace types allowed:
    none draws a map (map tiles, topojson and icons come from the web)."""
    drawn: list[go.Figure] = []
    figure = html_report._figure

    def spy(fig: go.Figure) -> str:
        drawn.append(fig)
        return figure(fig)

    monkeypatch.setattr(html_report, "_figure", spy)
    html_report.render(report_kit.Gold(workspace))
    assert len(drawn) == len(TITLES) - 1
    types = {trace.type for fig in drawn for trace in fig.data}
    assert types == {"bar", "scatter"} and types <= html_report.OFFLINE_TRACES
    for fig in drawn:
        assert not fig.layout.images


def test_no_allowed_trace_type_draws_on_a_map() -> None:
    """A map trace (geo, mapbox, map) names a map subplot or a GeoJSON to draw on."""
    for kind in html_report.OFFLINE_TRACES:
        trace = getattr(go, kind.capitalize())()
        assert not {"geo", "geojson", "subplot"} & set(trace._valid_props), kind


@pytest.mark.parametrize(
    "trace",
    [go.Scattergeo(lat=[48.9], lon=[2.3]), go.Choropleth(locations=["FR"], z=[1]),
     go.Densitymap(lat=[48.9], lon=[2.3]), go.Scattermap(lat=[48.9], lon=[2.3])],
)  # fmt: skip
def test_a_chart_that_would_fetch_from_the_web_is_refused(trace: Any) -> None:
    with pytest.raises(ValueError, match=rf"'{trace.type}' .*fetches .* from the web"):
        html_report._figure(go.Figure(trace))


def test_a_layout_image_from_the_web_is_refused() -> None:
    fig = go.Figure(go.Bar(x=["a"], y=[1]))
    fig.add_layout_image(source="https://example.org/logo.png", x=0, y=0)
    with pytest.raises(ValueError, match=r"image https://example\.org/logo\.png"):
        html_report._figure(fig)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_the_bundle_still_parses(tmp_path: Path) -> None:
    path = tmp_path / "plotly.js"
    path.write_text(plotly_js(), "utf-8")
    subprocess.run(["node", "--check", str(path)], check=True, capture_output=True, timeout=120)


def test_missing_tables_give_notes_not_a_crash(tmp_path: Path) -> None:
    page = write_html_report(tmp_path).read_text("utf-8")
    shown = body(page)
    assert [h for h in TITLES if f"<h2>{h}</h2>" in shown] == [TITLES[1], TITLES[-1]]
    assert "Sources: no gold table of a source system was built." in shown
    for system in (html_report.CRM, html_report.SHOP, html_report.MARKETING_DB):
        assert shown.count(f"Not in this workspace: the {system}, so no ") == 1
    assert "not available: no source system&#x27;s monthly revenue was built" in shown
    assert "not available: reports/run_report.json was not written" in shown
    assert "Plotly.newPlot(" not in page
    assert external_references(page) == []


def test_a_crm_without_a_web_shop_or_marketing_database_names_its_sources_alone(
    tmp_path: Path, workspace: Path
) -> None:
    """The page names only the systems whose tables were built; each system it has nothing of
    is one line naming the sections left out and the sources they need, not a note apiece."""
    for name in ("kpi_measures", "fct_orders", "campaign_attribution",
                 "campaign_attribution_models"):  # fmt: skip
        shutil.copytree(workspace / "lake" / "gold" / name, tmp_path / "lake" / "gold" / name)
    shown = body(write_html_report(tmp_path).read_text("utf-8"))
    meta = re.findall(r'<p class="meta">(.*?)</p>', shown)
    assert meta[1:] == [
        f"Sources: {html_report.CRM}; each section names its own.",
        f"Not in this workspace: the {html_report.SHOP}, so no RFM segment sizes or Top 10 "
        "best-sellers (units sold); they need ecommerce_customers, ecommerce_orders and "
        "ecommerce_products.",
        f"Not in this workspace: the {html_report.MARKETING_DB}, so no Country statistics; it "
        "needs mongo_customers and mongo_transactions.",
        "Seed 000's CRM orders, customers and campaigns (kpi_measures).",  # no kpis_dashboard
    ]
    assert [h for h in TITLES if f"<h2>{h}</h2>" in shown] == [
        TITLES[0], TITLES[1], TITLES[2], TITLES[5], TITLES[6], TITLES[8]
    ]  # fmt: skip
    assert "seed 003" not in shown[shown.index("<section>") :]
    assert "seed 004" not in shown[shown.index("<section>") :]
    monthly = shown[shown.index("<h2>Monthly revenue") : shown.index("<h2>KPI trend")]
    assert "not available" not in monthly
    page = write_html_report(tmp_path).read_text("utf-8")
    series = page[page.index("<h2>Monthly revenue") : page.index("<h2>KPI trend")]
    assert '"name":"CRM completed orders (seed 000)"' in series and "web shop" not in series


def test_a_workspace_given_as_the_current_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``c360 run`` in the workspace itself gives it as ``.``, whose name is empty."""
    (tmp_path / "acme_ws").mkdir()
    monkeypatch.chdir(tmp_path / "acme_ws")
    page = write_html_report(Path(".")).read_text("utf-8")
    assert "<title>Customer 360 report — acme_ws</title>" in page
    assert "<h1>Customer 360 report — acme_ws</h1>" in page
    assert external_references(page) == []


def test_written_to_a_temporary_file_then_renamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "reports" / "report.html"
    renames = []

    def replace(src: Path, dst: Path) -> None:
        assert Path(dst) == target and not target.exists()
        assert Path(src).parent == target.parent and Path(src) != target
        assert Path(src).read_text("utf-8").endswith("</html>\n")  # complete before the rename
        renames.append(src)
        os.rename(src, dst)

    monkeypatch.setattr(report_kit.os, "replace", replace)
    write_html_report(tmp_path)
    assert len(renames) == 1 and target.exists()
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


def test_a_failed_write_keeps_the_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "reports" / "report.html"
    target.parent.mkdir()
    target.write_text("previous report")

    def fail(src: Path, dst: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(report_kit.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_html_report(tmp_path)
    assert target.read_text() == "previous report"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


def test_a_month_of_unknown_revenue_is_a_gap_in_its_line_not_a_zero(tmp_path: Path) -> None:
    # April sold only products silver rejected from the catalogue: its revenue is not known.
    publish(
        tmp_path,
        ge.AGG_ECOMMERCE_MONTHLY_SALES,
        [
            {"year": 2024, "month": m, "total_revenue_eur": revenue}
            for m, revenue in ((3, 1200.5), (4, None), (5, 980.0))
        ],
    )
    page = html_report.render(report_kit.Gold(tmp_path))
    start = page.index("<h2>Monthly revenue")
    monthly = page[start : page.index("<h2>", start + 1)]
    assert '"x":["2024-03","2024-04","2024-05"],"y":[1200.5,null,980.0]' in monthly
    assert '"connectgaps":true' not in monthly  # plotly leaves the line broken over a null

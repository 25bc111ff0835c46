"""A company's own files on DuckDB and on Spark give the same silver, quarantine and gold: the
settings and file shapes of docs/own-data.md (decimal setting, currencies at fixed rates, a
spreadsheet's dialect, a folder of extracts with a compressed part and a day without data,
schema drift evolved, any file format for any table, offsets after a space, orders of several
lines) on a few literal rows each, some of them to be quarantined."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360.pipeline import lake
from c360.pipeline.runner import run
from tests.pipeline.test_parity import assert_identical, tables

pytestmark = pytest.mark.spark

ENGINES = ("duckdb", "spark")

PROJECT = """\
name: own-data
schema_drift: evolve
exchange_rates: {USD: 0.92, GBP: 1.17}
csv:
  products:
    delimiter: ";"
    encoding: cp1252
    columns: {"Réf": product_id, "Désignation": product_name, "Prix": price_eur}
    decimal: comma
  orders: {currency: USD}
  ecommerce_inventory: {delimiter: "\\t", dates: day_first}
json:
  order_lines: {currency: USD}
  ecommerce_products: {currency: GBP}
"""

MANIFEST = {"files": [
    {"kind": "source", "table": "crm_customers", "path": "sources/shop/clients.parquet"},
    {"kind": "source", "table": "products", "path": "sources/shop/catalogue.csv"},
    {"kind": "source", "table": "orders", "path": "sources/shop/orders"},
    {"kind": "source", "table": "order_lines", "path": "sources/shop/order_lines.jsonl"},
    {"kind": "source", "table": "ecommerce_customers", "path": "sources/ecommerce/customers.csv"},
    {"kind": "source", "table": "ecommerce_products", "path": "sources/ecommerce/products.jsonl"},
    {"kind": "source", "table": "ecommerce_orders", "path": "sources/ecommerce/orders.csv"},
    {"kind": "source", "table": "ecommerce_inventory", "path": "sources/ecommerce/stock.csv.gz"},
]}  # fmt: skip

# The CRM's customers as a Parquet file (its contract reads CSV): typed columns land as text.
CLIENTS = pa.table({
    "customer_id": ["CUST_000001", "CUST_000002", "CUST_000003", "CUST_000004"],
    "account_id": [None, None, None, None],
    "email": [" Ann.Lee@Mail.com ", "bob@mail.fr", "cleo@mail.de", "dan@mail.es"],
    "first_seen_at": [datetime(2023, 1, 5, 10, 15)] * 4,
    "status": ["active", "active", "churned", "x"],  # x: invalid_value
    "locale": ["en_US", "fr_FR", "de_DE", "es_ES"],
    "lifecycle_stage": ["active", "active", "churned", "active"],
    "consent_email": [True, False, True, True],
    "consent_sms": [False, False, True, False],
    "preferred_channel": ["email", "phone", "email", "chat"],
    "country": ["USA", "Royaume Uni", "Deutschland", "ES"],
})  # fmt: skip

# A spreadsheet's export: Excel's sep= line, semicolons, Windows-1252, its own column names,
# amounts with decimal commas and a dot grouping thousands (decimal: comma).
CATALOGUE = (
    "sep=;\r\n"
    "Réf;Désignation;category;brand;Prix;margin_pct;sku;in_stock\r\n"
    "PROD_00001;Lampe à poser;home & garden;Lumo;1.234;0,25;HOM-1;true\r\n"
    "PROD_00002;Lampe étoile;home & garden;Lumo;12,50;0.2;HOM-2;true\r\n"
    "PROD_00003;Câble;electronics;Zentrix;1.234,50;0.1;ELE-3;false\r\n"
    "PROD_00004;Tasse;home & garden;Lumo;-9,99;0.2;HOM-4;true\r\n"  # negative_amount
    "PROD_00005;Bol;home & garden;Lumo;¥1000;0.2;HOM-5;true\r\n"  # other_currency
    "PROD_00006;Vase;home & garden;Lumo;1\u00a0234,50 €;0.3;HOM-6;true\r\n"
)

ORDER_HEADER = ("order_id,customer_id,order_at,channel,total_amount_eur,promo_code,"
                "attributed_campaign_id,status")  # fmt: skip
# A folder of daily extracts in dollars (csv: orders: currency: USD).
ORDERS_DAY_1 = f"""{ORDER_HEADER}
ORD_0000001,CUST_000001,2024-01-05 10:15:00 +0100,web,"$1,200.00",WELCOME10,,completed
ORD_0000002,CUST_000002,2024-06-01 08:00:00,mobile_app,100,,,completed
ORD_0000003,CUST_000001,2024-06-01 09:00:00 -05:30,In Store,€50.00,,,completed
ORD_0000004,CUST_000002,2024-06-01 10:00:00,web,¥1000,,,completed
ORD_0000005,CUST_000009,2024-06-01 11:00:00,web,10,,,completed
ORD_0000006,CUST_000001,2024-06-01 12:00:00 +02,phone,1.234,,,completed
"""
# The next day's extract, gzip-compressed, lacks promo_code and adds gift_wrap (schema drift,
# evolved): ORD_0000002 again (this file's record wins), a time with a space before its offset.
ORDERS_DAY_2 = """order_id,customer_id,order_at,channel,total_amount_eur,attributed_campaign_id,\
status,gift_wrap
ORD_0000002,CUST_000002,2024-06-02 08:00:00,mobile_app,100,,canceled,no
ORD_0000007,CUST_000003,2024-06-02 09:30:00 -0500,web,£9.50,,completed,yes
ORD_0000008,CUST_000003,2024-06-02 23:30:00 +0100,web,$3.33,,completed,no
ORD_0000009,CUST_000002,2024-06-02 24:00 +02:00,phone,"1.234,50 USD",,completed,no
ORD_0000010,CUST_000002,2024-06-02 12:00:00.250 +0100,web,$0.125,,pending,no
"""

# Order lines as JSON lines (the contract reads CSV), in dollars (json: order_lines:
# currency: USD); numbers written as JSON numbers and as text.
ORDER_LINES = [
    {"order_line_id": "LINE_1", "order_id": "ORD_0000001", "product_id": "PROD_00001",
     "qty": 4, "unit_price_eur": 3.33, "discount_eur": "$0.55", "line_total_eur": "12.77"},
    {"order_line_id": "LINE_2", "order_id": "ORD_0000002", "product_id": "PROD_00002",
     "qty": "1", "unit_price_eur": "10.00", "discount_eur": 0, "line_total_eur": 10.02},
    {"order_line_id": "LINE_3", "order_id": "ORD_0000099", "product_id": "PROD_00002",
     "qty": 1, "unit_price_eur": 5, "discount_eur": 0, "line_total_eur": 5},
    {"order_line_id": "LINE_4", "order_id": "ORD_0000007", "product_id": "PROD_00003",
     "qty": 2, "unit_price_eur": "€5.99", "discount_eur": "€2.22", "line_total_eur": "€9.76"},
]  # fmt: skip

# Seed 003's shop: customers as CSV (the contract reads JSON), products as JSON lines in pounds
# (the contract reads Parquet), orders of several lines keyed by order_id and product_id.
SHOP_CUSTOMERS = """customer_id,name,email,city,country,registration_date,loyalty_tier
CUST_1,Ann Lee,ann@mail.co.uk,Leeds,uk,2023-01-01,gold
CUST_2,Bob Ray,bob@mail.fr,Lyon,France,2023-02-01,
"""
SHOP_PRODUCTS = [
    {"product_id": "PROD_1", "name": "Lamp", "category": " home & garden ", "brand": "Lumo",
     "price": "£9.50", "cost": "€6.00"},
    {"product_id": "PROD_2", "name": "Mug", "category": "Gift Cards", "brand": "Lumo",
     "price": 20, "cost": 7.995},
    {"product_id": "PROD_3", "name": "Cable", "category": "Electronics", "brand": "Zentrix",
     "price": "$12.00", "cost": "4"},
    {"product_id": "PROD_4", "name": "Bowl", "category": "Home & Garden", "brand": "Lumo",
     "price": "CHF 10", "cost": "4"},  # other_currency
]  # fmt: skip
SHOP_ORDERS = """order_id,customer_id,product_id,quantity,order_date,shipping_address
EC-1,CUST_1,PROD_1,2,2024-01-05 10:15:00 +0100,1 Main St
EC-1,CUST_1,PROD_2,1,2024-01-05T09:15:00Z,1 Main St
EC-1,CUST_2,PROD_3,1,2024-01-05 10:15:00 +0100,1 Main St
EC-2,CUST_2,PROD_1,1,2024-02-01 12:00:00 -0500,
EC-2,CUST_2,PROD_3,4,2024-02-01 17:00:00,
EC-2,CUST_2,PROD_1,3,2024-02-01 12:00:00 -0500,
EC-3,CUST_2,PROD_9,1,2024-03-01 12:00:00,
EC-4,CUST_1,PROD_2,1,2024-03-02 12:00:00 +01:00,
"""

# Stock snapshots, tab-separated and dated day first (a snapshot is keyed by its product,
# warehouse and time), gzip-compressed.
STOCK = (
    "product_id\twarehouse_id\tstock_quantity\tlast_updated\n"
    "PROD_1\t wh_par \t5\t05/01/2024 10:00\n"
    "PROD_2\tParis Warehouse\t7\t13/01/2024 08:00\n"
    "PROD_3\tWH-BER\t3\t31.01.2024 14:05\n"
    "PROD_1\tWH-BER\tmany\t05/01/2024 10:00\n"  # invalid_number
    "PROD_3\tWH-BER\t2\t12/13/2024 10:00\n"  # invalid_date
    "PROD_2\tWH-BER\t1\t\n"  # missing_key
)


def write_sources(workspace: Path) -> None:
    """The own-data workspace: ``PROJECT``, ``MANIFEST`` and the files it names."""
    shop, ecommerce = workspace / "sources" / "shop", workspace / "sources" / "ecommerce"
    (shop / "orders").mkdir(parents=True)
    ecommerce.mkdir(parents=True)
    (workspace / "c360.yaml").write_text(PROJECT, encoding="utf-8")
    (workspace / "sources" / "manifest.json").write_text(json.dumps(MANIFEST))
    pq.write_table(CLIENTS, shop / "clients.parquet")
    (shop / "catalogue.csv").write_bytes(CATALOGUE.encode("cp1252"))
    (shop / "orders" / "orders_2024-06-01.csv").write_text(ORDERS_DAY_1)
    (shop / "orders" / "orders_2024-06-02.csv.gz").write_bytes(gzip.compress(ORDERS_DAY_2.encode()))
    (shop / "orders" / "orders_2024-06-03.csv").write_text("")  # a day without data
    (shop / "order_lines.jsonl").write_text("".join(json.dumps(r) + "\n" for r in ORDER_LINES))
    (ecommerce / "customers.csv").write_text(SHOP_CUSTOMERS)
    (ecommerce / "products.jsonl").write_text("".join(json.dumps(r) + "\n" for r in SHOP_PRODUCTS))
    (ecommerce / "orders.csv").write_text(SHOP_ORDERS)
    (ecommerce / "stock.csv.gz").write_bytes(gzip.compress(STOCK.encode()))


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    source = tmp_path_factory.mktemp("own_parity") / "source"
    write_sources(source)
    out = {}
    with pytest.MonkeyPatch.context() as env:
        env.setenv("C360_PRIVACY_KEY", "one key for both runs")  # same pseudonyms
        for engine in ENGINES:
            workspace = source.with_name(engine)
            shutil.copytree(source, workspace)
            run(workspace, until="gold", engine=engine)
            out[engine] = workspace
    return out


def silver(workspace: Path, name: str, key: str) -> dict[str, dict[str, Any]]:
    """The rows of silver table ``name`` by their ``key``."""
    return {r[key]: r for r in lake.read_table(workspace, "silver", name).to_pylist()}


def rejected(workspace: Path, table: str) -> list[tuple[str, int, str, str | None]]:
    """The rows of quarantine table ``table`` as (file name, row number, reason, column)."""
    data = lake.read_table(workspace, "quarantine", table).to_pylist()
    return sorted((r["_source_file"].rsplit("/", 1)[-1], r["_row_number"], r["reason"],
                   r.get("column")) for r in data)  # fmt: skip


@pytest.mark.parametrize("layer", ["silver", "gold", "quarantine"])
def test_every_table_is_identical_on_both_engines(runs: dict[str, Path], layer: str) -> None:
    assert_identical(runs, layer)


# Every row quarantined, per table: (file, row number, reason, column).
QUARANTINED = {
    "bronze_products": [("catalogue.csv", 0, "Excel's sep= line naming the delimiter, not a "
                         "record", None)],
    "silver_stg_crm_customers": [("clients.parquet", 4, "invalid_value", "status")],
    "silver_stg_products": [("catalogue.csv", 4, "negative_amount", "price_eur"),
                            ("catalogue.csv", 5, "other_currency", "price_eur")],
    "silver_stg_orders": [("orders_2024-06-01.csv", 2, "duplicate_key", None),
                          ("orders_2024-06-01.csv", 4, "other_currency", "total_amount_eur"),
                          ("orders_2024-06-01.csv", 5, "orphan_customer", "customer_id"),
                          ("orders_2024-06-01.csv", 6, "ambiguous_amount", "total_amount_eur")],
    "silver_stg_order_lines": [("order_lines.jsonl", 2, "inconsistent_amount", None),
                               ("order_lines.jsonl", 3, "orphan_order", "order_id")],
    "silver_stg_ecommerce_products": [("products.jsonl", 4, "other_currency", "price")],
    "silver_stg_ecommerce_orders": [("orders.csv", 3, "conflicting_order_line", "order_id"),
                                    ("orders.csv", 6, "duplicate_key", None),
                                    ("orders.csv", 7, "orphan_product", "product_id")],
    "silver_stg_ecommerce_inventory": [("stock.csv.gz", 4, "invalid_number", "stock_quantity"),
                                       ("stock.csv.gz", 5, "invalid_date", "last_updated"),
                                       ("stock.csv.gz", 6, "missing_key", None)],
}  # fmt: skip


@pytest.mark.parametrize("engine", ENGINES)
def test_each_quarantined_row_has_its_reason(runs: dict[str, Path], engine: str) -> None:
    workspace = runs[engine]
    found = {name: rejected(workspace, name) for name in tables(workspace, "quarantine")}
    assert {name: held for name, held in found.items() if held} == QUARANTINED


@pytest.mark.parametrize("engine", ENGINES)
def test_a_spreadsheets_amounts_read_as_its_decimal_setting_says(
    runs: dict[str, Path], engine: str
) -> None:
    """decimal: comma: "1.234" is 1234, "12,50" 12.5; a no-break space groups thousands before
    a trailing euro sign; the Windows-1252 names read as written."""
    products = silver(runs[engine], "stg_products", "product_id")
    assert {p: r["price_eur"] for p, r in products.items()} == {
        "PROD_00001": 1234.0, "PROD_00002": 12.5, "PROD_00003": 1234.5, "PROD_00006": 1234.5
    }  # fmt: skip
    assert (products["PROD_00001"]["product_name"], products["PROD_00001"]["margin_pct"]) == (
        "Lampe à poser",
        0.25,
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_orders_in_dollars_are_converted_and_their_times_moved_to_utc(
    runs: dict[str, Path], engine: str
) -> None:
    """At 0.92 a dollar and 1.17 a pound, rounded to the cent, ties up ($0.125 is €0.115, £9.50
    is €11.115); euros stay euros. Offsets after a space move the time, 24:00 is the next
    midnight, a fraction is dropped."""
    orders = silver(runs[engine], "stg_orders", "order_id")
    assert {o: (r["total_amount_eur"], r["order_at"]) for o, r in orders.items()} == {
        "ORD_0000001": (1104.0, datetime(2024, 1, 5, 9, 15)),
        "ORD_0000002": (92.0, datetime(2024, 6, 2, 8, 0)),
        "ORD_0000003": (50.0, datetime(2024, 6, 1, 14, 30)),
        "ORD_0000007": (11.12, datetime(2024, 6, 2, 14, 30)),
        "ORD_0000008": (3.06, datetime(2024, 6, 2, 22, 30)),
        "ORD_0000009": (1135.74, datetime(2024, 6, 2, 22, 0)),
        "ORD_0000010": (0.12, datetime(2024, 6, 2, 11, 0)),
    }
    assert orders["ORD_0000003"]["channel"] == "in_store"


@pytest.mark.parametrize("engine", ENGINES)
def test_the_drifted_extract_lands_its_orders_without_the_column_it_lacks(
    runs: dict[str, Path], engine: str
) -> None:
    """The compressed second extract lacks promo_code (empty in silver) and wins over the first
    for ORD_0000002; its extra column stays in bronze's _extra, out of silver."""
    workspace = runs[engine]
    orders = silver(workspace, "stg_orders", "order_id")
    assert {o: r["promo_code"] for o, r in orders.items() if r["promo_code"]} == {
        "ORD_0000001": "WELCOME10"
    }
    assert orders["ORD_0000002"]["status"] == "canceled"
    assert "gift_wrap" not in orders["ORD_0000007"]
    bronze = lake.read_table(workspace, "bronze", "orders").to_pylist()
    files = {r["_source_file"].rsplit("/", 1)[-1] for r in bronze}
    assert (len(bronze), files) == (11, {"orders_2024-06-01.csv", "orders_2024-06-02.csv.gz"})


@pytest.mark.parametrize("engine", ENGINES)
def test_converted_lines_and_products_in_pounds(runs: dict[str, Path], engine: str) -> None:
    """$3.33 × 4 − $0.55 = $12.77 is €3.06 × 4 − €0.51 = €11.75, within its rounding; the shop's
    prices in pounds (a bare 20, £9.50), dollars ($12.00) and euros (€6.00), and a JSON
    number's dot before three digits a decimal point (7.995 pounds)."""
    lines = silver(runs[engine], "stg_order_lines", "order_line_id")
    amounts = ("qty", "unit_price_eur", "discount_eur", "line_total_eur")
    assert {k: tuple(r[a] for a in amounts) for k, r in lines.items()} == {
        "LINE_1": (4, 3.06, 0.51, 11.75),
        "LINE_4": (2, 5.99, 2.22, 9.76),
    }
    products = silver(runs[engine], "stg_ecommerce_products", "product_id")
    assert {p: (r["price"], r["cost"], r["category"]) for p, r in products.items()} == {
        "PROD_1": (11.12, 6.0, "Home & Garden"),
        "PROD_2": (23.4, 9.35, "Gift Cards"),
        "PROD_3": (11.04, 4.68, "Electronics"),
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_orders_of_several_lines_keep_each_product_and_count_once(
    runs: dict[str, Path], engine: str
) -> None:
    workspace = runs[engine]
    kept = lake.read_table(workspace, "silver", "stg_ecommerce_orders").to_pylist()
    assert [(r["order_id"], r["product_id"], r["order_at"]) for r in kept] == [
        ("EC-1", "PROD_1", datetime(2024, 1, 5, 9, 15)),
        ("EC-1", "PROD_2", datetime(2024, 1, 5, 9, 15)),
        ("EC-2", "PROD_1", datetime(2024, 2, 1, 17, 0)),
        ("EC-2", "PROD_3", datetime(2024, 2, 1, 17, 0)),
        ("EC-4", "PROD_2", datetime(2024, 3, 2, 11, 0)),
    ]
    daily = lake.read_table(workspace, "gold", "agg_ecommerce_daily_sales").to_pylist()
    january = [r for r in daily if r["order_date"] == date(2024, 1, 5)]
    assert sorted((r["category"], r["count_orders"], r["total_revenue_eur"]) for r in january) == [
        ("Gift Cards", 1, 23.4),
        ("Home & Garden", 1, 22.24),
    ]
    [first] = [r for r in lake.read_table(workspace, "gold", "fct_orders").to_pylist()
               if r["order_id"] == "ORD_0000001"]  # fmt: skip
    assert (first["count_lines"], first["total_qty"], first["total_discount_eur"]) == (1, 4, 0.51)


@pytest.mark.parametrize("engine", ENGINES)
def test_stock_read_tab_separated_and_day_first(runs: dict[str, Path], engine: str) -> None:
    stock = lake.read_table(runs[engine], "silver", "stg_ecommerce_inventory").to_pylist()
    assert [(r["product_id"], r["warehouse_id"], r["stock_quantity"], r["last_updated_at"])
            for r in stock] == [
        ("PROD_1", "WH-PAR", 5, datetime(2024, 1, 5, 10, 0)),
        ("PROD_2", "Paris Warehouse", 7, datetime(2024, 1, 13, 8, 0)),
        ("PROD_3", "WH-BER", 3, datetime(2024, 1, 31, 14, 5)),
    ]  # fmt: skip

"""Seed 003 files: the seed's columns, volumes, one universe with seed 000, an exact manifest."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from c360.contracts import ecommerce as contract
from c360.contracts.check import violations
from c360.contracts.model import Table
from c360.generate import Plan, generate, plan
from c360.generate.ecommerce.catalog import sales_share
from c360.generate.ecommerce.sources import _addresses, _next_tier, order_numbers
from c360.generate.plan import AS_OF
from c360.generate.source_dirt import bump, orphan_keys, quota, shout
from tests.sourcefiles import listed_defects

PLAN = Plan(scale=0.02, seed=7)
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}")
COUNTRIES = {"France", "USA", "Germany", "Spain", "UK"}
SEED_COLUMNS = {
    "ecommerce_orders": [
        "order_id", "customer_id", "product_id", "quantity", "order_date", "shipping_address",
    ],
    "ecommerce_customers": [
        "customer_id", "name", "email", "city", "country", "registration_date", "loyalty_tier",
    ],
    "ecommerce_products": ["product_id", "name", "category", "brand", "price", "cost"],
    "ecommerce_inventory": ["product_id", "warehouse_id", "stock_quantity", "last_updated"],
}  # fmt: skip
Row = dict[str, Any]


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ecommerce") / "ws"
    generate(path, PLAN)
    return path


def read(ws: Path, name: str) -> list[Row]:
    """A seed-003 file as written: CSV fields as text (empty = null), JSON and Parquet typed."""
    table = {t.name: t for t in contract.TABLES}[name]
    path = ws / table.path
    if table.file_format == "csv":
        options = pacsv.ConvertOptions(
            column_types={c: pa.string() for c in table.column_names}, strings_can_be_null=True
        )
        return pacsv.read_csv(path, convert_options=options).to_pylist()
    if table.file_format == "json":
        docs = json.loads(path.read_text(encoding="utf-8"))
        return [{c: d.get(c) for c in table.column_names} for d in docs]
    return pq.read_table(path).to_pylist()


def mojibake(value: str) -> bool:
    """True for UTF-8 text that was decoded as Latin-1."""
    try:
        return value.encode("latin-1").decode("utf-8") != value
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False


def moment(value: str, fmt: str) -> float | None:
    try:
        return datetime.strptime(value, fmt).replace(tzinfo=UTC).timestamp()
    except ValueError:
        return None


def problems(name: str, row: Row, refs: dict[str, set[str]]) -> set[tuple[str, str]]:
    """(column, defect kind) of every value-level defect an independent reader sees in a row."""
    found = set()
    table = {t.name: t for t in contract.TABLES}[name]
    for col in table.columns:
        value = row[col.name]
        if value is None:
            found.add((col.name, "null"))
            continue
        if col.pattern in (contract.DATE_PATTERN, contract.DATETIME_PATTERN):
            fmt = "%Y-%m-%d" if col.pattern == contract.DATE_PATTERN else "%Y-%m-%d %H:%M:%S"
            at = moment(value, fmt)
            if at is None:
                found.add((col.name, "invalid_date"))
            elif at > AS_OF:
                found.add((col.name, "future_date"))
        if isinstance(value, str) and mojibake(value):
            found.add((col.name, "wrong_encoding"))
        if col.references and value not in refs[col.references]:
            found.add((col.name, "orphan_key"))
    checks: dict[str, Callable[[Any], bool]] = {
        "email": lambda v: EMAIL.fullmatch(v) is not None,
        "country": lambda v: v in COUNTRIES,
        "quantity": lambda v: int(v) > 0,
        "price": lambda v: v > 0,
        "stock_quantity": lambda v: int(v) >= 0,
    }
    kinds = {"email": "malformed_email", "country": "country_spelling",
             "quantity": "non_positive_quantity", "price": "negative_amount",
             "stock_quantity": "out_of_range"}  # fmt: skip
    for column, ok in checks.items():
        if column in row and row[column] is not None and not ok(row[column]):
            found.add((column, kinds[column]))
    return found


def references(ws: Path) -> dict[str, set[str]]:
    customers = {r["customer_id"] for r in read(ws, "ecommerce_customers")}
    products = {r["product_id"] for r in read(ws, "ecommerce_products")}
    return {
        "ecommerce_customers.customer_id": customers,
        "ecommerce_products.product_id": products,
    }


def key_of(table: Table, row: Row) -> tuple[Any, ...]:
    return tuple(row[k] for k in table.primary_key)


@pytest.mark.parametrize("name", list(SEED_COLUMNS))
def test_files_have_exactly_the_seed_columns(ws: Path, name: str) -> None:
    table = {t.name: t for t in contract.TABLES}[name]
    path = ws / table.path
    if table.file_format == "csv":
        header = path.read_text(encoding="utf-8").splitlines()[0]
        assert header.replace('"', "").split(",") == SEED_COLUMNS[name]
    elif table.file_format == "json":
        docs = json.loads(path.read_text(encoding="utf-8"))
        assert set().union(*(d.keys() for d in docs)) == set(SEED_COLUMNS[name])
        assert list(docs[0]) == SEED_COLUMNS[name]
    else:
        assert path.is_dir() and list(path.glob("*.parquet"))
        assert pq.read_table(path).column_names == SEED_COLUMNS[name]
    assert table.column_names == SEED_COLUMNS[name]


@pytest.mark.parametrize("table", contract.TABLES, ids=lambda t: t.name)
def test_volumes_follow_the_scale(ws: Path, table: Table) -> None:
    rows = len(read(ws, table.name))
    copies = sum(d["defect_type"].endswith("duplicate") for d in listed_defects(ws, table.name))
    target = PLAN.rows(table)
    assert abs(rows - copies - target) <= 0.05 * target
    assert copies <= 0.05 * rows + 2


@pytest.mark.parametrize("table", contract.TABLES, ids=lambda t: t.name)
def test_listed_defects_are_present(ws: Path, table: Table) -> None:
    rows = read(ws, table.name)
    refs = references(ws)
    defects = listed_defects(ws, table.name)
    assert defects, "every seed-003 file carries defects"
    for d in defects:
        row = rows[d["row_number"] - 1]
        assert "|".join(str(v) for v in key_of(table, row)) == d["row_key"], d
        others = [r for i, r in enumerate(rows) if i != d["row_number"] - 1]
        if d["defect_type"] == "exact_duplicate":
            assert row in others, d
        elif d["defect_type"] == "near_duplicate":
            same_key = [r for r in others if key_of(table, r) == key_of(table, row)]
            differs = [{c for c in r if r[c] != row[c]} for r in same_key]
            assert {d["column"]} in differs, d
        else:
            assert (d["column"], d["defect_type"]) in problems(table.name, row, refs), d


@pytest.mark.parametrize("table", contract.TABLES, ids=lambda t: t.name)
def test_unlisted_rows_are_clean(ws: Path, table: Table) -> None:
    rows = read(ws, table.name)
    refs = references(ws)
    dirty = {d["row_number"] for d in listed_defects(ws, table.name)}
    clean = [r for i, r in enumerate(rows, start=1) if i not in dirty]
    assert len(clean) > 0.8 * len(rows)
    for row in clean:
        assert not problems(table.name, row, refs), row
    keys = Counter(key_of(table, r) for r in clean)
    assert max(keys.values()) == 1
    text = table.file_format == "csv"  # read as written: text, cast by the checker
    schema = pa.schema(
        [pa.field(f.name, pa.string() if text else f.type) for f in table.arrow_schema()]
    )
    found = violations(table, pa.Table.from_pylist(clean, schema=schema))
    assert found.num_rows == 0, found.to_pylist()[:5]


def test_orders_belong_to_seed_000_people_and_products(ws: Path) -> None:
    crm = pacsv.read_csv(ws / "sources/c360/crm_customers.csv").column("customer_id").to_pylist()
    catalogue = pacsv.read_csv(ws / "sources/c360/products.csv")
    assert {r["customer_id"] for r in read(ws, "ecommerce_customers")} <= set(crm)
    products = {r["product_id"]: r for r in read(ws, "ecommerce_products")}
    seed000 = catalogue.to_pylist()
    assert len(read(ws, "ecommerce_customers")) >= 0.45 * len(crm)
    for p in seed000:
        mine = products[p["product_id"]]
        assert mine["name"] == p["product_name"] or mojibake(mine["name"])
        if mine["cost"] is not None and mine["price"] > 0:
            assert mine["cost"] == round(p["price_eur"] * (1 - p["margin_pct"]), 2)


def test_orders_are_plausible(ws: Path) -> None:
    dirty = {d["row_number"] for d in listed_defects(ws, "ecommerce_orders")}
    clean = [r for i, r in enumerate(read(ws, "ecommerce_orders"), 1) if i not in dirty]
    quantities = Counter(int(r["quantity"]) for r in clean)
    assert sum(quantities[q] for q in (1, 2, 3)) > 0.9 * len(clean)
    years = {r["order_date"][:4] for r in clean}
    assert years == {"2023", "2024", "2025"}
    assert all(re.fullmatch(r"EC-\d{7}", r["order_id"]) for r in clean)
    assert all(r["shipping_address"].count(",") >= 2 for r in clean)


def order_lines(ws: Path) -> tuple[list[Row], list[Row]]:
    """The order lines but the planted copies, and those of them no defect touches."""
    defects = listed_defects(ws, "ecommerce_orders")
    copies = {d["row_number"] for d in defects if d["defect_type"].endswith("duplicate")}
    dirty = {d["row_number"] for d in defects}
    rows = list(enumerate(read(ws, "ecommerce_orders"), start=1))
    return [r for i, r in rows if i not in copies], [r for i, r in rows if i not in dirty]


def test_an_order_holds_several_lines(ws: Path) -> None:
    lines, _clean = order_lines(ws)
    per_order = Counter(r["order_id"] for r in lines)
    several = sum(n >= 2 for n in per_order.values())
    assert several > 0.05 * len(per_order)  # a shop export writes one row per order line
    assert len(per_order) < 0.95 * len(lines)


def test_an_order_never_holds_a_product_twice(ws: Path) -> None:
    lines, _clean = order_lines(ws)
    pairs = Counter((r["order_id"], r["product_id"]) for r in lines)
    assert max(pairs.values()) == 1
    assert len({r["order_id"] for r in lines}) < len(lines)  # orders of several products


def test_the_lines_of_an_order_agree_on_customer_date_and_address(ws: Path) -> None:
    _lines, clean = order_lines(ws)
    by_order: dict[str, set[tuple[str, str, str]]] = {}
    for r in clean:
        who = (r["customer_id"], r["order_date"], r["shipping_address"])
        by_order.setdefault(r["order_id"], set()).add(who)
    several = [o for o in by_order if sum(r["order_id"] == o for r in clean) >= 2]
    assert len(several) > 20
    assert all(len(v) == 1 for v in by_order.values())


def test_order_ids_run_on_across_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Scale 0.01 in blocks of 120 customers is two blocks: their orders are numbered on, one
    customer each, and every line of an order sits in one block."""
    monkeypatch.setattr(plan, "BLOCK_SIZE", 120)
    generate(tmp_path, Plan(scale=0.01, seed=3))
    lines, clean = order_lines(tmp_path)
    numbers = sorted({int(r["order_id"][3:]) for r in lines})
    assert numbers == list(range(1, len(numbers) + 1))
    owners: dict[str, set[str]] = {}
    for r in clean:
        owners.setdefault(r["order_id"], set()).add(r["customer_id"])
    assert all(len(v) == 1 for v in owners.values())
    assert len(numbers) < len(lines)


def test_lines_of_one_source_order_share_a_number_but_never_a_product() -> None:
    """Lines drawn twice (a sample with replacement) make a second order, not a repeated line."""
    source = np.array([5, 5, 2, 5, 5, 2, 5])
    product = np.array([1, 2, 1, 1, 3, 4, 1])
    assert order_numbers(source, product).tolist() == [0, 0, 1, 2, 0, 1, 3]


def test_orders_come_at_the_web_shop_hours(ws: Path) -> None:
    dirty = {d["row_number"] for d in listed_defects(ws, "ecommerce_orders")}
    clean = [r for i, r in enumerate(read(ws, "ecommerce_orders"), 1) if i not in dirty]
    hour = np.array([int(r["order_date"][11:13]) for r in clean])
    assert len(hour) > 300
    assert (hour < 6).mean() < 0.1  # uniform times: 0.25
    assert ((hour >= 18) & (hour < 22)).mean() > 0.25  # uniform: 0.17


def test_inventory_has_weekly_snapshots_with_stockouts(ws: Path) -> None:
    dirty = {d["row_number"] for d in listed_defects(ws, "ecommerce_inventory")}
    clean = [r for i, r in enumerate(read(ws, "ecommerce_inventory"), 1) if i not in dirty]
    days = sorted({r["last_updated"][:10] for r in clean})
    assert len(days) == 12 and days[-1] == "2025-12-29" and days[0] == "2025-10-13"
    assert all(datetime.fromisoformat(d).weekday() == 0 for d in days)
    per_product = Counter((r["product_id"], r["last_updated"][:10]) for r in clean)
    assert max(per_product.values()) <= 4
    stock = [int(r["stock_quantity"]) for r in clean]
    assert 0 in stock and np.mean(stock) > 2
    assert {r["warehouse_id"] for r in clean} == set(contract.WAREHOUSES)


def test_loyalty_tier_follows_spend(ws: Path) -> None:
    prices = {r["product_id"]: r["price"] for r in read(ws, "ecommerce_products")}
    spend: Counter[str] = Counter()
    for r in read(ws, "ecommerce_orders"):
        if r["customer_id"] and r["quantity"] and r["product_id"] in prices:
            spend[r["customer_id"]] += max(int(r["quantity"]), 0) * abs(prices[r["product_id"]])
    by_tier: dict[str, list[float]] = {}
    for c in read(ws, "ecommerce_customers"):
        by_tier.setdefault(c["loyalty_tier"], []).append(spend[c["customer_id"]])
    assert set(contract.LOYALTY_TIERS) <= set(by_tier)
    assert np.median(by_tier["platinum"]) > np.median(by_tier["bronze"])


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    def digests(path: Path) -> dict[str, str]:
        generate(path, Plan(scale=0.01, seed=3))
        files = json.loads((path / "sources" / "manifest.json").read_text())["files"]
        return {f["table"]: f["sha256"] for f in files}

    first, second = digests(tmp_path / "a"), digests(tmp_path / "b")
    mine = [t.name for t in contract.TABLES] + ["truth_defects"]
    assert {t: first[t] for t in mine} == {t: second[t] for t in mine}


def test_quota_splits_a_total_over_blocks_exactly() -> None:
    blocks = [(0, 50_000), (50_000, 100_000), (100_000, 120_001)]
    assert sum(quota(30_000, a, b, 120_001) for a, b in blocks) == 30_000
    assert quota(7, 0, 10, 10) == 7


def test_orphan_keys_never_reach_issued_ids() -> None:
    rng = np.random.default_rng(0)
    small = orphan_keys("PROD_", 5, 150)(rng, pa.array(["x"] * 50)).to_pylist()
    assert all(re.fullmatch(r"PROD_99\d{3}", k) for k in small)
    big = orphan_keys("CUST_", 6, 2_000_000)(rng, pa.array(["x"] * 50)).to_pylist()
    assert all(int(k[5:]) > 2_000_000 for k in big)


def test_near_copies_always_differ() -> None:
    rng = np.random.default_rng(0)
    words = pa.array(["Paris", "NYC", "42"])
    assert shout(rng, words).to_pylist() == ["PARIS", "NYC ", "42 "]
    assert all(b > a for a, b in zip([1, 5], bump(rng, pa.array([1, 5])).to_pylist(), strict=True))
    tiers = pa.array(["bronze", "gold", "platinum"])
    assert _next_tier(rng, tiers).to_pylist() == ["silver", "platinum", "gold"]


def test_addresses_follow_each_country_format() -> None:
    people = pa.table({
        "street": ["12 rue Oberkampf", "5th Avenue 10", "Baker Street 221"],
        "postcode": ["75011", "10001", "NW1 6XE"],
        "city": ["Paris", "New York", "London"],
        "region": ["Île-de-France", "NY", "Greater London"],
        "country": ["FR", "US", "GB"],
    })  # fmt: skip
    assert _addresses(people, np.array([0, 1, 2])) == {
        0: "12 rue Oberkampf, 75011 Paris, France",
        1: "5th Avenue 10, New York, NY 10001, USA",
        2: "Baker Street 221, London NW1 6XE, UK",
    }


def test_sales_shares_sum_to_one() -> None:
    share = sales_share(PLAN, 21)
    assert share.sum() == pytest.approx(1.0) and (share > 0).all()

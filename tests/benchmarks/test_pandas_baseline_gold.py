"""benchmarks/pandas_baseline.py builds dim_date and dim_ecommerce_product as c360's gold does."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from types import ModuleType

import pandas as pd

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "pandas_baseline.py"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pandas_baseline", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def note(customer_id: str, day: str) -> str:
    return (
        f"CUSTOMER_ID: {customer_id}\nDATE: {day}\nTOPIC: renewal\n\n"
        "--- BEGIN NOTE ---\nRenewal signed.\n--- END NOTE ---\n"
    )


def test_note_dates_are_read_from_the_date_header(tmp_path: Path) -> None:
    folder = tmp_path / "sources" / "c360" / "text" / "customer_knowledge_notes"
    (folder / "2024").mkdir(parents=True)
    (folder / "C1.txt").write_text(note("C1", "2019-06-30"))
    (folder / "2024" / "C2.txt").write_text(note("C2", "2024-02-29"))
    (folder / ".C3.txt").write_text(note("C3", "2001-01-01"))  # hidden: not a note
    notes = load().clean_notes(load().read_notes(tmp_path))
    assert sorted(zip(notes.customer_id, notes.note_date.dt.date, strict=True)) == [
        ("C1", date(2019, 6, 30)),
        ("C2", date(2024, 2, 29)),
    ]


def test_dim_date_spans_notes_and_shop_sales_with_the_iso_year() -> None:
    keys = pd.Series([20210105, 20211231])  # a star fact's date keys
    notes = pd.Series(pd.to_datetime(["2020-07-01"]))
    sales = pd.Series(pd.to_datetime(["2024-12-30"]))
    baseline = load()
    calendar = baseline.dim_date(
        keys, baseline.date_key(notes), baseline.date_key(sales)
    ).set_index("date_key")
    assert (calendar.index.min(), calendar.index.max(), len(calendar)) == (
        20200101,
        20241231,
        366 + 365 * 3 + 366,
    )
    assert calendar.loc[
        [20201231, 20210101, 20210104, 20241229, 20241230], "iso_year"
    ].tolist() == [
        2020,
        2020,
        2021,
        2024,
        2025,
    ]
    assert calendar.loc[[20210101, 20241230], "iso_week"].tolist() == [53, 1]


def shop(
    products: list[tuple[str, float]], orders: list[str], stock: list[tuple[str, str]]
) -> dict[str, pd.DataFrame]:
    """Seed 003's raw sources: the catalogue, one customer, their orders, stock snapshots."""
    return {
        "ec_products": pd.DataFrame(
            {"product_id": [p for p, _ in products], "name": ["Lamp"] * len(products),
             "category": ["Home"] * len(products), "brand": ["Lumo"] * len(products),
             "price": [price for _, price in products], "cost": [1.0] * len(products)}
        ),
        "ec_customers": pd.DataFrame(
            {"customer_id": ["C1"], "name": ["Ann Lee"], "email": ["ann@mail.com"],
             "city": ["Leeds"], "country": ["uk"], "registration_date": ["2023-01-01"],
             "loyalty_tier": ["gold"]}
        ),
        "ec_orders": pd.DataFrame(
            {"order_id": [f"EC-{i}" for i in range(len(orders))],
             "customer_id": ["C1"] * len(orders), "product_id": orders,
             "quantity": ["2"] * len(orders), "order_date": ["2024-01-01 10:00:00"] * len(orders),
             "shipping_address": ["1 Main St"] * len(orders)}
        ),
        "ec_inventory": pd.DataFrame(
            {"product_id": [p for p, _ in stock], "warehouse_id": ["WH-PAR"] * len(stock),
             "stock_quantity": [q for _, q in stock],
             "last_updated": ["2024-01-01 00:00:00"] * len(stock)}
        ),
    }  # fmt: skip


def test_a_rejected_product_that_a_sale_or_a_stockout_names_is_an_inferred_member() -> None:
    baseline = load()
    # P2 and P3 have no price: silver rejects them; P2 is sold, P3 out of stock, P4 named by no one.
    raw = shop(
        [("P1", 20.0), ("P2", 0.0), ("P3", 0.0), ("P4", 0.0)],
        orders=["P1", "P2", "P2"],
        stock=[("P1", "5"), ("P3", "0")],
    )
    gold = baseline.seed003(baseline.clean_ecommerce(raw))
    dim = gold["dim_ecommerce_product"].set_index("product_id")
    assert dim.inferred.to_dict() == {"P1": False, "P2": True, "P3": True}
    assert dim.loc["P1", ["name", "unit_price_eur"]].tolist() == ["Lamp", 20.0]
    assert dim.loc[["P2", "P3"]].drop(columns="inferred").isna().all().all()
    # The marts are computed on the catalogue silver kept: rotation knows P1 alone.
    assert gold["mart_ecommerce_stock_rotation"].product_id.tolist() == ["P1"]

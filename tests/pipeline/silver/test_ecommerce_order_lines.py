"""Seed 003's orders as a shop exports them: one row per order line, the order id repeated."""

from __future__ import annotations

from c360.contracts.ecommerce import ORDERS
from c360.engines import Engine
from c360.pipeline.silver.ecommerce import stg_ecommerce_orders
from tests.pipeline.silver.test_ecommerce import AS_OF, bronze, reasons

ORDER_FIELDS = ("order_id", "customer_id", "product_id", "quantity", "order_date",
                "shipping_address")  # fmt: skip
PRODUCT_FIELDS = ("product_id", "name", "category", "brand", "price", "cost")
CUSTOMER_FIELDS = ("customer_id", "name", "email", "city", "country", "registration_date",
                   "loyalty_tier")  # fmt: skip


def _staged(engine: Engine, name: str, lines: list[tuple[object, ...]]) -> object:
    products = bronze(engine, f"{name}_products", PRODUCT_FIELDS,
                      [("PROD_1", "Lamp", "Home", "Lumo", "20.0", "12.0"),
                       ("PROD_2", "Mug", "Home", "Lumo", "5.0", "1.0")])  # fmt: skip
    buyer = ("CUST_1", "Ann Lee", "ann@mail.com", "Leeds", "uk", None, "gold")
    customers = bronze(engine, f"{name}_customers", CUSTOMER_FIELDS, [buyer])
    orders = bronze(engine, f"{name}_orders", ORDER_FIELDS, lines)
    return stg_ecommerce_orders(orders, customers, products, AS_OF)


def test_the_contract_keys_an_order_line_by_order_and_product() -> None:
    assert ORDERS.primary_key == ("order_id", "product_id")
    assert not ORDERS.column("order_id").unique


def test_each_product_of_an_order_is_a_line_and_a_repeated_line_a_duplicate(
    engine: Engine,
) -> None:
    # One order of two products, its first line written again with another quantity (a
    # near duplicate, as the generator plants them): the copy goes, both products stay.
    staged = _staged(
        engine,
        "ec_lines",
        [
            ("EC-1", "CUST_1", "PROD_1", "2", "2024-01-01 10:00:00", "1 Main St"),
            ("EC-1", "CUST_1", "PROD_2", "1", "2024-01-01 10:00:00", "1 Main St"),
            ("EC-1", "CUST_1", "PROD_1", "3", "2024-01-01 10:00:00", "1 Main St"),
        ],
    )
    clean, rejects = staged.collect(engine)  # type: ignore[attr-defined]
    assert [(r["order_id"], r["product_id"], r["quantity"]) for r in clean.to_pylist()] == [
        ("EC-1", "PROD_1", 2),
        ("EC-1", "PROD_2", 1),
    ]
    found = [(r["_row_number"], r["order_id"], r["product_id"], r["reason"], r["column"])
             for r in rejects.to_pylist()]  # fmt: skip
    assert found == [(3, "EC-1", "PROD_1", "duplicate_key", None)]


def test_a_line_is_the_same_line_whatever_spaces_surround_its_ids(engine: Engine) -> None:
    # Silver trims ids: " PROD_1 " repeats PROD_1's line; the line written first is kept.
    staged = _staged(
        engine,
        "ec_lines_spaced",
        [
            ("EC-1", "CUST_1", "PROD_1", "2", "2024-01-01 10:00:00", "1 Main St"),
            ("EC-1 ", "CUST_1", " PROD_1 ", "2", "2024-01-01 10:00:00", "1 Main St"),
            ("EC-2", "CUST_1", "PROD_1", "1", "2024-01-02 10:00:00", "1 Main St"),
        ],
    )
    clean = staged.collect(engine)[0].to_pylist()  # type: ignore[attr-defined]
    assert [(r["order_id"], r["product_id"], r["quantity"]) for r in clean] == [
        ("EC-1", "PROD_1", 2),
        ("EC-2", "PROD_1", 1),
    ]
    assert reasons(engine, staged) == {2: "duplicate_key"}


def test_a_line_without_a_product_is_missing_its_product_not_its_key(engine: Engine) -> None:
    # The product is part of the line's key, but a line without one is named by what it
    # lacks, and does not hide the order's other line.
    staged = _staged(
        engine,
        "ec_lines_gone",
        [
            ("EC-1", "CUST_1", None, "2", "2024-01-01 10:00:00", "1 Main St"),
            ("EC-1", "CUST_1", "PROD_2", "1", "2024-01-01 10:00:00", "1 Main St"),
            ("EC-1", "CUST_1", "  ", "1", "2024-01-01 10:00:00", "1 Main St"),
        ],
    )
    clean = staged.collect(engine)[0].to_pylist()  # type: ignore[attr-defined]
    assert [(r["order_id"], r["product_id"]) for r in clean] == [("EC-1", "PROD_2")]
    assert reasons(engine, staged) == {1: "missing_product", 3: "missing_product"}

"""Seed 003's orders: the lines of one order name one customer and one order time, and a line
without a customer, an order date or a shipping address takes its order's."""

from __future__ import annotations

import pyarrow as pa

from c360.engines import Engine
from c360.pipeline.silver.ecommerce import stg_ecommerce_orders
from tests.pipeline.silver.test_ecommerce import AS_OF, bronze

ORDER_FIELDS = ("order_id", "customer_id", "product_id", "quantity", "order_date",
                "shipping_address")  # fmt: skip
PRODUCT_FIELDS = ("product_id", "name", "category", "brand", "price", "cost")
CUSTOMER_FIELDS = ("customer_id", "name", "email", "city", "country", "registration_date",
                   "loyalty_tier")  # fmt: skip
TEN = "2024-01-01 10:00:00"


def _staged(engine: Engine, name: str, files: dict[str, list[tuple[object, ...]]]) -> object:
    """``files`` maps each file's name to its order lines, in the order they are written."""
    lamps = [(f"PROD_{i}", "Lamp", "Home", "Lumo", "20.0", "12.0") for i in (1, 2, 3)]
    buyers = [(f"CUST_{i}", "Ann Lee", None, "Leeds", "uk", None, "gold") for i in (1, 2)]
    products = bronze(engine, f"{name}_products", PRODUCT_FIELDS, lamps)
    customers = bronze(engine, f"{name}_customers", CUSTOMER_FIELDS, buyers)
    columns: dict[str, list[object]] = {
        f: [] for f in (*ORDER_FIELDS, "_source_file", "_row_number")
    }
    for file, lines in files.items():
        for number, line in enumerate(lines, start=1):
            for field, value in zip(ORDER_FIELDS, line, strict=True):
                columns[field].append(value)
            columns["_source_file"].append(f"sources/ecommerce/{file}")
            columns["_row_number"].append(number)
    types = {f: pa.string() for f in (*ORDER_FIELDS, "_source_file")}
    schema = pa.schema([*types.items(), ("_row_number", pa.int64())])
    orders = engine.register(f"{name}_orders", pa.table(columns, schema=schema))
    return stg_ecommerce_orders(orders, customers, products, AS_OF)


def _outcome(
    engine: Engine, staged: object
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    clean, rejects = staged.collect(engine)  # type: ignore[attr-defined]
    kept = [(r["order_id"], r["product_id"], r["customer_id"]) for r in clean.to_pylist()]
    rejected = [(r["_source_file"].rsplit("/", 1)[1], r["_row_number"], r["reason"], r["column"])
                for r in rejects.to_pylist()]  # fmt: skip
    return kept, sorted(rejected)


def test_a_line_naming_another_customer_or_time_than_its_order_is_quarantined(
    engine: Engine,
) -> None:
    # EC-1's second line names another customer, its third another time; EC-2's lines agree
    # (the same time, written another way), and its copy with another quantity is a duplicate.
    staged = _staged(
        engine,
        "ec_conflicts",
        {
            "orders.csv": [
                ("EC-1", "CUST_1", "PROD_1", "2", TEN, "1 Main St"),
                ("EC-1", "CUST_2", "PROD_2", "1", TEN, "1 Main St"),
                ("EC-1", "CUST_1", "PROD_3", "1", "2024-01-02 10:00:00", "1 Main St"),
                ("EC-2", "CUST_2", "PROD_1", "1", TEN, None),
                ("EC-2", "CUST_2", "PROD_2", "4", "2024-01-01T10:00:00", None),
                ("EC-2", "CUST_2", "PROD_1", "3", TEN, None),
            ]
        },
    )
    kept, rejected = _outcome(engine, staged)
    assert kept == [
        ("EC-1", "PROD_1", "CUST_1"),
        ("EC-2", "PROD_1", "CUST_2"),
        ("EC-2", "PROD_2", "CUST_2"),
    ]
    assert rejected == [
        ("orders.csv", 2, "conflicting_order_line", "order_id"),
        ("orders.csv", 3, "conflicting_order_line", "order_id"),
        ("orders.csv", 6, "duplicate_key", None),
    ]


def test_an_order_is_first_named_by_its_first_line_that_passes_every_check(
    engine: Engine,
) -> None:
    # EC-1's first line has no customer: it names no order, the order is CUST_2's, as its
    # first clean line says, and the line takes CUST_2, not in conflict. EC-2's first line has
    # an unknown product: it passes no check, so EC-2's second line names the order and its
    # third is in conflict.
    staged = _staged(
        engine,
        "ec_conflicts_first",
        {
            "orders.csv": [
                ("EC-1", None, "PROD_1", "2", TEN, "1 Main St"),
                ("EC-1", "CUST_2", "PROD_2", "1", TEN, "1 Main St"),
                ("EC-1", "CUST_1", "PROD_3", "1", TEN, "1 Main St"),
                ("EC-2", "CUST_1", "PROD_9", "1", TEN, None),
                ("EC-2", "CUST_2", "PROD_1", "1", TEN, None),
                ("EC-2", "CUST_1", "PROD_2", "1", TEN, None),
            ]
        },
    )
    kept, rejected = _outcome(engine, staged)
    assert kept == [
        ("EC-1", "PROD_1", "CUST_2"),
        ("EC-1", "PROD_2", "CUST_2"),
        ("EC-2", "PROD_1", "CUST_2"),
    ]
    assert rejected == [
        ("orders.csv", 3, "conflicting_order_line", "order_id"),
        ("orders.csv", 4, "orphan_product", "product_id"),
        ("orders.csv", 6, "conflicting_order_line", "order_id"),
    ]


def test_the_file_named_last_names_the_order(engine: Engine) -> None:
    # A folder of daily extracts: the later file's line names EC-1 (another customer, another
    # time), so the earlier file's line of another product is in conflict with it.
    staged = _staged(
        engine,
        "ec_conflicts_files",
        {
            "orders_2024-01-01.csv": [("EC-1", "CUST_1", "PROD_1", "1", TEN, None)],
            "orders_2024-01-02.csv": [("EC-1", "CUST_2", "PROD_2", "1", "2024-01-02", None)],
        },
    )
    kept, rejected = _outcome(engine, staged)
    assert kept == [("EC-1", "PROD_2", "CUST_2")]
    assert rejected == [("orders_2024-01-01.csv", 1, "conflicting_order_line", "order_id")]


def _addresses(
    engine: Engine, staged: object
) -> tuple[dict[tuple[str, str], str | None], dict[str, int]]:
    clean, _, repaired = staged.outcome(engine)  # type: ignore[attr-defined]
    found = {(r["order_id"], r["product_id"]): r["shipping_address"] for r in clean.to_pylist()}
    return found, repaired


def test_a_line_without_an_address_takes_its_orders_first_clean_line_with_one(
    engine: Engine,
) -> None:
    # EC-1's first line has none: it takes its second line's, the order's first clean line
    # with one; its third keeps its own. EC-2's lines with an address are quarantined (another
    # customer, an unknown product): its clean lines have none to take. EC-3 is one line.
    staged = _staged(
        engine,
        "ec_addresses",
        {
            "orders.csv": [
                ("EC-1", "CUST_1", "PROD_1", "2", TEN, None),
                ("EC-1", "CUST_1", "PROD_2", "1", TEN, " 2 High St "),
                ("EC-1", "CUST_1", "PROD_3", "1", TEN, "9 Other Rd"),
                ("EC-2", "CUST_1", "PROD_1", "1", TEN, None),
                ("EC-2", "CUST_2", "PROD_2", "1", TEN, "5 Wrong Rd"),
                ("EC-2", "CUST_1", "PROD_9", "1", TEN, "6 Orphan Rd"),
                ("EC-2", "CUST_1", "PROD_3", "1", TEN, "N/A"),
                ("EC-3", "CUST_2", "PROD_1", "1", TEN, None),
            ]
        },
    )
    found, repaired = _addresses(engine, staged)
    assert found == {
        ("EC-1", "PROD_1"): "2 High St",
        ("EC-1", "PROD_2"): "2 High St",
        ("EC-1", "PROD_3"): "9 Other Rd",
        ("EC-2", "PROD_1"): None,
        ("EC-2", "PROD_3"): None,
        ("EC-3", "PROD_1"): None,
    }
    assert repaired == {"shipping_address: missing_value": 1}


def test_an_orders_address_comes_from_the_file_named_last(engine: Engine) -> None:
    # EC-1's clean lines: the later file's first, then the earlier file's. PROD_1's line takes
    # "New St", the later file's, not "Old St", written on a lower row of the earlier file.
    # Both lines of EC-2 lack one, and so does EC-3's only line: none is invented.
    staged = _staged(
        engine,
        "ec_addresses_files",
        {
            "orders_2024-01-01.csv": [
                ("EC-1", "CUST_1", "PROD_2", "1", TEN, "Old St"),
                ("EC-2", "CUST_2", "PROD_1", "1", TEN, None),
            ],
            "orders_2024-01-02.csv": [
                ("EC-1", "CUST_1", "PROD_1", "1", TEN, None),
                ("EC-2", "CUST_2", "PROD_2", "1", TEN, None),
                ("EC-1", "CUST_1", "PROD_3", "1", TEN, "New St"),
                ("EC-3", "CUST_1", "PROD_1", "1", TEN, None),
            ],
        },
    )
    found, repaired = _addresses(engine, staged)
    assert found == {
        ("EC-1", "PROD_1"): "New St",
        ("EC-1", "PROD_2"): "Old St",
        ("EC-1", "PROD_3"): "New St",
        ("EC-2", "PROD_1"): None,
        ("EC-2", "PROD_2"): None,
        ("EC-3", "PROD_1"): None,
    }
    assert repaired == {"shipping_address: missing_value": 1}


def _lines(
    engine: Engine, staged: object
) -> tuple[dict[tuple[str, str], tuple[object, ...]], list[tuple[object, ...]], dict[str, int]]:
    clean, rejects, repaired = staged.outcome(engine)  # type: ignore[attr-defined]
    found = {
        (r["order_id"], r["product_id"]): (
            r["customer_id"],
            str(r["order_at"]),
            r["shipping_address"],
        )
        for r in clean.to_pylist()
    }
    rejected = sorted((r["_row_number"], r["reason"], r["column"]) for r in rejects.to_pylist())
    return found, rejected, repaired


def test_a_line_without_customer_or_date_takes_its_orders_first_clean_line(
    engine: Engine,
) -> None:
    # As a shop exports an order of several lines: the customer, the date and the address on
    # the first line only, the next lines blank ("", white space, "NULL" or nothing at all).
    # EC-1's later lines take all three; EC-2's second line lacks only its date, its third
    # only its customer. EC-3's second line has no customer and a date that does not read:
    # it takes the customer, and its date is still ``invalid_date``. EC-4's second line lacks
    # the date and names another customer: it takes the date and is in conflict. EC-5's first
    # line, without a customer, takes its second line's and gives that line its address.
    staged = _staged(
        engine,
        "ec_fill",
        {
            "orders.csv": [
                ("EC-1", "CUST_1", "PROD_1", "2", TEN, "1 Main St"),
                ("EC-1", None, "PROD_2", "1", None, None),
                ("EC-1", " ", "PROD_3", "1", "", "  "),
                ("EC-2", "CUST_2", "PROD_1", "1", "2024-01-02 10:00:00", "2 High St"),
                ("EC-2", "CUST_2", "PROD_2", "1", "NULL", "2 High St"),
                ("EC-2", "N/A", "PROD_3", "1", "2024-01-02T10:00:00", "2 High St"),
                ("EC-3", "CUST_1", "PROD_1", "1", TEN, "3 Low St"),
                ("EC-3", None, "PROD_2", "1", "2024-02-30", None),
                ("EC-4", "CUST_1", "PROD_1", "1", TEN, "4 Side St"),
                ("EC-4", "CUST_2", "PROD_2", "1", None, None),
                ("EC-5", None, "PROD_1", "1", TEN, "5 Far Rd"),
                ("EC-5", "CUST_2", "PROD_2", "1", TEN, None),
            ]
        },
    )
    found, rejected, repaired = _lines(engine, staged)
    first, second = ("CUST_1", TEN, "1 Main St"), ("CUST_2", "2024-01-02 10:00:00", "2 High St")
    assert found == {
        ("EC-1", "PROD_1"): first,
        ("EC-1", "PROD_2"): first,
        ("EC-1", "PROD_3"): first,
        ("EC-2", "PROD_1"): second,
        ("EC-2", "PROD_2"): second,
        ("EC-2", "PROD_3"): second,
        ("EC-3", "PROD_1"): ("CUST_1", TEN, "3 Low St"),
        ("EC-4", "PROD_1"): ("CUST_1", TEN, "4 Side St"),
        ("EC-5", "PROD_1"): ("CUST_2", TEN, "5 Far Rd"),
        ("EC-5", "PROD_2"): ("CUST_2", TEN, "5 Far Rd"),
    }
    assert rejected == [
        (8, "invalid_date", "order_date"),
        (10, "conflicting_order_line", "order_id"),
    ]
    assert repaired == {
        "customer_id: missing_value": 4,
        "order_date: missing_value": 3,
        "shipping_address: missing_value": 3,
    }


def test_a_line_without_customer_or_date_and_no_clean_line_to_take_them_from_is_quarantined(
    engine: Engine,
) -> None:
    # EC-1 is one line. No line of EC-2 has a customer, none of EC-3 a date. EC-4's first
    # line names an unknown product, EC-5's a future date, EC-6's an unknown customer: each
    # is quarantined for that, and the order has no clean line to give its second line a
    # customer or a date. EC-7's second line of an unknown product takes the customer, but is
    # quarantined for its product: nothing is counted as repaired.
    staged = _staged(
        engine,
        "ec_fill_none",
        {
            "orders.csv": [
                ("EC-1", None, "PROD_1", "1", None, "1 Main St"),
                ("EC-2", None, "PROD_1", "1", TEN, "1 Main St"),
                ("EC-2", None, "PROD_2", "1", TEN, "1 Main St"),
                ("EC-3", "CUST_1", "PROD_1", "1", None, "1 Main St"),
                ("EC-3", "CUST_1", "PROD_2", "1", "", "1 Main St"),
                ("EC-4", "CUST_1", "PROD_9", "1", TEN, "1 Main St"),
                ("EC-4", None, "PROD_1", "1", None, None),
                ("EC-5", "CUST_1", "PROD_1", "1", "2030-01-01 10:00:00", "1 Main St"),
                ("EC-5", "CUST_1", "PROD_2", "1", None, None),
                ("EC-6", "CUST_9", "PROD_1", "1", TEN, "1 Main St"),
                ("EC-6", None, "PROD_2", "1", TEN, None),
                ("EC-7", "CUST_2", "PROD_1", "1", TEN, "1 Main St"),
                ("EC-7", None, "PROD_9", "1", None, None),
            ]
        },
    )
    found, rejected, repaired = _lines(engine, staged)
    assert found == {("EC-7", "PROD_1"): ("CUST_2", TEN, "1 Main St")}
    assert rejected == [
        (1, "missing_customer", "customer_id"),
        (2, "missing_customer", "customer_id"),
        (3, "missing_customer", "customer_id"),
        (4, "missing_order_date", "order_date"),
        (5, "missing_order_date", "order_date"),
        (6, "orphan_product", "product_id"),
        (7, "missing_customer", "customer_id"),
        (8, "future_date", "order_date"),
        (9, "missing_order_date", "order_date"),
        (10, "orphan_customer", "customer_id"),
        (11, "missing_customer", "customer_id"),
        (13, "orphan_product", "product_id"),
    ]
    assert repaired == {}


def test_an_orders_customer_and_date_come_from_the_file_named_last(engine: Engine) -> None:
    # EC-1's first clean line is the later file's: the earlier file's line without a
    # customer or a date takes CUST_2 and 2 January, not CUST_1 written on its own row above.
    staged = _staged(
        engine,
        "ec_fill_files",
        {
            "orders_2024-01-01.csv": [
                ("EC-1", "CUST_1", "PROD_1", "1", TEN, "Old St"),
                ("EC-1", None, "PROD_2", "1", None, None),
            ],
            "orders_2024-01-02.csv": [
                ("EC-1", "CUST_2", "PROD_3", "1", "2024-01-02 10:00:00", "New St"),
            ],
        },
    )
    found, rejected, repaired = _lines(engine, staged)
    later = ("CUST_2", "2024-01-02 10:00:00", "New St")
    assert found == {("EC-1", "PROD_2"): later, ("EC-1", "PROD_3"): later}
    assert rejected == [(1, "conflicting_order_line", "order_id")]
    assert repaired == {
        "customer_id: missing_value": 1,
        "order_date: missing_value": 1,
        "shipping_address: missing_value": 1,
    }

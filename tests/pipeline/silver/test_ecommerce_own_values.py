"""Seed 003 on a shop's own values: its warehouses, its categories, customers without a tier.

The contract's warehouses and the catalogue's categories describe the generated sources; a
shop's own ("Paris Warehouse", "T-Shirts") are values all the same. Literal rows, every engine.
"""

from __future__ import annotations

from c360.contracts.ecommerce import INVENTORY, PRODUCTS
from c360.engines import Engine
from c360.pipeline.silver.ecommerce import (
    stg_ecommerce_customers,
    stg_ecommerce_inventory,
    stg_ecommerce_products,
)
from c360.pipeline.silver.privacy import pseudonymiser
from tests.pipeline.silver.test_ecommerce import AS_OF, CUSTOMER_FIELDS, PRODUCT_FIELDS, bronze

STOCK_FIELDS = ("product_id", "warehouse_id", "stock_quantity", "last_updated")
MONDAY, NEXT_MONDAY = "2025-10-13 06:00:00", "2025-10-20 06:00:00"


def test_a_shops_own_warehouses_keep_their_stock(engine: Engine) -> None:
    """A warehouse id is a key: any one written is kept, cleaned as ids are (trimmed, a word
    meaning missing is none); the generated five are spelt one way whatever their case, spaces,
    hyphens or underscores, so that one snapshot written twice stays one duplicate."""
    products = bronze(engine, "own_wh_products", ("product_id",), [("PROD_1",)])
    inventory = bronze(engine, "own_wh_inventory", STOCK_FIELDS, [
        ("PROD_1", "Paris Warehouse", "5", MONDAY),
        ("PROD_1", " Berlin Store ", "3", MONDAY),
        ("PROD_1", " wh_par ", "7", MONDAY),
        ("PROD_1", "WH-PAR", "8", NEXT_MONDAY),
        ("PROD_1", "Paris Warehouse", "9", MONDAY),  # the same snapshot again
        ("PROD_1", "WH-XXX", "2", MONDAY),  # an id of its own, not one of the five
        ("PROD_1", "N/A", "1", MONDAY),
        ("PROD_1", "  ", "1", MONDAY),
        ("PROD_1", None, "1", MONDAY),
        ("PROD_1", "WH_PAR", "4", MONDAY),  # the snapshot of row 3 again
    ])  # fmt: skip
    clean, rejects, repaired = stg_ecommerce_inventory(inventory, products, AS_OF).outcome(engine)
    stock = sorted(
        (r["warehouse_id"], r["last_updated_at"].day, r["stock_quantity"])
        for r in clean.to_pylist()
    )
    assert stock == [
        ("Berlin Store", 13, 3),
        ("Paris Warehouse", 13, 5),
        ("WH-PAR", 13, 7),
        ("WH-PAR", 20, 8),
        ("WH-XXX", 13, 2),
    ]
    assert {r["_row_number"]: r["reason"] for r in rejects.to_pylist()} == {
        5: "duplicate_key", 7: "missing_key", 8: "missing_key", 9: "missing_key",
        10: "duplicate_key",
    }  # fmt: skip
    assert repaired == {}


def test_the_warehouse_contract_describes_the_generated_five_without_closing_the_list() -> None:
    warehouse = INVENTORY.column("warehouse_id")
    assert warehouse.allowed is None
    assert "WH-PAR, WH-BER, WH-MAD, WH-LON, WH-NYC" in warehouse.description


def test_a_shops_own_categories_are_kept_as_written(engine: Engine) -> None:
    """The seed fixes no list of categories: one the catalogue does not hold is kept (trimmed,
    its white space made one), the catalogue's own are spelt as it spells them, and only a
    missing one is "Unknown" (as written, or a word meaning missing: nothing counted)."""
    products = bronze(engine, "own_categories", PRODUCT_FIELDS, [
        ("PROD_00001", "Tee", "T-Shirts", "Kik", "20.0", "8.0"),
        ("PROD_00002", "Hood", "  Hoodies\u00a0", "Kik", "40.0", "18.0"),
        ("PROD_00003", "Card", "Gift \t  Cards", "Kik", "25.0", "25.0"),
        ("PROD_00004", "Ball", " sports ", "Kik", "9.0", "4.0"),
        ("PROD_00005", "Rake", "Home and Garden", "Lumo", "7.0", "2.0"),
        ("PROD_00006", "Mug", None, "Lumo", "4.0", "1.0"),
        ("PROD_00007", "Cup", "N/A", "Lumo", "3.0", "1.0"),
        ("PROD_00008", "Pen", "   ", "Lumo", "2.0", "1.0"),
        ("PROD_00009", "Hat", "unknown", "Lumo", "5.0", "1.0"),
        ("PROD_00010", "Box", "Home/and/Garden", "Lumo", "6.0", "1.0"),
        ("PROD_00011", "Toy", "TOYS", "Kik", "5.0", "2.0"),  # a case of its own: kept so
    ])  # fmt: skip
    clean, rejects, repaired = stg_ecommerce_products(products).outcome(engine)
    assert {p["product_id"]: p["category"] for p in clean.to_pylist()} == {
        "PROD_00001": "T-Shirts",
        "PROD_00002": "Hoodies",
        "PROD_00003": "Gift Cards",
        "PROD_00004": "Sports",
        "PROD_00005": "Home & Garden",
        "PROD_00006": "Unknown",
        "PROD_00007": "Unknown",
        "PROD_00008": "Unknown",
        "PROD_00009": "Unknown",
        "PROD_00010": "Home/and/Garden",
        "PROD_00011": "TOYS",
    }
    assert rejects.num_rows == 0
    assert repaired == {}


def test_the_category_contract_names_the_catalogue_without_closing_the_list() -> None:
    category = PRODUCTS.column("category")
    assert category.allowed is None
    assert "Home & Garden" in category.description and "Unknown" in category.description


def test_a_missing_loyalty_tier_made_bronze_is_counted(engine: Engine) -> None:
    """A tier of "bronze" for a missing one is a value silver chose, not one the shop wrote:
    counted as ``missing_value`` beside the tiers it could not read (``invalid_value``, NULL)."""
    customers = bronze(engine, "own_tiers", CUSTOMER_FIELDS, [
        ("CUST_000001", "Ann Lee", "ann@mail.fr", "Paris", "FR", "2024-01-01", "gold"),
        ("CUST_000002", "Bo Roy", "bo@mail.fr", "Lyon", "FR", "2024-01-01", None),
        ("CUST_000003", "Cy Dee", "cy@mail.fr", "Lyon", "FR", "2024-01-01", " N/A "),
        ("CUST_000004", "Dan Eck", "dan@mail.fr", "Lyon", "FR", "2024-01-01", ""),
        ("CUST_000005", "Eve Fox", "eve@mail.fr", "Lyon", "FR", "2024-01-01", "diamond"),
        ("CUST_000006", "Flo Gil", "flo@mail.fr", "Lyon", "FR", "2024-01-01", " Bronze "),
        ("CUST_000002", "Bo Roy", "bo@mail.fr", "Lyon", "FR", "2024-01-01", None),  # a copy
        ("CUST_000007", "Guy Hu", "guy@mail.fr", "Lyon", "FR", "2024-01-01", '{"t": 1}'),
    ])  # fmt: skip
    clean, rejects, repaired = stg_ecommerce_customers(
        customers, pseudonymiser("md5"), AS_OF
    ).outcome(engine)
    assert {r["customer_id"]: r["loyalty_tier"] for r in clean.to_pylist()} == {
        "CUST_000001": "gold",
        "CUST_000002": "bronze",
        "CUST_000003": "bronze",
        "CUST_000004": "bronze",
        "CUST_000005": None,
        "CUST_000006": "bronze",
    }
    assert sorted(rejects.column("reason").to_pylist()) == ["duplicate_key", "invalid_value"]
    assert repaired == {"loyalty_tier: missing_value": 3, "loyalty_tier: invalid_value": 1}

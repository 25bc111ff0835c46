"""Seed 003 in silver: the seed's cleaning rules on literal rows, on every engine."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from c360.engines import Engine
from c360.pipeline.silver.ecommerce import (
    CATEGORY_JOIN,
    stg_ecommerce_customers,
    stg_ecommerce_inventory,
    stg_ecommerce_orders,
    stg_ecommerce_products,
)
from c360.pipeline.silver.privacy import pseudonymiser

AS_OF = dt.datetime(2025, 12, 31, tzinfo=dt.UTC)


def bronze(engine: Engine, name: str, fields: tuple[str, ...], rows: list[tuple]) -> object:
    columns: dict[str, list[object]] = {f: [r[i] for r in rows] for i, f in enumerate(fields)}
    columns["_source_file"] = [f"sources/ecommerce/{name}"] * len(rows)
    columns["_row_number"] = list(range(1, len(rows) + 1))
    return engine.register(name, pa.table(columns))


def reasons(engine: Engine, staged: object) -> dict[int, str]:
    rows = staged.collect(engine)[1].to_pylist()  # type: ignore[attr-defined]
    return {r["_row_number"]: r["reason"] for r in rows}


def test_orders_and_inventory_follow_the_seed_cleaning(engine: Engine) -> None:
    products = bronze(engine, "ec_products", ("product_id", "name", "category", "brand", "price",
                                              "cost"),
                      [("PROD_1", "L\u00c3\u00a4mp \u00c3\x89clat", "Home", None, "20.0", "12.5"),
                       ("PROD_2", "Bad", "Home", "X", "-3.0", "1.0")])  # fmt: skip
    customers = bronze(engine, "ec_customers", ("customer_id", "name", "email", "city", "country",
                                                "registration_date", "loyalty_tier"),
                       [("CUST_1", "Ann Lee", "Ann@Mail.com", "Leeds", "uk", "2099-01-01", None),
                        ("CUST_2", "Bo", "bo@", None, "fra", "2024-13-01", "GOLD")])  # fmt: skip
    orders = bronze(
        engine,
        "ec_orders",
        ("order_id", "customer_id", "product_id", "quantity", "order_date", "shipping_address"),
        [
            ("EC-1", "CUST_1", "PROD_1", "2", "2024-01-01 10:00:00", "1 Main St"),
            ("EC-2", "CUST_2", "PROD_2", "1", "2024-01-02 10:00:00", None),
            ("EC-3", "CUST_9", "PROD_1", "1", "2024-01-02 10:00:00", "x"),
            ("EC-4", "CUST_1", "PROD_1", "0", "2024-01-02 10:00:00", "x"),
            ("EC-5", "CUST_1", "PROD_1", "1", "2024-02-30 10:00:00", "x"),
            ("EC-6", "CUST_1", "PROD_1", "1", "2095-01-01 10:00:00", "x"),
            ("EC-1", "CUST_1", "PROD_1", "3", "2024-01-01 10:00:00", "1 Main St"),
        ],
    )
    staged = stg_ecommerce_orders(orders, customers, products, AS_OF)
    clean = staged.collect(engine)[0].to_pylist()
    # EC-2's product was rejected (negative price) but exists: the order is not an orphan.
    assert sorted((r["order_id"], r["quantity"]) for r in clean) == [("EC-1", 2), ("EC-2", 1)]
    assert reasons(engine, staged) == {
        3: "orphan_customer",
        4: "non_positive_quantity",
        5: "invalid_date",
        6: "future_date",
        7: "duplicate_key",
    }
    staged_products = stg_ecommerce_products(products)
    lamp = staged_products.collect(engine)[0].to_pylist()
    assert [(p["product_id"], p["name"], p["brand"], p["margin"]) for p in lamp] == [
        ("PROD_1", "Lämp Éclat", "Unknown", 7.5)  # UTF-8 that was read as Latin-1, repaired
    ]
    assert reasons(engine, staged_products) == {2: "negative_amount"}
    people = {
        r["customer_id"]: r
        for r in stg_ecommerce_customers(customers, pseudonymiser("md5"), AS_OF)
        .collect(engine)[0]
        .to_pylist()
    }
    assert (people["CUST_1"]["country"], people["CUST_1"]["registration_date"]) == ("GB", None)
    assert (
        people["CUST_1"]["loyalty_tier"] == "bronze" and people["CUST_2"]["loyalty_tier"] == "gold"
    )
    assert (people["CUST_2"]["has_valid_email"], people["CUST_2"]["email_hash"]) == (False, None)
    inventory = bronze(engine, "ec_inventory", ("product_id", "warehouse_id", "stock_quantity",
                                                "last_updated"),
                       [("PROD_1", "WH-PAR", "0", "2025-10-13 06:00:00"),
                        ("PROD_1", "WH-PAR", "-4", "2025-10-20 06:00:00"),
                        ("PROD_7", "WH-PAR", "3", "2025-10-13 06:00:00")])  # fmt: skip
    staged_inventory = stg_ecommerce_inventory(inventory, products, AS_OF)
    assert [r["stock_quantity"] for r in staged_inventory.collect(engine)[0].to_pylist()] == [0]
    assert reasons(engine, staged_inventory) == {2: "negative_stock", 3: "orphan_product"}


def test_order_times_with_fractional_seconds_are_read_to_the_second(engine: Engine) -> None:
    """APIs and databases export milliseconds; contracts keep seconds."""
    customers = bronze(engine, "ec_customers_ms", ("customer_id", "name", "email", "city",
                                                   "country", "registration_date",
                                                   "loyalty_tier"),
                       [("CUST_1", "Ann", "a@b.fr", "Lyon", "FR", "2023-01-15T17:10:31.123Z",
                         "gold")])  # fmt: skip
    products = bronze(engine, "ec_products_ms", ("product_id", "name", "category", "brand",
                                                 "price", "cost"),
                      [("PROD_1", "Lamp", "Home", "Lumo", "20.0", "12.5")])  # fmt: skip
    orders = bronze(
        engine,
        "ec_orders_ms",
        ("order_id", "customer_id", "product_id", "quantity", "order_date", "shipping_address"),
        [
            ("EC-1", "CUST_1", "PROD_1", "1", "2024-01-03 02:29:12.500", "x"),
            ("EC-2", "CUST_1", "PROD_1", "1", "2024-01-03T02:29:12.123456+02:00", "x"),
        ],
    )
    clean = stg_ecommerce_orders(orders, customers, products, AS_OF).collect(engine)[0]
    assert clean.column("order_at").to_pylist() == [
        dt.datetime(2024, 1, 3, 2, 29, 12), dt.datetime(2024, 1, 3, 0, 29, 12)
    ]  # fmt: skip
    people = stg_ecommerce_customers(customers, pseudonymiser("md5"), AS_OF).collect(engine)[0]
    assert people.column("registration_date").to_pylist() == [dt.date(2023, 1, 15)]


def test_a_customer_without_an_id_does_not_hide_orphan_orders(engine: Engine) -> None:
    """``x NOT IN`` a set holding a NULL is never true: the blank id must not hide CUST_9."""
    products = bronze(engine, "ec_products_n", ("product_id", "name", "category", "brand",
                                                "price", "cost"),
                      [("PROD_1", "Lamp", "Home", "X", "20.0", "12.5")])  # fmt: skip
    customers = bronze(engine, "ec_customers_n", ("customer_id", "name", "email", "city",
                                                  "country", "registration_date", "loyalty_tier"),
                       [("CUST_1", "Ann", "a@b.fr", "Lyon", "FR", "2024-01-01", "gold"),
                        ("  ", "Nobody", "n@b.fr", "Nice", "FR", "2024-01-01", "gold")],
                      )  # fmt: skip
    orders = bronze(
        engine,
        "ec_orders_n",
        ("order_id", "customer_id", "product_id", "quantity", "order_date", "shipping_address"),
        [
            ("EC-1", "CUST_1", "PROD_1", "1", "2024-01-01 10:00:00", "x"),
            ("EC-2", "CUST_9", "PROD_1", "1", "2024-01-01 10:00:00", "x"),
        ],
    )
    staged = stg_ecommerce_orders(orders, customers, products, AS_OF)
    assert reasons(engine, staged) == {2: "orphan_customer"}


CUSTOMER_FIELDS = ("customer_id", "name", "email", "city", "country", "registration_date",
                   "loyalty_tier")  # fmt: skip


def test_customer_values_of_the_wrong_json_type_are_quarantined(engine: Engine) -> None:
    """Bronze keeps a JSON object, array, boolean or number as its JSON text: where a name, a
    city or a country belongs it is none, and silver cannot tell what the source meant."""
    customers = bronze(engine, "ec_customers_types", CUSTOMER_FIELDS, [
        ("CUST_000001", "Ann Lee", "ann@mail.fr", "Paris", "France", "2024-01-01", "gold"),
        ("CUST_000002", "Bo Roy", "bo@mail.fr", '{"name": "Paris"}', "France", "2024-01-01",
         "gold"),  # a JSON object
        ("CUST_000003", "true", "cy@mail.fr", "Lyon", "France", "2024-01-01", "gold"),
        ("CUST_000004", '["Dan", "Eck"]', "dan@mail.fr", "Lyon", "France", "2024-01-01", "gold"),
        ("CUST_000005", "Eve Fox", "eve@mail.fr", "75001", "France", "2024-01-01", "gold"),
        ("CUST_000006", "Flo Gil", "flo@mail.fr", "Nice", "France", "2024-01-01", "gold"),
        ("CUST_000007", "Guy Hu", "guy@mail.fr", "Nice", '{"iso": "FR"}', "2024-01-01",
         "gold"),  # an object where a country belongs
        ("CUST_000008", "Hal Ivy", "hal@mail.fr", "Nice", "France", "2024-01-01", "false"),
    ])  # fmt: skip
    staged = stg_ecommerce_customers(customers, pseudonymiser("md5"), AS_OF)
    clean = staged.collect(engine)[0].column("customer_id").to_pylist()
    assert clean == ["CUST_000001", "CUST_000006"]
    assert reasons(engine, staged) == {
        2: "invalid_value", 3: "invalid_value", 4: "invalid_value", 5: "invalid_value",
        7: "invalid_value", 8: "invalid_value",
    }  # fmt: skip


def test_names_and_cities_written_all_in_one_case_are_title_cased(engine: Engine) -> None:
    """A name or a city all in upper or all in lower case gets a capital at each word; a
    mixed-case one is kept as written; a mis-encoded one is repaired first. Nothing is
    counted: the value was read, only its case changed."""
    customers = bronze(engine, "ec_customers_case", CUSTOMER_FIELDS, [
        ("CUST_000001", "JEAN-PIERRE O'BRIEN", "a@mail.fr", "san antonio", "France",
         "2024-01-01", "gold"),
        ("CUST_000002", "jean DUPONT", "b@mail.fr", "Saint-Étienne", "France", "2024-01-01",
         "gold"),  # mixed as a whole: kept
        ("CUST_000003", "Ã‰LODIE DURAND", "c@mail.fr", "ÃŽLE-DE-FRANCE", "France",
         "2024-01-01", "gold"),
        ("CUST_000004", None, "d@mail.fr", None, "France", "2024-01-01", "gold"),
    ])  # fmt: skip
    staged = stg_ecommerce_customers(customers, pseudonymiser("md5"), AS_OF)
    clean, rejects, repaired = staged.outcome(engine)
    assert rejects.num_rows == 0 and repaired == {}
    assert [(r["name"], r["city"]) for r in clean.to_pylist()] == [
        ("Jean-Pierre O'Brien", "San Antonio"),
        ("jean DUPONT", "Saint-Étienne"),
        ("Élodie Durand", "Île-De-France"),
        ("Unknown", None),
    ]


def test_customer_values_silver_cannot_read_become_null_and_are_counted(engine: Engine) -> None:
    """The customer stays (its orders and scores need it) but no value is lost unseen: each
    one silver could not read is counted by reason and column for the run report."""
    customers = bronze(engine, "ec_customers_counted", CUSTOMER_FIELDS, [
        ("CUST_000001", "Ann Lee", "ann@mail.fr", "Paris", "France", "2024-01-01", "gold"),
        ("CUST_000002", "Bo Roy", "bo@mail.fr", "Lyon", "Atlantis", "2024-01-01", "gold"),
        ("CUST_000003", "Cy Dee", "cy@mail.fr", "Lyon", None, None, None),  # bronze: counted
        ("CUST_000004", "Dan Eck", "dan@mail.fr", "Lyon", "FR", "2024-01-01", "diamond"),
        ("CUST_000005", "Eve Fox", "eve@mail.fr", "Lyon", "FR", "2024-02-30", "gold"),
        ("CUST_000006", "Flo Gil", "flo@mail.fr", "Lyon", "FR", "2099-01-01", "gold"),
        ("CUST_000007", "Guy Hu", "guy@", "Lyon", "FR", "2024-01-01", "gold"),
        ("CUST_000002", "Bo Roy", "bo@mail.fr", "Lyon", "Utopia", "2024-01-01", "gold"),  # copy
    ])  # fmt: skip
    clean, rejects, repaired = stg_ecommerce_customers(
        customers, pseudonymiser("md5"), AS_OF
    ).outcome(engine)
    rows = {r["customer_id"]: r for r in clean.to_pylist()}
    assert sorted(rows) == [f"CUST_00000{n}" for n in range(1, 8)]
    assert rows["CUST_000002"]["country"] is None
    assert (rows["CUST_000003"]["country"], rows["CUST_000003"]["loyalty_tier"]) == (
        None,
        "bronze",
    )
    assert rows["CUST_000004"]["loyalty_tier"] is None
    assert rows["CUST_000005"]["registration_date"] is None
    assert rows["CUST_000006"]["registration_date"] is None
    assert (rows["CUST_000007"]["email_hash"], rows["CUST_000007"]["has_valid_email"]) == (
        None,
        False,
    )
    assert rejects.column("reason").to_pylist() == ["duplicate_key"]  # its value is not counted
    assert repaired == {
        "country: invalid_value": 1,
        "loyalty_tier: invalid_value": 1,
        "loyalty_tier: missing_value": 1,
        "registration_date: invalid_date": 1,
        "registration_date: future_date": 1,
        "email: invalid_value": 1,
    }


def test_ids_in_a_format_of_their_own_are_kept(engine: Engine) -> None:
    """The contract's id patterns describe the generated sources; a source's own ids (a shop's
    numeric customer ids) are ids all the same: they are checked for presence, uniqueness and
    references, not for a format."""
    products = bronze(engine, "ec_products_ids", ("product_id", "name", "category", "brand",
                                                  "price", "cost"),
                      [("P-1", "Vase", "Home", "Lumo", "20.0", "12.5")])  # fmt: skip
    customers = bronze(
        engine,
        "ec_customers_ids",
        CUSTOMER_FIELDS,
        [("12345", "Ann", "a@b.fr", "Lyon", "FR", "2024-01-01", "gold")],
    )
    orders = bronze(
        engine,
        "ec_orders_ids",
        ("order_id", "customer_id", "product_id", "quantity", "order_date", "shipping_address"),
        [("98765", "12345", "P-1", "1", "2024-01-01 10:00:00", "x")],
    )
    staged = [
        stg_ecommerce_products(products),
        stg_ecommerce_customers(customers, pseudonymiser("md5"), AS_OF),
        stg_ecommerce_orders(orders, customers, products, AS_OF),
    ]
    assert [s.collect(engine)[0].num_rows for s in staged] == [1, 1, 1]


PRODUCT_FIELDS = ("product_id", "name", "category", "brand", "price", "cost")


def test_categories_are_spelt_as_the_catalogue_and_other_ones_kept(engine: Engine) -> None:
    """The seed's daily sales go by category: a variant in case or spaces is the catalogue's
    category; one it does not hold is the shop's own, kept as written; a missing one is
    "Unknown". Nothing is replaced, nothing counted."""
    products = bronze(engine, "ec_products_categories", PRODUCT_FIELDS, [
        ("PROD_00001", "Lamp", "Home & Garden", "Lumo", "20.0", "12.5"),
        ("PROD_00002", "Ball", " sports ", "Kik", "9.0", "4.0"),
        ("PROD_00003", "Pan", "HOME  &  GARDEN", "Cuivre", "30.0", "18.0"),
        ("PROD_00004", "Toy", "Toys", "Kik", "5.0", "2.0"),  # not a catalogue category: kept
        ("PROD_00005", "Mug", None, "Lumo", "4.0", "1.0"),  # missing: nothing lost
        ("PROD_00006", "Kite", "Gadgets", "Kik", "-5.0", "2.0"),  # rejected: not counted
        ("PROD_00007", "Cup", "unknown", "Lumo", "3.0", "1.0"),  # as silver writes it: no repair
        ("PROD_00008", "Rake", "Home and Garden", "Lumo", "7.0", "2.0"),
        ("PROD_00009", "Hose", "home&garden", "Lumo", "8.0", "2.0"),
    ])  # fmt: skip
    clean, rejects, repaired = stg_ecommerce_products(products).outcome(engine)
    assert {p["product_id"]: p["category"] for p in clean.to_pylist()} == {
        "PROD_00001": "Home & Garden",
        "PROD_00002": "Sports",
        "PROD_00003": "Home & Garden",
        "PROD_00004": "Toys",
        "PROD_00005": "Unknown",
        "PROD_00007": "Unknown",
        "PROD_00008": "Home & Garden",
        "PROD_00009": "Home & Garden",
    }
    assert rejects.column("reason").to_pylist() == ["negative_amount"]
    assert repaired == {}


def test_and_joins_a_category_as_a_word_the_same_on_every_engine(engine: Engine) -> None:
    """A category's "and" is a word where white space, a hyphen or an end of the text sets it
    off: a letter beyond ASCII next to it is part of the word on Spark (Java's ``\\b``) and not
    on DuckDB (RE2's), so neither reads it as a word."""
    written = ["Home\u00e9and Garden", "Home and\u00f6 Garden", "Home and Garden\u00f6",
               "home AND\tgarden", "and Garden", "Home and", "Home_and_Garden",
               "Homeand Garden", "Home+Garden"]  # fmt: skip
    t = engine.register("ec_category_joins", pa.table({"c": written}))
    joined = engine.to_arrow(t.select(j=t.c.re_replace(CATEGORY_JOIN, " & "))).column("j")
    assert joined.to_pylist() == [
        "Home\u00e9and Garden",
        "Home and\u00f6 Garden",
        "Home & Garden\u00f6",
        "home & garden",
        " & Garden",
        "Home & ",
        "Home_and_Garden",
        "Homeand Garden",
        "Home & Garden",
    ]
    # Hyphens are spaces to ``parse.category``, other marks are not ("Home/ & /Garden" before).
    written += ["Home-and-Garden", "Home - AND -Garden", "Home/and/Garden", "Home & and Garden"]
    products = bronze(engine, "ec_products_joins", PRODUCT_FIELDS, [
        (f"PROD_{i:05}", "Lamp", c, "Lumo", "20.0", "12.5") for i, c in enumerate(written, 1)
    ])  # fmt: skip
    clean = stg_ecommerce_products(products).collect(engine)[0].to_pylist()
    # A category "and" does not join is no catalogue one: kept as written.
    assert [p["category"] for p in sorted(clean, key=lambda p: p["product_id"])] == [
        "Home\u00e9and Garden", "Home and\u00f6 Garden", "Home and Garden\u00f6",
        "Home & Garden", "and Garden", "Home and", "Home_and_Garden", "Homeand Garden",
        "Home & Garden", "Home & Garden", "Home & Garden", "Home/and/Garden",
        "Home & and Garden",
    ]  # fmt: skip


def test_one_snapshot_with_its_warehouse_spelt_otherwise_is_a_duplicate(engine: Engine) -> None:
    """A " wh-par " or "WH_PAR" names WH-PAR: kept apart, one stock would count three times.
    A warehouse the contract does not know is the shop's own, kept; a missing one is a
    missing key."""
    products = bronze(engine, "wh_products", ("product_id",), [("PROD_1",)])
    inventory = bronze(engine, "wh_inventory", ("product_id", "warehouse_id", "stock_quantity",
                                                "last_updated"),
                       [("PROD_1", "WH-PAR", "5", "2025-10-13 06:00:00"),
                        ("PROD_1", " wh-par ", "7", "2025-10-13 06:00:00"),
                        ("PROD_1", "WH_PAR", "9", "2025-10-13 06:00:00"),
                        ("PROD_1", "wh ber", "2", "2025-10-13 06:00:00"),
                        ("PROD_1", "WH-XXX", "1", "2025-10-13 06:00:00"),
                        ("PROD_1", " ", "1", "2025-10-13 06:00:00")])  # fmt: skip
    staged = stg_ecommerce_inventory(inventory, products, AS_OF)
    clean = staged.collect(engine)[0].to_pylist()
    assert [(r["warehouse_id"], r["stock_quantity"]) for r in clean] == [
        ("WH-BER", 2),
        ("WH-PAR", 5),
        ("WH-XXX", 1),
    ]
    assert reasons(engine, staged) == {2: "duplicate_key", 3: "duplicate_key", 6: "missing_key"}


def test_null_words_are_missing_values_and_prices_read_in_euros(engine: Engine) -> None:
    """A NULL customer is a missing one (not an orphan), a "None" brand and a "N/A" city are
    missing (the brand's default, no repair counted), a price may carry the euro's sign; a
    dollar price is ``other_currency``."""
    products = bronze(engine, "ec_products_w", ("product_id", "name", "category", "brand",
                                                "price", "cost"),
                      [("PROD_1", "Lamp", "Home", "None", "€1,234.50", "NULL"),
                       ("PROD_2", "Desk", "Home", "X", "1,234", "1 000 €"),
                       ("PROD_3", "Mat", "Home", "X", "$20", "1")])  # fmt: skip
    customers = bronze(engine, "ec_customers_w", CUSTOMER_FIELDS,
                       [("CUST_1", "Ann", "NULL", "N/A", "NaN", "null", "none")])  # fmt: skip
    orders = bronze(
        engine,
        "ec_orders_w",
        ("order_id", "customer_id", "product_id", "quantity", "order_date", "shipping_address"),
        [
            ("EC-1", "CUST_1", "PROD_1", "1", "2024-01-01 10:00:00", "NULL"),
            ("EC-2", "NULL", "PROD_1", "1", "2024-01-01 10:00:00", "x"),
        ],
    )
    clean, rejects, repaired = stg_ecommerce_products(products).outcome(engine)
    assert [(r["product_id"], r["brand"], r["price"], r["cost"]) for r in clean.to_pylist()] == [
        ("PROD_1", "Unknown", 1234.5, None),
        ("PROD_2", "X", 1234.0, 1000.0),
    ]
    assert rejects.select(["product_id", "reason"]).to_pylist() == [
        {"product_id": "PROD_3", "reason": "other_currency"}
    ]
    clean, _, repaired = stg_ecommerce_customers(customers, pseudonymiser("md5"), AS_OF).outcome(
        engine
    )
    [ann] = clean.to_pylist()
    assert (ann["city"], ann["country"], ann["registration_date"], ann["loyalty_tier"]) == (
        None,
        None,
        None,
        "bronze",
    )
    assert (ann["email_hash"], ann["has_valid_email"]) == (None, False)
    assert repaired == {"loyalty_tier: missing_value": 1}  # "bronze": a value silver chose
    staged = stg_ecommerce_orders(orders, customers, products, AS_OF)
    assert [r["shipping_address"] for r in staged.collect(engine)[0].to_pylist()] == [None]
    assert reasons(engine, staged) == {2: "missing_customer"}


def test_missing_values_are_named_as_missing_not_as_wrong(engine: Engine) -> None:
    """A blank quantity is no quantity of 0 or less, and a blank product no product the
    catalogue lacks: the run report names what the source left out as ``missing_*``."""
    products = bronze(engine, "ec_products_gone", PRODUCT_FIELDS,
                      [("PROD_1", "Lamp", "Home", "X", "20.0", "12.5")])  # fmt: skip
    customers = bronze(
        engine,
        "ec_customers_gone",
        CUSTOMER_FIELDS,
        [("CUST_1", "Ann", "a@b.fr", "Lyon", "FR", "2024-01-01", "gold")],
    )
    orders = bronze(
        engine,
        "ec_orders_gone",
        ("order_id", "customer_id", "product_id", "quantity", "order_date", "shipping_address"),
        [
            ("EC-1", "CUST_1", "PROD_1", "1", "2024-01-01 10:00:00", "x"),
            ("EC-2", "CUST_1", "PROD_1", None, "2024-01-01 10:00:00", "x"),
            ("EC-3", "CUST_1", "PROD_1", " NULL ", "2024-01-01 10:00:00", "x"),
            ("EC-4", "CUST_1", None, "1", "2024-01-01 10:00:00", "x"),
            ("EC-5", "CUST_1", "  ", "1", "2024-01-01 10:00:00", "x"),
            ("EC-6", "CUST_1", "PROD_9", "1", "2024-01-01 10:00:00", "x"),
            ("EC-7", "CUST_1", "PROD_1", "0", "2024-01-01 10:00:00", "x"),
            ("EC-8", "CUST_1", "PROD_1", "two", "2024-01-01 10:00:00", "x"),
        ],
    )
    staged = stg_ecommerce_orders(orders, customers, products, AS_OF)
    assert reasons(engine, staged) == {
        2: "missing_quantity", 3: "missing_quantity", 4: "missing_product",
        5: "missing_product", 6: "orphan_product", 7: "non_positive_quantity",
        8: "invalid_number",
    }  # fmt: skip
    inventory = bronze(engine, "ec_inventory_gone", ("product_id", "warehouse_id",
                                                     "stock_quantity", "last_updated"),
                       [("PROD_1", "WH-PAR", "3", "2025-10-13 06:00:00"),
                        (None, "WH-PAR", "3", "2025-10-13 06:00:00"),
                        ("PROD_9", "WH-PAR", "3", "2025-10-13 06:00:00")])  # fmt: skip
    staged = stg_ecommerce_inventory(inventory, products, AS_OF)
    # The product is part of the snapshot's key, as the warehouse is.
    assert reasons(engine, staged) == {2: "missing_key", 3: "orphan_product"}


def test_a_price_under_the_contracts_least_is_out_of_range(engine: Engine) -> None:
    """The contract's least price is 0.01, as for seed 000's catalogue (``stg_products``): a
    price of 0 is quarantined as ``out_of_range``, a negative one as ``negative_amount``, and
    a cost of 0 is a real one."""
    products = bronze(engine, "ec_products_zero", PRODUCT_FIELDS, [
        ("PROD_1", "Lamp", "Home", "X", "0.01", "0"),
        ("PROD_2", "Mug", "Home", "X", "0", "0"),
        ("PROD_3", "Cup", "Home", "X", "0.004", "0"),
        ("PROD_4", "Pan", "Home", "X", "-1.5", "0"),
        ("PROD_5", "Pot", "Home", "X", "€0,00", None),
    ])  # fmt: skip
    staged = stg_ecommerce_products(products)
    clean = staged.collect(engine)[0].to_pylist()
    assert [(p["product_id"], p["price"], p["margin"]) for p in clean] == [("PROD_1", 0.01, 0.01)]
    assert reasons(engine, staged) == {
        2: "out_of_range", 3: "out_of_range", 4: "negative_amount", 5: "out_of_range"
    }  # fmt: skip


def test_placeholder_dates_are_no_orders_snapshots_or_registrations(engine: Engine) -> None:
    """0001-01-01, 1900-01-01 or 1970-01-01 (the Unix epoch) is what systems write for a date
    they do not know, and the platform's records start no earlier than 1990: such an order or
    stock snapshot is rejected (``implausible_date``); such a registration date becomes NULL
    and is counted, the customer kept. Counts may have their thousands grouped."""
    products = bronze(engine, "ec_products_old", PRODUCT_FIELDS,
                      [("PROD_1", "Lamp", "Home", "X", "20.0", "12.5")])  # fmt: skip
    customers = bronze(engine, "ec_customers_old", CUSTOMER_FIELDS, [
        ("CUST_1", "Ann Lee", "ann@mail.fr", "Paris", "France", "1990-01-01", "gold"),
        ("CUST_2", "Bo Roy", "bo@mail.fr", "Lyon", "France", "1900-01-01", "gold"),
        ("CUST_3", "Cy Dee", "cy@mail.fr", "Lyon", "France", "0001-01-01", "gold"),
    ])  # fmt: skip
    orders = bronze(
        engine,
        "ec_orders_old",
        ("order_id", "customer_id", "product_id", "quantity", "order_date", "shipping_address"),
        [
            ("EC-1", "CUST_1", "PROD_1", "1,200", "1990-01-01 00:00:00", "x"),
            ("EC-2", "CUST_1", "PROD_1", "1", "1970-01-01 00:00:00", "x"),
            ("EC-3", "CUST_1", "PROD_1", "1", "1900-01-01 00:00:00", "x"),
            ("EC-4", "CUST_1", "PROD_1", "1", "0001-01-01 00:00:00", "x"),
            ("EC-5", "CUST_1", "PROD_1", "1", "1989-12-31 23:59:59", "x"),
        ],
    )
    staged = stg_ecommerce_orders(orders, customers, products, AS_OF)
    assert [(r["order_id"], r["quantity"]) for r in staged.collect(engine)[0].to_pylist()] == [
        ("EC-1", 1200)
    ]
    assert reasons(engine, staged) == {n: "implausible_date" for n in (2, 3, 4, 5)}
    inventory = bronze(engine, "ec_inventory_old", ("product_id", "warehouse_id",
                                                    "stock_quantity", "last_updated"),
                       [("PROD_1", "WH-PAR", "1 500", "2025-10-13 06:00:00"),
                        ("PROD_1", "WH-PAR", "3", "1970-01-01 00:00:00")])  # fmt: skip
    staged = stg_ecommerce_inventory(inventory, products, AS_OF)
    assert [r["stock_quantity"] for r in staged.collect(engine)[0].to_pylist()] == [1500]
    assert reasons(engine, staged) == {2: "implausible_date"}
    clean, rejects, repaired = stg_ecommerce_customers(
        customers, pseudonymiser("md5"), AS_OF
    ).outcome(engine)
    assert [r["registration_date"] for r in clean.to_pylist()] == [dt.date(1990, 1, 1), None, None]
    assert rejects.num_rows == 0
    assert repaired == {"registration_date: implausible_date": 2}


def test_a_price_or_cost_with_one_dot_before_three_digits_in_a_csv_is_ambiguous(
    engine: Engine,
) -> None:
    """A CSV's "1.234" may be 1234 or 1.234: ``ambiguous_amount`` naming the price or the cost,
    where "$1.234" is ``other_currency`` and "1.234 €" is 1234. From Parquet "1.234" is 1.234."""
    fields = ("product_id", "name", "category", "brand", "price", "cost")
    rows = [
        ("PROD_1", "Lamp", "Home", "X", "1.234", "1"),
        ("PROD_2", "Desk", "Home", "X", "20", "12.345"),
        ("PROD_3", "Mat", "Home", "X", "$1.234", "1"),
        ("PROD_4", "Rug", "Home", "X", "1.234 €", "1.000 €"),
    ]
    columns: dict[str, list[object]] = {f: [r[i] for r in rows] for i, f in enumerate(fields)}
    columns["_row_number"] = list(range(1, len(rows) + 1))
    files = {}
    for suffix in ("csv", "parquet"):
        columns["_source_file"] = [f"sources/ecommerce/products.{suffix}"] * len(rows)
        files[suffix] = engine.register(f"ec_products_dot_{suffix}", pa.table(columns))
    clean, rejects = stg_ecommerce_products(files["csv"]).collect(engine)
    assert [(r["product_id"], r["price"], r["cost"]) for r in clean.to_pylist()] == [
        ("PROD_4", 1234.0, 1000.0)
    ]
    assert [(r["product_id"], r["reason"], r["column"]) for r in rejects.to_pylist()] == [
        ("PROD_1", "ambiguous_amount", "price"),
        ("PROD_2", "ambiguous_amount", "cost"),
        ("PROD_3", "other_currency", "price"),
    ]
    clean, rejects = stg_ecommerce_products(files["parquet"]).collect(engine)
    assert [(r["product_id"], r["price"], r["cost"]) for r in clean.to_pylist()] == [
        ("PROD_1", 1.234, 1.0), ("PROD_2", 20.0, 12.345), ("PROD_4", 1234.0, 1000.0)
    ]  # fmt: skip
    assert rejects.column("reason").to_pylist() == ["other_currency"]


def test_a_price_or_cost_in_another_currency_is_other_currency(engine: Engine) -> None:
    """A price or a cost written in dollars, pounds or yen is ``other_currency`` naming its
    column, as in a ``*_eur`` column: silver has no rate to convert it. Text that is no amount
    at all ("12 dollars") stays ``invalid_number``."""
    fields = ("product_id", "name", "category", "brand", "price", "cost")
    products = bronze(engine, "ec_products_currency", fields, [
        ("PROD_1", "Lamp", "Home", "X", "$1,200", "1"),
        ("PROD_2", "Desk", "Home", "X", "1200", "950.00 GBP"),
        ("PROD_3", "Mat", "Home", "X", "12 dollars", "1"),
        ("PROD_4", "Rug", "Home", "X", "20", "£950.00"),
        ("PROD_5", "Cup", "Home", "X", "1200 EUR", "¥1500"),
        ("PROD_6", "Pen", "Home", "X", "€12.50", "2"),
    ])  # fmt: skip
    clean, rejects = stg_ecommerce_products(products).collect(engine)
    assert [(r["product_id"], r["price"], r["cost"]) for r in clean.to_pylist()] == [
        ("PROD_6", 12.5, 2.0)
    ]
    assert [(r["product_id"], r["reason"], r["column"]) for r in rejects.to_pylist()] == [
        ("PROD_1", "other_currency", "price"),
        ("PROD_2", "other_currency", "cost"),
        ("PROD_3", "invalid_number", "price"),
        ("PROD_4", "other_currency", "cost"),
        ("PROD_5", "other_currency", "cost"),
    ]

"""MongoDB: the seed-004 bronze files loaded (types restored, collections replaced) and a
configured collection landed in bronze exactly like its file."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

import mongomock
import pytest
from bson import ObjectId

from c360 import contracts
from c360.generate import Plan, generate
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.find import sources
from c360.pipeline.bronze.land import land_all
from c360.sources import mongo
from c360.sources.mongo import MongoCollection, bronze_files, load_bronze

CUSTOMERS = (
    '{"_id": {"$oid": "6955b9007a2f6214fe000001"}, "customer_id": "CUST00001", "age": 36, '
    '"marketing_consent": true}\n'
    '{"_id": {"$oid": "6955b9007a2f6214fe000002"}, "customer_id": "CUST00002", '
    '"age": "thirty-five", "marketing_consent": "Y"}\n'
    "\n"
    '{"_id": {"$oid": "6955b9007a2f6214fe000003"}, "customer_id": "CUST00003"}\n'
)
TRANSACTIONS = (
    '{"_id": {"$oid": "6955b9009a597d600e000001"}, "transaction_id": "TXN00001", '
    '"amount": 210.99, "timestamp": {"$date": "2023-01-02T08:17:47Z"}}\n'
    '{"_id": {"$oid": "6955b9009a597d600e000002"}, "transaction_id": "TXN00002", '
    '"amount": "12,50", "timestamp": "2024-02-30 10:00:00"}\n'
)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> mongomock.MongoClient[dict[str, Any]]:
    """An in-memory MongoDB that every ``connect`` call returns."""
    client: mongomock.MongoClient[dict[str, Any]] = mongomock.MongoClient()
    monkeypatch.setattr(mongo, "connect", lambda uri: client)
    return client


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "customers.jsonl").write_text(CUSTOMERS, encoding="utf-8")
    (tmp_path / "transactions.jsonl").write_text(TRANSACTIONS, encoding="utf-8")
    return {
        "customers": tmp_path / "customers.jsonl",
        "transactions": tmp_path / "transactions.jsonl",
    }


def test_load_restores_bson_types_and_keeps_raw_strings(
    server: Any, files: dict[str, Path]
) -> None:
    assert load_bronze("mongodb://test", files) == {"customers": 3, "transactions": 2}
    db = server["bronze_db"]
    first = db.customers.find_one({"customer_id": "CUST00001"})
    assert first["_id"] == ObjectId("6955b9007a2f6214fe000001")
    assert first["age"] == 36 and first["marketing_consent"] is True
    second = db.customers.find_one({"customer_id": "CUST00002"})
    assert second["age"] == "thirty-five" and second["marketing_consent"] == "Y"
    assert "age" not in db.customers.find_one({"customer_id": "CUST00003"})
    good, bad = db.transactions.find().sort("transaction_id")
    assert good["timestamp"] == datetime(2023, 1, 2, 8, 17, 47)
    assert bad["timestamp"] == "2024-02-30 10:00:00" and bad["amount"] == "12,50"


def test_load_replaces_collections_and_inserts_in_batches(
    server: Any, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    server["bronze_db"]["customers"].insert_one({"stale": True})
    monkeypatch.setattr(mongo, "BATCH_SIZE", 2)
    load_bronze("mongodb://test", files)
    counts = load_bronze("mongodb://test", files, database="other_db")
    assert counts == {"customers": 3, "transactions": 2}
    assert server["bronze_db"]["customers"].count_documents({}) == 3
    assert server["bronze_db"]["customers"].count_documents({"stale": True}) == 0
    assert server["other_db"]["transactions"].count_documents({}) == 2


def test_generated_workspace_loads_whole(server: Any, tmp_path: Path) -> None:
    result = generate(tmp_path / "ws", Plan(scale=0.01, seed=3))
    paths = bronze_files(tmp_path / "ws")
    assert set(paths) == {"customers", "transactions", "campaigns"}
    counts = load_bronze("mongodb://test", paths)
    assert counts == {
        "customers": result.rows["mongo_customers"],
        "transactions": result.rows["mongo_transactions"],
        "campaigns": result.rows["mongo_campaigns"],
    }
    assert server["bronze_db"]["campaigns"].count_documents({"status": "scheduled"}) >= 1


MARKETING = ("customers", "transactions", "campaigns")
LINEAGE = ("_source_file", "_batch_id", "_ingested_at")


def configure(
    workspace: Path, database: str = "bronze_db", uri_env: str = "TEST_MONGO_URI"
) -> None:
    """Read the three marketing tables from their collections instead of their files."""
    (workspace / "c360.yaml").write_text(
        "sources:\n"
        + "".join(
            f"  mongo_{name}: {{mongodb: {{uri_env: {uri_env}, database: {database}, "
            f"collection: {name}}}}}\n"
            for name in MARKETING
        )
    )


def landed_rows(workspace: Path, table: str) -> list[dict[str, object]]:
    rows = lake.read_table(workspace, "bronze", table).to_pylist()
    return [{k: v for k, v in row.items() if k not in LINEAGE} for row in rows]


def test_a_configured_collection_lands_exactly_like_its_file(
    server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = tmp_path / "ws"
    generate(ws, Plan(scale=0.01, seed=3))
    from_files = {r.table: r for r in land_all(ws)}
    expected = {f"mongo_{n}": landed_rows(ws, f"mongo_{n}") for n in MARKETING}
    load_bronze("mongodb://user:s3cret@db.example", bronze_files(ws))
    monkeypatch.setenv("TEST_MONGO_URI", "mongodb://user:s3cret@db.example")
    configure(ws)
    found = {table.name: where for table, where in sources(ws)}
    assert found["mongo_customers"] == MongoCollection(
        "mongodb:bronze_db.customers", "mongodb://user:s3cret@db.example", "bronze_db", "customers"
    )
    assert "s3cret" not in repr(found["mongo_customers"])
    from_db = {r.table: r for r in land_all(ws)}
    for table, rows in expected.items():
        # Same rows, same numbers: the generator's ObjectIds follow the file's line order.
        assert landed_rows(ws, table) == rows, table
        landed = from_db[table]
        assert landed.source == f"mongodb:bronze_db.{table.removeprefix('mongo_')}"
        assert (landed.records, landed.landed, landed.quarantined) == (
            from_files[table].records,
            from_files[table].landed,
            0,
        )
        assert (landed.added_columns, landed.missing_columns) == ([], [])
    lineage = lake.read_table(ws, "bronze", "mongo_transactions").column("_source_file")
    assert set(lineage.to_pylist()) == {"mongodb:bronze_db.transactions"}


def test_documents_are_numbered_in_id_order_and_drift_is_checked(
    server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    collection = server["crm"]["customers"]
    collection.insert_many([
        {"_id": ObjectId("6955b9007a2f6214fe000002"), "customer_id": "B", "age": 35},
        {"_id": ObjectId("6955b9007a2f6214fe000001"), "customer_id": "A", "shoe": 44,
         "last_seen": datetime(2024, 1, 2, 3, 4, 5)},
    ])  # fmt: skip
    monkeypatch.setenv("TEST_MONGO_URI", "mongodb://test")
    (tmp_path / "c360.yaml").write_text(
        "sources:\n  mongo_customers:\n"
        "    mongodb: {uri_env: TEST_MONGO_URI, database: crm, collection: customers}\n"
    )
    (landed,) = land_all(tmp_path, drift="evolve")
    rows = lake.read_table(tmp_path, "bronze", "mongo_customers").to_pylist()
    assert [(r["_row_number"], r["_id"], r["customer_id"], r["age"]) for r in rows] == [
        (1, "6955b9007a2f6214fe000001", "A", None),
        (2, "6955b9007a2f6214fe000002", "B", "35"),
    ]
    assert rows[0]["_extra"] == '{"last_seen": "2024-01-02T03:04:05Z", "shoe": "44"}'
    assert landed.added_columns == ["last_seen", "shoe"]
    assert "email" in landed.missing_columns


def test_a_missing_uri_variable_is_one_line_naming_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TEST_MONGO_URI", raising=False)
    configure(tmp_path)
    with pytest.raises(SourceError) as caught:
        sources(tmp_path)
    assert str(caught.value) == (
        "mongo_customers: environment variable TEST_MONGO_URI is not set "
        "(the URI of its MongoDB source)"
    )


def test_a_missing_collection_is_one_line_naming_it(server: Any) -> None:
    source = MongoCollection("mongodb:bronze_db.nope", "mongodb://test", "bronze_db", "nope")
    with pytest.raises(SourceError, match=r"^mongodb:bronze_db\.nope: no collection 'nope'$"):
        source.count()


def test_an_unreachable_server_is_one_line_without_the_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pymongo.errors import ServerSelectionTimeoutError

    class Unreachable:
        def __getitem__(self, name: str) -> Unreachable:
            return self

        def list_collection_names(self) -> list[str]:
            raise ServerSelectionTimeoutError(
                "db.example:27017: [Errno 111] Connection refused, Timeout: 10.0s, "
                "Topology Description: <TopologyDescription …>"
            )

        def close(self) -> None:
            pass

    monkeypatch.setattr(mongo, "connect", lambda uri: Unreachable())
    source = MongoCollection(
        "mongodb:bronze_db.customers", "mongodb://u:s3cret@db.example", "bronze_db", "customers"
    )
    with pytest.raises(SourceError) as caught:
        list(source.read(contracts.get("mongo_customers")))
    assert str(caught.value) == (
        "mongodb:bronze_db.customers: db.example:27017: [Errno 111] Connection refused"
    )


@pytest.mark.skipif(
    not os.environ.get("C360_MONGODB_URI"),
    reason="needs a real MongoDB server: set C360_MONGODB_URI",
)
def test_real_server_round_trip(tmp_path: Path) -> None:
    from pymongo import MongoClient

    generate(tmp_path / "ws", Plan(scale=0.01, seed=3))
    uri = os.environ["C360_MONGODB_URI"]
    counts = load_bronze(uri, bronze_files(tmp_path / "ws"), database="c360_test_bronze_db")
    client: MongoClient[dict[str, Any]] = MongoClient(uri)
    try:
        db = client["c360_test_bronze_db"]
        assert {n: db[n].count_documents({}) for n in counts} == counts
        first = db.transactions.find_one()
        assert first is not None and isinstance(first["_id"], ObjectId)
    finally:
        client.drop_database("c360_test_bronze_db")
        client.close()


@pytest.mark.skipif(
    not os.environ.get("C360_MONGODB_URI"),
    reason="needs a real MongoDB server: set C360_MONGODB_URI",
)
def test_real_server_collections_land_like_their_files(tmp_path: Path) -> None:
    from pymongo import MongoClient

    ws = tmp_path / "ws"
    generate(ws, Plan(scale=0.01, seed=3))
    land_all(ws)
    expected = {f"mongo_{n}": landed_rows(ws, f"mongo_{n}") for n in MARKETING}
    uri = os.environ["C360_MONGODB_URI"]
    load_bronze(uri, bronze_files(ws), database="c360_test_land_db")
    configure(ws, database="c360_test_land_db", uri_env="C360_MONGODB_URI")
    try:
        land_all(ws)
        assert {t: landed_rows(ws, t) for t in expected} == expected
    finally:
        client: MongoClient[dict[str, Any]] = MongoClient(uri)
        client.drop_database("c360_test_land_db")
        client.close()


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("http://db.example", "Invalid URI scheme: URI must begin with 'mongodb://'"),
        ("mongodb://u:s3cret@db.example:port", "Port contains non-digit characters"),
    ],
)
def test_a_uri_pymongo_cannot_parse_is_one_line_without_the_password(
    uri: str, message: str
) -> None:
    source = MongoCollection("mongodb:bronze_db.customers", uri, "bronze_db", "customers")
    with pytest.raises(SourceError) as caught:
        source.count()
    assert str(caught.value).startswith(f"mongodb:bronze_db.customers: {message}")
    assert "s3cret" not in str(caught.value) and "\n" not in str(caught.value)


def test_a_refused_connection_is_one_line_without_the_driver_timeouts() -> None:
    source = MongoCollection(
        "mongodb:bronze_db.customers",
        "mongodb://u:s3cret@127.0.0.1:1/?serverSelectionTimeoutMS=200",
        "bronze_db",
        "customers",
    )
    with pytest.raises(SourceError) as caught:
        source.count()
    assert str(caught.value) == (
        "mongodb:bronze_db.customers: cannot reach 127.0.0.1:1: Connection refused"
    )


# Closed ports on this machine, given up on after 200 ms rather than the 10 s c360 waits.
CLOSED = "mongodb://u:s3cret@127.0.0.1:1,127.0.0.1:2/?serverSelectionTimeoutMS=200"


def test_the_uris_server_selection_timeout_is_kept_and_ten_seconds_otherwise() -> None:
    given, default = mongo.connect(CLOSED), mongo.connect("mongodb://127.0.0.1:1")
    try:
        assert given.options.server_selection_timeout == 0.2
        assert default.options.server_selection_timeout == 10.0
    finally:
        given.close()
        default.close()


def test_every_unreachable_host_is_named_with_why_on_one_line() -> None:
    source = MongoCollection("mongodb:bronze_db.customers", CLOSED, "bronze_db", "customers")
    with pytest.raises(SourceError) as caught:
        list(source.read(contracts.get("mongo_customers")))
    assert str(caught.value) == (
        "mongodb:bronze_db.customers: cannot reach 127.0.0.1:1, 127.0.0.1:2: Connection refused"
    )


def test_loading_into_an_unreachable_server_is_one_line_naming_the_database(
    files: dict[str, Path],
) -> None:
    from pymongo.errors import PyMongoError

    with pytest.raises(PyMongoError) as caught:
        load_bronze(CLOSED, files, database="c360_db")
    assert str(caught.value) == "c360_db: cannot reach 127.0.0.1:1, 127.0.0.1:2: Connection refused"


def test_generating_with_an_unreachable_server_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from c360.generate import MongoLoadError

    monkeypatch.setenv("C360_MONGODB_URI", CLOSED)
    with pytest.raises(MongoLoadError) as caught:
        generate(tmp_path / "ws", Plan(scale=0.01, seed=4))
    assert str(caught.value) == (
        "could not load the marketing bronze into MongoDB: bronze_db: cannot reach "
        "127.0.0.1:1, 127.0.0.1:2: Connection refused"
    )


def test_a_collections_fields_land_as_the_columns_json_maps_them_to(
    server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server["crm"]["customers"].insert_many([
        {"_id": ObjectId("6955b9007a2f6214fe000001"), "cid": "A", "Age ": 35},
    ])  # fmt: skip
    monkeypatch.setenv("TEST_MONGO_URI", "mongodb://test")
    entry = (
        "sources:\n  mongo_customers:\n"
        "    mongodb: {uri_env: TEST_MONGO_URI, database: crm, collection: customers}\n"
        "json:\n  mongo_customers:\n    columns: "
    )
    (tmp_path / "c360.yaml").write_text(entry + "{cid: customer_id}\n")
    (landed,) = land_all(tmp_path, drift="evolve")
    [row] = lake.read_table(tmp_path, "bronze", "mongo_customers").to_pylist()
    assert (row["customer_id"], row["age"], row["_extra"]) == ("A", "35", None)
    assert landed.added_columns == []
    (tmp_path / "c360.yaml").write_text(entry + "{cdi: customer_id}\n")
    with pytest.raises(SourceError) as caught:
        land_all(tmp_path, drift="evolve")
    assert str(caught.value) == (
        "mongodb:crm.customers: the documents have no field 'cdi', which c360.yaml maps to "
        "customer_id under json: mongo_customers: columns: (the closest field in the file: 'cid')"
    )

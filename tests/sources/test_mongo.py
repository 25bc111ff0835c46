"""Loading the seed-004 bronze files into MongoDB: types restored, collections replaced."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

import mongomock
import pytest
from bson import ObjectId

from c360.generate import Plan, generate
from c360.sources import mongo
from c360.sources.mongo import bronze_files, load_bronze

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

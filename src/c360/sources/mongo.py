"""Load the seed-004 bronze collections (MongoDB extended JSON lines) into a MongoDB database.

pymongo is imported when a load runs, so ``import c360.sources`` works without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from c360.contracts import marketing_bronze

if TYPE_CHECKING:
    from pymongo import MongoClient

BATCH_SIZE = 5_000
COLLECTIONS = {Path(t.path).stem: t for t in marketing_bronze.TABLES}


def connect(uri: str) -> MongoClient[dict[str, Any]]:
    """A client for ``uri`` (tests replace this factory with an in-memory one)."""
    from pymongo import MongoClient

    return MongoClient(uri, serverSelectionTimeoutMS=10_000)


def bronze_files(workspace: Path) -> dict[str, Path]:
    """The seed-004 files of a workspace by collection: customers, transactions, campaigns."""
    return {name: Path(workspace) / table.path for name, table in COLLECTIONS.items()}


def load_bronze(uri: str, files: dict[str, Path], database: str = "bronze_db") -> dict[str, int]:
    """Drop and refill one collection per file; returns the documents inserted per collection.

    Extended JSON (``{"$oid": ...}``, ``{"$date": ...}``) becomes ObjectIds and dates again;
    values that are plain strings in the file stay strings, defects included.
    """
    client = connect(uri)
    try:
        db = client[database]
        counts: dict[str, int] = {}
        for name, path in files.items():
            db.drop_collection(name)
            collection = db[name]
            counts[name] = 0
            for batch in _batches(path, BATCH_SIZE):
                collection.insert_many(batch, ordered=False)
                counts[name] += len(batch)
        return counts
    finally:
        client.close()


def read_documents(path: Path) -> Iterator[dict[str, Any]]:
    """The documents of an extended-JSON-lines file, one per non-empty line."""
    from bson import json_util

    with Path(path).open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json_util.loads(line)


def _batches(path: Path, size: int) -> Iterator[list[dict[str, Any]]]:
    documents = read_documents(path)
    while batch := list(islice(documents, size)):
        yield batch

"""MongoDB: load the seed-004 bronze collections into a database, and read a collection back
as a bronze source.

A collection is read in ``_id`` order (its documents are numbered 1, 2, … that way) and each
document is flattened exactly as the JSON-lines reader flattens the same document in a file.
pymongo is imported when a load or a read runs, so ``import c360.sources`` works without it.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from c360.config import MongoSource
from c360.contracts import marketing_bronze
from c360.contracts.model import Table
from c360.pipeline.bronze.blocks import BLOCK_ROWS, Block, SourceError
from c360.pipeline.bronze.documents import documents
from c360.pipeline.bronze.jsonfields import checked

if TYPE_CHECKING:
    from pymongo import MongoClient
    from pymongo.collection import Collection

BATCH_SIZE = 5_000
_TIMEOUT_GIVEN = re.compile(r"(?:^|[&;])serverSelectionTimeoutMS=", re.IGNORECASE)
_ERRNO = re.compile(r"^\[Errno -?\d+\] ")
COLLECTIONS = {Path(t.path).stem: t for t in marketing_bronze.TABLES}


def connect(uri: str) -> MongoClient[dict[str, Any]]:
    """A client for ``uri`` that gives up on unreachable servers after 10 s, or after the
    URI's own ``serverSelectionTimeoutMS`` (tests replace this factory with an in-memory one)."""
    from pymongo import MongoClient

    if _TIMEOUT_GIVEN.search(uri.partition("?")[2]):
        return MongoClient(uri)
    return MongoClient(uri, serverSelectionTimeoutMS=10_000)


def bronze_files(workspace: Path) -> dict[str, Path]:
    """The seed-004 files of a workspace by collection: customers, transactions, campaigns."""
    return {name: Path(workspace) / table.path for name, table in COLLECTIONS.items()}


def load_bronze(uri: str, files: dict[str, Path], database: str = "bronze_db") -> dict[str, int]:
    """Drop and refill one collection per file; returns the documents inserted per collection.

    Extended JSON (``{"$oid": ...}``, ``{"$date": ...}``) becomes ObjectIds and dates again;
    values that are plain strings in the file stay strings, defects included.
    """
    from pymongo.errors import PyMongoError

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
    except PyMongoError as exc:  # one line, as a failed read says it
        raise PyMongoError(f"{database}: {_driver_error(exc, client, uri)}") from exc
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


@dataclass(frozen=True)
class MongoCollection:
    """One configured MongoDB source; ``read`` and ``count`` each open their own client."""

    label: str  # "mongodb:bronze_db.customers"
    uri: str = field(repr=False)
    database: str
    collection: str

    @classmethod
    def configured(cls, name: str, settings: MongoSource) -> MongoCollection:
        """The source of table ``name`` as ``c360.yaml`` describes it; its URI must be set."""
        uri = os.environ.get(settings.uri_env)
        if not uri:
            raise SourceError(
                f"{name}: environment variable {settings.uri_env} is not set "
                "(the URI of its MongoDB source)"
            )
        label = f"mongodb:{settings.database}.{settings.collection}"
        return cls(label, uri, settings.database, settings.collection)

    def count(self) -> int:
        """Documents in the collection."""
        with self._collection() as collection:
            return int(collection.count_documents({}))

    def read(self, contract: Table, columns: dict[str, str] | None = None) -> Iterator[Block]:
        """The documents in ``_id`` order as text blocks, flattened like a JSON-lines file,
        the fields ``columns`` maps (``c360.yaml``'s ``json:`` entry) as their columns and
        checked as a file's are."""
        return checked(self._documents(contract, columns), self.label, contract, columns)

    def _documents(self, contract: Table, columns: dict[str, str] | None) -> Iterator[Block]:
        from bson import json_util
        from bson.json_util import RELAXED_JSON_OPTIONS as RELAXED

        with self._collection() as collection:
            numbered = enumerate(collection.find({}, sort=[("_id", 1)]), start=1)
            while True:
                part = list(islice(numbered, BLOCK_ROWS))
                # Relaxed extended JSON is what the files hold: {"$oid": …}, {"$date": "…Z"}
                docs = [
                    (n, json.loads(json_util.dumps(d, json_options=RELAXED)), None) for n, d in part
                ]
                yield documents(self.label, contract, docs, columns)
                if len(part) < BLOCK_ROWS:
                    break

    @contextmanager
    def _collection(self) -> Iterator[Collection[dict[str, Any]]]:
        """The collection, which must exist; any driver error becomes one ``SourceError`` line."""
        from pymongo.errors import PyMongoError

        try:
            client = connect(self.uri)
        except (PyMongoError, ValueError) as exc:  # a URI pymongo cannot parse
            raise SourceError(f"{self.label}: {_first_line(exc, self.uri)}") from None
        try:
            db = client[self.database]
            if self.collection not in db.list_collection_names():
                raise SourceError(f"{self.label}: no collection {self.collection!r}")
            yield db[self.collection]
        except PyMongoError as exc:
            raise SourceError(f"{self.label}: {_driver_error(exc, client, self.uri)}") from None
        finally:
            client.close()


def _driver_error(exc: Exception, client: Any, uri: str) -> str:
    """A driver error on one line: for servers that cannot be reached, each with why
    (``cannot reach db1:27017, db2:27017: Connection refused``), else its first line."""
    from pymongo.errors import ConnectionFailure

    message = _first_line(exc, uri)
    servers = _servers(client) if isinstance(exc, ConnectionFailure) else {}
    if not servers:
        return message
    why: dict[str, list[str]] = {}
    for (host, port), error in servers.items():
        reason = _first_line(error, uri) if error else message  # else: why none would do
        reason = _ERRNO.sub("", reason.removeprefix(f"{host}:{port}: "))  # as the driver says
        why.setdefault(reason, []).append(f"[{host}]:{port}" if ":" in host else f"{host}:{port}")
    return "cannot reach " + "; ".join(f"{', '.join(at)}: {r}" for r, at in why.items())


def _servers(client: Any) -> dict[tuple[str, int], Exception | None]:
    """The servers a client tried, with the error each gave, if any; none for a client
    without a topology (the in-memory one)."""
    try:
        described = client.topology_description.server_descriptions()
    except AttributeError:
        return {}
    return {address: d.error for address, d in sorted(described.items())}


def _first_line(exc: Exception, uri: str) -> str:
    """The telling part of a driver error: no timeouts, topology or password."""
    message = str(exc).splitlines()[0].split(", Timeout:")[0].split(" (configured timeouts:")[0]
    userinfo = uri.partition("://")[2].rpartition("@")[0]  # several hosts: no urlsplit
    password = userinfo.partition(":")[2]
    return message.replace(password, "***") if password else message

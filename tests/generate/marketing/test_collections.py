"""Seed 004 bronze collections: raw documents with typed values, ObjectIds and an exact manifest."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pytest
from bson import ObjectId, json_util

from c360.contracts import marketing_bronze as contract
from c360.contracts.model import Table
from c360.generate import Plan, generate
from c360.generate.marketing.collections import CONSENT_VARIANTS, _variant, age_words
from c360.generate.marketing.documents import DocumentDirt, object_ids, restore
from c360.generate.plan import AS_OF
from tests.generate.test_seasons import misdated
from tests.sourcefiles import listed_defects

PLAN = Plan(scale=0.02, seed=7)
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}")
E164 = re.compile(r"\+\d{8,15}")
COUNTRIES = {"France", "USA", "Germany", "Spain", "UK"}
TABLES = {t.name: t for t in contract.TABLES}
Doc = dict[str, Any]


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bronze") / "ws"
    generate(path, PLAN)
    return path


def read(ws: Path, name: str) -> list[Doc]:
    """The documents exactly as written: plain JSON, extended-JSON wrappers kept."""
    lines = (ws / TABLES[name].path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def when(value: Any) -> float | None:
    """Seconds of a {"$date": ...} value; None for anything else (a string date is a defect)."""
    if not isinstance(value, dict):
        return None
    return datetime.fromisoformat(value["$date"].replace("Z", "+00:00")).timestamp()


def mojibake(value: str) -> bool:
    try:
        return value.encode("latin-1").decode("utf-8") != value
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False


def number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def problems(name: str, doc: Doc, customers: set[str]) -> set[tuple[str, str]]:
    """(column, defect kind) of every value-level defect an independent reader sees."""
    found = {(c, "null") for c in TABLES[name].column_names if c not in doc}
    get = doc.get
    if name == "mongo_customers":
        age = get("age")
        if age is not None and not number(age):
            found.add(("age", "malformed_record"))
        elif age is not None and not 18 <= age <= 99:
            found.add(("age", "out_of_range"))
        if "marketing_consent" in doc and not isinstance(doc["marketing_consent"], bool):
            found.add(("marketing_consent", "malformed_record"))
        if "gender" in doc and doc["gender"] not in contract.GENDERS:
            found.add(("gender", "out_of_range"))
        if "email" in doc and not EMAIL.fullmatch(doc["email"]):
            found.add(("email", "malformed_email"))
        if "phone" in doc and not E164.fullmatch(doc["phone"]):
            found.add(("phone", "malformed_phone"))
        if "country" in doc and doc["country"] not in COUNTRIES:
            found.add(("country", "country_spelling"))
        for col in ("first_name", "last_name", "city"):
            if col in doc and mojibake(doc[col]):
                found.add((col, "wrong_encoding"))
    elif name == "mongo_transactions":
        amount = get("amount")
        if amount is not None and not number(amount):
            found.add(("amount", "malformed_record"))
        elif amount is not None and amount < 0:
            found.add(("amount", "negative_amount"))
        if "quantity" in doc and doc["quantity"] <= 0:
            found.add(("quantity", "non_positive_quantity"))
        if "customer_id" in doc and doc["customer_id"] not in customers:
            found.add(("customer_id", "orphan_key"))
        found |= _date_problems(doc, "timestamp", future_ok=False)
    else:
        if get("clicks", 0) > get("impressions", 0):
            found.add(("clicks", "out_of_range"))
        if get("conversions", 0) > get("clicks", 0):
            found.add(("conversions", "out_of_range"))
        if get("spend", 0) < 0:
            found.add(("spend", "negative_amount"))
        found |= _date_problems(doc, "start_date", future_ok=get("status") == "scheduled")
    return found


def _date_problems(doc: Doc, column: str, future_ok: bool) -> set[tuple[str, str]]:
    if column not in doc:
        return set()
    at = when(doc[column])
    if at is None:
        return {(column, "invalid_date")}
    return set() if at <= AS_OF or future_ok else {(column, "future_date")}


def customer_ids(ws: Path) -> set[str]:
    return {d["customer_id"] for d in read(ws, "mongo_customers")}


def without_id(doc: Doc) -> Doc:
    return {k: v for k, v in doc.items() if k != "_id"}


@pytest.mark.parametrize("table", contract.TABLES, ids=lambda t: t.name)
def test_documents_have_the_seed_fields_and_an_object_id(ws: Path, table: Table) -> None:
    docs = read(ws, table.name)
    complete = [d for d in docs if len(d) == len(table.column_names)]
    assert list(complete[0]) == table.column_names
    assert set().union(*(d.keys() for d in docs)) == set(table.column_names)
    oids = [d["_id"]["$oid"] for d in docs]
    assert len(set(oids)) == len(docs)
    assert all(re.fullmatch(r"[0-9a-f]{24}", o) for o in oids)
    key = table.primary_key[0]
    assert all(re.fullmatch(table.column(key).pattern or "", d[key]) for d in docs)


@pytest.mark.parametrize("table", contract.TABLES, ids=lambda t: t.name)
def test_volumes_follow_the_scale(ws: Path, table: Table) -> None:
    docs = len(read(ws, table.name))
    copies = sum(d["defect_type"].endswith("duplicate") for d in listed_defects(ws, table.name))
    target = PLAN.rows(table)
    assert abs(docs - copies - target) <= 0.05 * target
    assert copies <= 0.05 * docs + 2


@pytest.mark.parametrize("table", contract.TABLES, ids=lambda t: t.name)
def test_listed_defects_are_present(ws: Path, table: Table) -> None:
    docs = read(ws, table.name)
    customers = customer_ids(ws)
    defects = listed_defects(ws, table.name)
    assert defects
    key = table.primary_key[0]
    for d in defects:
        doc = docs[d["row_number"] - 1]
        assert doc[key] == d["row_key"], d
        others = [without_id(o) for i, o in enumerate(docs) if i != d["row_number"] - 1]
        if d["defect_type"] == "exact_duplicate":
            assert without_id(doc) in others, d
        elif d["defect_type"] == "near_duplicate":
            body = without_id(doc)
            differs = [
                {c for c in body if o.get(c) != body[c]} for o in others if o[key] == doc[key]
            ]
            assert {d["column"]} in differs, d
        else:
            assert (d["column"], d["defect_type"]) in problems(table.name, doc, customers), d


@pytest.mark.parametrize("table", contract.TABLES, ids=lambda t: t.name)
def test_unlisted_documents_are_clean(ws: Path, table: Table) -> None:
    docs = read(ws, table.name)
    customers = customer_ids(ws)
    dirty = {d["row_number"] for d in listed_defects(ws, table.name)}
    clean = [d for i, d in enumerate(docs, start=1) if i not in dirty]
    assert len(clean) > 0.6 * len(docs)
    for doc in clean:
        assert not problems(table.name, doc, customers), doc
    keys = Counter(d[table.primary_key[0]] for d in clean)
    assert max(keys.values()) == 1


def test_defect_kinds_of_the_brief_all_occur(ws: Path) -> None:
    kinds = {
        (d["table"], d["column"], d["defect_type"]) for t in TABLES for d in listed_defects(ws, t)
    }
    assert {k for _t, _c, k in kinds} >= {
        "null", "malformed_record", "out_of_range", "malformed_email", "country_spelling",
        "negative_amount", "non_positive_quantity", "invalid_date", "orphan_key",
        "exact_duplicate", "near_duplicate",
    }  # fmt: skip
    assert ("mongo_transactions", "amount", "malformed_record") in kinds
    assert ("mongo_customers", "age", "malformed_record") in kinds


def test_campaigns_hold_legitimate_zero_divisors(ws: Path) -> None:
    dirty = {d["row_number"] for d in listed_defects(ws, "mongo_campaigns")}
    clean = [d for i, d in enumerate(read(ws, "mongo_campaigns"), 1) if i not in dirty]
    assert any(d["impressions"] == 0 for d in clean)
    assert any(d["clicks"] == 0 and d["impressions"] > 0 for d in clean)
    assert any(d["conversions"] == 0 and d["clicks"] > 0 for d in clean)
    assert any(d.get("budget") == 0 for d in clean)
    for d in clean:
        if d["status"] == "scheduled":
            assert d["impressions"] == d["clicks"] == d["spend"] == 0
            assert (when(d["start_date"]) or 0) > AS_OF
    assert {d["status"] for d in clean} >= {"scheduled", "completed"}


def test_transactions_are_plausible(ws: Path) -> None:
    dirty = {d["row_number"] for d in listed_defects(ws, "mongo_transactions")}
    clean = [d for i, d in enumerate(read(ws, "mongo_transactions"), 1) if i not in dirty]
    for d in clean:
        assert d["amount"] - d["discount_applied"] + d["shipping_cost"] > 0
        assert 1 <= d["quantity"] <= 5
        assert datetime.fromtimestamp(when(d["timestamp"]) or 0, UTC).year in (2023, 2024, 2025)
    assert len({d["customer_id"] for d in clean}) < len(customer_ids(ws))


def test_transactions_come_at_the_web_shop_hours(ws: Path) -> None:
    moments = [when(d.get("timestamp")) for d in read(ws, "mongo_transactions")]
    hour = np.array([datetime.fromtimestamp(t, UTC).hour for t in moments if t is not None])
    assert len(hour) > 200
    assert (hour < 6).mean() < 0.1  # uniform times: 0.25
    assert ((hour >= 18) & (hour < 22)).mean() > 0.25  # uniform: 0.17


def test_files_load_as_extended_json(ws: Path) -> None:
    for table in contract.TABLES:
        lines = (ws / table.path).read_text(encoding="utf-8").splitlines()
        docs = [json_util.loads(line) for line in lines]
        assert all(isinstance(d["_id"], ObjectId) for d in docs)
    first = json_util.loads(lines[0])
    assert isinstance(first["start_date"], datetime)


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    def digests(path: Path) -> dict[str, str]:
        generate(path, Plan(scale=0.01, seed=3))
        files = json.loads((path / "sources" / "manifest.json").read_text())["files"]
        return {f["table"]: f["sha256"] for f in files}

    first, second = digests(tmp_path / "a"), digests(tmp_path / "b")
    mine = [*TABLES, "truth_defects"]
    assert {t: first[t] for t in mine} == {t: second[t] for t in mine}


@pytest.mark.parametrize(
    ("kind", "texts", "expected"),
    [
        ("int", ["35", "-3", "35 ans", None], [35, -3, "35 ans", None]),
        ("float", ["12.5", "12,50", "-0.99"], [12.5, "12,50", -0.99]),
        ("bool", ["true", "false", "Y"], [True, False, "Y"]),
        (
            "date",
            ["2024-02-29T10:00:00Z", "2024-02-30T10:00:00Z", "2024-02-30 10:00:00", "unknown"],
            [datetime(2024, 2, 29, 10), "2024-02-30T10:00:00Z", "2024-02-30 10:00:00", "unknown"],
        ),
    ],
)
def test_restore_gives_canonical_text_its_json_type(
    kind: str, texts: list[str | None], expected: list[Any]
) -> None:
    restored = restore(pa.array(texts, pa.string()), kind).to_pylist()
    assert restored == expected
    assert [type(v) for v in restored] == [type(v) for v in expected]


def test_object_ids_are_unique_and_valid() -> None:
    oids = object_ids(7, "mongo_customers", np.arange(1, 2**24 + 3, 2**22)).to_pylist()
    texts = [o["$oid"] for o in oids]
    assert len(set(texts)) == len(texts) and all(ObjectId.is_valid(t) for t in texts)
    other = object_ids(7, "mongo_campaigns", np.array([1])).to_pylist()[0]["$oid"]
    assert other not in texts


def test_document_dirt_restores_types_and_numbers_ids() -> None:
    data = pa.table({"_id": pa.nulls(2, pa.string()), "k": ["a", "b"], "age": ["35", "x"]})
    dirt = DocumentDirt("t", data, "k", np.random.default_rng(0), 0.0, 1, {"age": "int"})
    out, manifest = dirt.finish(offset=10)
    rows = out.to_pylist()
    assert [r["age"] for r in rows] == [35, "x"] and manifest.num_rows == 0
    assert rows[0]["_id"]["$oid"].endswith("00000b")


def test_variants_keep_the_meaning() -> None:
    spoil = _variant(CONSENT_VARIANTS)
    out = spoil(np.random.default_rng(0), pa.array(["true", "false"] * 20)).to_pylist()
    assert all(v in CONSENT_VARIANTS["true"] for v in out[::2])
    assert all(v in CONSENT_VARIANTS["false"] for v in out[1::2])
    assert [age_words(a) for a in (18, 21, 80)] == ["eighteen", "twenty-one", "eighty"]


def test_campaign_names_fit_their_start_dates(ws: Path) -> None:
    docs = [d for d in read(ws, "mongo_campaigns") if when(d.get("start_date")) is not None]
    starts = [d["start_date"]["$date"] for d in docs]
    assert misdated([d.get("campaign_name") for d in docs], starts) == []


def test_identity_truth_holds_every_marketing_customer_once(ws: Path) -> None:
    """Identity evaluation scores the marketing source's records: each customer id, once
    though bronze repeats some, belongs to the person truth_marketing_people names."""
    people = pacsv.read_csv(ws / "truth" / "marketing_people.csv").to_pylist()
    truth = pacsv.read_csv(ws / "truth" / "identity.csv").to_pylist()
    marketing = [(r["record_id"], r["person_id"]) for r in truth if r["source"] == "marketing"]
    assert sorted(marketing) == sorted((r["customer_id"], r["person_id"]) for r in people)
    assert {r["record_id"] for r in truth if r["source"] == "marketing"} == customer_ids(ws)

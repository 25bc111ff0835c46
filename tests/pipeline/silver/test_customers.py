"""Seed 004 customers in silver: conformed and pseudonymised, nothing in clear text."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import pyarrow as pa
import pytest

from c360.engines import Engine
from c360.pipeline.silver.marketing import stg_mongo_customers
from c360.pipeline.silver.privacy import privacy_key, pseudonymiser

FIELDS = ("customer_id", "first_name", "last_name", "email", "phone", "age", "country", "city",
          "gender", "marketing_consent")  # fmt: skip
RAW = [
    ("CUST1", "Jean", "Dupont", " Jean.Dupont@Email.com ", "06 12 34 56 78", "35", "france ",
     "Paris", "Homme", "yes"),
    ("CUST2", "Ann", None, "ann@@mail.com", "123", "forty-six", "UK", "Leeds", "female", None),
    ("CUST3", None, None, None, "+1 415 555 2671", "212", "United States", None, "x", "false"),
    (None, "No", "Key", "a@b.co", None, "30", "FR", "Lyon", "M", "true"),
    ("CUST1", "Jean", "Dupont", "jean.dupont@email.com", None, "35", "FR", "Paris", "M", "1"),
]  # fmt: skip
KEY = b"test-key"


def bronze(engine: Engine, name: str) -> pa.Table:
    columns = {f: [r[i] for r in RAW] for i, f in enumerate(FIELDS)}
    columns["_source_file"] = ["sources/marketing/customers.jsonl"] * len(RAW)
    columns["_row_number"] = list(range(1, len(RAW) + 1))
    return engine.register(name, pa.table(columns))


def keyed(text: str) -> str:
    return hmac.new(KEY, text.encode(), hashlib.sha256).hexdigest()


def test_customers_are_conformed_and_pseudonymised(engine: Engine) -> None:
    staged = stg_mongo_customers(bronze(engine, "bronze_customers"), pseudonymiser("hmac", KEY))
    rows = {r["customer_id"]: r for r in staged.collect(engine)[0].to_pylist()}
    assert sorted(rows) == ["CUST1", "CUST2", "CUST3"]
    jean, ann, anon = rows["CUST1"], rows["CUST2"], rows["CUST3"]
    assert jean["full_name"] == "Jean Dupont" and ann["full_name"] == "Ann"
    assert anon["full_name"] == "Unknown"
    assert jean["email_hash"] == keyed("jean.dupont@email.com")
    assert jean["phone_hash"] == keyed("+33612345678")
    assert anon["phone_hash"] == keyed("+14155552671")
    assert (ann["email_hash"], ann["has_valid_email"]) == (None, False)
    assert (ann["phone_hash"], ann["has_valid_phone"]) == (None, False)
    assert [r["country"] for r in (jean, ann, anon)] == ["FR", "GB", "US"]
    assert [r["gender"] for r in (jean, ann, anon)] == ["M", "F", "U"]
    assert [r["age"] for r in (jean, ann, anon)] == [35, 46, None]
    assert [r["marketing_consent"] for r in (jean, ann, anon)] == [True, False, False]
    clear = {"jean.dupont@email.com", "+33612345678", "06 12 34 56 78"}
    assert not clear & {str(v) for r in rows.values() for v in r.values()}
    rejects = {r["_row_number"]: r["reason"] for r in staged.collect(engine)[1].to_pylist()}
    assert rejects == {4: "missing_key", 5: "duplicate_key"}


def test_md5_mode_reproduces_seed_004(engine: Engine) -> None:
    staged = stg_mongo_customers(bronze(engine, "bronze_customers_md5"), pseudonymiser("md5"))
    jean = next(r for r in staged.collect(engine)[0].to_pylist() if r["customer_id"] == "CUST1")
    assert jean["email_hash"] == hashlib.md5(b"jean.dupont@email.com").hexdigest()


def test_the_key_comes_from_the_environment_or_a_workspace_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("C360_PRIVACY_KEY", raising=False)
    first = privacy_key(tmp_path)
    assert len(first) == 64 and privacy_key(tmp_path) == first
    assert (tmp_path / ".c360" / "privacy.key").stat().st_mode & 0o077 == 0
    monkeypatch.setenv("C360_PRIVACY_KEY", "from-env")
    assert privacy_key(tmp_path) == b"from-env"
    with pytest.raises(ValueError, match="hmac"):
        pseudonymiser("sha1")

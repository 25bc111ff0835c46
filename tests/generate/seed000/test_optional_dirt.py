"""The defect manifest is exact: every listed defect is present, unlisted rows are clean."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

from c360 import contracts
from c360.contracts.check import violations
from c360.generate.plan import AS_OF
from tests.sourcefiles import read_raw

SEED_000 = [t for t in contracts.SOURCE_TABLES if t.seed == "000" and t.file_format == "table"]
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}")


def manifest(workspace: Path) -> list[dict[str, object]]:
    return pacsv.read_csv(workspace / "truth" / "defects.csv").to_pylist()


def test_dirt_plants_every_applicable_kind(dirty_workspace: Path) -> None:
    kinds = {d["defect_type"] for d in manifest(dirty_workspace)}
    assert {
        "exact_duplicate",
        "near_duplicate",
        "null",
        "invalid_date",
        "future_date",
        "non_positive_quantity",
        "negative_amount",
        "orphan_key",
        "out_of_range",
        "country_spelling",
        "malformed_email",
    } <= kinds


def test_clean_generation_plants_nothing_in_seed_000(clean_workspace: Path) -> None:
    names = {t.name for t in SEED_000}
    assert not [d for d in manifest(clean_workspace) if d["table"] in names]


@pytest.mark.parametrize("table", SEED_000, ids=lambda t: t.name)
def test_listed_defects_are_present_and_other_rows_clean(
    dirty_workspace: Path, table: contracts.Table
) -> None:
    raw = read_raw(dirty_workspace, table.name)
    listed = [d for d in manifest(dirty_workspace) if d["table"] == table.name]
    broken = _detected(dirty_workspace, table, raw)
    for d in listed:
        row = int(d["row_number"])  # type: ignore[call-overload]
        assert (row, d["column"], d["defect_type"]) in broken or (
            row,
            "*",
            d["defect_type"],
        ) in broken, d
    listed_rows = {int(d["row_number"]) for d in listed}  # type: ignore[call-overload]
    unlisted = {row for row, _c, _k in broken} - listed_rows
    assert not unlisted, sorted(unlisted)[:10]


def _detected(workspace: Path, table: contracts.Table, raw: pa.Table) -> set[tuple[int, str, str]]:
    """What an independent checker finds wrong in each row, named like the manifest's kinds."""
    found: set[tuple[int, str, str]] = set()
    rows = raw.to_pylist()
    for v in violations(table, raw).to_pylist():
        col, rule, row = v["column"], v["rule"], v["row_number"]
        kind = {"not_null": "null", "type": "invalid_date", "unique": "duplicate"}.get(rule, rule)
        if rule in ("min", "max"):
            kind = (
                "non_positive_quantity"
                if col == "qty"
                else "negative_amount"
                if col.endswith("_eur")
                else "out_of_range"
            )
        if rule == "allowed":
            kind = "country_spelling" if col == "country" else "near_duplicate"
        key = col.split(",")
        if rule == "unique" and set(key) <= set(table.primary_key):
            first = next(r for r in rows if all(r[k] == rows[row - 1][k] for k in key))
            kind = "exact_duplicate" if first == rows[row - 1] else "near_duplicate"
            col = "*" if kind == "exact_duplicate" else col
        found.add((row, col, kind))
        if kind == "near_duplicate":
            found.update((row, c.name, "near_duplicate") for c in table.columns)
    for i, r in enumerate(rows, start=1):
        for col in table.columns:
            value = r[col.name]
            if value is None:
                continue
            if col.dtype == "timestamp":
                try:
                    moment = datetime.fromisoformat(value).replace(tzinfo=UTC).timestamp()
                except ValueError:
                    continue
                if moment > AS_OF and table.name != "marketing_campaigns":
                    found.add((i, col.name, "future_date"))
            if col.name == "email" and not EMAIL.fullmatch(value):
                found.add((i, col.name, "malformed_email"))
            if "Ã" in value or "Â" in value:
                found.add((i, col.name, "wrong_encoding"))
    for col_name, parent, parent_col in table.foreign_keys():
        keys = set(read_raw(workspace, parent).column(parent_col).to_pylist())
        for i, r in enumerate(rows, start=1):
            if r[col_name] is not None and r[col_name] not in keys:
                found.add((i, col_name, "orphan_key"))
    return found

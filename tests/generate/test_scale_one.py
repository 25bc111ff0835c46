"""Scale 1 end to end: every table within 5% of the seed volumes."""

from __future__ import annotations

from pathlib import Path

import pytest

from c360 import contracts
from c360.generate import Plan, generate

SIZED = [t for t in contracts.SOURCE_TABLES if t.rows_at_scale_1]


@pytest.fixture(scope="module")
def scale_one(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    return generate(tmp_path_factory.mktemp("scale1") / "ws", Plan(seed=42, scale=1.0)).rows


@pytest.mark.slow
@pytest.mark.parametrize("table", SIZED, ids=lambda t: t.name)
def test_seed_volumes_at_scale_one(scale_one: dict[str, int], table: contracts.Table) -> None:
    assert table.rows_at_scale_1 is not None
    assert abs(scale_one[table.name] - table.rows_at_scale_1) <= 0.05 * table.rows_at_scale_1


@pytest.mark.slow
def test_about_sixty_thousand_identity_records(scale_one: dict[str, int]) -> None:
    identity = sum(rows for name, rows in scale_one.items() if name.startswith("identity_"))
    assert abs(identity - 60_000) <= 3_000
    customers = scale_one["crm_customers"]  # seed 000's master, its own truth
    marketing = scale_one["truth_marketing_people"]  # seed 004's customers, once per id
    assert scale_one["truth_identity"] == identity + customers + marketing


@pytest.mark.slow
def test_scale_one_totals_about_a_million_rows(scale_one: dict[str, int], tmp_path: Path) -> None:
    sources = sum(rows for name, rows in scale_one.items() if not name.startswith("truth_"))
    assert 850_000 <= sources <= 1_100_000

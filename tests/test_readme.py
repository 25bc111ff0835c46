"""What the README says of the tables, against their contracts."""

from __future__ import annotations

import re
from pathlib import Path

from c360.contracts.gold_star import KPI_MEASURES

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_columns_of_kpi_measures_are_counted_as_its_contract_has_them() -> None:
    text = README.read_text(encoding="utf-8")
    said = re.search(r"FROM kpi_measures [^\n]*# (\d+) columns", text)
    assert said is not None
    assert int(said[1]) == len(KPI_MEASURES.columns)

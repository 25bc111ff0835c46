"""Engine libraries are imported only inside c360.engines."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "c360"
ENGINE_IMPORT = re.compile(r"^\s*(import|from)\s+(duckdb|pyspark)\b", re.MULTILINE)


def test_duckdb_and_pyspark_only_in_the_engine_package() -> None:
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "engines" not in path.relative_to(SRC).parts and ENGINE_IMPORT.search(path.read_text())
    ]
    assert offenders == []

"""Read generated source files back for tests, typed by their contract."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv

from c360 import contracts
from c360.contracts.model import Table


def listed_defects(workspace: Path, table: str) -> list[dict[str, Any]]:
    """The rows of ``truth/defects.csv`` about ``table``."""
    defects = pacsv.read_csv(workspace / "truth" / "defects.csv").to_pylist()
    return [d for d in defects if d["table"] == table]


def read_raw(workspace: Path, name: str) -> pa.Table:
    """A seed-000 CSV table as text columns, exactly as written (empty unquoted field = null)."""
    table = contracts.get(name)
    return pacsv.read_csv(
        workspace / f"{table.path}.csv",
        convert_options=pacsv.ConvertOptions(
            column_types={c.name: pa.string() for c in table.columns}, strings_can_be_null=True
        ),
    )


def read_typed(workspace: Path, name: str) -> pa.Table:
    """A clean seed-000 CSV table with its contract types."""
    table: Table = contracts.get(name)
    return pacsv.read_csv(
        workspace / f"{table.path}.csv",
        convert_options=pacsv.ConvertOptions(
            column_types=table.arrow_schema(), strings_can_be_null=True
        ),
    )

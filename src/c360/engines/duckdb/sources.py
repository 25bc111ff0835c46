"""Query a workspace's generated sources in place with DuckDB (no copy, no load)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from c360 import contracts
from c360.engines.duckdb.offline import OFFLINE

# The seed's own SQL speaks of customers, campaigns and sends; these views let it run unchanged.
SEED_ALIASES = {
    "customers": "crm_customers",
    "campaigns": "marketing_campaigns",
    "sends": "marketing_sends",
    "accounts": "crm_accounts",
    "segments": "crm_segments",
    "assets": "marketing_assets",
    "events": "marketing_events",
}


def connect_sources(workspace: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory connection with one view per seed-000 table listed in the manifest."""
    manifest = json.loads((Path(workspace) / "sources" / "manifest.json").read_text("utf-8"))
    con = duckdb.connect(config=OFFLINE)
    for entry in manifest["files"]:
        table = contracts.get(entry["table"])
        if table.seed != "000" or table.file_format != "table":
            continue
        path = (Path(workspace) / entry["path"]).as_posix().replace("'", "''")
        columns = ", ".join(f"'{c.name}': '{_sql_type(c.dtype)}'" for c in table.columns)
        reader = (
            f"read_parquet('{path}')"
            if path.endswith(".parquet")
            else f"read_csv('{path}', header = true, columns = {{{columns}}})"
        )
        con.execute(f'CREATE VIEW "{table.name}" AS SELECT * FROM {reader}')
    for alias, name in SEED_ALIASES.items():
        con.execute(f'CREATE VIEW "{alias}" AS SELECT * FROM "{name}"')
    return con


def _sql_type(dtype: str) -> str:
    return {
        "string": "VARCHAR",
        "int": "BIGINT",
        "float": "DOUBLE",
        "bool": "BOOLEAN",
        "timestamp": "TIMESTAMP",
        "date": "DATE",
        "list<string>": "VARCHAR[]",
    }[dtype]

"""Build the silver tables from bronze on an engine, publish them, reconcile every row."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import ibis
import pyarrow as pa

from c360 import contracts
from c360.config import Project
from c360.engines import Engine
from c360.file_dialects import PLAIN_CSV, amount_columns
from c360.pipeline import lake
from c360.pipeline.bronze.land import ReconciliationError
from c360.pipeline.bronze.lineage import bronze_schema
from c360.pipeline.silver import campaigns, commerce, crm, ecommerce, marketing, parse
from c360.pipeline.silver.privacy import privacy_key, pseudonymiser
from c360.pipeline.silver.staged import LINEAGE, Staged


@dataclass
class Built:
    """One silver model's outcome: rows in, clean rows out, rows rejected, the clean rows
    whose value it replaced, per repair (``"country: invalid_value"``), the sources it
    checks its rows against that the workspace lacks (a reference to one is an orphan), and
    per currency the amounts of its source converted to euros (``converted``) at the project
    file's rate (``rates``)."""

    model: str
    source: str
    bronze_rows: int
    clean: int
    rejected: int
    seconds: float
    repaired: dict[str, int] = field(default_factory=dict)
    lacking: tuple[str, ...] = ()
    converted: dict[str, int] = field(default_factory=dict)
    rates: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What models may need beyond their tables."""

    as_of: datetime
    pseudonymise: Callable[[ibis.ir.StringValue], ibis.ir.StringValue]


Model = Callable[[dict[str, ibis.Table], Context], Staged]

# (model, bronze source, build) in dependency order. Foreign keys are checked against the ids
# the referenced source holds (its bronze table): an order of a customer whose row was rejected
# for another reason is not an orphan.
MODELS: list[tuple[str, str, Model]] = [
    ("stg_mongo_customers", "mongo_customers",
     lambda t, c: marketing.stg_mongo_customers(t["mongo_customers"], c.pseudonymise)),
    ("stg_mongo_transactions", "mongo_transactions",
     lambda t, c: marketing.stg_mongo_transactions(
         t["mongo_transactions"], t["mongo_customers"], c.as_of)),
    ("stg_mongo_campaigns", "mongo_campaigns",
     lambda t, c: marketing.stg_mongo_campaigns(t["mongo_campaigns"])),
    ("stg_ecommerce_products", "ecommerce_products",
     lambda t, c: ecommerce.stg_ecommerce_products(t["ecommerce_products"])),
    ("stg_ecommerce_customers", "ecommerce_customers",
     lambda t, c: ecommerce.stg_ecommerce_customers(
         t["ecommerce_customers"], c.pseudonymise, c.as_of)),
    ("stg_ecommerce_orders", "ecommerce_orders",
     lambda t, c: ecommerce.stg_ecommerce_orders(
         t["ecommerce_orders"], t["ecommerce_customers"], t["ecommerce_products"], c.as_of)),
    ("stg_ecommerce_inventory", "ecommerce_inventory",
     lambda t, c: ecommerce.stg_ecommerce_inventory(
         t["ecommerce_inventory"], t["ecommerce_products"], c.as_of)),
    ("stg_crm_accounts", "crm_accounts",
     lambda t, c: crm.stg_crm_accounts(t["crm_accounts"], c.as_of)),
    ("stg_crm_customers", "crm_customers",
     lambda t, c: crm.stg_crm_customers(
         t["crm_customers"], t["crm_accounts"], c.pseudonymise, c.as_of)),
    ("stg_crm_segments", "crm_segments",
     lambda t, c: crm.stg_crm_segments(t["crm_segments"], c.as_of)),
    ("stg_crm_customer_segments", "crm_customer_segments",
     lambda t, c: crm.stg_crm_customer_segments(
         t["crm_customer_segments"], t["crm_customers"], t["crm_segments"], c.as_of)),
    ("stg_crm_interactions", "crm_interactions",
     lambda t, c: crm.stg_crm_interactions(t["crm_interactions"], t["crm_customers"], c.as_of)),
    ("stg_crm_customer_profile", "crm_customer_profile",
     lambda t, c: crm.stg_crm_customer_profile(
         t["crm_customer_profile"], t["crm_customers"], c.as_of)),
    ("stg_marketing_campaigns", "marketing_campaigns",
     lambda t, c: campaigns.stg_marketing_campaigns(t["marketing_campaigns"], c.as_of)),
    ("stg_marketing_assets", "marketing_assets",
     lambda t, c: campaigns.stg_marketing_assets(
         t["marketing_assets"], t["marketing_campaigns"], c.as_of)),
    ("stg_marketing_audiences", "marketing_audiences",
     lambda t, c: campaigns.stg_marketing_audiences(
         t["marketing_audiences"], t["marketing_campaigns"], t["crm_segments"])),
    ("stg_marketing_sends", "marketing_sends",
     lambda t, c: campaigns.stg_marketing_sends(
         t["marketing_sends"], t["marketing_campaigns"], t["marketing_assets"],
         t["crm_customers"], c.as_of)),
    ("stg_marketing_events", "marketing_events",
     lambda t, c: campaigns.stg_marketing_events(
         t["marketing_events"], t["marketing_sends"], t["crm_customers"], c.as_of)),
    ("stg_products", "products",
     lambda t, c: commerce.stg_products(t["products"])),
    ("stg_orders", "orders",
     lambda t, c: commerce.stg_orders(
         t["orders"], t["crm_customers"], t["marketing_campaigns"], c.as_of)),
    ("stg_order_lines", "order_lines",
     lambda t, c: commerce.stg_order_lines(t["order_lines"], t["orders"], t["products"])),
    ("stg_returns", "returns",
     lambda t, c: commerce.stg_returns(t["returns"], t["orders"], t["crm_customers"], c.as_of)),
]  # fmt: skip


def build_silver(
    workspace: Path,
    engine: Engine,
    project: Project,
    progress: Callable[[Built], None] | None = None,
) -> list[Built]:
    """Every silver model whose bronze source was landed; the tables of the others are
    removed (their source is gone)."""
    workspace = Path(workspace)
    mode = project.privacy.pseudonymisation
    key = privacy_key(workspace, project.privacy.key_env) if mode == "hmac" else None
    context = Context(datetime.now(UTC), pseudonymiser(mode, key))
    tables = _Bronze(engine)
    built = []
    # Sorting and writing a model's tables overlaps with the next model's query.
    with ThreadPoolExecutor(1) as writer:
        written: list[Future[None]] = []
        for name, source, model in MODELS:
            folder = lake.table_dir(workspace, "bronze", source)
            if not folder.exists():
                lake.drop(workspace, "silver", name)
                lake.drop(workspace, "quarantine", f"silver_{name}")
                continue
            started = time.perf_counter()
            contract, csv = contracts.get(source), project.csv.get(source, PLAIN_CSV)
            bronze = engine.read_lake(f"bronze_{source}", folder)
            bronze = parse.in_date_order(bronze, contract, csv.dates)
            bronze = parse.in_decimal_order(bronze, contract, csv.decimal)
            currency, rates = project.currency(source), project.exchange_rates
            converted = _converted(engine, bronze, contract, currency, rates, csv.decimal)
            if converted is not None:
                bronze = parse.in_euros(bronze, contract, currency, rates, csv.decimal)
            tables[source] = bronze
            tables.read.clear()
            staged = model(tables, context)
            clean, rejects, repaired = staged.outcome(engine)
            bronze_rows = lake.count_rows(folder)
            if clean.num_rows + rejects.num_rows != bronze_rows:
                raise ReconciliationError(
                    f"{name}: {bronze_rows} bronze rows but {clean.num_rows} clean and "
                    f"{rejects.num_rows} rejected"
                )
            written.append(writer.submit(_publish, workspace, name, staged.key, clean, rejects))
            seconds = time.perf_counter() - started
            counts = (bronze_rows, clean.num_rows, rejects.num_rows)
            lacking = tuple(sorted(tables.read & tables.absent))
            amounts = converted or {}
            used = {code: rates[code] for code in amounts}
            built.append(Built(name, source, *counts, seconds, repaired, lacking, amounts, used))
            if progress:
                progress(built[-1])
        for done in written:
            done.result()  # a failed write fails the run
    return built


def _converted(
    engine: Engine,
    bronze: ibis.Table,
    contract: contracts.Table,
    currency: str,
    rates: dict[str, float],
    decimal: str | None,
) -> dict[str, int] | None:
    """Per currency, the amounts of ``bronze`` that ``parse.in_euros`` converts (those that
    converted none left out); None where it would change no value (no rates, no amounts, or
    every amount in euros or in a currency without a rate), so the table is read as it is."""
    if not rates or not amount_columns(contract):
        return None
    if not engine.to_arrow(parse.rows_to_convert(bronze, contract, currency, rates))[0][0].as_py():
        return None
    query = parse.converted_amounts(bronze, contract, currency, rates, decimal)
    return {code: n for code, n in engine.to_arrow(query).to_pylist()[0].items() if n}


class _Bronze(dict[str, ibis.Table]):
    """The bronze tables read so far; a source the workspace does not have reads as empty,
    so a model that checks its rows against it still runs (a reference to it is an orphan).
    ``read`` names the sources looked up, ``absent`` those read as empty."""

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine
        self.read: set[str] = set()
        self.absent: set[str] = set()

    def __getitem__(self, source: str) -> ibis.Table:
        self.read.add(source)
        return super().__getitem__(source)

    def __missing__(self, source: str) -> ibis.Table:
        self.absent.add(source)
        empty = bronze_schema(contracts.get(source)).empty_table()
        self[source] = self.engine.register(f"bronze_{source}", empty)
        return self[source]


def _publish(
    workspace: Path, name: str, key: Sequence[str], clean: pa.Table, rejects: pa.Table
) -> None:
    """The clean rows by key and the rejects by record number, each published atomically, in
    the lake's blocks (a sorted result of DuckDB's is written as it arrives)."""
    for layer, table, data in [
        ("silver", name, lake.in_key_blocks(clean, key)),
        ("quarantine", f"silver_{name}", lake.in_key_blocks(rejects, list(LINEAGE))),
    ]:
        with lake.publish(workspace, layer, table, data.schema) as out:
            out.write(data)

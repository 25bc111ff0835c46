"""The whole pipeline on one workspace: bronze → silver → gold, each layer reconciled.

The CLI and the Python API both call :func:`run`; an observer (the CLI's progress bars) hears
when a layer starts and when each table is done.
"""

from __future__ import annotations

import ctypes
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Protocol

import pyarrow as pa
import pyarrow.compute as pc

from c360 import config, engines
from c360.contracts import GOLD_TABLES
from c360.contracts.gold_churn import CUSTOMER_SCORES
from c360.contracts.gold_identity import (
    IDENTITY_ALIASES,
    IDENTITY_DEPARTED,
    IDENTITY_FORMER_IDS,
    IDENTITY_LEDGER,
    IDENTITY_LINKS,
    IDENTITY_PAIRS,
)
from c360.contracts.gold_profile import CUSTOMER_PROFILE
from c360.contracts.gold_reco import BASKET_RULES, CUSTOMER_RECOMMENDATIONS
from c360.contracts.gold_scores import CUSTOMER_CLV
from c360.contracts.gold_segments import SEGMENT_MEMBERSHIP
from c360.engines import Engine
from c360.engines.duckdb.warehouse import (
    MissingTableError,
    build_warehouse,
    check_writable,
    query_warehouse,
)
from c360.identity import MATCHING_ONLY, clear_caches
from c360.identity.profile import FACT_TABLE, build_profile
from c360.identity.run import IdentityRun, people_of, resolve_workspace
from c360.identity.run import check as identity_check
from c360.ml import segments
from c360.ml.machine_eval import record_machine_engagement
from c360.ml.publish import publish_clv
from c360.ml.publish_churn import publish_scores
from c360.ml.publish_reco import publish_recommendations
from c360.pipeline import lake, last_run
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.find import sources
from c360.pipeline.bronze.land import Landed, land_all
from c360.pipeline.gold.run import MODELS as GOLD_MODELS
from c360.pipeline.gold.run import BuiltGold, build_gold, conform, not_built
from c360.pipeline.silver.privacy import privacy_key
from c360.pipeline.silver.run import MODELS as SILVER_MODELS
from c360.pipeline.silver.run import Built, build_silver
from c360.serve import gold_tables, run_report
from c360.serve.exports import export_all
from c360.serve.html_report import write_html_report
from c360.serve.references import Reference
from c360.serve.references import check as check_references
from c360.serve.reports import write_text_reports
from c360.serve.sql_files import answer_all
from c360.text.analyze import build_text_silver
from c360.workspace import exclusive

LAYERS = ("bronze", "silver", "gold")


class Observer(Protocol):
    """Told as a layer starts, as each of its tables is done, and as it finishes (with what
    the run holds so far, its seconds included)."""

    def layer(self, name: str, total: int) -> None: ...
    def done(self, layer: str, table: str) -> None: ...
    def finished(self, layer: str, result: RunResult) -> None: ...


class Quiet:
    """An observer that ignores everything."""

    def layer(self, name: str, total: int) -> None:
        pass

    def done(self, layer: str, table: str) -> None:
        pass

    def finished(self, layer: str, result: RunResult) -> None:
        pass


@dataclass
class RunResult:
    """What a run built, layer by layer, and how long each layer took."""

    workspace: Path
    engine: str
    bronze: list[Landed] = field(default_factory=list)
    silver: list[Built] = field(default_factory=list)
    gold: list[BuiltGold] = field(default_factory=list)
    text: dict[str, int] = field(default_factory=dict)
    identity: IdentityRun | None = None
    identity_tables: list[BuiltGold] = field(default_factory=list)  # the gold tables it published
    customers: list[BuiltGold] = field(default_factory=list)  # profile, segments, scores
    references: list[Reference] = field(default_factory=list)  # declared by gold contracts
    seconds: dict[str, float] = field(default_factory=dict)


def preflight(workspace: Path, until: str = "gold") -> tuple[config.Project, list]:
    """The project file and the sources, or the error a user must fix before a run (up to
    ``until``)."""
    if not Path(workspace).exists():
        raise SourceError(f"no workspace at {workspace} (c360 generate or c360 demo makes one)")
    if not Path(workspace).is_dir():
        raise SourceError(f"{workspace} is a file, not a workspace folder")
    project = config.load(workspace)
    config.check_identity_tables(workspace, project)  # a misspelt table, before bronze
    found = sources(workspace)
    if not found:
        raise SourceError(
            f"no sources found in {Path(workspace) / 'sources'}: c360 generate makes them, or "
            "put your files there (docs/own-data.md says where) or point tables at databases "
            "under sources: in c360.yaml"
        )
    if until == "gold":  # a SQL client writing to the warehouse: told now, not at serve
        check_writable(workspace)
    if project.privacy.pseudonymisation == "hmac":  # a key that cannot be read, before bronze
        privacy_key(workspace, project.privacy.key_env)
    return project, found


def run(
    workspace: Path,
    until: str = "gold",
    engine: str | None = None,
    observer: Observer | None = None,
) -> RunResult:
    """Run the layers up to ``until`` on ``engine`` (default: the project file's)."""
    if until not in LAYERS:
        raise ValueError(f"until must be one of: {', '.join(LAYERS)} (got {until!r})")
    workspace = Path(workspace)
    project, found = preflight(workspace, until)
    result = RunResult(workspace, project.engine if engine is None else engine)
    if result.engine not in engines.ENGINES:  # before bronze lands anything
        raise engines.EngineUnavailableError(
            f"unknown engine {result.engine!r}; choose one of {', '.join(engines.ENGINES)}"
        )
    with exclusive(workspace, "c360 run"):  # one writer at a time
        lake.sweep(workspace)  # what a killed run left behind
        if until == "gold" and not project.identity.sources:  # before bronze lands anything
            keep_identity(workspace)
        last_run.run_started(workspace, until)  # left as a warning by a run that does not end
        _layers(result, project, found, until, observer or Quiet())
        last_run.run_finished(workspace, until)
        return result


# The gold tables identity resolution publishes, and what only a run with identity sources
# builds (the identity and customers layers): a run without any removes them, histories included.
IDENTITY_TABLES = (
    IDENTITY_LINKS, IDENTITY_PAIRS, IDENTITY_LEDGER, IDENTITY_ALIASES, IDENTITY_DEPARTED,
    IDENTITY_FORMER_IDS,
)  # fmt: skip
CUSTOMER_TABLES = (
    *IDENTITY_TABLES,
    BASKET_RULES, CUSTOMER_RECOMMENDATIONS, CUSTOMER_SCORES, CUSTOMER_PROFILE, SEGMENT_MEMBERSHIP,
    CUSTOMER_CLV,
)  # fmt: skip


def keep_identity(workspace: Path) -> None:
    """Raise ``ConfigError`` if the lake holds identity tables, which a run without identity
    sources removes: the project file lost its ``identity:`` section (removed, commented out),
    and the ledger's history and the customer360_ids it issued would be lost for good."""
    gold = Path(workspace) / "lake" / "gold"
    held = [t.name for t in IDENTITY_TABLES if lake.table_dir(workspace, "gold", t.name).exists()]
    if not held:  # a workspace that never resolved customers
        return
    ledger = ""
    with suppress(OSError, pa.ArrowException, KeyError):  # a count, if the ledger reads
        ids = lake.open_dataset(gold / IDENTITY_LEDGER.name).to_table(columns=["id_after"])
        count = pc.count_distinct(ids.column("id_after")).as_py()
        ledger = f" ({IDENTITY_LEDGER.name}: the history of {count:,} customer360_ids)"
    raise config.ConfigError(
        f"{Path(workspace) / config.PROJECT_FILE} names no identity sources, but {gold} holds "
        f"the customers an earlier run resolved{ledger}: this run would delete them with the "
        "profile, the scores and the segment history built on them, and no later run can "
        "bring back the ledger or its customer360_ids. Put the identity: section back in "
        f"c360.yaml, or delete the folders {', '.join(held)} of {gold} (rm -r "
        f"{gold}/identity_*) to stop resolving customers on purpose"
    )


def _layers(
    result: RunResult, project: config.Project, found: list, until: str, watch: Observer
) -> RunResult:
    workspace = result.workspace
    backend = None if until == "bronze" else engines.connect(result.engine)
    customers = until == "gold" and bool(project.identity.sources)
    if backend is not None and customers:  # conditions need only the engine: told before bronze
        segments.check(project.segments, backend)
    with _layer(result, "bronze", len(found), watch):
        result.bronze = land_all(
            workspace, project.schema_drift, progress=lambda r: watch.done("bronze", r.table)
        )
    if backend is None:
        return _reported(result)

    if customers:  # the identity sources against what bronze landed, before the layers
        identity_check(workspace, project.identity)
    with _layer(result, "silver", len(SILVER_MODELS), watch):
        result.silver = build_silver(
            workspace, backend, project, progress=lambda b: watch.done("silver", b.model)
        )
    with _layer(result, "text", 1, watch):
        result.text = build_text_silver(workspace)  # redacted first, then enriched
        watch.done("text", "stg_notes")
    if until == "silver":
        return _reported(result)

    if project.identity.sources:
        with _layer(result, "identity", 1, watch):
            result.identity = resolve_workspace(workspace, project.identity, backend.splink_api)
            result.identity_tables = [
                BuiltGold(t.name, lake.count_rows(lake.table_dir(workspace, "gold", t.name)), 0.0)
                for t in IDENTITY_TABLES
            ]
            clear_caches(MATCHING_ONLY)
            watch.done("identity", "identity_links")
    else:  # no earlier run's customers linger beside this run's facts (identity's: deleted
        for table in CUSTOMER_TABLES:  # by the user, as keep_identity asks)
            lake.drop(workspace, "gold", table.name)

    with _layer(result, "gold", len(GOLD_MODELS), watch):
        people = people_of(workspace, project.identity, FACT_TABLE)
        result.gold = build_gold(
            workspace, backend, progress=lambda g: watch.done("gold", g.model), people=people
        )
    if result.identity is not None:
        with _layer(result, "customers", 6, watch):
            result.customers = _customers(workspace, project, backend, watch)
            clear_caches()  # the profile was the last to reuse matching's parses

    with _layer(result, "serve", 3, watch):
        # The warehouse (mostly DuckDB) and the exports (Arrow) read the lake apart and release
        # the GIL: built side by side, each fills the other's idle time. A failure waits for
        # the other.
        with ThreadPoolExecutor(1) as pool:
            exporting = pool.submit(export_all, workspace)
            build_warehouse(workspace)
            watch.done("serve", "warehouse.duckdb")
            exporting.result()
            watch.done("serve", "exports")
        answers = answer_all(partial(_answer, workspace))
        built = {t.name for t in gold_tables(workspace)}
        warehouse = partial(query_warehouse, workspace)
        result.references = check_references(GOLD_TABLES, built, warehouse)
        watch.done("serve", "answers")
    _reported(result, answers)
    write_text_reports(workspace)
    write_html_report(workspace)
    return result


def _answer(workspace: Path, sql: str) -> pa.Table:
    """A deliverable's answer; one that needs a table this run did not build (its sources are
    not in the workspace) says so in the report rather than failing the run."""
    try:
        return query_warehouse(workspace, sql)
    except MissingTableError as exc:
        needs = not_built(workspace, exc.table)
        why = f"its sources are not in this workspace{': ' + needs if needs else ''}"
        return pa.table({"not_answered": [f"{exc} ({why})"]})


@contextmanager
def _layer(result: RunResult, name: str, total: int, watch: Observer) -> Iterator[None]:
    """Announce a layer, time it, and hand the memory it freed back to the system, so the
    next layer's peak is its own rather than on top of what Arrow's allocator kept."""
    started = time.perf_counter()
    last_run.run_at(result.workspace, name)
    watch.layer(name, total)
    yield
    result.seconds[name] = time.perf_counter() - started
    _give_back_memory()
    watch.finished(name, result)


def _give_back_memory() -> None:
    """Return the memory Arrow's allocator and C's ``malloc`` keep for reuse to the system."""
    pa.default_memory_pool().release_unused()
    with suppress(OSError, AttributeError):  # not glibc: its allocator keeps what it keeps
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _customers(
    workspace: Path, project: config.Project, engine: Engine, watch: Observer
) -> list[BuiltGold]:
    """Per customer360_id: recommendations and scores, the profile (which reads them) with its
    segments, and the CLV model."""
    built = []
    for name, rows, seconds in [
        *publish_recommendations(workspace),
        *publish_scores(workspace, engine),
    ]:
        built.append(BuiltGold(name, rows, seconds))
        watch.done("customers", name)
    for table in _profile(workspace, project, engine):
        built.append(table)
        watch.done("customers", table.model)
    rows, seconds = publish_clv(workspace)  # on fct_orders, per customer360_id
    built.append(BuiltGold("customer_clv", rows, seconds))
    watch.done("customers", "customer_clv")
    record_machine_engagement(workspace)  # scored against truth/ when the workspace has one
    return built


def _profile(workspace: Path, project: config.Project, engine: Engine) -> list[BuiltGold]:
    """``customer_profile`` (identity tables and gold facts in, rule segments applied) and the
    ``segment_membership`` history it extends."""
    started = time.perf_counter()
    profile = segments.apply(build_profile(workspace, project.identity), project.segments, engine)
    lake.publish_table(workspace, "gold", "customer_profile", profile)
    built = [BuiltGold("customer_profile", profile.num_rows, time.perf_counter() - started)]
    started = time.perf_counter()
    folder = lake.table_dir(workspace, "gold", "segment_membership")
    previous = lake.read_table(workspace, "gold", "segment_membership") if folder.exists() else None
    today = datetime.now(UTC).date()
    periods = conform(segments.history(previous, segments.memberships(profile), today),
                      SEGMENT_MEMBERSHIP)  # fmt: skip
    lake.publish_table(workspace, "gold", "segment_membership", periods)
    return [
        *built,
        BuiltGold("segment_membership", periods.num_rows, time.perf_counter() - started),
    ]


def _reported(result: RunResult, answers: dict[str, pa.Table] | None = None) -> RunResult:
    run_report.write(result, answers)
    return result

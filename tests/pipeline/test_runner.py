"""The whole run: reruns write the same files, a failing model leaves the last good tables."""

from __future__ import annotations

import hashlib
import json
import shutil
from importlib import resources
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from c360.cli import main
from c360.config import ConfigError
from c360.contracts import GOLD_TABLES
from c360.contracts.check import violations
from c360.engines.duckdb.warehouse import query_warehouse
from c360.generate import Plan, generate
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.gold import run as gold_run
from c360.pipeline.gold.model import GoldModel
from c360.pipeline.last_run import stale_gold
from c360.pipeline.runner import CUSTOMER_TABLES, preflight, run
from c360.pipeline.silver.privacy import KEY_FILE


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("runner") / "ws"
    generate(path, Plan(seed=3, scale=0.02, dirt=0.02))
    return path


def checksums(workspace: Path) -> dict[str, str]:
    """sha256 of every Parquet file of silver, gold and silver's quarantine (bronze records the
    time it landed, so it differs by design)."""
    lake_dir = workspace / "lake"
    files = [
        *lake_dir.glob("silver/**/*.parquet"),
        *lake_dir.glob("gold/**/*.parquet"),
        *lake_dir.glob("quarantine/silver_*/**/*.parquet"),
    ]
    return {str(f.relative_to(lake_dir)): hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


def test_a_rerun_on_the_same_input_writes_the_same_tables(workspace: Path) -> None:
    first = run(workspace)
    before = checksums(workspace)
    second = run(workspace)
    assert [g.rows for g in first.gold] == [g.rows for g in second.gold]
    assert len(before) > 50 and checksums(workspace) == before
    assert (workspace / "warehouse.duckdb").exists()
    assert (workspace / "exports" / "csv" / "fct_orders.csv").exists()
    assert (workspace / "reports" / "report.html").exists()


def test_a_failing_model_stops_the_run_and_keeps_the_last_good_tables(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(workspace)
    good = lake.read_table(workspace, "gold", "kpi_measures")

    def broken(*_tables: object) -> object:
        raise RuntimeError("boom in the middle of gold")

    models = [
        GoldModel(m.contract, m.inputs, broken) if m.name == "kpi_measures" else m
        for m in gold_run.MODELS
    ]
    monkeypatch.setattr(gold_run, "MODELS", models)
    with pytest.raises(RuntimeError, match="boom"):
        run(workspace)
    assert lake.read_table(workspace, "gold", "kpi_measures").equals(good)
    assert not list((workspace / "lake" / "gold").glob(".staging-*"))
    said = stale_gold(workspace)  # what reads gold is told the run did not finish
    assert said is not None and "stopped at gold before it finished" in said
    monkeypatch.undo()
    run(workspace)
    assert stale_gold(workspace) is None


def test_a_run_interrupted_in_silver_leaves_gold_told_as_the_earlier_runs(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from c360.pipeline import runner

    run(workspace)
    assert stale_gold(workspace) is None

    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "build_silver", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(workspace)
    said = stale_gold(workspace)
    assert said is not None
    assert "stopped at silver before it finished (silver is partly its); gold, the" in said
    assert said.endswith(": run `c360 run` again")
    run(workspace, until="bronze")  # finished, but silver is still partly the stopped run's
    said = stale_gold(workspace)
    assert said is not None
    assert said.startswith("an earlier `c360 run` reached silver and stopped before it finished")
    assert "the last one stopped at bronze (--until): silver, gold" in said
    monkeypatch.undo()
    run(workspace, until="silver")  # silver rebuilt: gold is the one of the run before
    said = stale_gold(workspace)
    assert said is not None and said.startswith("the last `c360 run` stopped at silver (")


def test_the_cli_ends_with_a_summary(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--workspace", str(workspace)]) == 0
    out = capsys.readouterr().out
    assert "Gold" in out and "kpi_measures" in out and "report.html" in out


def test_an_empty_or_unknown_engine_name_is_refused_before_any_layer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = tmp_path / "ws"
    generate(workspace, Plan(scale=0.01))
    assert main(["run", "--workspace", str(workspace), "--engine", ""]) == 2
    err = capsys.readouterr().err
    assert err == "error: --engine must be one of: duckdb, spark (got '')\n"
    assert main(["run", "-w", str(workspace), "--engine", "oracle", "--until", "bronze"]) == 2
    assert not (workspace / "lake").exists()  # nothing landed


def test_the_sql_deliverables_are_answered_in_the_run_report(workspace: Path) -> None:
    result = run(workspace)
    text = (workspace / "reports" / "run_report.md").read_text()
    assert "### checks/orders_without_customer" in text
    assert "### questions/top_product_by_revenue" in text
    # The declared references are counted too; seed 000's own check agrees on orders.
    counted = {r.name: r.orphans for r in result.references}
    assert len(counted) >= 40
    check = (resources.files("c360.sql") / "checks" / "orders_without_customer.sql").read_text()
    violations = query_warehouse(workspace, check.strip().rstrip(";"))["violations"][0].as_py()
    assert counted["fct_orders.customer_id → dim_customer.customer_id"] == violations
    broken = [name for name, n in counted.items() if n]
    assert "## Gold references" in text and all(f"| {name} |" in text for name in broken)
    # Dimensions hold an inferred member for each id whose row silver quarantined: on these
    # dirty sources only the lines and returns of a quarantined order lack their row.
    assert violations == 0
    assert {name.split(" → ")[1] for name in broken} <= {"fct_orders.order_id"}
    dim = lake.read_table(workspace, "gold", "dim_customer", ["inferred", "status"]).to_pylist()
    inferred = [row for row in dim if row["inferred"]]
    assert inferred and all(row["status"] is None for row in inferred)
    built = {g.model: g for g in result.gold}
    assert built["dim_customer"].inferred == len(inferred)
    assert built["dim_customer"].rows == len(dim)
    assert f"| dim_customer | {len(dim):,} | {len(inferred):,} |" in text


def test_on_dirty_sources_every_gold_table_keeps_its_contract(workspace: Path) -> None:
    """Beyond the types and NULLs gold casts to: patterns, allowed values, ranges, unique keys."""
    run(workspace)
    checked = 0
    for contract in GOLD_TABLES:
        if lake.table_dir(workspace, "gold", contract.name).exists():
            broken = violations(contract, lake.read_table(workspace, "gold", contract.name))
            assert broken.num_rows == 0, (contract.name, broken.slice(0, 5).to_pylist())
            checked += 1
    assert checked >= 50


def test_on_clean_sources_every_declared_gold_reference_holds(tmp_path: Path) -> None:
    generate(tmp_path, Plan(seed=8, scale=0.02))
    result = run(tmp_path)
    assert len(result.references) >= 40
    assert {r.name: r.orphans for r in result.references if r.orphans} == {}


@pytest.mark.parametrize(
    ("wrong", "right", "message"),
    [
        ("lifetime_value_percentile", "lifetime_valu",
         "segment 'Top CLV at risk': cannot evaluate 'lifetime_valu >= 0.8"),
        ("phone: mobile", "phone: mobil",
         "identity source 'loyalty': table identity_loyalty_members has no column mobil"),
    ],
)  # fmt: skip
def test_a_project_file_that_does_not_fit_stops_the_run_before_silver(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], wrong: str, right: str, message: str
) -> None:
    generate(tmp_path, Plan(seed=3, scale=0.01))
    project = tmp_path / "c360.yaml"
    project.write_text(project.read_text().replace(wrong, right))
    assert main(["run", "--workspace", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {message}") and err.count("\n") == 1
    assert not (tmp_path / "lake" / "silver").exists()


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("lifetime_valu >= 0.8",
         "segment 'Top CLV at risk': cannot evaluate 'lifetime_valu >= 0.8': Binder Error: "),
        ("total_revenue",
         "segment 'Top CLV at risk': where 'total_revenue' is not a condition: it gives double "
         "values, not true or false (compare it, e.g. total_revenue > 100)\n"),
    ],
)  # fmt: skip
def test_a_segment_condition_that_cannot_run_stops_the_run_before_bronze(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str, message: str
) -> None:
    """Checked on the run's engine as soon as it starts: at scale, bronze alone takes minutes."""
    generate(tmp_path, Plan(seed=3, scale=0.01))
    project = tmp_path / "c360.yaml"
    example = "lifetime_value_percentile >= 0.8 AND churn_risk_score > 0.6"
    project.write_text(project.read_text().replace(example, where))
    assert main(["run", "--workspace", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {message}") and err.count("\n") == 1
    assert not (tmp_path / "lake" / "bronze").exists()


def _empty_every_source(workspace: Path) -> None:
    """Keep each source's shape (CSV headers, Parquet schemas) and drop every record."""
    _forget_rows(workspace)
    for path in (workspace / "sources").rglob("*"):
        if path.suffix == ".csv":
            path.write_text(path.read_text().split("\n", 1)[0] + "\n")
        elif path.suffix == ".jsonl":
            path.write_text("")
        elif path.suffix == ".json" and path.name != "manifest.json":
            path.write_text("[]")
        elif path.suffix == ".txt":
            path.unlink()
        elif path.suffix == ".parquet" and path.is_file():
            pq.write_table(pq.read_schema(path).empty_table(), path)


def _forget_rows(workspace: Path) -> None:
    """Take the record counts out of the manifest, for sources edited after generating them."""
    manifest = workspace / "sources" / "manifest.json"
    data = json.loads(manifest.read_text())
    for entry in data["files"]:
        entry.pop("rows", None)
    manifest.write_text(json.dumps(data))


def test_a_workspace_without_sources_says_how_to_get_them(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as raised:
        preflight(tmp_path)
    assert str(raised.value) == (
        f"no sources found in {tmp_path / 'sources'}: c360 generate makes them, or put your "
        "files there (docs/own-data.md says where) or point tables at databases under sources: "
        "in c360.yaml"
    )


def test_a_privacy_key_emptied_stops_the_run_before_bronze(tmp_path: Path) -> None:
    generate(tmp_path, Plan(seed=3, scale=0.01))
    (tmp_path / KEY_FILE).parent.mkdir(exist_ok=True)
    (tmp_path / KEY_FILE).write_text("")
    with pytest.raises(ConfigError, match=r"privacy\.key is empty: restore the key it held"):
        run(tmp_path)
    assert not (tmp_path / "lake").exists()


@pytest.mark.slow
def test_a_workspace_whose_sources_hold_no_records_runs_through(tmp_path: Path) -> None:
    generate(tmp_path, Plan(seed=3, scale=0.01))
    _empty_every_source(tmp_path)
    result = run(tmp_path)
    assert sum(r.records for r in result.bronze) == 0
    assert result.identity is not None and result.identity.customers == 0
    built = {g.model: g.rows for g in result.gold + result.customers}
    assert built["fct_orders"] == built["customer_profile"] == built["customer_clv"] == 0
    assert built["kpi_measures"] == 1  # the period 'all'
    assert (tmp_path / "reports" / "report.html").exists()


def _without(workspace: Path, folder: str, prefix: str = "") -> None:
    """Remove the sources under ``folder`` whose names start with ``prefix``, as a company
    without that system would have them: no file, no manifest entry."""
    manifest = workspace / "sources" / "manifest.json"
    data = json.loads(manifest.read_text())
    gone = [f for f in data["files"] if f["path"].startswith(f"sources/{folder}/{prefix}")]
    for entry in gone:
        path = workspace / entry["path"]
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    data["files"] = [f for f in data["files"] if f not in gone]
    manifest.write_text(json.dumps(data))


@pytest.mark.slow
def test_a_workspace_without_marketing_or_shop_sources_runs_what_it_can(tmp_path: Path) -> None:
    """No e-mail marketing (seed 000's marketing_* and e-mail bodies, seed 004) and no shop
    (seed 003): the silver models that check against a missing table see it empty, gold builds
    what its inputs allow, and the SQL deliverables that need a missing table say so in the
    report. Run first with every source: what those sources gave then is gone from the lake and
    the exports."""
    generate(tmp_path, Plan(seed=5, scale=0.01))
    run(tmp_path, until="gold")
    _without(tmp_path, "c360", "marketing_")
    _without(tmp_path, "marketing")
    _without(tmp_path, "ecommerce")
    _without(tmp_path, "c360", "text/email_bodies")
    project = tmp_path / "c360.yaml"  # seed 004's customers are no identity source any more
    settings = yaml.safe_load(project.read_text())
    del settings["identity"]["sources"]["marketing"]
    project.write_text(yaml.safe_dump(settings))
    result = run(tmp_path)
    built = {g.model: g.rows for g in result.gold + result.customers}
    assert "dim_campaign" not in built and "fct_email_events" not in built
    assert "customer_metrics" not in built and "mart_ecommerce_rfm" not in built
    assert built["fct_orders"] > 0 and built["customer_profile"] > 0
    assert built["customer_recommendations"] > 0
    report = json.loads((tmp_path / "reports" / "run_report.json").read_text())
    answers = report["answers"]
    missing = {n: rows[0]["not_answered"] for n, rows in answers.items()
               if rows and "not_answered" in rows[0]}  # fmt: skip
    assert any("dim_campaign does not exist" in m for m in missing.values())
    assert all("(its sources are not in this workspace: " in m for m in missing.values())
    assert any("dim_campaign needs marketing_campaigns)" in m for m in missing.values())
    assert 0 < len(missing) < len(answers)  # the others answered
    for layer, table in [("bronze", "marketing_events"), ("quarantine", "bronze_ecommerce_orders"),
                         ("silver", "stg_marketing_events"), ("silver", "stg_mongo_customers"),
                         ("silver", "stg_email_bodies"),
                         ("quarantine", "silver_stg_ecommerce_orders"), ("gold", "dim_campaign"),
                         ("gold", "customer_metrics")]:  # fmt: skip
        assert not lake.table_dir(tmp_path, layer, table).exists(), (layer, table)
    assert not (tmp_path / "exports" / "csv" / "dim_campaign.csv").exists()
    assert (tmp_path / "exports" / "csv" / "fct_orders.csv").exists()


@pytest.mark.slow
def test_a_project_without_identity_sources_removes_the_customer_tables(tmp_path: Path) -> None:
    """The identity and customers layers run only with identity sources: once the project file
    has none and the identity tables are deleted (the run stops while they are there), what
    they built before is gone from the lake, the warehouse and the exports."""
    generate(tmp_path, Plan(seed=5, scale=0.01))
    run(tmp_path)
    names = [t.name for t in CUSTOMER_TABLES]
    assert all(lake.table_dir(tmp_path, "gold", n).exists() for n in names)
    project = tmp_path / "c360.yaml"
    settings = yaml.safe_load(project.read_text())
    settings["identity"]["sources"] = {}
    settings.pop("segments", None)  # conditions on the profile, which is no longer built
    project.write_text(yaml.safe_dump(settings))
    with pytest.raises(ConfigError, match=r"names no identity sources, but .* holds the custom"):
        run(tmp_path)
    assert all(lake.table_dir(tmp_path, "gold", n).exists() for n in names)
    for folder in (tmp_path / "lake" / "gold").glob("identity_*"):
        shutil.rmtree(folder)
    result = run(tmp_path)
    assert result.identity is None and result.customers == []
    assert not [n for n in names if lake.table_dir(tmp_path, "gold", n).exists()]
    assert not [n for n in names if (tmp_path / "exports" / "csv" / f"{n}.csv").exists()]
    listed = query_warehouse(tmp_path, "SELECT table_name FROM duckdb_tables()")
    tables = set(listed.column("table_name").to_pylist())
    assert "fct_orders" in tables and not tables & set(names)


def test_a_customer_repeated_in_its_file_reads_the_same_in_gold_and_in_the_profile(
    tmp_path: Path,
) -> None:
    """Silver and identity keep the same row of a repeated id, so dim_customer and the profile
    agree on what that row says (here: the preferred channel)."""
    generate(tmp_path, Plan(seed=4, scale=0.01))
    path = tmp_path / "sources" / "c360" / "crm_customers.csv"
    lines = path.read_text().splitlines()
    other = {'"email"': '"chat"', '"chat"': '"phone"', '"phone"': '"in_app"', '"in_app"': '"email"'}
    repeats = []
    for line in lines[1:31]:
        fields = line.split(",")
        fields[9] = other[fields[9]]
        repeats.append(",".join(fields))
    blank_id = ",".join(["", *lines[1].split(",")[1:]])  # no id: quarantined, no record either
    path.write_text("\n".join([*lines, *repeats, blank_id]) + "\n")
    _forget_rows(tmp_path)
    run(tmp_path)
    dim = lake.read_table(tmp_path, "gold", "dim_customer").to_pylist()
    links = lake.read_table(tmp_path, "gold", "identity_links").to_pylist()
    profile = lake.read_table(tmp_path, "gold", "customer_profile").to_pylist()
    crm_records: dict[str, int] = {}
    for link in links:
        if link["record_key"].startswith("customers:"):
            crm_records[link["customer360_id"]] = crm_records.get(link["customer360_id"], 0) + 1
    channel = {p["customer360_id"]: p["preferred_channel"] for p in profile}
    repeated = {line.split(",")[0].strip('"') for line in repeats}
    compared = [
        (row["preferred_channel"], channel[row["customer360_id"]])
        for row in dim
        if row["customer_id"] in repeated and crm_records.get(row["customer360_id"]) == 1
    ]
    assert len(compared) >= 10
    assert all(silver == profile for silver, profile in compared), compared


def test_a_deliverable_on_a_table_not_built_names_the_sources_it_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from c360.engines.duckdb.warehouse import MissingTableError
    from c360.pipeline import runner

    def missing(workspace: Path, sql: str) -> None:
        raise MissingTableError(
            "Catalog Error: Table with name dim_customer does not exist!", "dim_customer"
        )

    monkeypatch.setattr(runner, "query_warehouse", missing)
    lake.table_dir(tmp_path, "silver", "stg_orders").mkdir(parents=True)
    answer = runner._answer(tmp_path, "SELECT count(*) FROM fct_orders JOIN dim_customer USING (x)")
    assert answer.column("not_answered").to_pylist() == [
        "Catalog Error: Table with name dim_customer does not exist! (its sources are not in "
        "this workspace: dim_customer needs crm_customers)"
    ]  # fct_orders, named too, is not the table missing


def test_a_deliverable_on_a_table_duckdb_does_not_name_guesses_no_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from c360.engines.duckdb.warehouse import MissingTableError
    from c360.pipeline import runner

    def missing(workspace: Path, sql: str) -> None:
        raise MissingTableError("Catalog Error: Scalar Function with name f does not exist!")

    monkeypatch.setattr(runner, "query_warehouse", missing)
    answer = runner._answer(tmp_path, "SELECT f(1) FROM dim_customer")
    assert answer.column("not_answered").to_pylist() == [
        "Catalog Error: Scalar Function with name f does not exist! (its sources are not in "
        "this workspace)"
    ]


def test_a_file_passed_over_at_the_usual_place_is_a_warning_of_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    generate(tmp_path, Plan(seed=3, scale=0.01))
    (tmp_path / "sources" / "manifest.json").unlink()  # each table at its usual place
    orders = tmp_path / "sources" / "c360" / "orders.csv"
    packed = orders.with_name("orders.csv.gz")
    packed.write_bytes(orders.read_bytes())  # never read: the plain file wins
    assert main(["run", "-w", str(tmp_path), "--until", "bronze"]) == 0
    warning = f"{packed} is not landed: orders is read from {orders}, there too"
    assert "".join(warning.split()) in "".join(capsys.readouterr().out.split())  # lines wrap
    assert f"**Warning:** {warning}" in (tmp_path / "reports" / "run_report.md").read_text()


def test_a_spreadsheet_where_a_table_is_looked_for_stops_the_run_before_bronze(
    tmp_path: Path,
) -> None:
    generate(tmp_path, Plan(seed=3, scale=0.01))
    (tmp_path / "sources" / "manifest.json").unlink()
    orders = tmp_path / "sources" / "c360" / "orders.csv"
    orders.rename(orders.with_suffix(".xlsx"))
    with pytest.raises(
        SourceError, match=r"orders\.xlsx is not read: .*: export it as CSV \(or move"
    ):
        run(tmp_path)
    assert not (tmp_path / "lake").exists()

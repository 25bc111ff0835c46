"""The gold runner's contract check (exact columns, declared types, NULLs only where allowed)
and its shared inputs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import ibis
import pyarrow as pa
import pytest

from c360.contracts.model import Column, Table
from c360.engines import Engine
from c360.pipeline.gold import run
from c360.pipeline.gold.model import Shared
from c360.pipeline.gold.run import ContractError, conform

CONTRACT = Table(
    name="t",
    seed="000",
    description="",
    layer="gold",
    primary_key=("k",),
    columns=(Column("k", "string"), Column("n", "float"), Column("at", "timestamp", nullable=True)),
)


def test_conform_orders_columns_casts_types_and_sorts_by_key() -> None:
    data = pa.table(
        {
            "at": pa.array([None, dt.datetime(2024, 1, 1)], pa.timestamp("us", tz="UTC")),
            "n": pa.array([2, 1], pa.int32()),
            "k": ["b", "a"],
        }
    )
    out = conform(data, CONTRACT)
    assert out.schema == CONTRACT.arrow_schema()
    assert out.to_pylist() == [
        {"k": "a", "n": 1.0, "at": dt.datetime(2024, 1, 1)},
        {"k": "b", "n": 2.0, "at": None},
    ]


def test_conform_names_the_table_and_the_problem() -> None:
    with pytest.raises(ContractError, match=r"t: extra columns \['x'\], missing \['at'\]"):
        conform(pa.table({"k": ["a"], "n": [1.0], "x": [1]}), CONTRACT)
    with pytest.raises(ContractError, match=r"t: .*null"):
        conform(pa.table({"k": [None], "n": [1.0], "at": [None]}), CONTRACT)


def test_conform_rejects_null_entries_inside_lists_but_not_a_null_list() -> None:
    tags = Table("tags", "000", "", (Column("k", "string"), Column("tags", "list<string>",
                 nullable=True)), layer="gold", primary_key=("k",))  # fmt: skip
    ok = conform(pa.table({"k": ["a", "b", "c"], "tags": [["x"], None, []]}), tags)
    assert ok.column("tags").to_pylist() == [["x"], None, []]
    with pytest.raises(ContractError, match=r"tags: 2 NULL entries inside lists of tags"):
        conform(pa.table({"k": ["a", "b"], "tags": [["x", None], [None]]}), tags)


def test_a_shared_input_is_built_once_and_held_for_its_readers(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[str] = []

    def doubled(t: ibis.Table) -> ibis.Table:
        builds.append("doubled")
        return t.mutate(n2=t.n * 2)

    monkeypatch.setattr(run, "SHARED", {"doubled": Shared("doubled", ("numbers",), doubled)})
    numbers = engine.register("numbers", pa.table({"n": [1, 2]}))
    tables = {"numbers": numbers}
    first = run._input(tmp_path, engine, tables, "doubled")
    again = run._input(tmp_path, engine, tables, "doubled")
    assert first is not None and again is first
    assert builds == ["doubled"]
    assert sorted(engine.to_arrow(first).column("n2").to_pylist()) == [2, 4]
    engine.forget("shared_doubled")
    engine.forget("numbers")


def test_a_shared_input_of_a_missing_source_is_missing(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "SHARED", {"doubled": Shared("doubled", ("absent",), lambda t: t)})
    assert run._input(tmp_path, engine, {}, "doubled") is None


def _lake(workspace: Path, **layers: tuple[str, ...]) -> None:
    for layer, names in layers.items():
        for name in names:
            run.lake.table_dir(workspace, layer, name).mkdir(parents=True)


def test_a_gold_table_not_built_names_the_sources_it_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the gold tables and shared intermediates it reads, down to the source tables
    silver stages: what a workspace must add for it to be built."""
    table = {name: Table(name, "000", "", (), layer="gold") for name in ("a", "b", "c", "d")}
    monkeypatch.setattr(run, "SHARED", {"s": Shared("s", ("stg_returns", "stg_orders"), id)})
    monkeypatch.setattr(run, "MODELS", [
        run.GoldModel(table["a"], ("stg_orders",), id),  # built
        run.GoldModel(table["b"], ("stg_crm_customers", "stg_crm_customer_profile"), id),
        run.GoldModel(table["c"], ("a", "s", "stg_notes"), id),
        run.GoldModel(table["d"], ("b", "c", "stg_crm_accounts"), id),
    ])  # fmt: skip
    _lake(tmp_path, silver=("stg_orders", "stg_crm_customers"), gold=("a",))
    assert run.wanting(tmp_path) == {
        "b": ["crm_customer_profile"],
        "c": ["returns", "text_customer_notes"],
        "d": ["crm_accounts", "crm_customer_profile", "returns", "text_customer_notes"],
    }


def test_every_gold_table_names_its_sources_in_a_workspace_of_none(tmp_path: Path) -> None:
    wanting = run.wanting(tmp_path)
    assert set(wanting) == {model.name for model in run.MODELS}
    assert wanting["dim_customer"] == ["crm_customers"]  # its optional inputs are no need
    assert wanting["dim_date"] == [  # optional inputs only: any one of them would do
        "crm_interactions", "ecommerce_orders", "ecommerce_products", "marketing_events",
        "marketing_sends", "order_lines", "orders", "products", "returns", "text_customer_notes",
    ]  # fmt: skip
    assert all(wanting.values())


def test_a_missing_table_names_the_sources_of_that_table_alone(tmp_path: Path) -> None:
    """Only the table the query failed on: not every gold name its text happens to hold."""
    _lake(tmp_path, silver=("stg_orders",))
    needs = "fct_order_lines needs order_lines, products"
    assert run.not_built(tmp_path, "fct_order_lines") == needs
    assert run.not_built(tmp_path, "FCT_Order_Lines") == needs
    assert run.not_built(tmp_path, "nosuch") == ""
    assert run.not_built(tmp_path, None) == ""  # DuckDB's message named no table
    _lake(tmp_path, silver=("stg_order_lines", "stg_products"))
    assert run.not_built(tmp_path, "fct_order_lines") == ""  # its sources are there now


def test_dim_customer_needs_its_customers_alone(tmp_path: Path) -> None:
    """Its profile source, or the facts a profile is derived from without it, are optional."""
    _lake(tmp_path, silver=("stg_orders",))
    assert run.not_built(tmp_path, "dim_customer") == "dim_customer needs crm_customers"
    _lake(tmp_path, silver=("stg_crm_customers",))
    assert run.not_built(tmp_path, "dim_customer") == ""


def test_the_calendar_spans_the_facts_there_are(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A company without e-mail marketing or returns still has its orders' days: dim_date is
    built from the facts the workspace has, not only when it has them all."""
    from c360.contracts import gold_star
    from c360.pipeline.gold import star

    calendar = next(m for m in run.MODELS if m.name == "dim_date")
    monkeypatch.setattr(run, "MODELS", [calendar])
    orders = pa.table({"order_id": ["O1"], "date_key": pa.array([20240229], pa.int32())})
    run.lake.publish_table(tmp_path, "gold", "fct_orders", orders)
    built = run.build_gold(tmp_path, engine)
    assert [(b.model, b.rows) for b in built] == [("dim_date", 366)]
    assert run.wanting(tmp_path) == {}
    assert calendar.build is star.dim_date and calendar.contract is gold_star.DIM_DATE
    run.lake.drop(tmp_path, "gold", "fct_orders")
    run.lake.drop(tmp_path, "gold", "dim_date")
    assert run.build_gold(tmp_path, engine) == []  # no fact at all: no calendar
    monkeypatch.undo()  # every model: the sources of any fact would build it
    assert run.wanting(tmp_path)["dim_date"] == [
        "crm_interactions", "ecommerce_orders", "ecommerce_products", "marketing_events",
        "marketing_sends", "order_lines", "orders", "products", "returns", "text_customer_notes",
    ]  # fmt: skip


def test_the_calendar_is_built_after_every_fact_and_spans_them_all() -> None:
    """dim_date reads every gold fact (the notes and the shop's sales too, which later models
    build), so it is built once they all are."""
    from c360.contracts import GOLD_TABLES

    calendar = next(m for m in run.MODELS if m.name == "dim_date")
    facts = {t.name for t in GOLD_TABLES if t.name.startswith("fct_")}
    assert {"fct_notes", "fct_ecommerce_sales"} <= facts
    assert set(calendar.inputs) == set(calendar.optional) == facts
    order = [m.name for m in run.MODELS]
    assert all(order.index(fact) < order.index("dim_date") for fact in facts)


def test_kpis_are_measured_without_e_mail_marketing_or_returns(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Campaigns, sends and returns are optional inputs of kpi_measures: a shop without them
    still gets its CLV, conversion and churn; a workspace lacking them is not told to add them."""
    from c360.contracts import gold_star

    kpis = next(m for m in run.MODELS if m.name == "kpi_measures")
    monkeypatch.setattr(run, "MODELS", [kpis])
    for contract in (gold_star.DIM_CUSTOMER, gold_star.DIM_PRODUCT, gold_star.FCT_ORDERS):
        run.lake.publish_table(
            tmp_path, "gold", contract.name, contract.arrow_schema().empty_table()
        )
    built = run.build_gold(tmp_path, engine)
    assert [(b.model, b.rows) for b in built] == [("kpi_measures", 1)]
    row = run.lake.read_table(tmp_path, "gold", "kpi_measures").to_pylist()[0]
    assert (row["period"], row["conversion_rate"], row["open_rate"]) == ("all", 0.0, None)
    assert run.wanting(tmp_path) == {}
    run.lake.drop(tmp_path, "gold", "fct_orders")
    assert run.build_gold(tmp_path, engine) == []  # orders are not optional
    monkeypatch.undo()
    lacking = run.wanting(tmp_path)["kpi_measures"]
    assert "orders" in lacking and not {"marketing_sends", "marketing_campaigns", "returns"} & set(
        lacking
    )


def test_sorted_runs_are_put_in_key_order_without_sorting_their_rows() -> None:
    """An engine that keeps the order of a model's key-sorted input hands it back in a few
    sorted runs out of place (its threads each take a part): the runs are put in order."""
    blocks = [pa.table({"k": ["c", "d"], "n": [3, 4]}), pa.table({"k": ["a", "b"], "n": [1, 2]})]
    out = run.runs_in_order(pa.concat_tables(blocks), ("k",))
    assert out.to_pydict() == {"k": ["a", "b", "c", "d"], "n": [1, 2, 3, 4]}
    # runs need not follow the engine's blocks, and the key may have several columns
    data = pa.table({"a": [2, 2, 1, 1, 1], "b": ["x", "y", "x", "y", "z"]})
    assert run.runs_in_order(data, ("a", "b")).to_pydict() == {
        "a": [1, 1, 1, 2, 2],
        "b": ["x", "y", "z", "x", "y"],
    }


def test_sorted_data_and_runs_that_overlap_are_left_as_they_are() -> None:
    """Runs whose keys interleave, or a NULL key, are for the lake to sort (conform)."""
    ordered = pa.table({"k": ["a", "b", "c"]})
    assert run.runs_in_order(ordered, ("k",)) is ordered
    overlapping = pa.table({"k": ["a", "c", "b", "d"]})
    assert run.runs_in_order(overlapping, ("k",))["k"].to_pylist() == ["a", "c", "b", "d"]
    nulls = pa.table({"k": ["b", None, "a"]})
    assert run.runs_in_order(nulls, ("k",))["k"].to_pylist() == ["b", None, "a"]
    key_only = Table("k", "000", "", (Column("k", "string"),), layer="gold", primary_key=("k",))
    assert conform(overlapping, key_only)["k"].to_pylist() == ["a", "b", "c", "d"]


def test_a_model_built_in_its_inputs_order_is_published_in_key_order(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A model flagged ``in_input_order`` is not sorted by an engine that keeps the order of
    its input; what comes back out of order is put in order before it is published."""
    contract = Table("t", "000", "", (Column("k", "string"), Column("n", "int")), layer="gold",
                     primary_key=("k",))  # fmt: skip

    def halves(t: ibis.Table) -> ibis.Table:  # UNION ALL keeps each side's order: b's first
        return ibis.union(t.filter(t.k >= "b"), t.filter(t.k < "b"))

    model = run.GoldModel(contract, ("stg_t",), halves, in_input_order=True)
    monkeypatch.setattr(run, "MODELS", [model])
    rows = pa.table({"k": ["a1", "a2", "b1", "b2"], "n": pa.array([1, 2, 3, 4], pa.int64())})
    run.lake.publish_table(tmp_path, "silver", "stg_t", rows)
    assert [(b.model, b.rows) for b in run.build_gold(tmp_path, engine)] == [("t", 4)]
    assert run.lake.read_table(tmp_path, "gold", "t").to_pydict() == rows.to_pydict()


def test_a_crm_export_without_its_profile_table_gets_dim_customer_and_the_kpis(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Customers, products and orders alone: dim_customer derives its measures from the
    orders, and kpi_measures, which reads it, is measured; neither is reported missing."""
    from tests.pipeline.gold.test_star import CUSTOMER, ORDER, at, silver_schema

    wanted = {"dim_customer", "dim_product", "fct_orders", "kpi_measures"}
    monkeypatch.setattr(run, "MODELS", [m for m in run.MODELS if m.name in wanted])
    product = {"product_id": "PROD_00001", "product_name": "Lamp", "category": "Home & Garden",
               "brand": "B", "price_eur": 30.0, "margin_pct": 0.5, "sku": "S1",
               "in_stock": True}  # fmt: skip
    silver = {
        "stg_crm_customers": [{**CUSTOMER, "customer_id": "CUST_000001"},
                              {**CUSTOMER, "customer_id": "CUST_000002"}],
        "stg_products": [product],
        "stg_orders": [{**ORDER, "order_id": "ORD_0000001", "order_at": at(10),
                        "total_amount_eur": 30.0, "attributed_campaign_id": None}],
    }  # fmt: skip
    for name, rows in silver.items():
        data = pa.Table.from_pylist(rows, schema=silver_schema(name))
        run.lake.publish_table(tmp_path, "silver", name, data)
    built = {b.model: b.rows for b in run.build_gold(tmp_path, engine)}
    assert built == {"dim_customer": 2, "dim_product": 1, "fct_orders": 1, "kpi_measures": 2}
    dim = run.lake.read_table(tmp_path, "gold", "dim_customer").to_pylist()
    assert [(r["total_orders"], r["total_spend_eur"], r["clv_score"]) for r in dim] == [
        (1, 30.0, None),  # no order lines: the margin of what was bought is not known
        (0, 0.0, 0.0),  # nothing bought: no value
    ]
    kpi = run.lake.read_table(tmp_path, "gold", "kpi_measures").to_pylist()[-1]
    assert (kpi["period"], kpi["conversion_rate"], kpi["clv"]) == ("all", 0.5, 15.0)
    assert run.wanting(tmp_path) == {}

"""A CSV file's ``decimal`` setting in c360.yaml, from the file to silver and the run report."""

from __future__ import annotations

from pathlib import Path

from c360 import contracts
from c360.pipeline import lake
from c360.pipeline.runner import run

PRICES = ["1.234", "12.500", "1.234,50", "€2.000", "0.99"]


def _prices(workspace: Path) -> dict[str, float]:
    rows = lake.read_table(workspace, "silver", "stg_products").to_pylist()
    return {r["product_id"]: r["price_eur"] for r in rows}


def test_a_products_csv_reads_its_amounts_as_its_decimal_setting_says(tmp_path: Path) -> None:
    """Unit prices with three decimals ("1.234", "12.500", as a database exports NUMERIC(10,3)):
    unset, each row whose dot nothing explains is quarantined as ``ambiguous_amount`` and the
    run report says how to tell; ``decimal: point`` reads them as decimals, ``decimal: comma``
    as thousands. "1.234,50" reads the one way it can either way."""
    workspace = tmp_path / "ws"
    path = workspace / "sources" / "c360" / "products.csv"
    path.parent.mkdir(parents=True)
    header = ",".join(contracts.get("products").column_names)
    rows = [
        f'P{i},Lamp,home & garden,Sonivo,"{price}",0.2,SKU-{i},true'
        for i, price in enumerate(PRICES, 1)
    ]
    path.write_text("\n".join([header, *rows, ""]))

    run(workspace, until="silver")
    assert _prices(workspace) == {"P3": 1234.5, "P5": 0.99}
    quarantine = lake.read_table(workspace, "quarantine", "silver_stg_products").to_pylist()
    assert [(r["product_id"], r["reason"], r["column"]) for r in quarantine] == [
        (f"P{i}", "ambiguous_amount", "price_eur") for i in (1, 2, 4)
    ]
    report = (workspace / "reports" / "run_report.md").read_text()
    assert "`csv: {products: {decimal: point}}`" in report

    (workspace / "c360.yaml").write_text("csv:\n  products:\n    decimal: point\n")
    run(workspace, until="silver")
    assert _prices(workspace) == {"P1": 1.234, "P2": 12.5, "P3": 1234.5, "P4": 2.0, "P5": 0.99}
    assert "decimal: point" not in (workspace / "reports" / "run_report.md").read_text()

    (workspace / "c360.yaml").write_text("csv:\n  products:\n    decimal: comma\n")
    run(workspace, until="silver")
    assert _prices(workspace) == {
        "P1": 1234.0, "P2": 12500.0, "P3": 1234.5, "P4": 2000.0, "P5": 0.99
    }  # fmt: skip

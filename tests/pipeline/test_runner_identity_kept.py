"""A project file that lost its identity sources does not delete what identity resolution built."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pytest
import yaml

from c360.config import ConfigError
from c360.generate import Plan, generate
from c360.pipeline import lake
from c360.pipeline.runner import IDENTITY_TABLES, run

LEDGER = pa.table(
    {
        "run_id": ["2026-01-01T00:00:00Z"] * 3 + ["2026-02-01T00:00:00Z"],
        "kind": ["new", "new", "new", "merge"],
        "ids_before": ["", "", "", "C1,C2"],
        "id_after": ["C1", "C2", "C3", "C1"],
        "records": [1, 1, 2, 2],
        "evidence": [None, None, None, "[]"],
    }
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("identity_kept") / "ws"
    generate(path, Plan(seed=3, scale=0.01))
    return path


def _copy(generated: Path, tmp_path: Path) -> Path:
    """A workspace of its own: the generated sources and project file."""
    workspace = tmp_path / "ws"
    shutil.copytree(generated / "sources", workspace / "sources")
    shutil.copy(generated / "c360.yaml", workspace / "c360.yaml")
    return workspace


def _without_identity(workspace: Path, how: str) -> None:
    """The project file with its identity section gone, commented out, or emptied."""
    project = workspace / "c360.yaml"
    settings = yaml.safe_load(project.read_text())
    settings.pop("segments", None)  # conditions on the profile, which would not be built
    if how == "gone":
        del settings["identity"]
    elif how == "empty":
        settings["identity"]["sources"] = {}
    text = yaml.safe_dump(settings)
    if how == "commented":
        del settings["identity"]
        text = yaml.safe_dump(settings) + "# identity:\n#   sources: {}\n"
    project.write_text(text)


@pytest.mark.parametrize("how", ["gone", "commented", "empty"])
def test_a_run_that_would_delete_the_identity_ledger_stops_before_bronze(
    generated: Path, tmp_path: Path, how: str
) -> None:
    workspace = _copy(generated, tmp_path)
    _without_identity(workspace, how)
    lake.publish_table(workspace, "gold", "identity_ledger", LEDGER)
    lake.publish_table(workspace, "gold", "identity_links", pa.table({"customer360_id": ["C1"]}))
    gold = workspace / "lake" / "gold"
    with pytest.raises(ConfigError) as caught:
        run(workspace)
    assert str(caught.value) == (
        f"{workspace / 'c360.yaml'} names no identity sources, but {gold} holds the customers an "
        "earlier run resolved (identity_ledger: the history of 3 customer360_ids): this run "
        "would delete them with the profile, the scores and the segment history built on them, "
        "and no later run can bring back the ledger or its customer360_ids. Put the identity: "
        "section back in c360.yaml, or delete the folders identity_links, identity_ledger of "
        f"{gold} (rm -r {gold}/identity_*) to stop resolving customers on purpose"
    )
    assert not (workspace / "lake" / "bronze").exists()  # nothing landed
    assert lake.read_table(workspace, "gold", "identity_ledger").equals(LEDGER)
    run(workspace, until="bronze")  # only a whole run deletes the identity tables
    assert lake.read_table(workspace, "gold", "identity_ledger").equals(LEDGER)


@pytest.mark.slow
def test_a_run_that_never_resolved_customers_runs_without_identity_sources(
    generated: Path, tmp_path: Path
) -> None:
    """Only a lake that holds identity tables stops the run: here it lands, as before."""
    workspace = _copy(generated, tmp_path)
    _without_identity(workspace, "gone")
    (workspace / "lake" / "gold" / "customer_profile").mkdir(parents=True)  # not identity's
    result = run(workspace)
    assert result.identity is None and result.gold
    assert not [t for t in IDENTITY_TABLES if lake.table_dir(workspace, "gold", t.name).exists()]
    assert not lake.table_dir(workspace, "gold", "customer_profile").exists()

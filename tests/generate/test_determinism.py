"""Same seed and scale, same bytes; another seed, other data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from c360.generate import Plan, WorkspaceNotEmptyError, generate


def test_same_seed_same_manifest(tmp_path: Path) -> None:
    plan = Plan(seed=5, scale=0.02)
    first = generate(tmp_path / "a", plan)
    second = generate(tmp_path / "b", plan)
    other = generate(tmp_path / "c", Plan(seed=6, scale=0.02))
    assert first.manifest_sha256 == second.manifest_sha256
    assert first.manifest_sha256 != other.manifest_sha256


def test_parquet_format_writes_the_same_tables(tmp_path: Path) -> None:
    result = generate(tmp_path / "p", Plan(seed=5, scale=0.01, file_format="parquet"))
    files = json.loads((tmp_path / "p" / "sources" / "manifest.json").read_text())["files"]
    paths = {f["table"]: f["path"] for f in files}
    assert paths["orders"] == "sources/c360/orders.parquet"
    assert (tmp_path / "p" / paths["orders"]).is_file()
    assert result.rows["orders"] > 0


def test_manifest_lists_every_file_with_rows_and_digest(tmp_path: Path) -> None:
    generate(tmp_path / "m", Plan(seed=5, scale=0.01))
    manifest = json.loads((tmp_path / "m" / "sources" / "manifest.json").read_text())
    assert manifest["generator"] == {
        "version": manifest["generator"]["version"],
        "seed": 5,
        "scale": 0.01,
        "format": "csv",
        "dirt": 0.0,
    }
    for entry in manifest["files"]:
        assert (tmp_path / "m" / entry["path"]).exists(), entry["path"]
        assert len(entry["sha256"]) == 64
        assert entry["kind"] in ("source", "truth")


def test_writes_a_project_file_and_accepts_a_workspace_holding_only_one(tmp_path: Path) -> None:
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "c360.yaml").write_text("name: mine\n")
    generate(tmp_path / "w", Plan(scale=0.01))
    assert (tmp_path / "w" / "c360.yaml").read_text() == "name: mine\n"
    generate(tmp_path / "x", Plan(scale=0.01))
    assert "name: x" in (tmp_path / "x" / "c360.yaml").read_text()


def test_refuses_a_non_empty_workspace_without_force(tmp_path: Path) -> None:
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "notes.txt").write_text("mine")
    with pytest.raises(WorkspaceNotEmptyError):
        generate(tmp_path / "w", Plan(scale=0.01))
    generate(tmp_path / "w", Plan(scale=0.01), force=True)
    assert (tmp_path / "w" / "notes.txt").read_text() == "mine"  # --force keeps user files


def test_new_sources_take_away_what_runs_built_from_the_old_ones(tmp_path: Path) -> None:
    """A run after regenerating must not carry the old world's identity links, segment history
    or exports into the new one."""
    w = tmp_path / "w"
    generate(w, Plan(scale=0.01))
    built = [w / "lake" / "gold" / "identity_links" / "part-0.parquet", w / "warehouse.duckdb",
             w / "exports" / "csv" / "dim_customer.csv", w / "reports" / "run.md"]  # fmt: skip
    for path in built:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("old")
    (w / ".c360").mkdir(exist_ok=True)
    (w / ".c360" / "privacy.key").write_text("kept")
    generate(w, Plan(scale=0.01, seed=7), force=True)
    assert [p for p in built if p.exists()] == []
    assert (w / ".c360" / "privacy.key").read_text() == "kept"


@pytest.mark.parametrize(
    "kwargs",
    [{"scale": 0.001}, {"scale": 101}, {"file_format": "xlsx"}, {"dirt": 0.5}, {"seed": -1}],
)
def test_bad_plans_are_refused_with_a_message(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="must be"):
        Plan(**kwargs)  # type: ignore[arg-type]

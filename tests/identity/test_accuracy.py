"""Accuracy floors on generated identity sources at a small scale (the full target is measured
at scale 1 by benchmarks/bench_identity.py)."""

from __future__ import annotations

import pytest

from c360 import config, engines
from c360.generate import Plan, generate
from c360.identity.evaluate import read_truth, score_links
from c360.identity.run import resolve_workspace
from c360.pipeline import lake
from c360.pipeline.bronze.land import land_all

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    workspace = tmp_path_factory.mktemp("accuracy") / "ws"
    generate(workspace, Plan(seed=11, scale=0.1))
    land_all(workspace)
    identity = config.load(workspace).identity
    resolve_workspace(workspace, identity, engines.connect("duckdb").splink_api)
    links = lake.read_table(workspace, "gold", "identity_links")
    return score_links(links, read_truth(workspace / "truth" / "identity.csv"))


def test_every_record_is_scored(scores: dict) -> None:  # type: ignore[type-arg]
    assert scores["records"] > 7_000 and scores["records_without_truth"] == 0
    assert scores["truth_without_link"] == 0  # no record lost


def test_precision_and_recall_floors(scores: dict) -> None:  # type: ignore[type-arg]
    assert scores["pairwise_precision"] >= 0.99, scores
    assert scores["pairwise_recall"] >= 0.97, scores
    assert scores["bcubed_precision"] >= 0.99 and scores["bcubed_recall"] >= 0.97, scores

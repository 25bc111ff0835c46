"""benchmarks/check_baseline.py compares c360's gold with the pandas baseline's tables."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pandas as pd

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "check_baseline.py"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_baseline", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOP = {"product_id": ["P1", "P2"], "total_units": [9, 7]}


def test_columns_c360_adds_are_not_compared() -> None:
    ours = pd.DataFrame({"units_rank": [1, 2], **TOP, "customer360_id": ["A", "B"]})
    theirs = pd.DataFrame({"units_rank": [1, 2], **TOP})
    assert load().differences(ours, theirs) == []


def test_a_baseline_column_c360_lacks_is_a_difference() -> None:
    # A column renamed on one side only is not left out of the comparison unnoticed.
    ours = pd.DataFrame({"units_rank": [1, 2], **TOP})
    theirs = pd.DataFrame({"revenue_rank": [1, 2], **TOP})
    assert load().differences(ours, theirs) == ["not in c360: revenue_rank"]


def test_values_that_differ_are_named() -> None:
    ours = pd.DataFrame({"units_rank": [1, 2], **TOP})
    theirs = pd.DataFrame({"units_rank": [1, 2], "product_id": ["P1", "P2"], "total_units": [9, 8]})
    [found] = load().differences(ours, theirs)
    assert found.startswith("total_units: 1 rows, e.g. ")

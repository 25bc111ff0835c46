"""The Splink model's shape: comparisons and blocking rules from the roles present."""

from __future__ import annotations

import logging

import pyarrow as pa
import pytest
from splink import Linker

from c360.engines import Engine
from c360.identity.matching import (
    BLOCKING,
    RULE_COMPARISONS,
    level_labels,
    settings,
    splink_input,
)
from c360.identity.normalise import normalise_records


def _records() -> pa.Table:
    return normalise_records(
        pa.table(
            {
                "record_key": ["a:1", "b:1", "c:1"],
                "first_name": ["Bob", "Robert", "Emma"],
                "last_name": ["Smith", "Smith", "Roy"],
                "email": ["bob+shop@example.com", "Bob@Example.com", None],
            }
        )
    )


def test_rule_levels_are_the_same_value_levels(engine: Engine) -> None:
    """``RULE_COMPARISONS`` names the gamma of each rule comparison's exact-match level."""
    data = splink_input(_records())
    present = {"first_name", "last_name", "email_canonical", "email_local", "national_id",
               "source_id"}  # fmt: skip
    linker = Linker(engine.splink_api().register(data), settings(present), log_level=logging.ERROR)
    labels = level_labels(linker)
    for comparison, gamma in RULE_COMPARISONS.items():
        assert labels[comparison][gamma].lower().startswith("exact match")


def test_settings_leave_out_what_is_absent() -> None:
    made = settings({"first_name", "first_name_canonical", "last_name"}).get_settings("duckdb")
    names = [c.output_column_name for c in made.comparisons]
    assert names == ["name"]
    rules = [r.blocking_rule_sql for r in made._blocking_rules_to_generate_predictions]
    assert rules == [
        '(l."first_name_canonical" = r."first_name_canonical") AND (l."last_name" = r."last_name")'
    ]


def test_nothing_to_match_on() -> None:
    with pytest.raises(ValueError, match="nothing to match on"):
        settings({"country"})


def test_every_blocking_column_is_a_splink_input() -> None:
    data = splink_input(_records())
    assert {c for rule in BLOCKING for c in rule} <= set(data.column_names)
    assert data.column("email_canonical").to_pylist() == [
        "bob@example.com",
        "bob@example.com",
        None,
    ]
    assert data.column("full_name").to_pylist() == ["bob smith", "robert smith", "emma roy"]

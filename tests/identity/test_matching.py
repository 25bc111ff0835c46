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
        '(l."first_name_canonical" = r."first_name_canonical") AND (l."last_name" = r."last_name")',
        'l."first_name" = r."last_name" AND l."last_name" = r."first_name"',
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


def test_a_shared_postcode_says_whether_the_streets_differ(engine: Engine) -> None:
    """Namesakes of one postcode live on other streets; one person's records rarely do."""
    records = normalise_records(
        pa.table(
            {
                "record_key": ["a:1", "b:1", "c:1", "d:1"],
                "first_name": ["Anne"] * 4,
                "last_name": ["Roy"] * 4,
                "address_line": ["32 ch. des Vignes", "32 chemin des Vignes", "7 rue Carnot", None],
                "postcode": ["64200"] * 4,
            }
        )
    )
    present = {"first_name", "first_name_canonical", "last_name", "address_line", "postcode"}
    registered = engine.splink_api().register(splink_input(records))
    linker = Linker(registered, settings(present), log_level=logging.ERROR)
    labels = level_labels(linker)["place"]
    pairs = linker.inference.predict().as_pyarrow_table()
    found = {
        (row["record_key_l"], row["record_key_r"]): labels[row["gamma_place"]]
        for row in pairs.select(["record_key_l", "record_key_r", "gamma_place"]).to_pylist()
    }
    assert found == {
        ("a:1", "b:1"): "Exact match on address_line",  # "ch." is "chemin"
        ("a:1", "c:1"): "same postcode, another street",
        ("b:1", "c:1"): "same postcode, another street",
        ("a:1", "d:1"): "same postcode, street unknown",
        ("b:1", "d:1"): "same postcode, street unknown",
        ("c:1", "d:1"): "same postcode, street unknown",
    }


def test_records_with_first_and_last_name_swapped_are_compared(engine: Engine) -> None:
    records = normalise_records(
        pa.table(
            {
                "record_key": ["crm:1", "shop:1", "shop:2"],
                "first_name": ["Martin", "Bernard", "Martin"],
                "last_name": ["Bernard", "Martin", "Dupont"],
            }
        )
    )
    present = {"first_name", "first_name_canonical", "last_name"}
    registered = engine.splink_api().register(splink_input(records))
    linker = Linker(registered, settings(present), log_level=logging.ERROR)
    pairs = linker.inference.predict().as_pyarrow_table()
    found = set(
        zip(pairs["record_key_l"].to_pylist(), pairs["record_key_r"].to_pylist(), strict=True)
    )
    assert found == {("crm:1", "shop:1")}

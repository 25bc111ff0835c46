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
    filled,
    level_labels,
    numbered,
    score,
    settings,
    splink_input,
    train,
)
from c360.identity.normalise import normalise_records
from c360.identity.run import _rounded


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


def test_numbered_ranks_compare_as_their_keys() -> None:
    """Byte order, as the engines compare text: "b:10" before "b:2", "Z" before "a", "é" last."""
    data = pa.table({"record_key": ["b:2", "é:1", "a:9", "b:10", "Z:3"], "x": [1, 2, 3, 4, 5]})
    ranked, keys = numbered(data)
    assert keys.to_pylist() == ["Z:3", "a:9", "b:10", "b:2", "é:1"]
    assert ranked.column("record_key").to_pylist() == [3, 4, 1, 2, 0]
    assert ranked.column("x").to_pylist() == [1, 2, 3, 4, 5]
    assert keys.take(ranked.column("record_key")).to_pylist() == data["record_key"].to_pylist()


def _people() -> pa.Table:
    first = ["Anne", "Anne", "Bob", "Robert", "Emma", "Emma", "Paul", "Paula", "Jean", "Jean"]
    return normalise_records(
        pa.table(
            {
                "record_key": ["b:2", "a:9", "b:10", "é:1", "Z:3", "c:4", "c:5", "d:6", "d:7",
                               "d:8"],
                "first_name": first,
                "last_name": ["Roy", "Roy", "Smith", "Smith", "Stone", "Stone", "Weber",
                              "Weber", "Martin", "Martin"],
                "email": ["anne@x.fr", "anne@x.fr", "bob@y.com", "bob@y.com", None,
                          "emma@z.de", "pw@w.de", "pw@w.de", None, None],
                "postcode": ["64200", "64200", None, None, "10115", "10115", None, None,
                             "75001", "75002"],
            }
        )
    )  # fmt: skip


def test_numbered_records_score_as_the_keyed_ones(engine: Engine) -> None:
    """Scoring the numbered records finds the pairs, sides, levels and weights that the trained
    linker finds on the records under their keys."""
    api = engine.splink_api()  # one database: Spark's tables are named per API, from 0
    data = splink_input(_people())
    linker = train(api.register(data), filled(data))
    keyed = linker.inference.predict(threshold_match_probability=0.0).as_pyarrow_table()
    model = linker.misc.save_model_to_json()
    linker.table_management.invalidate_cache()
    found = _rounded(score(api, data, model, 0.0))
    keyed = _rounded(keyed.select(found.column_names))
    order = [("record_key_l", "ascending"), ("record_key_r", "ascending")]
    assert found.num_rows > 0
    assert found.sort_by(order).to_pylist() == keyed.sort_by(order).to_pylist()
    assert all(row["record_key_l"] < row["record_key_r"] for row in found.to_pylist())

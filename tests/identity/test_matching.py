"""The Splink model's shape: comparisons and blocking rules from the roles present."""

from __future__ import annotations

import logging
import random
from datetime import date, timedelta
from typing import Any

import pyarrow as pa
import pytest
from splink import Linker

from c360.engines import Engine, connect
from c360.identity.blocking import BLOCKING, REVERSED_CAPPED, Blocking, cap_blocks
from c360.identity.matching import (
    RULE_COMPARISONS,
    TrainingError,
    filled,
    level_labels,
    numbered,
    predict,
    score,
    settings,
    splink_input,
    train,
    u_sample,
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
    emails, names = data.column("email_canonical"), data.column("full_name")
    assert emails[0] == emails[1] and emails[2].as_py() is None  # bob+shop@ is bob@
    assert len(set(names.to_pylist())) == 3  # "bob smith", "robert smith", "emma roy"


def test_values_compared_only_for_equality_are_numbers() -> None:
    """Exact matches, blocking equalities and term frequencies ask only whether two values are
    equal: each distinct value is one number, NULL stays NULL. Names stay text (Jaro-Winkler,
    swapped names), the birth date a date (parsed once per record, not once per pair)."""
    data = splink_input(
        normalise_records(
            pa.table(
                {
                    "record_key": ["a:1", "b:1", "c:1", "d:1"],
                    "first_name": ["Bob", "Robert", "Emma", None],
                    "last_name": ["Smith", "Smith", "Roy", "Roy"],
                    "postcode": ["64200", "64200", None, "10115"],
                    "date_of_birth": ["1980-05-04", "04/05/1980", None, "1999-12-31"],
                }
            )
        )
    )
    assert data.column("date_of_birth").type == pa.date32()
    assert data.column("date_of_birth").to_pylist() == [
        date(1980, 5, 4), date(1980, 5, 4), None, date(1999, 12, 31)
    ]  # fmt: skip
    for name in ("first_name_canonical", "full_name", "postcode", "email_canonical", "city"):
        assert pa.types.is_integer(data.column(name).type), name
    postcodes = data.column("postcode").to_pylist()
    assert postcodes[0] == postcodes[1] != postcodes[3] and postcodes[2] is None
    canonical = data.column("first_name_canonical").to_pylist()
    assert canonical[0] == canonical[1] != canonical[2] and canonical[3] is None  # Bob: robert
    assert data.column("email_canonical").null_count == 4
    assert data.column("first_name").to_pylist() == ["bob", "robert", "emma", None]


def test_birth_dates_are_compared_by_difference(engine: Engine) -> None:
    """The same date, one digit apart, within a year, within ten years, further, unknown."""
    born = [date(1980, 5, 4), date(1980, 5, 4), date(1980, 5, 14), date(1981, 2, 1),
            date(1975, 1, 1), date(1950, 1, 1), None]  # fmt: skip
    records = normalise_records(
        pa.table(
            {
                "record_key": [f"a:{i}" for i in range(len(born))],
                "first_name": ["Anne"] * len(born),
                "last_name": ["Roy"] * len(born),
                "date_of_birth": pa.array(born, pa.date32()),
            }
        )
    )
    present = {"first_name", "first_name_canonical", "last_name", "date_of_birth"}
    registered = engine.splink_api().register(splink_input(records))
    linker = Linker(registered, settings(present), log_level=logging.ERROR)
    labels = level_labels(linker)["date_of_birth"]
    pairs = linker.inference.predict().as_pyarrow_table()
    found = {
        (row["record_key_l"], row["record_key_r"]): labels[row["gamma_date_of_birth"]]
        for row in pairs.select(["record_key_l", "record_key_r", "gamma_date_of_birth"]).to_pylist()
    }
    assert found[("a:0", "a:1")] == "Exact match on date of birth"
    assert found[("a:0", "a:2")] == "Levenshtein distance <= 1"
    assert found[("a:0", "a:3")] == "Abs date difference <= 1 year"
    assert found[("a:0", "a:4")] == "Abs date difference <= 10 year"
    assert found[("a:0", "a:5")] == "All other comparisons"
    assert found[("a:0", "a:6")] == "unknown"
    assert found[("a:3", "a:4")] == "Abs date difference <= 10 year"  # 6 years, 1 month


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
    linker = train(api, data, filled(data))
    keyed = linker.inference.predict(threshold_match_probability=0.0).as_pyarrow_table()
    model = linker.misc.save_model_to_json()
    linker.table_management.invalidate_cache()
    found = _rounded(score(api, data, model, 0.0))
    keyed = _rounded(keyed.select(found.column_names))
    order = [("record_key_l", "ascending"), ("record_key_r", "ascending")]
    assert found.num_rows > 0
    assert found.sort_by(order).to_pylist() == keyed.sort_by(order).to_pylist()
    assert all(row["record_key_l"] < row["record_key_r"] for row in found.to_pylist())


def _crowd(size: int) -> pa.Table:
    """``size`` records of a few hundred people: names, e-mails, birth dates and postcodes
    drawn from small sets, so that random pairs agree at most levels."""
    draw = random.Random(7)
    firsts = ["Anne", "Bruno", "Chloe", "David", "Farid", "Gustav", "Ines", "Olga", "Yann"]
    lasts = ["Roy", "Smith", "Weber", "Novak", "Dubois", "Kowalski", "Tanaka"]
    people = [
        (draw.choice(firsts), draw.choice(lasts), f"p{draw.randrange(60)}@x.fr",
         date(1960, 1, 1) + timedelta(days=draw.randrange(40)), f"{draw.randrange(12):05d}")
        for _ in range(size // 3)
    ]  # fmt: skip
    rows = [draw.choice(people) for _ in range(size)]
    return normalise_records(
        pa.table(
            {
                "record_key": [f"{draw.choice('abc')}:{i}" for i in range(size)],
                "first_name": [r[0] for r in rows],
                "last_name": [r[1] for r in rows],
                "email": [r[2] if draw.random() < 0.8 else None for r in rows],
                "date_of_birth": pa.array([r[3] for r in rows], pa.date32()),
                "postcode": [r[4] for r in rows],
            }
        )
    )


def _keys(table: pa.Table) -> set[str]:
    return set(table.column("record_key").to_pylist())


def test_the_u_sample_is_chosen_by_the_keys_alone() -> None:
    """The same records whatever the rows' order or chunks (the engine takes no part), about
    as many as make the pairs asked for; a table that makes fewer pairs is taken whole."""
    data = splink_input(_crowd(3000))
    sample = u_sample(data, max_pairs=5_000)  # 100.5 records make 5,000 pairs
    assert 70 <= sample.num_rows <= 130
    assert sample.schema == data.schema
    order = list(range(data.num_rows))
    random.Random(3).shuffle(order)
    shuffled = data.take(order)
    rechunked = pa.concat_tables([shuffled.slice(0, 1234), shuffled.slice(1234)])
    assert _keys(u_sample(rechunked, max_pairs=5_000)) == _keys(sample)
    assert _keys(u_sample(data, max_pairs=5_000, seed=1)) != _keys(sample)
    assert u_sample(data.slice(0, 90), max_pairs=5_000).num_rows == 90
    assert u_sample(data.slice(0, 0), max_pairs=5_000).num_rows == 0


def _u(model: dict[str, Any]) -> dict[tuple[str, str], Any]:
    return {
        (c["output_column_name"], lv["label_for_charts"]): lv.get("u_probability")
        for c in model["comparisons"]
        for lv in c["comparison_levels"]
    }


def _m(model: dict[str, Any]) -> dict[tuple[str, str], Any]:
    return {
        (c["output_column_name"], lv["label_for_charts"]): lv.get("m_probability")
        for c in model["comparisons"]
        for lv in c["comparison_levels"]
    }


def test_u_is_counted_on_every_pair_of_the_sample() -> None:
    """u of a level is its share of the sample's pairs where both values are known: no pair
    is left out, and no other record is drawn (Spark's u equals DuckDB's: the test below)."""
    data = splink_input(_crowd(900))
    linker = train(connect("duckdb").splink_api(), data, filled(data), u_pairs=2_000)
    model = linker.misc.save_model_to_json()
    emails = u_sample(data, max_pairs=2_000).column("email_canonical").to_pylist()
    known = [e for e in emails if e is not None]
    pairs = [(a, b) for i, a in enumerate(known) for b in known[i + 1 :]]
    same = sum(a == b for a, b in pairs)
    assert 0 < same < len(pairs)
    u = _u(model)
    share = same / len(pairs)
    assert u[("email_canonical", "Exact match on email_canonical")] == pytest.approx(share)
    assert u[("email_canonical", "All other comparisons")] == pytest.approx(1 - share)


@pytest.mark.spark
def test_duckdb_and_spark_train_the_same_model() -> None:
    """The same u (the same sample, every pair counted), hence the same m and prior."""
    data = splink_input(_crowd(900))
    trained = [train(connect(name).splink_api(), data, filled(data), u_pairs=2_000)
               for name in ("duckdb", "spark")]  # fmt: skip
    models = [linker.misc.save_model_to_json() for linker in trained]
    assert _u(models[0]) == _u(models[1])
    m = {k: v for k, v in _m(models[1]).items() if v is not None}
    assert {k: v for k, v in _m(models[0]).items() if v is not None} == pytest.approx(m, rel=1e-9)
    prior = models[1]["probability_two_random_records_match"]
    assert models[0]["probability_two_random_records_match"] == pytest.approx(prior, rel=1e-12)


def _numbered_mailboxes() -> pa.Table:
    """Six customers of a shop whose addresses differ by a number only (their letters are one
    blocking key), and one person's address written twice."""
    return normalise_records(
        pa.table(
            {
                "record_key": [f"a:{i}" for i in range(8)],
                "first_name": ["Ann", "Bob", "Chloe", "Dan", "Eve", "Farid", "Gus", "Gus"],
                "last_name": ["Roy", "Smith", "Weber", "Novak", "Dubois", "Tanaka", "Lee", "Lee"],
                "email": [*(f"user{i}@shop.com" for i in range(6)), "gus.lee@a.com",
                          "Gus.Lee@A.com"],
            }
        )
    )  # fmt: skip


def test_a_key_value_shared_by_too_many_records_is_not_blocked_on() -> None:
    """A value of a rule's key shared by more than ``most`` records pairs none of them by
    that rule (the others still can), and a note says so, naming the value."""
    records = _numbered_mailboxes()
    data, blocking = cap_blocks(splink_input(records), records, most=5)
    assert dict(blocking.capped) == {("email_local",): "block_email_local"}
    key = data.column("block_email_local").to_pylist()
    assert key[:6] == [None] * 6 and key[6] == key[7] is not None
    assert blocking.notes == (
        "the letters of an e-mail's local part shared by more than 5 records was not used to "
        "pair them ('user', 6 records)",
    )
    made = settings(filled(data), blocking=blocking).get_settings("duckdb")
    rules = [r.blocking_rule_sql for r in made._blocking_rules_to_generate_predictions]
    assert (
        '(l."email_local" = r."email_local") AND (l."block_email_local" = r."block_email_local")'
        in rules
    )


def test_a_rule_with_no_crowded_value_is_unchanged() -> None:
    records = _numbered_mailboxes()
    data = splink_input(records)
    capped, blocking = cap_blocks(data, records, most=6)
    assert capped.equals(data) and blocking == Blocking(most=6)
    present = filled(data)
    assert [r.blocking_rule_sql for r in settings(present, blocking=blocking).get_settings(
        "duckdb")._blocking_rules_to_generate_predictions] == [
        r.blocking_rule_sql
        for r in settings(present).get_settings("duckdb")._blocking_rules_to_generate_predictions
    ]  # fmt: skip


def test_crowded_values_make_no_candidate_pair() -> None:
    """Scored with a cap of 5, the six numbered mailboxes make no pair: nothing else of theirs
    agrees; one person's two records still make theirs."""
    scored = predict(connect("duckdb").splink_api(), _numbered_mailboxes(), floor=0.0, most=5)
    pairs = {(r["record_key_l"], r["record_key_r"]) for r in scored.pairs.to_pylist()}
    assert pairs == {("a:6", "a:7")}
    assert len(scored.notes) == 1 and "'user', 6 records" in scored.notes[0]


def test_swapped_names_shared_by_too_many_records_are_not_blocked_on() -> None:
    """ "Test Test" typed for every test record: the swapped-names rule would pair them all."""
    records = normalise_records(
        pa.table(
            {
                "record_key": [f"a:{i}" for i in range(6)],
                "first_name": ["Test"] * 4 + ["Ann", "Lee"],
                "last_name": ["Test"] * 4 + ["Lee", "Ann"],
            }
        )
    )
    data, blocking = cap_blocks(splink_input(records), records, most=3)
    assert blocking.swapped and blocking.reversed_rule() is REVERSED_CAPPED
    assert data.column("names_key").to_pylist()[:4] == [None] * 4
    own, swapped = data.column("names_key").to_pylist(), data.column("names_swapped").to_pylist()
    assert own[4] == swapped[5] is not None and own[5] == swapped[4] is not None
    assert ("first_name_canonical", "last_name") in blocking.capped


def test_an_email_alone_trains_without_a_session_that_would_use_it_up() -> None:
    """E-mail the only comparison: EM blocked on it would have nothing left to estimate."""
    records = normalise_records(
        pa.table(
            {
                "record_key": [f"a:{i}" for i in range(8)],
                "email": ["ann@x.com", "Ann@X.com", "bob@y.com", "carl@z.com", "dan@z.com",
                          "dan@z.com", "eve@q.com", "fay@q.com"],
            }
        )
    )  # fmt: skip
    scored = predict(connect("duckdb").splink_api(), records)
    pairs = {(r["record_key_l"], r["record_key_r"]) for r in scored.pairs.to_pylist()}
    assert pairs == {("a:0", "a:1"), ("a:4", "a:5")}


def test_no_pair_for_the_prior_is_said_in_plain_words() -> None:
    records = normalise_records(
        pa.table({"record_key": ["a:1", "a:2", "a:3"], "email": ["a@x.com", "b@x.com", "c@y.com"]})
    )
    with pytest.raises(TrainingError) as caught:
        predict(connect("duckdb").splink_api(), records)
    assert str(caught.value) == (
        "no two records share an e-mail address, which the model needs to estimate how many of "
        "them are duplicates"
    )

"""Pairwise and B-cubed scores, from contingency counts."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.identity.evaluate import (
    fold,
    profile_people,
    read_people,
    read_truth,
    score,
    score_links,
    score_profiles,
)

TRUTH = {"a": "p1", "b": "p1", "c": "p1", "d": "p2"}


def test_a_hand_computed_example() -> None:
    # Predicted {a, b} and {c, d} against true {a, b, c} and {d}.
    s = score({"a": "a", "b": "a", "c": "c", "d": "c"}, TRUTH)
    assert (s.records, s.true_pairs, s.predicted_pairs, s.correct_pairs) == (4, 3, 2, 1)
    assert (s.pairwise_precision, s.pairwise_recall) == (0.5, pytest.approx(1 / 3))
    assert s.pairwise_f1 == pytest.approx(0.4)
    # Precision per record: 1, 1, 1/2, 1/2. Recall: 2/3, 2/3, 1/3, 1.
    assert s.bcubed_precision == pytest.approx(0.75)
    assert s.bcubed_recall == pytest.approx(2 / 3)
    assert s.bcubed_f1 == pytest.approx(12 / 17)


def test_a_record_without_truth_is_not_scored() -> None:
    s = score({"a": "a", "b": "a", "c": "a", "d": "d", "z": "a"}, TRUTH)
    assert (s.records, s.lost, s.true_pairs, s.predicted_pairs, s.correct_pairs) == (4, 0, 3, 3, 3)
    assert s.pairwise_f1 == s.bcubed_f1 == 1.0


def test_a_record_the_prediction_lost_is_missed() -> None:
    """c and d are in the truth but in no cluster: alone, so c's pairs with a and b are missed."""
    s = score({"a": "a", "b": "a", "z": "a"}, TRUTH)
    assert (s.records, s.lost, s.true_pairs, s.predicted_pairs, s.correct_pairs) == (4, 2, 3, 1, 1)
    assert (s.pairwise_precision, s.pairwise_recall) == (1.0, pytest.approx(1 / 3))
    # Recall per record: 2/3, 2/3, 1/3 (c alone), 1 (d alone, as it should be).
    assert s.bcubed_precision == 1.0
    assert s.bcubed_recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    # The same as a prediction that holds them as singletons.
    alone = score({"a": "a", "b": "a", "c": "c", "d": "d"}, TRUTH)
    assert (alone.pairwise_recall, alone.bcubed_recall) == (s.pairwise_recall, s.bcubed_recall)


def test_lost_records_lower_recall_in_bulk() -> None:
    """Thousands of truth rows with no link weigh in recall, not only in a count."""
    truth = {f"r{i}": f"p{i // 2}" for i in range(4000)}
    kept = {r: truth[r] for r in list(truth)[:1000]}  # clustered perfectly
    s = score(kept, truth)
    assert (s.records, s.lost) == (4000, 3000)
    assert s.pairwise_precision == 1.0 and s.pairwise_recall == pytest.approx(0.25)
    assert s.bcubed_recall == pytest.approx((1000 + 3000 * 0.5) / 4000)


def test_links_count_the_records_either_side_lacks() -> None:
    links = pa.table({"record_key": ["a", "b", "z"], "customer360_id": ["x", "x", "y"]})
    scores = score_links(links, TRUTH)
    assert scores["records_without_truth"] == 1  # z
    assert scores["truth_without_link"] == 2  # c and d: lost, or their source not read
    assert "lost" not in scores  # the count is truth_without_link
    assert (scores["records"], scores["pairwise_recall"]) == (4, pytest.approx(1 / 3))


def test_lost_records_count_in_their_source() -> None:
    links = pa.table({"record_key": ["crm:a", "web:b"], "customer360_id": ["x", "x"]})
    truth = {"crm:a": "p1", "web:b": "p1", "web:c": "p1", "crm:d": "p2"}
    by_source = score_links(links, truth)["by_source"]
    assert by_source["crm"] == {
        "bcubed_precision": 1.0, "bcubed_recall": pytest.approx((2 / 3 + 1) / 2), "records": 2,
        "lost": 1,
    }  # fmt: skip
    assert by_source["web"]["bcubed_recall"] == pytest.approx((2 / 3 + 1 / 3) / 2)
    assert by_source["web"]["lost"] == 1


def test_nothing_to_score() -> None:
    s = score({}, {})
    assert (s.records, s.pairwise_precision, s.pairwise_recall, s.bcubed_f1) == (0, 1.0, 1.0, 1.0)


def test_all_singletons_are_precise_but_recall_nothing() -> None:
    s = score({r: r for r in TRUTH}, TRUTH)
    assert (s.pairwise_precision, s.pairwise_recall, s.pairwise_f1) == (1.0, 0.0, 0.0)
    assert s.bcubed_precision == 1.0
    assert s.bcubed_recall == pytest.approx((1 / 3 * 3 + 1) / 4)


def test_one_big_cluster_recalls_everything() -> None:
    s = score(dict.fromkeys(TRUTH, "a"), TRUTH)
    assert (s.pairwise_precision, s.pairwise_recall) == (0.5, 1.0)
    assert (s.bcubed_precision, s.bcubed_recall) == (pytest.approx(10 / 16), 1.0)


assignments = st.dictionaries(
    st.text("abcdefgh", min_size=1, max_size=2), st.integers(0, 4), max_size=20
)


@settings(max_examples=200, deadline=None)
@given(assignments, assignments)
def test_pair_counts_match_enumeration(predicted: dict[str, int], truth: dict[str, int]) -> None:
    s = score(predicted, truth)
    # A record of the truth the prediction lacks is a cluster of its own.
    pairs = list(itertools.combinations(sorted(truth), 2))
    together = {(a, b) for a, b in pairs if a in predicted and predicted.get(b) == predicted[a]}
    same = {(a, b) for a, b in pairs if truth[a] == truth[b]}
    assert (s.predicted_pairs, s.true_pairs, s.correct_pairs) == (
        len(together),
        len(same),
        len(together & same),
    )
    assert (s.records, s.lost) == (len(truth), len(truth.keys() - predicted.keys()))
    assert 0.0 <= s.bcubed_precision <= 1.0 and 0.0 <= s.bcubed_recall <= 1.0
    perfect = score(truth, truth)
    assert perfect.pairwise_f1 == perfect.bcubed_f1 == 1.0


# c1 holds two records of p1 and one of p2; c2 one of p2 and one of p3 (a tie: p2, the smaller
# id); c3 none of the truth; c4 only p4, whom the people file lacks; c5 a second profile of p1.
PROFILE_LINKS = pa.table({
    "record_key": ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"],
    "customer360_id": ["c1", "c1", "c1", "c2", "c2", "c3", "c4", "c5"],
})  # fmt: skip
PROFILE_TRUTH = {"r1": "p1", "r2": "p2", "r3": "p1", "r4": "p3", "r5": "p2", "r7": "p4",
                 "r8": "p1"}  # fmt: skip
PEOPLE = pa.table({
    "person_id": ["p1", "p2", "p3"],
    "first_name": ["Mélanie", "Jörg", "Jorge"],
    "last_name": ["Dupont", "Müller", "Muller"],
    "email": ["m.dupont@example.fr", "jm@example.de", "jorge@example.es"],
    "date_of_birth": ["1980-01-02", "1975-05-06", "1990-07-08"],
})  # fmt: skip
DAY = dt.date.fromisoformat
PROFILES = pa.table({
    "customer360_id": ["c5", "c4", "c3", "c2", "c1"],  # in no order
    "first_name": ["Melanie", "Zoe", "Ana", "Jorg", "Mélanie"],
    "last_name": ["Dupond", "Roy", "Sanz", "Muller", "DUPONT"],
    "primary_email": [None, "z@example.com", None, "jorge@example.es", "m.dupont@example.fr"],
    "date_of_birth": pa.array(
        [DAY("1980-02-01"), None, None, None, DAY("1980-01-02")], pa.date32()
    ),
    "city": ["Lyon", "Paris", "Lyon", "Köln", "Lyon"],  # the people file has no city
})  # fmt: skip


def test_each_profile_is_matched_to_the_person_most_of_its_records_belong_to() -> None:
    matched = profile_people(PROFILE_LINKS, PROFILE_TRUTH).to_pylist()
    assert matched == [
        {"customer360_id": "c1", "person_id": "p1"},
        {"customer360_id": "c2", "person_id": "p2"},
        {"customer360_id": "c4", "person_id": "p4"},
        {"customer360_id": "c5", "person_id": "p1"},
    ]


def test_profile_attributes_are_scored_exactly_and_without_case_or_accents() -> None:
    scores = score_profiles(PROFILES, PROFILE_LINKS, PROFILE_TRUTH, PEOPLE)
    # c1, c2 and c5 are scored (c5 against p1 too); c3 and c4 have no person of the file.
    assert (scores["profiles"], scores["profiles_without_truth"]) == (3, 2)
    attributes = scores["attributes"]
    assert list(attributes) == ["first_name", "last_name", "email", "date_of_birth"]
    shares = {name: (a["exact"], a["folded"], a["missing"]) for name, a in attributes.items()}
    assert shares == {
        "first_name": (pytest.approx(1 / 3), 1.0, 0),  # Mélanie; Jorg, Melanie as folded
        "last_name": (0.0, pytest.approx(2 / 3), 0),  # DUPONT, Muller; Dupond wrong
        "email": (pytest.approx(1 / 3), pytest.approx(1 / 3), 1),  # c2 shows p3's
        "date_of_birth": (pytest.approx(1 / 3), pytest.approx(1 / 3), 1),
    }
    assert attributes["first_name"]["examples"] == []
    assert attributes["last_name"]["examples"] == [
        {"customer360_id": "c5", "person_id": "p1", "shown": "Dupond", "truth": "Dupont"}
    ]
    # Wrong values before missing ones, each by customer.
    assert [(m["customer360_id"], m["shown"]) for m in attributes["date_of_birth"]["examples"]] == [
        ("c5", "1980-02-01"), ("c2", None)
    ]  # fmt: skip
    assert (attributes["email"]["right"], attributes["email"]["right_folded"]) == (1, 1)


def test_fold_drops_case_and_accents_only() -> None:
    assert fold("ÉLODIE") == fold("elodie") == "elodie"
    assert fold("Groß") == "gross" and fold("Núñez-Çelik") == "nunez-celik"
    assert fold("Jean Pierre") != fold("Jean-Pierre")


def test_a_people_file_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("person_id,phone,date_of_birth\n007,+33612345678,1980-01-02\n")
    table = read_people(path)
    assert table.to_pylist() == [
        {"person_id": "007", "phone": "+33612345678", "date_of_birth": "1980-01-02"}
    ]
    path.write_text("person_id,shoe_size\n1,42\n")
    with pytest.raises(ValueError, match="none of the columns"):
        read_people(path)


@pytest.mark.parametrize(
    "text",
    [
        "source,record_id,person_id\ncrm,1,p1\nshop,A7,p1\n",
        "Source;Record_ID;Person_ID\ncrm;1;p1\nshop;A7;p1\n",
        "sep=;\n PERSON_ID ;source;record_id;note\np1;crm;1;x\np1;shop;A7;\n",
        "\ufeffsource\trecord_id\tperson_id\ncrm\t1\tp1\nshop\tA7\tp1\n",
    ],
)
def test_a_truth_file_is_read_as_dedupe_reads_a_file(tmp_path: Path, text: str) -> None:
    """Any common delimiter, and column names in any case, with spaces around them."""
    path = tmp_path / "truth.csv"
    path.write_text(text, encoding="utf-8")
    assert read_truth(path) == {"crm:1": "p1", "shop:A7": "p1"}


def test_a_truth_file_without_a_column_names_the_ones_it_has(tmp_path: Path) -> None:
    path = tmp_path / "truth.csv"
    path.write_text("Source;Record ID;Person\ncrm;1;p1\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        read_truth(path)
    assert str(caught.value) == (
        f"{path}: no column record_id, person_id (its columns: 'Source', 'Record ID', 'Person')"
    )


def test_a_people_file_of_other_people_scores_nothing_rather_than_everything() -> None:
    others = PEOPLE.set_column(0, "person_id", pa.array(["q1", "q2", "q3"]))
    scores = score_profiles(PROFILES, PROFILE_LINKS, PROFILE_TRUTH, others)
    assert (scores["profiles"], scores["profiles_without_truth"]) == (0, 5)
    for attribute in scores["attributes"].values():
        assert (attribute["exact"], attribute["folded"]) == (None, None)
        assert (attribute["right"], attribute["missing"], attribute["examples"]) == (0, 0, [])


def test_a_blank_true_value_is_unknown_and_not_scored() -> None:
    """p2's e-mail and p1's birth date are blank in the file: c1, c2 and c5 are not misses."""
    blanks = PEOPLE.set_column(3, "email", pa.array(["m.dupont@example.fr", "", "jorge@x.es"]))
    blanks = blanks.set_column(4, "date_of_birth", pa.array(["", " ", "1990-07-08"]))
    attributes = score_profiles(PROFILES, PROFILE_LINKS, PROFILE_TRUTH, blanks)["attributes"]
    email, birth = attributes["email"], attributes["date_of_birth"]
    assert (email["exact"], email["right"], email["missing"], email["unknown"]) == (0.5, 1, 1, 1)
    assert [m["customer360_id"] for m in email["examples"]] == ["c5"]  # shows none
    assert (birth["exact"], birth["folded"], birth["unknown"], birth["examples"]) == (
        None, None, 3, []
    )  # fmt: skip
    assert attributes["first_name"]["unknown"] == 0


NAMES = {  # the profile's spelling, the person's: the same name as identity matching folds it
    "Søren": "SOREN",
    "Łukasz": "lukasz",
    "Lætitia": "Laetitia",
    "Cœur": "COEUR",
    "Groß": "Gross",
    "O'Brien": "OBrien",
    "D’Angelo": "d'angelo",
    "Jean-Pierre": "Jean Pierre",
    "ØDEGAARD": "Ødegaard",
}


def test_names_are_compared_ignoring_case_and_accents_as_identity_matching_folds_them() -> None:
    n = len(NAMES)
    ids = [f"c{i}" for i in range(n)]
    links = pa.table({"record_key": [f"r{i}" for i in range(n)], "customer360_id": ids})
    truth = {f"r{i}": f"p{i}" for i in range(n)}
    people = pa.table({"person_id": list(truth.values()), "last_name": list(NAMES.values()),
                       "city": list(NAMES.values())})  # fmt: skip
    profiles = pa.table({"customer360_id": ids, "last_name": list(NAMES), "city": list(NAMES)})
    attributes = score_profiles(profiles, links, truth, people)["attributes"]
    for name in ("last_name", "city"):
        assert (attributes[name]["folded"], attributes[name]["examples"]) == (1.0, [])
    profiles = profiles.set_column(1, "last_name", pa.array(["Soren", "Lucas", *list(NAMES)[2:]]))
    examples = score_profiles(profiles, links, truth, people)["attributes"]["last_name"]
    assert [m["shown"] for m in examples["examples"]] == ["Lucas"]


def test_other_values_are_compared_ignoring_case_alone() -> None:
    links = pa.table({"record_key": ["r1", "r2"], "customer360_id": ["c1", "c2"]})
    truth = {"r1": "p1", "r2": "p2"}
    people = pa.table({"person_id": ["p1", "p2"], "email": ["o'hara@x.ie", "a-b@x.fr"],
                       "phone": ["+3361", "+3362"]})  # fmt: skip
    profiles = pa.table({"customer360_id": ["c1", "c2"],
                         "primary_email": ["O'Hara@X.ie", "ab@x.fr"],
                         "primary_phone": ["+33 61", "+3362"]})  # fmt: skip
    attributes = score_profiles(profiles, links, truth, people)["attributes"]
    assert (attributes["email"]["folded"], attributes["phone"]["folded"]) == (0.5, 0.5)

"""Pairwise and B-cubed scores, from contingency counts."""

from __future__ import annotations

import itertools

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.identity.evaluate import score, score_links

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

"""How close predicted clusters come to the true people: pairwise and B-cubed scores.

Both read a contingency table (predicted label x true label -> records), so scoring is linear in
the number of records: no pair of records is ever listed. Every record of the truth is scored:
one the prediction lacks (lost on the way, or of a source never read) is a cluster of its own,
so its true pairs count as missed. A predicted record the truth does not know is not scored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv


@dataclass(frozen=True)
class Scores:
    """Pairwise and B-cubed precision, recall and F1, with the counts behind them."""

    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    records: int  # records of the truth, the ones scored
    lost: int  # of them, those the prediction lacks: each scored as a cluster of its own
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _ratio(part: float, whole: float) -> float:
    """``part / whole``, or 1.0 when there was nothing to find or claim."""
    return part / whole if whole else 1.0


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


Counts = Counter[Hashable]
# The label of a record the prediction lacks is (_LOST, record): a cluster of its own, equal to
# no label a prediction can hold.
_LOST = object()


def _scored(
    predicted: Mapping[str, Hashable], truth: Mapping[str, Hashable]
) -> Iterator[tuple[str, Hashable, Hashable]]:
    """Each record of the truth with its label and person: those of the prediction in its
    order, then the lost ones alone (so a prediction that lost nothing sums as it always did)."""
    for record, label in predicted.items():
        if record in truth:
            yield record, label, truth[record]
    for record, person in truth.items():
        if record not in predicted:
            yield record, (_LOST, record), person


def _contingency(
    predicted: Mapping[str, Hashable], truth: Mapping[str, Hashable]
) -> tuple[Counter[tuple[Hashable, Hashable]], Counts, Counts]:
    """Records per (cluster, person), per cluster and per person, over the records of the
    truth (one the prediction lacks alone in its cluster)."""
    cells: Counter[tuple[Hashable, Hashable]] = Counter(
        (label, person) for _, label, person in _scored(predicted, truth)
    )
    clusters: Counts = Counter()
    people: Counts = Counter()
    for (label, person), n in cells.items():
        clusters[label] += n
        people[person] += n
    return cells, clusters, people


def score(predicted: Mapping[str, Hashable], truth: Mapping[str, Hashable]) -> Scores:
    """Score ``predicted`` (record -> cluster label) against ``truth`` (record -> person).

    Every record of the truth is scored; one ``predicted`` lacks is a cluster of its own (its
    true pairs are missed), a predicted record the truth lacks is left out. A precision with no
    predicted pair, or a recall with no true pair, is 1.0: nothing was claimed wrongly, or
    nothing was missed.

    >>> truth = {"a": 1, "b": 1, "c": 1, "d": 2}
    >>> s = score({"a": "a", "b": "a", "c": "c", "d": "c"}, truth)
    >>> s.pairwise_precision, round(s.pairwise_recall, 3), s.bcubed_precision
    (0.5, 0.333, 0.75)
    >>> s = score({"a": "a", "b": "b", "c": "c", "d": "d"}, {"a": 1, "b": 2, "c": 3, "d": 4})
    >>> s.pairwise_precision, s.pairwise_recall, s.pairwise_f1, s.true_pairs
    (1.0, 1.0, 1.0, 0)
    >>> s = score({"a": "a", "b": "a"}, truth)  # c and d lost: c's two true pairs missed
    >>> s.records, s.lost, s.pairwise_precision, round(s.pairwise_recall, 3)
    (4, 2, 1.0, 0.333)
    """
    cells, clusters, people = _contingency(predicted, truth)
    records = sum(cells.values())
    correct = sum(_pairs(n) for n in cells.values())
    claimed = sum(_pairs(n) for n in clusters.values())
    true = sum(_pairs(n) for n in people.values())
    # B-cubed: each of the n records of a cell sees n of its cluster and n of its person.
    precision_sum = sum(n * n / clusters[label] for (label, _), n in cells.items())
    recall_sum = sum(n * n / people[person] for (_, person), n in cells.items())
    pairwise_precision, pairwise_recall = _ratio(correct, claimed), _ratio(correct, true)
    bcubed_precision, bcubed_recall = _ratio(precision_sum, records), _ratio(recall_sum, records)
    return Scores(
        pairwise_precision=pairwise_precision,
        pairwise_recall=pairwise_recall,
        pairwise_f1=_f1(pairwise_precision, pairwise_recall),
        bcubed_precision=bcubed_precision,
        bcubed_recall=bcubed_recall,
        bcubed_f1=_f1(bcubed_precision, bcubed_recall),
        records=records,
        lost=sum(record not in predicted for record in truth),
        true_pairs=true,
        predicted_pairs=claimed,
        correct_pairs=correct,
    )


def read_truth(path: Path) -> dict[str, str]:
    """A truth file (``source,record_id,person_id``) as record key -> person."""
    try:
        table = pacsv.read_csv(
            path,
            convert_options=pacsv.ConvertOptions(
                column_types={c: pa.string() for c in ("source", "record_id", "person_id")}
            ),
        )
    except (OSError, pa.ArrowInvalid) as exc:
        raise ValueError(f"cannot read the truth file {path}: {exc}") from None
    missing = {"source", "record_id", "person_id"} - set(table.column_names)
    if missing:
        raise ValueError(f"{path}: no column {', '.join(sorted(missing))}")
    keys = pc.binary_join_element_wise(table["source"], table["record_id"], ":")
    return dict(zip(keys.to_pylist(), table["person_id"].to_pylist(), strict=True))


def score_links(links: pa.Table, truth: Mapping[str, str]) -> dict[str, Any]:
    """Scores of ``identity_links`` against the truth, overall and per source, with the records
    of either side the other lacks counted.

    A record of the truth that no link holds (``truth_without_link``) was lost, or its source
    is not configured: it is scored alone, so recall counts its true pairs as missed.
    """
    predicted = dict(
        zip(links["record_key"].to_pylist(), links["customer360_id"].to_pylist(), strict=True)
    )
    result: dict[str, Any] = asdict(score(predicted, truth))
    result["records_without_truth"] = sum(k not in truth for k in predicted)
    result["truth_without_link"] = result.pop("lost")
    result["by_source"] = bcubed_by_source(predicted, truth)
    return result


def bcubed_by_source(
    predicted: Mapping[str, Hashable], truth: Mapping[str, Hashable]
) -> dict[str, dict[str, float]]:
    """B-cubed precision and recall averaged over the records of the truth of each source
    (``source:id``), with how many of them the prediction lacks (scored alone)."""
    cells, clusters, people = _contingency(predicted, truth)
    sums: dict[str, list[float]] = {}
    for record, label, person in _scored(predicted, truth):
        n = cells[(label, person)]
        total = sums.setdefault(record.split(":", 1)[0], [0.0, 0.0, 0.0, 0.0])
        total[0] += n / clusters[label]
        total[1] += n / people[person]
        total[2] += 1
        total[3] += record not in predicted
    return {
        source: {
            "bcubed_precision": p / n, "bcubed_recall": r / n, "records": int(n), "lost": int(lost)
        }
        for source, (p, r, n, lost) in sorted(sums.items())
    }  # fmt: skip

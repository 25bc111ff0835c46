"""How close predicted clusters come to the true people: pairwise and B-cubed scores; and how
often the profiles show their person's true details.

Both read a contingency table (predicted label x true label -> records), so scoring is linear in
the number of records: no pair of records is ever listed. Every record of the truth is scored:
one the prediction lacks (lost on the way, or of a source never read) is a cluster of its own,
so its true pairs count as missed. A predicted record the truth does not know is not scored.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from c360.identity.files import UnreadableFileError, read_rows
from c360.identity.normalise import name_key, per_value


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
    """A truth file (``source,record_id,person_id``) as record key -> person. Read as
    ``identity dedupe`` reads a file (any common delimiter, a JSON lines or a Parquet file); a
    column is found by its name whatever its case and surrounding spaces."""
    table = _read_table(path, ("source", "record_id", "person_id"))
    keys = pc.binary_join_element_wise(table["source"], table["record_id"], ":")
    return dict(zip(keys.to_pylist(), table["person_id"].to_pylist(), strict=True))


def _read_table(path: Path, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> pa.Table:
    """A truth file's ``required`` and ``optional`` columns as text, found by their names
    whatever their case and surrounding spaces; an error naming the required ones it lacks."""
    try:
        table, _ = read_rows(path)
    except UnreadableFileError as exc:
        raise ValueError(str(exc)) from None
    names = [name.strip().lower() for name in table.column_names]
    missing = [name for name in required if name not in names]
    if missing:
        shown = ", ".join(map(repr, table.column_names))
        raise ValueError(f"{path}: no column {', '.join(missing)} (its columns: {shown})")
    wanted = [name for name in (*required, *optional) if name in names]
    twice = [name for name in wanted if names.count(name) > 1]
    if twice:
        raise ValueError(f"{path}: more than one column is named {', '.join(twice)}")
    return pa.table(
        {name: pc.cast(table.column(names.index(name)), pa.string()) for name in wanted}
    )


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


# The profile column each truth_people column is compared with.
PROFILE_COLUMNS = {
    "first_name": "first_name",
    "last_name": "last_name",
    "email": "primary_email",
    "phone": "primary_phone",
    "date_of_birth": "date_of_birth",
    "city": "city",
    "country": "country",
}
EXAMPLES = 3  # misses shown per attribute
_FOLDS = 1 << 16  # distinct values whose folded form is kept


def read_people(path: Path) -> pa.Table:
    """A people truth file (``person_id`` and some of :data:`PROFILE_COLUMNS`), as text; read
    as :func:`read_truth` reads a truth file."""
    table = _read_table(path, ("person_id",), tuple(PROFILE_COLUMNS))
    if table.num_columns == 1:
        raise ValueError(f"{path}: none of the columns {', '.join(PROFILE_COLUMNS)}")
    return table


@lru_cache(maxsize=_FOLDS)
def fold(value: str) -> str:
    """``value`` without case or accents (an e-mail address, a phone, a date, a country).

    >>> fold("MÉLANIE"), fold("Groß"), fold("Jean-Pierre")
    ('melanie', 'gross', 'jean-pierre')
    """
    if value.isascii():  # most values: a faster path to the same result
        return value.lower()
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Names and cities are folded as identity matching folds a name: without case, accents or
# apostrophes, ø as o, æ as ae, ß as ss, a hyphen or other sign as a space ("Jean-Pierre" is
# "jean pierre").
_FOLDED: dict[str, Callable[[str], str | None]] = {
    "first_name": name_key, "last_name": name_key, "city": name_key
}  # fmt: skip


def profile_people(links: pa.Table, truth: Mapping[str, str]) -> pa.Table:
    """Per ``customer360_id`` holding a record of the truth: the person most of those records
    belong to (of equal counts, the smallest person id)."""
    known = pa.table({"record_key": pa.array(list(truth), pa.string()),
                      "person_id": pa.array(list(truth.values()), pa.string())})  # fmt: skip
    held = links.select(["record_key", "customer360_id"]).join(
        known, "record_key", join_type="inner"
    )
    counts = held.group_by(["customer360_id", "person_id"], use_threads=False).aggregate(
        [([], "count_all")]
    )
    counts = counts.sort_by(
        [("customer360_id", "ascending"), ("count_all", "descending"), ("person_id", "ascending")]
    )
    ids = counts["customer360_id"].to_pylist()
    first = [i for i, cid in enumerate(ids) if i == 0 or cid != ids[i - 1]]
    return counts.select(["customer360_id", "person_id"]).take(pa.array(first, pa.int64()))


def _text(column: pa.ChunkedArray) -> pa.Array:
    return column.cast(pa.string()).combine_chunks()


def score_profiles(
    profiles: pa.Table, links: pa.Table, truth: Mapping[str, str], people: pa.Table
) -> dict[str, Any]:
    """How often each profile attribute is the person's true value: exactly, and ignoring case
    and accents (of a name or city, apostrophes and hyphens too); with the profiles showing none
    (``missing``), those whose person's value is blank (``unknown``: not scored) and the first
    misses by id (wrong values before missing ones). Of no profile scored, a share is None.

    Each profile is compared with the person most of its records belong to (two profiles of
    one person are both compared with it); a profile without such a person is not scored.
    """
    matched = profile_people(links, truth)
    matched = matched.filter(pc.is_in(matched["person_id"], value_set=people["person_id"]))
    scored = profiles.filter(
        pc.is_in(profiles["customer360_id"], value_set=matched["customer360_id"])
    ).sort_by("customer360_id")
    at = pc.index_in(scored["customer360_id"], value_set=matched["customer360_id"])
    person = pc.take(matched["person_id"], at)
    row_of = pc.index_in(person, value_set=people["person_id"])
    attributes: dict[str, Any] = {}
    for name, column in PROFILE_COLUMNS.items():
        if name not in people.column_names or column not in profiles.column_names:
            continue
        attributes[name] = _compare(
            scored["customer360_id"],
            person,
            _text(scored[column]),
            _text(pc.take(people[name], row_of)),
            _FOLDED.get(name, fold),
        )
    return {
        "profiles": scored.num_rows,
        "profiles_without_truth": profiles.num_rows - scored.num_rows,
        "attributes": attributes,
    }


def _compare(
    ids: pa.ChunkedArray,
    people: pa.ChunkedArray,
    shown: pa.Array,
    true: pa.Array,
    folded: Callable[[str], str | None],
) -> dict[str, Any]:
    """How many ``shown`` values are the ``true`` ones, exactly and once ``folded``, of the
    profiles whose true value is known (not blank); shares of None when none is."""
    known = pc.fill_null(pc.greater(pc.utf8_length(pc.utf8_trim_whitespace(true)), 0), False)
    exact = pc.and_(known, pc.fill_null(pc.equal(shown, true), False))
    other = pc.and_(pc.and_not(known, exact), pc.is_valid(shown))  # a value, not the true one
    same = pc.equal(
        per_value(shown.filter(other), folded), per_value(true.filter(other), folded)
    ).fill_null(False)
    missing = pc.and_(known, pc.is_null(shown))
    wrong = pc.indices_nonzero(other).filter(pc.invert(same))
    first = [*wrong[:EXAMPLES].to_pylist(), *pc.indices_nonzero(missing)[:EXAMPLES].to_pylist()]
    n, right = _count(known), _count(exact)
    right_folded = right + _count(same)
    return {
        "exact": right / n if n else None,
        "folded": right_folded / n if n else None,
        "right": right,
        "right_folded": right_folded,
        "missing": _count(missing),
        "unknown": len(true) - n,
        "examples": [  # the first misses: values shown, then none shown
            {"customer360_id": ids[i].as_py(), "person_id": people[i].as_py()}
            | {"shown": shown[i].as_py(), "truth": true[i].as_py()}
            for i in first[:EXAMPLES]
        ],
    }


def _count(mask: pa.Array) -> int:
    return int(pc.sum(mask).as_py() or 0)

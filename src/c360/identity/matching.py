"""The probabilistic model: Splink comparisons built from the roles present, trained and applied.

Nothing here names a source column: records arrive normalised, with one column per role
(:mod:`c360.identity.normalise`), and every comparison or blocking rule
(:mod:`c360.identity.blocking`) whose columns are all absent or empty is left out, so the same
code fits any schema.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import Linker, SettingsCreator
from splink.internals.exceptions import EMTrainingException

from c360.identity.blocking import (
    BLOCKING,
    KEY_WORDS,
    RULES,
    TRAINING,
    Blocking,
    agreeing,
    cap_blocks,
    usable,
)

UNIQUE_ID = "record_key"
LinkType = Literal["dedupe_only", "link_only", "link_and_dedupe"]

# Comparison -> the gamma of its "same value" level: a pair there is linked by rule, unless
# the records' names or dates disagree.
RULE_COMPARISONS: dict[str, int] = {"email_canonical": 1, "national_id": 1, "source_id": 1}


class TrainingError(ValueError):
    """The records cannot train the model; the message says why in plain words, ``notes``
    what was left out of blocking on the way (:attr:`Blocking.notes`)."""

    def __init__(self, message: str, notes: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.notes = notes


def _names() -> cl.CustomComparison:
    return cl.CustomComparison(
        comparison_levels=[
            cll.And(cll.NullLevel("first_name"), cll.NullLevel("last_name")),
            cll.ExactMatchLevel("full_name").configure(tf_adjustment_column="full_name"),
            cll.And(
                cll.ExactMatchLevel("first_name_canonical"), cll.ExactMatchLevel("last_name")
            ).configure(label_for_charts="nickname, same last name"),
            cll.ColumnsReversedLevel("first_name", "last_name"),
            cll.And(
                cll.JaroWinklerLevel("first_name", 0.88), cll.JaroWinklerLevel("last_name", 0.88)
            ).configure(label_for_charts="both names similar (typos)"),
            cll.And(
                cll.ExactMatchLevel("first_name_canonical"),
                cll.Or(cll.NullLevel("last_name"), cll.JaroWinklerLevel("last_name", 0.88)),
            ).configure(label_for_charts="same first name, last name unknown or similar"),
            cll.ExactMatchLevel("first_name_canonical").configure(
                label_for_charts="same first name, last name differs"
            ),
            cll.ExactMatchLevel("last_name").configure(
                label_for_charts="same last name, first name differs"
            ),
            cll.ElseLevel(),
        ],
        output_column_name="name",
    )


def _place() -> cl.CustomComparison:
    """Street, postcode and city as one comparison: they are far from independent."""
    unknown = "(({c}_l IS NULL OR {c}_r IS NULL))"
    return cl.CustomComparison(
        comparison_levels=[
            cll.CustomLevel(
                " AND ".join(unknown.format(c=c) for c in PLACE), label_for_charts="unknown"
            ).configure(is_null_level=True),
            cll.ExactMatchLevel("address_line"),
            cll.And(cll.ExactMatchLevel("postcode"), cll.NullLevel("address_line")).configure(
                label_for_charts="same postcode, street unknown"
            ),
            # Namesakes of one postcode are told apart by their streets, one person rarely so.
            cll.ExactMatchLevel("postcode").configure(
                label_for_charts="same postcode, another street"
            ),
            cll.ExactMatchLevel("city"),
            cll.ElseLevel(),
        ],
        output_column_name="place",
    )


PLACE = ("address_line", "postcode", "city")
COMPARISONS: dict[str, tuple[tuple[str, ...], Any]] = {
    "name": (("first_name", "last_name"), _names),
    "date_of_birth": (
        ("date_of_birth",),
        lambda: cl.DateOfBirthComparison(
            "date_of_birth",
            input_is_string=False,  # a date (splink_input): parsed per record, not per pair
            datetime_thresholds=[1, 10],
            datetime_metrics=["year", "year"],
        ),
    ),
    "email": (("email_canonical",), lambda: cl.ExactMatch("email_canonical")),
    "phone": (("phone",), lambda: cl.ExactMatch("phone")),
    "national_id": (("national_id",), lambda: cl.ExactMatch("national_id")),
    "source_id": (("source_id",), lambda: cl.ExactMatch("source_id")),
    "place": (PLACE, _place),
    "country": (("country",), lambda: cl.ExactMatch("country")),
}


def filled(records: pa.Table) -> set[str]:
    """The columns of ``records`` that hold at least one value."""
    return {
        name for name in records.column_names if records.column(name).null_count < records.num_rows
    }


def settings(
    present: set[str], link_type: LinkType = "dedupe_only", blocking: Blocking | None = None
) -> SettingsCreator:
    """Splink settings using every comparison and blocking rule the present columns allow."""
    blocking = blocking or Blocking()
    comparisons = [
        make() for columns, make in COMPARISONS.values() if any(c in present for c in columns)
    ]
    rules: list[Any] = [blocking.rule(c) for c in BLOCKING if usable(c, present, blocking)]
    if {"first_name", "last_name"} <= present:
        rules.append(blocking.reversed_rule())
    if not comparisons or not rules:
        raise TrainingError("nothing to match on: map at least a name, an e-mail or a phone")
    return SettingsCreator(
        link_type=link_type,
        unique_id_column_name=UNIQUE_ID,
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=rules,
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,  # the only way to keep the gamma_ columns
    )


# Pairs of records the u probabilities are counted on, and the seed choosing those records.
U_PAIRS = 1e6
U_SEED = 360
_FNV_OFFSET, _FNV_PRIME = np.uint64(0xCBF29CE484222325), np.uint64(0x100000001B3)


def key_hashes(keys: pa.Array | pa.ChunkedArray, seed: int = U_SEED) -> np.ndarray:
    """A 64-bit hash of each key: FNV-1a of ``"{seed}:{key}"`` (its UTF-8 bytes), then
    splitmix64's finaliser to spread every byte over every bit. NULL hashes as the empty key.

    >>> [hex(h) for h in key_hashes(pa.array(["a:1", "a:2"]), seed=0)]
    ['0x8f4422b7693b5d2', '0xe80305c9dc2251e2']
    """
    binary = pc.cast(keys, pa.large_binary())
    if isinstance(binary, pa.ChunkedArray):
        binary = binary.combine_chunks()
    _, offsets_buffer, data_buffer = binary.buffers()
    offsets = np.frombuffer(offsets_buffer, np.int64)[binary.offset :][: len(binary) + 1]
    data = np.frombuffer(data_buffer, np.uint8) if data_buffer else np.zeros(0, np.uint8)
    starts, lengths = offsets[:-1], offsets[1:] - offsets[:-1]
    if binary.null_count:
        lengths = np.where(binary.is_valid().to_numpy(zero_copy_only=False), lengths, 0)
    start = int(_FNV_OFFSET)
    for byte in f"{seed}:".encode():
        start = ((start ^ byte) * int(_FNV_PRIME)) % 2**64
    # Longest keys first: the keys still being hashed at byte j are a prefix of this order.
    order = np.argsort(-lengths, kind="stable")
    starts, lengths = starts[order], lengths[order]
    hashed = np.full(len(order), start, np.uint64)
    longer = np.searchsorted(-lengths, -np.arange(int(lengths.max(initial=0))), side="left")
    for j, live in enumerate(longer):
        hashed[:live] = (hashed[:live] ^ data[starts[:live] + j]) * _FNV_PRIME
    hashed ^= hashed >> np.uint64(30)
    hashed *= np.uint64(0xBF58476D1CE4E5B9)
    hashed ^= hashed >> np.uint64(27)
    hashed *= np.uint64(0x94D049BB133111EB)
    hashed ^= hashed >> np.uint64(31)
    result = np.empty_like(hashed)
    result[order] = hashed
    return result


def u_sample(data: pa.Table, max_pairs: float = U_PAIRS, seed: int = U_SEED) -> pa.Table:
    """The records whose pairs estimate the u probabilities: about as many as make
    ``max_pairs`` pairs (all records if they make fewer), each chosen by the hash of its key
    alone (:func:`key_hashes`), so the same whatever the rows' order and the engine.

    Splink's own sampling draws by the database's hash function, which selects other records on
    DuckDB than on Spark: the u probabilities, hence every weight, would differ between them.
    """
    wanted = 0.5 * ((8 * max_pairs + 1) ** 0.5 + 1)  # n records make n (n - 1) / 2 pairs
    if wanted >= data.num_rows:
        return data
    # The hash's top 53 bits as a fraction in [0, 1), compared exactly with the proportion.
    drawn = (key_hashes(data.column(UNIQUE_ID), seed) >> np.uint64(11)) * 2.0**-53
    return data.filter(pa.array(drawn < wanted / data.num_rows))


def train(
    api: Any,
    data: pa.Table,
    present: set[str],
    link_type: LinkType = "dedupe_only",
    u_pairs: float = U_PAIRS,
    blocking: Blocking | None = None,
) -> Linker:
    """A linker on ``data`` (registered with Splink's database ``api``), trained unsupervised:
    u counted on every pair of :func:`u_sample`, the prior from the deterministic rules, m by
    EM. Each step reads every record or pair it is given, so the model is the same on every
    engine and whatever the rows' order.

    Raises :class:`TrainingError` when the records cannot train it (no pair for the prior)."""
    blocking = blocking or Blocking()
    model_settings = settings(present, link_type, blocking)
    sampled = Linker(api.register(u_sample(data, u_pairs)), model_settings, log_level=logging.ERROR)
    # No proportion to draw (it would draw again, by the engine's hash) and one chunk (more are
    # chosen by that hash, and counting stops early at min_count_per_level): every pair counts.
    sampled.training.estimate_u_using_random_sampling(
        max_pairs=math.inf, num_chunks=1, min_count_per_level=None
    )
    model = sampled.misc.save_model_to_json()
    sampled.table_management.invalidate_cache()
    linker = Linker(api.register(data), model, log_level=logging.ERROR)
    _estimate_prior(linker, [blocking.rule(c) for c in _prior_rules(data, present, blocking)])
    compared = [cols for cols, _ in COMPARISONS.values() if any(c in present for c in cols)]
    for cols in TRAINING:
        if not usable(cols, present, blocking):
            continue
        if all(set(cols) & set(used) for used in compared):
            continue  # every comparison is used up by the rule: nothing left to estimate
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                blocking.rule(cols), fix_probability_two_random_records_match=True
            )
        except EMTrainingException:  # no pair agrees on cols: Splink's defaults stay
            continue
    return linker


def _prior_rules(data: pa.Table, present: set[str], blocking: Blocking) -> list[tuple[str, ...]]:
    """The deterministic rules the prior is estimated from: those of :data:`RULES` the records
    have, or, when no pair agrees on any of them, the same first and last name; an error
    when no pair agrees on those either (none would make the prior 0)."""
    rules: list[tuple[str, ...]] = [c for c in RULES if usable(c, present, blocking)]
    names: tuple[str, ...] = ("first_name_canonical", "last_name")
    fallback: list[tuple[str, ...]] = [names] if usable(names, present, blocking) else []
    for chosen in (rules, fallback):
        if any(agreeing(data, c, blocking) for c in chosen):
            return chosen
    shared = [c for c in [*rules, names] if all(x in present for x in c)]
    said = " or ".join(KEY_WORDS[c] for c in shared) or "an e-mail address"
    if any(c in blocking.capped for c in shared):
        said += f" (but for values shared by more than {blocking.most:,} records)"
    raise TrainingError(
        f"no two records share {said}, which the model needs to estimate how many of them are "
        "duplicates"
    )


def _estimate_prior(linker: Linker, rules: list[Any]) -> None:
    """The prior from the pairs the deterministic ``rules`` make, assumed 70% of the true ones."""
    try:
        linker.training.estimate_probability_two_random_records_match(rules, recall=0.7)
    except ValueError as exc:
        if not str(exc).startswith("Deterministic matching rules led to more observed matches"):
            raise
        raise TrainingError(
            "so many of the records share an e-mail, a phone or a national id that they cannot "
            "all be duplicates: nothing tells the model how many are"
        ) from None


SPLINK_COLUMNS = (
    "first_name", "first_name_canonical", "last_name", "full_name", "date_of_birth",
    "email_canonical", "email_local", "phone", "national_id", "source_id", "address_line",
    "postcode", "city", "country",
)  # fmt: skip
# Compared only for equality (exact-match levels, blocking rules, term frequencies), so passed
# as numbers: the joins that make and score the candidate pairs carry and compare integers,
# not text. The names stay text for Jaro-Winkler and the swapped-names level and rule.
EQUALITY_ONLY = frozenset(SPLINK_COLUMNS) - {"first_name", "last_name", "date_of_birth"}


def _codes(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Each value as the place of its text among the distinct values: equal values, and only
    they, share a number; NULL stays NULL.

    >>> _codes(pa.array(["b", None, "a", "b"])).to_pylist()
    [0, None, 1, 0]
    """
    distinct = pc.unique(pc.drop_null(values))
    return pc.index_in(values, value_set=distinct)


def splink_input(records: pa.Table) -> pa.Table:
    """The columns the comparisons read (absent roles as NULL columns): first and last name as
    text, the birth date as a date, every other column as numbers (:data:`EQUALITY_ONLY`)."""
    columns: dict[str, pa.Array | pa.ChunkedArray] = {UNIQUE_ID: records.column(UNIQUE_ID)}
    for name in SPLINK_COLUMNS:
        kind = pa.date32() if name == "date_of_birth" else pa.string()
        if name == "full_name":
            continue
        if name in records.column_names:
            columns[name] = pc.cast(records.column(name), kind)
        else:
            columns[name] = pa.nulls(records.num_rows, kind)
    columns["full_name"] = pc.binary_join_element_wise(
        columns["first_name"], columns["last_name"], " "
    )
    for name in columns:
        if name in EQUALITY_ONLY:
            columns[name] = _codes(columns[name])
    return pa.table(columns)


@dataclass(frozen=True)
class Scored:
    """Candidate pairs with their ``gamma_``/``mw_`` columns, and what each gamma level means."""

    pairs: pa.Table
    levels: dict[str, dict[int, str]]  # comparison -> gamma -> label
    notes: tuple[str, ...] = ()  # what was left out of blocking (:func:`cap_blocks`)


def level_labels(linker: Linker) -> dict[str, dict[int, str]]:
    """Comparison -> gamma value -> the level's label (-1 is the "unknown" level)."""
    labels: dict[str, dict[int, str]] = {}
    for comparison in linker.misc.save_model_to_json()["comparisons"]:
        levels = comparison["comparison_levels"]
        known = [lv for lv in levels if not lv.get("is_null_level")]
        named = {len(known) - 1 - i: lv["label_for_charts"] for i, lv in enumerate(known)}
        named[-1] = "unknown"
        labels[comparison["output_column_name"]] = named
    return labels


def numbered(data: pa.Table) -> tuple[pa.Table, pa.Array]:
    """``data`` with each record key replaced by its rank among the distinct keys, and those
    keys in order (a rank's key is ``keys[rank]``).

    Ranks compare as their keys do (text compares byte by byte, as Arrow sorts it), so a pair
    has the same left and right record either way; joins on whole numbers are cheaper than on
    keys of up to 40 characters.

    >>> table, keys = numbered(pa.table({UNIQUE_ID: ["b:2", "a:9", "b:10"]}))
    >>> table.column(UNIQUE_ID).to_pylist(), keys.to_pylist()
    ([2, 0, 1], ['a:9', 'b:10', 'b:2'])
    """
    distinct = pc.unique(data.column(UNIQUE_ID))
    keys = distinct.take(pc.sort_indices(distinct))
    ranks = pc.index_in(data.column(UNIQUE_ID), value_set=keys).cast(pa.int64())
    at = data.column_names.index(UNIQUE_ID)
    return data.set_column(at, UNIQUE_ID, ranks), keys


def _keyed(scored: pa.Table, keys: pa.Array) -> pa.Table:
    """``scored`` with the ranks of :func:`numbered` turned back into record keys."""
    for side in ("record_key_l", "record_key_r"):
        at = scored.column_names.index(side)
        scored = scored.set_column(at, side, keys.take(scored.column(side)))
    return scored


def score(api: Any, data: pa.Table, model: dict[str, Any], floor: float) -> pa.Table:
    """The candidate pairs of ``data`` (:func:`splink_input`) with a probability ≥ ``floor``
    under the trained ``model``: record keys, each comparison's level and weight, the total.

    The records are scored numbered (:func:`numbered`), by a linker of their own: scoring joins
    every candidate pair back to its two records twice, and whole numbers join faster than keys.
    Only the columns kept leave the database: the predictions hold every compared value twice.
    """
    ranked, keys = numbered(data)
    linker = Linker(api.register(ranked), model, log_level=logging.ERROR)
    predictions = linker.inference.predict(threshold_match_probability=floor)
    kept = [
        c
        for c in predictions.as_pyarrow_table(limit=1).column_names
        if c in ("record_key_l", "record_key_r", "match_weight", "match_probability")
        or c.startswith(("gamma_", "mw_"))
    ]
    selected = predictions.query_sql(f"SELECT {', '.join(kept)} FROM {{this}}")
    predictions.drop_table_from_database_and_remove_from_cache()
    return _keyed(selected.as_pyarrow_table(), keys)


def predict(api: Any, records: pa.Table, floor: float = 0.05, most: int | None = None) -> Scored:
    """Scored candidate pairs (probability ≥ ``floor``): each comparison's level and weight.

    The model is trained on the records as keyed (:func:`u_sample` draws them by a hash of
    their keys), then :func:`score` applies it. A key value more than ``most`` records share
    (:data:`~c360.identity.blocking.MAX_BLOCK` by default) pairs none of them
    (:func:`~c360.identity.blocking.cap_blocks`). Splink's tables are dropped once read: a
    database keeps its tables until dropped.
    """
    data, blocking = cap_blocks(splink_input(records), records, most)
    try:
        trained = train(api, data, filled(data), blocking=blocking)
    except TrainingError as exc:
        raise TrainingError(str(exc), blocking.notes) from None
    model = trained.misc.save_model_to_json()
    trained.table_management.invalidate_cache()  # training's tables: scoring makes its own
    scored = score(api, data, model, floor)
    labels = level_labels(trained)
    api.delete_tables_created_by_splink_from_db()
    return Scored(scored, labels, blocking.notes)

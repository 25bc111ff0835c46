"""Survivorship: one value per customer and attribute, chosen by a rule, traced to its record.

Every rule is a ranking of a group's candidate rows; the first row survives. The ranking is a
cascade of integer keys (the rule's own key, recency, frequency), each applied as "keep the rows
equal to the group's minimum"; the rare rows still tied are ordered by record key, then value.
Candidates are held as codes (a :class:`Pool`): per record its customer, source and keys, per
attribute the records holding a value. So each attribute needs one sort of its candidates and a
few numpy passes, never a loop per customer, and no table of one row per candidate is built.
Attributes without a rule in ``rules`` take :data:`DEFAULT_RULES`, then ``most_recent``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeAlias

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

RULES = ("source_priority", "most_recent", "most_frequent", "most_complete")
CANDIDATE_COLUMNS = (
    "customer360_id", "attribute", "value", "source", "record_key", "updated_at", "completeness",
)  # fmt: skip
SCHEMA = pa.schema(
    [
        ("customer360_id", pa.string()),
        ("attribute", pa.string()),
        ("value", pa.string()),
        ("record_key", pa.string()),
        ("source", pa.string()),
        ("rule", pa.string()),
        ("candidates", pa.int64()),
    ]
)
_RECENT = RULES.index("most_recent")
# Each rule's ranking keys in turn; record key, then value, break the ties left.
_KEYS = {
    "source_priority": ("source", "recency", "frequency"),
    "most_recent": ("recency", "frequency"),
    "most_frequent": ("frequency", "recency"),
    "most_complete": ("completeness", "recency"),  # frequency plays no part
}
_LAST = np.iinfo(np.int64).max  # a key that ranks after every real one (NULL dates, NULL counts)


@dataclass(frozen=True)
class Rule:
    """How one attribute's surviving value is chosen; ``sources`` only for ``source_priority``."""

    rule: str
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise ValueError(
                f"unknown survivorship rule {self.rule!r}; rules are {', '.join(RULES)}"
            )
        if self.sources and self.rule != "source_priority":
            raise ValueError(f"sources only apply to source_priority, not to {self.rule!r}")
        if len(set(self.sources)) != len(self.sources):
            raise ValueError(f"a source is listed twice in {list(self.sources)}")

    @classmethod
    def parse(cls, spec: object) -> Rule:
        """A rule from YAML: ``most_recent`` or ``{rule: source_priority, sources: [crm, …]}``."""
        if isinstance(spec, Rule):
            return spec
        if isinstance(spec, str):
            return cls(spec)
        if not isinstance(spec, Mapping):
            raise ValueError(f"a survivorship rule is a name or a mapping, not {spec!r}")
        unknown = sorted(str(k) for k in spec if k not in ("rule", "sources"))
        if unknown:
            raise ValueError(f"unknown key {', '.join(unknown)} in survivorship rule {dict(spec)}")
        name, sources = spec.get("rule"), spec.get("sources", ())
        if not isinstance(name, str):
            raise ValueError(f"survivorship rule {dict(spec)} needs 'rule: <name>'")
        if isinstance(sources, str) or not all(isinstance(s, str) for s in sources):
            raise ValueError(f"sources of rule {name!r} must be a list of names, not {sources!r}")
        return cls(name, tuple(sources))


DEFAULT_RULES: dict[str, Rule] = {
    # Names: the spelling most records agree on outvotes a one-off typo or nickname. (The profile
    # reads a record with first and last name swapped the right way round before the vote.)
    "first_name": Rule("most_frequent"),
    "last_name": Rule("most_frequent"),
    # An e-mail address is voted on its mailbox: one the person gives several systems outvotes
    # a work, second or household address that a record updated last happens to hold (a
    # record's update date is not when its address was given); the latest breaks a tie.
    "email": Rule("most_frequent"),
    # A phone number changes (a new contract, a move): the latest is the one that reaches them.
    "phone": Rule("most_recent"),
    # People move; address parts share one ranking, so they come from one record when it has all.
    "address_line": Rule("most_recent"),
    "city": Rule("most_recent"),
    "postcode": Rule("most_recent"),
    "country": Rule("most_recent"),
    # A birth date never changes, so agreement between records is worth more than recency.
    "date_of_birth": Rule("most_frequent"),
    # Preferences and self-description: the latest statement is the current one.
    "language": Rule("most_recent"),
    "gender": Rule("most_recent"),
}
FALLBACK_RULE = Rule("most_recent")  # attributes with no configured and no default rule


def parse_rules(config: Mapping[str, object]) -> dict[str, Rule]:
    """The defaults overlaid with the project file's ``survivorship`` section."""
    rules = dict(DEFAULT_RULES)
    for attribute, spec in config.items():
        try:
            rules[attribute] = Rule.parse(spec)
        except ValueError as error:
            raise ValueError(f"survivorship of {attribute!r}: {error}") from None
    return rules


Column: TypeAlias = pa.Array | pa.ChunkedArray
# The records of an attribute's candidates and its value per record (indexed by record).
Held: TypeAlias = Callable[[str], tuple[np.ndarray, Column]]


def _no_nulls(column: Column, name: str) -> None:
    if column.null_count:
        raise ValueError(f"candidates.{name} has {column.null_count} NULL values")


def _codes(column: Column, name: str, ordered: bool = True) -> tuple[pa.Array, np.ndarray]:
    """Distinct values and each row's position among them (sorted, so codes order like values)."""
    _no_nulls(column, name)
    if isinstance(column, pa.ChunkedArray):
        # One chunk as it is; several (or none) as one array, so one dictionary codes them all.
        column = column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
    encoded = pc.dictionary_encode(column)
    dictionary, indices = encoded.dictionary, encoded.indices.to_numpy().astype(np.int64)
    if not ordered:
        return dictionary, indices
    order = pc.sort_indices(dictionary).to_numpy()
    position = np.empty(len(order), dtype=np.int64)
    position[order] = np.arange(len(order))
    return dictionary.take(order), position[indices]


def _descending(column: Column) -> np.ndarray:
    """Larger values first and NULLs last, as an ascending int64 key."""
    if pa.types.is_null(column.type):
        return np.full(len(column), _LAST, dtype=np.int64)
    if not pa.types.is_integer(column.type):
        column = pc.cast(column, pa.timestamp("us", getattr(column.type, "tz", None)), safe=False)
    numbers = pc.cast(column, pa.int64()).fill_null(0).to_numpy()
    return np.where(pc.is_null(column).to_numpy(zero_copy_only=False), _LAST, -numbers)


def run_starts(codes: np.ndarray) -> np.ndarray:
    """Where each run of equal ``codes`` begins (rows sorted by them; none when empty).

    >>> run_starts(np.array([4, 4, 7, 9, 9])).tolist(), run_starts(np.array([])).tolist()
    ([0, 2, 3], [])
    """
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])


@dataclass(frozen=True)
class Pool:
    """Candidates as codes: per record its customer, source, record key and ranking keys, and
    ``held``, each attribute's candidates (records with a value) and its value per record."""

    ids: pa.Array  # distinct customer360_id, sorted
    id_code: np.ndarray  # per record: its customer's position in ``ids``
    sources: pa.Array  # distinct sources, sorted
    source_code: np.ndarray  # per record: its source's position in ``sources``
    record_key: Column  # per record
    recency: np.ndarray  # per record: latest first, NULL last
    completeness: np.ndarray  # per record: most complete first, NULL last
    attributes: tuple[str, ...]  # sorted
    held: Held


def pool(records: pa.Table, attributes: Iterable[str], held: Held) -> Pool:
    """The pool of ``records`` (customer360_id, source, record_key, updated_at, completeness)."""
    ids, id_code = _codes(records["customer360_id"], "customer360_id")
    sources, source_code = _codes(records["source"], "source")
    return Pool(
        ids, id_code, sources, source_code, records["record_key"],
        _descending(records["updated_at"]), _descending(records["completeness"]),
        tuple(sorted(attributes)), held,
    )  # fmt: skip


@dataclass(frozen=True)
class Winners:
    """The winning record of each (customer, attribute), attribute by attribute:
    ``record[starts[i]:starts[i + 1]]`` are ``attributes[i]``'s, by customer; ``order`` lists
    them by customer, then attribute."""

    attributes: tuple[str, ...]
    record: np.ndarray
    starts: np.ndarray
    order: np.ndarray

    def gather(self, columns: Sequence[Column]) -> pa.ChunkedArray:
        """Each winner's entry, as text, in its attribute's column (one column per attribute)."""
        chunks: list[pa.Array] = []
        for i, column in enumerate(columns):
            rows = pa.array(self.record[self.starts[i] : self.starts[i + 1]])
            taken = pc.take(column, rows).cast(pa.string())
            chunks.extend(taken.chunks if isinstance(taken, pa.ChunkedArray) else [taken])
        return pa.chunked_array(chunks, pa.string()).take(pa.array(self.order))


def _best_per_group(group: np.ndarray, keys: list[np.ndarray]) -> np.ndarray:
    """For rows sorted by group: the positions of each group's best rows under ``keys`` in turn."""
    rows = np.arange(len(group))
    for key in keys:
        starts = run_starts(group[rows])
        if len(starts) == len(rows):
            break
        values = key[rows]
        best = np.minimum.reduceat(values, starts)
        rows = rows[values == np.repeat(best, np.diff(np.r_[starts, len(rows)]))]
    return rows


def _break_ties(
    rows: np.ndarray, group: np.ndarray, strings: Callable[[np.ndarray], pa.Table]
) -> np.ndarray:
    """One row per group: where several are still tied, the smallest record key, then value.

    ``strings(rows)`` gives those rows' record_key and value."""
    starts = run_starts(group[rows])
    tied = np.diff(np.r_[starts, len(rows)]) > 1
    if not tied.any():
        return rows
    tied_rows = rows[np.repeat(tied, np.diff(np.r_[starts, len(rows)]))]
    ranked = strings(tied_rows).append_column("row", pa.array(tied_rows))
    ranked = ranked.append_column("group", pa.array(group[tied_rows])).sort_by(
        [("group", "ascending"), ("record_key", "ascending"), ("value", "ascending")]
    )
    ranked_rows = ranked["row"].to_numpy()
    first = ranked_rows[run_starts(ranked["group"].to_numpy())]
    return np.sort(np.concatenate([rows[starts[~tied]], first]))


def _rule(attribute: str, rules: Mapping[str, Rule]) -> Rule:
    return rules.get(attribute) or DEFAULT_RULES.get(attribute, FALLBACK_RULE)


def _attribute_winners(
    pool: Pool, rows: np.ndarray, values: Column, rule: Rule
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One attribute's winning records, by customer; the rule that decided each; and how many
    distinct values its customer's candidates (``rows``, records) hold."""
    distinct_values, value_code = _codes(
        pc.take(values, pa.array(rows, pa.int64())), "value", False
    )
    # One sort by (customer, value): groups become contiguous and equal values adjacent.
    group = pool.id_code[rows]
    pair = group * len(distinct_values) + value_code
    order = np.argsort(pair, kind="stable")
    rows, group, pair = rows[order], group[order], pair[order]
    runs = run_starts(pair)
    run_lengths = np.diff(np.r_[runs, len(pair)])
    rank = np.array(
        [rule.sources.index(s) if s in rule.sources else len(rule.sources)
         for s in pool.sources.to_pylist()],
        dtype=np.int64,
    )  # fmt: skip
    keys = {
        "source": rank[pool.source_code[rows]],
        "recency": pool.recency[rows],
        "frequency": -np.repeat(run_lengths, run_lengths),  # most frequent value first
        "completeness": pool.completeness[rows],
    }
    best = _best_per_group(group, [keys[k] for k in _KEYS[rule.rule]])

    def strings(at: np.ndarray) -> pa.Table:
        taken = pa.array(rows[at], pa.int64())
        return pa.table(
            {"record_key": pc.take(pool.record_key, taken), "value": pc.take(values, taken)}
        )

    winners = _break_ties(best, group, strings)
    # source_priority was decided by recency when no listed source had a value.
    won_by = np.full(len(winners), RULES.index(rule.rule), dtype=np.int64)
    if rule.rule == "source_priority":
        won_by[keys["source"][winners] == len(rule.sources)] = _RECENT
    distinct = np.diff(np.r_[np.searchsorted(group[runs], group[winners]), len(runs)])
    return rows[winners], won_by, distinct


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def survive_pool(pool: Pool, rules: Mapping[str, Rule]) -> tuple[pa.Table, Winners]:
    """survive() of a pool, and its winners (to gather more columns of their records)."""
    records, rules_won, counts, columns = [], [], [], []
    for attribute in pool.attributes:
        rows, values = pool.held(attribute)
        record, won_by, distinct = _attribute_winners(pool, rows, values, _rule(attribute, rules))
        records.append(record)
        rules_won.append(won_by)
        counts.append(distinct)
        columns.append(values)
    record, won_by, distinct = _joined(records), _joined(rules_won), _joined(counts)
    sizes = [len(r) for r in records]
    id_code = pool.id_code[record]
    # Attribute by attribute, each by customer: a stable sort by customer leaves attributes sorted.
    order = np.argsort(id_code, kind="stable")
    winners = Winners(pool.attributes, record, np.r_[0, np.cumsum(sizes)].astype(np.int64), order)
    attribute_of = np.repeat(np.arange(len(sizes)), sizes)
    taken = record[order]
    table = pa.table(
        {
            "customer360_id": pool.ids.take(pa.array(id_code[order])),
            "attribute": pa.array(pool.attributes, pa.string()).take(pa.array(attribute_of[order])),
            "value": winners.gather(columns),
            "record_key": pc.take(pool.record_key, pa.array(taken)),
            "source": pool.sources.take(pa.array(pool.source_code[taken])),
            "rule": pa.array(RULES).take(pa.array(won_by[order])),
            "candidates": pa.array(distinct[order], pa.int64()),
        }
    ).cast(SCHEMA)
    return table, winners


def survive(candidates: pa.Table, rules: Mapping[str, Rule]) -> pa.Table:
    """One row per (customer360_id, attribute): the surviving value, its record and the rule."""
    missing = [c for c in CANDIDATE_COLUMNS if c not in candidates.column_names]
    if missing:
        raise ValueError(f"candidates lack column {', '.join(missing)}")
    for name in ("customer360_id", "attribute", "value", "source"):
        _no_nulls(candidates[name], name)
    if candidates.num_rows == 0:
        return SCHEMA.empty_table()
    # Each candidate is a record of its own, holding one attribute's value.
    attributes, attribute_code = _codes(candidates["attribute"], "attribute")
    by_attribute = np.argsort(attribute_code, kind="stable")
    bounds = np.searchsorted(attribute_code[by_attribute], np.arange(len(attributes) + 1))
    names = attributes.to_pylist()

    def held(attribute: str) -> tuple[np.ndarray, Column]:
        i = names.index(attribute)
        return by_attribute[bounds[i] : bounds[i + 1]], candidates["value"]

    return survive_pool(pool(candidates, names, held), rules)[0]

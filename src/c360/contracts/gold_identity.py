"""Gold contracts of identity resolution: who is who, why, and how that changed run to run.

These tables are also the identity store: the next run reads them back to keep every
``customer360_id`` stable. Record keys are ``<source>:<record id>``, sources being the names of
``identity.sources`` in the project file. No column holds a name, an e-mail or a phone.
"""

from __future__ import annotations

from c360.contracts.model import Column, Table, gold_table

CUSTOMER360_ID = r"c360_\d{8,}"
DECISIONS = ("rule", "linked", "refused", "below_threshold", "must_link", "must_not_link")
EVENTS = ("new", "merge", "split", "departed", "returned")


def identity_table(name: str, description: str, key: tuple[str, ...], *columns: Column) -> Table:
    """A seed-001 gold table published to ``lake/gold/<name>``."""
    return gold_table("001", name, description, key, *columns)


def _id(name: str, description: str, nullable: bool = False) -> Column:
    return Column(name, "string", description, nullable=nullable, pattern=CUSTOMER360_ID)


IDENTITY_LINKS = identity_table(
    "identity_links",
    "One row per source record of a person: the customer it belongs to after this run.",
    ("record_key",),
    Column("record_key", "string", "<source>:<record id>", unique=True),
    Column("source", "string", "Identity source (a key of identity.sources)"),
    Column("record_id", "string", "The record's id in its source system"),
    _id("customer360_id", "The person, stable from run to run"),
    Column("matchable", "bool", "False: nothing to match on, kept as a singleton"),
)

IDENTITY_PAIRS = identity_table(
    "identity_pairs",
    "Every candidate pair the model scored (probability ≥ 0.05), plus user overrides, with the "
    "decision taken and the per-comparison evidence.",
    ("record_key_l", "record_key_r"),
    Column("record_key_l", "string", "One record"),
    Column("record_key_r", "string", "The other record"),
    Column("match_probability", "float", "Splink match probability", min_value=0, max_value=1),
    Column(
        "match_weight",
        "float",
        "log2 Bayes factor summed over the comparisons (NULL for an override never scored)",
        nullable=True,
    ),
    Column(
        "decision",
        "string",
        "rule: linked by a deterministic rule; linked: probability ≥ threshold; refused: over the"
        " threshold but the over-merge guard or a must-not-link kept them apart; below_threshold;"
        " must_link / must_not_link: a user override",
        allowed=DECISIONS,
    ),
    Column(
        "evidence",
        "string",
        'JSON: comparison -> {"level": what was found, "match_weight": how much it counts}',
    ),
)

IDENTITY_LEDGER = identity_table(
    "identity_ledger",
    "Every change to who is who, appended run after run: new customers, merges, splits, and "
    "customers whose records all left the sources or came back.",
    ("run_id", "kind", "id_after", "ids_before"),
    Column(
        "run_id",
        "string",
        "The run that made the change: its clock time to the second (UTC, ISO 8601), or a second "
        "after the latest run recorded when the clock is not later (set back, or set forward "
        "once: runs then follow that time until the clock passes it)",
    ),
    Column("kind", "string", " | ".join(EVENTS), allowed=EVENTS),
    Column("ids_before", "string", "The ids the records held before, comma-separated ('' if new)"),
    _id("id_after", "The id they hold now (departed: the id kept for their return)"),
    Column(
        "records",
        "int",
        "Records in the cluster after the change (departed: the records that left)",
        min_value=1,
    ),
    Column("evidence", "string", "JSON: the strongest pairs that joined the clusters (merges)"),
)

IDENTITY_ALIASES = identity_table(
    "identity_aliases",
    "Retired ids and the id each resolves to now, so an old id keeps working.",
    ("retired_id",),
    _id("retired_id", "An id no cluster holds any more"),
    _id("customer360_id", "The id it resolves to"),
)

IDENTITY_DEPARTED = identity_table(
    "identity_departed",
    "Records no longer in the sources whose customer left with them, and the id they held: a "
    "record that comes back (a partial extract, a restored row) gets that id again.",
    ("record_key",),
    Column("record_key", "string", "<source>:<record id>", unique=True),
    _id("customer360_id", "The id the record held when it was last seen"),
)

IDENTITY_FORMER_IDS = identity_table(
    "identity_former_ids",
    "Ids that present records held before a merge retired them: when the merge is undone (a "
    "must-not-link, a higher threshold), each part gets its own id back.",
    ("record_key", "customer360_id"),
    Column("record_key", "string", "<source>:<record id>"),
    _id("customer360_id", "A retired id the record held"),
)

TABLES: tuple[Table, ...] = (
    IDENTITY_LINKS, IDENTITY_PAIRS, IDENTITY_LEDGER, IDENTITY_ALIASES, IDENTITY_DEPARTED,
    IDENTITY_FORMER_IDS,
)  # fmt: skip

"""Table contracts: the one declaration of every table that generator, pipeline and docs read."""

from __future__ import annotations

from c360.contracts import (
    commerce,
    crm,
    ecommerce,
    gold_attribution,
    gold_churn,
    gold_ecommerce,
    gold_engagement,
    gold_identity,
    gold_marketing,
    gold_profile,
    gold_reco,
    gold_scores,
    gold_segments,
    gold_star,
    gold_text,
    identity,
    marketing,
    marketing_bronze,
    text,
    truth,
)
from c360.contracts.model import Column, Table

SOURCE_TABLES: tuple[Table, ...] = (
    *crm.TABLES,
    *marketing.TABLES,
    *commerce.TABLES,
    *text.TABLES,
    *ecommerce.TABLES,
    *marketing_bronze.TABLES,
    *identity.TABLES,
)
TRUTH_TABLES: tuple[Table, ...] = truth.TABLES
GOLD_TABLES: tuple[Table, ...] = (
    *gold_star.TABLES,
    *gold_engagement.TABLES,
    *gold_attribution.TABLES,
    *gold_text.TABLES,
    *gold_ecommerce.TABLES,
    *gold_marketing.TABLES,
    *gold_identity.TABLES,
    *gold_profile.TABLES,
    *gold_segments.TABLES,
    *gold_scores.TABLES,
    *gold_reco.TABLES,
    *gold_churn.TABLES,
)
ALL_TABLES: tuple[Table, ...] = SOURCE_TABLES + TRUTH_TABLES + GOLD_TABLES
CONTRACTS: dict[str, Table] = {t.name: t for t in ALL_TABLES}


def get(name: str) -> Table:
    """The contract of table ``name``."""
    try:
        return CONTRACTS[name]
    except KeyError:
        raise KeyError(f"no contract for table {name!r}") from None


__all__ = [
    "ALL_TABLES",
    "CONTRACTS",
    "GOLD_TABLES",
    "SOURCE_TABLES",
    "TRUTH_TABLES",
    "Column",
    "Table",
    "get",
]

"""The silver rule behind each of seed 000's consistency checks (``sql/checks/*.sql``).

The checks run on gold, after silver has quarantined or repaired the rows they look for, so they
answer 0; the run report shows beside each what silver caught under the same rule in the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SilverRule:
    """The reason codes a silver model quarantines a row with, or the repairs it counts on the
    rows it keeps (``repair``), for what a check looks for."""

    model: str
    reasons: tuple[str, ...]
    repair: bool = False


# Keyed as ``sql_files.answer_all`` names the answers.
CHECK_RULES = {
    # commerce.stg_orders: a NULL customer_id or one that no customer holds
    "checks/orders_without_customer": SilverRule(
        "stg_orders", ("orphan_customer", "missing_customer")
    ),
    # commerce.stg_orders: the order is kept, its attribution to no campaign made NULL
    "checks/orders_with_unknown_campaign": SilverRule(
        "stg_orders", ("attributed_campaign_id: orphan_campaign",), repair=True
    ),
    # campaigns.stg_marketing_sends: a send to a customer whose consent_email is not true
    "checks/sends_without_consent": SilverRule("stg_marketing_sends", ("no_consent",)),
}


def caught(silver: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per check, the rows its rule quarantined or repaired, by reason, in the run report's
    ``silver`` entries, and for rows quarantined the columns at fault their reasons name
    (``columns``: reason → column → rows; a repair's name holds its column already); a check
    whose model the run did not build is left out."""
    built = {s["model"]: s for s in silver}
    out: dict[str, dict[str, Any]] = {}
    for check, rule in CHECK_RULES.items():
        if rule.model not in built:
            continue
        counts = built[rule.model].get("repaired" if rule.repair else "quarantine") or {}
        out[check] = {
            "model": rule.model,
            "action": "repaired" if rule.repair else "quarantined",
            "rows": {reason: counts.get(reason, 0) for reason in rule.reasons},
        }
        named = built[rule.model].get("quarantine_columns") or {}
        if columns := {r: named[r] for r in rule.reasons if named.get(r) and not rule.repair}:
            out[check]["columns"] = columns
    return out

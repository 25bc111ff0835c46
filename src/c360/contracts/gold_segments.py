"""Gold contract of segment membership over time, like seed 000's ``crm_customer_segments``."""

from __future__ import annotations

from c360.contracts.gold_identity import CUSTOMER360_ID
from c360.contracts.model import Column, Table, gold_table

SEGMENT_MEMBERSHIP = gold_table(
    "001",
    "segment_membership",
    "Every period a customer was in a segment (built-in value/state, RFM, CRM and the rule "
    "segments of c360.yaml): opened on the first run that finds the customer in the segment, "
    "closed on the first run that does not. Dates are the runs' UTC dates, "
    "never earlier than a date already recorded (a clock set back counts as the last run's day).",
    ("customer360_id", "segment", "valid_from"),
    Column("customer360_id", "string", "The customer", pattern=CUSTOMER360_ID),
    Column("segment", "string", "A segment of customer_profile.segments"),
    Column("valid_from", "date", "First run date with the customer in the segment"),
    Column(
        "valid_to", "date", "Run date it was found out of it; NULL while a member", nullable=True
    ),
    Column("is_current", "bool", "valid_to IS NULL"),
)

TABLES: tuple[Table, ...] = (SEGMENT_MEMBERSHIP,)

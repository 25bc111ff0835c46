"""What the notes say, per person: sums over linked records, the newest note's sentiment."""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from c360.identity.profile_notes import notes

CUSTOMERS = pa.array(["p1", "p2", "p3"])
IDS = pa.table({"customer_id": ["C1", "C2", "C3", "C9"], "code": [0, 0, 1, 2]})
FEATURES = pa.table({
    "customer_id": ["C1", "C2", "C3", "C_UNLINKED"],
    "count_notes": [2, 3, 1, 7],
    "last_note_date": [date(2024, 5, 1), date(2024, 6, 1), date(2024, 1, 1), date(2024, 9, 1)],
    "last_note_sentiment": ["positive", "negative", "neutral", "positive"],
    "count_negative_notes": [0, 2, 0, 7],
    "count_complaints": [1, 2, 0, 7],
})  # fmt: skip


def test_linked_records_are_summed_and_the_newest_note_speaks() -> None:
    out = {k: v.to_pylist() for k, v in notes(CUSTOMERS, IDS, FEATURES).items()}
    # p1 has C1 and C2: 2 + 3 notes, C2's note (June) is newer than C1's (May).
    # p3's record C9 has no notes: zeros and no sentiment; the unlinked row counts nowhere.
    assert out["notes_count"] == [5, 1, 0]
    assert out["negative_notes"] == [2, 0, 0]
    assert out["complaint_notes"] == [3, 0, 0]
    assert out["last_note_sentiment"] == ["negative", "neutral", None]


def test_same_day_notes_are_broken_by_the_greatest_customer_id() -> None:
    same_day = FEATURES.set_column(2, "last_note_date", pa.array([date(2024, 6, 1)] * 4))
    out = notes(CUSTOMERS, IDS, same_day)
    assert out["last_note_sentiment"].to_pylist()[0] == "negative"  # C2 > C1

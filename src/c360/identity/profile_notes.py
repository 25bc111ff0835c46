"""Per customer: what the CRM notes say, from gold ``customer_text_features``.

A person linked to several ``crm_customers`` records sums their note counts; the last note's
sentiment is that of the record whose latest note is newest (same date: the greatest
``customer_id``). A person without notes gets zero counts and a NULL sentiment.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from c360.identity.profile_activity import linked
from c360.identity.profile_attributes import scatter


def notes(customers: pa.Array, ids: pa.Table, features: pa.Table) -> dict[str, pa.Array]:
    """``notes_count``, ``negative_notes``, ``complaint_notes`` and ``last_note_sentiment``."""
    rows = linked(features, ids)
    sums = rows.group_by("code", use_threads=False).aggregate(
        [("count_notes", "sum"), ("count_negative_notes", "sum"), ("count_complaints", "sum")]
    )
    codes = sums.column("code").to_numpy()

    def total(column: str) -> pa.Array:
        summed = scatter(len(customers), codes, sums.column(f"{column}_sum").combine_chunks())
        return pc.fill_null(pc.cast(summed, pa.int64()), 0)

    latest = rows.sort_by(
        [("code", "ascending"), ("last_note_date", "descending"), ("customer_id", "descending")]
    )
    code = latest.column("code").to_numpy()
    first = pa.array([True, *(code[1:] != code[:-1])]) if len(code) else pa.array([], pa.bool_())
    latest = latest.filter(first)
    return {
        "notes_count": total("count_notes"),
        "negative_notes": total("count_negative_notes"),
        "complaint_notes": total("count_complaints"),
        "last_note_sentiment": scatter(
            len(customers),
            latest.column("code").to_numpy(),
            latest.column("last_note_sentiment").combine_chunks(),
        ),
    }

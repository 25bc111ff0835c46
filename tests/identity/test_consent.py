"""Consent merging: opt-outs and refusals always win, contradictions are flagged."""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.identity.consent import (
    CONSENT_SCHEMA,
    SCHEMA,
    merge_consents,
    merge_opt_in,
    merge_scopes,
)

ConsentRow = tuple[str, str, str | None, str | None, bool | None]


def consents(rows: list[ConsentRow]) -> pa.Table:
    """Rows of (customer360_id, record_key, opt_in_status, scope, scope_granted)."""
    return pa.Table.from_pylist(
        [dict(zip(CONSENT_SCHEMA.names, row, strict=True)) for row in rows], schema=CONSENT_SCHEMA
    )


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["opted_in", "opted_out"], ("opted_out", True)),
        (["opted_out", "unknown", None], ("opted_out", False)),
        (["unknown", "opted_in", None], ("opted_in", False)),
        (["unknown", None], ("unknown", False)),
        ([], ("unknown", False)),
    ],
)
def test_merge_opt_in(statuses: list[str | None], expected: tuple[str, bool]) -> None:
    assert merge_opt_in(statuses) == expected


def test_merge_opt_in_rejects_unknown_statuses() -> None:
    with pytest.raises(ValueError, match=r"unknown opt-in status \['yes'\]; statuses are"):
        merge_opt_in(["opted_in", "yes"])


def test_merge_scopes_drops_a_scope_refused_anywhere() -> None:
    granted = [["sms", "email"], ["post"], ["email"]]
    assert merge_scopes(granted, [[], ["sms"]]) == ["email", "post"]
    assert merge_scopes([["email"]], [["email"]]) == []
    assert merge_scopes([], [["email"]]) == []


def test_merge_consents_literal() -> None:
    rows: list[ConsentRow] = [
        # c1: one record out, one in -> out, conflict, smallest opting-out record named.
        ("c1", "web:2", "opted_out", None, None),
        ("c1", "crm:1", "opted_in", "email", True),
        ("c1", "web:9", "opted_out", "sms", True),
        # c2: unknown never beats opted_in; post refused by one record is dropped (a conflict).
        ("c2", "crm:2", "opted_in", "post", True),
        ("c2", "crm:2", "opted_in", "sms", True),
        ("c2", "web:3", "unknown", "post", False),
        ("c2", "web:4", None, "email", True),
        ("c2", "web:4", None, "phone", None),  # unknown grant: ignored
        # c0: nothing known.
        ("c0", "pos:1", None, None, None),
        # c3: a refusal alone is no conflict, and grants nothing.
        ("c3", "crm:7", "unknown", "email", False),
        ("c3", "web:7", "opted_in", "sms", False),
    ]
    out = merge_consents(consents(rows))
    assert out.schema == SCHEMA
    assert out.to_pylist() == [
        {"customer360_id": "c0", "opt_in_status": "unknown", "consent_scopes": [],
         "consent_conflict": False, "opt_out_record": None},
        {"customer360_id": "c1", "opt_in_status": "opted_out", "consent_scopes": ["email", "sms"],
         "consent_conflict": True, "opt_out_record": "web:2"},
        {"customer360_id": "c2", "opt_in_status": "opted_in", "consent_scopes": ["email", "sms"],
         "consent_conflict": True, "opt_out_record": None},
        {"customer360_id": "c3", "opt_in_status": "opted_in", "consent_scopes": [],
         "consent_conflict": False, "opt_out_record": None},
    ]  # fmt: skip


def test_merge_consents_edges() -> None:
    assert merge_consents(consents([])).equals(SCHEMA.empty_table())
    untyped = pa.table({c: pa.nulls(1) for c in CONSENT_SCHEMA.names}).set_column(
        0, "customer360_id", pa.array(["c"])
    )
    assert merge_consents(untyped)["opt_in_status"].to_pylist() == ["unknown"]
    with pytest.raises(ValueError, match="lack column scope_granted"):
        merge_consents(consents([]).drop_columns(["scope_granted"]))
    with pytest.raises(ValueError, match="unknown opt-in status"):
        merge_consents(consents([("c", "r", "OPTED_IN", None, None)]))
    with pytest.raises(ValueError, match="1 NULL customer360_id"):
        merge_consents(consents([("c", "r", None, None, None)]).set_column(
            0, "customer360_id", pa.nulls(1, pa.string())
        ))  # fmt: skip


# --- properties -------------------------------------------------------------------------------

SCOPES = ("email", "sms", "post")
records = st.lists(
    st.tuples(
        st.sampled_from(("c1", "c2", "c3")),
        st.sampled_from((None, "opted_in", "opted_out", "unknown")),
        st.lists(st.tuples(st.sampled_from(SCOPES), st.one_of(st.none(), st.booleans()))),
    ),
    min_size=1,
    max_size=10,
)


def rows_of(generated: list[Any]) -> list[ConsentRow]:
    """Each record as its scope rows, or one row with scope NULL when it has none."""
    rows: list[ConsentRow] = []
    for n, (cid, status, scopes) in enumerate(generated):
        key = f"r:{n:02d}"
        rows += [(cid, key, status, s, g) for s, g in scopes] or [(cid, key, status, None, None)]
    return rows


@settings(max_examples=300, deadline=None)
@given(records, st.data())
def test_merging_never_loosens_consent(generated: list[Any], data: st.DataObject) -> None:
    rows = rows_of(generated)
    merged = {r["customer360_id"]: r for r in merge_consents(consents(rows)).to_pylist()}
    assert sorted(merged) == sorted({r[0] for r in rows})
    for cid, out in merged.items():
        mine = [r for r in rows if r[0] == cid]
        granted = {r[3] for r in mine if r[4] is True}
        refused = {r[3] for r in mine if r[4] is False}
        statuses = [r[2] for r in mine]
        # The batch version agrees with the per-customer functions.
        status, conflict = merge_opt_in(statuses)
        assert out["opt_in_status"] == status
        assert out["consent_scopes"] == merge_scopes([granted], [refused])
        assert out["consent_conflict"] == (conflict or bool(granted & refused))
        outs = sorted(r[1] for r in mine if r[2] == "opted_out")
        assert out["opt_out_record"] == (outs[0] if outs else None)
        # Never looser than any part: an opt-out anywhere wins, a refusal anywhere removes.
        assert set(out["consent_scopes"]) <= granted
        assert not set(out["consent_scopes"]) & refused
        split = data.draw(st.lists(st.booleans(), min_size=len(mine), max_size=len(mine)))
        for part in ([r for r, s in zip(mine, split, strict=True) if s == side] for side in (0, 1)):
            if any(r[2] == "opted_out" for r in part):
                assert out["opt_in_status"] == "opted_out"
            part_refused = {r[3] for r in part if r[4] is False}
            assert not set(out["consent_scopes"]) & part_refused

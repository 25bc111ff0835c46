"""The profile's touches, sessions and last touch on literal facts: a machine's click is none."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pyarrow as pa

from c360.identity.profile_activity import customer_map, engagement

AS_OF = datetime(2025, 3, 31)
ANN, BOB = "c360_00000001", "c360_00000002"
CUSTOMERS = pa.array([ANN, BOB])
_STAMP = pa.timestamp("us")
STAMPS = ("send_at", "first_open_at", "first_click_at", "first_human_open_at",
          "first_human_click_at")  # fmt: skip
COUNTS = ("count_opens", "count_clicks", "count_human_opens", "count_human_clicks")


def at(day: int, hour: int = 9, second: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, 0, second)


def send(
    customer: str,
    day: int,
    opened: datetime | None = None,
    clicked: datetime | None = None,
    human_opened: datetime | None = None,
    human_clicked: datetime | None = None,
) -> dict[str, Any]:
    """A row of fct_email_events sent at 9:00 on ``day`` (opened/clicked: raw first times)."""
    return {
        "customer_id": customer, "send_at": at(day),
        "first_open_at": opened, "first_click_at": clicked,
        "first_human_open_at": human_opened, "first_human_click_at": human_clicked,
        "count_opens": int(opened is not None), "count_clicks": int(clicked is not None),
        "count_human_opens": int(human_opened is not None),
        "count_human_clicks": int(human_clicked is not None),
    }  # fmt: skip


def email_events(rows: list[dict[str, Any]]) -> pa.Table:
    schema = pa.schema(
        [("customer_id", pa.string())]
        + [(c, _STAMP) for c in STAMPS]
        + [(c, pa.int64()) for c in COUNTS]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def activity(mails: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """:func:`engagement` of Ann (CUST_1) and Bob (CUST_2): one web order of Ann's on 1 March,
    their records dated 2024, and ``mails``."""
    links = pa.table({"customer360_id": [ANN, BOB], "source": ["customers"] * 2,
                      "record_id": ["CUST_1", "CUST_2"]})  # fmt: skip
    ids = customer_map(links, ["customers"], CUSTOMERS)
    orders = pa.Table.from_pylist(
        [{"customer_id": "CUST_1", "order_id": "O1", "status": "completed", "channel": "web",
          "total_amount_eur": 10.0, "order_at": at(1)}],
        schema=pa.schema([("customer_id", pa.string()), ("order_id", pa.string()),
                          ("status", pa.string()), ("channel", pa.string()),
                          ("total_amount_eur", pa.float64()), ("order_at", _STAMP)]),
    )  # fmt: skip
    interactions = pa.Table.from_pylist(
        [],
        schema=pa.schema([("customer_id", pa.string()), ("interaction_id", pa.string()),
                          ("type", pa.string()), ("channel", pa.string()),
                          ("occurred_at", _STAMP)]),
    )  # fmt: skip
    records = pa.table({"customer360_id": [ANN, BOB], "source": ["customers"] * 2,
                        "updated_at": pa.array([datetime(2024, 1, 1)] * 2, _STAMP)})  # fmt: skip
    out = engagement(CUSTOMERS, ids, orders, interactions, email_events(mails), records, AS_OF)
    return {name: values.to_pylist() for name, values in out.items()}


def test_a_scanners_clicks_are_no_sessions_and_no_touch() -> None:
    # Ann: three sends a security scanner opened and clicked 3 s after sending, one a person
    # clicked; Bob: only scanned sends.
    scanned = [send("CUST_1", d, at(d, second=3), at(d, second=3)) for d in (5, 6, 7)]
    person = send("CUST_1", 2, at(2, 12), at(2, 12), at(2, 12), at(2, 12))
    out = activity([*scanned, person, send("CUST_2", 9, at(9, second=3), at(9, second=3))])
    assert out["total_sessions"] == [2, 0]  # Ann: her web order's day and her own click's
    assert out["last_seen_at"] == [at(2, 12), datetime(2024, 1, 1)]
    assert out["first_seen_at"] == [datetime(2024, 1, 1)] * 2
    assert out["last_channel_seen"] == ["email", "crm"]
    # The raw and human e-mail counts are still both there.
    assert (out["email_clicks"], out["human_email_clicks"]) == ([4, 1], [1, 0])


def test_a_persons_open_behind_a_proxy_is_the_last_touch_not_the_proxys() -> None:
    # Bob's send: a privacy proxy fetched the images on 10 March; he opened it himself on
    # 12 March and never clicked. A later send was opened by the proxy only.
    mails = [
        send("CUST_2", 10, opened=at(10, 10), human_opened=at(12, 20)),
        send("CUST_2", 20, opened=at(20, 10)),
    ]
    out = activity(mails)
    assert out["last_seen_at"] == [at(1), at(12, 20)]
    assert out["last_channel_seen"] == ["web", "email"]
    assert out["total_sessions"] == [1, 0]  # an open is no session

"""A landline gives way to a mobile of the same customer, whatever the rule."""

from __future__ import annotations

from datetime import datetime

import pyarrow as pa
import pyarrow.compute as pc

from c360.identity.profile_attributes import survivors
from c360.identity.profile_phones import landlines_beside_mobiles
from c360.identity.survivorship import Rule

JAN, MAR = datetime(2024, 1, 1), datetime(2024, 3, 1)
BARCELONA, SPANISH_MOBILE = "+34932579964", "+34686348819"
BERLIN, GERMAN_MOBILE = "+493012345678", "+4915118092836"
ATLANTA = "+14043956252"  # the North American plan tells no landline from a mobile


def phones(rows: list[tuple[str, str, datetime, str | None]]) -> pa.Table:
    return pa.table({
        "record_key": [r[0] for r in rows],
        "source": [r[0].split(":")[0] for r in rows],
        "customer360_id": [r[1] for r in rows],
        "updated_at": pa.array([r[2] for r in rows], pa.timestamp("us")),
        "phone": pa.array([r[3] for r in rows], pa.string()),
    })  # fmt: skip


ROWS = [
    ("crm:1", "c1", MAR, BARCELONA),  # the latest, a landline
    ("web:1", "c1", JAN, SPANISH_MOBILE),
    ("crm:2", "c2", MAR, BERLIN),  # landlines only
    ("web:2", "c2", JAN, "+493098765432"),
    ("crm:3", "c3", MAR, ATLANTA),  # no kind told
    ("web:3", "c3", JAN, GERMAN_MOBILE),
    ("crm:4", "c4", MAR, BERLIN),  # another customer's mobile says nothing of c4's
    ("web:4", "c4", JAN, None),
    ("shop:5", "c5", JAN, "not a number"),
]


def test_a_landline_is_marked_only_beside_a_mobile_of_its_customer() -> None:
    assert landlines_beside_mobiles(phones(ROWS)).tolist() == [
        True, False, False, False, False, False, False, False, False,
    ]  # fmt: skip


def won(rule: Rule) -> dict[str, str]:
    out = survivors(phones(ROWS), {"phone": rule})
    out = out.filter(pc.equal(out["attribute"], "phone"))
    return dict(zip(out["customer360_id"].to_pylist(), out["display"].to_pylist(), strict=True))


def test_the_mobile_wins_over_a_later_landline_whatever_the_rule() -> None:
    for rule in (Rule("most_recent"), Rule("source_priority", ("crm", "web"))):
        assert won(rule) == {
            "c1": SPANISH_MOBILE,
            "c2": BERLIN,
            "c3": ATLANTA,
            "c4": BERLIN,
            "c5": "not a number",
        }


def test_a_record_of_no_customer_gives_no_one_a_mobile() -> None:
    rows = [("crm:1", "b", MAR, BERLIN), ("crm:2", "b", JAN, BARCELONA),
            ("web:1", None, JAN, GERMAN_MOBILE), ("web:2", None, JAN, BERLIN)]  # fmt: skip
    values = phones(rows)  # type: ignore[arg-type]
    assert landlines_beside_mobiles(values).tolist() == [False, False, False, False]

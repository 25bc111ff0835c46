"""Machine e-mail engagement: each rule on literal events, on every engine."""

from __future__ import annotations

import datetime as dt

import ibis
import pyarrow as pa
import pytest

from c360.contracts import gold_engagement as c
from c360.contracts import gold_star
from c360.engines import Engine
from c360.pipeline.gold import engagement, star
from tests.pipeline.gold.test_star import built, silver

CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile"
BARRACUDA = "Mozilla/5.0 (compatible; Barracuda Sentinel URL Scanner)"
SENT = dt.datetime(2025, 3, 1, 9)


def after(seconds: int) -> dt.datetime:
    return SENT + dt.timedelta(seconds=seconds)


# (event id, send, type, seconds after the send, user agent, expected reason or None)
EVENTS = [
    ("E01", "S1", "open", 3, BARRACUDA, "scanner_user_agent"),  # a named scanner
    ("E02", "S1", "click", 3, BARRACUDA, "scanner_user_agent"),
    ("E03", "S2", "open", 120, CHROME, "burst_click"),  # a queued scanner passing for Chrome
    ("E04", "S2", "click", 120, CHROME, "burst_click"),
    ("E05", "S2", "click", 121, CHROME, "burst_click"),
    ("E06", "S3", "open", 10, CHROME, "instant_open"),  # an image fetch only, seconds in
    ("E07", "S4", "open", 600, "Mozilla/5.0", "proxy_open"),  # a privacy proxy
    ("E08", "S4", "click", 7200, IPHONE, None),  # the person clicks later
    ("E09", "S5", "open", 3600, IPHONE, None),  # a person: opens, a reload a second later,
    ("E10", "S5", "open", 3601, IPHONE, None),  # two clicks minutes apart, a reopen days later
    ("E11", "S5", "click", 3630, None, None),
    ("E12", "S5", "click", 4200, IPHONE, None),
    ("E13", "S5", "open", 2 * 86_400, CHROME, None),
    ("E14", "S6", "open", 31, CHROME, None),  # just slower than the instant threshold
    ("E15", "S7", "open", 30, CHROME, "instant_open"),  # the threshold itself
    ("E16", "S8", "click", 4000, CHROME, None),  # two clicks 3 s apart: a quick person
    ("E17", "S8", "click", 4003, CHROME, None),
    ("E18", "S9", "click", 4000, CHROME, "burst_click"),  # 2 s apart: a machine
    ("E19", "S9", "click", 4002, CHROME, "burst_click"),
    ("E20", "S10", "open", 900, " MOZILLA/5.0 ", "proxy_open"),  # in any case, padded
    ("E21", "S11", "open", 900, "Python-Requests/2.31", "scanner_user_agent"),
    ("E22", "S12", "click", 5000, IPHONE, None),  # a person clicks, then opens again later
    ("E23", "S12", "open", 6000, IPHONE, None),
]
SENDS = sorted({e[1] for e in EVENTS})


def _inputs(engine: Engine) -> tuple[ibis.Table, ibis.Table]:
    base = {"campaign_id": "CAMP_001", "asset_id": "ASSET_00001", "customer_id": "CUST_000001"}
    sends = silver(engine, "stg_marketing_sends",
                   [{**base, "send_id": s, "send_at": SENT} for s in SENDS])  # fmt: skip
    rows = [
        {"event_id": e, "send_id": s, "customer_id": "CUST_000001", "event_type": kind,
         "event_at": after(sec), "user_agent": agent, "device": None if agent else "desktop"}
        for e, s, kind, sec, agent, _ in EVENTS
    ]  # fmt: skip
    rows += [  # neither a bounce nor an event of an unknown send is classified
        {"event_id": "E20", "send_id": "S1", "event_type": "bounce", "event_at": after(1)},
        {"event_id": "E21", "send_id": "S99", "event_type": "open", "event_at": after(1)},
    ]
    return sends, silver(engine, "stg_marketing_events", rows)


def test_each_rule_flags_its_machines_and_no_person(engine: Engine) -> None:
    rows = built(
        engine, c.EMAIL_ENGAGEMENT_CLASSIFIED, engagement.classify_engagement(*_inputs(engine))
    )
    got = [(r["event_id"], r["machine_reason"], r["is_machine"]) for r in rows]
    assert got == [(e[0], e[5], e[5] is not None) for e in EVENTS]


def test_the_evidence_is_kept_beside_the_verdict(engine: Engine) -> None:
    rows = built(
        engine, c.EMAIL_ENGAGEMENT_CLASSIFIED, engagement.classify_engagement(*_inputs(engine))
    )
    by_id = {r["event_id"]: r for r in rows}
    assert [by_id[e]["seconds_after_send"] for e in ("E01", "E07", "E13")] == [3, 600, 172_800]
    assert [by_id[e]["count_clicks_nearby"] for e in ("E03", "E04", "E05", "E16")] == [2, 1, 1, 0]


def test_fct_email_events_counts_what_the_person_did(engine: Engine) -> None:
    sends, events = _inputs(engine)
    classified = engagement.classify_engagement(sends, events)
    rows = built(
        engine, gold_star.FCT_EMAIL_EVENTS, star.fct_email_events(sends, events, classified)
    )
    columns = ("send_id", "is_opened", "is_human_opened", "is_clicked", "is_human_clicked",
               "count_opens", "count_human_opens", "count_clicks",
               "count_human_clicks")  # fmt: skip
    assert [tuple(r[k] for k in columns) for r in rows] == [
        ("S1", True, False, True, False, 1, 0, 1, 0),
        ("S10", True, False, False, False, 1, 0, 0, 0),
        ("S11", True, False, False, False, 1, 0, 0, 0),
        ("S12", True, True, True, True, 1, 1, 1, 1),
        ("S2", True, False, True, False, 1, 0, 2, 0),
        ("S3", True, False, False, False, 1, 0, 0, 0),
        ("S4", True, True, True, True, 1, 0, 1, 1),  # the click proves the proxied open
        ("S5", True, True, True, True, 3, 3, 2, 2),
        ("S6", True, True, False, False, 1, 1, 0, 0),
        ("S7", True, False, False, False, 1, 0, 0, 0),
        ("S8", False, True, True, True, 0, 0, 2, 2),  # a click proves an open
        ("S9", False, False, True, False, 0, 0, 2, 0),
    ]


def test_fct_email_events_dates_the_persons_first_open_and_click(engine: Engine) -> None:
    sends, events = _inputs(engine)
    classified = engagement.classify_engagement(sends, events)
    rows = built(
        engine, gold_star.FCT_EMAIL_EVENTS, star.fct_email_events(sends, events, classified)
    )
    columns = ("first_open_at", "first_human_open_at", "first_click_at", "first_human_click_at")
    assert {r["send_id"]: tuple(r[k] for k in columns) for r in rows} == {
        "S1": (after(3), None, after(3), None),  # scanners only: no person's time
        "S10": (after(900), None, None, None),
        "S11": (after(900), None, None, None),
        "S12": (after(6000), after(5000), after(5000), after(5000)),  # a click is an open
        "S2": (after(120), None, after(120), None),
        "S3": (after(10), None, None, None),
        "S4": (after(600), after(7200), after(7200), after(7200)),  # the proxy's open is not
        "S5": (after(3600), after(3600), after(3630), after(3630)),
        "S6": (after(31), after(31), None, None),
        "S7": (after(30), None, None, None),
        "S8": (None, after(4000), after(4000), after(4000)),
        "S9": (None, None, after(4000), None),
    }
    for r in rows:  # a time exactly when the flag says a person opened / clicked
        assert (r["first_human_open_at"] is not None) is r["is_human_opened"], r["send_id"]
        assert (r["first_human_click_at"] is not None) is r["is_human_clicked"], r["send_id"]


def test_reasons_are_the_contracts_allowed_values() -> None:
    reason = c.EMAIL_ENGAGEMENT_CLASSIFIED.column("machine_reason")
    assert reason.allowed == c.MACHINE_REASONS
    assert engagement.MODELS[0].contract is c.EMAIL_ENGAGEMENT_CLASSIFIED


def test_scanner_agents_are_named_and_browsers_are_not(engine: Engine) -> None:
    agents = [(BARRACUDA, True), ("python-requests/2.31.0", True), ("HeadlessChrome/120", True),
              ("Mimecast URL Protect/2.1", True), (CHROME, False), (IPHONE, False),
              ("Mozilla/5.0 (Linux; Android 14; SM-S918B) SamsungBrowser/24.0", False)]  # fmt: skip
    t = engine.register("scanner_agents", pa.table({"a": [a for a, _ in agents]}))
    named = engine.to_arrow(t.select(n=t.a.re_search(engagement.SCANNER_AGENT))).column("n")
    assert named.to_pylist() == [n for _, n in agents]


# (user agent, named a scanner): ASCII letters only, in any case, on every engine. RE2 (DuckDB)
# folded ſ (U+017F) to s and the Kelvin sign (U+212A) to k under (?i), Java (Spark) did not;
# Java's \\b read a letter beyond ASCII as part of a word ("robotä"), RE2's did not.
AGENT_WORDS = [
    ("\u017fcanner/1.0", False), ("Lin\u212a-Check/2.0", False), ("SCANNER", True),
    ("Link-Check/2.0", True), ("robot\u00e4/1.0", True), ("Mozilla/5.0 (scan\u00e9)", True),
    ("Robotnik/1.0", False), ("ROBOT", True), ("MailScan_2", False), ("SCAN/3", True),
]  # fmt: skip


def test_a_scanner_is_named_in_ascii_letters_on_every_engine(engine: Engine) -> None:
    sends = silver(engine, "stg_marketing_sends", [
        {"send_id": f"S{i}", "campaign_id": "CAMP_001", "asset_id": "ASSET_00001",
         "customer_id": "CUST_000001", "send_at": SENT} for i in range(len(AGENT_WORDS))
    ])  # fmt: skip
    events = silver(engine, "stg_marketing_events", [
        {"event_id": f"E{i}", "send_id": f"S{i}", "customer_id": "CUST_000001",
         "event_type": "open", "event_at": after(3600), "user_agent": agent}
        for i, (agent, _) in enumerate(AGENT_WORDS)
    ])  # fmt: skip
    rows = built(
        engine, c.EMAIL_ENGAGEMENT_CLASSIFIED, engagement.classify_engagement(sends, events)
    )
    got = {r["user_agent"]: r["machine_reason"] for r in rows}
    assert got == {a: "scanner_user_agent" if named else None for a, named in AGENT_WORDS}


def test_an_agent_shared_by_opens_and_clicks_is_judged_per_event(engine: Engine) -> None:
    sends = silver(engine, "stg_marketing_sends", [
        {"send_id": s, "campaign_id": "CAMP_001", "asset_id": "ASSET_00001",
         "customer_id": "CUST_000001", "send_at": SENT} for s in ("S1", "S2", "S3")
    ])  # fmt: skip
    events = silver(engine, "stg_marketing_events", [
        {"event_id": e, "send_id": s, "customer_id": "CUST_000001", "event_type": kind,
         "event_at": after(sec), "user_agent": agent}
        for e, s, kind, sec, agent in [
            ("E1", "S1", "open", 600, "Mozilla/5.0"),  # the proxy rule reads opens only
            ("E2", "S1", "click", 9000, "Mozilla/5.0"),
            ("E3", "S2", "open", 600, "Mozilla/5.0"),
            ("E4", "S2", "open", 900, None),
            ("E5", "S3", "click", 700, None),
            ("E6", "S3", "open", 800, BARRACUDA),
            ("E7", "S3", "bounce", 1, BARRACUDA),  # not an engagement: not classified
        ]
    ])  # fmt: skip
    rows = built(
        engine, c.EMAIL_ENGAGEMENT_CLASSIFIED, engagement.classify_engagement(sends, events)
    )
    assert [(r["event_id"], r["user_agent"], r["machine_reason"]) for r in rows] == [
        ("E1", "Mozilla/5.0", "proxy_open"),
        ("E2", "Mozilla/5.0", None),
        ("E3", "Mozilla/5.0", "proxy_open"),
        ("E4", None, None),
        ("E5", None, None),
        ("E6", BARRACUDA, "scanner_user_agent"),
    ]


@pytest.mark.parametrize("end", ["\u0085", "\u2028", "\u2029", "\n", "\r\n"])
def test_a_bare_agent_ending_in_a_line_separator_is_a_proxy(engine: Engine, end: str) -> None:
    """Java's regex ``$`` (Spark) also matches before a final line terminator, RE2's (DuckDB)
    does not: the line separators are white space around the bare agent."""
    agents = ["Mozilla/5.0" + end, end + "Mozilla/5.0", "Mozilla/5.0" + end + "x"]
    t = engine.register(f"agents_{ord(end[-1])}_{len(end)}", pa.table({"a": agents}))
    out = engine.to_arrow(t.select(p=t.a.re_search(engagement.PROXY_AGENT))).column("p")
    assert out.to_pylist() == [True, True, False]

"""Text features from literal silver and gold rows: exact on every engine, zero divisions too."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import ibis
import pyarrow as pa
import pytest

from c360.contracts import gold_star
from c360.contracts import gold_text as c
from c360.engines import Engine
from c360.pipeline.gold import text_features as tf
from c360.pipeline.gold.run import conform, with_people
from c360.text.analyze import EMAILS_SCHEMA, NOTES_SCHEMA
from c360.text.topics import TOPICS

d = dt.date
NOTES = [  # note_id, customer_id, note_date, sentiment, topic
    ("N01", "C1", d(2024, 1, 5), "positive", "product_inquiry"),
    ("N02", "C1", d(2024, 2, 10), "negative", "complaint"),
    ("N03", "C1", d(2024, 2, 10), "neutral", "delivery_issue"),  # same day, greater id: latest
    ("N04", "C1", d(2024, 1, 20), "negative", "billing_question"),  # greatest id, not latest
    ("N05", "C2", d(2024, 3, 1), "negative", "support_issue"),
    ("N06", "C2", d(2024, 3, 2), "negative", "support_issue"),
    ("N07", "C2", d(2024, 3, 3), "positive", "cancellation_risk"),  # not a complaint
    ("N08", "C3", d(2024, 4, 1), "neutral", "renewal"),
]
BODY_COLUMNS = (
    "asset_id",
    "campaign_id",
    "variant",
    "subject",
    "language",
    "word_count",
    "has_cta",
)
BODIES = [
    ("A1", "CAMP1", "A", "Save 20% today?", "en", 120, True),
    ("A2", "CAMP1", "B", "Été : vos offres", "fr", 80, False),
    ("A3", "CAMP1", "B", "Cafe\u0301 🎁", "fr", 95, True),  # 7 code points, é decomposed
    ("A4", "CAMP2", "A", "Neu", "de", 40, True),  # its campaign has no variant B
    ("A5", "CAMP3", "A", "x", "en", 10, True),
    ("A6", "CAMP3", "B", "y", "en", 10, True),  # never sent
    ("A7", "CAMP4", None, None, None, None, None),  # no A/B test, no subject, never sent
    ("A8", "CAMP5", "A", "a", "en", 1, True),
    ("A9", "CAMP5", "B", "b", "en", 1, True),
    ("A10", "CAMP6", "A", "a", "en", 1, True),
    ("A11", "CAMP6", "B", "b", "en", 1, True),
]
SENT = [  # asset_id, campaign_id, sends, opened, clicked
    ("A1", "CAMP1", 10, 4, 1),
    ("A2", "CAMP1", 5, 2, 1),
    ("A3", "CAMP1", 5, 3, 2),
    ("A4", "CAMP2", 3, 0, 0),
    ("A5", "CAMP3", 4, 2, 1),
    ("A8", "CAMP5", 4, 4, 1),
    ("A9", "CAMP5", 8, 2, 2),  # click rate 2/8 = 1/4: a tie
    ("A10", "CAMP6", 2, 1, 1),
    ("A11", "CAMP6", 2, 1, 0),
    ("A99", "CAMP1", 2, 2, 2),  # not in stg_email_bodies
]
_views = itertools.count()


def _register(engine: Engine, schema: pa.Schema, rows: list[dict[str, Any]]) -> ibis.Table:
    data = pa.Table.from_pylist([{n: r.get(n) for n in schema.names} for r in rows], schema)
    return engine.register(f"text_features_{next(_views)}", data)


def _sends() -> list[dict[str, Any]]:
    """One row per send; the first ``opened`` sends are opened, the first ``clicked`` clicked,
    and a machine made the events of the first send (the person's start with the second)."""
    rows = []
    for asset, campaign, sends, opened, clicked in SENT:
        for i in range(sends):
            rows.append(
                {"send_id": f"S_{asset}_{i}", "campaign_id": campaign, "asset_id": asset,
                 "customer_id": "C1", "date_key": 20240101,
                 "send_at": dt.datetime(2024, 1, 1, 9), "is_delivered": i < sends - 1,
                 "is_bounced": i == sends - 1, "is_opened": i < opened, "is_clicked": i < clicked,
                 "is_unsubscribed": False, "count_opens": int(i < opened),
                 "count_clicks": int(i < clicked), "is_human_opened": 0 < i < opened,
                 "is_human_clicked": 0 < i < clicked, "count_human_opens": int(0 < i < opened),
                 "count_human_clicks": int(0 < i < clicked)}
            )  # fmt: skip
    return rows


def _dicts(columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    return [dict(zip(columns, r, strict=True)) for r in rows]


def _build(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Every text-feature table of the literal rows, as the gold runner publishes it."""
    notes = _dicts(("note_id", "customer_id", "note_date", "sentiment", "topic"), NOTES)
    bodies = _dicts(BODY_COLUMNS, BODIES)
    tables = {
        "stg_notes": _register(engine, NOTES_SCHEMA, notes),
        "stg_email_bodies": _register(engine, EMAILS_SCHEMA, bodies),
        "fct_email_events": _register(engine, gold_star.FCT_EMAIL_EVENTS.arrow_schema(), _sends()),
        "dim_campaign": _register(
            engine, pa.schema([("campaign_id", pa.string()), ("campaign_name", pa.string())]),
            [{"campaign_id": f"CAMP{i}", "campaign_name": f"Campaign {i}"} for i in range(1, 8)],
        ),
        "campaign_attribution": _register(
            engine, pa.schema([("campaign_id", pa.string()), ("campaign_name", pa.string()),
                               ("count_attributed_orders", pa.int64()),
                               ("total_attributed_amount_eur", pa.float64()),
                               ("roi", pa.float64())]),
            [{"campaign_id": "CAMP1", "campaign_name": "x", "count_attributed_orders": 3,
              "total_attributed_amount_eur": 250.0, "roi": 1.5},
             {"campaign_id": "CAMP7", "campaign_name": "y", "count_attributed_orders": 1,
              "total_attributed_amount_eur": 40.0, "roi": -0.6}],
        ),
    }  # fmt: skip
    built = {}
    for model in tf.MODELS:
        expr = with_people(model.build(*(tables[i] for i in model.inputs)), model.contract, None)
        data = conform(engine.to_arrow(expr), model.contract)
        tables[model.name] = engine.register(f"text_features_{next(_views)}", data)
        built[model.name] = data.to_pylist()
    return built


@pytest.fixture(scope="module")
def built(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    return _build(engine)


def rows(table: list[dict[str, Any]], *columns: str) -> list[tuple[Any, ...]]:
    return [tuple(r[col] for col in columns) for r in table]


def approx(expected: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [tuple(pytest.approx(v) if isinstance(v, float) else v for v in r) for r in expected]


def test_models_publish_the_contracts_in_order() -> None:
    assert [m.name for m in tf.MODELS] == [t.name for t in c.TABLES]
    assert set(tf.COMPLAINT_TOPICS) <= set(TOPICS)


def test_customer_text_features(built: dict[str, list[dict[str, Any]]]) -> None:
    columns = ("customer_id", "count_notes", "last_note_date", "last_note_sentiment",
               "count_negative_notes", "count_complaints", "share_negative",
               "most_frequent_topic")  # fmt: skip
    assert rows(built["customer_text_features"], *columns) == approx([
        # a four-way topic tie goes to the first name; the same-day tie to the greater note_id
        ("C1", 4, d(2024, 2, 10), "neutral", 2, 2, 0.5, "billing_question"),
        ("C2", 3, d(2024, 3, 3), "positive", 2, 2, 2 / 3, "support_issue"),
        ("C3", 1, d(2024, 4, 1), "neutral", 0, 0, 0.0, "renewal"),
    ])  # fmt: skip


def test_email_asset_features_subjects(built: dict[str, list[dict[str, Any]]]) -> None:
    columns = (*BODY_COLUMNS[:3], *BODY_COLUMNS[4:], "subject_length", "subject_has_number",
               "subject_has_question")  # fmt: skip
    assert rows(built["email_asset_features"], *columns) == [
        ("A1", "CAMP1", "A", "en", 120, True, 15, True, True),
        ("A10", "CAMP6", "A", "en", 1, True, 1, False, False),  # ids sort as strings
        ("A11", "CAMP6", "B", "en", 1, True, 1, False, False),
        ("A2", "CAMP1", "B", "fr", 80, False, 16, False, False),  # characters, not bytes
        ("A3", "CAMP1", "B", "fr", 95, True, 7, False, False),
        ("A4", "CAMP2", "A", "de", 40, True, 3, False, False),
        ("A5", "CAMP3", "A", "en", 10, True, 1, False, False),
        ("A6", "CAMP3", "B", "en", 10, True, 1, False, False),
        ("A7", "CAMP4", None, None, None, None, None, None, None),
        ("A8", "CAMP5", "A", "en", 1, True, 1, False, False),
        ("A9", "CAMP5", "B", "en", 1, True, 1, False, False),
    ]


def test_email_asset_features_funnel(built: dict[str, list[dict[str, Any]]]) -> None:
    columns = ("asset_id", "count_sends", "count_opened_sends", "count_clicked_sends",
               "unique_open_rate", "unique_ctr")  # fmt: skip
    assert rows(built["email_asset_features"], *columns) == approx([
        ("A1", 10, 4, 1, 0.4, 0.25),  # the bounced send counts
        ("A10", 2, 1, 1, 0.5, 1.0),
        ("A11", 2, 1, 0, 0.5, 0.0),
        ("A2", 5, 2, 1, 0.4, 0.5),
        ("A3", 5, 3, 2, 0.6, 2 / 3),
        ("A4", 3, 0, 0, 0.0, None),  # no open: CTR undefined
        ("A5", 4, 2, 1, 0.5, 0.5),
        ("A6", 0, 0, 0, None, None),  # never sent
        ("A7", 0, 0, 0, None, None),
        ("A8", 4, 4, 1, 1.0, 0.25),
        ("A9", 8, 2, 2, 0.25, 1.0),
    ])  # fmt: skip


def test_ab_variant_comparison(built: dict[str, list[dict[str, Any]]]) -> None:
    columns = ("campaign_id", "count_sends_a", "count_sends_b", "unique_open_rate_a",
               "unique_open_rate_b", "unique_open_rate_diff", "unique_click_rate_a",
               "unique_click_rate_b", "unique_click_rate_diff", "winner_variant")  # fmt: skip
    assert rows(built["ab_variant_comparison"], *columns) == approx([
        # B sums its two assets: 10 sends, 5 opened, 3 clicked; CAMP2 and CAMP4 lack a variant
        ("CAMP1", 10, 10, 0.4, 0.5, 0.1, 0.1, 0.3, 0.2, "B"),
        ("CAMP3", 4, 0, 0.5, None, None, 0.25, None, None, None),  # B never sent
        ("CAMP5", 4, 8, 1.0, 0.25, -0.75, 0.25, 0.25, 0.0, None),  # a tie
        ("CAMP6", 2, 2, 0.5, 0.5, 0.0, 0.5, 0.0, -0.5, "A"),
    ])  # fmt: skip


def test_email_asset_features_human_funnel(built: dict[str, list[dict[str, Any]]]) -> None:
    columns = ("asset_id", "count_human_opened_sends", "count_human_clicked_sends",
               "human_unique_open_rate", "human_unique_ctr")  # fmt: skip
    assert rows(built["email_asset_features"], *columns) == approx([
        ("A1", 3, 0, 0.3, 0.0),  # the machine's open and click of the first send left out
        ("A10", 0, 0, 0.0, None),
        ("A11", 0, 0, 0.0, None),
        ("A2", 1, 0, 0.2, 0.0),
        ("A3", 2, 1, 0.4, 0.5),
        ("A4", 0, 0, 0.0, None),
        ("A5", 1, 0, 0.25, 0.0),
        ("A6", 0, 0, None, None),
        ("A7", 0, 0, None, None),
        ("A8", 3, 0, 0.75, 0.0),
        ("A9", 1, 1, 0.125, 1.0),
    ])  # fmt: skip


def test_ab_variant_comparison_human_rates(built: dict[str, list[dict[str, Any]]]) -> None:
    columns = ("campaign_id", "human_unique_open_rate_a", "human_unique_open_rate_b",
               "human_unique_click_rate_a", "human_unique_click_rate_b")  # fmt: skip
    assert rows(built["ab_variant_comparison"], *columns) == approx([
        ("CAMP1", 0.3, 0.3, 0.0, 0.1),
        ("CAMP3", 0.25, None, 0.0, None),
        ("CAMP5", 0.75, 0.125, 0.0, 0.125),
        ("CAMP6", 0.0, 0.0, 0.0, 0.0),
    ])  # fmt: skip


def test_fct_notes(built: dict[str, list[dict[str, Any]]]) -> None:
    columns = ("note_id", "customer_id", "note_date", "sentiment", "is_complaint")
    assert rows(built["fct_notes"], *columns)[:3] == [
        ("N01", "C1", d(2024, 1, 5), "positive", False),
        ("N02", "C1", d(2024, 2, 10), "negative", True),
        ("N03", "C1", d(2024, 2, 10), "neutral", True),  # delivery_issue is a complaint
    ]
    assert [r["is_complaint"] for r in built["fct_notes"]][4:] == [True, True, False, False]


def test_campaign_email_performance(built: dict[str, list[dict[str, Any]]]) -> None:
    columns = ("campaign_id", "count_assets", "languages", "avg_word_count",
               "share_assets_with_cta", "avg_subject_length", "share_subjects_with_number",
               "share_subjects_with_question", "count_sends", "unique_open_rate",
               "human_unique_open_rate", "unique_ctr", "human_unique_ctr",
               "count_attributed_orders", "total_attributed_amount_eur", "roi")  # fmt: skip
    by_id = {r[0]: r for r in rows(built["campaign_email_performance"], *columns)}
    assert len(by_id) == 7  # every campaign of dim_campaign, with or without e-mails
    assert [by_id[k] for k in ("CAMP1", "CAMP2", "CAMP4", "CAMP7")] == approx([
        # A1 (en, CTA, "Save 20% today?") + A2 and A3 (fr); A99 has no body, so not counted:
        # 20 sends, 9 opened, 4 clicked; a person opened 6 and clicked 1
        ("CAMP1", 3, "en,fr", 295 / 3, 2 / 3, 38 / 3, 1 / 3, 1 / 3, 20, 0.45, 0.3, 4 / 9, 1 / 6,
         3, 250.0, 1.5),
        ("CAMP2", 1, "de", 40.0, 1.0, 3.0, 0.0, 0.0, 3, 0.0, 0.0, None, None, 0, 0.0, None),
        # one asset that says nothing and was never sent
        ("CAMP4", 1, None, None, 0.0, None, 0.0, 0.0, 0, None, None, None, None, 0, 0.0, None),
        # no e-mail at all, yet orders attributed
        ("CAMP7", 0, None, None, None, None, None, None, 0, None, None, None, None, 1, 40.0, -0.6),
    ])  # fmt: skip

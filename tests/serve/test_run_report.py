"""The run report accounts for every row: landed, clean, quarantined by reason."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360.pipeline import lake
from c360.pipeline.runner import RunResult, run
from c360.pipeline.silver.run import Built
from c360.serve.run_report import markdown, report


@pytest.fixture(scope="module")
def written(dirty_workspace: Path) -> Path:
    run(dirty_workspace, until="silver")  # writes the report
    return dirty_workspace / "reports" / "run_report.md"


def test_report_reconciles_and_counts_reasons(written: Path) -> None:
    data = json.loads((written.parent / "run_report.json").read_text())
    assert data["silver"] and all(s["reconciled"] for s in data["silver"])
    for s in data["silver"]:
        assert sum(s["quarantine"].values()) == s["rejected"], s["model"]
    orders = next(s for s in data["silver"] if s["model"] == "stg_ecommerce_orders")
    assert {"duplicate_key", "orphan_customer"} <= set(orders["quarantine"])
    # The column at fault, where one is: every orphan customer names customer_id, no duplicate
    # names a column.
    assert orders["quarantine_columns"]["orphan_customer"] == {
        "customer_id": orders["quarantine"]["orphan_customer"]
    }
    assert "duplicate_key" not in orders["quarantine_columns"]
    for s in data["silver"]:
        for reason, columns in s["quarantine_columns"].items():
            assert sum(columns.values()) <= s["quarantine"][reason], (s["model"], reason)
    for b in data["bronze"]:
        assert b["landed"] + b["quarantined"] == b["records"], b["table"]


def test_markdown_lists_every_model(written: Path) -> None:
    text = written.read_text()
    assert text.startswith("# Run report")
    assert "| stg_ecommerce_orders |" in text and "**NO**" not in text


def test_identity_rows_repeating_an_id_are_reported() -> None:
    """An id repeated in a source keeps one row; the report says how many it left out."""
    data: dict[str, Any] = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"identity": 1.0},
        "bronze": [], "silver": [], "text": {}, "gold": [], "answers": {},
        "identity": {
            "records": 10, "customers": 7, "pairs": 12, "unmatchable": 1,
            "duplicates": {"crm": 0, "shop": 3}, "events": {"created": 7},
            "placeholders": {"email_canonical": 2},
        },
    }  # fmt: skip
    text = markdown(data)
    assert "| 10 | 7 | 12 | 1 | shop 3 | created 7 |" in text
    assert (
        "| rows not read (older or repeated rows of an id, whose row in the latest extract is "
        "kept, or rows without an id) |" in text
    )
    assert "Warning" not in text
    assert "ignored as placeholders (each shared by over 20 records): 2 email" in text
    data["identity"]["fallback"] = "the model could not be trained on 10 records (why)"
    assert "**Warning:** the model could not be trained on 10 records (why)." in markdown(data)
    assert "**Note:**" not in markdown(data)
    data["identity"]["notes"] = ["a phone number shared by more than 1,000 records was not used"]
    assert "**Note:** a phone number shared by more than 1,000 records was not used." in markdown(
        data
    )


def test_a_silver_model_that_keeps_no_row_is_called_out() -> None:
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"silver": 1.0},
        "bronze": [], "text": {}, "gold": [], "answers": {}, "identity": None,
        "silver": [{"model": "stg_crm_customers", "bronze_rows": 1000, "clean": 0,
                    "rejected": 1000, "reconciled": True,
                    "quarantine": {"missing_preferred_channel": 1000}}],
    }  # fmt: skip
    assert "**Warning:** stg_crm_customers kept none of their rows" in markdown(data)


def test_gold_references_without_their_row_are_listed() -> None:
    data: dict[str, Any] = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"serve": 1.0},
        "bronze": [], "silver": [], "text": {}, "gold": [], "answers": {}, "identity": None,
        "references": [{"name": "fct_orders.customer_id → dim_customer.customer_id",
                        "orphans": 1234},
                       {"name": "fct_returns.order_id → fct_orders.order_id", "orphans": 0}],
    }  # fmt: skip
    text = markdown(data)
    assert "**Warning:** 1 of the 2 references" in text
    assert "| fct_orders.customer_id → dim_customer.customer_id | 1,234 |" in text
    assert "fct_returns.order_id" not in text
    data["references"][0]["orphans"] = 0
    assert "All 2 references the gold contracts declare hold." in markdown(data)


def test_values_silver_replaced_are_listed_beside_the_quarantine() -> None:
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"silver": 1.0},
        "bronze": [], "text": {}, "gold": [], "answers": {}, "identity": None,
        "silver": [{"model": "stg_ecommerce_customers", "bronze_rows": 10, "clean": 9,
                    "rejected": 1, "reconciled": True, "quarantine": {"duplicate_key": 1},
                    "repaired": {"country: invalid_value": 2}}],
    }  # fmt: skip
    line = "| stg_ecommerce_customers | 10 | 9 | 1 | yes | duplicate_key 1 | "
    assert line + "country: invalid_value 2 |" in markdown(data)


def test_each_reason_shows_the_column_at_fault_where_one_is() -> None:
    """A reason that names a column shows it beside the code; the rows of that reason that
    name none (a check of the row as a whole) are counted apart."""
    data: dict[str, Any] = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"silver": 1.0},
        "bronze": [], "text": {}, "gold": [], "answers": {}, "identity": None,
        "silver": [{"model": "stg_returns", "bronze_rows": 20, "clean": 10, "rejected": 10,
                    "reconciled": True,
                    "quarantine": {"duplicate_key": 1, "inconsistent_amount": 3,
                                   "invalid_value": 5, "missing_reason": 1},
                    "quarantine_columns": {"inconsistent_amount": {"amount_refunded_eur": 1},
                                           "invalid_value": {"reason": 1, "status": 4},
                                           "missing_reason": {"reason": 1}}}],
    }  # fmt: skip
    cell = (
        "duplicate_key 1, inconsistent_amount 2, inconsistent_amount (amount_refunded_eur) 1, "
        "invalid_value (reason) 1, invalid_value (status) 4, missing_reason 1"  # named already
    )
    assert f"| stg_returns | 20 | 10 | 10 | yes | {cell} |  |" in markdown(data)
    del data["silver"][0]["quarantine_columns"]  # a report of an earlier version
    cell = "duplicate_key 1, inconsistent_amount 3, invalid_value 5, missing_reason 1"
    assert f"| stg_returns | 20 | 10 | 10 | yes | {cell} |  |" in markdown(data)


def test_the_columns_at_fault_are_counted_from_the_quarantine(tmp_path: Path) -> None:
    """Per reason, the rows of a silver quarantine by the column they name; a quarantine
    written before it named columns counts its reasons all the same."""
    rows = {
        "stg_orders": pa.table({
            "reason": ["duplicate_key", "invalid_number", "invalid_number", "invalid_number"],
            "column": [None, "total_amount_eur", "total_amount_eur", "status"],
        }),
        "stg_returns": pa.table({"reason": ["duplicate_key", "orphan_order"]}),
    }  # fmt: skip
    for model, table in rows.items():
        folder = lake.table_dir(tmp_path, "quarantine", f"silver_{model}")
        folder.mkdir(parents=True)
        pq.write_table(table, folder / "part-00000.parquet")
    result = RunResult(tmp_path, "duckdb")
    result.silver = [
        Built("stg_orders", "orders", 10, 6, 4, 0.1),
        Built("stg_returns", "returns", 10, 8, 2, 0.1),
    ]
    orders, returns = report(result)["silver"]
    assert orders["quarantine"] == {"duplicate_key": 1, "invalid_number": 3}
    assert orders["quarantine_columns"] == {"invalid_number": {"status": 1, "total_amount_eur": 2}}
    assert returns["quarantine"] == {"duplicate_key": 1, "orphan_order": 1}
    assert returns["quarantine_columns"] == {}


def test_a_pipe_or_line_break_in_a_value_stays_inside_its_cell() -> None:
    """Every table cell, headers included, escapes ``|`` and puts line breaks on one line."""
    odd = "Hesse | Admin\nINJECTED ROW"
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"serve": 1.0},
        "bronze": [{"table": odd, "records": 2, "landed": 1, "quarantined": 1,
                    "added_columns": [odd], "missing_columns": [], "retyped_columns": [],
                    "quarantine": {odd: 1}}],
        "silver": [{"model": odd, "bronze_rows": 2, "clean": 1, "rejected": 1,
                    "reconciled": True, "quarantine": {odd: 1}, "repaired": {odd: 1}}],
        "text": {odd: 3}, "gold": [{"model": odd, "rows": 3, "inferred": 1}],
        "identity": {"records": 10, "customers": 7, "pairs": 12, "unmatchable": 1,
                     "duplicates": {odd: 1}, "events": {odd: 1}},
        "references": [{"name": odd, "orphans": 2}],
        "answers": {"questions/top_customers_by_revenue": [
            {"customer_id": "CUST00188", "full_name": odd, "a|b\r\nc": "back\\|slash"}]},
    }  # fmt: skip
    text = markdown(data)
    assert "INJECTED ROW" in text and not re.search(r"^INJECTED", text, re.MULTILINE)
    tables = re.findall(r"(?:^\|.*\n)+", text, re.MULTILINE)
    assert len(tables) == 7
    for table in tables:
        # As GitHub splits a row: a backslash escapes the character after it, pipes split.
        widths = {re.sub(r"\\.", "", row).count("|") for row in table.splitlines()}
        assert len(widths) == 1, table
    assert "| CUST00188 | Hesse \\| Admin INJECTED ROW | back\\\\\\|slash |" in text
    assert "| customer_id | full_name | a\\|b c |" in text


def test_the_report_leaves_a_person_s_details_out_of_its_answers(tmp_path: Path) -> None:
    """The report's copy of an answer drops the columns that name, mail, call or locate a
    person, whatever the question; the other columns and the rows stay, in their order."""
    answers = {
        "questions/top_customers_by_revenue": pa.table({
            "customer_id": ["CUST00193", "CUST00060"],
            "full_name": ["Michelle Reed", "Jacob Washington"],
            "country": ["US", "US"],
            "total_spent": [11804.43, 10605.10],
        }),
        "questions/contacts": pa.table({
            "Email": ["ann@mail.fr"], "phone": ["+33612345678"],
            "shipping_address": ["1 rue de la Paix"], "city": ["Paris"], "orders": [3],
        }),
        "questions/top_product_by_revenue": pa.table({"name": ["Sonivo 4K"], "revenue": [9.5]}),
        "questions/mailing_list": pa.table({"email": ["ann@mail.fr", "bob@mail.fr"]}),
    }  # fmt: skip
    data = json.loads(json.dumps(report(RunResult(tmp_path, "duckdb"), answers)))
    assert data["answers"] == {
        "questions/top_customers_by_revenue": [
            {"customer_id": "CUST00193", "country": "US", "total_spent": 11804.43},
            {"customer_id": "CUST00060", "country": "US", "total_spent": 10605.10},
        ],
        "questions/contacts": [{"city": "Paris", "orders": 3}],
        "questions/top_product_by_revenue": [{"name": "Sonivo 4K", "revenue": 9.5}],
        "questions/mailing_list": [{}, {}],
    }
    assert data["left_out"] == {
        "questions/top_customers_by_revenue": ["full_name"],
        "questions/contacts": ["Email", "phone", "shipping_address"],
        "questions/mailing_list": ["email"],
    }
    text = markdown(data)
    assert "Michelle Reed" not in text and "ann@mail.fr" not in text and "rue de la" not in text
    assert "| customer_id | country | total_spent |\n| --- | --- | --- |\n" in text
    assert "| CUST00193 | US | 11,804.43 |" in text
    said = (
        "left out here, as the report holds no name, e-mail, phone or address; `c360 query` "
        "gives the whole answer."
    )
    assert f"`full_name` {said}" in text
    assert f"`Email`, `phone` and `shipping_address` {said}" in text
    assert "### questions/mailing_list\n\n(2 rows, no column to show)\n" in text
    assert text.count(said) == 3


def test_a_null_in_an_answer_is_an_empty_cell() -> None:
    """As elsewhere in the report, nothing to show is an empty cell, not Python's ``None``."""
    data: dict[str, Any] = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"serve": 1.0},
        "bronze": [], "silver": [], "text": {}, "gold": [], "identity": None,
        "answers": {"questions/monthly_sales_trend": [
            {"month": "2023-01-01", "revenue": 120687.51, "revenue_change": None, "note": ""},
            {"month": "2023-02-01", "revenue": 103926.45, "revenue_change": -16761.06,
             "note": "None"}]},
    }  # fmt: skip
    text = markdown(data)
    assert "| 2023-01-01 | 120,687.51 |  |  |" in text
    assert "| 2023-02-01 | 103,926.45 | -16,761.06 | None |" in text  # a text that says None


# The column each reason of these quarantines names (none for the others).
COLUMNS = {"orphan_customer": "customer_id", "missing_customer": "customer_id",
           "no_consent": "customer_id", "orphan_send": "send_id"}  # fmt: skip


def test_each_check_shows_what_silver_caught_under_the_same_rule(tmp_path: Path) -> None:
    """The checks run on gold after silver took out what they look for, so they answer 0; beside
    each, the rows silver quarantined or repaired under that rule in this run, and no other
    rule's: another reason of the same model, the same reason of another model."""
    quarantined = {
        "stg_orders": {"orphan_customer": 3, "missing_customer": 2, "future_date": 5},
        "stg_marketing_sends": {"no_consent": 7, "orphan_customer": 4},
        "stg_ecommerce_orders": {"orphan_customer": 6},
        "stg_marketing_events": {"orphan_send": 9},
    }
    for model, counts in quarantined.items():
        folder = lake.table_dir(tmp_path, "quarantine", f"silver_{model}")
        folder.mkdir(parents=True)
        rows = [reason for reason, n in counts.items() for _ in range(n)]
        columns = [COLUMNS.get(reason) for reason in rows]
        table = pa.table({"reason": rows, "column": pa.array(columns, pa.string())})
        pq.write_table(table, folder / "part-00000.parquet")
    result = RunResult(tmp_path, "duckdb")
    result.silver = [
        Built("stg_orders", "orders", 130, 120, 10, 0.1,
              {"promo_code: invalid_value": 1, "attributed_campaign_id: orphan_campaign": 8}),
        Built("stg_marketing_sends", "marketing_sends", 61, 50, 11, 0.1),
        Built("stg_ecommerce_orders", "ecommerce_orders", 36, 30, 6, 0.1,
              {"campaign_id: orphan_campaign": 12}),
        Built("stg_marketing_events", "marketing_events", 19, 10, 9, 0.1),
    ]  # fmt: skip
    zero = pa.table({"violations": [0]})
    answers = {
        "checks/orders_with_unknown_campaign": zero,
        "checks/orders_without_customer": zero,
        "checks/sends_without_consent": zero,
        "questions/revenue": pa.table({"month": ["2024-01"], "revenue_eur": [10.5]}),
    }
    data = report(result, answers)
    assert data["checks"] == {
        "checks/orders_with_unknown_campaign": {
            "model": "stg_orders", "action": "repaired",
            "rows": {"attributed_campaign_id: orphan_campaign": 8},
        },
        "checks/orders_without_customer": {
            "model": "stg_orders", "action": "quarantined",
            "rows": {"orphan_customer": 3, "missing_customer": 2},
            "columns": {"orphan_customer": {"customer_id": 3},
                        "missing_customer": {"customer_id": 2}},
        },
        "checks/sends_without_consent": {
            "model": "stg_marketing_sends", "action": "quarantined", "rows": {"no_consent": 7},
            "columns": {"no_consent": {"customer_id": 7}},
        },
    }  # fmt: skip
    text = markdown(json.loads(json.dumps(data)))  # as the JSON beside it holds it
    said = "Caught in silver under the same rule in this run:"
    for check, line in [
        ("orders_with_unknown_campaign", "stg_orders kept 8 rows with the value replaced "
         "(attributed_campaign_id: orphan_campaign 8)."),
        ("orders_without_customer", "stg_orders quarantined 5 rows "
         "(orphan_customer (customer_id) 3, missing_customer (customer_id) 2)."),
        ("sends_without_consent",
         "stg_marketing_sends quarantined 7 rows (no_consent (customer_id) 7)."),
    ]:  # fmt: skip
        assert f"### checks/{check}\n\n| violations |\n| --- |\n| 0 |\n\n{said} {line}\n" in text
    assert text.count(said) == 3  # a question has no silver rule


def test_a_bronze_warning_follows_the_bronze_table() -> None:
    said = "sources/c360/orders.csv is empty (0 bytes): no records landed"
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"bronze": 1.0},
        "bronze": [{"table": "orders", "records": 0, "landed": 0, "quarantined": 0,
                    "added_columns": [], "missing_columns": [], "retyped_columns": [],
                    "quarantine": {}, "warnings": [said]}],
        "silver": [], "gold": [], "references": [], "answers": {},
    }  # fmt: skip
    text = markdown(data)
    assert f"\n**Warning:** {said}\n" in text
    assert text.index(said) < text.index("## Silver")


def test_each_bronze_reason_is_told_apart_from_its_count() -> None:
    """A bronze reason is free text, commas and colons in it: its count follows a colon, and
    reasons are parted by semicolons (``expected 14 fields, found 13 1`` read as two)."""
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"bronze": 1.0},
        "bronze": [{"table": "orders", "records": 1237, "landed": 1, "quarantined": 1236,
                    "added_columns": [], "missing_columns": [], "retyped_columns": [],
                    "quarantine": {"expected 14 fields, found 13": 1,
                                   "not JSON: Expecting ',' delimiter at character 5": 1,
                                   "not UTF-8 text": 1234}}],
        "silver": [{"model": "stg_orders", "bronze_rows": 1, "clean": 0, "rejected": 1,
                    "reconciled": True, "quarantine": {"orphan_customer": 1},
                    "repaired": {"country: invalid_value": 2}}],
        "text": {}, "gold": [], "answers": {}, "identity": None,
    }  # fmt: skip
    text = markdown(data)
    assert (
        "| orders | 1,237 | 1 | 1,236 | expected 14 fields, found 13: 1; not JSON: Expecting "
        "',' delimiter at character 5: 1; not UTF-8 text: 1,234 |  |\n"
    ) in text
    assert "| stg_orders | 1 | 0 | 1 | yes | orphan_customer 1 | country: invalid_value 2 |" in text


def test_a_silver_model_checking_against_a_missing_source_names_it() -> None:
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"silver": 1.0},
        "bronze": [], "text": {}, "gold": [], "answers": {}, "identity": None,
        "silver": [{"model": "stg_orders", "bronze_rows": 9, "clean": 0, "rejected": 9,
                    "reconciled": True, "quarantine": {"orphan_customer": 9},
                    "lacking": ["crm_customers", "marketing_campaigns"]},
                   {"model": "stg_products", "bronze_rows": 3, "clean": 3, "rejected": 0,
                    "reconciled": True, "quarantine": {}}],
    }  # fmt: skip
    text = markdown(data)
    assert (
        "**Note:** stg_orders checks its rows against crm_customers, marketing_campaigns, which "
        "this workspace lacks: a reference to them is an orphan." in text
    )
    assert "stg_products checks" not in text


def test_the_text_quarantines_show_their_reasons_and_columns_as_silver_does(
    tmp_path: Path,
) -> None:
    """A note or e-mail file rejected for one header names the column it fills; one rejected as
    a whole (a marker missing) names none and is counted under its code alone."""
    folder = lake.table_dir(tmp_path, "quarantine", "silver_stg_notes")
    folder.mkdir(parents=True)
    reasons = ["invalid_date", "missing_customer_id", "no_end_marker", "invalid_date"]
    columns = ["note_date", "customer_id", None, "note_date"]
    table = pa.table({"reason": reasons, "column": pa.array(columns, pa.string())})
    pq.write_table(table, folder / "part-00000.parquet")
    result = RunResult(tmp_path, "duckdb")
    result.text = {"stg_notes": 6, "quarantine/silver_stg_notes": 4}
    data = report(result)
    assert data["text_quarantine"] == [{
        "model": "stg_notes",
        "quarantine": {"invalid_date": 2, "missing_customer_id": 1, "no_end_marker": 1},
        "quarantine_columns": {"invalid_date": {"note_date": 2},
                               "missing_customer_id": {"customer_id": 1}},
    }]  # fmt: skip
    text = markdown(data)
    assert "| stg_notes | 6 |  |" in text
    cell = "invalid_date (note_date) 2, missing_customer_id 1, no_end_marker 1"
    assert f"| quarantine/silver_stg_notes | 4 | {cell} |" in text
    del data["text_quarantine"]  # a report of an earlier version
    assert "| quarantine/silver_stg_notes | 4 |  |" in markdown(data)


def test_a_check_whose_rule_caught_nothing_says_so_without_empty_brackets() -> None:
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {},
        "bronze": [], "silver": [], "gold": [], "references": [],
        "answers": {"checks/sends_without_consent": [{"violations": 0}]},
        "checks": {"checks/sends_without_consent": {
            "model": "stg_marketing_sends", "action": "quarantined", "rows": {}}},
    }  # fmt: skip
    text = markdown(data)
    assert "Caught in silver under the same rule in this run: " \
           "stg_marketing_sends quarantined 0 rows.\n" in text  # fmt: skip
    assert "()" not in text


def test_amounts_in_another_currency_are_said_to_need_a_rate() -> None:
    """An amount left in another currency has no rate: the note names the tables and says how
    to give one."""
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"silver": 1.0},
        "bronze": [], "text": {}, "gold": [], "answers": {}, "identity": None,
        "silver": [{"model": "stg_products", "source": "products", "bronze_rows": 9, "clean": 7,
                    "rejected": 2, "reconciled": True, "quarantine": {"other_currency": 2}},
                   {"model": "stg_orders", "source": "orders", "bronze_rows": 3, "clean": 2,
                    "rejected": 1, "reconciled": True, "quarantine": {"invalid_number": 1}}],
    }  # fmt: skip
    lines = markdown(data).splitlines()
    notes = [line for line in lines if line.startswith("**Note:**") and "currency" in line]
    assert notes == [
        "**Note:** products holds amounts in a currency without a rate (`other_currency`, such "
        "as $1,200 or 1200 CHF): give its rate in c360.yaml, `exchange_rates: {CHF: 1.05}` (the "
        "euros one unit is worth; docs/own-data.md), or convert them to euros in the source "
        "before it lands."
    ]


def test_the_best_campaign_by_roi_says_what_seed_004s_roi_measures() -> None:
    """Seed 004's ROI is the share of the budget left unspent: a campaign without a click can
    be "best". The answer keeps the seed's number and says what it measures."""
    data: dict[str, Any] = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"serve": 1.0},
        "bronze": [], "silver": [], "text": {}, "gold": [], "identity": None,
        "answers": {
            "questions/best_campaign_by_roi": [
                {"campaign_id": "CAMP001", "campaign_name": "Spring", "campaign_type": "Email",
                 "roi": 20.0}],
            "questions/top_country_by_revenue": [{"country": "FR", "total_revenue": 10.0}],
        },
    }  # fmt: skip
    text = markdown(data)
    answer = text[text.index("### questions/best_campaign_by_roi") :]
    answer = answer[: answer.index("### questions/top_country_by_revenue")]
    assert "| CAMP001 | Spring | Email | 20.00 |" in answer
    assert "ROI as seed 004 defines it" in answer
    assert "budget left unspent" in answer and "not a return" in answer
    assert text.count("budget left unspent") == 1  # under that answer alone


def test_a_check_that_caught_one_row_says_row() -> None:
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {},
        "bronze": [], "silver": [], "gold": [], "references": [],
        "answers": {"checks/orders_with_unknown_campaign": [{"violations": 0}],
                    "checks/sends_without_consent": [{"violations": 0}]},
        "checks": {
            "checks/orders_with_unknown_campaign": {
                "model": "stg_orders", "action": "repaired",
                "rows": {"attributed_campaign_id: orphan_campaign": 1}},
            "checks/sends_without_consent": {
                "model": "stg_marketing_sends", "action": "quarantined",
                "rows": {"no_consent": 1}}},
    }  # fmt: skip
    text = markdown(data)
    assert "stg_orders kept 1 row with the value replaced (" in text
    assert "stg_marketing_sends quarantined 1 row (no_consent 1).\n" in text

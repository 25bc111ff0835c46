"""Enrichments on redacted text only; the silver text tables streamed from a tiny bronze."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import ParamSpec, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360.contracts.text import EMAIL_BODIES, NOTES
from c360.pipeline import lake
from c360.pipeline.bronze.land import ReconciliationError
from c360.pipeline.bronze.lineage import bronze_schema
from c360.text import analyze as text_analyze
from c360.text.analyze import (
    EMAILS_SCHEMA,
    NOTES_SCHEMA,
    Batch,
    analyze,
    analyze_corpus,
    build_text_silver,
)
from c360.text.summary import sentences

CLEAR = ("jean.martin@example.fr", "06 12 34 56 78", "Jean Martin", "Martin")
BODY = (
    "Appel de Jean Martin, très mécontent : la Nordhaus Doormat Premium est arrivée cassée.\n"
    "Joignable au 06 12 34 56 78 ou jean.martin@example.fr.\n"
    "Conteste la facture de 1 299,00 € du 12 mars 2024, ne paiera pas en l'état.\n"
    "Rappel prévu vendredi avec un geste commercial."
)
PRODUCTS = [("PROD_00007", "Nordhaus Doormat Premium")]


def note(customer: str, body: str = BODY, date: str = "2024-03-14") -> str:
    return (
        f"CUSTOMER_ID: {customer}\nDATE: {date}\nTOPIC: complaint\nLANGUAGE: fr\n"
        "SENTIMENT: negative\nTAGS: crm, complaint\n\n"
        f"--- BEGIN NOTE ---\n{body}\n--- END NOTE ---\n"
    )


EMAIL = (
    "ASSET_ID: ASSET_00001\nCAMPAIGN_ID: CAMP_001\nDATE: 2024-02-17 14:00:00\nLANGUAGE: en\n"
    "VARIANT: B\nSUBJECT: Spring sale for Jean Martin\n\n--- BEGIN EMAIL ---\n"
    "Hello {{customer_name}},\n\nOur spring sale starts today: 20 % off the Nordhaus Doormat "
    "Premium, now €49.99 until 31 March.\n\nSHOP NOW\n\nBest regards,\nThe BrandCo Team\n"
    "--- END EMAIL ---\n"
)


def test_no_clear_text_pii_in_any_output_field() -> None:
    result = analyze(BODY, None, PRODUCTS)
    dumped = json.dumps(result, ensure_ascii=False)
    for clear in CLEAR:
        assert clear not in dumped
    assert result["pii_counts"]["EMAIL"] == 1 and result["pii_counts"]["PHONE"] == 1
    assert result["pii_counts"]["PERSON"] >= 1
    assert "[EMAIL]" in result["redacted_text"] and "[PHONE]" in result["redacted_text"]
    assert result["language"] == "fr"
    assert result["sentiment"] in ("positive", "neutral", "negative")
    assert isinstance(result["topic"], str) and result["topic"]
    refs = {(e["kind"], e["ref"]) for e in result["entities"]}
    assert {("product", "PROD_00007"), ("amount", "1299.00 EUR"), ("date", "2024-03-12")} <= refs
    summary = result["summary"]
    assert summary and all(summary[a:b] in result["redacted_text"] for a, b in sentences(summary))
    assert set(result) == {
        "language", "sentiment", "topic", "entities", "summary", "redacted_text", "pii_counts",
        "summary_by", "sentiment_by",
    }  # fmt: skip
    assert (result["summary_by"], result["sentiment_by"]) == ("offline", "offline")


def test_decomposed_accents_are_analysed_as_composed_ones() -> None:
    """A note typed with combining accents (NFD) reads as the same note: its accents vote for its
    language ("é" is no word of its own), and the text handed back is composed."""
    text = "Réclamation écrite : livreur impoli. Cliente très choquée, attend des excuses."
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    assert analyze(decomposed) == analyze(text)
    assert analyze(decomposed)["language"] == "fr"


def test_a_language_hint_is_trusted() -> None:
    assert analyze("Bonjour, merci pour votre commande.", "de")["language"] == "de"


def write_bronze(workspace: Path, contract_name: str, texts: list[str]) -> None:
    contract = NOTES if contract_name == NOTES.name else EMAIL_BODIES
    folder = contract.path
    rows = [
        {
            "name": f"DOC_{i:06d}.txt",
            "text": text,
            "_source_file": f"{folder}/DOC_{i:06d}.txt",
            "_batch_id": "batch-test",
            "_row_number": i,
        }
        for i, text in enumerate(texts, start=1)
    ]
    out = lake.table_dir(workspace, "bronze", contract.name)
    out.mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=bronze_schema(contract)), out / "part.parquet")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    malformed = note("CUST_000003").replace("DATE: 2024-03-14\n", "")
    texts = [note("CUST_000001"), note("CUST_000002", "Client ravi, rien à signaler."), malformed]
    write_bronze(tmp_path, NOTES.name, [*texts, note("CUST_000004", date="2024-13-01")])
    write_bronze(tmp_path, EMAIL_BODIES.name, [EMAIL])
    products = pa.table({"product_id": ["PROD_00007"], "product_name": [PRODUCTS[0][1]],
                         "brand": ["Nordhaus"]})  # fmt: skip
    lake.publish_table(tmp_path, "silver", "stg_products", products)
    return tmp_path


def test_streaming_keeps_to_the_batch_size(workspace: Path) -> None:
    batches = list(analyze_corpus(workspace, "notes", batch_size=2))
    assert [b.clean.num_rows + b.rejected.num_rows for b in batches] == [2, 2]
    assert all(b.clean.schema == NOTES_SCHEMA for b in batches)
    assert sum(b.rejected.num_rows for b in batches) == 2


P = ParamSpec("P")
T = TypeVar("T")


class CountingPool(ThreadPoolExecutor):
    """An executor that counts the batches handed to it."""

    submitted = 0

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        self.submitted += 1
        return super().submit(fn, *args, **kwargs)


def test_a_pool_given_analyses_every_batch_as_one_process_would(workspace: Path) -> None:
    alone = list(analyze_corpus(workspace, "notes", batch_size=2, workers=1))
    with CountingPool(2) as pool:
        pooled = list(analyze_corpus(workspace, "notes", batch_size=2, workers=2, pool=pool))
        assert pool.submitted == 2
        emails = list(analyze_corpus(workspace, "emails", workers=2, pool=pool))
        assert pool.submitted == 3
    assert [(b.clean, b.rejected) for b in pooled] == [(b.clean, b.rejected) for b in alone]
    assert [b.clean.num_rows for b in emails] == [1]


def test_notes_and_e_mails_share_one_pool(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A pool per source started (and imported into) a second set of worker processes.
    pools: list[CountingPool] = []

    def counting_pool(workers: int) -> CountingPool:
        pools.append(CountingPool(workers))
        return pools[-1]

    monkeypatch.setattr(text_analyze, "_process_pool", counting_pool)
    build_text_silver(workspace, batch_size=2)
    assert [pool.submitted for pool in pools] == [3]  # two batches of notes, one of e-mails


def test_a_worker_imports_neither_the_lake_nor_the_project_file() -> None:
    """A worker process imports this module for its batches: pandas (under Arrow datasets) and
    pydantic (under the project file) would cost each worker most of its start."""
    heavy = ("pandas", "pydantic", "pyarrow.dataset", "c360.config", "c360.pipeline.lake")
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, c360.text.analyze; print(*sorted(sys.modules))"],
        check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    assert [m for m in heavy if m in loaded] == []
    assert "c360.text.analyze" in loaded


def test_silver_notes_emails_and_quarantine(workspace: Path) -> None:
    written = build_text_silver(workspace, batch_size=2)
    assert written == {
        "stg_notes": 2,
        "quarantine/silver_stg_notes": 2,
        "stg_email_bodies": 1,
        "quarantine/silver_stg_email_bodies": 0,
    }
    notes = lake.read_table(workspace, "silver", "stg_notes")
    assert notes.schema == NOTES_SCHEMA
    first = notes.to_pylist()[0]
    assert (first["note_id"], first["customer_id"]) == ("DOC_000001", "CUST_000001")
    assert (first["source_topic"], first["source_tags"]) == ("complaint", ["crm", "complaint"])
    assert first["language"] == "fr" and first["count_pii_email"] == 1
    # No model in the project file: every summary and sentiment is the offline method's.
    assert [(r["summary_by"], r["sentiment_by"]) for r in notes.to_pylist()] == [
        ("offline", "offline"),
        ("offline", "offline"),
    ]
    assert {"kind": "product", "text": "Nordhaus Doormat Premium", "ref": "PROD_00007"} in (
        json.loads(first["entities"])
    )
    emails = lake.read_table(workspace, "silver", "stg_email_bodies")
    assert emails.schema == EMAILS_SCHEMA
    email = emails.to_pylist()[0]
    assert (email["variant"], email["has_cta"], email["cta"]) == ("B", True, "SHOP NOW")
    assert email["word_count"] == 26 and email["subject"] == "Spring sale for [PERSON]"
    assert email["summary_by"] == "offline"
    for table in (notes, emails):
        dumped = json.dumps(table.to_pylist(), default=str, ensure_ascii=False)
        assert not [clear for clear in CLEAR if clear in dumped]
    rejected = lake.read_table(workspace, "quarantine", "silver_stg_notes").to_pylist()
    assert [(r["name"], r["_row_number"], r["reason"]) for r in rejected] == [
        ("DOC_000003.txt", 3, "missing_date"),
        ("DOC_000004.txt", 4, "invalid_date"),
    ]
    assert "Martin" not in json.dumps(rejected)


def test_rows_that_do_not_add_up_stop_the_run(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_text_silver(workspace)
    real = text_analyze.analyze_corpus

    def losing_one(
        workspace: Path,
        source: str,
        batch_size: int,
        workers: int | None = None,
        *,
        pool: Executor | None = None,
    ) -> Iterator[Batch]:
        for batch in real(workspace, source, batch_size, workers, pool=pool):
            yield batch._replace(clean=batch.clean.slice(1))  # a row lost on the way

    monkeypatch.setattr(text_analyze, "analyze_corpus", losing_one)
    with pytest.raises(ReconciliationError, match="stg_notes: 4 bronze rows but 1 clean"):
        build_text_silver(workspace)
    assert lake.read_table(workspace, "silver", "stg_notes").num_rows == 2  # previous version


def test_without_a_catalogue_products_are_not_linked(tmp_path: Path) -> None:
    write_bronze(tmp_path, NOTES.name, [note("CUST_000001")])
    assert build_text_silver(tmp_path) == {"stg_notes": 1, "quarantine/silver_stg_notes": 0}
    entities = json.loads(lake.read_table(tmp_path, "silver", "stg_notes")["entities"][0].as_py())
    assert not [e for e in entities if e["kind"] == "product"]


NOTE_FAULTS = [  # a literal note file failing one way, its reason and the column it names
    (
        "DATE: 2024-03-14\n--- BEGIN NOTE ---\nRappel prévu.\n--- END NOTE ---\n",
        "missing_customer_id", "customer_id",
    ),
    (
        "CUSTOMER_ID: C7\nDATE:\n--- BEGIN NOTE ---\nRappel prévu.\n--- END NOTE ---\n",
        "missing_date", "note_date",
    ),
    (
        "CUSTOMER_ID: C7\nDATE: 14/03/2024\n--- BEGIN NOTE ---\nRappel prévu.\n--- END NOTE ---\n",
        "invalid_date", "note_date",
    ),
    (
        "CUSTOMER_ID: C7\nDATE: 2024-03-14\n--- BEGIN NOTE ---\n  \n--- END NOTE ---\n",
        "empty_body", "body",
    ),
    (
        "CUSTOMER_ID: C7\nDATE: 2024-03-14\n--- BEGIN EMAIL ---\nHi.\n--- END EMAIL ---\n",
        "no_begin_marker", None,
    ),
    (
        "CUSTOMER_ID: C7\nDATE: 2024-03-14\n--- BEGIN NOTE ---\nRappel prévu.\n",
        "no_end_marker", None,
    ),
]  # fmt: skip
EMAIL_FAULTS = [
    (
        "CAMPAIGN_ID: CAMP_001\nDATE: 2024-02-17 14:00:00\n"
        "--- BEGIN EMAIL ---\nSHOP NOW\n--- END EMAIL ---\n",
        "missing_asset_id", "asset_id",
    ),
    (
        "ASSET_ID: ASSET_00001\nCAMPAIGN_ID:  \nDATE: 2024-02-17 14:00:00\n"
        "--- BEGIN EMAIL ---\nSHOP NOW\n--- END EMAIL ---\n",
        "missing_campaign_id", "campaign_id",
    ),
    (
        "ASSET_ID: ASSET_00001\nCAMPAIGN_ID: CAMP_001\n"
        "--- BEGIN EMAIL ---\nSHOP NOW\n--- END EMAIL ---\n",
        "missing_date", "sent_at",
    ),
    (
        "ASSET_ID: ASSET_00001\nCAMPAIGN_ID: CAMP_001\nDATE: 17 Feb 2024\n"
        "--- BEGIN EMAIL ---\nSHOP NOW\n--- END EMAIL ---\n",
        "invalid_date", "sent_at",
    ),
    (
        "ASSET_ID: ASSET_00001\nCAMPAIGN_ID: CAMP_001\nDATE: 2024-02-17 14:00:00\n"
        "--- BEGIN EMAIL ---\n--- END EMAIL ---\n",
        "empty_body", "body",
    ),
]  # fmt: skip


def test_each_quarantined_file_names_the_column_at_fault(tmp_path: Path) -> None:
    """A file rejected for one header names the column that header fills; one whose body is
    empty names the body; one whose markers are wrong names none: the file as a whole is at
    fault. The reason's detail stays beside it."""
    write_bronze(tmp_path, NOTES.name, [text for text, *_ in NOTE_FAULTS])
    write_bronze(tmp_path, EMAIL_BODIES.name, [text for text, *_ in EMAIL_FAULTS])
    written = build_text_silver(tmp_path)
    assert (written["stg_notes"], written["stg_email_bodies"]) == (0, 0)
    for model, faults in (("stg_notes", NOTE_FAULTS), ("stg_email_bodies", EMAIL_FAULTS)):
        rejected = lake.read_table(tmp_path, "quarantine", f"silver_{model}")
        names = ["name", "_source_file", "_row_number", "reason", "column", "detail"]
        assert rejected.schema.names == names
        rows = rejected.to_pylist()
        assert [(r["reason"], r["column"]) for r in rows] == [(r, c) for _, r, c in faults]
        assert all(r["detail"] for r in rows)


def test_every_reason_a_file_is_rejected_for_is_given_a_column_or_none() -> None:
    """A reason added to the parser is shown a column (or NULL) on purpose, not by default."""
    from c360.text.parse import REASONS

    tried = {reason for _, reason, _ in [*NOTE_FAULTS, *EMAIL_FAULTS]}
    assert tried == set(REASONS)

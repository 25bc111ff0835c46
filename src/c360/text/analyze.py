"""Every enrichment of a text, on its redacted form only; and the silver text tables from bronze.

``analyze`` redacts first, then detects the language and computes sentiment, topic, entities and
a summary on the redacted text, so clear personal data never leaves it. ``build_text_silver``
streams the bronze notes and e-mails through it in Arrow batches (memory stays one batch whatever
the corpus size) into ``stg_notes`` and ``stg_email_bodies``; files that do not parse go to
``quarantine/silver_<model>`` with a reason and the column at fault, and every bronze row is
accounted for.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import unicodedata
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any, NamedTuple

import pyarrow as pa

# The lake, the project file and Arrow datasets (pandas, pydantic) are imported where they are
# used, in the parent: a worker process imports this module for `_analyze_batch` alone.
from c360.text.entities import extract_entities
from c360.text.language import detect
from c360.text.llm import LlmClient, client_from_project, enrich
from c360.text.parse import (
    ParsedEmail,
    ParsedNote,
    Rejected,
    find_cta,
    parse_email,
    parse_note,
)
from c360.text.redact import KINDS, redact
from c360.text.sentiment import sentiment
from c360.text.summary import summarise
from c360.text.topics import topic

Catalogue = tuple[Sequence[tuple[str, str]], Sequence[str] | None]  # products, brands
_PII = [(f"count_pii_{kind.lower()}", kind) for kind in KINDS]
OFFLINE = "offline"
"""``summary_by`` / ``sentiment_by`` of a value the offline method gave; else the model's name."""
_COMMON = [("entities", pa.string()), ("summary", pa.string()), ("summary_by", pa.string()),
           ("body_redacted", pa.string())]  # fmt: skip
NOTES_SCHEMA = pa.schema(
    [("note_id", pa.string()), ("customer_id", pa.string()), ("note_date", pa.date32()),
     ("source_topic", pa.string()), ("source_language", pa.string()),
     ("source_sentiment", pa.string()), ("source_tags", pa.list_(pa.string())),
     ("language", pa.string()), ("sentiment", pa.string()), ("sentiment_by", pa.string()),
     ("topic", pa.string()), *_COMMON, *((name, pa.int32()) for name, _ in _PII)]
)  # fmt: skip
EMAILS_SCHEMA = pa.schema(
    [("asset_id", pa.string()), ("campaign_id", pa.string()), ("sent_at", pa.timestamp("us")),
     ("variant", pa.string()), ("subject", pa.string()), ("source_language", pa.string()),
     ("language", pa.string()), ("word_count", pa.int32()), ("has_cta", pa.bool_()),
     ("cta", pa.string()), *_COMMON]
)  # fmt: skip
QUARANTINE_SCHEMA = pa.schema(
    [("name", pa.string()), ("_source_file", pa.string()), ("_row_number", pa.int64()),
     ("reason", pa.string()), ("column", pa.string()), ("detail", pa.string())]
)  # fmt: skip
"""A rejected file: its reason code, the column at fault as silver's quarantines name it (the
one a header fills, ``note_date`` for a DATE that is no date; ``body`` for the text between the
markers; NULL when the file as a whole is at fault, a marker missing), the reason in words."""
# Per source, the column each reason names (a reason not here names none).
_AT_FAULT = {
    "notes": {"missing_customer_id": "customer_id", "missing_date": "note_date",
              "invalid_date": "note_date", "empty_body": "body"},
    "emails": {"missing_asset_id": "asset_id", "missing_campaign_id": "campaign_id",
               "missing_date": "sent_at", "invalid_date": "sent_at", "empty_body": "body"},
}  # fmt: skip


class Batch(NamedTuple):
    """One bronze batch analysed: the rows of the silver table and the rejected files."""

    clean: pa.RecordBatch
    rejected: pa.RecordBatch


def analyze(
    text: str,
    language_hint: str | None = None,
    products: Sequence[tuple[str, str]] = (),
    *,
    brands: Sequence[str] | None = None,
    redaction_language: str | None = None,
    llm: LlmClient | None = None,
    llm_use_for: Sequence[str] = (),
) -> dict[str, Any]:
    """Language, sentiment, topic, entities, summary, redacted text and PII counts of ``text``.

    ``language_hint`` is trusted instead of detection; ``redaction_language`` (default: the
    hint) only tells redaction which country's phone formats to try first. With an ``llm``
    client (the project file's ``text.llm``), the summary and/or sentiment come from it, asked
    about the redacted text only; any failure keeps the offline value. ``summary_by`` and
    ``sentiment_by`` tell which gave each: ``"offline"`` or the model's name. A text typed with
    combining accents (NFD) is read, and handed back, composed (NFC): the cues are written so.
    """
    text = unicodedata.normalize("NFC", text)
    redacted, spans = redact(text, redaction_language or language_hint)
    language = language_hint or detect(redacted)
    entities = extract_entities(redacted, language, products, brands=brands)
    counts = Counter(span.kind for span in spans)
    result = {
        "language": language,
        "sentiment": sentiment(redacted, language),
        "topic": topic(redacted, language),
        "entities": [{"kind": e.kind, "text": e.text, "ref": e.ref} for e in entities],
        "summary": summarise(redacted, language, entities=entities),
        "redacted_text": redacted,
        "pii_counts": {kind: counts[kind] for kind in KINDS},
        "summary_by": OFFLINE,
        "sentiment_by": OFFLINE,
    }
    return enrich(result, llm, llm_use_for)


def analyze_corpus(
    workspace: Path,
    source: str = "notes",
    batch_size: int = 2000,
    workers: int | None = None,
    *,
    pool: Executor | None = None,
) -> Iterator[Batch]:
    """The bronze notes (``source="notes"``) or e-mails (``"emails"``), parsed and analysed one
    Arrow batch at a time, in bronze order, on ``workers`` processes (default: every core).

    At most two batches per worker are in flight, so memory stays a few batches whatever the
    corpus size. ``pool``, an executor of ``workers`` processes, is used instead of starting
    one: `build_text_silver` shares one between notes and e-mails.
    """
    import pyarrow.dataset as ds

    from c360 import config
    from c360.pipeline import lake

    if source not in _SOURCES:
        raise ValueError(f"source must be one of {sorted(_SOURCES)}, not {source!r}")
    catalogue = products_of(workspace)
    settings = config.load(workspace).text.llm
    llm = (client_from_project(config.load(workspace)), settings.use_for if settings else [])
    dataset = ds.dataset(lake.table_dir(workspace, "bronze", _SOURCES[source].bronze))
    batches = (
        (source, b.to_pylist(), catalogue, llm)
        for b in dataset.to_batches(
            columns=["name", "text", "_source_file", "_row_number"],
            batch_size=batch_size,
            batch_readahead=0,
            fragment_readahead=0,
        )
    )
    workers = workers or os.cpu_count() or 1
    with nullcontext(pool) if pool is not None else _process_pool(workers) as executor:
        if executor is None:
            yield from map(_analyze_batch, batches)
            return
        pending: deque[Future[Batch]] = deque()
        for job in batches:
            pending.append(executor.submit(_analyze_batch, job))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _process_pool(workers: int) -> AbstractContextManager[Executor | None]:
    """``workers`` processes, started as the first batches are submitted; none for one worker."""
    if workers == 1:
        return nullcontext()
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


Llm = tuple["LlmClient | None", Sequence[str]]


def _analyze_batch(job: tuple[str, list[dict[str, Any]], Catalogue, Llm]) -> Batch:
    source, records, catalogue, llm = job
    spec = _SOURCES[source]
    clean: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    for record in records:
        parsed = spec.parse(record["text"] or "")
        if isinstance(parsed, Rejected):
            lineage = {k: record[k] for k in ("name", "_source_file", "_row_number")}
            column = _AT_FAULT[source].get(parsed.reason)
            rejected.append({**lineage, "reason": parsed.reason, "column": column,
                             "detail": parsed.detail})  # fmt: skip
        else:
            clean.append(spec.row(record["name"], parsed, catalogue, llm))
    return Batch(
        pa.RecordBatch.from_pylist(clean, schema=spec.schema),
        pa.RecordBatch.from_pylist(rejected, schema=QUARANTINE_SCHEMA),
    )


def build_text_silver(workspace: Path, batch_size: int = 2000) -> dict[str, int]:
    """Publish ``stg_notes`` and ``stg_email_bodies`` (and their quarantines) from bronze.

    Returns rows written per table (``quarantine/silver_stg_notes`` …); raises
    ``ReconciliationError`` when bronze rows differ from clean plus quarantined.
    """
    from c360.pipeline import lake
    from c360.pipeline.bronze.land import ReconciliationError

    workspace = Path(workspace)
    written: dict[str, int] = {}
    workers = os.cpu_count() or 1
    # One pool for both sources: a worker process costs an interpreter and its imports.
    with _process_pool(workers) as pool:
        for source, spec in _SOURCES.items():
            bronze, model = lake.table_dir(workspace, "bronze", spec.bronze), spec.model
            if not bronze.exists():  # the source is gone: no table, not an old one
                lake.drop(workspace, "silver", model)
                lake.drop(workspace, "quarantine", f"silver_{model}")
                continue
            with (
                lake.publish(workspace, "silver", model, spec.schema) as clean,
                lake.publish(workspace, "quarantine", f"silver_{model}", QUARANTINE_SCHEMA) as bad,
            ):
                for batch in analyze_corpus(workspace, source, batch_size, workers, pool=pool):
                    clean.write(pa.Table.from_batches([batch.clean]))
                    bad.write(pa.Table.from_batches([batch.rejected]))
                expected = lake.count_rows(bronze)
                if clean.rows + bad.rows != expected:
                    raise ReconciliationError(
                        f"{model}: {expected} bronze rows but {clean.rows} clean and "
                        f"{bad.rows} quarantined"
                    )
            written[model], written[f"quarantine/silver_{model}"] = clean.rows, bad.rows
    return written


def products_of(workspace: Path) -> Catalogue:
    """``(product_id, product_name)`` pairs and brands of silver ``stg_products``, if built."""
    import pyarrow.parquet as pq

    from c360.pipeline import lake

    folder = lake.table_dir(Path(workspace), "silver", "stg_products")
    if not folder.exists():
        return (), None
    data = pq.read_table(folder).to_pydict()  # a catalogue: small
    pairs = [(i, n) for i, n in zip(data["product_id"], data["product_name"], strict=True) if n]
    brands = sorted({b for b in data["brand"] if b}) if "brand" in data else None
    return pairs, brands


def _note_row(name: str, note: ParsedNote, catalogue: Catalogue, llm: Llm) -> dict[str, Any]:
    out = analyze(note.body, None, catalogue[0], brands=catalogue[1],
                  redaction_language=note.language, llm=llm[0], llm_use_for=llm[1])  # fmt: skip
    return {
        "note_id": name.removesuffix(".txt"),
        "customer_id": note.customer_id,
        "note_date": note.note_date,
        "source_topic": note.topic,
        "source_language": note.language,
        "source_sentiment": note.sentiment,
        "source_tags": list(note.tags),
        **{k: out[k] for k in ("language", "sentiment", "sentiment_by", "topic")},
        **_common(out),
        **{column: out["pii_counts"][kind] for column, kind in _PII},
    }


def _email_row(name: str, email: ParsedEmail, catalogue: Catalogue, llm: Llm) -> dict[str, Any]:
    # stg_email_bodies keeps no sentiment: the model is asked for the summary only.
    summary_only = [part for part in llm[1] if part == "summary"]
    out = analyze(email.body, None, catalogue[0], brands=catalogue[1],
                  redaction_language=email.language, llm=llm[0] if summary_only else None,
                  llm_use_for=summary_only)  # fmt: skip
    subject = redact(email.subject, email.language)[0] if email.subject else None
    cta = find_cta(out["redacted_text"])
    return {
        "asset_id": email.asset_id,
        "campaign_id": email.campaign_id,
        "sent_at": email.sent_at,
        "variant": email.variant,
        "subject": subject,
        "source_language": email.language,
        "language": out["language"],
        "word_count": len(email.body.split()),
        "has_cta": cta is not None,
        "cta": cta,
        **_common(out),
    }


def _common(out: dict[str, Any]) -> dict[str, Any]:
    return {
        "entities": json.dumps(out["entities"], ensure_ascii=False),
        "summary": out["summary"],
        "summary_by": out["summary_by"],
        "body_redacted": out["redacted_text"],
    }


class _Source(NamedTuple):
    bronze: str
    model: str
    schema: pa.Schema
    parse: Callable[[str], Any]
    row: Callable[..., dict[str, Any]]


_SOURCES = {
    "notes": _Source("text_customer_notes", "stg_notes", NOTES_SCHEMA, parse_note, _note_row),
    "emails": _Source(
        "text_email_bodies", "stg_email_bodies", EMAILS_SCHEMA, parse_email, _email_row
    ),
}

"""Generator ground truth under ``truth/``: defects, identity clusters, people's true details,
text labels and the e-mail events machines made.

The pipeline never reads these; evaluation commands compare its results with them.
"""

from __future__ import annotations

from c360.contracts.model import Column, Table

DEFECTS = Table(
    name="truth_defects",
    seed="gen",
    description="Every injected defect, one row each. Rows not listed are clean.",
    path="truth/defects.csv",
    file_format="csv",
    columns=(
        Column("table", "string", "Contract name of the dirty table"),
        Column(
            "row_key",
            "string",
            "The row's primary key as written (null if the key itself was blanked)",
            nullable=True,
        ),
        Column(
            "row_number",
            "int",
            "1-based record number in the table's file (header excluded)",
            min_value=1,
        ),
        Column("column", "string", "Affected column; * for an exact duplicate of a whole row"),
        Column("defect_type", "string", "Kind of defect"),
    ),
)

IDENTITY = Table(
    name="truth_identity",
    seed="gen",
    description="Which person each identity-source record belongs to.",
    path="truth/identity.csv",
    file_format="csv",
    primary_key=("source", "record_id"),
    columns=(
        Column("source", "string", "Identity source system, or customers (seed 000's master)"),
        Column("record_id", "string", "The record's id in that source"),
        Column("person_id", "string", "The person (the seed-000 customer_id of that person)"),
    ),
)

PEOPLE = Table(
    name="truth_people",
    seed="gen",
    description="Each person's true details, before any source's noise: what the unified "
    "profile of the person should show.",
    path="truth/people.csv",
    file_format="csv",
    primary_key=("person_id",),
    columns=(
        Column("person_id", "string", "The person (the seed-000 customer_id)", unique=True),
        Column("first_name", "string", "First name, as the person spells it (accents kept)"),
        Column("last_name", "string", "Current last name (a married name, not the maiden one)"),
        Column(
            "email",
            "string",
            "The person's own e-mail, lower-case (a second address or a household's shared one "
            "that some records hold is not it)",
        ),
        Column("phone", "string", "Current mobile in E.164 (not an old number, nor a landline)"),
        Column("date_of_birth", "date", "Birth date"),
        Column("city", "string", "Current city (not the one before a move)"),
        Column("country", "string", "ISO 3166 alpha-2 country code"),
    ),
)

MARKETING_PEOPLE = Table(
    name="truth_marketing_people",
    seed="gen",
    description="The person behind each seed-004 marketing customer id.",
    path="truth/marketing_people.csv",
    file_format="csv",
    primary_key=("customer_id",),
    columns=(
        Column("customer_id", "string", "Seed-004 customer id (CUSTxxxxx)", unique=True),
        Column("person_id", "string", "The person (the seed-000 customer_id of that person)"),
    ),
)

NOTE_LABELS = Table(
    name="truth_note_labels",
    seed="gen",
    description="Topic, sentiment and language of each CRM note (also in the note's headers).",
    path="truth/note_labels.csv",
    file_format="csv",
    primary_key=("file",),
    columns=(
        Column("file", "string", "Note path relative to the workspace"),
        Column("customer_id", "string", "Customer"),
        Column("language", "string", "Language", allowed=("fr", "en", "de", "es")),
        Column("topic", "string", "Topic"),
        Column("sentiment", "string", "Sentiment", allowed=("positive", "neutral", "negative")),
    ),
)

PII_SPANS = Table(
    name="truth_pii_spans",
    seed="gen",
    description="Every planted PII span in the notes: character offsets into the file's text.",
    path="truth/pii_spans.csv",
    file_format="csv",
    columns=(
        Column("file", "string", "Note path relative to the workspace"),
        Column("start", "int", "Start offset (characters, 0-based)", min_value=0),
        Column("end", "int", "End offset (exclusive)", min_value=1),
        Column("pii_type", "string", "Kind of PII", allowed=("EMAIL", "PHONE", "PERSON")),
        Column("value", "string", "The span's text"),
    ),
)

MACHINE_KINDS = ("scanner", "proxy")

MACHINE_EVENTS = Table(
    name="truth_machine_events",
    seed="gen",
    description="Every e-mail open or click that a machine made (a security scanner or a privacy "
    "proxy), one row each. Events not listed were made by the person.",
    path="truth/machine_events.csv",
    file_format="csv",
    primary_key=("event_id",),
    columns=(
        Column("event_id", "string", "The event in marketing_events", unique=True),
        Column("send_id", "string", "Its send"),
        Column("customer_id", "string", "The send's recipient"),
        Column("event_type", "string", "open or click", allowed=("open", "click")),
        Column(
            "machine_kind",
            "string",
            "scanner (a mail gateway inspecting the mail) or proxy (an image-fetching privacy "
            "proxy)",
            allowed=MACHINE_KINDS,
        ),
    ),
)

TABLES = (DEFECTS, IDENTITY, PEOPLE, MARKETING_PEOPLE, NOTE_LABELS, PII_SPANS, MACHINE_EVENTS)

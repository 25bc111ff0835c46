"""Seed 000 text corpus: folders of CRM notes and e-mail bodies (one file per customer / asset)."""

from __future__ import annotations

from c360.contracts.model import Column, Table

_FILE_COLUMNS = (
    Column("name", "string", "Path inside the folder (`2024/n1.txt` in a sub-folder)", unique=True),
    Column("text", "string", "The whole file: headers, then the body between BEGIN/END markers"),
)

NOTES = Table(
    name="text_customer_notes",
    seed="000",
    description="One CRM note per customer: headers CUSTOMER_ID, DATE, TOPIC, LANGUAGE, SENTIMENT, "
    "TAGS, then the note between '--- BEGIN NOTE ---' and '--- END NOTE ---'. Contains fake PII.",
    path="sources/c360/text/customer_knowledge_notes",
    file_format="text",
    rows_at_scale_1=20_000,
    primary_key=("name",),
    columns=_FILE_COLUMNS,
)

EMAIL_BODIES = Table(
    name="text_email_bodies",
    seed="000",
    description="One marketing e-mail per asset: headers ASSET_ID, CAMPAIGN_ID, DATE, LANGUAGE, "
    "VARIANT, SUBJECT, then the body between '--- BEGIN EMAIL ---' and '--- END EMAIL ---'.",
    path="sources/c360/text/email_bodies",
    file_format="text",
    rows_at_scale_1=60,
    scaling="sqrt",
    primary_key=("name",),
    columns=_FILE_COLUMNS,
)

TABLES = (NOTES, EMAIL_BODIES)

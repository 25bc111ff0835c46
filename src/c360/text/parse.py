"""Seed-000 note and e-mail files parsed into typed headers and a body, or a reason to reject.

A file is ``KEY: value`` header lines, then the body between ``--- BEGIN NOTE ---`` and
``--- END NOTE ---`` (``EMAIL`` for e-mails). Labels (topic, language, sentiment) are kept as the
source wrote them; what the text really says is ``c360.text.analyze``'s job. Lines may end with
``\\n``, ``\\r\\n`` (a file written on Windows) or a lone ``\\r``: the body's lines are joined by
``\\n`` whatever the file used, so such a file parses to the body of its ``\\n`` twin. Pure, no I/O.

>>> head = "CUSTOMER_ID: C1\\nDATE: 2024-03-12\\n--- BEGIN NOTE ---\\nHi.\\n"
>>> note = parse_note(head + "--- END NOTE ---")
>>> note.customer_id, note.note_date.isoformat(), note.body
('C1', '2024-03-12', 'Hi.')
>>> parse_note(head).reason
'no_end_marker'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

NOTE_HEADERS = ("CUSTOMER_ID", "DATE", "TOPIC", "LANGUAGE", "SENTIMENT", "TAGS")
EMAIL_HEADERS = ("ASSET_ID", "CAMPAIGN_ID", "DATE", "LANGUAGE", "VARIANT", "SUBJECT")
NOTE_REQUIRED = ("CUSTOMER_ID", "DATE")
EMAIL_REQUIRED = ("ASSET_ID", "CAMPAIGN_ID", "DATE")
REASONS = (
    "missing_customer_id",
    "missing_asset_id",
    "missing_campaign_id",
    "missing_date",
    "invalid_date",
    "no_begin_marker",
    "no_end_marker",
    "empty_body",
)

# The value is stripped in Python: a lazy "(.*?)\s*$" reads a run of spaces inside it again from
# each of its characters, quadratic in a long header line.
_HEADER = re.compile(r"([A-Z][A-Z_]*)\s*:[ \t]*(.*)")
# A call to action: a short line starting (or ending) with an action word, in any seed language.
_CTA = re.compile(
    r"^(shop|buy|discover|order|get|book|explore|learn|claim|découvr\w*|command\w*|achet\w*|"
    r"profit\w*|j'en profite|jetzt|entdeck\w*|kauf\w*|bestell\w*|sichern|comprar?|compra|"
    r"descubr\w*|descúbr\w*|ver|reserv\w*|aprovech\w*)\b.*|.*\b(now|maintenant|jetzt|ahora)!?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ParsedNote:
    """A CRM note: its headers typed, the source's labels as written, the body."""

    customer_id: str
    note_date: date
    topic: str | None
    language: str | None
    sentiment: str | None
    tags: tuple[str, ...]
    body: str


@dataclass(frozen=True)
class ParsedEmail:
    """A marketing e-mail: its headers typed, the body and its call-to-action line (if any)."""

    asset_id: str
    campaign_id: str
    sent_at: datetime
    language: str | None
    variant: str | None
    subject: str | None
    body: str
    cta: str | None


@dataclass(frozen=True)
class Rejected:
    """Why a file cannot be parsed: a code from ``REASONS`` and a human detail."""

    reason: str
    detail: str


def parse_note(text: str) -> ParsedNote | Rejected:
    """A note file's headers and body, or the first reason it is malformed."""
    found = _split(text, "NOTE", NOTE_REQUIRED)
    if isinstance(found, Rejected):
        return found
    headers, body = found
    try:
        day = date.fromisoformat(headers["DATE"])
    except ValueError:
        return Rejected("invalid_date", "DATE is not an ISO date (YYYY-MM-DD)")
    tags = tuple(t.strip() for t in (headers.get("TAGS") or "").split(",") if t.strip())
    return ParsedNote(
        customer_id=headers["CUSTOMER_ID"],
        note_date=day,
        topic=headers.get("TOPIC"),
        language=headers.get("LANGUAGE"),
        sentiment=headers.get("SENTIMENT"),
        tags=tags,
        body=body,
    )


def parse_email(text: str) -> ParsedEmail | Rejected:
    """An e-mail file's headers, body and call to action, or the first reason it is malformed."""
    found = _split(text, "EMAIL", EMAIL_REQUIRED)
    if isinstance(found, Rejected):
        return found
    headers, body = found
    try:
        sent_at = datetime.fromisoformat(headers["DATE"])
    except ValueError:
        return Rejected("invalid_date", "DATE is not an ISO timestamp (YYYY-MM-DD HH:MM:SS)")
    if sent_at.tzinfo is not None:  # naive UTC, like every timestamp of the lake
        sent_at = sent_at.astimezone(UTC).replace(tzinfo=None)
    return ParsedEmail(
        asset_id=headers["ASSET_ID"],
        campaign_id=headers["CAMPAIGN_ID"],
        sent_at=sent_at,
        language=headers.get("LANGUAGE"),
        variant=headers.get("VARIANT"),
        subject=headers.get("SUBJECT"),
        body=body,
        cta=find_cta(body),
    )


def find_cta(body: str) -> str | None:
    """The body's call-to-action line: a short line (≤ 5 words) in capitals or led by an action
    word ("SHOP NOW", "Jetzt entdecken", "Découvrir", "Comprar")."""
    for line in body.splitlines():
        words = line.split()
        if not 0 < len(words) <= 5 or line.rstrip().endswith((",", ".", ":")):
            continue
        letters = [c for c in line if c.isalpha()]
        shouting = len(letters) >= 3 and all(c.isupper() for c in letters)
        if _CTA.match(line.strip()) and (shouting or len(words) <= 3):
            return line.strip()
    return None


def _split(
    text: str, kind: str, required: tuple[str, ...]
) -> tuple[dict[str, str], str] | Rejected:
    """Headers (non-empty values only) and the body between the markers of ``kind``, its
    lines joined by ``\\n``."""
    lines = text.splitlines()
    begin, end = f"--- BEGIN {kind} ---", f"--- END {kind} ---"
    stripped = [line.strip() for line in lines]
    if begin not in stripped:
        return Rejected("no_begin_marker", f"no '{begin}' line")
    start = stripped.index(begin)
    if end not in stripped[start + 1 :]:
        return Rejected("no_end_marker", f"no '{end}' line after '{begin}'")
    stop = stripped.index(end, start + 1)
    headers: dict[str, str] = {}
    for line in lines[:start]:
        match = _HEADER.match(line)
        value = match[2].rstrip() if match else ""
        if match and value and match[1] not in headers:
            headers[match[1]] = value
    for name in required:
        if name not in headers:
            return Rejected(f"missing_{name.lower()}", f"no {name} header, or an empty one")
    body = "\n".join(lines[start + 1 : stop]).strip()
    if not body:
        return Rejected("empty_body", f"nothing between '{begin}' and '{end}'")
    return headers, body

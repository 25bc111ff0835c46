"""Seed text corpus: CRM notes with labels and PII spans, and marketing e-mail bodies."""

from c360.generate.text.emails import (
    CAMPAIGN_OBJECTIVES,
    RenderedEmails,
    make_subjects,
    render_email_bodies,
)
from c360.generate.text.notes import NOTE_TOPICS, SENTIMENTS, RenderedNotes, render_notes

__all__ = [
    "CAMPAIGN_OBJECTIVES",
    "NOTE_TOPICS",
    "SENTIMENTS",
    "RenderedEmails",
    "RenderedNotes",
    "make_subjects",
    "render_email_bodies",
    "render_notes",
]

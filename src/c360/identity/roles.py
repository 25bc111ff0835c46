"""The roles a source column can play in matching, and what each one means.

A project maps its own column names to these roles; the matcher reads only roles, so it works
on a schema it has never seen.
"""

from __future__ import annotations

ROLES: dict[str, str] = {
    "first_name": "given name",
    "last_name": "family name",
    "full_name": "whole name, 'First Last' or 'LAST, First' (split when first/last are absent)",
    "date_of_birth": "birth date (ISO, DD/MM/YYYY, DD.MM.YYYY…)",
    "email": "e-mail address",
    "phone": "phone number, local (read in the record's country) or international",
    "address_line": "street and house number",
    "city": "city or town",
    "postcode": "postal or ZIP code",
    "country": "country as an ISO code or a name",
    "national_id": "a government or tax id, unique per person",
    "source_id": "an id another system also holds for the person (a shared customer number)",
}

# Roles that identify a person almost alone: a record needs one of them, or a name, to be matched.
IDENTIFYING = ("email", "phone", "national_id", "source_id", "date_of_birth")
NAMES = ("first_name", "last_name", "full_name")

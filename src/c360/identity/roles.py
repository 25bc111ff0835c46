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

# Roles the unified profile keeps, each picked from one record by survivorship, in the order its
# lineage lists them; the other roles only match records.
KEPT = ("first_name", "last_name", "email", "phone", "country", "city", "postcode", "date_of_birth")

# Source attributes that feed consent, merged from every record rather than picked from one.
OPT_IN = "marketing_opt_in"  # a yes/no marketing consent: the record's status, email scope
CONSENT_PREFIX = "consent_"  # consent_<x>: yes/no for scope <x>_marketing


def is_consent(attribute: str) -> bool:
    """True for the attributes that feed consent rather than survivorship."""
    return attribute == OPT_IN or attribute.startswith(CONSENT_PREFIX)

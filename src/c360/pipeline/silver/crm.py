"""Seed 000's CRM in silver: accounts, customers, segments, memberships, interactions, profiles.

Each model reads its source by its contract (``parse.by_contract``) and quarantines what breaks
it (``parse.contract_checks``: missing, unreadable, orphan or out-of-range values, and dates
before 1990, placeholders such as 1970-01-01: ``implausible_date``); its docstring
says what else it checks and what it repairs. Clean columns are the contract's, in its order and
types. A value the contract lets be NULL stays NULL; a required value that is missing is rejected
as ``missing_<column>``: nothing is invented. Foreign keys are checked against the ids the
referenced source holds (its bronze table), so a row whose parent was rejected for another reason
is not an orphan.
"""

from __future__ import annotations

from datetime import datetime

import ibis
from ibis.expr.types import Table

from c360.contracts import crm
from c360.pipeline.silver import conform, parse
from c360.pipeline.silver.privacy import Pseudonymise
from c360.pipeline.silver.staged import Staged, kept, stage

CUSTOMER_COLUMNS = tuple(
    new
    for name in crm.CUSTOMERS.column_names
    for new in (("email_hash", "has_valid_email") if name == "email" else (name,))
)


def stg_crm_accounts(bronze: Table, as_of: datetime) -> Staged:
    """B2B accounts; a mis-encoded name is repaired ("Ã©" → "é"); a creation date in the
    future is rejected."""
    c = crm.ACCOUNTS
    name = conform.repaired_text(bronze.account_name)
    t = parse.by_contract(bronze, c, account_name=name)
    checks = [
        *parse.contract_checks(t, c),
        ("created_at: future_date", parse.future(t.created_at, as_of)),
    ]
    return stage(t, checks, c.primary_key, c.column_names)


def stg_crm_customers(
    bronze: Table, accounts: Table, pseudonymise: Pseudonymise, as_of: datetime
) -> Staged:
    """Customers with no clear-text e-mail: ``email_hash`` pseudonymises the trimmed, lower-cased
    address and ``has_valid_email`` says whether it is deliverable (a missing or malformed address
    gives a NULL hash and false, the customer is kept; a malformed one is counted as
    ``email: invalid_value``); ``country`` is the ISO code ("UK" → "GB").

    Rejected besides the contract: a ``first_seen_at`` in the future, a status that contradicts
    the lifecycle stage (``inconsistent_status``: churned exactly when the stage is churned).
    A NULL ``account_id`` is a B2C customer. A consent left blank (an export's unknown opt-in)
    is NULL, not known, which every send and audience reads as no consent; one written but
    unreadable ("maybe") is ``invalid_value``. The account is optional: an account the source
    does not hold is dropped (NULL) and counted as ``account_id: orphan_account``, the customer
    kept (their orders and interactions need them).

    An e-mail is unique (seed 000). When customers that pass the checks share one (as
    ``conform.email`` writes it: "Ann@Mail.fr " is "ann@mail.fr"), the customer first seen keeps
    it (the lowest id on a tie): the CRM knew it first, later records re-registered it. The
    others stay, as their orders and interactions need them, with a NULL hash and
    ``has_valid_email`` false, counted as ``email: duplicate_value``. Only the record of each
    customer that silver keeps (``staged.kept``: from the file named last, the record written
    first) holds an address.
    """
    c = crm.CUSTOMERS
    t = parse.by_contract(
        bronze, c, country=conform.country_iso(bronze.country), _mail=conform.email(bronze.email)
    )
    # The account is optional: one the source does not hold is dropped (NULL), not the customer.
    held = parse.ids(accounts, "account_id")
    t = t.mutate(_orphan=parse.absent(t.account_id, held).fill_null(False))
    t = t.mutate(account_id=ibis.ifelse(t._orphan, ibis.null("string"), t.account_id))
    churned = (t.status == "churned") != (t.lifecycle_stage == "churned")
    checks = [
        *parse.contract_checks(t, c, skip=("account_id",)),
        ("first_seen_at: future_date", parse.future(t.first_seen_at, as_of)),
        ("inconsistent_status", churned),
    ]
    # Each check worked out once: the ranking below and the reasons both read it.
    t = t.mutate(**{f"_check_{i}": bad.fill_null(False) for i, (_, bad) in enumerate(checks)})
    checks = [(name, t[f"_check_{i}"]) for i, (name, _) in enumerate(checks)]
    t = t.mutate(_kept=kept(t, c.primary_key, ~ibis.or_(*(bad for _, bad in checks))))
    # Only the records kept rank: a quarantined customer, or a customer's replaced record,
    # takes no address from one kept.
    first = t.customer_id.first().over(
        group_by=[t._mail, t._kept], order_by=[t.first_seen_at, t.customer_id]
    )
    t = t.mutate(_taken=t._mail.notnull() & (t.customer_id != first))
    t = t.mutate(
        email_hash=pseudonymise(ibis.ifelse(t._taken, ibis.null("string"), t._mail)),
        has_valid_email=t._mail.notnull() & ~t._taken,
    )
    repairs = [
        ("email: duplicate_value", t._taken),
        ("email: invalid_value", parse.invalid(t._raw_email, t._mail)),
        ("account_id: orphan_account", t._orphan),
    ]
    return stage(t, checks, c.primary_key, CUSTOMER_COLUMNS, repairs)


def stg_crm_segments(bronze: Table, as_of: datetime) -> Staged:
    """Segments; mis-encoded names and descriptions repaired; a creation date in the future is
    rejected."""
    c = crm.SEGMENTS
    t = parse.by_contract(
        bronze,
        c,
        segment_name=conform.repaired_text(bronze.segment_name),
        description=conform.repaired_text(bronze.description),
    )
    checks = [
        *parse.contract_checks(t, c),
        ("created_at: future_date", parse.future(t.created_at, as_of)),
    ]
    return stage(t, checks, c.primary_key, c.column_names)


def stg_crm_customer_segments(
    bronze: Table, customers: Table, segments: Table, as_of: datetime
) -> Staged:
    """Memberships of known customers in known segments; a start in the future or an end before
    the start is rejected. A NULL ``end_date`` means the customer is still a member."""
    c = crm.CUSTOMER_SEGMENTS
    t = parse.by_contract(bronze, c)
    sources = {"crm_customers": customers, "crm_segments": segments}
    checks = [
        *parse.contract_checks(t, c, sources),
        ("start_date: future_date", parse.future(t.start_date, as_of)),
        ("end_before_start", t.end_date < t.start_date),
    ]
    return stage(t, checks, c.primary_key, c.column_names)


def stg_crm_interactions(bronze: Table, customers: Table, as_of: datetime) -> Staged:
    """Interactions of known customers, typed and spelt as the contract says; one in the future
    is rejected, a satisfaction outside 1–5 or a duration under a minute is ``out_of_range``.
    ``satisfaction_score`` and ``duration_min`` stay NULL when not recorded."""
    c = crm.INTERACTIONS
    t = parse.by_contract(bronze, c)
    checks = [
        *parse.contract_checks(t, c, {"crm_customers": customers}),
        ("occurred_at: future_date", parse.future(t.occurred_at, as_of)),
    ]
    return stage(t, checks, c.primary_key, c.column_names)


def stg_crm_customer_profile(bronze: Table, customers: Table, as_of: datetime) -> Staged:
    """One profile per known customer; scores outside their ranges (churn 0–100, NPS 0–10,
    rates 0–1) are ``out_of_range``, negative money ``negative_amount``, a last contact in the
    future ``future_date``. ``last_contact_at`` is NULL for a customer never contacted."""
    c = crm.CUSTOMER_PROFILE
    t = parse.by_contract(bronze, c)
    checks = [
        *parse.contract_checks(t, c, {"crm_customers": customers}),
        ("last_contact_at: future_date", parse.future(t.last_contact_at, as_of)),
    ]
    return stage(t, checks, c.primary_key, c.column_names)

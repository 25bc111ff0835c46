"""Identity sources: a block's people as a CRM, a loyalty programme, web logins and a shop see them.

Populations overlap; each source has its own ids, formats and noise, and some people appear twice
in one source. ``truth_identity`` maps every record written to its person, ``truth_people``
gives each person's true details. Noise is how real sources differ, not a defect; the few genuine
defects (unparseable e-mails, impossible birth dates) go through ``Dirt`` and the defect manifest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts import identity as contract
from c360.contracts import truth
from c360.generate.block import Block, Dimensions
from c360.generate.dirt import Dirt, Transform
from c360.generate.identity.drafts import (
    DOB_OK,
    EMAIL_ALT,
    EMAIL_CANONICAL,
    Draft,
    draft,
    memberships,
    strong_signals,
)
from c360.generate.identity.emails import claim_second_emails, taken_mailboxes
from c360.generate.identity.facts import Facts, person_facts
from c360.generate.identity.sources import (
    crm_contacts,
    ecommerce_customers,
    loyalty_members,
    web_accounts,
)
from c360.generate.identity.styles import STYLES
from c360.generate.plan import Plan
from c360.generate.seed000.build import Seed000

Output = tuple[str, "pa.Table | Dirt"]
Builder = Callable[[Block, Facts, Draft], pa.Table]
DEFECT_RATE = 0.003

BUILDERS: dict[str, Builder] = {
    "crm": crm_contacts,
    "loyalty": loyalty_members,
    "web": web_accounts,
    "ecommerce": ecommerce_customers,
}


def global_outputs(plan: Plan, dims: Dimensions) -> Iterator[Output]:
    """Nothing: every identity record belongs to a block's people."""
    return iter(())


def block_outputs(block: Block, base: Seed000) -> Iterator[Output]:
    """The four sources' records of the block, their truth (and seed 000's) and few defects."""
    facts = person_facts(block, base)
    member = memberships(block.rng("identity_members"), facts, STYLES)
    drafts = [
        draft(block.rng(f"identity_{style.source}"), facts, style, member[:, j])
        for j, style in enumerate(STYLES)
    ]
    used = np.zeros(len(facts.first), dtype=bool)
    for d in drafts:
        used[d.owner[d.email_kind == EMAIL_ALT]] = True
    alt = claim_second_emails(facts.alt_email, used, taken_mailboxes(block))
    facts = replace(facts, alt_email=alt)
    for style, d in zip(STYLES, drafts, strict=True):
        d = d.take(np.lexsort((d.owner, d.created)))  # a system lists records as they were made
        table = BUILDERS[style.source](block, facts, d)
        source = contract.SOURCES[style.source]
        truth_rows = {
            "source": pa.array([style.source] * d.m, pa.string()),
            "record_id": pc.cast(table.column(source.primary_key[0]), pa.string()),
            "person_id": pa.array(facts.customer_id, pa.string()).take(pa.array(d.owner)),
        }
        yield "truth_identity", pa.table(truth_rows, schema=truth.IDENTITY.arrow_schema())
        yield source.name, _defects(block, style.source, table, d)
    people = pa.array(facts.customer_id, pa.string())
    customers = {"source": pa.array(["customers"] * len(people), pa.string())}
    customers |= {"record_id": people, "person_id": people}  # seed 000's master: itself
    yield "truth_identity", pa.table(customers, schema=truth.IDENTITY.arrow_schema())
    yield "truth_people", people_truth(facts)


def people_truth(facts: Facts) -> pa.Table:
    """Each person's current details: the values every source's noise starts from."""
    return pa.table(
        {
            "person_id": facts.customer_id,
            "first_name": facts.first,
            "last_name": facts.last,
            "email": facts.email,
            "phone": facts.phone,
            "date_of_birth": pa.array(facts.birth.astype(np.int32), pa.int32()).cast(pa.date32()),
            "city": facts.city,
            "country": facts.country,
        },
        schema=truth.PEOPLE.arrow_schema(),
    )


def impossible_birth_date(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """Dates a form should have refused: 30 February, 31 April, month 13, all zeros."""
    out = []
    for value in values.to_pylist():
        year = value[-4:] if value else "1980"
        out.append(("30/02/", "31/04/", "15/13/", "00/00/")[int(rng.integers(4))] + year)
    return pa.array(out, pa.string())


def unparseable_email(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """Addresses a form should have refused, each still unique: a doubled or lost @, a space,
    two dots after the domain."""
    out = []
    for value in values.to_pylist():
        local, _, domain = value.partition("@")
        shapes = (f"{local}@@{domain}", f"{local} @{domain}", f"{local}@{domain}..", local + domain)
        out.append(shapes[int(rng.integers(len(shapes)))])
    return pa.array(out, pa.string())


# The few genuine defects: (column, defect type, how the value is spoiled) per source.
DEFECTS: dict[str, tuple[str, str, Transform]] = {
    "ecommerce": ("email", "malformed_email", unparseable_email),
    "loyalty": ("birth_date", "invalid_date", impossible_birth_date),
}


def _defects(block: Block, source: str, table: pa.Table, d: Draft) -> pa.Table | Dirt:
    """The source's defects, planted only where two strong signals survive the spoiled field."""
    if source not in DEFECTS:
        return table
    column, defect, transform = DEFECTS[source]
    contract_ = contract.SOURCES[source]
    lost = d.email_kind == EMAIL_CANONICAL if column == "email" else d.dob_kind == DOB_OK
    present = table.column(column).is_valid().to_numpy(zero_copy_only=False)
    rng = block.rng(f"identity_dirt_{source}")
    dirt = Dirt(contract_.name, table, contract_.primary_key[0], rng, DEFECT_RATE)
    dirt.apply(column, defect, transform, where=present & (strong_signals(d) - lost >= 2))
    return dirt

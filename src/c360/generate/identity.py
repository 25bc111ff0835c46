"""Identity sources: a block's people as a CRM, a loyalty programme, web logins and a shop see them.

Populations overlap; each source has its own ids, formats and noise, and some people appear twice
in one source. ``truth_identity`` maps every record written to its person. Noise is how real
sources differ, not a defect; the few genuine defects (unparseable e-mails, impossible birth
dates) go through ``Dirt`` and the defect manifest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts import identity as contract
from c360.generate import defect_values
from c360.generate.block import Block, Dimensions
from c360.generate.dirt import Dirt
from c360.generate.identity_drafts import (
    DOB_MISSING,
    EMAIL_CANONICAL,
    PHONE_CURRENT,
    Draft,
    Style,
    draft,
    memberships,
)
from c360.generate.identity_facts import Facts, person_facts
from c360.generate.identity_sources import (
    crm_contacts,
    ecommerce_customers,
    loyalty_members,
    web_accounts,
)
from c360.generate.plan import Plan
from c360.generate.seed000 import Seed000

Output = tuple[str, "pa.Table | Dirt"]
Builder = Callable[[Block, Facts, Draft], pa.Table]
DEFECT_RATE = 0.003

STYLES = (
    Style(
        "crm",
        share=0.94,
        affinity="all",
        duplicate=0.03,
        stale=0.5,
        email_missing=0.06,
        phone_missing=0.12,
        landline=0.3,
        shared_email=0.4,
        alt_email=0.35,
        email_variant=0.08,
        typo=0.025,
        nickname=0.12,
        swap=0.012,
        accents=0.06,
        dob_missing=0.4,
        street_missing=0.05,
        postcode_missing=0.04,
        city_missing=0.02,
    ),
    Style(
        "loyalty",
        share=0.55,
        affinity="buyers",
        duplicate=0.05,
        stale=0.7,
        email_missing=0.1,
        phone_missing=0.08,
        landline=0.0,
        shared_email=0.5,
        alt_email=0.4,
        email_variant=0.08,
        typo=0.035,
        nickname=0.2,
        swap=0.02,
        accents=0.35,
        dob_missing=0.06,
        postcode_missing=0.05,
        city_missing=0.03,
    ),
    Style(
        "web",
        share=0.80,
        affinity="young",
        duplicate=0.08,
        stale=0.6,
        email_missing=0.0,
        phone_missing=0.62,
        landline=0.0,
        shared_email=0.0,
        alt_email=0.5,
        email_variant=0.1,
        typo=0.03,
        nickname=0.35,
        swap=0.015,
        accents=0.7,
        unique_email=True,
    ),
    Style(
        "ecommerce",
        share=0.55,
        affinity="buyers",
        duplicate=0.06,
        stale=0.4,
        email_missing=0.0,
        phone_missing=0.15,
        landline=0.2,
        shared_email=0.0,
        alt_email=0.5,
        email_variant=0.1,
        typo=0.04,
        nickname=0.15,
        swap=0.015,
        accents=0.5,
        street_missing=0.02,
        postcode_missing=0.03,
        unique_email=True,
    ),
)
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
    """The four sources' records of the block, their truth and their few defects."""
    facts = person_facts(block, base)
    member = memberships(block.rng("identity_members"), facts, STYLES)
    for j, style in enumerate(STYLES):
        d = draft(block.rng(f"identity_{style.source}"), facts, style, member[:, j])
        d = d.take(np.lexsort((d.owner, d.created)))  # a system lists records as they were made
        table = BUILDERS[style.source](block, facts, d)
        source = contract.SOURCES[style.source]
        key = source.primary_key[0]
        yield (
            "truth_identity",
            pa.table(
                {
                    "source": pa.array([style.source] * d.m, pa.string()),
                    "record_id": pc.cast(table.column(key), pa.string()),
                    "person_id": pa.array(facts.customer_id, pa.string()).take(pa.array(d.owner)),
                }
            ),
        )
        yield source.name, _defects(block, style.source, table, d)


def _defects(block: Block, source: str, table: pa.Table, d: Draft) -> pa.Table | Dirt:
    """A few unparseable e-mails (shop) and impossible birth dates (loyalty), only where the
    record keeps other strong signals."""
    name = contract.SOURCES[source].name
    rng = block.rng(f"identity_dirt_{source}")
    if source == "ecommerce":
        dirt = Dirt(name, table, "shop_customer_id", rng, DEFECT_RATE)
        dirt.apply(
            "email",
            "malformed_email",
            defect_values.malformed_email,
            where=d.phone_kind == PHONE_CURRENT,
        )
        return dirt
    if source == "loyalty":
        dirt = Dirt(name, table, "member_no", rng, DEFECT_RATE)
        keeps = (d.email_kind == EMAIL_CANONICAL) & (d.phone_kind == PHONE_CURRENT)
        dirt.apply(
            "birth_date",
            "invalid_date",
            impossible_birth_date,
            where=keeps & (d.dob_kind != DOB_MISSING),
        )
        return dirt
    return table


def impossible_birth_date(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """Dates a form should have refused: 31 February, month 13, all zeros."""
    out = []
    for value in values.to_pylist():
        year = value[-4:] if value else "1980"
        out.append(("30/02/", "31/04/", "15/13/", "00/00/")[int(rng.integers(4))] + year)
    return pa.array(out, pa.string())

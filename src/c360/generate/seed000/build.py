"""Seed 000 for one block: the customer-level CRM, marketing and commerce facts, and the notes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from c360.generate.block import Block, Dimensions
from c360.generate.dirt import Dirt
from c360.generate.plan import Plan
from c360.generate.seed000 import behaviour, commerce, crm, dimensions, email, machine, profile
from c360.generate.seed000.optional_dirt import dirty
from c360.generate.text import render_email_bodies, render_notes

Output = tuple[str, "pa.Table | Dirt"]


@dataclass(frozen=True)
class Seed000:
    """Every seed-000 fact of one block, for the other sources to draw from."""

    customers: pa.Table
    memberships: pa.Table
    interactions: pa.Table
    email: email.EmailActivity
    shop: commerce.Commerce
    profile: pa.Table
    machine_truth: pa.Table  # which e-mail events no person made


def dimension_tables(plan: Plan) -> Dimensions:
    """The run's shared dimensions."""
    campaigns = dimensions.campaigns(plan)
    segments = dimensions.segments(plan)
    return Dimensions(
        accounts=dimensions.accounts(plan),
        segments=segments,
        campaigns=campaigns,
        assets=dimensions.assets(plan, campaigns),
        audiences=dimensions.audiences(plan, campaigns, segments),
        products=dimensions.products(plan),
    )


def build(block: Block) -> Seed000:
    """All seed-000 facts of a block, in dependency order."""
    customers = crm.customers(block)
    memberships = crm.customer_segments(block, customers)
    habits = behaviour.behaviour(block, customers)  # hidden traits linking the facts
    interactions = crm.interactions(block, customers, habits)
    people = email.sends_and_events(block, customers, habits)
    machines = machine.with_machines(block, customers, people)  # scanners and proxies added
    activity = machines.email
    shop = commerce.orders_and_lines(block, customers, activity, habits)
    prof = profile.customer_profile(block, customers, interactions, activity, shop)
    return Seed000(customers, memberships, interactions, activity, shop, prof, machines.truth)


def global_outputs(plan: Plan, dims: Dimensions) -> Iterator[Output]:
    """The dimension tables and the e-mail bodies."""
    for name, table in (
        ("crm_accounts", dims.accounts),
        ("crm_segments", dims.segments),
        ("marketing_campaigns", dims.campaigns),
        ("marketing_assets", dims.assets),
        ("marketing_audiences", dims.audiences),
        ("products", dims.products),
    ):
        yield name, dirty(plan, name, table, 0)
    yield "text_email_bodies", _email_bodies(plan, dims)


def block_outputs(block: Block, base: Seed000) -> Iterator[Output]:
    """The block's fact tables, its notes and their truth."""
    for name, table in (
        ("crm_customers", base.customers),
        ("crm_customer_segments", base.memberships),
        ("crm_interactions", base.interactions),
        ("crm_customer_profile", base.profile),
        ("marketing_sends", base.email.sends),
        ("marketing_events", base.email.events),
        ("orders", base.shop.orders),
        ("order_lines", base.shop.lines),
        ("returns", base.shop.returns),
    ):
        yield name, dirty(block.plan, name, table, block.start)
    yield "truth_machine_events", base.machine_truth
    yield from _notes(block, base)


def _notes(block: Block, base: Seed000) -> Iterator[Output]:
    p = block.people
    shop = base.shop
    products = shop.lines.column("product_id").to_pylist()
    names = dict(
        zip(
            block.dims.products.column("product_id").to_pylist(),
            block.dims.products.column("product_name").to_pylist(),
            strict=True,
        )
    )
    bought: list[list[str]] = [[] for _ in range(block.n)]
    owner = shop.order_owner[shop.line_order]
    for o, prod in zip(owner.tolist(), products, strict=True):
        if len(bought[o]) < 3 and names[prod] not in bought[o]:
            bought[o].append(names[prod])
    accounts = dict(
        zip(
            block.dims.accounts.column("account_id").to_pylist(),
            block.dims.accounts.column("account_name").to_pylist(),
            strict=True,
        )
    )
    rng = block.rng("notes")
    last = base.profile.column("last_contact_at").cast(pa.int64()).to_numpy(zero_copy_only=False)
    seen = base.customers.column("first_seen_at").cast(pa.int64()).to_numpy()
    when = (
        np.where(
            base.profile.column("last_contact_at").is_null().to_numpy(zero_copy_only=False),
            seen,
            np.nan_to_num(last),
        )
        .astype("datetime64[s]")
        .astype("datetime64[D]")
    )
    notes_in = pa.table(
        {
            "customer_id": p.column("customer_id"),
            "language": p.column("language"),
            "first_name": p.column("first_name"),
            "last_name": p.column("last_name"),
            "email": p.column("email"),
            "phone": p.column("phone_local"),
            "country": p.column("country"),
            "lifecycle_stage": base.customers.column("lifecycle_stage"),
            "note_date": pa.array(when.astype(str).tolist(), pa.string()),
            "account_name": pa.array(
                [
                    accounts.get(a) if a else None
                    for a in base.customers.column("account_id").to_pylist()
                ],
                pa.string(),
            ),
            "product_names": pa.array(bought, pa.list_(pa.string())),
        }
    )
    rendered = render_notes(notes_in, rng)
    folder = "sources/c360/text/customer_knowledge_notes"
    files = [f"{c}.txt" for c in p.column("customer_id").to_pylist()]
    yield "text_customer_notes", pa.table({"name": files, "text": rendered.texts})
    labels = rendered.labels
    yield (
        "truth_note_labels",
        pa.table(
            {
                "file": [f"{folder}/{f}" for f in files],
                "customer_id": labels.column("customer_id"),
                "language": labels.column("language"),
                "topic": labels.column("topic"),
                "sentiment": labels.column("sentiment"),
            }
        ),
    )
    spans = rendered.pii_spans
    row = spans.column("row_index").to_numpy()
    yield (
        "truth_pii_spans",
        pa.table(
            {
                "file": pa.array([f"{folder}/{f}" for f in files]).take(pa.array(row)),
                "start": spans.column("start"),
                "end": spans.column("end"),
                "pii_type": spans.column("pii_type"),
                "value": spans.column("value"),
            }
        ),
    )


def _email_bodies(plan: Plan, dims: Dimensions) -> pa.Table:
    assets, campaigns = dims.assets, dims.campaigns
    camp = {c: i for i, c in enumerate(campaigns.column("campaign_id").to_pylist())}
    ci = np.array([camp[c] for c in assets.column("campaign_id").to_pylist()])
    rng = Block(plan, 0, pa.table({}), dims).rng("email_bodies")
    product_names = dims.products.column("product_name").to_pylist()
    picks = [
        [
            product_names[int(j)]
            for j in rng.choice(len(product_names), size=min(3, len(product_names)), replace=False)[
                : int(rng.integers(1, 4))
            ]
        ]
        for _ in range(assets.num_rows)
    ]
    rendered = render_email_bodies(
        pa.table(
            {
                "asset_id": assets.column("asset_id"),
                "campaign_id": assets.column("campaign_id"),
                "language": assets.column("language"),
                "variant": assets.column("variant"),
                "subject": assets.column("subject"),
                "created_at": assets.column("created_at").cast(pa.string()),
                "objective": campaigns.column("objective").take(pa.array(ci)),
                "campaign_name": campaigns.column("campaign_name").take(pa.array(ci)),
                "product_names": pa.array(picks, pa.list_(pa.string())),
            }
        ),
        rng,
    )
    names = [f"{a}.txt" for a in assets.column("asset_id").to_pylist()]
    return pa.table({"name": names, "text": rendered.texts})

"""Seed 004, MongoDB ``bronze_db``: marketing contacts, their transactions and the campaigns.

A quarter of each block's people are contacts with their own ids (CUST00042), each listed in
``truth_identity`` as a record of the identity source ``marketing``; their purchases
are drawn independently of seed 000, at the web shop's hours (``clock.WEB``). Many errors and
missing values are always present, each one listed in the defect manifest. Types and ObjectIds
are restored by ``mongo_documents``.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyarrow as pa

from c360.contracts import marketing_bronze as contract
from c360.contracts import truth
from c360.generate import defect_values as dv
from c360.generate import vocab
from c360.generate.arrays import ids, pick, weighted
from c360.generate.block import Block, Dimensions
from c360.generate.clock import WEB, between
from c360.generate.dirt import Dirt, Transform
from c360.generate.marketing.campaigns import campaigns
from c360.generate.marketing.documents import DocumentDirt
from c360.generate.plan import ACTIVITY_START, AS_OF, DAY, Plan
from c360.generate.rand import stream
from c360.generate.seed000.build import Seed000
from c360.generate.source_dirt import (
    ISO_TEXT,
    date_text,
    future_text_dates,
    mis_encode,
    orphan_keys,
    quota,
    shift_text_dates,
    shout,
)

Output = tuple[str, "pa.Table | Dirt"]
RATE = 0.015
CONSENT_RATE = 0.62
# Unit prices (EUR) of the seed's flat product list: low and high end.
PRICES = {
    "Laptop": (399, 2199),
    "Smartphone": (149, 1299),
    "Headphones": (25, 399),
    "Sneakers": (45, 180),
    "Tablet": (129, 999),
    "Smartwatch": (79, 599),
    "Camera": (199, 1899),
    "Jacket": (49, 299),
    "Jeans": (29, 129),
    "T-Shirt": (9, 45),
    "Dress": (25, 199),
    "Backpack": (25, 149),
    "Sunglasses": (15, 249),
    "Perfume": (29, 149),
    "Coffee Machine": (59, 899),
    "Blender": (29, 249),
    "Vacuum Cleaner": (79, 699),
    "Yoga Mat": (15, 89),
    "Bicycle": (249, 1999),
    "Running Shoes": (49, 199),
    "Novel": (7, 25),
    "Cookbook": (12, 45),
    "Face Cream": (9, 89),
    "Lipstick": (8, 45),
    "Olive Oil": (6, 35),
    "Chocolate Box": (8, 49),
    "Gaming Console": (249, 599),
    "Speaker": (29, 499),
    "Monitor": (119, 899),
    "Handbag": (39, 499),
    "Watch": (49, 999),
}
PAYMENT_WEIGHTS = (40, 18, 6, 3, 10, 6, 3, 4, 5, 3, 2)
GENDER_VARIANTS: dict[str, tuple[str, ...]] = {
    "M": ("Male", "male", "m", "H", "Homme", "MALE"),
    "F": ("Female", "female", "f", "W", "Femme", "FEMALE"),
}
CONSENT_VARIANTS: dict[str, tuple[str, ...]] = {
    "true": ("yes", "Y", "1", "oui", "TRUE"),
    "false": ("no", "N", "0", "non", "FALSE"),
}


def global_outputs(plan: Plan, dims: Dimensions) -> Iterator[Output]:
    """The campaigns collection."""
    yield contract.CAMPAIGNS.name, campaigns(plan)


def block_outputs(block: Block, base: Seed000) -> Iterator[Output]:
    """The block's contacts and their transactions."""
    plan = block.plan
    rng = block.rng("mongo_customers")
    stop = block.start + block.n
    k = quota(plan.rows(contract.CUSTOMERS), block.start, stop, plan.n_customers)
    who = np.sort(rng.choice(block.n, k, replace=False))
    customer_ids = ids("CUST", block.next_ids(contract.CUSTOMERS.name, k), 5)
    yield contract.CUSTOMERS.name, _customers(block, who, customer_ids)
    people = block.people.column("customer_id").take(who)
    yield "truth_marketing_people", pa.table({"customer_id": customer_ids, "person_id": people})
    # The customers are the identity source "marketing": evaluation scores their records.
    truth_rows = {"source": pa.array(["marketing"] * k, pa.string()), "record_id": customer_ids}
    yield (
        "truth_identity",
        pa.table(truth_rows | {"person_id": people}, schema=truth.IDENTITY.arrow_schema()),
    )
    m = quota(plan.rows(contract.TRANSACTIONS), block.start, stop, plan.n_customers)
    if k:
        yield contract.TRANSACTIONS.name, _transactions(block, customer_ids, m)


def _customers(block: Block, who: np.ndarray, customer_ids: pa.Array) -> Dirt:
    rng = block.rng("mongo_customer_fields")
    p = block.people.take(pa.array(who))
    n = len(who)
    birth = p.column("birth_date").cast(pa.int32()).to_numpy().astype(np.int64)
    age = ((AS_OF // DAY - birth) / 365.2425).astype(np.int64)
    consent = rng.random(n) < CONSENT_RATE
    table = pa.table(
        {
            "_id": pa.nulls(n, pa.string()),
            "customer_id": customer_ids,
            "first_name": p.column("first_name"),
            "last_name": p.column("last_name"),
            "email": p.column("email"),
            "phone": p.column("phone_e164"),
            "age": pa.array(age.astype(str).tolist(), pa.string()),
            "country": [vocab.COUNTRY_NAMES[c] for c in p.column("country").to_pylist()],
            "city": p.column("city"),
            "gender": p.column("gender"),
            "marketing_consent": pa.array(np.where(consent, "true", "false").tolist()),
        },
        schema=contract.CUSTOMERS.arrow_schema(),
    )
    dirt = DocumentDirt(
        contract.CUSTOMERS.name,
        table,
        "customer_id",
        stream(block.plan.seed, "dirt", contract.CUSTOMERS.name, block.start),
        RATE,
        block.plan.seed,
        {"age": "int", "marketing_consent": "bool"},
    )
    for column, weight in (
        ("first_name", 0.5),
        ("last_name", 0.5),
        ("email", 1),
        ("phone", 1),
        ("age", 1),
        ("country", 0.5),
        ("city", 0.5),
        ("gender", 0.5),
        ("marketing_consent", 1.5),
    ):
        dirt.null(column, weight)
    dirt.apply("age", "malformed_record", _age_in_words)
    dirt.apply("age", "out_of_range", _impossible_age)
    dirt.apply("marketing_consent", "malformed_record", _variant(CONSENT_VARIANTS), 1.5)
    dirt.apply("gender", "out_of_range", _variant(GENDER_VARIANTS), 1.5)
    dirt.apply("email", "malformed_email", dv.malformed_email)
    dirt.apply("phone", "malformed_phone", dv.malformed_phone)
    dirt.apply("country", "country_spelling", dv.country_spelling, 1.5)
    mis_encode(dirt, "first_name")
    mis_encode(dirt, "last_name")
    dirt.duplicate()
    dirt.duplicate(0.5, "city", shout)
    return dirt


def _transactions(block: Block, customer_ids: pa.Array, m: int) -> Dirt:
    rng = block.rng("mongo_transactions")
    k = len(customer_ids)
    activity = rng.gamma(0.8, 1.0, k)  # a few heavy buyers, some who never buy
    owner = rng.choice(k, m, p=activity / activity.sum())
    at = np.sort(between(WEB, rng.random(m), ACTIVITY_START, AS_OF))
    names = list(PRICES)
    product = weighted(rng, (1.0 / np.sqrt(np.arange(1, len(names) + 1))).tolist(), m)
    low, high = (np.array([PRICES[x][j] for x in names], dtype=float) for j in (0, 1))
    unit = np.round(np.exp(rng.uniform(np.log(low[product]), np.log(high[product]))), 0) - 0.01
    qty = np.where(unit >= 300, 1, 1 + weighted(rng, (72, 18, 6, 3, 1), m))
    amount = np.round(unit * qty, 2)
    share = np.where(rng.random(m) < 0.6, 0.0, rng.choice([0.05, 0.1, 0.15, 0.2], m))
    fixed = rng.random(m) < 0.15
    discount = np.where(
        fixed,
        np.minimum(rng.choice([5.0, 10.0, 20.0, 50.0], m), amount / 2),
        np.round(amount * share, 2),
    )
    free = (amount >= 50) & (rng.random(m) < 0.85)
    shipping = np.where(free, 0.0, rng.choice([4.99, 6.99, 9.99, 14.99], m))
    table = pa.table(
        {
            "_id": pa.nulls(m, pa.string()),
            "transaction_id": ids("TXN", block.next_ids(contract.TRANSACTIONS.name, m), 5),
            "customer_id": customer_ids.take(pa.array(owner)),
            "product": pick(names, product),
            "amount": pa.array([f"{a:.2f}" for a in amount.tolist()], pa.string()),
            "quantity": qty.astype(np.int64),
            "payment_method": pick(vocab.PAYMENT_METHODS, weighted(rng, PAYMENT_WEIGHTS, m)),
            "discount_applied": discount,
            "shipping_cost": shipping,
            "timestamp": date_text(at, ISO_TEXT),
        },
        schema=contract.TRANSACTIONS.arrow_schema(),
    )
    plan = block.plan
    dirt = DocumentDirt(
        contract.TRANSACTIONS.name,
        table,
        "transaction_id",
        stream(plan.seed, "dirt", contract.TRANSACTIONS.name, block.start),
        RATE,
        plan.seed,
        {"amount": "float", "timestamp": "date"},
    )
    for column, weight in (
        ("customer_id", 0.5),
        ("product", 0.5),
        ("payment_method", 1),
        ("discount_applied", 1),
        ("shipping_cost", 1),
        ("timestamp", 0.5),
    ):
        dirt.null(column, weight)
    dirt.apply("amount", "malformed_record", _decimal_comma, 1.5)
    dirt.apply("amount", "negative_amount", _negative_text)
    dirt.apply("quantity", "non_positive_quantity", dv.non_positive)
    dirt.apply("timestamp", "future_date", future_text_dates(ISO_TEXT))
    dirt.apply("timestamp", "invalid_date", dv.invalid_date)
    issued = plan.rows(contract.CUSTOMERS)
    dirt.apply("customer_id", "orphan_key", orphan_keys("CUST", 5, issued), 1.5)
    dirt.duplicate()
    dirt.duplicate(0.5, "timestamp", shift_text_dates(ISO_TEXT, 1, 120))
    return dirt


_UNITS = (
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def age_words(age: int) -> str:
    """An age typed out, as a free-text form field holds it.

    >>> age_words(35), age_words(40), age_words(19)
    ('thirty-five', 'forty', 'nineteen')
    """
    if age < 20:
        return _UNITS[age]
    tens, unit = divmod(age, 10)
    return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")


def _age_in_words(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    shapes = rng.integers(0, 4, len(values))
    out = [
        (age_words(int(v)), age_words(int(v)), f"{v} ans", f"{v} years")[s]
        for v, s in zip(values.to_pylist(), shapes.tolist(), strict=True)
    ]
    return pa.array(out, pa.string())


def _impossible_age(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """Ages no customer has: negative, zero, or well beyond a lifetime (-3, 212, 999)."""
    options = np.concatenate([np.arange(-5, 1), np.arange(120, 260, 7), [999]])
    return pa.array(rng.choice(options, len(values)).astype(str).tolist(), pa.string())


def _variant(variants: dict[str, tuple[str, ...]]) -> Transform:
    """Another spelling of the same value (M -> 'male', true -> 'yes')."""

    def spoil(rng: np.random.Generator, values: pa.Array) -> pa.Array:
        u = rng.random(len(values))
        return pa.array(
            [
                variants[v][int(x * len(variants[v]))]
                for v, x in zip(values.to_pylist(), u.tolist(), strict=True)
            ]
        )

    return spoil


def _decimal_comma(_rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """The amount as text with a decimal comma: '12,50'."""
    return pa.array([v.replace(".", ",") for v in values.to_pylist()], pa.string())


def _negative_text(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """The amount with its sign flipped (a refund booked as a sale)."""
    flipped = dv.negative(rng, values.cast(pa.float64()))
    return pa.array([f"{v:.2f}" for v in flipped.to_pylist()], pa.string())

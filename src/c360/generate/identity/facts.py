"""What a block's people are and were: every contact detail an identity source may have recorded.

Besides the current details of ``people``, some people moved, changed their mobile number, took a
spouse's name or use a second e-mail; households share a landline and sometimes one e-mail.
A change happened at a moment, so a record created before it may still show the old value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

import numpy as np
import pyarrow as pa

from c360.generate import vocab
from c360.generate.arrays import uniform_between
from c360.generate.block import Block
from c360.generate.identity.emails import second_emails
from c360.generate.identity.noise import CALLING_CODES
from c360.generate.people import format_street, household_emails, phones
from c360.generate.plan import AS_OF, DAY, HISTORY_START
from c360.generate.seed000.build import Seed000

MOVED, PHONE_CHANGED, SECOND_EMAIL, MARRIED = 0.07, 0.05, 0.12, 0.04
SHARED_EMAIL_MEMBERS = 0.6  # household members who give the household's e-mail somewhere
T = TypeVar("T")
LANDLINE_AREAS = {
    "FR": ("1", "2", "3", "4", "5"),
    "DE": ("30", "40", "89", "221", "69"),
    "GB": ("20", "121", "161", "131"),
    "ES": ("91", "93", "95", "96"),
}


class Address(NamedTuple):
    street: str
    postcode: str
    city: str


@dataclass(frozen=True)
class Facts:
    """Per person (block order): current and former details; ``*_at`` is 0 when nothing changed."""

    customer_id: list[str]
    first: list[str]
    last: list[str]
    country: list[str]
    language: list[str]
    birth: np.ndarray  # days since 1970
    email: list[str]
    alt_email: list[str]
    has_alt: np.ndarray
    shared_email: list[str | None]
    phone: list[str]
    old_phone: list[str | None]
    phone_changed_at: np.ndarray
    landline: list[str | None]
    street: list[str]
    postcode: list[str]
    city: list[str]
    old_address: list[Address | None]
    moved_at: np.ndarray
    maiden: list[str | None]
    married_at: np.ndarray
    sibling_first: list[str | None]
    first_seen: np.ndarray
    first_order: np.ndarray  # 0 without orders
    orders: np.ndarray
    spend_eur: np.ndarray
    consent_email: np.ndarray

    @property
    def n(self) -> int:
        return len(self.first)


def person_facts(block: Block, base: Seed000) -> Facts:
    """The identity facts of every person of the block."""
    rng, p, n = block.rng("identity_facts"), block.people, block.n
    country = p.column("country").to_pylist()
    language = p.column("language").to_pylist()
    first, last = p.column("first_name").to_pylist(), p.column("last_name").to_pylist()
    first_seen = base.customers.column("first_seen_at").cast(pa.int64()).to_numpy()
    head = p.column("household_of").to_numpy() - p.column("person")[0].as_py()
    root, sibling = _households(head, first)

    def when(share: float) -> np.ndarray:
        hit = rng.random(n) < share
        at = uniform_between(
            rng, np.maximum(first_seen, HISTORY_START) + 30 * DAY, AS_OF - 30 * DAY, n
        )
        return np.where(hit, at, 0)

    phone_changed_at, moved_at = when(PHONE_CHANGED), when(MOVED)
    gender = p.column("gender").to_numpy(zero_copy_only=False)
    birth = p.column("birth_date").cast(pa.int32()).to_numpy().astype(np.int64)
    adult = (AS_OF // DAY - birth) > 25 * 365
    married_at = np.where((gender == "F") & adult, when(MARRIED), 0)
    pick = rng.integers(0, 1 << 30, n)
    maiden = [
        _other(vocab.LAST_NAMES[language[i]], last[i], int(pick[i])) if married_at[i] else None
        for i in range(n)
    ]
    shared = (head >= 0) & (rng.random(n) < SHARED_EMAIL_MEMBERS)
    emails = p.column("email").to_pylist()
    orders = base.shop.order_owner
    first_order = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(
        first_order, orders, base.shop.orders.column("order_at").cast(pa.int64()).to_numpy()
    )
    return Facts(
        customer_id=p.column("customer_id").to_pylist(),
        first=first,
        last=last,
        country=country,
        language=language,
        birth=birth,
        email=emails,
        alt_email=second_emails(rng, first, last, country, emails),
        has_alt=rng.random(n) < SECOND_EMAIL,
        shared_email=[
            e if s else None for e, s in zip(household_emails(p).to_pylist(), shared, strict=True)
        ],
        phone=p.column("phone_e164").to_pylist(),
        old_phone=_some(
            phone_changed_at > 0, lambda who: phones(rng, [country[i] for i in who])[0]
        ),
        phone_changed_at=phone_changed_at,
        landline=_landlines(rng, country, root),
        street=p.column("street").to_pylist(),
        postcode=p.column("postcode").to_pylist(),
        city=p.column("city").to_pylist(),
        old_address=_some(moved_at > 0, lambda who: _old_addresses(rng, p, who)),
        moved_at=moved_at,
        maiden=maiden,
        married_at=married_at,
        sibling_first=sibling,
        first_seen=first_seen,
        first_order=np.where(first_order == np.iinfo(np.int64).max, 0, first_order),
        orders=base.profile.column("total_orders").to_numpy(),
        spend_eur=base.profile.column("total_spend_eur").to_numpy(),
        consent_email=base.customers.column("consent_email").to_numpy(zero_copy_only=False),
    )


def _some(mask: np.ndarray, make: Callable[[list[int]], list[T]]) -> list[T | None]:
    """``make(people)`` for the masked people only, spread back to one entry per person."""
    who = np.flatnonzero(mask).tolist()
    out: list[T | None] = [None] * len(mask)
    for i, value in zip(who, make(who), strict=True):
        out[i] = value
    return out


def _households(head: np.ndarray, first: list[str]) -> tuple[np.ndarray, list[str | None]]:
    """Each person's household root (-1 when living alone) and a housemate's first name."""
    n = len(head)
    root = np.full(n, -1, dtype=np.int64)
    sibling: list[str | None] = [None] * n
    for i in np.flatnonzero(head >= 0).tolist():
        h = int(head[i])
        root[i] = root[h] if root[h] >= 0 else h
        root[h] = root[h] if root[h] >= 0 else h
        sibling[i] = first[h]
        sibling[h] = sibling[h] or first[i]
    return root, sibling


def _other(options: tuple[str, ...], current: str, pick: int) -> str:
    name = options[pick % len(options)]
    return name if name != current else options[(pick + 1) % len(options)]


def _landlines(rng: np.random.Generator, country: list[str], root: np.ndarray) -> list[str | None]:
    """The fixed line of each household (None for people living alone): geographic area codes."""
    roots = sorted(set(root[root >= 0].tolist()))
    us, _ = phones(rng, ["US"] * len(roots))
    digits = rng.integers(0, 10, size=(len(roots), 10))
    u_area = rng.random(len(roots))
    line: dict[int, str] = {}
    for k, r in enumerate(roots):
        c = country[r]
        if c == "US":
            line[r] = us[k]
            continue
        areas = LANDLINE_AREAS[c]
        area = areas[int(u_area[k] * len(areas))]
        length = {"FR": 9, "DE": 10, "GB": 10, "ES": 9}[c] - len(area)
        line[r] = f"+{CALLING_CODES[c]}{area}{int(digits[k, 0]) % 8 + 2}" + "".join(
            map(str, digits[k, 1:length])
        )
    return [line.get(r) for r in root.tolist()]


def _old_addresses(rng: np.random.Generator, p: pa.Table, who: list[int]) -> list[Address]:
    """Where ``who`` lived before: another street, in another city two times out of three."""
    k = len(who)
    country = p.column("country").to_pylist()
    city, postcode = p.column("city").to_pylist(), p.column("postcode").to_pylist()
    u_city, u_street = rng.random(k), rng.random(k)
    other_city = rng.random(k) < 2 / 3
    number = rng.integers(1, 180, k)
    out = []
    for j, i in enumerate(who):
        c = country[i]
        options = vocab.CITIES[c]
        old_city, _region, old_postcode = options[int(u_city[j] * len(options))]
        if not other_city[j] or old_city == city[i]:
            old_city, old_postcode = city[i], postcode[i]
        names = vocab.STREETS[vocab.COUNTRY_LANGUAGE[c]]
        street = format_street(c, int(number[j]), names[int(u_street[j] * len(names))])
        out.append(Address(street, old_postcode, old_city))
    return out

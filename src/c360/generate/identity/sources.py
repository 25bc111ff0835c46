"""The four identity sources' tables, each with its own ids, columns and formats."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa

from c360.contracts import identity as contract
from c360.generate.arrays import ids, timestamps, uniform_between
from c360.generate.block import Block
from c360.generate.identity.drafts import Draft
from c360.generate.identity.facts import Facts
from c360.generate.identity.noise import drop_accents, luhn_digit
from c360.generate.identity.render import addresses, birth_dates, emails, names, phones
from c360.generate.people import ascii_fold
from c360.generate.plan import AS_OF, DAY

COUNTRY_NAMES = {
    "FR": ("France", "FRANCE", "france"),
    "DE": ("Germany", "Deutschland"),
    "GB": ("United Kingdom", "UK", "England"),
    "US": ("USA", "United States"),
    "ES": ("Spain", "España"),
}
SHOP_COUNTRIES = {
    "FR": "France",
    "US": "United States",
    "DE": "Germany",
    "ES": "Spain",
    "GB": "United Kingdom",
}
TIER_FLOORS_EUR = ((2_000.0, "platinum"), (800.0, "gold"), (200.0, "silver"), (0.0, "basic"))
LOYALTY_FIRST_NUMBER = 10_000_000  # card numbers have 8 digits before the check digit
SHOP_FIRST_ID = 1_000_000


def crm_contacts(block: Block, facts: Facts, d: Draft) -> pa.Table:
    """CRM contacts typed by sales reps: mixed phone formats, country as code or name."""
    rng = block.rng("identity_crm_render")
    first, last = names(rng, facts, d)
    shout = (rng.random(d.m) < 0.1).tolist()  # the French habit of writing surnames in capitals
    street, postcode, city = addresses(rng, facts, d, abbreviate=0.15)
    as_name, u_name = (rng.random(d.m) < 0.3).tolist(), rng.random(d.m).tolist()
    country = []
    for o, named, u in zip(d.owner.tolist(), as_name, u_name, strict=True):
        options = COUNTRY_NAMES[facts.country[o]]
        country.append(options[int(u * len(options))] if named else facts.country[o])
    return pa.table(
        {
            "crm_contact_id": ids("CRM-", block.next_ids(contract.CRM_CONTACTS.name, d.m), 7),
            "first_name": first,
            "last_name": [x.upper() if s else x for x, s in zip(last, shout, strict=True)],
            "email": emails(facts, d, "news"),
            "phone": phones(
                rng, facts, d, {"local": 45, "intl": 20, "e164": 20, "digits": 10, "dotted": 5}
            ),
            "street": street,
            "postal_code": postcode,
            "city": city,
            "country": country,
            "date_of_birth": birth_dates(rng, facts, d),
            "created_at": timestamps(d.created),
        },
        schema=contract.CRM_CONTACTS.arrow_schema(),
    )


def loyalty_members(block: Block, facts: Facts, d: Draft) -> pa.Table:
    """Loyalty cards from a legacy system: 'LAST, First', upper-case cities, numeric zips."""
    rng = block.rng("identity_loyalty_render")
    first, last = names(rng, facts, d)
    _, postcode, city = addresses(rng, facts, d, abbreviate=0.0)
    numbers = LOYALTY_FIRST_NUMBER + block.next_ids(contract.LOYALTY_MEMBERS.name, d.m)
    spend = facts.spend_eur[d.owner]
    points = np.where(
        d.second, rng.integers(0, 400, d.m), (spend * rng.uniform(0.2, 1.0, d.m)).astype(np.int64)
    )
    return pa.table(
        {
            "member_no": [f"L{n}{luhn_digit(str(n))}" for n in numbers.tolist()],
            "full_name": [f"{la.upper()}, {f}" for f, la in zip(first, last, strict=True)],
            "birth_date": [
                b.strftime("%d/%m/%Y") if b else None for b in birth_dates(rng, facts, d)
            ],
            "mobile": phones(rng, facts, d, {"digits": 65, "local": 20, "e164": 15}),
            "email": emails(facts, d, "loyalty"),
            "zip": [_legacy_zip(z) for z in postcode],
            "city": [c.upper() if c else None for c in city],
            "country_code": [facts.country[o] for o in d.owner.tolist()],
            "enrolled_at": timestamps(d.created),
            "tier": [
                _tier(s) if not again else "basic"
                for s, again in zip(spend.tolist(), d.second.tolist(), strict=True)
            ],
            "points_balance": points,
        },
        schema=contract.LOYALTY_MEMBERS.arrow_schema(),
    )


def web_accounts(block: Block, facts: Facts, d: Draft) -> pa.Table:
    """Website and app logins: a UUID, a username, E.164 phones, no address."""
    rng = block.rng("identity_web_render")
    first, last = names(rng, facts, d)
    email = emails(facts, d, "web")
    shown = rng.choice(4, d.m, p=[0.4, 0.3, 0.2, 0.1]).tolist()
    users = _usernames(rng, first, last, email)
    display = []
    for f, la, user, how in zip(first, last, users, shown, strict=True):
        display.append((f"{f} {la}", f"{f} {la[:1]}.", f, user)[how])
    login_end = np.where(d.second, np.minimum(d.created + 60 * DAY, AS_OF), AS_OF)
    opt_in = facts.consent_email[d.owner] ^ (rng.random(d.m) < 0.1)
    country = [
        None if gone else facts.country[o]
        for o, gone in zip(d.owner.tolist(), (rng.random(d.m) < 0.1).tolist(), strict=True)
    ]
    return pa.table(
        {
            "user_id": _uuids(rng, d.m),
            "username": users,
            "email": email,
            "given_name": first,
            "family_name": [
                None if gone else la for la, gone in zip(last, d.last_missing.tolist(), strict=True)
            ],
            "display_name": display,
            "phone_number": phones(rng, facts, d, {"e164": 1}),
            "country": country,
            "signup_at": timestamps(d.created),
            "last_login_at": timestamps(uniform_between(rng, d.created, login_end, d.m)),
            "marketing_opt_in": opt_in,
        },
        schema=contract.WEB_ACCOUNTS.arrow_schema(),
    )


def ecommerce_customers(block: Block, facts: Facts, d: Draft) -> pa.Table:
    """Shop accounts: billing details as typed at checkout."""
    rng = block.rng("identity_ecommerce_render")
    first, last = names(rng, facts, d)
    street, postcode, city = addresses(rng, facts, d, abbreviate=0.25)
    sloppy = (rng.random(d.m) < 0.15).tolist()  # postcodes typed lower case, without the space
    seq = block.next_ids(contract.ECOMMERCE_CUSTOMERS.name, d.m)
    return pa.table(
        {
            "shop_customer_id": SHOP_FIRST_ID + 3 * seq + rng.integers(0, 3, d.m),
            "billing_first_name": first,
            "billing_last_name": last,
            "email": emails(facts, d, "shop"),
            "phone": phones(
                rng,
                facts,
                d,
                {"local": 40, "digits": 25, "intl": 15, "e164": 10, "dotted": 5, "00": 5},
            ),
            "billing_street": street,
            "billing_city": city,
            "billing_postcode": [
                p.replace(" ", "").lower() if p and s else p
                for p, s in zip(postcode, sloppy, strict=True)
            ],
            "billing_country": [SHOP_COUNTRIES[facts.country[o]] for o in d.owner.tolist()],
            "created_at": timestamps(d.created),
        },
        schema=contract.ECOMMERCE_CUSTOMERS.arrow_schema(),
    )


def _legacy_zip(postcode: str | None) -> str | None:
    """A numeric zip field drops leading zeros; letters are stored upper case without spaces."""
    if postcode is None:
        return None
    return str(int(postcode)) if postcode.isdigit() else postcode.replace(" ", "").upper()


def _tier(spend_eur: float) -> str:
    return next(tier for floor, tier in TIER_FLOORS_EUR if spend_eur >= floor)


def _uuids(rng: np.random.Generator, m: int) -> list[str]:
    """Random (version 4) UUIDs from the block's stream, so reruns give the same ids."""
    raw = rng.integers(0, 256, (m, 16), dtype=np.uint8)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    out = []
    for row in raw:
        h = row.tobytes().hex()
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


def _usernames(
    rng: np.random.Generator, first: list[str], last: list[str], email: list[str | None]
) -> list[str]:
    """Login names as people pick them: the e-mail's local part, a name with digits…"""
    m = len(first)
    how, number, year = (
        rng.integers(0, 4, m).tolist(),
        rng.integers(1, 100, m).tolist(),
        rng.integers(1950, 2008, m).tolist(),
    )
    taken: set[str] = set()
    out = []
    for i in range(m):
        f, la = _handle(first[i]), _handle(last[i])
        local = (email[i] or "").partition("@")[0].lower()
        name = (local or f + la, f"{f}{la[:1]}{number[i]}", f"{f}_{la}", f"{f}{year[i]}")[how[i]]
        while name in taken:
            name += str(int(rng.integers(0, 10)))
        taken.add(name)
        out.append(name)
    return out


@lru_cache(maxsize=1 << 14)
def _handle(name: str) -> str:
    return "".join(c for c in ascii_fold(drop_accents(name)) if c.isalnum())

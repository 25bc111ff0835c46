"""Turn a draft's flags into the text a source holds: names, e-mails, phones, addresses, births."""

from __future__ import annotations

import datetime as dt

import numpy as np

from c360.generate.identity.drafts import (
    DOB_DAY_MONTH,
    DOB_MISSING,
    DOB_YEAR,
    EMAIL_ALT,
    EMAIL_CANONICAL,
    EMAIL_SHARED,
    PHONE_CURRENT,
    PHONE_LANDLINE,
    PHONE_OLD,
    Draft,
)
from c360.generate.identity.facts import Facts
from c360.generate.identity.noise import (
    EMAIL_VARIANTS,
    PHONE_STYLES,
    TYPO_KINDS,
    abbreviate_street,
    drop_accents,
    email_variant,
    format_phone,
    nickname,
    typo,
)

EPOCH = dt.date(1970, 1, 1).toordinal()


def names(rng: np.random.Generator, facts: Facts, d: Draft) -> tuple[list[str], list[str]]:
    """(first, last) of every record with its nickname, typos, dropped accents and swap."""
    m = d.m
    kind = rng.integers(0, len(TYPO_KINDS), (m, 2)).tolist()
    at = rng.integers(0, 1 << 20, (m, 3)).tolist()
    german = (rng.random(m) < 0.5).tolist()
    flags = zip(
        d.owner.tolist(),
        d.nickname.tolist(),
        d.typo_first.tolist(),
        d.typo_last.tolist(),
        d.accents.tolist(),
        d.swap.tolist(),
        d.maiden.tolist(),
        strict=True,
    )
    firsts, lasts = [], []
    for r, (o, nick, typo_first, typo_last, plain, swap, maiden) in enumerate(flags):
        first = facts.first[o]
        last = (facts.maiden[o] or facts.last[o]) if maiden else facts.last[o]
        if nick:
            first = nickname(first, at[r][2]) or first
        if typo_first:
            first = typo(first, TYPO_KINDS[kind[r][0]], at[r][0], at[r][2])
        if typo_last:
            last = typo(last, TYPO_KINDS[kind[r][1]], at[r][1], at[r][2])
        if plain:
            g = german[r] and facts.country[o] == "DE"
            first, last = drop_accents(first, g), drop_accents(last, g)
        if swap:
            first, last = last, first
        firsts.append(first)
        lasts.append(last)
    return firsts, lasts


def emails(facts: Facts, d: Draft, tag: str) -> list[str | None]:
    """The e-mail each record gives, in the spelling it was typed."""
    out: list[str | None] = []
    for o, kind, variant in zip(
        d.owner.tolist(), d.email_kind.tolist(), d.email_variant.tolist(), strict=True
    ):
        email = {
            EMAIL_CANONICAL: facts.email[o],
            EMAIL_ALT: facts.alt_email[o],
            EMAIL_SHARED: facts.shared_email[o],
        }.get(kind)
        if email is not None and variant >= 0:
            email = email_variant(email, EMAIL_VARIANTS[variant], tag)
        out.append(email)
    return out


def phones(
    rng: np.random.Generator, facts: Facts, d: Draft, styles: dict[str, int]
) -> list[str | None]:
    """The number each record gives, written in one of the source's usual ``styles`` (weights)."""
    names_ = list(styles)
    assert set(names_) <= set(PHONE_STYLES), names_
    weights = np.array(list(styles.values()), dtype=float)
    style = rng.choice(len(names_), d.m, p=weights / weights.sum()).tolist()
    out: list[str | None] = []
    for r, (o, kind) in enumerate(zip(d.owner.tolist(), d.phone_kind.tolist(), strict=True)):
        number = {
            PHONE_CURRENT: facts.phone[o],
            PHONE_OLD: facts.old_phone[o],
            PHONE_LANDLINE: facts.landline[o],
        }.get(kind)
        out.append(
            None if number is None else format_phone(number, facts.country[o], names_[style[r]])
        )
    return out


def addresses(
    rng: np.random.Generator, facts: Facts, d: Draft, abbreviate: float
) -> tuple[list[str | None], list[str | None], list[str | None]]:
    """(street, postcode, city) per record: old or current, shortened, unaccented or missing."""
    short = (rng.random(d.m) < abbreviate).tolist()
    rows = zip(
        d.owner.tolist(),
        d.old_address.tolist(),
        d.accents.tolist(),
        d.street_missing.tolist(),
        d.postcode_missing.tolist(),
        d.city_missing.tolist(),
        strict=True,
    )
    streets: list[str | None] = []
    postcodes: list[str | None] = []
    cities: list[str | None] = []
    for r, (o, old, plain, no_street, no_postcode, no_city) in enumerate(rows):
        former = facts.old_address[o]
        street, postcode, city = (
            former if old and former else (facts.street[o], facts.postcode[o], facts.city[o])
        )
        if short[r]:
            street = abbreviate_street(street)
        if plain:
            street, city = drop_accents(street), drop_accents(city)
        streets.append(None if no_street else street)
        postcodes.append(None if no_postcode else postcode)
        cities.append(None if no_city else city)
    return streets, postcodes, cities


def birth_dates(rng: np.random.Generator, facts: Facts, d: Draft) -> list[dt.date | None]:
    """Birth dates as entered: day and month swapped (when both fit), a year slip, or unknown."""
    slip = rng.choice([-10, -1, 1, 10], d.m).tolist()
    out: list[dt.date | None] = []
    for r, (o, kind) in enumerate(zip(d.owner.tolist(), d.dob_kind.tolist(), strict=True)):
        if kind == DOB_MISSING:
            out.append(None)
            continue
        day = dt.date.fromordinal(EPOCH + int(facts.birth[o]))
        if kind == DOB_DAY_MONTH and day.day <= 12:
            day = day.replace(month=day.day, day=day.month)
        elif kind == DOB_YEAR:
            day = _replace_year(day, day.year + slip[r])
        out.append(day)
    return out


def _replace_year(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)

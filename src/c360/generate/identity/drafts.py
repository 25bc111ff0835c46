"""Which people each identity source holds, and which noise each of its records carries.

A draft is decided as flags (which e-mail, which phone, typo or not…) so a guard can check that
every record keeps at least two strong signals of its person before any text is written.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from c360.generate import vocab
from c360.generate.arrays import uniform_between
from c360.generate.identity.facts import Facts
from c360.generate.plan import ACTIVITY_START, AS_OF, DAY, HISTORY_START

EMAIL_CANONICAL, EMAIL_ALT, EMAIL_SHARED, EMAIL_MISSING = 0, 1, 2, 3
PHONE_CURRENT, PHONE_OLD, PHONE_LANDLINE, PHONE_MISSING = 0, 1, 2, 3
DOB_OK, DOB_MISSING, DOB_DAY_MONTH, DOB_YEAR = 0, 1, 2, 3
MAX_SHARE = 0.98


@dataclass(frozen=True)
class Style:
    """How one source sees people: coverage, duplicates and its habits (rates per record)."""

    source: str
    share: float  # of people with a record
    affinity: str  # all | buyers | young: who joins more often
    duplicate: float  # of members with a second record
    stale: float  # a record created before a change keeps the old value
    email_missing: float
    phone_missing: float
    landline: float  # household members giving the shared landline
    shared_email: float  # members with a shared household e-mail giving it here
    alt_email: float  # people with a second e-mail giving it here
    email_variant: float
    typo: float  # per name field
    nickname: float  # of records whose first name has a short form
    swap: float
    accents: float
    dob_missing: float = 1.0  # 1.0: the source has no birth date
    street_missing: float = 1.0  # 1.0: the source has no street
    postcode_missing: float = 0.0
    city_missing: float = 0.0
    last_missing: float = 0.0
    unique_email: bool = False  # an account login: never shared, a second account has another


@dataclass
class Draft:
    """One source's records as flags, record by record; ``owner`` indexes ``Facts``."""

    owner: np.ndarray
    second: np.ndarray  # the person's second record in this source
    created: np.ndarray
    email_kind: np.ndarray
    email_variant: np.ndarray  # index into EMAIL_VARIANTS, -1 for none
    phone_kind: np.ndarray
    old_address: np.ndarray
    street_missing: np.ndarray
    postcode_missing: np.ndarray
    city_missing: np.ndarray
    dob_kind: np.ndarray
    typo_first: np.ndarray
    typo_last: np.ndarray
    last_missing: np.ndarray
    nickname: np.ndarray
    swap: np.ndarray
    accents: np.ndarray
    maiden: np.ndarray
    locked_email: np.ndarray  # chosen to tell two accounts apart: the guard must keep it

    @property
    def m(self) -> int:
        return len(self.owner)

    def take(self, order: np.ndarray) -> Draft:
        """The records in another order."""
        return Draft(**{k: v[order] for k, v in vars(self).items()})


def memberships(rng: np.random.Generator, facts: Facts, styles: tuple[Style, ...]) -> np.ndarray:
    """(people x sources) booleans; nobody is left out of every source (the CRM takes them)."""
    age = (AS_OF // DAY - facts.birth) / 365.25
    member = np.zeros((facts.n, len(styles)), dtype=bool)
    for j, style in enumerate(styles):
        weight = {
            "all": np.ones(facts.n),
            "buyers": 0.35 + (facts.orders > 0),
            "young": np.where(age < 45, 1.2, 0.85),
        }[style.affinity]
        p = np.minimum(MAX_SHARE, style.share * weight / weight.mean())
        member[:, j] = rng.random(facts.n) < p
    member[~member.any(axis=1), 0] = True
    return member


def draft(rng: np.random.Generator, facts: Facts, style: Style, member: np.ndarray) -> Draft:
    """The records of one source for its members, noise flags drawn and guarded."""
    people = np.flatnonzero(member)
    twice = rng.random(len(people)) < style.duplicate
    owner = np.sort(np.concatenate([people, people[twice]]))
    m = len(owner)
    second = np.zeros(m, dtype=bool)
    second[1:] = owner[1:] == owner[:-1]
    created = _created(rng, facts, style, owner, second)

    def flag(rate: float | np.ndarray) -> np.ndarray:
        return rng.random(m) < rate

    def stale(changed_at: np.ndarray) -> np.ndarray:
        return (created < changed_at[owner]) & flag(style.stale)

    has_two = np.zeros(facts.n, dtype=bool)
    has_two[owner[second]] = True
    locked = has_two[owner] & style.unique_email
    email_kind = np.full(m, EMAIL_CANONICAL, dtype=np.int8)
    email_kind[facts.has_alt[owner] & flag(style.alt_email)] = EMAIL_ALT
    shared = np.array([facts.shared_email[o] is not None for o in owner.tolist()], dtype=bool)
    email_kind[shared & flag(style.shared_email)] = EMAIL_SHARED
    email_kind[flag(style.email_missing)] = EMAIL_MISSING
    if style.unique_email:
        # Of two accounts, the second has whichever of the person's two addresses the first lacks.
        first_kind = email_kind[np.flatnonzero(second) - 1]
        email_kind[second] = np.where(first_kind == EMAIL_CANONICAL, EMAIL_ALT, EMAIL_CANONICAL)

    phone_kind = np.full(m, PHONE_CURRENT, dtype=np.int8)
    phone_kind[stale(facts.phone_changed_at)] = PHONE_OLD
    landline = np.array([facts.landline[o] is not None for o in owner.tolist()], dtype=bool)
    phone_kind[landline & flag(style.landline)] = PHONE_LANDLINE
    phone_kind[flag(style.phone_missing)] = PHONE_MISSING

    dob_kind = np.full(m, DOB_OK, dtype=np.int8)
    us = np.array([facts.country[o] == "US" for o in owner.tolist()], dtype=bool)
    dob_kind[flag(np.where(us, 0.12, 0.01))] = DOB_DAY_MONTH  # US customers type MM/DD
    dob_kind[flag(0.005)] = DOB_YEAR
    dob_kind[flag(style.dob_missing)] = DOB_MISSING

    # A second record is a hastier entry: twice the slips.
    slips = np.where(second, 2.0, 1.0)
    sibling_clash = np.array(
        [_clash(facts.first[o], facts.sibling_first[o]) for o in owner.tolist()], dtype=bool
    )
    has_nick = np.array([facts.first[o] in vocab.NICKNAMES for o in owner.tolist()], dtype=bool)
    d = Draft(
        owner=owner,
        second=second,
        created=created,
        email_kind=email_kind,
        email_variant=np.where(flag(style.email_variant), rng.choice(5, m, p=_VARIANT_WEIGHTS), -1),
        phone_kind=phone_kind,
        old_address=stale(facts.moved_at),
        street_missing=flag(style.street_missing),
        postcode_missing=flag(style.postcode_missing),
        city_missing=flag(style.city_missing),
        dob_kind=dob_kind,
        typo_first=flag(style.typo * slips) & ~sibling_clash,
        typo_last=flag(style.typo * slips),
        last_missing=(last_missing := flag(style.last_missing)),
        nickname=flag(style.nickname * slips) & has_nick & ~sibling_clash,
        swap=flag(style.swap) & ~last_missing,
        accents=flag(style.accents),
        maiden=stale(facts.married_at),
        locked_email=locked,
    )
    guard(d)
    return d


# capitalised, upper, plus, gmail_dots, googlemail (EMAIL_VARIANTS)
_VARIANT_WEIGHTS = np.array([30, 10, 30, 25, 5]) / 100


def _clash(first: str, sibling: str | None) -> bool:
    """Could a slip or a short form turn the name into a housemate's (a twin's)?

    Slips spare the first letter, so different initials keep names apart, short forms aside.
    """
    if sibling is None:
        return False
    return first[:1] == sibling[:1] or sibling in vocab.NICKNAMES.get(first, ())


def _created(
    rng: np.random.Generator, facts: Facts, style: Style, owner: np.ndarray, second: np.ndarray
) -> np.ndarray:
    """When each record was created; a second record comes at least a month after the first."""
    m = len(owner)
    seen = facts.first_seen[owner]
    if style.source == "crm":
        created = np.minimum(seen + rng.integers(0, 3 * DAY, m), AS_OF - DAY)
    elif style.source == "loyalty":
        created = uniform_between(rng, seen, AS_OF - 14 * DAY, m)
    elif style.source == "web":
        created = uniform_between(
            rng, np.maximum(HISTORY_START, seen - 180 * DAY), AS_OF - 7 * DAY, m
        )
    else:
        bought = facts.first_order[owner]
        anytime = uniform_between(
            rng, np.maximum(seen, ACTIVITY_START - 365 * DAY), AS_OF - 7 * DAY, m
        )
        created = np.where(bought > 0, bought - rng.integers(60, 7200, m), anytime)
    previous = np.roll(created, 1)
    later = uniform_between(rng, np.minimum(previous + 30 * DAY, AS_OF - DAY), AS_OF - DAY, m)
    return np.where(second, later, created)


def strong_signals(d: Draft) -> np.ndarray:
    """How many details of each record a careful matcher can rely on (0-5)."""
    email_ok = d.email_kind == EMAIL_CANONICAL
    phone_ok = d.phone_kind == PHONE_CURRENT
    dob_ok = d.dob_kind == DOB_OK
    address_ok = ~d.old_address & ~d.street_missing & ~d.postcode_missing
    name_ok = ~(d.typo_first | d.typo_last | d.last_missing | d.nickname | d.maiden)
    return email_ok.astype(int) + phone_ok + dob_ok + address_ok + name_ok


def guard(d: Draft) -> None:
    """Undo noise on records left with fewer than two strong signals.

    Repairs the e-mail first (unless it tells two accounts apart), then the phone, then the name;
    a current phone and a clean name are two signals, so every record ends with two.
    """
    weak = strong_signals(d) < 2
    d.email_kind[weak & ~d.locked_email] = EMAIL_CANONICAL
    weak = strong_signals(d) < 2
    d.phone_kind[weak] = PHONE_CURRENT
    weak = strong_signals(d) < 2
    for flags in (d.typo_first, d.typo_last, d.last_missing, d.nickname, d.maiden):
        flags[weak] = False

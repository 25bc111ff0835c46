"""The synthetic population: one person per seed-000 customer, with names, contact and address.

Every source (CRM, marketing, e-commerce, identity systems) describes these same people, which is
what lets identity resolution and joins across seeds be scored.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pyarrow as pa

from c360.generate import vocab
from c360.generate.arrays import ids, pick, uniform_between, weighted
from c360.generate.plan import AS_OF, DAY, Plan
from c360.generate.rand import stream

COUNTRY_WEIGHTS = {"FR": 30, "US": 20, "DE": 20, "ES": 15, "GB": 15}
LOCALE_OF_LANGUAGE = {"fr": "fr_FR", "en": "en_US", "de": "de_DE", "es": "es_ES"}
HOUSEHOLD_SHARE = 0.04  # people living with the previous person (same surname, address, landline)
TWIN_SHARE = 0.25  # of household members: born the same day as the previous person


# Letters that Unicode does not decompose into a base letter plus accents.
_FOLD = str.maketrans(
    {
        "ß": "ss",
        "ı": "i",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "đ": "d",
    }
)


def strip_accents(text: str) -> str:
    """``text`` without accents, as a system that cannot store them writes it.

    >>> strip_accents("Hélène Núñez-Çelik Groß")
    'Helene Nunez-Celik Gross'
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def ascii_fold(text: str) -> str:
    """Lower-case ASCII form of a name, for e-mail addresses.

    >>> ascii_fold("Hélène Lefèvre-Núñez")
    'helene lefevre-nunez'
    """
    return "".join(c for c in strip_accents(text).lower() if c.isascii())


def _slug(names: list[str]) -> list[str]:
    return [ascii_fold(n).replace(" ", "").replace("'", "") for n in names]


def people(plan: Plan, start: int, stop: int) -> pa.Table:
    """Persons ``start``..``stop - 1``; the same block always gives the same people."""
    rng = stream(plan.seed, "people", start)
    n = stop - start
    person = np.arange(start, stop, dtype=np.int64)
    countries = list(COUNTRY_WEIGHTS)
    country_i = weighted(rng, list(COUNTRY_WEIGHTS.values()), n)
    country = np.array(countries, dtype=object)[country_i]
    language = np.array([vocab.COUNTRY_LANGUAGE[c] for c in countries], dtype=object)[country_i]
    # A few people speak another language than their country's (expats, cross-border clients).
    expat = rng.random(n) < 0.05
    language[expat] = np.array(vocab.LANGUAGES, dtype=object)[rng.integers(0, 4, expat.sum())]

    first, gender, last = [], [], []
    u_first, u_last = rng.random(n), rng.random(n)
    for i in range(n):
        firsts = vocab.FIRST_NAMES[language[i]]
        name, sex = firsts[int(u_first[i] * len(firsts))]
        lasts = vocab.LAST_NAMES[language[i]]
        first.append(name)
        gender.append(sex)
        last.append(lasts[int(u_last[i] * len(lasts))])

    birth = uniform_between(rng, AS_OF - 80 * 365 * DAY, AS_OF - 18 * 365 * DAY, n) // DAY
    cities, regions, postcodes, streets = [], [], [], []
    u_city, u_street, house_no = rng.random(n), rng.random(n), rng.integers(1, 180, n)
    for i in range(n):
        options = vocab.CITIES[country[i]]
        city, region, postcode = options[int(u_city[i] * len(options))]
        cities.append(city)
        regions.append(region)
        postcodes.append(postcode)
        street_names = vocab.STREETS[vocab.COUNTRY_LANGUAGE[country[i]]]
        streets.append(
            format_street(
                country[i], int(house_no[i]), street_names[int(u_street[i] * len(street_names))]
            )
        )

    household_of: np.ndarray = np.full(n, -1, dtype=np.int64)
    member = rng.random(n) < HOUSEHOLD_SHARE
    member[0] = False
    for i in np.flatnonzero(member).tolist():
        household_of[i] = person[i - 1]
        last[i], country[i], language[i] = last[i - 1], country[i - 1], language[i - 1]
        cities[i], regions[i], postcodes[i], streets[i] = (
            cities[i - 1],
            regions[i - 1],
            postcodes[i - 1],
            streets[i - 1],
        )
        # A household speaks one language: draw the member's first name in it, never the head's.
        firsts = vocab.FIRST_NAMES[language[i]]
        k = int(u_first[i] * len(firsts))
        if firsts[k][0] == first[i - 1]:
            k = (k + 1) % len(firsts)
        first[i], gender[i] = firsts[k]
        if rng.random() < TWIN_SHARE:
            birth[i] = birth[i - 1]

    e164, local = phones(rng, list(country))
    emails = _emails(rng, first, last, list(country))
    return pa.table(
        {
            "person": person,
            "customer_id": ids("CUST_", person + 1, 6),
            "first_name": first,
            "last_name": last,
            "gender": gender,
            "birth_date": pa.array(birth.astype("datetime64[D]"), pa.date32()),
            "language": pa.array(language.tolist(), pa.string()),
            "locale": pa.array([LOCALE_OF_LANGUAGE[x] for x in language], pa.string()),
            "country": pa.array(country.tolist(), pa.string()),
            "city": cities,
            "region": regions,
            "postcode": postcodes,
            "street": streets,
            "phone_e164": e164,
            "phone_local": local,
            "email": emails,
            "household_of": household_of,
        }
    )


def format_street(country: str, number: int, street: str) -> str:
    if country in ("DE",):
        return f"{street} {number}"
    if country == "ES":
        return f"{street}, {number}"
    return f"{number} {street}"


# Mobile ranges in service, as ``phonenumbers`` validates them: a clean number must be a valid one.
FR_MOBILE = tuple(
    str(p) for p in [*range(600, 690), 695, 698, 699, *range(730, 800)] if p != 639
)  # 06 and 073-079 (0639, 0690-0694, 0696, 0697 and 070-072 are not allocated)
GB_MOBILE = tuple(
    f"7{rest}" for rest in range(400, 1000) if str(rest)[0] in "45789" and rest not in (700, 911)
)  # 074xx-079xx (07700 and 07911 are partly reserved)


def phones(rng: np.random.Generator, countries: list[str]) -> tuple[list[str], list[str]]:
    """Mobile numbers per country: E.164 and the way people write them at home."""
    n = len(countries)
    d = rng.integers(0, 10, size=(n, 10))
    area = np.array([212, 312, 415, 617, 713, 305, 206, 404, 512, 303, 646, 818])[
        rng.integers(0, 12, n)
    ]
    e164, local = [], []
    for i, c in enumerate(countries):
        s = "".join(map(str, d[i]))
        if c == "FR":
            nat = FR_MOBILE[int(s[:3]) % len(FR_MOBILE)] + s[3:9]
            e164.append("+33" + nat)
            local.append("0" + nat[0] + " " + " ".join(nat[k : k + 2] for k in range(1, 9, 2)))
        elif c == "US":
            exch = str(200 + int(s[:3]) % 800)
            e164.append(f"+1{area[i]}{exch}{s[3:7]}")
            local.append(f"({area[i]}) {exch}-{s[3:7]}")
        elif c == "DE":
            nat = "15" + "179"[d[i, 0] % 3] + s[1:9]
            e164.append("+49" + nat)
            local.append("0" + nat[:3] + " " + nat[3:])
        elif c == "ES":
            nat = "6" + s[1:9]
            e164.append("+34" + nat)
            local.append(f"{nat[:3]} {nat[3:5]} {nat[5:7]} {nat[7:9]}")
        else:  # GB
            nat = GB_MOBILE[int(s[:3]) % len(GB_MOBILE)] + s[3:9]
            e164.append("+44" + nat)
            local.append("0" + nat[:4] + " " + nat[4:])
    return e164, local


def _emails(
    rng: np.random.Generator, first: list[str], last: list[str], countries: list[str]
) -> list[str]:
    n = len(first)
    f, la = _slug(first), _slug(last)
    style = weighted(rng, [35, 15, 20, 15, 15], n)
    number = rng.integers(1, 100, n)
    year = rng.integers(60, 100, n)
    domain = np.empty(n, dtype=object)
    u_dom = rng.random(n)
    country = np.array(countries, dtype=object)
    for c in sorted(set(countries)):
        names = np.array([d for d, _ in vocab.EMAIL_DOMAINS[c]], dtype=object)
        cum = np.cumsum([w for _, w in vocab.EMAIL_DOMAINS[c]])
        here = country == c
        domain[here] = names[np.searchsorted(cum, u_dom[here] * cum[-1], side="right")]
    out = []
    for i, (s, num, yy) in enumerate(
        zip(style.tolist(), number.tolist(), year.tolist(), strict=True)
    ):
        if s == 0:
            local = f"{f[i]}.{la[i]}"
        elif s == 1:
            local = f"{f[i][0]}{la[i]}"
        elif s == 2:
            local = f"{f[i]}.{la[i]}{num}"
        elif s == 3:
            local = f"{f[i]}{la[i][0]}{yy}"
        else:
            local = f"{f[i]}_{la[i]}"
        out.append(f"{local}@{domain[i]}")
    return out


GMAIL = ("gmail.com", "googlemail.com")


def mailbox(email: str) -> str:
    """The mailbox an address reaches: case does not matter, nor at Gmail dots or the old domain.

    >>> mailbox("Marie.Dupont@googlemail.com"), mailbox("Marie.Dupont@web.de")
    ('mariedupont@gmail.com', 'marie.dupont@web.de')
    """
    local, _, domain = email.lower().partition("@")
    return f"{local.replace('.', '')}@{GMAIL[0]}" if domain in GMAIL else f"{local}@{domain}"


def make_emails_unique(block: pa.Table, taken: set[str]) -> pa.Table:
    """Give an e-mail whose mailbox is taken (here or in an earlier block) a ``-<n>`` suffix.

    Uniqueness is by mailbox, so two people never share one Gmail inbox through dots or
    googlemail.com; ``taken`` is updated with every mailbox claimed.
    """
    emails = block.column("email").to_pylist()
    persons = block.column("person").to_pylist()
    for i, email in enumerate(emails):
        local, _, domain = email.partition("@")
        k = 0
        while mailbox(email) in taken:
            k += 1
            email = f"{local}-{persons[i] + 1}{'' if k == 1 else k}@{domain}"
        emails[i] = email
        taken.add(mailbox(email))
    return block.set_column(block.schema.get_field_index("email"), "email", pa.array(emails))


def household_emails(block: pa.Table) -> pa.Array:
    """The e-mail a household shares: the head's address, for members; else the person's own."""
    head = block.column("household_of").to_numpy()
    idx = np.where(head >= 0, head - block.column("person")[0].as_py(), np.arange(block.num_rows))
    return pick(block.column("email").to_pylist(), idx)

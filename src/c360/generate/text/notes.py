"""CRM notes: one text file per customer, with topic/sentiment labels and exact PII spans."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from c360.generate.text.banks import (
    FREE_MAIL_DOMAINS,
    GENDERS,
    LEGAL_SUFFIXES,
    NOTE_BANKS,
    NOTE_TOPICS,
    SENTIMENTS,
    TOPIC_TAGS,
    NoteBank,
    Segments,
    ascii_slug,
)

LIFECYCLE_STAGES: tuple[str, ...] = ("lead", "prospect", "active", "at_risk", "churned")
REQUIRED_COLUMNS: tuple[str, ...] = (
    "customer_id",
    "language",
    "first_name",
    "last_name",
    "email",
    "phone",
    "country",
    "lifecycle_stage",
    "note_date",
    "account_name",
    "product_names",
)

# Topic mix per lifecycle stage (last row: unknown stage); columns follow NOTE_TOPICS.
_TOPIC_WEIGHTS = np.array(
    [
        [35, 25, 3, 2, 0, 2, 5, 10, 0, 0],
        [25, 30, 3, 3, 0, 2, 10, 10, 0, 2],
        [10, 8, 16, 12, 10, 6, 8, 12, 2, 10],
        [3, 10, 16, 10, 10, 18, 2, 5, 18, 8],
        [2, 6, 6, 10, 4, 24, 0, 3, 35, 5],
        [10, 10, 10, 10, 10, 10, 10, 10, 10, 10],
    ],
    dtype=float,
)
# Sentiment (positive, neutral, negative) per stage, then a multiplier per topic.
_STAGE_SENTIMENT = np.array(
    [
        [0.35, 0.50, 0.15],
        [0.35, 0.45, 0.20],
        [0.50, 0.35, 0.15],
        [0.15, 0.30, 0.55],
        [0.10, 0.30, 0.60],
        [0.34, 0.33, 0.33],
    ]
)
_TOPIC_SENTIMENT = np.array(
    [
        [1.3, 1.2, 0.5],
        [0.9, 1.0, 1.2],
        [0.7, 1.1, 1.3],
        [0.7, 1.3, 1.0],
        [1.3, 1.0, 0.9],
        [0.3, 0.8, 2.2],
        [1.3, 1.0, 0.7],
        [1.0, 1.2, 0.8],
        [0.25, 0.8, 2.2],
        [0.5, 1.0, 1.6],
    ]
)
_TOPIC_CUM = np.cumsum(_TOPIC_WEIGHTS / _TOPIC_WEIGHTS.sum(1, keepdims=True), axis=1)
_SENT_P = _STAGE_SENTIMENT[:, None, :] * _TOPIC_SENTIMENT[None, :, :]
_SENT_CUM = np.cumsum(_SENT_P / _SENT_P.sum(-1, keepdims=True), axis=-1)
_STAGE_INDEX = {s: i for i, s in enumerate(LIFECYCLE_STAGES)}

_COUNTRY_CODES = {"FR": "33", "US": "1", "DE": "49", "ES": "34", "GB": "44"}
_PHONE_STYLES = {
    "FR": ("dot", "compact", "intl"),
    "US": ("dash", "dot", "intl"),
    "DE": ("slash", "compact", "intl"),
    "ES": ("compact", "intl"),
    "GB": ("compact", "intl"),
}
_AMOUNTS = (49, 89, 120, 180, 250, 380, 450, 600, 750, 890, 1200, 1500, 2400, 3200, 4800)
_PCTS = (5, 8, 10, 12, 15, 20, 25)
_CURRENCY = {"US": "$", "GB": "£"}


def _tag_lines() -> list[list[str]]:
    """Per topic, the 9 TAGS values: the main tag plus 0-2 others, by (count, start)."""
    out = []
    for topic in NOTE_TOPICS:
        main, *others = TOPIC_TAGS[topic]
        lines = []
        for k in range(3):
            for start in range(3):
                picked = sorted((start + j) % len(others) for j in range(k))
                lines.append(
                    ", ".join(["crm", "customer_knowledge", main, *(others[i] for i in picked)])
                )
        out.append(lines)
    return out


_TAGS = _tag_lines()

# Columns of the per-row random integer matrix.
(
    _R_FORM,
    _R_CONTACT,
    _R_CONTEXT,
    _R_DETAIL,
    _R_OUT1,
    _R_OUT2,
    _R_MOOD,
    _R_NEXT,
    _R_COORDS,
    _R_PEOPLE,
    _R_WHO,
    _R_MAILFMT,
    _R_PHONE,
    _R_PRODUCT,
    _R_TAGS,
    _R_VERBOSE,
    _R_COORDPOS,
    _R_EXTRA,
    _R_DAY,
    _R_AMOUNT,
    _R_TICKET,
    _R_OPT,
) = range(22)
_N_RAND = _R_OPT + 5  # the last 5 columns decide the optional lines
_VERBOSITY = (20, 50, 80)


@dataclass(frozen=True)
class RenderedNotes:
    """Note file texts (input order), their labels and the PII spans planted in them."""

    texts: list[str]
    labels: pa.Table
    pii_spans: pa.Table


def phone_variant(phone: str, country: str | None, k: int) -> str:
    """Another usual spelling of a national phone number (k picks which; unknown -> unchanged)."""
    groups = "".join(c if c.isdigit() else " " for c in phone).split()
    styles = _PHONE_STYLES.get(country or "")
    if len(groups) < 2 or styles is None:
        return phone
    style = styles[k % len(styles)]
    if style == "dot":
        return ".".join(groups)
    if style == "dash":
        return "-".join(groups)
    if style == "slash":
        return groups[0] + "/" + "".join(groups[1:])
    if style == "compact":
        return "".join(groups)
    head = groups[0][1:] if groups[0].startswith("0") else groups[0]
    return f"+{_COUNTRY_CODES[country or '']} " + " ".join(
        [head, *groups[1:]] if head else groups[1:]
    )


def _amount(value: int, language: str, country: str | None) -> str:
    """A price as a rep would type it: "1 200 €", "1.200 €", "$1,200", "£450"."""
    if language == "en":
        return f"{_CURRENCY.get(country or '', '€')}{value:,}"
    sep = " " if language == "fr" else "."
    return f"{value:,}".replace(",", sep) + " €"


def _gender(first: str, cache: dict[str, int | None]) -> int | None:
    """0 male, 1 female, None unknown (then no title is used)."""
    if first in cache:
        return cache[first]
    key = first.lower()
    g = GENDERS.get(key)
    if g is None and "-" in key:
        g = GENDERS.get(key.split("-", 1)[0])
    cache[first] = g
    return g


def _company_slug(account: str) -> str:
    """Domain label for a company: legal form dropped, ASCII letters and digits only."""
    for suffix in LEGAL_SUFFIXES:
        if account.endswith(" " + suffix):
            account = account[: -len(suffix) - 1]
            break
    return ascii_slug(account) or "client"


def _emit(
    tpl: Segments,
    vals: dict[str, str],
    pii: dict[str, tuple[str, int, str]],
    parts: list[str],
    spans: list[tuple[int, int, int, str, str]],
    row: int,
    pos: int,
) -> int:
    """Append one template's text to parts, record (row, start, end, type, value) spans."""
    for literal, field in tpl:
        if literal:
            parts.append(literal)
            pos += len(literal)
        if field is not None:
            value = vals[field]
            p = pii.get(field)
            if p is not None:
                kind, off, text = p
                spans.append((row, pos + off, pos + off + len(text), kind, text))
            parts.append(value)
            pos += len(value)
    return pos


def _people_line(
    bank: NoteBank,
    r: list[int],
    has_account: bool,
    email: str | None,
    account: str | None,
    country: str | None,
    vals: dict[str, str],
    pii: dict[str, tuple[str, int, str]],
    mask: int,
) -> Segments | None:
    """Pick a colleague (BrandCo) or customer-side assistant line and fill its fields."""
    assistant = has_account and r[_R_PEOPLE] % 3 == 0
    people = bank.assistants if assistant else bank.staff
    who = people[r[_R_WHO] % len(people)]
    name = f"{who.first} {who.last}" if r[_R_WHO] % 5 < 3 else who.first
    local = who.locals[r[_R_MAILFMT] % 3]
    if assistant:
        domain = email.rsplit("@", 1)[1].lower() if email and "@" in email else ""
        if not domain or domain in FREE_MAIL_DOMAINS:
            tld = {"US": "com", "GB": "co.uk"}.get(country or "", (country or "com").lower())
            domain = f"{_company_slug(account or '')}.{tld}"
        field, mail_field, slot = "assistant", "assistant_email", bank.assistant
    else:
        domain = bank.mail_domain
        field, mail_field, slot = "colleague", "colleague_email", bank.colleague
    address = f"{local}@{domain}"
    vals[field], vals[mail_field] = name, address
    pii[field] = ("PERSON", 0, name)
    pii[mail_field] = ("EMAIL", 0, address)
    pool = slot.pools[mask]
    return pool[r[_R_PEOPLE] // 3 % len(pool)] if pool else None


def render_notes(customers: pa.Table, rng: np.random.Generator) -> RenderedNotes:
    """Write one CRM note per customer row; topic, sentiment and wording drawn from rng."""
    missing = [c for c in REQUIRED_COLUMNS if c not in customers.column_names]
    if missing:
        raise ValueError(f"customers table lacks columns: {missing}")
    col = {c: customers.column(c).to_pylist() for c in REQUIRED_COLUMNS}
    n = customers.num_rows
    languages: list[str] = col["language"]
    unknown = sorted({str(lang) for lang in languages if lang not in NOTE_BANKS})
    if unknown:
        raise ValueError(f"unsupported note languages: {unknown}")

    stage = np.array([_STAGE_INDEX.get(s, len(LIFECYCLE_STAGES)) for s in col["lifecycle_stage"]])
    stage = stage.astype(np.int64).reshape(n)
    n_topics = len(NOTE_TOPICS)
    topic_idx = (rng.random(n)[:, None] >= _TOPIC_CUM[stage]).sum(1).clip(0, n_topics - 1)
    sent_idx = (rng.random(n)[:, None] >= _SENT_CUM[stage, topic_idx]).sum(1).clip(0, 2)
    rand: list[list[int]] = rng.integers(0, 1 << 30, size=(n, _N_RAND)).tolist()
    topic_list: list[int] = topic_idx.tolist()
    topics = [NOTE_TOPICS[t] for t in topic_list]
    sentiments = [SENTIMENTS[s] for s in sent_idx.tolist()]

    texts: list[str] = []
    spans: list[tuple[int, int, int, str, str]] = []
    gender_cache: dict[str, int | None] = {}
    amount_cache: dict[tuple[str, str | None, int], str] = {}

    for i in range(n):
        r = rand[i]
        lang = languages[i]
        bank = NOTE_BANKS[lang]
        topic, sentiment = topics[i], sentiments[i]
        ti = topic_list[i]
        first = col["first_name"][i] or ""
        last = col["last_name"][i] or ""
        email = col["email"][i] or None
        phone = col["phone"][i] or None
        country = col["country"][i]
        account = col["account_name"][i] or None
        products = col["product_names"][i] or []

        # Customer name forms: first mention ({name}/{fname}) and later mentions ({short}).
        full = f"{first} {last}".strip() or "?"
        form = r[_R_FORM] % 10
        g = _gender(first, gender_cache) if first and last else None
        if form >= 6 and (not first or not last):
            form = 0
        if 6 <= form <= 8 and g is None:
            form = 0
        # (value, offset of the name inside it, name): a title stays outside the PERSON span.
        if form <= 3:
            name = oname = (full, 0, full)
            short = oshort = (first, 0, first) if first else name
        elif form <= 5:
            name = oname = short = oshort = (first, 0, first)
        elif form <= 8:
            title, otitle = bank.titles[g or 0], bank.oblique_titles[g or 0]
            name = (f"{title} {last}", len(title) + 1, last)
            oname = (f"{otitle} {last}", len(otitle) + 1, last)
            short, oshort = (name, oname) if bank.title_in_short else ((first, 0, first),) * 2
        else:
            name = oname = short = oshort = (last, 0, last)
        fname = (full, 0, full) if 6 <= form <= 8 else name

        phone_val = phone
        if phone and r[_R_PHONE] % 100 < 35:
            phone_val = phone_variant(phone, country, r[_R_PHONE] // 100)
        product = products[r[_R_PRODUCT] % len(products)] if products else ""
        akey = (lang, country, r[_R_AMOUNT] % len(_AMOUNTS))
        amount = amount_cache.get(akey)
        if amount is None:
            amount = amount_cache[akey] = _amount(_AMOUNTS[akey[2]], lang, country)
        pct = _PCTS[r[_R_AMOUNT] // 32 % len(_PCTS)]
        vals = {
            "name": name[0],
            "oname": oname[0],
            "fname": fname[0],
            "short": short[0],
            "oshort": oshort[0],
            "phone": phone_val or "",
            "email": email or "",
            "product": product,
            "account": account or "",
            "day": bank.days[r[_R_DAY] % len(bank.days)],
            "amount": amount,
            "pct": f"{pct}%" if lang == "en" else f"{pct} %",
            "ticket": f"#{1000 + r[_R_TICKET] % 9000}",
        }
        pii: dict[str, tuple[str, int, str]] = {
            "name": ("PERSON", name[1], name[2]),
            "oname": ("PERSON", oname[1], oname[2]),
            "fname": ("PERSON", fname[1], fname[2]),
            "short": ("PERSON", short[1], short[2]),
            "oshort": ("PERSON", oshort[1], oshort[2]),
        }
        if phone_val:
            pii["phone"] = ("PHONE", 0, phone_val)
        if email:
            pii["email"] = ("EMAIL", 0, email)
        mask = (
            (1 if products else 0)
            | (2 if account else 0)
            | (4 if phone_val else 0)
            | (8 if email else 0)
        )

        # Line plan: contact, context, outcome, coords and next always; the rest optional.
        verbosity = _VERBOSITY[r[_R_VERBOSE] % 3]
        opt = [x % 100 < verbosity for x in r[_R_OPT:]]
        key = (topic, sentiment)
        plan: list[Segments | None] = [_pick(bank.contact.pools[mask], r[_R_CONTACT])]
        coords = _pick(bank.coords.pools[mask], r[_R_COORDS])
        if coords is None:  # no phone and no e-mail: an extra line keeps the note at 5+ lines
            opt[4] = True
        coord_pos = r[_R_COORDPOS] % 3
        if coord_pos == 0:
            plan.append(coords)
        plan.append(_pick(bank.context[topic].pools[mask], r[_R_CONTEXT]))
        if opt[0]:
            plan.append(_pick(bank.detail[topic].pools[mask], r[_R_DETAIL]))
        pool = bank.outcome[key].pools[mask]
        first_out = r[_R_OUT1] % len(pool) if pool else 0
        plan.append(pool[first_out] if pool else None)
        if opt[1] and len(pool) > 1:
            plan.append(pool[(first_out + 1 + r[_R_OUT2] % (len(pool) - 1)) % len(pool)])
        if opt[2]:
            plan.append(_pick(bank.mood[sentiment].pools[mask], r[_R_MOOD]))
        if opt[3]:
            plan.append(
                _people_line(bank, r, bool(account), email, account, country, vals, pii, mask)
            )
        if opt[4]:
            plan.append(_pick(bank.extra.pools[mask], r[_R_EXTRA]))
        if coord_pos == 1:
            plan.append(coords)
        plan.append(_pick(bank.next[sentiment].pools[mask], r[_R_NEXT]))
        if coord_pos == 2:
            plan.append(coords)

        header = (
            f"CUSTOMER_ID: {col['customer_id'][i]}\nDATE: {col['note_date'][i]}\n"
            f"TOPIC: {topic}\nLANGUAGE: {lang}\nSENTIMENT: {sentiment}\n"
            f"TAGS: {_TAGS[ti][r[_R_TAGS] % 9]}\n\n--- BEGIN NOTE ---\n"
        )
        parts = [header]
        pos = len(header)
        for tpl in plan:
            if tpl is not None:
                pos = _emit(tpl, vals, pii, parts, spans, i, pos) + 1
                parts.append("\n")
        parts.append("--- END NOTE ---\n")
        texts.append("".join(parts))

    labels = pa.table(
        {
            "customer_id": pa.array([str(c) for c in col["customer_id"]], pa.string()),
            "topic": pa.array(topics, pa.string()),
            "sentiment": pa.array(sentiments, pa.string()),
            "language": pa.array(languages, pa.string()),
        }
    )
    columns = list(zip(*spans, strict=True)) if spans else [(), (), (), (), ()]
    pii_spans = pa.table(
        {
            "row_index": pa.array(columns[0], pa.int64()),
            "start": pa.array(columns[1], pa.int64()),
            "end": pa.array(columns[2], pa.int64()),
            "pii_type": pa.array(columns[3], pa.string()),
            "value": pa.array(columns[4], pa.string()),
        }
    )
    return RenderedNotes(texts, labels, pii_spans)


def _pick(pool: tuple[Segments, ...], k: int) -> Segments | None:
    """The k-th alternative (modulo), or None when no template fits the row."""
    return pool[k % len(pool)] if pool else None


__all__ = [
    "LIFECYCLE_STAGES",
    "NOTE_TOPICS",
    "SENTIMENTS",
    "RenderedNotes",
    "phone_variant",
    "render_notes",
]

"""Machine e-mail engagement for one block: security scanners and privacy proxies, with truth.

Real e-mail logs hold opens and clicks that no person made, and a platform must tell them apart:

- **Security scanners.** A share of the customers attached to an account (their mail passes a
  company gateway) have ``SCAN_RATE`` of their delivered mails inspected: the scanner fetches
  the images seconds after delivery (a few queued scans wait minutes) and follows every link of
  the mail within a second, mostly on mails the person never opens. Most scanners name
  themselves in their user agent; some pass for a desktop browser. Some only fetch images.
- **Privacy proxies.** For a share of the other customers (Apple Mail Privacy Protection style)
  a proxy fetches the images of every delivered mail minutes to hours after delivery, with a
  bare ``Mozilla/5.0`` and no device — and, because the images are then cached, the person's own
  opens are never logged (their clicks still are).

The person's events are kept as they were (but the proxied opens); machine events are added,
events are renumbered in the original order (send, time, kind) and ``truth_machine_events``
lists every machine event. Volumes: scanners add ~4 events per scanned mail and proxies about
as many opens as they hide, so ``marketing_events`` stays near the seed's 200,000.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from c360.contracts import marketing
from c360.generate import vocab
from c360.generate.arrays import ids, repeat_index, timestamps, weighted
from c360.generate.block import Block
from c360.generate.plan import AS_OF
from c360.generate.seed000.email import EmailActivity

# Modest shares, so that seed 000's volumes and funnel (22% opened, 8% clicked) hold on the raw
# data; real lists see far more proxies.
SCANNED_SHARE_OF_LINKED, SCAN_RATE, PROXY_RATE = 0.06, 0.25, 0.02
LINK_WEIGHTS = (20, 10, 25, 30, 15)  # 0 (image fetch only) to 4 links followed per scanned mail
NAMED_SCANNER = 0.6  # share of scans whose user agent names the scanner
QUEUED_SCAN = 0.1  # share of scans that wait 30 s to 10 min before fetching
PATHS = ("offers", "new-arrivals", "bestsellers", "account", "loyalty", "sale")
KINDS = ("open", "click", "bounce", "unsubscribe")  # the order email.py sorts events by


@dataclass(frozen=True)
class MachineActivity:
    """The e-mail activity with machine events, and the truth about them."""

    email: EmailActivity
    truth: pa.Table


@dataclass(frozen=True)
class _Rows:
    """Events as arrays: kind index (``KINDS``), send index, epoch seconds and the rest."""

    kind: np.ndarray
    send: np.ndarray
    at: np.ndarray
    url: np.ndarray
    device: np.ndarray
    agent: np.ndarray
    machine: np.ndarray  # "" for a person's event, else scanner or proxy


def with_machines(block: Block, customers_: pa.Table, email: EmailActivity) -> MachineActivity:
    """``email`` with scanner and proxy events added (and proxied opens hidden), and its truth.

    Call it right after ``email.sends_and_events``: it renumbers the ids that call just took.
    """
    rng = block.rng("machine_events")
    human = _rows_of(email)
    send_at = email.sends.column("send_at").cast(pa.int64()).to_numpy()
    delivered = np.ones(len(send_at), dtype=bool)
    delivered[human.send[human.kind == KINDS.index("bounce")]] = False
    linked = customers_.column("account_id").is_valid().to_numpy(zero_copy_only=False)
    scanned = linked & (rng.random(block.n) < SCANNED_SHARE_OF_LINKED)
    proxied = ~scanned & (rng.random(block.n) < PROXY_RATE)
    scans = np.flatnonzero(
        delivered & scanned[email.send_owner] & (rng.random(len(send_at)) < SCAN_RATE)
    )
    proxy_sends = np.flatnonzero(delivered & proxied[email.send_owner])
    hidden = (human.kind == KINDS.index("open")) & np.isin(human.send, proxy_sends)
    kept = _take(human, ~hidden)
    rows = _concat(
        kept,
        _scanner_rows(block, email, rng, scans, send_at),
        _proxy_rows(rng, proxy_sends, send_at),
    )
    rows = _take(rows, rows.at <= AS_OF)
    rows = _take(rows, np.lexsort((rows.kind, rows.at, rows.send)))
    block.offsets["marketing_events"] -= email.events.num_rows  # renumber the block's events
    event_id = ids("EVT_", block.next_ids("marketing_events", len(rows.kind)), 8)
    send_ids = email.sends.column("send_id").take(pa.array(rows.send))
    customer_ids = email.sends.column("customer_id").take(pa.array(rows.send))
    events = pa.table(
        {
            "event_id": event_id,
            "send_id": send_ids,
            "customer_id": customer_ids,
            "event_type": pa.array(np.array(KINDS)[rows.kind].tolist(), pa.string()),
            "event_at": timestamps(rows.at),
            "url_clicked": pa.array(rows.url.tolist(), pa.string()),
            "device": pa.array(rows.device.tolist(), pa.string()),
            "user_agent": pa.array(rows.agent.tolist(), pa.string()),
        },
        schema=marketing.EVENTS.arrow_schema(),
    )
    machine = np.flatnonzero(rows.machine != "")
    truth = pa.table(
        {
            "event_id": event_id.take(pa.array(machine)),
            "send_id": send_ids.take(pa.array(machine)),
            "customer_id": customer_ids.take(pa.array(machine)),
            "event_type": events.column("event_type").take(pa.array(machine)),
            "machine_kind": pa.array(rows.machine[machine].tolist(), pa.string()),
        }
    )
    return MachineActivity(EmailActivity(email.sends, events, email.send_owner, rows.send), truth)


def _rows_of(email: EmailActivity) -> _Rows:
    e = email.events
    kind = np.array([KINDS.index(k) for k in e.column("event_type").to_pylist()], dtype=np.int64)
    return _Rows(
        kind,
        email.event_send,
        e.column("event_at").cast(pa.int64()).to_numpy(),
        np.array(e.column("url_clicked").to_pylist(), dtype=object),
        np.array(e.column("device").to_pylist(), dtype=object),
        np.array(e.column("user_agent").to_pylist(), dtype=object),
        np.full(e.num_rows, "", dtype=object),
    )


def _scanner_rows(
    block: Block,
    email: EmailActivity,
    rng: np.random.Generator,
    scans: np.ndarray,
    send_at: np.ndarray,
) -> _Rows:
    """Per scanned mail: an image fetch seconds after delivery, then every link within 1 s."""
    k = len(scans)
    links = weighted(rng, LINK_WEIGHTS, k)
    queued = rng.random(k) < QUEUED_SCAN
    opened_at = send_at[scans] + np.where(queued, rng.integers(30, 600, k), rng.integers(1, 20, k))
    named = rng.random(k) < NAMED_SCANNER
    pick = rng.integers(0, 1 << 30, k)
    bots = np.array(vocab.SCANNER_USER_AGENTS, dtype=object)
    browsers = np.array(vocab.SCANNER_BROWSER_AGENTS, dtype=object)
    agent = np.where(named, bots[pick % len(bots)], browsers[pick % len(browsers)])
    device = np.full(k, "desktop", dtype=object)
    device[named] = None  # a named scanner claims no device
    c = repeat_index(links)  # scan index of each click
    nth = np.arange(len(c)) - np.repeat(np.cumsum(links) - links, links)
    shuffle = rng.permuted(np.tile(np.arange(len(PATHS)), (k, 1)), axis=1)
    path = np.array(PATHS)[shuffle[c, nth]] if len(c) else np.array([], dtype=str)
    url = np.array(_urls(block, email, scans[c], path), dtype=object)
    scan = np.concatenate([np.arange(k), c])
    return _Rows(
        np.concatenate([np.zeros(k, np.int64), np.ones(len(c), np.int64)]),
        scans[scan],
        np.concatenate([opened_at, opened_at[c] + rng.integers(0, 2, len(c))]),
        np.concatenate([np.full(k, None, dtype=object), url]),
        device[scan],
        agent[scan],
        np.full(len(scan), "scanner", dtype=object),
    )


def _proxy_rows(rng: np.random.Generator, sends: np.ndarray, send_at: np.ndarray) -> _Rows:
    """One image fetch per delivered mail, 1 minute to a few hours after delivery."""
    k = len(sends)
    at = send_at[sends] + 60 + (rng.exponential(2.0, k) * 3600).astype(np.int64)
    return _Rows(
        np.zeros(k, np.int64),
        sends,
        at,
        np.full(k, None, dtype=object),
        np.full(k, None, dtype=object),
        np.full(k, vocab.PRIVACY_PROXY_USER_AGENT, dtype=object),
        np.full(k, "proxy", dtype=object),
    )


def _urls(block: Block, email: EmailActivity, sends: np.ndarray, path: np.ndarray) -> list[str]:
    """The tracked links of the mails (as ``email.py`` writes a person's clicks)."""
    assets = block.dims.assets
    language = dict(
        zip(
            assets.column("asset_id").to_pylist(),
            assets.column("language").to_pylist(),
            strict=True,
        )
    )
    asset = email.sends.column("asset_id").take(pa.array(sends)).to_pylist()
    campaign = email.sends.column("campaign_id").take(pa.array(sends)).to_pylist()
    return [
        f"https://www.brandco.example/{language[a]}/{p}?utm_source=email&utm_campaign={c}"
        f"&utm_content={a}"
        for a, c, p in zip(asset, campaign, path.tolist(), strict=True)
    ]


def _take(rows: _Rows, index: np.ndarray) -> _Rows:
    return _Rows(*(getattr(rows, f)[index] for f in _Rows.__dataclass_fields__))


def _concat(*parts: _Rows) -> _Rows:
    return _Rows(
        *(np.concatenate([getattr(p, f) for p in parts]) for f in _Rows.__dataclass_fields__)
    )

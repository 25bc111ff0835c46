"""Seed 000 e-mail activity for one block: sends to consenting customers and their events.

Sends fall in their campaign's window, never before the recipient's ``first_seen_at`` and
never after they unsubscribed. A campaign sends in daily batches at its own hour (``clock``):
each send leaves within the batch's first ``BATCH_MINUTES`` on one of the window's days.

Funnel per send (the seed's rates): 3% bounce; 22% of delivered sends are opened; 8% of opened
sends are clicked; 0.5% of delivered sends lead to an unsubscribe. To reach the seed's volume of
one event per send, opened sends are opened several times (1 + Poisson(3.4): mail clients
reload images, people reread) and clicked sends clicked 1 + Poisson(0.5) times.

The rates hold on average, not per customer: a send's chance to be opened (and an opened one's
to be clicked) is proportional to its recipient's activity at the send (``behaviour``: level x
intensity), scaled so the block's mean is the seed's rate; nobody opens or clicks after their
churn date.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts import marketing
from c360.generate import vocab
from c360.generate.arrays import ids, repeat_index, timestamps, uniform_between, weighted
from c360.generate.block import Block
from c360.generate.clock import BATCH_MINUTES, HOUR, send_hours
from c360.generate.plan import AS_OF, DAY
from c360.generate.rand import stream
from c360.generate.seed000.behaviour import Behaviour
from c360.generate.seed000.crm import CONSENT_EMAIL_RATE

SENDS_PER_CUSTOMER = 10.0
BOUNCE, OPEN, CLICK, UNSUBSCRIBE = 0.03, 0.22, 0.08, 0.005
EXTRA_OPENS, EXTRA_CLICKS = 3.4, 0.5
MAX_OPEN, MAX_CLICK = 0.9, 0.6  # the most active customers' chances
# Sends drawn per send kept: ~3.5% fall after their recipient's unsubscribe and are dropped.
DRAWN_PER_KEPT = 1.037


@dataclass(frozen=True)
class EmailActivity:
    sends: pa.Table
    events: pa.Table
    send_owner: np.ndarray  # block-local customer index of each send
    event_send: np.ndarray  # send index of each event


def sends_and_events(block: Block, customers_: pa.Table, habits: Behaviour) -> EmailActivity:
    """Sends (consenting customers only) and the funnel of events each one produced."""
    rng = block.rng("sends")
    consent = customers_.column("consent_email").to_numpy(zero_copy_only=False)
    counts = np.where(
        consent, rng.poisson(SENDS_PER_CUSTOMER * DRAWN_PER_KEPT / CONSENT_EMAIL_RATE, block.n), 0
    )
    owner = repeat_index(counts)
    m = len(owner)
    camp = block.dims.campaigns
    n_camp = camp.num_rows
    campaign = rng.integers(0, n_camp, m)
    batches = _batches(block)
    send_at = _send_times(rng, batches, campaign, batches[0][campaign])
    first_seen = customers_.column("first_seen_at").cast(pa.int64()).to_numpy()[owner]
    campaign, send_at, known = _after_first_seen(block, campaign, send_at, first_seen, batches)
    owner, campaign, send_at = owner[known], campaign[known], send_at[known]
    asset = _assets_for(block, campaign, block.people.column("language").to_pylist(), owner, rng)
    activity = habits.level[owner] * habits.intensity(owner, send_at)
    funnel = _funnel(block, send_at, activity, habits.churn_at[owner])
    kept, funnel = _until_unsubscribed(owner, send_at, funnel)
    owner, campaign, send_at, asset = owner[kept], campaign[kept], send_at[kept], asset[kept]
    m = len(owner)
    sends = pa.table(
        {
            "send_id": ids("SEND_", block.next_ids("marketing_sends", m), 8),
            "campaign_id": camp.column("campaign_id").take(pa.array(campaign)),
            "asset_id": block.dims.assets.column("asset_id").take(pa.array(asset)),
            "customer_id": customers_.column("customer_id").take(pa.array(owner)),
            "send_at": timestamps(send_at),
        },
        schema=marketing.SENDS.arrow_schema(),
    )
    events, event_send = _events(block, sends, campaign, asset, funnel)
    return EmailActivity(sends, events, owner, event_send)


Batches = tuple[np.ndarray, np.ndarray]


def _batches(block: Block) -> Batches:
    """Per campaign: the time of its first batch and its number of batch days (one a day from
    its start date until its end date or the day before the data's end)."""
    camp = block.dims.campaigns
    start = camp.column("start_date").cast(pa.int64()).to_numpy()
    end = np.minimum(camp.column("end_date").cast(pa.int64()).to_numpy(), AS_OF - DAY)
    hour = send_hours(stream(block.plan.seed, "campaign_send_hours"), camp.num_rows)
    first = start // DAY * DAY + hour * HOUR
    return first, np.maximum((end - first - BATCH_MINUTES * 60) // DAY + 1, 1)


def _send_times(
    rng: np.random.Generator, batches: Batches, campaign: np.ndarray, low: np.ndarray
) -> np.ndarray:
    """A send time in each campaign's batch of a day drawn among those leaving at or after
    ``low`` (the last one when none does), in whole minutes."""
    first, days = batches[0][campaign], batches[1][campaign]
    earliest = np.clip(-(-(low - first) // DAY), 0, days - 1)
    day = uniform_between(rng, earliest, days - 1, len(campaign))
    return first + day * DAY + rng.integers(0, BATCH_MINUTES, len(campaign)) * 60


def _after_first_seen(
    block: Block,
    campaign: np.ndarray,
    send_at: np.ndarray,
    first_seen: np.ndarray,
    batches: Batches,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sends moved to after their recipient's ``first_seen_at`` (the first interaction).

    A send drawn before it goes instead to a batch of a campaign still sending then (its own
    random stream, so the other sends keep their draws); one with no such campaign is dropped
    (the returned mask).
    """
    early = np.flatnonzero(send_at < first_seen)
    known = np.ones(len(send_at), dtype=bool)
    if len(early) == 0:
        return campaign, send_at, known
    rng = block.rng("sends_after_first_seen")
    low = first_seen[early]
    last = batches[0] + (batches[1] - 1) * DAY  # each campaign's last batch
    by_last = np.argsort(last, kind="stable")
    over = np.searchsorted(last[by_last], low, side="left")  # campaigns done before low
    n_camp = len(last)
    choice = over + (rng.random(len(early)) * (n_camp - over)).astype(np.int64)
    ok = over < n_camp
    new_campaign = by_last[np.minimum(choice, n_camp - 1)]
    at = _send_times(rng, batches, new_campaign, low)
    campaign, send_at = campaign.copy(), send_at.copy()
    campaign[early[ok]], send_at[early[ok]] = new_campaign[ok], at[ok]
    known[early[~ok]] = False
    return campaign, send_at, known


def _assets_for(
    block: Block,
    campaign: np.ndarray,
    languages: list[str],
    owner: np.ndarray,
    rng: np.random.Generator,
) -> np.ndarray:
    """An asset of the send's campaign, in the recipient's language when the campaign has one."""
    assets = block.dims.assets
    camp_ids = block.dims.campaigns.column("campaign_id").to_pylist()
    camp_of = {c: i for i, c in enumerate(camp_ids)}
    by_campaign: dict[int, list[int]] = {}
    by_lang: dict[tuple[int, str], list[int]] = {}
    for j, (c, lang) in enumerate(
        zip(
            assets.column("campaign_id").to_pylist(),
            assets.column("language").to_pylist(),
            strict=True,
        )
    ):
        by_campaign.setdefault(camp_of[c], []).append(j)
        by_lang.setdefault((camp_of[c], lang), []).append(j)
    u = rng.random(len(campaign))
    out = np.empty(len(campaign), dtype=np.int64)
    for i, (c, o) in enumerate(zip(campaign.tolist(), owner.tolist(), strict=True)):
        pool = by_lang.get((c, languages[o])) or by_campaign[c]
        out[i] = pool[int(u[i] * len(pool))]
    return out


def _chances(activity: np.ndarray, among: np.ndarray, rate: float, cap: float) -> np.ndarray:
    """Chances proportional to ``activity`` up to ``cap``, averaging ``rate`` over ``among``.

    >>> chances = _chances(np.array([1.0, 3.0, 0.0]), np.array([True, True, False]), 0.2, 0.9)
    >>> chances.round(3).tolist()
    [0.1, 0.3, 0.0]
    """
    scale = rate / max(float(activity[among].mean()) if among.any() else 1.0, 1e-9)
    for _ in range(8):  # the cap lowers the mean: raise the others until it is back at rate
        mean = float(np.minimum(activity[among] * scale, cap).mean()) if among.any() else rate
        scale *= rate / max(mean, 1e-9)
    return np.minimum(activity * scale, cap)


def _funnel(
    block: Block, send_at: np.ndarray, activity: np.ndarray, churn_at: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Events as (kind index: open, click, bounce, unsubscribe; send index; time), sorted by
    send, time and kind."""
    rng = block.rng("events")
    m = len(send_at)
    bounced = rng.random(m) < BOUNCE
    opened = ~bounced & (rng.random(m) < _chances(activity, ~bounced, OPEN, MAX_OPEN))
    clicked = opened & (rng.random(m) < _chances(activity, opened, CLICK, MAX_CLICK))
    unsub = ~bounced & (rng.random(m) < UNSUBSCRIBE)
    n_open = np.where(opened, 1 + rng.poisson(EXTRA_OPENS, m), 0)
    n_click = np.where(clicked, 1 + rng.poisson(EXTRA_CLICKS, m), 0)
    first_open = send_at + (rng.exponential(0.8, m) * DAY).astype(np.int64) + 60

    kinds, owners, times = [], [], []
    b = np.flatnonzero(bounced)
    kinds.append(np.full(len(b), 2))
    owners.append(b)
    times.append(send_at[b] + rng.integers(5, 900, len(b)))
    o = repeat_index(n_open)
    kinds.append(np.zeros(len(o), dtype=np.int64))
    owners.append(o)
    is_first = np.r_[True, o[1:] != o[:-1]] if len(o) else np.zeros(0, bool)
    times.append(
        first_open[o] + np.where(is_first, 0, (rng.exponential(2.0, len(o)) * DAY).astype(np.int64))
    )
    c = repeat_index(n_click)
    kinds.append(np.ones(len(c), dtype=np.int64))
    owners.append(c)
    times.append(first_open[c] + rng.integers(5, 3600, len(c)))
    u = np.flatnonzero(unsub)
    kinds.append(np.full(len(u), 3))
    owners.append(u)
    times.append(np.where(opened[u], first_open[u], send_at[u]) + rng.integers(60, 3 * DAY, len(u)))

    kind, send_i, at = np.concatenate(kinds), np.concatenate(owners), np.concatenate(times)
    keep = at <= AS_OF  # what happens after the data's end date has not happened yet
    keep &= (kind > 1) | (at <= churn_at[send_i])  # no open or click after churning
    order = np.lexsort((kind, at, send_i))
    order = order[keep[order]]
    return kind[order], send_i[order], at[order]


def _until_unsubscribed(
    owner: np.ndarray, send_at: np.ndarray, funnel: tuple[np.ndarray, np.ndarray, np.ndarray]
) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Sends up to each recipient's first unsubscribe, and their events renumbered.

    Nobody is mailed after unsubscribing, and nobody unsubscribes twice: later sends, their
    events and later unsubscribes are dropped. Returns (mask of kept sends, kept events).

    >>> owner, send_at = np.array([0, 0, 0, 1]), np.array([10, 12, 30, 10])
    >>> events = np.array([3, 0, 3, 3]), np.array([0, 1, 1, 3]), np.array([15, 40, 45, 19])
    >>> kept, (k, s, t) = _until_unsubscribed(owner, send_at, events)
    >>> kept.tolist(), k.tolist(), s.tolist(), t.tolist()
    ([True, True, False, True], [3, 0, 3], [0, 1, 2], [15, 40, 19])
    """
    kind, send_i, at = funnel
    unsub = kind == 3
    quit_at = np.full(int(owner.max(initial=-1)) + 1, np.iinfo(np.int64).max)
    np.minimum.at(quit_at, owner[send_i[unsub]], at[unsub])
    kept = send_at <= quit_at[owner]
    keep = kept[send_i] & (~unsub | (at == quit_at[owner[send_i]]))
    first = np.ones(len(kind), dtype=bool)  # one unsubscribe per recipient, even at a tie
    u = np.flatnonzero(keep & unsub)
    who = owner[send_i[u]]
    first[u[1:][who[1:] == who[:-1]]] = False  # sends are grouped by recipient
    keep &= first
    renumber = np.cumsum(kept) - 1
    return kept, (kind[keep], renumber[send_i[keep]], at[keep])


def _events(
    block: Block,
    sends: pa.Table,
    campaign: np.ndarray,
    asset: np.ndarray,
    funnel: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> tuple[pa.Table, np.ndarray]:
    """The events table: devices, user agents and clicked links for the funnel's events."""
    rng = block.rng("event_details")
    kind, send_i, at = funnel
    e = len(kind)
    device_i = weighted(rng, (35, 55, 10), e)
    device = np.array(marketing.DEVICES, dtype=object)[device_i]
    device[kind == 2] = None
    ua = np.full(e, None, dtype=object)
    u_ua = rng.random(e)
    for name in marketing.DEVICES:
        here = np.flatnonzero((device == name) & (kind != 2))
        agents = np.array(vocab.USER_AGENTS[name], dtype=object)
        ua[here] = agents[(u_ua[here] * len(agents)).astype(np.int64)]
    ua[(kind != 2) & (rng.random(e) < 0.04)] = None
    clicks = np.flatnonzero(kind == 1)
    paths = np.array(("offers", "new-arrivals", "bestsellers", "account", "loyalty", "sale"))
    path_i = rng.integers(0, len(paths), e)
    assets = block.dims.assets
    clicked_asset = pa.array(asset[send_i[clicks]])
    links = pc.binary_join_element_wise(
        "https://www.brandco.example/",
        assets.column("language").take(clicked_asset),
        "/",
        pa.array(paths[path_i[clicks]]),
        "?utm_source=email&utm_campaign=",
        block.dims.campaigns.column("campaign_id").take(pa.array(campaign[send_i[clicks]])),
        "&utm_content=",
        assets.column("asset_id").take(clicked_asset),
        "",
    )
    url = np.full(e, None, dtype=object)
    url[clicks] = np.asarray(links.to_pylist(), dtype=object)
    events = pa.table(
        {
            "event_id": ids("EVT_", block.next_ids("marketing_events", e), 8),
            "send_id": sends.column("send_id").take(pa.array(send_i)),
            "customer_id": sends.column("customer_id").take(pa.array(send_i)),
            "event_type": pa.array(
                np.array(["open", "click", "bounce", "unsubscribe"])[kind].tolist(), pa.string()
            ),
            "event_at": timestamps(at),
            "url_clicked": pa.array(url.tolist(), pa.string()),
            "device": pa.array(device.tolist(), pa.string()),
            "user_agent": pa.array(ua.tolist(), pa.string()),
        },
        schema=marketing.EVENTS.arrow_schema(),
    )
    return events, send_i

"""Machine e-mail engagement in the generator: scanners and proxies, each with its truth."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pytest

from c360.generate import vocab
from c360.generate.block import Block
from c360.generate.people import make_emails_unique, people
from c360.generate.plan import Plan
from c360.generate.seed000 import behaviour, crm, email, machine
from c360.generate.seed000.build import dimension_tables
from tests.sourcefiles import read_typed

PLAN = Plan(seed=5, scale=0.1)


@pytest.fixture(scope="module")
def block_activity() -> tuple[Block, pa.Table, email.EmailActivity, machine.MachineActivity]:
    block = Block(
        PLAN, 0, make_emails_unique(people(PLAN, 0, 2_000), set()), dimension_tables(PLAN)
    )
    customers = crm.customers(block)
    before = email.sends_and_events(block, customers, behaviour.behaviour(block, customers))
    return block, customers, before, machine.with_machines(block, customers, before)


def test_events_are_renumbered_in_order_and_stay_aligned_with_their_send(
    block_activity: tuple[Block, pa.Table, email.EmailActivity, machine.MachineActivity],
) -> None:
    block, _, before, after = block_activity
    events = after.email.events
    numbers = [int(i[4:]) for i in events.column("event_id").to_pylist()]
    assert numbers == list(range(1, events.num_rows + 1))
    assert block.offsets["marketing_events"] == events.num_rows
    sent = after.email.sends.column("send_id").take(pa.array(after.email.event_send))
    assert sent.equals(events.column("send_id"))
    order = np.lexsort(
        (
            [machine.KINDS.index(k) for k in events.column("event_type").to_pylist()],
            events.column("event_at").cast(pa.int64()).to_numpy(),
            after.email.event_send,
        )
    )
    assert (order == np.arange(events.num_rows)).all()
    assert after.email.sends is before.sends


def test_scanners_open_within_seconds_and_follow_every_link_at_once(
    block_activity: tuple[Block, pa.Table, email.EmailActivity, machine.MachineActivity],
) -> None:
    _, customers, _, after = block_activity
    rows = _machine_rows(after, "scanner")
    send_at = dict(zip(after.email.sends.column("send_id").to_pylist(),
                       after.email.sends.column("send_at").to_pylist(), strict=True))  # fmt: skip
    opened = {r["send_id"]: r["event_at"] for r in rows if r["event_type"] == "open"}
    delays = [(opened[s] - send_at[s]).total_seconds() for s in opened]
    assert min(delays) >= 1 and max(delays) < 600 and np.median(delays) < 20
    for r in rows:
        if r["event_type"] == "click":
            assert 0 <= (r["event_at"] - opened[r["send_id"]]).total_seconds() <= 1
            assert r["url_clicked"].startswith("https://www.brandco.example/")
    agents = {r["user_agent"] for r in rows}
    assert agents <= set(vocab.SCANNER_USER_AGENTS) | set(vocab.SCANNER_BROWSER_AGENTS)
    linked = set(
        pc.filter(customers["customer_id"], customers["account_id"].is_valid()).to_pylist()
    )
    assert {r["customer_id"] for r in rows} <= linked  # mail through a company gateway


def test_proxies_open_every_delivered_mail_and_hide_the_persons_opens(
    block_activity: tuple[Block, pa.Table, email.EmailActivity, machine.MachineActivity],
) -> None:
    _, _, before, after = block_activity
    rows = _machine_rows(after, "proxy")
    assert rows and all(r["event_type"] == "open" for r in rows)
    assert {(r["user_agent"], r["device"]) for r in rows} == {("Mozilla/5.0", None)}
    proxied = {r["customer_id"] for r in rows}
    events = after.email.events.to_pylist()
    opens = [e for e in events if e["customer_id"] in proxied and e["event_type"] == "open"]
    assert all(e["user_agent"] == "Mozilla/5.0" for e in opens)
    delivered = {e["send_id"] for e in events if e["customer_id"] in proxied} - {
        e["send_id"] for e in events if e["event_type"] == "bounce"
    }
    mails = [s for s, c in zip(after.email.sends["send_id"].to_pylist(),
                               after.email.sends["customer_id"].to_pylist(), strict=True)
             if c in proxied]  # fmt: skip
    bounced = {e["send_id"] for e in events if e["event_type"] == "bounce"}
    assert {e["send_id"] for e in opens} == delivered == set(mails) - bounced

    def clicks(table: pa.Table) -> int:
        return sum(1 for e in table.to_pylist()
                   if e["customer_id"] in proxied and e["event_type"] == "click")  # fmt: skip

    assert clicks(after.email.events) == clicks(before.events) > 0  # clicks still reach the site


def test_every_machine_event_is_in_the_truth_and_no_persons_event_is(
    block_activity: tuple[Block, pa.Table, email.EmailActivity, machine.MachineActivity],
) -> None:
    _, _, before, after = block_activity
    truth = after.truth
    assert truth.column_names == [
        "event_id",
        "send_id",
        "customer_id",
        "event_type",
        "machine_kind",
    ]
    kinds = set(truth["machine_kind"].to_pylist())
    assert kinds == {"scanner", "proxy"}
    events = after.email.events
    machine_ids = set(truth["event_id"].to_pylist())
    person = [e for e in events.to_pylist() if e["event_id"] not in machine_ids]
    agents = set(vocab.SCANNER_USER_AGENTS) | {vocab.PRIVACY_PROXY_USER_AGENT}
    assert not any(e["user_agent"] in agents for e in person)
    hidden = before.events.num_rows - len(person)  # the person's opens a proxy hid
    assert 0 < hidden < truth.num_rows
    share = truth.num_rows / events.num_rows
    assert 0.01 < share < 0.08  # a modest share, so the seed's volumes and funnel hold


def test_the_workspace_holds_the_truth_of_its_events(clean_workspace: Path) -> None:
    truth = pacsv.read_csv(clean_workspace / "truth" / "machine_events.csv")
    events = read_typed(clean_workspace, "marketing_events")
    assert truth.num_rows > 0
    assert set(truth["event_id"].to_pylist()) <= set(events["event_id"].to_pylist())
    assert len(set(truth["event_id"].to_pylist())) == truth.num_rows


def _machine_rows(activity: machine.MachineActivity, kind: str) -> list[dict[str, object]]:
    ids = set(
        pc.filter(
            activity.truth["event_id"], pc.equal(activity.truth["machine_kind"], kind)
        ).to_pylist()
    )
    return [e for e in activity.email.events.to_pylist() if e["event_id"] in ids]

"""Audiences: the members of a segment, reachable only on the channels they consented to.

The hand-off to a campaign tool. A member opted out everywhere, or without a consented channel
it can be reached on, is left out and counted. Contact points are pseudonymised as silver does
(same key, same mode), so a campaign tool matching on silver's pseudonyms finds the same people;
clear text only when asked.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.config import Project
from c360.contracts.gold_ecommerce import RFM_SEGMENTS
from c360.contracts.gold_profile import BUILT_IN_SEGMENTS, RFM_PREFIX
from c360.ml import segments
from c360.pipeline import lake
from c360.pipeline.last_run import why_no_customers
from c360.pipeline.silver.privacy import privacy_key, pseudonym

# Channel -> (the consent scope it needs, the profile column that reaches it).
CHANNELS = {
    "email": ("email_marketing", "primary_email"),
    "sms": ("sms_marketing", "primary_phone"),
}


# The profile columns an audience reads (a profile without them raises lake's error).
_READ = ("customer360_id", "segments", "opt_in_status", "consent_scopes",
         "primary_email", "primary_phone")  # fmt: skip


class AudienceError(LookupError):
    """No such segment, or no profile to take it from; the message says which."""


@dataclass(frozen=True)
class Audience:
    """The members to hand over, and how many of the segment were left out and why."""

    members: pa.Table  # customer360_id, channels, email, phone
    segment_size: int
    opted_out: int
    no_consented_channel: int


def _in_segment(profile: pa.Table, segment: str) -> pa.Array:
    lists = profile["segments"].combine_chunks()
    hit = pc.fill_null(pc.equal(pc.list_flatten(lists), segment), False)
    mask = np.zeros(profile.num_rows, bool)
    mask[pc.list_parent_indices(lists).filter(hit).to_numpy()] = True
    return pa.array(mask)


SHOWN = 8  # segments an unknown one's message lists, the largest first


def _unknown(segment: str, profile: pa.Table, project: Project) -> str:
    """Why no customer is in ``segment``: the segment a typo may have meant (of the profile or
    the project file), and the segments there are, the largest first."""
    known = pc.value_counts(pc.list_flatten(profile["segments"])).to_pylist()
    names = [v["values"] for v in sorted(known, key=lambda v: (-v["counts"], v["values"]))]
    close = difflib.get_close_matches(segment, [*names, *project.segments], n=1)
    meant = f" (did you mean {close[0]!r}?)" if close else ""
    more = f" and {len(names) - SHOWN:,} more" if len(names) > SHOWN else ""
    listed = ", ".join(names[:SHOWN]) or "none"
    return f"no customer in segment {segment!r}{meant}; segments: {listed}{more}"


def _computed(workspace: Path, project: Project, segment: str) -> bool:
    """Whether the last run computed ``segment`` (it may have found no customer in it): a
    built-in segment, an RFM one, or one of the project file with the condition the profile
    records it was built with. Raises ``AudienceError`` for a segment of the project file that
    no run computed as it is now written."""
    if segment in BUILT_IN_SEGMENTS or segment in {f"{RFM_PREFIX}{s}" for s in RFM_SEGMENTS}:
        return True
    if segment not in project.segments:
        return False
    built = segments.applied(
        lake.open_dataset(lake.table_dir(workspace, "gold", "customer_profile")).schema
    )
    if built is not None and built.get(segment) == project.segments[segment].where:
        return True
    how = "without it" if built is None or segment not in built else "with another condition"
    raise AudienceError(
        f"segment {segment!r} of c360.yaml has no customer in customer_profile, which the last "
        f"run built {how}: run `c360 run` to compute it"
    )


def audience(workspace: Path, project: Project, segment: str, clear_text: bool = False) -> Audience:
    """The members of ``segment`` in the last run's ``customer_profile``."""
    if not lake.table_dir(workspace, "gold", "customer_profile").exists():
        raise AudienceError(f"no customer_profile in {workspace}: {why_no_customers(workspace)}")
    profile = lake.read_table(workspace, "gold", "customer_profile", list(_READ))
    members = profile.filter(_in_segment(profile, segment))
    if members.num_rows == 0 and not _computed(workspace, project, segment):
        raise AudienceError(_unknown(segment, profile, project))
    opted_out = pc.fill_null(pc.equal(members["opt_in_status"], "opted_out"), False)
    reachable = members.filter(pc.invert(opted_out))
    rows = []
    mode = project.privacy.pseudonymisation
    key = privacy_key(workspace, project.privacy.key_env) if mode == "hmac" else b""
    for row in reachable.to_pylist():
        channels = [
            name
            for name, (scope, column) in CHANNELS.items()
            if scope in (row["consent_scopes"] or []) and row[column]
        ]
        if not channels:
            continue

        def shown(value: str | None, channel: str, channels: list[str] = channels) -> str | None:
            if channel not in channels:
                return None
            return value if clear_text else pseudonym(key, value, mode)

        rows.append(
            {
                "customer360_id": row["customer360_id"],
                "channels": ";".join(channels),
                "email": shown(row["primary_email"], "email"),
                "phone": shown(row["primary_phone"], "sms"),
            }
        )
    schema = pa.schema([(n, pa.string()) for n in ("customer360_id", "channels", "email", "phone")])
    return Audience(
        members=pa.Table.from_pylist(rows, schema=schema),
        segment_size=members.num_rows,
        opted_out=pc.sum(opted_out).as_py() or 0,
        no_consented_channel=reachable.num_rows - len(rows),
    )

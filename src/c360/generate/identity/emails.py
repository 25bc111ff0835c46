"""People's second e-mail addresses: their shapes, when two are one mailbox, and run-wide claims."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from c360.generate import vocab
from c360.generate.block import Block
from c360.generate.people import GMAIL, ascii_fold, mailbox

# Handles close to the first address's; people's own addresses never take these shapes.
_SHAPES = ("{f}{la}", "{f}-{la}", "{i}.{la}", "{f}{la}{n}")
_GMAIL_SHAPES = ("{f}-{la}", "{f}-{la}{n}")  # Gmail ignores dots: only hyphens keep them apart


@lru_cache(maxsize=1 << 14)
def _slug(name: str) -> str:
    return ascii_fold(name).replace(" ", "").replace("'", "")


@lru_cache(maxsize=256)
def _other_domains(country: str, domain: str) -> tuple[list[str], np.ndarray]:
    """The country's providers but ``domain``, with cumulative weights."""
    options = [(d, w) for d, w in vocab.EMAIL_DOMAINS[country] if d != domain]
    return [d for d, _w in options], np.cumsum([w for _d, w in options])


def second_emails(
    rng: np.random.Generator,
    first: list[str],
    last: list[str],
    country: list[str],
    emails: list[str],
) -> list[str]:
    """Another mailbox per person at another provider, its handle close to the first one's.

    The handles (``mariedupont``, ``marie-dupont``, ``m.dupont``, ``mariedupont85``) have shapes
    the people's own addresses never take, so a second address is nobody's first address; at
    Gmail, which ignores dots, only hyphenated handles are.
    """
    n = len(first)
    u_dom, style, number = rng.random(n), rng.integers(0, 4, n), rng.integers(10, 100, n)
    out = []
    for i in range(n):
        domains, weights = _other_domains(country[i], emails[i].partition("@")[2])
        domain = domains[int(np.searchsorted(weights, u_dom[i] * weights[-1], side="right"))]
        f, la = _slug(first[i]), _slug(last[i])
        shapes = _GMAIL_SHAPES if domain in GMAIL else _SHAPES
        local = shapes[style[i] % len(shapes)].format(f=f, la=la, i=f[0], n=number[i])
        out.append(f"{local}@{domain}")
    return out


def claim_second_emails(alt: list[str], used: np.ndarray, taken: set[str]) -> list[str]:
    """The second e-mails of ``used`` people made unique among every mailbox already ``taken``.

    A taken handle gets the next free number, as a provider's sign-up form suggests; only
    addresses that sources will show are claimed, so ``taken`` stays small.

    >>> claim_second_emails(["a-b@gmail.com", "c@x.fr"], np.array([True, False]), {"a-b@gmail.com"})
    ['a-b2@gmail.com', 'c@x.fr']
    """
    out = list(alt)
    for i in np.flatnonzero(used).tolist():
        local, _, domain = out[i].partition("@")
        email, k = out[i], 1
        while mailbox(email) in taken:
            k += 1
            email = f"{local}{k}@{domain}"
        taken.add(mailbox(email))
        out[i] = email
    return out


def taken_mailboxes(block: Block) -> set[str]:
    """The mailboxes claimed so far in this run, primary addresses included."""
    return block.mailboxes

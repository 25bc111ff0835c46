"""Passwords kept out of what a load prints: a connection URL redacted, an error scrubbed."""

from __future__ import annotations

import re
from urllib.parse import unquote

# libpq reads the user part up to the first "@" (a "/" first means there is none) and the
# password after the user's first ":"; a parameter's name may be percent-encoded.
_USERINFO = re.compile(r"^([A-Za-z][\w+.-]*://[^@/:]*:)([^@/]*)@")


def passwords(url: str) -> list[str]:
    """Every password in ``url``, as written: in its user part and in ``password=`` parameters."""
    found = []
    match = _USERINFO.match(url)
    if match:
        found.append(match[2])
    for param in url[match.end() if match else 0 :].partition("?")[2].split("&"):
        name, equals, value = param.partition("=")
        if equals and unquote(name).strip().lower() == "password":
            found.append(value)
    return [p for p in found if p]


def redact(url: str) -> str:
    """``url`` with every password (in the user part or a ``password=`` parameter) as ``***``.

    >>> redact("postgresql://bi:s3cret@db/gold?sslmode=require&password=s3cret")
    'postgresql://bi:***@db/gold?sslmode=require&password=***'
    """
    match = _USERINFO.match(url)
    head, rest = (match[1] + "***@", url[match.end() :]) if match else ("", url)
    base, question, params = rest.partition("?")
    kept = []
    for param in params.split("&"):
        name, equals, _ = param.partition("=")
        secret = equals and unquote(name).strip().lower() == "password"
        kept.append(f"{name}=***" if secret else param)
    return head + base + question + "&".join(kept)


def scrub(text: str, url: str) -> str:
    """``text`` with ``url``, as libpq may echo it, redacted, and no password of ``url`` left
    anywhere else in it, as written or decoded."""
    if not url:
        return text
    shown = redact(url)
    secrets = {s for p in passwords(url) for s in (p, unquote(p))}
    pieces = re.split(f"({re.escape(url)}|{re.escape(shown)})", text)
    for i, piece in enumerate(pieces):
        if i % 2:
            pieces[i] = shown
            continue
        for secret in sorted(secrets, key=len, reverse=True):
            piece = piece.replace(secret, "***")
        pieces[i] = piece
    return "".join(pieces)

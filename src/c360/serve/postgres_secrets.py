"""Passwords kept out of what a load prints: a connection URL redacted, an error scrubbed."""

from __future__ import annotations

import re
from urllib.parse import unquote

_SCHEME = re.compile(r"^[A-Za-z][\w+.-]*://")
# A libpq key=value string ("host=db password=s3cret"), which is not a URL but may be given.
_KEYWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)


def _user_password(url: str) -> tuple[int, int] | None:
    """Where the password of ``url``'s user part starts and ends: after the user's first ":" up
    to the last "@" before the query. libpq stops at the first "@" (or a "/" before it), so a
    password holding either is read as a host or a port and echoed: the widest reading hides it.
    A "?" does not stop libpq: a password holding one ends at the first "@" when no "/" comes
    before it, or at the last "@" before the first "?" after a "/".
    """
    scheme = _SCHEME.match(url)
    if not scheme:
        return None
    start = scheme.end()
    query = url.find("?", start)
    ends = [url.rfind("@", start, len(url) if query < 0 else query)]
    first, slash = url.find("@", start), url.find("/", start)
    ends.append(first if slash < 0 or first < slash else -1)  # libpq's reading
    if slash >= 0:  # a "?" before the path's "/" is no query
        after = url.find("?", slash)
        ends.append(url.rfind("@", start, len(url) if after < 0 else after))
    at = max(ends)
    colon = url.find(":", start, max(at, 0))
    return (colon + 1, at) if at >= 0 and colon >= 0 else None


def passwords(url: str) -> list[str]:
    """Every password in ``url`` as written, in every reading: its user part, ``password=``
    parameters, or a key=value string's ``password``."""
    found = []
    if span := _user_password(url):
        whole = url[span[0] : span[1]]
        # libpq's own readings take it apart at an "@", a "/" or a "?" and echo the pieces
        found += [whole, *re.split(r"[@/?]", whole)]
    if not _SCHEME.match(url):
        found += [m[2] for m in _KEYWORD.finditer(url)] + [
            m[2][1:-1] for m in _KEYWORD.finditer(url)
        ]
    for param in url.partition("?")[2].split("&"):
        name, equals, value = param.partition("=")
        if equals and unquote(name).strip().lower() == "password":
            found.append(value)
    return [p for p in found if p]


def redact(url: str) -> str:
    """``url`` with every password (in the user part or a ``password=`` parameter) as ``***``.

    >>> redact("postgresql://bi:s3cret@db/gold?sslmode=require&password=s3cret")
    'postgresql://bi:***@db/gold?sslmode=require&password=***'
    >>> redact("postgresql://bi:a/b@c@db/gold"), redact("host=db password='s 3' user=bi")
    ('postgresql://bi:***@db/gold', 'host=db password=*** user=bi')
    """
    if not _SCHEME.match(url):
        return _KEYWORD.sub(r"\1***", url)
    span = _user_password(url)
    masked = url[: span[0]] + "***" + url[span[1] :] if span else url
    base, question, params = masked.partition("?")
    kept = []
    for param in params.split("&"):
        name, equals, _ = param.partition("=")
        secret = equals and unquote(name).strip().lower() == "password"
        kept.append(f"{name}=***" if secret else param)
    return base + question + "&".join(kept)


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

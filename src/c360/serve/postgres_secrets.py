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
    before it, or at the last "@" before the first "?" after a "/". Only a port before the "?"
    and an "@" inside a ``password=`` parameter read as the query's password, not the user's.
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
    if at < 0 or colon < 0:
        return None
    port = url[colon + 1 : query] if colon < query else ""
    if port.isdigit() and _password_parameter_holds(url, query, at):
        return None  # "db:5432?password=s3@cr": a port, then the query's password
    return colon + 1, at


def _password_parameter_holds(url: str, query: int, at: int) -> bool:
    """Whether position ``at`` of ``url`` lies in the value of a ``password=`` parameter of the
    query that starts at ``query``."""
    start = query + 1
    for param in url[start:].split("&"):
        name, equals, _ = param.partition("=")
        if equals and start + len(name) < at < start + len(param) and _is_password(name):
            return True
        start += len(param) + 1
    return False


def _is_password(name: str) -> bool:
    return unquote(name).strip().lower() == "password"


def passwords(url: str) -> list[str]:
    """Every password in ``url`` as written, in every reading: its user part, ``password=``
    parameters, or a key=value string's ``password``."""
    found = []
    if span := _user_password(url):
        whole = url[span[0] : span[1]]
        # libpq's own readings take it apart at an "@", a "/" or a "?" and echo the pieces
        found += [whole, *re.split(r"[@/?]", whole)]
    if not _SCHEME.match(url):
        for match in _KEYWORD.finditer(url):
            value = match[2]
            found.append(value)
            if value.startswith("'"):  # libpq's quoting: the value inside, \' as '
                found += [value[1:-1], re.sub(r"\\(.)", r"\1", value[1:-1])]
    for param in url.partition("?")[2].split("&"):
        name, equals, value = param.partition("=")
        if equals and _is_password(name):
            # libpq reads a value holding an "@" after a port as a user part and echoes pieces
            found += [value, *re.split(r"[@/?]", value)]
    return list(dict.fromkeys(p for p in found if p))


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
        secret = equals and _is_password(name)
        kept.append(f"{name}=***" if secret else param)
    return base + question + "&".join(kept)


def scrub(text: str, url: str) -> str:
    """``text`` with ``url``, as libpq may echo it, redacted, and no password of ``url`` left
    anywhere else in it, as written or decoded. A password is hidden where it stands alone, not
    inside a longer word or number: a password ``a`` leaves "failed" whole, ``x5432y`` port 5432."""
    if not url:
        return text
    shown = redact(url)
    secrets = sorted({s for p in passwords(url) for s in (p, unquote(p))}, key=len, reverse=True)
    words = "|".join(map(re.escape, secrets))
    alone = re.compile(rf"(?<![^\W_])(?:{words})(?![^\W_])") if secrets else None
    pieces = re.split(f"({re.escape(url)}|{re.escape(shown)})", text)
    for i, piece in enumerate(pieces):
        if i % 2:
            pieces[i] = shown
        elif alone:
            pieces[i] = alone.sub("***", piece)
    return "".join(pieces)

"""Passwords kept out of what a load prints: a connection URL redacted, an error scrubbed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

_SCHEME = re.compile(r"^[A-Za-z][\w+.-]*://")
_ANY_SCHEME = re.compile(r"(?<![\w+.-])[A-Za-z][\w+.-]*://")  # a URL inside a longer string
# libpq's connection keywords (PostgreSQL 18's and those of earlier releases).
KEYWORDS = frozenset((
    "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "require_auth",
    "channel_binding", "connect_timeout", "client_encoding", "options", "application_name",
    "fallback_application_name", "keepalives", "keepalives_idle", "keepalives_interval",
    "keepalives_count", "tcp_user_timeout", "replication", "gssencmode", "sslmode",
    "sslnegotiation", "requiressl", "sslcompression", "sslcert", "sslkey", "sslkeylogfile",
    "sslpassword", "sslcertmode", "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer",
    "ssl_min_protocol_version", "ssl_max_protocol_version", "min_protocol_version",
    "max_protocol_version", "krbsrvname", "gsslib", "gssdelegation", "service",
    "target_session_attrs", "load_balance_hosts", "scram_client_key", "scram_server_key",
    "oauth_issuer", "oauth_client_id", "oauth_client_secret", "oauth_scope",
))  # fmt: skip
# A name that says "pass" or "pwd": password, sslpassword, one misspelt ("passwd", "PWD"), and
# passfile, which ``_is_secret`` sets apart.
_SECRET = r"[^\s=]*(?:pass|pwd)[^\s=]*"
# What ends a password's widest reading: the next libpq keyword, or another secret option.
_OPTION = re.compile(rf"{'|'.join(sorted(KEYWORDS))}|{_SECRET}", re.IGNORECASE)
# A libpq key=value string ("host=db password=s3cret"), which is not a URL but may be given.
_KEYWORD = re.compile(rf"({_SECRET})\s*=\s*", re.IGNORECASE)
_NAME = re.compile(r"\s*([^\s=]*)\s*(=?)\s*")  # how libpq reads a keyword and its "="
_NEXT_KEYWORD = re.compile(rf"\s+(?:{_OPTION.pattern})\s*=", re.IGNORECASE)
# libpq's words for an option it does not know, in a URL's query and in a key=value string.
_UNKNOWN = re.compile(r'(?:invalid URI query parameter: |invalid connection option )"([^"]*)"')
_SECRET_NAME = re.compile(r"([^\s=?&]*)\s*=\s*$")  # the option whose value starts at the end


def _spans(url: str) -> list[tuple[int, int]]:
    """Where each password of ``url`` starts and ends: a key=value string's and those of every
    URL in ``url``, wherever it starts."""
    found = [] if _SCHEME.match(url) else list(_keyword_passwords(url))
    for scheme in _ANY_SCHEME.finditer(url):
        at = scheme.start()
        found += [(at + start, at + end) for start, end in _url_passwords(url[at:])]
    return found


def _keyword_passwords(text: str) -> Iterator[tuple[int, int]]:
    """The password values of a key=value string, each in its widest reading: libpq's, on to
    the next libpq keyword or secret option (a space or a quote libpq reads as the value's end,
    or a "=" as another's start, may belong to it), or to the end of an unterminated quote."""
    done = 0
    while match := _KEYWORD.search(text, done):
        done = match.end()
        if not _is_secret(match[1]):
            continue
        following = _NEXT_KEYWORD.search(text, _value_end(text, match.end()))
        done = following.start() if following else len(text)
        yield match.end(), done


def _value_end(text: str, at: int) -> int:
    """Where libpq ends the value that starts at ``at``: at a space, or after the closing quote
    of a quoted one; a backslash escapes the character after it."""
    quoted = text.startswith("'", at)
    at += quoted
    while at < len(text):
        if text[at] == "\\":
            at += 2
        elif text[at] == "'" if quoted else text[at].isspace():
            return at + quoted
        else:
            at += 1
    return len(text)


def _libpq_words(value: str) -> list[str]:
    """What libpq reads of a password's widest reading: its value, then the names (which it
    echoes when they are no keywords) and values of the keywords it takes the rest for."""
    at = _value_end(value, 0)
    words = [value[:at]]
    while at < len(value):
        name = _NAME.match(value, at)
        assert name  # the pattern matches at any place
        words.append(name[1])
        at = name.end()
        if name[2]:
            words.append(value[at : (at := _value_end(value, at))])
    return words


def _url_passwords(url: str) -> list[tuple[int, int]]:
    """The password of ``url``'s user part and those of the secret parameters of its
    query, read once that password is masked (a "?" inside it starts no query)."""
    user = _user_password(url)
    if not user:
        return list(_query_passwords(url))
    start, end = user
    shown = url[:start] + "***" + url[end:]

    def back(at: int, ends: bool) -> int:  # from ``shown`` to ``url``: "***" is the password
        if at <= start or (at < start + 3 and not ends):
            return min(at, start)
        return max(at + end - start - 3, end)

    return [user] + [(back(a, False), back(b, True)) for a, b in _query_passwords(shown)]


def _query_passwords(url: str) -> Iterator[tuple[int, int]]:
    """The values of the password parameters after the first "?" of ``url``, each on to the
    "&" before the next keyword's or secret option's parameter: libpq ends a value at any "&",
    so what follows may belong to it, and libpq echoes it as a parameter of its own."""
    start = url.find("?") + 1
    if not start:
        return
    value = None
    for param in url[start:].split("&"):
        name, equals, _ = param.partition("=")
        if value is not None and equals and _OPTION.fullmatch(unquote(name)):
            yield value, start - 1
            value = None
        if value is None and equals and _is_secret(name):
            value = start + len(name) + 1
        start += len(param) + 1
    if value is not None:
        yield value, len(url)


def _user_password(url: str) -> tuple[int, int] | None:
    """Where the password of ``url``'s user part starts and ends: after the user's first ":" up
    to the last "@" before the query. libpq stops at the first "@" (or a "/" before it), so a
    password holding either is read as a host or a port and echoed: the widest reading hides it.
    A "?" does not stop libpq: a password holding one ends at the first "@" when no "/" comes
    before it, or at the last "@" before the first "?" after a "/". Only a port before the "?"
    and an "@" inside a secret parameter read as the query's password, not the user's.
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
    if port.isdigit() and any(a <= at < b for a, b in _query_passwords(url)):
        return None  # "db:5432?password=s3@cr": a port, then the query's password
    return colon + 1, at


def _is_secret(name: str) -> bool:
    """Whether option ``name`` holds a password: a name saying "pass" or "pwd" in any case, as
    libpq's password and sslpassword do, but passfile, whose value is a path."""
    name = unquote(name).strip()
    return re.search("pass|pwd", name, re.IGNORECASE) is not None and name != "passfile"


def passwords(url: str) -> list[str]:
    """Every password in ``url`` as written, in every reading: the user part and secret
    parameters of any URL in it, or a key=value string's secret options; and the pieces of each
    libpq may echo."""
    urls = [scheme.start() for scheme in _ANY_SCHEME.finditer(url)]
    found = []
    for at in urls:
        if user := _user_password(url[at:]):
            found += _url_readings(url[at + user[0] : at + user[1]])
    if not _SCHEME.match(url):
        for start, end in _keyword_passwords(url):
            for word in _libpq_words(url[start:end]):  # quoted, the value inside, \' as '
                inner = word[1:-1] if len(word) > 1 and word[0] == word[-1] == "'" else word
                found += [word, inner, re.sub(r"\\(.)", r"\1", inner)]
    for at in dict.fromkeys([0, *urls]):  # a query may start at the string's first "?" too
        for start, end in _query_passwords(url[at:]):
            value = url[at + start : at + end]  # its pieces libpq reads as parameters too
            found += _url_readings(value) + re.split("[&=]", value)
    return list(dict.fromkeys(p for p in found if p))


def _url_readings(password: str) -> list[str]:
    """``password`` and the pieces libpq echoes of it: it takes a URL apart at "@", "/", "?"."""
    return [password, *re.split(r"[@/?]", password)]


def _options_after(url: str) -> dict[str, str]:
    """The options (``name=value``) libpq reads inside a password's widest reading, after the
    value it takes for the password, by name as libpq echoes it: each with where it stands and
    how to write a password holding what set it apart. They stay hidden, as a piece of the
    password they may be, but a message can tell which option it is."""
    found: dict[str, str] = {}
    urls = [scheme.start() for scheme in _ANY_SCHEME.finditer(url)]
    for at in dict.fromkeys([0, *urls]):
        for start, end in _query_passwords(url[at:]):
            secret = _secret_name(url[at : at + start])
            params = [p for p in url[at + start : at + end].split("&")[1:] if "=" in p]
            for i, param in enumerate(params):
                place = "the parameter" if i == 0 else "a parameter"
                found.setdefault(
                    unquote(param.partition("=")[0]),
                    f"{place} after {secret}=, hidden as it may be part of the password: write "
                    'a "&" in a password as %26',
                )
    if _SCHEME.match(url):
        return found
    for start, end in _keyword_passwords(url):
        secret, value = _secret_name(url[:start]), url[start:end]
        write = (
            "write a quote inside a quoted password as \\'"
            if value.startswith("'")
            else f"put a password holding a space in quotes, {secret}='…'"
        )
        at, names = _value_end(value, 0), []
        while at < len(value):
            word = _NAME.match(value, at)
            assert word  # the pattern matches at any place
            at = word.end()
            if word[2]:
                names.append(word[1])
                at = _value_end(value, at)
        for i, name in enumerate(names):
            place = "the option" if i == 0 else "an option"
            found.setdefault(
                name, f"{place} after {secret}=, hidden as it may be part of the password: {write}"
            )
    return found


def _secret_name(before: str) -> str:
    """The name of the option whose value starts at the end of ``before``."""
    named = _SECRET_NAME.search(before)
    return named[1] if named else "password"


def redact(url: str) -> str:
    """``url`` with every password (in the user part or a secret parameter of a URL, wherever
    the URL starts, or a key=value string's secret option) as ``***``. A secret option is
    ``password``, ``sslpassword`` or any other but ``passfile`` whose name says "pass" or "pwd".

    >>> redact("postgresql://bi:s3cret@db/gold?sslmode=require&password=s3cret")
    'postgresql://bi:***@db/gold?sslmode=require&password=***'
    >>> redact("postgresql://bi:a/b@c@db/gold"), redact("host=db password='s 3' user=bi")
    ('postgresql://bi:***@db/gold', 'host=db password=*** user=bi')
    >>> redact("host=db password=my secret dbname=gold"), redact("URL=postgres://bi:s3@db")
    ('host=db password=*** dbname=gold', 'URL=postgres://bi:***@db')
    >>> redact("postgresql://db/gold?password=s3&cr&port=1"), redact("host=db passwd=s3")
    ('postgresql://db/gold?password=***&port=1', 'host=db passwd=***')
    """
    shown, done = [], 0
    for start, end in sorted(_spans(url)):
        if start >= done:
            shown += [url[done:start], "***"]
        done = max(done, end)
    return "".join(shown) + url[done:]


def scrub(text: str, url: str) -> str:
    """``text`` with ``url``, as libpq may echo it, redacted, and no password of ``url`` left
    anywhere else in it, as written or decoded. A password is hidden where it stands alone, not
    inside a longer word or number: a password ``a`` leaves "failed" whole, ``x5432y`` port 5432.
    An option libpq does not know, hidden as a piece of a password it may be, is told by its
    place instead (``"***" (the parameter after password=, …)``)."""
    if not url:
        return text
    if after := _options_after(url):  # an unknown option hidden with a password: where it is
        text = _UNKNOWN.sub(lambda m: f"{m[0]} ({after[m[1]]})" if m[1] in after else m[0], text)
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

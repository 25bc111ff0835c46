"""Pseudonymisation of direct identifiers: keyed HMAC-SHA256 by default, MD5 on request.

An unkeyed hash of an e-mail can be reversed with a dictionary of likely addresses, so the
default is HMAC-SHA256 with a secret key; ``md5`` is seed 004's unkeyed hash and exists only
for compatibility. Either way the value hashed is the conformed one (an e-mail trimmed and
lower-cased, a phone in E.164), so one address written two ways has one pseudonym, and a value
that is not a deliverable e-mail or valid phone has none. The key comes from the environment
variable named in the project file, or from a key file that c360 creates inside the workspace
(never in a repository).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import secrets
from collections.abc import Callable
from pathlib import Path

import ibis
import pyarrow as pa
from ibis.expr.types import StringValue

from c360.config import ConfigError
from c360.pipeline.silver.privacy_check import check_key, recorded
from c360.workspace import special_file

KEY_FILE = Path(".c360") / "privacy.key"
Pseudonymise = Callable[[StringValue], StringValue]


def privacy_key(workspace: Path, env_var: str = "C360_PRIVACY_KEY") -> bytes:
    """The workspace's key: ``$env_var`` if set, else ``.c360/privacy.key`` (made on first use).

    A key that is empty or not text is an error rather than a new key: every pseudonym would
    change, silently. So is a key other than the one the workspace's pseudonyms were made with
    (``privacy_check``: a key file lost in a copy, the variable set in one run and not the next);
    no key file is made where the lake records such a key.
    """
    if (value := os.environ.get(env_var)) is not None:
        return _from_environment(workspace, env_var, value)
    path = Path(workspace) / KEY_FILE
    if not path.exists():
        if made_with := recorded(workspace):  # a new key would only be refused, and stay
            raise ConfigError(
                f"no privacy key: {env_var} is not set and {path} does not exist; this "
                f"workspace's pseudonyms were made with the key of fingerprint {made_with}: set "
                f"{env_var} as before (or restore {path}), or delete lake/ to start over"
            )
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # only its owner lists it
        _make_key_file(path)
    restore = "restore the key it held (removing it makes a new key: every pseudonym changes)"
    if special_file(path):
        raise ConfigError(f"{path} is a pipe, a socket or a device: {restore}")
    try:
        key = path.read_text(encoding="utf-8").strip()
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not a key written as text: {restore}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read the privacy key {path}: {exc.strerror}") from None
    if not key:
        raise ConfigError(f"{path} is empty: {restore}")
    check_key(workspace, key.encode(), str(path))
    return key.encode()


def _make_key_file(path: Path) -> None:
    """Write a new key to ``path``, made readable by its owner only (0600) as it is created, so
    others cannot read it even for a moment, whatever the umask. A file another run made in
    the meantime (or any file there, a link included) is left as it is, and read."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(secrets.token_hex(32))


def _from_environment(workspace: Path, env_var: str, value: str) -> bytes:
    """The key ``$env_var`` holds, refused as a key file is when it is blank or not text
    (bytes that are not UTF-8, which Python reads as lone surrogates)."""
    if not value.strip():
        raise ConfigError(
            f"environment variable {env_var} is set but empty: give the key, or unset it "
            "to use the workspace's key file"
        )
    try:
        key = value.encode("utf-8")
    except UnicodeEncodeError:
        raise ConfigError(
            f"environment variable {env_var} is not a key written as text (it holds bytes that "
            "are not UTF-8): give the key as text, or unset it to use the workspace's key file"
        ) from None
    check_key(workspace, key, f"environment variable {env_var}")
    return key


def pseudonymiser(mode: str, key: bytes | None = None) -> Pseudonymise:
    """A function mapping a text column to its pseudonym (NULL stays NULL)."""
    if mode == "md5":
        return lambda value: value.hexdigest("md5")
    if mode != "hmac" or not key:
        raise ValueError("pseudonymisation is 'hmac' (with a key) or 'md5'")

    # The key lives in this closure, never in the SQL an engine logs. An Arrow function: DuckDB
    # hands it a block of values at a time (one call per value took twice as long as hashing
    # them); Spark hands it one value.
    @ibis.udf.scalar.pyarrow(null_handling="special")
    def hmac_sha256(value: str) -> str:
        from c360.pipeline.silver.privacy import pseudonyms  # shipped to Spark's workers

        return pseudonyms(key, value)  # type: ignore[return-value]

    return lambda value: hmac_sha256(value)


def pseudonym(key: bytes, value: str | None, mode: str = "hmac") -> str | None:
    """One value's pseudonym, as silver writes it (NULL stays NULL)."""
    if value is None:
        return None
    if mode == "md5":
        return hashlib.md5(value.encode("utf-8")).hexdigest()
    digest = _keyed(key).copy()
    digest.update(value.encode("utf-8"))
    return digest.hexdigest()


def pseudonyms(key: bytes, values: pa.Array | pa.ChunkedArray | str | None) -> object:
    """The pseudonym of each value of an Arrow array, as an array (NULL stays NULL); of one
    value, that value's (:func:`pseudonym`)."""
    if not isinstance(values, pa.Array | pa.ChunkedArray):
        return pseudonym(key, values)
    keyed = _keyed(key)
    out: list[str | None] = []
    for value in values.to_pylist():
        if value is None:
            out.append(None)
            continue
        digest = keyed.copy()
        digest.update(value.encode("utf-8"))
        out.append(digest.hexdigest())
    return pa.array(out, pa.string())


@functools.lru_cache(maxsize=4)
def _keyed(key: bytes) -> hmac.HMAC:
    """HMAC-SHA256 with ``key`` and no message yet: each value's pseudonym starts from a copy
    of it, which spares setting the key up again (1.1 µs a value instead of 1.5 µs)."""
    return hmac.new(key, digestmod=hashlib.sha256)

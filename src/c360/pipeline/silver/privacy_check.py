"""Which key a workspace's pseudonyms were made with, so that another key never silently
replaces it.

A key's fingerprint (an HMAC of a fixed text, which tells nothing of the key) is kept in the
lake, in ``lake/privacy_key.id``, when a key is first used there. A later key whose
fingerprint differs (a key file lost in a copy, ``C360_PRIVACY_KEY`` set in one run and not
the next) would change every pseudonym the lake, the exports and PostgreSQL hold: it is
refused. Deleting ``lake/`` starts over with the new key.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

from c360.config import ConfigError

FINGERPRINT_FILE = Path("lake") / "privacy_key.id"
_TEXT = b"c360 privacy key fingerprint"


def fingerprint(key: bytes) -> str:
    """A short fingerprint of ``key``: the same key, the same text; another key, another."""
    return hmac.new(key, _TEXT, hashlib.sha256).hexdigest()[:16]


def check_key(workspace: Path, key: bytes, source: str) -> None:
    """Raise ``ConfigError`` if the workspace's pseudonyms were made with another key than
    ``key`` (read from ``source``: the key file or the environment variable); record the key's
    fingerprint when none is recorded and the lake is there."""
    path = Path(workspace) / FINGERPRINT_FILE
    mine = fingerprint(key)
    made_with = recorded(workspace)
    if not made_with:
        if path.parent.is_dir():  # no lake, no pseudonym yet: the run's silver records it
            path.write_text(mine + "\n", encoding="utf-8")
        return
    if made_with != mine:
        raise ConfigError(
            f"the privacy key from {source} is not the one this workspace's pseudonyms were made "
            f"with (its fingerprint is {mine}, {path} says {made_with}): every pseudonym would "
            "change. Restore the key the workspace used (the file .c360/privacy.key, or the "
            "environment variable set as before), or delete lake/ to start over with this key"
        )


def recorded(workspace: Path) -> str:
    """The fingerprint of the key the workspace's pseudonyms were made with, ``""`` when none
    is recorded (no lake yet, or one older than the record)."""
    path = Path(workspace) / FINGERPRINT_FILE
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None

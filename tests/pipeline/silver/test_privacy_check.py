"""The key a workspace's pseudonyms were made with is the one every later run uses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from c360.config import ConfigError
from c360.pipeline.silver.privacy_check import FINGERPRINT_FILE, check_key, fingerprint


def test_a_fingerprint_tells_keys_apart_and_not_the_key() -> None:
    assert fingerprint(b"k1") == fingerprint(b"k1") != fingerprint(b"k2")
    assert len(fingerprint(b"k1")) == 16 and b"k1".hex() not in fingerprint(b"k1")


def test_no_lake_no_record(tmp_path: Path) -> None:
    """A run that stops before bronze writes nothing: the key is recorded with the lake."""
    check_key(tmp_path, b"k1", "the key file")
    assert not (tmp_path / "lake").exists()
    check_key(tmp_path, b"k2", "the key file")


def test_the_first_key_is_recorded_and_the_same_key_passes(tmp_path: Path) -> None:
    (tmp_path / "lake").mkdir()
    check_key(tmp_path, b"k1", "the key file")
    assert (tmp_path / FINGERPRINT_FILE).read_text() == fingerprint(b"k1") + "\n"
    check_key(tmp_path, b"k1", "environment variable C360_PRIVACY_KEY")


def test_another_key_is_refused_naming_where_it_came_from(tmp_path: Path) -> None:
    (tmp_path / "lake").mkdir()
    check_key(tmp_path, b"k1", "the key file")
    with pytest.raises(ConfigError, match=r"^the privacy key from environment variable X is not"):
        check_key(tmp_path, b"k2", "environment variable X")
    assert (tmp_path / FINGERPRINT_FILE).read_text() == fingerprint(b"k1") + "\n"


def test_a_deleted_lake_starts_over_with_the_new_key(tmp_path: Path) -> None:
    (tmp_path / "lake").mkdir()
    check_key(tmp_path, b"k1", "the key file")
    shutil.rmtree(tmp_path / "lake")
    (tmp_path / "lake").mkdir()  # the next run's
    check_key(tmp_path, b"k2", "the key file")
    assert (tmp_path / FINGERPRINT_FILE).read_text() == fingerprint(b"k2") + "\n"

"""Pseudonyms: HMAC-SHA256 with the workspace's key, the same for every key length."""

from __future__ import annotations

import hashlib
import hmac
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pytest

from c360.config import ConfigError
from c360.engines import Engine
from c360.pipeline.silver.privacy import (
    KEY_FILE,
    privacy_key,
    pseudonym,
    pseudonymiser,
    pseudonyms,
)
from c360.pipeline.silver.privacy_check import FINGERPRINT_FILE, fingerprint


@pytest.mark.parametrize("key", [b"k", b"0123456789abcdef" * 4, b"x" * 65, "clé".encode()])
def test_a_pseudonym_is_the_hmac_sha256_of_the_value(key: bytes) -> None:
    for value in ["ann@mail.fr", "", "Élodie", "+33612345678"]:
        expected = hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()
        assert pseudonym(key, value) == expected


def test_each_key_gives_its_own_pseudonyms_and_nothing_stays_nothing() -> None:
    first, second = pseudonym(b"one", "ann@mail.fr"), pseudonym(b"two", "ann@mail.fr")
    assert first != second
    assert pseudonym(b"one", "ann@mail.fr") == first  # the keyed start is reused, unchanged
    assert pseudonym(b"one", None) is None
    assert pseudonym(b"one", "ann@mail.fr", "md5") == hashlib.md5(b"ann@mail.fr").hexdigest()


def _hmac(key: bytes, value: str) -> str:
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def test_pseudonyms_of_an_arrow_array_or_of_one_value() -> None:
    """An array gives an array of the same length, NULL where the value is NULL; one value
    gives its own pseudonym, as Spark asks for them."""
    key = b"k"
    values = ["ann@mail.fr", None, "Élodie", "ann@mail.fr"]
    expected = [_hmac(key, "ann@mail.fr"), None, _hmac(key, "Élodie"), _hmac(key, "ann@mail.fr")]
    out = pseudonyms(key, pa.array(values, pa.string()))
    assert isinstance(out, pa.Array)
    assert out.type == pa.string()
    assert out.to_pylist() == expected
    chunked = pa.chunked_array([values[:1], values[1:]], pa.string())
    assert pseudonyms(key, chunked).to_pylist() == expected  # type: ignore[attr-defined]
    assert pseudonyms(key, "ann@mail.fr") == expected[0]
    assert pseudonyms(key, None) is None


def test_the_engine_writes_each_value_s_hmac_and_keeps_nulls(engine: Engine) -> None:
    key = b"0123456789abcdef" * 4
    values = ["ann@mail.fr", None, "+33612345678", "", "Élodie"]
    t = engine.register("to_pseudonymise", pa.table({"v": pa.array(values, pa.string())}))
    out = engine.to_arrow(t.select(h=pseudonymiser("hmac", key)(t.v))).column("h").to_pylist()
    assert out == [None if v is None else _hmac(key, v) for v in values]


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_key_in_the_environment_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """Read as no key, it would mean the key file: other pseudonyms, silently."""
    monkeypatch.setenv("MY_KEY", value)
    with pytest.raises(ConfigError) as caught:
        privacy_key(tmp_path, "MY_KEY")
    assert str(caught.value) == (
        "environment variable MY_KEY is set but empty: give the key, or unset it to use the "
        "workspace's key file"
    )
    assert not (tmp_path / KEY_FILE).exists()


def test_the_key_file_is_made_once_then_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MY_KEY", raising=False)
    first = privacy_key(tmp_path / "a", "MY_KEY")
    assert len(first) == 64 and privacy_key(tmp_path / "a", "MY_KEY") == first
    monkeypatch.setenv("MY_KEY", "from the environment")
    assert privacy_key(tmp_path / "b", "MY_KEY") == b"from the environment"


def test_the_key_file_is_made_readable_by_its_owner_only_from_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made with mode 0600 rather than written and then restricted: under a umask that lets
    others read new files, there is no moment when they can read the key."""
    monkeypatch.delenv("MY_KEY", raising=False)

    def no_change(*args: object, **kwargs: object) -> None:
        raise AssertionError("the key file's mode was changed after it was made")

    monkeypatch.setattr(os, "chmod", no_change)
    previous = os.umask(0o022)
    try:
        key = privacy_key(tmp_path, "MY_KEY")
    finally:
        os.umask(previous)
    path = tmp_path / KEY_FILE
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert path.read_text(encoding="utf-8").encode() == key and len(key) == 64


def test_a_key_file_made_by_another_run_meanwhile_is_read_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two runs making the key at once: the one that finds the file made keeps the other's."""
    monkeypatch.delenv("MY_KEY", raising=False)
    path = tmp_path / KEY_FILE
    path.parent.mkdir()
    path.write_text("made by the other run", encoding="utf-8")
    exists = Path.exists
    monkeypatch.setattr(Path, "exists", lambda p: False if p == path else exists(p))
    assert privacy_key(tmp_path, "MY_KEY") == b"made by the other run"


def test_a_key_other_than_the_workspace_s_is_refused_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The variable set in one run and not the next, or a key file lost in a copy, would change
    every pseudonym the lake, the exports and PostgreSQL hold."""
    (tmp_path / "lake").mkdir()  # a run landed its sources
    monkeypatch.setenv("MY_KEY", "from the environment")
    privacy_key(tmp_path, "MY_KEY")
    monkeypatch.delenv("MY_KEY")
    (tmp_path / KEY_FILE).parent.mkdir()
    (tmp_path / KEY_FILE).write_text("another key")
    with pytest.raises(ConfigError, match=rf"^the privacy key from {tmp_path / KEY_FILE} is not"):
        privacy_key(tmp_path, "MY_KEY")
    (tmp_path / KEY_FILE).unlink()
    shutil.rmtree(tmp_path / "lake")  # starting over: the new key is the workspace's
    (tmp_path / "lake").mkdir()
    key = privacy_key(tmp_path, "MY_KEY")
    (tmp_path / KEY_FILE).unlink()  # lost: no new key file is made, the old one is asked for
    with pytest.raises(ConfigError, match="delete lake/ to start over"):
        privacy_key(tmp_path, "MY_KEY")
    assert not (tmp_path / KEY_FILE).exists()
    (tmp_path / KEY_FILE).write_text(key.decode())
    assert privacy_key(tmp_path, "MY_KEY") == key


@pytest.mark.parametrize(
    ("content", "says"),
    [(b"", "is empty"), (b" \n", "is empty"), (b"\xff\xfe\x00k", "is not a key written as text")],
)
def test_a_key_file_emptied_or_garbled_is_an_error_not_a_new_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, says: str
) -> None:
    monkeypatch.delenv("MY_KEY", raising=False)
    (tmp_path / KEY_FILE).parent.mkdir()
    (tmp_path / KEY_FILE).write_bytes(content)
    with pytest.raises(ConfigError) as caught:
        privacy_key(tmp_path, "MY_KEY")
    assert str(caught.value) == (
        f"{tmp_path / KEY_FILE} {says}: restore the key it held (removing it makes a new key: "
        "every pseudonym changes)"
    )
    assert (tmp_path / KEY_FILE).read_bytes() == content  # left as it was


def test_a_key_file_that_is_a_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / KEY_FILE).mkdir(parents=True)
    with pytest.raises(ConfigError, match=r"cannot read the privacy key .*privacy\.key: "):
        privacy_key(tmp_path, "C360_NO_SUCH_VARIABLE")


def test_a_key_file_that_is_a_named_pipe_is_one_line_not_a_wait(tmp_path: Path) -> None:
    (tmp_path / KEY_FILE).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(tmp_path / KEY_FILE)
    with pytest.raises(ConfigError, match=r"is a pipe, a socket or a device: restore the key"):
        privacy_key(tmp_path, "C360_NO_SUCH_KEY_VARIABLE")


def test_a_key_in_the_environment_that_is_not_text_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bytes that are not UTF-8 (read by Python as surrogates) are refused as a key file that
    is not text is: a key is text, the same whichever way it is given."""
    monkeypatch.setenv("MY_KEY", b"\xff\xfekey".decode("utf-8", "surrogateescape"))
    with pytest.raises(ConfigError) as caught:
        privacy_key(tmp_path, "MY_KEY")
    assert str(caught.value) == (
        "environment variable MY_KEY is not a key written as text (it holds bytes that are not "
        "UTF-8): give the key as text, or unset it to use the workspace's key file"
    )
    assert not (tmp_path / KEY_FILE).exists()


def test_no_key_where_the_lake_s_pseudonyms_were_made_with_one_makes_no_key_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The variable forgotten in a later run: a new key file would only be refused, and stay."""
    (tmp_path / "lake").mkdir()
    monkeypatch.setenv("MY_KEY", "from the environment")
    privacy_key(tmp_path, "MY_KEY")
    monkeypatch.delenv("MY_KEY")
    with pytest.raises(ConfigError) as caught:
        privacy_key(tmp_path, "MY_KEY")
    assert str(caught.value) == (
        f"no privacy key: MY_KEY is not set and {tmp_path / KEY_FILE} does not exist; this "
        "workspace's pseudonyms were made with the key of fingerprint "
        f"{fingerprint(b'from the environment')}: set MY_KEY as before (or restore "
        f"{tmp_path / KEY_FILE}), or delete lake/ to start over"
    )
    assert not (tmp_path / KEY_FILE).exists()
    monkeypatch.setenv("MY_KEY", "from the environment")
    assert privacy_key(tmp_path, "MY_KEY") == b"from the environment"


def test_a_fresh_workspace_or_lake_without_a_fingerprint_gets_a_key_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MY_KEY", raising=False)
    (tmp_path / "lake").mkdir()  # a lake whose key was never recorded
    key = privacy_key(tmp_path, "MY_KEY")
    assert (tmp_path / KEY_FILE).read_text() == key.decode()
    assert (tmp_path / FINGERPRINT_FILE).read_text() == fingerprint(key) + "\n"

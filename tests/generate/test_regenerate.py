"""``--force`` replaces what the generator wrote and nothing else: files of one's own stay, and
one at a path the generator writes stops it before anything is touched."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from c360.generate import Plan, WorkspaceNotEmptyError, generate, plan, runner

SMALL = Plan(scale=0.01)
NOTES = "sources/c360/text/customer_knowledge_notes"
# Files of the user's own, beside and inside the generator's folders (the first is
# docs/own-data.md's example of a manifest entry).
OWN = {
    "sources/crm/export_clients.csv": "customer_id\nC1\n",
    "sources/c360/my_notes.csv": "mine\n",
    f"{NOTES}/my_note.txt": "kept\n",
    "sources/c360/orders.parquet": "not the generator's\n",  # the other format's path
    "truth/my_scores.csv": "score\n1\n",
}


def _write(workspace: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = workspace / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def _read(workspace: Path, names: list[str] | dict[str, str]) -> dict[str, str]:
    return {n: (workspace / n).read_text() for n in names if (workspace / n).is_file()}


def _listing(workspace: Path) -> dict[str, bytes]:
    return {
        p.relative_to(workspace).as_posix(): p.read_bytes()
        for p in sorted(workspace.rglob("*"))
        if p.is_file() and p.name != ".c360.lock"
    }


def test_force_keeps_files_of_ones_own_and_writes_what_a_fresh_run_writes(tmp_path: Path) -> None:
    w = tmp_path / "w"
    generate(w, SMALL)
    _write(w, OWN)
    result = generate(w, Plan(scale=0.01, seed=7), force=True)
    assert _read(w, OWN) == OWN
    fresh = generate(tmp_path / "fresh", Plan(scale=0.01, seed=7))
    assert result.manifest_sha256 == fresh.manifest_sha256
    notes = sorted(p.name for p in (w / NOTES).iterdir())
    assert notes == sorted(
        ["my_note.txt", *(p.name for p in (tmp_path / "fresh" / NOTES).iterdir())]
    )


def test_force_takes_away_the_files_of_the_previous_format(tmp_path: Path) -> None:
    w = tmp_path / "w"
    generate(w, SMALL)
    assert (w / "sources/c360/orders.csv").is_file()
    result = generate(w, Plan(scale=0.01, file_format="parquet"), force=True)
    assert not (w / "sources/c360/orders.csv").exists()
    fresh = generate(tmp_path / "fresh", Plan(scale=0.01, file_format="parquet"))
    assert result.manifest_sha256 == fresh.manifest_sha256
    assert _listing(w).keys() == _listing(tmp_path / "fresh").keys()


def test_text_folders_written_in_two_blocks_are_recognised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan, "BLOCK_SIZE", 120)
    w = tmp_path / "w"
    generate(w, SMALL)
    generate(w, Plan(scale=0.01, seed=7), force=True)
    assert len(list((w / NOTES).iterdir())) == 200


@pytest.mark.parametrize(
    ("changed", "named"),
    [
        ("sources/c360/orders.csv", "sources/c360/orders.csv"),
        ("truth/people.csv", "truth/people.csv"),
        (f"{NOTES}/CUST_000007.txt", f"{NOTES}/"),
        (
            "sources/ecommerce/products.parquet/part-00000.parquet",
            "sources/ecommerce/products.parquet",
        ),
    ],
)
def test_a_file_of_ones_own_where_the_generator_writes_stops_it_untouched(
    tmp_path: Path, changed: str, named: str
) -> None:
    w = tmp_path / "w"
    generate(w, SMALL)
    _write(w, {changed: "customer_id\nmine\n", "lake/gold/x/part-0.parquet": "old"})
    before = _listing(w)
    with pytest.raises(WorkspaceNotEmptyError) as caught:
        generate(w, Plan(scale=0.01, seed=7), force=True)
    message = str(caught.value)
    assert "\n" not in message
    assert named in message
    assert "sources/c360/crm_accounts.csv" not in message  # the generator's own are not named
    assert _listing(w) == before


def test_without_a_manifest_nothing_is_known_to_be_generated(tmp_path: Path) -> None:
    """Every file at a path the run writes is then someone's: the run stops naming them."""
    w = tmp_path / "w"
    generate(w, SMALL)
    (w / "sources/manifest.json").unlink()
    before = _listing(w)
    with pytest.raises(WorkspaceNotEmptyError, match=re.escape("sources/c360/crm_accounts.csv")):
        generate(w, SMALL, force=True)
    assert _listing(w) == before


def test_an_unreadable_manifest_is_replaced_and_files_of_ones_own_stay(tmp_path: Path) -> None:
    w = tmp_path / "w"
    _write(w, {**OWN, "sources/manifest.json": '{"files": [\n'})
    result = generate(w, SMALL, force=True)
    assert _read(w, OWN) == OWN
    assert result.manifest_sha256 == generate(tmp_path / "fresh", SMALL).manifest_sha256


def test_an_edited_manifest_does_not_make_ones_own_files_the_generators(tmp_path: Path) -> None:
    """A manifest pointing a table at a file of one's own (docs/own-data.md) leaves that file."""
    w = tmp_path / "w"
    generate(w, SMALL)
    _write(w, OWN)
    (w / "sources/c360/crm_customers.csv").unlink()
    digest = hashlib.sha256(OWN["sources/crm/export_clients.csv"].encode()).hexdigest()
    manifest = json.loads((w / "sources/manifest.json").read_text())
    for entry in manifest["files"]:
        if entry["table"] == "crm_customers":
            entry.update(path="sources/crm/export_clients.csv", sha256=digest)
    (w / "sources/manifest.json").write_text(json.dumps(manifest))
    generate(w, SMALL, force=True)
    assert _read(w, OWN) == OWN


def test_a_run_cut_short_is_replaced_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that stops before its manifest leaves a record of what it was writing, so that
    --force replaces its files; a run that finishes leaves none."""
    w = tmp_path / "w"
    generate(w, SMALL)
    _write(w, OWN)

    def cut(*args: object) -> str:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(runner, "_write_manifest", cut)
        with pytest.raises(OSError):
            generate(w, Plan(scale=0.01, seed=7), force=True)
    assert not (w / "sources/manifest.json").exists()
    result = generate(w, Plan(scale=0.01, seed=7), force=True)
    assert _read(w, OWN) == OWN
    assert (
        result.manifest_sha256
        == generate(tmp_path / "fresh", Plan(scale=0.01, seed=7)).manifest_sha256
    )
    assert sorted(p.name for p in (w / "sources").iterdir()) == [
        "c360", "crm", "ecommerce", "identity", "manifest.json", "marketing",
    ]  # fmt: skip

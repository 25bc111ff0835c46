"""How often language, sentiment and topic agree with labelled notes, overall and per language.

Two label sources back ``c360 text evaluate``: the generator's (``truth/note_labels.csv`` of a
workspace, scored on each note's body, never its headers) and the hand-written set
(``HANDWRITTEN``, shipped with c360: ``text``, ``language``, and ``sentiment`` and ``topic``
unless the language is "other"; an optional ``batch`` is scored separately too, so the notes
written after the cue lists were tuned keep an honest figure of their own). A label outside the
known ones, or a damaged truth file, is one :class:`TruthFileError` naming the file and line.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from c360.text.language import LANGUAGES, detect
from c360.text.parse import Rejected, parse_note
from c360.text.sentiment import SENTIMENTS, sentiment
from c360.text.topics import TOPICS, topic

TASKS = ("language", "sentiment", "topic")
HANDWRITTEN = Path(__file__).with_name("handwritten.jsonl")
KNOWN = {"language": (*LANGUAGES, "other"), "sentiment": SENTIMENTS, "topic": TOPICS}


class TruthFileError(ValueError):
    """A labelled file that cannot be scored against; the message, one line, names the file and
    where possible the line."""


@dataclass(frozen=True)
class Labelled:
    """A text and its expected labels (``None``: not labelled for that task)."""

    text: str
    language: str
    sentiment: str | None = None
    topic: str | None = None
    batch: str | None = None


def score(items: Iterable[Labelled]) -> dict[str, Any]:
    """Agreement per task, overall and per expected language (rates in [0, 1], or None).

    Language is detected; sentiment and topic are computed with the expected language, so
    each task is scored on its own.

    >>> s = score([Labelled("Client ravi, contrat renouvelé.", "fr", "positive", "renewal")])
    >>> s["notes"], s["sentiment_accuracy"], s["by_language"]["fr"]["topic_accuracy"]
    (1, 1.0, 1.0)
    """
    seen: Counter[tuple[str, str]] = Counter()
    hits: Counter[tuple[str, str]] = Counter()
    notes: Counter[str] = Counter()
    for item in items:
        notes[item.language] += 1
        found = {"language": detect(item.text)}
        if item.sentiment is not None:
            found["sentiment"] = sentiment(item.text, item.language)
        if item.topic is not None:
            found["topic"] = topic(item.text, item.language)
        expected = {"language": item.language, "sentiment": item.sentiment, "topic": item.topic}
        for task, label in found.items():
            seen[item.language, task] += 1
            hits[item.language, task] += label == expected[task]
    languages = sorted(notes)
    result: dict[str, Any] = {"notes": sum(notes.values())}
    for task in TASKS:
        result[f"{task}_accuracy"] = _rate(
            sum(hits[lang, task] for lang in languages), sum(seen[lang, task] for lang in languages)
        )
    result["by_language"] = {
        lang: {"notes": notes[lang]}
        | {f"{task}_accuracy": _rate(hits[lang, task], seen[lang, task]) for task in TASKS}
        for lang in languages
    }
    return result


def score_labels(workspace: Path | str) -> dict[str, Any]:
    """Scores on a generated workspace's notes against ``truth/note_labels.csv``.

    Notes whose file is missing, unreadable or malformed are counted in ``skipped``.
    """
    workspace = Path(workspace)
    items: list[Labelled] = []
    skipped = 0
    path = workspace / "truth" / "note_labels.csv"
    for line, row in read_csv_rows(path, ("file", "language", "sentiment", "topic")):
        labels: dict[str, str | None] = {task: row[task] for task in TASKS}
        if row["language"] == "other":  # not labelled for sentiment nor topic when blank
            labels |= {t: row[t] or None for t in ("sentiment", "topic")}
        for task, label in labels.items():
            check_label(task, label, KNOWN[task], f"{path}:{line}")
        try:
            text = (workspace / row["file"]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            skipped += 1
            continue
        note = parse_note(text)
        if isinstance(note, Rejected):
            skipped += 1
            continue
        items.append(Labelled(note.body, row["language"], labels["sentiment"], labels["topic"]))
    return score(items) | {"skipped": skipped}


def check_label(name: str, value: Any, known: Sequence[str], where: str) -> Any:
    """``value`` if it is None or one of ``known``, else :class:`TruthFileError` naming
    ``where`` (a file and line) and the ``name`` of the label."""
    if value is not None and value not in known:
        raise TruthFileError(f"{where}: {name} {value!r} is not one of: {', '.join(known)}")
    return value


def read_csv_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row of a UTF-8 CSV file with ``columns`` (among others) and its line number, blank
    lines passed over; :class:`TruthFileError` for a missing or empty file, a missing column, a
    line that is not UTF-8 or not CSV, or one of another number of values than the header."""
    try:
        with path.open("rb") as raw:
            reader = csv.reader(_decoded(path, raw), strict=True)
            line = 0  # the last line of the last row read
            try:
                header = next(reader, None)
                if not header:
                    raise TruthFileError(f"{path} is empty: its first line names no column")
                if missing := [c for c in columns if c not in header]:
                    raise TruthFileError(
                        f"{path}: no column {', '.join(map(repr, missing))} "
                        f"(columns: {', '.join(header)})"
                    )
                line = reader.line_num
                for values in reader:
                    line, start = reader.line_num, line + 1
                    if not values:
                        continue
                    if len(values) != len(header):
                        raise TruthFileError(
                            f"{path}:{start}: {len(values)} values where the header names "
                            f"{len(header)} (cut short?)"
                        )
                    yield start, dict(zip(header, values, strict=True))
            except csv.Error as exc:
                raise TruthFileError(f"{path}:{line + 1}: not CSV ({exc}; cut short?)") from None
    except FileNotFoundError:
        raise TruthFileError(f"no such file: {path}") from None
    except OSError as exc:
        raise TruthFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def _decoded(path: Path, raw: Iterable[bytes]) -> Iterator[str]:
    """The lines of a UTF-8 file (a byte order mark dropped), one at a time."""
    for number, line in enumerate(raw, start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise TruthFileError(f"{path}:{number}: not UTF-8 text ({exc.reason})") from None
        yield text.removeprefix("\ufeff") if number == 1 else text


def read_handwritten(path: Path | str) -> list[Labelled]:
    """The hand-written set: one JSON object per line (blank lines allowed)."""
    items = []
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                where = f"{path}:{number}"
                labels = {t: check_label(t, row.get(t), KNOWN[t], where) for t in TASKS}
                items.append(
                    Labelled(
                        row["text"],
                        row["language"],  # a note without one is not a labelled note
                        labels["sentiment"],
                        labels["topic"],
                        row.get("batch"),
                    )
                )
            except TruthFileError:
                raise
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: not a labelled note ({exc})") from None
    return items


def score_handwritten(path: Path | str) -> dict[str, Any]:
    """Scores on the hand-written set, overall and per batch when its rows name one."""
    items = read_handwritten(path)
    result = score(items)
    batches: dict[str, list[Labelled]] = defaultdict(list)
    for item in items:
        if item.batch is not None:
            batches[item.batch].append(item)
    if batches:
        result["by_batch"] = {name: score(batch) for name, batch in sorted(batches.items())}
    return result


def _rate(hits: int, total: int) -> float | None:
    return hits / total if total else None

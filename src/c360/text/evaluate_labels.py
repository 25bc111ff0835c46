"""How often language, sentiment and topic agree with labelled notes, overall and per language.

Two label sources back ``c360 text evaluate``: the generator's (``truth/note_labels.csv`` of a
workspace, scored on each note's body, never its headers) and the hand-written set
(``tests/text/handwritten.jsonl``: ``text``, ``language``, and ``sentiment`` and ``topic``
unless the language is "other"; an optional ``batch`` is scored separately too, so the notes
written after the cue lists were tuned keep an honest figure of their own).
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from c360.text.language import detect
from c360.text.parse import Rejected, parse_note
from c360.text.sentiment import sentiment
from c360.text.topics import topic

TASKS = ("language", "sentiment", "topic")


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
    with (workspace / "truth" / "note_labels.csv").open(encoding="utf-8", newline="") as labels:
        for row in csv.DictReader(labels):
            try:
                text = (workspace / row["file"]).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                skipped += 1
                continue
            note = parse_note(text)
            if isinstance(note, Rejected):
                skipped += 1
                continue
            items.append(Labelled(note.body, row["language"], row["sentiment"], row["topic"]))
    return score(items) | {"skipped": skipped}


def read_handwritten(path: Path | str) -> list[Labelled]:
    """The hand-written set: one JSON object per line (blank lines allowed)."""
    items = []
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                items.append(
                    Labelled(
                        row["text"],
                        row["language"],
                        row.get("sentiment"),
                        row.get("topic"),
                        row.get("batch"),
                    )
                )
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

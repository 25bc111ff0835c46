"""Score `find_pii` on a workspace's CRM notes against the generator's planted PII spans.

A true span is found if a predicted span of the same kind overlaps it (recall); a predicted span
is correct if it overlaps a true span of the same kind (precision). Overlap forgives a leak: with
"Pierre" redacted, "Pierre Le Goff" is found while "Le Goff" stays readable. So a true span is
also whole when no letter or digit of it is left readable (`whole_recall`), and `chars_left`
counts the letters and digits of true spans left readable. Spaces and punctuation between words
give nothing away and are not counted; any predicted span hides what it covers, whatever its
kind, so `whole_recall` can exceed `recall` only where a span is hidden under another label.

Only the note body, between its BEGIN/END markers, is searched; offsets are shifted back into
the whole file, as in `truth/pii_spans.csv`. A line of that file that is not a span of a known
kind within its note is a `TruthFileError` naming the line.
"""

import re
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from c360.text.evaluate_labels import TruthFileError, check_label, read_csv_rows
from c360.text.redact import KINDS, Span, find_pii

NOTES_DIR = Path("sources/c360/text/customer_knowledge_notes")
TRUTH_FILE = Path("truth/pii_spans.csv")
_BODY = re.compile(r"--- BEGIN NOTE ---\n(.*?)--- END NOTE ---", re.DOTALL)
_LANGUAGE = re.compile(r"^LANGUAGE:[ \t]*(\w+)", re.MULTILINE)
_COUNTS = ("true", "found", "whole", "chars_left", "predicted", "correct")


def read_truth(workspace: Path) -> dict[str, list[tuple[int, Span]]]:
    """Planted spans per file (path relative to the workspace, as written in the truth file),
    each with its line in the truth file; :class:`TruthFileError` names a line that is not a
    span of a known kind."""
    path = workspace / TRUTH_FILE
    truth: dict[str, list[tuple[int, Span]]] = defaultdict(list)
    for line, row in read_csv_rows(path, ("file", "start", "end", "pii_type")):
        start, end = row["start"], row["end"]
        if not all(n.isascii() and n.isdigit() for n in (start, end)) or int(start) >= int(end):
            raise TruthFileError(
                f"{path}:{line}: not a span: start {start!r}, end {end!r} "
                "(whole numbers, start before end)"
            )
        check_label("pii_type", row["pii_type"], KINDS, f"{path}:{line}")
        truth[row["file"]].append((line, Span(int(start), int(end), row["pii_type"])))
    return truth


def predict_note(text: str) -> list[Span]:
    """`find_pii` on a note's body, with offsets into the whole file."""
    body = _BODY.search(text)
    offset, content = (body.start(1), body.group(1)) if body else (0, text)
    language = _LANGUAGE.search(text[:offset]) if body else None
    spans = find_pii(content, language.group(1) if language else None)
    return [Span(s.start + offset, s.end + offset, s.kind) for s in spans]


def readable(text: str, span: Span, redacted: list[Span]) -> int:
    """Letters and digits of `span` that no span of `redacted` covers (every character if the
    span holds no letter nor digit)."""
    inside = range(span.start, span.end)
    shown = [i for i in inside if text[i].isalnum()] or inside
    return sum(not any(r.start <= i < r.end for r in redacted) for i in shown)


def count_note(text: str, expected: list[Span], predicted: list[Span]) -> dict[str, Counter[str]]:
    """One note's counts per kind: true spans found (overlapped), whole (nothing left readable)
    and the characters left readable; predicted spans and those correct."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for span in expected:
        left = readable(text, span, predicted)
        found = int(_overlaps(span, predicted))
        counts[span.kind].update(true=1, found=found, whole=int(left == 0), chars_left=left)
    for span in predicted:
        counts[span.kind].update(predicted=1, correct=int(_overlaps(span, expected)))
    return counts


def _planted(truth: Path, name: str, planted: list[tuple[int, Span]], text: str) -> list[Span]:
    """The planted spans of one note, or :class:`TruthFileError` for one past its end."""
    for line, span in planted:
        if span.end > len(text):
            raise TruthFileError(
                f"{truth}:{line}: span {span.start}-{span.end} runs past the end of {name} "
                f"({len(text)} characters)"
            )
    return [span for _, span in planted]


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(o.kind == span.kind and o.start < span.end and span.start < o.end for o in others)


def _rates(counts: Counter[str]) -> dict[str, Any]:
    """The counts, then the rates (None when nothing was there to count)."""
    return {key: counts[key] for key in _COUNTS} | {
        "recall": _ratio(counts["found"], counts["true"]),
        "whole_recall": _ratio(counts["whole"], counts["true"]),
        "precision": _ratio(counts["correct"], counts["predicted"]),
    }


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def score_pii(workspace: Path | str) -> dict[str, Any]:
    """Per-kind and overall recall, whole recall, characters left and precision of `find_pii`
    on the workspace's notes.

    Returns `{"documents", "spans_skipped", "seconds", "kinds": {kind: counts and rates},
    "overall": ...}`; `spans_skipped` counts the planted spans of notes not in the folder.
    """
    root = Path(workspace)
    truth = read_truth(root)
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    files = sorted((root / NOTES_DIR).glob("*.txt"))
    seconds = 0.0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        began = time.perf_counter()
        predicted = predict_note(text)
        seconds += time.perf_counter() - began
        name = (NOTES_DIR / path.name).as_posix()
        expected = _planted(root / TRUTH_FILE, name, truth.pop(name, []), text)
        for kind, note in count_note(text, expected, predicted).items():
            counts.setdefault(kind, Counter()).update(note)
    total: Counter[str] = Counter()
    for kind_counts in counts.values():
        total.update(kind_counts)
    kinds = {kind: _rates(c) for kind, c in counts.items()}
    skipped = sum(map(len, truth.values()))  # spans of notes not in the folder
    return {
        "documents": len(files),
        "spans_skipped": skipped,
        "seconds": seconds,
        "kinds": kinds,
        "overall": _rates(total),
    }

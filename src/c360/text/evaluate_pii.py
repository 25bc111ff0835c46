"""Score `find_pii` on a workspace's CRM notes against the generator's planted PII spans.

A true span is found if a predicted span of the same kind overlaps it (recall); a predicted span
is correct if it overlaps a true span of the same kind (precision). Only the note body, between
its BEGIN/END markers, is searched; offsets are shifted back into the whole file, as in
`truth/pii_spans.csv`.
"""

import re
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyarrow.csv as pacsv

from c360.text.redact import KINDS, Span, find_pii

NOTES_DIR = Path("sources/c360/text/customer_knowledge_notes")
TRUTH_FILE = Path("truth/pii_spans.csv")
_BODY = re.compile(r"--- BEGIN NOTE ---\n(.*?)--- END NOTE ---", re.DOTALL)
_LANGUAGE = re.compile(r"^LANGUAGE:[ \t]*(\w+)", re.MULTILINE)
_ZERO = {"true": 0, "found": 0, "predicted": 0, "correct": 0}


def read_truth(workspace: Path) -> dict[str, list[Span]]:
    """Planted spans per file (path relative to the workspace, as written in the truth file)."""
    table = pacsv.read_csv(
        workspace / TRUTH_FILE,
        convert_options=pacsv.ConvertOptions(
            column_types={"file": "string", "value": "string", "pii_type": "string"}
        ),
    )
    truth: dict[str, list[Span]] = defaultdict(list)
    for row in table.select(["file", "start", "end", "pii_type"]).to_pylist():
        truth[row["file"]].append(Span(row["start"], row["end"], row["pii_type"]))
    return truth


def predict_note(text: str) -> list[Span]:
    """`find_pii` on a note's body, with offsets into the whole file."""
    body = _BODY.search(text)
    offset, content = (body.start(1), body.group(1)) if body else (0, text)
    language = _LANGUAGE.search(text[:offset]) if body else None
    spans = find_pii(content, language.group(1) if language else None)
    return [Span(s.start + offset, s.end + offset, s.kind) for s in spans]


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(o.kind == span.kind and o.start < span.end and span.start < o.end for o in others)


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def score_pii(workspace: Path | str) -> dict[str, Any]:
    """Per-kind and overall recall and precision of `find_pii` on the workspace's notes.

    Returns `{"documents", "seconds", "kinds": {kind: counts and rates}, "overall": ...}`;
    a rate is None when nothing was there to count.
    """
    root = Path(workspace)
    truth = read_truth(root)
    counts = {kind: dict(_ZERO) for kind in KINDS}
    files = sorted((root / NOTES_DIR).glob("*.txt"))
    seconds = 0.0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        began = time.perf_counter()
        predicted = predict_note(text)
        seconds += time.perf_counter() - began
        expected = truth.get((NOTES_DIR / path.name).as_posix(), [])
        for span in expected:
            c = counts.setdefault(span.kind, dict(_ZERO))
            c["true"] += 1
            c["found"] += _overlaps(span, predicted)
        for span in predicted:
            counts[span.kind]["predicted"] += 1
            counts[span.kind]["correct"] += _overlaps(span, expected)
    kinds = {
        kind: c
        | {
            "recall": _ratio(c["found"], c["true"]),
            "precision": _ratio(c["correct"], c["predicted"]),
        }
        for kind, c in counts.items()
    }
    total = {key: sum(c[key] for c in counts.values()) for key in _ZERO}
    overall = total | {
        "recall": _ratio(total["found"], total["true"]),
        "precision": _ratio(total["correct"], total["predicted"]),
    }
    return {"documents": len(files), "seconds": seconds, "kinds": kinds, "overall": overall}

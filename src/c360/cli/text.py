"""``c360 text``: every enrichment on your own text, and the measured scores of the text models."""

from __future__ import annotations

import codecs
import io
import json
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from c360.cli._console import console, fail, labelled, os_error, plain
from c360.cli._help import App
from c360.cli._options import check_choice
from c360.cli._paths import check_input_file, check_workspace, workspace_option

app = App(
    help="Text intelligence on notes and e-mails: redaction, language, sentiment, topic, "
    "entities, summaries.",
    no_args_is_help=True,
)


@app.command("analyze")
def analyze_command(
    files: Annotated[
        list[str] | None,
        typer.Argument(help="Text files to read; '-' (the default) reads stdin.", metavar="FILE|-"),
    ] = None,
    whole_file: Annotated[
        bool, typer.Option("--whole-file", help="Each file is one document (default: each line).")
    ] = False,
    language: Annotated[
        str | None, typer.Option("--language", "-l", help="Trust this language (fr, en, de, es).")
    ] = None,
    workspace: Annotated[
        Path | None,
        workspace_option("Link products to this workspace's catalogue."),
    ] = None,
) -> None:
    """Print every enrichment of each document as one JSON line; PII only ever redacted."""
    from c360.text.language import LANGUAGES

    if language is not None:  # FR as fr: a code's case says nothing
        if language.lower() in LANGUAGES:
            language = language.lower()
        check_choice("--language", language, LANGUAGES)
    if workspace is not None:
        check_workspace(workspace)
    for name in files or []:  # every file checked before the first line is printed
        if name != "-":
            check_input_file(Path(name), "a text file, or - for stdin")
    from c360 import config
    from c360.text.analyze import analyze, products_of
    from c360.text.llm import client_from_project

    products, brands = products_of(workspace) if workspace else ((), None)
    try:
        project = config.load(workspace or Path("."))  # text.llm: an optional model server
    except config.ConfigError as exc:
        raise fail(str(exc)) from None
    llm = client_from_project(project)
    use_for = project.text.llm.use_for if project.text.llm else []
    for source, text in _documents(files or ["-"], whole_file):
        result = analyze(text, language, products, brands=brands, llm=llm, llm_use_for=use_for)
        typer.echo(json.dumps({"source": source, **result}, ensure_ascii=False))


def _documents(files: list[str], whole_file: bool) -> Iterator[tuple[str, str]]:
    """``(where, text)`` of each non-blank document of the files, in order, streamed."""
    for name in files:
        try:
            with _open(name) as stream:
                if whole_file:
                    text = stream.read()
                    if text.strip():
                        yield name, text
                    continue
                for number, line in enumerate(stream, start=1):
                    if line.strip():
                        yield f"{name}:{number}", line.rstrip("\r\n")
        except UnicodeDecodeError as exc:
            raise fail(_not_utf8(name, exc)) from None
        except OSError as exc:
            raise fail(f"cannot read {name}: {exc.strerror or exc}") from None


_SHOWN = {
    "utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
    "utf-32": "UTF-32", "utf-32-le": "UTF-32", "utf-32-be": "UTF-32",
}  # fmt: skip


# What to do about a file in another encoding, in the words of bronze's run report.
CONVERT = (
    "c360 reads UTF-8 text (or UTF-16 or UTF-32 with a byte order mark); if the file is written "
    "in another encoding, convert it to UTF-8, e.g. iconv -f cp1252 -t utf-8 (Windows-1252)"
)


def _not_utf8(name: str | Path, exc: UnicodeDecodeError) -> str:
    """A file that does not decode: a broken UTF-16 or UTF-32 one (its mark said so), or one
    in another encoding than UTF-8, which is to be converted."""
    shown = _SHOWN.get(exc.encoding)
    if shown:
        return f"cannot read {name}: not {shown} text ({exc.reason})"
    return f"cannot read {name}: not UTF-8 text ({exc.reason}): {CONVERT}"


# Byte order marks and the encoding each says (UTF-32's before UTF-16's: FF FE starts both).
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _open(name: str) -> AbstractContextManager[TextIO]:
    """stdin, or the file in UTF-8 or the encoding its byte order mark says (Notepad's
    "Unicode" is UTF-16 with one), the mark left out."""
    if name == "-":
        return nullcontext(sys.stdin)
    # Opened once, closed by the caller: a pipe (/dev/stdin, <(...)) is read only once.
    raw = open(name, "rb")  # noqa: SIM115
    try:
        head = raw.peek(4)[:4]
        encoding = next((e for mark, e in _MARKS if head.startswith(mark)), "utf-8")
        return io.TextIOWrapper(raw, encoding=encoding)
    except BaseException:
        raw.close()
        raise


@app.command("evaluate")
def evaluate_command(
    workspace: Annotated[
        Path,
        workspace_option("A generated workspace (its truth/ folder)."),
    ] = Path("."),
    handwritten: Annotated[
        Path | None,
        typer.Option(
            "--handwritten",
            metavar="FILE",
            help="A hand-written labelled set (JSON lines); default: the one c360 ships.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
) -> None:
    """Score redaction, language, sentiment and topic on generated and hand-written labels."""
    check_workspace(workspace)
    if handwritten is not None:
        check_input_file(handwritten, "a JSON lines file of labelled notes")
    from c360.text.evaluate_labels import HANDWRITTEN, score_handwritten, score_labels
    from c360.text.evaluate_pii import score_pii

    scores: dict[str, Any] = {}
    notes: list[str] = []
    try:
        if (workspace / "truth" / "pii_spans.csv").is_file():
            scores["pii"] = score_pii(workspace)
            scores["labels"] = score_labels(workspace)
        else:
            notes.append(f"no generated corpus in {workspace} (truth/pii_spans.csv): skipped")
        path = handwritten or HANDWRITTEN
        try:
            if handwritten is not None:
                _check_labelled(handwritten)
            scores["handwritten"] = score_handwritten(path)
        except UnicodeDecodeError as exc:
            raise fail(_not_utf8(path, exc)) from None
    except OSError as exc:  # a note or the hand-written set that cannot be read
        raise fail(os_error(exc)) from None
    except ValueError as exc:  # a damaged truth file or hand-written line, named in the message
        raise fail(str(exc)) from None
    if not scores:
        raise fail("; ".join(notes))
    if as_json:
        typer.echo(json.dumps(scores, indent=2, ensure_ascii=False, default=str))
        return
    for section, result in scores.items():
        print_scores(section, result)
    for note in notes:
        console.print(labelled("note:", note), highlight=False)


_NEEDED = ("text", "language")  # the labels every line of a hand-written set gives


def _check_labelled(path: Path) -> None:
    """Raise ``ValueError`` naming the first line of ``path`` that is no labelled note, and
    saying in words what is wrong with it; the labels' values are checked as they are scored."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            if problem := _not_labelled(line.removeprefix("\ufeff") if number == 1 else line):
                raise ValueError(f"{path}:{number}: not a labelled note: {problem}")


def _not_labelled(line: str) -> str:
    """What makes ``line`` no labelled note (a JSON object with text and a language), or ""."""
    try:
        row = json.loads(line)
    except ValueError as exc:
        return f"not JSON: {exc}"
    if not isinstance(row, dict):
        return f"a JSON {_json_kind(row)}, not an object of labels"
    wanted = " and ".join(f'"{n}"' for n in _NEEDED)
    for name in _NEEDED:
        if name not in row:
            return f'no "{name}": each line needs {wanted}'
        if not isinstance(row[name], str):
            return f'"{name}" is {_json_kind(row[name], article=True)}, not text'
    return ""


def _json_kind(value: object, article: bool = False) -> str:
    """The JSON name of ``value``'s type: object, array, string, number, true/false or null."""
    if value is None:
        return "null"
    kinds: list[tuple[type | tuple[type, ...], str]] = [
        (bool, "true/false value"), ((int, float), "number"), (str, "string"),
        (list, "array"), (dict, "object"),
    ]  # fmt: skip
    kind = next(k for t, k in kinds if isinstance(value, t))
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}" if article else kind


def print_scores(title: str, result: dict[str, Any]) -> None:
    """A score as tables: its own figures on one row, then one row per kind, language or batch
    for each breakdown it holds."""
    figures = {k: v for k, v in result.items() if not isinstance(v, dict)}
    if figures:
        _table(title, {"": figures})
    for key, value in result.items():
        if not isinstance(value, dict):
            continue
        rows = all(isinstance(v, dict) for v in value.values())
        if rows and all(not isinstance(x, dict) for v in value.values() for x in v.values()):
            _table(f"{title} by {key.removeprefix('by_')}", value)
        else:
            print_scores(f"{title} {key.replace('_', ' ')}", value)


def _table(title: str, rows: dict[str, dict[str, Any]]) -> None:
    if not rows:  # a breakdown of nothing (no records scored): no table of empty columns
        return
    columns = list(dict.fromkeys(c for row in rows.values() for c in row))
    table = RichTable(title=Text(title, style="table.title"), title_justify="left", show_edge=False)
    table.add_column("")
    for column in columns:
        table.add_column(plain(column.replace("_", " ")), justify="right")
    for name, row in rows.items():
        table.add_row(plain(name), *(_shown(c, row.get(c)) for c in columns))
    if console.is_terminal:
        console.print(table)
        return
    # A file or a pipe gets the whole table: Rich's 80 columns would cut figures to "23,6…".
    full = console.measure(table, options=console.options.update(max_width=10_000)).maximum
    Console(file=console.file, width=max(full, console.width), emoji=False).print(table)


_RATES = ("recall", "precision", "accuracy", "agreement", "rate", "f1", "share")


def _shown(name: str, value: Any) -> str | Text:
    if value is None:
        return "[dim]n/a[/]"
    if isinstance(value, float) and name.endswith(_RATES):
        return f"{value:.1%}"
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return plain(value)  # data, not Rich markup

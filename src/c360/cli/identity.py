"""``c360 identity evaluate`` and ``c360 profile``: how good the resolution is, and one customer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table as RichTable
from rich.text import Text

from c360.cli import identity_dedupe
from c360.cli._console import console, fail, plain, visible, warning
from c360.cli._help import App
from c360.cli._paths import Workspace, check_input_file, check_workspace
from c360.cli.text import print_scores

app = App(
    help="Identity resolution: score it against a truth file, or deduplicate your own files.",
    no_args_is_help=True,
)
app.command("dedupe")(identity_dedupe.dedupe_command)
PAIRS_SHOWN = 8
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]


@app.command("evaluate")
def evaluate_command(
    workspace: Workspace = Path("."),
    truth: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="source,record_id,person_id CSV (default: truth/identity.csv)."
        ),
    ] = None,
    people: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="person_id,first_name,last_name,… CSV of the people's true details, to score "
            "the profiles' values (default: truth/people.csv, when there is one).",
        ),
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Score the last run's customers and their profiles against a truth file.

    Pairwise and B-cubed precision, recall and F1 of the customers.
    How often the profiles show their person's true name, e-mail, phone, birth date, city, country.
    """
    check_workspace(workspace)
    if truth is not None:
        check_input_file(truth, "a source,record_id,person_id CSV file")
    if people is not None:
        check_input_file(people, "a person_id,first_name,… CSV file")
    from c360.identity.evaluate import read_people, read_truth, score_links, score_profiles
    from c360.identity.explain import read_gold
    from c360.identity.records import IdentityConfigError
    from c360.pipeline.last_run import stale_gold

    warning(stale_gold(workspace))
    truth = truth or workspace / "truth" / "identity.csv"
    default_people = workspace / "truth" / "people.csv"
    people = people or (default_people if default_people.is_file() else None)
    try:
        links = read_gold(workspace, "identity_links")
        known = read_truth(truth)
        scores = score_links(links, known)
        if people is not None and scores["records"] > scores["truth_without_link"]:
            profiles = read_gold(workspace, "customer_profile")
            scores["profile"] = score_profiles(profiles, links, known, read_people(people))
    except (IdentityConfigError, ValueError) as exc:
        raise fail(str(exc)) from None
    lost = scores["truth_without_link"]
    if scores["records"] == lost:  # nothing in both: 100% of nothing, or 0% of a wrong file
        raise fail(
            f"none of the run's {scores['records_without_truth']:,} records is in {truth}: "
            "nothing to score"
        )
    if as_json:
        typer.echo(json.dumps(scores, indent=2))
        return
    table = RichTable(title="Identity resolution", title_justify="left", show_edge=False)
    for column in ("", "precision", "recall", "F1"):
        table.add_column(column, justify="right")
    for kind in ("pairwise", "bcubed"):
        table.add_row(
            kind, *(f"{scores[f'{kind}_{m}']:.2%}" for m in ("precision", "recall", "f1"))
        )
    console.print(table)
    console.print(
        f"{scores['records']:,} records of the truth scored, {lost:,} of them lost "
        "(in no link: each scored alone, its true pairs missed); "
        f"{scores['records_without_truth']:,} linked records without truth; "
        f"{scores['true_pairs']:,} true pairs, {scores['predicted_pairs']:,} predicted, "
        f"{scores['correct_pairs']:,} correct",
        highlight=False,
    )
    print_scores("B-cubed", {"by_source": scores["by_source"]})
    if "profile" in scores and people is not None:
        _show_profile_scores(scores["profile"], people)


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.2%}"  # none scored: unknown


def _show_profile_scores(scores: dict[str, Any], people: Path) -> None:
    table = RichTable(title="Profile attributes", title_justify="left", show_edge=False)
    for column in ("", "exact", "ignoring case and accents", "missing"):
        table.add_column(column, justify="right")
    for name, row in scores["attributes"].items():
        table.add_row(name, _share(row["exact"]), _share(row["folded"]), f"{row['missing']:,}")
    console.print(table)
    if scores["profiles"]:
        said = (
            f"{scores['profiles']:,} profiles scored, each against the person most of its "
            f"records belong to; {scores['profiles_without_truth']:,} without a person of the truth"
        )
    else:
        said = (
            f"no profile matched a person of {people}: none of the "
            f"{scores['profiles_without_truth']:,} profiles scored"
        )
    console.print(said, markup=False, highlight=False)
    unknown = [f"{name} {row['unknown']:,}" for name, row in scores["attributes"].items()
               if row["unknown"]]  # fmt: skip
    if unknown:
        console.print(
            f"not scored where the person's value is blank: {', '.join(unknown)}", highlight=False
        )
    for name, row in scores["attributes"].items():
        for miss in row["examples"]:
            shown = "nothing" if miss["shown"] is None else repr(miss["shown"])
            console.print(
                f"{name}: {miss['customer360_id']} shows {shown}, "
                f"{miss['person_id']} is {miss['truth']!r}",
                markup=False,
                highlight=False,
            )


def profile_command(
    customer: Annotated[
        str, typer.Argument(help="A customer360_id, an e-mail or a source id (source:id or id).")
    ],
    workspace: Workspace = Path("."),
    as_json: AsJson = False,
) -> None:
    """Explain one customer: source records, the evidence that linked them, surviving values."""
    check_workspace(workspace)
    from c360 import config
    from c360.identity.explain import NotFoundError, explain, find
    from c360.identity.records import IdentityConfigError
    from c360.pipeline.last_run import stale_gold

    warning(stale_gold(workspace))
    try:
        identity = config.load(workspace).identity
        found = explain(workspace, identity, find(workspace, identity, customer))
    except (config.ConfigError, IdentityConfigError, NotFoundError) as exc:
        raise fail(str(exc).strip("'\"")) from None
    if as_json:
        typer.echo(json.dumps(record_shape(found), indent=2, default=str, ensure_ascii=False))
        return
    _show(found)


def record_shape(found: dict[str, Any]) -> dict[str, Any]:
    """The profile as seed 001's example record (JSON fields as objects), then the explanation."""
    profile = dict(found["profile"] or {"customer360_id": found["customer360_id"]})
    for name in ("source_ids", "attribute_sources"):
        if isinstance(profile.get(name), str):
            profile[name] = json.loads(profile[name])
    explanation = {k: found[k] for k in ("retired_ids", "records", "pairs", "history")}
    return {**profile, "explanation": explanation}


def _show(found: dict[str, Any]) -> None:
    console.print(Text(str(found["customer360_id"]), style="bold"), highlight=False)
    if found["retired_ids"]:
        also = f"also known as: {', '.join(found['retired_ids'])}"
        console.print(also, markup=False, highlight=False)
    for row in found["records"]:
        values = ", ".join(f"{k}={v}" for k, v in row.items() if k != "record_key" and v)
        key = visible(str(row["record_key"]))
        console.print(Text.assemble((key, "bold"), "  ", visible(values)), highlight=False)
    pairs = RichTable(title="Why they are one customer", title_justify="left", show_edge=False)
    for column in ("pair", "probability", "decision", "evidence"):
        pairs.add_column(column)
    shown = found["pairs"][:PAIRS_SHOWN]
    for pair in shown:
        strongest = sorted(
            pair["evidence"].items(), key=lambda kv: -abs(kv[1].get("match_weight", 0))
        )
        pairs.add_row(
            plain(f"{pair['record_key_l']} ~ {pair['record_key_r']}"),
            f"{pair['match_probability']:.4f}",
            plain(pair["decision"]),
            plain("; ".join(f"{k}: {v['level']} ({v['match_weight']:+.1f})"
                            for k, v in strongest[:3])),
        )  # fmt: skip
    console.print(pairs if found["pairs"] else "One source record: nothing to link.")
    if len(found["pairs"]) > PAIRS_SHOWN:
        console.print(f"… {len(found['pairs']) - PAIRS_SHOWN} weaker pairs: see --json")
    profile = found["profile"]
    if profile:
        won = json.loads(profile.get("attribute_sources") or "{}")
        table = RichTable(title="Profile (surviving values)", title_justify="left", show_edge=False)
        for column in ("attribute", "value", "from record"):
            table.add_column(column)
        for name, value in profile.items():
            if name not in ("customer360_id", "attribute_sources") and value not in (None, [], ""):
                table.add_row(plain(name), plain(value), plain(won.get(name, "")))
        console.print(table)
    for event in found["history"]:
        console.print(
            f"{event['run_id']}: {event['kind']} {event['ids_before'] or '-'} → "
            f"{event['id_after']} ({event['records']} records)",
            markup=False,
            highlight=False,
        )

"""The ``c360`` command line: thin Typer commands over the library."""

from __future__ import annotations

import typer

from c360.cli import demo, docs, generate

app = typer.Typer(
    name="c360",
    help="c360 — an open-source Customer 360 platform.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("generate")(generate.generate_command)
app.command("demo")(demo.demo_command)
app.add_typer(docs.app, name="docs")


def main() -> None:
    """Console-script entry point."""
    app()

"""``c360 docs``: print documentation generated from the code."""

from __future__ import annotations

import typer

from c360.cli._help import App

app = App(help="Print documentation generated from the code.", no_args_is_help=True)


@app.command("data-model")
def data_model() -> None:
    """The data model (every contract) as Markdown."""
    from c360.contracts import ALL_TABLES
    from c360.contracts.render import render_data_model

    typer.echo(render_data_model(ALL_TABLES), nl=False)

"""The ``c360`` command line: thin Typer commands over the library.

Commands import the library inside their functions, so that help and usage errors answer at
once instead of loading Ibis, DuckDB, pyarrow and scikit-learn first (tests/cli/test_startup.py).
"""

from __future__ import annotations

import sys
from typing import Annotated

try:  # Ctrl-C while Python starts: nothing has begun, so no traceback
    import typer
    from typer.exceptions import TyperException

    from c360 import __version__
    from c360.cli import (
        audience,
        clv,
        demo,
        docs,
        generate,
        identity,
        load_postgres,
        models,
        quality,
        query,
        text,
    )
    from c360.cli import run as run_pipeline
    from c360.cli._console import err_console, error, os_error, silence_stdout
    from c360.cli._help import App
    from c360.cli._interrupt import noting_ctrl_c
except KeyboardInterrupt:
    raise SystemExit(130) from None

app = App(
    name="c360",
    help="c360 — an open-source Customer 360 platform.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"c360 {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """c360 — an open-source Customer 360 platform."""


app.command("generate")(generate.generate_command)
app.command("demo")(demo.demo_command)
app.command("run")(run_pipeline.run_command)
app.command("query")(query.query_command)
app.command("load-postgres")(load_postgres.load_postgres_command)
app.command("profile")(identity.profile_command)
app.add_typer(docs.app, name="docs")
app.add_typer(quality.app, name="quality")
app.add_typer(text.app, name="text")
app.add_typer(identity.app, name="identity")
app.add_typer(audience.app, name="audience")
app.add_typer(clv.app, name="clv")
app.add_typer(models.app, name="models")


INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point: a usage mistake gets one line on stderr and exit code 2;
    Ctrl-C, 'interrupted' and exit code 130."""
    with noting_ctrl_c() as pressed:
        try:
            result = app(args=argv, prog_name="c360", standalone_mode=False)
        except TyperException as exc:
            message = exc.format_message()
            if message:  # empty when help was shown for a bare group
                ctx = getattr(exc, "ctx", None)
                hint = f" (try: {ctx.command_path} --help)" if ctx is not None else ""
                error(f"{message}{hint}")  # the argument as typed: no markup, no control codes
            return exc.exit_code
        except typer.Exit as exc:
            return exc.exit_code
        except typer.Abort:
            err_console.print("aborted")
            return INTERRUPTED
        except OSError as exc:  # stdout on a full disk, or what no command foresaw
            if pressed():
                result = INTERRUPTED
            else:
                _flush_or_silence_stdout()
                error(os_error(exc))
                return 2
        except Exception:
            if not pressed():  # a library's own report of Ctrl-C
                raise
            result = INTERRUPTED
    code = result if isinstance(result, int) else 0
    if code == INTERRUPTED:  # Typer turns KeyboardInterrupt into this code, silently
        err_console.print("interrupted", highlight=False)
    return code


def _flush_or_silence_stdout() -> None:
    """What is left of stdout written, unless stdout is what failed: then nothing more to it."""
    try:
        sys.stdout.flush()
    except OSError:
        silence_stdout()


def run() -> None:
    """The ``c360`` executable."""
    sys.exit(main())

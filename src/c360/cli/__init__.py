"""The ``c360`` command line: thin Typer commands over the library.

Commands import the library inside their functions, so that help and usage errors answer at
once instead of loading Ibis, DuckDB, pyarrow and scikit-learn first (tests/cli/test_startup.py).
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
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
TERMINATED = 143  # and for one ended by SIGTERM (128 + 15)


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point: a usage mistake gets one line on stderr and exit code 2;
    Ctrl-C, 'interrupted' and exit code 130; SIGTERM, 'terminated' and exit code 143."""
    with _sigterm_as_ctrl_c() as terminated:
        code = _main(argv, terminated)
    if terminated() and code != 0:  # stopped as by Ctrl-C, or by an error the stop caused
        where = run_pipeline.where_stopped()
        said = "terminated (SIGTERM)"
        if where is not None:  # `c360 run` (or the demo's): a run sweeps what one left
            said += (f" {where}" if where else "") + ": rerunning `c360 run` is safe"
        err_console.print(said, highlight=False)
        return TERMINATED
    return code


def _main(argv: list[str] | None, terminated: Callable[[], bool]) -> int:
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
            if pressed() or terminated():
                result = INTERRUPTED
            else:
                _flush_or_silence_stdout()
                error(os_error(exc))
                return 2
        except Exception:
            if not (pressed() or terminated()):  # a library's own report of Ctrl-C
                raise
            result = INTERRUPTED
    code = result if isinstance(result, int) else 0
    if code == INTERRUPTED and not terminated():  # Typer turns KeyboardInterrupt into this code
        err_console.print("interrupted", highlight=False)
    return code


@contextmanager
def _sigterm_as_ctrl_c() -> Iterator[Callable[[], bool]]:
    """Within the block, SIGTERM (what cron, systemd and Kubernetes send) stops the command as
    Ctrl-C does, through SIGINT's handler of the moment (a Spark session's cancels its jobs),
    and is noted: the function yielded says whether it came. A second SIGTERM, while the
    command winds down (a run's exports finish the file they write), is ignored. The previous
    handler is restored after."""
    came = threading.Event()
    previous = signal.getsignal(signal.SIGTERM)
    if threading.current_thread() is not threading.main_thread() or previous is signal.SIG_IGN:
        yield came.is_set  # a handler can only be set here, and SIGTERM is not ours to take
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        if came.is_set():
            return
        came.set()
        ctrl_c = signal.getsignal(signal.SIGINT)
        if callable(ctrl_c):
            ctrl_c(signal.SIGINT, frame)
        raise KeyboardInterrupt  # Ctrl-C ignored (a script's `c360 run &`), or not Python's

    signal.signal(signal.SIGTERM, stop)
    try:
        yield came.is_set
    finally:
        signal.signal(signal.SIGTERM, previous)


def _flush_or_silence_stdout() -> None:
    """What is left of stdout written, unless stdout is what failed: then nothing more to it."""
    try:
        sys.stdout.flush()
    except OSError:
        silence_stdout()


def run() -> None:
    """The ``c360`` executable."""
    sys.exit(main())

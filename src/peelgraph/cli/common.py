"""What every command shares: the consoles, the error contract, progress bars and options.

Results go to stdout, diagnostics to stderr as ``[ERROR] where: what (hint: ...)`` lines.
Exit codes: 0 success, 1 the data does not conform, 2 bad input or usage. ``--debug`` (an
option of the root command, read from the click context: no global switch) adds tracebacks.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import click
import typer
from rich.console import Console

from ..errors import PeelgraphError

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])

#: The built graph the query commands read when no --data is given.
DEFAULT_DATA = Path("build/peel.trig")


def _debug() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().params.get("debug"))


def reports_errors(func: F) -> F:
    """Turn the project's errors into one stderr line and the error's exit code; a module
    of an optional extra that is not installed says which extra to install."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with warnings_as_lines():
                return func(*args, **kwargs)
        except PeelgraphError as exc:
            if _debug():
                traceback.print_exc()
            err.print(f"[ERROR] {exc.one_line()}", markup=False)
            raise typer.Exit(exc.exit_code) from None
        except OSError as exc:  # a fault no layer foresaw (full disk, permissions): one line
            if _debug():
                traceback.print_exc()
            err.print(f"[ERROR] {os_error_line(exc)}", markup=False)
            raise typer.Exit(2) from None
        except ModuleNotFoundError as exc:  # an optional extra not installed: name it
            error = missing_module_error(exc, prefer=func.__module__.rsplit(".", 1)[-1])
            if error is None:
                raise
            if _debug():
                traceback.print_exc()
            err.print(f"[ERROR] {error.one_line()}", markup=False)
            raise typer.Exit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]


def os_error_line(exc: OSError) -> str:
    """An operating-system error as one diagnostic line, naming the file."""
    where = exc.filename if exc.filename is not None else None
    what = exc.strerror or " ".join(str(exc).split()) or type(exc).__name__
    return " ".join((f"{where}: {what}" if where else what).split())


@contextmanager
def warnings_as_lines() -> Iterator[None]:
    """Show peelgraph's warnings as ``[WARNING] ...`` lines on stderr, as they happen."""
    import warnings

    from ..errors import PeelgraphWarning

    def show(message, category, filename, lineno, file=None, line=None):  # type: ignore[no-untyped-def]
        if issubclass(category, PeelgraphWarning):
            err.print(f"[WARNING] {' '.join(str(message).split())}", markup=False)
        else:
            previous(message, category, filename, lineno, file, line)

    with warnings.catch_warnings():
        previous = warnings.showwarning
        warnings.simplefilter("always", PeelgraphWarning)
        warnings.showwarning = show
        yield


def missing_module_error(
    exc: ModuleNotFoundError, prefer: str | None = None
) -> PeelgraphError | None:
    """The error for a module an optional extra provides, naming the extra (``prefer``, the
    command module's name, when it is one of several); None for any other missing module:
    that is a bug, and keeps its traceback."""
    from ..extras import install_hint

    hint = install_hint(exc.name, prefer=prefer)
    if hint is None:
        return None
    return PeelgraphError(f"this needs {exc.name}, which is not installed", hint=hint)


class StageProgress:
    """Progress bars on stderr, one per stage of a long job (shown on a terminal only):
    the :class:`peelgraph.build.Progress` the application layer reports to."""

    def __init__(self, bars: Progress):
        self._bars = bars
        self._tasks: dict[str, TaskID] = {}

    def start(self, stage: str, total: int) -> None:
        if stage in self._tasks:
            self._bars.update(self._tasks[stage], total=total, completed=0)
        else:
            self._tasks[stage] = self._bars.add_task(stage.capitalize(), total=total)

    def advance(self, stage: str, n: int = 1) -> None:
        if stage in self._tasks:
            self._bars.advance(self._tasks[stage], n)


@contextmanager
def progress_bars() -> Iterator[StageProgress]:
    """A :class:`StageProgress` for the duration of a ``with`` block."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    bars = Progress(
        TextColumn("[progress.description]{task.description:<18}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with bars:
        yield StageProgress(bars)


#: The options 'build' and 'validate' share.
ReferenceOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--reference",
        help="Extra reference Turtle (a file, or a folder of .ttl), repeatable: question "
        "frameworks of cycles peelgraph does not ship, more partner bodies, ... ('validate' "
        "uses the file's own reference graph when it carries one).",
    ),
]
ValidatorOption = Annotated[
    str, typer.Option(help="SHACL engine: turbo (pyshacl-turbo, fast) or pyshacl (reference).")
]
OverwriteOption = Annotated[
    bool, typer.Option("--overwrite", help="Replace the output if it exists.")
]
DataOption = Annotated[Path, typer.Option("--data", "-d", help="Built graph file.")]


def check_choice(value: str, choices: tuple[str, ...] | list[str], what: str) -> None:
    """Refuse an option value outside ``choices`` with one line naming them."""
    if value not in choices:
        raise PeelgraphError(f"unknown {what} {value!r}", hint="use " + ", ".join(choices))

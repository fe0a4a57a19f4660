"""How long work reports how far it got (a leaf: any layer may take a Progress).

A stage starts with its total, then advances; the command line shows a bar per stage
(:class:`peelgraph.cli.common.StageProgress`), a Python caller passes its own or nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Progress(Protocol):
    """Where a long run reports how far it got: a stage starts with its total, then
    advances (the command line shows a bar per stage)."""

    def start(self, stage: str, total: int) -> None: ...

    def advance(self, stage: str, n: int = 1) -> None: ...


class NoProgress:
    """A :class:`Progress` that shows nothing."""

    def start(self, stage: str, total: int) -> None:
        pass

    def advance(self, stage: str, n: int = 1) -> None:
        pass


@contextmanager
def one_step(progress: Progress, stage: str) -> Iterator[None]:
    """A stage of one step: started on entry, advanced when the work ends (also when it
    fails, so the bar never hangs half drawn)."""
    progress.start(stage, 1)
    try:
        yield
    finally:
        progress.advance(stage)

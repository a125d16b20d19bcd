"""Progress bars of the long commands (align DIR, report, scan, eval): on stderr, only on a terminal,
never with -q, so pipes and logs stay clean."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import Progress

T = TypeVar("T")


def bar(quiet: bool, console: Console | None = None) -> Progress:
    """A transient progress display on stderr, switched off by -q or when stderr is not a terminal."""
    console = console or Console(stderr=True)
    return Progress(console=console, disable=quiet or not console.is_terminal, transient=True)


def tracked(
    items: Iterable[T],
    description: str,
    quiet: bool,
    total: int | None = None,
    console: Console | None = None,
) -> Iterator[T]:
    """The items, one by one, with a progress bar while they are worked on."""
    with bar(quiet, console) as progress:
        yield from progress.track(items, total=total, description=description)

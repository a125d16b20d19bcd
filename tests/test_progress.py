"""progress: bars on a terminal's stderr only, never with -q or in a pipe."""

import io

from rich.console import Console

from transpair.progress import tracked


def shown(quiet: bool, terminal: bool) -> tuple[list[int], str]:
    console = Console(file=io.StringIO(), force_terminal=terminal, width=80)
    items = list(tracked(range(5), "working", quiet, console=console))
    return items, console.file.getvalue()


def test_a_bar_only_on_a_terminal_and_never_when_quiet():
    assert shown(quiet=False, terminal=True)[1] != ""
    assert shown(quiet=True, terminal=True)[1] == ""
    assert shown(quiet=False, terminal=False)[1] == ""
    assert shown(quiet=False, terminal=True)[0] == [0, 1, 2, 3, 4]


def test_scan_and_eval_take_quiet(runner):
    from transpair.cli.app import app

    for command in ("scan", "eval", "report"):
        assert "--quiet" in runner.invoke(app, [command, "-h"]).stdout

"""The `transpair` command line: the typer app, its common options, and each command registered from the
module that defines it (pair_commands, po_commands)."""

from __future__ import annotations

import typer

from transpair import __version__
from transpair.cli import pair_commands, po_commands
from transpair.cli.console import OneLineErrors, reopen_closed_streams, restore_argv, restore_sigpipe
from transpair.cli.options import examples

app = typer.Typer(  # its help is the docstring of `common`; --install-completion for bash, zsh, fish
    cls=OneLineErrors, no_args_is_help=True, context_settings={"help_option_names": ["-h", "--help"]}
)


def show_version(value: bool) -> None:
    """--version: print the version and stop."""
    if value:
        typer.echo(f"transpair {__version__}")
        raise typer.Exit()


@app.callback()
def common(
    version: bool = typer.Option(
        False, "--version", callback=show_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """Align the English and Korean versions of articles into PO files, find what is untranslated, report
    coverage."""


app.command(
    "align",
    epilog=examples(
        "transpair align post.en.md post.ko.md -o post.po",
        "transpair align site/ -o po/ --beads beads/",
        "transpair align post.en.md post.ko.md -o post.tmx --format tmx",
    ),
)(pair_commands.align_cmd)
app.command("review")(pair_commands.review_cmd)
app.command(
    "report",
    epilog=examples(
        "transpair report po/",
        "transpair report po/ -f html -o report.html --badge badge.svg",
        "transpair report po/ --fail-under 80 -q",
    ),
)(po_commands.report_cmd)
app.command("eval", epilog=examples("transpair eval ../shared/data/pydocs-ko --json"))(po_commands.eval_cmd)
app.command(
    "scan", epilog=examples("transpair scan site/", "transpair scan site/ -f json --markers markers.toml")
)(pair_commands.scan_cmd)
app.command(
    "apply",
    epilog=examples(
        "transpair apply post.po post.en.md -o post.ko.md",
        "transpair apply post.po post.en.md -o - --mark-untranslated",
    ),
)(po_commands.apply_cmd)
app.command(
    "check",
    epilog=examples(
        "transpair check po/",
        "transpair check po/ --glossary glossary.csv --format sarif -o check.sarif --fail-on never",
    ),
)(po_commands.check_cmd)
app.command(
    "terms", epilog=examples("transpair terms po/ -o glossary.csv", "transpair terms po/ -o glossary.tbx")
)(po_commands.terms_cmd)
app.command(
    "pot",
    epilog=examples(
        "transpair pot new-post.en.md -o new-post.pot", "transpair pot docs/src docs-ko/src -o pot/"
    ),
)(pair_commands.pot_cmd)
app.command(
    "tmx",
    epilog=examples(
        "transpair tmx po/ -o site.tmx", "transpair tmx po/guide/a.po po/guide/b.po -o ab.tmx --fuzzy"
    ),
)(po_commands.tmx_cmd)


def main() -> None:
    """Console-script entry point."""
    reopen_closed_streams()
    restore_sigpipe()
    restore_argv()
    app()


if __name__ == "__main__":
    main()

"""The command line: a thin typer layer over the stages, one runner per command."""

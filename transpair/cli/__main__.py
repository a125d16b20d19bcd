"""`python -m transpair.cli`: the command line, as the `transpair` script runs it."""

from transpair.cli.app import main

main()

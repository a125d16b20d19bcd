"""The one exception the CLI turns into a one-line message and exit code 2."""


class InputError(Exception):
    """Bad user input (missing file, undecodable text, wrong language...): exit 2, no traceback."""

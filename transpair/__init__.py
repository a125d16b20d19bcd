"""transpair: align English and Korean versions of articles into gettext PO files."""

__version__ = "0.1.0"

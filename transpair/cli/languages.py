"""The --source-lang and --target-lang options: a code as sites and gettext write it, normalised once."""

from __future__ import annotations

import typer

from transpair import languages


def _normalised(value: str) -> str:
    """A language option's value in gettext's form (`zh-CN` -> `zh_CN`), or a one-line usage error."""
    code = languages.normalise(value)
    if code is None:
        raise typer.BadParameter(f"{value!r} is not a language code such as ko, ja, zh-CN or pt_BR")
    return code


def source_lang() -> str:
    """The --source-lang option (English by default)."""
    return typer.Option(
        "en", "--source-lang", help="The original's language. " + languages.HELP, callback=_normalised
    )


def target_lang() -> str:
    """The --target-lang option (Korean by default)."""
    return typer.Option(
        "ko", "--target-lang", help="The translation's language. " + languages.HELP, callback=_normalised
    )


def gold_lang() -> str | None:
    """The --target-lang option of `eval`: which NAME.<lang>.txt to read (by default the one there is)."""
    return typer.Option(
        None,
        "--target-lang",
        help="The translation files' language, when a gold folder holds several. " + languages.HELP,
        callback=lambda value: value and _normalised(value),
    )

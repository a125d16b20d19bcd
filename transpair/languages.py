"""Language codes as sites and gettext write them (ko, zh-CN, zh_CN, zh-Hans, pt_BR), normalised once.

A code given on the command line is turned into gettext's POSIX form (`zh_CN`, `pt_BR`, `ko`) by
`normalise`, which is what the PO `Language:` header carries; every comparison with a detected language
uses `base` (`zh_CN` -> `zh`), since the language detector knows languages, not regions. A script subtag
without a region takes gettext's usual region (`zh-Hans` -> `zh_CN`, `zh-Hant` -> `zh_TW`).
"""

from __future__ import annotations

import regex

_CODE = regex.compile(r"(?i)([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?")
SCRIPT_REGIONS = {("zh", "hans"): "CN", ("zh", "hant"): "TW"}
# The languages of the multilingual Universal Sentence Encoder the aligner ships with (its model card).
SUPPORTED = ("ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh")
NAMES = {
    "ar": "Arabic",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "th": "Thai",
    "tr": "Turkish",
    "zh": "Chinese",
}
HELP = (
    "Language code as a site or gettext writes it: ko, ja, zh-CN, zh_CN, zh-Hans, zh-TW, pt-BR, es… "
    f"(the aligner's model knows {', '.join(SUPPORTED)})."
)


def normalise(code: str) -> str | None:
    """gettext's form of a BCP 47 or POSIX language code (`zh-hans` -> `zh_CN`), None when it is none."""
    found = _CODE.fullmatch(code.strip())
    if not found:
        return None
    lang, script, region = found.group(1).lower(), found.group(2), found.group(3)
    if script and not region:
        region = SCRIPT_REGIONS.get((lang, script.lower()))
    return f"{lang}_{region.upper()}" if region else lang


def base(code: str) -> str:
    """The language of a code without script or region (`zh_CN` -> `zh`), as the detector names it."""
    return regex.split(r"[-_]", code, maxsplit=1)[0].lower()


def bcp47(code: str) -> str:
    """The BCP 47 form of a gettext code (`zh_CN` -> `zh-CN`), for xml:lang and HTML."""
    return code.replace("_", "-")


def name(code: str | None) -> str:
    """A readable name of a language ('en' -> 'English', 'zh_CN' -> 'Chinese (CN)')."""
    if not code:
        return "an undetected language"
    lang, _, region = code.replace("-", "_").partition("_")
    known = NAMES.get(lang.lower(), code)
    return f"{known} ({region})" if region and known != code else known

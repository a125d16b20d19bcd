"""Findings as SARIF 2.1.0, so GitHub code scanning (and any SARIF viewer) shows them on the PO lines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePosixPath
from urllib.parse import quote

from transpair import __version__
from transpair.check.config import DEFAULT_LEVELS
from transpair.check.findings import Finding

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
RULE_HELP = {
    "glossary": "A glossary term is not translated as the glossary says, or a forbidden variant is used.",
    "consistency": "A term of the site is translated another way than in most places.",
    "code": "A code span of the source is missing or changed in the translation.",
    "link": "A link target or URL of the source is missing or changed in the translation.",
    "number": "A number of the source is missing from the translation.",
    "tag": "Inline tags do not open and close as in the source.",
    "anchor": "A heading id {#id} of the source is missing or changed.",
    "placeholder": "A placeholder of the source is missing or changed.",
    "english-left": "An English sentence is left inside the Korean translation.",
    "cjk-stray": "Chinese or Japanese characters or punctuation in the Korean text.",
    "particle-form": "A double particle form such as 을(를) where the word before decides the form.",
    "spacing": "A space between a code span or link and its particle.",
    "speech-level": "A sentence leaves the speech level (합니다체, 해요체, 한다체) of its page.",
}


def to_sarif(findings: Sequence[Finding]) -> str:
    """One SARIF log with one run: a rule per check, a result per finding at its file and PO line."""
    rules = [
        {
            "id": name,
            "name": "".join(part.title() for part in name.split("-")),
            "shortDescription": {"text": RULE_HELP[name]},
            "defaultConfiguration": {"level": SARIF_LEVELS[level]},
        }
        for name, level in DEFAULT_LEVELS.items()
    ]
    index = {name: n for n, name in enumerate(DEFAULT_LEVELS)}
    results = [
        {
            "ruleId": f.check,
            "ruleIndex": index[f.check],
            "level": SARIF_LEVELS[f.level],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(f.path)},
                        "region": {"startLine": max(f.line, 1)},
                    }
                }
            ],
            "partialFingerprints": {"transpairFinding/v1": f.fingerprint},
        }
        for f in findings
    ]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "transpair",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def uri(path: str) -> str:
    """A file path as a URI: `file:` for an absolute path, else a relative reference (unsafe bytes
    escaped), which code scanning resolves against the repository root."""
    if PurePosixPath(path).is_absolute():
        return PurePosixPath(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/._-~")

"""Findings as text (`file:line: level: [check] message`, as compilers print, so editors jump to the line)
and as JSON."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from transpair.check.findings import Finding

JSON_SCHEMA = 1  # raised when a field changes meaning or goes away


def to_text(findings: Sequence[Finding], files: int) -> str:
    """One line per finding, then a summary line."""
    lines = [f"{f.path}:{f.line}: {f.level}: [{f.check}] {f.message}" for f in findings]
    return "\n".join([*lines, summary(findings, files)]) + "\n"


def summary(findings: Sequence[Finding], files: int) -> str:
    """`N findings in M files (error 3, warning 5)` or that there are none."""
    if not findings:
        return f"no findings in {files} file{'s' * (files != 1)}"
    levels = Counter(f.level for f in findings)
    parts = ", ".join(f"{level} {n}" for level, n in sorted(levels.items()))
    return (
        f"{len(findings)} finding{'s' * (len(findings) != 1)} in {files} file{'s' * (files != 1)} ({parts})"
    )


def to_json(findings: Sequence[Finding], files: int) -> str:
    """The findings and their counts per check and per file as JSON."""
    data = {
        "schema": JSON_SCHEMA,
        "files": files,
        "counts": dict(sorted(Counter(f.check for f in findings).items())),
        "per_file": dict(sorted(Counter(f.path for f in findings).items())),
        "findings": [
            {
                "file": f.path,
                "line": f.line,
                "check": f.check,
                "level": f.level,
                "message": f.message,
                "msgid": f.msgid,
                "msgstr": f.msgstr,
                "fingerprint": f.fingerprint,
            }
            for f in findings
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

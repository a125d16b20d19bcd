"""Text and JSON output of `transpair check`."""

import json

from transpair.check.findings import Finding
from transpair.check.output import summary, to_json, to_text

FINDINGS = [
    Finding("a.po", 12, "Use `ref`.", "code", "error", "code span 'ref' missing", "씁니다."),
    Finding("a.po", 20, "x", "spacing", "warning", "space before the particle", "`x` 를"),
]


def test_text_lines_as_compilers_print_them():
    assert to_text(FINDINGS, 2).splitlines() == [
        "a.po:12: error: [code] code span 'ref' missing",
        "a.po:20: warning: [spacing] space before the particle",
        "2 findings in 2 files (error 1, warning 1)",
    ]
    assert summary([], 1) == "no findings in 1 file"


def test_json_counts_and_fingerprints():
    data = json.loads(to_json(FINDINGS, 2))
    assert data["schema"] == 1 and data["files"] == 2
    assert data["counts"] == {"code": 1, "spacing": 1} and data["per_file"] == {"a.po": 2}
    assert data["findings"][0]["fingerprint"] == FINDINGS[0].fingerprint
    assert FINDINGS[0].fingerprint.startswith("code:") and FINDINGS[0].fingerprint != FINDINGS[1].fingerprint

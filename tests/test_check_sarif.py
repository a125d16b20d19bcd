"""SARIF output: valid against the OASIS SARIF 2.1.0 schema (tests/data/sarif), results on the PO lines."""

import json
from pathlib import Path

import jsonschema

from transpair.check.config import DEFAULT_LEVELS
from transpair.check.findings import Finding
from transpair.check.sarif import to_sarif, uri

SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
FINDINGS = [
    Finding("po/guide/a b.po", 12, "Use `ref`.", "code", "error", "code span 'ref' missing", "씁니다."),
    Finding("po/guide/b.po", 3, "Note", "consistency", "warning", "'Note' translated '주의'", "주의"),
    Finding("/abs/x.po", 7, "x", "number", "info", "number '2' missing", "없음"),
]


def test_valid_against_the_schema():
    log = json.loads(to_sarif(FINDINGS))
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    jsonschema.Draft4Validator(SCHEMA).validate(json.loads(to_sarif([])))


def test_results_point_at_po_lines():
    run = json.loads(to_sarif(FINDINGS))["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == list(DEFAULT_LEVELS)
    first, _, last = run["results"]
    assert first["ruleId"] == "code" and first["level"] == "error"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "code"
    location = first["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "po/guide/a%20b.po"}, "region": {"startLine": 12}}
    assert (
        last["level"] == "note"
        and last["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file:///abs/x.po"
    )
    assert first["partialFingerprints"]["transpairFinding/v1"] == FINDINGS[0].fingerprint


def test_schema_rejects_a_broken_log():
    log = json.loads(to_sarif(FINDINGS))
    log["runs"][0]["results"][0]["level"] = "fatal"
    validator = jsonschema.Draft4Validator(SCHEMA)
    assert not validator.is_valid(log)  # the test can fail: the schema is really applied


def test_uri():
    assert uri("po/한국어.po") == "po/%ED%95%9C%EA%B5%AD%EC%96%B4.po"

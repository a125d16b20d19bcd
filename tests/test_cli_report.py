"""The report command end to end: formats, files, exit codes, and agreement with msgfmt and pocount."""

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from conftest import dev_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_fixtures import entry, sample_entries, write

from transpair.cli.app import app

POCOUNT = Path(sys.executable).with_name("pocount")  # the venv's own, else the one on PATH
POCOUNT = POCOUNT if POCOUNT.exists() else Path(shutil.which("pocount") or POCOUNT)


def test_json_to_stdout_and_badge_file(runner, tmp_path):
    po = write(tmp_path / "a.po", sample_entries())
    badge = tmp_path / "badge.svg"
    result = runner.invoke(app, ["report", str(po), "--format", "json", "--badge", str(badge)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"]["translated"] == 3 and data["articles"][0]["name"] == str(po)
    assert "36.4%" in badge.read_text(encoding="utf-8")


def test_html_and_csv_to_files(runner, tmp_path):
    po = write(tmp_path / "a.po", sample_entries())
    for fmt, name in (
        ("html", "report.html"),
        ("csv", "report.csv"),
        ("markdown", "report.md"),
        ("table", "t.txt"),
    ):
        result = runner.invoke(app, ["report", str(po), "-f", fmt, "-o", str(tmp_path / name)])
        assert result.exit_code == 0 and result.stdout == ""
        assert "a.po" in (tmp_path / name).read_text(encoding="utf-8")


def test_fail_under_by_words_and_by_strings(runner, tmp_path):
    po = write(
        tmp_path / "a.po", [entry("one two three four five six seven eight nine", "번역"), entry("ten")]
    )
    assert runner.invoke(app, ["report", str(po), "--fail-under", "90"]).exit_code == 0  # 9 of 10 words
    failed = runner.invoke(app, ["report", str(po), "--fail-under", "90", "--by", "strings"])
    assert failed.exit_code == 1
    assert "1 of 2 strings translated (50.0%), below --fail-under 90" in failed.stderr


def test_bad_input_exits_2_and_still_reports_the_good_file(runner, tmp_path):
    good = write(tmp_path / "good.po", sample_entries())
    result = runner.invoke(app, ["report", str(good), str(tmp_path / "missing.po"), "-f", "json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["articles"][0]["name"] == str(good)
    assert result.stderr.strip() == f"transpair: error: {tmp_path / 'missing.po'}: no such file or folder"
    assert "Traceback" not in result.output


def test_errors_win_over_the_gate(runner, tmp_path):
    good = write(tmp_path / "good.po", [entry("untranslated text")])
    result = runner.invoke(app, ["report", str(good), str(tmp_path / "nope"), "--fail-under", "50"])
    assert result.exit_code == 2


def test_folder_of_article_pairs_is_aligned_on_the_fly(runner, tmp_path):
    (tmp_path / "post.en.md").write_text(
        "# Getting started\n\nInstall the package with pip before you begin.\n\n"
        "The tool reads both versions of an article and pairs their paragraphs.\n\n"
        "Then run the command on two files and read the output.\n",
        encoding="utf-8",
    )
    (tmp_path / "post.ko.md").write_text(
        "# 시작하기\n\n시작하기 전에 pip으로 패키지를 설치하세요.\n\n"
        "이 도구는 글의 두 가지 판을 모두 읽고 문단끼리 짝을 짓습니다.\n\n"
        "Then run the command on two files and read the output.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["report", str(tmp_path), "-f", "json", "--quiet"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)["articles"][0]
    assert article["name"] == "post" and article["total"] == 4
    assert article["untranslated"] == 1 and article["left_in_source"] == 1
    assert not list(tmp_path.glob("*.po"))  # nothing written


def test_article_pairs_in_other_languages(runner, tmp_path):
    (tmp_path / "post.ko.md").write_text(
        "# 시작하기\n\n시작하기 전에 pip으로 패키지를 설치하세요.\n", encoding="utf-8"
    )
    (tmp_path / "post.en.md").write_text(
        "# Getting started\n\nInstall the package with pip before you begin.\n", encoding="utf-8"
    )
    args = ["report", str(tmp_path), "-f", "json", "--quiet", "--source-lang", "ko", "--target-lang", "en"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)["articles"][0]
    assert (article["name"], article["total"], article["translated"]) == ("post", 2, 2)


def msgfmt_counts(msgfmt: str, po: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) from `msgfmt --statistics` (absent parts are 0)."""
    err = subprocess.run(
        [msgfmt, "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True
    ).stderr
    found = {kind: int(n) for n, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", err)}
    return found.get("translated", 0), found.get("fuzzy", 0), found.get("untranslated", 0)


def pocount_counts(po: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) strings from translate-toolkit's `pocount --csv`."""
    out = subprocess.run([str(POCOUNT), "--csv", str(po)], capture_output=True, text=True, check=True).stdout
    row = next(r for r in out.splitlines() if r.startswith(str(po)))
    fields = row.split(",")
    return int(fields[1]), int(fields[4]), int(fields[6])


def report_counts(runner, po: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) as `transpair report --format json` counts them."""
    data = json.loads(runner.invoke(app, ["report", str(po), "-f", "json"]).stdout)["total"]
    return data["translated"], data["fuzzy"], data["untranslated"]


states = st.sampled_from(
    ["translated", "fuzzy", "untranslated", "fuzzy-empty", "plural", "plural-half", "obsolete"]
)


def generated_entry(state: str, i: int) -> polib.POEntry:
    """An entry in one of the states msgfmt and pocount tell apart."""
    text = f"Sentence {i} with words, numbers like 2.6.{i} and os.path.join."
    if state.startswith("plural"):
        forms = {0: "파일", 1: "" if state == "plural-half" else "파일들"}
        return polib.POEntry(msgid=f"{i} file", msgid_plural=f"{i} files", msgstr_plural=forms)
    return entry(
        text,
        "" if state in ("untranslated", "fuzzy-empty") else "번역문",
        fuzzy=state.startswith("fuzzy"),
        obsolete=state == "obsolete",
    )


@pytest.mark.skipif(not POCOUNT.exists(), reason="translate-toolkit's pocount is not installed")
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(states, min_size=1, max_size=12))
def test_string_counts_equal_msgfmt_and_pocount(runner, msgfmt, tmp_path, seq):
    po = write(tmp_path / "gen.po", [generated_entry(s, i) for i, s in enumerate(seq)])
    ours = report_counts(runner, po)
    assert ours == msgfmt_counts(msgfmt, po)
    assert ours == pocount_counts(po)


def test_a_placeholder_msgstr_is_where_we_differ_from_msgfmt(runner, msgfmt, tmp_path):
    po = write(
        tmp_path / "tbd.po",
        [entry("A paragraph.", "[TBD - to be translated later, sorry]"), entry("b", "비")],
    )
    assert msgfmt_counts(msgfmt, po) == (2, 0, 0)
    assert report_counts(runner, po) == (1, 0, 1)


GOLD_DOCS = (
    "tutorial-appendix",
    "howto-sorting",
    "howto-urllib2",
)  # small, with untranslated and stale parts


def test_pydocs_po_from_align_matches_gold_untranslated_share_and_msgfmt_pocount(runner, msgfmt, tmp_path):
    """`transpair align` then `transpair report`: untranslated share by strings within 1 point of the gold."""
    data = dev_data() / "pydocs-ko"
    for name in GOLD_DOCS:
        po = tmp_path / f"{name}.po"
        aligned = runner.invoke(
            app, ["align", str(data / f"{name}.en.txt"), str(data / f"{name}.ko.txt"), "-o", str(po)]
        )
        assert aligned.exit_code == 0, aligned.output
        gold = json.loads((data / f"{name}.gold.json").read_text(encoding="utf-8"))
        english = sum(len(bead[0]) for bead in gold["beads"])
        ours = json.loads(runner.invoke(app, ["report", str(po), "-f", "json"]).stdout)["total"]
        assert ours["total"] == english
        assert 100 * ours["untranslated"] / ours["total"] == pytest.approx(
            100 * len(gold["untranslated_en"]) / english, abs=1.0
        ), name
        counts = (ours["translated"], ours["fuzzy"], ours["untranslated"])
        assert counts == msgfmt_counts(msgfmt, po) == pocount_counts(po)


def test_report_never_writes_over_its_input(runner, tmp_path):
    po = write(tmp_path / "s.po", [entry("untranslated text")])
    before = po.read_bytes()
    for option in ("-o", "--badge"):
        result = runner.invoke(app, ["report", str(po), option, str(po)])
        assert result.exit_code == 2 and "would overwrite" in result.output
    assert po.read_bytes() == before


@pytest.mark.parametrize(
    ("sources", "kept"),
    [
        (("pydocs/tutorial-venv.en.txt", "pydocs/tutorial-venv.ko.txt"), "sections"),
        (("pydocs/howto-sorting.en.txt", "pydocs/howto-sorting.ko.txt"), "left_in_source"),
        (("blog/2014-03-27.en.txt",), "placeholder"),
    ],
)
def test_report_after_msgmerge_with_a_transpair_template_keeps_the_figures_and_sections(
    runner, msgfmt, tmp_path, sources, kept
):
    corpora = Path(__file__).resolve().parent.parent / "corpora"
    po, pot, merged = tmp_path / "a.po", tmp_path / "a.pot", tmp_path / "merged.po"
    files = [str(corpora / name) for name in sources]
    assert runner.invoke(app, ["align", *files, "-o", str(po)]).exit_code == 0
    assert runner.invoke(app, ["pot", files[0], "-o", str(pot)]).exit_code == 0
    msgmerge = str(Path(msgfmt).with_name("msgmerge"))
    subprocess.run([msgmerge, "--quiet", "-o", str(merged), str(po), str(pot)], check=True)
    assert "#. transpair:" in merged.read_text(encoding="utf-8")

    def figures(path: Path) -> tuple:
        data = json.loads(runner.invoke(app, ["report", str(path), "-f", "json", "--sections"]).stdout)
        [article] = data["articles"]
        total = {k: v for k, v in data["total"].items()}
        sections = [(s["title"], s["translated"], s["untranslated"]) for s in article["sections"]]
        return total, sections

    assert figures(merged) == figures(po)
    total, sections = figures(po)
    assert len(sections) > 1 if kept == "sections" else total[kept] > 0


def test_a_pot_is_all_untranslated_and_empty_or_header_less_po_are_reported(runner, msgfmt, tmp_path):
    english = Path(__file__).resolve().parent.parent / "corpora" / "pydocs" / "tutorial-venv.en.txt"
    pot, empty, bare = tmp_path / "a.pot", tmp_path / "empty.po", tmp_path / "bare.po"
    assert runner.invoke(app, ["pot", str(english), "-o", str(pot)]).exit_code == 0
    empty.write_bytes(b"")
    bare.write_text('msgid "Hello"\nmsgstr "안녕"\n', encoding="utf-8")
    for path in (pot, empty, bare):
        result = runner.invoke(app, ["report", str(path), "-f", "json"])
        assert result.exit_code == 0, result.output
        total = json.loads(result.stdout)["total"]
        assert (total["translated"], total["fuzzy"], total["untranslated"]) == msgfmt_counts(msgfmt, path)
    assert (
        json.loads(runner.invoke(app, ["report", str(pot), "-f", "json"]).stdout)["total"]["untranslated"] > 0
    )


def test_json_has_a_schema_version_and_weblates_statistics_names(runner, tmp_path):
    po = write(tmp_path / "a.po", sample_entries())
    data = json.loads(runner.invoke(app, ["report", str(po), "-f", "json"]).stdout)
    weblate = ("total", "total_words", "translated", "translated_words", "translated_percent")
    weblate += ("translated_words_percent", "fuzzy", "fuzzy_percent")
    assert data["schema"] == 1 and list(data)[0] == "schema"
    for figures in (data["total"], data["articles"][0]):
        assert all(isinstance(figures[name], int | float) for name in weblate)
        assert figures["translated_percent"] == round(100 * figures["translated"] / figures["total"], 1)


def test_report_of_pairs_reuses_the_alignment_that_align_cached(runner, tmp_path):
    from conftest import CORPORA

    from transpair.align import embed

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("tutorial-appetite.en.txt", "tutorial-appetite.ko.txt"):
        shutil.copy(CORPORA / "pydocs" / name, folder)
    model = embed.shared_similarity(None, use_cache=True)
    assert runner.invoke(app, ["align", str(folder), "-o", str(tmp_path / "po"), "-q"]).exit_code == 0
    asked = model.hits + model.stored + model.misses
    first = runner.invoke(app, ["report", str(folder), "-f", "json", "-q", "--jobs", "1"])
    again = runner.invoke(app, ["report", str(folder), "-f", "json", "-q", "--jobs", "1"])
    fresh = runner.invoke(app, ["report", str(folder), "-f", "json", "-q", "--no-cache"])
    assert first.exit_code == 0 and first.stdout == again.stdout == fresh.stdout
    assert model.hits + model.stored + model.misses == asked  # no block was embedded again
    assert json.loads(first.stdout)["total"]["translated"] > 0


def _align_and_report(runner, out: Path) -> tuple[dict, str]:
    """Align a pydocs pair with copies left in English and a blog post with a TBD section, then report
    on the POs: the JSON report and the POs' text."""
    corpora = Path(__file__).resolve().parent.parent / "corpora"
    pydocs, blog = corpora / "pydocs", corpora / "blog"
    pos = [out / "sorting.po", out / "post.po"]
    pairs = [
        [str(pydocs / "howto-sorting.en.txt"), str(pydocs / "howto-sorting.ko.txt")],
        [str(blog / "2017-03-14.en.txt")],
    ]
    for files, po in zip(pairs, pos):
        result = runner.invoke(app, ["align", *files, "-o", str(po)])
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["report", *map(str, pos), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), "".join(po.read_text(encoding="utf-8") for po in pos)


def test_rewording_every_reason_leaves_the_report_unchanged(runner, tmp_path, monkeypatch):
    from dataclasses import replace

    from transpair import pipeline

    (tmp_path / "plain").mkdir(), (tmp_path / "reworded").mkdir()
    plain, plain_po = _align_and_report(runner, tmp_path / "plain")
    classify = pipeline.classify

    def reworded(alignment, markers=()):
        """classify, with every reason replaced by words no reason starts with."""
        result = classify(alignment, markers)
        beads = tuple(
            replace(b, reason=f"reason number {n}" if b.reason else "") for n, b in enumerate(result.beads)
        )
        return replace(result, beads=beads)

    monkeypatch.setattr(pipeline, "classify", reworded)
    monkeypatch.setenv("TRANSPAIR_CACHE_DIR", str(tmp_path / "cache"))  # not the alignments cached above
    again, reworded_po = _align_and_report(runner, tmp_path / "reworded")
    assert 'placeholder "' in plain_po and "left in English" in plain_po
    assert 'placeholder "' not in reworded_po and "left in English" not in reworded_po
    assert plain["total"]["placeholder"] > 0 and plain["total"]["left_in_source"] > 0
    assert again == json.loads(json.dumps(plain).replace("/plain/", "/reworded/"))


def test_report_options_are_keyword_only():
    from transpair.cli.report import ReportOptions

    with pytest.raises(TypeError):
        ReportOptions("json")
    assert ReportOptions(format="json", quiet=True).format == "json"


def test_a_po_on_standard_input_is_reported_as_dash(runner, tmp_path):
    po = write(tmp_path / "a.po", sample_entries())
    piped = runner.invoke(app, ["report", "-", "-f", "json", "-o", "-"], input=po.read_bytes())
    assert piped.exit_code == 0, piped.output
    data = json.loads(piped.stdout)
    direct = json.loads(runner.invoke(app, ["report", str(po), "-f", "json"]).stdout)
    assert data["articles"][0]["name"] == "-" and data["total"] == direct["total"]
    broken = runner.invoke(app, ["report", "-"], input=b'msgid "a"\n')
    assert broken.exit_code == 2 and "-:1: missing 'msgstr' section" in broken.output


# For CI and sync bots: the JSON schema, the pre-commit hooks, a redirected table.


def test_json_report_validates_against_the_documented_versioned_schema(runner, tmp_path):
    import jsonschema
    from conftest import ROOT

    from transpair.report.formats import JSON_SCHEMA

    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["schema"] == {"const": JSON_SCHEMA}
    write_in(tmp_path / "po" / "guide" / "a.po", sample_entries())
    write_in(tmp_path / "po" / "b.po", [entry("Done.", "완료.")])
    result = runner.invoke(app, ["report", str(tmp_path / "po"), "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    jsonschema.validate(json.loads((tmp_path / "r.json").read_text(encoding="utf-8")), schema)


def write_in(path: Path, entries: list) -> Path:
    """write(), in a folder made first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return write(path, entries)


def hook_command(hook: dict, files: list[str]) -> list[str]:
    """The command pre-commit runs for a hook: entry, args, then the staged files unless told not to."""
    import shlex

    words = shlex.split(hook["entry"]) + hook.get("args", [])
    words = [sys.executable, "-m", "transpair.cli", *words[1:]] if words[0] == "transpair" else words
    return words + (files if hook.get("pass_filenames", True) else [])


def test_pre_commit_hooks_gate_broken_pos_and_low_coverage(tmp_path):
    import yaml
    from conftest import ROOT

    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"transpair-po-check", "transpair-coverage"}
    good = write_in(tmp_path / "po" / "a.po", sample_entries())
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "TRANSPAIR_CACHE_DIR": str(tmp_path / "c")}

    def run(hook: dict, files: list[str], *extra: str) -> subprocess.CompletedProcess:
        cmd = hook_command(hook | ({"args": list(extra)} if extra else {}), files)
        return subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True)

    assert run(hooks["transpair-po-check"], [str(good)]).returncode == 0
    bad = tmp_path / "po" / "bad.po"
    bad.write_text('msgid "a"\nmsgstr "b"\nmsgid "a"\nmsgstr "c"\n', encoding="utf-8")
    broken = run(hooks["transpair-po-check"], [str(good), str(bad)])
    assert broken.returncode == 2 and "bad.po:" in broken.stderr
    bad.unlink()
    assert run(hooks["transpair-coverage"], []).returncode == 0  # the default gate: 0 %
    low = run(hooks["transpair-coverage"], [], "--fail-under", "80", "po/")
    assert low.returncode == 1 and "below --fail-under 80" in low.stderr


def test_a_redirected_table_shows_whole_names_and_width_cuts_them(runner, tmp_path):
    long = tmp_path / "po" / "api" / "application-programming-interface-helpers-and-utilities.po"
    write_in(long, sample_entries())
    write_in(tmp_path / "po" / "guide" / "essentials" / "watchers.po", [entry("Done.", "완료.")])
    result = runner.invoke(app, ["report", str(tmp_path / "po")])  # CliRunner's stdout is no terminal
    assert result.exit_code == 0
    assert "api/application-programming-interface-helpers-and-utilities" in result.stdout
    assert all(head in result.stdout for head in ("Progress", "Done", "Strings", "Words", "Untr.", "Src"))
    narrow = runner.invoke(app, ["report", str(tmp_path / "po"), "--width", "80"])
    assert "application-programming-interface-helpers-and-utilities" not in narrow.stdout
    assert max(len(line) for line in narrow.stdout.splitlines()[:-1]) <= 80


def test_a_folder_of_translations_alone_is_warned_about(runner, tmp_path):
    (tmp_path / "ko").mkdir()
    (tmp_path / "ko" / "a.md").write_text(
        "# 안내\n\n이 페이지는 반응성 시스템을 설명합니다.\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["report", str(tmp_path / "ko")])
    assert result.exit_code == 0
    assert "with no English original beside them count as 0 %" in result.stderr


def test_report_takes_two_trees_and_globs(runner, tmp_path):
    from conftest import CORPORA

    base = CORPORA / "pydocs" / "tutorial-appetite"
    for lang in ("en", "ko"):
        for name in ("guide/appetite.txt", "extra/appetite.txt"):
            (tmp_path / lang / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(base.with_suffix(f".{lang}.txt"), tmp_path / lang / name)
    trees = [str(tmp_path / "en"), str(tmp_path / "ko")]
    result = runner.invoke(app, ["report", *trees, "--format", "json", "--exclude", "extra"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [a["name"] for a in data["articles"]] == ["guide/appetite"] and data["coverage_percent"] > 90


# Findings: each article counts what `transpair check` prints for the same files.


def vue_po(tmp_path: Path) -> Path:
    """A folder of two real Vue docs POs (tests/data/vue_ko) that `check` finds faults in."""
    from vue_excerpts import DATA

    folder = tmp_path / "po"
    shutil.copytree(DATA, folder)
    return folder


def check_counts(runner, folder: Path) -> dict[str, int]:
    """`transpair check --format json`'s findings per file, by the report's article name."""
    result = runner.invoke(app, ["check", str(folder), "-q", "-f", "json", "--fail-on", "never"])
    per_file = json.loads(result.stdout)["per_file"]
    return {Path(p).relative_to(folder).with_suffix("").as_posix(): n for p, n in per_file.items()}


def report_findings(runner, folder: Path, *args: str) -> dict[str, int | None]:
    result = runner.invoke(app, ["report", str(folder), "-q", "-f", "json", *args])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    return {a["name"]: a["findings"] for a in data["articles"]} | {"": data["findings"]}


def test_report_counts_what_check_prints_with_its_settings_and_silenced_findings(runner, tmp_path):
    folder = vue_po(tmp_path)
    expected = check_counts(runner, folder)
    assert expected == {"excerpts": 7, "tutorial-step-15": 2}  # the test can fail: there are findings
    assert report_findings(runner, folder) == expected | {"": 9}
    (folder / ".transpair.toml").write_text('[check]\ntag = "off"\nspeech-level = "off"\n', encoding="utf-8")
    po = folder / "excerpts.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace(
            "#: guide/introduction.md", "#, transpair-ok\n#: guide/introduction.md"
        ),
        encoding="utf-8",
    )
    quieter = check_counts(runner, folder)
    assert sum(quieter.values()) < 9
    assert report_findings(runner, folder) == {n: quieter.get(n, 0) for n in expected} | {
        "": sum(quieter.values())
    }
    assert report_findings(runner, folder, "--no-check") == dict.fromkeys([*expected, ""])


def test_every_format_shows_the_findings_and_no_check_leaves_them_out(runner, tmp_path):
    folder = vue_po(tmp_path)
    out = {
        fmt: runner.invoke(app, ["report", str(folder), "-q", "-f", fmt, "--sort", "name"]).stdout
        for fmt in ("table", "csv", "markdown", "html")
    }
    table = [line.split() for line in out["table"].splitlines()]
    assert "Find." in table[2] and [
        row[-1] for row in table if row and row[0] in ("excerpts", "tutorial-step-15", "Total")
    ] == ["7", "2", "9"]
    rows = list(csv.DictReader(io.StringIO(out["csv"])))
    assert [(r["level"], r["article"], r["findings"]) for r in rows if r["level"] != "section"] == [
        ("article", "excerpts", "7"),
        ("article", "tutorial-step-15", "2"),
        ("total", "", "9"),
    ]
    assert all(r["findings"] == "" for r in rows if r["level"] == "section")
    md = [line for line in out["markdown"].splitlines() if line.startswith("|")]
    assert md[0].endswith("| Findings |") and md[2].endswith("| 7 |") and md[4].endswith("| 9 |")
    assert (
        '<small class="findings">7 findings</small>' in out["html"]
        and "findings of transpair check" in out["html"]
    )
    skipped = {
        fmt: runner.invoke(app, ["report", str(folder), "-q", "-f", fmt, "--no-check"]).stdout
        for fmt in ("table", "markdown", "html")
    }
    assert "Find." not in skipped["table"].splitlines()[2] and "Findings" not in skipped["markdown"]
    assert 'class="findings"' not in skipped["html"] and "transpair check" not in skipped["html"]


def test_a_bad_check_setting_is_one_line_unless_the_checks_are_skipped(runner, tmp_path):
    folder = vue_po(tmp_path)
    (folder / ".transpair.toml").write_text('[check]\ncode = "loud"\n', encoding="utf-8")
    result = runner.invoke(app, ["report", str(folder), "-q"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "transpair: error: " in result.stderr and "[check] code must be one of" in result.stderr
    assert runner.invoke(app, ["report", str(folder), "-q", "--no-check"]).exit_code == 0

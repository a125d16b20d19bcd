"""Git history lookups: which English a translation was made from, in one repository or two."""

import json
import shutil
import subprocess
import sys

import polib
import pytest
from git_repos import ADDED, CHANGED, EDITED, TRANSLATED, commit, git, one_repo, paragraphs, two_repos

from transpair import errors
from transpair.cli.app import app
from transpair.errors import InputError
from transpair.history import revisions
from transpair.model import Origin

ENGLISH = ("\n\n".join(paragraphs(".en.txt")) + "\n").encode()


def test_one_repository_gives_the_english_of_the_translation_commit(tmp_path):
    source, target, rev = one_repo(tmp_path / "site")
    lookup = revisions.translated_from(source, target)
    assert lookup.origin == Origin(rev, "2025-01-10", commits_since=1)
    assert lookup.data == ENGLISH and not lookup.warning


def test_two_repositories_date_the_translation_by_its_own_commit(tmp_path):
    source, target, rev = two_repos(tmp_path)
    lookup = revisions.translated_from(source, target)
    assert lookup.origin == Origin(rev, "2025-01-05", commits_since=1)
    assert lookup.data == ENGLISH


def test_a_commit_at_the_same_second_counts_as_before(tmp_path):
    repo = tmp_path / "site"
    rev = commit(repo, {"en/a.txt": ["One."], "ko/a.txt": ["하나."]}, "2025-01-10T10:00:00+00:00")
    lookup = revisions.translated_from(repo / "en" / "a.txt", repo / "ko" / "a.txt")
    assert lookup.origin is not None and lookup.origin.rev == rev


def test_a_file_name_is_no_glob(tmp_path):
    repo = tmp_path / "site"
    first = commit(repo, {"en/[id].txt": ["One."], "ko/[id].txt": ["하나."]}, "2025-01-10T10:00:00+00:00")
    # later the English changes, and ko/i.txt (which `[id].txt` matches as a glob) is committed beside it
    commit(repo, {"en/[id].txt": ["Two."], "ko/i.txt": ["둘."]}, "2025-02-10T10:00:00+00:00")
    lookup = revisions.translated_from(repo / "en" / "[id].txt", repo / "ko" / "[id].txt")
    assert lookup.origin is not None and lookup.origin.rev == first and lookup.data == b"One.\n"


def test_files_outside_git_get_no_history_and_no_warning(tmp_path):
    (tmp_path / "a.en.txt").write_text("One.\n")
    (tmp_path / "a.ko.txt").write_text("하나.\n")
    assert revisions.translated_from(tmp_path / "a.en.txt", tmp_path / "a.ko.txt") == revisions.Lookup()


def test_an_uncommitted_translation_is_a_warning(tmp_path):
    source, target, _ = one_repo(tmp_path / "site")
    fresh = target.with_name("new.txt")
    fresh.write_text("새 글.\n", encoding="utf-8")
    lookup = revisions.translated_from(source, fresh)
    assert lookup.origin is None and "not committed yet" in lookup.warning


def test_a_translation_in_a_repository_with_no_commit_yet_is_a_warning(tmp_path):
    for name, text in (("a.en.txt", "One.\n"), ("a.ko.txt", "하나.\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    lookup = revisions.translated_from(tmp_path / "a.en.txt", tmp_path / "a.ko.txt")
    assert lookup.origin is None and lookup.warning.endswith(
        "a.ko.txt: not committed yet, so its source version is unknown"
    )


def test_a_source_outside_git_is_a_warning(tmp_path):
    _, target, _ = one_repo(tmp_path / "site")
    loose = tmp_path / "loose.txt"
    loose.write_text("One.\n")
    lookup = revisions.translated_from(loose, target)
    assert lookup.origin is None and "not in a git repository" in lookup.warning


def test_a_shallow_clone_without_the_old_commit_is_a_warning(tmp_path):
    source, target, _ = two_repos(tmp_path)
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{source.parents[1]}", str(shallow)], check=True
    )
    lookup = revisions.translated_from(shallow / "src" / "appetite.txt", target)
    assert lookup.origin is None and "shallow clone" in lookup.warning


def test_a_named_revision_is_used_as_given(tmp_path):
    source, target, rev = one_repo(tmp_path / "site")
    head = git(source.parent, "rev-parse", "HEAD")
    assert revisions.translated_from(source, target, "HEAD~1").origin == Origin(rev, "2025-01-10", 1)
    assert revisions.translated_from(source, target, rev[:9]).origin.rev == rev
    assert revisions.translated_from(source, target, "HEAD").origin == Origin(head, EDITED[:10], 0)


@pytest.mark.parametrize("rev", ["no-such-branch", "-p", "HEAD~5"])
def test_a_bad_named_revision_is_an_input_error(tmp_path, rev):
    source, target, _ = one_repo(tmp_path / "site")
    with pytest.raises(InputError, match=f"--translated-from {rev}: no such revision"):
        revisions.translated_from(source, target, rev)


def test_a_named_revision_without_the_file_is_an_input_error(tmp_path):
    repo = tmp_path / "site"
    rev = commit(repo, {"README.txt": ["Hi."]}, "2025-01-01T10:00:00+00:00")
    commit(repo, {"en/a.txt": ["One."], "ko/a.txt": ["하나."]}, "2025-01-10T10:00:00+00:00")
    with pytest.raises(InputError, match="a.txt does not exist in that revision"):
        revisions.translated_from(repo / "en" / "a.txt", repo / "ko" / "a.txt", rev)


def test_a_lookup_costs_at_most_four_git_calls(tmp_path, monkeypatch):
    source, target, _ = two_repos(tmp_path)
    calls = []
    real = revisions.git
    monkeypatch.setattr(
        revisions, "git", lambda folder, *args, **kw: calls.append(args) or real(folder, *args, **kw)
    )
    assert revisions.translated_from(source, target).origin is not None
    assert len(calls) == 4


def test_git_output_is_read_plainly():
    assert revisions.commit_fields(b"3f2a1c9e 2025-02-24\n") == ("3f2a1c9e", "2025-02-24")
    assert revisions.commit_fields(b"") is None
    assert revisions.count(b"12\n") == 12 and revisions.count(b"") == 0
    assert revisions.origin_line(Origin("3f2a1c9e77", "2025-02-24")) == "source as of 3f2a1c9, 2025-02-24"


def align(runner, *args):
    return runner.invoke(app, ["align", *map(str, args)])


def aligned_po(runner, tmp_path, source, target, *extra):
    """Run `transpair align` through the CLI; the PO, the beads JSON and stderr."""
    out, beads = tmp_path / "out.po", tmp_path / "out.json"
    result = align(runner, source, target, "-o", out, "--beads", beads, *extra)
    assert result.exit_code == 0, result.output
    return polib.pofile(str(out)), json.loads(beads.read_text())["beads"], result.stderr


@pytest.mark.parametrize("layout", [one_repo, two_repos])
def test_align_marks_what_changed_since_the_translation(runner, tmp_path, msgfmt, layout):
    source, target, rev = layout(tmp_path / "repo")
    po, beads, err = aligned_po(runner, tmp_path, source, target)
    english, korean = paragraphs(".en.txt"), paragraphs(".ko.txt")
    date = lookup_date(source, target)
    assert err.splitlines()[0].endswith(f"; source as of {rev[:7]}, {date}")
    since = f"{rev[:7]} ({date})"
    live = {e.msgid: e for e in po if not e.obsolete}
    outdated = live[CHANGED]
    assert outdated.fuzzy and outdated.previous_msgid == english[3] and outdated.msgstr == korean[3]
    assert f"status=outdated cause=outdated\noutdated: source changed since {since}" in outdated.comment
    added = live[ADDED]
    assert added.msgstr == "" and "status=untranslated cause=new-in-source" in added.comment
    assert f"untranslated: new in source since {since}" in added.comment
    moved = live[english[14]]
    assert moved.msgstr == korean[14] and not moved.fuzzy and "status=translated" in moved.comment
    assert [(e.msgid, e.msgstr) for e in po if e.obsolete] == [(english[15], korean[15])]
    assert all(live[p].msgstr == korean[i] for i, p in enumerate(english) if i not in (0, 3, 14, 15))
    statuses = [b["status"] for b in beads]
    assert statuses.count("outdated") == 1 and statuses.count("untranslated") == 1
    assert (
        subprocess.run(
            [msgfmt, "--check-format", "--check-header", "-o", "/dev/null", tmp_path / "out.po"]
        ).returncode
        == 0
    )


def lookup_date(source, target):
    """The date of the English commit the translation was made from."""
    return revisions.translated_from(source, target).origin.date


def test_without_history_a_stale_paragraph_passes_for_translated(runner, tmp_path):
    source, target, _ = one_repo(tmp_path / "site")
    po, beads, err = aligned_po(runner, tmp_path, source, target, "--no-history")
    assert "source as of" not in err and "outdated" not in {b["status"] for b in beads}
    assert not any(e.obsolete or e.previous_msgid for e in po)


def test_a_named_revision_on_the_command_line(runner, tmp_path):
    source, target, rev = one_repo(tmp_path / "site")
    _, beads, err = aligned_po(runner, tmp_path, source, target, "--translated-from", rev[:8])
    assert f"source as of {rev[:7]}, 2025-01-10" in err
    assert [b["status"] for b in beads].count("outdated") == 1


def test_a_bad_named_revision_exits_2_with_one_line(tmp_path):
    source, target, _ = one_repo(tmp_path / "site")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "transpair.cli",
            "align",
            source,
            target,
            "-o",
            tmp_path / "o.po",
            "--translated-from",
            "v9.9",
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and proc.stderr.splitlines() == [
        f"transpair: error: --translated-from v9.9: no such revision in the repository of {source}"
    ]


def test_an_uncommitted_translation_warns_and_aligns_as_today(runner, tmp_path):
    source, target, _ = one_repo(tmp_path / "site")
    fresh = target.with_name("draft.txt")
    fresh.write_bytes(target.read_bytes())
    _, beads, err = aligned_po(runner, tmp_path, source, fresh)
    assert [line for line in err.splitlines() if "warning" in line] == [
        f"transpair: warning: {fresh}: not committed yet, so its source version is unknown"
    ]
    assert "outdated" not in {b["status"] for b in beads}


def test_report_counts_outdated_strings_and_words_and_they_are_not_done(runner, tmp_path):
    source, target, _ = one_repo(tmp_path / "site")
    aligned_po(runner, tmp_path, source, target)
    result = runner.invoke(app, ["report", str(tmp_path / "out.po"), "-f", "json"])
    total = json.loads(result.stdout)["total"]
    assert (total["outdated"], total["outdated_words"]) == (1, len(CHANGED.split()))
    assert (
        total["fuzzy"] >= 1 and total["translated"] == total["total"] - total["fuzzy"] - total["untranslated"]
    )
    done = 100 * total["translated"] / total["total"]
    gate = runner.invoke(
        app, ["report", str(tmp_path / "out.po"), "--by", "strings", "--fail-under", f"{done + 1:.1f}"]
    )
    assert gate.exit_code == 1
    table = runner.invoke(app, ["report", str(tmp_path / "out.po")])
    assert "Outd." in table.stdout


def test_report_on_a_folder_of_pairs_in_git_uses_the_history(runner, tmp_path):
    one_repo(tmp_path / "site")
    result = runner.invoke(app, ["report", str(tmp_path / "site"), "-f", "json", "-q"])
    article = json.loads(result.stdout)["articles"][0]
    assert article["name"] == "appetite" and article["outdated"] == 1


def test_report_on_a_folder_of_pairs_without_history_counts_nothing_outdated(runner, tmp_path):
    one_repo(tmp_path / "site")
    result = runner.invoke(app, ["report", str(tmp_path / "site"), "-f", "json", "-q", "--no-history"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)["articles"][0]
    assert article["name"] == "appetite" and article["outdated"] == 0


def test_two_clones_align_folder_to_folder_with_history(runner, tmp_path):
    source, target, rev = two_repos(tmp_path / "repos")
    fresh = source.with_name("new-page.txt")
    fresh.write_text("A page nobody translated yet.\n\nIt has two paragraphs of prose.\n", encoding="utf-8")
    out = tmp_path / "po"
    result = runner.invoke(app, ["align", str(source.parent), str(target.parent), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    po = polib.pofile(str(out / "appetite.po"))
    assert [e.previous_msgid for e in po if e.previous_msgid] == [paragraphs(".en.txt")[3]]
    assert len(po.obsolete_entries()) == 1
    assert all(not e.msgstr for e in polib.pofile(str(out / "new-page.po")))


def test_aligning_again_merges_into_the_po_without_a_change(runner, tmp_path):
    source, target, _ = one_repo(tmp_path / "site")
    out = tmp_path / "again.po"
    assert align(runner, source, target, "-o", out).exit_code == 0
    first = out.read_text(encoding="utf-8")
    assert align(runner, source, target, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == first and "status=outdated cause=outdated" in first


def test_sentences_are_carried_over_too(runner, tmp_path):
    source, target, _ = one_repo(tmp_path / "site")
    po, beads, _ = aligned_po(runner, tmp_path, source, target, "--unit", "sentence")
    (stale,) = [e for e in po if e.previous_msgid]
    assert stale.msgid == CHANGED and stale.msgstr == paragraphs(".ko.txt")[3]
    assert [b["status"] for b in beads].count("untranslated") == 1


def test_corrections_keep_history_on(runner, tmp_path):
    """A reviewer's corrections fix beads of today's source; what history found stays around them."""
    source, target, _ = one_repo(tmp_path / "site")
    _, plain, _ = aligned_po(runner, tmp_path, source, target)
    fixes = tmp_path / "corrections.json"
    fixes.write_text(json.dumps({"format": "transpair-corrections", "version": 1, "beads": []}))
    _, beads, err = aligned_po(runner, tmp_path, source, target, "--corrections", fixes)
    assert "source as of" in err and "outdated" in {b["status"] for b in beads}
    assert beads == plain  # no correction: the very alignment history gives


def test_a_folder_run_warns_about_a_translation_not_committed_yet(runner, tmp_path):
    source, target, _ = two_repos(tmp_path / "repos")
    (source.parent / "draft.txt").write_bytes(source.read_bytes())
    (target.parent / "draft.txt").write_bytes(target.read_bytes())
    result = runner.invoke(app, ["align", str(source.parent), str(target.parent), "-o", str(tmp_path / "po")])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("transpair: warning:")]
    draft = target.parent / "draft.txt"
    assert warnings == [f"transpair: warning: {draft}: not committed yet, so its source version is unknown"]


FOLDER_LINE = (
    "1 of {pairs} article pairs aligned with history (source as of their translation's commit): "
    "1 paragraph outdated, 1 new, 1 removed since"
)


def test_a_folder_run_says_how_many_pairs_used_the_history(runner, tmp_path):
    source, target, _ = one_repo(tmp_path / "site")
    (tmp_path / "site" / "en" / "plain.txt").write_bytes(source.read_bytes())  # no translation: no pair
    result = runner.invoke(app, ["align", str(tmp_path / "site"), "-o", str(tmp_path / "po")])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == FOLDER_LINE.format(pairs=1)
    quiet = runner.invoke(app, ["align", str(tmp_path / "site"), "-o", str(tmp_path / "po"), "-q"])
    assert "with history" not in quiet.stderr


def test_two_trees_say_it_too_and_count_pairs_without_history(runner, tmp_path):
    source, target, _ = two_repos(tmp_path / "repos")
    for folder, path in ((source.parent, source), (target.parent, target)):
        (folder / "draft.txt").write_bytes(path.read_bytes())  # a pair not committed yet: no history
        (folder / "broken.txt").write_bytes(b"\x00\x01binary")  # a pair that fails: not counted
    result = runner.invoke(app, ["align", str(source.parent), str(target.parent), "-o", str(tmp_path / "po")])
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert lines[-3] == f"2 of 3 articles aligned into {tmp_path / 'po'}"
    assert lines[-2].startswith("the written files hold ") and lines[-1] == FOLDER_LINE.format(pairs=2)


def test_a_folder_outside_git_or_without_history_says_nothing_about_it(runner, tmp_path):
    one_repo(tmp_path / "site")
    out = str(tmp_path / "po")
    result = runner.invoke(app, ["align", str(tmp_path / "site"), "-o", out, "--no-history", "--force"])
    assert result.exit_code == 0 and "history" not in result.stderr
    shutil.rmtree(tmp_path / "site" / ".git")
    result = runner.invoke(app, ["align", str(tmp_path / "site"), "-o", out, "--force"])
    assert result.exit_code == 0 and "history" not in result.stderr


def test_the_folder_line_sums_what_changed():
    origins = [Origin("a" * 40, "2025-01-01", 1, 2, 3, 4), Origin("b" * 40, "2025-02-01", 0, 1, 0, 1)]
    assert revisions.folder_line(origins, 5) == (
        "2 of 5 article pairs aligned with history (source as of their translation's commit): "
        "3 paragraphs outdated, 3 new, 5 removed since"
    )


def test_contents_at_reads_every_revision_as_git_show_does_with_one_process(tmp_path, monkeypatch):
    first = commit(tmp_path, {"docs/a b.md": ["One.", "Two."]}, TRANSLATED)
    second = commit(tmp_path, {"docs/a b.md": ["One.", "Two!"], "docs/big.md": ["x" * 64]}, EDITED)
    third = commit(tmp_path, {"docs/a b.md": ["One.", "Two."]}, EDITED)  # the first text again
    source = tmp_path / "docs" / "a b.md"
    revs = [third, second, first, "0" * 40, "no-such-rev"]
    expected = [revisions.git(source.parent, "show", f"{rev}:./{source.name}") for rev in revs]
    monkeypatch.setattr(errors, "MAX_INPUT_BYTES", 40)
    found = revisions.contents_at(source, revs)
    assert [(r.code == 0, r.out) for _, r in found] == [(e.code == 0, e.out) for e in expected]
    assert found[0][0] == found[2][0] != found[1][0]  # blob ids: the same text, the same id
    assert [r.code for _, r in revisions.contents_at(tmp_path / "docs" / "big.md", [second])] == [
        revisions.TOO_LARGE
    ]

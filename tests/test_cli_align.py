"""The align job's runner: pair or folder, what it prints, the exit code."""

import json
import shutil

import pytest
from conftest import CORPORA, msgfmt_statistics

from transpair import cache, pipeline
from transpair.align import embed
from transpair.cli import align
from transpair.cli.app import app
from transpair.errors import InputError
from transpair.po import catalog
from transpair.po.file import read_po, write_po
from transpair.settle import checks


def test_folder_with_a_target_is_refused(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        align.run(
            CORPORA / "pydocs",
            CORPORA / "pydocs",
            tmp_path,
            None,
            pipeline.AlignOptions(),
            pipeline.WriteOptions(),
        )


def test_folder_counts_failures_and_goes_on(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("tutorial-appetite.en.txt", "tutorial-appetite.ko.txt"):
        (folder / name).write_bytes((CORPORA / "pydocs" / name).read_bytes())
    (folder / "broken.en.txt").write_bytes(b"\x00\x01\x02binary")
    code = align.run(
        folder, None, tmp_path / "out", None, pipeline.AlignOptions(), pipeline.WriteOptions(), quiet=True
    )
    err = capsys.readouterr().err
    assert code == align.EXIT_INPUT
    assert err.count("transpair: error:") == 1 and "broken.en.txt" in err
    assert (tmp_path / "out" / "tutorial-appetite.po").exists()


def test_pair_prints_its_summary(tmp_path, capsys):
    base = CORPORA / "pydocs" / "tutorial-appetite"
    code = align.run(
        base.with_suffix(".en.txt"),
        base.with_suffix(".ko.txt"),
        tmp_path / "a.po",
        None,
        pipeline.AlignOptions(),
        pipeline.WriteOptions(),
    )
    assert code == align.EXIT_OK
    stats = msgfmt_statistics(tmp_path / "a.po")
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'a.po'}: en -> ko, {stats}")


def test_a_user_backend_keeps_its_own_preload_and_wait(tmp_path, runner):
    base = CORPORA / "pydocs" / "tutorial-appetite"
    args = [str(base.with_suffix(".en.txt")), str(base.with_suffix(".ko.txt")), "-o", str(tmp_path / "a.po")]
    result = runner.invoke(app, ["align", *args, "--similarity", "fake_similarity:WithOwnWait", "-q"])
    assert result.exit_code == 0, result.output


def test_realigning_unchanged_input_leaves_the_po_byte_identical(tmp_path, monkeypatch):
    base = CORPORA / "pydocs" / "tutorial-appetite"
    pair = (base.with_suffix(".en.txt"), base.with_suffix(".ko.txt"))
    out = tmp_path / "a.po"

    def align_at(stamp: str) -> bytes:
        monkeypatch.setattr(catalog, "timestamp", lambda when=None: stamp)
        opts = pipeline.WriteOptions(backup=False)
        assert align.run(*pair, out, None, pipeline.AlignOptions(), opts, quiet=True) == 0
        return out.read_bytes()

    first = align_at("2026-01-01 10:00+0000")
    assert align_at("2026-02-02 11:11+0000") == first
    po = read_po(out)
    cleared = next(e for e in po if e.msgstr)
    cleared.msgstr = ""  # a translation that changes on the next run
    write_po(po, out, backup=False)
    again = read_po_text(align_at("2026-03-03 12:12+0000"), tmp_path)
    assert again.metadata["PO-Revision-Date"] == "2026-03-03 12:12+0000"
    assert again.metadata["POT-Creation-Date"] == "2026-01-01 10:00+0000"


def read_po_text(data: bytes, folder):
    path = folder / "read.po"
    path.write_bytes(data)
    return read_po(path)


FAKE = "fake_similarity:BagOfWords"


def outputs(folder):
    """Every output file's text below folder, without the PO header's dates (runs may straddle a minute)."""
    return {
        p.relative_to(folder).as_posix(): "".join(
            line
            for line in p.read_text().splitlines(True)
            if not line.startswith(('"POT-Creation-Date:', '"PO-Revision-Date:'))
        )
        for p in sorted(folder.rglob("*.*"))
    }


def align_folder_cli(runner, source, out, *extra):
    """Run `transpair align SOURCE -o OUT --beads OUT/beads` with the fake backend; its exit code."""
    args = ["align", str(source), "-o", str(out), "--beads", str(out / "beads"), "--similarity", FAKE, "-q"]
    return runner.invoke(app, [*args, *extra]).exit_code


def test_results_are_the_same_with_one_or_two_jobs_with_or_without_cache(tmp_path, runner):
    shutil.copytree(CORPORA / "pydocs", tmp_path / "in", ignore=shutil.ignore_patterns("howto-*"))
    runs = {
        "cold-1": ("--jobs", "1"),
        "warm-1": ("--jobs", "1"),
        "warm-2": ("--jobs", "2"),
        "none-2": ("--jobs", "2", "--no-cache"),
        "none-1": ("--jobs", "1", "--no-cache"),
    }
    for name, extra in runs.items():
        assert align_folder_cli(runner, tmp_path / "in", tmp_path / name, *extra) == 0
    first = outputs(tmp_path / "cold-1")
    assert len(first) == 4 and all(outputs(tmp_path / name) == first for name in runs)


def test_a_second_run_embeds_nothing_even_when_the_aligner_changed(tmp_path, runner, monkeypatch):
    shutil.copytree(CORPORA / "pydocs", tmp_path / "in", ignore=shutil.ignore_patterns("howto-*"))
    counter = embed.shared_similarity(FAKE, use_cache=True).backend
    before = counter.texts
    assert align_folder_cli(runner, tmp_path / "in", tmp_path / "a", "--jobs", "1") == 0
    embedded = counter.texts - before
    monkeypatch.setattr(cache, "code_version", lambda: "another transpair")  # no alignment is reused
    embed._shared.cache_clear()  # a new process: nothing in memory, only the cache folder
    again = embed.shared_similarity(FAKE, use_cache=True)
    assert align_folder_cli(runner, tmp_path / "in", tmp_path / "b", "--jobs", "1") == 0
    assert embedded > 0 and counter.texts - before == embedded and again.stored > 0
    assert outputs(tmp_path / "a") == outputs(tmp_path / "b")


def test_no_cache_leaves_the_cache_folder_alone(tmp_path, runner, cache_dir):
    shutil.copytree(
        CORPORA / "pydocs", tmp_path / "in", ignore=shutil.ignore_patterns("howto-*", "tutorial-v*")
    )
    assert align_folder_cli(runner, tmp_path / "in", tmp_path / "a", "--no-cache") == 0
    assert not any(cache_dir.iterdir())
    assert align_folder_cli(runner, tmp_path / "in", tmp_path / "b") == 0
    assert (cache_dir / cache.FILE_NAME).exists()


def test_a_paragraph_over_the_size_limit_is_refused_with_one_line(tmp_path, runner):
    source, target = tmp_path / "a.en.txt", tmp_path / "a.ko.txt"
    source.write_text("A short title\n\n" + "Word after word. " * (checks.MAX_BLOCK_CHARS // 17 + 1) + "\n")
    target.write_text("짧은 제목입니다.\n\n한 문장씩 이어지는 글입니다.\n")
    result = runner.invoke(app, ["align", str(source), str(target), "-o", str(tmp_path / "a.po")])
    assert result.exit_code == 2 and not (tmp_path / "a.po").exists()
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"transpair: error: {source}:3: a paragraph of ") and "split it" in line


def test_an_edited_corrections_file_is_not_answered_from_the_cache(tmp_path, runner):
    from transpair.align import corrections
    from transpair.model import Bead
    from transpair.read import reader

    base = CORPORA / "pydocs" / "tutorial-appetite"
    src, tgt = base.with_suffix(".en.txt"), base.with_suffix(".ko.txt")
    source, target = reader.read_document(src), reader.read_document(tgt)
    fixes, beads = tmp_path / "c.json", tmp_path / "b.json"

    def first_bead(fixed):
        """The bead of the first source block after `align --corrections` with this fixed bead."""
        fixes.write_text(json.dumps(corrections.corrections_json([fixed], source, target)))
        args = ["align", str(src), str(tgt), "-o", str(tmp_path / "a.po"), "--force", "--beads", str(beads)]
        assert runner.invoke(app, [*args, "--corrections", str(fixes)]).exit_code == 0
        return next(b for b in json.loads(beads.read_text())["beads"] if b["source"][:1] == [0])

    alone = first_bead(corrections.fixed_of(Bead((0,), (), 1.0), source, target))
    paired = first_bead(corrections.fixed_of(Bead((0,), (0,), 1.0), source, target))
    assert (alone["source"], alone["target"]) == ([0], [])
    assert (paired["source"], paired["target"]) == ([0], [0])


# Folder runs as a team makes them: two trees, files that are no articles, globs, counts after the merge.

INTRO_EN = (
    "# Introduction\n\nVue is a JavaScript framework for building user interfaces. It builds on top of\n"
    "standard HTML, CSS, and JavaScript.\n\n- The first item explains\n  how rendering works.\n"
)
INTRO_KO = (
    "# 소개\n\nVue는 사용자 인터페이스를 구축하기 위한 JavaScript 프레임워크입니다.\n"
    "표준 HTML, CSS, JavaScript를 기반으로 합니다.\n\n"
    "- 첫 번째 항목은 렌더링이\n  어떻게 작동하는지 설명합니다.\n"
)


def two_trees(root):
    """An English and a Korean tree: one article, a snippet with no prose, a page excluded by name."""
    for lang, text in (("en", INTRO_EN), ("ko", INTRO_KO)):
        for name, content in (
            ("guide/intro.md", text),
            ("examples/counter/description.txt", "12345\n\n678 90\n"),
            ("examples/counter/App.vue", "<template><p>x</p></template>\n"),
        ):
            path = root / lang / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    return root / "en", root / "ko"


def test_two_trees_skip_files_with_no_prose_in_one_line_and_exit_0(tmp_path, runner):
    en, ko = two_trees(tmp_path)
    out = tmp_path / "po"
    result = runner.invoke(app, ["align", str(en), str(ko), "-o", str(out), "-q"])
    assert result.exit_code == 0 and result.stderr == "", result.output
    loud = runner.invoke(app, ["align", str(en), str(ko), "-o", str(out)])
    assert loud.exit_code == 0
    assert loud.stderr.splitlines() == [
        f"1 of 1 articles aligned into {out}",
        f"the written files hold {msgfmt_statistics(out / 'guide' / 'intro.po')}",
        "1 file skipped: not articles (no prose to align: code, snippets, components); -v lists them",
    ]
    listed = runner.invoke(app, ["align", str(en), str(ko), "-o", str(out), "-v"])
    assert f"  {en / 'examples/counter/description.txt'}" in listed.stderr.splitlines()
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.po")) == ["guide/intro.po"]


def test_unwrapped_msgids_and_msgstrs_pass_pofilter_newlines(tmp_path, runner):
    en, ko = two_trees(tmp_path)
    out = tmp_path / "po"
    assert runner.invoke(app, ["align", str(en), str(ko), "-o", str(out), "-q"]).exit_code == 0
    entries = {e.msgid: e.msgstr for e in read_po(out / "guide" / "intro.po")}
    assert (
        entries["The first item explains how rendering works."]
        == "첫 번째 항목은 렌더링이 어떻게 작동하는지 설명합니다."
    )
    from translate.filters.checks import StandardChecker

    checker = StandardChecker()
    assert all(checker.newlines(msgid, msgstr) for msgid, msgstr in entries.items() if msgstr)


def test_include_and_exclude_and_the_files_table(tmp_path, runner):
    en, ko = two_trees(tmp_path)
    out = tmp_path / "po"
    globs = ["--include", "*.vue", "--include", "guide/**"]
    only = runner.invoke(app, ["align", str(en), str(ko), "-o", str(out), *globs, "-v"])
    assert (
        only.exit_code == 0
        and "1 file skipped: selected, but of a format transpair does not read" in only.stderr
    )
    assert f"  {en / 'examples/counter/App.vue'}" in only.stderr.splitlines()
    assert [p.name for p in out.rglob("*.po")] == ["intro.po"]
    (en / ".transpair.toml").write_text('[files]\nexclude = ["examples/**"]\n', encoding="utf-8")
    quiet = runner.invoke(app, ["align", str(en), str(ko), "-o", str(out)])
    assert quiet.exit_code == 0 and "skipped" not in quiet.stderr
    none = runner.invoke(app, ["align", str(en), str(ko), "-o", str(out), "--exclude", "guide"])
    assert none.exit_code == 2 and "no articles found" in none.output


def test_the_summary_counts_the_po_after_the_merge_and_no_bak_when_unchanged(tmp_path, runner):
    args = [str(CORPORA / "pydocs" / f"tutorial-appetite.{lang}.txt") for lang in ("en", "ko")]
    out = tmp_path / "a.po"
    args += ["-o", str(out), "--no-history"]
    assert runner.invoke(app, ["align", *args]).exit_code == 0
    po = read_po(out)
    po[0].flags = ["fuzzy"]  # the translator marks one entry for another look...
    po[1].msgstr = ""  # ...and empties another: the fresh alignment has both translated
    write_po(po, out, backup=False)
    again = runner.invoke(app, ["align", *args])
    assert again.exit_code == 0
    assert again.stderr.splitlines()[0] == f"{out}: en -> ko, {msgfmt_statistics(out)}"
    assert "1 fuzzy translation" in again.stderr and (tmp_path / "a.po.bak").exists()
    (tmp_path / "a.po.bak").unlink()
    assert runner.invoke(app, ["align", *args]).exit_code == 0
    assert not (tmp_path / "a.po.bak").exists()  # nothing changed: no backup


def test_a_po_the_merge_gives_back_unchanged_is_not_written_again(tmp_path, runner):
    args = [str(CORPORA / "pydocs" / f"tutorial-appetite.{lang}.txt") for lang in ("en", "ko")]
    out = tmp_path / "a.po"
    args += ["-o", str(out), "--no-history"]
    assert runner.invoke(app, ["align", *args]).exit_code == 0
    write_po(read_po(out), out, wrap=False, backup=False)  # a PO editor keeps its own line breaks
    edited = out.read_bytes()
    assert runner.invoke(app, ["align", *args]).exit_code == 0
    assert out.read_bytes() == edited  # same catalog: the file is left as the editor wrote it
    po = read_po(out)
    cleared = next(e for e in po if e.msgstr)
    cleared.msgstr = ""  # a translation the next run fills again: a change
    write_po(po, out, wrap=False, backup=False)
    assert runner.invoke(app, ["align", *args]).exit_code == 0
    assert read_po(out).find(cleared.msgid).msgstr  # written again, with the translation back

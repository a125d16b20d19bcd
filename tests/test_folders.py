"""A folder run: an article whose inputs and PO did not change since a run left the PO as it is is told
from the cache, exactly as a run that aligns it tells it; any change aligns it again."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPORA, ROOT

from transpair import folders, pipeline
from transpair.cli.app import app
from transpair.read.pairs import Article


def folder(tmp_path: Path) -> Path:
    """Two article pairs and a file with no prose (skipped: not an article)."""
    shutil.copytree(CORPORA / "pydocs", tmp_path / "in", ignore=shutil.ignore_patterns("howto-*"))
    (tmp_path / "in" / "snippet.en.md").write_text("```js\nconst x = 1\n```\n", encoding="utf-8")
    return tmp_path / "in"


def run(runner, source: Path, out: Path, *extra: str) -> tuple[int, str]:
    """`transpair align SOURCE -o OUT --jobs 1` (so a spy in this process sees every article)."""
    result = runner.invoke(app, ["align", str(source), "-o", str(out), "--jobs", "1", "-v", *extra])
    return result.exit_code, result.stderr.replace(str(out), "OUT")


@pytest.fixture
def aligned(monkeypatch) -> list[str]:
    """The names of the articles the run aligns (the others are told from the cache)."""
    names: list[str] = []
    real = pipeline.align_article

    def spy(article: Article, opts: pipeline.AlignOptions):
        names.append(article.name)
        return real(article, opts)

    monkeypatch.setattr(pipeline, "align_article", spy)
    return names


def files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_a_rerun_over_unchanged_articles_aligns_nothing_and_tells_the_same(tmp_path, runner, aligned):
    source, out = folder(tmp_path), tmp_path / "out"
    first = run(runner, source, out)
    assert first[0] == 0 and sorted(aligned) == ["snippet", "tutorial-appetite", "tutorial-venv"]
    written = files(out)
    aligned.clear()
    assert run(runner, source, out) == first and aligned == []
    assert files(out) == written  # left as it is: no date rewritten, no .bak
    assert "1 file skipped: not articles" in first[1] and "2 of 2 articles aligned" in first[1]


def test_an_edited_po_an_edited_source_or_other_options_align_the_article_again(tmp_path, runner, aligned):
    source, out = folder(tmp_path), tmp_path / "out"
    assert run(runner, source, out)[0] == 0
    po = out / "tutorial-venv.po"
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "Mine"\nmsgstr "내 것"\n', encoding="utf-8")
    english = source / "tutorial-appetite.en.txt"
    english.write_text(english.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    aligned.clear()
    assert run(runner, source, out)[0] == 0
    assert sorted(aligned) == ["tutorial-appetite", "tutorial-venv"] and "Mine" in po.read_text("utf-8")
    aligned.clear()
    assert run(runner, source, out)[0] == 0 and aligned == []
    assert run(runner, source, out, "--unit", "sentence")[0] == 0 and len(aligned) == 3


def test_no_outcome_is_kept_for_options_that_always_write_or_a_users_backend(tmp_path):
    article = Article("a", tmp_path / "a.en.txt", tmp_path / "a.ko.txt")
    opts, wopts = pipeline.AlignOptions(), pipeline.WriteOptions()
    state = {tmp_path: b"0" * 40}.get
    assert folders.inputs_key(article, opts, wopts, state) is not None
    for other_opts, other_wopts in (
        (opts, pipeline.WriteOptions(force=True)),
        (opts, pipeline.WriteOptions(format="tmx")),
        (pipeline.AlignOptions(similarity="mine:Backend"), wopts),
        (pipeline.AlignOptions(cache=False), wopts),
    ):
        assert folders.inputs_key(article, other_opts, other_wopts, state) is None
    assert folders.inputs_key(article, opts, wopts, {tmp_path: None}.get) is None  # a shallow clone


def test_the_inputs_key_follows_every_file_the_article_reads_and_the_repository(tmp_path):
    (tmp_path / "a.en.txt").write_text("One.\n", encoding="utf-8")
    (tmp_path / "a.ko.txt").write_text("하나.\n", encoding="utf-8")
    article = Article("a", tmp_path / "a.en.txt", tmp_path / "a.ko.txt")
    opts, wopts = pipeline.AlignOptions(), pipeline.WriteOptions()

    def key(head: bytes = b"1" * 40) -> str | None:
        return folders.inputs_key(article, opts, wopts, {tmp_path: head}.get)

    seen = {key()}
    (tmp_path / "a.ko.txt").write_text("하나!\n", encoding="utf-8")
    seen.add(key())
    (tmp_path / ".transpair.toml").write_text('[markers]\npatterns = ["TBD"]\n', encoding="utf-8")
    seen.add(key())
    seen.add(key(b"2" * 40))
    assert len(seen) == 4 and None not in seen
    assert folders.inputs_key(article, pipeline.AlignOptions(history=False), wopts, {}.get) is not None


def test_two_folder_runs_at_once_sharing_a_cache_write_what_a_run_alone_writes(tmp_path):
    """Per-language or per-folder runs share one cache folder: started together, cold then warm (each
    article then told from the cache), they write the POs a run with a cache of its own writes."""
    source = folder(tmp_path)
    env = os.environ | {"PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}

    def start(out: Path, cache_dir: Path) -> subprocess.Popen:
        command = [sys.executable, "-m", "transpair.cli", "align", str(source), "-o", str(out), "-q"]
        return subprocess.Popen(command + ["--jobs", "1"], env=env | {"TRANSPAIR_CACHE_DIR": str(cache_dir)})

    def texts(out: Path) -> dict[str, list[str]]:
        return {p.name: [x for x in p.read_text().splitlines() if "-Date:" not in x] for p in out.iterdir()}

    for _ in range(2):  # cold, then warm: the second round reads the outcomes the first kept, at once
        procs = [start(tmp_path / name, tmp_path / "cache") for name in ("a", "b")]
        assert [p.wait(300) for p in procs] == [0, 0]
    assert start(tmp_path / "alone", tmp_path / "own").wait(300) == 0
    assert texts(tmp_path / "a") == texts(tmp_path / "alone") == texts(tmp_path / "b")
    assert len(texts(tmp_path / "alone")) == 2

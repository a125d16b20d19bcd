"""Tests for transpair.report.scan and the `transpair scan` command, on the seed blog's posts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from git_repos import TRANSLATED, commit, one_repo
from typer.testing import CliRunner

from transpair.cli.app import app
from transpair.model import Origin
from transpair.report import scan

BLOG = Path(__file__).resolve().parent.parent / "corpora" / "blog"
runner = CliRunner()


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    """The seed blog, one file per post (as split into corpora/blog), copied into a fresh folder."""
    folder = tmp_path / "blog"
    shutil.copytree(BLOG, folder)
    return folder


def by_name(scans: list[scan.ArticleScan]) -> dict[str, scan.ArticleScan]:
    """Scans keyed by article name."""
    return {s.name: s for s in scans}


def test_tbd_section_of_the_2017_post_with_korean_as_its_original(posts):
    post = by_name(scan.scan(posts))["2017-03-14"]
    assert post.original == "ko"
    assert [(s.first_line, s.last_line, s.status) for s in post.sections] == [(44, 75, "untranslated")]
    assert post.sections[0].reason == 'placeholder "[TBD - to be translated later, sorry]"'


def test_korean_section_of_the_2014_namespaces_post(posts):
    post = by_name(scan.scan(posts))["2014-03-27"]
    lines = (posts / "2014-03-27.en.txt").read_text(encoding="utf-8").splitlines()
    (section,) = post.sections
    assert lines[section.first_line - 1].startswith("(The followings are written in Korean")
    assert section.last_line == len(lines)
    assert post.original == "ko"


def test_fully_english_posts_have_nothing_untranslated(posts):
    english = [s for s in scan.scan(posts) if s.name not in ("2017-03-14", "2014-03-27")]
    assert len(english) == 5
    assert all(s.original == "en" and not s.sections and not s.message for s in english)


def test_cli_table_and_json(posts):
    table = runner.invoke(app, ["scan", str(posts)])
    assert table.exit_code == 0, table.output
    assert "2017-03-14" in table.output and "44-75" in table.output and "placeholder" in table.output
    result = runner.invoke(app, ["scan", str(posts), "--format", "json"])
    assert result.exit_code == 0
    articles = {a["name"]: a for a in json.loads(result.output)["articles"]}
    assert articles["2017-03-14"]["original"] == "ko"
    assert articles["2017-03-14"]["sections"][0]["first_line"] == 44
    assert articles["2016-02-25"]["sections"] == []


def test_korean_text_left_in_an_english_file_without_a_marker(tmp_path):
    path = tmp_path / "note.en.txt"
    path.write_text(
        "Setting up the build\n\nRun make in the top folder and wait for the tests to finish.\n\n"
        "빌드가 끝나면 결과물은 dist 폴더에 생깁니다. 이 문단은 아직 번역하지 않았습니다.\n",
        encoding="utf-8",
    )
    (article,) = scan.scan(tmp_path)
    assert article.original == "ko"
    assert [(s.first_line, s.reason) for s in article.sections] == [(5, "left in Korean")]


def test_config_file_and_markers_option_add_patterns(tmp_path):
    (tmp_path / "a.en.txt").write_text(
        "Introduction to the tool\n\n(PENDING)\n\nStill nothing here.\n", encoding="utf-8"
    )
    assert scan.scan(tmp_path)[0].sections == ()
    (tmp_path / ".transpair.toml").write_text("[markers]\npatterns = ['^\\(PENDING\\)$']\n", encoding="utf-8")
    (section,) = scan.scan(tmp_path)[0].sections
    assert (section.first_line, section.last_line, section.reason) == (3, 5, 'placeholder "(PENDING)"')
    (tmp_path / ".transpair.toml").unlink()
    markers = tmp_path / "markers.txt"
    markers.write_text("^\\(PENDING\\)$\n", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(tmp_path / "a.en.txt"), "--markers", str(markers), "-f", "json"])
    assert json.loads(result.output)["articles"][0]["sections"][0]["first_line"] == 3


def test_marker_with_no_following_text(tmp_path):
    (tmp_path / "a.ko.txt").write_text("설치 방법을 차례대로 설명합니다.\n\n번역 예정\n", encoding="utf-8")
    (article,) = scan.scan(tmp_path)
    assert [(s.first_line, s.last_line, s.reason) for s in article.sections] == [
        (3, 3, 'placeholder "번역 예정"')
    ]
    assert article.original == "ko"


def test_file_holding_only_a_marker(tmp_path):
    (tmp_path / "todo.txt").write_text("TBD\n", encoding="utf-8")
    (article,) = scan.scan(tmp_path / "todo.txt")
    assert (article.name, article.original, article.message) == ("todo", "en", "")
    assert [(s.first_line, s.reason) for s in article.sections] == [(1, 'placeholder "TBD"')]


def test_one_line_article(tmp_path):
    (tmp_path / "one.txt").write_text("Just one line of English text in this article.", encoding="utf-8")
    (article,) = scan.scan(tmp_path)
    assert (article.original, article.sections, article.message) == ("en", (), "")


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "the file is empty"),
        (
            "これは日本語で書かれた記事です。翻訳はまだありません。\n",
            "written in Japanese, not English or Korean",
        ),
    ],
)
def test_bad_files_are_listed_with_a_message_and_exit_2(tmp_path, content, message):
    (tmp_path / "bad.txt").write_text(content, encoding="utf-8")
    (tmp_path / "good.en.txt").write_text("A short article in plain English words.\n", encoding="utf-8")
    scans = by_name(scan.scan(tmp_path))
    assert message in scans["bad"].message and scans["good"].original == "en"
    result = runner.invoke(app, ["scan", str(tmp_path)])
    assert result.exit_code == 2
    assert "transpair: error:" in result.stderr and "Traceback" not in result.output
    statuses = [line.split()[2] for line in result.stdout.splitlines() if line.startswith("bad ")]
    assert statuses == ["error"]  # an article that could not be scanned is not also listed complete


def test_a_file_with_no_prose_is_skipped_in_a_folder_not_an_error(tmp_path):
    (tmp_path / "numbers.txt").write_text("12345\n\n678 90\n", encoding="utf-8")
    (tmp_path / "good.en.txt").write_text("A short article in plain English words.\n", encoding="utf-8")
    assert by_name(scan.scan(tmp_path))["numbers"].skipped
    result = runner.invoke(app, ["scan", str(tmp_path)])
    assert result.exit_code == 0 and "numbers" not in result.stdout and "good" in result.stdout
    assert (
        result.stderr
        == "1 file skipped: not articles (no prose to align: code, snippets, components); -v lists them\n"
    )
    listed = runner.invoke(app, ["scan", str(tmp_path), "-v"])
    assert f"  {tmp_path / 'numbers.txt'}" in listed.stderr.splitlines()
    alone = runner.invoke(app, ["scan", str(tmp_path / "numbers.txt")])
    assert alone.exit_code == 2 and "no language could be detected" in alone.stderr


@pytest.mark.parametrize(
    "args", [["scan", "/nonexistent/folder"], ["scan", ".", "--markers", "/nonexistent/m.txt"]]
)
def test_cli_bad_arguments_exit_2(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith("transpair: error:")


GUIDE_EN = (
    "Installing the package\n\nRun the installer and follow the steps on the screen.\n\n"
    "The configuration file lives in your home folder.\n\nYou can change the port with the port option.\n"
)
GUIDE_KO = (
    "패키지 설치하기\n\n설치 프로그램을 실행하고 화면의 안내를 따르세요.\n\n"
    "The configuration file lives in your home folder.\n\n포트 옵션으로 포트를 바꿀 수 있습니다.\n"
)


def test_pair_sections_come_from_the_alignment(tmp_path):
    (tmp_path / "guide.en.txt").write_text(GUIDE_EN, encoding="utf-8")
    (tmp_path / "guide.ko.txt").write_text(GUIDE_KO, encoding="utf-8")
    (article,) = scan.scan(tmp_path)
    assert article.original == "en" and len(article.files) == 2
    assert [(Path(s.path).name, s.first_line, s.reason) for s in article.sections] == [
        ("guide.ko.txt", 5, "left in English")
    ]


def test_pair_with_a_user_marker(tmp_path):
    (tmp_path / "guide.en.txt").write_text(GUIDE_EN, encoding="utf-8")
    (tmp_path / "guide.ko.txt").write_text(
        GUIDE_KO.replace("포트 옵션으로", "[PENDING]\n\n포트 옵션으로"), encoding="utf-8"
    )
    (tmp_path / ".transpair.toml").write_text("[markers]\npatterns = ['^\\[PENDING\\]$']\n", encoding="utf-8")
    (article,) = scan.scan(tmp_path)
    assert ("guide.ko.txt", 7, 'placeholder "[PENDING]"') in [
        (Path(s.path).name, s.first_line, s.reason) for s in article.sections
    ]


BILINGUAL = [
    "Installing the package",
    "패키지 설치하기",
    "Run the installer and follow the steps on the screen.",
    "설치 프로그램을 실행하고 화면의 안내를 따르세요.",
    "The configuration file lives in your home folder.",
    "설정 파일은 홈 폴더에 있습니다.",
    "You can change the port with the port option.",
]


def test_untagged_bilingual_file_is_split_and_scanned_as_a_pair(tmp_path):
    (tmp_path / "post.txt").write_text("\n\n".join(BILINGUAL) + "\n", encoding="utf-8")
    (article,) = scan.scan(tmp_path)
    assert article.original == "en" and not article.message
    assert [(s.first_line, s.status, s.reason) for s in article.sections] == [
        (13, "source-only", "missing in target")
    ]


def test_a_bilingual_file_in_git_has_no_history_to_align_with(tmp_path):
    # both halves are one file: its last commit is no older English the Korean half was made from
    commit(tmp_path / "site", {"post.txt": BILINGUAL}, TRANSLATED)
    edited = [*BILINGUAL[:4], "The configuration file lives in the folder of your user.", *BILINGUAL[5:]]
    (tmp_path / "site" / "post.txt").write_text("\n\n".join(edited) + "\n", encoding="utf-8")
    (article,) = scan.scan(tmp_path / "site")
    (plain,) = scan.scan(tmp_path / "site", scan.ScanOptions(history=False))
    assert article.origin is None and article == plain


def test_scan_shows_what_changed_in_the_english_since_the_translation(tmp_path):
    _, _, rev = one_repo(tmp_path / "site")
    (found,) = scan.scan(tmp_path / "site")
    assert found.origin == Origin(
        rev, "2025-01-10", commits_since=1, changed=1, added=1, removed=1, how="last commit"
    )
    assert [(s.first_line, s.status) for s in found.sections] == [(7, "outdated"), (19, "untranslated")]
    assert found.sections[1].reason == f"new in source since {rev[:7]} (2025-01-10)"
    table = scan.to_table([found])
    assert (
        f"history       translated from {rev[:7]} (2025-01-10, last commit), 1 commit since: 1 changed, "
        "1 added, 1 removed" in table
    )
    assert json.loads(scan.to_json([found]))["articles"][0]["origin"]["commits_since"] == 1


def test_scan_without_history_aligns_with_todays_english(tmp_path):
    one_repo(tmp_path / "site")
    (found,) = scan.scan(tmp_path / "site", scan.ScanOptions(history=False))
    assert found.origin is None and "outdated" not in {s.status for s in found.sections}
    with_history = runner.invoke(app, ["scan", str(tmp_path / "site"), "-q"])
    without = runner.invoke(app, ["scan", str(tmp_path / "site"), "-q", "--no-history"])
    assert with_history.exit_code == without.exit_code == 0
    assert "translated from" in with_history.stdout and "outdated" in with_history.stdout
    assert "translated from" not in without.stdout and "outdated" not in without.stdout


def pydocs_pairs(tmp_path: Path) -> Path:
    """Two article pairs of the shipped pydocs corpus in a fresh folder."""
    folder = tmp_path / "pydocs"
    shutil.copytree(BLOG.parent / "pydocs", folder, ignore=shutil.ignore_patterns("howto-*"))
    return folder


def test_scan_gives_the_same_sections_with_two_jobs_and_without_cache(tmp_path):
    folder = pydocs_pairs(tmp_path)
    once = scan.scan(folder, scan.ScanOptions(jobs=1))
    assert len(once) == 2 and all(s.original == "en" for s in once)
    assert (
        scan.scan(folder, scan.ScanOptions(jobs=2))
        == once
        == scan.scan(folder, scan.ScanOptions(jobs=2, use_cache=False))
    )


def test_a_second_scan_reuses_the_cached_alignments(tmp_path):
    from transpair.align import embed

    folder = pydocs_pairs(tmp_path)
    model = embed.shared_similarity(None, use_cache=True)
    scan.scan(folder, scan.ScanOptions(jobs=1))
    asked = model.hits + model.stored + model.misses
    assert asked > 0  # the first scan aligned the pairs
    scan.scan(folder, scan.ScanOptions(jobs=1))
    assert model.hits + model.stored + model.misses == asked

"""Find the articles of a folder: pairs of an original and its translation, and lone files.

Conventions, tried in this order for every file below the folder:
1. `NAME.SRC.EXT` + `NAME.TGT.EXT` side by side (`post.en.md` + `post.ko.md`);
2. parallel trees `SRC/PATH` + `TGT/PATH` anywhere below the folder (`en/guide/a.md` + `ko/guide/a.md`);
3. `NAME.EXT` + `NAME.TGT.EXT` side by side (Hugo's `index.md` + `index.ko.md`);
4. Docusaurus: `docs/PATH`, `versioned_docs/version-V/PATH`, `blog/PATH`, `src/pages/PATH` and another
   docs instance's `ID/PATH` + `i18n/TGT/docusaurus-plugin-content-{docs/current, docs/version-V, blog,
   pages, docs-ID/current}/PATH`.
A file that matches none of these is a lone article (monolingual or bilingual). Files tagged with a third
language, or in a third language's tree (`ja/` beside `en/` or `ko/`, `i18n/ja/`), are left out. A
folder's own documentation (README, LICENSE, COPYING, NOTICE, CHANGELOG, CONTRIBUTING) is not an article.
Two trees (the original and its translation in two clones) pair the files at the same relative paths
instead (`pair_trees`). `--include`/`--exclude` globs and the `[files]`
table of .transpair.toml choose the files; symlinked folders are followed, a loop of links is refused.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from transpair.errors import InputError, os_error
from transpair.settings import config_table, find_config, setting_error

TEXT_SUFFIXES = {".txt", ".text", ".md", ".mdx", ".markdown", ".html", ".htm"}
LANG_TAG = regex.compile(r"(?P<lang>[a-z]{2,3})(?:[-_][A-Za-z]{2,4})?")
# ISO 639-1: the only two-letter codes that name a language, so `node.js.txt` or `app.ts.md` is no tag
# unless --source-lang/--target-lang says so.
ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz
    ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik
    io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml
    mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd
    se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi
    vo wa wo xh yi yo za zh zu""".split()
)
FOLDER_DOCS = {"README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG", "CONTRIBUTING"}


@dataclass(frozen=True)
class Article:
    """One article of a folder: its name (relative, no language tag) and its files; for a folder that
    could not be listed, the error every command reports in the article's place."""

    name: str
    source: Path
    target: Path | None = None
    error: str = ""


def readable(article: Article) -> Article:
    """The article, or InputError when it stands for a folder that could not be listed."""
    if article.error:
        raise InputError(article.error)
    return article


@dataclass(frozen=True)
class Selection:
    """Which files of a folder are read: globs on their path below the folder (`--include`/`--exclude`,
    `[files]` in .transpair.toml); a glob without `/` matches the file name at any depth, `**` any folders."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def __add__(self, other: Selection) -> Selection:
        """Both selections' globs (the config's and the command line's)."""
        return Selection(self.include + other.include, self.exclude + other.exclude)

    def takes(self, rel: str) -> bool:
        """Whether the file at this relative POSIX path is selected."""
        hit = matches_any(self.include, rel)
        return (not self.include or hit) and not matches_any(self.exclude, rel)


@lru_cache(maxsize=512)
def glob_regex(pattern: str) -> regex.Pattern:
    """A glob as a regex on a relative path: `*` and `?` stay inside a folder name, `**/` is any folders."""
    glob = pattern.strip().removeprefix("./").rstrip("/") if "/" in pattern else "**/" + pattern.strip()
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            out.append({"*": "[^/]*", "?": "[^/]"}.get(glob[i], regex.escape(glob[i])))
            i += 1
    return regex.compile("".join(out) + "(?:/.*)?")  # a folder's glob takes the files below it


def matches_any(patterns: tuple[str, ...], rel: str) -> bool:
    """Whether any of the globs matches the relative path."""
    return any(glob_regex(p).fullmatch(rel) for p in patterns)


def _globs(table: dict, key: str, config: Path) -> tuple[str, ...]:
    """A list-of-globs setting of the [files] table."""
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(g, str) for g in value):
        raise setting_error(config, "files", key, "must be a list of glob strings")
    return tuple(value)


def config_selection(folder: Path) -> Selection:
    """The `[files]` include/exclude globs of the .transpair.toml nearest to a folder."""
    config = find_config(folder)
    if config is None:
        return Selection()
    table = config_table(config, "files")
    return Selection(_globs(table, "include", config), _globs(table, "exclude", config))


def lang_tag(path: Path, langs: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """('post', 'en') for post.en.md (also pt-BR, zh_TW); None when the stem carries no language tag: the
    tag must be an ISO 639-1 language (optionally with a region) or one of `langs`."""
    stem, dot, tag = path.stem.rpartition(".")
    match = LANG_TAG.fullmatch(tag) if dot and stem else None
    if match is None or (match["lang"] not in ISO_639_1 and tag not in langs and match["lang"] not in langs):
        return None
    return stem, tag


def _by_suffix(path: Path, source_lang: str, target_lang: str) -> Path | None:
    """The target file of `path` under conventions 1 and 3, if `path` is a source."""
    tagged = lang_tag(path, (source_lang, target_lang))
    if tagged and tagged[1] == source_lang:
        twin = path.with_name(f"{tagged[0]}.{target_lang}{path.suffix}")
    elif tagged is None:
        twin = path.with_name(f"{path.stem}.{target_lang}{path.suffix}")
    else:
        return None
    return twin if twin.is_file() else None


def _by_tree(path: Path, root: Path, source_lang: str, target_lang: str) -> Path | None:
    """The target file of `path` under convention 2 (a `SRC` folder with a `TGT` sibling)."""
    parts = path.relative_to(root).parts
    for i, part in enumerate(parts[:-1]):
        if part == source_lang:
            twin = root.joinpath(*parts[:i], target_lang, *parts[i + 1 :])
            if twin.is_file():
                return twin
    return None


_DOCUSAURUS = (
    (regex.compile(r"docs/(.+)"), "docusaurus-plugin-content-docs/current/{0}"),
    (regex.compile(r"versioned_docs/(version-[^/]+)/(.+)"), "docusaurus-plugin-content-docs/{0}/{1}"),
    (regex.compile(r"blog/(.+)"), "docusaurus-plugin-content-blog/{0}"),
    (regex.compile(r"src/pages/(.+)"), "docusaurus-plugin-content-pages/{0}"),
    (regex.compile(r"([^/]+)/(.+)"), "docusaurus-plugin-content-docs-{0}/current/{1}"),  # another instance
)


def _by_docusaurus(path: Path, root: Path, target_lang: str, folders: set[Path]) -> Path | None:
    """The target file of `path` under convention 4 (Docusaurus' i18n/TGT folder, among the `folders`
    holding the walked files)."""
    i18n = root / "i18n" / target_lang
    if i18n not in folders:
        return None
    rel = path.relative_to(root).as_posix()
    for pattern, layout in _DOCUSAURUS:
        found = pattern.fullmatch(rel)
        twin = i18n / layout.format(*found.groups()) if found else None
        if twin and twin.is_file():
            return twin
    return None


def in_third_language(path: Path, root: Path, langs: tuple[str, str], folders: set[Path]) -> bool:
    """Whether a file sits in the tree of a language other than `langs`: a folder named by a language
    code beside a folder of one of `langs` (among the `folders` holding the walked files), or inside
    `i18n/`."""
    parts = path.relative_to(root).parts[:-1]
    for i, part in enumerate(parts):
        found = LANG_TAG.fullmatch(part)
        if found and part not in langs and found["lang"] in ISO_639_1:
            parent = root.joinpath(*parts[:i])
            if parent.name == "i18n" or any(parent / lang in folders for lang in langs):
                return True
    return False


def _article_name(path: Path, root: Path, source_lang: str) -> str:
    """The article's name: its path below the folder without language tag, language folder or suffix."""
    rel = path.relative_to(root)
    parts = [p for p in rel.parent.parts if p != source_lang]
    tagged = lang_tag(path, (source_lang,))
    stem = tagged[0] if tagged else path.stem
    return "/".join([*parts, stem])


def walk(root: Path, links: bool = False, unlisted: list[tuple[Path, str]] | None = None) -> list[Path]:
    """Every file below a folder (and, with `links`, every broken link), sorted, symlinked folders
    followed; InputError for a link to a folder above it (a loop); a folder that cannot be listed is an
    error line added to `unlisted` (the walk goes on)."""
    found = []

    def fault(exc: OSError) -> None:
        if unlisted is not None:
            unlisted.append((Path(exc.filename), str(os_error(exc.filename, exc, "cannot read the folder"))))

    for folder, dirs, files in os.walk(root, onerror=fault, followlinks=True):
        here = os.path.realpath(folder)
        for name in dirs:
            link = os.path.join(folder, name)
            real = os.path.realpath(link)
            if os.path.islink(link) and (here + os.sep).startswith(real.rstrip(os.sep) + os.sep):
                raise InputError(f"{link}: a symbolic link to a folder above it (a loop); not followed")
        dirs.sort()
        keep = os.path.lexists if links else os.path.isfile
        found += [Path(folder, name) for name in files if keep(os.path.join(folder, name))]
    return sorted(found)


def candidates(
    root: Path, select: Selection = Selection(), unlisted: list[tuple[Path, str]] | None = None
) -> list[Path]:
    """The selected files below a folder, sorted, not the folder's own docs (any format); the folders
    that cannot be listed added to `unlisted`."""
    if not root.is_dir():
        raise InputError(f"{root}: not a folder")
    select = config_selection(root.resolve()) + select
    return [
        p
        for p in walk(root, unlisted=unlisted)
        if p.name.split(".")[0].upper() not in FOLDER_DOCS and select.takes(p.relative_to(root).as_posix())
    ]


def text_files(
    root: Path, select: Selection = Selection(), unlisted: list[tuple[Path, str]] | None = None
) -> list[Path]:
    """The article files below a folder, sorted: text, Markdown and HTML, not the folder's own docs."""
    return [p for p in candidates(root, select, unlisted) if p.suffix.lower() in TEXT_SUFFIXES]


def unlisted_articles(unlisted: list[tuple[Path, str]], root: Path) -> list[Article]:
    """An error article for each folder below ROOT that could not be listed, named by its path."""
    return [Article(os.path.relpath(folder, root), folder, error=error) for folder, error in unlisted]


def unread(root: Path, select: Selection = Selection()) -> list[Path]:
    """Files an --include or [files] glob selects whose format transpair does not read (to tell the user)."""
    if not (config_selection(root.resolve()) + select).include:
        return []
    return [p for p in candidates(root, select) if p.suffix.lower() not in TEXT_SUFFIXES]


def pair_trees(
    source_root: str | Path, target_root: str | Path, select: Selection = Selection()
) -> list[Article]:
    """Two trees (two clones: the original and its translation): each source file paired with the file
    at the same relative path of the target tree, or alone when the translation has none yet."""
    source_root, target_root = Path(source_root), Path(target_root)
    if not target_root.is_dir():
        raise InputError(f"{target_root}: not a folder")
    if source_root.resolve() == target_root.resolve():
        raise InputError(f"{source_root}: is a folder given twice; give a folder alone, or two trees")
    articles, unlisted = [], []
    for path in text_files(source_root, select, unlisted):
        rel = path.relative_to(source_root)
        twin = target_root / rel
        articles.append(Article(rel.with_suffix("").as_posix(), path, twin if twin.is_file() else None))
    if not articles and not unlisted:
        raise InputError(f"{source_root}: no articles found (.txt, .md or .html files)")
    return unique_names(articles, source_root) + unlisted_articles(unlisted, source_root)


def unique_names(articles: list[Article], root: Path) -> list[Article]:
    """The articles sorted by name, refused when two would write the same OUTDIR/NAME.po."""
    dupes = sorted(name for name, n in Counter(a.name for a in articles).items() if n > 1)
    if dupes:
        raise InputError(f"{root}: two articles would share the name {dupes[0]!r}; rename one")
    return sorted(articles, key=lambda a: a.name)


def find_articles(
    folder: str | Path, source_lang: str = "en", target_lang: str = "ko", select: Selection = Selection()
) -> list[Article]:
    """Every article below `folder`, sorted by name; a target file is never also listed as a source."""
    root, unlisted = Path(folder), []
    files = text_files(root, select, unlisted)
    langs = (source_lang, target_lang)
    folders = {folder for p in files for folder in p.parents}  # from the walk: no second look at the disk
    files = [
        p
        for p in files
        if ((tag := lang_tag(p, langs)) is None or tag[1] in langs)
        and not in_third_language(p, root, langs, folders)
    ]
    targets: dict[Path, Path] = {}
    for path in files:
        twin = (
            _by_suffix(path, source_lang, target_lang)
            or _by_tree(path, root, source_lang, target_lang)
            or _by_docusaurus(path, root, target_lang, folders)
        )
        if twin is not None and twin not in targets:
            targets[path] = twin
    taken = set(targets.values())
    articles = [
        Article(_article_name(p, root, source_lang), p, targets.get(p)) for p in files if p not in taken
    ]
    if not articles and not unlisted:
        raise InputError(f"{root}: no articles found (.txt, .md or .html files)")
    return unique_names(articles, root) + unlisted_articles(unlisted, root)


def folder_articles(
    source: Path, target: Path | None, langs: tuple[str, str], select: Selection = Selection()
) -> list[Article]:
    """The articles of one folder (pairing conventions), or of two trees at the same relative paths."""
    if target is None:
        return find_articles(source, *langs, select)
    if not target.is_dir():
        raise InputError(
            f"{source}: is a folder; give a folder alone, two folders, or SOURCE and TARGET files"
        )
    return pair_trees(source, target, select)


NOT_ARTICLES = "not articles (no prose to align: code, snippets, components)"


def skipped_lines(names: list[str], verbose: bool = False, what: str = NOT_ARTICLES) -> list[str]:
    """The lines a folder run ends with about files it skipped: how many and why, and with -v their names."""
    if not names:
        return []
    head = f"{len(names)} file{'s' * (len(names) != 1)} skipped: {what}"
    return [head + ("" if verbose else "; -v lists them"), *(f"  {name}" for name in names if verbose)]

"""Find the articles of a folder: pairs of an original and its translation, and lone files.

Conventions, tried in this order for every file below the folder:
1. `NAME.SRC.EXT` + `NAME.TGT.EXT` side by side (`post.en.md` + `post.ko.md`);
2. parallel trees `SRC/PATH` + `TGT/PATH` anywhere below the folder (`en/guide/a.md` + `ko/guide/a.md`);
3. `NAME.EXT` + `NAME.TGT.EXT` side by side (Hugo's `index.md` + `index.ko.md`).
A file that matches none of these is a lone article (monolingual or bilingual). Files tagged with a third
language are left out. A folder's own documentation (README, LICENSE, COPYING, NOTICE, CHANGELOG,
CONTRIBUTING) is not an article. Two trees (the original and its translation in two clones) pair the
files at the same relative paths instead (`pair_trees`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from transpair.errors import InputError

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
    """One article of a folder: its name (relative, no language tag) and its files."""

    name: str
    source: Path
    target: Path | None = None


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


def _article_name(path: Path, root: Path, source_lang: str) -> str:
    """The article's name: its path below the folder without language tag, language folder or suffix."""
    rel = path.relative_to(root)
    parts = [p for p in rel.parent.parts if p != source_lang]
    tagged = lang_tag(path, (source_lang,))
    stem = tagged[0] if tagged else path.stem
    return "/".join([*parts, stem])


def text_files(root: Path) -> list[Path]:
    """The article files below a folder, sorted: text, Markdown and HTML, not the folder's own docs."""
    if not root.is_dir():
        raise InputError(f"{root}: not a folder")
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in TEXT_SUFFIXES
        and p.name.split(".")[0].upper() not in FOLDER_DOCS
    )


def pair_trees(source_root: str | Path, target_root: str | Path) -> list[Article]:
    """Two trees (two clones: the original and its translation): each source file paired with the file
    at the same relative path of the target tree, or alone when the translation has none yet."""
    source_root, target_root = Path(source_root), Path(target_root)
    if not target_root.is_dir():
        raise InputError(f"{target_root}: not a folder")
    if source_root.resolve() == target_root.resolve():
        raise InputError(f"{source_root}: is a folder given twice; give a folder alone, or two trees")
    articles = []
    for path in text_files(source_root):
        rel = path.relative_to(source_root)
        twin = target_root / rel
        articles.append(Article(rel.with_suffix("").as_posix(), path, twin if twin.is_file() else None))
    if not articles:
        raise InputError(f"{source_root}: no articles found (.txt, .md or .html files)")
    return unique_names(articles, source_root)


def unique_names(articles: list[Article], root: Path) -> list[Article]:
    """The articles sorted by name, refused when two would write the same OUTDIR/NAME.po."""
    dupes = sorted(name for name, n in Counter(a.name for a in articles).items() if n > 1)
    if dupes:
        raise InputError(f"{root}: two articles would share the name {dupes[0]!r}; rename one")
    return sorted(articles, key=lambda a: a.name)


def find_articles(folder: str | Path, source_lang: str = "en", target_lang: str = "ko") -> list[Article]:
    """Every article below `folder`, sorted by name; a target file is never also listed as a source."""
    root = Path(folder)
    files = text_files(root)
    langs = (source_lang, target_lang)
    files = [p for p in files if (tag := lang_tag(p, langs)) is None or tag[1] in langs]
    targets: dict[Path, Path] = {}
    for path in files:
        twin = _by_suffix(path, source_lang, target_lang) or _by_tree(path, root, source_lang, target_lang)
        if twin is not None and twin not in targets:
            targets[path] = twin
    taken = set(targets.values())
    articles = [
        Article(_article_name(p, root, source_lang), p, targets.get(p)) for p in files if p not in taken
    ]
    if not articles:
        raise InputError(f"{root}: no articles found (.txt, .md or .html files)")
    return unique_names(articles, root)

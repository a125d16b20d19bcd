"""Markup that must survive translation unchanged: code spans, link targets, numbers, inline tags, heading
anchors and placeholders (Markdown-aware, so a Korean particle glued to `)` or a code span is no fault).

Each check is a small named function `check(msgid, msgstr) -> [message, ...]`, as translate-toolkit's
filters are; `prose()` is the text with all such markup taken out, for the language checks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

import regex

CODE = regex.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", regex.DOTALL)
# [text](dest "title") and ![alt](dest): one level of parentheses inside dest; the particle after `)` is
# outside the match
MD_LINK = regex.compile(
    r"(!?\[(?:[^\[\]]|\[[^\[\]]*\])*\])\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
AUTOLINK = regex.compile(r"<((?:https?|mailto|ftp):[^<>\s]+)>")
ATTR_URL = regex.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", regex.IGNORECASE)
# a bare URL stops at spaces, quotes, brackets and any non-ASCII letter (a particle glued to it)
BARE_URL = regex.compile(r"\bhttps?://[!#-;=?-\[\]_a-z~]+", regex.IGNORECASE)
TAG = regex.compile(r"</?([A-Za-z][\w.:-]*)(?:\s[^<>]*?)?/?>")
COMMENT = regex.compile(r"<!--.*?-->", regex.DOTALL)
ANCHOR = regex.compile(r"\{#([^\s{}]+)\}")
PLACEHOLDER = regex.compile(
    r"\{\{.*?\}\}|%\([A-Za-z_]\w*\)[#0 +-]?\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|%\d+\$[sd]|%[sdif]\b"
    r"|(?<![{$])\{[A-Za-z_]\w*\}(?!\})|\$\{[A-Za-z_][\w.]*\}"
)
# a number not inside a word (제6조 has one); 3rd is a word (세 번째); 1.5 million, 320k: 150만, 32만
NUMBER = regex.compile(
    r"(?<![A-Za-z0-9_.])(?>\d+(?:[.,]\d+)*)"
    r"(?!\d|st\b|nd\b|rd\b|th\b|[kKM]\b|\s*(?:thousand|million|billion|trillion)\b)",
    regex.IGNORECASE,
)
KOREAN_UNIT = regex.compile(r"(\d+(?:\.\d+)?)\s*(천|만|억|조)")  # 10만 = 100000
UNITS = {"천": 10**3, "만": 10**4, "억": 10**8, "조": 10**12}
# small numbers written as Korean words before a counter or a space: 두 개, 세 번째, 한 번
NATIVE = ("한|하나|첫", "두|둘", "세|셋", "네|넷", "다섯", "여섯", "일곱", "여덟", "아홉", "열")
COUNTED = r"(?=\s|개|가지|번|명|단계|줄|장|배|째)"
# a path segment or subdomain naming the source or target language (en-US, ko): a site's links to its own
# translation (www. too: the same site)
LANG_PART = regex.compile(
    r"(?<=/)(?:en|ko)(?:[-_][A-Za-z]{2})?(?=/|$)|(?<=//)(?:en|ko|www)\.(?=[\w-]+\.[\w.-]+)",
    regex.IGNORECASE,
)
HANGUL = regex.compile(r"\p{Hangul}")
ENTITY = regex.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")


def code_spans(text: str) -> list[str]:
    """The contents of the Markdown code spans (one surrounding space stripped, as CommonMark does)."""
    spans = []
    for match in CODE.finditer(text):
        body = match[2]
        if len(body) > 2 and body.startswith(" ") and body.endswith(" ") and body.strip():
            body = body[1:-1]
        spans.append(body)
    return spans


@lru_cache(maxsize=4096)
def without_code(text: str) -> str:
    """The text with code spans and HTML comments blanked (their content is never markup or prose)."""
    return COMMENT.sub(" ", CODE.sub(" ", text))


def _trim_url(url: str) -> str:
    """A bare URL without the sentence punctuation or unbalanced `)` that follows it."""
    while url and (url[-1] in ".,;:!?'\"" or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url = url[:-1]
    return url


def link_targets(text: str) -> list[str]:
    """Link destinations: Markdown links and images, autolinks, href/src attributes and bare URLs."""
    text = without_code(text)
    found = [m[2] for m in MD_LINK.finditer(text)]
    text = MD_LINK.sub(lambda m: m[1], text)
    found += [m[1] for m in AUTOLINK.finditer(text)]
    text = AUTOLINK.sub(" ", text)
    found += [m[1] if m[1] is not None else m[2] for m in ATTR_URL.finditer(text)]
    text = ATTR_URL.sub(" ", text)
    found += [_trim_url(m[0]) for m in BARE_URL.finditer(text)]
    return [url for url in found if url]


def link_texts(text: str) -> list[str]:
    """The texts of the Markdown links outside code spans."""
    return [m[1].lstrip("!")[1:-1] for m in MD_LINK.finditer(without_code(text)) if len(m[1].lstrip("!")) > 2]


def tags(text: str) -> list[str]:
    """Inline HTML/component tags outside code spans, as `<name>` or `</name>`."""
    return [f"<{'/' * m[0].startswith('</')}{m[1]}>" for m in TAG.finditer(without_code(text))]


def anchors(text: str) -> list[str]:
    """Heading ids `{#id}` outside code spans."""
    return [f"{{#{m[1]}}}" for m in ANCHOR.finditer(without_code(text))]


def placeholders(text: str) -> list[str]:
    """Placeholders outside code spans: `{{ x }}`, `{name}`, `${name}`, `%s`, `%(name)s`, `%1$s`."""
    return [regex.sub(r"\s+", "", m[0]) for m in PLACEHOLDER.finditer(without_code(text))]


@lru_cache(maxsize=65536)  # every check and the term miner read it: computed once per text
def prose(text: str) -> str:
    """The words a reader reads: code spans, link targets, URLs, tags, anchors, placeholders and entities
    taken out (link text kept)."""
    text = MD_LINK.sub(lambda m: " " + m[1].lstrip("!")[1:-1] + " ", without_code(text))
    for pattern in (AUTOLINK, ATTR_URL, BARE_URL, TAG, ANCHOR, PLACEHOLDER, ENTITY):
        text = pattern.sub(" ", text)
    return text


def numbers(text: str) -> list[str]:
    """Numbers in the prose, thousands separators dropped (1,000 and 1000 are one number)."""
    return [regex.sub(r",(?=\d{3}\b)", "", m[0]) for m in NUMBER.finditer(prose(text))]


def _missing(kind: str, extract: Callable[[str], Iterable[str]], msgid: str, msgstr: str) -> list[str]:
    """One message per item of the msgid that the msgstr does not have as often."""
    lost = Counter(extract(msgid)) - Counter(extract(msgstr))
    return [f"{kind} {item!r} of the source is missing or changed" for item in lost]


def _spaced(span: str) -> str:
    """A code span with its runs of spaces as one (a PO line break inside it is no change)."""
    return " ".join(span.split())


def _prose_translated(source: str, target: str) -> bool:
    """Whether a code span that describes (a type union, a parenthesis, a comment) only had the English
    words of its description put into Korean, every symbol and every called name kept in order
    (`any (with argument)` -> `any (인자 사용 시)`, `<!-- comment here -->` -> `<!-- 주석 -->`; never
    `ref()` -> `참조()`)."""
    symbols = regex.compile(r"[^\w\s]")
    names = regex.compile(r"[A-Za-z_$][\w$.]*")
    called = regex.compile(r"[A-Za-z_$][\w$.]*(?=\s*\()")
    described = regex.search(r"\(|\||<!--|//|/\*|#\s", source)  # a type description or a comment
    return (
        " " in source
        and described is not None
        and HANGUL.search(target) is not None
        and symbols.findall(source) == symbols.findall(target)
        and set(names.findall(target)) <= set(names.findall(source))
        and set(called.findall(source)) <= set(called.findall(target))
    )


def code(msgid: str, msgstr: str) -> list[str]:
    """Every code span of the msgid, unchanged, in the msgstr (or with only its English words translated)."""
    source, target = Counter(map(_spaced, code_spans(msgid))), Counter(map(_spaced, code_spans(msgstr)))
    lost, extra = source - target, list((target - source).elements())
    found = []
    for span in lost.elements():
        twin = next((t for t in extra if _prose_translated(span, t)), None)
        if twin is None:
            found.append(f"code span {span!r} of the source is missing or changed")
        else:
            extra.remove(twin)
    return found


def localized(url: str) -> str:
    """A URL with its language part neutral (MDN's /en-US/ and /ko/ are one page in two languages)."""
    return LANG_PART.sub("", url)


def _site(url: str) -> str | None:
    """The host of a URL on a language subdomain without it (en.wikipedia.org -> wikipedia.org), else
    None."""
    match = regex.match(r"https?://(?:en|ko)\.([\w-]+\.[\w.-]+)", url, regex.IGNORECASE)
    return match[1].lower() if match else None


def link(msgid: str, msgstr: str) -> list[str]:
    """Every link target and URL of the msgid, unchanged or pointing to the same page in Korean, in the
    msgstr (a page on the Korean subdomain of the same site counts: its title is translated too)."""
    source, target = link_targets(msgid), link_targets(msgstr)
    lost = Counter(map(localized, source)) - Counter(map(localized, target))
    extra = Counter(map(localized, target)) - Counter(map(localized, source))
    originals = {localized(url): url for url in [*source, *target]}
    spare = [_site(originals[url]) for url in extra.elements()]
    found = []
    for url in lost.elements():
        site = _site(originals[url])
        if site and site in spare:
            spare.remove(site)
        else:
            found.append(f"link target {originals[url]!r} of the source is missing or changed")
    return found


def _in_words(number: str, msgstr: str) -> bool:
    """Whether a number of the source is in the translation as Korean writes it: 두 개, 10만."""
    small = number.isdigit() and 1 <= int(number) <= len(NATIVE)
    if small and regex.search(rf"(?<![가-힣])(?:{NATIVE[int(number) - 1]}){COUNTED}", msgstr):
        return True
    values = {float(m[1]) * UNITS[m[2]] for m in KOREAN_UNIT.finditer(msgstr)}
    return number.replace(".", "", 1).isdigit() and float(number) in values


def number(msgid: str, msgstr: str) -> list[str]:
    """Every number of the msgid's prose in the msgstr's, in digits or as Korean writes it (두 개, 10만)."""
    lost = Counter(numbers(msgid)) - Counter(numbers(msgstr))
    text = prose(msgstr)
    return [f"number {n!r} of the source is missing or changed" for n in lost if not _in_words(n, text)]


def tag(msgid: str, msgstr: str) -> list[str]:
    """The msgid's inline tags, opened and closed as often, in the msgstr (and no tag of its own)."""
    lost = Counter(tags(msgid)) - Counter(tags(msgstr))
    added = Counter(tags(msgstr)) - Counter(tags(msgid))
    return [f"tag {t} of the source is missing" for t in lost] + [
        f"tag {t} is not in the source" for t in added
    ]


def anchor(msgid: str, msgstr: str) -> list[str]:
    """The msgid's heading ids `{#id}`, unchanged, in the msgstr."""
    return _missing("heading id", anchors, msgid, msgstr)


def placeholder(msgid: str, msgstr: str) -> list[str]:
    """The msgid's placeholders, unchanged, in the msgstr."""
    return _missing("placeholder", placeholders, msgid, msgstr)

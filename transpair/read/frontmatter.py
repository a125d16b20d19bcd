"""Front matter (YAML between `---` lines, TOML between `+++` lines): where it ends, and the spans of
the values a page shows (title, description...) so they are translated like attribute values.

Only a top-level key with its value on the same line is read: a YAML plain, single- or double-quoted
scalar, or a TOML basic (double-quoted) string. The span is the value as written (inside its quotes,
escapes kept), so a rebuild replaces it and nothing else; block scalars, lists and maps are left alone.
"""

from __future__ import annotations

import regex

FRONT_MATTER_KEYS = ("title", "description", "sidebar_label", "linkTitle", "summary", "subtitle")

_FRONT_MATTER = regex.compile(
    r"\A(?:---[ \t]*\n(?:.*?\n)?(?:---|\.\.\.)|\+\+\+[ \t]*\n(?:.*?\n)?\+\+\+)[ \t]*(?:\n|\Z)", regex.S
)
_YAML_VALUE = regex.compile(
    r"""^(?P<key>[\w-]+):[ \t]+(?:
        "(?P<double>(?:[^"\\\n]|\\.)*)"
      | '(?P<single>(?:[^'\n]|'')*)'
      | (?P<plain>[^\s"'|>\[{&*!\#%@`][^\n]*?)
    )[ \t]*(?:[ \t]\#[^\n]*)?$""",
    regex.M | regex.X,
)
_TOML_VALUE = regex.compile(r'^(?P<key>[\w-]+)[ \t]*=[ \t]*"(?P<double>(?:[^"\\\n]|\\.)*)"[ \t]*$', regex.M)
_YAML_PLAIN_UNSAFE = regex.compile(r"""^[-?:,\[\]{}#&*!|>'"%@`\s]|:(?:\s|$)|\s#|\s$""")
_ESCAPE_OR_QUOTE = regex.compile(r'(\\.)|"')


def front_matter_end(text: str) -> int:
    """Length of a leading YAML (---) or TOML (+++) front matter block, 0 when there is none."""
    found = _FRONT_MATTER.match(text)
    return found.end() if found else 0


def value_spans(text: str, keys: tuple[str, ...] = FRONT_MATTER_KEYS) -> list[tuple[int, int, str]]:
    """(start, end, key) of the front matter values to translate, in order; [] without front matter."""
    end = front_matter_end(text)
    if not end or not keys:
        return []
    pattern = _TOML_VALUE if text.startswith("+++") else _YAML_VALUE
    out = []
    for found in pattern.finditer(text, 0, end):
        group = next(g for g in ("double", "single", "plain") if found.group(g) is not None)
        if found.group("key") in keys and found.group(group).strip():
            out.append((found.start(group), found.end(group), found.group("key")))
    return out


def yaml_value(opener: str, text: str) -> str:
    """A translation written back as the value it replaces: escaped for its quotes, or double-quoted
    when a plain value would not stay plain text (a `: `, a ` #`, a leading indicator)."""
    text = " ".join(text.split("\n"))
    if opener == '"':
        return _ESCAPE_OR_QUOTE.sub(lambda m: m.group(1) or '\\"', text)
    if opener == "'":
        return regex.sub(r"''|'", "''", text)
    if _YAML_PLAIN_UNSAFE.search(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text

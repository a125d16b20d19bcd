"""Tests for transpair.md_dialects: each site dialect's wrapper lines stay out of blocks, titles are blocks.

Every excerpt is written for these tests (modelled on each generator's documented syntax).
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transpair.errors import InputError
from transpair.read import reader
from transpair.read.dialects import ReadOptions, markdown_view
from transpair.read.fences import is_language, is_prose
from transpair.read.frontmatter import front_matter_end
from transpair.read.markdown import markdown_blocks
from transpair.read.spans import line_starts

CASES = {
    "vitepress": (
        "Intro text.\n::: tip Pro Tip\nBody of the tip.\n:::\n\n::: warning\nWarn body\n:::\n",
        ["Intro text.", "Pro Tip", "Body of the tip.", "Warn body"],
    ),
    "docusaurus": (":::note[My Title]\n\nSome **note** text.\n\n:::\n", ["My Title", "Some **note** text."]),
    "mkdocs": (
        '!!! note "Heads up"\n    Indented body line\n    continues.\n\n    - a list\n\nOutside.\n',
        ["Heads up", "Indented body line\n    continues.", "a list", "Outside."],
    ),
    "mkdocs collapsible": ("??? tip\n    Hidden text.\n", ["Hidden text."]),
    "pymdown": (
        "/// note | Technical Details\n    type: warning\n\nThe body.\n\n///\n",
        ["Technical Details", "The body."],
    ),
    "github alert": ("> [!NOTE]\n> Useful information.\n", ["Useful information."]),
    "hugo": (
        "{{< note >}}\nInside the note.\n{{< /note >}}\n{{% notice info %}}\nInfo text.\n{{% /notice %}}\n",
        ["Inside the note.", "Info text."],
    ),
    "template tags": (
        '{% include "note.md" %}\n{%- if site.beta -%}\nBeta text.\n\n'
        "Use {* x *} here\n{% y %}\nand there.\n",
        ["Beta text.", "Use {* x *} here", "and there."],  # a tag line splits a paragraph, as Hugo's
    ),
    "fastapi include": ("Text.\n\n{* ../src/tutorial001.py hl[1,3] *}\n\nMore.\n", ["Text.", "More."]),
    "mdx": (
        "import X from './x';\n\n<Note>\nNote children **md**.\n</Note>\n"
        "<Pitfall>\n\nA pitfall.\n\n</Pitfall>\n",
        ["Note children **md**.", "A pitfall."],
    ),
    "mdx multi-line tag": (
        '<Recap\n  title="x"\n>\nWhat we learned today.\n</Recap>\n',
        ["What we learned today."],
    ),
    "prose callout": (
        '```smart header="Use `let` here"\nThe variable is scoped to the block.\n'
        "Another line of prose.\n```\n\n```js\nlet x = 1;\n```\nAfter.\n",
        ["Use `let` here", "The variable is scoped to the block.\nAnother line of prose.", "After."],
    ),
    "code with unknown info": ('```vue-html\n<div v-if="ok">{{ msg }}</div>\n```\nText.\n', ["Text."]),
    "no-text lines": (
        '![](proxy.svg)\n\n[iframe src="x" height=300]\n\n[cut]\n\nText.\n\n<!-- c -->\n[a]: https://a.b\n',
        ["Text."],
    ),
    "vitepress script and style": (
        "<script setup>\nconst a = 'Words here'\n</script>\n\n"
        "# Title\n\n<style>\np { color: red }\n</style>\n",
        ["Title"],
    ),
    "wrapper inside code stays code": ("```md\n::: tip\nNot read.\n:::\n```\n", []),
}


@pytest.mark.parametrize("name", CASES)
def test_dialect_blocks_and_exact_spans(name):
    text, expected = CASES[name]
    blocks = markdown_blocks(text)
    assert [b.text for b in blocks] == expected
    assert all(text[b.start : b.end] == b.text for b in blocks)


def test_titles_are_headings_and_bodies_keep_their_kind():
    kinds = [
        (b.kind, b.text)
        for b in markdown_blocks("> [!TIP]\n> Quoted tip.\n\n::: details Click\n- item\n:::\n")
    ]
    assert kinds == [("quote", "Quoted tip."), ("heading", "Click"), ("list", "item")]


def test_site_options_add_prose_fences_and_skipped_lines():
    text = "```aside\nx = 1 is the rule; {a}\n```\n\n%% build: fast %%\n\nText.\n"
    assert [b.text for b in markdown_blocks(text)] == ["%% build: fast %%", "Text."]
    options = ReadOptions(prose_fences=("aside",), skip_lines=(r"^%%.*%%$",))
    assert [b.text for b in markdown_blocks(text, options)] == ["x = 1 is the rule; {a}", "Text."]


def test_language_and_prose_decisions():
    assert is_language("python") and is_language("JS") and not is_language("smart")
    assert is_prose(["The variable is scoped to the block.", ""])
    assert not is_prose(['<div v-if="ok">{{ msg }}</div>']) and not is_prose([])


def test_deep_nesting_loses_no_text():
    nested_list = "\n".join("  " * i + f"- item {i}" for i in range(12)) + "\n\nAfter list.\n"
    deep_quote = "> " * 25 + "deep quote\n\nAfter quote.\n"
    texts = [b.text for b in markdown_blocks(nested_list + "\n" + deep_quote)]
    assert texts == [*(f"item {i}" for i in range(12)), "After list.", "deep quote", "After quote."]


_LINE = st.sampled_from(
    [
        "",
        "text words here",
        "::: tip T",
        ":::",
        '!!! note "N"',
        "    body",
        "```js",
        "```",
        "```smart",
        "> [!NOTE]",
        "{{< note >}}",
        "<Note>",
        "![](a.png)",
        "/// tab | A",
        "///",
        "- item",
        "> quote",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=12))
def test_view_keeps_lines_and_spans_are_exact(lines):
    text = "\n".join(lines)
    view = markdown_view(text, line_starts(text), front_matter_end(text))
    assert len(view.lines) == len(text.split("\n"))
    for b in markdown_blocks(text):
        assert text[b.start : b.end] == b.text and b.text == b.text.strip() and b.text


def test_mkdocstrings_directive_is_no_title():
    text = (
        "Intro.\n\n::: fastapi.responses.UJSONResponse\n    options:\n        members:\n          - charset\n"
    )
    assert [b.text for b in markdown_blocks(text)] == ["Intro."]


@pytest.mark.parametrize(
    "fence",
    [
        '```hl_lines="4"\nINFO: the server is running now.\n```\n',
        "```txt\nHello, World from the app!\n```\n",
        "```mermaid\nsequenceDiagram\nparticipant client as C\nNote over client: Run code\n```\n",
    ],
)
def test_attribute_file_type_and_diagram_fences_stay_code(fence):
    assert markdown_blocks(fence + "\nText.\n")[0].text == "Text."


def test_components_with_indented_html_children_are_read_as_html():
    text = (
        "<TeamPage>\n  <TeamPageTitle>\n    <template #title>Meet the Team</template>\n"
        "    <template #lead>\n      The work is guided by a team.\n    </template>\n"
        "  </TeamPageTitle>\n</TeamPage>\n"
    )
    assert [b.text for b in markdown_blocks(text)] == ["Meet the Team", "The work is guided by a team."]


@pytest.mark.parametrize(("unit", "blocks"), [("```smart\nSome text words here.\n", 0), ("<Note\n", 1)])
def test_unclosed_fences_and_open_tags_are_read_with_work_linear_in_the_lines(monkeypatch, unit, blocks):
    # the lines looked at by the searches for fence closes and tag ends, counted (their time is
    # bench/bench_read_hostile.py's): linear in the page, where one search from every line would be quadratic
    from transpair.read import dialects

    looked: list[int] = []

    def fence_close(lines, first, fence, nested):
        found = close(lines, first, fence, nested)
        looked.append(found - first)
        return found

    def next_index(lines, test):
        looked.append(len(lines))
        return index(lines, test)

    close, index = dialects._fence_close, dialects._next_index
    monkeypatch.setattr(dialects, "_fence_close", fence_close)
    monkeypatch.setattr(dialects, "_next_index", next_index)
    work = []
    for copies in (2500, 5000):
        looked.clear()
        assert len(markdown_blocks(unit * copies)) == blocks  # an unclosed fence is code to the end
        work.append(sum(looked))
        assert sum(looked) <= 4 * copies * unit.count("\n")
    assert work[1] <= 2.1 * work[0]


def test_a_bracket_line_that_is_a_defined_link_stays_text():
    text = "[cut]\n\n[guide]\n\n[Guide]: https://example.com/guide\n"
    assert [b.text for b in markdown_blocks(text)] == ["[guide]"]


def test_nested_mkdocs_admonitions_and_tabs():
    text = (
        '=== "Python"\n\n    Run the script.\n\n'
        '???+ warning "Careful"\n    Outer text.\n\n    !!! tip\n        Inner text.\n\n    Outer again.\n\n'
        "Back outside.\n"
    )
    texts = [b.text for b in markdown_blocks(text)]
    assert texts == [
        "Python",
        "Run the script.",
        "Careful",
        "Outer text.",
        "Inner text.",
        "Outer again.",
        "Back outside.",
    ]
    assert all(text[b.start : b.end] == b.text for b in markdown_blocks(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("First line\n[and so on]\ncontinues here.\n", ["First line\n[and so on]\ncontinues here."]),
        ("Para one\n![x](b.png)\nstill para.\n", ["Para one\n![x](b.png)\nstill para."]),
        ("Text.\n[cut]\n", ["Text.\n[cut]"]),
        ("![a](a.png)\n![b](b.png)\n[cut]\n\nText.\n", ["Text."]),
        ("Intro.\n\n[todo translate]\n\nMore.\n", ["Intro.", "[todo translate]", "More."]),
    ],
)
def test_image_and_macro_lines_are_no_text_only_standing_alone(text, expected):
    assert [b.text for b in markdown_blocks(text) if b.content == "prose"] == expected


def test_two_mdx_elements_opened_on_one_line_read_their_children():
    text = "export const a = 1\n\n<Tabs><TabItem value={1}>\n\n  # Title\n\n  Text.\n\n</TabItem></Tabs>\n"
    doc = reader.bytes_document(text.encode(), "page.mdx")
    assert [b.text for b in doc.blocks][-2:] == ["Title", "Text."]


def test_a_text_line_starting_with_backticks_looks_for_no_fence_close(monkeypatch):
    from transpair.read import dialects

    looked = []
    monkeypatch.setattr(dialects, "_fence_close", lambda *args: looked.append(args) or len(args[0]))
    text = "```<b>`x`</b> is text, not a fence.\n\nMore text.\n\n" * 2000  # each looked to the end before
    blocks = markdown_blocks(text)
    assert looked == []
    assert blocks[0].text == "```<b>`x`</b> is text, not a fence." and len(blocks) == 4000


def test_fence_closes_looked_for_again_and_again_are_refused_with_the_line(monkeypatch):
    from transpair.read import dialects

    searches = []

    def counted(*args):
        searches.append(args[1])
        assert len(searches) <= 100, "fence closes looked for without a bound"
        return close(*args)

    close = dialects._fence_close
    monkeypatch.setattr(dialects, "_fence_close", counted)
    with pytest.raises(reader.UnreadableMarkdown, match="fences too costly to read") as refused:
        markdown_blocks("Intro.\n\n" + "```abc`\n" * 4000)  # text lines, each looking to the end: 39 s
    assert refused.value.line == searches[-1]  # 1-based line of the last opener: its index + 1 - 1


def test_mdx_expressions_that_never_close_are_refused_with_the_line(monkeypatch):
    # found by bench/fuzz.py: each line opening a `{` that never closes looked to the end of the page (1 MB
    # of them ran over 5 minutes); the searches now share the page's look-ahead budget
    from transpair.read import dialects, jsx

    searches = []

    def counted(text, pos):
        searches.append(pos)
        assert len(searches) <= 100, "expression closes looked for without a bound"
        return end(text, pos)

    end = jsx.expression_end
    monkeypatch.setattr(jsx, "expression_end", counted)
    text = "Intro.\n\n" + ("{" * 40 + "|a|b|\n") * 4000
    with pytest.raises(InputError, match="MDX expressions too costly to read") as refused:
        reader.bytes_document(text.encode(), "page.mdx")
    assert str(refused.value).startswith(f"page.mdx:{len(searches) + 2}: ")  # the last opener's line (3 on)
    assert len(searches) * len(text.splitlines()) > dialects.LOOK_AHEAD_LINES  # refused once over budget


def test_a_closed_mdx_expression_on_every_line_is_read():
    text = "Intro.\n\n" + "{props.count}\n\n" * 3000 + "Outro.\n"
    assert [b.text for b in reader.bytes_document(text.encode(), "page.mdx").blocks] == ["Intro.", "Outro."]

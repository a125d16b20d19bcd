"""The markup checks on real Vue docs excerpts (tests/data/vue_ko, CC BY 4.0) and on made-up cases."""

from hypothesis import given
from hypothesis import strategies as st
from vue_excerpts import entry

from transpair.check import markup


def test_particle_after_a_link_or_code_span_is_no_fault():
    msgid, msgstr = entry("For languages that require an [IME]")
    assert markup.link(msgid, msgstr) == []  # ko.wikipedia page of the en.wikipedia one, then 이
    assert markup.code(msgid, msgstr) == []  # `v-model`이
    assert markup.link("See [the guide](/guide/x#y).", "[가이드](/guide/x#y)를 보세요.") == []
    assert markup.link("Go to https://vuejs.org/x.", "https://vuejs.org/x를 보세요.") == []
    assert markup.link("(https://vuejs.org/x)", "(https://vuejs.org/x)을") == []


def test_code_span_lost_in_a_real_entry():
    msgid, msgstr = entry("You'll see other examples of modifiers later")
    assert markup.code(msgid, msgstr) == [
        "code span 'v-on' of the source is missing or changed",
        "code span 'v-model' of the source is missing or changed",
    ]


def test_prose_inside_a_code_span_may_be_translated():
    assert markup.code(*entry("**Expects:** `Function | Inline Statement")) == []  # 인라인 문장, 인자 없이
    assert markup.code("Use `ref()` here.", "`참조()`를 쓰세요.") != []  # a called name is code
    assert markup.code("Run `npm run build`.", "`npm 실행 빌드`를 실행하세요.") != []  # names are code


def test_code_span_changed():
    assert markup.code("Use `ref()` here.", "여기서 `ref ()`를 사용하세요.") != []
    assert markup.code("Use `ref()` here.", "여기서 `ref()`를 사용하세요.") == []
    assert markup.code("Use `` a`b `` here.", "`` a`b ``를 쓰세요.") == []


def test_link_changed_or_lost():
    assert markup.link("[docs](https://vuejs.org/guide)", "[문서](https://vuejs.org/guid)") != []
    assert markup.link("[docs](https://vuejs.org/guide)", "문서") != []
    assert markup.link('<a href="/a">x</a>', '<a href="/a">엑스</a>') == []
    # the same page on the Korean site (a language path segment or subdomain) is the same link
    assert (
        markup.link(
            "[x](https://developer.mozilla.org/en-US/docs/A)", "[x](https://developer.mozilla.org/ko/docs/A)"
        )
        == []
    )


def test_a_changed_host_is_no_language_switch():
    assert markup.link("[x](https://www.npmjs.com/a)", "[x](https://ww.npmjs.com/a)") != []
    assert markup.link("[x](https://www.npmjs.com/a)", "[x](https://npmjs.com/a)") == []
    assert markup.link("[x](https://en.wikipedia.org/wiki/A)", "[x](https://ja.wikipedia.org/wiki/A)") != []


def test_number_as_korean_writes_it():
    assert markup.number(*entry("Vue is a mature and battle-tested")) == []  # 1.5 million -> 150만
    assert markup.number(*entry("If we had excluded the `key` attribute")) == []  # 2 -> 두 개
    assert markup.number(*entry("(Exclusive) Special shoutout")) == []  # 320k -> 32만
    assert markup.number(*entry("Enable / disable Options API support")) == []  # 3rd party -> 서드파티
    assert markup.number("It takes 15 ms.", "16ms가 걸립니다.") == [
        "number '15' of the source is missing or changed"
    ]
    assert markup.number("Article 6(1)(f)", "제6조(1)(f)") == []
    assert markup.number("over 1,000 users", "1000명 이상") == []


def test_tags_in_real_entries():
    msgid, msgstr = entry("Learn Vue with video tutorials")
    assert markup.tag(msgid, msgstr) == ["tag <span> of the source is missing"]
    assert markup.tag("a <b>bold</b> word", "<b>굵은</b> 단어") == []
    assert markup.tag("a <b>bold</b> word", "<b>굵은</b> <i>단어</i>") == [
        "tag <i> is not in the source",
        "tag </i> is not in the source",
    ]
    assert markup.tag("use `<KeepAlive>` here", "여기서 `<KeepAlive>`를 쓰세요") == []


def test_anchor():
    assert markup.anchor("Flags {#compile-time-flags}", "플래그 {#compile-time-flags}") == []
    assert markup.anchor("Flags {#compile-time-flags}", "플래그 {#컴파일-플래그}") == [
        "heading id '{#compile-time-flags}' of the source is missing or changed"
    ]


def test_placeholder():
    assert markup.placeholder("Hello {name}, %s and {{ count }}", "{name}님, %s 그리고 {{count}}") == []
    assert markup.placeholder("Hello {name}", "{이름}님 안녕하세요") == [
        "placeholder '{name}' of the source is missing or changed"
    ]
    assert markup.placeholder("%(count)d items", "%d개") != []
    assert markup.placeholder("Use `{{ msg }}` in templates", "템플릿에서 `{{ msg }}`를 쓰세요") == []
    assert markup.placeholder("Heading {#id}", "제목 {#id}") == []


def test_prose_keeps_link_text_only():
    assert markup.prose("See [the guide](https://x.org/a) and `code` <b>x</b>").split() == [
        "See",
        "the",
        "guide",
        "and",
        "x",
    ]


PIECE = st.sampled_from(
    [
        "`ref()`",
        "[guide](/guide/x#a)",
        "https://vuejs.org/api/",
        "<b>",
        "</b>",
        "{#anchor}",
        "{name}",
        "%s",
        "3.5",
        "text",
        "컴포넌트를",
        " ",
        "\n",
    ]
)


@given(st.lists(PIECE, max_size=12))
def test_a_copy_keeps_all_markup(pieces):
    text = "".join(pieces)
    for check in (markup.code, markup.link, markup.number, markup.tag, markup.anchor, markup.placeholder):
        assert check(text, text) == []


@given(st.lists(PIECE, max_size=12), st.sampled_from(["을", "를", "이", "는", "의"]))
def test_particles_glued_after_markup_change_nothing(pieces, particle):
    text = " ".join(pieces)
    glued = " ".join(f"{p}{particle}" if p.strip() and p[-1] in "`)>}" else p for p in pieces)
    for check in (markup.code, markup.link, markup.anchor, markup.placeholder):
        assert check(text, glued) == []

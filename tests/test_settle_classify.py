"""Tests for transpair.settle.classify: placeholders, text left in the source language, the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from untranslated_fixtures import BLOG, EN, KO, PYDOCS, TBD, doc, one_to_one, statuses

from transpair.align import embed
from transpair.model import STATUSES, Alignment, Bead
from transpair.read.reader import read_document
from transpair.settle import classify, langid


def test_placeholder_target_is_untranslated_with_the_marker_as_reason():
    found = statuses(one_to_one(EN[:2], [KO[0], TBD]))
    assert found == [("translated", ""), ("untranslated", f'placeholder "{TBD}"')]


def test_marker_aligned_together_with_a_translation_keeps_it_for_review():
    alignment = Alignment(
        doc(EN[:2]), doc([KO[0], KO[1], TBD]), (Bead((0,), (0,), 0.9), Bead((1,), (1, 2), 0.8))
    )
    assert statuses(alignment) == [("translated", ""), ("fuzzy", f'placeholder "{TBD}" beside a translation')]


def test_marker_governs_its_section_up_to_the_next_heading_in_the_target_language():
    source = ["Intro", *EN[1:3], "Usage", EN[3], EN[1]]
    target = ["소개", TBD, EN[2], "사용법", KO[3], EN[1]]
    alignment = Alignment(
        doc(source, {0: "heading", 3: "heading"}),
        doc(target, {0: "heading", 3: "heading"}),
        tuple(Bead((i,), (i,), 0.9, "translated") for i in range(6)),
    )
    found = [(b.status, b.reason) for b in classify.classify(alignment).beads]
    placeholder = ("untranslated", f'placeholder "{TBD}"')
    left = ("untranslated", "left in English")
    assert found == [
        ("translated", ""),
        placeholder,
        placeholder,
        ("translated", ""),
        ("translated", ""),
        left,
    ]


def test_prose_already_translated_inside_a_marker_section_stays_translated():
    found = statuses(one_to_one(EN, [KO[0], TBD, EN[2], KO[3]]))
    assert found == [("translated", ""), *[("untranslated", f'placeholder "{TBD}"')] * 2, ("translated", "")]


def test_copy_of_the_source_is_left_in_english():
    assert statuses(one_to_one(EN[:2], [KO[0], EN[1]]))[1] == ("untranslated", "left in English")


def test_copied_title_is_left_in_english():
    assert statuses(one_to_one(["Annotations Best Practices"], ["Annotations Best Practices"])) == [
        ("untranslated", "left in English")
    ]


def test_language_neutral_copy_is_untranslated_as_a_copy():
    found = statuses(one_to_one(["``sys.path``, ``os.environ``"], ["``sys.path``, ``os.environ``"]))
    assert found == [("untranslated", "copy of the source")]


def test_english_sentence_left_in_a_korean_paragraph_makes_the_bead_fuzzy():
    target = "설정 파일은 홈 폴더에 있습니다. You can change the port with the option."
    status, reason = statuses(one_to_one([EN[2] + " " + EN[3]], [target]))[0]
    assert status == "fuzzy"
    assert reason.startswith("still in English:") and "You can change the port" in reason
    assert "설정" not in reason
    assert classify.partly_translated(classify.classify(one_to_one([EN[2]], [target])).beads[0])
    assert not classify.partly_translated(Bead((0,), (0,), 0.2, "fuzzy", "low alignment confidence"))
    assert not classify.to_translate(Bead((0,), (0,), 0.2, "fuzzy", "low alignment confidence"))


@pytest.mark.parametrize(
    "target",
    [
        "``sys.path`` 를 바꾸려면 :func:`os.getenv` 를 사용하세요. "
        "자세한 내용은 https://docs.python.org/3/ 을 보세요.",
        "Win32, OSX, Linux, BSD, Jython, IronPython의 경우:",
        "`Writing Programs with NCURSES <https://invisible-island.net/ncurses/>`_: "
        "C 프로그래머를 위한 긴 자습서.",
        "Guido van Rossum 은 Python Software Foundation 에서 일했습니다. 그는 CPython 을 만들었습니다.",
    ],
)
def test_korean_quoting_names_code_and_urls_is_not_a_leftover(target):
    assert statuses(one_to_one([EN[1]], [target])) == [("translated", "")]


def test_source_only_is_missing_in_target_and_aligner_fuzzy_is_kept():
    alignment = Alignment(
        doc(EN[:3]),
        doc(KO[:2]),
        (
            Bead((0,), (0,), 0.3, "fuzzy"),
            Bead((1,), (1,), 0.9, "translated"),
            Bead((2,), (), 0.0, "source-only"),
        ),
    )
    assert statuses(alignment) == [("fuzzy", ""), ("translated", ""), ("source-only", "missing in target")]


def test_marker_alone_on_the_target_side_is_never_a_translation():
    alignment = Alignment(
        doc(EN[:1]),
        doc([KO[0], TBD]),
        (Bead((0,), (0,), 0.9, "translated"), Bead((), (1,), 0.0, "target-only")),
    )
    result = classify.classify(alignment).beads[1]
    assert (result.status, result.reason) == ("target-only", f'placeholder "{TBD}"')
    assert classify.to_translate(result)


def test_korean_left_in_an_english_target_when_korean_is_the_source():
    found = statuses(one_to_one(KO[1:3], [EN[1], KO[2]], "ko", "en"))
    assert found == [("translated", ""), ("untranslated", "left in Korean")]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([*EN, *KO, TBD, "12345", "``x``"]), min_size=1, max_size=6), st.data())
def test_classify_keeps_every_block_once_and_sets_a_known_status(target, data):
    source = data.draw(st.lists(st.sampled_from(EN), min_size=len(target), max_size=len(target)))
    result = classify.classify(one_to_one(source, target))
    assert [(b.source, b.target) for b in result.beads] == [((i,), (i,)) for i in range(len(target))]
    assert all(b.status in STATUSES and "\n" not in b.reason for b in result.beads)


def test_english_post_with_a_korean_section_under_tbd_has_korean_as_original():
    post = read_document(BLOG / "2017-03-14.en.txt")
    korean = doc(KO + [b.text for b in post.blocks if langid.detect(b.norm) == "ko"])
    assert classify.original(post, korean, "en", "ko") == "target"
    assert classify.original(korean, post, "ko", "en") == "source"


def test_complete_english_with_untranslated_korean_copies_is_the_original():
    en, ko = read_document(PYDOCS / "howto-sorting.en.txt"), read_document(PYDOCS / "howto-sorting.ko.txt")
    assert classify.original(en, ko, "en", "ko") == "source"
    assert classify.original(ko, en, "ko", "en") == "target"


def test_source_auto_makes_the_complete_korean_version_the_source_and_tbd_copies_untranslated():
    from transpair import pipeline

    english = doc([EN[0], EN[1], TBD, KO[2], KO[3]], path="post.en.txt")
    korean = doc(KO, path="post.ko.txt")
    opts = pipeline.AlignOptions(original="auto")
    result = pipeline.align_pair(
        pipeline.settle(pipeline.pair_of(english, korean, opts), opts),
        opts,
        embed.shared_similarity(opts.similarity, opts.cache),
    )
    assert (result.source.path, result.source_lang, result.target_lang) == ("post.ko.txt", "ko", "en")
    by_target = {j: b for b in result.beads for j in b.target}
    assert by_target[2].status in ("untranslated", "target-only")
    assert {by_target[j].reason for j in (2, 3, 4)} == {f'placeholder "{TBD}"'}
    assert by_target[3].status == by_target[4].status == "untranslated"
    assert {by_target[j].status for j in (0, 1)} == {"translated"}


def test_the_version_with_translators_notes_is_the_translation():
    korean = doc([KO[1], KO[2] + " (역주: 리눅스에서는 ~/.config 입니다.)", KO[3]])
    english = doc(EN[1:])
    assert classify.original(english, korean, "en", "ko") == "source"
    assert classify.original(korean, english, "ko", "en") == "target"


def test_source_text_in_a_gap_with_a_placeholder_is_under_that_placeholder():
    src = doc(["Python is easy to learn.", "It has efficient data structures.", "The end of the article."])
    tgt = doc(["파이썬은 배우기 쉽습니다.", "[TBD]", "글의 끝입니다."])
    beads = (Bead((0,), (0,), 0.9), Bead((), (1,), 0.5), Bead((1,), (), 0.5), Bead((2,), (2,), 0.9))
    result = classify.classify(Alignment(src, tgt, beads)).beads
    assert [b.reason for b in result[1:3]] == ['placeholder "[TBD]"'] * 2
    assert result[0].status == result[3].status == "translated"
    lone = classify.classify(
        Alignment(src, tgt, (Bead((0,), (0,), 0.9), Bead((1,), (), 0.5), Bead((2,), (1, 2), 0.9)))
    ).beads
    assert lone[1].reason == "missing in target"


@pytest.mark.parametrize(
    "text",
    [
        "`createServer`",
        "optimizeDeps.include",
        "Chrome >=107",
        "toValue()",
        "[react](https://vite.new/react)",
        "slots",
    ],
)
def test_names_and_code_are_no_prose(text):
    assert classify.no_prose(text)


@pytest.mark.parametrize("text", ["Watchers", "Function Signature", "Note on webpack Treeshaking", EN[1]])
def test_words_are_prose(text):
    assert not classify.no_prose(text)


def test_titles_are_short_with_no_sentence_end():
    assert classify.title_like("Hot Module Replacement") and classify.title_like("`InlineConfig`")
    assert not classify.title_like("Note that:") and not classify.title_like(EN[1])


def real_statuses(name):
    """Statuses by target text of a real dev-set document (Vite docs, MIT; Vue docs, CC BY 4.0; licences in
    the READMEs of tests/data/dev/vitedocs-ko and vuedocs-ko) aligned and classified as `transpair align`
    does."""
    from conftest import dev_data

    from transpair.align import search

    en, ko = (read_document(dev_data() / f"{name}.{lang}.txt") for lang in ("en", "ko"))
    alignment = classify.classify(
        Alignment(en, ko, tuple(search.align_blocks(en.blocks, ko.blocks)), "en", "ko")
    )
    return {" ".join(ko.blocks[j].norm for j in b.target): (b.status, b.reason) for b in alignment.beads}


CODE_LINES = ["`UUID`:", "`datetime.timedelta`:", "{* ../docs_src/extra_types/tutorial001.py hl[1,3] *}"]


def test_code_lines_kept_as_is_do_not_make_a_translated_page_look_half_done():
    # three code-only lines (a list of types, a site's include line) beside two translated paragraphs: more
    # than PARTIAL_SHARE of the pairs, but no prose, so they are the same in both languages
    found = statuses(one_to_one([*EN[1:3], *CODE_LINES], [*KO[1:3], *CODE_LINES]))
    assert found[2:] == [("translated", classify.SAME)] * 3


def test_code_lines_inside_an_untranslated_run_stay_untranslated():
    found = statuses(one_to_one([EN[1], EN[2], CODE_LINES[0], EN[3]], [KO[1], EN[2], CODE_LINES[0], EN[3]]))
    assert [status for status, _ in found] == ["translated", "untranslated", "untranslated", "untranslated"]


def test_identifier_headings_kept_as_is_in_a_translated_page_are_translated():
    found = real_statuses("vitedocs-ko/guide-api-javascript")
    for heading in ("`createServer`", "`InlineConfig`", "JavaScript API"):
        assert found[heading] == ("translated", classify.SAME)


def test_english_section_left_in_a_translated_page_is_still_untranslated():
    found = real_statuses("vuedocs-ko/api-general")
    assert found["defineComponent()"] == ("translated", classify.SAME)
    assert found["Function Signature"][0] == "untranslated"
    assert [s for t, (s, _) in found.items() if t.startswith("Instead of passing in an options")] == [
        "untranslated"
    ]


def test_translations_followed_by_their_english_originals_are_not_left_in_english():
    found = real_statuses("vuedocs-ko/api-render-function")
    kept = [s for t, (s, _) in found.items() if "resolveDirective()`를" in t and "must be called inside" in t]
    assert kept and "untranslated" not in kept


# Vue docs zh-cn and ja (vuejs-translations/docs-zh-cn, docs-ja; CC BY 4.0): headings and paragraphs
# that keep English terms, code and heading ids are translated, not "left in English".
CJK_PAIRS = [
    ("Static vs. Dynamic Props {#static-vs-dynamic}", "静态 vs. 动态 Props {#static-vs-dynamic}", "zh"),
    ("Attribute Bindings {#attribute-bindings}", "Attribute 绑定 {#attribute-bindings}", "zh_CN"),
    ("Disabling Teleport {#disabling-teleport}", "禁用 Teleport {#disabling-teleport}", "zh-CN"),
    (
        "Props are declared using the [`props`](/api/options-state#props) option:",
        "Props 需要使用 [`props`](/api/options-state#props) 选项来定义：",
        "zh_CN",
    ),
    ("Reactive Props Destructure {#reactive-props-destructure}", "リアクティブな Props の分割代入", "ja"),
]


@pytest.mark.parametrize("source, target, lang", CJK_PAIRS)
def test_a_chinese_or_japanese_translation_keeping_english_terms_is_translated(source, target, lang):
    assert statuses(one_to_one([source], [target], tgt_lang=lang)) == [("translated", "")]


def test_english_left_in_a_chinese_page_is_still_untranslated():
    text = "Props are declared using the props option, as the next example shows."
    assert statuses(one_to_one([text], [text], tgt_lang="zh_CN")) == [("untranslated", "left in English")]


# Vue docs in French (vuejs-translations/docs-fr; CC BY 4.0): short French titles read as English to a
# detector tuned for English beside Hangul; between two Latin-script languages only words decide.
FR_PAIRS = [
    ("Async Components", "Composants asynchrones"),
    ("Server-Side Rendering API", "API du rendu côté serveur"),
    ("Basic Usage", "Utilisation de base"),
]


@pytest.mark.parametrize("source, target", FR_PAIRS)
def test_a_short_french_title_is_translated_not_left_in_english(source, target):
    assert statuses(one_to_one([source], [target], tgt_lang="fr")) == [("translated", "")]


def test_english_left_in_a_french_page_is_still_untranslated():
    copied = "Usage before 3.5"
    prose = "The reactive state is tracked when the component renders, as the next example shows."
    found = statuses(one_to_one([copied, prose], [copied, prose], tgt_lang="fr"))
    assert found == [("untranslated", "left in English")] * 2


# Vue docs' SSR API page in French (vuejs-translations/docs-fr; CC BY 4.0): the `data-allow-mismatch`
# section was left in English, its heading an attribute name and its list items code names
SSR_TRANSLATED = [
    (
        "A runtime API used to retrieve the context object.",
        "Une API d'exécution utilisée pour récupérer le contexte.",
    ),
    (
        "The retrieved context can be used to attach information.",
        "Le contexte récupéré peut joindre des informations.",
    ),
    ("This is useful when rendering the final HTML.", "C'est utile pour le rendu du HTML final."),
    (
        "Only use it on the server side of your app.",
        "Ne l'utilisez que du côté serveur de votre application.",
    ),
    ("It returns the context of the current render.", "Elle renvoie le contexte du rendu en cours."),
]
SSR_LEFT = [
    "data-allow-mismatch",
    "A special attribute that can be used to suppress hydration mismatch warnings.",
    "`text`",
    "`class`",
    "If no value is provided, all types of mismatches will be allowed.",
]


def test_code_names_in_a_section_left_in_english_are_the_same_in_both_languages():
    # two paragraphs left of twelve: the page is translated (under PARTIAL_SHARE left), the section is not
    english, french = (list(side) * 2 for side in zip(*SSR_TRANSLATED))
    found = statuses(one_to_one(english + SSR_LEFT, french + SSR_LEFT, tgt_lang="fr"))[len(english) :]
    assert [status for status, _ in found] == [
        "translated",  # an attribute name heading the section: nothing to translate
        "untranslated",
        "translated",  # `text`
        "translated",  # `class`
        "untranslated",
    ]


ZH_TRANSLATED = [
    ("Enable or disable devtools support in production builds.", "在生产环境中启用或禁用开发者工具支持。"),
    ("This will result in more code included in the bundle.", "启用会在打包结果中包含更多代码。"),
    ("It is recommended to only enable this for debugging.", "因此建议仅在调试时启用此功能。"),
    ("Enable detailed warnings for hydration mismatches.", "启用激活不匹配的详细警告。"),
    ("The flags are replaced at build time.", "这些标志会在构建时被替换。"),
]


def test_a_name_heading_a_section_left_in_english_is_the_same_in_both_languages():
    # Vue docs' compile-time flags page in Chinese (vuejs-translations/docs-zh-cn; CC BY 4.0): "Vite" is a
    # name (the English says "use Vite's"), "Introduction" is not one; both head text left in English
    english, chinese = (list(side) * 2 for side in zip(*ZH_TRANSLATED))
    left = [
        "Vite",
        "The plugin provides default values for these flags. To change them, use Vite's define option.",
        "Introduction",
        "Flags should be defined using the replace plugin of your bundler.",
    ]
    found = statuses(one_to_one(english + left, chinese + left, tgt_lang="zh_CN"))[len(english) :]
    assert [status for status, _ in found] == ["translated", "untranslated", "untranslated", "untranslated"]


def test_a_label_translated_elsewhere_on_the_page_is_untranslated_where_it_was_copied():
    # Vue docs' template refs page in French (CC BY 4.0): one playground link kept in English, the other
    # translated, both in translated sections
    link = "[Try it in the Playground](https://play.vuejs.org/#eNp9Ut)"
    english = [
        "When `ref` is used inside `v-for`, the ref should contain an array of the elements.",
        link,
        "It should be noted that the ref array does not guarantee the same order as the source array.",
        "[Try it in the Playground](https://play.vuejs.org/#eNpFjk0K)",
    ]
    french = [
        "Lorsque `ref` est utilisée à l'intérieur d'un `v-for`, la ref doit contenir un tableau d'éléments.",
        link,
        "À noter que le tableau ref ne garantit pas le même ordre que le tableau source.",
        "[Essayer en ligne](https://play.vuejs.org/#eNpFjk0K)",
    ]
    found = statuses(one_to_one(english, french, tgt_lang="fr"))
    assert [status for status, _ in found] == ["translated", "untranslated", "translated", "translated"]


def test_a_heading_keeping_its_original_in_parentheses_is_translated():
    source = "How Is This Guide Structured?"
    target = "이 안내서는 어떻게 구성되어 있나요? (How is this guide structured)"
    assert statuses(one_to_one([source], [target])) == [("translated", "")]
    assert classify.leftover_sentences("설명입니다. This one was left in English.", "ko", "en")


def test_an_api_heading_with_a_badge_kept_as_is_is_not_left_in_english():
    # Vue docs' API pages (CC BY 4.0), kept as is by the ja and zh-cn translations: the badge's class and
    # text, and the heading id, are markup, not English words
    heading = 'onRenderTracked() <sup class="vt-badge dev-only" /> {#onrendertracked}'
    assert classify.no_prose(heading) and not classify.in_language(heading, "en", "ja")
    assert classify.in_language("Hello <b>world</b>, this is text.", "en", "ja")

"""The Korean checks on real Vue docs excerpts (tests/data/vue_ko, CC BY 4.0) and on made-up cases."""

from hypothesis import given
from hypothesis import strategies as st
from vue_excerpts import clean_pairs, entry

from transpair.check import korean


def test_real_excerpts_have_no_stray_characters_or_double_forms():
    for msgid, msgstr in clean_pairs():
        assert korean.cjk_stray(msgid, msgstr) == []
        assert korean.particle_form(msgid, msgstr) == []


def test_english_left_in_a_translated_entry():
    msgid, msgstr = entry("Vue is a mature and battle-tested")
    sentence = "It is one of the most widely used JavaScript frameworks in production today."
    left = msgstr.split(". ")[0] + ". " + sentence
    assert korean.english_left(msgid, left) == [f"English left untranslated: {sentence[:59] + '…'!r}"]
    assert korean.english_left(msgid, msgstr) == []


def test_short_english_sentences_left():
    msgid = "Globally registered custom directives just work as normal."
    assert korean.english_left(msgid, f"전역 디렉티브는 평소처럼 동작합니다. {msgid}") != []
    msgid = "Refer to [list rendering guide](list#v-for-with-v-if) for details."
    assert korean.english_left(msgid, f"권장되지 않습니다. {msgid}") != []  # a link inside the sentence


def test_english_names_and_titles_are_not_left_english():
    msgid, msgstr = entry('[The "Show and Tell" Subforum]')
    assert korean.english_left(msgid, msgstr) == []  # a linked title kept as written
    assert korean.english_left("Use the Composition API.", "Composition API를 사용하세요.") == []
    assert korean.english_left("It is fine.", "It is fine.") == []  # no Korean at all: untranslated, not this


def test_cjk_stray():
    assert korean.cjk_stray("Use the value.", "값을 使用합니다.") == [
        "Chinese or Japanese characters '使用' in the Korean text"
    ]
    assert korean.cjk_stray("Use it.", "사용합니다。") != []
    assert korean.cjk_stray("x", "コンポーネント를 씁니다") != []
    assert korean.cjk_stray("Dependency", "의존성(依存性)") == []  # a Hanja gloss
    assert korean.cjk_stray("Dependency", "의존성(依存性)", hanja_glosses=False) != []
    assert korean.cjk_stray("Languages: 中文", "언어: 中文") == []  # the source has it too
    assert korean.cjk_stray("Use `値`", "`値`를 쓰세요") == []  # code


def test_particle_form_where_the_word_decides():
    assert korean.particle_form("", "컴포넌트을(를) 등록합니다") == ["컴포넌트을(를): write 컴포넌트를"]
    assert korean.particle_form("", "값을(를) 반환") == ["값을(를): write 값을"]
    assert korean.particle_form("", "파일(으)로 저장") == ["파일(으)로: write 파일로"]  # ㄹ takes 로
    assert korean.particle_form("", "값(으)로 설정") == ["값(으)로: write 값으로"]
    assert korean.particle_form("", "값이(가) 바뀌면") == ["값이(가): write 값이"]
    assert korean.particle_form("", "`ref`을(를) 쓰세요") == []  # code: the reader decides
    assert korean.particle_form("", "{name}을(를) 입력") == []  # a placeholder: only known at run time


def test_spacing_between_code_and_particle():
    msgid, msgstr = entry("If you have any questions on how you can get more involved")
    assert korean.spacing(msgid, msgstr) == [
        "space before the particle: '](https://x.com/vuejs_events) 로' (write ](https://x.com/vuejs_events)로)"
    ]
    assert korean.spacing("", "`ref` 를 사용합니다.") == [
        "space before the particle: '`ref` 를' (write `ref`를)"
    ]
    assert korean.spacing("", "`ref`를 사용합니다.") == []
    assert korean.spacing("", "`a` 와 `b`") != []
    assert korean.spacing("", "`ref` 함수") == []  # a noun after a space is no particle
    for msgid, msgstr in clean_pairs():
        if "vuejs_events" not in msgid:
            assert korean.spacing(msgid, msgstr) == []


def test_speech_levels():
    assert korean.speech_level("사용합니다") == korean.FORMAL
    assert korean.speech_level("있어요") == korean.POLITE
    assert korean.speech_level("한다") == korean.PLAIN
    assert korean.speech_level("사용하세요") is None  # polite imperative: at home in a 합니다체 page
    assert korean.speech_level("가정해봅시다") is None  # "let us"
    assert korean.speech_level("필요") is None
    levels = korean.speech_levels("이제 알게 되셨을 거예요. 학습을 계속하세요. 무엇인가요? 끝났다!")
    assert levels == [(korean.POLITE, "거예요"), (korean.PLAIN, "끝났다")]  # questions keep no level


SYLLABLES = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)


@given(st.text(SYLLABLES, min_size=1, max_size=4), st.sampled_from(sorted(korean.DOUBLE_FORMS)))
def test_the_suggested_form_is_one_of_the_two(word, form):
    [message] = korean.particle_form("", f"{word}{form} ")
    suggestion = message.split("write ")[1]
    assert suggestion.startswith(word) and suggestion[len(word) :] in korean.DOUBLE_FORMS[form]

"""Language codes: BCP 47 and POSIX forms normalised once, the base a detector compares with."""

import pytest

from transpair import languages


@pytest.mark.parametrize(
    "given, expected",
    [
        ("ko", "ko"),
        ("KO", "ko"),
        ("zh-CN", "zh_CN"),
        ("zh_CN", "zh_CN"),
        ("zh-cn", "zh_CN"),
        ("zh-Hans", "zh_CN"),
        ("zh_Hant", "zh_TW"),
        ("zh-TW", "zh_TW"),
        ("zh-Hant-HK", "zh_HK"),
        ("pt-BR", "pt_BR"),
        ("pt_BR", "pt_BR"),
        ("es-419", "es_419"),
    ],
)
def test_codes_as_sites_and_gettext_write_them_are_normalised(given, expected):
    assert languages.normalise(given) == expected


@pytest.mark.parametrize("given", ["", "korean", "k", "zh-", "ko/kr", "en us", "../ko"])
def test_what_is_no_language_code_is_refused(given):
    assert languages.normalise(given) is None


def test_base_bcp47_and_names():
    assert [languages.base(c) for c in ("zh_CN", "zh-TW", "ko", "PT_br")] == ["zh", "zh", "ko", "pt"]
    assert languages.bcp47("zh_CN") == "zh-CN"
    assert languages.name("en") == "English"
    assert languages.name("zh_CN") == "Chinese (CN)"
    assert languages.name("xx") == "xx"
    assert languages.name(None) == "an undetected language"

"""The [check] table of .transpair.toml."""

import pytest

from transpair.check.config import DEFAULT_LEVELS, CheckSettings, load_settings
from transpair.errors import InputError


def test_defaults_without_a_config(tmp_path):
    assert load_settings(tmp_path) == CheckSettings()


def test_settings_from_the_nearest_config(tmp_path):
    (tmp_path / ".transpair.toml").write_text(
        '[check]\nnumber = "info"\nspeech-level = "off"\nexpected-speech-level = "합니다체"\n'
        'hanja-glosses = false\nignore = ["spacing:0123456789"]\n',
        encoding="utf-8",
    )
    (tmp_path / "po").mkdir()
    settings = load_settings(tmp_path / "po")
    assert settings.levels == dict(DEFAULT_LEVELS, number="info", **{"speech-level": "off"})
    assert not settings.active("speech-level") and settings.active("number")
    assert (settings.speech_level, settings.hanja_glosses, settings.ignore) == (
        "합니다체",
        False,
        {"spacing:0123456789"},
    )


@pytest.mark.parametrize(
    ("table", "error"),
    [
        ('number = "loud"', "number must be one of info, warning, error, off"),
        ('spelling = "off"', "unknown setting 'spelling'"),
        ('expected-speech-level = "반말"', "expected-speech-level must be"),
        ("hanja-glosses = 1", "hanja-glosses must be true or false"),
        ('ignore = "x"', "ignore must be a list of strings"),
    ],
)
def test_bad_settings(tmp_path, table, error):
    (tmp_path / ".transpair.toml").write_text(f"[check]\n{table}\n", encoding="utf-8")
    with pytest.raises(InputError, match=error):
        load_settings(tmp_path)

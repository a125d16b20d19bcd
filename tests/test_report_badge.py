"""The progress badge: a well-formed standalone SVG coloured by coverage."""

import xml.etree.ElementTree as ET

from transpair.report.badge import BADGE_COLOURS, badge_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_badge_is_wellformed_svg_with_the_value():
    root = ET.fromstring(badge_svg(87.5))
    assert root.tag == f"{SVG}svg" and root.get("height") == "20"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "translated" in texts and "87.5%" in texts
    assert not any(e.get("href") or e.get("{http://www.w3.org/1999/xlink}href") for e in root.iter())


def test_badge_colour_follows_coverage_level():
    colours = {
        level: badge_svg(pct)
        for level, pct in [("low", 12.0), ("partial", 50.0), ("good", 80.0), ("complete", 100.0)]
    }
    for level, svg in colours.items():
        assert f'fill="{BADGE_COLOURS[level]}"' in svg


def test_badge_grows_with_its_label_and_escapes_it():
    short, long = ET.fromstring(badge_svg(5.0, "a")), ET.fromstring(badge_svg(5.0, "번역 <진행률>"))
    assert int(long.get("width")) > int(short.get("width"))
    assert "번역 <진행률>" in [t.text for t in long.iter(f"{SVG}text")]

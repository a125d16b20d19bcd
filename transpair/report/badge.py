"""A shields.io-style progress badge as a standalone SVG (no fonts or images from outside)."""

from __future__ import annotations

import unicodedata
from html import escape

from transpair.report.formats import level

BADGE_COLOURS = {"complete": "#4c1", "good": "#97ca00", "partial": "#dfb317", "low": "#e05d44"}
_NARROW, _WIDE = set("iljtfr.,:;!|' I()[]1"), set("mwMW%@")


def text_width(text: str) -> float:
    """Approximate width in pixels of text in 11px Verdana, the badge font (Hangul/CJK: full width)."""
    return sum(_char_width(c) for c in text)


def _char_width(char: str) -> float:
    """Approximate width of one character in 11px Verdana."""
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 11.0
    return 4.0 if char in _NARROW else 10.0 if char in _WIDE else 7.0


def badge_svg(pct: float, label: str = "translated") -> str:
    """A two-part badge `label | NN.N%` coloured by coverage level."""
    value = f"{pct:.1f}%"
    left, right = round(text_width(label) + 12), round(text_width(value) + 12)
    width, colour = left + right, BADGE_COLOURS[level(pct)]
    title = escape(f"{label}: {value}")
    texts = "".join(
        f'<text x="{x}" y="15" fill="#010101" fill-opacity=".3">{escape(t)}</text><text x="{x}" '
        f'y="14">{escape(t)}</text>'
        for x, t in ((left / 2, label), (left + right / 2, value))
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" '
        f'aria-label="{title}">'
        f"<title>{title}</title>"
        '<linearGradient id="badge-shine" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" '
        'stop-opacity=".1"/>'
        '<stop offset="1" stop-opacity=".1"/></linearGradient>'
        f'<clipPath id="badge-round"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>'
        f'<g clip-path="url(#badge-round)"><rect width="{left}" height="20" fill="#555"/>'
        f'<rect x="{left}" width="{right}" height="20" fill="{colour}"/>'
        f'<rect width="{width}" height="20" fill="url(#badge-shine)"/></g>'
        '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" '
        'font-size="11">'
        f"{texts}</g></svg>"
    )

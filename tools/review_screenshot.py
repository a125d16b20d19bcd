"""Screenshot a review page in headless Chromium at the first doubtful row (how docs/review.png was made).

    transpair review corpora/pydocs-hard/tutorial-whatnow.en.txt corpora/pydocs-hard/tutorial-whatnow.ko.txt \
        -o /tmp/review.html
    python tools/review_screenshot.py /tmp/review.html docs/review.png
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def screenshot(page_path: Path, out: Path, width: int = 1280, height: int = 760) -> None:
    """Open the page, jump to the first doubtful row (j) and save the viewport as PNG."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(page_path.resolve().as_uri())
        page.keyboard.press("j")
        page.screenshot(path=str(out))
        browser.close()


if __name__ == "__main__":
    screenshot(Path(sys.argv[1]), Path(sys.argv[2]))

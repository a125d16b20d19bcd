"""Apply stage: rebuild the translated article from a PO, keeping the article's structure."""

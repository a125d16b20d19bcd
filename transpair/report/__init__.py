"""Report stage: coverage figures of PO catalogs, rendered as table, JSON, CSV, Markdown, HTML, badge."""

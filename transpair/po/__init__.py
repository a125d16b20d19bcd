"""Catalog stage: alignments to PO catalogs, and PO files read, checked, wrapped, merged and exported."""

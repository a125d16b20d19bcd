"""Align stage: similarity backends, the bead search and its confidence, corrections, gold evaluation."""

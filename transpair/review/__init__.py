"""Review stage: the side-by-side review page of an alignment."""

"""History: the English a translation was made from (git), and carrying an old alignment to today's source."""

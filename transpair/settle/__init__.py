"""Settle stage: facts about a pair (languages, original, placeholders, what is untranslated)."""

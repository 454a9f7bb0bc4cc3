"""Time: TIMEX3 expressions found by rules and normalized against the article's date (timex.find_timexes)."""

"""Time: time expressions, normalisation against the article date, drift (datelines are read in text/dateline.py)."""

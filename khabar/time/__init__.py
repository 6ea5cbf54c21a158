"""Time: datelines, time expressions, normalisation against the article date, drift."""

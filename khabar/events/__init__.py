"""Event coding: who did what to whom, when and where, as PLOVER types with CAMEO codes.

One module per concern: `lexicon` (trigger data), `words` (the sentence as
normalised words), `triggers`, `actors` (phrases and CAMEO-style codes),
`arguments`, `modes`, `coder` (one sentence to events), `dedup` (clusters
across articles) and `stage` (the pipeline stage events.v1).
"""

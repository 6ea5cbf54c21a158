"""The built-in stages: importing this module registers them with `khabar.pipeline`.

Whoever builds a pipeline imports this module; `khabar.pipeline` never does, so
the registry knows no stage and the default order comes from the declarations.
"""
from __future__ import annotations

# Imported in pipeline order: where the declarations leave two stages unordered (tokens and time both
# read only sentences; relations and quotes only what entities and earlier stages add), the one
# registered first runs first.
from .text import stages as text_stages  # sentences.v1, tokens.v1
from .time import stage as time_stage  # time.v1
from .entities.ner import stage as ner_stage  # ner.v2 (default), ner.v1 (the CRFs alone, faster)
from .entities import stage as entities_stage  # entities.v1
from .relations import stage as relations_stage  # relations.v1
from .quotes import stage as quotes_stage  # quotes.v1 (rules), quotes.v2 (rules + speaker ranker)
from .events import stage as events_stage  # events.v1

MODULES = (text_stages, time_stage, ner_stage, entities_stage, relations_stage, quotes_stage, events_stage)

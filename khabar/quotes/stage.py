"""The quotes stage: who said what, how, where and when."""
from __future__ import annotations

from ..doc import Doc
from ..pipeline import Options, register_stage
from .channel import assign_channels
from .dates import assign_dates
from .extract import extract_quotes
from .lexicon import quote_lexicon
from .ranker import RankContext, rerank, speaker_ranker
from .words import words_of


@register_stage("quotes", 1, requires=("sentences", "words"),
                uses=("timexes", "entities", "mentions", "effective_date"), adds=("quotes",))
def quotes_stage(options: Options):
    lex = quote_lexicon()

    def run(doc: Doc) -> None:
        words = words_of(doc)
        quotes = extract_quotes(doc, words, lex)
        assign_channels(quotes, words, lex)
        assign_dates(doc, quotes)
        doc.add("quotes", quotes, "quotes.v1")

    return run


@register_stage("quotes", 2, requires=("sentences", "words"),
                uses=("timexes", "entities", "mentions", "effective_date"), adds=("quotes",))
def quotes_ranked_stage(options: Options):
    """quotes.v1's quotes, each speaker then chosen by the ranker trained on the gold (quotes/ranker.py)."""
    lex, model = quote_lexicon(), speaker_ranker()

    def run(doc: Doc) -> None:
        words = words_of(doc)
        quotes = extract_quotes(doc, words, lex)
        rerank(RankContext(doc, words, lex, quotes), quotes, model)  # the context counts the rules' speakers first
        assign_channels(quotes, words, lex)
        assign_dates(doc, quotes)
        doc.add("quotes", quotes, "quotes.v2")

    return run

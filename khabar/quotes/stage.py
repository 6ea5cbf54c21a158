"""The quotes stage: who said what, how, where and when."""
from __future__ import annotations

from ..doc import Doc
from ..pipeline import Options, register_stage
from .channel import assign_channels
from .dates import assign_dates
from .extract import extract_attributed
from .lexicon import QuoteLexicon, quote_lexicon
from .ranker import RankContext, RankerModel, rerank, speaker_ranker
from .words import words_of


_USES = ("timexes", "entities", "mentions", "effective_date")


@register_stage("quotes", 1, requires=("sentences", "words"), uses=_USES, adds=("quotes",))
def quotes_stage(options: Options):
    return _quotes(quote_lexicon(), None, "quotes.v1")


@register_stage("quotes", 2, requires=("sentences", "words"), uses=_USES, adds=("quotes",))
def quotes_ranked_stage(options: Options):
    """quotes.v1's quotes, each speaker then chosen by the ranker trained on the gold (quotes/ranker.py)."""
    return _quotes(quote_lexicon(), speaker_ranker(), "quotes.v2")


def _quotes(lex: QuoteLexicon, model: RankerModel | None, stage_id: str):
    def run(doc: Doc) -> None:
        words = words_of(doc)
        quotes, att = extract_attributed(doc, words, lex)
        # trained on the whole pipeline's layers: without entities the rules' speakers stand
        if model is not None and doc.has("entities"):
            rerank(RankContext(doc, words, att, quotes), quotes, model)
        assign_channels(quotes, words, lex)
        assign_dates(doc, quotes)
        doc.add("quotes", quotes, stage_id)

    return run

"""The text-layer stages: sentences and tokens."""
from __future__ import annotations

from ..model import Doc
from ..pipeline import Options, register_stage
from .sentences import split_sentences
from .tokens import tokenize


@register_stage("sentences", 1, requires=("text",), adds=("sentences",))
def sentences_stage(options: Options):
    def run(doc: Doc) -> None:
        doc.add("sentences", split_sentences(doc.text), "sentences.v1")

    return run


@register_stage("tokens", 1, requires=("sentences",), adds=("tokens",))
def tokens_stage(options: Options):
    def run(doc: Doc) -> None:
        tokens = []
        for sentence in doc.get("sentences"):
            tokens.extend(tokenize(doc.text, sentence.start, sentence.end))
        doc.add("tokens", tokens, "tokens.v1")

    return run

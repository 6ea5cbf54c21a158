"""The text-layer stages: sentences, and tokens with the word layer built from them."""
from __future__ import annotations

from ..doc import Doc
from ..pipeline import Options, register_stage
from .sentences import split_sentences
from .tokens import tokenize
from .words import build_words


@register_stage("sentences", 1, requires=("text",), adds=("sentences",))
def sentences_stage(options: Options):
    def run(doc: Doc) -> None:
        doc.add("sentences", split_sentences(doc.text), "sentences.v1")

    return run


@register_stage("tokens", 1, requires=("sentences",), adds=("tokens", "words"))
def tokens_stage(options: Options):
    def run(doc: Doc) -> None:
        tokens = []
        for sentence in doc.get("sentences"):
            tokens.extend(tokenize(doc.text, sentence.start, sentence.end))
        doc.add("tokens", tokens, "tokens.v1")
        doc.add("words", build_words(doc), "tokens.v1")  # one word layer, so no stage re-tokenises

    return run

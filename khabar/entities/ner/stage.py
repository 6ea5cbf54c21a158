"""The `ner` pipeline stage: tokens in, typed mentions (PER/ORG/GPE/LOC) out."""
from __future__ import annotations

from typing import Sequence

from ...doc import Doc, Mention, Token
from ...errors import PipelineError
from ...pipeline import Options, register_stage
from .sequences import SENTENCE_END, split_long
from .features import unit_of_token
from .model import MODEL_PATH, NerModel, load, neural_paths

KEPT_TYPES = frozenset({"PER", "ORG", "GPE", "LOC"})  # MISC is internal only
PROCLITICS = frozenset({"conj", "prep", "future"})


def chunks(text: str, tokens: Sequence[Token]) -> list[list[Token]]:
    """Tokens cut into sentence-like runs: after . ! ? ؟ and at line breaks, as in training."""
    out: list[list[Token]] = [[]]
    for k, tok in enumerate(tokens):
        if out[-1] and "\n" in text[tokens[k - 1].end:tok.start]:
            out.append([])
        out[-1].append(tok)
        if text[tok.start:tok.end] in SENTENCE_END:
            out.append([])
    return [piece for c in out if c for piece in split_long(c, key=lambda t: text[t.start:t.end])]


def name_start(text: str, token: Token) -> int:
    """Where a name begins inside its first token: after و ف ب ل ك س, and after the ل of لل."""
    start = token.start
    for part in token.parts:
        if part.role in PROCLITICS or (part.role == "det" and text[part.start:part.end] == "ل"):
            start = part.end
        else:
            break
    return start if start < token.end else token.start


def find_mentions(text: str, tokens: Sequence[Token], model: NerModel | None = None) -> list[Mention]:
    """Mentions of PER, ORG, GPE and LOC over `tokens` of `text`, sorted by start."""
    model = model or load()
    found = []
    pieces = chunks(text, tokens)
    # The whole text is one document: pass 2 sees how a word was tagged in nearby sentences.
    for chunk, mentions in zip(pieces, model.mentions_doc([[unit_of_token(text, t) for t in c] for c in pieces])):
        for m in mentions:
            if m.type in KEPT_TYPES:
                found.append(Mention(name_start(text, chunk[m.start]), chunk[m.end - 1].end, m.type, m.score))
    return sorted(found, key=lambda m: (m.start, m.end))


def _stage(stage_id: str, neural: bool):
    model = load(neural=neural)  # once per pipeline; load() is cached across pipelines too

    def run(doc: Doc) -> None:
        doc.add("mentions", find_mentions(doc.text, doc.get("tokens") or [], model), stage_id)

    return run


@register_stage("ner", 1, requires=("tokens",), adds=("mentions",))
def ner_crf_stage(options: Options):
    """The default: the two-pass CRF, trained on licence-clean inputs only (MODEL_CARD.md)."""
    return _stage("ner.v1", neural=False)


# Not a default since issue 17: the neural pass khabar trained read an encoder pretrained on
# SaudiNewsNet (CC BY-NC-SA), so its weights are no longer shipped. The stage runs when a neural pass
# trained by `khabar train ner --neural` sits beside the model.
@register_stage("ner", 2, requires=("tokens",), adds=("mentions",), default=False)
def ner_stage(options: Options):
    """The CRFs mixed with a neural final pass (`ner.nn.npz` beside the model), when one is installed."""
    if not neural_paths(MODEL_PATH):
        raise PipelineError(f"ner.v2 needs a neural pass beside {MODEL_PATH.name} ({MODEL_PATH.parent}); "
                            "khabar ships none (its training data was non-commercial): train one with "
                            "`khabar train ner FILE --neural 8 --vectors V.npz`, or use ner.v1")
    return _stage("ner.v2", neural=True)

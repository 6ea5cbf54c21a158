"""The word view the quote modules work on: the word layer's tokens with NER mentions marked, and phrase matching."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Sequence

from ..doc import Doc, Mention
from ..text.words import Word, word_layer

# Quotation marks as the normalised view writes them (« » “ ” fold to ").
QUOTE_CHARS = frozenset('«»"“”„‟')
CLAUSE_PUNCT = frozenset("،,؛;")
STOP_PUNCT = frozenset(".!?؟…")


def words_of(doc: Doc) -> list[Word]:
    """Every token of the document as a Word (from the word layer), with the NER and entity mentions marked."""
    layer = word_layer(doc)
    # NER mentions first; the entities layer adds the forms its clusters gathered (a bare ترمب the tagger missed)
    mentions = list(doc.get("mentions") or [])
    for e in doc.get("entities") or []:
        mentions += [Mention(m.start, m.end, e.type) for m in e.mentions]
    return _with_mentions(list(layer.tokens), layer.starts, mentions) if mentions else list(layer.tokens)


def _with_mentions(words: list[Word], starts: Sequence[int], mentions) -> list[Word]:
    """Mark the words of each NER mention, so phrases can take a name the tagger found (نور الدين بدوي)."""
    out = list(words)
    for m in mentions:
        a = max(0, bisect_right(starts, m.start) - 1)
        if out[a].end <= m.start:
            a += 1
        b = bisect_left(starts, m.end)
        if a >= b or any(out[k].ner for k in range(a, b)):
            continue
        for k in range(a, b):
            out[k] = replace(out[k], ner=m.type, ner_start=a, ner_end=b)
    return out


PhraseIndex = dict[str, tuple[tuple[str, ...], ...]]


def index_phrases(phrases) -> PhraseIndex:
    """Phrases by their first word, longest first, so a lookup tries only the few that can match."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        out.setdefault(p[0], []).append(p)
    return {k: tuple(sorted(v, key=covered, reverse=True)) for k, v in out.items()}


def covered(phrase: tuple[str, ...]) -> int:
    """Words a phrase covers: a final lone ل is fused to the next word (وفقا ل), so وفقا لما is tried first."""
    return len(phrase) - (phrase[-1] == "ل")


def match_first(words: list[Word], i: int, index: PhraseIndex) -> int:
    """How many words the longest indexed phrase covers at words[i] (0: none)."""
    for phrase in index.get(words[i].norm, ()):
        n = match_phrase(words, i, phrase)
        if n:
            return n
    return 0


def match_phrase(words: list[Word], i: int, phrase: tuple[str, ...]) -> int:
    """How many words `phrase` covers at words[i] (0: no match).

    A phrase ending in a lone ل (وفقا ل) has it fused to the next word (لوزير); that
    word is not counted, since the source starts inside it.
    """
    fused = phrase[-1] == "ل"
    core = phrase[:-1] if fused else phrase
    for k, part in enumerate(core):
        if i + k >= len(words) or words[i + k].norm != part:
            return 0
    if fused:
        nxt = i + len(core)
        if nxt >= len(words) or not words[nxt].norm.startswith("ل") or len(words[nxt].norm) < 3:
            return 0
    return len(core)

"""The word layer: every token once, with its original and normalised offsets and its clitic parts.

The tokens stage builds it once per document, so no stage re-tokenises or re-normalises, and the
start offsets that stages bisect over are computed once, here, not cached in module globals. It holds
two views of the same text:

- `tokens`: every token (punctuation included) in text order, with its sentence and paragraph; the
  quotes and events stages read these.
- `names`: the letter-and-digit runs of the normalised text, lower-cased; the name matchers (entities,
  relations) read these. They are not the tokens: a run joins letters and digits the tokenizer splits
  (ف2) and splits numbers at their inner punctuation (3.5), which is how KB keys are written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..doc import Doc, Sentence, Token, TokenPart
from .clitics import CONJUNCTIONS, lookup_bases, without_conjunction
from .normalize import normalize

_NAME_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Word:
    """One word: where it stands in the original and the normalised text, its normalised form and parts."""

    i: int  # index in the word list it belongs to
    start: int  # original offsets
    end: int
    nstart: int  # normalised offsets
    nend: int
    norm: str  # normalised text (lower-cased in the name view)
    kind: str  # word | number | latin | punct | symbol, or name in the name view
    parts: tuple[TokenPart, ...] = ()  # the tokenizer's clitic parts, original offsets
    sentence: int = 0
    paragraph: int = 0
    # The NER mention this word is part of, marked by a reader that merges the mention layer (quotes).
    ner: str = ""
    ner_start: int = -1  # the word range [ner_start, ner_end) of that mention
    ner_end: int = -1

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "latin", "number")

    @property
    def is_punct(self) -> bool:
        return self.kind in ("punct", "symbol")

    @property
    def roles(self) -> tuple[str, ...]:
        """The tokenizer's clitic roles (conj, prep, det, stem, pron ...)."""
        return tuple(p.role for p in self.parts)

    @property
    def conj(self) -> bool:
        """The tokenizer split off و/ف (وقال), not a word that starts with it (وزير); True without parts."""
        return not self.parts or self.parts[0].role == "conj"

    @property
    def bare(self) -> str:
        """The word without an attached و/ف the tokenizer split off (only when enough is left to be a word)."""
        return without_conjunction(self.norm) if self.conj else self.norm

    @property
    def bases(self) -> tuple[str, ...]:
        """Look-up forms: the word with و/ف and ب/ل/ك stripped, longest first (punctuation: itself)."""
        return lookup_bases(self.norm) if self.kind == "word" else (self.norm,)

    @property
    def has_conj(self) -> bool:
        """The word starts with و/ف whose removal leaves one of its bases."""
        return len(self.norm) > 2 and self.norm[0] in CONJUNCTIONS and self.norm[1:] in self.bases


@dataclass(frozen=True)
class Words:
    """The word layer of one document: tokens and name words, each with the starts to bisect over."""

    tokens: Sequence[Word]
    names: Sequence[Word]
    starts: Sequence[int]  # original start of each token
    name_starts: Sequence[int]  # normalised start of each name word


def build_words(doc: Doc, tokens: Sequence[Token] | None = None) -> Words:
    """The word layer of `doc` from `tokens` (default: its tokens layer)."""
    toks = token_words(doc, (doc.get("tokens") or []) if tokens is None else tokens, doc.get("sentences") or [])
    names = name_words(doc)
    return Words(toks, names, starts=tuple(w.start for w in toks), name_starts=tuple(w.nstart for w in names))


def word_layer(doc: Doc) -> Words:
    """The document's word layer, built on the spot when no tokens stage added one."""
    return doc.get("words") or build_words(doc)


def token_words(doc: Doc, tokens: Sequence[Token], sentences: Sequence[Sentence]) -> tuple[Word, ...]:
    """Every token as a Word, in text order, with the sentence it starts after and that sentence's paragraph."""
    view = doc.normalized
    out: list[Word] = []
    si = 0
    for tok in tokens:
        while si + 1 < len(sentences) and tok.start >= sentences[si].end:
            si += 1
        para = sentences[si].paragraph if sentences else 0
        nstart, nend = view.from_original(tok.start, tok.end)
        out.append(Word(len(out), tok.start, tok.end, nstart, nend, normalize(doc.text[tok.start:tok.end]),
                        tok.kind, tok.parts, si, para))
    return tuple(out)


def name_words(doc: Doc) -> tuple[Word, ...]:
    """The letter-and-digit runs of the normalised text, lower-cased, with their original spans."""
    view = doc.normalized
    out = []
    for m in _NAME_WORD.finditer(view.text):
        span = view.to_original(m.start(), m.end())
        out.append(Word(len(out), span.start, span.end, m.start(), m.end(), m.group().lower(), "name"))
    return tuple(out)

"""Whether the clause around a time expression looks forward (سيزور ... الأحد).

The clue is a future verb (the prefix سـ split off by the tokeniser, or a cue
word such as سوف or المقرر) between the expression and the start of its
clause; it picks the next weekday or month instead of the previous one.
Only the few words before an expression are tokenised and read, and only when
its value depends on the tense, so the stage needs no tokens layer.
"""
from __future__ import annotations

from bisect import bisect_right

from ..doc import Doc, Token
from ..text.normalize import normalize
from ..text.tokens import tokenize
from .lexicon import TimeLexicon

_LOOKBACK_TOKENS = 10  # a clause's verb is rarely further back than this
_LOOKBACK_CHARS = 400  # room for that many tokens, however long the words
_STOPS = frozenset(".!?؟:;؛\n")


class TenseReader:
    """Reads the tense before an offset of one document, from its sentences and the words before it."""

    def __init__(self, doc: Doc, lx: TimeLexicon):
        self.doc, self.lx = doc, lx
        self.sentence_starts = [s.start for s in doc.get("sentences") or []]

    def _tokens_before(self, start: int) -> list[Token]:
        """Tokens of the sentence holding `start`, from at most _LOOKBACK_CHARS before it up to it."""
        k = bisect_right(self.sentence_starts, start) - 1
        sentence_start = self.sentence_starts[k] if k >= 0 else 0
        begin = max(sentence_start, start - _LOOKBACK_CHARS)
        if begin > sentence_start:  # begin on a word boundary, as the sentence's own tokens do
            space = self.doc.text.find(" ", begin, start)
            begin = space + 1 if space >= 0 else start
        return tokenize(self.doc.text, begin, start)

    def _is_future(self, token: Token) -> bool:
        if any(part.role == "future" for part in token.parts):
            return True
        word = normalize(self.doc.text[token.start:token.end])
        cues = self.lx.future_cues
        return word in cues or (word[:1] in "وف" and word[1:] in cues)

    def _is_stop(self, token: Token) -> bool:
        text = self.doc.text[token.start:token.end]
        return text in _STOPS or text in self.lx.clause_openers

    def looks_forward(self, start: int) -> bool:
        """Whether a future clue stands before `start` (an original offset) in its clause."""
        for token in reversed(self._tokens_before(start)[-_LOOKBACK_TOKENS:]):
            if self._is_stop(token):
                return False
            if self._is_future(token):
                return True
        return False

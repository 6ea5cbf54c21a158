"""Whether the clause around a time expression looks forward (سيزور ... الأحد).

The clue is a future verb (the prefix سـ split off by the tokeniser, or a cue
word such as سوف or المقرر) between the expression and the start of its
clause; it picks the next weekday or month instead of the previous one.
Only the few tokens before an expression are read, and only when its value
depends on the tense.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..model import Doc, Token
from ..text.normalize import normalize
from .lexicon import TimeLexicon

_LOOKBACK_TOKENS = 10  # a clause's verb is rarely further back than this
_STOPS = frozenset(".!?؟:;؛\n")


class TenseReader:
    """Reads the tense before an offset of one document, from its tokens and sentences."""

    def __init__(self, doc: Doc, lx: TimeLexicon):
        self.doc, self.lx = doc, lx
        self.tokens: list[Token] = doc.get("tokens") or []
        self.starts = [t.start for t in self.tokens]
        self.sentence_starts = [s.start for s in doc.get("sentences") or []]

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
        sentence = bisect_right(self.sentence_starts, start)
        first = bisect_left(self.starts, start) - 1
        for j in range(first, max(-1, first - _LOOKBACK_TOKENS), -1):
            token = self.tokens[j]
            if bisect_right(self.sentence_starts, token.start) != sentence or self._is_stop(token):
                return False
            if self._is_future(token):
                return True
        return False

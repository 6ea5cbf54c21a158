"""Channels: where a statement was made (تغريدة، مؤتمر صحفي، بيان ...), from the words around its cue."""
from __future__ import annotations

from ..doc import Quote
from ..text.words import Word
from .detect import sentence_bounds
from .lexicon import QuoteLexicon
from .words import match_phrase


def channel_in(words: list[Word], start: int, end: int, skip: tuple[int, int], lex: QuoteLexicon) -> str | None:
    """The first channel label named in words [start, end), outside the character span `skip` (the content)."""
    best: tuple[int, str] | None = None
    for k in range(start, end):
        if skip[0] <= words[k].start < skip[1]:
            continue
        for rank, label, phrase in lex.channel_index.get(words[k].norm, ()):
            if (best is None or rank < best[0]) and match_phrase(words, k, phrase):
                best = (rank, label)
    return best[1] if best else None


def assign_channels(quotes: list[Quote], words: list[Word], lex: QuoteLexicon) -> None:
    """Set each quote's channel from its sentence, else carry it from the same speaker's previous quote."""
    starts = [w.start for w in words]
    previous: Quote | None = None
    for q in quotes:
        if q.channel is None and q.cue is not None:
            i = _word_at(starts, q.cue.start)
            s, e = sentence_bounds(words, i)
            q.channel = channel_in(words, s, e, (q.start, q.end), lex)
            if q.channel is None and previous is not None and _same(previous, q):
                q.channel = previous.channel
        previous = q


def _same(a: Quote, b: Quote) -> bool:
    return a.speaker is not None and b.speaker is not None and a.speaker.name == b.speaker.name


def _word_at(starts: list[int], pos: int) -> int:
    from bisect import bisect_right

    return max(0, bisect_right(starts, pos) - 1)

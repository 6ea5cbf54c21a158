"""String-level clitic strippers: the look-up variants of one normalised word.

The tokenizer (tokens.py) splits clitics only where its lexicon believes the split; the stages that look
words up in a table instead try every plausible stripped form. Each variant below is documented by what it
strips; they differ on purpose (a name keeps two letters, an event base three), and outputs depend on it.
"""
from __future__ import annotations

from functools import lru_cache

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"


@lru_cache(maxsize=200_000)
def name_variants(token: str) -> tuple[tuple[int, str], ...]:
    """(prefix length, rest) for a name token and the same token without attached و ف ب ل ك (cached: words repeat).

    A conjunction, then a preposition, may stand before a name; two letters must remain. The fused لل
    (للأمم) gives the key الأمم while the span keeps the لل.
    """
    out = [(0, token)]
    for conj in ("",) + CONJUNCTIONS:
        if conj and not token.startswith(conj):
            continue
        rest = token[len(conj):]
        if conj and len(rest) >= 2:
            out.append((len(conj), rest))
        if rest.startswith("لل") and len(rest) > 3:
            out.append((len(conj), ARTICLE + rest[2:]))
        for prep in PREPOSITIONS:
            if rest.startswith(prep) and len(rest) - 1 >= 2:
                out.append((len(conj) + 1, rest[1:]))
    return tuple(out)


@lru_cache(maxsize=200_000)
def lookup_bases(norm: str) -> tuple[str, ...]:
    """The word, then without a leading و/ف and/or ب/ل/ك (و+ب+الجيش -> الجيش), stripped only from four letters up.

    The event lexicons are looked up with these (cached: news repeats its words).
    """
    stems = [norm]
    if len(norm) > 3 and norm[0] in CONJUNCTIONS:
        stems.append(norm[1:])
    for s in list(stems):
        if len(s) > 3 and s.startswith("لل"):
            stems.append(ARTICLE + s[2:])
        elif len(s) > 3 and s[0] in PREPOSITIONS:
            stems.append(s[1:])
    return tuple(dict.fromkeys([norm, *stems]))


def without_conjunction(norm: str) -> str:
    """The word without a leading و/ف when three letters remain, for callers that know one is there."""
    if norm[:1] in CONJUNCTIONS and len(norm) > 3:
        return norm[1:]
    return norm

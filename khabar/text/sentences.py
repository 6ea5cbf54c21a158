"""Sentence splitting that respects quotation marks, paragraphs and numbers.

A newline ends a paragraph and always ends a sentence. Inside a paragraph a
sentence ends at a terminator (. ! ? ؟ …) that is outside every balanced pair
of quote marks, is not inside a number (3.5, 12/3/2026) and does not close an
abbreviation. An unbalanced quote mark is ignored, so a missing closing mark
never swallows the rest of the paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Sentence
from ..resources import load_yaml

SCHEMA = {
    "type": "object",
    "required": ["terminators", "quote_pairs", "trailing", "abbreviations"],
    "properties": {
        "terminators": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 1}},
        "quote_pairs": {"type": "object", "additionalProperties": {"type": "string", "minLength": 1, "maxLength": 1}},
        "trailing": {"type": "array", "items": {"type": "string"}},
        "abbreviations": {"type": "array", "items": {"type": "string"}},
    },
}
_PARAGRAPH = re.compile(r"[^\n\r\u2028\u2029]+")
_WORD_BEFORE = re.compile(r"([\w\u0640.]+)$")


@dataclass(frozen=True)
class SentenceRules:
    terminators: frozenset[str]
    openers: dict[str, str]
    closers: frozenset[str]
    trailing: frozenset[str]
    abbreviations: frozenset[str]
    # The loops jump from one mark to the next: most characters are neither.
    quote_marks: re.Pattern
    terminator_marks: re.Pattern


@lru_cache(maxsize=1)
def sentence_rules() -> SentenceRules:
    data = load_yaml("text/sentences.yaml", SCHEMA)
    pairs = data["quote_pairs"]
    return SentenceRules(frozenset(data["terminators"]), dict(pairs), frozenset(pairs.values()),
                         frozenset(data["trailing"]), frozenset(data["abbreviations"]),
                         _char_class({*pairs, *pairs.values()}), _char_class(data["terminators"]))


def _char_class(chars) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def quoted_regions(text: str, start: int, end: int, rules: SentenceRules | None = None) -> list[tuple[int, int]]:
    """Balanced quotation regions [open, close] (inclusive offsets) in text[start:end]."""
    rules = rules or sentence_rules()
    regions, stack = [], []
    for m in rules.quote_marks.finditer(text, start, end):
        i, ch = m.start(), m.group()
        if stack and ch == rules.openers[text[stack[-1]]]:
            regions.append((stack.pop(), i))
        elif ch in rules.openers and not (ch == '"' and any(text[j] == '"' for j in stack)):
            stack.append(i)
        elif ch in rules.closers:
            # A closer that matches an outer opener closes it and whatever is open inside.
            for depth in range(len(stack) - 1, -1, -1):
                if rules.openers[text[stack[depth]]] == ch:
                    regions.append((stack[depth], i))
                    del stack[depth:]
                    break
    return sorted(regions)


def _inside(pos: int, regions: list[tuple[int, int]]) -> tuple[int, int] | None:
    for a, b in regions:
        if a < pos < b:
            return a, b
    return None


def _is_abbreviation_or_number(text: str, i: int, rules: SentenceRules) -> bool:
    """A full stop inside a number, a URL, an initialism or after a listed abbreviation."""
    if text[i] != ".":
        return False
    before, after = text[i - 1:i], text[i + 1:i + 2]
    if before.isdigit() and after.isdigit():
        return True
    if after and not after.isspace() and after not in rules.trailing and after not in rules.terminators:
        return True  # أ.ف.ب, www.example.com
    m = _WORD_BEFORE.search(text, max(0, i - 24), i)
    return bool(m) and m.group(1).split(".")[-1] in rules.abbreviations


def _end_of(text: str, i: int, end: int, rules: SentenceRules) -> int:
    """The end of a sentence whose terminator is at i: past repeated terminators and closing marks."""
    j = i + 1
    while j < end and (text[j] in rules.terminators or text[j] in rules.trailing):
        j += 1
    return j


def _breaks(text: str, start: int, end: int, rules: SentenceRules) -> list[int]:
    regions = quoted_regions(text, start, end, rules)
    breaks, pos = [], start
    while (m := rules.terminator_marks.search(text, pos, end)) is not None:
        i = m.start()
        pos = i + 1
        if _is_abbreviation_or_number(text, i, rules):
            continue
        region = _inside(i, regions)
        if region is None:
            pos = _end_of(text, i, end, rules)
            breaks.append(pos)
            continue
        # A quote that ends with its own full stop (...الأسواق.») ends the sentence too.
        close = region[1]
        if text[i + 1:close].strip() == "" and (close + 1 >= end or text[close + 1].isspace()):
            if _inside(close, regions) is None:
                pos = _end_of(text, close, end, rules)
                breaks.append(pos)
    return breaks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, as spans, each inside one paragraph."""
    rules = sentence_rules()
    out = []
    for paragraph, m in enumerate(_PARAGRAPH.finditer(text)):
        begin = m.start()
        for brk in _breaks(text, m.start(), m.end(), rules) + [m.end()]:
            s, e = _trim(text, begin, brk)
            if e > s:
                out.append(Sentence(s, e, paragraph))
            begin = brk
    return out

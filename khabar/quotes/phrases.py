"""Speaker phrases: a person, organisation, place or unnamed source read off the words.

Each word is given a class from the lexicons (title, unnamed-source noun,
organisation head, place, name) and a phrase is grown from its head by the
rules of its class: a title takes its description and then the name that
follows (وزير الخارجية الروسي سيرغي لافروف), an organisation head its
definite complements (وزارة الصحة الفلسطينية), a name its run of name words.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import read_lines
from ..text.clitics import clitic_rules
from ..text.words import Word
from .lexicon import QuoteLexicon
from .words import QUOTE_CHARS as QUOTE_MARKS, match_first

MAX_DESCRIPTION = 7
MAX_NAME = 5
COMMON_NOUN = 1000  # corpus count above which a word in ة is a noun, not a name
# A word seen this often in the news is a word, not an unlisted first name (وقف حماقي: "Hamaki stood").
COMMON_WORD = 1000
RARE_SURNAME = 100  # corpus count below which a definite word after a name is a surname (الفيصل)
NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان")


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase over words [start, end); the name (or description) is words [head, stop)."""

    start: int
    end: int
    head: int
    stop: int
    type: str  # PER | ORG | GPE | UNNAMED
    named: bool  # False for a title without a name or an unnamed description


@dataclass(frozen=True)
class WordClasses:
    """What the lexicons and name lists say about words, in normalised spelling."""

    lex: QuoteLexicon
    names: frozenset[str]
    places: frozenset[str]
    places2: frozenset[tuple[str, str]]
    counts: dict
    # classify depends only on a word's spelling and kind; news repeats words, so each is classified once
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    def keys(self, w: Word) -> tuple[str, ...]:
        """The forms to look a word up under: as written, without و/ف, ال, or a fused ب/ل."""
        k = w.bare
        out = [w.norm, k]
        if k.startswith(("بال", "لل")) and len(k) > 4:
            out.append("ال" + k[2:] if k.startswith("لل") else k[1:])
        elif k[:1] in ("ب", "ل") and len(k) > 3:
            out.append(k[1:])
        out += [x[2:] for x in list(out) if x.startswith("ال") and len(x) > 4]
        return tuple(out)

    def in_set(self, w: Word, words: frozenset[str]) -> bool:
        return any(k in words or "ال" + k in words for k in self.keys(w))

    def classify(self, w: Word) -> str:
        """title | unnamed | orghead | place | name | other | punct."""
        key = (w.norm, w.kind)
        cls = self._memo.get(key)
        if cls is None:
            cls = self._memo[key] = self._classify(w)
        return cls

    def _classify(self, w: Word) -> str:
        if not w.is_word:
            return "punct"
        if w.norm in self.lex.not_names or w.bare in self.lex.not_names or w.norm in self.lex.forms:
            return "other"
        if self.in_set(w, self.lex.titles):
            return "title"
        if self.in_set(w, self.lex.unnamed):
            return "unnamed"
        if self.in_set(w, self.lex.org_heads) or any(k in self.lex.single_orgs for k in self.keys(w)):
            return "orghead"
        if w.bare in self.places:
            return "place"
        return "name" if self.is_name(w) else "other"

    def is_name(self, w: Word) -> bool:
        """A word of a person's name: a listed name, or a word the corpus lexicon has never seen."""
        k = w.bare
        if w.norm in self.lex.name_starts or k in self.lex.name_starts or w.kind == "latin":
            return True
        if w.kind != "word" or len(k) < 3 or self.conj_on_word(w):
            return False
        if k.startswith("ال") and k.endswith("يه"):
            return False  # a feminine adjective (الفرنسية), though name lists hold some
        if k.endswith("ه") and self.counts.get(k, 0) > COMMON_NOUN:
            return False  # a common feminine noun (منطقة), though name lists hold it
        if w.norm in self.names or k in self.names:
            return True
        return self.counts.get(k, 0) == 0 and self.counts.get(w.norm, 0) == 0

    def conj_on_word(self, w: Word) -> bool:
        """و/ف on a known word (وحل), unless the whole is a listed name (فلاديمير)."""
        n = w.norm
        return n[:1] in ("و", "ف") and n not in self.names and self.counts.get(n[1:], 0) > 0


@lru_cache(maxsize=4)
def word_classes(lex: QuoteLexicon) -> WordClasses:
    """Word classes from the lexicons, the shared name list and the place gazetteer."""
    rules = clitic_rules()
    places = _places()
    return WordClasses(lex, rules.names, frozenset(p for p in places if " " not in p),
                       frozenset(tuple(p.split()) for p in places if p.count(" ") == 1), rules.lexicon)


def _places() -> frozenset[str]:
    """Countries and capitals, which speak as governments (قالت موسكو); empty when the gazetteer is absent."""
    try:
        lines = read_lines("ner/gazetteer.tsv.gz")
    except Exception:  # the NER engineer's resource; the stage must work without it
        return frozenset()
    out = set()
    for line in lines:
        form, _, tag = line.partition("\t")
        if (tag in ("COUNTRY", "CAPITAL") and " " not in form) or (tag == "CITY" and form.count(" ") == 1):
            out.add(form)
    return frozenset(out)


def is_adjunct(words: list[Word], i: int, lex: QuoteLexicon) -> int:
    """How many words an adjunct opener covers at i (في، للصحفيين، أمس), 0 if none."""
    return match_first(words, i, lex.adjunct_index)


def _is_stop(words: list[Word], i: int, limit: int, wc: WordClasses) -> bool:
    if i >= limit or not words[i].is_word:
        return True
    w = words[i]
    if w.norm in wc.lex.name_starts and i + 1 < limit and wc.is_name(words[i + 1]):
        return False  # علي أكبر صالحي: a name, not the preposition على
    return w.norm in wc.lex.forms or is_adjunct(words, i, wc.lex) > 0 or (w.norm,) in wc.lex.complementizers


def _name_run(words: list[Word], i: int, limit: int, wc: WordClasses) -> int:
    """The end of the run of name words starting at i (i itself when there is none)."""
    j = i
    while j < limit and j - i < MAX_NAME:
        if words[j].norm == "#" and j + 1 < limit and j > i:
            j += 1  # دونالد #ترمب: a hashtag inside a name
            continue
        if _is_stop(words, j, limit, wc):
            break
        cls = wc.classify(words[j])
        if j > i and words[j].bare.startswith("ال"):
            if words[j].bare not in wc.names and wc.counts.get(words[j].bare, 0) >= RARE_SURNAME:
                break  # an adjective after the name (قهوجي العسكريين), not a surname (الفيصل)
        elif cls != "name" and not (j == i and _name_follows(words, j, limit, wc)):
            break
        if j > i and words[j].norm != words[j].bare and words[j].norm.startswith("و"):
            break  # وفولوديمير: a second, coordinated name
        j += 1
    while j > i and not words[j - 1].is_word:
        j -= 1
    # a run made only of connectors (لو، دي) is no name
    if all(words[k].bare in wc.lex.name_starts for k in range(i, j)):
        return i
    return j


def _complements(words: list[Word], i: int, limit: int, wc: WordClasses, indefinite_ok: bool) -> int:
    """The end of a head's definite complements and adjectives (الصحة الفلسطينية، باسم الحكومة)."""
    j = i
    while j < limit and j - i < MAX_DESCRIPTION and not _is_stop(words, j, limit, wc):
        k = words[j].bare
        keys = wc.keys(words[j])
        definite = any(x.startswith("ال") for x in keys) or k.startswith(("بال", "لل"))
        nisba = k.endswith(NISBA_ENDINGS) and len(k) > 4
        # a construct (رئاسة أركان الجيش) only after an indefinite head: الشركة رفضها المشروع is head + object
        construct = (indefinite_ok and j == i and j + 1 < limit and words[j + 1].bare.startswith("ال")
                     and not any(x.startswith("ال") for x in wc.keys(words[i - 1])))
        if definite or k in wc.lex.modifiers or (indefinite_ok and nisba) or construct:
            j += 1
        else:
            break
    return j


def _org_at(words: list[Word], i: int, wc: WordClasses) -> int:
    """The length of a listed organisation name starting at word i (0 for none, or past the end)."""
    if i >= len(words):
        return 0
    for org in wc.lex.org_index.get(words[i].bare, ()):
        if all(i + k < len(words) and (words[i + k].norm if k else words[i].bare) == part for k, part in enumerate(org)):
            return len(org)
    return 0


def parse_phrase(words: list[Word], i: int, limit: int, wc: WordClasses) -> Phrase | None:
    """The speaker phrase that starts at word i and ends before `limit`, or None."""
    if i >= limit or _is_stop(words, i, limit, wc):
        return None
    if words[i].bare in wc.lex.quantifiers:
        ph = parse_phrase(words, i + 1, limit, wc)
        return Phrase(i, ph.end, i, ph.stop, ph.type, ph.named) if ph else None
    if i + 1 < limit and (words[i].bare, words[i + 1].norm) in wc.places2:
        return Phrase(i, i + 2, i, i + 2, "GPE", True)
    n = _org_at(words, i, wc)
    if n:
        end = _complements(words, i + n, limit, wc, False)
        return Phrase(i, end, i, end, "ORG", True)
    cls = wc.classify(words[i])
    if cls == "title":
        return _title_phrase(words, i, limit, wc)
    if cls not in ("unnamed", "orghead") and _mention_start(words[i], "PER"):
        end = min(words[i].ner_end, limit)  # a name the tagger found, though no list holds it
        return Phrase(i, end, i, end, "PER", True)
    if cls == "unnamed":
        end = _complements(words, i + 1, limit, wc, True)
        return Phrase(i, end, i, end, "UNNAMED", False)
    if cls == "orghead":
        end = _complements(words, i + 1, limit, wc, True)
        if end == i + 1:
            close = quoted_name(words, end, limit)
            if close:  # منظمة «رينبو فور أفريكا»: the name is the quoted words
                return Phrase(i, close + 1, end + 1, close, "ORG", True)
            # وكالة رويترز: a head and a name
            org = _org_at(words, end, wc) if end < limit else 0
            end = end + org if org else _name_run(words, end, limit, wc)
            end = max(end, _tagged_run(words, i + 1, limit))  # نادي باريس سان جرمان: names the tagger found
        return Phrase(i, end, i, end, "ORG", True)
    if cls == "place":
        return Phrase(i, i + 1, i, i + 1, "GPE", True)
    if cls == "name" or _name_follows(words, i, limit, wc):
        end = _name_run(words, i, limit, wc)
        if end > i:
            return Phrase(i, end, i, end, "PER", True)
    return None


def _title_phrase(words: list[Word], i: int, limit: int, wc: WordClasses) -> Phrase:
    """A title, its description, and the name after it when there is one."""
    j, steps = i + 1, 1
    while j < limit and steps < MAX_DESCRIPTION:
        steps += 1
        if words[j].norm in IN_TITLE and j + 2 < limit:
            j += 2  # السفير الأميركي في بيروت ديفيد هيل
            continue
        close = quoted_name(words, j, limit)
        if close:  # رئيسة بعثة منظمة «أطباء بلا حدود» ... ماري إليزابيث أنغر
            j = close + 1
            continue
        if _is_stop(words, j, limit, wc):
            break
        if _mention_start(words[j], "PER"):
            end = min(words[j].ner_end, limit)
            return Phrase(i, end, j, end, "PER", True)
        if (wc.classify(words[j]) == "name" or _name_follows(words, j, limit, wc)) and not _construct(words, j, limit, wc) \
                and not _adjective(words, j, wc) and not _mention_soon(words, j, limit):
            end = _name_run(words, j, limit, wc)
            if end > j:
                return Phrase(i, end, j, end, "PER", True)
        j += 1
    m = mention_in_reach(words, i + 1, limit, wc, TITLE_REACH)
    if m is not None:
        end = min(words[m].ner_end, limit)
        return Phrase(i, end, m, end, "PER", True)
    # the description stops at the first word that is neither definite nor a modifier
    end = _complements(words, i + 1, limit, wc, True)
    return Phrase(i, end, i, end, "UNNAMED", False)


def mention_in_reach(words: list[Word], j: int, limit: int, wc: WordClasses, reach: int,
                     definite_only: bool = False) -> int | None:
    """Where a tagged person's name starts after a long description (وزيرة الخارجية الأميركية السابقة
    المرشحة لانتخابات الحزب الديمقراطي هيلاري كلينتون); None when a clause boundary comes first."""
    k = j
    while k < limit and k - j < reach:
        w = words[k]
        if _mention_start(w, "PER"):
            return k
        close = quoted_name(words, k, limit)
        if close:
            k = close + 1
            continue
        if not w.is_word or w.norm in wc.lex.forms or (w.norm,) in wc.lex.complementizers \
                or w.norm in NOT_IN_DESCRIPTION or (definite_only and not w.bare.startswith("ال")):
            return None
        k += 1
    return None



IN_TITLE = frozenset({"في", "لدي"})  # a place inside a title: السفير الأميركي في بيروت
TITLE_REACH = 14  # words a tagged name may stand after its title
NOT_IN_DESCRIPTION = frozenset({"مع", "عن", "الي", "على", "بين"})  # a description ends at these: the name after is another person
QUOTED_NAME = 4  # words of a name in quotation marks inside a description (منظمة «أطباء بلا حدود»)
MENTION_AHEAD = 3  # words within which a tagged name makes an untagged word before it a description word


def _mention_start(w: Word, type_: str) -> bool:
    """Whether an NER mention of this type starts at word w."""
    return w.ner == type_ and w.ner_start == w.i


def _tagged_run(words: list[Word], i: int, limit: int) -> int:
    """The end of the run of tagged words (of any type) from i, at most MAX_NAME words."""
    j = i
    while j < limit and j - i < MAX_NAME and words[j].ner:
        j = min(words[j].ner_end, limit)
    return j


def _mention_soon(words: list[Word], j: int, limit: int) -> bool:
    """An untagged word with a tagged person's name right after it is part of the description (الجزائري نور الدين بدوي)."""
    if words[j].ner:
        return False
    return any(_mention_start(words[k], "PER") for k in range(j + 1, min(j + 1 + MENTION_AHEAD, limit)))


def quoted_name(words: list[Word], i: int, limit: int) -> int:
    """The index of the closing mark when words[i] opens a short quoted name, else 0."""
    if i >= limit or words[i].norm not in QUOTE_MARKS:
        return 0
    for k in range(i + 1, min(i + 2 + QUOTED_NAME, limit)):
        if words[k].norm in QUOTE_MARKS:
            return k if k > i + 1 and all(words[x].is_word for x in range(i + 1, k)) else 0
    return 0


def _construct(words: list[Word], j: int, limit: int, wc: WordClasses) -> bool:
    """A noun governing a definite word (هيئة أركان القوات) is part of a title, not a name."""
    nxt = words[j + 1] if j + 1 < limit else None
    return nxt is not None and nxt.bare.startswith("ال") and nxt.bare not in wc.names and not words[j].bare.startswith("ال")


def _adjective(words: list[Word], j: int, wc: WordClasses) -> bool:
    """A definite nisba adjective (الجزائري) right after a title's words is no name."""
    k = words[j].bare
    if not (k.startswith("ال") and k.endswith("ي")):
        return False
    # a common nisba (الجزائري) is an adjective even before an unlisted first name (نور الدين بدوي)
    return wc.counts.get(k, 0) >= RARE_SURNAME or (j + 1 < len(words) and wc.classify(words[j + 1]) == "name")


def _name_follows(words: list[Word], j: int, limit: int, wc: WordClasses) -> bool:
    """An unlisted first name before a listed one (جان قهوجي)."""
    w = words[j]
    return (w.kind == "word" and not wc.conj_on_word(w) and not w.bare.startswith("ال") and wc.classify(w) == "other"
            and w.norm not in wc.lex.auxiliaries and wc.counts.get(w.bare, 0) < COMMON_WORD
            and j + 1 < limit and not _is_stop(words, j + 1, limit, wc) and wc.classify(words[j + 1]) == "name")

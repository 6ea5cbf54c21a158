"""CRF features for Arabic NER: clitic-stripped forms, affixes, shape, gazetteers, triggers, clusters.

A unit is one token as a (text, kind, parts) triple, where `parts` are
(start, end, role) offsets into the token text. Word-level features are cached
by token text, which makes tagging fast: news text repeats its words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np

from ...resources import DATA_ROOT, WORD_CACHE, load_yaml, read_lines
from ...text.normalize import _DROP, _FOLD
from ...text.tokens import tokenize

FEATURE_VERSION = 2  # 2: knowledge-base aliases as gazetteer entries; document features for pass 2
Unit = tuple[str, str, tuple[tuple[int, int, str], ...]]

LEXICON_SCHEMA = {
    "type": "object",
    "required": ["entries"],
    "properties": {"entries": {"type": "object", "additionalProperties": {
        "type": "array", "items": {"type": "string", "minLength": 1}}}},
}


@lru_cache(maxsize=1)
def norm_table() -> dict[int, str | None]:
    """A str.translate table with khabar's normalisation of single characters (fast path)."""
    table: dict[int, str | None] = {ord(c): None for c in _DROP}
    table.update({ord(k): v for k, v in _FOLD.items()})
    return table


def norm(text: str) -> str:
    return text.translate(norm_table())


@dataclass(frozen=True)
class FeatureOptions:
    """How the features are computed: the one options object, given to the model and the trainer."""

    # Per-stem label shares from auto-tagged news; off for the first-pass model that tags that news
    # (scripts/build_ner_autotags.py), which must not see features made from its own output.
    autotags: bool = True


DEFAULT_FEATURES = FeatureOptions()


@dataclass(frozen=True)
class Resources:
    """Everything the features look up, loaded once from khabar/data/ner/."""

    gazetteer: dict[str, str]  # single normalised word -> type tag(s), "|" joined
    phrases: dict[tuple[str, ...], str]  # multi-word entries (first word keyed by the tuple)
    phrase_starts: dict[str, int]  # first word of a multi-word entry -> the longest entry it starts
    triggers: dict[str, str]  # normalised word -> trigger class
    clusters: dict[str, tuple[str, str]]
    lexicon: dict[str, int]
    autotags: dict[str, tuple[str, ...]]  # stem -> self-training features from auto-tagged news


def _strip_det(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def _add(table: dict, key, tag: str) -> None:
    old = table.get(key)
    if old is None:
        table[key] = tag
    elif tag not in old.split("|"):
        table[key] = old + "|" + tag


def _read_gazetteer(name: str, gaz: dict, phrases: dict) -> None:
    """Add a `form<TAB>tag` list: one-word forms to `gaz`, longer ones to `phrases`."""
    for line in read_lines(name):
        form, tag = line.split("\t")[:2]
        words = tuple(form.split())
        if len(words) == 1:
            _add(gaz, words[0], tag)
        else:
            _add(phrases, words, tag)


@lru_cache(maxsize=2)
def resources(options: FeatureOptions = DEFAULT_FEATURES) -> Resources:
    """Gazetteers, trigger lexicons and clusters shipped with the model (autotags as `options` say)."""
    gaz: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    _read_gazetteer("ner/gazetteer.tsv.gz", gaz, phrases)
    triggers: dict[str, str] = {}
    for name in ("titles", "org_heads", "loc_heads"):
        data = load_yaml(f"ner/{name}.yaml", LEXICON_SCHEMA)
        for cls, words in data["entries"].items():
            for w in words:
                key = tuple(norm(w).split())
                if len(key) == 1:
                    _add(triggers, key[0], cls)
                else:
                    _add(phrases, key, cls)
    _read_gazetteer("ner/kb_names.tsv.gz", gaz, phrases)  # KB_PER/ORG/GPE/LOC: the knowledge base's aliases
    clusters = {}
    for line in read_lines("ner/clusters.tsv.gz"):
        w, fine, coarse = line.split("\t")
        clusters[w] = (fine, coarse)
    lexicon = {}
    for line in read_lines("text/lexicon.tsv.gz"):
        w, _, n = line.partition("\t")
        lexicon[w] = int(n)
    return Resources(gaz, phrases, _phrase_starts(phrases), triggers, clusters, lexicon, _autotags(options.autotags))


def _phrase_starts(phrases: dict[tuple[str, ...], str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for key in phrases:
        out[key[0]] = max(out.get(key[0], 0), len(key))
    return out


def _autotags(wanted: bool) -> dict[str, tuple[str, ...]]:
    """Per-stem label shares from auto-tagged ANT news, when wanted and shipped."""
    if not wanted or not (DATA_ROOT / "ner" / "autotags.tsv.gz").exists():
        return {}
    out = {}
    for line in read_lines("ner/autotags.tsv.gz"):
        stem, feats = line.split("\t")
        out[stem] = tuple(feats.split(","))
    return out


_LATIN = re.compile(r"[A-Za-z]")


def _shape(text: str, kind: str) -> str:
    if kind != "word":
        if kind == "latin":
            return "Lu" if text[:1].isupper() else "l"
        return "d" if kind == "number" else kind
    return "w"


def _freq_bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n < 10 else "2" if n < 100 else "3" if n < 1000 else "4" if n < 10000 else "5"


def _lookup(table: dict, *forms: str) -> str | None:
    for f in forms:
        hit = table.get(f)
        if hit:
            return hit
    return None


def split_parts(text: str, kind: str, parts: tuple[tuple[int, int, str], ...]) -> tuple[str, str, str]:
    """(proclitics, stem, enclitic) of a token, all normalised."""
    if kind != "word" or not parts:
        return "", norm(text), ""
    pre, stem, suf = [], "", ""
    for s, e, role in parts:
        piece = norm(text[s:e])
        if role == "stem":
            stem = piece
        elif role == "pron":
            suf = piece
        else:
            pre.append(role if role != "det" else "ال")
    return "+".join(pre), stem or norm(text), suf


@lru_cache(maxsize=WORD_CACHE)
def word_features(text: str, kind: str, parts: tuple[tuple[int, int, str], ...],
                  options: FeatureOptions = DEFAULT_FEATURES) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(features of the token itself, features it lends to its neighbours)."""
    r = resources(options)
    w = norm(text)
    pre, stem, suf = split_parts(text, kind, parts)
    bare = _strip_det(stem)
    fine, coarse = r.clusters.get(w) or r.clusters.get(stem) or ("-", "-")
    sfine, _ = r.clusters.get(stem) or r.clusters.get(bare) or ("-", "-")
    gaz = _lookup(r.gazetteer, w, stem, bare)
    trig = _lookup(r.triggers, w, stem, bare)
    freq = _freq_bucket(r.lexicon.get(stem, 0))
    own = [
        "b", "w=" + w, "s=" + stem, "pre=" + pre, "suf=" + suf, "sh=" + _shape(text, kind),
        "c=" + fine, "cc=" + coarse, "sc=" + sfine, "fq=" + freq,
        "len=" + str(min(len(stem), 8)),
    ]
    if kind == "word":
        for k in (1, 2, 3):
            own.append(f"p{k}={bare[:k]}")
            own.append(f"x{k}={bare[-k:]}")
        own.append("x4=" + bare[-4:])
        if bare.endswith(("ي", "يه", "يون", "يين", "يات")):
            own.append("nisba")
    elif kind == "latin" and _LATIN.search(text):
        own.append("latin")
    if gaz:
        own.extend("g=" + g for g in gaz.split("|"))
        own.append("g:" + gaz + ":fq" + freq)
    if trig:
        own.extend("t=" + t for t in trig.split("|"))
    auto = r.autotags.get(stem, ())
    own.extend("a=" + a for a in auto)
    ctx = ["w=" + stem, "c=" + fine, "cc=" + coarse, "sh=" + _shape(text, kind)]
    if pre:
        ctx.append("pre=" + pre)
    if gaz:
        ctx.extend("g=" + g for g in gaz.split("|"))
    if trig:
        ctx.extend("t=" + t for t in trig.split("|"))
    ctx.extend("a=" + a for a in auto)
    return tuple(own), tuple(ctx)


def phrase_tags(stems: Sequence[str], options: FeatureOptions = DEFAULT_FEATURES) -> list[list[str]]:
    """B-/I- tags of multi-word gazetteer and trigger entries matched greedily, longest first."""
    r = resources(options)
    out: list[list[str]] = [[] for _ in stems]
    i, n = 0, len(stems)
    starts = r.phrase_starts
    while i < n:
        step = 1
        # only lengths some entry starting with this word (or it without ال) has can match
        longest = max(starts.get(stems[i], 0), starts.get(_strip_det(stems[i]), 0))
        for k in range(min(longest, n - i), 1, -1):
            key = tuple(stems[i:i + k])
            tag = r.phrases.get(key) or r.phrases.get((_strip_det(key[0]),) + key[1:])
            if tag:
                for t in tag.split("|"):
                    out[i].append("B-" + t)
                    for j in range(i + 1, i + k):
                        out[j].append("I-" + t)
                step = k
                break
        i += step
    return out


OFFSETS = (-2, -1, 1, 2)


def sentence_features(units: Sequence[Unit], options: FeatureOptions = DEFAULT_FEATURES) -> list[list[str]]:
    """The CRF item features of each token of one sentence, with a ±2 window."""
    wf = [word_features(t, k, p, options) for t, k, p in units]
    stems = [f[0][2][2:] for f in wf]  # "s=" feature
    phrases = phrase_tags(stems, options)
    n = len(units)
    out = []
    for i in range(n):
        feats = list(wf[i][0])
        feats.extend("ph=" + t for t in phrases[i])
        for off in OFFSETS:
            j = i + off
            if 0 <= j < n:
                feats.extend(f"{off}{f}" for f in wf[j][1])
                feats.extend(f"{off}ph={t}" for t in phrases[j])
            else:
                feats.append(f"{off}BOS" if j < 0 else f"{off}EOS")
        if i > 0:
            feats.append("bg-=" + stems[i - 1] + "|" + stems[i])
        if i + 1 < n:
            feats.append("bg+=" + stems[i] + "|" + stems[i + 1])
        out.append(feats)
    return out


def unit_of(text: str) -> Unit:
    """A unit for a token given as a bare string (training files), split as the tokeniser would."""
    toks = tokenize(text)
    if len(toks) == 1 and toks[0].start == 0 and toks[0].end == len(text):
        t = toks[0]
        return text, t.kind, tuple((p.start, p.end, p.role) for p in t.parts) if t.kind == "word" else ()
    kind = toks[0].kind if toks else "symbol"
    return text, kind, ((0, len(text), "stem"),) if kind == "word" else ()


def unit_of_token(text: str, token) -> Unit:
    """A unit for a khabar Token of `text`, with part offsets relative to the token."""
    s = token.start
    parts = tuple((p.start - s, p.end - s, p.role) for p in token.parts) if token.kind == "word" else ()
    return text[s:token.end], token.kind, parts


DOC_WINDOW = 25  # sentences either side: ANERcorp has no document breaks, ~50 sentences stand in for one article


def doc_keys(units: Sequence[Unit]) -> list[str | None]:
    """The key a token is matched by across a document: its ال-stripped stem, for name-like tokens only."""
    out = []
    for u in units:
        if u[1] not in ("word", "latin"):
            out.append(None)
            continue
        key = _strip_det(split_parts(*u)[1])
        out.append(key if len(key) > 1 else None)
    return out


def doc_features(keys: Sequence[Sequence[str | None]], labels: Sequence[Sequence[str]],
                 window: int = DOC_WINDOW) -> list[list[list[str]]]:
    """Per token, the first-pass labels the same word got elsewhere within ±`window` sentences."""
    seen_at: dict[str, list[tuple[int, str]]] = {}  # key -> (sentence, label) of each occurrence
    for s, (ks, ls) in enumerate(zip(keys, labels)):
        for k, lab in zip(ks, ls):
            if k:
                seen_at.setdefault(k, []).append((s, lab))
    out = []
    n = len(keys)
    memo: dict[tuple, list[str]] = {}  # most articles fit in one window: every sentence shares its counts
    for s in range(n):
        lo, hi = max(0, s - window), min(n, s + window + 1)
        feats_s = []
        for k, lab in zip(keys[s], labels[s]):
            if not k:
                feats_s.append([])
                continue
            hit = memo.get((lo, hi, k, lab))
            if hit is None:
                total: dict[str, int] = {}
                for t, l2 in seen_at[k]:
                    if lo <= t < hi:
                        total[l2] = total.get(l2, 0) + 1
                total[lab] -= 1  # not this occurrence itself
                hit = memo[(lo, hi, k, lab)] = _doc_feats(total)
            feats_s.append(list(hit))
        out.append(feats_s)
    return out


def _doc_feats(total: dict[str, int]) -> list[str]:
    """Document features from the label counts of a word's other occurrences."""
    seen = {lab: c for lab, c in total.items() if c > 0}
    if not seen:
        return []
    types = {lab[2:] for lab in seen if lab != "O"}
    feats = ["d=" + t for t in sorted(types)] or ["d=O"]
    feats.extend("dl=" + lab for lab in sorted(seen) if lab != "O")  # B- vs I-: first word of a name or not
    feats.append("dm=" + max(sorted(seen), key=seen.get))
    return feats


def with_doc(feats: list[list[str]], doc: list[list[str]]) -> list[list[str]]:
    """Sentence features extended with the document features of each token and its neighbours."""
    n = len(feats)
    out = []
    for i in range(n):
        f = feats[i] + doc[i]
        for off in OFFSETS:
            j = i + off
            if 0 <= j < n:
                f.extend(f"{off}{d}" for d in doc[j])
        out.append(f)
    return out


# The neural final pass (neural.py) reads a bag of the token's own CRF features, not its neighbours':
# its BiLSTM sees the neighbours.
OWN_PREFIXES = ("g=", "t=", "ph=", "sh=", "pre=", "suf=", "fq=", "cc=", "c=", "nisba", "latin",
                "x1=", "x2=", "x3=", "p1=", "p2=", "len=", "g:")
MAX_CHARS = 16  # characters of a word the character CNN reads


def own_features(feats: list[list[str]], doc: list[list[str]], first: Sequence[str]) -> list[list[str]]:
    """Per token: its own CRF features, its document features and its first-pass label."""
    return [[f for f in x if f.startswith(OWN_PREFIXES)] + d + ["l1=" + lab] for x, d, lab in zip(feats, doc, first)]


def word_ids(units: Sequence[Unit], index: dict[str, int]):
    """Row numbers in the word-vector table of each token's word and stem (0: unknown; digits share one)."""
    ws, ss = [], []
    for u in units:
        w = norm(u[0])
        stem = split_parts(*u)[1]
        ws.append(index.get("0" if w[:1].isdigit() else w, 0))
        ss.append(index.get(stem, index.get(w, 0)))
    return np.array(ws, np.int64), np.array(ss, np.int64)


def char_ids(units: Sequence[Unit], index: dict[str, int]):
    """Character ids of each token's first MAX_CHARS normalised characters (0: padding, 1: unknown)."""
    out = np.zeros((len(units), MAX_CHARS), np.int64)
    for j, u in enumerate(units):
        for k, ch in enumerate(norm(u[0])[:MAX_CHARS]):
            out[j, k] = index.get(ch, 1)
    return out


def feature_bag(feats: Sequence[Sequence[str]], index: dict[str, int]) -> list[list[int]]:
    """Ids of each token's known features (0 alone when none is known)."""
    return [[index[f] for f in tok if f in index] or [0] for tok in feats]

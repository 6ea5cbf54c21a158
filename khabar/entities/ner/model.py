"""Loading the shipped CRF and tagging sentences with it."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np
import pycrfsuite

from ...resources import DATA_ROOT
from .crf import CrfWeights
from .scores import SentenceView, StateScores
from .sequences import spans
from .features import (DEFAULT_FEATURES, FeatureOptions, Unit, doc_features, doc_keys, norm, own_features, resources,
                       sentence_features, split_parts, with_doc)

MODEL_PATH = DATA_ROOT / "ner" / "ner.crfsuite"
META_PATH = DATA_ROOT / "ner" / "ner.meta.json"
OUT_TYPE = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
GPE_TAGS = frozenset({"COUNTRY", "CAPITAL", "CITY", "GPE_HEAD"})
LOC_TAGS = frozenset({"REGION", "LOC_HEAD"})
MIX = 0.5  # weight of the BiLSTM's marginals against the CRF's; chosen on val (MODEL_CARD.md)


@dataclass(frozen=True)
class Found:
    """A mention over units [start, end) of a sentence, typed PER/ORG/GPE/LOC/MISC."""

    start: int
    end: int
    type: str
    score: float


def first_pass_path(path: str | Path) -> Path:
    """Where the first-pass model of a two-pass model lives: `X.crfsuite` -> `X.pass1.crfsuite`."""
    p = Path(path)
    return p.with_name(p.stem + ".pass1.crfsuite")


class NerModel:
    """A CRF tagger; two-pass when a first-pass model sits beside it (its labels feed document features)."""

    def __init__(self, path: str | Path = MODEL_PATH, neural: bool = True,
                 features: FeatureOptions = DEFAULT_FEATURES):
        self.path = str(path)
        self.features = features  # as the model was trained with
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(self.path)
        first = first_pass_path(path)
        self.first = None
        if first.exists():
            self.first = pycrfsuite.Tagger()
            self.first.open(str(first))
        self.neural = None
        if neural and self.first is not None and neural_paths(path):
            from .neural import NeuralBag

            encoder = encoder_path(path)
            self.neural = NeuralBag(neural_paths(path), encoder if encoder.exists() else None)
        self.crfs, self.scores = [], None
        if self.neural is None:  # the neural pass reads crfsuite's own marginals
            self.crfs = [CrfWeights.read(p) for p in (first, self.path) if Path(p).exists()]
            # both passes' weights side by side: a token's features are looked up once for the two
            self.scores = StateScores(CrfWeights.stacked(self.crfs))
        resources(features)  # load the feature resources now, not on the first sentence

    def _labelled(self, doc: Sequence[Sequence[Unit]]) -> Iterator[tuple[list[str], object]]:
        """(labels, marginals) of each sentence: from the CRFs read into numpy, or with the neural pass
        from crfsuite's tagger, whose marginals are those of the sentence it tagged last (so each must
        be read before the next is yielded)."""
        if self.scores is not None:
            yield from self._decoded(doc)
            return
        feats = SentenceFeatures(doc, self.features, keep=self.neural is not None or len(doc) <= KEEP_SENTENCES)
        extra = None
        if self.first is not None:
            first = [self.first.tag(feats[k]) if doc[k] else [] for k in range(len(doc))]
            extra = doc_features([doc_keys(units) for units in doc], first)
            if self.neural is not None:
                neural = self.neural.marginals_doc(doc, [own_features(feats[k], d, lab)
                                                         for k, (d, lab) in enumerate(zip(extra, first))])
        for k in range(len(doc)):
            f = with_doc(feats[k], extra[k]) if extra is not None else feats[k]
            if not f:
                yield [], None
            elif self.neural is not None:
                yield self._mixed(f, neural[k])
            else:
                yield self.tagger.tag(f), self.tagger

    def _decoded(self, doc: Sequence[Sequence[Unit]]) -> Iterator[tuple[list[str], "Marginals"]]:
        """(labels, marginals) of each sentence, every sentence of the document decoded together."""
        live = [k for k in range(len(doc)) if doc[k]]
        views = [SentenceView.of(_encodable(doc[k]), self.features) for k in live]
        self.scores.learn_types(views)
        joint = [self.scores.sentence(v) for v in views]
        columns = _columns(self.crfs)
        final, last = self.crfs[-1], columns[-1]
        scores = [x[:, last] for x in joint]
        if self.first is not None:
            first = dict(zip(live, self.crfs[0].viterbi([x[:, columns[0]] for x in joint])))
            # over every sentence, empty ones too: the document window counts sentences
            extra = doc_features([doc_keys(units) for units in doc], [first.get(k, []) for k in range(len(doc))])
            scores = [self.scores.with_doc(x, extra[k], last) for k, x in zip(live, scores)]
        labels = final.viterbi(scores)
        tables = final.marginals(scores)
        found = {k: (lab, Marginals(t, final.labels)) for k, lab, t in zip(live, labels, tables)}
        for k in range(len(doc)):
            yield found.get(k, ([], None))

    def _mixed(self, feats: list[list[str]], neural):
        """Labels from the mean of the CRF's and the BiLSTM's marginals, decoded token by token."""
        self.tagger.set(feats)
        known = set(self.tagger.labels())
        tags = self.neural.tags
        crf = [[self.tagger.marginal(t, i) if t in known else 0.0 for t in tags] for i in range(len(feats))]
        table = MIX * neural + (1 - MIX) * np.array(crf, dtype=np.float32)
        return repair_bio([tags[k] for k in table.argmax(axis=1)]), table

    def tag_doc(self, doc: Sequence[Sequence[Unit]]) -> list[list[str]]:
        """BIO labels (ANERcorp types) of each sentence of a document."""
        return [labels for labels, _ in self._labelled(doc)]

    def tag(self, units: Sequence[Unit]) -> list[str]:
        """BIO labels (ANERcorp types) of one sentence, taken as a document of its own."""
        return self.tag_doc([units])[0]

    def mentions(self, units: Sequence[Unit]) -> list[Found]:
        """Typed mentions of one sentence, taken as a document of its own."""
        return self.mentions_doc([units])[0]

    def mentions_doc(self, doc: Sequence[Sequence[Unit]]) -> list[list[Found]]:
        """Typed mentions of each sentence of a document, with the mean marginal of their labels as score."""
        out = []
        for units, (labels, marginal) in zip(doc, self._labelled(doc)):
            out.append(self._found(units, labels, marginal) if labels else [])
        return out

    def _found(self, units: Sequence[Unit], labels: list[str], marginal) -> list[Found]:
        out = []
        for s, e, kind in sorted(spans(labels)):
            s, e = _trim(units, s, e)
            if s >= e:
                continue
            score = sum(_marginal(marginal, labels[i], i, self) for i in range(s, e)) / (e - s)
            type_ = place_type(units[s:e], self.features) if kind == "LOC" else OUT_TYPE.get(kind, kind)
            out.append(Found(s, e, type_, round(score, 3)))
        return out


# Sentences whose CRF features are kept between the two passes. A longer document (a 1 MB article has
# some 20,000) has them computed again for pass 2: held for the whole text they took most of a gigabyte.
KEEP_SENTENCES = 400


class SentenceFeatures:
    """Each sentence's CRF features, kept (short documents) or computed again on each read (long ones)."""

    def __init__(self, doc: Sequence[Sequence[Unit]], options: FeatureOptions, keep: bool):
        self.doc, self.options = doc, options
        self.kept: dict[int, list[list[str]]] | None = {} if keep else None

    def __getitem__(self, k: int) -> list[list[str]]:
        if self.kept is not None and k in self.kept:
            return self.kept[k]
        units = self.doc[k]
        feats = sentence_features(_encodable(units), self.options) if units else []
        if self.kept is not None:
            self.kept[k] = feats
        return feats


def repair_bio(labels: list[str]) -> list[str]:
    """An I- that does not continue a name of its type starts one."""
    prev = "O"
    for i, lab in enumerate(labels):
        if lab.startswith("I-") and prev[2:] != lab[2:]:
            labels[i] = "B-" + lab[2:]
        prev = labels[i]
    return labels


def _columns(crfs: Sequence[CrfWeights]) -> list[slice]:
    """Each CRF's columns in their stacked weights."""
    out, col = [], 0
    for crf in crfs:
        out.append(slice(col, col + len(crf.labels)))
        col += len(crf.labels)
    return out


class Marginals:
    """A sentence's (tokens, labels) table of label probabilities."""

    def __init__(self, table: np.ndarray, labels: Sequence[str]):
        self.table, self.column = table, {lab: k for k, lab in enumerate(labels)}

    def of(self, label: str, i: int) -> float:
        return float(self.table[i, self.column[label]])


def _marginal(marginal, label: str, i: int, model: NerModel) -> float:
    if isinstance(marginal, Marginals):
        return marginal.of(label, i)
    if isinstance(marginal, pycrfsuite.Tagger):
        return marginal.marginal(label, i)
    return float(marginal[i, model.neural.tags.index(label)])


def neural_path(path: str | Path, seed_index: int = 0) -> Path:
    """Where the neural final pass of a model lives: `X.crfsuite` -> `X.nn.npz`, then `X.nn.1.npz` ..."""
    p = Path(path)
    return p.with_name(p.stem + (f".nn.{seed_index}.npz" if seed_index else ".nn.npz"))


def encoder_path(path: str | Path) -> Path:
    """Where the pretrained encoder a neural pass reads lives: `X.crfsuite` -> `X.encoder.npz`."""
    p = Path(path)
    return p.with_name(p.stem + ".encoder.npz")


def neural_paths(path: str | Path) -> list[Path]:
    """Every member of the model's neural bag, in order (none when it has no neural pass)."""
    out = []
    while neural_path(path, len(out)).exists():
        out.append(neural_path(path, len(out)))
    return out


def _encodable(units: Sequence[Unit]) -> Sequence[Unit]:
    """Units crfsuite can take: it encodes features as UTF-8, which a lone surrogate (\ud800) cannot be."""
    if _utf8_ok("".join(u[0] for u in units)):
        return units  # the usual case: one check per sentence
    return [(u[0].encode("utf-8", "replace").decode("utf-8"), *u[1:]) for u in units]


def _utf8_ok(s: str) -> bool:
    try:
        s.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _trim(units: Sequence[Unit], s: int, e: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends on punctuation or a symbol."""
    while s < e and units[s][1] in ("punct", "symbol"):
        s += 1
    while e > s and units[e - 1][1] in ("punct", "symbol"):
        e -= 1
    return s, e


def place_type(units: Sequence[Unit], features: FeatureOptions = DEFAULT_FEATURES) -> str:
    """GPE or LOC for a place mention, from gazetteer typing and its head noun."""
    r = resources(features)
    stems = [split_parts(*u)[1] for u in units]
    words = [norm(u[0]) for u in units]
    candidates = [" ".join(stems), " ".join(words), stems[0], stems[0][2:] if stems[0].startswith("ال") else ""]
    for c in candidates:
        tags = set((r.gazetteer.get(c) or r.phrases.get(tuple(c.split())) or "").split("|"))
        if tags & GPE_TAGS:
            return "GPE"
        if tags & LOC_TAGS:
            return "LOC"
    head = set((r.triggers.get(stems[0]) or "").split("|"))
    if "GPE_HEAD" in head:
        return "GPE"
    return "LOC"


@lru_cache(maxsize=4)
def load(path: str | None = None, neural: bool = True, features: FeatureOptions = DEFAULT_FEATURES) -> NerModel:
    """The model at `path` (default: the shipped one), loaded once; `neural=False`: its CRFs alone."""
    return NerModel(path or MODEL_PATH, neural, features)


def meta() -> dict:
    return json.loads(META_PATH.read_text(encoding="utf-8")) if META_PATH.exists() else {}

"""Training the neural final pass (a BiLSTM-CRF) with torch, and exporting it for numpy inference.

Used by `khabar train ner --neural EPOCHS` after the CRFs are trained: it reads the same
sentences, the jackknife first-pass labels and the pretrained word vectors
(scripts/train_ner_clusters.py --vectors), and writes `ner.nn.npz` beside the model.
torch is a training-only dependency (`pip install -e .[train]`); inference is numpy.
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import Sequence

import numpy as np

from ..entities.ner.features import char_ids, feature_bag, own_features, word_ids
from ..entities.ner.neural import encode_doc

WORD_SCALE = 3.0  # the unit-length SVD vectors are small beside the other inputs
CHAR_DIM, CHAR_FILTERS, FEAT_DIM, HIDDEN, DROPOUT = 25, 50, 64, 128, 0.5
BATCH, LR = 16, 1e-3
ENC_SCALE = 1.0  # the encoder's vectors leave a layer norm: already on the scale of the other inputs


def _vocabularies(units, feats, min_feat: int = 3, min_char: int = 2) -> tuple[list[str], list[str]]:
    """Features and characters seen often enough in the training sentences, sorted."""
    from collections import Counter

    from ..entities.ner.features import norm

    fc = Counter(f for sent in feats for tok in sent for f in tok)
    cc = Counter(ch for sent in units for u in sent for ch in norm(u[0]))
    return sorted(f for f, n in fc.items() if n >= min_feat), sorted(c for c, n in cc.items() if n >= min_char)


def _build(torch, nn, vectors: np.ndarray, n_chars: int, n_feats: int, n_tags: int, enc_dim: int = 0, tuned=None):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            table = np.vstack([np.zeros((1, vectors.shape[1]), np.float32), vectors * WORD_SCALE])
            self.wemb = nn.Embedding.from_pretrained(torch.tensor(table, dtype=torch.float32), freeze=True)
            self.cemb = nn.Embedding(n_chars + 2, CHAR_DIM, padding_idx=0)
            self.conv = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, 3, padding=1)
            self.femb = nn.EmbeddingBag(n_feats + 1, FEAT_DIM, mode="sum", padding_idx=0)
            self.drop = nn.Dropout(DROPOUT)
            self.lstm = nn.LSTM(2 * vectors.shape[1] + CHAR_FILTERS + FEAT_DIM + enc_dim, HIDDEN, bidirectional=True,
                                batch_first=True)
            self.out = nn.Linear(2 * HIDDEN, n_tags)
            self.trans = nn.Parameter(torch.zeros(n_tags, n_tags))
            self.start = nn.Parameter(torch.zeros(n_tags))
            self.end = nn.Parameter(torch.zeros(n_tags))
            self.enc = tuned  # the pretrained encoder, trained on along with the tagger
            self.enc_dim = enc_dim

        def encode(self, items):
            """Each sentence's encoder rows: from the tuned encoder, or precomputed (frozen)."""
            if self.enc is None:
                return [it[5] if len(it) > 5 else None for it in items]
            pieces = [p for it in items for p in it[5]]
            wid = nn.utils.rnn.pad_sequence([p[0] for p in pieces], batch_first=True)
            grams = nn.utils.rnn.pad_sequence([p[1] for p in pieces], batch_first=True)
            keep = nn.utils.rnn.pad_sequence([torch.ones(len(p[0]), dtype=torch.bool) for p in pieces],
                                             batch_first=True)
            h = self.enc(wid, grams, keep)
            rows, k = [], 0
            for it in items:
                n = len(it[5])
                rows.append(torch.cat([h[k + j, :len(it[5][j][0])] for j in range(n)]))
                k += n
            return rows

        def inputs(self, ws, ss, cid, flat, off, enc=None):
            c = torch.relu(self.conv(self.cemb(cid).transpose(1, 2))).max(dim=2).values
            rows = [self.wemb(ws), self.wemb(ss), c, self.femb(flat, off)]
            return torch.cat(rows + ([enc * ENC_SCALE] if enc is not None else []), 1)

        def emissions(self, items):
            lens = torch.tensor([len(it[0]) for it in items])
            encs = self.encode(items)
            x = nn.utils.rnn.pad_sequence([self.inputs(*it[:5], e) for it, e in zip(items, encs)], batch_first=True)
            packed = nn.utils.rnn.pack_padded_sequence(self.drop(x), lens, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
            return self.out(self.drop(h)), lens

        def nll(self, e, lens, ys):
            """Negative log-likelihood of the gold tags under the linear-chain CRF, summed over the batch."""
            b, n, _ = e.shape
            mask = torch.arange(n)[None, :] < lens[:, None]
            y = nn.utils.rnn.pad_sequence(ys, batch_first=True)
            rows = torch.arange(b)
            gold = self.start[y[:, 0]] + e[rows, 0, y[:, 0]]
            alpha = self.start[None, :] + e[:, 0]
            for t in range(1, n):
                m = mask[:, t]
                gold = gold + (self.trans[y[:, t - 1], y[:, t]] + e[rows, t, y[:, t]]) * m
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans[None] + e[:, t].unsqueeze(1), 1)
                alpha = torch.where(m[:, None], nxt, alpha)
            gold = gold + self.end[y[rows, lens - 1]]
            return (torch.logsumexp(alpha + self.end[None], 1) - gold).sum()

    return Net()


def _tensors(torch, units, feats, words, chars, fidx, encoder=None, tune: bool = False):
    ws, ss = word_ids(units, words)
    bag = feature_bag(feats, fidx)
    offsets = np.cumsum([0] + [len(b) for b in bag[:-1]])
    flat = np.array([i for b in bag for i in b], np.int64)
    out = (torch.tensor(ws), torch.tensor(ss), torch.tensor(char_ids(units, chars)), torch.tensor(flat),
           torch.tensor(offsets, dtype=torch.int64))
    if encoder is None:
        return out
    if tune:
        return out + (_pieces(torch, encoder, units),)
    return out + (torch.tensor(encode_doc(encoder, [units])[0]),)


def _pieces(torch, encoder, units):
    """(word ids, n-gram ids) of each piece of a sentence the encoder reads, for the tuned encoder."""
    from ..entities.ner.encoder import pieces_of
    from ..entities.ner.features import norm

    return [tuple(map(torch.tensor, encoder.ids(p))) for p in pieces_of([norm(u[0]) for u in units])]


def train_neural(units: Sequence, feats: Sequence, tags: Sequence[Sequence[str]], vectors: np.ndarray,
                 vocab: list[str], out: str | Path, epochs: int, seed: int = 13, threads: int = 1, encoder=None,
                 tune_to: str | Path | None = None, tune_lr: float = 1e-4):
    """Fit the BiLSTM-CRF on (units, own features, tags), write its numpy export to `out`, return it.

    With `encoder`, the tagger also reads the pretrained encoder's vectors: frozen, or, with
    `tune_to`, trained on along with it (at `tune_lr`) and exported to `tune_to`."""
    import torch
    from torch import nn

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    rng = random.Random(seed)
    feat_names, char_names = _vocabularies(units, feats)
    words = {w: i + 1 for i, w in enumerate(vocab)}
    fidx = {f: i + 1 for i, f in enumerate(feat_names)}
    cidx = {c: i + 2 for i, c in enumerate(char_names)}
    labels = sorted({t for s in tags for t in s})
    tidx = {t: i for i, t in enumerate(labels)}
    data = [_tensors(torch, u, f, words, cidx, fidx, encoder, tune_to is not None) for u, f in zip(units, feats)]
    gold = [torch.tensor([tidx[t] for t in s]) for s in tags]
    tuned = None
    if tune_to is not None:
        from .pretrain import load_torch

        tuned = load_torch(torch, nn, encoder.path)
    net = _build(torch, nn, vectors, len(cidx), len(fidx), len(labels), encoder.dim if encoder is not None else 0,
                 tuned)
    own = [p for n, p in net.named_parameters() if p.requires_grad and not n.startswith("enc.")]
    groups = [{"params": own, "lr": LR}]
    if tuned is not None:
        groups.append({"params": list(tuned.parameters()), "lr": tune_lr})
    opt = torch.optim.Adam(groups)
    order = [i for i, u in enumerate(units) if len(u)]
    for _ in range(epochs):
        rng.shuffle(order)
        for b in range(0, len(order), BATCH):
            batch = order[b:b + BATCH]
            opt.zero_grad()
            e, lens = net.emissions([data[i] for i in batch])
            net.nll(e, lens, [gold[i] for i in batch]).backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
    net.eval()
    export(net, vocab, char_names, feat_names, labels, out)
    if tuned is not None:
        from .pretrain import export as export_encoder

        export_encoder(tuned, {"types": "\n".join(tuned.words)}, len(tuned.words), tune_to)
    # for checking the export against torch
    net.tensors = lambda u, f: _tensors(torch, u, f, words, cidx, fidx, encoder, tuned is not None)
    return net


def export(net, vocab, char_names, feat_names, labels, out) -> None:
    """Write the weights numpy inference reads (neural.NeuralTagger), in float16 where size matters."""
    p = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    conv = p["conv.weight"]  # out x in x width -> (width * in) x out, the layout of the numpy windows
    np.savez_compressed(
        out, words="\n".join(vocab), chars="".join(char_names), feats="\n".join(feat_names), tags="\n".join(labels),
        wemb=p["wemb.weight"].astype(np.float16), cemb=p["cemb.weight"], femb=p["femb.weight"],
        conv=conv.transpose(2, 1, 0).reshape(-1, conv.shape[0]), conv_b=p["conv.bias"],
        wih=p["lstm.weight_ih_l0"], whh=p["lstm.weight_hh_l0"], b=p["lstm.bias_ih_l0"] + p["lstm.bias_hh_l0"],
        wih_r=p["lstm.weight_ih_l0_reverse"], whh_r=p["lstm.weight_hh_l0_reverse"],
        b_r=p["lstm.bias_ih_l0_reverse"] + p["lstm.bias_hh_l0_reverse"],
        out=p["out.weight"], out_b=p["out.bias"], trans=p["trans"], start=p["start"], end=p["end"],
        **({"enc_scale": np.array(ENC_SCALE, np.float32)} if net.enc_dim else {}))

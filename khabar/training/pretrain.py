"""Pretraining the NER encoder (entities/ner/encoder.py) with torch: masked-word prediction on the news corpora.

Run by scripts/pretrain_ner_encoder.py. The corpus comes prepared as one stream of word-type
ids (`prepare_corpus` there); training runs for a fixed time budget on whatever device torch
finds, and `export` writes the float16 weights `Encoder` reads. torch is training-only.
"""
from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np

from ..entities.ner.encoder import FIRST_WORD, MASK, MAX_LEN, PAD, UNK

EMB, DIM, LAYERS, HEADS, FF = 128, 256, 4, 4, 1024
WORDS, BUCKETS = 40_000, 24_000  # word-table rows (by frequency) and n-gram hash buckets
# Type ids of the prepared stream: 0 pad, 1 rare word, 2 mask, 3 article end; word types from FIRST_TYPE.
T_PAD, T_RARE, T_MASK, T_SEP, FIRST_TYPE = 0, 1, 2, 3, 4
MASK_RATE = 0.15


def build(torch, nn, n_words: int = WORDS, buckets: int = BUCKETS, dim: int = DIM, layers: int = LAYERS,
          heads: int = HEADS, ff: int = FF, emb: int = EMB):
    """The encoder with its masked-word head, as a torch module."""
    F = nn.functional

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.ln1, self.ln2 = nn.LayerNorm(dim), nn.LayerNorm(dim)
            self.qkv, self.out = nn.Linear(dim, 3 * dim), nn.Linear(dim, dim)
            self.ff1, self.ff2 = nn.Linear(dim, ff), nn.Linear(ff, dim)
            self.drop = nn.Dropout(0.1)

        def forward(self, h, keep):
            b, t, _ = h.shape
            q, k, v = self.qkv(self.ln1(h)).view(b, t, 3, heads, -1).permute(2, 0, 3, 1, 4)
            a = F.scaled_dot_product_attention(q, k, v, attn_mask=keep[:, None, None, :])
            h = h + self.drop(self.out(a.transpose(1, 2).reshape(b, t, dim)))
            return h + self.drop(self.ff2(F.gelu(self.ff1(self.ln2(h)), approximate="tanh")))

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.word = nn.Embedding(n_words + FIRST_WORD, emb, padding_idx=PAD)
            self.ngram = nn.EmbeddingBag(buckets, emb, mode="sum", padding_idx=0)
            self.proj = nn.Linear(emb, dim)
            self.pos = nn.Parameter(torch.randn(MAX_LEN, dim) * 0.02)
            self.emb_ln, self.final_ln = nn.LayerNorm(dim), nn.LayerNorm(dim)
            self.layers = nn.ModuleList(Layer() for _ in range(layers))
            self.head = nn.Linear(dim, emb)
            self.head_ln = nn.LayerNorm(emb)
            self.head_b = nn.Parameter(torch.zeros(n_words + FIRST_WORD))
            self.heads = heads
            for table in (self.word, self.ngram):  # BERT's scale: N(0, 1) rows make the tied output saturate
                nn.init.normal_(table.weight, std=0.02)
                with torch.no_grad():
                    table.weight[0].zero_()

        def forward(self, wid, grams, keep):
            x = self.word(wid) + self.ngram(grams.reshape(-1, grams.shape[-1])).view(*wid.shape, -1)
            h = self.emb_ln(self.proj(x) + self.pos[:wid.shape[1]])
            for layer in self.layers:
                h = layer(h, keep)
            return self.final_ln(h)

        def logits(self, h):
            return self.head_ln(F.gelu(self.head(h), approximate="tanh")) @ self.word.weight.T + self.head_b

    return Net()


def type_to_word(n_types: int, n_words: int) -> np.ndarray:
    """Word-table row of every type id: frequent words their own, the rest UNK."""
    out = np.full(n_types, UNK, np.int64)
    out[T_PAD], out[T_MASK], out[T_SEP] = PAD, MASK, PAD
    ranks = np.arange(n_types - FIRST_TYPE)
    out[FIRST_TYPE:] = np.where(ranks < n_words, ranks + FIRST_WORD, UNK)
    return out


class Batches:
    """Random windows of MAX_LEN tokens from sentence starts, masked for the word-prediction loss."""

    def __init__(self, torch, corpus: dict, n_words: int, device, seed: int, held_out: float = 0.01):
        self.torch, self.device = torch, device
        self.ids = torch.from_numpy(corpus["ids"].astype(np.int64)).to(device)
        self.grams = torch.from_numpy(corpus["ngrams"].astype(np.int64)).to(device)
        self.wid = torch.from_numpy(type_to_word(len(self.grams), n_words)).to(device)
        starts = torch.from_numpy(corpus["starts"].astype(np.int64)).to(device)
        cut = int(len(starts) * (1 - held_out))  # the stream's tail is held out for validation
        self.train_starts, self.val_starts = starts[:cut], starts[cut:]
        self.gen = torch.Generator(device=device).manual_seed(seed)

    def sample(self, size: int, val: bool = False):
        """(word ids, n-gram ids, keep mask, targets with -100 where not predicted) of `size` windows."""
        torch = self.torch
        pool = self.val_starts if val else self.train_starts
        s = pool[torch.randint(len(pool), (size,), device=self.device, generator=self.gen)]
        win = self.ids[(s[:, None] + torch.arange(MAX_LEN, device=self.device)).clamp(max=len(self.ids) - 1)]
        keep = (torch.cumsum((win == T_SEP).long(), 1) == 0) & (win != T_PAD)
        target = self.wid[win]
        r = torch.rand(win.shape, device=self.device, generator=self.gen)
        chosen = (r < MASK_RATE) & keep & (target >= FIRST_WORD)
        u = torch.rand(win.shape, device=self.device, generator=self.gen)
        rand_types = torch.randint(FIRST_TYPE, len(self.grams), win.shape, device=self.device, generator=self.gen)
        inp = torch.where(chosen & (u < 0.8), torch.full_like(win, T_MASK), win)
        inp = torch.where(chosen & (u >= 0.8) & (u < 0.9), rand_types, inp)
        return self.wid[inp], self.grams[inp], keep, torch.where(chosen, target, torch.full_like(target, -100))


def _loss(torch, net, batch):
    wid, grams, keep, target = batch
    h = net(wid, grams, keep)
    sel = target >= 0
    return torch.nn.functional.cross_entropy(net.logits(h[sel]).float(), target[sel]), sel.sum()


def lr_factor(step: int, warmup: int, total: int | None) -> float:
    """Linear warm-up, then cosine decay over the planned steps down to 2% (no decay while unplanned)."""
    if step < warmup:
        return step / warmup
    span = max(1, (total or 10 ** 9) - warmup)
    return max(0.02, 0.5 * (1 + math.cos(math.pi * min(1.0, (step - warmup) / span))))


def _train_step(torch, net, opt, batch, amp):
    net.train()
    with amp:
        loss, _ = _loss(torch, net, batch)
    opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
    opt.step()
    return loss


def pretrain(corpus: dict, out: str | Path, seconds: float, seed: int = 13, batch: int = 256, lr: float = 1e-3,
             warmup: int = 500, n_words: int = WORDS, log=print, **sizes):
    """Train for about `seconds`, then export to `out` (an .npz for `Encoder`); returns the last val loss."""
    import torch
    from torch import nn

    torch.manual_seed(seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    net = build(torch, nn, n_words=n_words, buckets=int(corpus["buckets"]), **sizes).to(device)
    data = Batches(torch, corpus, n_words, device, seed)
    opt = torch.optim.AdamW(net.parameters(), lr=lr, betas=(0.9, 0.98), weight_decay=0.01)
    amp = torch.autocast(device, dtype=torch.bfloat16, enabled=device == "cuda")
    start, step, total, loss = time.time(), 0, None, None
    while (total is None or step < total) and time.time() - start < 1.2 * seconds:
        if step in (20, 70):
            loss.item()  # wait for the GPU, so that the clock reads work done, not work queued
        if step == 20:
            t20 = time.time()
        if step == 70:  # plan the schedule from the speed measured after warming up
            now = time.time()
            total = max(100, 70 + int(50 * (seconds - (now - start)) / (now - t20)))
            log(f"planned {total} steps")
        for g in opt.param_groups:
            g["lr"] = lr * lr_factor(step, warmup, total)
        loss = _train_step(torch, net, opt, data.sample(batch), amp)
        step += 1
        if step % 500 == 0 or step == total:
            log(f"step {step} loss {loss.item():.3f} val {validate(torch, net, data, amp):.3f} {time.time() - start:.0f}s")
    export(net, corpus, n_words, out)
    return validate(torch, net, data, amp)


def validate(torch, net, data, amp, batches: int = 4) -> float:
    """Mean masked-word loss on held-out windows."""
    net.eval()
    with torch.no_grad(), amp:
        losses = [_loss(torch, net, data.sample(256, val=True))[0].item() for _ in range(batches)]
    return sum(losses) / len(losses)


def _names(layers: int) -> list[tuple[str, str, bool]]:
    """(export key, torch state key, stored transposed) of every encoder weight: one table for both ways."""
    out = [("word", "word.weight", False), ("ngram", "ngram.weight", False), ("proj", "proj.weight", True),
           ("proj_b", "proj.bias", False), ("pos", "pos", False)]
    for ln in ("emb_ln", "final_ln"):
        out += [(f"{ln}_g", f"{ln}.weight", False), (f"{ln}_b", f"{ln}.bias", False)]
    for k in range(layers):
        for name in ("qkv", "out", "ff1", "ff2"):
            out += [(f"l{k}.{name}", f"layers.{k}.{name}.weight", True), (f"l{k}.{name}_b", f"layers.{k}.{name}.bias", False)]
        for ln in ("ln1", "ln2"):
            out += [(f"l{k}.{ln}_g", f"layers.{k}.{ln}.weight", False), (f"l{k}.{ln}_b", f"layers.{k}.{ln}.bias", False)]
    return out


HALF = ("word", "ngram", ".qkv", ".out", ".ff1", ".ff2")  # the big tables and matrices, kept in float16


def export(net, corpus: dict, n_words: int, out: str | Path) -> None:
    """Write the weights `encoder.Encoder` reads: matrices as (in x out), big tables in float16."""
    p = {k: v.detach().float().cpu().numpy() for k, v in net.state_dict().items()}
    types = str(corpus["types"]).split("\n")
    w = {"words": "\n".join(types[:n_words]), "layers": np.array([len(net.layers)]), "heads": np.array([net.heads])}
    for key, state, transposed in _names(len(net.layers)):
        v = p[state].T if transposed else p[state]
        w[key] = v.astype(np.float16) if key.endswith(HALF) else v
    np.savez_compressed(out, **w)


def load_torch(torch, nn, path: str | Path):
    """The torch encoder of an exported .npz (the inverse of `export`), for fine-tuning on NER."""
    with np.load(path, allow_pickle=False) as z:
        w = {k: z[k] for k in z.files}
    layers = int(w["layers"][0])
    net = build(torch, nn, n_words=len(w["word"]) - FIRST_WORD, buckets=len(w["ngram"]), dim=w["proj"].shape[1],
                layers=layers, heads=int(w["heads"][0]), ff=w["l0.ff1"].shape[1], emb=w["word"].shape[1])
    own = net.state_dict()
    for key, state, transposed in _names(layers):
        v = w[key].T if transposed else w[key]
        own[state] = torch.tensor(np.ascontiguousarray(v), dtype=torch.float32)
    net.load_state_dict(own)  # the masked-word head keeps its fresh weights: NER does not use it
    net.words = str(w["words"]).split("\n")
    return net

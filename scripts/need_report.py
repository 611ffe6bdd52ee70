"""For rubric authors: how each training reply meets each need, by pattern and by meaning.

    python scripts/need_report.py SECTOR_ID LANG [STEP] [--kinds excellent,good]

Reads only the corpus' training part (`split: train`); the holdout is never shown, so a
rubric written with this report can still be measured honestly. Each line is one reply:
label, kind, then per need `id=R/M` (pattern credit / meaning credit, 0-1), then the text.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lab.content import load_sectors  # noqa: E402
from lab.scoring.corpus import load_corpus  # noqa: E402
from lab.scoring.encoder import Encoder  # noqa: E402
from lab.scoring.scorer import Scorer  # noqa: E402

# Replies' sentences are embedded once and kept here, so running the report again after an
# edit of the rubric costs only the new phrasings.
CACHE = Path(tempfile.gettempdir()) / "tnps-lab-need-report.npz"


class CachingEncoder(Encoder):
    """An encoder that remembers every text it embedded, across runs."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: dict[str, np.ndarray] = {}
        try:
            with np.load(CACHE) as stored:
                self.seen = dict(zip(stored["texts"].tolist(), stored["vectors"], strict=True))
        except (OSError, ValueError, KeyError):
            pass

    def embed(self, texts):  # noqa: ANN001, ANN201
        missing = [t for t in dict.fromkeys(texts) if t not in self.seen]
        if missing:
            self.seen.update(zip(missing, super().embed(missing), strict=True))
        return np.stack([self.seen[t] for t in texts]) if texts else super().embed([])

    def save(self) -> None:
        """Write the cache atomically (several reports may run at once)."""
        fd, tmp = tempfile.mkstemp(dir=CACHE.parent, suffix=".npz")
        with os.fdopen(fd, "wb") as out:
            np.savez(out, texts=np.array(list(self.seen)),
                     vectors=np.stack(list(self.seen.values())))
        os.replace(tmp, CACHE)


def main() -> None:
    """Print the report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sector")
    parser.add_argument("lang", choices=("ru", "en"))
    parser.add_argument("step", type=int, nargs="?")
    parser.add_argument("--kinds", default="")
    args = parser.parse_args()
    kinds = set(filter(None, args.kinds.split(",")))
    sector = next(s for s in load_sectors() if s.id == args.sector)
    encoder = CachingEncoder()
    scorer = Scorer(encoder=encoder)
    for item in load_corpus(older=False):
        if item.split != "train" or item.sector != args.sector or item.lang != args.lang:
            continue
        if (args.step and item.step != args.step) or (kinds and item.kind not in kinds):
            continue
        trial = sector.trial(item.step)
        analysis = scorer.read(trial, item.text, item.lang).analysis
        found = analysis.needs
        needs = " ".join(f"{n.id}={found[n.id].rule:.1f}/{found[n.id].meaning:.1f}"
                         for n in trial.rubric.needs)
        harms = [name for name, hits in analysis.harms.items() if hits]
        harms += [name for name, hits in analysis.warned.items() if hits]
        harms += list(analysis.signals)
        print(f"[{item.id}] {item.label:>2} {item.kind:9s} {needs}"
              f"{' HARMS:' + ','.join(harms) if harms else ''}\n    {item.text}")
    encoder.save()


if __name__ == "__main__":
    main()

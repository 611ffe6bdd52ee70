"""The labelled reply corpus in tests/eval: what team leads rated, read into plain items.

`tests/eval/corpus/SECTOR.LANG.yaml` are the blind batches (a third of each step is the
holdout); the older files in `tests/eval/` are all training material now. Kinds of the older
files map onto the five kinds of the corpus. `tests/eval/supplement/` holds blind batches
without the corpus' spread of kinds (poor and gaming; good, poor and gaming), written to
harden the gaming and harm signs: training material too, so that the holdout keeps the
corpus' spread of kinds. `tests/eval/fresh/`
holds blind batches that nothing has fitted on or tuned a rule by: `load_corpus` never reads
them, and `bench/bench_fresh.py` rates them with the shipped model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from lab.paths import ROOT

EVAL_DIR = ROOT / "tests" / "eval"
CORPUS_DIR = EVAL_DIR / "corpus"
SUPPLEMENT = "supplement"
FRESH_DIR = EVAL_DIR / "fresh"
KINDS = ("excellent", "good", "mediocre", "poor", "gaming")
# Older sets, written before the corpus, with their own kind names.
OLDER = {
    "unexpected_charge.yaml": "unexpected-charge",
    "unexpected_charge_extra.yaml": "unexpected-charge",
    "poor_connection.yaml": "poor-connection",
    "price_change.yaml": "price-change",
    "about_to_leave.yaml": "about-to-leave",
}
_OLD_KINDS = {"short_good": "excellent", "ordinary": "mediocre", "long_bad": "poor"}


@dataclass(frozen=True)
class Item:
    """One labelled reply."""

    id: str
    sector: str
    lang: str
    step: int
    kind: str
    label: int
    split: str  # train | holdout
    text: str

    @property
    def supplement(self) -> bool:
        """From a batch of the low kinds only, whose spread of ratings is not the corpus'."""
        return self.id.startswith(f"{SUPPLEMENT}:")

    @property
    def trial(self) -> tuple[str, int]:
        """The trial the reply answers: (sector, step)."""
        return self.sector, self.step


def _kind(raw: str) -> str:
    if raw.startswith("gaming"):
        return "gaming"
    return _OLD_KINDS.get(raw, raw)


def load_corpus(folder: Path = EVAL_DIR, older: bool = True) -> list[Item]:
    """Every labelled reply: the blind corpus, then (when asked) the older sets as training."""
    items: list[Item] = []
    for path in sorted((folder / "corpus").glob("*.yaml")):
        sector = path.name.split(".")[0]
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
            items.append(Item(raw["id"], sector, raw["lang"], int(raw["step"]), raw["kind"],
                              int(raw["label"]), raw["split"], raw["text"]))
    if older:
        items += _batches(folder / SUPPLEMENT, SUPPLEMENT, "train")
        for name, sector in OLDER.items():
            path = folder / name
            if not path.exists():
                continue
            for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
                items.append(Item(f"{name}:{raw['id']}", sector, raw["lang"], int(raw["step"]),
                                  _kind(raw["kind"]), int(raw["label"]), "train", raw["text"]))
    return items


def _batches(folder: Path, prefix: str, split: str) -> list[Item]:
    """The replies of a folder's SECTOR.LANG[.N].yaml batches, ids prefixed, one split."""
    items = []
    for path in sorted(folder.glob("*.yaml")):
        sector = path.name.split(".")[0]
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
            items.append(Item(f"{prefix}:{raw['id']}", sector, raw["lang"], int(raw["step"]),
                              raw["kind"], int(raw["label"]), split, raw["text"]))
    return items


def load_fresh(folder: Path = FRESH_DIR) -> list[Item]:
    """Every reply of the fresh batches (split "fresh"): a measure, never training."""
    return _batches(folder, "fresh", "fresh")


def load_jsonl(path: Path) -> list[Item]:
    """Labelled replies written one JSON object a line (`lab eval export`): the same fields
    as the corpus, with the sector on each line; a line without a kind has kind ""."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        items.append(Item(str(raw["id"]), raw["sector"], raw["lang"], int(raw["step"]),
                          _kind(raw.get("kind") or ""), int(raw["label"]),
                          raw.get("split") or "holdout", raw["text"]))
    return items

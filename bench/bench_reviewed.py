"""The scorer, as shipped, against the leads' judgement on real replies.

Run: lab eval export --out reviewed.jsonl; python bench/bench_reviewed.py reviewed.jsonl

Rates every reviewed reply again with the current scorer and prints, overall and per
language and sector: n, Spearman against the leads' ratings, the mean gap (lead minus
scorer) and category accuracy, and beside them the same figures for the ratings the scorer
gave when the reply was written, so a change to the scorer shows whether it moved towards
the leads. Below lab.calibration.agreement.MIN_REVIEWS replies a group's Spearman is "-".
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lab.calibration.agreement import Pair, figures  # noqa: E402
from lab.content import load_sectors  # noqa: E402
from lab.scoring.corpus import load_jsonl  # noqa: E402
from lab.scoring.scorer import Scorer  # noqa: E402


def _row(name: str, pairs: list[Pair]) -> str:
    f = figures(pairs)
    rho = f"{f.spearman:.3f}" if f.spearman is not None else "  -  "
    return (f"{name:28s} n={f.n:4d}  spearman {rho}  mean gap {f.mean_gap:+.2f}  "
            f"category {f.same_category:5.1%}")


def main() -> None:
    """Score the exported replies and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path, help="JSONL written by `lab eval export`")
    args = parser.parse_args()
    items = load_jsonl(args.file)
    then = {json.loads(line)["id"]: json.loads(line).get("scorer_rating")
            for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()}
    sectors = {s.id: s for s in load_sectors()}
    scorer = Scorer()
    now: list[Pair] = []
    old: list[Pair] = []
    for item in items:
        if item.sector not in sectors:
            continue  # a sector removed since the review
        rating = scorer.score(sectors[item.sector].trial(item.step), item.text, item.lang).rating
        now.append(Pair(rating, item.label, item.sector, item.lang))
        if then.get(item.id) is not None:
            old.append(Pair(int(then[item.id]), item.label, item.sector, item.lang))
    for title, pairs in (("== the scorer now", now), ("== the scorer when the reply was written",
                                                      old)):
        print(title)
        if not pairs:
            print("no reviewed replies")
            continue
        print(_row("all", pairs))
        for key in sorted({p.lang for p in pairs}):
            print(_row(f"lang {key}", [p for p in pairs if p.lang == key]))
        for key in sorted({p.sector for p in pairs}):
            print(_row(f"sector {key}", [p for p in pairs if p.sector == key]))


if __name__ == "__main__":
    main()

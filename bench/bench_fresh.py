"""The scorer on a fresh measure: blind replies no rule and no fit has used yet.

`tests/eval/fresh/` holds batches written by new authors, who saw only what an agent sees:
of every kind, or of the kinds the corpus' holdout has few of (see each file's header). The
shipped model rates them as the app would, and the figures say how far the scorer
generalises to wording from other hands: Spearman, excellent replies rated promoters,
gaming replies above 3, poor replies at 7 or more, good replies (labelled 7-8) rated
passives, category accuracy. Once reported, a later round may take them as training material
(`tests/eval/supplement/`), and then a new fresh batch is needed to measure.

Run: python bench/bench_fresh.py [--show]   (--show prints each reply the targets miss)
Prints plain numbers; not a test.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lab.content import load_sectors  # noqa: E402
from lab.scoring import fit  # noqa: E402
from lab.scoring.agreement import agreement  # noqa: E402
from lab.scoring.corpus import FRESH_DIR, Item, load_fresh  # noqa: E402
from lab.scoring.model import load_model  # noqa: E402
from lab.scoring.result import category_for  # noqa: E402
from lab.scoring.scorer import Scorer  # noqa: E402


def missed(item: Item, rating: int) -> bool:
    """Whether this rating misses a target for the reply's kind."""
    return ((item.kind == "gaming" and rating > 3) or (item.kind == "poor" and rating >= 7)
            or (item.kind == "good" and category_for(rating) != "passive")
            or (item.kind == "excellent" and rating < 9))


def main() -> None:
    """Rate the fresh batches with the shipped model and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each reply that misses")
    args = parser.parse_args()
    items = load_fresh()
    if not items:
        sys.exit(f"no fresh batches in {FRESH_DIR}")
    sectors = {s.id: s for s in load_sectors()}
    start = time.perf_counter()
    read = fit.read_items(Scorer(), items, sectors)
    ratings = [int(r) for r in fit.predict(load_model(), read)]
    print(f"rated {len(read.items)} fresh replies in {time.perf_counter() - start:.0f} s "
          "with the shipped model (never fitted on them)")
    for lang in ("ru", "en"):
        index = [k for k, item in enumerate(read.items) if item.lang == lang]
        if not index:
            continue
        kinds = Counter(read.items[k].kind for k in index)
        good = Counter(category_for(ratings[k]) for k in index if read.items[k].kind == "good")
        a = agreement([read.items[k].kind for k in index], [read.items[k].label for k in index],
                      [ratings[k] for k in index])
        print(f"{lang}: n={a.n}  spearman {a.spearman:.3f}  excellent->promoter "
              f"{a.excellent_promoters:.1%} of {kinds['excellent']}  gaming>3 "
              f"{a.gaming_above_3} of {kinds['gaming']}  poor>=7 "
              f"{a.poor_at_7} of {kinds['poor']}  good as passive {good['passive']} of "
              f"{kinds['good']} (promoter {good['promoter']}, detractor "
              f"{good['detractor']})  category {a.category_accuracy:.1%}")
        for sector in sorted({read.items[k].sector for k in index}):
            mine = [k for k in index if read.items[k].sector == sector]
            print(f"  {sector:18s} n={len(mine):3d}  missed "
                  f"{sum(missed(read.items[k], ratings[k]) for k in mine)}")
        if args.show:
            for k in index:
                item = read.items[k]
                if missed(item, ratings[k]):
                    print(f"    {item.kind} label {item.label} rated {ratings[k]} "
                          f"{item.sector}:{item.step}  {item.text[:160]}")


if __name__ == "__main__":
    main()

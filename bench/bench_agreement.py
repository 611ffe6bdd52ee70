"""Agreement of the scorer with team leads' labels, measured on replies it was not fitted on.

Run: python bench/bench_agreement.py [--no-loto]. Prints, per language and per sector:
Spearman, the share of excellent replies rated promoters, gaming replies above 3, poor replies
at 7 or more, and category accuracy, on

- the holdout: the model fitted on every training reply (as `lab scorer fit` does), rating the
  third of each trial that no rubric author and no fitting saw;
- leave-one-trial-out: for each of the 24 trials, the model fitted without any reply to that
  trial, rating all of that trial's corpus replies.

Targets (per language): Spearman >= 0.85, excellent promoters >= 85%, no gaming reply above
3, no poor reply at 7 or more, category accuracy >= 75%; Spearman >= 0.8 per sector.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lab.content import load_sectors  # noqa: E402
from lab.scoring import fit  # noqa: E402
from lab.scoring.agreement import Agreement, agreement  # noqa: E402
from lab.scoring.corpus import Item, load_corpus  # noqa: E402
from lab.scoring.scorer import Scorer  # noqa: E402

LANGS = ("ru", "en")


def figures(read: fit.Read, ratings: np.ndarray, keep: Callable[[Item], bool]) -> Agreement:
    """Agreement over the items that pass keep."""
    index = [i for i, item in enumerate(read.items) if keep(item)]
    return agreement([read.items[i].kind for i in index], [read.items[i].label for i in index],
                     [int(ratings[i]) for i in index])


def line(name: str, a: Agreement) -> str:
    """One printed row, with the targets a language row misses marked."""
    missed = [k for k, ok in a.meets().items() if not ok]
    return (f"{name:28s} n={a.n:4d}  spearman {a.spearman:.3f}  excellent->promoter "
            f"{a.excellent_promoters:5.1%}  gaming>3 {a.gaming_above_3:2d}  poor>=7 "
            f"{a.poor_at_7:2d}  category {a.category_accuracy:5.1%}"
            + (f"  [below: {', '.join(missed)}]" if missed else ""))


def loto(read: fit.Read) -> np.ndarray:
    """Ratings of every corpus reply by a model fitted without its trial."""
    ratings = np.full(len(read.items), -1.0)
    trials = sorted({item.trial for item in read.items if not item.id.count(":")})
    for trial in trials:
        train = read.subset(lambda i, t=trial: i.split == "train" and i.trial != t)
        model = fit.as_model(fit.fit(train))
        index = [k for k, item in enumerate(read.items)
                 if item.trial == trial and ":" not in item.id]
        ratings[index] = fit.predict(model, read.rows(index))
    return ratings


def main() -> None:
    """Read the corpus, fit, rate and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-loto", action="store_true", help="skip leave-one-trial-out")
    args = parser.parse_args()
    sectors = {s.id: s for s in load_sectors()}
    start = time.perf_counter()
    read = fit.read_items(Scorer(), load_corpus(), sectors)
    print(f"read {len(read.items)} replies in {time.perf_counter() - start:.0f} s")
    corpus = read.subset(lambda i: ":" not in i.id)  # the blind corpus, without older sets

    model = fit.as_model(fit.fit(read.subset(lambda i: i.split == "train")))
    held = fit.predict(model, corpus)
    print("\n== holdout (fitted on the training part only)")
    for lang in LANGS:
        print(line(f"{lang} all", figures(corpus, held,
                                           lambda i, g=lang: i.lang == g and i.split == "holdout")))
    for sector in sectors:
        for lang in LANGS:
            print(line(f"{lang} {sector}", figures(
                corpus, held, lambda i, g=lang, s=sector: i.lang == g and i.sector == s
                and i.split == "holdout")))
    if args.no_loto:
        return
    start = time.perf_counter()
    out = loto(read)[[k for k, item in enumerate(read.items) if ":" not in item.id]]
    print(f"\n== leave-one-trial-out ({time.perf_counter() - start:.0f} s; each trial rated by "
          "a model fitted without it)")
    for lang in LANGS:
        print(line(f"{lang} all", figures(corpus, out, lambda i, g=lang: i.lang == g)))
    for sector in sectors:
        for lang in LANGS:
            print(line(f"{lang} {sector}", figures(
                corpus, out, lambda i, g=lang, s=sector: i.lang == g and i.sector == s)))


if __name__ == "__main__":
    main()

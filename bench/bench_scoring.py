"""Benchmark of the reply scorer: load time, a sent reply's scoring, live warnings.

Run: python bench/bench_scoring.py [--replies N]. Prints plain numbers; not a test.
Targets: load (sectors, lexicon, encoder, fitted model, every trial prepared) <= 2 s; a sent
reply of up to 120 words <= 300 ms p95; live warnings while typing < 5 ms p95.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lab.content import load_sectors  # noqa: E402
from lab.paths import SECTORS_DIR  # noqa: E402
from lab.scoring import Scorer  # noqa: E402


def replies(sectors, lang: str, count: int, words: int, seed: int = 7) -> list:
    """Varied replies of a given length, built by shuffling sentences of the model answers."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        sector = rng.choice(sectors)
        pool = [s.strip() + "." for t in sector.trials
                for s in t.model_answer.get(lang).replace("?", ".").split(".") if s.strip()]
        chosen: list[str] = []
        while len(chosen) < words:
            chosen += rng.choice(pool).split()
        out.append((sector.trial(rng.randint(1, sector.steps)), " ".join(chosen[:words])))
    return out


def percentile(times: list[float], share: float) -> float:
    """The value below which this share of the sorted times fall."""
    times = sorted(times)
    return times[min(len(times) - 1, int(len(times) * share))]


def main() -> None:
    """Time loading, scoring and warnings, and print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replies", type=int, default=200)
    args = parser.parse_args()

    start = time.perf_counter()
    sectors = load_sectors(SECTORS_DIR)
    scorer = Scorer()
    for sector in sectors:
        for trial in sector.trials:
            for lang in ("ru", "en"):
                scorer.prepare(trial, lang)
    scorer.model  # noqa: B018 (reads the fitted model file)
    scorer.encoder.embed(["warm-up"])
    print(f"load (sectors, lexicon, encoder, fitted model, 48 trials prepared): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")

    for words in (60, 120):
        for lang in ("ru", "en"):
            batch = replies(sectors, lang, args.replies, words)
            times = []
            for trial, text in batch:
                scorer.encoder.forget()  # every reply is new to the encoder, as on the page
                t0 = time.perf_counter()
                scorer.score(trial, text, lang)
                times.append((time.perf_counter() - t0) * 1000)
            print(f"score {lang}, {words} words, {len(times)} replies: median "
                  f"{statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms, "
                  f"max {max(times):.1f} ms")
    for lang in ("ru", "en"):
        batch = replies(sectors, lang, args.replies, 60)
        times = []
        for trial, text in batch:
            t0 = time.perf_counter()
            scorer.warnings(trial, text, lang)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"live warnings {lang}, 60 words: median {statistics.median(times):.2f} ms, "
              f"p95 {percentile(times, 0.95):.2f} ms")


if __name__ == "__main__":
    main()

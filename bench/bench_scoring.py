"""Benchmark of the reply scorer: load time, then time per 60-word reply (median, p99).

Run: python bench/bench_scoring.py [--replies N]. Prints plain numbers; not a test.
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

WORDS = 60


def replies(sector, lang: str, count: int, seed: int = 7) -> list[tuple[int, str]]:
    """Varied 60-word replies built by shuffling sentences of the model answers."""
    rng = random.Random(seed)
    pool = [s.strip() + "." for t in sector.trials
            for s in t.model_answer.get(lang).replace("?", ".").split(".") if s.strip()]
    out = []
    for _ in range(count):
        words: list[str] = []
        while len(words) < WORDS:
            words += rng.choice(pool).split()
        out.append((rng.randint(1, sector.steps), " ".join(words[:WORDS])))
    return out


def main() -> None:
    """Time loading and scoring, and print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replies", type=int, default=2000)
    args = parser.parse_args()

    start = time.perf_counter()
    sector = load_sectors(SECTORS_DIR)[0]
    scorer = Scorer()
    for trial in sector.trials:
        for lang in ("ru", "en"):
            scorer.prepare(trial, lang)
    load_ms = (time.perf_counter() - start) * 1000
    print(f"load (sectors, lexicon, lemmatiser, compiled trials): {load_ms:.0f} ms")

    for lang in ("ru", "en"):
        batch = replies(sector, lang, args.replies)
        for step, text in batch[:50]:  # first sight of each word fills the lemma cache
            scorer.score(sector.trial(step), text, lang)
        times = []
        for step, text in batch:
            t0 = time.perf_counter()
            scorer.score(sector.trial(step), text, lang)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        p99 = times[int(len(times) * 0.99) - 1]
        print(f"{lang}: {len(times)} replies of {WORDS} words: median "
              f"{statistics.median(times):.3f} ms, p99 {p99:.3f} ms, max {times[-1]:.3f} ms")

    cold = "Здравствуйте, уникальнейшие словоформы: переподключившиеся, недоотключённые."
    t0 = time.perf_counter()
    scorer.score(sector.trial(1), cold, "ru")
    print(f"ru reply with unseen words (cold lemma cache): "
          f"{(time.perf_counter() - t0) * 1000:.3f} ms")


if __name__ == "__main__":
    main()

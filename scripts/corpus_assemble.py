"""Turn an author's batch of labelled replies into a corpus file, holdout chosen by rule.

    python scripts/corpus_assemble.py BATCH.yaml SECTOR_ID LANG [NUMBER] [--supplement|--fresh]

NUMBER (2, 3...) names a later batch for the same sector and language: it is written to
`SECTOR.LANG.NUMBER.yaml` and its ids carry `bNUMBER`, so earlier files stay as they were.
`--supplement` writes a batch without the corpus' spread of kinds (the low kinds, or the
good and low kinds) to `tests/eval/supplement/SECTOR.LANG.yaml` (`SECTOR.LANG.NUMBER.yaml`
for a later one), all of it training material: a holdout drawn from it would tilt the
holdout's spread of kinds. `--fresh` writes such a batch to `tests/eval/fresh/` instead:
nothing fits on it or tunes a rule by it until it is measured (`bench/bench_fresh.py`).

The holdout is fixed before anyone scores the batch: per step, replies sorted by kind
(excellent, good, mediocre, poor, gaming) in the author's order, every third one from the
third is `holdout`. The file opens with the brief the author worked from, word for word, so
anyone can see how blind it was.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.corpus_brief import brief  # noqa: E402

KINDS = ("excellent", "good", "mediocre", "poor", "gaming")
OUT = Path(__file__).resolve().parent.parent / "tests" / "eval" / "corpus"
HEADER = """\
# Blind labelled replies: sector {sector}, language {lang}.
#
# Written by an author who saw only the brief below (what an agent sees in the Lab) and the
# labelling guide of the team (the customer rates first whether the problem got solved,
# concretely, and whether they felt heard; blame, rudeness, buck-passing or refusing what
# is allowed makes a detractor; length is no merit; habits add but are not required). The
# author never saw the rubric, the model answers, Eva's hints or warnings, the Codex, the
# scorer or earlier corpus files.
# Kinds per step: {kinds}. `label` is the 0-10
# rating this customer, in this mood, would give. `split: holdout` (a third of each step,
# chosen by scripts/corpus_assemble.py before any scoring) is kept out of rubric writing and
# model fitting and is measured once at the end of a change.
#
# The brief, as the author read it:
{brief}
"""


SUPPLEMENT_NOTE = """\
# A supplement without the corpus' spread of kinds ({kinds_only}), all of it training
# material. {asked}
# The holdout stays in tests/eval/corpus/ with its spread.
"""

FRESH_NOTE = """\
# A fresh measure without the corpus' spread of kinds ({kinds_only}). {asked}
# Rated by the shipped model before any rule or fit used it (bench/bench_fresh.py);
# `lab scorer fit` does not read it. Once measured and reported, a later round may move
# it to the supplement.
"""

FRESH_FULL_NOTE = """\
# A fresh measure with every kind of the corpus. The author was asked for excellent replies
# short and full, good ones that miss something a demanding customer wants, failures that
# look competent at first glance and a different trick in each gaming reply.
# Rated by the shipped model before any rule or fit used it (bench/bench_fresh.py);
# `lab scorer fit` does not read it. Once measured and reported, a later round may move
# it to the supplement.
"""

ASKED = ("The author was asked for failures that look competent at first glance and for a\n"
         "# different trick in each gaming reply.")
ASKED_GOOD = ("The author was asked for good replies that solve the problem yet miss\n"
              "# something a demanding customer wants, for failures that look competent at\n"
              "# first glance and for a different trick in each gaming reply.")


def assemble(batch: list[dict], sector: str, lang: str, number: int = 1) -> list[dict]:
    """Items with ids and splits, in step and kind order."""
    prefix = f"{sector}-{lang}-" + (f"b{number}-" if number > 1 else "")
    items = []
    for step in sorted({int(i["step"]) for i in batch}):
        ordered = sorted((i for i in batch if int(i["step"]) == step),
                         key=lambda i: KINDS.index(i["kind"]))
        for seq, item in enumerate(ordered, start=1):
            items.append({"id": f"{prefix}{step}-{seq:02d}", "lang": lang,
                          "step": step, "kind": item["kind"], "label": int(item["label"]),
                          "split": "holdout" if seq % 3 == 0 else "train",
                          "text": str(item["text"]).strip()})
    return items


def main() -> None:
    """Write tests/eval/corpus/SECTOR.LANG.yaml from a batch file."""
    fresh = "--fresh" in sys.argv[1:]
    args = [a for a in sys.argv[1:] if a not in ("--supplement", "--fresh")]
    supplement = len(args) < len(sys.argv) - 1
    if len(args) not in (3, 4):
        sys.exit("usage: python scripts/corpus_assemble.py BATCH.yaml SECTOR_ID ru|en [NUMBER]"
                 " [--supplement|--fresh]")
    path, sector, lang = Path(args[0]), args[1], args[2]
    number = int(args[3]) if len(args) == 4 else 1
    batch = yaml.safe_load(path.read_text(encoding="utf-8"))
    bad = [i for i in batch if i.get("kind") not in KINDS or not 0 <= int(i["label"]) <= 10]
    if bad:
        sys.exit(f"{path}: {len(bad)} items with an unknown kind or a label outside 0-10")
    items = assemble(batch, sector, lang, number)
    if supplement:
        for item in items:
            item["split"] = "train"
    first = min(int(i["step"]) for i in batch)
    kinds = ", ".join(f"{sum(i['kind'] == k and int(i['step']) == first for i in batch)} {k}"
                      for k in KINDS)
    header = HEADER.format(sector=sector, lang=lang, kinds=kinds, brief="\n".join(
        ("# " + line).rstrip() for line in brief(sector, lang).splitlines()))
    if supplement:
        present = [k for k in KINDS if any(i["kind"] == k for i in batch)]
        note = FRESH_NOTE if fresh else SUPPLEMENT_NOTE
        if fresh and len(present) == len(KINDS):
            note = FRESH_FULL_NOTE
        header = note.format(kinds_only=", ".join(present),
                             asked=ASKED_GOOD if "good" in present else ASKED) + header
    body = yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=100)
    out = OUT.parent / ("fresh" if fresh else "supplement") if supplement else OUT
    out.mkdir(parents=True, exist_ok=True)
    target = out / (f"{sector}.{lang}.yaml" if number == 1 else f"{sector}.{lang}.{number}.yaml")
    target.write_text(header + "\n" + body, encoding="utf-8")
    print(f"{target}: {len(items)} replies, "
          f"{sum(i['split'] == 'holdout' for i in items)} holdout")


if __name__ == "__main__":
    main()

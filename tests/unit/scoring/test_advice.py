"""Advice that is never wrong about the reply, and scores that are graded, over the corpus."""

from __future__ import annotations

import yaml

from lab.scoring.corpus import EVAL_DIR, load_corpus
from tests.unit.scoring.helpers import score_text, sectors

NEEDS_MET = EVAL_DIR / "needs_met.yaml"


def wrong_advice(split: str) -> tuple[list[tuple[str, str]], int]:
    """(reply, need) pairs where advice names a need the reply meets, and all such pairs."""
    met = yaml.safe_load(NEEDS_MET.read_text(encoding="utf-8"))
    items = {item.id: item for item in load_corpus(older=False)}
    wrong, pairs = [], 0
    for reply_id, needs in met.items():
        item = items[reply_id]
        if item.split != split:
            continue
        trial = sectors()[item.sector].trial(item.step)
        advice = {f.message for f in score_text(item.sector, item.step, item.lang,
                                                item.text).feedback}
        for need in trial.rubric.needs:
            if need.id in needs:
                pairs += 1
                if need.feedback.get(item.lang) in advice:
                    wrong.append((reply_id, need.id))
    return wrong, pairs


def test_excellent_replies_are_rarely_told_a_need_they_meet_is_missing() -> None:
    """Advice names a need an excellent reply meets in at most 1.7% of (reply, need) pairs
    of the training part and 5.5% of the holdout's (target: never; measured 23 of 1,390 and
    25 of 478 with the second batch annotated, which brought 11 and 6 of them; the first
    batch alone is unchanged at 12 of 1,014 and 19 of 353)."""
    wrong, pairs = wrong_advice("train")
    assert pairs >= 1300 and len(wrong) <= 0.017 * pairs, wrong
    wrong, pairs = wrong_advice("holdout")
    assert pairs >= 450 and len(wrong) <= 0.055 * pairs, len(wrong)


def test_dimension_scores_are_graded() -> None:
    """Scores take partial values: most replies have a dimension strictly between 0 and 100."""
    items = [i for i in load_corpus(older=False) if i.split == "holdout"]
    partial, values = 0, set()
    for item in items:
        scores = score_text(item.sector, item.step, item.lang, item.text).scores
        dims = (scores.reliability, scores.empathy, scores.inspiration)
        partial += any(0 < d < 100 for d in dims)
        values.update(dims)
    assert partial / len(items) >= 0.5
    assert len(values) >= 40

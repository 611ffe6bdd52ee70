"""Advice that is never wrong about the reply, and scores that are graded, over the corpus."""

from __future__ import annotations

import yaml

from lab.scoring.corpus import EVAL_DIR, load_corpus
from tests.unit.scoring.helpers import score_text, sectors

NEEDS_MET = EVAL_DIR / "needs_met.yaml"


def test_no_excellent_reply_is_told_a_need_it_meets_is_missing() -> None:
    """For every excellent corpus reply, no advice names a need its meaning meets."""
    met = yaml.safe_load(NEEDS_MET.read_text(encoding="utf-8"))
    items = {item.id: item for item in load_corpus(older=False)}
    wrong = []
    for reply_id, needs in met.items():
        item = items[reply_id]
        trial = sectors()[item.sector].trial(item.step)
        advice = {f.message for f in score_text(item.sector, item.step, item.lang,
                                                item.text).feedback}
        wrong += [(reply_id, need.id) for need in trial.rubric.needs
                  if need.id in needs and need.feedback.get(item.lang) in advice]
    assert len(met) >= 500
    assert wrong == []


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

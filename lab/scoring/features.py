"""What the fitted rating model reads: a fixed list of numbers describing one reply.

Every feature means the same in every trial (shares of the trial's needs met, habits shown,
harms and gaming signs found, the customer's mood), so a model fitted on some trials rates a
trial it never saw. Names are stable: the fitted model file lists them, and a model whose
list differs from this one is refused at load.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lab.content.sector import MOODS, Trial

HARMS = ("hedge", "hedge_weak", "blame", "buck_passing", "jargon", "rudeness", "dismissive",
         "upsell", "empty_words")
SIGNALS = ("keyword_list", "repetition", "copy", "caps", "padding")
HABITS = ("greeting", "acknowledge", "apology", "thanks", "offer_help", "reassurance")

# +1: more of it can only raise the rating; -1: only lower it; 0: either way.
MONOTONE: dict[str, int] = {
    "need_share": 1, "core_share": 1, "core_min": 1, "rule_share": 1, "meaning_share": 1,
    "lift_share": 1, "core_lift_min": 1, "missing_share": -1, "habit_share": 1,
    **{f"habit_{h}": 1 for h in HABITS},
    **{f"harm_{h}": -1 for h in HARMS},
    "refusals": -1,
    **{f"sign_{s}": -1 for s in SIGNALS},
    **{f"like_{h}": -1 for h in ("blame", "dismissive", "buck_passing", "refusal",
                                 "overpromise", "upsell")},
    "unknown_figures": -1,
    # The same reply can only rate lower with an angrier customer: left free, the trees
    # once gave a cold, correct fix a 9 from a furious customer and an 8 from a calm one.
    "log_words": 0, "sentences": 0, "mood": -1, "answer_lift": 1,
}
NAMES: tuple[str, ...] = tuple(MONOTONE)
# The last feature the trees read is not computed here: it is what a linear probe, fitted
# with the trees, reads off the reply's gist (its mean meaning vector), on the leads' 0-10
# scale. A terse "Understood. The offer is valid for 7 days." meets the need as well as a
# warm reply does; the leads rate it lower, and only the wording as a whole tells them apart.
PROBED = "reads_like"
MODEL_NAMES: tuple[str, ...] = (*NAMES, PROBED)
MODEL_MONOTONE: dict[str, int] = {**MONOTONE, PROBED: 1}


@dataclass(frozen=True)
class NeedCredit:
    """One need as the rating sees it: weight, whether it is core, and the credits found."""

    weight: float
    core: bool
    rule: float
    meaning: float
    credit: float
    lift: float = 0.0


def vector(trial: Trial, needs: list[NeedCredit], habits: dict[str, bool],
           habit_share: float, harms: dict[str, int], refusals: int,
           signals: dict[str, float], words: int, sentences: int, mood: str,
           answer_lift: float, harm_lifts: dict[str, float] | None = None,
           unknown_figures: int = 0) -> list[float]:
    """The feature vector, in the order of NAMES."""
    total = sum(n.weight for n in needs) or 1.0
    core = [n for n in needs if n.core] or needs
    core_total = sum(n.weight for n in core) or 1.0
    values: dict[str, float] = {
        "need_share": sum(n.weight * n.credit for n in needs) / total,
        "core_share": sum(n.weight * n.credit for n in core) / core_total,
        "core_min": min((n.credit for n in core), default=0.0),
        "rule_share": sum(n.weight * n.rule for n in needs) / total,
        "meaning_share": sum(n.weight * n.meaning for n in needs) / total,
        "lift_share": sum(n.weight * n.lift for n in needs) / total,
        "core_lift_min": min((n.lift for n in core), default=0.0),
        "missing_share": sum(n.weight for n in needs if n.credit < 0.5) / total,
        "habit_share": habit_share,
        **{f"habit_{h}": float(habits.get(h, False)) for h in HABITS},
        **{f"harm_{h}": float(min(2, harms.get(h, 0))) for h in HARMS},
        "refusals": float(min(2, refusals)),
        **{f"sign_{s}": float(signals.get(s, 0.0)) for s in SIGNALS},
        **{f"like_{h}": float((harm_lifts or {}).get(h, 0.0))
           for h in ("blame", "dismissive", "buck_passing", "refusal", "overpromise", "upsell")},
        "unknown_figures": float(min(2, unknown_figures)),
        "log_words": math.log1p(words),
        "sentences": float(min(sentences, 12)),
        "mood": float(MOODS.index(mood) if mood in MOODS else 2),
        "answer_lift": answer_lift,
    }
    return [values[name] for name in NAMES]

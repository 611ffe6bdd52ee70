"""What the scorer returns: scores, the rating the customer would give, and feedback."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PROMOTER_MIN = 9
PASSIVE_MIN = 7


def category_for(rating: int) -> str:
    """Map a 0-10 rating to promoter (9-10), passive (7-8) or detractor (0-6)."""
    if rating >= PROMOTER_MIN:
        return "promoter"
    return "passive" if rating >= PASSIVE_MIN else "detractor"


@dataclass(frozen=True)
class Scores:
    """The three dimensions of service, each 0-100."""

    reliability: int
    empathy: int
    inspiration: int


@dataclass(frozen=True)
class Feedback:
    """One piece of advice: which dimension it serves, what to do, where the Codex says so."""

    dimension: str
    message: str
    codex: str


@dataclass(frozen=True)
class Findings:
    """What the reply did, by the trial's need ids, for the customer's next words.

    `untimed`: met, but without the time the need asks for. `given`: counted as met because
    an earlier reply of the same call already said it. `harms`: the kinds of harm and
    gaming signs found (blame, rudeness, keyword_list...; `refusal` for a refused fix).
    """

    met: tuple[str, ...] = ()
    untimed: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()
    given: tuple[str, ...] = ()
    harms: tuple[str, ...] = ()

    def to_json(self) -> dict[str, list[str]]:
        """Return the findings as a plain dict of lists."""
        return {"met": list(self.met), "untimed": list(self.untimed),
                "missed": list(self.missed), "given": list(self.given),
                "harms": list(self.harms)}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Findings:
        """Read findings stored by `to_json` (missing keys: nothing found)."""
        data = data or {}
        return cls(**{key: tuple(data.get(key, ())) for key in
                      ("met", "untimed", "missed", "given", "harms")})


@dataclass(frozen=True)
class ScoreResult:
    """The outcome of scoring one reply."""

    scores: Scores
    rating: int
    category: str
    feedback: tuple[Feedback, ...]
    # Not part of the public JSON: the conversation reads it to choose what the customer says.
    findings: Findings = Findings()

    def to_json(self) -> dict[str, Any]:
        """Return the public JSON shape as a plain dict (ready for json.dumps or jsonify)."""
        return {
            "scores": {
                "reliability": self.scores.reliability,
                "empathy": self.scores.empathy,
                "inspiration": self.scores.inspiration,
            },
            "rating": self.rating,
            "category": self.category,
            "feedback": [
                {"dimension": f.dimension, "message": f.message, "codex": f.codex}
                for f in self.feedback
            ],
        }


@dataclass(frozen=True)
class DraftWarning:
    """Something to avoid found in a draft reply, with where it sits in the text."""

    kind: str
    message: str
    codex: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        """Return the warning as a plain dict."""
        return {"kind": self.kind, "message": self.message, "codex": self.codex,
                "start": self.start, "end": self.end}

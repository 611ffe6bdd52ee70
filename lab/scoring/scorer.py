"""Turning what a reply contains into the three scores, the rating and the advice."""

from __future__ import annotations

from dataclasses import dataclass

from lab.content.sector import Trial
from lab.scoring.analysis import Analysis, CompiledTrial, analyse, compile_trial
from lab.scoring.constants import WEIGHTS, Weights
from lab.scoring.lexicon import DIMENSIONS, Concept, Lexicon, load_lexicon
from lab.scoring.result import DraftWarning, Feedback, ScoreResult, Scores, category_for

_LANGS = ("ru", "en")


@dataclass
class _Tally:
    """Intermediate sums: (earned, possible) weight of needs and of habits, and the losses."""

    needs: tuple[float, float]
    concepts: tuple[float, float]
    dims: dict[str, float]
    penalty: dict[str, float]
    caps: list[int]
    items: list[tuple[float, Feedback]]


class Scorer:
    """Scores replies; load once and reuse, since compiling patterns is the slow part."""

    def __init__(self, lexicon: Lexicon | None = None, weights: Weights = WEIGHTS) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.weights = weights
        self._trials: dict[tuple[int, str], CompiledTrial] = {}

    def prepare(self, trial: Trial, lang: str) -> CompiledTrial:
        """Compile a trial for a language (cached, so later calls are free)."""
        if lang not in _LANGS:
            raise ValueError(f"unknown language {lang!r}; expected ru or en")
        key = (id(trial), lang)
        compiled = self._trials.get(key)
        if compiled is None or compiled.trial is not trial:
            compiled = self._trials[key] = compile_trial(trial, lang, self.lexicon)
        return compiled

    def score(self, trial: Trial, text: str, lang: str, *, mood: str | None = None
              ) -> ScoreResult:
        """Score a reply to a trial as the customer, in the given mood, would rate it."""
        analysis = analyse(self.prepare(trial, lang), text, self.lexicon, self.weights)
        tally = self._tally(trial, analysis, lang)
        weights = self.weights
        # Needs and habits are pooled by weight, so a step that asks few habits of the agent
        # (a plain factual question) is judged mostly on its needs.
        scale = weights.concept_scale
        base = (tally.needs[0] + scale * tally.concepts[0]) / max(
            tally.needs[1] + scale * tally.concepts[1], 1e-9)
        penalty = sum(weights.dimensions[d] * tally.penalty[d] for d in DIMENSIONS)
        overall = weights.floor + (100 - weights.floor) * base - weights.penalty_scale * penalty
        overall -= weights.padding_points * analysis.signals.get("padding", 0.0)
        debt = weights.mood_empathy_debt.get(mood or trial.mood, 0.0)
        overall -= debt * (100 - max(0.0, tally.dims["empathy"]))
        rating = max(0, min(10, int(overall / 10 + 0.5), *tally.caps))
        dims = tally.dims
        scores = Scores(**{d: round(max(0.0, min(100.0, dims[d]))) for d in DIMENSIONS})
        items = tally.items
        items.sort(key=lambda item: -item[0])
        feedback: list[Feedback] = []
        for _, entry in items:
            if entry not in feedback and len(feedback) < weights.max_feedback:
                feedback.append(entry)
        if not feedback:
            praise = self.lexicon.praise
            feedback.append(Feedback("reliability", praise.message.get(lang), praise.codex))
        return ScoreResult(scores, rating, category_for(rating), tuple(feedback))

    def _tally(self, trial: Trial, analysis: Analysis, lang: str) -> _Tally:
        earned = dict.fromkeys(DIMENSIONS, 0.0)
        possible = dict.fromkeys(DIMENSIONS, 0.0)
        items: list[tuple[float, Feedback]] = []
        caps: list[int] = []
        core_met = False
        for need in trial.rubric.needs:
            outcome = analysis.needs[need.id]
            earned[need.dimension] += need.weight * max(0.0, outcome.credit)
            possible[need.dimension] += need.weight
            core_met |= need.core and outcome.credit >= self.weights.core_met
            if outcome.credit < 1:
                message, codex = need.feedback.get(lang), need.codex
                if outcome.no_time and outcome.credit > 0:
                    time = self.lexicon.concepts["time_frame"]
                    message, codex = time.message.get(lang), time.codex
                items.append((50 + need.weight * 5 * (1 - outcome.credit),
                              Feedback(need.dimension, message, codex)))
            if outcome.refused:
                self._harm(self.lexicon.signals["negated_need"], 1, lang, caps, items)
        needs = (sum(earned.values()), sum(possible.values()))
        concept_earned = concept_possible = 0.0
        for name, weight in trial.rubric.concepts:
            alternatives = name.split("|")
            concept = self.lexicon.concepts[alternatives[0]]
            possible[concept.dimension] += weight
            concept_possible += weight
            if any(analysis.concepts[alt] for alt in alternatives):
                earned[concept.dimension] += weight
                concept_earned += weight
            else:
                items.append((20 + weight, Feedback(concept.dimension, concept.message.get(lang),
                                                    concept.codex)))
        dims = {d: 100 * earned[d] / possible[d] if possible[d] else self.weights.baseline
                for d in DIMENSIONS}
        penalty = dict.fromkeys(DIMENSIONS, 0.0)
        for concept in self.lexicon.harmful():
            count = len(analysis.harms[concept.name]) + len(analysis.warned.get(concept.name, ()))
            if count:
                self._penalise(concept, min(count, self.weights.max_occurrences), penalty)
                self._harm(concept, count, lang, caps, items)
        found = dict(analysis.signals)
        if not core_met:
            found["ignored"] = 1.0
        for name, share in found.items():
            signal = self.lexicon.signals[name]
            self._penalise(signal, share, penalty)
            if share >= 0.5 or name != "padding":
                self._harm(signal, 1, lang, caps, items)
        for d in DIMENSIONS:
            dims[d] -= penalty[d]
        return _Tally(needs, (concept_earned, concept_possible), dims, penalty, caps, items)

    @staticmethod
    def _penalise(concept: Concept, amount: float, penalty: dict[str, float]) -> None:
        for dimension, points in concept.penalty.items():
            penalty[dimension] += points * amount

    @staticmethod
    def _harm(concept: Concept, count: int, lang: str, caps: list[int],
              items: list[tuple[float, Feedback]]) -> None:
        if count >= concept.cap_after:
            caps.append(concept.cap)
        dimension = max(concept.penalty, key=lambda d: concept.penalty[d], default="empathy")
        items.append((100 - concept.cap, Feedback(dimension, concept.message.get(lang),
                                                  concept.codex)))

    def warnings(self, trial: Trial, text: str, lang: str) -> tuple[DraftWarning, ...]:
        """Find what to avoid in a draft: harmful words, shouting and the trial's warnings."""
        analysis = analyse(self.prepare(trial, lang), text, self.lexicon, self.weights)
        doc, found = analysis.doc, []
        for concept in self.lexicon.harmful():
            for hit in analysis.harms[concept.name]:
                start, end = hit.span(doc)
                found.append(DraftWarning(concept.name, concept.message.get(lang),
                                          concept.codex, start, end))
        if "caps" in analysis.signals:
            caps = self.lexicon.signals["caps"]
            found.append(DraftWarning("caps", caps.message.get(lang), caps.codex, 0, len(text)))
        for index, hit in analysis.trial_warnings:
            warning = trial.warnings[index]
            start, end = hit.span(doc)
            found.append(DraftWarning("trial", warning.text.get(lang), warning.codex, start, end))
        return tuple(sorted(found, key=lambda w: (w.start, w.kind)))

"""Turning what a reply contains into the three scores, the rating and the advice."""

from __future__ import annotations

from dataclasses import dataclass

from lab.content.sector import Trial
from lab.scoring import features, signals
from lab.scoring.analysis import Analysis, CompiledTrial, NeedResult, analyse, compile_trial
from lab.scoring.constants import WEIGHTS, Weights
from lab.scoring.encoder import Encoder, shared_encoder
from lab.scoring.lexicon import DIMENSIONS, Concept, Lexicon, load_lexicon
from lab.scoring.model import RatingModel, load_model
from lab.scoring.result import (
    DraftWarning,
    Feedback,
    Findings,
    ScoreResult,
    Scores,
    category_for,
)
from lab.scoring.written import OTHER_LANGUAGE, written_in

_LANGS = ("ru", "en")


# Hedged throughout: one item says so, not one per kind of hedge as well.
_HEDGES = frozenset({"hedge", "hedge_weak"})


@dataclass
class _Tally:
    """Intermediate sums: (earned, possible) weight of needs and of habits, and the losses."""

    needs: tuple[float, float]
    concepts: tuple[float, float]
    dims: dict[str, float]
    penalty: dict[str, float]
    caps: list[int]
    items: list[tuple[float, Feedback]]


@dataclass(frozen=True)
class Reading:
    """A reply read against a trial: what was found, the tallies and the model's features."""

    analysis: Analysis
    tally: _Tally
    features: list[float]


class Scorer:
    """Scores replies; load once and reuse, since compiling patterns is the slow part.

    The rating comes from the fitted model (`fitted/rating.json`) reading the features of
    what was found; the caps of gaming and harm signs are hard rules on top of it. The
    shown scores and the advice come from the same findings.
    """

    def __init__(self, lexicon: Lexicon | None = None, weights: Weights = WEIGHTS,
                 encoder: Encoder | None = None, model: RatingModel | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.weights = weights
        self.encoder = encoder or shared_encoder()
        self._model = model
        self._trials: dict[tuple[int, str], CompiledTrial] = {}

    @property
    def model(self) -> RatingModel:
        """The fitted rating model, read on first use."""
        if self._model is None:
            self._model = load_model()
        return self._model

    def prepare(self, trial: Trial, lang: str) -> CompiledTrial:
        """Compile a trial for a language (cached, so later calls are free)."""
        if lang not in _LANGS:
            raise ValueError(f"unknown language {lang!r}; expected ru or en")
        key = (id(trial), lang)
        compiled = self._trials.get(key)
        if compiled is None or compiled.trial is not trial:
            compiled = self._trials[key] = compile_trial(trial, lang, self.lexicon,
                                                         self.encoder)
        return compiled

    def read(self, trial: Trial, text: str, lang: str, *, mood: str | None = None,
             given: frozenset[str] = frozenset()) -> Reading:
        """Read a reply: findings, tallies and the feature vector the model rates.

        `given` names this trial's needs that an earlier reply of the same call already met
        (the trial's `carried_from`): they count as met, so the agent is neither marked down
        nor told to repeat what the customer has already heard.
        """
        compiled = self.prepare(trial, lang)
        analysis = analyse(compiled, text, self.lexicon, self.weights, self.encoder)
        for need_id in given & analysis.needs.keys():
            found = analysis.needs[need_id]
            if found.credit < 1.0:
                analysis.needs[need_id] = NeedResult(credit=1.0, sentences=found.sentences,
                                                     rule=1.0, meaning=1.0,
                                                     lift=max(found.lift, 1.0))
        if signals.talks_without_fixing(analysis.doc, [n.credit for n in analysis.needs.values()]):
            analysis.signals["talk_only"] = 1.0
        tally = self._tally(trial, analysis, lang)
        credits = [features.NeedCredit(n.weight, n.core, analysis.needs[n.id].rule,
                                       analysis.needs[n.id].meaning,
                                       max(0.0, analysis.needs[n.id].credit),
                                       analysis.needs[n.id].lift)
                   for n in trial.rubric.needs]
        habits = {name: bool(analysis.concepts.get(name)) for name in features.HABITS}
        harms = {c.name: len(analysis.harms.get(c.name, ())) + len(analysis.warned.get(c.name, ()))
                 for c in self.lexicon.harmful()}
        refusals = sum(analysis.needs[n.id].refused for n in trial.rubric.needs)
        habit_share = tally.concepts[0] / tally.concepts[1] if tally.concepts[1] else 1.0
        vector = features.vector(trial, credits, habits, habit_share, harms, refusals,
                                 analysis.signals, len(analysis.doc.lemmas),
                                 analysis.doc.sentences, mood or trial.mood,
                                 analysis.answer_lift, analysis.harm_lifts,
                                 len(analysis.unknown_figures))
        return Reading(analysis, tally, vector)

    def score(self, trial: Trial, text: str, lang: str, *, mood: str | None = None,
              given: frozenset[str] = frozenset()) -> ScoreResult:
        """Score a reply to a trial as the customer, in the given mood, would rate it."""
        reading = self.read(trial, text, lang, mood=mood, given=given)
        tally, weights = reading.tally, self.weights
        predicted = (self.model.predict(reading.features, reading.analysis.gist)
                     if reading.analysis.doc.lemmas else 0)
        rating = max(0, min(10, int(predicted + 0.5), *tally.caps))
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
        return ScoreResult(scores, rating, category_for(rating), tuple(feedback),
                           self._findings(trial, reading, given))

    def _findings(self, trial: Trial, reading: Reading, given: frozenset[str]) -> Findings:
        analysis, threshold = reading.analysis, self.weights.advise_below
        met, untimed, missed = [], [], []
        for need in trial.rubric.needs:
            outcome = analysis.needs[need.id]
            if outcome.credit < threshold:
                missed.append(need.id)
            elif (outcome.no_time and need.id not in given
                  and not analysis.concepts.get("time_frame")):
                untimed.append(need.id)
            else:
                met.append(need.id)
        harms = [c.name for c in self.lexicon.harmful()
                 if analysis.harms.get(c.name) or analysis.warned.get(c.name)]
        harms += [name for name, share in analysis.signals.items()
                  if name != "padding" or share >= self.weights.padding_cap_share]
        if any(analysis.needs[n.id].refused for n in trial.rubric.needs):
            harms.append("refusal")
        return Findings(tuple(met), tuple(untimed), tuple(missed),
                        tuple(sorted(given & set(met))), tuple(harms))

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
            # Advice names a need as missing only when neither its patterns nor its meaning
            # were found: telling an agent to do what they just did ends their trust.
            if outcome.credit < self.weights.advise_below:
                items.append((50 + need.weight * 5 * (1 - outcome.credit),
                              Feedback(need.dimension, need.feedback.get(lang), need.codex)))
            elif outcome.no_time and not analysis.concepts.get("time_frame"):
                time = self.lexicon.concepts["time_frame"]
                items.append((45 + need.weight * 2, Feedback(need.dimension,
                                                             time.message.get(lang), time.codex)))
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
                if concept.name in _HEDGES and "hedged" in analysis.signals:
                    continue
                self._harm(concept, count, lang, caps, items)
        found = dict(analysis.signals)
        if not core_met and "talk_only" not in found:
            found["ignored"] = 1.0
        for name, share in found.items():
            signal = self.lexicon.signals[name]
            self._penalise(signal, share, penalty)
            if share >= 0.5 or name != "padding":
                self._harm(signal, 1, lang, caps, items)
            # Mostly idle sentences: whatever the rest does, the reply is not a promoter's.
            if name == "padding" and (share >= self.weights.padding_cap_share
                                      or analysis.idle_words >= self.weights.padding_cap_words):
                caps.append(signal.cap)
        if analysis.wrong_deadline:
            caps.append(self.lexicon.signals["wrong_figure"].cap)
        for d in DIMENSIONS:
            dims[d] -= penalty[d]
        return _Tally(needs, (concept_earned, concept_possible), dims, penalty, caps, items)

    @staticmethod
    def _penalise(concept: Concept, amount: float, penalty: dict[str, float]) -> None:
        for dimension, points in concept.penalty.items():
            penalty[dimension] += points * amount

    def _harm(self, concept: Concept, count: int, lang: str, caps: list[int],
              items: list[tuple[float, Feedback]]) -> None:
        # Gaming signs cap the rating whatever the model says; other harms (blame, hedging,
        # jargon...) are features the model weighs, since their words also occur in good
        # replies ("проблема не в вашем телефоне") and a hard cap there punishes the agent.
        if count >= concept.cap_after and concept.name in self.weights.hard_caps:
            caps.append(concept.cap)
        elif concept.name in self.weights.detractor_harms:
            caps.append(self.weights.detractor_cap)
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
        if written_in(text) not in (None, lang):
            found.append(DraftWarning("language", OTHER_LANGUAGE[lang], "", 0, len(text)))
        # One warning per thing to avoid: "it's not my fault ... your problem" hit the same
        # concept twice and showed its advice twice. The first place it occurs is kept.
        seen: set[str] = set()
        unique = []
        for warning in sorted(found, key=lambda w: (w.start, w.kind)):
            if warning.message not in seen:
                seen.add(warning.message)
                unique.append(warning)
        return tuple(unique)

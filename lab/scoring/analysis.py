"""Reading a reply against a trial: which needs, concepts and warning signs are present."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from lab.content.rubric import Need
from lab.content.sector import Trial
from lab.scoring import facts, harms, meaning, signals
from lab.scoring.constants import WEIGHTS, Weights
from lab.scoring.encoder import Encoder
from lab.scoring.lexicon import Lexicon
from lab.scoring.menus import recited
from lab.scoring.nlp import Doc, Language, tokenise
from lab.scoring.patterns import Hit, Pattern, compile_pattern
from lab.scoring.promises import forever, instant_money
from lab.scoring.typos import Speller


@dataclass(frozen=True)
class CompiledNeed:
    """A rubric need with its patterns compiled, and their opposites to spot refusals."""

    need: Need
    patterns: tuple[Pattern, ...]
    refusals: tuple[Pattern, ...]


@dataclass(frozen=True)
class CompiledTrial:
    """Everything about a trial the scorer needs, prepared once per language."""

    trial: Trial
    lang: str
    needs: tuple[CompiledNeed, ...]
    warnings: tuple[tuple[int, tuple[Pattern, ...]], ...]
    customer: Doc
    speller: Speller
    # Each need's phrasings as vectors, and the model answer's vector (empty: rules only).
    phrasings: dict[str, meaning.NeedPhrasings] = field(default_factory=dict)
    answer: np.ndarray | None = None
    harms: dict[str, meaning.NeedPhrasings] = field(default_factory=dict)
    # The figures a reply may state (lab/scoring/facts.py).
    figures: frozenset[str] = frozenset()


@dataclass
class NeedResult:
    """How well one need is met (0-1) and why it lost credit."""

    credit: float = 0.0
    refused: bool = False
    no_number: bool = False
    no_time: bool = False
    hedged: bool = False
    sentences: frozenset[int] = frozenset()
    # The credit the patterns alone give, and the one the closest clause in meaning gives.
    rule: float = 0.0
    meaning: float = 0.0
    lift: float = 0.0


@dataclass
class Analysis:
    """What was found in one reply."""

    doc: Doc
    needs: dict[str, NeedResult] = field(default_factory=dict)
    concepts: dict[str, list[Hit]] = field(default_factory=dict)
    signals: dict[str, float] = field(default_factory=dict)
    trial_warnings: list[tuple[int, Hit]] = field(default_factory=list)
    # Harmful hits that count (after context filters), and harms the trial's warnings add.
    harms: dict[str, list[Hit]] = field(default_factory=dict)
    warned: dict[str, list[Hit]] = field(default_factory=dict)
    # How close the whole reply is to the model answer, above an unrelated reply (0-1).
    answer_lift: float = 0.0
    # How close its closest clause comes to each kind of harm's phrasings (0-1).
    harm_lifts: dict[str, float] = field(default_factory=dict)
    # Words in sentences doing no work, when the reply counts as filler by their share.
    idle_words: int = 0
    # The mean meaning vector of the reply's sentences and clauses, unit length (None: no
    # encoder or no text). The rating model reads how the reply sounds as a whole from it.
    gist: np.ndarray | None = None
    # Figures the call's facts do not contain.
    unknown_figures: list[str] = field(default_factory=list)
    # A time given for the fix that the call's facts never name (facts.unknown_deadlines).
    wrong_deadline: bool = False


def compile_trial(trial: Trial, lang: str, lexicon: Lexicon, encoder: Encoder | None = None
                  ) -> CompiledTrial:
    """Compile a trial's rubric and warning patterns for one language (and its phrasings
    as vectors when an encoder is given)."""
    needs = []
    for need in trial.rubric.needs:
        patterns = tuple(compile_pattern(line, lang) for line in need.match.get(lang))
        # Only a promise turned negative is a refusal ("we won't refund"); a need that is
        # itself a negation ("won't be charged") has no refusal to look for.
        refusals = tuple(replace(p, negated=True) for p in patterns if not p.negated) \
            if need.core else ()
        needs.append(CompiledNeed(need, patterns, refusals))
    warnings = tuple(
        (i, tuple(compile_pattern(line, lang) for line in w.match.get(lang)))
        for i, w in enumerate(trial.warnings) if w.match is not None
    )
    customer = tokenise(trial.customer.get(lang), lexicon.languages[lang])
    words = [p for (_, code), found in lexicon.patterns.items() if code == lang for p in found]
    words += [p for item in needs for p in item.patterns]
    compiled = CompiledTrial(trial, lang, tuple(needs), warnings, customer, Speller(words, lang),
                             figures=facts.known(trial.figures))
    if encoder is None:
        return compiled
    language = lexicon.languages[lang]
    neutral = encoder.phrasings(meaning.NEUTRAL[lang])
    answer = trial.model_answer.get(lang)
    answer_doc = tokenise(answer, language)
    answer_units = meaning.units(answer_doc, language)
    for item in compiled.needs:
        # The model answer's sentences that meet the need are phrasings of it too.
        sentences = {answer_doc.sentence[h.positions[0]] for h in _hits(item.patterns, answer_doc)}
        texts = list(item.need.examples.get(lang)) if item.need.examples else []
        texts += [u.text for u in answer_units if u.sentence in sentences and u.text not in texts]
        if texts:
            compiled.phrasings[item.need.id] = meaning.phrasings(texts, encoder, language,
                                                                 neutral)
    vector = encoder.phrasings([answer])[0]
    floor = float(np.max(neutral @ vector))
    return replace(compiled, answer=np.append(vector, floor),
                   harms=meaning.harm_phrasings(encoder, language, neutral))


def _hits(patterns: tuple[Pattern, ...], doc: Doc) -> list[Hit]:
    found: list[Hit] = []
    for pattern in patterns:
        found += pattern.hits(doc)
    return found


def analyse(compiled: CompiledTrial, text: str, lexicon: Lexicon, weights: Weights = WEIGHTS,
            encoder: Encoder | None = None) -> Analysis:
    """Find needs, concepts, harmful words and gaming signs in a reply (needs also by
    meaning when an encoder is given and the trial was compiled with one)."""
    lang = compiled.lang
    language = lexicon.languages[lang]
    doc = tokenise(text, language)
    compiled.speller.correct(doc)
    result = Analysis(doc)
    for name in lexicon.concepts:
        result.concepts[name] = _hits(lexicon.patterns[(name, lang)], doc)
    harms.filter_hedges(result.concepts, doc, lexicon, lang)
    time_sentences = {doc.sentence[h.positions[0]] for h in result.concepts["time_frame"]}
    hedge_sentences = {doc.sentence[h.positions[0]] for h in result.concepts["hedge"]}
    for item in compiled.needs:
        result.needs[item.need.id] = _need(item, doc, time_sentences, hedge_sentences, weights)
        result.needs[item.need.id].rule = result.needs[item.need.id].credit
    if encoder is not None and compiled.phrasings and doc.lemmas:
        _by_meaning(result, compiled, language, encoder, time_sentences, hedge_sentences,
                    weights)
    met = {s for need in result.needs.values() if need.credit > 0 for s in need.sentences}
    result.harms = harms.harms(result.concepts, doc, lexicon, compiled.trial, met,
                               language.negators)
    for index, patterns in compiled.warnings:
        result.trial_warnings += [(index, hit) for hit in _hits(patterns, doc)]
    result.warned = harms.warned(compiled.trial, result.trial_warnings, lexicon, result.harms,
                                 doc, met, language.negators)
    if result.warned.pop("caps", None):
        result.signals["caps"] = 1.0
    _detect_signals(result, compiled, language, weights)
    figures = facts.unknown(doc, compiled.figures)
    periods = facts.unknown_periods(doc.text, compiled.trial.periods)
    result.unknown_figures = figures + periods
    # A wrong deadline is named as a wrong period (Eva's advice, the customer's question)
    # and caps as a wrong figure does.
    result.wrong_deadline = bool(facts.unknown_deadlines(doc.text, compiled.trial.periods))
    if figures or facts.unknown_months(doc.text, compiled.trial.months):
        result.signals["wrong_figure"] = 1.0
    elif periods or result.wrong_deadline:
        # Advice and a feature, no cap of its own: a period read from words can be the
        # customer's own wait worked out ("three weeks"), and on the holdout it was more often
        # right than not. Only a wrong deadline caps (in the scorer's tally).
        result.signals["wrong_period"] = 1.0
    if instant_money(doc.text, lang, compiled.trial.periods, language.negators):
        result.signals["instant_money"] = 1.0
    if forever(doc.text, lang):
        result.signals["forever_promise"] = 1.0
    if recited(doc.text, lang):
        result.signals["recital"] = 1.0
    return result


def _need(item: CompiledNeed, doc: Doc, time_sentences: set[int], hedge_sentences: set[int],
          weights: Weights) -> NeedResult:
    hits = _hits(item.patterns, doc)
    if not hits:
        return NeedResult(refused=bool(_hits(item.refusals, doc)))
    sentences = frozenset(doc.sentence[h.positions[0]] for h in hits)
    need, outcome = item.need, NeedResult(credit=1.0, sentences=sentences)
    if need.numbers and not any(number in doc.index for number in need.numbers):
        outcome.no_number = True
        outcome.credit -= weights.missing_number
    # The time may follow in the next sentence ("I've arranged it. It takes 24 hours.").
    near = sentences | {s + 1 for s in sentences}
    if need.timed and not near & time_sentences:
        outcome.no_time = True
        outcome.credit -= weights.missing_time
    if sentences <= hedge_sentences:
        outcome.hedged = True
        outcome.credit *= weights.hedged_need
    return outcome


def _detect_signals(result: Analysis, compiled: CompiledTrial, language: Language,
                    weights: Weights) -> None:
    doc = result.doc
    if signals.is_keyword_list(doc, language, weights):
        result.signals["keyword_list"] = 1.0
    if signals.is_repetitive(doc, weights):
        result.signals["repetition"] = 1.0
    if signals.is_copy(doc, compiled.customer, weights):
        result.signals["copy"] = 1.0
    if signals.is_shouting(doc.text, weights):
        result.signals["caps"] = 1.0
    officialese = sum(len(result.harms.get(n, ())) + len(result.warned.get(n, ()))
                      for n in ("jargon", "empty_words"))
    if officialese >= weights.officialese_hits:
        result.signals["officialese"] = 1.0
    # Hedge after hedge ("попробую... возможно... может быть... обещать не могу") is no
    # commitment at all: on the training part 19 gaming and 6 poor replies hedge three times
    # or more, and no good or excellent one does.
    hedges = sum(len(result.harms.get(n, ())) + len(result.warned.get(n, ()))
                 for n in ("hedge", "hedge_weak"))
    if hedges >= weights.hedged_hits:
        result.signals["hedged"] = 1.0
    allowed = set(compiled.trial.rubric.allow)
    lifts = result.harm_lifts
    if any(lift >= weights.hurtful_lift for kind, lift in lifts.items() if kind not in allowed):
        result.signals["hurtful"] = 1.0
    # Blame, rudeness or passing the buck found by the words and confirmed by the meaning is
    # a detractor, whatever else is said; found by the words alone it only weighs against.
    for harm, kind in (("blame", "blame"), ("rudeness", "dismissive"),
                       ("buck_passing", "buck_passing")):
        found = len(result.harms.get(harm, ())) + len(result.warned.get(harm, ()))
        if found >= 2 or (found and lifts.get(kind, 0.0) >= weights.hurtful_confirm):
            result.signals["hurtful"] = 1.0
    # A sentence does work when it meets a need or a habit this step asks for.
    asked = {alt for name, _ in compiled.trial.rubric.concepts for alt in name.split("|")}
    useful = {doc.sentence[h.positions[0]] for name, hits in result.concepts.items()
              if name in asked for h in hits}
    for need in result.needs.values():
        useful |= need.sentences
    share = signals.padding_share(doc, useful, weights)
    if share > 0:
        result.signals["padding"] = share
    result.idle_words = signals.idle_words(doc, useful, weights)


def _by_meaning(result: Analysis, compiled: CompiledTrial, language: Language,
                encoder: Encoder, time_sentences: set[int], hedge_sentences: set[int],
                weights: Weights) -> None:
    """Credit needs whose meaning is in the reply though their patterns missed it."""
    doc = result.doc
    units = meaning.units(doc, language)
    vectors = encoder.embed([u.text for u in units])
    closest = meaning.closest(compiled.phrasings, units, vectors)
    low, high = weights.meaning_low, weights.meaning_high
    for item in compiled.needs:
        need, outcome = item.need, result.needs[item.need.id]
        found = closest.get(need.id)
        if found is None:
            continue
        outcome.lift = found.lift
        credit = min(1.0, max(0.0, (found.lift - low) / (high - low)))
        if credit > 0:
            if need.numbers and not any(n in doc.index for n in need.numbers):
                credit -= weights.missing_number
            if need.timed and not time_sentences:
                credit -= weights.missing_time
            if found.sentence in hedge_sentences:
                credit *= weights.hedged_need
        outcome.meaning = max(0.0, credit)
        if outcome.meaning > outcome.credit:
            outcome.credit = outcome.meaning
            outcome.no_time = need.timed and not time_sentences
            outcome.no_number = bool(need.numbers) and not any(n in doc.index
                                                               for n in need.numbers)
            outcome.hedged = found.sentence in hedge_sentences
            if outcome.meaning >= 0.5:
                outcome.sentences = outcome.sentences | {found.sentence}
    # Harms by meaning are read in any polarity: "не надо нам угрожать" is rude with its "не".
    for kind, found in meaning.closest(compiled.harms, [replace(u, negative=False) for u in units]
                                       if units else [], vectors).items():
        result.harm_lifts[kind] = found.lift
    if len(vectors):
        mean = vectors.mean(axis=0)
        norm = float(np.linalg.norm(mean)) or 1.0
        result.gist = mean / norm
        if compiled.answer is not None:
            similarity = float(mean @ compiled.answer[:-1]) / norm
            floor = float(compiled.answer[-1])
            result.answer_lift = max(0.0, (similarity - floor) / max(1e-6, 1 - floor))

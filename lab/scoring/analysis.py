"""Reading a reply against a trial: which needs, concepts and warning signs are present."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lab.content.rubric import Need
from lab.content.sector import Trial
from lab.scoring import harms, signals
from lab.scoring.constants import WEIGHTS, Weights
from lab.scoring.lexicon import Lexicon
from lab.scoring.nlp import Doc, Language, tokenise
from lab.scoring.patterns import Hit, Pattern, compile_pattern
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


@dataclass
class NeedResult:
    """How well one need is met (0-1) and why it lost credit."""

    credit: float = 0.0
    refused: bool = False
    no_number: bool = False
    no_time: bool = False
    hedged: bool = False
    sentences: frozenset[int] = frozenset()


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


def compile_trial(trial: Trial, lang: str, lexicon: Lexicon) -> CompiledTrial:
    """Compile a trial's rubric and warning patterns for one language."""
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
    return CompiledTrial(trial, lang, tuple(needs), warnings, customer, Speller(words, lang))


def _hits(patterns: tuple[Pattern, ...], doc: Doc) -> list[Hit]:
    found: list[Hit] = []
    for pattern in patterns:
        found += pattern.hits(doc)
    return found


def analyse(compiled: CompiledTrial, text: str, lexicon: Lexicon, weights: Weights = WEIGHTS
            ) -> Analysis:
    """Find needs, concepts, harmful words and gaming signs in a reply."""
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
    met = {s for need in result.needs.values() if need.credit > 0 for s in need.sentences}
    result.harms = harms.harms(result.concepts, doc, lexicon, compiled.trial, met)
    for index, patterns in compiled.warnings:
        result.trial_warnings += [(index, hit) for hit in _hits(patterns, doc)]
    result.warned = harms.warned(compiled.trial, result.trial_warnings, lexicon, result.harms,
                                 doc, met)
    if result.warned.pop("caps", None):
        result.signals["caps"] = 1.0
    _detect_signals(result, compiled, language, weights)
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
    # A sentence does work when it meets a need or a habit this step asks for.
    asked = {alt for name, _ in compiled.trial.rubric.concepts for alt in name.split("|")}
    useful = {doc.sentence[h.positions[0]] for name, hits in result.concepts.items()
              if name in asked for h in hits}
    for need in result.needs.values():
        useful |= need.sentences
    share = signals.padding_share(doc, useful, weights)
    if share > 0:
        result.signals["padding"] = share

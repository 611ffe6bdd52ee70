"""Which harmful-word hits really are harms here, and which the trial's warnings add.

A lexicon pattern knows words, not the call: "скидка 250 рублей" is an upsell in one call
and the very fix in another, "I believe" hedges but "I believe you" trusts. The filters
below read a hit in its context before it costs the reply anything.
"""

from __future__ import annotations

from lab.content.sector import Trial
from lab.scoring.lexicon import Lexicon
from lab.scoring.nlp import Doc
from lab.scoring.patterns import Hit


def _inside_good(hit: Hit, good: list[Hit]) -> bool:
    # The longer, more specific reading wins: "I believe" is inside "I believe you".
    mine = set(hit.positions)
    return any(mine < set(other.positions) for other in good)


def _honest_limit(hit: Hit, doc: Doc, contrast: frozenset[str], hedged: set[int]) -> bool:
    """ "I can't promise X, but the price is fixed": a limit followed by a firm statement.

    Only a negated hedge ("can't promise", "не гарантирую") qualifies, and only when a
    contrast word follows in the same sentence with no hedge after it ("but I'll try" stays).
    """
    if not hit.negated:
        return False
    last, sentence = max(hit.positions), doc.sentence[hit.positions[0]]
    for i in range(last + 1, len(doc.lemmas)):
        if doc.sentence[i] != sentence:
            return False
        if doc.lemmas[i] in contrast:
            rest = range(i + 1, len(doc.lemmas))
            return any(doc.sentence[j] == sentence for j in rest) and not any(
                j in hedged for j in rest if doc.sentence[j] == sentence)
    return False


def filter_hedges(concepts: dict[str, list[Hit]], doc: Doc, lexicon: Lexicon, lang: str
                  ) -> None:
    """Drop hedge hits that are really trust or an honest limit (in place)."""
    good = [h for c in lexicon.concepts.values() if c.kind == "good" for h in concepts[c.name]]
    hedged = {p for name in ("hedge", "hedge_weak") for h in concepts[name] for p in h.positions}
    contrast = lexicon.languages[lang].contrast
    for name in ("hedge", "hedge_weak"):
        concepts[name] = [h for h in concepts[name] if not _inside_good(h, good)
                          and not _honest_limit(h, doc, contrast, hedged - set(h.positions))]


# Harms whose words a denial before them turns into their opposite: "проблема не в вашем
# телефоне", "ни за какую дуру не держу", "it's not your fault" comfort the customer.
DENIABLE = frozenset({"blame", "rudeness", "dismissive"})
_DENIAL_REACH = 3
# A denial opens with a place or a person ("не в", "ни за какую", "not your"); a negated
# command ("не нажимайте куда попало", "no need for threats") is the harm itself.
_DENIAL_OPENERS = frozenset({"в", "во", "на", "за", "из-за", "к", "ваш", "вы", "какой", "твой",
                             "your", "you", "in", "on", "about", "with", "the", "a", "my"})


def denied(hit: Hit, doc: Doc, negators: frozenset[str]) -> bool:
    """True when a negator stands up to three words before the hit, in its clause.

    Negation scope stops at a preposition ("не | в вашем телефоне"), which is right for a
    need ("не в течение часа" is no promise) but leaves the blame words unread as denied.
    A pattern that itself asks for negation ("!pick up") is no denial.
    """
    if hit.negated:
        return False
    first = min(hit.positions)
    return any(doc.lemmas[i] in negators and doc.clause[i] == doc.clause[first]
               and doc.lemmas[i + 1] in _DENIAL_OPENERS
               for i in range(max(0, first - _DENIAL_REACH), first))


def harms(concepts: dict[str, list[Hit]], doc: Doc, lexicon: Lexicon, trial: Trial,
          need_sentences: set[int], negators: frozenset[str] = frozenset()
          ) -> dict[str, list[Hit]]:
    """Harmful hits that count: allowed harms, denied ones and offers that are the fix
    are dropped."""
    good = [h for c in lexicon.concepts.values() if c.kind == "good" for h in concepts[c.name]]
    found: dict[str, list[Hit]] = {}
    for concept in lexicon.harmful():
        if concept.name in trial.rubric.allow:
            found[concept.name] = []
            continue
        hits = [h for h in concepts[concept.name] if not _inside_good(h, good)
                and not (concept.name in DENIABLE and denied(h, doc, negators))]
        if concept.yields_to_needs == "always":
            # An offer in a sentence that meets a need is the fix the rubric asks for.
            hits = [h for h in hits if doc.sentence[h.positions[0]] not in need_sentences]
        found[concept.name] = hits
    return found


def warned(trial: Trial, hits: list[tuple[int, Hit]], lexicon: Lexicon,
           counted: dict[str, list[Hit]], doc: Doc, need_sentences: set[int],
           negators: frozenset[str] = frozenset()) -> dict[str, list[Hit]]:
    """Harms added by the trial's own warnings, by their Codex link (see concepts.yaml).

    The author wrote these for this call, so `allow` does not switch them off. Words that
    can be part of the answer (an offer, "as the contract requires") still do not count in
    a sentence that meets a need; blame or rudeness count anywhere. A hit on the same words
    as a lexicon hit of that harm is not counted twice.
    """
    found: dict[str, list[Hit]] = {}
    for index, hit in hits:
        name = lexicon.warning_harms.get(trial.warnings[index].codex)
        if name is None or (name in DENIABLE and denied(hit, doc, negators)):
            continue
        concept = lexicon.concepts.get(name)
        if concept is not None and concept.yields_to_needs != "no" and \
                doc.sentence[hit.positions[0]] in need_sentences:
            continue
        same = counted.get(name, []) + found.get(name, [])
        if not any(set(hit.positions) & set(other.positions) for other in same):
            found.setdefault(name, []).append(hit)
    return found

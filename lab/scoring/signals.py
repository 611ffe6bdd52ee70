"""Signs that a reply only looks like a reply: word lists, repetition, copying, shouting."""

from __future__ import annotations

import re
from collections import Counter

from lab.scoring.constants import ACRONYMS, WEIGHTS, Weights
from lab.scoring.nlp import Doc, Language

_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]{2,}")
# Forms that can carry a Russian sentence: "отключила", "отключена", "отключить", "отключив",
# and short adjectives, which are predicates ("тариф сменён", "смена бесплатна").
# Comparatives are predicates too: "поэтому сигнал слабее обычного".
_VERBISH = frozenset({"VERB", "PRTS", "INFN", "GRND", "ADJS", "COMP"})
# A greeting ("Добрый день.") is a sentence of courtesy, with no verb to look for.
_COURTESY = frozenset({"извинить", "простить", "здравствовать", "благодарить", "понимать",
                       "добрый", "день", "утро", "вечер"})


# English has no tagger here, so a present-tense verb is read from its frame: a word in -s
# two or three words after a determiner ("the tariff costs", "your wife's SIM remains",
# "the offer stands"). Keyword lists carry no determiners, so this never rescues one.
_EN_DETERMINERS = frozenset({"the", "a", "an", "your", "his", "her", "its", "our", "their",
                             "this", "that", "my", "every", "each"})


def _framed_verbs(doc: Doc, language: Language) -> set[int]:
    """Indices of English words in -s that stand where a sentence's verb stands."""
    if language.code != "en":
        return set()
    found = set()
    for i, word in enumerate(doc.words):
        lower = word.lower()
        if i < 2 or not lower.endswith("s") or lower.endswith("ss") or doc.function[i] \
                or doc.lemmas[i] == lower or doc.pos[i] == "NUMB":
            continue
        before = doc.pos[i - 1] != "NUMB" and not doc.function[i - 1] and \
            doc.sentence[i - 1] == doc.sentence[i]
        framed = any(doc.lemmas[j] in _EN_DETERMINERS and doc.sentence[j] == doc.sentence[i]
                     and not any(doc.pos[k] == "NUMB" for k in range(j, i))
                     for j in range(max(0, i - 3), i - 1))
        if before and framed:
            found.add(i)
    return found


def _content(doc: Doc) -> list[str]:
    return [lem for lem, fn in zip(doc.lemmas, doc.function, strict=True)
            if not fn and not lem.isdigit()]


def is_keyword_list(doc: Doc, language: Language, weights: Weights = WEIGHTS) -> bool:
    """True when words are strung together without the grammar of sentences."""
    n = len(doc.lemmas)
    # "семейнаягруппасохраняется", "nomorecharges": the right words glued together.
    long = [len(doc.words[i]) for i in doc.unknown if len(doc.words[i]) >= weights.glued_letters]
    if (len(long) >= 2 or sum(long) >= 2 * weights.glued_letters) and len(long) * 5 >= n * 2:
        return True
    if n < weights.min_words_for_structure:
        return False
    # Few function words make a list, unless most sentences carry a verb: "Подписку
    # отключила, 299 рублей вернула" is terse speech, not keywords.
    if sum(doc.function) / n < weights.function_share[language.code] and \
            not _mostly_verbs(doc, language):
        return True
    if _telegraphic(doc, language) or _run_on(doc):
        return True
    if _embedded_list(doc, language) >= weights.embedded_list_items:
        return True
    # A name, "конечно" or "всего доброго" between commas is no clause of its own, so
    # "Хорошо, Артём. Обращайтесь, если что. До свидания." is three short sentences, not a list.
    clauses: dict[int, list[int]] = {}
    for i, clause in enumerate(doc.clause):
        if doc.pos[i] != "NAME" and doc.lemmas[i] not in language.light_words:
            clauses.setdefault(clause, []).append(i)
    words = sum(len(found) for found in clauses.values())
    # "Sorry, refund, 299, 24 hours, block, SMS": many clauses of a word or two each.
    if len(clauses) < 5 or words / len(clauses) > weights.max_words_per_clause_list:
        return False
    # ...unless most sentences with content have a finite verb: that is speech, not a list.
    content = {doc.sentence[found[0]] for found in clauses.values()}
    framed = _framed_verbs(doc, language)
    verbs = {doc.sentence[i] for i in range(n) if doc.pos[i] == "VERB"
             or doc.lemmas[i] in language.finite_markers or i in framed}
    return len(verbs & content) * 2 < len(content)


def _embedded_list(doc: Doc, language: Language) -> int:
    """The longest run, inside one sentence, of fragments of one to three words between
    commas: "please be advised that guarantee, block, banner, mobile site, subscription,
    switched off, won't happen again" wraps a keyword list in officialese. A name or
    "конечно" between commas is no fragment and does not break the run."""
    words: dict[int, list[int]] = {}
    for i, clause in enumerate(doc.clause):
        if doc.pos[i] != "NAME" and doc.lemmas[i] not in language.light_words and \
                doc.lemmas[i] not in language.parentheticals:
            words.setdefault(clause, []).append(i)
    best = run = 0
    previous = -1
    for clause in sorted(words):
        positions = words[clause]
        sentence = doc.sentence[positions[0]]
        run = (run + 1 if sentence == previous else 1) if len(positions) <= 3 else 0
        previous = sentence
        best = max(best, run)
    return best


def _mostly_verbs(doc: Doc, language: Language) -> bool:
    """True when at least two thirds of the sentences are short and have a verb."""
    framed = _framed_verbs(doc, language)
    # A sentence of courtesies only ("Понимаю.", "Хорошего дня!") is neither speech nor list:
    # it does not count either way.
    sentences = {doc.sentence[i] for i in range(len(doc.lemmas))
                 if doc.lemmas[i] not in language.light_words
                 and doc.lemmas[i] not in _COURTESY and not doc.function[i]}
    # Courtesies in the imperative ("извините", "здравствуйте") carry no sentence.
    verbs = [i for i in range(len(doc.lemmas))
             if (doc.pos[i] in _VERBISH or doc.lemmas[i] in language.finite_markers
                 or i in framed)
             and doc.lemmas[i] not in language.light_words
             and doc.lemmas[i] not in _COURTESY]
    with_verb = {doc.sentence[i] for i in verbs}
    # ...and short: one long run of words with a verb somewhere in it is still a list. Each
    # clause with a verb carries a few words ("Заявку оформил, номер 48213, инженеры
    # проверят в течение 48 часов" is two); names and courtesies do not count.
    content = sum(1 for i in range(len(doc.lemmas)) if not doc.function[i]
                  and doc.pos[i] != "NAME" and doc.lemmas[i] not in _COURTESY
                  and doc.lemmas[i] not in language.light_words)
    carriers = max(len(sentences), len({doc.clause[i] for i in verbs}))
    return bool(sentences) and len(with_verb) * 3 >= len(sentences) * 2 and \
        content <= _SHORT_SENTENCE * carriers


# Content words per sentence or verb clause, on average, of terse speech ("Сергей,
# перезвоню лично в течение двух суток, заявка 48213." has seven).
_SHORT_SENTENCE = 8
_TELEGRAPHIC_FUNCTION_SHARE = 0.34
# A sentence this long with no comma, dash or colon in it, and few little words, is words
# strung in a row: "Рекламные звонки отметка карточка не звонить реклама отметка...". On
# the training part it marks 2 gaming replies and 1 poor one the other tests missed, and no
# other reply.
_RUN_ON_WORDS = 10
_RUN_ON_FUNCTION_SHARE = 0.2
_INNER_PUNCTUATION = frozenset(',;:—–()"«»')


def _positions_by_sentence(doc: Doc) -> list[list[int]]:
    """The word positions of each sentence, in order."""
    by_sentence: dict[int, list[int]] = {}
    for i, sentence in enumerate(doc.sentence):
        by_sentence.setdefault(sentence, []).append(i)
    return list(by_sentence.values())


def _run_on(doc: Doc) -> bool:
    for positions in _positions_by_sentence(doc):
        if len(positions) < _RUN_ON_WORDS:
            continue
        text = doc.text[doc.spans[positions[0]][0]:doc.spans[positions[-1]][1]]
        function = sum(doc.function[i] for i in positions)
        if not _INNER_PUNCTUATION.intersection(text) and \
                function < _RUN_ON_FUNCTION_SHARE * len(positions):
            return True
    return False



def _telegraphic(doc: Doc, language: Language) -> bool:
    """A long run of words with no verb that could carry a sentence: "Next month no charge
    no other subscriptions checked block on switched off SMS no charge"."""
    long = [p for p in _positions_by_sentence(doc) if len(p) >= 12]
    if not long:
        return False
    framed = _framed_verbs(doc, language)

    def verb(i: int) -> bool:
        return doc.pos[i] in _VERBISH or doc.lemmas[i] in language.finite_markers or i in framed

    # ...and with few of the little words grammar needs: an imperative ("go to the new
    # operator with your passport and fill in the request there") has no verb this reader
    # can see, but its prepositions and articles show it is a sentence.
    if not all(not any(verb(i) for i in p)
               and sum(doc.function[i] for i in p) < _TELEGRAPHIC_FUNCTION_SHARE * len(p)
               for p in long):
        return False
    # A recap between sentences that speak ("To recap: subscription off, 299 back within
    # 24 hours, block on. Anything else I can help with?") is a summary, not a list: the
    # word salads have no verb anywhere.
    return not any(verb(i) and doc.lemmas[i] not in language.light_words
                   and doc.lemmas[i] not in _COURTESY for i in range(len(doc.lemmas)))


def is_repetitive(doc: Doc, weights: Weights = WEIGHTS) -> bool:
    """True when the same words or phrases come round again and again."""
    words: dict[int, list[str]] = {}
    for lem, sentence in zip(doc.lemmas, doc.sentence, strict=True):
        words.setdefault(sentence, []).append(lem)
    said = Counter(tuple(w) for w in words.values())
    # "Спасибо! Спасибо! Спасибо! Всё! Всё! Всё!": short sentences said again and again.
    if len(words) >= 4 and sum(c for c in said.values() if c > 1) * 2 > len(words):
        return True
    # "activated activated activated", "Wi-Fi calling Wi-Fi calling": words said again
    # straight away, twice in a reply. Speech does it once at most ("нет, нет").
    if _stutters(doc) >= 2:
        return True
    content = _content(doc)
    if len(doc.lemmas) < weights.min_words_for_repetition or not content:
        return False
    words_said = [lem for lem in content if lem.isalpha() and len(lem) > 3]
    if words_said:
        _, times = Counter(words_said).most_common(1)[0]
        if times >= weights.word_repeats and times / len(content) >= weights.max_word_share:
            return True
    # Few different words for the reply's length. Variety falls as a text grows, so a short
    # reply is held to more of it: no reply of the corpus but a gaming one came below 0.7
    # within 40 content words.
    floor = weights.min_type_token_short if len(content) <= weights.short_content_words \
        else weights.min_type_token
    if len(content) >= 8 and len(set(content)) / len(content) < floor:
        return True
    trigrams = list(zip(doc.lemmas, doc.lemmas[1:], doc.lemmas[2:], strict=False))
    counts = Counter(trigrams)
    # Counting covered words, not repeated triples, so one phrase said four times weighs as
    # much as it sounds, whatever else the reply adds around it.
    covered = {i + k for i, t in enumerate(trigrams) if counts[t] > 1 for k in range(3)}
    return len(covered) / len(doc.lemmas) >= weights.max_repeated_share


# Words people double for emphasis ("понимаю, понимаю", "конечно, конечно", "really,
# really"): said twice they are speech, so they are no stutter.
_EMPHATIC = _COURTESY | frozenset({"да", "нет", "конечно", "хорошо", "ладно", "очень", "yes",
                                   "no", "sure", "okay", "ok", "right", "really", "very", "so",
                                   "well", "sorry", "understand"})


def _stutters(doc: Doc) -> int:
    """How often a content word, or a pair of words, comes again right after itself."""
    lem, fn = doc.lemmas, doc.function
    word = sum(lem[i] == lem[i + 1] and not fn[i] and not lem[i].isdigit()
               and lem[i] not in _EMPHATIC for i in range(len(lem) - 1))
    pair = sum((lem[i], lem[i + 1]) == (lem[i + 2], lem[i + 3]) and not (fn[i] and fn[i + 1])
               and lem[i] != lem[i + 1] for i in range(len(lem) - 3))
    return word + pair


def is_copy(doc: Doc, customer: Doc, weights: Weights = WEIGHTS) -> bool:
    """True when the reply mostly repeats the customer's own message."""
    content = _content(doc)
    if len(doc.lemmas) < weights.min_words_for_copy or not content:
        return False
    theirs = set(_content(customer))
    if sum(lem in theirs for lem in content) / len(content) >= weights.copy_share:
        return True
    # Sentences lifted from the customer's message ("Хорошо, а деньги когда вернутся? У вас на
    # балансе 12 рублей...") with a line of sympathy after them: most of the reply still is
    # the customer's, sentence by sentence.
    by_sentence: dict[int, list[str]] = {}
    for lem, fn, sentence in zip(doc.lemmas, doc.function, doc.sentence, strict=True):
        if not fn and not lem.isdigit():
            by_sentence.setdefault(sentence, []).append(lem)
    lifted = sum(len(words) for words in by_sentence.values()
                 if len(words) >= weights.copy_sentence_words
                 and sum(lem in theirs for lem in words) / len(words) >= weights.copy_lifted)
    if lifted / len(content) >= weights.copy_sentences_share:
        return True
    # The customer's words quoted back in a reply of little else ("We have received your
    # message 'Only please tell them to stop calling me...'"): on the training part a
    # verbatim run this long and this large a part of the reply came only in gaming ones.
    quoted = _longest_run([w.lower() for w in doc.words], [w.lower() for w in customer.words])
    if quoted >= _QUOTE_WORDS and quoted >= _QUOTE_SHARE * len(doc.words):
        return True
    mine = list(zip(doc.lemmas, doc.lemmas[1:], doc.lemmas[2:], strict=False))
    their_trigrams = set(zip(customer.lemmas, customer.lemmas[1:], customer.lemmas[2:],
                             strict=False))
    return bool(mine) and sum(t in their_trigrams for t in mine) / len(mine) >= \
        weights.copy_trigram_share


# Six words running and a quarter of the reply: on the training part 45 replies, all gaming.
_QUOTE_WORDS = 6
_QUOTE_SHARE = 0.25


def _longest_run(mine: list[str], theirs: list[str]) -> int:
    """The longest run of words the two texts share, in order."""
    best, previous = 0, [0] * (len(theirs) + 1)
    for word in mine:
        current = [0] * (len(theirs) + 1)
        for j, other in enumerate(theirs):
            if word == other:
                current[j + 1] = previous[j] + 1
                best = max(best, current[j + 1])
        previous = current
    return best


def is_shouting(text: str, weights: Weights = WEIGHTS) -> bool:
    """True when the reply is written in capitals (acronyms like SMS do not count)."""
    letters = _LETTER.findall(text)
    upper_words = [w for w in _WORD.findall(text)
                   if w.isupper() and len(w) >= 3 and w not in ACRONYMS]
    if len(upper_words) >= weights.caps_words:
        return True
    upper = sum(ch.isupper() for ch in letters)
    return len(letters) >= 12 and upper / len(letters) >= weights.caps_letter_share


def _filler(doc: Doc, useful_sentences: set[int], weights: Weights) -> float:
    """The share of idle sentences when the reply counts as filler by it, else 0."""
    if doc.sentences < weights.filler_min_sentences:
        return 0.0
    idle = 1 - len(useful_sentences) / doc.sentences
    return idle if idle >= weights.filler_share else 0.0


def padding_share(doc: Doc, useful_sentences: set[int], weights: Weights = WEIGHTS) -> float:
    """How much of the padding penalty applies (0-1): for length, or for idle sentences."""
    n = len(doc.lemmas)
    share = min(1.0, max(0.0, (n - weights.long_words) / weights.long_words))
    return max(share, _filler(doc, useful_sentences, weights))


def idle_words(doc: Doc, useful_sentences: set[int], weights: Weights = WEIGHTS) -> int:
    """Words in the sentences doing no work, when the reply counts as filler; else 0."""
    if not _filler(doc, useful_sentences, weights):
        return 0
    return sum(1 for sentence in doc.sentence if sentence not in useful_sentences)


# Four sentences and 25 words with no need of the step met, not even in part: sympathy
# stacked on sympathy, thanks, a brochure. On the training part 11 gaming and 9 poor
# replies (labels 1-4) and no mediocre, good or excellent one; a short "I understand, let
# me look into it" stays a mediocre reply the model weighs.
_TALK_SENTENCES = 4
_TALK_WORDS = 25


def talks_without_fixing(doc: Doc, credits: list[float]) -> bool:
    """True when a reply of some length meets no need of its step at all."""
    return doc.sentences >= _TALK_SENTENCES and len(doc.lemmas) >= _TALK_WORDS and \
        not any(credit > 0 for credit in credits)

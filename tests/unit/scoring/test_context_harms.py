"""Harms read in context: offers that are the fix, and a trial's own warnings when sent."""

from __future__ import annotations

import pytest

from lab.content.rubric import ALLOWABLE_HARMS
from lab.scoring import default_scorer, score_reply
from lab.scoring.analysis import Analysis, analyse
from lab.scoring.lexicon import load_lexicon
from tests.unit.scoring.helpers import sector


def read(sector_id: str, step: int, text: str, lang: str) -> Analysis:
    """Analyse a reply to a step of a sector."""
    scorer = default_scorer()
    return analyse(scorer.prepare(sector(sector_id).trial(step), lang), text, scorer.lexicon)


def counted(sector_id: str, step: int, text: str, lang: str) -> set[str]:
    """Names of the harms that cost the reply something, from the lexicon or the warnings."""
    found = read(sector_id, step, text, lang)
    return {n for n, hits in found.harms.items() if hits} | \
        {n for n, hits in found.warned.items() if hits}


@pytest.mark.parametrize("sector_id,step,lang,text", [
    # The rubric asks for this offer: a sentence that meets a need is no upsell.
    ("poor-connection", 4, "ru", "Делаю вам скидку 250 рублей, в следующем счёте будет меньше."),
    ("poor-connection", 4, "en", "I'm applying a discount of 250 roubles to your next bill."),
    # `allow: [upsell]`: a cheaper tariff is the way out of a price rise.
    ("price-change", 2, "ru", "Я могу прямо сейчас подобрать вам тариф дешевле."),
    ("price-change", 2, "en", "There's a cheaper tariff I can switch you to today."),
    ("about-to-leave", 3, "en", "As a thank-you, there's a loyalty discount on Smart."),
])
def test_an_offer_that_is_the_fix_is_no_upsell(sector_id: str, step: int, lang: str,
                                                text: str) -> None:
    """Discounts and cheaper tariffs do not count as upsells where they are the fix."""
    assert "upsell" not in counted(sector_id, step, text, lang)


@pytest.mark.parametrize("lang,text", [
    ("en", "We have a promotion on the premium plan, want to upgrade today?"),
    ("ru", "Предлагаю перейти на новый тариф, сейчас действует акция."),
])
def test_selling_more_is_still_an_upsell(lang: str, text: str) -> None:
    """Where no offer is asked for, a premium plan or a promotion is an upsell."""
    assert "upsell" in counted("unexpected-charge", 1, text, lang)


def test_upgrade_works_are_no_upsell() -> None:
    """'Upgrade' on its own is also engineering work on a mast."""
    text = "The planned upgrade works on the station finish on 25 November."
    assert "upsell" not in counted("poor-connection", 2, text, "en")


def test_allow_keeps_the_trials_own_warnings() -> None:
    """`allow` switches off the lexicon's upsell words, not the trial's upsell warnings."""
    trial = sector("price-change").trial(3)
    assert "upsell" in trial.rubric.allow
    text = "Предлагаю наш премиум тариф с безлимитным интернетом."
    assert "upsell" in counted("price-change", 3, text, "ru")


@pytest.mark.parametrize("sector_id,step,lang,text,harm", [
    ("about-to-leave", 5, "en", "Only today, hurry: it's your last chance.", "upsell"),
    ("about-to-leave", 5, "ru", "Успейте, предложение только сегодня!", "upsell"),
    ("about-to-leave", 2, "en", "Their network is bad, there's always a catch with them.",
     "blame"),
    ("about-to-leave", 2, "ru", "У них плохая связь, там подвох.", "blame"),
    ("about-to-leave", 4, "en", "Your wife will need to call us herself.", "buck_passing"),
])
def test_a_sent_reply_matching_a_warning_counts_as_its_harm(
        sector_id: str, step: int, lang: str, text: str, harm: str) -> None:
    """A warning linked to a forbidden-words or buck-passing section costs the sent reply."""
    assert harm in read(sector_id, step, text, lang).warned
    result = score_reply(sector(sector_id).trial(step), text, lang)
    assert result.category == "detractor"


def test_warning_words_inside_the_answer_are_not_jargon() -> None:
    """'As the contract requires' in the sentence that answers is part of the answer."""
    text = "We sent a notice by SMS on 1 October, 30 days ahead, as the contract requires."
    assert "jargon" not in counted("price-change", 1, text, "en")


def test_warning_links_map_to_known_harms() -> None:
    """Every mapped Codex link names a harm or a signal of the lexicon."""
    lexicon = load_lexicon()
    harms = {c.name for c in lexicon.harmful()} | set(lexicon.signals)
    assert set(lexicon.warning_harms.values()) <= harms
    assert lexicon.warning_harms["forbidden-words#upsell-instead-of-fix"] == "upsell"
    assert lexicon.warning_harms["ownership#no-passing-the-buck"] == "buck_passing"


def test_allowable_harms_are_lexicon_harms() -> None:
    """The rubric's `allow` list stays in step with the lexicon."""
    assert set(ALLOWABLE_HARMS) <= {c.name for c in load_lexicon().harmful()}


@pytest.mark.parametrize(("text", "rude"), [
    ("Мне всё равно, что у вас там со связью.", True),
    # "всё равно" is also "anyway": a promise kept whatever happens is no brush-off.
    ("Даже если инженеры не успеют, я всё равно вам перезвоню.", False),
])
def test_anyway_is_not_i_dont_care(text: str, rude: bool) -> None:
    """«Мне всё равно» is rude; «я всё равно позвоню» keeps a promise."""
    assert ("rudeness" in counted("poor-connection", 5, text, "ru")) is rude


@pytest.mark.parametrize(("text", "rude"), [
    ("Yeah, whatever. Go and ask the other operator.", True),
    ("I'll ring you within two days myself, whatever the engineers find.", False),
    ("Whatever you decide, thank you for four years with us.", False),
])
def test_whatever_as_a_brush_off_only(text: str, rude: bool) -> None:
    """"Yeah, whatever" is rude; "whatever you decide" is respect."""
    assert ("rudeness" in counted("poor-connection", 5, text, "en")) is rude


@pytest.mark.parametrize(("lang", "text", "hedged"), [
    ("ru", "Честно скажу: гарантировать цену на годы вперёд не могу, но без СМС за 30 дней "
           "её не изменят.", False),
    ("en", "I can't guarantee the price forever, but it can't change without 30 days' notice "
           "by SMS.", False),
    # The step's own warning still catches a shrug.
    ("ru", "Наверное, не поднимут, этого никто не знает.", True),
    ("en", "Probably not, nobody knows really.", True),
])
def test_declining_to_promise_the_price_is_no_hedge(lang: str, text: str, hedged: bool) -> None:
    """Where "never" would be untrue (price-change, step 5), saying so is honest, not hedging."""
    found = counted("price-change", 5, text, lang)
    assert bool(found & {"hedge", "hedge_weak"}) is hedged


@pytest.mark.parametrize(("text", "blame"), [
    ("Читайте, что подписываете, и такого не будет.", True),
    ("Смотрите, что получается: вы платите за 40 ГБ, а тратите 12.", False),
])
def test_look_what_we_have_is_no_blame(text: str, blame: bool) -> None:
    """«Смотрите, что получается» opens an explanation; «читайте, что подписываете» blames."""
    assert ("blame" in counted("about-to-leave", 2, text, "ru")) is blame

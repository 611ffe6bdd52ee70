"""Replies that only look right must score as detractors, whatever words they contain."""

from __future__ import annotations

import pytest

from tests.unit.scoring.helpers import score, sector

GOOD_RU = ("Здравствуйте, Ирина! Понимаю, как это неприятно. Подписку я уже отключила, "
           "299 рублей вернутся на баланс в течение 24 часов.")
GOOD_EN = ("Hello Irina, I understand how upsetting this is. I've switched the subscription "
           "off and the 299 roubles will be back on your balance within 24 hours.")

GAMING = {
    "keywords": {
        "ru": "Здравствуйте извините понимаю отключить подписка вернуть 299 рублей 24 часа "
              "запрет спасибо",
        "en": "hello sorry understand switch off subscription refund 299 roubles 24 hours "
              "block thanks",
    },
    "comma_list": {
        "ru": "Извините, понимаю, отключу, верну, 299 рублей, 24 часа, запрет, СМС, спасибо.",
        "en": "Sorry, understand, cancelled, refund, 299 roubles, 24 hours, block, SMS, thanks.",
    },
    "repetition": {
        "ru": "Верну 299 рублей. Верну 299 рублей. Верну 299 рублей. Отключу подписку. "
              "Отключу подписку. Отключу подписку.",
        "en": "Refund 299 roubles. Refund 299 roubles. Refund 299 roubles. Switch it off. "
              "Switch it off. Switch it off.",
    },
    "caps": {
        "ru": GOOD_RU.upper(),
        "en": GOOD_EN.upper(),
    },
    "rude": {
        "ru": "Вы что, совсем тупой? Подписку отключила, 299 рублей вернутся в течение суток.",
        "en": "Are you stupid? I switched it off, the 299 roubles come back within 24 hours.",
    },
    "blame": {
        "ru": "Вы сами нажали на баннер, надо было внимательнее читать. " + GOOD_RU,
        "en": "You should have read the terms before tapping that banner. " + GOOD_EN,
    },
    "buck": {
        "ru": "Это не к нам, обращайтесь к контент-провайдеру, мы за это не отвечаем.",
        "en": "That's not our problem, you need to contact the content provider directly.",
    },
    "hedge": {
        "ru": "Постараюсь отключить подписку, но вернуть деньги не обещаю, возможно, через "
              "пару дней.",
        "en": "I'll try to cancel it, but I can't promise a refund, maybe in a couple of days.",
    },
    "jargon": {
        "ru": "В соответствии с регламентом данная услуга была активирована, возврат денежных "
              "средств будет осуществлён согласно договору.",
        "en": "Pursuant to our policy the aforementioned service was activated as per the terms "
              "and funds will be returned in accordance with regulations.",
    },
    "upsell": {
        "ru": "Здравствуйте! А хотите перейти на выгодный тариф? Сейчас у нас акция и скидка.",
        "en": "Hello! Would you like to upgrade to our premium plan? There's a special offer "
              "this month.",
    },
    "one_word_again": {
        "ru": "Понимаю, Ирина, понимаю вашу ситуацию. Очень понимаю, ситуация понятная, "
              "я вас понимаю.",
        "en": "Your refund is on its way, Irina. The refund has been processed. Refund "
              "confirmed. You will get your refund.",
    },
    "ignores": {
        "ru": "Здравствуйте, Ирина. Понимаю, как это неприятно, мне очень жаль.",
        "en": "Hello Irina, I understand how upsetting this is, and I'm so sorry.",
    },
}


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("kind", sorted(GAMING))
def test_gaming_reply_is_a_detractor(kind: str, lang: str) -> None:
    """Each gaming kind is a detractor in both languages."""
    result = score(1, GAMING[kind][lang], lang)
    assert result.category == "detractor", (kind, result)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_copy_of_the_customer_is_a_detractor(lang: str) -> None:
    """Echoing the customer's own message back scores as low as it gets."""
    customer = sector().trial(1).customer.get(lang)
    assert score(1, customer, lang).rating <= 2


@pytest.mark.parametrize("lang,tail", [("ru", " Понимаю вас, Ирина, ситуация неприятная."),
                                       ("en", " I hear you, Irina, it's an awkward spot.")])
def test_the_customers_sentences_with_sympathy_after_them_are_a_copy(lang: str,
                                                                    tail: str) -> None:
    """Lifting the customer's sentences and adding a line of sympathy is still a copy."""
    customer = sector().trial(3).customer.get(lang)
    assert score(3, customer + tail, lang).rating <= 2


RAMBLING = {
    "ru": " Вообще в наше время существует огромное количество разных сервисов и подписок."
          " Они подключаются разными способами: через сайты, приложения и короткие номера."
          " Всё это регулируется правилами, которые постоянно меняются и совершенствуются."
          " Наша компания всегда стремится к тому, чтобы клиенты оставались довольны."
          " Мы регулярно проводим опросы и внимательно изучаем каждое мнение клиентов."
          " Поэтому мы и дальше будем работать над качеством обслуживания для всех абонентов.",
    "en": " These days there are a great many different services and subscriptions around."
          " They get connected in all sorts of ways, through websites, apps and short numbers."
          " All of this is governed by rules that keep changing and improving over time."
          " Our company always does its best to make sure that customers stay happy."
          " We run regular surveys and carefully study every single opinion we receive."
          " That is why we will keep working on the quality of our service for everyone.",
}


@pytest.mark.parametrize("lang,good", [("ru", GOOD_RU), ("en", GOOD_EN)])
def test_padding_is_not_rewarded(lang: str, good: str) -> None:
    """Rambling added to a decent reply lowers its rating and earns a note about length."""
    plain = score(1, good, lang)
    padded = score(1, good + RAMBLING[lang], lang)
    assert padded.rating < plain.rating
    assert any(f.codex == "explaining#plain-words" for f in padded.feedback)


def _doc(text: str, lang: str):  # noqa: ANN202 (a Doc and its Language)
    """The reply as the scorer reads it, with its language's word lists."""
    from lab.scoring import default_scorer

    scorer = default_scorer()
    return scorer.read(sector().trial(1), text, lang).analysis.doc, scorer.lexicon.languages[lang]


# Plain sentences the word-list signs once took for lists: an English verb in -s after its
# noun, a courtesy sentence beside a full one, a short adjective as the predicate, and an
# imperative with all its little words.
PLAIN_SENTENCES = [
    ("en", "From 1 November the Comfort tariff costs 550 roubles a month instead of 450."),
    ("en", "Hello, don't worry. Your wife's SIM remains in the group, her tariff stays the "
           "same."),
    ("en", "To move your number, go to the new operator with your passport and fill in the "
           "request there. It's free."),
    ("ru", "Понимаю. Предложение действует 7 дней, время подумать есть."),
    ("ru", "Не повторится, запрет платного контента стоит. Хорошего дня!"),
    ("ru", "Ваш тариф сменён на «Простой» — 390 рублей в месяц вместо 550, уже с "
           "сегодняшнего дня."),
    # A recap in a reply that speaks around it is a summary, not a list.
    ("en", "Thank you for waiting, Irina. So, in short: horoscope subscription cancelled, "
           "refund of 299 roubles within 24 hours, paid content blocked. Is there anything "
           "else I can do?"),
    ("ru", "Всё сделала. Итого: подписка отключена, 299 рублей вернутся за сутки, запрет "
           "платных услуг поставлен, подтверждение придёт в СМС."),
    # A greeting beside a terse report, a comparative as the predicate, a name and a number
    # in a short sentence: terse speech the leads rate 7-8.
    ("ru", "Добрый день. Заявку на проверку сети оформил, номер 48213, инженеры проверят в "
           "течение 48 часов."),
    ("ru", "На ближайшей станции плановые работы до 25 ноября, поэтому сигнал слабее "
           "обычного."),
    ("ru", "Сергей, перезвоню лично в течение двух суток, заявка 48213."),
]


@pytest.mark.parametrize(("lang", "text"), PLAIN_SENTENCES)
def test_plain_sentences_are_not_word_lists(lang, text):
    """Speech with its grammar is never read as a list of keywords."""
    from lab.scoring.signals import is_keyword_list

    doc, language = _doc(text, lang)
    assert not is_keyword_list(doc, language)


@pytest.mark.parametrize("text", [
    "Рекламные звонки отметка карточка не звонить реклама отметка рекламные звонки не звонить "
    "спасибо.",
    "перезвон 48 часов лично заявка 48213 смс гарантия честно обещаю",
])
def test_russian_word_runs_with_a_verb_in_them_are_still_lists(text):
    """A verb somewhere in a long run of words without commas does not make it a sentence."""
    from lab.scoring.signals import is_keyword_list

    doc, language = _doc(text, "ru")
    assert is_keyword_list(doc, language)


@pytest.mark.parametrize("text", [
    "Next month no charge no other subscriptions checked block on switched off SMS no charge",
    "Sorry refund 299 roubles 24 hours block subscription switched off SMS confirmation",
])
def test_english_word_runs_are_still_lists(text):
    """Reading verbs from their frame does not rescue a run of keywords."""
    from lab.scoring.signals import is_keyword_list

    doc, language = _doc(text, "en")
    assert is_keyword_list(doc, language)


@pytest.mark.parametrize(("lang", "text", "repeated"), [
    ("en", "Block on on on, refund refund 299, thank you for calling, we value you!", True),
    ("ru", "Отключено отключено, возврат 299 возврат 299, благодарим за обращение!", True),
    ("en", "Sorry charge refund sorry charge block refund sorry block charge thanks", True),
    # "Нет, нет" once, in a reply that otherwise speaks, is how people talk.
    ("ru", "Нет, нет, что вы. Подписку я отключила, деньги вернутся в течение суток, а запрет "
           "на платные подписки уже стоит, так что больше ничего не спишется.", False),
    ("en", "No, no, not at all. I've cancelled it, the money is back within a day, and the "
           "block on paid content is already on, so nothing more will be charged.", False),
])
def test_words_said_again_and_again_are_repetition(lang, text, repeated):
    """Words said again straight away, or a short reply of a few words over and over, are
    repetition even inside one sentence; one repeat in speech is not."""
    from lab.scoring.signals import is_repetitive

    doc, _ = _doc(text, lang)
    assert is_repetitive(doc) is repeated


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Please be advised that within the framework of our procedures the following apply: "
           "subscription, switched off, refund, 299, balance, block, no repeat, SMS, thanks."),
    ("ru", "Информируем Вас, что в рамках действующего регламента применяются меры подписка, "
           "отключение, возврат, 299 рублей, баланс, запрет, СМС, гарантия."),
])
def test_a_keyword_list_wrapped_in_officialese_is_still_a_list(lang, text):
    """Keywords strung between commas inside an official-sounding sentence are a list."""
    from lab.scoring.signals import is_keyword_list

    doc, language = _doc(text, lang)
    assert is_keyword_list(doc, language)


@pytest.mark.parametrize("text,lang", [
    ("Wi-Fi calling is on now, free: turn on Wi-Fi calling in your phone's settings and your "
     "calls go through your home Wi-Fi.", "en"),
    ("Подписку отключила, деньги вернутся в течение суток, а запрет на платные подписки "
     "подключила, так что больше ничего не спишется.", "ru"),
])
def test_a_word_the_fix_needs_twice_is_no_repetition(text: str, lang: str) -> None:
    """Naming the thing that was done more than once is speech; a quarter of the reply's
    words being one word is not."""
    from lab.scoring import signals

    doc, _ = _doc(text, lang)
    assert not signals.is_repetitive(doc)

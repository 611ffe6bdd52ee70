"""The weekly digest: sent through a real local SMTP server, and shown in the browser."""

from __future__ import annotations

from datetime import datetime
from email import message_from_bytes, policy
from zoneinfo import ZoneInfo

from lab.cli import cli
from tests.answers import answer, store
from tests.factories import PASSWORD
from tests.smtp import smtp_server
from tests.web import csrf_from

MSK = ZoneInfo("Europe/Moscow")
IN_W48 = datetime(2026, 11, 24, 10, 0, tzinfo=MSK)
WEEK_COMMENTS = [
    ("agent_a", 1, "Подам в суд, если не вернёте деньги за подписку!"),
    ("agent_a", 9, "Operator was polite & explained the <tariff> clearly"),
    ("agent_b", 4, "<script>alert('x')</script> связь пропадает каждый вечер"),
    ("agent_b", 10, "Спасибо, всё решили быстро"),
    ("agent_a2", 7, None),  # no comment: not in the digest
]


def _fill(app, db):
    rows = [answer(agent, score, IN_W48.replace(hour=9 + i), comment)
            for i, (agent, score, comment) in enumerate(WEEK_COMMENTS)]
    rows.append(answer("agent_a", 2, datetime(2026, 11, 17, 10, tzinfo=MSK),
                       "Last week's comment, not this week's"))
    store(app, db, rows)


def test_digest_is_sent_with_both_parts_and_every_comment_once(app, db, world, runner):
    world.manager.email = "boss@example.org"
    db.commit()
    _fill(app, db)
    with smtp_server() as (url, inbox):
        app.config["SMTP_URL"] = url
        result = runner.invoke(cli, ["digest", "--week", "2026-W48", "--lang", "en", "--send"])
        assert result.exit_code == 0, result.output
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["Subject"] == "TNPS digest, week 2026-W48"
    assert message["To"] == "boss@example.org"
    assert inbox.envelopes[0][1] == ["boss@example.org"]
    assert message["From"] and message["Date"] and message["Message-ID"]
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for _agent, _score, comment in WEEK_COMMENTS:
        if comment is None:
            continue
        assert text.count(comment) == 1, comment
        escaped = (comment.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                   .replace("'", "&#39;"))
        assert html.count(escaped) == 1, escaped
    assert "<script>" not in html and "<tariff>" not in html
    assert "Last week's comment" not in text
    assert "4 comments this week" in text
    # The alarming one (a court, score 1) comes before every other comment.
    assert text.index("Подам в суд") < min(text.index("Operator was polite"),
                                           text.index("связь пропадает"))
    assert "Alpha" in text and "Beta" in text


def test_digest_in_russian_and_without_smtp(app, db, world, runner, tmp_path):
    _fill(app, db)
    app.config["SMTP_URL"] = None
    out = tmp_path / "digest.eml"
    written = runner.invoke(cli, ["digest", "--week", "2026-W48", "--lang", "ru",
                                  "--out", str(out)])
    assert written.exit_code == 0, written.output
    message = message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["Subject"] == "Сводка TNPS, неделя 2026-W48"
    text = message.get_body(("plain",)).get_content()
    assert "Весь центр" in text and "4 комментария за неделю" in text
    assert "comments this week" not in text
    refused = runner.invoke(cli, ["digest", "--week", "2026-W48", "--send"])
    assert refused.exit_code != 0 and "LAB_SMTP_URL is not set" in refused.output
    bad = runner.invoke(cli, ["digest", "--week", "2026-W60"])
    assert bad.exit_code != 0 and "no week" in bad.output


def test_digest_page_lists_the_weeks_comments_escaped(app, db, world, client):
    _fill(app, db)
    page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"login": "boss", "password": PASSWORD,
                                "csrf_token": csrf_from(page)})
    html = client.get("/centre/digest?week=2026-W48").get_data(as_text=True)
    assert "Подам в суд" in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "Last week&#39;s comment" not in html
    bad = client.get("/centre/digest?week=W48")
    assert bad.status_code == 400 and "2026-W48" in bad.get_data(as_text=True)

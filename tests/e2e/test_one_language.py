"""One language at a time: every page an agent, a lead and an admin can reach, in Russian
and in English, walked in Chromium over the demo data.

A Russian page must show no English UI word and an English page no Cyrillic UI text.
What people wrote is not UI and is skipped: customers' comments and agents' replies
(marked `data-customer` / `data-user-text` in the templates), code samples, and the
names and logins of people and teams, which are data in whatever language they were
typed.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from sqlalchemy import select

from lab.accounts.models import Team, User
from lab.cli import cli

ROLES = ("agent1", "lead1", "admin")
START = ("/lab", "/codex", "/me", "/team", "/admin", "/account/password")
# Links a crawl must not follow: they sign out, download, or are not pages.
SKIP = re.compile(r"^/(logout|static/|api/)|\.(csv|json|xlsx)$|/export")
PER_PATTERN = 2
MAX_PAGES = 90
# Latin words a Russian page may show: the metric's and the channels' names, file
# formats, the clock, Wi-Fi, the language switch and the product's name.
LATIN_OK = {"TNPS", "NPS", "IVR", "SMS", "CSV", "JSON", "XP", "RU", "EN", "Lab", "ID",
            "BOM", "UTF", "Excel", "HMAC", "SHA", "CSP", "SQL", "SLA", "UTC", "Wi-Fi"}
LATIN = re.compile(r"[A-Za-z][A-Za-z'’-]+")
CYRILLIC = re.compile(r"[А-Яа-яЁё]+")
QUOTES = re.compile(r"[«»]")

TEXTS = """() => {
  const skip = (el) => el.closest(
    '[data-customer], [data-user-text], script, style, code, pre, svg title');
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.parentElement || skip(node.parentElement)) continue;
    const text = node.textContent.trim();
    if (text) out.push(text);
  }
  const labelled = '[title], [aria-label], [placeholder], input[type=submit]';
  for (const el of document.querySelectorAll(labelled)) {
    if (skip(el)) continue;
    for (const name of ['title', 'aria-label', 'placeholder', 'value']) {
      if (name === 'value' && el.type !== 'submit') continue;
      const value = el.getAttribute(name);
      if (value) out.push(value);
    }
  }
  for (const t of document.querySelectorAll('template')) {
    const text = t.content.textContent.trim();
    if (text && !t.closest('[data-customer], [data-user-text]')) out.push(text);
  }
  out.push(document.title);
  return out;
}"""


# Nothing is let through: quotation marks around Eva's line come from the page's language
# (<q>), not from the template.
KNOWN: dict[str, set[str]] = {}


def _pattern(path: str) -> str:
    return re.sub(r"\d+", "N", path)


def _crawl(page, base: str) -> list[str]:
    """Paths reached from the start pages by links, a couple per URL pattern."""
    seen: dict[str, int] = {}
    queue = list(START)
    done: list[str] = []
    while queue and len(done) < MAX_PAGES:
        path = queue.pop(0)
        key = _pattern(path)
        if path in done or seen.get(key, 0) >= PER_PATTERN:
            continue
        response = page.goto(path)
        if response is None or response.status != 200 or urlsplit(page.url).path != path:
            seen[key] = seen.get(key, 0) + 1
            if urlsplit(page.url).path not in done and response and response.status == 200:
                done.append(urlsplit(page.url).path)
            continue
        seen[key] = seen.get(key, 0) + 1
        done.append(path)
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        for href in hrefs:
            url = urlsplit(urljoin(base + path, href))
            if url.netloc != urlsplit(base).netloc or SKIP.search(url.path):
                continue
            if url.path not in done and url.path not in queue:
                queue.append(url.path)
    return done


def _data_words(db) -> set[str]:
    """Names and logins of people and teams: data, not UI."""
    words: set[str] = set()
    for name, login in db.execute(select(User.name, User.login)):
        words.update((name or "").split())
        words.add(login)
    words.update(db.scalars(select(Team.name)))
    return words


def _foreign(lang: str, texts: list[str], data: set[str]) -> set[str]:
    found = set()
    for text in texts:
        for word in data:
            text = text.replace(word, " ")
        if lang == "ru":
            found.update(w for w in LATIN.findall(text) if w not in LATIN_OK)
        else:
            found.update(CYRILLIC.findall(text))
            # English quotes are “…”; «…» belong to Russian.
            found.update(QUOTES.findall(text))
    return found


def test_every_page_speaks_one_language(app, db, browser, live_server):
    result = app.test_cli_runner().invoke(cli, ["demo"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = _data_words(db)
    problems: list[str] = []
    walked = 0
    for login in ROLES:
        for lang in ("ru", "en"):
            context = browser.new_context(base_url=live_server,
                                          locale="ru-RU" if lang == "ru" else "en-US")
            context.add_cookies([{"name": "lab_lang", "value": lang, "url": live_server}])
            context.set_default_timeout(15_000)
            page = context.new_page()
            page.goto("/login")
            page.locator("#login").fill(login)
            page.locator("#password").fill("tnps-demo")
            page.locator(".login-card form [type=submit]").click()
            page.wait_for_load_state()
            for path in _crawl(page, live_server):
                page.goto(path)
                walked += 1
                words = _foreign(lang, page.evaluate(TEXTS), data)
                if lang == "en":
                    words -= KNOWN.get(path, set())
                if words:
                    problems.append(f"{login} {lang} {path}: {', '.join(sorted(words))}")
            context.close()
    assert walked >= 40, walked
    assert not problems, f"{len(problems)} pages mix languages:\n" + "\n".join(problems)

"""Every Codex chapter's lists render as lists, in both languages, in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD

CODEX = Path(__file__).resolve().parents[2] / "content" / "codex"
ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)]) +\S")


def _items_in(path: Path) -> int:
    """List-item lines of a chapter's source, code fences left out."""
    count, fenced = 0, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and ITEM.match(line):
            count += 1
    return count


def test_every_chapter_lists_are_lists(world, page, live_server):
    sign_in(page, "agent_a", PASSWORD)
    checked = 0
    for lang in ("ru", "en"):
        page.context.add_cookies([{"name": "lab_lang", "value": lang, "url": live_server}])
        for source in sorted((CODEX / lang).glob("*.md")):
            slug = source.stem.split("-", 1)[1]
            page.goto(f"/codex/{slug}")
            article = page.locator("article.prose")
            expect(article).to_have_attribute("lang", lang)
            expected = _items_in(source)
            assert expected, f"{source.name} has no list"
            items = article.locator("ul > li, ol > li")
            assert items.count() == expected, (source.name, items.count(), expected)
            # No paragraph still carries a list run into it ("Say: - «…» - «…»").
            for text in article.locator("p").all_inner_texts():
                assert not re.search(r"(^|\n)\s*[-*+] \S", text), (source.name, text[:80])
            checked += 1
    assert checked == 2 * len(list((CODEX / "en").glob("*.md")))

"""The Codex in the browser's two languages: contents, chapters, anchors, search."""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def agent(world, auth):
    """Signed in as an agent."""
    auth.login("agent_a")


def test_contents_list_every_chapter(agent, client, app):
    """The contents page links every chapter of the loaded Codex."""
    page = client.get("/codex").get_data(as_text=True)
    codex = app.extensions["lab.content"].codex
    assert len(codex.chapters) >= 7
    for chapter in codex.chapters:
        assert f'href="/codex/{chapter.slug}"' in page
        assert chapter.title.en in page


def test_chapter_has_stable_anchors_for_feedback_links(agent, client):
    """Sections carry the anchors that the scorer's feedback points to."""
    page = client.get("/codex/ownership").get_data(as_text=True)
    for anchor in ("concrete-actions", "times-and-deadlines", "no-passing-the-buck"):
        assert f'id="{anchor}"' in page


def test_chapter_in_russian(agent, client):
    """The same chapter reads in Russian when Russian is chosen."""
    page = client.get("/codex/ownership", headers={"Accept-Language": "ru"})
    assert "Конкретные действия" in page.get_data(as_text=True)


def test_unknown_chapter_is_404(agent, client):
    """A chapter that does not exist is not found."""
    assert client.get("/codex/no-such-chapter").status_code == 404


def test_search_finds_sections_in_the_page_language(agent, client):
    """Searching finds sections by word prefix, in the chosen language."""
    page = client.get("/codex?q=hedg").get_data(as_text=True)
    assert 'href="/codex/forbidden-words#hedging"' in page
    ru = client.get("/codex?q=обещ", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert "#hedging" in ru


def test_search_escapes_the_query(agent, client):
    """A query with markup is shown as text, never run."""
    page = client.get("/codex?q=<script>alert(1)</script>").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_chapter_html_has_no_script(agent, client, app):
    """Rendered chapters are sanitised."""
    for chapter in app.extensions["lab.content"].codex.chapters:
        page = client.get(f"/codex/{chapter.slug}").get_data(as_text=True)
        # The chapter itself; the head carries the page's own script files (the bell).
        html = page[page.index("<main"):page.index("</main>")]
        assert not re.search(r"<script|onerror=|javascript:", html, re.IGNORECASE)
        assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", page, re.IGNORECASE)

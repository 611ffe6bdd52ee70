"""Compressed responses, and static files under versioned names with a year's cache."""

from __future__ import annotations

import gzip
import re

from lab.paths import STATIC_DIR

STATIC_URL = re.compile(r'(?:href|src)="(/static/[^"]+)"')


def test_pages_link_versioned_static_files_cached_immutably(auth, client, world):
    """Every static URL in a page carries its content's hash and is kept for a year."""
    auth.login("agent_a")
    html = client.get("/codex").get_data(as_text=True)
    urls = set(STATIC_URL.findall(html))
    assert "/static/css/lab.css" not in urls
    assert any(re.fullmatch(r"/static/css/lab\.[0-9a-f]{10}\.css", url) for url in urls)
    # One Eva image: the favicon, the header and Eva's card share one URL.
    assert len([url for url in urls if "/eva." in url]) == 1
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.cache_control.immutable and response.cache_control.max_age == 31536000


def test_the_plain_and_an_outdated_name_still_serve_the_current_file(client):
    """Old links keep working; they are revalidated, not cached for a year."""
    current = (STATIC_DIR / "css" / "lab.css").read_bytes()
    for url in ("/static/css/lab.css", "/static/css/lab.0123456789.css"):
        response = client.get(url)
        assert response.status_code == 200 and response.data == current
        assert not response.cache_control.immutable
    assert client.get("/static/css/missing.0123456789.css").status_code == 404


def test_html_json_css_are_compressed_when_the_browser_asks(auth, client, world):
    """gzip or brotli as asked; nothing when not asked (tests read plain text elsewhere)."""
    auth.login("agent_a")
    page = client.get("/codex", headers={"Accept-Encoding": "gzip"})
    assert page.headers["Content-Encoding"] == "gzip"
    assert b"</html>" in gzip.decompress(page.data)
    assert "Accept-Encoding" in page.headers["Vary"]
    css = client.get("/static/css/lab.css", headers={"Accept-Encoding": "br, gzip"})
    assert css.headers["Content-Encoding"] == "br"
    assert len(css.data) * 3 < len((STATIC_DIR / "css" / "lab.css").read_bytes())
    plain = client.get("/api/v1/me/tnps")
    assert "Content-Encoding" not in plain.headers and plain.is_json

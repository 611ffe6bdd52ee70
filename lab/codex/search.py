"""Searching the Codex: sections whose text holds every word of the query."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from lab.content import Codex

_HEADING = re.compile(r'<h2[^>]*\bid="([a-z0-9-]+)"[^>]*>')
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY = 100


@dataclass(frozen=True)
class Hit:
    """A section that matches, with a short excerpt around the first match."""

    chapter_slug: str
    chapter_title: str
    anchor: str
    section_title: str
    excerpt: str


def _sections(html: str) -> dict[str, str]:
    """Section anchor -> its text, from the chapter's rendered (sanitised) HTML."""
    parts = _HEADING.split(html)
    # split() gives [preamble, anchor1, body1, anchor2, body2, ...]
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _plain(html: str) -> str:
    return unescape(" ".join(_TAG.sub(" ", html).split()))


def search(codex: Codex, query: str, lang: str) -> list[Hit]:
    """Sections (in `lang`) containing every word of `query`, case-insensitively.

    Words match by prefix, so «списан» finds «списание» and «списали».
    """
    words = [w.casefold() for w in _WORD.findall(query[:MAX_QUERY])]
    if not words:
        return []
    hits: list[Hit] = []
    for chapter in codex.chapters:
        bodies = _sections(chapter.html.get(lang))
        for section in chapter.sections:
            text = _plain(bodies.get(section.anchor, ""))
            title = section.title.get(lang)
            tokens = [t.casefold() for t in _WORD.findall(f"{title} {text}")]
            if all(any(token.startswith(word) for token in tokens) for word in words):
                hits.append(Hit(chapter.slug, chapter.title.get(lang), section.anchor, title,
                                _excerpt(text, words[0])))
    return hits


def _excerpt(text: str, word: str, width: int = 160) -> str:
    position = text.casefold().find(word)
    start = max(0, position - width // 3) if position >= 0 else 0
    snippet = " ".join(text[start:start + width].split())
    return ("… " if start else "") + snippet + (" …" if start + width < len(text) else "")

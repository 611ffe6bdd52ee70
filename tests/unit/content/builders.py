"""Small helpers that write content files into a temporary folder for tests."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from lab.paths import SECTORS_DIR

CHAPTERS: dict[str, list[str]] = {
    "first-words": ["greeting", "name-and-role", "tone"],
    "listening": ["let-them-finish", "acknowledge-feelings", "apology", "clarify"],
    "explaining": ["plain-words", "cause", "check-understanding"],
    "ownership": ["concrete-actions", "times-and-deadlines", "promises-you-can-keep", "confidence",
                  "no-passing-the-buck"],
    "prevention": ["next-problem", "protect-the-account", "what-to-expect"],
    "forbidden-words": ["blame", "hedging", "jargon", "rudeness", "shouting",
                        "upsell-instead-of-fix", "empty-words"],
    "closing": ["summary", "anything-else", "thank-and-goodbye"],
}


def chapter_text(slug: str, anchors: list[str], lang: str) -> str:
    """Markdown for one chapter: a title and one short section per anchor."""
    lines = [f"# {slug} ({lang})", ""]
    for anchor in anchors:
        lines += [f"## {anchor.replace('-', ' ')} {{#{anchor}}}", "", f"Text about {anchor}.", ""]
    return "\n".join(lines)


def write_codex(root: Path, chapters: dict[str, list[str]] | None = None) -> Path:
    """Write a Codex with the given chapters in both languages; return its folder."""
    folder = root / "content" / "codex"
    for lang in ("ru", "en"):
        (folder / lang).mkdir(parents=True, exist_ok=True)
        for number, (slug, anchors) in enumerate((chapters or CHAPTERS).items(), start=1):
            path = folder / lang / f"{number:02d}-{slug}.md"
            path.write_text(chapter_text(slug, anchors, lang), encoding="utf-8")
    return folder


def real_sector() -> dict[str, Any]:
    """The real sector 1 as plain data, ready to be broken on purpose."""
    path = SECTORS_DIR / "unexpected-charge" / "sector.yaml"
    return copy.deepcopy(yaml.safe_load(path.read_text(encoding="utf-8")))


def write_sector(root: Path, data: dict[str, Any] | str, folder: str = "unexpected-charge"
                 ) -> Path:
    """Write sector data (or raw text) to <root>/sectors/<folder>/sector.yaml."""
    path = root / "sectors" / folder / "sector.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True,
                                                             sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path

"""The Codex of service: one Markdown file per chapter and language, sections with anchors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lab.content.errors import Collector, ContentError
from lab.content.markdown import render_markdown
from lab.content.text import LANGS, Text

_FILE = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
_TITLE = re.compile(r"^#\s+(\S.*?)\s*$")
_SECTION = re.compile(r"^##\s+(\S.*?)\s*\{#([a-z0-9-]+)\}\s*$")


@dataclass(frozen=True)
class CodexSection:
    """A section of a chapter, linked to as `chapter#anchor`."""

    anchor: str
    title: Text


@dataclass(frozen=True)
class Chapter:
    """A Codex chapter in both languages, with its rendered HTML."""

    slug: str
    order: int
    title: Text
    sections: tuple[CodexSection, ...]
    html: Text

    def link(self, anchor: str) -> str:
        """Return the `chapter#anchor` link of one of this chapter's sections."""
        return f"{self.slug}#{anchor}"


@dataclass(frozen=True)
class Codex:
    """All chapters in order; `anchors` holds every valid `chapter#anchor` link."""

    chapters: tuple[Chapter, ...]

    @property
    def anchors(self) -> frozenset[str]:
        """Every link a sector or the scorer may point to."""
        return frozenset(c.link(s.anchor) for c in self.chapters for s in c.sections)

    def chapter(self, slug: str) -> Chapter:
        """Return a chapter by slug; KeyError when there is none."""
        for chapter in self.chapters:
            if chapter.slug == slug:
                return chapter
        raise KeyError(slug)


@dataclass(frozen=True)
class _Page:
    order: int
    title: str
    sections: tuple[tuple[str, str], ...]
    source: str


def read_codex(root: Path) -> tuple[Codex, list[ContentError]]:
    """Read content/codex/<lang>/NN-slug.md for every language; return the Codex and problems."""
    errors: list[ContentError] = []
    pages: dict[str, dict[str, _Page]] = {}
    for lang in LANGS:
        folder = root / lang
        if not folder.is_dir():
            errors.append(ContentError(str(folder), "(folder)", "Codex language folder missing"))
            pages[lang] = {}
            continue
        pages[lang] = _read_language(folder, errors)
    chapters = _merge(root, pages, errors)
    return Codex(chapters), errors


def _read_language(folder: Path, errors: list[ContentError]) -> dict[str, _Page]:
    found: dict[str, _Page] = {}
    for path in sorted(folder.glob("*.md")):
        issues = Collector(path)
        match = _FILE.match(path.name)
        if not match:
            issues.add("(file)", "file name must look like 01-first-words.md")
        else:
            page = _parse(path, int(match.group(1)), issues)
            if page is not None:
                found[match.group(2)] = page
        errors += issues.errors
    return found


def _parse(path: Path, order: int, issues: Collector) -> _Page | None:
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        issues.add("(file)", f"cannot read: {exc}")
        return None
    lines = source.splitlines()
    first = next((line for line in lines if line.strip()), "")
    title = _TITLE.match(first)
    if not title:
        issues.add("line 1", "the first line must be the chapter title: '# Title'")
    sections: list[tuple[str, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.startswith("## "):
            continue
        section = _SECTION.match(line)
        if not section:
            issues.add(f"line {number}", "a section heading needs an anchor: '## Title {#anchor}'")
            continue
        if any(anchor == section.group(2) for anchor, _ in sections):
            issues.add(f"line {number}", f"anchor #{section.group(2)} is used twice")
        sections.append((section.group(2), section.group(1)))
    if not sections:
        issues.add("(file)", "a chapter needs at least one '## Section {#anchor}'")
    if issues.errors or not title:
        return None
    return _Page(order, title.group(1), tuple(sections), source)


def _merge(
    root: Path, pages: dict[str, dict[str, _Page]], errors: list[ContentError]
) -> tuple[Chapter, ...]:
    chapters = []
    slugs = sorted(set().union(*(set(p) for p in pages.values())))
    anchor_owner: dict[str, str] = {}
    for slug in slugs:
        versions = {lang: pages[lang].get(slug) for lang in LANGS}
        missing = [lang for lang, page in versions.items() if page is None]
        if missing:
            for lang in missing:
                errors.append(ContentError(str(root / lang), slug, "chapter missing in this "
                                           "language (other languages have it)"))
            continue
        ru, en = versions["ru"], versions["en"]
        assert ru is not None and en is not None
        place = str(root / "en")
        if ru.order != en.order:
            errors.append(ContentError(place, slug, f"chapter number {en.order:02d} differs "
                                       f"from the Russian file's {ru.order:02d}"))
        if [a for a, _ in ru.sections] != [a for a, _ in en.sections]:
            errors.append(ContentError(place, slug, "sections differ between languages: "
                                       f"ru has {_anchors(ru)}, en has {_anchors(en)}"))
            continue
        for anchor, _ in en.sections:
            if anchor in anchor_owner:
                errors.append(ContentError(place, f"{slug}#{anchor}", "anchor also used in "
                                           f"chapter {anchor_owner[anchor]!r}"))
            anchor_owner[anchor] = slug
        sections = tuple(
            CodexSection(anchor, Text(ru=ru_title, en=en_title))
            for (anchor, ru_title), (_, en_title) in zip(ru.sections, en.sections, strict=True)
        )
        html = Text(ru=render_markdown(ru.source), en=render_markdown(en.source))
        chapters.append(Chapter(slug, en.order, Text(ru=ru.title, en=en.title), sections, html))
    return tuple(sorted(chapters, key=lambda c: (c.order, c.slug)))


def _anchors(page: _Page) -> str:
    return ", ".join(f"#{a}" for a, _ in page.sections)

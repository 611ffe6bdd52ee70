"""Codex loading and validation."""

from __future__ import annotations

from pathlib import Path

from lab.content.codex import read_codex
from tests.unit.content.builders import CHAPTERS, write_codex


def places(folder: Path) -> list[tuple[str, str]]:
    """(file or folder name, place) of every Codex problem."""
    return [(Path(e.file).name, e.place) for e in read_codex(folder)[1]]


def test_codex_loads_chapters_in_order(tmp_path) -> None:
    """Chapters come back in file order with titles, sections and rendered HTML."""
    codex, errors = read_codex(write_codex(tmp_path))
    assert errors == []
    assert [c.slug for c in codex.chapters] == list(CHAPTERS)
    first = codex.chapter("first-words")
    assert first.order == 1 and first.title.get("ru") == "first-words (ru)"
    assert [s.anchor for s in first.sections] == ["greeting", "name-and-role", "tone"]
    assert '<h2 id="greeting">' in first.html.get("en")
    assert "listening#apology" in codex.anchors


def test_anchors_must_match_between_languages(tmp_path) -> None:
    """A section present in one language only is reported."""
    folder = write_codex(tmp_path)
    path = folder / "en" / "02-listening.md"
    path.write_text(path.read_text().replace("{#clarify}", "{#clarification}"))
    assert places(folder) == [("en", "listening")]


def test_chapter_missing_in_one_language(tmp_path) -> None:
    """A chapter file missing in Russian is reported for the Russian folder."""
    folder = write_codex(tmp_path)
    (folder / "ru" / "07-closing.md").unlink()
    assert places(folder) == [("ru", "closing")]


def test_title_sections_and_file_names_are_checked(tmp_path) -> None:
    """No title, no sections, a heading without anchor, a bad name, a repeated anchor."""
    folder = write_codex(tmp_path, {"first-words": ["greeting"]})
    for lang in ("ru", "en"):
        (folder / lang / "02-empty.md").write_text("# Empty chapter\n\nNo sections.\n")
        (folder / lang / "03-untitled.md").write_text("Intro\n\n## A {#a}\n")
        (folder / lang / "04-loose.md").write_text("# Loose\n\n## No anchor here\n")
        (folder / lang / "05-twice.md").write_text("# Twice\n\n## A {#b}\n\n## B {#b}\n")
        (folder / lang / "notes.md").write_text("# Notes\n")
    found = places(folder)
    for name, place in [("02-empty.md", "(file)"), ("03-untitled.md", "line 1"),
                        ("04-loose.md", "line 3"), ("05-twice.md", "line 5"),
                        ("notes.md", "(file)")]:
        assert (name, place) in found


def test_missing_language_folder(tmp_path) -> None:
    """A Codex without one of the language folders is reported."""
    folder = write_codex(tmp_path)
    for path in (folder / "ru").iterdir():
        path.unlink()
    (folder / "ru").rmdir()
    assert ("ru", "(folder)") in places(folder)

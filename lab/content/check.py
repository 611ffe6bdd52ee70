"""One check over all content: sectors, the Codex, and the links between them."""

from __future__ import annotations

from pathlib import Path

from lab.content.codex import Codex, read_codex
from lab.content.errors import Collector, ContentError
from lab.content.rubric import check_link
from lab.content.sector import Sector
from lab.content.sector_loader import read_sectors


def read_all(
    sectors_dir: Path, codex_dir: Path
) -> tuple[tuple[Sector, ...], Codex, list[ContentError]]:
    """Read sectors and Codex, checking every Codex link against the real anchors."""
    # Imported here: the scorer itself builds on lab.content, so a top-level import would loop.
    from lab.scoring.lexicon import LEXICON_DIR, load_lexicon

    codex, errors = read_codex(codex_dir)
    lexicon = load_lexicon()
    anchors = codex.anchors if not errors else None
    sectors, sector_errors = read_sectors(sectors_dir, anchors=anchors, concepts=lexicon.good())
    errors += sector_errors
    if anchors is not None:
        issues = Collector(LEXICON_DIR / "concepts.yaml")
        for place, link in lexicon.codex_links().items():
            check_link(link, place, issues, anchors)
        errors += issues.errors
    return sectors, codex, errors


def check_content(sectors_dir: Path, codex_dir: Path) -> list[ContentError]:
    """Return every problem in sector and Codex files (an empty list when all is well)."""
    return read_all(sectors_dir, codex_dir)[2]

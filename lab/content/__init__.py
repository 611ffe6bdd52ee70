"""Content of the Lab: sectors with their trials, and the Codex. No Flask here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lab.content.check import check_content, read_all
from lab.content.codex import Chapter, Codex, CodexSection
from lab.content.errors import ContentError, ContentInvalid
from lab.content.markdown import render_markdown
from lab.content.sector import Branch, Briefing, Sector, Trial, TrialWarning
from lab.content.sector_loader import read_sectors
from lab.content.text import LANGS, Text
from lab.paths import CODEX_DIR, ROOT, SECTORS_DIR

__all__ = ["LANGS", "Branch", "Briefing", "Chapter", "Codex", "CodexSection", "Content",
           "ContentError", "ContentInvalid", "Sector", "Text", "Trial", "TrialWarning",
           "check_content", "load_content", "load_sectors", "render_markdown"]


@dataclass(frozen=True)
class Content:
    """Everything the app shows from files: sectors in map order and the Codex."""

    sectors: tuple[Sector, ...]
    codex: Codex

    def sector(self, sector_id: str) -> Sector:
        """Return a sector by id; KeyError when there is none."""
        for sector in self.sectors:
            if sector.id == sector_id:
                return sector
        raise KeyError(sector_id)


def load_sectors(root: Path = SECTORS_DIR) -> tuple[Sector, ...]:
    """Load all sectors sorted by order; raise ContentInvalid listing every problem."""
    sectors, errors = read_sectors(root)
    if errors:
        raise ContentInvalid(errors, ROOT)
    return sectors


def load_content(root: Path = ROOT) -> Content:
    """Load and cross-check sectors and Codex under root; raise ContentInvalid on problems."""
    sectors, codex, errors = read_all(root / SECTORS_DIR.relative_to(ROOT),
                                      root / CODEX_DIR.relative_to(ROOT))
    if errors:
        raise ContentInvalid(errors, root)
    return Content(sectors, codex)

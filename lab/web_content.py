"""The Lab's content inside the web app: loaded and checked once, at start-up."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from flask import Flask, current_app

from lab.content import Content, load_content
from lab.paths import ROOT

EXTENSION = "lab.content"
VERSIONS = "lab.content_versions"


@cache
def _load(root: Path) -> tuple[Content, dict[str, str]]:
    # Content files do not change under a running app; one load per process.
    content = load_content(root)
    versions = {
        sector.id: hashlib.sha1(  # noqa: S324 (a change detector, not security)
            (root / "sectors" / sector.id / "sector.yaml").read_bytes()).hexdigest()[:12]
        for sector in content.sectors
    }
    return content, versions


def init_app(app: Flask) -> None:
    """Load sectors and Codex; invalid content raises ContentInvalid, so the app won't start."""
    content, versions = _load(Path(app.config.get("CONTENT_ROOT") or ROOT))
    app.extensions[EXTENSION] = content
    app.extensions[VERSIONS] = versions


def get_content() -> Content:
    """The content of the current app."""
    return current_app.extensions[EXTENSION]


def sector_version(sector_id: str) -> str:
    """The hash of a sector's file as loaded: replies to another version are refused."""
    return current_app.extensions[VERSIONS][sector_id]

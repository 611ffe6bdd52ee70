"""The Lab's content inside the web app: loaded and checked once, at start-up."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from flask import Flask, current_app

from lab.content import Content, load_content
from lab.paths import ROOT

EXTENSION = "lab.content"


@cache
def _load(root: Path) -> Content:
    # Content files do not change under a running app; one load per process.
    return load_content(root)


def init_app(app: Flask) -> None:
    """Load sectors and Codex; invalid content raises ContentInvalid, so the app won't start."""
    app.extensions[EXTENSION] = _load(Path(app.config.get("CONTENT_ROOT") or ROOT))


def get_content() -> Content:
    """The content of the current app."""
    return current_app.extensions[EXTENSION]

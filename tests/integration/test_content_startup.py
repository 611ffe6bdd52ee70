"""The app refuses to start on invalid content, and says which file and field."""

from __future__ import annotations

import shutil

import pytest

from lab import create_app
from lab.content import ContentInvalid
from lab.paths import ROOT


def test_app_refuses_to_start_on_a_broken_sector(tmp_path, database_url):
    """A sector file with a missing field stops create_app with the file and place named."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "sectors", tmp_path / "sectors")
    sector = tmp_path / "sectors" / "unexpected-charge" / "sector.yaml"
    text = sector.read_text(encoding="utf-8")
    sector.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")
    with pytest.raises(ContentInvalid) as caught:
        create_app({"TESTING": True, "DATABASE_URL": database_url, "CONTENT_ROOT": tmp_path})
    message = str(caught.value)
    assert "sectors/unexpected-charge/sector.yaml" in message
    assert "titel" in message or "title" in message

"""Fixtures shared by the integration tests of the Lab's pages."""

from __future__ import annotations

import pytest

from lab.db import utcnow
from lab.training.models import CodexRead, LabProfile


@pytest.fixture
def content(app):
    """The loaded sectors and Codex."""
    return app.extensions["lab.content"]


@pytest.fixture
def ready(world, db, content, auth):
    """agent_a has read the Codex, seen the tour and is signed in."""
    for chapter in content.codex.chapters:
        db.add(CodexRead(user_id=world.agent_a.id, chapter=chapter.slug))
    db.add(LabProfile(user_id=world.agent_a.id, xp=0, tour_done_at=utcnow()))
    db.commit()
    auth.login("agent_a")
    return world.agent_a

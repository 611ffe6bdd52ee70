"""The public JSON shape of a score result."""

from __future__ import annotations

import json
import re

import pytest

from lab.scoring.result import category_for
from tests.unit.scoring.helpers import score

LINK = re.compile(r"^[a-z0-9-]+#[a-z0-9-]+$")


@pytest.mark.parametrize("lang,text", [
    ("ru", "Здравствуйте. Подписку отключила."),
    ("en", "Hello. I switched it off."),
])
def test_json_has_exactly_the_public_shape(lang: str, text: str) -> None:
    """to_json returns exactly scores, rating, category and feedback, JSON-serialisable."""
    data = score(1, text, lang).to_json()
    assert list(data) == ["scores", "rating", "category", "feedback"]
    assert list(data["scores"]) == ["reliability", "empathy", "inspiration"]
    assert all(type(v) is int and 0 <= v <= 100 for v in data["scores"].values())
    assert type(data["rating"]) is int and 0 <= data["rating"] <= 10
    assert data["category"] == category_for(data["rating"])
    assert data["feedback"]
    for item in data["feedback"]:
        assert list(item) == ["dimension", "message", "codex"]
        assert item["dimension"] in data["scores"] and LINK.match(item["codex"])
    json.dumps(data, ensure_ascii=False)


def test_feedback_speaks_the_reply_language() -> None:
    """Feedback for a Russian reply is in Russian, for an English one in English."""
    ru = score(1, "Здравствуйте. Подписку отключила.", "ru").feedback
    en = score(1, "Hello. I switched it off.", "en").feedback
    assert all(re.search("[а-я]", f.message) for f in ru)
    assert not any(re.search("[а-я]", f.message) for f in en)


def test_missing_refund_is_named_in_feedback() -> None:
    """Feedback is specific: a reply without the refund is told to promise it with a time."""
    feedback = score(1, "Hello Irina, I'm sorry. I've switched the subscription off.", "en")
    assert any("299" in f.message and f.codex == "ownership#times-and-deadlines"
               for f in feedback.feedback)


@pytest.mark.parametrize("rating,category", [(0, "detractor"), (6, "detractor"),
                                             (7, "passive"), (8, "passive"),
                                             (9, "promoter"), (10, "promoter")])
def test_category_boundaries(rating: int, category: str) -> None:
    """0-6 detractor, 7-8 passive, 9-10 promoter."""
    assert category_for(rating) == category


def test_empty_reply_is_a_detractor() -> None:
    """An empty reply scores, without errors, as a detractor."""
    assert score(1, "", "ru").category == "detractor"

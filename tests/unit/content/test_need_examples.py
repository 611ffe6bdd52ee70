"""A need's example phrasings: both languages, plain sentences, problems named by place."""

from __future__ import annotations

from lab.content.errors import Collector
from lab.content.rubric import _read_examples


def test_examples_in_both_languages_are_read() -> None:
    """Phrasings come back per language, trimmed."""
    issues = Collector("sector.yaml")
    examples = _read_examples({"ru": [" Подписку отключила. "], "en": ["It's off now."]},
                              "trials[1].rubric.needs[1].examples", issues)
    assert issues.errors == []
    assert examples is not None and examples.get("ru") == ("Подписку отключила.",)


def test_a_bad_phrasing_names_its_place() -> None:
    """A one-word phrasing and a missing language are each reported where they are."""
    issues = Collector("sector.yaml")
    place = "trials[1].rubric.needs[2].examples"
    assert _read_examples({"ru": ["Отключила"]}, place, issues) is None
    described = [str(e) for e in issues.errors]
    assert any("examples.ru[1]" in d and "2 to 40 words" in d for d in described), described
    assert any("en" in d for d in described), described

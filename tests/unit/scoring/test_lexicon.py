"""The lexicon files load, match between languages and link into the Codex."""

from __future__ import annotations

import re

from lab.scoring.lexicon import load_lexicon

LINK = re.compile(r"^[a-z0-9-]+#[a-z0-9-]+$")


def test_lexicon_loads_with_the_same_concepts_in_both_languages() -> None:
    """Every concept has compiled patterns in ru and en."""
    lexicon = load_lexicon()
    for name in lexicon.concepts:
        assert lexicon.patterns[(name, "ru")] and lexicon.patterns[(name, "en")]


def test_every_lexicon_link_is_well_formed() -> None:
    """Codex links in the lexicon look like chapter#section."""
    assert all(LINK.match(link) for link in load_lexicon().codex_links().values())


def test_harmful_concepts_cap_the_rating_below_promoter() -> None:
    """Any harmful concept that caps the rating keeps it out of the promoter range."""
    for concept in load_lexicon().harmful():
        assert concept.cap <= 8 or concept.name == "empty_words"

"""Loading the real sector 1 and the accessors the app relies on."""

from __future__ import annotations

import pytest

from lab.content import load_content, load_sectors
from lab.content.reactions import MOVES
from lab.content.sector import CATEGORIES, MOODS
from lab.content.text import Text
from lab.paths import SECTORS_DIR
from tests.unit.content.builders import real_sector, write_codex, write_sector

TRIAL_IDS = ["first-words", "how-it-happened", "when-money", "next-month", "complaint",
             "closing"]


def test_real_sector_loads_in_order() -> None:
    """Sector 1 loads with its six trials in the agreed order."""
    sectors = load_sectors(SECTORS_DIR)
    sector = sectors[0]
    assert sector.id == "unexpected-charge" and sector.order == 1 and sector.topic == "charges"
    assert [t.id for t in sector.trials] == TRIAL_IDS
    assert [t.step for t in sector.trials] == [1, 2, 3, 4, 5, 6]


def test_real_sector_is_complete_in_both_languages() -> None:
    """Every trial has texts in ru and en, valid moods and all three branches."""
    sector = load_sectors(SECTORS_DIR)[0]
    assert "299" in sector.trial(1).customer.get("ru")
    assert "Smart" in " ".join(row.value.en for row in sector.briefing.customer_card)
    for trial in sector.trials:
        assert trial.mood in MOODS
        assert 2 <= len(trial.warnings) <= 4
        for category in CATEGORIES:
            branch = trial.branches.get(category)
            assert branch.move in MOVES and branch.text.ru and branch.text.en
        for lang in ("ru", "en"):
            assert 40 <= len(trial.model_answer.get(lang).split()) <= 80


def test_trial_step_out_of_range_names_the_range() -> None:
    """Asking for a step that does not exist raises LookupError with the valid range."""
    sector = load_sectors(SECTORS_DIR)[0]
    with pytest.raises(LookupError, match="1..6"):
        sector.trial(7)


def test_text_get_rejects_unknown_language() -> None:
    """Text.get only knows ru and en."""
    with pytest.raises(ValueError, match="unknown language"):
        Text(ru="а", en="a").get("de")


def test_load_content_returns_sectors_and_codex(tmp_path) -> None:
    """load_content reads sectors and Codex under a root and cross-checks their links."""
    write_codex(tmp_path)
    write_sector(tmp_path, real_sector())
    content = load_content(tmp_path)
    assert content.sector("unexpected-charge").steps == 6
    assert "ownership#concrete-actions" in content.codex.anchors


def test_reaction_harms_are_the_scorers_harms() -> None:
    """A reaction may answer every harm the scorer reports, and only those."""
    from lab.content.reactions import HARM_KINDS
    from lab.scoring.lexicon import load_lexicon

    lexicon = load_lexicon()
    reported = {c.name for c in lexicon.harmful()} | set(lexicon.signals) | {"refusal"}
    assert set(HARM_KINDS) == reported


def test_every_trial_reacts_to_content_and_the_call_remembers() -> None:
    """All four sectors react to what was said: every trial has reaction rules with two or
    more variants each, and every sector carries facts over between steps."""
    for sector in load_sectors():
        carried = [n for t in sector.trials for n in t.rubric.needs if n.carried_from]
        assert carried, sector.id
        assert any(t.customer_given for t in sector.trials), sector.id
        for trial in sector.trials:
            assert trial.reactions, (sector.id, trial.id)
            assert all(len(r.say) >= 2 for r in trial.reactions), (sector.id, trial.id)

"""What is refused before field validation: non-rows, other questions, dismissed answers."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from lab.surveys.domain import DEFAULT_WINDOWS, Valid
from lab.surveys.ingest import IngestContext, precheck, validate

CTX = IngestContext({"agent1": 1}, DEFAULT_WINDOWS, ZoneInfo("Europe/Moscow"))


@pytest.mark.parametrize(("raw", "reason"), [
    ([1, 2], "not_an_object"),
    ("row", "not_an_object"),
    ({"question": "csat", "score": 5}, "not_nps_question"),
    ({"question": 3, "score": 5}, "not_nps_question"),
    ({"score": None}, "dismissed"),
    ({"score": "   "}, "dismissed"),
])
def test_refused_before_validation(raw, reason):
    """Each names its reason."""
    assert precheck(raw).reason == reason


@pytest.mark.parametrize("raw", [{"score": 0}, {"question": "NPS", "score": 9},
                                 {"question": " tnps ", "score": 9}, {}])
def test_passed_on_to_validation(raw):
    """A TNPS row (or one missing its score key: validation says missing_field)."""
    assert precheck(raw) is None


def test_validate_runs_both(ivr_row):
    """The pre-checks then the domain validation."""
    assert isinstance(validate(ivr_row(), CTX), Valid)
    assert validate(ivr_row(score=None), CTX).reason == "dismissed"
    assert validate(ivr_row(score=...), CTX).reason == "missing_field"
    assert validate(ivr_row(agent_login="nobody"), CTX).reason == "unknown_agent"

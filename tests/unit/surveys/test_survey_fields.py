"""Field parsing in survey rows: scores, timestamps, comments and identifiers."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from lab.surveys.domain import Valid, validate_row

AGENTS = frozenset({"agent1", "agent2"})


def test_datetime_objects_are_accepted(ivr_row):
    """Stores that return aware datetimes need no string round trip."""
    ended = datetime(2026, 11, 20, 7, tzinfo=UTC)
    row = ivr_row(call_ended_at=ended, answered_at=ended + timedelta(minutes=1))
    assert validate_row(row, AGENTS).response.call_ended_at == ended


def test_z_suffix_and_other_offsets_are_accepted(ivr_row):
    """Z and any offset are fine; times compare as instants."""
    row = ivr_row(call_ended_at="2026-11-20T07:00:00Z", answered_at="2026-11-20T08:05:00+01:00")
    assert isinstance(validate_row(row, AGENTS), Valid)


def test_row_without_id_is_valid(ivr_row):
    """A CSV import has no store id; the pull cursor is then None."""
    assert validate_row(ivr_row(id=...), AGENTS).response.id is None


def test_string_digits_and_integer_ids_are_read(ivr_row):
    """Score '7' and an integer call id from a store are read as 7 and '12345'."""
    response = validate_row(ivr_row(score=" 7 ", call_id=12345, id="8"), AGENTS).response
    assert response.score == 7
    assert response.call_id == "12345"
    assert response.id == 8


@pytest.mark.parametrize("score", [6.5, "6.5", 11, -1, "-1", "ten", True, False, 7.0, "٧", [7]])
def test_bad_score(score, ivr_row, rejected):
    """Only whole numbers 0-10, as int or digits, are scores."""
    result = rejected(ivr_row(score=score))
    assert result.reason == "bad_score"
    assert result.field == "score"
    assert "score" in result.detail
    assert repr(score) in result.detail or str(score) in result.detail


@pytest.mark.parametrize("score", [0, 10, "0", "10", "07"])
def test_score_limits_are_accepted(score, ivr_row):
    """0 and 10 are real scores, as int or text."""
    assert validate_row(ivr_row(score=score), AGENTS).response.score == int(score)


@pytest.mark.parametrize("field", ["call_ended_at", "answered_at"])
def test_naive_timestamp_string(field, ivr_row, rejected):
    """An ISO string without an offset is refused, naming the field."""
    result = rejected(ivr_row(**{field: "2026-11-20T10:00:00"}))
    assert result.reason == "naive_timestamp"
    assert result.field == field
    assert field in result.detail and "2026-11-20T10:00:00" in result.detail


def test_naive_datetime_object(ivr_row, rejected):
    """A naive datetime object is refused too."""
    result = rejected(ivr_row(call_ended_at=datetime(2026, 11, 20, 10)))
    assert result.reason == "naive_timestamp"


def test_naive_sent_at(sms_row, rejected):
    """The SMS send time needs an offset too."""
    result = rejected(sms_row(sent_at="2026-11-20T12:00:00"))
    assert (result.reason, result.field) == ("naive_timestamp", "sent_at")


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01T00:00:00+03:00", 1732086000, 3.5])
def test_bad_timestamp(value, ivr_row, rejected):
    """Text that is not ISO 8601, and numbers, are not timestamps."""
    result = rejected(ivr_row(answered_at=value))
    assert result.reason == "bad_timestamp"
    assert result.field == "answered_at"


@pytest.mark.parametrize(("comment", "expected"), [(None, None), ("", None), ("  \n ", None)])
def test_empty_comment_is_none(comment, expected, ivr_row):
    """No comment, or only whitespace, is None."""
    assert validate_row(ivr_row(comment=comment), AGENTS).response.comment is expected


def test_comment_of_4000_characters_is_kept(ivr_row):
    """4000 characters after stripping is the limit, and allowed."""
    comment = " " + "x" * 4000 + " "
    assert validate_row(ivr_row(comment=comment), AGENTS).response.comment == "x" * 4000


def test_comment_too_long(ivr_row, rejected):
    """4001 characters is refused, with the length in the detail and the value cut short."""
    result = rejected(ivr_row(comment="y" * 4001))
    assert result.reason == "comment_too_long"
    assert "4001" in result.detail and "comment" in result.detail
    assert len(result.detail) < 200


def test_bad_comment(ivr_row, rejected):
    """A comment must be text."""
    assert rejected(ivr_row(comment=42)).reason == "bad_comment"


def test_response_id_of_100_characters_is_kept(ivr_row):
    """100 characters is the limit, and allowed."""
    assert validate_row(ivr_row(response_id="r" * 100), AGENTS).response.response_id == "r" * 100


@pytest.mark.parametrize("value", ["r" * 101, 1.5, ["r-1"], True])
def test_bad_response_id(value, ivr_row, rejected):
    """Over 100 characters, or not text, is refused."""
    result = rejected(ivr_row(response_id=value))
    assert result.reason == "bad_response_id"
    assert result.field == "response_id"


def test_bad_call_id(ivr_row, rejected):
    """A call id must be text of at most 100 characters."""
    assert rejected(ivr_row(call_id="c" * 101)).reason == "bad_call_id"


@pytest.mark.parametrize("value", [-1, "abc", 2.0, True])
def test_bad_id(value, ivr_row, rejected):
    """The store's pull cursor is a whole number >= 0."""
    result = rejected(ivr_row(id=value))
    assert (result.reason, result.field) == ("bad_id", "id")


def test_offsets_are_kept_as_given(ivr_row):
    """A +05:00 answer stays +05:00: the offset is part of the record."""
    row = ivr_row(answered_at="2026-11-20T12:05:00+05:00")
    answered = validate_row(row, AGENTS).response.answered_at
    assert answered.utcoffset() == timezone(timedelta(hours=5)).utcoffset(None)

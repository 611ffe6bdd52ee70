"""The store's table name and column mapping, and reading values as the driver gives them."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from lab.surveys.settings import MAPPABLE, STORE_COLUMNS, parse_columns, settings_from
from lab.surveys.store import layout_table, normalise, read_table


def test_no_mapping_means_the_bundled_layout():
    """Unset or empty: every column keeps our name, the optional customer_key too."""
    assert parse_columns(None) == {name: name for name in MAPPABLE}
    assert "customer_key" in MAPPABLE and "customer_key" not in STORE_COLUMNS
    assert parse_columns("") == parse_columns({})


def test_a_partial_mapping_overrides_only_what_it_names():
    """JSON text or a dict; unnamed columns keep ours."""
    mapping = parse_columns(json.dumps({"score": "nps", "id": "seq"}))
    assert mapping["score"] == "nps" and mapping["id"] == "seq"
    assert mapping["comment"] == "comment"


@pytest.mark.parametrize(("value", "message"), [
    ("{not json", "not JSON"),
    ('["score"]', "must map"),
    ({"score": 5}, "must map"),
    ({"score": ""}, "must map"),
    ({"nps": "score"}, "unknown columns ['nps']"),
])
def test_a_bad_mapping_is_refused_with_the_reason(value, message):
    """Bad configuration fails at start-up, saying what is wrong."""
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_columns(value)


def test_tables_use_their_names_and_our_keys():
    """Reading and creating address their columns through our names."""
    mapping = parse_columns({"agent_login": "operator"})
    for table in (read_table("feed", mapping), layout_table("feed", mapping, customer=False)):
        assert table.name == "feed"
        assert table.c.agent_login.name == "operator"
        assert [column.key for column in table.c] == list(STORE_COLUMNS)
    mapping = parse_columns({"customer_key": "msisdn"})
    bundled = layout_table("feed", mapping)
    assert [column.key for column in bundled.c] == list(MAPPABLE)
    assert bundled.c.customer_key.name == "msisdn"


@pytest.mark.parametrize(("given", "expected"), [
    (Decimal("9"), 9), (Decimal("6.5"), 6.5), (Decimal("7.0"), 7.0), (Decimal("-1"), -1),
    (9, 9), (6.5, 6.5), ("9", "9"), (None, None),
])
def test_normalise_keeps_what_validation_must_judge(given, expected):
    """A whole Decimal becomes int; 7.0 stays a float, so validation refuses it."""
    value = normalise(given)
    assert value == expected and type(value) is type(expected)


def test_settings_from_config():
    """Defaults for what is unset; a bad batch size is refused."""
    settings = settings_from({"SURVEY_STORE_URL": "sqlite://", "TIMEZONE": "Asia/Yekaterinburg"})
    assert (settings.table, settings.batch_size, settings.interval) == ("tnps_responses", 20_000,
                                                                        5.0)
    assert settings.push_secret is None and settings.min_n == 30
    assert str(settings.tz) == "Asia/Yekaterinburg"
    with pytest.raises(ValueError, match="SYNC_BATCH_SIZE"):
        settings_from({"SURVEY_STORE_URL": "sqlite://", "SYNC_BATCH_SIZE": -1})


def test_survey_windows_come_from_the_config():
    """Windows are configurable in minutes; unset ones keep the seeds' defaults."""
    from datetime import timedelta

    from lab.surveys.settings import windows_from

    windows = windows_from({"SURVEY_IVR_ANSWER_MINUTES": "5", "SURVEY_SMS_SEND_MINUTES": 60})
    assert windows.ivr_answer_max == timedelta(minutes=5)
    assert windows.sms_send_max == timedelta(hours=1)
    assert windows.sms_answer_max == timedelta(hours=24)


def test_lookback_ids_from_config():
    """1000 ids by default; 0 turns the look-back off; a negative window is refused."""
    base = {"SURVEY_STORE_URL": "sqlite://"}
    assert settings_from(base).lookback_ids == 1000
    assert settings_from({**base, "SYNC_LOOKBACK_IDS": "0"}).lookback_ids == 0
    assert settings_from({**base, "SYNC_LOOKBACK_IDS": 250}).lookback_ids == 250
    with pytest.raises(ValueError, match="SYNC_LOOKBACK_IDS"):
        settings_from({**base, "SYNC_LOOKBACK_IDS": -1})

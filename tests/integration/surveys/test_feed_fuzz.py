"""The push API, the CSV import and the sync under generated rows: every valid row is
stored exactly once, every invalid one is quarantined, and nothing fails the batch."""

from __future__ import annotations

import csv
import itertools
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from lab.surveys.importer import import_csv
from lab.surveys.models import QuarantinedRow, SurveyResponse
from lab.surveys.settings import STORE_COLUMNS
from lab.surveys.sync import sync_once
from tests.fuzz.conftest import FUZZ
from tests.integration.surveys.rows import recount, rollup_tally, signed_post, status

_batch = itertools.count(1)
AGENTS = ("agent_a", "agent_a2", "agent_b")
OFFSETS = [timezone(timedelta(hours=hours)) for hours in (-11, -5, 0, 3, 5, 14)]


@st.composite
def valid_rows(draw, key: str):
    """A row validation accepts: on time or late, IVR or SMS, any offset."""
    ended = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(
        seconds=draw(st.integers(0, 700 * 86400)))
    zone = draw(st.sampled_from(OFFSETS))
    channel = draw(st.sampled_from(("ivr", "sms")))
    row = {"response_id": key, "call_id": f"call-{key}",
           "agent_login": draw(st.sampled_from(AGENTS)), "channel": channel,
           "call_ended_at": ended.astimezone(zone).isoformat(), "sent_at": None,
           "score": draw(st.one_of(st.integers(0, 10), st.integers(0, 10).map(str))),
           "comment": draw(st.one_of(st.none(), st.text(
               st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)))}
    if channel == "sms":
        sent = ended + timedelta(minutes=draw(st.integers(0, 1500)))
        answered = sent + timedelta(minutes=draw(st.integers(0, 1500)))
        row["sent_at"] = sent.astimezone(zone).isoformat()
    else:
        answered = ended + timedelta(seconds=draw(st.integers(0, 1200)))
    row["answered_at"] = answered.astimezone(zone).isoformat()
    return row


BREAKS = {
    "score": (11, -1, 6.5, "6.5", "abc", 10**20, True, "²", None),
    "id": (10**20, -1, 2**63, "x"),
    "call_ended_at": ("9999-12-31T23:00:00+00:00", "0001-01-01T00:00:00+05:00",
                      "2026-11-20T10:00:00", "yesterday", 5),
    "answered_at": ("9999-12-31T23:59:59-05:00", "2000-01-01T00:00:00+00:00"),
    "response_id": ("bad-\ud800", "nul\x00id", "r" * 101, 3.5),
    "call_id": ("call\ud800", "", "c" * 101),
    "agent_login": ("ghost", None, "agent_a\ud800"),
    "channel": ("email", "IVR\x00", None),
    "comment": (["a"], "x\ud800", "y" * 4001, "nul\x00"),
}


@st.composite
def invalid_rows(draw, key: str):
    """A valid row with one field broken in a way validation must refuse."""
    row = draw(valid_rows(key))
    field = draw(st.sampled_from(sorted(BREAKS)))
    row[field] = draw(st.sampled_from(BREAKS[field]))
    return row


@st.composite
def batches(draw, csv_safe: bool = False):
    """A mixed list of valid and invalid rows with fresh response_ids."""
    number = next(_batch)
    good = [draw(valid_rows(f"v{number}-{n}")) for n in range(draw(st.integers(0, 6)))]
    bad = [draw(invalid_rows(f"i{number}-{n}")) for n in range(draw(st.integers(0, 6)))]
    if csv_safe:  # a CSV file holds text: no surrogates, no NULs, no lists
        bad = [row for row in bad if all(_csv_cell(value) for value in row.values())
               and isinstance(row["response_id"], str)]  # 3.5 as text is a fine id
    rows = draw(st.permutations(good + bad))
    return rows, {row["response_id"] for row in good}


def _csv_cell(value) -> bool:
    if isinstance(value, list):
        return False
    text = "" if value is None else str(value)
    return "\x00" not in text and not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def _counts(db):
    db.rollback()
    stored = dict(db.execute(select(SurveyResponse.response_id, func.count())
                             .group_by(SurveyResponse.response_id)).all())
    held = db.scalar(select(func.count()).select_from(QuarantinedRow))
    return stored, held


def _check(db, before_held, rows, good, report):
    stored, held = _counts(db)
    for key in good:
        assert stored.get(key) == 1, key
    for row in rows:
        if row["response_id"] not in good and isinstance(row["response_id"], str):
            assert row["response_id"].strip() not in stored or row["response_id"] in good
    assert report.taken == len(good)
    assert report.quarantined == len(rows) - len(good) == held - before_held
    assert rollup_tally(db) == recount(db)


def test_push_stores_each_valid_row_once_and_quarantines_the_rest(client, world, db):
    @FUZZ
    @given(batch=batches())
    def push(batch):
        rows, good = batch
        _stored, before = _counts(db)
        response = signed_post(client, rows)
        assert response.status_code == 200, response.get_data(as_text=True)
        data = response.get_json()
        assert {item["index"] for item in data["rejected"]} == {
            index for index, row in enumerate(rows) if row["response_id"] not in good}

        class Report:
            taken, quarantined = data["taken"], data["quarantined"]

        _check(db, before, rows, good, Report)
        again = signed_post(client, rows).get_json()  # a replay changes nothing
        assert again["taken"] == again["quarantined"] == 0

    push()


def test_import_stores_each_valid_row_once_and_quarantines_the_rest(
        world, db, sessions, settings, tmp_path):
    path = tmp_path / "feed.csv"

    @FUZZ
    @given(batch=batches(csv_safe=True))
    def load(batch):
        rows, good = batch
        _stored, before = _counts(db)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(STORE_COLUMNS))
            writer.writeheader()
            for row in rows:
                writer.writerow({key: "" if row.get(key) is None else row.get(key)
                                 for key in STORE_COLUMNS})
        report = import_csv(sessions, settings, path)
        # A CSV cell cannot hold "no value" apart from empty, nor a number apart from
        # text: a row refused for that shape is still quarantined, never lost.
        _check(db, before, rows, good, report)

    load()


def test_sync_takes_each_valid_row_once_and_moves_past_the_rest(world, db, store, sessions,
                                                                settings):
    runs = itertools.count(1)

    # A whole sync per example costs more than a push: a quarter of the examples.
    @hypothesis_settings(FUZZ, max_examples=max(10, FUZZ.max_examples // 4))
    @given(batch=batches(csv_safe=True))
    def pull(batch):
        rows, good = batch
        run = next(runs)  # Hypothesis replays examples: the store keeps response_id unique
        fresh, kept = [], set()
        for row in rows:
            if "id" in row:
                continue  # only a broken id brings one: the store numbers its rows itself
            row = dict(row)
            score = row["score"]
            if isinstance(score, bool) or isinstance(score, str) and not (
                    score.isascii() and score.isdigit()) \
                    or isinstance(score, int) and score > 10**15:
                # The store's NUMERIC column holds numbers only (True would come back 1).
                row["score"] = 99
            was = row["response_id"]
            row["response_id"] = f"s{run}-{was}"
            if any(row["response_id"] == other["response_id"] for other in fresh):
                continue  # two rows broken alike ("r" * 101): the store keeps one per id
            if was in good:
                kept.add(row["response_id"])
            fresh.append(row)
        _stored, before = _counts(db)
        store.append(fresh)
        report = sync_once(sessions, store, settings)
        _check(db, before, fresh, kept, report)
        # The cursor moved past every row, the refused ones included: nothing is stuck.
        assert store.count_after(status(db).cursor) == 0 == status(db).lag

    pull()

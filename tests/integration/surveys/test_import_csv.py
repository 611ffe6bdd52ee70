"""`lab surveys import FILE.csv`: same validation and idempotency as the sync."""

from __future__ import annotations

import csv

from lab.cli import cli
from lab.surveys.settings import STORE_COLUMNS
from tests.integration.surveys.rows import (
    quarantine_reasons,
    recount,
    rollup_tally,
    sms_row,
    store_row,
    stored_ids,
)


def _write(path, rows, columns=STORE_COLUMNS[1:]):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({key: "" if row.get(key) is None else row.get(key) for key in columns})


def _invoke(app, *args):
    return app.test_cli_runner().invoke(cli, list(args), catch_exceptions=False)


def test_import_stores_quarantines_and_is_idempotent(app, world, db, tmp_path):
    """Good rows stored, bad ones quarantined, late ones marked; a second run takes nothing."""
    path = tmp_path / "feed.csv"
    rows = [store_row(response_id="csv-1", score=10, comment="Всё отлично, спасибо"),
            sms_row(response_id="csv-2", score=5),
            store_row(response_id="csv-3", score="6.5"),
            store_row(response_id="csv-4", score=""),
            store_row(response_id="csv-5", answered_at="2026-11-20T12:00:00+03:00")]
    _write(path, rows)
    first = _invoke(app, "surveys", "import", str(path))
    assert first.exit_code == 0, first.output
    assert "5 rows read: 3 taken (1 marked late), 0 duplicate, 2 quarantined" in first.output
    assert stored_ids(db) == ["csv-1", "csv-2", "csv-5"]
    assert quarantine_reasons(db) == ["bad_score", "dismissed"]
    second = _invoke(app, "surveys", "import", str(path))
    assert "5 rows read: 0 taken (0 marked late), 5 duplicate, 0 quarantined" in second.output
    assert rollup_tally(db) == recount(db)


def test_import_with_store_ids_and_a_bom(app, world, db, tmp_path):
    """An export straight from the store (id column, Excel's BOM) imports the same."""
    path = tmp_path / "export.csv"
    rows = [store_row(id=number, response_id=f"exp-{number}") for number in (1, 2)]
    _write(path, rows, STORE_COLUMNS)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = _invoke(app, "surveys", "import", str(path))
    assert "2 taken" in result.output
    assert stored_ids(db) == ["exp-1", "exp-2"]


def test_a_file_without_the_columns_is_refused(app, world, tmp_path):
    """A header missing required columns: one clear line, non-zero exit, nothing stored."""
    path = tmp_path / "wrong.csv"
    path.write_text("who,what\nx,y\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(cli, ["surveys", "import", str(path)])
    assert result.exit_code != 0
    assert "the header lacks response_id, call_id" in result.output
    assert "Traceback" not in result.output

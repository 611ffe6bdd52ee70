"""CSV files with the store's columns, imported through the same validation as a sync."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from lab.db import writing
from lab.surveys.domain import REQUIRED_FIELDS
from lab.surveys.ingest import ingest, load_context
from lab.surveys.report import SyncReport
from lab.surveys.settings import SurveySettings


class ImportFailed(Exception):
    """The file cannot be imported at all (not its rows: those go to quarantine)."""


def read_rows(path: Path) -> Iterator[dict[str, object]]:
    """Rows of a CSV file with a header; empty cells become None, as a NULL in the store."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in REQUIRED_FIELDS if name not in (reader.fieldnames or [])]
        if missing:
            raise ImportFailed(f"{path.name}: the header lacks {', '.join(missing)}")
        for row in reader:
            # A short line leaves None under the missing keys, a long one a list under None.
            yield {key: (None if value in ("", None) else value)
                   for key, value in row.items() if key is not None}


def import_csv(sessions: sessionmaker[Session], settings: SurveySettings, path: Path,
               batch_size: int | None = None) -> SyncReport:
    """Import a CSV file in batches, each one transaction; safe to run again."""
    size = batch_size or settings.batch_size
    try:
        rows = read_rows(path)
        total = SyncReport()
        with sessions() as session:
            ctx = load_context(session, settings)
        while chunk := list(islice(rows, size)):
            with writing(), sessions() as session, session.begin():
                total += replace(ingest(session, chunk, "import", ctx), batches=1)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ImportFailed(f"{path}: {exc}") from None
    return total

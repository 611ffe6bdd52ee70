"""SyncReport: counts that add up and read well."""

from __future__ import annotations

import dataclasses

import pytest

from lab.surveys.report import SyncReport


def test_reports_add_field_by_field():
    """Batches sum into the sync's report."""
    total = SyncReport(seen=3, taken=2, quarantined=1, batches=1) + SyncReport(
        seen=2, taken=1, duplicate=1, late=1, batches=1)
    assert total == SyncReport(seen=5, taken=3, duplicate=1, quarantined=1, late=1, batches=2)
    assert sum([SyncReport(seen=1)] * 3, SyncReport()).seen == 3


def test_report_is_frozen_and_prints_every_count():
    """The CLI prints it; nothing is left out."""
    report = SyncReport(seen=10, taken=6, duplicate=1, quarantined=3, late=2, reprocessed=4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.taken = 0  # type: ignore[misc]
    assert str(report) == ("10 rows read: 6 taken (2 marked late), 1 duplicate, "
                           "3 quarantined; 4 released from quarantine")
    assert report.as_dict()["quarantined"] == 3

"""What one sync, import or push did with the rows it read: nothing goes uncounted."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields


@dataclass(frozen=True)
class SyncReport:
    """Counts of rows read and where each went.

    seen = taken + duplicate + quarantined; late counts the taken rows marked late (kept,
    not in TNPS); reprocessed counts quarantined rows that passed at last and were stored.
    """

    seen: int = 0
    taken: int = 0
    duplicate: int = 0
    quarantined: int = 0
    late: int = 0
    reprocessed: int = 0
    batches: int = 0

    def __add__(self, other: object) -> SyncReport:
        if not isinstance(other, SyncReport):
            return NotImplemented
        return SyncReport(**{f.name: getattr(self, f.name) + getattr(other, f.name)
                             for f in fields(self)})

    def as_dict(self) -> dict[str, int]:
        """The counts as JSON-ready numbers."""
        return asdict(self)

    def __str__(self) -> str:
        return (
            f"{self.seen} rows read: {self.taken} taken ({self.late} marked late), "
            f"{self.duplicate} duplicate, {self.quarantined} quarantined; "
            f"{self.reprocessed} released from quarantine"
        )

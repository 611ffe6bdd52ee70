"""Problems found in content files, reported all at once so authors can fix them in one go."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ContentError:
    """One problem: which file, where inside it (e.g. `trials[2].hint.en`), and what is wrong."""

    file: str
    place: str
    message: str

    def describe(self, root: Path | None = None) -> str:
        """Return `FILE: PLACE: MESSAGE`, with FILE relative to root when it lies under it."""
        file = self.file
        if root is not None and Path(self.file).resolve().is_relative_to(root.resolve()):
            file = str(Path(self.file).resolve().relative_to(root.resolve()))
        return f"{file}: {self.place}: {self.message}"

    def __str__(self) -> str:
        return self.describe()


class ContentInvalid(Exception):
    """Raised when content cannot be used; carries every problem found."""

    def __init__(self, errors: Iterable[ContentError], root: Path | None = None) -> None:
        self.errors = tuple(errors)
        lines = [f"{len(self.errors)} problem(s) in content files:"]
        lines += [f"  {error.describe(root)}" for error in self.errors]
        super().__init__("\n".join(lines))


class Collector:
    """Gathers errors for one file so validators can keep going after a problem."""

    def __init__(self, file: Path | str) -> None:
        self.file = str(file)
        self.errors: list[ContentError] = []

    def add(self, place: str, message: str) -> None:
        """Record one problem at a place in this file."""
        self.errors.append(ContentError(self.file, place or "(file)", message))

"""One page of a list that grows with the feed: never the whole list in one answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """The items of one page, which page it is, and how many there are."""

    items: Sequence[T]
    page: int
    pages: int
    total: int

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def page_count(total: int, size: int) -> int:
    """Pages needed for total items (at least one, empty or not)."""
    return max(1, -(-total // size))


def clamp(page: int, total: int, size: int) -> int:
    """A page past the end shows the last one, rather than nothing."""
    return min(max(1, page), page_count(total, size))


def page_of(items: Sequence[T], page: int, size: int) -> Page[T]:
    """Slice an in-memory list."""
    page = clamp(page, len(items), size)
    start = (page - 1) * size
    return Page(items[start:start + size], page, page_count(len(items), size), len(items))

"""The three TNPS buckets and the one rule that puts a 0-10 score into exactly one of them."""

from enum import StrEnum


class Category(StrEnum):
    """Where a 0-10 answer falls: the words used in code, UI and reports alike."""

    PROMOTER = "promoter"
    PASSIVE = "passive"
    DETRACTOR = "detractor"


def category(score: int) -> Category:
    """Return the bucket of a 0-10 score; refuse anything that is not a whole score."""
    # bool is a subclass of int: True would silently count as a detractor "1".
    # Floats are refused outright so 6.5 or 8.5 can never fall between two buckets.
    if isinstance(score, bool) or not isinstance(score, int):
        raise ValueError(f"a TNPS score must be a whole number from 0 to 10, got {score!r}")
    if score < 0 or score > 10:
        raise ValueError(f"a TNPS score must be from 0 to 10, got {score}")
    if score <= 6:
        return Category.DETRACTOR
    if score <= 8:
        return Category.PASSIVE
    return Category.PROMOTER

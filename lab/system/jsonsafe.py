"""JSON from strangers: bounded in depth, so no input can raise RecursionError (a 500).

Python's json raises RecursionError, not ValueError, on input nested about a thousand
deep, and every caller that only catches ValueError then fails with a server error.
"""

from __future__ import annotations

import json

MAX_DEPTH = 32


class JsonRefused(ValueError):
    """The body is not JSON we accept; the reason says why."""


def depth_exceeds(value: object, limit: int) -> bool:
    """True when lists and objects nest deeper than limit (walked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, dict | list))
    return False


def loads(text: str | bytes, max_depth: int = MAX_DEPTH) -> object:
    """json.loads that refuses (JsonRefused) what is malformed or nested too deep."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise JsonRefused(f"JSON nested deeper than {max_depth} levels") from None
    except UnicodeDecodeError:
        raise JsonRefused("the body is not UTF-8") from None
    except ValueError as exc:
        raise JsonRefused(f"malformed JSON: {exc}") from None
    if depth_exceeds(data, max_depth):
        raise JsonRefused(f"JSON nested deeper than {max_depth} levels")
    return data

"""Hostile values for the fuzz suite: huge integers, odd digits, control characters,
surrogates, deep nesting, and the app's own names so the guesses reach real rows."""

from __future__ import annotations

import json
from urllib.parse import quote, quote_from_bytes

from hypothesis import strategies as st

HUGE_INTS = (2**31, 2**63 - 1, 2**63, 2**64, 10**20, 10**30, 10**400)
SPECIAL_TEXT = (
    "", " ", "0", "-1", "1.5", "1e5", "NaN", "Infinity", "²", "١٢", "٣", "∞", "0x10",
    "\x00", "\t", "\n", "\r\n", "\x7f", "\u202e", "\ufeff", "/\t/evil.example/", "//evil.example",
    "/\\evil", "javascript:alert(1)", "<script>alert(1)</script>", "{{7*7}}", "' OR 1=1 --",
    "=HYPERLINK(\"x\")", "a" * 5000, "ru", "en", "any", "all", "open", "closed", "month",
    "unexpected-charge", "poor-connection", "first_promoter", "comeback", "detractor",
    "ivr", "sms", "agent", "lead", "admin", "2026-11-20", "9999-12-31", "0001-01-01",
)
SECTORS = ("unexpected-charge", "poor-connection", "price-change", "about-to-leave")
SLUGS = ("first-words", "listening", "tnps-basics", "closing")

# Text a URL or a form can carry (no lone surrogates: HTTP has none; they come as bytes).
url_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
numbers = st.one_of(st.integers(min_value=-5, max_value=12), st.sampled_from(HUGE_INTS),
                    st.integers(min_value=-10**30, max_value=10**30))
hostile = st.one_of(st.sampled_from(SPECIAL_TEXT), url_text, numbers.map(str))
# Percent-escaped raw bytes: invalid UTF-8 and encoded surrogates included.
raw_bytes = st.binary(max_size=12).map(lambda data: quote_from_bytes(data, safe=""))

QUERY_NAMES = ("page", "team", "days", "new", "next", "q", "sort", "dir", "flagged", "period",
               "category", "channel", "topic", "after", "agent", "reason", "show", "action",
               "lang", "step", "from", "to")
FORM_NAMES = ("login", "password", "remember", "lang", "next", "current", "new", "confirm",
              "name", "role", "team_id", "lead", "tiers", "min_n", "field", "value",
              "sector_id", "due_on", "anonymous", "text", "step", "version", "status",
              "outcome", "note", "submit")


@st.composite
def query_strings(draw) -> str:
    """A query string of known and unknown names, some values raw bytes."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        name = draw(st.one_of(st.sampled_from(QUERY_NAMES), url_text.filter(bool)))
        if draw(st.booleans()):
            value = quote(draw(hostile).encode("utf-8"), safe="")
        else:
            value = draw(raw_bytes)
        parts.append(f"{quote(name.encode('utf-8'), safe='')}={value}")
    return "&".join(parts)


def path_value(kind: str, name: str):
    """Values for one URL argument: ids that exist, ids no database holds, odd text."""
    if kind == "int":
        return st.one_of(st.integers(min_value=0, max_value=12), st.sampled_from(HUGE_INTS),
                         st.integers(min_value=0, max_value=10**25)).map(str)
    known = SECTORS if name == "sector_id" else SLUGS if name == "slug" else ()
    return st.one_of(st.sampled_from(known or ("x",)),
                     hostile.map(lambda text: quote(text.encode("utf-8"), safe="")),
                     raw_bytes).filter(lambda text: text not in ("", ".", ".."))


forms = st.dictionaries(st.sampled_from(FORM_NAMES), hostile, max_size=8)

json_leaves = st.one_of(st.none(), st.booleans(), numbers, st.floats(allow_nan=True),
                        st.text(max_size=20), st.sampled_from(SPECIAL_TEXT))
json_values = st.recursive(
    json_leaves,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=10), children, max_size=4)),
    max_leaves=25)


@st.composite
def json_bodies(draw) -> bytes:
    """A JSON body: a generated value (surrogates come out as \\ud800 escapes), a
    deep nesting, or bytes that are not JSON at all."""
    kind = draw(st.sampled_from(("value", "value", "deep", "junk")))
    if kind == "deep":
        depth = draw(st.sampled_from((40, 1000, 3000, 100_000)))
        opener, closer = draw(st.sampled_from((("[", "]"), ('{"a":', "}"))))
        return (opener * depth + "1" + closer * depth).encode()
    if kind == "junk":
        return draw(st.binary(max_size=64))
    value = draw(json_values)
    if draw(st.booleans()):
        value = {"sector": draw(st.sampled_from(SECTORS)), "step": draw(numbers),
                 "lang": draw(st.sampled_from(("ru", "en", "xx"))), "text": draw(hostile),
                 **({"extra": value} if draw(st.booleans()) else {})}
    return json.dumps(value).encode()

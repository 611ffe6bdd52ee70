"""Bilingual text: every text leaf in sectors and the Codex exists in each language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lab.content.errors import Collector

LANGS: tuple[str, ...] = ("ru", "en")


@dataclass(frozen=True)
class Text:
    """A text in Russian and English."""

    ru: str
    en: str

    def get(self, lang: str) -> str:
        """Return the text in lang; unknown languages are a programming error."""
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
        return self.ru if lang == "ru" else self.en


def where(place: str, key: str | int) -> str:
    """Join a place and a key the way errors show it: `trials[2].hint`."""
    if isinstance(key, int):
        return f"{place}[{key}]"
    return f"{place}.{key}" if place else key


def read_text(
    node: Any, place: str, issues: Collector, extra: tuple[str, ...] = ()
) -> Text | None:
    """Read a {ru, en} mapping, reporting missing or empty languages and unknown keys."""
    if not isinstance(node, dict):
        issues.add(place, f"expected a mapping with {' and '.join(LANGS)} texts")
        return None
    check_keys(node, place, issues, allowed=LANGS + extra)
    values: dict[str, str] = {}
    for lang in LANGS:
        value = node.get(lang)
        if value is None:
            issues.add(where(place, lang), "missing text in this language")
        elif not isinstance(value, str):
            # YAML turns bare yes/no/on/off into booleans; quoting fixes it.
            issues.add(where(place, lang), "expected text (put it in quotes)")
        elif not value.strip():
            issues.add(where(place, lang), "text is empty")
        else:
            values[lang] = value.strip()
    if len(values) != len(LANGS):
        return None
    return Text(**values)


def check_keys(
    node: dict[Any, Any],
    place: str,
    issues: Collector,
    allowed: tuple[str, ...],
    required: tuple[str, ...] = (),
) -> None:
    """Report unknown and missing keys of a mapping."""
    for key in node:
        if key not in allowed:
            issues.add(where(place, str(key)), f"unknown key; allowed: {', '.join(allowed)}")
    for key in required:
        if key not in node:
            issues.add(where(place, key), "missing")

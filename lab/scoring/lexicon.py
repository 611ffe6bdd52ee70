"""The service lexicon: concept patterns per language, compiled once from the YAML files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from lab.content.text import LANGS, Text
from lab.scoring.nlp import Language, lemma
from lab.scoring.patterns import Pattern, compile_pattern

# libyaml's parser in C when PyYAML has it: about ten times faster than the Python one.
_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 (safe)

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
DIMENSIONS = ("reliability", "empathy", "inspiration")


@dataclass(frozen=True)
class Concept:
    """A service concept or a warning sign, with what it does to the score."""

    name: str
    kind: str  # good | harm | signal
    codex: str
    message: Text
    dimension: str = ""
    penalty: MappingProxyType[str, float] = field(default_factory=lambda: MappingProxyType({}))
    cap: int = 10
    cap_after: int = 1
    # In a sentence that meets one of the trial's needs a hit does not count: "always" (an
    # offer there is the fix), "warnings" (only the trial's warning words), or "no".
    yields_to_needs: str = "no"


@dataclass(frozen=True)
class Lexicon:
    """All concepts, plus per-language patterns and word lists."""

    concepts: MappingProxyType[str, Concept]
    signals: MappingProxyType[str, Concept]
    praise: Concept
    languages: MappingProxyType[str, Language]
    patterns: MappingProxyType[tuple[str, str], tuple[Pattern, ...]]
    # A trial warning linked to one of these Codex sections counts as that harm when sent.
    warning_harms: MappingProxyType[str, str] = field(
        default_factory=lambda: MappingProxyType({}))

    def good(self) -> tuple[str, ...]:
        """Names of concepts a rubric can ask for."""
        return tuple(n for n, c in self.concepts.items() if c.kind == "good")

    def harmful(self) -> tuple[Concept, ...]:
        """Concepts penalised in any reply."""
        return tuple(c for c in self.concepts.values() if c.kind == "harm")

    def codex_links(self) -> dict[str, str]:
        """Every Codex link the lexicon uses, keyed by where it is written."""
        links = {f"concepts.{n}.codex": c.codex for n, c in self.concepts.items()}
        links |= {f"signals.{n}.codex": c.codex for n, c in self.signals.items()}
        return links | {"praise.codex": self.praise.codex}


def _text(node: dict[str, Any]) -> Text:
    return Text(ru=str(node["ru"]), en=str(node["en"]))


def _concept(name: str, node: dict[str, Any], kind: str) -> Concept:
    message = node.get("missing") if kind == "good" else node.get("found")
    if message is None:
        raise ValueError(f"lexicon concept {name!r} has no message")
    penalty = {k: float(v) for k, v in node.get("penalty", {}).items()}
    if not set(penalty) <= set(DIMENSIONS) or node.get("dimension", "reliability") not in \
            DIMENSIONS:
        raise ValueError(f"lexicon concept {name!r} names an unknown dimension")
    return Concept(name, kind, str(node["codex"]), _text(message), node.get("dimension", ""),
                   MappingProxyType(penalty), int(node.get("cap", 10)),
                   int(node.get("cap_after", 1)), str(node.get("yields_to_needs", "no")))


def _language(code: str, node: dict[str, Any]) -> Language:
    def words(key: str) -> frozenset[str]:
        raw = [str(w).replace("ё", "е") for w in node.get(key) or ()]
        # Lists are compared with lemmas, so "больше" must also be found as "большой".
        return frozenset(raw) | frozenset(lemma(w, code) for w in raw)

    keys = ("negators", "passes_negation", "existential", "clause_breaks", "function_words",
            "parentheticals", "light_words", "finite_markers", "contrast")
    return Language(code, **{key: words(key) for key in keys})


@lru_cache(maxsize=4)
def load_lexicon(folder: Path = LEXICON_DIR) -> Lexicon:
    """Load and compile the lexicon; errors here are bugs in our data, so they raise."""
    meta = _load_yaml(folder / "concepts.yaml")
    concepts = {n: _concept(n, c, c["kind"]) for n, c in meta["concepts"].items()}
    signals = {n: _concept(n, c, "signal") for n, c in meta["signals"].items()}
    praise = Concept("praise", "praise", meta["praise"]["codex"], _text(meta["praise"]["message"]))
    languages, patterns = {}, {}
    for lang in LANGS:
        data = _load_yaml(folder / f"{lang}.yaml")
        languages[lang] = _language(lang, data["language"])
        unknown = set(data["concepts"]) - set(concepts)
        missing = set(concepts) - set(data["concepts"])
        if unknown or missing:
            raise ValueError(f"{lang}.yaml concepts differ: unknown {unknown}, missing {missing}")
        for name, lines in data["concepts"].items():
            patterns[(name, lang)] = tuple(compile_pattern(str(line), lang) for line in lines)
    warning_harms = {str(k): str(v) for k, v in meta.get("warning_harms", {}).items()}
    unknown_harms = set(warning_harms.values()) - {c.name for c in concepts.values()
                                                   if c.kind == "harm"} - set(signals)
    if unknown_harms:
        raise ValueError(f"concepts.yaml warning_harms name unknown harms {unknown_harms}")
    return Lexicon(MappingProxyType(concepts), MappingProxyType(signals), praise,
                   MappingProxyType(languages), MappingProxyType(patterns),
                   MappingProxyType(warning_harms))

"""Loading and validating sector.yaml files into Sector objects."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path
from typing import Any

from lab.content.errors import Collector, ContentError
from lab.content.months import months
from lab.content.periods import periods
from lab.content.phrases import read_patterns
from lab.content.reactions import read_given_messages, read_reactions
from lab.content.rubric import check_link, read_rubric
from lab.content.sector import (
    CATEGORIES,
    MOODS,
    TOPICS,
    Branch,
    Branches,
    Briefing,
    CardRow,
    Sector,
    Trial,
    TrialWarning,
)
from lab.content.text import Text, check_keys, read_text, where
from lab.content.yamlfile import read_yaml

_DIGITS = re.compile(r"\d+")

SECTOR_FILE = "sector.yaml"
MAX_SECTORS = 4
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TOP_KEYS = ("id", "order", "topic", "title", "summary", "briefing", "trials")
_TRIAL_KEYS = ("id", "mood", "customer", "hint", "warnings", "model_answer", "rubric",
               "branches")
_OPTIONAL_TRIAL_KEYS = ("reactions", "customer_given")


def read_sectors(
    root: Path,
    *,
    anchors: Collection[str] | None = None,
    concepts: Collection[str] | None = None,
) -> tuple[tuple[Sector, ...], list[ContentError]]:
    """Read every sectors/<id>/sector.yaml; return the valid sectors and all problems."""
    errors: list[ContentError] = []
    sectors: list[Sector] = []
    if not root.is_dir():
        return (), [ContentError(str(root), "(folder)", "sectors folder does not exist")]
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        path = folder / SECTOR_FILE
        issues = Collector(path)
        if not path.is_file():
            issues.add("(file)", f"every sector folder needs a {SECTOR_FILE}")
        else:
            sector = _read_sector(path, issues, anchors, concepts)
            if sector is not None and not issues.errors:
                sectors.append(sector)
        errors += issues.errors
    errors += _check_orders(sectors)
    return tuple(sorted(sectors, key=lambda s: s.order)), errors


def _check_orders(sectors: list[Sector]) -> list[ContentError]:
    seen: dict[int, Sector] = {}
    errors = []
    for sector in sectors:
        if sector.order in seen:
            other = seen[sector.order].id
            errors.append(ContentError(sector.path, "order", f"order {sector.order} is also "
                                       f"used by sector {other!r}"))
        seen[sector.order] = sector
    return errors


def _read_sector(
    path: Path, issues: Collector, anchors: Collection[str] | None,
    concepts: Collection[str] | None,
) -> Sector | None:
    data = read_yaml(path, issues)
    if data is None:
        if not issues.errors:
            issues.add("(file)", "file is empty")
        return None
    if not isinstance(data, dict):
        issues.add("(file)", "expected a mapping at the top of the file")
        return None
    check_keys(data, "", issues, allowed=_TOP_KEYS, required=_TOP_KEYS)
    sector_id = data.get("id")
    if "id" in data and sector_id != path.parent.name:
        issues.add("id", f"must equal the folder name {path.parent.name!r}, got {sector_id!r}")
    order = data.get("order")
    if "order" in data and (type(order) is not int or not 1 <= order <= MAX_SECTORS):
        issues.add("order", f"expected a whole number from 1 to {MAX_SECTORS}")
    if "topic" in data and data["topic"] not in TOPICS:
        issues.add("topic", f"expected one of {', '.join(TOPICS)}")
    title = read_text(data.get("title"), "title", issues) if "title" in data else None
    summary = read_text(data.get("summary"), "summary", issues) if "summary" in data else None
    briefing = _read_briefing(data.get("briefing"), issues) if "briefing" in data else None
    trials = _read_trials(data.get("trials"), issues, anchors, concepts) \
        if "trials" in data else None
    if issues.errors or not (title and summary and briefing and trials):
        return None
    figures = frozenset(_figures(data))
    strings = _strings(data)
    named = frozenset().union(*map(periods, strings))
    dated = frozenset().union(*map(months, strings))
    trials = tuple(replace(trial, figures=figures, periods=named, months=dated)
                   for trial in trials)
    return Sector(sector_id, order, data["topic"], title, summary, briefing, trials, str(path))


def _strings(node: Any) -> list[str]:
    """The file's text values (not its comments)."""
    if isinstance(node, dict):
        return [text for value in node.values() for text in _strings(value)]
    if isinstance(node, list):
        return [text for value in node for text in _strings(value)]
    return [node] if isinstance(node, str) else []


def _figures(node: Any) -> set[str]:
    """The figures written in a file's values (not its comments), as digit strings."""
    if isinstance(node, dict):
        return set().union(*map(_figures, node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*map(_figures, node)) if node else set()
    if isinstance(node, bool):
        return set()
    if isinstance(node, int | float | str):
        return {str(int(f)) for f in _DIGITS.findall(str(node))}
    return set()


def _read_briefing(node: Any, issues: Collector) -> Briefing | None:
    if not isinstance(node, dict):
        issues.add("briefing", "expected a mapping with situation, customer_card, allowed")
        return None
    keys = ("situation", "customer_card", "allowed")
    check_keys(node, "briefing", issues, allowed=keys, required=keys)
    situation = read_text(node.get("situation"), "briefing.situation", issues) \
        if "situation" in node else None
    rows: list[CardRow] = []
    for i, row in enumerate(_list(node.get("customer_card"), "briefing.customer_card", issues)):
        place = f"briefing.customer_card[{i + 1}]"
        if not isinstance(row, dict):
            issues.add(place, "expected a mapping with label and value")
            continue
        check_keys(row, place, issues, allowed=("label", "value"), required=("label", "value"))
        label = read_text(row.get("label"), f"{place}.label", issues) if "label" in row else None
        value = read_text(row.get("value"), f"{place}.value", issues) if "value" in row else None
        if label and value:
            rows.append(CardRow(label, value))
    allowed = [
        read_text(item, f"briefing.allowed[{i + 1}]", issues)
        for i, item in enumerate(_list(node.get("allowed"), "briefing.allowed", issues))
    ]
    if situation is None or not rows or not allowed or None in allowed:
        return None
    return Briefing(situation, tuple(rows), tuple(a for a in allowed if a is not None))


def _list(node: Any, place: str, issues: Collector) -> list[Any]:
    if not isinstance(node, list) or not node:
        issues.add(place, "expected a non-empty list")
        return []
    return node


def _read_trials(
    node: Any, issues: Collector, anchors: Collection[str] | None,
    concepts: Collection[str] | None,
) -> tuple[Trial, ...] | None:
    trials = []
    items = _list(node, "trials", issues)
    for step, item in enumerate(items, start=1):
        trials.append(_read_trial(item, step, f"trials[{step}]", issues, anchors, concepts))
    ids = [t.id for t in trials if t is not None]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        issues.add("trials", f"trial id {dup!r} is used more than once")
    if not items or None in trials:
        return None
    _check_memory([t for t in trials if t is not None], issues)
    return tuple(t for t in trials if t is not None)


def _check_memory(trials: list[Trial], issues: Collector) -> None:
    """References to earlier needs must name a need of an earlier trial; reaction rules
    must name needs of their own trial."""
    earlier: set[str] = set()
    for trial in trials:
        place = f"trials[{trial.step}]"
        for i, need in enumerate(trial.rubric.needs, start=1):
            for ref in need.carried_from:
                if ref not in earlier:
                    issues.add(f"{place}.rubric.needs[{i}].carried_from",
                               f"{ref!r} names no need of an earlier trial")
        for i, message in enumerate(trial.customer_given, start=1):
            for ref in message.given:
                if ref not in earlier:
                    issues.add(f"{place}.customer_given[{i}].given",
                               f"{ref!r} names no need of an earlier trial")
        own = {need.id for need in trial.rubric.needs}
        for i, reaction in enumerate(trial.reactions, start=1):
            for need_id in reaction.when.needs():
                if need_id not in own:
                    issues.add(f"{place}.reactions[{i}].when",
                               f"{need_id!r} is not a need of this trial; its needs: "
                               f"{', '.join(sorted(own))}")
        earlier |= {f"{trial.id}.{need.id}" for need in trial.rubric.needs}


def _read_trial(
    node: Any, step: int, place: str, issues: Collector, anchors: Collection[str] | None,
    concepts: Collection[str] | None,
) -> Trial | None:
    if not isinstance(node, dict):
        issues.add(place, "expected a mapping describing the trial")
        return None
    check_keys(node, place, issues, allowed=_TRIAL_KEYS + _OPTIONAL_TRIAL_KEYS,
               required=_TRIAL_KEYS)
    trial_id = node.get("id")
    if "id" in node and not (isinstance(trial_id, str) and _SLUG.match(trial_id)):
        issues.add(where(place, "id"), "expected a slug of lowercase letters, digits, -")
    mood = node.get("mood")
    if "mood" in node and mood not in MOODS:
        issues.add(where(place, "mood"), f"expected one of {', '.join(MOODS)}")
    texts: dict[str, Text | None] = {}
    for key in ("customer", "hint", "model_answer"):
        texts[key] = read_text(node.get(key), where(place, key), issues) if key in node else None
    warnings = _read_warnings(node.get("warnings"), where(place, "warnings"), issues, anchors) \
        if "warnings" in node else None
    rubric = read_rubric(node.get("rubric"), where(place, "rubric"), issues, anchors, concepts) \
        if "rubric" in node else None
    branches = _read_branches(node.get("branches"), where(place, "branches"), issues) \
        if "branches" in node else None
    reactions = read_reactions(node["reactions"], where(place, "reactions"), issues,
                               CATEGORIES) if "reactions" in node else ()
    given = read_given_messages(node["customer_given"], where(place, "customer_given"),
                                issues) if "customer_given" in node else ()
    if None in texts.values() or warnings is None or rubric is None or branches is None:
        return None
    if not isinstance(trial_id, str) or mood not in MOODS:
        return None
    return Trial(trial_id, step, mood, texts["customer"], texts["hint"], warnings,
                 texts["model_answer"], rubric, branches, reactions, given)


def _read_warnings(
    node: Any, place: str, issues: Collector, anchors: Collection[str] | None
) -> tuple[TrialWarning, ...] | None:
    result = []
    for i, item in enumerate(_list(node, place, issues), start=1):
        item_place = where(place, i)
        text = read_text(item, item_place, issues, extra=("codex", "match"))
        if not isinstance(item, dict):
            continue
        if "codex" not in item:
            issues.add(where(item_place, "codex"), "missing")
            continue
        codex = check_link(item.get("codex"), where(item_place, "codex"), issues, anchors)
        match = read_patterns(item["match"], where(item_place, "match"), issues) \
            if "match" in item else None
        if text and codex:
            result.append(TrialWarning(text, codex, match))
    return tuple(result) if result else None


def _read_branches(node: Any, place: str, issues: Collector) -> Branches | None:
    if not isinstance(node, dict):
        issues.add(place, "expected a mapping with promoter, passive, detractor")
        return None
    check_keys(node, place, issues, allowed=CATEGORIES, required=CATEGORIES)
    branches: dict[str, Branch] = {}
    for category in CATEGORIES:
        if category not in node:
            continue
        text = read_text(node[category], where(place, category), issues)
        if text:
            branches[category] = Branch(category, text)
    if len(branches) != len(CATEGORIES):
        return None
    return Branches(**branches)

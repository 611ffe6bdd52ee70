"""Reading YAML content files without letting a typo become a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from lab.content.errors import Collector

# libyaml's parser in C when PyYAML was built with it: ten times faster than the Python
# one, and most of the app's start-up was parsing the sector files and the lexicon.
_SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeLoader):
    """Safe loader that refuses duplicate keys, which YAML would otherwise silently merge."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path, issues: Collector) -> Any:
    """Parse a YAML file; on failure record file + line and return None."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        issues.add("(file)", f"cannot read: {exc}")
        return None
    try:
        return yaml.load(raw, Loader=_StrictLoader)  # noqa: S506 - the loader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}" if mark is not None else "(file)"
        problem = exc.problem or exc.context or "invalid YAML"
        issues.add(line, f"YAML syntax error: {problem}")
    except yaml.YAMLError as exc:
        issues.add("(file)", f"YAML error: {exc}")
    return None

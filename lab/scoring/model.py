"""The fitted rating model: gradient-boosted trees kept as a small JSON file, read in Python.

`lab scorer fit` writes `fitted/rating.json` from the labelled corpus; the app only reads it
and never trains. Reading the trees here (rather than importing the library that fitted
them) keeps the web process free of that library and makes the file the whole model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from lab.scoring.encoder import FITTED_DIR
from lab.scoring.features import MODEL_NAMES

RATING_FILE = FITTED_DIR / "rating.json"


class ModelMismatch(ValueError):
    """The model file was fitted on other features than the scorer computes."""


@dataclass(frozen=True)
class RatingModel:
    """Trees whose leaf values add up to the predicted 0-10 rating."""

    features: tuple[str, ...]
    trees: tuple[dict[str, Any], ...]
    meta: dict[str, Any]
    # Knots {"raw": [...], "rating": [...]} from the trees' output to the leads' scale.
    calibration: dict[str, list[float]] | None = None
    # The probe read off the reply's gist: its weights, then the intercept (None: no probe,
    # and the trees read the feature list without the probed value).
    probe: np.ndarray | None = None

    def predict(self, values: list[float], gist: np.ndarray | None = None) -> float:
        """The rating before rounding and caps."""
        raw = self.raw(values, gist)
        if not self.calibration:
            return raw
        return float(np.interp(raw, self.calibration["raw"], self.calibration["rating"]))

    def probed(self, gist: np.ndarray | None) -> float:
        """What the probe reads off a gist (the intercept alone when there is none)."""
        assert self.probe is not None
        if gist is None:
            return float(self.probe[-1])
        return float(gist @ self.probe[:-1] + self.probe[-1])

    def raw(self, values: list[float], gist: np.ndarray | None = None) -> float:
        """The trees' sum, before the calibration."""
        if self.probe is not None and len(values) < len(self.features):
            values = [*values, self.probed(gist)]
        total = 0.0
        for node in self.trees:
            while "leaf_value" not in node:
                go_left = values[node["split_feature"]] <= node["threshold"]
                node = node["left_child"] if go_left else node["right_child"]
            total += node["leaf_value"]
        return total


def _strip(node: dict[str, Any]) -> dict[str, Any]:
    if "leaf_value" in node:
        return {"leaf_value": float(node["leaf_value"])}
    if node.get("decision_type", "<=") != "<=":
        raise ModelMismatch(f"unsupported split {node.get('decision_type')!r}")
    return {"split_feature": int(node["split_feature"]), "threshold": float(node["threshold"]),
            "left_child": _strip(node["left_child"]), "right_child": _strip(node["right_child"])}


def from_dump(dump: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    """The file's content from a LightGBM model dump: features, trees and how it was made."""
    return {"format": 1, "features": list(dump["feature_names"]), "meta": meta,
            "trees": [_strip(t["tree_structure"]) for t in dump["tree_info"]]}


def load_model(path: Path = RATING_FILE) -> RatingModel:
    """Read the model file; refuse one fitted on a different feature list."""
    data = json.loads(path.read_text(encoding="utf-8"))
    features = tuple(data["features"])
    if features != MODEL_NAMES or "probe" not in data:
        raise ModelMismatch(f"{path.name} was fitted on other features; run `lab scorer fit`")
    return RatingModel(features, tuple(data["trees"]), dict(data.get("meta", {})),
                       data.get("calibration"), np.array(data["probe"], dtype=float))

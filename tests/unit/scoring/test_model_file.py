"""The fitted rating model: the shipped file, the gist probe and how it is fitted."""

from __future__ import annotations

import json

import numpy as np
import pytest

from lab.content import load_sectors
from lab.scoring import fit
from lab.scoring.corpus import Item
from lab.scoring.encoder import DIM
from lab.scoring.features import MODEL_NAMES, NAMES
from lab.scoring.model import RATING_FILE, ModelMismatch, load_model
from lab.scoring.scorer import Scorer


def _read(labels: list[float], gists: np.ndarray, trials: list[int]) -> fit.Read:
    items = [Item(f"r{k}", "unexpected-charge", "en", trial, "good", int(label), "train", "x")
             for k, (label, trial) in enumerate(zip(labels, trials, strict=True))]
    return fit.Read(items, np.zeros((len(items), len(NAMES))), np.full(len(items), 10.0),
                    gists)


def test_shipped_model_reads_the_scorers_features_and_a_probe() -> None:
    model = load_model()
    assert model.features == MODEL_NAMES
    assert model.probe is not None and model.probe.shape == (DIM + 1,)
    assert model.calibration and model.calibration["raw"] == sorted(model.calibration["raw"])


def test_a_file_without_the_probe_is_refused(tmp_path) -> None:
    data = json.loads(RATING_FILE.read_text(encoding="utf-8"))
    del data["probe"]
    path = tmp_path / "rating.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelMismatch, match="lab scorer fit"):
        load_model(path)
    data["features"] = list(NAMES)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelMismatch):
        load_model(path)


def test_probe_recovers_a_linear_rating() -> None:
    rng = np.random.default_rng(3)
    gists = rng.normal(size=(800, DIM))
    truth = rng.normal(size=DIM) * 0.1
    labels = np.round(gists @ truth + 5.0)  # the leads' ratings are whole numbers
    weights = fit.probe(_read(list(labels), gists, [k % 8 for k in range(800)]), alpha=1e-6)
    assert np.corrcoef(weights[:-1], truth)[0, 1] > 0.98
    assert weights[-1] == pytest.approx(5.0, abs=0.1)


def test_probed_values_never_see_their_own_trial() -> None:
    # What the trees learn to trust must be the probe on replies it was not fitted on: a
    # trial's own labels may not move its probed values.
    rng = np.random.default_rng(5)
    gists = rng.normal(size=(120, DIM))
    trials = [k % 4 for k in range(120)]
    labels = list(rng.integers(0, 11, size=120).astype(float))
    before = fit.probed(_read(labels, gists, trials))
    changed = [10.0 - v if t == 2 else v for v, t in zip(labels, trials, strict=True)]
    after = fit.probed(_read(changed, gists, trials))
    mine = np.array(trials) == 2
    assert np.allclose(before[mine], after[mine])
    assert not np.allclose(before[~mine], after[~mine])


def test_the_probe_reads_the_same_fix_said_warmly_well_above_a_cold_one() -> None:
    # A lead rates "Okay. The offer's good for 7 days." a passive; the same facts said with
    # care for a customer who wants to think it over are a promoter's reply. The probe is
    # what reads the difference (the trees then weigh it with the needs met).
    sector = {s.id: s for s in load_sectors()}["about-to-leave"]
    trial = sector.trial(5)
    scorer = Scorer()

    def probed(text: str) -> float:
        return scorer.model.probed(scorer.read(trial, text, "en").analysis.gist)

    cold = probed("Okay. The offer's good for 7 days.")
    warm = probed("Of course, Artem, take your time: it's your decision, and there's no "
                  "pressure at all. The terms are in the SMS I've sent, and the offer stays "
                  "open for 7 days.")
    assert warm - cold >= 2, (warm, cold)

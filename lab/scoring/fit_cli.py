"""`lab scorer fit`: rebuild the fitted rating model and the phrasing vectors from the corpus."""

from __future__ import annotations

import click

from lab.content import ContentInvalid, Sector, load_sectors
from lab.paths import SECTORS_DIR
from lab.scoring import fit
from lab.scoring.corpus import load_corpus
from lab.scoring.encoder import PHRASINGS_FILE, shared_encoder
from lab.scoring.model import RATING_FILE
from lab.scoring.scorer import Scorer


def phrasing_texts(scorer: Scorer, sectors: tuple[Sector, ...]) -> set[str]:
    """Every text the scorer embeds once per trial: example phrasings and model answers."""
    for sector in sectors:
        for trial in sector.trials:
            for lang in ("ru", "en"):
                scorer.prepare(trial, lang)
    return scorer.encoder.asked()


@click.group("scorer")
def scorer_group() -> None:
    """The reply scorer's fitted parts."""


@scorer_group.command("fit")
def fit_command() -> None:
    """Fit the rating model on the corpus' training part (never the holdout)."""
    try:
        sectors = load_sectors(SECTORS_DIR)
    except ContentInvalid as exc:
        raise click.ClickException(str(exc)) from None
    items = [item for item in load_corpus() if item.split == "train"]
    if not items:
        raise click.ClickException("no training replies found in tests/eval")
    click.echo(f"reading {len(items)} training replies against their trials...")
    scorer = Scorer(encoder=shared_encoder())
    read = fit.read_items(scorer, items, {s.id: s for s in sectors},
                          progress=lambda n: click.echo(f"  {n}/{len(items)}"))
    content = fit.fit(read)
    fit.write(content, RATING_FILE)
    written = scorer.encoder.save_phrasings(phrasing_texts(scorer, sectors), PHRASINGS_FILE)
    click.echo(f"wrote {RATING_FILE.name} ({len(content['trees'])} trees, "
               f"{len(read.items)} rows) and {PHRASINGS_FILE.name} ({written} phrasings)")

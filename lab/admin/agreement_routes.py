"""How the scorer agrees with the leads' reviews: overall, per sector, language and week."""

from zoneinfo import ZoneInfo

from flask import current_app, render_template

from lab.admin import bp
from lab.auth.access import admins
from lab.calibration.agreement import (
    MIN_REVIEWS,
    figures,
    grid,
    grouped,
    iso_week,
    week_label,
)
from lab.calibration.reviews import all_reviewed
from lab.team.common import lang
from lab.web_content import get_content
from lab.web_db import get_session

DIFFERENCES_SHOWN = 10


@bp.route("/admin/agreement")
@admins
def agreement():
    """Spearman, mean gap and n of scorer against leads, and where they differ most."""
    reviewed = all_reviewed(get_session())
    pairs = [item.pair for item in reviewed]
    tz = ZoneInfo(current_app.config["TIMEZONE"])
    overall = figures(pairs)
    differing = sorted((item for item in reviewed if item.review.gap),
                       key=lambda item: (-abs(item.review.gap), -item.review.id))
    order = {sector.id: sector.order for sector in get_content().sectors}
    return render_template(
        "admin/agreement.html", overall=overall, min_n=MIN_REVIEWS,
        by_sector=sorted(grouped(pairs, lambda p: p.sector), key=lambda g: order.get(g[0], 99)),
        by_lang=grouped(pairs, lambda p: p.lang),
        by_week=grouped(pairs, lambda p: iso_week(p.at.astimezone(tz))),
        counts=grid(pairs) if overall.n >= MIN_REVIEWS else None,
        differing=differing[:DIFFERENCES_SHOWN], differing_total=len(differing),
        titles={s.id: s.title.get(lang()) for s in get_content().sectors}, tz=tz,
        week_label=week_label)

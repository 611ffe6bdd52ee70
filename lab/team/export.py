"""The team overview as CSV: the same rows and scoping as the page."""

from __future__ import annotations

import io

from lab.system.csvsafe import SafeWriter
from lab.team.overview import DIMENSIONS, AgentRow

COLUMNS = ("login", "name", "passed", "sectors", "loyalty_code", *DIMENSIONS, "n",
           "promoters", "passives", "detractors", "tnps", "ci_low", "ci_high", "enough_data",
           "detractors_7d", "overdue_sectors", "flags")


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def overview_csv(rows: list[AgentRow]) -> str:
    """One line per agent; TNPS and bounds empty without answers, enough_data says n >= min."""
    out = io.StringIO()
    writer = SafeWriter(out)  # formulas in names are quoted
    writer.writerow(COLUMNS)
    for row in rows:
        data = row.live.to_row("agent", row.agent.login)
        writer.writerow((
            row.agent.login, row.agent.name, row.passed, len(row.progress.states),
            _num(row.code), *(_num(row.dimensions[d]) for d in DIMENSIONS),
            data["n"], data["promoters"], data["passives"], data["detractors"],
            _num(data["tnps"]), _num(data["ci_low"]), _num(data["ci_high"]),
            "yes" if row.live.enough_data else "no", row.recent_detractors, row.overdue,
            " ".join(row.flags)))
    return out.getvalue()
